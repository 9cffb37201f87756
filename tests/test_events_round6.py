"""Events across articles need shared content, not only the same day (issue 16, round 6:
2020-06-29 joined a diagnosis, arrests and a drug price; Christmas 2014 joined gas prices,
FedEx and a Secret Santa)."""

from __future__ import annotations

from newscorpus.timeline import corpus_events, find_dates


def _manifest(rows):
    return "article_id,outlet,published,title\n" + "".join(
        f"{k},{o},{p},{t}\n" for k, o, p, t in rows
    )


# published a week after the day they name: no news cycle, only content can split them
STORIES = {
    "cain.txt": "Cain in hospital\n\nHerman Cain tested positive for the coronavirus on June 29,"
    " 2020, his campaign aides said.\n",
    "arrests.txt": "Karachi arrests\n\nPolice in Pakistan arrested four militants on June 29,"
    " 2020, after the stock exchange attack.\n",
    "price1.txt": "Remdesivir price set\n\nGilead priced remdesivir at $2,340 per patient on"
    " June 29, 2020.\n",
    "price2.txt": "What remdesivir costs\n\nOn June 29, 2020, Gilead said a course of remdesivir"
    " would cost hospitals $3,120.\n",
}
ROWS = [
    ("cain", "Post", "2020-07-06", "Cain in hospital"),
    ("arrests", "Times", "2020-07-06", "Karachi arrests"),
    ("price1", "Wire", "2020-07-06", "Remdesivir price set"),
    ("price2", "Daily", "2020-07-07", "What remdesivir costs"),
]


def test_one_day_of_unrelated_stories_is_separate_events(make_corpus):
    corpus = make_corpus({**STORIES, "manifest.csv": _manifest(ROWS)})
    events = corpus_events(corpus.sentences, find_dates(corpus), corpus.articles)
    # only the two remdesivir articles make an event; the diagnosis and arrests are apart
    assert events[["value", "n_articles", "n_outlets"]].values.tolist() == [["2020-06-29", 2, 2]]
    assert "remdesivir" in events["label"].iloc[0]
    every = corpus_events(corpus.sentences, find_dates(corpus), corpus.articles, min_articles=1)
    assert sorted(every["n_articles"].tolist()) == [1, 1, 2]
    assert set(every["value"]) == {"2020-06-29"}


def test_a_named_day_shared_by_unrelated_stories_is_no_event(make_corpus):
    files = {
        "gas.txt": "Gas prices\n\nGas prices fell to $2.30 a gallon before Christmas,"
        " drivers said.\n",
        "fedex.txt": "FedEx delays\n\nFedEx parcels arrived late for Christmas in Ohio.\n",
        "santa.txt": "Secret Santa\n\nAn office Secret Santa swapped mugs before Christmas.\n",
    }
    rows = [
        (k, f"Outlet {k}", "2014-12-30", t)
        for k, t in (("gas", "Gas prices"), ("fedex", "FedEx delays"), ("santa", "Secret Santa"))
    ]
    corpus = make_corpus({**files, "manifest.csv": _manifest(rows)})
    dates = find_dates(corpus)
    assert dates["resolved"].tolist() == ["2014-12-25"] * 3
    events = corpus_events(corpus.sentences, dates, corpus.articles)
    # "Christmas" itself is the date, not shared content: three one-article events
    assert events["n_articles"].tolist() == [1, 1, 1]
    assert events.attrs["min_articles"] == 1


WORDS = (
    "apple birch cedar delta ember falcon garnet harbor iris juniper kettle lantern meadow"
    " nickel orchard pepper quartz raven saddle timber umber velvet willow yarrow zephyr"
).split()


def _words(k: int, n: int = 6) -> str:
    """Six words of `WORDS` picked by the digits of `k` in base 25: a distinct text per k."""
    return " ".join(WORDS[(k * 7 + i * (k // 25 + 3) + i * i) % 25] for i in range(n))


def test_many_articles_of_one_story_stay_one_event(make_corpus):
    # more articles than a term's pairing cap (_MAX_TERM_ARTICLES), in a corpus of other days
    n = 30
    files, rows = {}, []
    for k in range(n):
        files[f"s{k}.txt"] = (
            f"Dam report {k}\n\nThe Oroville dam spillway failed on February 7, 2017, engineers"
            f" said. Residents near {_words(k)} recalled the flood; officials reviewed"
            f" {_words(k + 300)} and {_words(k + 600)} in the valley.\n"
        )
        rows.append((f"s{k}", f"Outlet {k % 7}", "2017-03-20", f"Dam report {k}"))
    months = ["March", "May", "July", "October", "November", "December"]
    for k in range(150):  # one article for each of 150 other days
        files[f"o{k}.txt"] = (
            f"Brief {k}\n\nA fair of {_words(k + 900)} opened on {months[k // 28]} {1 + k % 28},"
            f" 2015, with stalls of {_words(k + 1200)} and music by {_words(k + 1500)}.\n"
        )
        rows.append((f"o{k}", "Other", "2016-01-20", f"Brief {k}"))
    corpus = make_corpus({**files, "manifest.csv": _manifest(rows)})
    events = corpus_events(corpus.sentences, find_dates(corpus), corpus.articles)
    assert events[["value", "n_articles", "n_outlets"]].values.tolist() == [["2017-02-07", n, 7]]


def _recalling_nine_eleven(make_corpus, n: int):
    """Events of a corpus of `n` unrelated stories sharing only "attacks" beside 9/11, and 60
    briefs naming other days."""
    topics = ["airport screening", "a memorial", "insurance claims", "a course", "air travel"]
    verbs = ["changed", "grew", "faded", "moved", "slowed"]
    files, rows = {}, []
    for k in range(n):
        files[f"n{k}.txt"] = (
            f"{_words(k + 40)}\n\nSince the September 11, 2001, attacks, {topics[k]} {verbs[k]}"
            f" for {_words(k + 70)}.\n"
        )
        rows.append((f"n{k}", f"Outlet {k}", "2011-09-01", _words(k + 40)))
    months = ["March", "May", "July"]
    for k in range(60):
        files[f"o{k}.txt"] = (
            f"Brief {k}\n\nA fair of {_words(k + 900)} opened on {months[k // 20]} {1 + k % 20},"
            f" 2015, with stalls of {_words(k + 1200)}.\n"
        )
        rows.append((f"o{k}", "Other", "2016-01-20", f"Brief {k}"))
    corpus = make_corpus({**files, "manifest.csv": _manifest(rows)})
    return corpus_events(corpus.sentences, find_dates(corpus), corpus.articles)


def test_a_term_of_the_day_itself_joins_passing_mentions(make_corpus):
    # five unrelated stories recalling 9/11 share only "attacks", the day's own term (in all
    # five of its articles, in none of the 60 others): one event, not five
    events = _recalling_nine_eleven(make_corpus, 5)
    assert events[["value", "n_articles"]].values.tolist() == [["2001-09-11", 5]]


def test_a_historical_day_is_one_event_whatever_the_stories(make_corpus):
    # three stories of 2011 recalling 9/11 share one word only, too few to join news-day
    # stories; but a day named only 5+ years after it is history: one event (rv11 saw 9/11
    # split into "Sept. 11, 2001" and "9/11")
    events = _recalling_nine_eleven(make_corpus, 3)
    assert events[events["value"] == "2001-09-11"]["n_articles"].tolist() == [3]
