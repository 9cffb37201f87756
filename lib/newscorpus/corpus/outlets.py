"""One outlet, one name: the canonical outlet of every article, its listed name kept.

Exports and aggregator manifests list one outlet under several names ("Fox News", "Fox Online
News", "Fox News Opinion"; "New York Times - News", "New York Times (Online News)"; "CNN (Web
News)", "CNN - Editorial"), and label opinion pieces by their author ("Juan Williams") or a
bucket ("Guest Writer - Right") although the article sits on the outlet's own site. Counted as
they are, one outlet becomes several groups and every by-outlet figure splits it.

Method (corpus-level, deterministic, no list of outlets needed):

1. **Name key.** A name is reduced to a key: case folded, a leading "The" dropped, section and
   medium qualifiers dropped ("- News", "(Web News)", "Online News", "Opinion", "Editorial",
   "(blog)", ".com"), a trailing "News" dropped, spaces and punctuation removed. Names with the
   same key are one outlet ("Fox Online News", "Fox News", "Fox News Opinion" -> ``fox``).
2. **Site.** Where an article has a URL, its site is the registered domain (the Public Suffix
   List via `tldextract`, offline snapshot, private suffixes kept apart so ``x.blogspot.com``
   is its own site). A site whose articles are mostly (>= half, at least `MIN_SITE` articles)
   under one name key is that outlet's site: every article on it belongs to that outlet,
   whatever name it is listed under (a columnist, "Guest Writer"), and an article with no
   listed name gets it. On a small sample a name of at least 2 articles that outnumbers all
   the other names on its site together owns it too, and so does the name a site is named
   after ("WND.com" on wnd.com: the Drudge Report's link to it is WND's article; "City
   Journal" on city-journal.org). A site shared by many names (an aggregator) decides nothing,
   nor does a self-publishing platform (`PLATFORMS`: medium.com, substack.com, …), where a
   post is its author's.
3. **Display name.** The name in the project's outlet list (`data/outlets.csv`, its names and
   variants) when one matches the key ("New York Times" -> "The New York Times"); else the
   listed name with its qualifiers removed that is itself a listed name, most articles first
   ("Fox News"); else the most frequent qualifier-free form ("CNN (Web News)" -> "CNN").

4. **Page lists** (`page_lists`): a site no listed name owns gives the outlet of an article
   listed under a person's name ("John Stossel" on creators.com) or of a site the shipped list
   of sites (`data/outlet_sites.csv`) gives another outlet (abc.net.au is not the US network's
   ABC News); a manifest byline that is a page's staff list becomes the column's author.

The articles table keeps the name as listed in ``outlet_listed`` and the canonical name in
``outlet``; `summary` lists the names merged under each outlet (for the CSV an analyst checks).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

import pandas as pd

from newscorpus.corpus import page_lists
from newscorpus.paths import DATA_DIR

MIN_SITE = 3  # articles a site needs before it names the outlet of everything on it
# self-publishing platforms: an author's post there is the author's, never the platform's
PLATFORMS = frozenset(
    "medium.com substack.com wordpress.com blogspot.com tumblr.com youtube.com facebook.com"
    " twitter.com x.com linkedin.com".split()
)

_QUALIFIER = (
    r"(?:(?:online|web|digital|print)\s+)?(?:news|opinions?|editorials?|op-?eds?|blogs?|"
    r"commentary|analysis|columns?|opinion\s*/\s*editorial|editorial\s+board|"
    r"online|web|politics)"
)
_BRACKETED = re.compile(rf"\s*\(\s*{_QUALIFIER}\s*\)\s*$", re.I)
_DASHED = re.compile(rf"\s+[-\u2013\u2014|:]\s*{_QUALIFIER}\s*$", re.I)
_TRAILING = re.compile(
    r"\s+(?:online\s+news|web\s+news|digital\s+news|opinions?|editorials?|op-?eds?)$", re.I
)
_DOMAIN_SUFFIX = re.compile(r"\.(?:com|org|net|co\.uk|com\.au)$", re.I)
_THE = re.compile(r"^the\s+", re.I)
_NEWS = re.compile(r"\s*news$", re.I)
_NON_WORD = re.compile(r"[\W_]+")


def display_form(name: str) -> str:
    """`name` without its section and medium qualifiers ("CNN (Web News)" -> "CNN").

    Input: one listed outlet name. Output: the name with a bracketed or dashed qualifier and a
    trailing "Online News"/"Opinion"/"Editorial" removed, whitespace collapsed; the name itself
    when removing would leave nothing.
    """
    text = " ".join(str(name).split())
    for pattern in (_BRACKETED, _DASHED, _TRAILING):
        stripped = pattern.sub("", text).strip()
        if stripped:
            text = stripped
    return text


def outlet_key(name: str | None) -> str | None:
    """The key that names of one outlet share ("Fox News Opinion" -> "fox"); None for no name.

    Input: a listed outlet name. Output: lower case letters and digits only (accents folded),
    after
    `display_form`, a leading "The", a ".com"-style suffix and a trailing "News" are dropped
    (a name that would become empty keeps what it had before that step).
    """
    if name is None or (not isinstance(name, str) and pd.isna(name)):
        return None
    text = display_form(name)
    if not text.strip():
        return None
    for pattern in (_THE, _DOMAIN_SUFFIX, _NEWS):
        stripped = pattern.sub("", text).strip()
        if _letters(stripped):
            text = stripped
    return _letters(text) or text.lower()


def _letters(text: str) -> str:
    """Lower-case letters and digits of any script, accents folded ("Mitú" -> "mitu", never
    "mit": an accented letter is a letter, not punctuation)."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    return _NON_WORD.sub("", "".join(ch for ch in folded if not unicodedata.combining(ch)))


@lru_cache(maxsize=1)
def _extractor():
    import tldextract

    # the bundled Public Suffix List snapshot only: nothing is fetched, nothing cached on disk
    return tldextract.TLDExtract(
        suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True
    )


def site(url: str | None) -> str | None:
    """The registered domain of `url` ("http://politicalticker.blogs.cnn.com/x" -> "cnn.com").

    Input: a URL or host name (scheme optional). Output: domain plus public suffix, lower
    case, or None when `url` is empty or has no registrable domain (an IP, "localhost").
    Method: the Public Suffix List (tldextract's offline snapshot, private suffixes included).
    """
    if url is None or (not isinstance(url, str) and pd.isna(url)) or not str(url).strip():
        return None
    parts = _extractor()(str(url).strip())
    if not parts.domain or not parts.suffix:
        return None
    return f"{parts.domain}.{parts.suffix}".lower()


@lru_cache(maxsize=1)
def _known() -> dict[str, str]:
    """{outlet_key: the outlet list's name} for every name and variant in data/outlets.csv."""
    table = pd.read_csv(DATA_DIR / "outlets.csv", dtype=str, keep_default_na=False)
    known: dict[str, str] = {}
    for name, variants in zip(table["name"], table["variants"], strict=True):
        for form in [name, *[v for v in variants.split("|") if v.strip()]]:
            key = outlet_key(form)
            if key and len(key) > 2:  # "AP", "NYT": too short to name an outlet by key alone
                known.setdefault(key, name)
    return known


def _is_outlet(name: str) -> bool:
    """Whether `name` is an outlet of the shipped list (its key is a listed name's)."""
    return outlet_key(name) in _known()


def _site_name(where: str) -> str:
    """The listed outlet a site is named after ("theweek.com" -> "The Week"), else the site."""
    key = outlet_key(where.split(".")[0]) or ""
    known = _known()
    for k in (key, key[3:] if key.startswith("the") else ""):
        if k in known:
            return known[k]
    return where


def _site_owners(keys: pd.Series, sites: pd.Series) -> dict[str, str]:
    """{site: the name key that owns it} (see the module's step 2): the key most of its
    articles are listed under (>= half, at least MIN_SITE); on a smaller sample, a key of at
    least 2 articles that outnumbers all the others on the site together; or the key the site
    is named after ("WND.com" on wnd.com, "City Journal" on city-journal.org). A
    self-publishing platform (`PLATFORMS`) is owned by no one."""
    frame = pd.DataFrame({"site": sites, "key": keys}).dropna(subset=["site"])
    frame = frame[~frame["site"].isin(PLATFORMS)]
    if frame.empty:
        return {}
    totals = frame.groupby("site").size()
    counts = frame.dropna(subset=["key"]).groupby(["site", "key"]).size()
    if counts.empty:
        return {}
    counts = counts.sort_values(ascending=False, kind="stable")
    best = counts[~counts.index.get_level_values("site").duplicated()]
    owners = {}
    for (where, key), n in best.items():
        if (n >= MIN_SITE and 2 * n >= totals[where]) or (n >= 2 and 2 * n > totals[where]):
            owners[where] = key
    for where, key in counts.index:  # the site's own name: "wnd.com" is WND's
        if where not in owners and key == _letters(where.split(".")[0]):
            owners[where] = key
    return owners


def _display_names(names: pd.Series, keys: pd.Series) -> dict[str, str]:
    """{key: display name} from the listed names under each key (see the module's step 3)."""
    known = _known()
    frame = pd.DataFrame({"name": names, "key": keys}).dropna()
    if frame.empty:
        return {}
    frame["name"] = frame["name"].astype("str").str.split().str.join(" ")
    frame["form"] = frame["name"].map(display_form)
    out: dict[str, str] = {}
    for key, group in frame.groupby("key", sort=False):
        if key in known:
            out[key] = known[key]
            continue
        listed = set(group["name"])
        forms = group["form"].value_counts()
        ranked = sorted(
            forms.items(), key=lambda kv: (kv[0] not in listed, -kv[1], len(kv[0]), kv[0])
        )
        out[key] = ranked[0][0]
    return out


def canonical_outlets(
    names: Sequence[str | None] | pd.Series, urls: Sequence[str | None] | pd.Series | None = None
) -> pd.Series:
    """The canonical outlet of each article, from its listed outlet name and URL.

    Input: `names`, one listed outlet name per article (None/NA for none); `urls`, the same
    length, each article's URL (optional). Output: a `str` Series of canonical names aligned
    with `names` (NA where neither a name nor an outlet's site is known). Raises ValueError when
    `urls` is not as long as `names`. Method: the module docstring (name key, site, display,
    page lists).
    """
    names = pd.Series(names, dtype="str").reset_index(drop=True)
    if urls is None:
        urls = pd.Series(pd.NA, index=names.index, dtype="str")
    urls = pd.Series(urls, dtype="str").reset_index(drop=True)
    if len(urls) != len(names):
        raise ValueError(f"urls has {len(urls)} values for {len(names)} outlet names")
    unique = names.dropna().unique()
    keys = names.map(dict(zip(unique, (outlet_key(n) for n in unique), strict=True)))
    unique_urls = urls.dropna().unique()
    sites = urls.map(dict(zip(unique_urls, (site(u) for u in unique_urls), strict=True)))
    owners = _site_owners(keys, sites)
    display = _display_names(names, keys)
    owned = sites.map(owners)
    final = owned.where(owned.notna(), keys).map(display).astype("str")
    sites = sites.where(~sites.isin(PLATFORMS))
    # a columnist's label on another outlet's site; abc.net.au listed as ABC News
    moved = page_lists.site_outlets(names, keys, sites, owned, outlet_key, _is_outlet, _site_name)
    return final.where(moved.isna(), moved).astype("str")


def summary(articles: pd.DataFrame) -> pd.DataFrame:
    """The names merged under each canonical outlet, for an analyst to check.

    Input: an articles table with `outlet` and `outlet_listed`. Output: one row per outlet
    and listed name: outlet, outlet_listed ("(none)" for articles listed without a name),
    articles; outlets by size, names by size within each. Raises KeyError without the columns.
    """
    listed = articles["outlet_listed"].astype("str").fillna("(none)")
    frame = pd.DataFrame({"outlet": articles["outlet"].astype("str"), "outlet_listed": listed})
    frame = frame.dropna(subset=["outlet"])
    counts = frame.value_counts(["outlet", "outlet_listed"]).rename("articles").reset_index()
    size = counts.groupby("outlet")["articles"].transform("sum")
    counts = counts.assign(_size=size).sort_values(
        ["_size", "outlet", "articles", "outlet_listed"],
        ascending=[False, True, False, True],
        kind="stable",
    )
    return counts.drop(columns="_size").reset_index(drop=True)


def _blank_to_na(values: pd.Series) -> pd.Series:
    values = values.astype("str").str.split().str.join(" ")
    return values.where(values.fillna("") != "")


def canonical_manifest(manifest: pd.DataFrame | None) -> pd.DataFrame | None:
    """A manifest (see `corpus.manifest`) with canonical `outlet` and the listed name kept.

    Input: the manifest table (`str` columns) or None. Output: the same rows with `outlet`
    replaced by `canonical_outlets(outlet, url)` and `outlet_listed` added (the name as listed,
    NA where none was), and a `byline` that is a page's staff list replaced
    (`page_lists.sidebar_bylines`); unchanged when it has neither an `outlet` nor a `url` column.
    """
    if manifest is None or not ({"outlet", "url"} & set(manifest.columns)):
        return manifest
    if "outlet" in manifest.columns:
        listed = _blank_to_na(manifest["outlet"])
    else:
        listed = pd.Series(pd.NA, index=manifest.index, dtype="str")
    urls = _blank_to_na(manifest["url"]) if "url" in manifest.columns else None
    canonical = canonical_outlets(listed, urls)
    canonical.index = manifest.index
    if "byline" in manifest.columns and urls is not None:  # a page's staff list is no byline
        sites = urls.map(lambda u: site(u) if isinstance(u, str) else None)
        bylines = page_lists.sidebar_bylines(manifest, sites, _is_outlet, canonical)
        manifest = manifest.assign(byline=bylines)
    return manifest.assign(outlet=canonical, outlet_listed=listed)


def with_listed(articles: pd.DataFrame) -> pd.DataFrame:
    """`articles` with an `outlet_listed` column (the listed name; the outlet where none).

    Input: an articles table. Output: the table with `outlet_listed` (`str`) filled from
    `outlet` wherever no listed name was recorded (outlets read from the text itself).
    """
    if "outlet_listed" in articles.columns:
        listed = articles["outlet_listed"].astype("str")
        return articles.assign(outlet_listed=listed.where(listed.notna(), articles["outlet"]))
    return articles.assign(outlet_listed=articles["outlet"].astype("str"))


def merged(articles: pd.DataFrame, top_n: int = 20, names: int = 6) -> pd.DataFrame:
    """The outlets counted under one name although listed under several, largest first.

    Input: an articles table with `outlet` and `outlet_listed`; `top_n` outlets at most;
    `names` listed names spelled out per outlet. Output: one row per such outlet: outlet,
    articles, listed_names (how many), names ("Fox Online News 227; Fox News 189; … and 5 more
    names, 12 articles"). Empty (same columns) when every outlet has one listed name.
    """
    table = summary(articles)
    columns = ["outlet", "articles", "listed_names", "names"]
    if table.empty:
        return pd.DataFrame(columns=columns)
    rows = []
    for outlet, group in table.groupby("outlet", sort=False):
        if len(group) < 2:
            continue
        shown = [f"{n} {k}" for n, k in zip(group["outlet_listed"], group["articles"], strict=True)]
        text = "; ".join(shown[:names])
        if len(shown) > names:
            rest = group["articles"].iloc[names:].sum()
            text += f"; … and {len(shown) - names} more names, {rest} articles"
        rows.append((outlet, int(group["articles"].sum()), len(group), text))
        if len(rows) == top_n:
            break
    return pd.DataFrame(rows, columns=columns)


# --------------------------------------------------------------------------- text and folders

WIRES = ("Reuters", "AP", "AFP", "UPI", "Bloomberg", "dpa")  # wire credits a text carries
TAIL_MIN_ARTICLES = 3  # titles an unknown title tail must end before it names an outlet
TAIL_MAX_CHARS = 40
_NAME_WORDS = r"(?:The\s+)?[A-Z][\w&.'’]*(?:\s+[A-Z][\w&.'’]*){0,4}"
# The two title forms `paragraphs.read_metadata` reads an outlet from: `“Title,” The Outlet`
# and `Title | The Outlet` (or – —).
_TAIL_QUOTED = re.compile(rf"^[“\"].+[”\"]\s*[,|–—-]\s*(?P<tail>{_NAME_WORDS})$")
_TAIL_SUFFIX = re.compile(rf"^.+?\s+[|–—]\s+(?P<tail>{_NAME_WORDS})$")
# Words no outlet name is made of, beside the stopword list: a title's punchline
# ("… – She's Going To HATE It.", "… – It Might Surprise You.", "… – Yet.").
_NOT_NAME_WORDS = frozenset(
    "yet might may could would must going gonna never ever still again really".split()
)
_NAME_ALLOWED = frozenset({"the", "of", "and", "for", "on", "in", "at", "a"})
_DATE_LIKE = re.compile(r"^[\d\W_]+$")  # a folder named 2015, 2015-11 or 01: no outlet


def title_tails(titles: pd.Series) -> pd.Series:
    """The outlet-shaped tail of each title line (`Title | Reuters` -> "Reuters"), NA for none.

    Input: title lines (a Series). Output: a `str` Series aligned with it. Only the shape is
    read here (the forms `paragraphs.read_metadata` reads); whether the tail names an outlet is
    `tail_is_outlet`'s question.
    """
    titles = pd.Series(titles, dtype="str")
    quoted = titles.str.extract(_TAIL_QUOTED, expand=False)
    suffix = titles.str.extract(_TAIL_SUFFIX, expand=False)
    return quoted.where(quoted.notna(), suffix).astype("str")


def bare_name(name: str) -> str:
    """A name or tail without the period an export appends to every title ("Reuters." -> "Reuters")."""
    name = " ".join(str(name).split())
    return name[:-1].rstrip() if name.endswith(".") and not name.endswith("..") else name


@lru_cache(maxsize=1)
def _listed_forms() -> frozenset[str]:
    """Every name, variant and short form of data/outlets.csv and the wires, as written."""
    table = pd.read_csv(DATA_DIR / "outlets.csv", dtype=str, keep_default_na=False)
    forms = set(WIRES)
    for column in ("name", "variants"):
        for value in table[column]:
            forms.update(v.strip() for v in value.split("|") if v.strip())
    return frozenset(forms)


def known_outlet(name: str | None) -> bool:
    """Whether `name` is an outlet of the project's list or a wire (`AP`, `Reuters`, `NYT`).

    Input: a name as written (a trailing period is ignored). Output: True when its key is a
    listed outlet's key, or the name is written exactly as a listed name, variant or wire.
    """
    if name is None or (not isinstance(name, str) and pd.isna(name)):
        return False
    bare = bare_name(name)
    return bare in _listed_forms() or outlet_key(bare) in _known()


def looks_like_outlet(name: str | None) -> bool:
    """Whether a title tail has the shape of an outlet's name, not of a punchline.

    Input: a tail as written. Output: True when it is at most TAIL_MAX_CHARS characters (a
    trailing period aside), ends in no `!` or `?`, and holds no stopword or modal other than
    the/of/and/for/on/in/at/a ("She's Going To HATE It." and "It Might Surprise You." do not).
    """
    if name is None or (not isinstance(name, str) and pd.isna(name)):
        return False
    bare = bare_name(name)
    if not bare or len(bare) > TAIL_MAX_CHARS or bare[-1] in "!?":
        return False
    from newscorpus import resources

    stop = resources.stopwords()
    for word in bare.replace("’", "'").lower().split():
        word = word.strip('.,:;"“”')
        if word in _NAME_ALLOWED:
            continue
        if word in stop or word in _NOT_NAME_WORDS or word.split("'")[0] in stop:
            return False
    return True


def repeated_tails(titles: pd.Series, min_articles: int = TAIL_MIN_ARTICLES) -> frozenset[str]:
    """The outlet keys of title tails that end at least `min_articles` titles of a corpus.

    Input: every title line of the corpus. Output: the `outlet_key`s of tails that look like an
    outlet (`looks_like_outlet`) and end that many titles (`tail_is_outlet` then accepts them).
    """
    tails = title_tails(titles).dropna()
    if tails.empty:
        return frozenset()
    counts = tails.map(bare_name).value_counts()
    counts = counts[counts >= min_articles]
    return frozenset(outlet_key(t) for t in counts.index if looks_like_outlet(t))


def tail_is_outlet(tail: str | None, repeated: frozenset = frozenset(), given=()) -> bool:
    """Whether one title's tail names its outlet (else it is part of the title).

    Input: the tail; `repeated`, the keys of `repeated_tails` over the corpus; `given`, names
    the article's outlet is known by otherwise (manifest, folder, page). Output: True when the
    tail is a listed outlet or wire (`known_outlet`), has the key of a `given` name, or looks
    like an outlet and ends several titles of the corpus.
    """
    if tail is None or (not isinstance(tail, str) and pd.isna(tail)) or not tail.strip():
        return False
    if known_outlet(tail):
        return True
    key = outlet_key(bare_name(tail))
    if key in {outlet_key(g) for g in given if isinstance(g, str) and g.strip()}:
        return True
    return key in repeated and looks_like_outlet(tail)


def folder_outlet(relative: str) -> str | None:
    """The folder naming an article's outlet in a corpus laid out as `<outlet>/<file>`.

    Input: the article's path relative to the corpus folder (`huff-post/x.txt`,
    `nyt/2016/x.txt`). Output: its outermost folder whose name is not a date or number
    (`huff-post`, `nyt`), as written; None for a file at the corpus root or under date
    folders only. `canonical_outlets` turns it into the outlet's name ("huff-post" ->
    "HuffPost" through the outlet list).
    """
    parts = str(relative).replace("\\", "/").split("/")[:-1]
    for part in parts:
        if part.strip() and not _DATE_LIKE.match(part):
            return part.strip()
    return None
