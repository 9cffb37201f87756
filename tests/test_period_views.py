"""Period views keep every period and mark partial first/last periods (00 attention, 03
unnamed sources)."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from newscorpus import groups, overview  # noqa: E402
from newscorpus.sources import anonymous_share, plot_anonymous_share  # noqa: E402


def _articles():
    # A: Feb 26 (one day), March, June; B: March and October 19–20; no article in Apr, Jul–Sep
    return pd.DataFrame(
        {
            "article_id": ["a1", "a2", "a3", "b1", "b2", "b3"],
            "outlet": ["A", "A", "A", "B", "B", "B"],
            "published": pd.to_datetime(
                ["1987-02-26", "1987-03-10", "1987-06-02", "1987-03-11", "1987-10-19", "1987-10-20"]
            ),
        }
    )


def _sources():
    return pd.DataFrame(
        {
            "article_id": ["a1", "a1", "a2", "a3", "b1", "b2", "b3"],
            "name": ["officials", "Jane Roe", "officials", "Jane Roe", "an aide", "Bo", "Bo"],
            "kind": ["anonymous", "person", "anonymous", "person", "anonymous", "person", "person"],
            "anonymity": [True, False, True, False, True, False, False],
        }
    )


def test_unnamed_sources_keep_every_month_and_note_partial_ones():
    table = anonymous_share(_sources(), _articles(), groups.assign(_articles()), "month")
    timed = table[table["period"] != "all"]
    a = timed[timed["group"] == "A"].set_index("period")
    assert a.index.tolist() == [f"1987-{m:02d}" for m in range(2, 11)]  # May, Jul–Sep kept
    assert a.loc["1987-02", ["n_people", "n_anonymous"]].tolist() == [2, 1]
    assert a.loc["1987-04", "n_articles"] == 0 and pd.isna(a.loc["1987-04", "share"])  # a gap
    assert a.loc["1987-02", "period_note"] == "partial: 3 of 28 days"
    assert a.loc["1987-10", "period_note"] == "partial: 20 of 31 days"
    assert a.loc["1987-03", "period_note"] == ""
    fig, _ = plot_anonymous_share(table)
    right = fig.axes[1]
    texts = [t.get_text() for t in right.texts]
    assert "partial: 3 of 28 days" in texts and "partial: 20 of 31 days" in texts
    assert len(right.get_xticklabels()) == 9
    fig.canvas.draw()  # the left panel's x label stays clear of the right panel's tick labels
    label = fig.axes[0].xaxis.label.get_window_extent()
    ticks = [t.get_window_extent() for t in right.get_xticklabels() if t.get_text()]
    assert not any(label.overlaps(t) for t in ticks)
    assert max(len(line) for line in fig.axes[0].get_xlabel().splitlines()) <= 40
    plt.close(fig)


def test_unnamed_sources_draw_at_most_eight_group_lines_and_the_corpus():
    ids = [f"x{i:02d}" for i in range(40)]
    articles = pd.DataFrame(
        {
            "article_id": ids,
            "outlet": [f"o{i % 10}" for i in range(40)],
            "published": pd.to_datetime(["1987-03-01"] * 20 + ["1987-04-01"] * 20),
        }
    )
    sources = pd.DataFrame(
        {"article_id": ids, "name": "officials", "kind": "anonymous", "anonymity": True}
    )
    fig, _ = plot_anonymous_share(anonymous_share(sources, articles, groups.assign(articles)))
    labels = [t.get_text() for t in fig.axes[1].get_legend().get_texts()]
    assert len(labels) == 9 and labels[-1] == "whole corpus (n=40)"
    plt.close(fig)


def test_attention_notes_partial_periods():
    table = overview.attention(_articles(), groups.assign(_articles()), "month")
    notes = table.drop_duplicates("period").set_index("period")["period_note"]
    assert notes["1987-02"] == "partial: 3 of 28 days"
    assert notes["1987-10"] == "partial: 20 of 31 days"
    assert (notes.drop(["1987-02", "1987-10"]) == "").all()
    fig, _ = overview.plot_attention(table)
    assert "partial: 3 of 28 days" in [t.get_text() for t in fig.axes[0].texts]
    plt.close(fig)


def test_attention_folds_a_sparse_leading_tail_into_one_named_period():
    spread = pd.date_range("2013-01-02", "2019-12-20", periods=500).normalize()
    published = pd.to_datetime(["2001-03-02", "2003-06-01", "2005-05-10", *spread])
    arts = pd.DataFrame(
        {
            "article_id": [f"x{i}" for i in range(503)],
            "outlet": ["A", "B"] * 251 + ["A"],
            "published": published,
        }
    )
    table = overview.attention(arts, groups.assign(arts), "month")
    periods = list(dict.fromkeys(table["period"]))
    assert periods[:2] == ["2012-12 and earlier", "2013-01"] and len(periods) == 85
    assert table["n_articles"].sum() == 503  # the stray three stay, in their bucket
    assert table[table["period"] == periods[0]]["n_articles"].sum() == 3
    fig, _ = overview.plot_attention(table)
    assert "'2012-12 and earlier' (n=3)" in fig.axes[1].get_xlabel()
    assert fig.axes[1].get_xticklabels()[0].get_text() == "2012-12 and earlier"
    plt.close(fig)


def test_density_leaves_a_sparse_tail_of_publication_dates_off_its_axis_and_names_it():
    from newscorpus.timeline import plot_density, published_vs_mentioned

    spread = pd.date_range("2013-01-02", "2019-12-20", periods=300).normalize()
    published = pd.to_datetime(["2001-10-05", "2010-06-01", *spread])
    ids = [f"x{i}" for i in range(len(published))]
    articles = pd.DataFrame({"article_id": ids, "published": published})
    dates = pd.DataFrame(
        {
            "article_id": ids,
            "sentence_id": range(len(ids)),
            "text": "x",
            "kind": "date",
            "resolved": [str(d.year) for d in published],
            "start_date": published.astype("datetime64[s]"),
            "end_date": published.astype("datetime64[s]"),
            "start": 0,
        }
    )
    cells = published_vs_mentioned(dates, articles, bins=20)
    assert cells.attrs["n_tail"] == 2 and cells.attrs["tail_articles"][0] == 2
    assert cells["published_from"].min() >= pd.Timestamp("2013-01-01")  # the axis: the span
    assert cells[cells["panel"] == "window"]["n_mentions"].sum() == 300
    fig, _ = plot_density(cells)
    assert any("2 articles published 2001-10-05 to 2010-06-01" in t.get_text() for t in fig.texts)
    plt.close(fig)


def test_unnamed_sources_grow_with_the_groups_and_give_each_line_its_own_colour():
    from newscorpus.sources.figures import MAX_LINES, PALETTE

    assert len(PALETTE) >= MAX_LINES  # no two drawn lines share a colour
    ids = [f"x{i:02d}" for i in range(84)]
    articles = pd.DataFrame(
        {
            "article_id": ids,
            "outlet": [f"o{i % 21}" for i in range(84)],
            "published": pd.to_datetime(["1987-03-01"] * 42 + ["1987-04-01"] * 42),
        }
    )
    sources = pd.DataFrame(
        {"article_id": ids, "name": "officials", "kind": "anonymous", "anonymity": True}
    )
    table = anonymous_share(sources, articles, groups.assign(articles), "month", 25)
    fig, _ = plot_anonymous_share(table)
    assert fig.get_size_inches()[1] >= 0.5 * 21  # 21 two-line bar labels, none overlapping
    lines = [ln for ln in fig.axes[1].get_lines() if ln.get_label().startswith("o")]
    colours = {str(ln.get_color()) for ln in lines}
    assert len(lines) == len(colours) == MAX_LINES
    plt.close(fig)
