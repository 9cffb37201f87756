"""The default topic model's consensus of k-means runs (`topics.cluster.consensus`,
`CentroidTopics`): the partition the runs agree on, the same topics for the same seed, a main
topic that is the cluster an article was fitted in, no topic for an article without a term of
the vocabulary, and the evaluation's named category sets."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import normalized_mutual_info_score

from newscorpus import topics
from newscorpus.eval.topics import category_set
from newscorpus.topics.cluster import CentroidTopics, consensus

# five stories of unequal size, each with its own words and a few shared news words
STORIES = {
    "oil": ("crude barrel opec refinery pipeline tanker output", 40),
    "vote": ("ballot election senate candidate campaign poll turnout", 30),
    "match": ("goal league striker season coach stadium fans", 25),
    "film": ("actor director premiere festival studio award cinema", 20),
    "chip": ("software processor chip silicon laptop startup device", 15),
}
SHARED = "week year government company people market".split()


def _counts(seed: int = 3) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for story, (words, n) in STORIES.items():
        for i in range(n):
            for w in rng.choice(words.split(), size=4, replace=False):
                rows.append((f"{story}_{i:02d}", w, int(rng.integers(1, 3))))
            for w in rng.choice(SHARED, size=3, replace=False):
                rows.append((f"{story}_{i:02d}", w, 1))
    return pd.DataFrame(rows, columns=["article_id", "term", "count"]).assign(ngram=1)


def _story(ids) -> np.ndarray:
    return np.array([str(a).split("_")[0] for a in ids])


def test_consensus_is_the_partition_most_runs_agree_on():
    truth = np.repeat([0, 1, 2], 20)
    rng = np.random.default_rng(0)
    runs = []
    for r in range(9):
        lab = rng.permutation(3)[truth]  # the same partition, its clusters numbered anew
        if r % 3 == 0:  # a third of the runs go wrong on a different quarter of the rows
            lab = lab.copy()
            lab[r : r + 15] = lab[(np.arange(r, r + 15) + 20) % 60]
        runs.append(lab)
    out = consensus(runs, 3, random_state=0)
    assert normalized_mutual_info_score(truth, out) == pytest.approx(1.0)
    with pytest.raises(ValueError, match="same length"):
        consensus([np.zeros(3, int), np.zeros(4, int)], 2)


def test_every_seed_finds_the_five_stories_and_one_seed_always_the_same_topics():
    counts = _counts()
    for seed in range(3):
        model = topics.fit_topics(counts, 5, seed=seed, min_df=1)
        main = topics.main_topics(topics.assign_topics(model, counts))
        assert len(main) == 130
        assert normalized_mutual_info_score(_story(main.index), main.to_numpy()) == pytest.approx(
            1.0
        )
    first = topics.assign_topics(topics.fit_topics(counts, 5, seed=1, min_df=1), counts)
    again = topics.assign_topics(topics.fit_topics(counts, 5, seed=1, min_df=1), counts)
    pd.testing.assert_frame_equal(first, again)
    assert "consensus of 30 k-means runs" in topics.fit_topics(counts, 5, min_df=1).rule


def test_main_topic_is_the_cluster_the_article_was_fitted_in():
    counts = _counts(seed=8)
    model = topics.fit_topics(counts, 4, min_df=1)  # fewer topics than stories: two share one
    est = model.estimator
    w, ids = topics.topic_weights(model, counts)
    assert w.shape == (130, 4)
    assert np.allclose(w.sum(axis=1), 1.0)
    # the fit sample is in the order of the counts: its rows are the same articles
    assert (w.argmax(axis=1) == est.labels_).all()


def test_an_article_without_a_term_of_the_vocabulary_gets_no_topic():
    counts = _counts()
    model = topics.fit_topics(counts, 5, min_df=1)
    stray = pd.DataFrame({"article_id": "table", "term": ["zzz", "qqq"], "count": 3}).assign(
        ngram=1
    )
    w, ids = topics.topic_weights(model, pd.concat([counts, stray]))
    assert list(ids)[-1] == "table"
    assert w[-1].sum() == 0.0
    table = topics.assign_topics(model, pd.concat([counts, stray]))
    assert "table" not in set(table["article_id"])
    assert table["article_id"].nunique() == 130


def test_one_run_is_plain_k_means_with_the_same_shares():
    counts = _counts()
    model = topics.fit_topics(counts, 5, min_df=1)
    x = topics.model._weighted(
        topics.model._matrix(topics.model._keep(counts, (1,)), model.vocabulary)[0],
        model.idf,
        True,
    )
    single = CentroidTopics(5, n_runs=1).fit(x)
    assert normalized_mutual_info_score(
        _story(pd.unique(counts["article_id"])), single.labels_
    ) == pytest.approx(1.0)
    assert np.allclose(single.transform(x).sum(axis=1), 1.0)


def test_named_category_sets_of_the_evaluation():
    counts = pd.Series({"earn": 30, "acq": 20, "ship": 5, "gold": 4})
    assert category_set("all", counts) == ["earn", "acq", "ship", "gold"]
    assert category_set("2", counts) == ["earn", "acq"]
    assert category_set("ship+gold", counts) == ["ship", "gold"]
    with pytest.raises(ValueError, match="coffee not found"):
        category_set("ship+coffee", counts)


def _tokens(article_id: str, words: str) -> pd.DataFrame:
    norms = words.split()
    return pd.DataFrame(
        {
            "article_id": article_id,
            "norm": norms,
            "is_word": [not w.isdigit() and w != "," for w in norms],
            "is_stop": [w in {"the", "of"} for w in norms],
        }
    )


def test_a_table_the_terms_step_counted_nothing_of_gets_a_topic_from_its_tokens():
    counts = _counts()
    model = topics.fit_topics(counts, 5, min_df=1)
    # a results table: the terms step kept no term of it, its tokens still say "crude … opec"
    table_tokens = _tokens("oil_table", "crude 10 , barrel 12 the opec output of 3")
    other = _tokens("oil_00", "crude barrel")  # has term counts: not assigned twice
    plain = topics.assign_topics(model, counts)
    assert "oil_table" not in set(plain["article_id"])
    both = topics.assign_topics(model, counts, tokens=pd.concat([table_tokens, other]))
    main = topics.main_topics(both)
    assert main["oil_table"] == main["oil_00"]
    assert (
        both["article_id"].value_counts()["oil_00"] == plain["article_id"].value_counts()["oil_00"]
    )
    words = topics.token_counts(table_tokens)
    assert sorted(words["term"]) == ["barrel", "crude", "opec", "output"]
    # tokens none of which is in the vocabulary: still no row
    stray = topics.assign_topics(model, counts, tokens=_tokens("zz", "qqq zzz"))
    assert "zz" not in set(stray["article_id"])


def test_the_assign_step_reads_the_tokens_of_the_parts_termless_articles(tmp_path):
    from newscorpus.topics.store import assign_job

    counts = _counts()
    model = topics.fit_topics(counts, 5, min_df=1)
    (tmp_path / "term_counts").mkdir()
    (tmp_path / "tokens").mkdir()
    part = counts.assign(n_words=10)
    part.to_parquet(tmp_path / "term_counts" / "part-00000.parquet")
    tokens = pd.concat(
        [_tokens("film_table", "premiere festival studio 7"), _tokens("oil_00", "x")]
    )
    tokens.to_parquet(tmp_path / "tokens" / "part-00000.parquet")
    job = {"model": model, "source": str(tmp_path), "out": str(tmp_path / "out"),
           "part": "part-00000.parquet"}  # fmt: skip
    assert assign_job(job)["part"] == "part-00000.parquet"
    out = pd.read_parquet(next((tmp_path / "out").glob("*.parquet")))
    main = topics.main_topics(out)
    assert len(main) == 131
    assert main["film_table"] == main["film_00"]
