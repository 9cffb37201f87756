"""Topic rules: copies left out of the fit, the knee rule for the number of topics, distinctive
topics resting on several articles, headlines cut once, the shared period axis."""

from __future__ import annotations

import warnings

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pandas as pd
import pytest

from newscorpus import topics
from newscorpus.topics import figures as topic_figures

WORDS = {
    "match": "striker goalkeeper referee penalty stadium league coach midfielder tackle fans",
    "storm": "rainfall thunderstorm forecast hurricane flooding temperatures drought monsoon",
    "bank": "interest inflation bondholders dividend shareholders lending mortgage treasury",
}
GOLF = "birdie fairway putter caddie bunker clubhouse eagle bogey".split()


def _counts(with_golf: bool = True) -> pd.DataFrame:
    """Per-article counts: 3 clusters of 15 articles, and a golf article with its copy."""
    rng = np.random.default_rng(3)
    rows = []
    for c, words in WORDS.items():
        for i in range(15):
            for w in rng.choice(words.split(), size=6, replace=False):
                rows.append((f"{c}_{i:02d}", w, int(rng.integers(1, 4))))
    if with_golf:
        for aid in ("golf", "golf_copy"):
            rows += [(aid, w, 3) for w in GOLF]
    frame = pd.DataFrame(rows, columns=["article_id", "term", "count"])
    return frame.assign(ngram=1, n_words=60)


def _golf_topic(model) -> bool:
    top = topics.topic_terms(model, 5)
    return bool(top.groupby("topic")["term"].agg(lambda t: set(t) <= set(GOLF)).any())


def test_a_copy_pair_makes_no_topic_of_its_own_once_the_copy_is_left_out():
    counts = _counts()
    assert _golf_topic(topics.fit_topics(counts, 5))  # the pair is a "story" of its own
    model = topics.fit_topics(counts, 5, exclude=["golf_copy"])
    assert not _golf_topic(model)  # one golf article: its words are in 1 article, no topic
    # 45 cluster articles: the lone golf article has no term of the vocabulary left
    assert model.n_sample == 45 and "1 reprinted copy left out of the fit" in model.rule
    table = topics.assign_topics(model, counts)
    assert "golf_copy" in set(table["article_id"]) or "golf" not in set(table["article_id"])
    assert set(topics.sample_counts(counts, exclude=["golf"])["article_id"]) == set(
        counts["article_id"]
    ) - {"golf"}


def test_vocabulary_inputs_list_the_flagged_copies(tmp_path):
    from newscorpus.parts import write_part

    articles = pd.DataFrame(
        {
            "article_id": ["a", "b", "c"],
            "outlet": ["X", "X", "Y"],
            "duplicate_of": [None, "a", ""],
        }
    ).astype("str")
    articles.loc[0, "duplicate_of"] = pd.NA
    write_part(articles, tmp_path / "articles", 0)
    assert topics.vocabulary_inputs(tmp_path)["exclude"] == ["b"]


@pytest.mark.parametrize(
    ("scores", "chosen"),
    [
        # PolNeAR (917 articles): coherence still rising at 40 -> the knee, not the edge
        (
            {
                3: 0.2811,
                5: 0.2924,
                8: 0.3128,
                10: 0.3173,
                15: 0.32,
                20: 0.33,
                30: 0.3366,
                40: 0.3503,
            },
            8,
        ),
        # AllSides: most coherent at 30, the knee before it
        (
            {
                3: 0.198,
                5: 0.2255,
                8: 0.2811,
                10: 0.3096,
                15: 0.3081,
                20: 0.31,
                30: 0.3288,
                40: 0.316,
            },
            10,
        ),
        ({3: 0.5, 5: 0.4, 8: 0.3}, 3),  # falling: the fewest, most coherent
        ({3: 0.1, 5: 0.11, 8: 0.2, 10: 0.4}, 10),  # rising ever faster: no knee, the best
        ({2: 0.3, 3: 0.6, 4: 0.5}, 3),
    ],
)
def test_the_number_of_topics_is_the_knee_of_coherence(scores, chosen):
    assert topics.choose_n_topics(scores) == chosen


def test_default_rule_says_on_how_many_articles_and_no_convergence_warning():
    counts = _counts(with_golf=False)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a printed ConvergenceWarning would fail here
        model = topics.fit_topics(counts, candidates=(2, 3, 4, 5), max_iter=1, method="nmf")
    assert "knee" in model.rule
    assert "on all 45 articles of the fit sample" in model.rule
    assert "stopped at its limit of 1 iterations" in model.rule


def _prevalence() -> pd.DataFrame:
    # group A: 40 articles, 3 of them on topic 9 (nowhere else); 12 on topic 1 (rest: 6 of 60)
    rows = [
        ("A", 1, 40, 12),
        ("A", 9, 40, 3),
        ("A", 2, 40, 25),
        ("B", 1, 60, 6),
        ("B", 9, 60, 0),
        ("B", 2, 60, 54),
    ]
    t = pd.DataFrame(rows, columns=["group", "topic", "n_articles", "n_with"])
    t["share"] = t["n_with"] / t["n_articles"]
    t["ci_low"], t["ci_high"] = t["share"] - 0.05, t["share"] + 0.05
    return t


def test_a_topic_on_one_article_is_never_distinctive():
    every = topics.distinctive(_prevalence(), n=5, min_articles=1)
    assert 9 in set(every.loc[every["group"] == "A", "topic"])
    dist = topics.distinctive(_prevalence(), n=5)
    assert dist.loc[dist["group"] == "A", "topic"].tolist() == [1]
    assert dist.loc[dist["group"] == "A", "n_with"].tolist() == [12]
    labels = pd.DataFrame({"topic": [1, 2, 9], "label": ["T1 a", "T2 b", "T9 c"]})
    fig, table = topic_figures.plot_distinctive(dist[dist["group"] == "A"], _prevalence(), labels)
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert texts == ["×3.0 (n=12)"]


def test_headline_cut_once_keeps_outlet_and_date():
    title = "The Agency's inspector general finds that the agency's review of the data " * 2
    articles = pd.DataFrame(
        {
            "article_id": ["a1", "a2"],
            "title": [title, "Short"],
            "outlet": ["USA Today", "USA Today"],
            "published": pd.to_datetime(["2016-03-01", "2016-03-02"]),
        }
    )
    table = pd.DataFrame({"article_id": ["a1", "a2"], "topic": [0, 0], "weight": [0.9, 0.8]})
    terms = pd.DataFrame({"topic": [0], "term": ["agency"], "weight": [1.0], "rank": [1]})
    lab = topics.labels(table, terms, articles)
    fig, _ = topic_figures.plot_topics(lab)
    tick = fig.axes[0].get_yticklabels()[0].get_text()
    assert tick.endswith("— USA Today, 2016-03-01")
    assert "……" not in tick and tick.count("…") == 1


def test_over_time_uses_the_shared_period_axis():
    periods = ["2015-10 and earlier", "2016-01", "2016-02", "2016-03"]
    rows = []
    for p, n, partial in zip(periods, [2, 30, 40, 8], [False, False, False, True], strict=True):
        for topic, k in ((0, n // 2), (1, n - n // 2)):
            share = k / n
            note = "partial: 3 days" if partial else ""
            rows.append((p, topic, n, k, share, share - 0.1, share + 0.1, partial, note))
    table = pd.DataFrame(
        rows,
        columns=["period", "topic", "n_articles", "n_with", "share", "ci_low", "ci_high"]
        + ["partial", "note"],
    )
    labels = pd.DataFrame({"topic": [0, 1], "label": ["T0 a", "T1 b"], "n_articles": [40, 40]})
    fig, drawn = topic_figures.plot_over_time(table, labels, 2)
    ax = fig.axes[0]
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert "2015-10 and earlier" in ticks and ticks[-1] == "2016-03"
    foot = fig._supxlabel.get_text()
    assert "2016-03 partial: 3 days" in foot and "'2015-10 and earlier' (n=2)" in foot
    assert any(t.get_text() == "partial: 3 days" or t.get_text() == "partial" for t in ax.texts)
    assert set(drawn["n_articles"]) == {2, 30, 40, 8}
    bands = [c for c in ax.collections if "Poly" in type(c).__name__]
    xs = {round(float(v), 3) for c in bands for path in c.get_paths() for v in path.vertices[:, 0]}
    assert 0.0 not in xs and {1.0, 2.0, 3.0} <= xs  # the 2-article bucket has no band
    assert "no band" in foot
