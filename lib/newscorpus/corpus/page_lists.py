"""Bylines and outlets a scraper took from a page's lists, not from the article (issue 16, round 9).

An aggregator's manifest may take a page's staff sidebar for the article's authors ("Bronson
Stocking, Matt Vespa, Cortney OBrien, Julio Rosas" on an Ann Coulter column at Townhall; seven
Vox staff names on every Vox row) and a columnist's name for the outlet ("John Stossel" on
creators.com, "Henry A. Brechter" on sfchronicle.com), or file a page under another outlet of
the same name (an abc.net.au page under "ABC News", the US network). Rules:

- **sidebar byline**: a byline list of more than MAX_AUTHORS names, or of MAX_AUTHORS names
  all but the first of which stand in the bylines of at least SIDEBAR_ARTICLES other articles
  of the same site, is a page list. It becomes the manifest's outlet label when that label is a
  person's name (the column's author), else the list's first name (where scrapers put the
  page's author), else nothing.
- **outlet from the site**: when an article's site is not owned by its listed name
  (`outlets._site_owners`), the outlet follows the site when the listed label is a person's
  name (`person_name`: two to four capitalised words, the first a given name, no outlet word),
  no article on the site is listed under an outlet's name, and the site is not named after
  that person ("anncoulter.com"), or when the site belongs to
  another outlet in the shipped list of sites (`data/outlet_sites.csv`: abc.net.au is the
  Australian Broadcasting Corporation's). The site's outlet is its name in that list, else a
  listed outlet named by the site ("theweek.com": The Week), else the site itself.
"""

from __future__ import annotations

import csv
import functools
import re

import pandas as pd

from newscorpus.paths import DATA_DIR

MAX_AUTHORS = 3  # more names than this in one byline: a page's list, not the authors
SIDEBAR_ARTICLES = 3  # a name in this many other bylines of a site's lists is its sidebar

_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&)\s*")
_NAME_WORD = re.compile(r"[A-Z][\w'’.-]*|[A-Z]\.|(?:de|van|von|del|da|la|bin|al)")
_OUTLET_WORDS = frozenset(
    "news times post journal daily report magazine review tribune herald network media press"
    " group institute center centre foundation university chronicle gazette weekly world today"
    " online radio tv channel staff editors editorial board wire agency monthly quarterly"
    " statesman american sun star observer examiner inquirer enquirer courier dispatch"
    " independent guardian mirror express record bulletin sentinel register standard mail"
    " telegraph globe beacon monitor voice insider business policy affairs digest blog"
    " guest writer writers contributor contributors columnist author authors opinion team desk"
    " right left center".split()
)


def byline_names(byline) -> list[str]:
    """The names of a byline list ("A, B, and C" -> [A, B, C]), quotes and blanks dropped."""
    if not isinstance(byline, str) or not byline.strip():
        return []
    parts = _SPLIT.split(byline.replace('"', " ").replace("“", " ").replace("”", " "))
    return [" ".join(p.split()) for p in parts if p.strip()]


@functools.cache
def _given_names() -> frozenset[str]:
    """Given names and nicknames, lower case (PyPI `nicknames`); empty when not installed."""
    try:
        from nicknames import NickNamer
    except ImportError:  # pragma: no cover - a declared dependency
        return frozenset()
    table = NickNamer().nickname_lookup
    return frozenset(table) | {n for v in table.values() for n in v}


def name_shaped(name, is_outlet=lambda name: False) -> bool:
    """Whether a listed label is shaped as a person's name: two to four words, each
    capitalised (an initial "A." allowed), none an outlet word ("News", "Times", "Monthly"),
    and not a listed outlet (`is_outlet(name)` false)."""
    if not isinstance(name, str):
        return False
    words = name.split()
    if not 2 <= len(words) <= 4 or not all(_NAME_WORD.fullmatch(w) for w in words):
        return False
    return not (_OUTLET_WORDS & set(re.split(r"[-.]", name.lower().replace(" ", "-")))) and not (
        is_outlet(name)
    )


def person_name(name, is_outlet=lambda name: False) -> bool:
    """Whether a listed label is a person's name: `name_shaped`, the first word a given name
    (PyPI `nicknames`)."""
    return name_shaped(name, is_outlet) and name.split()[0].lower() in _given_names()


@functools.cache
def listed_sites() -> dict[str, str]:
    """{site: outlet} from `data/outlet_sites.csv` (registered domains of outlets that share a
    name with another outlet or that columnists' labels hide)."""
    with (DATA_DIR / "outlet_sites.csv").open(encoding="utf-8", newline="") as fh:
        return {row["site"].strip().lower(): row["outlet"].strip() for row in csv.DictReader(fh)}


def site_outlets(
    names: pd.Series,
    keys: pd.Series,
    sites: pd.Series,
    owned: pd.Series,
    key_of,
    is_outlet,
    site_name=lambda site: site,
) -> pd.Series:
    """The outlet each article's site gives where it overrides the listed name (see the module
    docstring), NA elsewhere. Input: listed names, their name keys, sites and site owners'
    keys (NA where the site has no owner), aligned; `key_of`, a name's key
    (`outlets.outlet_key`); `is_outlet`, whether a name is a listed outlet; `site_name`, a
    site's outlet name when the site is not in the list of sites (a listed outlet's name,
    "theweek.com" -> "The Week", else the site). Output: a `str` Series of outlet names."""
    listed = listed_sites()
    out = pd.Series(pd.NA, index=names.index, dtype="str")
    # a site also listed under an outlet's name: its columnist stays undecided (one article each)
    named = {sites[i] for i in names.index if isinstance(names[i], str)}
    named = {w for w in named if isinstance(w, str)}
    named &= {sites[i] for i in names.index if not person_name(names[i], is_outlet)}
    for i in names.index:
        where = sites[i]
        if not isinstance(where, str):
            continue
        known = listed.get(where)
        owner = owned[i] if isinstance(owned[i], str) else None
        if known and key_of(known) != (owner or keys[i]):
            out[i] = known  # the site is another outlet's, whoever it was listed under
        elif owner is None and where not in named and person_name(names[i], is_outlet):
            if key_of(names[i]) not in where.replace(".", ""):  # not "anncoulter.com"
                out[i] = known or site_name(where)
    return out


def sidebar_bylines(
    manifest: pd.DataFrame, sites: pd.Series, is_outlet=lambda n: False, outlets=None
) -> pd.Series:
    """The manifest's `byline` with page lists replaced (see the module docstring).

    Input: a manifest with `byline` and the listed `outlet` (as listed, not canonical); each
    row's site, aligned; `is_outlet`, whether a name is a listed outlet; `outlets`, each row's
    canonical outlet (optional): a label shaped as a name that is not its row's outlet is a
    columnist's ("Damon Linker" on The Week's site), whatever its given name. Output: the
    byline column, a `str` Series (NA where none is left).
    """
    bylines = manifest["byline"].astype("str")
    lists = bylines.map(byline_names)
    counts: dict[tuple, int] = {}
    for where, names in zip(sites, lists, strict=True):
        for name in set(names):
            counts[(where, name)] = counts.get((where, name), 0) + 1
    labels = (
        manifest["outlet"]
        if "outlet" in manifest.columns
        else pd.Series(pd.NA, index=manifest.index)
    )
    if outlets is None:
        outlets = pd.Series(pd.NA, index=manifest.index)
    out = bylines.copy()
    rows = zip(manifest.index, sites, lists, labels, outlets, strict=True)
    for i, where, names, label, outlet in rows:
        if len(names) < 2:
            continue
        rest = [counts[(where, n)] - 1 >= SIDEBAR_ARTICLES for n in names[1:]]
        if len(names) < MAX_AUTHORS or (len(names) == MAX_AUTHORS and not all(rest)):
            continue
        columnist = name_shaped(label, is_outlet) and isinstance(outlet, str) and outlet != label
        out[i] = label if columnist or person_name(label, is_outlet) else names[0]
    return out
