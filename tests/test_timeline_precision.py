"""Rankings count only mentions as precise as their unit, events count the chosen groups, and
the time figures stay readable at their edges (issue 16, 4 and 6-7: review of 01-timeline)."""

from __future__ import annotations

from types import SimpleNamespace

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from newscorpus import findings  # noqa: E402
from newscorpus import groups as grouping  # noqa: E402
from newscorpus.timeline import (  # noqa: E402
    corpus_events,
    find_dates,
    mentioned_periods,
    mentions_by_group,
    plot_density,
    plot_events,
    plot_group_histogram,
    plot_swimlanes,
    precise_mask,
)


def _dates(rows):
    """A dates table from (article_id, start, end) rows."""
    table = pd.DataFrame(rows, columns=["article_id", "start_date", "end_date"])
    for col in ("start_date", "end_date"):
        table[col] = pd.to_datetime(table[col])
    return table


# a and d say "2016" only, b "January 2016", c "January 7, 2016" and "2016"
YEARS = _dates(
    [
        ("a", "2016-01-01", "2016-12-31"),
        ("b", "2016-01-01", "2016-01-31"),
        ("c", "2016-01-07", "2016-01-07"),
        ("c", "2016-01-01", "2016-12-31"),
        ("d", "2016-01-01", "2016-12-31"),
        ("d", None, None),  # unresolved ("last week" in an undated article): neither
    ]
)
LABELS = pd.Series({"a": "A", "b": "B", "c": "C", "d": "D"})


def test_a_year_is_never_counted_as_its_first_month_nor_a_month_as_its_first_day():
    assert precise_mask(YEARS, "month").tolist() == [False, True, True, False, False, False]
    assert precise_mask(YEARS, "day").tolist() == [False, False, True, False, False, False]
    months = mentioned_periods(YEARS, LABELS, "month")
    assert months[["period", "n_articles", "n_groups", "n_mentions"]].values.tolist() == [
        ["2016-01", 2, 2, 2]
    ]
    # three mentions of the year 2016 left out; a and d name nothing finer
    assert (months.attrs["n_coarser"], months.attrs["n_coarser_articles"]) == (3, 2)
    days = mentioned_periods(YEARS, LABELS, "day")
    assert days["period"].tolist() == ["2016-01-07"] and days.attrs["n_coarser"] == 4


def test_the_pooled_row_is_never_counted_as_a_group():
    folded = pd.Series({"a": "other (3 groups)", "b": "other (3 groups)", "c": "C"})
    table = mentioned_periods(_dates([(k, "2016-01-05", "2016-01-05") for k in "abc"]), folded)
    assert (table["n_articles"].iloc[0], table["n_groups"].iloc[0]) == (3, 1)
    # an article without a label (a duplicate left out) is not counted at all
    table = mentioned_periods(YEARS, LABELS.drop("b"), "month")
    assert table["n_articles"].tolist() == [1]


def test_the_finding_names_the_month_from_precise_mentions_and_counts_the_rest():
    articles = pd.DataFrame(
        {"article_id": list("abcd"), "outlet": list("ABCD"), "published": pd.NaT}
    )
    text = findings.timeline(
        SimpleNamespace(articles=articles, dates=YEARS), grouping.assign(articles)
    )
    assert "The month mentioned by most articles is 2016-01 (2 articles, 2 groups)" in text
    assert "3 mentions of a longer period (a quarter, a year, a decade) are left out" in text


# both stories come from the same wire (outlet AP) but sit in two folders
WIRE = (
    "article_id,outlet,title\n"
    "a,AP,Rebels take Baghuz\n"
    "b,AP,Last enclave falls\n"
    "c,AP,Baghuz falls again\n"
)
A = "Rebels take Baghuz\n\nKurdish-led forces captured Baghuz on March 7, 2019, after weeks.\n"
B = "Last enclave falls\n\nThe enclave fell when forces captured Baghuz on March 7, 2019.\n"


def test_events_count_the_groups_of_the_chosen_group_by(make_corpus):
    corpus = make_corpus({"a.txt": A, "b.txt": B, "c.txt": B, "manifest.csv": WIRE})
    dates = find_dates(corpus)
    folders = pd.Series({"a": "north", "b": "south", "c": None})  # c: a duplicate left out
    events = corpus_events(
        corpus.sentences, dates, corpus.articles, groups=folders, group_by="folder"
    )
    row = events.iloc[0]
    assert (row["n_articles"], row["n_outlets"], row["n_groups"]) == (2, 1, 2)
    assert (row["outlets"], row["groups"]) == ("AP", "north; south")
    fig, _ = plot_events(events)
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert texts == ["n=2 articles · 2 folders"]
    plt.close(fig)
    # without groups: the outlet column, and one outlet says nothing (n alone)
    plain = corpus_events(corpus.sentences, dates, corpus.articles)
    assert plain["n_articles"].tolist() == [3] and plain.attrs["group_by"] == "outlet"
    fig, _ = plot_events(plain)
    assert [t.get_text() for t in fig.axes[0].texts] == ["n=3 articles"]
    plt.close(fig)


def _events(days):
    n = len(days)
    return pd.DataFrame(
        {
            "date": days,
            "end": days,
            "granularity": "day",
            "n_articles": [6] * n,
            "n_outlets": [2] * n,
            "n_groups": [2] * n,
            "label": [f"event {i}" for i in range(n)],
        }
    )


def test_event_axis_ticks_share_one_format_and_end_on_the_last_period():
    fig, _ = plot_events(_events(["2012-09-11", "2014-05-01", "2016-11-08", "2020-11-03"]))
    ax = fig.axes[0]
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert all(len(t) == 4 for t in ticks) and ticks[-1] == "2020"
    # the axes take the figure's width: a long title is wrapped over the figure, never squeezing
    assert ax.get_position().width > 0.4
    plt.close(fig)
    fig, _ = plot_events(_events(["2019-03-01", "2019-03-09", "2019-03-20"]))
    ticks = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert ticks[-1] == "2019-03-20" and all(len(t) == 10 for t in ticks)
    plt.close(fig)


def test_a_figure_with_nothing_to_draw_is_small_with_its_message_centred():
    empty = pd.DataFrame(columns=["n_mentions"])
    empty.attrs.update(n_dated_articles=0, n_total=2214)
    fig, _ = plot_density(empty)
    assert tuple(fig.get_size_inches()) == (8.0, 2.4)
    (message,) = fig.axes[0].texts
    assert message.get_text().startswith("no publication dates")
    assert message.get_position() == (0.5, 0.5) and message.get_ha() == "center"
    assert "2,214 mentions in undated articles" in fig.axes[0].get_title()
    plt.close(fig)
    fig, _ = plot_events(_events([]))
    assert tuple(fig.get_size_inches()) == (8.0, 2.4)
    plt.close(fig)


def test_lanes_name_an_outletless_undated_article_by_its_group(make_corpus):
    corpus = make_corpus(
        {
            "a.txt": "Rebels take Baghuz\n\nForces captured Baghuz on March 7, 2019, after "
            "a three-year fight.\n",
            "b.txt": "Last enclave falls\n\nThe enclave fell on March 7, 2019.\n",
        }
    )
    dates = find_dates(corpus)
    assert {"date", "duration"} <= set(dates["kind"])
    fig, data = plot_swimlanes(
        corpus.sentences,
        dates,
        ["a", "b"],
        titles=corpus.articles,
        groups=pd.Series({"a": "north", "b": "south"}),
        date_from="2019-01-01",
        date_to="2019-12-31",
    )
    ax = fig.axes[0]
    names = [t.get_text() for t in ax.get_yticklabels()]
    assert names == ["Rebels take Baghuz — north, undated", "Last enclave falls — south, undated"]
    # the unanchored duration ("a three-year fight") has no point in the window: no legend entry
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["date"]
    plt.close(fig)


def test_a_month_histogram_counts_no_year_as_its_months(make_corpus):
    corpus = make_corpus(
        {
            "a.txt": "Talks\n\nTalks began in 2016. They stalled in January 2016 and resumed "
            "on March 3, 2016.\n",
        }
    )
    dates = find_dates(corpus)
    labels = grouping.assign(corpus.articles, "folder")
    counts = mentions_by_group(dates, labels, "month")
    per = dict(zip(counts["period"], counts["n_mentions"], strict=True))
    assert (per["2016-01"], per["2016-02"], per["2016-03"]) == (1.0, 0.0, 1.0)
    assert counts.attrs["n_coarser"] == 1
    fig, _ = plot_group_histogram(counts, "month")
    assert "1 mention of a quarter, a year or longer left out" in fig.get_suptitle()
    plt.close(fig)
    # by year the year counts: each mention adds one to 2016
    years = mentions_by_group(dates, labels, "year")
    assert years["n_mentions"].sum() == 3.0 and years.attrs["n_coarser"] == 0


def test_a_swimlane_label_near_the_window_end_is_written_to_the_left_and_stays_inside(
    make_corpus,
):
    corpus = make_corpus(
        {
            "a.txt": "Siege\n\nThe siege of the town began on January 5, 2019, after weeks of "
            "shelling. The last fighters of the group surrendered to the coalition forces on "
            "December 20, 2019, ending the long campaign.\n",
        }
    )
    dates = find_dates(corpus)
    fig, data = plot_swimlanes(
        corpus.sentences, dates, ["a"], date_from="2019-01-01", date_to="2019-12-31"
    )
    ax = fig.axes[0]
    fig.canvas.draw()
    frame = ax.get_window_extent()
    notes = [t for t in ax.texts if t.get_text()]
    assert len(notes) == 2 and data["labelled"].all()
    for note in notes:  # every label inside the axes, the December one ending at its point
        box = note.get_window_extent()
        assert frame.x0 - 1 <= box.x0 and box.x1 <= frame.x1 + 1, note.get_text()
    late = [t for t in notes if "December" in t.get_text()][0]
    assert late.get_horizontalalignment() == "right"
    plt.close(fig)
