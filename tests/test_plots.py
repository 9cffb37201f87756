"""The shared save helper: PNG + CSV side by side, byte-stable, shown without machine paths."""

from __future__ import annotations

import hashlib

import matplotlib.pyplot as plt
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
