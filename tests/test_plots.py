"""The shared save helper: PNG + CSV side by side, byte-stable, shown without machine paths."""

from __future__ import annotations

import hashlib

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from newscorpus import plots
from newscorpus.paths import PROJECT_ROOT


def _figure():
    plots.set_theme()
    fig, ax = plt.subplots()
    ax.bar(["a", "b"], [3, 5])
    ax.set(title="t", xlabel="x", ylabel="y")
    return fig


def test_save_figure_writes_png_and_csv_byte_stably(tmp_path):
    data = pd.DataFrame({"term": ["a", "b"], "count": [3, 5]})
    saved = plots.save_figure(_figure(), data, "09-test", "bars", tmp_path)
    assert saved.png == tmp_path / "09-test-bars.png" and saved.csv == tmp_path / "09-test-bars.csv"
    assert saved.csv.read_text() == "term,count\na,3\nb,5\n"
    first = hashlib.sha1(saved.png.read_bytes()).hexdigest()
    plots.save_figure(_figure(), data, "09-test", "bars", tmp_path)
    assert hashlib.sha1(saved.png.read_bytes()).hexdigest() == first
    assert b"Software" not in saved.png.read_bytes()[:200]
    plt.close("all")


def test_saved_figure_is_shown_relative_to_the_project():
    saved = plots.SavedFigure(
        PROJECT_ROOT / "figures" / "x-y.png", PROJECT_ROOT / "figures" / "x-y.csv"
    )
    assert repr(saved) == "saved figures/x-y.png (data: x-y.csv)"


def test_text_table_shows_full_text_left_aligned_with_a_row_count():
    long = "Officials said the fighters had moved back into the desert villages south of Mosul."
    table = pd.DataFrame({"article_id": ["a", "b", "c"], "sentence": [long, "Short.", None]})
    shown = plots.text_table(table, limit=2)
    text = repr(shown)
    assert long in text  # never cut
    lines = text.splitlines()
    assert lines[2].index("Short.") == lines[1].index("Officials")  # left-aligned
    assert lines[-1] == "(first 2 of 3 rows)"
    html = shown._repr_html_()
    assert "text-align: left" in html and long in html and "first 2 of 3 rows" in html


def test_bounded_size_keeps_figures_within_3000_px():
    assert plots.bounded_size(9, 400) == (9, plots.MAX_INCHES)
    assert plots.MAX_INCHES * plots.DPI <= 3000


def test_save_table_writes_the_csv_beside_the_figures(tmp_path):
    table = pd.DataFrame(
        {"date": ["2019-03-07"], "sentence": ["Fighting resumed, officials said."]}
    )
    path = plots.save_table(table, "01-timeline", "events", tmp_path)
    assert path == tmp_path / "01-timeline-events.csv"
    assert path.read_text(encoding="utf-8") == (
        'date,sentence\n2019-03-07,"Fighting resumed, officials said."\n'
    )


# ----------------------------------------------------------------- period axes


def test_period_n_bars_fade_small_periods_and_label_few_bars():
    fig, ax = plt.subplots()
    bars = plots.period_n_bars(ax, [2, 10, 7])
    assert [b.get_alpha() for b in bars] == [plots.FADED_ALPHA, None, None]
    assert bars[0].get_hatch() == "///"
    assert [t.get_text() for t in ax.texts] == ["2", "10", "7"]
    fig2, ax2 = plt.subplots()
    plots.period_n_bars(ax2, list(range(30)), heights=[1.0] * 30, bottom=-1.0)
    assert len(ax2.texts) == 0 and ax2.patches[5].get_y() == -1.0  # 30 periods: n in the CSV
    plt.close(fig)
    plt.close(fig2)


def test_shade_periods_and_label_at():
    fig, (top, bottom) = plt.subplots(2, 1)
    plots.shade_periods((top, bottom), [0, 4], labels=["partial: 1 day", "partial: 3 days"])
    assert len(top.patches) == 2 and len(bottom.patches) == 2
    assert [t.get_text() for t in top.texts] == ["partial: 1 day", "partial: 3 days"]
    plots.shade_periods(bottom, [])  # nothing to shade: nothing drawn
    assert len(bottom.texts) == 0
    side = plots.label_at(bottom, "12 %", (3, 1), offset=(3, 0))
    assert (side.get_ha(), side.get_va()) == ("left", "center")
    plt.close(fig)


def test_period_ticks_always_label_a_folded_tail_and_the_last_period():
    periods = [
        "2012-12 and earlier",
        *[f"{y}-{m:02d}" for y in range(2013, 2020) for m in range(1, 13)],
    ]
    fig, ax = plt.subplots()
    plots.period_ticks(ax, periods, max_ticks=12)
    shown = [t.get_text() for t in ax.get_xticklabels()]
    assert shown[0] == "2012-12 and earlier" and shown[-1] == "2019-12"
    assert len(shown) <= 13 and "2013-01" not in shown  # the bucket's neighbour gives it room
    note = plots.tail_note(periods, [3] + [10] * 84)
    assert "'2012-12 and earlier' (n=3)" in note and "before the main span" in note
    assert plots.tail_note(periods[1:]) == ""
    assert plots.partial_note({"2013-01": "partial: 6 days", "2013-02": ""}) == (
        "\nshaded, 'partial': the corpus covers only part of the period (2013-01 partial: 6 days)"
    )
    plt.close(fig)


def test_a_line_never_joins_a_tail_bucket_to_its_neighbour_on_any_panel_of_the_axis():
    periods = ["2012-12 and earlier", "2013-01", "2013-02", "2013-03 and later"]
    fig, (top, strip) = plt.subplots(2, 1, sharex=True)
    top.plot(range(4), [1.0, 2.0, 3.0, 4.0], marker="o")
    top.axhline(0)  # axes coordinates: left whole
    plots.period_ticks(strip, periods)
    x, y = top.get_lines()[0].get_data()
    assert list(np.isnan(y)) == [False, True, False, False, True, False]
    assert list(x[~np.isnan(y)]) == [0, 1, 2, 3]  # every point stays
    assert list(top.get_lines()[1].get_ydata()) == [0, 0]
    plots.period_ticks(strip, periods[1:3])  # no bucket: nothing changes
    assert plots.break_at_buckets(top, []) == 0
    plt.close(fig)


def test_a_partial_period_is_shaded_under_its_bar_of_articles():
    fig, ax = plt.subplots()
    bars = plots.period_n_bars(ax, [3, 64])
    plots.shade_periods(ax, [1])
    span = [p for p in ax.patches if p not in bars.patches][0]
    assert span.get_zorder() < bars.patches[1].get_zorder()  # the bar of n=64 stays visible
    plt.close(fig)


def test_a_long_bucket_label_beside_a_few_periods_is_slanted_so_labels_never_overlap():
    """ "2011 and earlier" drawn level beside "2012" ran into it on a four-year axis."""
    fig, ax = plt.subplots(figsize=(4, 3))
    plots.period_ticks(ax, ["2011 and earlier", "2012", "2013", "2014"])
    fig.canvas.draw()
    labels = ax.get_xticklabels()
    assert [t.get_text() for t in labels] == ["2011 and earlier", "2012", "2013", "2014"]
    assert all(t.get_rotation() == 45 for t in labels)
    boxes = [t.get_window_extent() for t in labels]
    assert not any(a.overlaps(b) for a, b in zip(boxes, boxes[1:], strict=False))
    fig2, ax2 = plt.subplots(figsize=(4, 3))
    plots.period_ticks(ax2, ["2012", "2013", "2014"])  # no bucket: level labels
    assert all(t.get_rotation() == 0 for t in ax2.get_xticklabels())
    plt.close(fig)
    plt.close(fig2)


def test_dollar_signs_in_article_text_are_drawn_as_written_not_as_math():
    plots.set_theme()
    fig, ax = plt.subplots()
    label = ax.text(0, 0, "from $3.3 billion in 1985 to $6.1 billion")
    fig.canvas.draw()  # mathtext would fail or swallow the spaces between the two $ signs
    assert label.get_parse_math() is False
    plt.close(fig)


def test_a_partial_periods_label_is_drawn_under_the_data():
    """The 'partial' label's white box hid a trend's peak in that period (allsides review)."""
    fig, ax = plt.subplots()
    (line,) = ax.plot([0, 1, 2], [1.0, 2.0, 9.0])
    ax.set_xlim(-0.5, 2.5)
    plots.shade_periods(ax, [2])
    label = [t for t in ax.texts if t.get_text() == "partial"][0]
    assert label.get_zorder() < line.get_zorder() and label.get_bbox_patch() is None
    plt.close(fig)
