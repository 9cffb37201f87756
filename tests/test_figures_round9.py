"""Figures, round 9 (issue 16): the place map draws a country named as a whole as a shaded
outline, not a dot among the cities (the US dot in Kansas covered the states), with labels
and titles that touch nothing; the attention heatmap shows the evidence of each cell (its
articles of the group's n), so a dark cell on 1 article of 2 reads as such."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.collections import PathCollection, PolyCollection  # noqa: E402

from newscorpus import overview  # noqa: E402
from newscorpus.places import plot_place_map  # noqa: E402
from newscorpus.places.map_countries import class_labels, shade_bounds  # noqa: E402
from newscorpus.places.map_labels import label_boxes, place_labels  # noqa: E402

PLACES = [  # place, country, kind, lat, lon, geonameid, articles in A, articles in B
    ("United States", "US", "country", 39.5, -99.1, "US", 40, 12),
    ("Washington, D.C.", "US", "city", 38.9, -77.0, "1", 31, 10),
    ("New York City", "US", "city", 40.7, -74.0, "2", 20, 6),
    ("Texas", "US", "state", 31.5, -99.3, "US-TX", 3, 2),
    ("Utah", "US", "state", 39.3, -111.7, "US-UT", 2, 1),
    ("Nevada", "US", "state", 39.3, -116.6, "US-NV", 2, 1),
    ("Iraq", "IQ", "country", 33.0, 43.7, "IQ", 6, 3),
    ("Baghdad", "IQ", "city", 33.3, 44.4, "3", 4, 2),
    ("Singapore", "SG", "country", 1.35, 103.8, "SG", 1, 1),
]


def map_table() -> pd.DataFrame:
    """Two groups naming US places (the country most of all), Iraq and a small country."""
    rows = []
    for group, col in (("A", 6), ("B", 7)):
        for p in PLACES:
            rows.append(
                {
                    "group": group,
                    "n_group": 60,
                    "place": p[0],
                    "country": p[1],
                    "country_name": p[0] if p[2] == "country" else "",
                    "kind": p[2],
                    "lat": p[3],
                    "lon": p[4],
                    "geonameid": p[5],
                    "n_articles": p[col],
                }
            )
    table = pd.DataFrame(rows)
    table["group"] = pd.Categorical(table["group"], categories=["A", "B"])
    return table


def _dot_points(ax) -> np.ndarray:
    """Every dot drawn on `ax` and its insets (lon, lat), squares for small countries too."""
    out = [np.zeros((0, 2))]
    for a in [ax, *ax.child_axes]:
        for c in a.collections:
            if isinstance(c, PathCollection) and len(c.get_offsets()):
                out.append(np.asarray(c.get_offsets(), dtype=float))
    return np.vstack(out)


def _overlap(a, b) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


def test_a_country_named_as_a_whole_is_shaded_not_a_dot():
    fig, data = plot_place_map(map_table(), top_labels=8)
    ax = fig.axes[0]
    points = _dot_points(ax)
    # no dot at the centre of the US or of Iraq: the cities and states keep theirs
    assert not any(np.allclose(p, (-99.1, 39.5)) for p in points)
    assert not any(np.allclose(p, (43.7, 33.0)) for p in points)
    assert any(np.allclose(p, (-77.0, 38.9)) for p in points)
    # the country's outline is shaded: a collection with coloured faces beside the base map
    shaded = [c for c in ax.collections if isinstance(c, PolyCollection)][1:]
    assert shaded and len(shaded[0].get_facecolors()) >= 2
    # a country too small for the outlines is a square of its shade at its point
    assert any(np.allclose(p, (103.8, 1.35)) for p in points)
    # the panel lists its most named countries with their articles
    texts = [t.get_text() for t in ax.texts]
    assert any(t.startswith("countries named: United States 40 · Iraq 6") for t in texts)
    # the legend of shades names its classes
    legend_texts = {t.get_text() for lg in fig.legends for t in lg.get_texts()}
    assert {"1", "2–4", "5–9", "10–19", "20–40"} <= legend_texts
    assert data["in_view"].all()
    plt.close(fig)


def test_map_labels_and_titles_touch_nothing():
    fig, data = plot_place_map(map_table(), top_labels=8)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    for ax in fig.axes:
        if not ax.get_visible():
            continue
        for a in [ax, *ax.child_axes]:
            boxes = [t.get_window_extent(renderer) for t in a.texts if t.get_text()]
            boxes = [b for b in boxes if b.width > 0]
            for i, b in enumerate(boxes):
                for c in boxes[i + 1 :]:
                    assert not _overlap(b, c), [t.get_text() for t in a.texts]
    assert data["labelled"].any()
    plt.close(fig)


def test_row_titles_keep_clear_of_the_panel_above():
    table = pd.concat(
        [map_table().assign(group=g) for g in ("A", "B", "C", "D", "E", "F", "G")],
        ignore_index=True,
    )
    table["group"] = pd.Categorical(table["group"], categories=list("ABCDEFG"))
    fig, _ = plot_place_map(table, top_labels=6)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    panels = [ax for ax in fig.axes if ax.get_visible() and ax.get_title()]
    for ax in panels:
        title = ax.title.get_window_extent(renderer)
        for other in panels:
            if other is ax:
                continue
            box = other.get_tightbbox(renderer)  # the panel above with its country line
            assert not _overlap(title, box), (ax.get_title(), other.get_title())
    plt.close(fig)


def test_a_label_keeps_off_a_large_dot_and_past_its_own():
    # two places side by side; the second's label right of it would cover the first's dot
    names = ["Big City", "Small Town"]
    x, y = np.array([0.52, 0.40]), np.array([0.50, 0.50])
    radius = np.array([12.0, 2.0])
    chosen = place_labels(names, x, y, radius, [False, False], [0, 1], 2, (5.0, 3.0))
    spots = dict(chosen)
    assert 0 in spots and spots.get(1, (0, 0))[0] <= 0  # left of the small dot, or not named
    # the large dot's label starts past its edge
    box = label_boxes(["Big City"], x[:1], y[:1], (5.0, 3.0), spots[0], radius[0])[0]
    edge = 12.0 / 72 / 5.0 * 0.7
    assert box[0] >= x[0] + edge or box[1] <= x[0] - edge


def test_shade_classes_are_round_and_end_at_the_top():
    assert shade_bounds(79) == [1, 2, 5, 10, 20, 50]
    assert class_labels(shade_bounds(79), 79) == ["1", "2–4", "5–9", "10–19", "20–49", "50–79"]
    assert shade_bounds(1) == [1] and class_labels([1], 1) == ["1"]
    assert class_labels(shade_bounds(2), 2) == ["1", "2"]


def _attention(periods: list[str], rows: list[tuple[str, str, int]]) -> pd.DataFrame:
    """An `overview.attention` table: (period, group, articles) rows, zeros filled in."""
    groups = list(dict.fromkeys(g for _, g, _ in rows))
    counts = {(p, g): n for p, g, n in rows}
    table = pd.DataFrame(
        [(p, g, counts.get((p, g), 0)) for g in groups for p in periods],
        columns=["period", "group", "n_articles"],
    )
    table["n_group"] = table.groupby("group")["n_articles"].transform("sum")
    table["share"] = table["n_articles"] / table["n_group"]
    return table


def test_each_heatmap_cell_shows_its_articles_of_the_group_s_n():
    periods = [str(y) for y in range(2012, 2021)]
    table = _attention(
        periods,
        [("2019", "Wire", 7), ("2020", "Wire", 11), ("2018", "Small", 1), ("2020", "Small", 1)]
        + [(p, "Big", 10) for p in periods],
    )
    fig, _ = overview.plot_attention(table)
    heat = fig.axes[1]
    texts = {t.get_text() for t in heat.texts}
    assert "61%\n11/18" in texts  # the darkest cell: 11 of the wire's 18 articles
    assert "50%\n1/2" in texts  # as dark as a big group's cell, on 1 article of 2
    assert "11%\n10/90" in texts
    assert "share over its articles of the group's n" in heat.get_title(loc="left")
    plt.close(fig)


def test_narrow_heatmap_cells_say_where_the_counts_are():
    periods = [f"2020-{w:02d}" for w in range(1, 53)] + [f"2021-{w:02d}" for w in range(1, 53)]
    table = _attention(
        periods, [(p, "A", 100 + i) for i, p in enumerate(periods)] + [(periods[3], "B", 1000)]
    )
    fig, _ = overview.plot_attention(table)
    heat = fig.axes[1]
    shown = [t.get_text() for t in heat.texts if t.get_text()]
    title = heat.get_title(loc="left")
    assert not shown or all("/" not in t for t in shown)  # no cramped "k/n"
    assert ("CSV" in title) == (not shown)
    plt.close(fig)
