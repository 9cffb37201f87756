"""The corpus-level event timeline, and time views that show their sample (issue 16, 4 and 7)."""

from __future__ import annotations

import matplotlib
import matplotlib.dates

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from newscorpus import groups as grouping  # noqa: E402
from newscorpus.timeline import (  # noqa: E402
    corpus_events,
    find_dates,
    mentions_by_group,
    plot_events,
    plot_group_histogram,
    plot_swimlanes,
)

# a and c are published four days and more after the days they name, so those days are no
# news cycle (`test_events.py` tests the news-cycle rule)
MANIFEST = (
    "article_id,outlet,published,title\n"
    "a,Daily Post,2019-03-14,Rebels take Baghuz\n"
    "b,Evening Star,2019-03-11,Last enclave falls\n"
    "c,Daily Post,2019-03-16,Aid convoy waits\n"
)
A = (
    "Rebels take Baghuz\n\n"
    "Kurdish-led forces captured the village of Baghuz on March 7, 2019, after weeks of "
    "fighting. The convoy left on March 9.\n"
)
B = (
    "Last enclave falls\n\n"
    "The last enclave fell when Kurdish-led forces captured Baghuz on March 7, 2019, "
    "commanders said. Talks began in 2014.\n"
)
C = "Aid convoy waits\n\nAn aid convoy waited at the Baghuz border on Monday. It rained today.\n"


@pytest.fixture
def three(make_corpus):
    corpus = make_corpus({"a.txt": A, "b.txt": B, "c.txt": C, "manifest.csv": MANIFEST})
    return corpus, find_dates(corpus)


def test_mentions_of_one_day_in_two_articles_are_one_event(three):
    corpus, dates = three
    # an event is a day named in at least two articles (min_articles=2)
    assert corpus_events(corpus.sentences, dates, corpus.articles)["value"].tolist() == [
        "2019-03-07"
    ]
    events = corpus_events(corpus.sentences, dates, corpus.articles, min_articles=1)
    assert events["value"].tolist() == ["2019-03-07", "2019-03-09", "2019-03-11"]
    baghuz = events.iloc[0]
    assert (baghuz["n_articles"], baghuz["n_outlets"], baghuz["n_mentions"]) == (2, 2, 2)
    assert baghuz["label"] == ("Kurdish-led forces captured the village of Baghuz on March 7, 2019")
    assert baghuz["outlets"] == "Daily Post; Evening Star"
    assert baghuz["article"] == "Rebels take Baghuz — Daily Post, 2019-03-14"
    # "Monday" in c is its own event (one article); "today" restates the article's day: left out
    monday = events.iloc[2]
    assert (monday["n_articles"], monday["expression"]) == (1, "Monday")
    assert "today" not in events["expression"].str.lower().tolist()
    # a year (2014) is no single event
    assert not events["value"].str.startswith("2014").any()
    assert events.attrs["n_events"] == 3


def test_events_are_bounded_by_the_number_of_articles(three):
    corpus, dates = three
    top = corpus_events(corpus.sentences, dates, corpus.articles, top=1, min_articles=1)
    assert top["value"].tolist() == ["2019-03-07"] and top.attrs["n_events"] == 3
    by_month = corpus_events(corpus.sentences, dates, corpus.articles, granularity="month")
    assert by_month[["value", "n_articles", "n_mentions"]].values.tolist() == [["2019-03", 3, 4]]
    with pytest.raises(ValueError, match="granularity='week'"):
        corpus_events(corpus.sentences, dates, corpus.articles, granularity="week")
    with pytest.raises(ValueError, match="top=0"):
        corpus_events(corpus.sentences, dates, corpus.articles, top=0)


def test_event_figure_shows_n_and_fades_small_events(three):
    corpus, dates = three
    events = corpus_events(corpus.sentences, dates, corpus.articles, min_articles=1)
    fig, data = plot_events(events)
    ax = fig.axes[0]
    texts = [t.get_text() for t in ax.texts]
    assert "n=2 articles · 2 outlets" in texts and "n=1 article · 1 outlet" in texts
    assert ax.get_xlabel().endswith("hollow: fewer than 5 articles")  # every event here
    assert [t.get_text() for t in ax.get_xticklabels()][-1] == "2019-03-11"  # the last event
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert ticks[0].startswith("2019-03-07  Kurdish-led forces captured")
    assert len(data) == 3
    plt.close(fig)
    empty, _ = plot_events(events.iloc[:0])
    assert any(t.get_text().startswith("no day or month") for t in empty.axes[0].texts)
    plt.close(empty)


def test_lanes_are_named_by_title_outlet_and_date(three):
    corpus, dates = three
    fig, data = plot_swimlanes(corpus.sentences, dates, ["a", "b"], titles=corpus.articles)
    names = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert names == [
        "Rebels take Baghuz — Daily Post, 2019-03-14",
        "Last enclave falls — Evening Star, 2019-03-11",
    ]
    named = dict(zip(data["article_id"], data["article"], strict=True))
    assert named["a"] == "Rebels take Baghuz — Daily Post, 2019-03-14"
    # the lane labels are the source's words around the date, not a bag of keywords
    assert "village of Baghuz on March 7, 2019" in " ".join(data["event"])
    text = A + B
    assert all(e.strip("…") in text.replace("\n", " ") for e in data["event"])
    plt.close(fig)


def test_histogram_cells_carry_their_articles_and_the_axis_ends_on_the_last_period(three):
    corpus, dates = three
    labels = grouping.assign(corpus.articles, "outlet")
    counts = mentions_by_group(dates, labels, "year")
    assert counts["period"].tolist()[-1] == "2019"
    post = counts[(counts["group"] == "Daily Post") & (counts["period"] == "2019")]
    assert post["n_articles"].tolist() == [2]  # a (two dates) and c (Monday)
    assert counts.attrs["group_articles"] == {"Daily Post": 2, "Evening Star": 1}
    fig, _ = plot_group_histogram(counts)
    ticks = [t.get_text() for t in fig.axes[-1].get_xticklabels()]
    assert ticks[-1] == "2019" and ticks[0] == "2014"
    titles = [ax.get_title(loc="left") for ax in fig.axes]
    assert titles[0].endswith("n=2 articles)")
    plt.close(fig)


def test_an_undated_corpus_gives_events_only_from_explicit_dates(make_corpus):
    corpus = make_corpus({"a.txt": A, "c.txt": C})
    assert corpus.articles["published"].isna().all()
    dates = find_dates(corpus)
    events = corpus_events(corpus.sentences, dates, corpus.articles)
    # March 7, 2019 is written out; "March 9" and "Monday" need an article date: none. No day
    # is named in two articles, so the days named once are shown, and attrs say so.
    assert events["value"].tolist() == ["2019-03-07"] and events.attrs["min_articles"] == 1
    assert pd.isna(dates.set_index("text").loc["Monday", "start_date"])


def test_an_article_without_a_group_is_left_out_of_the_histogram(three):
    corpus, dates = three
    labels = grouping.assign(corpus.articles, "outlet")
    labels = labels.where(labels.index != "b")  # as groups.assign leaves a duplicate out
    counts = mentions_by_group(dates, labels, "year")
    assert counts.attrs["group_articles"] == {"Daily Post": 2, "Evening Star": 0}
    assert counts.loc[counts["group"] == "Evening Star", "n_mentions"].sum() == 0


def test_an_event_of_any_year(make_corpus):
    corpus = make_corpus(
        {
            "a.txt": "Paris\n\nCrowds stormed the Bastille on July 14, 1789, in Paris.\n",
            "b.txt": "Revolt\n\nThe Bastille prison fell on July 14, 1789, to an armed crowd.\n",
        }
    )
    events = corpus_events(corpus.sentences, find_dates(corpus), corpus.articles)
    assert events[["date", "n_articles"]].values.tolist() == [["1789-07-14", 2]]
    fig, _ = plot_events(events)
    plt.close(fig)


def test_the_date_of_a_dateline_is_no_event(make_corpus):
    corpus = make_corpus(
        {
            "a.txt": "Oil\n\nNEW YORK, March 2 - Oil rose after the March 1 OPEC meeting in Vienna.\n",
            "b.txt": "Gold\n\nLONDON, March 2 (Reuters) - Gold fell as the March 1 OPEC meeting in Vienna ended.\n",
            "c.txt": "Corn\n\nChicago, Ill., March 2 - Corn was flat after the March 1 OPEC meeting in Vienna.\n",
            "manifest.csv": "article_id,published\na,1987-03-02\nb,1987-03-02\nc,1987-03-02\n",
        }
    )
    events = corpus_events(corpus.sentences, find_dates(corpus), corpus.articles)
    assert events[["date", "n_articles"]].values.tolist() == [["1987-03-01", 3]]


def test_bookkeeping_dates_shared_by_unrelated_companies_are_no_event(make_corpus):
    manifest = "article_id,outlet,published,title\n" + "".join(
        f"{k},Wire,1987-03-0{k},Company {k} dividend\n" for k in range(1, 4)
    )
    files = {
        f"{k}.txt": f"Company {k} dividend\n\nCompany {k} set a quarterly dividend of 10 cts, "
        "payable April 15, record March 31. Its year ended December 31, 1986 was good.\n"
        for k in range(1, 4)
    }
    files["4.txt"] = "Port strike\n\nDockers walked out on March 20, 1987, halting all shipping.\n"
    files["5.txt"] = "Strike ends\n\nThe port strike that began on March 20, 1987, ended today.\n"
    manifest += "4,Wire,1987-03-21,Port strike\n5,Wire,1987-03-25,Strike ends\n"
    corpus = make_corpus({**files, "manifest.csv": manifest})
    events = corpus_events(corpus.sentences, find_dates(corpus), corpus.articles)
    # the record, payment and period-end dates of three companies are bookkeeping, not events
    assert events["value"].tolist() == ["1987-03-20"]
    assert events.attrs["n_routine"] == 9


def test_a_lane_writes_a_repeated_sentence_once_and_ticks_stop_at_the_window(make_corpus):
    # one clause naming two dates gives two mentions with one label
    body = "Talks\n\nThe population of Geneva grew between 1990 and 2009, officials said.\n"
    manifest = "article_id,outlet,published,title\nd,Daily Post,2019-03-14,Talks\n"
    corpus = make_corpus({"d.txt": body, "manifest.csv": manifest})
    dates = find_dates(corpus)
    fig, data = plot_swimlanes(corpus.sentences, dates, ["d"], titles=corpus.articles)
    both = data[data["event"].str.contains("Geneva")]
    assert len(both) == 2 and both["labelled"].sum() == 1  # drawn twice, written once
    ax = fig.axes[0]
    years = [matplotlib.dates.num2date(t).year for t in ax.get_xticks()]
    assert years and max(years) <= 2009  # the window ends 2009-12-31; room past it is unticked
    plt.close(fig)
