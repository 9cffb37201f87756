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
