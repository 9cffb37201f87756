"""Shared presentation helpers: small-n fading, n labels, readable article labels (plots)."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from newscorpus import plots  # noqa: E402


def test_article_label_is_title_outlet_and_date_cut_at_a_word_boundary():
    articles = pd.DataFrame(
        {
            "article_id": ["x_1", "x_2"],
            "title": ["Senate passes the long awaited budget bill after a night", None],
            "outlet": ["Outlet B", None],
            "published": pd.to_datetime(["2017-03-09", None]),
        }
    )
    labels = plots.article_label(articles, width=30)
    assert labels["x_1"] == "Senate passes the long… — Outlet B, 2017-03-09"
    assert labels["x_2"] == "x_2"


def test_bars_on_fewer_than_five_articles_are_faded_and_noted():
    fig, ax = plt.subplots()
    bars = ax.bar([0, 1, 2], [3, 4, 5])
    assert plots.fade_small(bars, [4, 5, 100]) == 1
    assert bars[0].get_alpha() == plots.FADED_ALPHA and bars[1].get_alpha() is None
    plots.note_small_n(ax, [4, 5, 100])
    assert any(plots.SMALL_N_NOTE == t.get_text() for t in ax.texts)
    assert plots.n_label("Outlet B", 105) == "Outlet B (n=105)"
    plt.close(fig)


def test_points_break_at_an_empty_period_and_small_points_are_hollow():
    fig, ax = plt.subplots()
    line = plots.draw_points(ax, [0, 1, 2], [0.2, np.nan, 0.4], [10, 0, 2], annotate=True)
    assert np.isnan(line.get_ydata()[1])
    filled, hollow = ax.collections
    assert len(filled.get_offsets()) == 1 and len(hollow.get_offsets()) == 1
    assert [t.get_text() for t in ax.texts] == ["n=10", "n=2"]
    plt.close(fig)


def test_period_ticks_end_at_the_last_period_evenly_spaced():
    fig, ax = plt.subplots()
    months = [f"{2001 + i // 12}-{i % 12 + 1:02d}" for i in range(227)]  # 2001-01 … 2019-11
    plots.period_ticks(ax, months, max_ticks=24)
    ticks = ax.get_xticks()
    assert ticks[-1] == 226 and ax.get_xticklabels()[-1].get_text() == "2019-11"
    assert len(ticks) <= 24 and len(set(np.diff(ticks))) == 1
    plt.close(fig)
