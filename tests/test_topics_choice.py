"""Topic rules of round 6: the floor of the number-of-topics rule, names kept in the vocabulary
however widespread, a catch-all labelled "mixed", balanced category sets in the evaluation."""

from __future__ import annotations

import numpy as np
import pandas as pd

from newscorpus import topics
from newscorpus.eval.topics import balanced
from newscorpus.topics.model import topic_floor

WORDS = {
    "match": "striker goalkeeper referee penalty stadium league coach midfielder tackle fans",
    "storm": "rainfall thunderstorm forecast hurricane flooding temperatures drought monsoon",
    "bank": "interest inflation bondholders dividend shareholders lending mortgage treasury",
}


def test_the_floor_is_the_candidate_nearest_root_n_over_ten():
    assert topic_floor(924, topics.CANDIDATES) == 10  # √92.4 = 9.6
    assert topic_floor(30, topics.CANDIDATES) == 3  # √3 = 1.7: the smallest candidate
    assert topic_floor(20_000, topics.CANDIDATES) == 40  # √2,000 = 44.7
    assert topic_floor(2_000, topics.CANDIDATES) == 15  # √200 = 14.1


def test_the_floor_stops_a_knee_at_five_topics_on_924_articles():
    # PolNeAR's coherence before round 6: the knee alone chose 5 topics
    scores = {3: 0.2846, 5: 0.3243, 8: 0.3138, 10: 0.3184, 15: 0.3089, 20: 0.314, 30: 0.3497}
    scores[40] = 0.3536
    assert topics.choose_n_topics(scores) == 5
    assert topics.choose_n_topics(scores, 924) == 30  # knee from 10 (0.318) to 40 (0.354)
    assert topics.choose_n_topics(scores, 40) == 5  # a small corpus keeps the plain knee


def _campaign() -> pd.DataFrame:
    """3 clusters of 15 articles, every article also naming 'trump' and using 'people'."""
    rng = np.random.default_rng(5)
    rows = []
    for c, words in WORDS.items():
        for i in range(15):
            aid = f"{c}_{i:02d}"
            rows += [(aid, w, 2) for w in rng.choice(words.split(), size=6, replace=False)]
            rows += [(aid, "trump", 2), (aid, "people", 1)]
    return pd.DataFrame(rows, columns=["article_id", "term", "count"]).assign(ngram=1, n_words=60)


def test_a_name_in_most_articles_stays_in_the_vocabulary_a_common_word_does_not():
    counts = _campaign()
    ids = counts["article_id"].unique()
    outlet = pd.Series(["A", "B", "C"] * 15, index=ids)
    model = topics.fit_topics(counts, 3, groups=outlet, names=["trump"])
    assert "trump" in set(model.vocabulary) and model.kept_names == ["trump"]
    assert "people" not in set(model.vocabulary)  # in every article, not a name: max_df
    plain = topics.fit_topics(counts, 3)  # without names, max_df drops it
    assert "trump" not in set(plain.vocabulary)


def test_names_callable_gets_the_widespread_terms_as_candidates():
    counts = _campaign()
    ids = counts["article_id"].unique()
    outlet = pd.Series(["A", "B", "C"] * 15, index=ids)
    asked = []

    def names(by_group, sizes, candidates=None):
        asked.append(sorted(candidates))
        return pd.DataFrame({"term": ["trump", "people"], "name": [True, False]})

    found = topics.widespread_names(counts, outlet, names, ["people", "trump"])
    assert found == ["trump"] and asked == [["people", "trump"]]


def test_a_loose_topic_of_twice_an_even_share_is_labelled_mixed():
    ids = [f"a{i:02d}" for i in range(50)]
    # 5 topics, topic 2 holds 21 of 50 articles (2.1 times an even share) at weight 0.35
    topic = [2] * 21 + [0] * 8 + [1] * 7 + [3] * 7 + [4] * 7
    weight = [0.35] * 21 + [0.8] * 29
    table = pd.DataFrame({"article_id": ids, "topic": topic, "weight": weight})
    articles = pd.DataFrame({"article_id": ids, "title": ids})
    terms_ = pd.DataFrame({"topic": range(5), "term": list("abcde"), "weight": 1.0, "rank": 1})
    lab = topics.labels(table, terms_, articles).set_index("topic")
    assert lab.loc[2, "label"] == "T2 (mixed)" and lab.loc[2, "flag"] == "catch-all"
    assert lab.loc[0, "label"] == "T0 a" and lab.loc[0, "flag"] == ""
    # the same share held firmly is a big story, not a catch-all
    firm = table.assign(weight=0.8)
    assert topics.labels(firm, terms_, articles).set_index("topic").loc[2, "flag"] == ""


def test_balanced_keeps_at_most_m_per_category_deterministically():
    cats = pd.Series(["earn"] * 30 + ["acq"] * 10 + ["crude"] * 2, dtype="str")
    cats.index = [f"r{i:03d}" for i in range(42)]
    got = balanced(cats, 5)
    assert got.value_counts().to_dict() == {"earn": 5, "acq": 5, "crude": 2}
    shuffled = cats.sample(frac=1.0, random_state=1)
    assert sorted(balanced(shuffled, 5).index) == sorted(got.index)
    assert balanced(cats, None).equals(cats)
