"""One source, one name: the `canonical` column of the `quotes` and `sources` tables.

Within an article (`article_canonical`, run by `find_quotes`): a surname alone becomes the full
name the article gives (`Trump` → `Donald Trump`), an acronym its expansion in the article
(`Syrian Observatory for Human Rights (SOHR)`, or an organisation named there whose initials
spell it), a description (`the Observatory`, `the monitor`, `the agency`, `the group`) the
organisation of that kind last named before it, case variants one spelling (`The Clinton
campaign` → `Clinton campaign`).

Across the corpus (`corpus_aliases`, `resolve_corpus`, `resolve_folder`, run after the
analysis pass over every partition): spellings with the same letters are one name (`Donald J.
Trump`, `DONALD TRUMP` → the most used spelling), a surname used alone is the full name the
corpus uses for it when one full name with that surname holds at least `DOMINANCE` of the
articles citing any (`Trump` → `Donald Trump`, not when `Ivanka Trump` is as frequent), and an
acronym is the one organisation of the corpus whose initials spell it (`SOHR`). The corpus
step works on a small table of names and article counts (one row per name, never per
article), so it scales with the number of distinct names, and rewrites the `canonical`
column of the tables' Parquet parts one part at a time.

Rules of thumb written for this package (news style: a full name introduced first, a short
form after); no outside source.
Institutions named by their country ("Finance Ministry (Japan)") are read in `institutions`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from newscorpus.sources import person_keys as pk
from newscorpus.sources.bearers import (
    clean_person,
    corpus_bearers,
    lone_given,
    lone_given_rows,
    prefer_bearers,
)
from newscorpus.sources.forms import (
    BARE_INSTITUTIONS,
    NOT_NAMES,
    ORG_HEADS,
    PAPER_HEADS,
    acronym_core,
    is_acronym,
    org_by_head,
    unlabelled,
    without_epithet,
)
from newscorpus.sources.given_names import (
    is_first_name,
    middle_name_aliases,
    nickname_aliases,
)
from newscorpus.sources.institutions import (
    country_institution,
    country_qualified,
    lead_the,
    national_name,
)
from newscorpus.sources.kinds import refine_kind
from newscorpus.sources.phrases import (
    CORPORATE,
    GENERIC_HEADS,
    PAPERS,
    X_AND_Y,
    full_name,
    is_generic,
    tidy_speaker,
)
from newscorpus.sources.same_surname import courtesy_targets
from newscorpus.sources.words import DETERMINERS, DOCUMENT_NOUNS, PERSON_NOUNS

DOMINANCE = 0.8  # share of the articles a full name needs to take over its surname alone
ALIAS_FILE = "source_aliases.parquet"  # the alias table, in the analysis cache folder
ALIAS_COLUMNS = ["alias", "canonical", "kind", "rule", "n_articles"]

# "the monitor" → the organisations whose name holds one of these words
_DESCRIBED = {
    "monitor": ("observatory", "monitor", "watch", "monitoring"),
    "observatory": ("observatory",),
    "agency": ("agency", "bureau", "administration", "service", "commission", "authority"),
    "bureau": ("bureau", "agency"),
    "group": (
        "group watch front organization organisation network coalition movement alliance "
        "brigade brigades party observatory institute center centre project committee "
        "foundation forces army militia"
    ).split(),
    "organization": ("organization", "organisation", "group"),
    "organisation": ("organization", "organisation", "group"),
    "ministry": ("ministry", "department"),
    "department": ("department", "ministry"),
    "militia": ("militia", "forces", "brigade", "brigades", "front", "army", "units"),
    "forces": ("forces", "army", "militia"),
    "army": ("army", "forces"),
    "court": ("court", "tribunal"),
    "company": ("company", "corporation", "inc", "corp", "group", "ltd", "co", "plc", "ag"),
    "ltd": ("ltd", "plc", "co", "corp", "inc"),
    "co": ("co", "ltd", "corp", "inc", "company"),
    "plc": ("plc", "ltd"),
    "inc": ("inc", "corp", "co"),
    "corp": ("corp", "corporation", "inc", "co"),
    "paper": ("paper",),
    "firm": ("company", "corporation", "inc", "corp", "group"),
    "center": ("center", "centre"),
    "centre": ("center", "centre"),
    "think": ("institute", "institution", "center", "centre", "foundation"),
    "coalition": ("coalition", "alliance"),
}
_DESCRIPTION_RE = re.compile(r"^(?:the|its|their)\s+(?:[\w-]+\s+){0,3}?([\w-]+)$", re.IGNORECASE)
_CONNECTORS = ("of", "for", "on", "and", "the", "de", "&", "in", "to")
_HEAD_WORDS = sorted({h.capitalize() for h in ORG_HEADS if h.isalpha()}, key=len, reverse=True)
_HEAD_RE = re.compile(r"(?<![\w’'-])(?:" + "|".join(_HEAD_WORDS) + r")(?![\w’'-])")
_RUN_BEFORE = re.compile(r"(?:[A-Z][\w’'&.-]*\s+(?:(?:of|for|on|and|the|&)\s+)*){0,6}$")
_TAIL_AFTER = re.compile(
    r"\s+(?:of|for|on|and|&)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w’'-]*)*"
)


def _org_spans(text: str, first: int, last: int):
    """(start, text) of each run of capitalised words around an organisation head noun
    ("Syrian Observatory for Human Rights"): the head found first, the run read around it."""
    for m in _HEAD_RE.finditer(text, first, last):
        before = _RUN_BEFORE.search(text, max(first, m.start() - 120), m.start())
        start = before.start() if before else m.start()
        tail = _TAIL_AFTER.match(text, m.end(), last)
        yield start, text[start : tail.end() if tail else m.end()]


_DEFINED = re.compile(
    r"(?<![\w’'-])([A-Z][\w’'-]*(?:\s+(?:of|for|on|and|the|&|[A-Z][\w’'-]*)){1,8})\s*"
    r"\(\s*([A-Z][A-Z0-9&.]{1,8})\s*\)"
)
_DEFINED_BACK = re.compile(
    r"(?<![\w’'-])([A-Z][A-Z0-9&]{1,7})\s*\(\s*([A-Z][\w’'-]*(?:\s+(?:of|for|on|and|the|&|"
    r"[A-Z][\w’'-]*)){1,8})\s*\)"
)


def initials(name: str) -> str:
    """The capital initials of a name's words, connectors skipped: "Syrian Observatory for
    Human Rights" → "SOHR"."""
    return "".join(
        w[0] for w in re.split(r"[\s-]+", name) if w and w[0].isupper() and w not in _CONNECTORS
    )


def fold(name: str, person: bool = False) -> str:
    """The key that spellings of one name share: lowercase letters and digits only; for a
    person also without initials ("Donald J. Trump" → "donaldtrump"; "Jr." is kept: Donald
    Trump Jr. is not his father)."""
    words = str(name).split()
    if person and not any(w.lower() in ("and", "&") for w in words):  # "S and P" keeps S, P
        words = [w for w in words if len(w.strip(".")) > 1] or words
    return re.sub(r"[^\w]|_", "", " ".join(words).lower())


_INSTITUTIONS = frozenset(("senate", "congress", "parliament", "cabinet", "pentagon"))
_LOWER_FIRST = DETERMINERS | PERSON_NOUNS | DOCUMENT_NOUNS


def spelling(name: str) -> str:
    """One spelling for case variants: an all-capitals person name in title case."""
    if name.isupper() and len(name) > 4 and " " in name:
        return name.title()
    return name


def _describe(speaker: str) -> str | None:
    """The head noun of a description of an organisation ("the monitor" → "monitor")."""
    m = _DESCRIPTION_RE.match(speaker.strip())
    if m is None:
        return None
    head = re.sub(r"[’']s?$", "", m.group(1).lower())
    if any(w[:1].isupper() for w in speaker.split()[1:-1]):
        return None  # "the Trump campaign": a name, not a description
    return head


class _Named:
    """The organisations an article names, with their positions, found lazily."""

    def __init__(self, text: str, first: int, last: int, lex, mentions) -> None:
        self.text, self.first, self.last, self.lex = text, first, last, lex
        self._mentions = mentions
        self._found: list[tuple[int, str]] | None = None
        self._mention_list: list | None = None

    def mentions(self) -> list:
        """(start, end, entity) of the outlets and organisations the article names."""
        if self._mention_list is None:
            self._mention_list = list(self._mentions())
        return self._mention_list

    def found(self) -> list[tuple[int, str]]:
        """(position, canonical name) of each organisation named, in order."""
        if self._found is None:
            out = []
            for start, _, ent in self.mentions():
                if ent.kind == "organization":
                    out.append((start, ent.name))
            for start, span in _org_spans(self.text, self.first, self.last):
                name = org_by_head(span)
                if name and name.lower() not in ORG_HEADS and not is_generic(name):
                    # "the Observatory", "Co Ltd" refer back: they name no organisation
                    ent = self.lex.lookup(name)
                    out.append((start, ent.name if ent else name))
            self._found = sorted(out)
        return self._found

    def add(self, position: int, name: str) -> None:
        """An organisation a quote row names (a speaker), for the descriptions after it."""
        self.found()
        if (position, name) not in self._found:
            self._found.append((position, name))
            self._found.sort()

    def acronyms(self) -> dict[str, str]:
        """Acronyms the article defines: "Syrian Observatory for Human Rights (SOHR)"."""
        out = {}
        window = self.text[self.first : self.last]
        if "(" not in window:
            return out
        for m in _DEFINED.finditer(window):
            long, short = m.group(1).strip(), acronym_core(m.group(2))
            if _fits(short, long):
                out.setdefault(short, _expansion(long, self.lex))
        for m in _DEFINED_BACK.finditer(window):
            short, long = acronym_core(m.group(1)), m.group(2).strip()
            if _fits(short, long):
                out.setdefault(short, _expansion(long, self.lex))
        return out


def _fits(short: str, long: str) -> bool:
    """True when the acronym's letters are the long name's initials, or a run of them."""
    ini = initials(long)
    return bool(ini) and (short == ini or short in ini or ini in short) and len(short) >= 2


def _expansion(long: str, lex) -> str:
    words = long.split()
    while words and words[0] in ("the", "The"):
        words = words[1:]
    name = " ".join(words)
    ent = lex.lookup(name)
    return ent.name if ent else name


def article_canonical(rows: list[dict], text: str, first: int, last: int, lex, mentions) -> None:
    """Add `canonical` to each of one article's quote rows (see the module's docstring).

    Input: the rows (speaker and speaker_kind set, start), the article's masked text, the
    span of its body, the lexicon and a function giving its outlet and organisation mentions.
    Persons are already resolved to the full name the article gives by `find_quotes`.
    """
    named = _Named(text, first, last, lex, mentions)
    defined = None
    body = text[first:last]
    for row in rows:
        tidy_speaker(row, body)
        speaker, kind = row["speaker"], row["speaker_kind"]
        if not isinstance(speaker, str) or kind in ("unknown", "poll"):
            row["canonical"] = None
            continue
        canonical = row.pop("_canonical", None) or speaker
        if kind == "outlet" and (person := outlet_person(speaker, row.get("verb"), body)):
            row["speaker_kind"] = kind = "person"  # "Bloomberg said" of Michael Bloomberg
            speaker = person
        if kind == "person":
            canonical = lone_given(clean_person(spelling(person_name(speaker, body))), body)
            if not canonical:  # a label alone: "By", "Oh" name no one, "Democrat" an unnamed one
                party = canonical == "" and speaker.strip(" .:,").lower() != "by"
                row["speaker_kind"] = kind = "anonymous" if party else "unknown"
                canonical = f"a {speaker.strip(' .:,')}" if party else None
        elif kind == "organization":
            if (
                is_acronym(speaker)
                and len(core := acronym_core(speaker)) >= 4
                and re.search(
                    r"(?<![\w’'-])" + core.capitalize() + r"(?![\w’'-])", text[first:last]
                )
            ):  # "TRUMP, on the virus:" in an article that says "Trump": a shouted name
                canonical = full_name(core.capitalize(), text[first:last])
                row["speaker_kind"] = "person"
            elif is_acronym(speaker):
                if defined is None:
                    defined = named.acronyms()
                core = acronym_core(speaker)
                canonical = defined.get(core) or next(
                    (n for _, n in reversed(named.found()) if initials(n) == core and " " in n),
                    core,
                )
            elif (national := country_institution(speaker)) is not None:
                # "Japan's Finance Ministry", "the Treasury" in a TOKYO dateline, or a bare
                # "Finance Ministry (country not given)": one name per country, never pooled
                canonical = national_name(*national, body, row["start"] - first)
            elif lead_the(speaker).lower() in BARE_INSTITUTIONS and (
                qualified := country_qualified(lead_the(speaker), body, row["start"] - first)
            ):  # "the government" after "the Italian government" in the same article
                canonical = qualified
            elif (head := re.sub(r"[’']s$", "", speaker).lower()) in ORG_HEADS or is_generic(
                speaker
            ):
                # "the Observatory", "Police", "Co Ltd": the organisation named before, else a
                # description (an unnamed source when its head is generic: "the company")
                head = re.sub(r"[’']s$", "", speaker.split()[-1]).lower().strip(".,")
                canonical = _resolve_description(speaker, head, row["start"], named)
                if canonical is None:
                    corporate = head in CORPORATE and head not in GENERIC_HEADS
                    canonical = (
                        speaker
                        if head in _INSTITUTIONS
                        else "the company"
                        if corporate
                        else f"the {head}"
                    )
                    if corporate or head in GENERIC_HEADS:
                        row["speaker_kind"] = "anonymous"
            elif (head := _describe(speaker)) is not None:
                canonical = _resolve_description(speaker, head, row["start"], named)
                if canonical is None:  # unresolved: the description, "the" in lowercase
                    words = speaker.split()
                    canonical = " ".join([words[0].lower(), *words[1:]])
                    if head in GENERIC_HEADS:  # "the company": an unnamed source, no name
                        row["speaker_kind"] = "anonymous"
            else:
                canonical = lead_the(speaker)  # "the Trump campaign" → "Trump campaign"
            if canonical and (national := country_institution(canonical)) is not None:
                # "the ministry" → "Finance Ministry" named before: named by its country too
                canonical = national_name(*national, body, row["start"] - first)
            elif _unlisted_paper(canonical):  # "Savannah Morning News": an outlet
                row["speaker_kind"] = "outlet"
        elif kind in ("outlet", "description") and (head := _describe(speaker)) in PAPERS:
            # "the paper": the outlet named before it, else an unnamed source
            canonical = next(
                (
                    e.name
                    for p, _, e in reversed(named.mentions())
                    if p < row["start"] and e.kind == "outlet"
                ),
                None,
            )
            if canonical is None:
                canonical = "the " + head
                row["speaker_kind"] = "anonymous"
        if row["speaker_kind"] in ("anonymous", "document") and canonical[:1].isupper():
            first_word, *rest = canonical.split(" ")
            if first_word.lower() in _LOWER_FIRST or (
                rest and all(w[:1].islower() for w in rest) and not first_word.isupper()
            ):  # "Officials", "The report", "Human rights groups" opening a sentence
                canonical = first_word.lower() + canonical[len(first_word) :]
        row["canonical"] = canonical
        if (
            row["speaker_kind"] == "organization"
            and " " in canonical
            and canonical[:1].isupper()
            and not is_generic(canonical)
        ):
            named.add(row["start"], canonical)  # "the campaign" after "the Clinton campaign"
        if canonical != speaker and row.get("source_type") in (None, "unknown"):
            ent = lex.entities.get(canonical)
            if ent is not None:
                row["source_type"] = ent.type
    refine_kind(rows, body, first)  # anonymous, role (or the person holding it), collective
    lone_given_rows(rows, body)  # "the speaker" held by "John" → "John Boehner"


def _unlisted_paper(name) -> bool:
    """Whether an organisation's name is a newspaper's by its head ("Denver Post", "Savannah
    Morning News": `forms.PAPER_HEADS` after capitalised words)."""
    words = str(name).split() if isinstance(name, str) else []
    return (
        len(words) >= 2 and words[-1].lower() in PAPER_HEADS and all(w[:1].isupper() for w in words)
    )


def person_name(speaker: str, body: str) -> str:
    """A person speaker's name without a party label or byline "By" before it
    (`forms.unlabelled`: "Democrat Stacey Abrams" → "Stacey Abrams"; "" for a label alone)
    and without an epithet (`forms.without_epithet`: "Sleepy Joe Biden" → "Joe Biden"; a
    first name left alone becomes the full name the article gives it, "Crooked Hillary" →
    "Hillary Clinton"). The epithet stays when what follows is no name ("Little Rock"). First
    names: the `nicknames` dataset (`given_names.is_first_name`)."""
    name = unlabelled(speaker, is_first_name)
    bare = without_epithet(name)
    if bare == name:
        return name
    words = bare.split()
    if len(words) == 1:
        full = re.search(
            r"(?<![\w’'-])" + re.escape(bare) + r"\s+([A-Z][a-z][\w’'-]+)(?![\w’'-])", body
        )
        if full and full.group(1).lower() not in ORG_HEADS:
            return f"{bare} {full.group(1)}"
        return bare if is_first_name(bare) else name
    if is_first_name(words[0]) or body.count(bare) > body.count(name):
        return bare
    return name


_PUBLISHING = re.compile(
    r"^(?:report\w*|according|wr[io]te|writes|writing|published|publish\w*|citing|cited|"
    r"broke|first reported|revealed|obtained|cites)\b",
    re.IGNORECASE,
)
_TITLED = r"(?:Mr|Mrs|Ms|Mayor|Sen|Gov|Rep|Senator|Governor|former Mayor)\.?\s+"


def outlet_person(speaker: str, verb, body: str) -> str | None:
    """The person an outlet's one-word name stands for when its article names a person of
    that surname and the verb is no publishing verb: "Bloomberg says" in an article on
    "Michael Bloomberg" → "Michael Bloomberg" ("Mr. Bloomberg" alone → "Bloomberg", left to
    the corpus rule); None for "Bloomberg reported", "according to Bloomberg" (a
    publication) or an article naming no such person. First names: the `nicknames`
    dataset (`given_names.is_first_name`)."""
    if " " in speaker or not speaker[:1].isupper() or len(speaker) < 3:
        return None
    if isinstance(verb, str) and _PUBLISHING.match(verb.strip()):
        return None
    word = re.escape(speaker)
    for m in re.finditer(r"\b([A-Z][a-z]+)(\s+[A-Z]\.)?\s+" + word + r"\b(?![-’'\w])", body):
        if is_first_name(m.group(1)):
            return f"{m.group(1)} {speaker}"
    if re.search(r"\b" + _TITLED + word + r"\b", body):
        return speaker
    return None


# Heads of descriptions that name no one when the article resolves them to no organisation:
# "the company", "the group", "the government" are unnamed sources (speaker_kind anonymous).
def _resolve_description(speaker: str, head: str, start: int, named: _Named) -> str | None:
    """`the monitor` → the organisation of that kind last named before `start`, or None."""
    wanted = _DESCRIBED.get(head, (head,))
    for pos, name in reversed(named.found()):
        if pos >= start:
            continue
        words = {re.sub(r"[’']s$", "", w).lower() for w in name.split()}
        if any(w in words for w in wanted):
            return name
    return None


# --------------------------------------------------------------------------- corpus level


def _person_aliases(names_now, n, keys, by_key, dominance, mapping) -> None:
    """`corpus_aliases`' person rules into `mapping`: a headline word glued to a name
    ("Abortions Jeb Bush" → "Jeb Bush", rule `fragment`), a nickname and the given name
    ("Bernard Sanders" → "Bernie Sanders", rule `nickname`, `given_names`), a name with and
    without a middle name ("Hillary Rodham Clinton", rule `middle name`) and a surname alone
    → the full name the corpus uses for it in at least `dominance` of the articles (rule
    `surname`, counting a nickname's articles for its name)."""
    kind = "person"
    nicks = nickname_aliases({c: n[c] for c in names_now})
    for c, target in nicks.items():
        mapping[(c, kind)] = (target, "nickname")
    middle = middle_name_aliases({c: n[c] for c in names_now if c not in nicks})
    for c, target in middle.items():
        mapping[(c, kind)] = (target, "middle name")
    nicks.update(middle)
    names_now = names_now - set(nicks)
    for c in names_now:  # "Abortions Jeb Bush": a headline word glued to a name
        words = c.split()
        for k in range(1, len(words) - 1):
            tail = " ".join(words[k:])
            if tail in names_now and n[tail] >= 2 * n[c]:
                mapping[(c, kind)] = (tail, "fragment")
                break
    full: dict[str, dict[str, int]] = {}
    for c in names_now:
        words = c.split()
        if (
            len(words) >= 2
            and words[0].lower() not in NOT_NAMES
            and not is_generic(words[-1])  # "Poor's Corp": "Corp" is no surname
            and not any(w.lower() in ("and", "&") for w in words)
        ):
            total = sum(n[x] for x in by_key[keys[c]])
            total += sum(n[x] for x, t in nicks.items() if t == c)
            for surname in {fold(words[-1]), pk.surname_key(pk.surname_of(c))}:  # "Van Hollen"
                full.setdefault(surname, {})[c] = total  # or "Hollen"; "al-Ansi" or "Ansi"
    for c in names_now:
        if " " in c and not pk.is_bare_surname(c) or c.lower() in BARE_INSTITUTIONS:
            continue  # "Treasury": no surname ("Van Hollen", "Ansi" of "al-Ansi": surnames)
        options = full.get(pk.surname_key(c), {})
        # a one-article "full name" whose first word is no known given name is a headline's
        # or a sentence's fragment ("GOP Slams Obama", "Will Obama"): no rival to the surname
        options = {
            x: k for x, k in options.items() if k >= 2 or is_first_name(x.split()[0])
        } or options
        if not options:
            continue
        top = max(options, key=lambda x: (options[x], x))
        if options[top] >= dominance * sum(options.values()):
            mapping[(c, kind)] = (top, "surname")
    for c, top in courtesy_targets(names_now, full).items():  # "Mr. Trump" of a couple
        mapping[(c, kind)] = (top, "courtesy")


def _organisation_aliases(names_now, n, mapping) -> None:
    """`corpus_aliases`' organisation rules into `mapping`: an acronym → its only expansion
    ("USDA", "S and P"; rule `acronym`) and a name with and without a country prefix (rule
    `prefix`)."""
    kind = "organization"
    by_initials: dict[str, list[str]] = {}
    for c in names_now:
        if " " in c:
            by_initials.setdefault(initials(c), []).append(c)
    by_letters: dict[str, list[str]] = {}  # "USDA": "U.S. Agriculture Department"
    for c in names_now:
        if " " in c and c.split()[-1].lower() in _REORDERED:
            by_letters.setdefault("".join(sorted(_us_initials(c))), []).append(c)
    for c in names_now:
        if is_acronym(c):
            core = acronym_core(c)
            options = by_initials.get(core, [])
            if not options and len(core) >= 3:
                options = by_letters.get("".join(sorted(core)), [])
            if len(options) == 1:
                mapping[(c, kind)] = (options[0], "acronym")
    for c in names_now:  # "S and P": the one firm "S… and P…" of the corpus
        m = X_AND_Y.fullmatch(c)
        if m is None:
            continue
        rx = re.compile(m.group(1) + r"[a-z’']+\s+(?:and|&)\s+" + m.group(2) + r"\w")
        options = [o for o in names_now if o != c and rx.match(o)]
        if len(options) == 1:
            mapping[(c, kind)] = (options[0], "acronym")
    for c in names_now:  # "Agriculture Department" and "U.S. Agriculture Department"
        for prefix in _COUNTRY_PREFIXES:
            other = c[len(prefix) :] if c.startswith(prefix) else prefix + c
            if lead_the(min(c, other, key=len)).lower() in BARE_INSTITUTIONS:
                continue  # "Treasury" is no "U.S. Treasury" across the corpus
            if other in names_now and " " in other.strip() and c not in mapping:
                if (n[other], len(other)) > (n[c], len(c)):
                    mapping[(c, kind)] = (other, "prefix")


def corpus_aliases(names: pd.DataFrame, dominance: float = DOMINANCE) -> pd.DataFrame:
    """The alias table: which canonical names of the corpus are one source.

    Input: one row per (canonical, kind) with n_articles (articles citing it), e.g. from
    `name_counts`. Output: ALIAS_COLUMNS, one row per name that is renamed: alias, canonical
    (the name it becomes), kind, rule (`spelling`: same letters, or a description with and
    without "the"; `surname`: a surname alone; `fragment`: a person's name with words glued
    before it, "Abortions Jeb Bush", when the shorter name is cited in twice the articles;
    `acronym`: an acronym whose expansion is the only organisation of the corpus with those
    initials; `nickname`: a person's full name under a nickname or given name, `given_names`),
    n_articles (of the alias). Rules: see the module's docstring.
    """
    if names.empty:
        return pd.DataFrame(columns=ALIAS_COLUMNS)
    counts = (
        names.assign(kind=names["kind"].astype("str"), canonical=names["canonical"].astype("str"))
        .groupby(["canonical", "kind"], as_index=False)["n_articles"]
        .sum()
    )
    counts = counts[
        counts["kind"].isin(
            ["person", "organization", "anonymous", "collective", "role", "document"]
        )
    ]
    counts = counts[~counts["canonical"].map(is_generic).astype(bool)]  # "Corp": no alias
    mapping: dict[tuple[str, str], tuple[str, str]] = {}
    for kind, group in counts.groupby("kind"):
        person = kind == "person"
        n = dict(zip(group["canonical"], group["n_articles"], strict=True))
        initialled = pk.person_keys(n) if person else {}  # "George W." is no "George H.W. Bush"
        keys = {
            c: (c if c[:4] == "the " else fold(_SUFFIX_RE.sub("", lead_the(c))))
            if kind == "organization"
            else initialled.get(c) or fold(c, person)
            for c in n
        }  # a description no article resolved ("the campaign") stays apart
        by_key: dict[str, list[str]] = {}
        for c, k in keys.items():
            by_key.setdefault(k, []).append(c)
        lower_first = kind in ("anonymous", "collective", "role", "document")  # "officials"
        best = {
            k: sorted(cs, key=lambda c: (c[:1].isupper() == lower_first, -n[c], -len(c), c))[0]
            for k, cs in by_key.items()
        }
        for c, k in keys.items():
            if best[k] != c:
                mapping[(c, kind)] = (best[k], "spelling")
        names_now = {c for c in n if best[keys[c]] == c}
        if person:
            _person_aliases(names_now, n, keys, by_key, dominance, mapping)
        elif kind == "organization":
            _organisation_aliases(names_now, n, mapping)
    # follow chains (a spelling of a surname → the full name)
    rows = []
    for (alias, kind), (target, rule) in mapping.items():
        seen = {alias}
        while (target, kind) in mapping and target not in seen:
            seen.add(target)
            target = mapping[(target, kind)][0]
        if target != alias:
            n_alias = int(
                counts.loc[
                    (counts["canonical"] == alias) & (counts["kind"] == kind), "n_articles"
                ].sum()
            )
            rows.append((alias, target, kind, rule, n_alias))
    out = pd.DataFrame(rows, columns=ALIAS_COLUMNS)
    return out.sort_values(["kind", "canonical", "alias"]).reset_index(drop=True)


# A corporate suffix at the end of a name: "Moody's Investors Service Inc" = "… Service".
_SUFFIX_RE = re.compile(r"(?<=\w)\s+(?:Inc|Corp|Co|Ltd|Plc|PLC|LLC|AG|SA|NV)\.?$")
_REORDERED = frozenset("department ministry office".split())  # "Department of X" = "X Dept"
_COUNTRY_PREFIXES = ("U.S. ", "US ", "United States ")


def _us_initials(name: str) -> str:
    """Initials with "U.S." read as two letters: "U.S. Agriculture Department" → "USAD"."""
    return initials(re.sub(r"\bU\.S\.", "U S", name))


def name_counts(sources: pd.DataFrame) -> pd.DataFrame:
    """Articles citing each (canonical, kind) of a `sources` table (or one part of it)."""
    if sources.empty:
        return pd.DataFrame(columns=["canonical", "kind", "n_articles"])
    named = sources[sources["canonical"].notna()]
    return (
        named.assign(kind=named["kind"].astype("str"), canonical=named["canonical"].astype("str"))
        .groupby(["canonical", "kind"], as_index=False)["article_id"]
        .nunique()
        .rename(columns={"article_id": "n_articles"})
    )


def apply_aliases(table: pd.DataFrame, aliases: pd.DataFrame, kind_column: str) -> pd.DataFrame:
    """`table` with its `canonical` column renamed by the alias table (other columns kept).

    `kind_column` names the kind of each row: `speaker_kind` in quotes, `kind` in sources.
    """
    if aliases.empty or table.empty or "canonical" not in table:
        return table
    lookup = {
        (a, k): c
        for a, k, c in zip(aliases["alias"], aliases["kind"], aliases["canonical"], strict=True)
    }
    canon = table["canonical"].astype("object")
    kinds = table[kind_column].astype("str")
    new = [
        lookup.get((c, k), c) if isinstance(c, str) else c
        for c, k in zip(canon, kinds, strict=True)
    ]
    out = table.copy()
    out["canonical"] = pd.array(new, dtype=table["canonical"].dtype)
    return out


def article_people(entities: pd.DataFrame) -> pd.DataFrame:
    """The full names of persons each article names, from an `entities` table (article_id,
    type, canonical, within-article names): (article_id, surname, full) with one row per
    article and surname that only one full name of the article ends with (2-4 capitalised
    words, no "and"). The within-article rule that beats the corpus one (`local_names`)."""
    if entities.empty:
        return pd.DataFrame(columns=["article_id", "surname", "full"])
    per = entities[entities["type"].astype("str") == "PER"]
    names = per[["article_id", "canonical"]].astype("str").drop_duplicates()
    words = names["canonical"].str.split()
    ok = words.str.len().between(2, 4) & names["canonical"].str.fullmatch(
        r"[A-Z][\w.’'-]*(?: (?:[A-Z][\w.’'-]*|de|van|von|bin|al-\w+))+"
    )
    names = names[ok.fillna(False).astype(bool)]
    names = names.assign(surname=names["canonical"].str.split().str[-1].to_numpy())
    one = ~names.duplicated(["article_id", "surname"], keep=False)
    return names[one].rename(columns={"canonical": "full"})[["article_id", "surname", "full"]]


def local_names(
    table: pd.DataFrame, people: pd.DataFrame, kind_column: str, bearers: dict | None = None
) -> pd.DataFrame:
    """`table` (quotes or sources) with a person's surname alone given the one full name its
    own article names with that surname (`article_people`), before the corpus rule: "Clinton"
    in an article on Bill Clinton is Bill Clinton even when the corpus's Clinton is Hillary;
    with `bearers` (`bearers.corpus_bearers`) a relative or phrase the corpus barely cites
    gives way to the corpus's bearer ("Trump" beside "Ivanka Trump" → "Donald Trump")."""
    if table.empty or people.empty or "canonical" not in table:
        return table
    canon = table["canonical"].astype("object")
    single = (table[kind_column].astype("str") == "person") & ~canon.astype("str").str.contains(
        " ", regex=False
    )
    if not single.any():
        return table
    keys = pd.DataFrame(
        {"article_id": table["article_id"].astype("str"), "surname": canon.astype("str")}
    )
    found = keys.merge(people, on=["article_id", "surname"], how="left")["full"]
    found = found.where(single.to_numpy(), None)
    hit = found.notna().to_numpy()
    if not hit.any():
        return table
    out = table.copy()
    new = canon.to_numpy(dtype=object).copy()
    new[hit] = found.to_numpy(dtype=object)[hit]
    if bearers:
        new[hit] = prefer_bearers(keys["surname"].to_numpy()[hit], new[hit], bearers)
    out["canonical"] = pd.array(new, dtype=table["canonical"].dtype)
    return out


def resolve_corpus(
    quotes: pd.DataFrame,
    sources: pd.DataFrame,
    dominance: float = DOMINANCE,
    entities: pd.DataFrame | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The corpus step in memory: (quotes, sources, aliases) with `canonical` resolved across
    the corpus (see `corpus_aliases`). For a corpus analysed in one piece (tests, `run_steps`).
    With `entities` (the within-article entities table), a surname alone first becomes the
    one full name its article names (`local_names`), before the names are counted, so that
    full name ("John A. Boehner") takes part in the alias rules too."""
    people = article_people(entities) if entities is not None else None
    bearers = corpus_bearers(name_counts(sources))  # "Trump" beside "Ivanka Trump" only
    if people is not None:
        sources = local_names(sources, people, "kind", bearers)
    aliases = corpus_aliases(name_counts(sources), dominance)
    if people is not None:
        people = _renamed(people, aliases)
        quotes = local_names(quotes, people, "speaker_kind", bearers)
        sources = local_names(sources, people, "kind", bearers)
    return (
        apply_aliases(quotes, aliases, "speaker_kind"),
        apply_aliases(sources, aliases, "kind"),
        aliases,
    )


def resolve_folder(folder, tables: tuple[str, str] = ("quotes", "sources")) -> pd.DataFrame:
    """The corpus step on an analysis cache folder, after the pass.

    Reads only the (article_id, canonical, kind) columns of every `sources` part (a few
    columns, one part at a time), builds the alias table from the summed name counts, writes
    it to `<folder>/source_aliases.parquet` (the names counted after `local_names`, so an
    article's full name for a surname joins the rules) and rewrites the `canonical` column of the parts
    of `quotes` and `sources`: a person's surname alone first becomes the one full name its
    article names (`local_names`, from the folder's `entities` part of the same number when
    there is one), then every alias is renamed. Returns the alias table (empty, and nothing
    written, when the folder has no sources parts).
    """
    folder = Path(folder)
    quotes_name, sources_name = tables
    parts = sorted((folder / sources_name).glob("part-*.parquet"))
    if not parts:  # an empty corpus: nothing to rename
        return pd.DataFrame(columns=ALIAS_COLUMNS)
    none = pd.DataFrame(columns=ALIAS_COLUMNS)
    counts = [  # a surname alone counted as its article's full name ("John A. Boehner")
        name_counts(
            local_names(
                pd.read_parquet(p, columns=["article_id", "canonical", "kind"]),
                _folder_people(folder / "entities" / p.name, none),
                "kind",
            )
        )
        for p in parts
    ]
    counts = [c for c in counts if len(c)]
    names = (
        pd.concat(counts, ignore_index=True)
        if counts
        else pd.DataFrame(columns=["canonical", "kind", "n_articles"])
    )
    aliases, bearers = corpus_aliases(names), corpus_bearers(names)
    aliases.to_parquet(folder / ALIAS_FILE, index=False)
    wanted = set(aliases["alias"])
    for name, kind_column in ((quotes_name, "speaker_kind"), (sources_name, "kind")):
        for path in sorted((folder / name).glob("part-*.parquet")):
            people = _folder_people(folder / "entities" / path.name, aliases)
            canon = pd.read_parquet(path, columns=["canonical"])["canonical"]
            if not canon.isin(wanted).any() and people.empty:
                continue
            part = local_names(pd.read_parquet(path), people, kind_column, bearers)
            apply_aliases(part, aliases, kind_column).to_parquet(path, index=False)
    return aliases


def _folder_people(path: Path, aliases: pd.DataFrame) -> pd.DataFrame:
    """`article_people` of one entities part (empty when there is none), the full names
    renamed by the alias table ("Bernard Sanders" → "Bernie Sanders")."""
    if not path.exists():
        return pd.DataFrame(columns=["article_id", "surname", "full"])
    people = article_people(pd.read_parquet(path, columns=["article_id", "type", "canonical"]))
    return _renamed(people, aliases)


def _renamed(people: pd.DataFrame, aliases: pd.DataFrame) -> pd.DataFrame:
    """`article_people` rows with their full names renamed by the alias table."""
    if people.empty:
        return people
    people = apply_aliases(people.assign(canonical=people["full"], kind="person"), aliases, "kind")
    return people.assign(full=people["canonical"])[["article_id", "surname", "full"]]
