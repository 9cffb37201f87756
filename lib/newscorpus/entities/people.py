"""A person's name under the tagger's other types, and a surname given its article's person.

The CRF tagger reads "House Speaker Nancy Pelosi" as one organisation (the office words lead
the span), and then "Nancy Pelosi" is an organisation in the articles that name her so and
her surname "Pelosi" (a person) cannot join her full name. Three rules, each an article-level
rule run by `resolve.resolve_types_and_names` before the corpus one (whole-table merges, no
per-article loop):

- `untitled`: a name opened by office words ("House Speaker", "Minority Leader", "Secretary
  of State", "Sen.": `sources.words.TITLES` and the offices they qualify) before a full name
  whose first word is a known first name is that person, a PER ("Nancy Pelosi");
- `person_types`: a full name (2-4 words, a known first name first) whose last word the same
  article names alone as a person is a person in that article ("Nancy Pelosi" beside
  "Pelosi said");
- `article_surnames`: a one-word person's name, or a listed outlet's one-word name that is
  also the surname of a person the article names ("Bloomberg" beside "Michael Bloomberg"),
  is the one full name of a person that the article ends with that word; the corpus rule
  (a surname → the corpus's dominant full name) then only sees the surnames no article
  resolves ("Clinton" in an article on Bill Clinton stays Bill Clinton).

Known first names: the `nicknames` dataset's names and nicknames (PyPI `nicknames`) and the
first words of the tagger gazetteer's persons. Rules of thumb written for this package.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from newscorpus.sources.forms import EPITHETS, ORG_HEADS, without_epithet
from newscorpus.sources.words import TITLES

# words of an office that may lead a title before a name ("House Minority Leader")
OFFICE_WORDS = frozenset(
    "house senate representatives congress u.s. us state states united the of minority majority "
    "democratic republican "
    "gop former vice assistant acting deputy white whip defense treasury homeland security "
    "justice department national chief staff press foreign affairs health education energy "
    "interior labor commerce agriculture transportation veterans general attorney then "
    "incoming outgoing new york california texas florida".split()
)
_NAME_WORD = re.compile(r"[A-Z][\w.’'-]*")


@lru_cache(maxsize=1)
def dataset_first_names() -> frozenset[str]:
    """Lowercase first names of the `nicknames` dataset (its names and nicknames)."""
    from nicknames import NickNamer

    table = NickNamer().nickname_lookup
    return frozenset(set(table) | {n for nicks in table.values() for n in nicks})


def _full(words: list[str], firsts: frozenset = frozenset()) -> bool:
    """Whether words are a person's full name: 2-4 capitalised words, a known first name
    (`dataset_first_names` or `firsts`, lowercase)."""
    return (
        2 <= len(words) <= 4
        and all(_NAME_WORD.fullmatch(w) for w in words)
        and (words[0].lower() in dataset_first_names() or words[0].lower() in firsts)
    )


def untitled_name(name: str, firsts: frozenset = frozenset()) -> str | None:
    """The person of a name opened by an office title ("House Speaker Nancy Pelosi" →
    "Nancy Pelosi", "Secretary of State Mike Pompeo" → "Mike Pompeo"), or None when the name
    opens with no title word (`TITLES`) or no full name follows."""
    words = str(name).split()
    k = 0
    while k < len(words) and (
        words[k].lower() in TITLES or words[k].lower().strip(",") in OFFICE_WORDS
    ):
        k += 1
    if k == 0 or not any(w.lower() in TITLES for w in words[:k]):
        return _after_organisation(words, firsts)
    rest = words[k:]
    return " ".join(rest) if _full(rest, firsts) else None


def _after_organisation(words: list[str], firsts: frozenset) -> str | None:
    """The person after an organisation's name glued before it ("UK Independence Party Nigel
    Farage" → "Nigel Farage"): a capitalised run ending in an organisation's head
    (`sources.forms.ORG_HEADS`: party, committee, campaign …), titles (`TITLES`), then a full
    name; else None."""
    for k in range(1, len(words) - 1):
        if words[k - 1].lower() not in ORG_HEADS:
            continue
        j = k  # "Republican National Committee Chairman Reince Priebus": titles skipped
        while j < len(words) and words[j].lower().strip(",") in TITLES:
            j += 1
        if _full(words[j:], firsts) and all(_NAME_WORD.fullmatch(w) for w in words[:k]):
            return " ".join(words[j:])
    return None


def untitled(table: pd.DataFrame, firsts: frozenset = frozenset()) -> pd.DataFrame:
    """`table` (entities: canonical, type) with every name opened by an office title renamed
    to the person (`untitled_name`; `firsts`: more known first names) and typed PER."""
    canon = table["canonical"].astype("str")
    uniq = canon.unique()
    found = {c: p for c in uniq if " " in c and (p := untitled_name(c, firsts)) is not None}
    if not found:
        return table
    hit = canon.isin(set(found)).to_numpy()
    out = table.copy()
    new = canon.to_numpy(dtype=object).copy()
    new[hit] = canon[hit].map(found).to_numpy(dtype=object)
    out["canonical"] = pd.array(new, dtype=table["canonical"].dtype)
    types = out["type"].astype("str").where(~hit, "PER")
    out["type"] = pd.Categorical(types, categories=table["type"].cat.categories)
    return out


def epithets(table: pd.DataFrame, firsts: frozenset = frozenset()) -> pd.DataFrame:
    """`table` (entities) with a PER name opened by an epithet given the person ("Crooked
    Hillary" → "Hillary Clinton", "Mini Mike Bloomberg" → "Mike Bloomberg": `sources.forms.
    EPITHETS`): the rest when it is a full name, else the one PER full name of the article
    (epithets dropped) that opens with the one word left ("Mini Mike" is no "Big Mike"), else that word when it is a known first name
    (`firsts` as in `untitled`; the corpus's first-name rule then takes it). The text column
    keeps the surface form; "Little Rock" and "Little Sisters" stay."""
    canon = table["canonical"].astype("str")
    per = (table["type"].astype("str") == "PER").to_numpy()
    lead = canon.str.split(" ", n=1).str[0].str.lower()
    hit = per & lead.isin(EPITHETS).to_numpy() & canon.str.contains(" ", regex=False).to_numpy()
    if not hit.any():
        return table
    arts = table["article_id"].astype("str").to_numpy()
    full_names: dict[str, set[str]] = {}
    for a, c in zip(arts[per], canon[per], strict=True):
        c = without_epithet(c)  # "Mini Mike Bloomberg": the article's "Mike Bloomberg"
        if " " in c and c.split()[0].lower() not in EPITHETS and _full(c.split(), firsts):
            full_names.setdefault(a, set()).add(c)
    new = canon.to_numpy(dtype=object).copy()
    for k in map(int, hit.nonzero()[0]):
        rest = without_epithet(new[k]).split()
        if len(rest) >= 2 and _full(rest, firsts):
            new[k] = " ".join(rest)
            continue
        if len(rest) != 1:
            continue
        word = rest[0]
        here = {f for f in full_names.get(arts[k], ()) if f.split()[0] == word}
        if len(here) == 1:
            new[k] = next(iter(here))
        elif word.lower() in dataset_first_names() or word.lower() in firsts:
            new[k] = word
    out = table.copy()
    out["canonical"] = pd.array(new, dtype=table["canonical"].dtype)
    return out


def _names_of(table: pd.DataFrame) -> pd.DataFrame:
    """(row, article_id, canonical, n_words, last) of the table's rows."""
    canon = table["canonical"].astype("str")
    return pd.DataFrame(
        {
            "article_id": table["article_id"].astype("str").to_numpy(),
            "canonical": canon.to_numpy(),
            "type": table["type"].astype("str").to_numpy(),
            "n_words": canon.str.count(" ").to_numpy() + 1,
            "last": canon.str.rsplit(" ", n=1).str[-1].to_numpy(),
        }
    )


def person_types(table: pd.DataFrame, firsts: frozenset = frozenset()) -> pd.DataFrame:
    """`table` with a full name typed PER where its article names its last word alone as a
    person ("Nancy Pelosi", ORG for the tagger, beside "Pelosi", PER); `firsts` as in
    `untitled`."""
    names = _names_of(table)
    alone = names.loc[(names["n_words"] == 1) & (names["type"] == "PER"), ["article_id", "last"]]
    full_ok = {
        c
        for c in names.loc[names["n_words"] >= 2, "canonical"].unique()
        if _full(c.split(), firsts)
    }
    cand = names["canonical"].isin(full_ok) & (names["type"] != "PER")
    if alone.empty or not cand.any():
        return table
    key = names["article_id"] + "\x00" + names["last"]
    hit = cand & key.isin(set(alone["article_id"] + "\x00" + alone["last"]))
    if not hit.any():
        return table
    out = table.copy()
    types = out["type"].astype("str").where(~hit.to_numpy(), "PER")
    out["type"] = pd.Categorical(types, categories=table["type"].cat.categories)
    return out


def article_surnames(
    table: pd.DataFrame,
    outlet_names: frozenset | set,
    firsts: frozenset = frozenset(),
    left: set | frozenset = frozenset(),
) -> pd.DataFrame:
    """`table` with a one-word person's name (or a one-word name of `outlet_names` typed ORG)
    renamed to the one PER full name of its article ending with that word, typed PER;
    `firsts` as in `untitled`; `left`: (article_id, word) pairs left alone (a surname the
    article titles for another person: `surnames.untitled_surnames`)."""
    names = _names_of(table)
    full = names[(names["type"] == "PER") & (names["n_words"] >= 2)]
    full = full[full["canonical"].map(lambda c: _full(c.split(), firsts)).astype(bool)]
    full = full[["article_id", "last", "canonical"]].drop_duplicates()
    full = full[~full.duplicated(["article_id", "last"], keep=False)]  # two Clintons: none
    if full.empty:
        return table
    one = names["n_words"] == 1
    wanted = one & (
        (names["type"] == "PER")
        | ((names["type"] == "ORG") & names["canonical"].isin(set(outlet_names)))
    )
    if not wanted.any():
        return table
    found = names[["article_id", "last"]].merge(
        full.rename(columns={"canonical": "full"}), on=["article_id", "last"], how="left"
    )["full"]
    if left:
        key = pd.Series(list(zip(names["article_id"], names["last"], strict=True)))
        wanted &= ~key.isin(left).to_numpy()
    hit = (wanted & found.notna()).to_numpy()
    if not hit.any():
        return table
    out = table.copy()
    new = names["canonical"].to_numpy(dtype=object).copy()
    new[hit] = found.to_numpy(dtype=object)[hit]
    out["canonical"] = pd.array(new, dtype=table["canonical"].dtype)
    types = out["type"].astype("str").where(~hit, "PER")
    out["type"] = pd.Categorical(types, categories=table["type"].cat.categories)
    return out
