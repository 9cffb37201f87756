"""Where a map's labels go: beside their dots, never on another label or a dot that shows.

Greedy placement, the most named place first: a dot's label is tried right-up of it, then
right-down, left-up, left-down, centred above and centred below, each set past the dot's edge
(its radius); a country (shaded, no dot) is named centred on its point. A label is set where
its box overlaps no label already set, no labelled dot, no large dot (`SHOWN_DOT`,
`SHOWN_SHARE`) and no box the caller keeps free (the inset on the main map);
a place is passed over when none fits or its dot lies under a label already set. Boxes are
estimated from the text's length (DejaVu Sans at `FONT_SIZE` points), so the rule needs no
drawing; `label_boxes` gives the same boxes for tests. Rules written for this package.
"""

from __future__ import annotations

import numpy as np

FONT_SIZE = 8.0  # points, the labels' size
LABEL_GAP = 2.0  # points kept free around a label and around a labelled place's dot
SHOWN_DOT = 3.5  # points of radius: a dot under this is never kept free of labels
SHOWN_SHARE = 0.45  # a dot kept free of labels is at least this share of the largest's radius
# label offsets tried, as signs: right-up first, then right-down, left-up, left-down, centred
# above and centred below the dot
LABEL_SPOTS = ((1, 1), (1, -1), (-1, 1), (-1, -1), (0, 1), (0, -1))


def spot_offset(spot: tuple[int, int], radius: float) -> tuple[float, float]:
    """The label's offset in points from its dot's centre for a `spot` (signs, one of
    `LABEL_SPOTS`, or (0, 0): centred on the point) and a dot of `radius` points: past the
    dot's edge, at least 4 points aside and 3 points up or down (5 for centred spots)."""
    sx, sy = spot
    if sx == 0 and sy == 0:
        return 0.0, 0.0
    if sx == 0:
        return 0.0, sy * max(5.0, radius + 1.5)
    return sx * max(4.0, 0.72 * radius + 1.5), sy * max(3.0, 0.72 * radius + 1.0)


def label_boxes(names, x, y, panel, spot=(1, 1), radius=0.0) -> np.ndarray:
    """Each label's box (x0, x1, y0, y1) in axes fraction, for `FONT_SIZE`-point text set at
    `spot` (see `spot_offset`) from its point (`x`, `y` in axes fraction, arrays) on a panel
    `panel` (width, height) inches wide and high; `radius` (points, one value or an array)
    sizes each dot. A centred spot (0, 0) centres the box on the point."""
    width, height = (max(float(v), 0.1) for v in panel)
    char, text = 0.64 * FONT_SIZE / 72, 1.3 * FONT_SIZE / 72  # capitals included
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    radius = np.broadcast_to(np.asarray(radius, dtype=float), x.shape)
    offsets = np.array([spot_offset(spot, r) for r in radius]).reshape(-1, 2)
    dx, dy = offsets[:, 0] / 72 / width, offsets[:, 1] / 72 / height
    w = np.array([len(str(n)) for n in names], dtype=float) * char / width
    h = text / height
    if spot == (0, 0):
        return np.column_stack([x - w / 2, x + w / 2, y - h / 2, y + h / 2])
    x0 = x + dx if spot[0] > 0 else (x - w / 2 if spot[0] == 0 else x + dx - w)
    y0 = y + dy if spot[1] > 0 else y + dy - h
    return np.column_stack([x0, x0 + w, y0, y0 + h])


def _apart(b, boxes) -> bool:
    """True when box `b` overlaps none of `boxes` (x0, x1, y0, y1)."""
    return all(b[1] <= c[0] or c[1] <= b[0] or b[3] <= c[2] or c[3] <= b[2] for c in boxes)


def place_labels(
    names,
    x,
    y,
    radius,
    area,
    order,
    limit: int,
    panel: tuple[float, float],
    keep_free=(),
) -> list[tuple[int, tuple[int, int]]]:
    """Which places to name and where: [(position in the inputs, spot)], at most `limit`.

    Inputs, one per place: `names`, `x`/`y` (axes fraction), `radius` (the dot's radius in
    points; 0 for a place drawn without a dot), `area` (True for a shaded country, named
    centred on its point, never beside it); `order`: positions, the first named first;
    `panel`: (width, height) inches of the map; `keep_free`: boxes (x0, x1, y0, y1, axes
    fraction) no label may cover. A label lies within the map, apart from every label set,
    every labelled dot and every large dot (a radius of `SHOWN_DOT` points or more and at
    least `SHOWN_SHARE` of the largest dot's), `LABEL_GAP` points free around each; a small
    dot may lie under a label, which has a white halo. A place whose dot lies under a label
    set is passed over."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    radius = np.asarray(radius, dtype=float)
    area = np.asarray(area, dtype=bool)
    gap_x = LABEL_GAP / 72 / max(float(panel[0]), 0.1)
    gap_y = LABEL_GAP / 72 / max(float(panel[1]), 0.1)
    rx, ry = radius / 72 / max(float(panel[0]), 0.1), radius / 72 / max(float(panel[1]), 0.1)
    dots = np.column_stack([x - rx, x + rx, y - ry, y + ry])  # each dot's box
    large = float(radius[~area].max()) if (~area).any() else 0.0
    shown = (radius >= max(SHOWN_DOT, SHOWN_SHARE * large)) & ~area
    labels: list[np.ndarray] = [np.asarray(b, dtype=float) for b in keep_free]
    named_dots: list[np.ndarray] = []
    chosen: list[tuple[int, tuple[int, int]]] = []
    widen = np.array([-gap_x, gap_x, -gap_y, gap_y])
    for i in order:
        if len(chosen) >= limit:
            break
        own = dots[i] + widen
        if not area[i] and not _apart(own, labels[len(keep_free) :]):
            continue  # its dot lies under a label already set: not named
        others = [dots[j] for j in np.flatnonzero(shown) if j != i]
        spots = ((0, 0),) if area[i] else LABEL_SPOTS
        for spot in spots:
            b = label_boxes([names[i]], x[i : i + 1], y[i : i + 1], panel, spot, radius[i])[0]
            if not (b[0] >= 0 and b[1] <= 1 and b[2] >= 0 and b[3] <= 1):
                continue  # a label past the map's edge would be cut
            wide = b + widen
            if _apart(wide, labels) and _apart(b, named_dots) and _apart(b, others):
                chosen.append((int(i), spot))
                labels.append(wide)
                if not area[i]:
                    named_dots.append(own)
                break
    return chosen
