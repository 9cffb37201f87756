"""Which person a bare surname means across the corpus, and names freed of glued words.

A surname used alone ("Trump", "Obama") in an article whose only full name with that surname is
a relative ("Ivanka Trump", "Michelle Obama") or a phrase ("Team Trump") is the bearer the
CORPUS names most (`corpus_bearers`, `prefer_bearer`): the prominent bearer, when the corpus
cites them in at least `RATIO` times the articles of the article's own full name and in at
least `LEAST` articles. The article's own full name still wins when it is itself well known
("Bill Clinton" beside "Hillary Clinton").

`clean_person` drops what a capitalised neighbour glued to a person's name: an interjection or
adverb ("Oh", "Even Bill O'Reilly"), a question word ("Did Megyn Kelly"), a plural title
("Senators Rand Paul", "Justices Clarence Thomas"), the tail of a state name ("Carolina
Donald Trump"), a possessive before a name ("Trump's Biden"); an interjection alone names no
one. Rules of thumb written for this package; given names from `given_names`.
"""

from __future__ import annotations

import re

import pandas as pd

from newscorpus.sources.forms import ORG_HEADS, PAPER_HEADS
from newscorpus.sources.given_names import given_name_gender, is_first_name, title_gender

RATIO = 8  # the corpus's bearer is cited in RATIO times the articles of the article's own name
LEAST = 10  # … and in at least LEAST articles (a prominent person)

_NAME = re.compile(r"[A-Z][\w.’'-]*(?: (?:[A-Z][\w.’'-]*|de|van|von|bin|al-\w+)){1,3}")
_INTERJECTIONS = frozenset(
    "oh ah ahh aha uh um hmm well yes yeah no nope ok okay wow hey hi alas please thanks".split()
)
_GLUE = frozenset(
    (
        "oh ah uh well yes yeah no okay wow hey even also just only still yet now then so and "
        "but or did does do is was were has have had will would could should can why how what "
        "when where who meanwhile however indeed perhaps maybe instead"
    ).split()
)
_PLURAL_TITLES = frozenset(
    (
        "senators sens. reps. representatives governors govs. justices judges presidents "
        "congressmen congresswomen lawmakers mayors ministers secretaries generals officials"
    ).split()
)
# The last word of a two-word US state or place name left glued before a person's name.
_STATE_TAILS = frozenset(
    "carolina dakota hampshire jersey mexico york virginia island columbia".split()
)


def _given(word: str) -> bool:
    return is_first_name(word) or given_name_gender(word) is not None


_MEDIA = PAPER_HEADS | frozenset("daily magazine times post news journal review weekly".split())


def _named(words: list[str]) -> bool:
    """Whether the words after a possessive are a person's name: a known given name first,
    or one capitalised word that is no organisation's head ("Biden"; never "Daily", "HUD")."""
    if _given(words[0]):
        return True
    return (
        len(words) == 1
        and not words[0].isupper()
        and words[0].lower() not in ORG_HEADS
        and words[0].lower() not in PAPER_HEADS | _MEDIA
    )


def clean_person(name: str) -> str | None:
    """A person's name without the words glued before it (see the module's docstring): "Even
    Bill O'Reilly" → "Bill O'Reilly", "Senators Rand Paul" → "Rand Paul", "Carolina Donald
    Trump" → "Donald Trump", "Trump's Biden" → "Biden"; None for an interjection alone ("Oh");
    the name unchanged when nothing is glued or nothing would be left. Input: a string."""
    if not isinstance(name, str):
        return name
    words = name.split()
    if len(words) == 1:
        return None if words[0].lower().strip(",.!") in _INTERJECTIONS else name
    k = 0
    while k < len(words) - 1:
        low = words[k].lower().strip(",")
        if (low in _GLUE and not _given(words[k])) or low in _PLURAL_TITLES:  # never "Will"
            k += 1
        elif low in _STATE_TAILS and _given(words[k + 1]) and len(words) - k >= 3:
            k += 1  # "Carolina Donald Trump", never "Virginia Foxx" alone
        elif re.search(r"[’']s$", words[k]) and words[k][:1].isupper() and _named(words[k + 1 :]):
            k += 1  # "Trump's Biden", "NPR's Julie Rovner": the owner is another
        else:
            break
    return " ".join(words[k:]) if k else name


def is_full_name(name: str) -> bool:
    """Whether `name` can bear a surname: 2-4 capitalised words (a particle such as "de",
    "bin", "al-" allowed) opening with a known given name ("Melania Trump"; never "Team
    Trump", "Trump Tower", "Watch Trump" nor a headline's "Trump Unveils"). Input: a string."""
    return isinstance(name, str) and bool(_NAME.fullmatch(name)) and _given(name.split()[0])


def courtesy_fits(title: str, name: str) -> bool:
    """Whether a courtesy or office title (`given_names.title_gender`: "Mrs.", "Mr.") may
    stand before the surname of the full `name`: the title has no gender, or the given name's
    gender is the title's or unknown ("Ms." fits "Melania Trump", not "Donald Trump")."""
    gender = title_gender(title)
    return gender is None or given_name_gender(name.split()[0]) in (gender, None)


def corpus_bearers(names: pd.DataFrame) -> dict[str, tuple[str, dict[str, int]]]:
    """{surname: (the full name the corpus cites most, {full name: articles})} for the person
    names of a name-count table (canonical, kind, n_articles, e.g. `canonical.name_counts`):
    full names of 2-4 capitalised words opening with a known given name ("Team Trump",
    "Candidate Obama" are no bearers). Surnames whose top bearer is cited in fewer than
    `LEAST` articles are left out. Empty for an empty table."""
    if names.empty:
        return {}
    per = names[names["kind"].astype("str") == "person"]
    counts: dict[str, dict[str, int]] = {}
    for full, n in zip(per["canonical"].astype("str"), per["n_articles"], strict=True):
        if not is_full_name(full):
            continue
        surname = full.split()[-1]
        mine = counts.setdefault(surname, {})
        mine[full] = mine.get(full, 0) + int(n)
    out = {}
    for surname, fulls in counts.items():
        top = max(fulls, key=lambda f: (fulls[f], f))
        if fulls[top] >= LEAST:
            out[surname] = (top, fulls)
    return out


def prefer_bearer(surname: str, local: str, bearers: dict) -> str:
    """The name a bare `surname` takes in an article whose own full name for it is `local`:
    the corpus's bearer (`corpus_bearers`) when it is cited in `RATIO` times the articles of
    `local` ("Donald Trump" over "Ivanka Trump", "Team Trump"), else `local`."""
    found = bearers.get(surname)
    if found is None or found[0] == local:
        return local
    top, fulls = found
    return top if fulls[top] >= RATIO * fulls.get(local, 0) else local


def prefer_bearers(surnames, locals_, bearers: dict) -> list[str]:
    """`prefer_bearer` of each (surname, local full name) pair of two equal-length sequences."""
    return [prefer_bearer(s, f, bearers) for s, f in zip(surnames, locals_, strict=True)]


_TITLED = re.compile(
    r"(?<![\w’'-])(President|Mr|Mrs|Ms|Sen|Senator|Gov|Governor|Rep)\.?\s+([A-Z][\w’'-]+)"
)


def titles_of(surname: str, text: str, first: int = 0) -> set[str]:
    """The titles `text` (from offset `first`) gives `surname` written alone after them
    ("President", "Mr", "Sen" of "President Trump", "Mr. Trump", "Sen. Cruz")."""
    return {m.group(1) for m in _TITLED.finditer(text, first) if m.group(2) == surname}


def titled_bearers(surname: str, own: list[str], masked: str, first: int, start: int) -> list:
    """The full names of `own` (bearers of `surname` in one article) that may be meant by the
    surname alone when the article gives the surname alone a title ("President Obama", "Mr.
    Trump"). A bearer fits a title when the article also names it after that title
    ("President Barack Obama") or its given name's gender is the courtesy title's ("Mr." and
    "Donald"; a given name of unknown gender fits any courtesy title). When a title fits some
    bearer, `own` is unchanged ("Mrs. Trump" and "Melania Trump"; "Mr. Bush" and "Jeb Bush"
    beside "President Bush"; "President Bill Clinton" and "Hillary Clinton"). When no title
    fits any bearer, a titled person the article never names in full is meant, and a bearer
    is kept only when its given name is used alone near the quote at `start` ("Michelle
    said"). `own` unchanged when the article never titles the
    surname alone. Input: masked text and the offset of the body."""
    titles = titles_of(surname, masked, first)
    if not titles:
        return own

    def fits(title: str, name: str) -> bool:
        return bool(
            re.search(re.escape(title) + r"\.?\s+" + re.escape(name), masked)
            or (title_gender(title) is not None and courtesy_fits(title, name))
        )

    if any(fits(t, n) for t in titles for n in own):  # the titled person is named in full
        return own  # ("former President Bill Clinton" is not the "Clinton" of Hillary's speech)
    near = masked[max(first, start - 600) : start + 300]
    kept = []
    for name in own:
        given = name.split()[0]
        alone = re.search(r"(?<![\w’'-])" + re.escape(given) + r"(?![\w’'-])(?!\s+[A-Z])", near)
        if alone and _given(given):  # never "Romney" of "Romney Raps Obama"
            kept.append(name)
    return kept


def lone_given(name, body: str):
    """A given name used alone as a person's name ("John") → the one full name the article
    gives it ("John Boehner"; "John A. Boehner" keeps its initial), else the name as it is; a
    lone given name is never kept as one person across articles when the article says who.
    Other names (and None) unchanged. Input: the name and the article's body text."""
    if not isinstance(name, str) or " " in name or not _given(name):
        return name
    found = re.findall(
        r"(?<![\w’'-])" + re.escape(name) + r"((?:[ ]+[A-Z]\.)*[ ]+[A-Z][a-z][\w'-]+)(?![\w-])",
        body,
    )  # on one line ("Laura\nMay" is two paragraphs), no possessive ("Tom Brown’s")
    fulls = {name + re.sub(r"[ ]+", " ", re.sub(r"[’']s$", "", f)) for f in found}
    fulls = {f for f in fulls if f.split()[-1].lower() not in _GLUE | ORG_HEADS | _MEDIA}
    return next(iter(fulls)) if len(fulls) == 1 else name


def lone_given_rows(rows: list[dict], body: str) -> None:
    """`lone_given` on the `canonical` of each person row of one article, in place (a role's
    holder read as "John" from "Secretary of State John F. Kerry" included), and the
    `speaker` of a person row without the words glued before the name (`clean_person`:
    "Senators Rand Paul" → "Rand Paul"). Input: the rows (dicts) and the body text."""
    for row in rows:
        if row.get("speaker_kind") == "person":
            row["canonical"] = lone_given(row.get("canonical"), body)
            speaker = row.get("speaker")
            if isinstance(speaker, str) and " " in speaker:
                row["speaker"] = clean_person(speaker) or speaker
