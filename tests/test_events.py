"""The corpus event timeline on a news wire: news-cycle days, bookkeeping dates, one outlet and
partial periods (issue 16, the timeline part)."""

from __future__ import annotations

import matplotlib

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
)

# Three unrelated stories of one news day, each published the day after it names.
UNRELATED = {
    "1.txt": "Bank cuts rate\n\nMidland Bank cut its base lending rate yesterday by half a point.\n",
    "2.txt": "Coffee talks\n\nBrazil's coffee chief said yesterday quotas would not return soon.\n",
    "3.txt": "Mine fire\n\nA fire broke out yesterday in a copper mine near Sudbury, Ontario.\n",
}
# Two stories of one event (the same strike, the same port): they share content.
RELATED = {
    "4.txt": "Dock strike\n\nDockers at Rotterdam port walked out yesterday over container pay.\n",
    "5.txt": "Port halted\n\nRotterdam port was halted yesterday as dockers struck over container"
    " work.\n",
}


def _manifest(ids, published="1987-03-07", outlet="Wire"):
    return "article_id,outlet,published\n" + "".join(f"{k},{outlet},{published}\n" for k in ids)


def test_unrelated_stories_of_one_news_day_are_no_event(make_corpus):
    corpus = make_corpus({**UNRELATED, "manifest.csv": _manifest("123")})
    dates = find_dates(corpus)
    days = dates[dates["resolved"].str.match(r"\d{4}-\d\d-\d\d$")]
    assert days["resolved"].tolist() == ["1987-03-06"] * 3  # "yesterday" in all three
    events = corpus_events(corpus.sentences, dates, corpus.articles, min_articles=1)
    # all three mentions are the news cycle and share no content: no event, not one of 3
    assert events.empty
    assert (events.attrs["n_news_cycle"], events.attrs["n_news_cycle_kept"]) == (3, 0)


def test_news_cycle_mentions_that_share_content_stay_one_event(make_corpus):
    corpus = make_corpus({**UNRELATED, **RELATED, "manifest.csv": _manifest("12345")})
    events = corpus_events(corpus.sentences, find_dates(corpus), corpus.articles)
    assert events[["value", "n_articles"]].values.tolist() == [["1987-03-06", 2]]
    assert "Rotterdam" in events["label"].iloc[0]
    assert (events.attrs["n_news_cycle"], events.attrs["n_news_cycle_kept"]) == (3, 2)
    by_month = corpus_events(
        corpus.sentences, find_dates(corpus), corpus.articles, granularity="month"
    )
    assert by_month[["value", "n_articles"]].values.tolist() == [["1987-03", 2]]


def test_a_day_named_long_after_it_is_no_event_of_unrelated_stories(make_corpus):
    # the same unrelated stories, published a week later: "March 6" is history, not the cycle,
    # but a bank rate, coffee quotas and a mine fire share nothing: three one-article events
    files = {k: v.replace("yesterday", "on March 6") for k, v in UNRELATED.items()}
    corpus = make_corpus({**files, "manifest.csv": _manifest("123", "1987-03-13")})
    events = corpus_events(corpus.sentences, find_dates(corpus), corpus.articles)
    assert events[["value", "n_articles"]].values.tolist() == [["1987-03-06", 1]] * 3
    assert events.attrs["min_articles"] == 1  # no day reached two articles of one story
    assert events.attrs["n_news_cycle"] == 0


BOOKKEEPING = [
    "Qtly div 10 cts vs 10 cts prior Pay April 1 Record March 15.",
    "The dividend is payable April 1 to holders of record March 15.",
    "The payment date is April 30 and the issue will be listed in Luxembourg.",
    "Imports will rise 10 pct in the year starting April 1 from the year before.",
    "Sales rose in the fiscal year ended March 31, 1987, the company said.",
    "Profits rose in the six months to June 30, 1987.",
    "Its loan loss allowance was adequate at December 31, 1986, it said.",
    "The annual meeting on May 12, 1987 will vote on the split.",
    "The tender offer expires April 20, 1987 unless extended.",
    "The company raised its propane price by five dlrs, effective April 1.",
    "The bills will be issued April 9 and mature in June.",
    "Shareholders may file claims by May 15, 1987 with the trustee.",
]
NEWS = [
    "The summit of Arab leaders opened in Amman on April 1, 1987.",
    "Gunmen attacked a police post near Sidon on April 1, 1987, killing two.",
    "Parliament voted on April 1, 1987 to reject the budget.",
    "The strike that began on March 2, 1987 ended when dockers returned yesterday.",
]


def test_financial_calendar_language_is_bookkeeping_and_events_stay(make_corpus):
    files = {f"b{i}.txt": f"Note {i}\n\n{t}\n" for i, t in enumerate(BOOKKEEPING)}
    heads = ["Summit", "Attack", "Vote", "Strike"]  # titles sharing no word
    files.update({f"n{i}.txt": f"{heads[i]}\n\n{t}\n" for i, t in enumerate(NEWS)})
    ids = [f"b{i}" for i in range(len(BOOKKEEPING))] + [f"n{i}" for i in range(len(NEWS))]
    manifest = "article_id,published\n" + "".join(f"{k},1987-04-25\n" for k in ids)
    corpus = make_corpus({**files, "manifest.csv": manifest})
    dates = find_dates(corpus)
    events = corpus_events(corpus.sentences, dates, corpus.articles, min_articles=1)
    written = dates[dates["text"].str.contains(r"\d") & dates["article_id"].str.startswith("b")]
    # every written-out date of the bookkeeping notes is left out, none of the news
    assert events.attrs["n_routine"] == len(written) >= len(BOOKKEEPING)
    # the summit, the Sidon attack and the budget vote share no content: three events of a day
    assert events[["value", "n_articles"]].values.tolist() == [
        ["1987-03-02", 1],
        ["1987-04-01", 1],
        ["1987-04-01", 1],
        ["1987-04-01", 1],
    ]
    # "yesterday" after "ended" is news, not a period's end: it stays (here, the cycle)
    assert events.attrs["n_news_cycle"] == 1


def _one_event(make_corpus, outlets):
    files = {
        f"{k}.txt": f"Vote {k}\n\nParliament voted on April 1, 1987 to reject it.\n" for k in "ab"
    }
    manifest = "article_id,outlet,published\n" + "".join(
        f"{k},{o},1987-04-20\n" for k, o in zip("ab", outlets, strict=True)
    )
    corpus = make_corpus({**files, "manifest.csv": manifest})
    return corpus_events(corpus.sentences, find_dates(corpus), corpus.articles)


@pytest.mark.parametrize(
    ("outlets", "label"),
    [(["Wire", "Wire"], "n=2 articles"), (["Wire", "Post"], "n=2 articles · 2 outlets")],
)
def test_outlets_are_counted_only_in_a_corpus_of_several(make_corpus, outlets, label):
    events = _one_event(make_corpus, outlets)
    assert events.attrs["corpus_outlets"] == len(set(outlets))
    fig, _ = plot_events(events)
    assert [t.get_text() for t in fig.axes[0].texts] == [label]
    plt.close(fig)


def test_the_event_figure_states_the_news_cycle_rule(make_corpus):
    corpus = make_corpus({**UNRELATED, **RELATED, "manifest.csv": _manifest("12345")})
    events = corpus_events(corpus.sentences, find_dates(corpus), corpus.articles)
    fig, _ = plot_events(events)
    title = fig.get_suptitle().replace("\n", " ")  # over the figure, wrapped
    assert "3 news-cycle mentions (a day within 2 days of their article's publication" in title
    plt.close(fig)


def test_a_partly_covered_first_month_is_shaded_in_the_monthly_histogram(make_corpus):
    files = {
        "a.txt": "Talks\n\nTalks opened on February 10, 1987 and closed on March 20, 1987.\n",
        "b.txt": "Talks end\n\nThe talks that opened on February 10, 1987 failed.\n",
    }
    manifest = "article_id,outlet,published\na,Wire,1987-02-26\nb,Wire,1987-03-31\n"
    corpus = make_corpus({**files, "manifest.csv": manifest})
    labels = grouping.assign(corpus.articles, "outlet")
    counts = mentions_by_group(find_dates(corpus), labels, "month")
    coverage = grouping.period_coverage(corpus.articles["published"], "month")
    assert coverage["partial"].tolist() == [True, False]
    fig, _ = plot_group_histogram(counts, "month", coverage)
    assert "shaded: publication 1987-02 partial: 3 of 28 days" in fig.axes[-1].get_xlabel()
    plt.close(fig)
    plain, _ = plot_group_histogram(counts, "month")
    assert "shaded" not in plain.axes[-1].get_xlabel()
    plt.close(plain)
    assert pd.api.types.is_bool_dtype(coverage["partial"])


def test_words_common_in_the_corpus_but_frequent_on_the_day_still_join_the_cycle(make_corpus):
    # "Cruz", "Trump", "Iowa" and "caucuses" are in 8 of 48 articles (not rare), but in both
    # articles of the day
    files = {
        "d1.txt": "Cruz wins\n\nTed Cruz won the Iowa caucuses yesterday, beating Trump.\n",
        "d2.txt": "Trump second\n\nTrump came second in the Iowa caucuses yesterday, behind Cruz.\n",
    }
    files.update(
        {
            f"i{k}.txt": f"Look back {k}\n\nCruz and Trump recalled the Iowa caucuses held on"
            f" January 3, 2008, in hall {k}.\n"
            for k in range(6)
        }
    )
    files.update(
        {
            f"f{k}.txt": f"Item {k}\n\nA museum reopened on June 3, 1985 in town {k}.\n"
            for k in range(40)
        }
    )
    ids = ["d1", "d2"] + [f"i{k}" for k in range(6)] + [f"f{k}" for k in range(40)]
    manifest = "article_id,published\n" + "".join(
        f"{k},{'2016-02-02' if k.startswith('d') else '2016-01-10'}\n" for k in ids
    )
    corpus = make_corpus({**files, "manifest.csv": manifest})
    events = corpus_events(corpus.sentences, find_dates(corpus), corpus.articles)
    day = events[events["value"] == "2016-02-01"]
    assert day["n_articles"].tolist() == [2]
    assert events.attrs["n_news_cycle"] == 0
