"""Maps of where the coverage is: places as dots on country outlines drawn offline."""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.collections import PolyCollection
from matplotlib.patheffects import withStroke

from newscorpus import plots
from newscorpus.places.gazetteer import outlines
from newscorpus.places.map_countries import (
    country_line,
    draw_countries,
    is_country,
    shade_bounds,
    shade_legend,
)
from newscorpus.places.map_labels import FONT_SIZE, place_labels, spot_offset

MAX_PANELS = 12  # small multiples drawn at most (the largest groups)
DOT_MAX = 450.0  # area in points^2 of the largest dot (the most articles in any panel)
DOT_MIN = 8.0
PANEL_WIDTH = 5.5  # inches per map panel
DOT_COLOUR = "#0173b2"
LAND, BORDER, SEA = "#ecebe6", "#a7a59c", "#f5f9fc"
DENSE_COVERAGE = 0.95  # share of the crowded window's weight its inset shows
WORLD = (-180.0, 180.0, -58.0, 80.0)  # lon0, lon1, lat0, lat1: no Antarctica


def places_by_group(places: pd.DataFrame, labels: pd.Series, top_n: int = 6) -> pd.DataFrame:
    """Articles naming each place, per group: the table behind `plot_place_map`.

    Input: the `places` table (article_id, place, country, country_name, kind, lat, lon,
    n_mentions, geonameid) and `labels` (group per article, index article_id, as from
    `groups.assign`; articles without a label, such as reprinted copies, are left out).
    Output: one row per group and place, groups in the order of `labels`' categories, keeping
    the `top_n` largest groups (at most 12): group, n_group (the group's articles, with or
    without places), place, country, country_name, kind, lat, lon, geonameid, n_articles (the
    group's articles naming the place), n_mentions, share (n_articles / n_group). Sorted by
    group, then n_articles descending, then place; `attrs["not_drawn"]` counts the groups
    left out (n_groups, n_articles, kept), which `plot_place_map` notes under the maps.
    Raises ValueError when `top_n` < 1.
    """
    if top_n < 1:
        raise ValueError(f"top_n={top_n!r}: expected a whole number of 1 or more")
    labels = labels.dropna()
    sizes = labels.value_counts(sort=False)
    sizes = sizes[sizes > 0]
    keep = list(sizes.sort_values(ascending=False, kind="stable").index[: min(top_n, MAX_PANELS)])
    order = [g for g in sizes.index if g in keep]
    cols = ["group", "n_group", "place", "country", "country_name", "kind", "lat", "lon"]
    cols += ["geonameid", "n_articles", "n_mentions", "share"]
    joined = places.assign(group=places["article_id"].astype("str").map(labels)).dropna(
        subset=["group"]
    )
    joined = joined[joined["group"].isin(order)]
    if not len(joined):
        return pd.DataFrame({c: pd.Series(dtype="object") for c in cols})
    keys = ["group", "geonameid"]
    table = joined.groupby(keys, sort=False).agg(
        place=("place", "first"),
        country=("country", "first"),
        country_name=("country_name", "first"),
        kind=("kind", "first"),
        lat=("lat", "first"),
        lon=("lon", "first"),
        n_articles=("article_id", "nunique"),
        n_mentions=("n_mentions", "sum"),
    )
    table = table.reset_index()
    table["group"] = pd.Categorical(
        table["group"].astype("str"), categories=[str(g) for g in order]
    )
    table["n_group"] = table["group"].astype("str").map(sizes.rename(index=str)).astype("int64")
    table["share"] = (table["n_articles"] / table["n_group"]).round(4)
    table = table.sort_values(["group", "n_articles", "place"], ascending=[True, False, True])
    table = table[cols].reset_index(drop=True)
    table.attrs["not_drawn"] = _left_out(sizes, keep)
    return table


def _left_out(sizes: pd.Series, keep: list) -> dict:
    """The groups beyond the kept ones: how many and their articles, for the figure's note."""
    rest = sizes[~sizes.index.isin(keep)]
    return {"n_groups": int(len(rest)), "n_articles": int(rest.sum()), "kept": len(keep)}


def not_drawn_note(table: pd.DataFrame) -> str:
    """The note under the maps when groups were left out ("the 12 largest of 21 groups; 9
    groups, 63 articles, not drawn"); "" when every group is drawn. Input: `places_by_group`'s
    table (its attrs)."""
    left = table.attrs.get("not_drawn") or {}
    if not left.get("n_groups"):
        return ""
    k, n = left["n_groups"], left["n_articles"]
    return (
        f"maps of the {left['kept']} largest of {left['kept'] + k} groups; {k} group"
        f"{'s' if k != 1 else ''} ({n:,} article{'s' if n != 1 else ''}) not drawn"
    )


def _weighted_quantile(values: np.ndarray, weights: np.ndarray, q: float) -> float:
    """The q-quantile of `values` with `weights` (cumulative weight, midpoint rule)."""
    order = np.argsort(values, kind="stable")
    v, w = values[order], weights[order]
    cum = (np.cumsum(w) - 0.5 * w) / w.sum()
    return float(np.interp(q, cum, v))


def map_extent(
    lon,
    lat,
    weight,
    coverage: float = 1.0,
    margin: float | tuple[float, float] = 0.15,
    pad: float | tuple[float, float] = 4.0,
) -> tuple[float, float, float, float]:
    """The map's window (lon0, lon1, lat0, lat1): every place drawn, by default.

    The middle `coverage` of the places' weight (articles) in longitude and latitude (1.0, the
    default: from the westernmost to the easternmost place, the southernmost to the
    northernmost), widened by `margin` (15 %) and `pad` (4) degrees a side (one value, or one
    for longitude and one for latitude), at least 16 x 10 degrees, within the
    world (latitudes -58 to 80, or to 2 degrees past a place beyond them: Antarctica); a window over 200 degrees wide becomes the whole world's width;
    then widened so it is drawn at least 0.45 and at most 1.2 times as tall as wide. No place:
    the world. Raises ValueError on arrays of unequal length or `coverage` outside (0, 1]."""
    lon, lat, w = (np.asarray(a, dtype=float) for a in (lon, lat, weight))
    if not (len(lon) == len(lat) == len(w)):
        raise ValueError("map_extent: lon, lat and weight must have the same length")
    if not 0 < coverage <= 1:
        raise ValueError(f"coverage={coverage!r}: expected a share in (0, 1]")
    ok = np.isfinite(lon) & np.isfinite(lat) & np.isfinite(w) & (w > 0)
    if not ok.any():
        return WORLD
    lon, lat, w = lon[ok], lat[ok], w[ok]
    tail = (1 - coverage) / 2
    box = []
    margins = margin if isinstance(margin, tuple) else (margin, margin)
    pads = pad if isinstance(pad, tuple) else (pad, pad)
    for values, (low, high), min_span, margin, pad in (
        (lon, WORLD[:2], 16, margins[0], pads[0]),
        (lat, WORLD[2:], 10, margins[1], pads[1]),
    ):
        if tail > 0:
            a, b = _weighted_quantile(values, w, tail), _weighted_quantile(values, w, 1 - tail)
        else:
            a, b = float(values.min()), float(values.max())
        wide = margin * (b - a) + pad
        a, b = a - wide, b + wide
        if b - a < min_span:
            mid = (a + b) / 2
            a, b = mid - min_span / 2, mid + min_span / 2
        if low == WORLD[0] and b - a > 200:
            a, b = low, high
        if low == WORLD[2] and tail == 0:  # a place past the usual window (Antarctica) widens it
            low, high = min(low, float(values.min()) - 2), max(high, float(values.max()) + 2)
        box += _within(a, b, low, high)
    return _fit_ratio(tuple(box))


def dense_extent(lon, lat, weight, size=(60.0, 30.0), share: float = 0.5) -> tuple | None:
    """The window where the places crowd: the `size` (degrees of longitude, latitude) window
    holding the most weight (articles), found on a 5-degree grid, then `map_extent` over the
    places inside it. None when it holds under `share` of the weight (nowhere crowded) or
    there is no place. The window is `map_extent` of the middle `DENSE_COVERAGE` of the
    weight inside it, padded as the map in longitude (room for labels) and narrowly in
    latitude (the stragglers at its edge, Mexico and Cuba for the US, stay on the main map). Raises ValueError on
    arrays of unequal length."""
    lon, lat, w = (np.asarray(a, dtype=float) for a in (lon, lat, weight))
    if not (len(lon) == len(lat) == len(w)):
        raise ValueError("dense_extent: lon, lat and weight must have the same length")
    ok = np.isfinite(lon) & np.isfinite(lat) & np.isfinite(w) & (w > 0)
    if not ok.any():
        return None
    lon, lat, w = lon[ok], lat[ok], w[ok]
    cell = 5.0
    grid, _, _ = np.histogram2d(
        lon, lat, bins=[int(360 / cell), int(180 / cell)], range=[[-180, 180], [-90, 90]], weights=w
    )
    nx, ny = int(size[0] / cell), int(size[1] / cell)
    cum = np.pad(grid.cumsum(0).cumsum(1), ((1, 0), (1, 0)))
    sums = cum[nx:, ny:] - cum[:-nx, ny:] - cum[nx:, :-ny] + cum[:-nx, :-ny]
    i, j = np.unravel_index(int(np.argmax(sums)), sums.shape)
    if sums[i, j] < share * w.sum():
        return None
    x0, y0 = -180 + i * cell, -90 + j * cell
    inside = (lon >= x0) & (lon < x0 + size[0]) & (lat >= y0) & (lat < y0 + size[1])
    # the window's bulk, not its stragglers: a US corpus's inset is the United States, not
    # Mexico City and Cuba at its southern edge (they stay on the map)
    return map_extent(
        lon[inside],
        lat[inside],
        w[inside],
        coverage=DENSE_COVERAGE,
        margin=(0.15, 0.05),
        pad=(4.0, 1.5),
    )


def _within(a: float, b: float, low: float, high: float) -> list[float]:
    """The interval [a, b] moved (or cut) to lie within [low, high]."""
    if b - a >= high - low:
        return [float(low), float(high)]
    shift = max(low - a, 0) - max(b - high, 0)
    return [a + shift, b + shift]


def _stretch(lat0: float, lat1: float) -> float:
    """How much taller than wide a degree is drawn at the view's middle latitude."""
    return 1 / max(math.cos(math.radians((lat0 + lat1) / 2)), 0.2)


def _fit_ratio(box: tuple, low: float = 0.45, high: float = 1.2) -> tuple:
    """`box` widened so its drawn height / width lies between `low` and `high` (no thin strip
    of a map): latitudes added to a wide view, longitudes to a tall one, within the world."""
    lon0, lon1, lat0, lat1 = box
    ratio = (lat1 - lat0) * _stretch(lat0, lat1) / (lon1 - lon0)
    if ratio < low:
        need = low * (lon1 - lon0) / _stretch(lat0, lat1) - (lat1 - lat0)
        bounds = min(WORLD[2], lat0), max(WORLD[3], lat1)
        lat0, lat1 = _within(lat0 - need / 2, lat1 + need / 2, *bounds)
    elif ratio > high:
        need = (lat1 - lat0) * _stretch(lat0, lat1) / high - (lon1 - lon0)
        lon0, lon1 = _within(lon0 - need / 2, lon1 + need / 2, -180, 180)
    return float(lon0), float(lon1), float(lat0), float(lat1)


def _outline_polygons() -> list[np.ndarray]:
    """Every country ring, plus a copy shifted 360 degrees for rings past the antimeridian."""
    rings = []
    for parts in outlines().values():
        for ring in parts:
            rings.append(ring)
            if ring[:, 0].max() > 180:
                rings.append(ring - [360, 0])
            if ring[:, 0].min() < -180:
                rings.append(ring + [360, 0])
    return rings


def _draw_base(ax: plt.Axes, extent: tuple[float, float, float, float]) -> None:
    """Country outlines (Natural Earth 1:110m) in an equirectangular view of `extent`."""
    lon0, lon1, lat0, lat1 = extent
    ax.set_facecolor(SEA)
    ax.add_collection(
        PolyCollection(
            _outline_polygons(), facecolors=LAND, edgecolors=BORDER, linewidths=0.5, zorder=1
        )
    )
    ax.set_xlim(lon0, lon1)
    ax.set_ylim(lat0, lat1)
    ax.set_aspect(_stretch(lat0, lat1))
    ax.set_xticks([])
    ax.set_yticks([])
    ax.grid(False)
    for spine in ax.spines.values():
        spine.set_edgecolor("0.6")


def _spaced(
    rows: pd.DataFrame,
    lon: np.ndarray,
    extent,
    limit: int,
    panel: tuple[float, float] = (5.2, 3.0),
    radius=None,
    keep_free=(),
) -> tuple[pd.DataFrame, list[tuple[int, int]]]:
    """Up to `limit` of `rows` to name, the most articles first (ties by place name), and each
    label's spot (`map_labels.place_labels`): beside its dot (`radius` points, default 0:
    small), centred on a country's point; none on another label, a labelled dot, a dot that
    shows or a `keep_free` box. `panel`: the map's (width, height) in inches."""
    if not len(rows) or limit <= 0:
        return rows.iloc[:0], []
    lon0, lon1, lat0, lat1 = extent
    x = (np.asarray(lon, dtype=float) - lon0) / (lon1 - lon0)
    y = (rows["lat"].to_numpy(float) - lat0) / (lat1 - lat0)
    ranked = pd.DataFrame(
        {"n": rows["n_articles"].to_numpy(float), "place": rows["place"].astype("str").to_numpy()}
    ).sort_values(["n", "place"], ascending=[False, True], kind="stable")
    radius = np.zeros(len(rows)) if radius is None else np.asarray(radius, dtype=float)
    chosen = place_labels(
        rows["place"].astype("str").tolist(),
        x,
        y,
        radius,
        is_country(rows),
        ranked.index.to_numpy(),
        limit,
        panel,
        keep_free,
    )
    return rows.iloc[[i for i, _ in chosen]], [spot for _, spot in chosen]


def plot_place_map(
    table: pd.DataFrame, top_labels: int = 8, extent: tuple | None = None, inset: bool = True
) -> tuple[plt.Figure, pd.DataFrame]:
    """A map per group (small multiples, at most 12): each place a dot sized by the group's
    articles naming it, on country outlines drawn offline, over every place drawn.

    Input: `places_by_group`'s table; `top_labels` places named per panel, the most articles
    first (ties by name), each label beside its dot (`map_labels.place_labels`: never on
    another label, a labelled dot or a dot large enough to read); `extent`
    (lon0, lon1, lat0, lat1) or None for `map_extent` over all groups' places (every place in
    view: the whole world's width when they are spread over it). Cities and US states are
    dots sharing one size scale across panels, read off the legend of sizes (articles naming
    the place; a state's dot at the centre of its largest land). A country named as a whole
    ("United States", "Syria"; rows of kind "country") is no dot: its outline is shaded by
    the group's articles naming it, in classes on one scale across panels read off a second
    legend (`map_countries`), its name centred on it where it fits, and the panel's most
    named countries are listed under it with their articles. Each panel's title gives the
    group's n; with an `extent` given, how many of its places lie outside the view. With
    `inset` and no `extent`, when half or more of the articles' places lie in a window under
    a sixth of the view (`dense_extent`), each panel gets an inset zoomed on them (drawn in
    the corner with the fewest places, its window outlined on the map): the inset names its
    places, the map the places outside the inset's window, no label under the inset. Two
    columns of panels for a world-wide view of up to 8 groups, else three; groups
    `places_by_group` left out are counted under the maps (`not_drawn_note`). Output: the
    figure and the table with `labelled` (named on the map), `in_view` and `in_inset`
    columns, for the CSV. Outlines: Natural Earth 1:110m (public domain) via world-atlas,
    shipped.
    """
    data = table.copy()
    data["labelled"] = False
    data["in_view"] = False
    data["in_inset"] = False
    groups = [str(g) for g in pd.Categorical(data["group"]).categories] if len(data) else []
    groups = [g for g in groups if (data["group"].astype("str") == g).any()][:MAX_PANELS]
    if extent is None:
        pooled = data.groupby("geonameid").agg(
            lon=("lon", "first"), lat=("lat", "first"), n=("n_articles", "sum")
        )
        extent = map_extent(pooled["lon"], pooled["lat"], pooled["n"])
        core = dense_extent(pooled["lon"], pooled["lat"], pooled["n"])
        zoom = core if inset and core and _area(core) < _area(extent) / 6 else None
    else:
        zoom = None
    extent = tuple(float(v) for v in extent)
    n_panels = max(len(groups), 1)
    ratio = (extent[3] - extent[2]) * _stretch(*extent[2:]) / (extent[1] - extent[0])
    ncols = min(2 if ratio < 0.6 and n_panels <= 8 else 3, n_panels)
    nrows = math.ceil(n_panels / ncols)
    panel_width = PANEL_WIDTH * (1.45 if ncols <= 2 and ratio < 0.6 else 1.0)
    width, height = plots.bounded_size(
        panel_width * ncols, ((panel_width - 0.3) * ratio + ROW_EXTRA) * nrows + FOOT
    )
    fig, axes = plt.subplots(nrows, ncols, figsize=(width, height), squeeze=False)
    country = is_country(data)
    style = {
        "top": float(data.loc[~country, "n_articles"].max()) if (~country).any() else 1.0,
        "bounds": shade_bounds(float(data.loc[country, "n_articles"].max()))
        if country.any()
        else [],
        "labels": top_labels,
        "panel": (width / ncols - 0.3, (width / ncols - 0.3) * ratio),  # the map's box, inches
    }
    for i, ax in enumerate(axes.flat):
        if i >= n_panels:
            ax.set_visible(False)
            continue
        _draw_base(ax, extent)
        if not groups:
            plots.no_data(ax, "no places found")
            continue
        mine = data[data["group"].astype("str") == groups[i]]
        _draw_group(ax, data, mine, extent, zoom, style)
        ax.set_title(plots.n_label(groups[i], int(mine["n_group"].iloc[0])), fontsize=11)
    _legends(fig, axes.flat[0], data, style)
    note = not_drawn_note(table)
    if note:
        fig.suptitle(note, fontsize=10, color="0.3")
    fig.tight_layout(rect=(0, FOOT / height, 1, 1 - (0.3 / height if note else 0)), h_pad=ROW_GAP)
    return fig, data.reset_index(drop=True)


ROW_EXTRA = 0.7  # inches per row of panels beyond the map: its title and the country line
ROW_GAP = 1.0  # font sizes of free space between rows (tight_layout's h_pad)
FOOT = 0.9  # inches under the panels for the legends


def _draw_group(ax, data: pd.DataFrame, mine: pd.DataFrame, extent, zoom, style) -> None:
    """One group's panel on `ax`: its map, its inset on `zoom` (or None), the line of its
    most named countries; marks `data`'s in_view, in_inset and labelled columns."""
    free = np.ones(len(mine), dtype=bool)  # may be named on the map
    keep_free: tuple = ()
    if zoom:
        box = _inset_box(data, extent, zoom, style["panel"])  # one corner for every panel
        free = ~_inside(mine, zoom) & ~_under(mine, extent, box)
        keep_free = ((box[0], box[0] + box[2], box[1], box[1] + box[3]),)
    inside, named = _draw_panel(ax, mine, extent, style, free, keep_free=keep_free)
    data.loc[mine.index, "in_view"] = inside
    data.loc[named, "labelled"] = True
    if zoom:
        _, named = _draw_inset(ax, mine, zoom, box, style)
        data.loc[mine.index, "in_inset"] = _inside(mine, zoom)
        data.loc[named, "labelled"] = True
    line = _fitted_line(mine[is_country(mine)], style["panel"][0])
    if line:
        ax.text(
            0.0, -0.02, line, transform=ax.transAxes, ha="left", va="top", fontsize=7.5, color="0.3"
        )


def _fitted_line(countries: pd.DataFrame, width: float) -> str:
    """`country_line` of up to 4 countries, fewer when it would be wider than `width` inches
    (7.5-point text)."""
    for limit in (4, 3, 2, 1):
        line = country_line(countries, limit)
        if len(line) * 0.56 * 7.5 / 72 <= width:
            return line
    return line


def _area(extent) -> float:
    """The drawn area of a window, in squared degrees of longitude."""
    lon0, lon1, lat0, lat1 = extent
    return (lon1 - lon0) * (lat1 - lat0) * _stretch(lat0, lat1)


def _wrapped(mine: pd.DataFrame, extent) -> np.ndarray:
    """The rows' longitudes, shifted by 360 degrees where that brings them into `extent`."""
    lon0, lon1 = extent[:2]
    lon = mine["lon"].to_numpy(float)
    return np.where(lon < lon0 - 1e-9, lon + 360, np.where(lon > lon1 + 1e-9, lon - 360, lon))


def _inside(mine: pd.DataFrame, extent) -> np.ndarray:
    """Which rows lie within the window `extent`."""
    lon, lat = _wrapped(mine, extent), mine["lat"].to_numpy(float)
    return (lon >= extent[0]) & (lon <= extent[1]) & (lat >= extent[2]) & (lat <= extent[3])


def _axes_xy(mine: pd.DataFrame, extent) -> tuple[np.ndarray, np.ndarray]:
    """The rows' positions in axes fraction of a map of `extent`."""
    x = (_wrapped(mine, extent) - extent[0]) / (extent[1] - extent[0])
    return x, (mine["lat"].to_numpy(float) - extent[2]) / (extent[3] - extent[2])


def _under(mine: pd.DataFrame, extent, box) -> np.ndarray:
    """Which rows an inset at `box` (x, y, width, height in axes fraction) hides."""
    x, y = _axes_xy(mine, extent)
    return (x >= box[0]) & (x <= box[0] + box[2]) & (y >= box[1]) & (y <= box[1] + box[3])


def _inset_box(mine: pd.DataFrame, extent, zoom, panel) -> tuple[float, float, float, float]:
    """Where the inset on `zoom` goes (x, y, width, height in axes fraction): 36 % of the
    map's width (at most 60 % of its height), in the corner hiding the fewest of `mine`'s
    places (every group's, so all panels put it in the same corner)."""
    zoom_ratio = (zoom[3] - zoom[2]) * _stretch(*zoom[2:]) / (zoom[1] - zoom[0])
    w = 0.36
    h = w * panel[0] * zoom_ratio / panel[1]
    if h > 0.6:
        w, h = w * 0.6 / h, 0.6
    corners = [(0.005, 0.015), (0.995 - w, 0.015), (0.005, 0.985 - h), (0.995 - w, 0.985 - h)]
    crowd = [int(_under(mine, extent, (cx, cy, w, h)).sum()) for cx, cy in corners]
    cx, cy = corners[int(np.argmin(crowd))]
    return cx, cy, w, h


def _draw_inset(ax, mine, zoom, box, style):
    """An inset of `ax` at `box` zoomed on the window `zoom`, the window outlined on the map;
    `_draw_panel`'s return for the inset."""
    from matplotlib.patches import Rectangle

    inset = ax.inset_axes(box)
    _draw_base(inset, zoom)
    ax.add_patch(
        Rectangle(
            (zoom[0], zoom[2]),
            zoom[1] - zoom[0],
            zoom[3] - zoom[2],
            fill=False,
            edgecolor="0.35",
            linewidth=0.8,
            linestyle="--",
            zorder=2,
        )
    )
    panel = style["panel"]
    size = (panel[0] * box[2], panel[1] * box[3])
    return _draw_panel(inset, mine, zoom, {**style, "panel": size}, note=False)


def _draw_panel(ax, mine: pd.DataFrame, extent, style, can_label=None, note=True, keep_free=()):
    """One group's places on `ax`: countries shaded (`map_countries.draw_countries`, classes
    `style["bounds"]`), cities and states as dots (area `DOT_MAX` * n_articles /
    `style["top"]`), up to `style["labels"]` labels (only rows where `can_label`, default all;
    none on a `keep_free` box): which of `mine`'s rows are in view (array) and the index of
    those labelled."""
    lon, lat = _wrapped(mine, extent), mine["lat"].to_numpy(float)
    inside = _inside(mine, extent)
    country = is_country(mine)
    draw_countries(ax, mine[country].assign(lon=lon[country]), style["bounds"])
    sizes = np.where(country, 0.0, _dot_area(mine["n_articles"].to_numpy(float), style["top"]))
    order = [k for k in np.argsort(-sizes, kind="stable") if not country[k]]  # big dots under
    ax.scatter(
        lon[order],
        lat[order],
        s=sizes[order],
        color=DOT_COLOUR,
        alpha=0.55,
        edgecolors="white",
        linewidths=0.6,
        zorder=3,
    )
    label = inside if can_label is None else inside & np.asarray(can_label, dtype=bool)
    radius = np.sqrt(sizes / np.pi)
    named, spots = _spaced(
        mine[label], lon[label], extent, style["labels"], style["panel"], radius[label], keep_free
    )
    for (idx, row), spot in zip(named.iterrows(), spots, strict=True):
        k = mine.index.get_loc(idx)
        ax.annotate(
            row["place"],
            (lon[k], row["lat"]),
            xytext=spot_offset(spot, radius[k]),
            textcoords="offset points",
            ha="left" if spot[0] > 0 else ("center" if spot[0] == 0 else "right"),
            va="center" if spot == (0, 0) else ("bottom" if spot[1] > 0 else "top"),
            fontsize=FONT_SIZE,
            fontstyle="italic" if country[k] else "normal",
            color="0.15",
            zorder=4,
            annotation_clip=True,
            clip_on=True,
            path_effects=[withStroke(linewidth=2.2, foreground="white", alpha=0.85)],
        )
    outside = int((~inside).sum())
    if outside and note:
        ax.text(
            0.01,
            0.01,
            f"{outside} place{'s' * (outside != 1)} outside this view (see CSV)",
            transform=ax.transAxes,
            fontsize=7,
            color="0.35",
            zorder=5,
        )
    return inside, named.index


def _dot_area(n: np.ndarray, top: float) -> np.ndarray:
    """A dot's area in points^2 for `n` articles, the largest (`top`) `DOT_MAX`."""
    return np.maximum(DOT_MAX * np.asarray(n, dtype=float) / max(top, 1.0), DOT_MIN)


def legend_sizes(top: float) -> list[int]:
    """Round article counts for the legend of dot sizes, largest first: `top` itself, then
    about 40 % and 10 % of it, and 1 (the nearest 1, 2 or 5 times a power of ten; duplicates dropped)."""
    top = max(int(round(top)), 1)

    def nice(v: float) -> int:
        if v < 1:
            return 1
        power = 10 ** math.floor(math.log10(v))
        options = [m * power for m in (1, 2, 5, 10)]
        return int(min(options, key=lambda o: abs(math.log(o / v))))

    sizes = [top] + [nice(top * f) for f in (0.4, 0.1)] + [1]
    return sorted({s for s in sizes if s <= top}, reverse=True)


def _legends(fig: plt.Figure, ax: plt.Axes, data: pd.DataFrame, style) -> None:
    """The legends under the panels: dot sizes, and country shades when a country is drawn."""
    country = is_country(data)
    if (~country).any():
        _size_legend(fig, ax, style["top"], (0.27, 0.0) if style["bounds"] else (0.5, 0.0))
    if style["bounds"]:
        top = float(data.loc[country, "n_articles"].max())
        shade_legend(fig, style["bounds"], top, (0.73, 0.0) if (~country).any() else (0.5, 0.0))


def _size_legend(fig: plt.Figure, ax: plt.Axes, top: float, anchor=(0.5, 0.0)) -> None:
    """The legend of dot sizes under the panels: articles naming the place."""
    for n in legend_sizes(top):
        ax.scatter(
            [],
            [],
            s=float(_dot_area(np.array([n]), top)[0]),
            color=DOT_COLOUR,
            alpha=0.55,
            label=f"{n} article{'s' * (n != 1)}",
        )
    fig.legend(
        loc="lower center",
        ncol=4,
        frameon=False,
        fontsize=9,
        bbox_to_anchor=anchor,
        title="dot area: the group's articles naming the city or state",
        title_fontsize=9,
        handletextpad=1.2,
        columnspacing=2.0,
    )
