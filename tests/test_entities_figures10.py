"""The mentioned-versus-quoted bars show the counts behind each share, not a bare percentage."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from newscorpus.entities.figures import plot_mentioned_vs_quoted


def test_each_bar_names_its_counts():
    table = pd.DataFrame(
        {
            "canonical": ["Donald Trump", "Hillary Clinton"],
            "n_mentioned": [202, 40],
            "n_both": [76, 3],
            "quoted_share": [76 / 202, 3 / 40],
        }
    )
    fig, out = plot_mentioned_vs_quoted(table)
    texts = {t.get_text() for t in fig.axes[0].texts}
    assert "38% quoted (76 of 202)" in texts
    assert "8% quoted (3 of 40)" in texts
    assert len(out) == 2
    plt.close(fig)


def test_the_chart_says_quoted_includes_reported_speech():
    table = pd.DataFrame(
        {"canonical": ["A B"], "n_mentioned": [4], "n_both": [2], "quoted_share": [0.5]}
    )
    fig, _ = plot_mentioned_vs_quoted(table)
    ax = fig.axes[0]
    assert "reported speech" in ax.get_title(loc="left")
    assert "paraphrase" in " ".join(t.get_text() for t in ax.get_legend().get_texts())
    plt.close(fig)
