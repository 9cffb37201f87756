"""Institutions every country has one of ("the Treasury", "Finance Ministry"), named by country.

`country_institution` reads "the Italian Treasury" or "Reserve Bank of New Zealand";
`article_countries` and `dateline_country` find the country an article gives a bare one;
`national_name` writes "Finance Ministry (Japan)". Tables: `data/countries.csv` (written for
this package) and the countries of `data/places.csv`. Split out of `canonical.py`.
"""

from __future__ import annotations

import re

import pandas as pd


def spaced_pattern(name: str) -> str:
    """A pattern for a name whose words may be split by any white space (a wrapped line)."""
    return r"\s+".join(re.escape(w) for w in name.split())


# Institutions every country has one of: a bare one ("the Treasury", "Finance Ministry") is
# named by its country, never pooled across countries.
COUNTRY_INSTITUTIONS = {
    "treasury": "Treasury",
    "exchequer": "Exchequer",
    "central bank": "Central Bank",
    "reserve bank": "Reserve Bank",
    "national bank": "National Bank",
    "finance ministry": "Finance Ministry",
    "ministry of finance": "Finance Ministry",
    "finance department": "Finance Ministry",
    "foreign ministry": "Foreign Ministry",
    "trade ministry": "Trade Ministry",
    "economy ministry": "Economy Ministry",
    "economics ministry": "Economy Ministry",
    "agriculture ministry": "Agriculture Ministry",
    "ministry of agriculture": "Agriculture Ministry",
    "industry ministry": "Industry Ministry",
    "energy ministry": "Energy Ministry",
    "oil ministry": "Oil Ministry",
}
NO_COUNTRY = "country not given"  # "Finance Ministry (country not given)": visibly unqualified
_NOT_HEAD = (  # "the Treasury index", "Treasury bills": the institution is not the head
    r"(?!\s+(?:bills?|bonds?|notes?|index|securities|yields?|issues?|market|auctions?|"
    r"refunding|paper|debt|rate|rates|futures)\b)"
)
_COUNTRY_TABLES: dict = {}


def countries() -> tuple[dict[str, str], dict[str, str]]:
    """({qualifier: country}, {dateline city: country}), all keys lowercase.

    Qualifiers are country names, their variants and nationality adjectives ("Japanese",
    "U.S.", "West German"); dateline cities place an article in a country ("TOKYO, March 3 -").
    Source: `data/countries.csv` (country, adjectives, cities; written for this package) and
    the countries of `data/places.csv`.
    """
    if not _COUNTRY_TABLES:
        from newscorpus.paths import DATA_DIR

        qualifiers: dict[str, str] = {}
        cities: dict[str, str] = {}
        table = pd.read_csv(DATA_DIR / "countries.csv", dtype=str, keep_default_na=False)
        for country, adjectives, towns in table.itertuples(index=False):
            for q in [country, *adjectives.split("|")]:
                if q:
                    qualifiers.setdefault(q.lower(), country)
            for c in towns.split("|"):
                if c:
                    cities.setdefault(c.lower(), country)
        places = pd.read_csv(DATA_DIR / "places.csv", dtype=str, keep_default_na=False)
        for name, variants in zip(places["name"], places["variants"], strict=True):
            for v in [name, *variants.split("|")]:
                if v and v[:1].isupper():
                    qualifiers.setdefault(v.lower(), name)
                    cities.setdefault(v.lower(), name)
        _COUNTRY_TABLES["q"], _COUNTRY_TABLES["c"] = qualifiers, cities
        words = sorted(qualifiers, key=len, reverse=True)
        alt = "|".join(spaced_pattern(w) for w in words)
        inst = "|".join(
            spaced_pattern(i) for i in sorted(COUNTRY_INSTITUTIONS, key=len, reverse=True)
        )
        _COUNTRY_TABLES["pre"] = re.compile(
            r"(?<![\w.’'-])(?i:(?P<q>" + alt + r"))(?:[’']s)?\s+(?i:(?P<i>" + inst + r"))"
            r"(?![\w’'-])" + _NOT_HEAD
        )
        _COUNTRY_TABLES["post"] = re.compile(
            r"(?<![\w’'-])(?i:(?P<i>" + inst + r"))\s+of\s+(?:the\s+)?(?i:(?P<q>" + alt + r"))"
            r"(?![\w’'-])"
        )
    return _COUNTRY_TABLES["q"], _COUNTRY_TABLES["c"]


def country_institution(speaker: str) -> tuple[str, str | None] | None:
    """(institution, country or None) when `speaker` names a country's institution: "the
    Italian Treasury" → ("Treasury", "Italy"), "Reserve Bank of New Zealand" → ("Reserve
    Bank", "New Zealand"), a bare "Finance Ministry" → ("Finance Ministry", None); else None
    ("Shearson Lehman Treasury" names no country: None)."""
    name = " ".join(lead_the(str(speaker)).split())
    bare = COUNTRY_INSTITUTIONS.get(name.lower())
    if bare is not None:
        return bare, None
    qualifiers, _ = countries()
    for rx in (_COUNTRY_TABLES["pre"], _COUNTRY_TABLES["post"]):
        m = rx.fullmatch(name)
        if m:
            key = " ".join(m.group("i").lower().split())
            return COUNTRY_INSTITUTIONS[key], qualifiers[" ".join(m.group("q").lower().split())]
    return None


_DATELINE = re.compile(
    r"^\s*(?P<city>[A-Z][A-Za-z.'’ -]{1,30}?)\s*(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*)?"
    r"(?:\((?:[A-Za-z ]{2,30})\)\s*)?[-–—]{1,2}\s"
)


def dateline_country(body: str) -> str | None:
    """The country of an article's dateline city ("TOKYO, March 3 - …" → "Japan"), or None."""
    m = _DATELINE.match(body[:80])
    if m is None:
        return None
    return countries()[1].get(" ".join(m.group("city").lower().split()))


def article_countries(institution: str, body: str, before: int) -> list[str]:
    """The countries whose `institution` the article names with its country ("Japan's
    Finance Ministry", "the Ministry of Finance of Japan"), nearest before `before` first,
    then those after it; a name never spans a sentence end ("Argentina. The Treasury")."""
    countries()
    qualifiers = _COUNTRY_TABLES["q"]
    found: list[tuple[int, str]] = []
    for rx in (_COUNTRY_TABLES["pre"], _COUNTRY_TABLES["post"]):
        for m in rx.finditer(body):
            if COUNTRY_INSTITUTIONS[" ".join(m.group("i").lower().split())] == institution:
                found.append((m.start(), qualifiers[" ".join(m.group("q").lower().split())]))
    earlier = [c for p, c in sorted(found, reverse=True) if p < before]
    later = [c for p, c in sorted(found) if p >= before]
    return list(dict.fromkeys([*earlier, *later]))


def national_name(institution: str, country: str | None, body: str, before: int) -> str:
    """ "Finance Ministry (Japan)": the country the speaker names, else the one country whose
    institution the article names, else the dateline's country; with none (or two countries
    named and no dateline among them) "Finance Ministry (country not given)"."""
    if country is None:
        named = article_countries(institution, body, before)
        place = dateline_country(body)
        if len(named) == 1:
            country = named[0]
        elif len(named) > 1 and place in named:
            country = place
        elif not named:
            country = place
    return f"{institution} ({country or NO_COUNTRY})"


def lead_the(name: str) -> str:
    """A name without a leading "the"/"The": "The Clinton campaign" → "Clinton campaign"."""
    return re.sub(r"^[Tt]he\s+", "", name)


_QUALIFIER = r"(?:[A-Z][\w’'.-]*\s+){1,4}"


def country_qualified(bare: str, body: str, before: int) -> str | None:
    """The country-qualified name of a bare institution ("Treasury", "Finance Ministry",
    "Reserve Bank") last named in `body` before offset `before`: "Italian Treasury",
    "Japanese Finance Ministry", "Reserve Bank of New Zealand"; None when the article names
    none (a bare institution is never resolved across articles)."""
    words = r"\s+".join(re.escape(w) for w in bare.split())
    rx = re.compile(
        r"(?<![\w’'-])(?P<pre>" + _QUALIFIER + r")?(?i:" + words + r")(?![\w’'-])"
        r"(?:\s+of\s+(?P<post>(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}))?"
    )
    found = None
    for m in rx.finditer(body, 0, max(0, before)):
        head = " ".join(m.group(0).split()[len((m.group("pre") or "").split()) :])
        if m.group("post") is not None:
            found = " ".join(head.split())
            continue
        pre = [w for w in (m.group("pre") or "").split() if w.lower() not in ("the", "a", "an")]
        stops = [k for k, w in enumerate(pre) if w.endswith(".") and not _INITIALISM.match(w)]
        if stops:  # "… to Argentina. The government": a name never spans a sentence end
            pre = pre[stops[-1] + 1 :]
        pre = pre[-2:]  # "ROME, March 5 - Italian": the words next to the head
        if pre and not pre[-1].endswith(("-", ",")):
            found = " ".join([*pre, head])
    return found


_INITIALISM = re.compile(r"^(?:[A-Z]\.){2,}$")  # "U.S.", "U.K.": no sentence end
