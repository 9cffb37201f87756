"""Topics (issue 17): a topic per built cluster, a bounded sample, per-part assignment, the
views by group and over time, the cached stage of an analysed corpus, the evaluation."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import normalized_mutual_info_score

from newscorpus import analysis, terms, topics
from newscorpus.eval import topics as eval_topics

CLUSTERS = {
    "match": "striker goalkeeper referee penalty stadium league coach midfielder tackle "
    "championship fans scored",
    "storm": "rainfall thunderstorm forecast hurricane flooding temperatures meteorologist "
    "drought monsoon humidity tornado snowfall",
    "bank": "interest inflation bondholders dividend shareholders lending mortgage treasury "
    "currency liquidity deposits earnings",
}
OUTLETS = {"match": "Sport Daily", "storm": "Weather Post", "bank": "Money Times"}


def _article(cluster: str, i: int, rng: np.random.Generator) -> str:
    words = CLUSTERS[cluster].split()
    sentences = []
    for _ in range(4):
        picked = rng.choice(words, size=6, replace=False)
        sentences.append(" ".join(picked).capitalize() + ".")
    return f"{cluster.title()} report {i}\n\n" + " ".join(sentences) + "\n"


@pytest.fixture
def clustered(make_corpus):
    """Three clusters of 20 articles, each cluster's own words, one outlet per cluster, with
    a manifest giving outlet, date (10 January to 26 March 2020) and the cluster as a category."""
    rng = np.random.default_rng(7)
    files, rows = {}, []
    for c in CLUSTERS:
        for i in range(20):
            name = f"{c}_{i:02d}.txt"
            files[name] = _article(c, i, rng)
            day = pd.Timestamp("2020-01-10") + pd.Timedelta(days=4 * i)
            rows.append(f"{name[:-4]},{name},{OUTLETS[c]},{day:%Y-%m-%d},{c}")
    files["manifest.csv"] = "article_id,file,outlet,published,category\n" + "\n".join(rows) + "\n"
    return make_corpus(files)


@pytest.fixture
def counts(clustered):
    return terms.term_counts(clustered, by="article", ngram_range=(1, 2))


def _cluster_of(ids) -> np.ndarray:
    return np.array([str(a).split("_")[0] for a in ids])


def test_a_topic_per_built_cluster(counts):
    model = topics.fit_topics(counts, 3)
    table = topics.assign_topics(model, counts)
    main = topics.main_topics(table)
    assert len(main) == 60
    assert normalized_mutual_info_score(_cluster_of(main.index), main.to_numpy()) == 1.0
    top = topics.topic_terms(model, 5)
    assert list(top.columns) == topics.TOPIC_TERM_COLUMNS
    # each topic's top terms are one cluster's words
    for _, t in top.groupby("topic"):
        owner = {c for c, words in CLUSTERS.items() for term in t["term"] if term in words.split()}
        assert len(owner) == 1
    assert table["weight"].between(0, 1).all()


def test_default_number_of_topics_is_the_number_of_clusters(counts):
    model = topics.fit_topics(counts, candidates=(2, 3, 4, 5, 6))
    assert model.n_topics == 3
    assert set(model.coherence) == {2, 3, 4, 5, 6}
    assert model.coherence[3] == max(model.coherence.values())
    assert "coherence" in model.rule


def test_sample_is_bounded_and_independent_of_partitioning(counts):
    ids = counts["article_id"].astype("str")
    parts = [counts[ids < "bank_10"], counts[ids >= "bank_10"]]
    one = topics.sample_counts(counts, max_articles=25)
    two = topics.sample_counts(parts, max_articles=25)
    assert one["article_id"].nunique() == 25
    assert set(one["article_id"]) == set(two["article_id"])
    assert set(topics.sample_counts(parts[::-1], max_articles=25)["article_id"]) == set(
        one["article_id"]
    )


def test_assigning_part_by_part_equals_assigning_at_once(counts):
    model = topics.fit_topics(counts, 3, max_articles=30)  # fitted on half the articles
    ids = counts["article_id"].astype("str")
    whole = topics.assign_topics(model, counts)
    split = pd.concat(
        [topics.assign_topics(model, counts[ids.str.startswith(c)]) for c in CLUSTERS]
    )
    merged = whole.merge(split, on=["article_id", "topic"], suffixes=("", "_part"))
    assert len(merged) == len(whole) == len(split)
    assert np.allclose(merged["weight"], merged["weight_part"])
    main = topics.main_topics(whole)
    assert normalized_mutual_info_score(_cluster_of(main.index), main.to_numpy()) == 1.0


def test_lda_also_finds_the_clusters(counts):
    model = topics.fit_topics(counts, 3, method="lda")
    main = topics.main_topics(topics.assign_topics(model, counts))
    assert normalized_mutual_info_score(_cluster_of(main.index), main.to_numpy()) > 0.9


def test_errors_name_the_problem(counts):
    with pytest.raises(ValueError, match="method"):
        topics.fit_topics(counts, 3, method="pca")
    with pytest.raises(ValueError, match="n_topics"):
        topics.fit_topics(counts, 0)
    with pytest.raises(ValueError, match="at least 2 articles"):
        topics.fit_topics(counts[counts["article_id"].astype("str") == "bank_00"], 2)
    with pytest.raises(ValueError, match="column"):
        topics.fit_topics(counts.drop(columns="count"), 2)


def test_views_by_group_and_over_time(clustered, counts):
    from newscorpus import groups

    model = topics.fit_topics(counts, 3)
    table = topics.assign_topics(model, counts)
    main = topics.main_topics(table)
    sport = int(main["match_00"])
    lab = topics.labels(table, topics.topic_terms(model), clustered.articles, n_headlines=2)
    row = lab.set_index("topic").loc[sport]
    assert row["n_articles"] == 20
    assert row["headlines"].count("Match report") == 2
    assert len(row["article_ids"].split()) == 2
    assert all(a.startswith("match_") for a in row["article_ids"].split())

    by_outlet = groups.assign(clustered.articles, "outlet")
    prev = topics.prevalence(table, by_outlet)
    one = prev[(prev["group"] == "Sport Daily") & (prev["topic"] == sport)].iloc[0]
    assert (one["n_articles"], one["n_with"], one["share"]) == (20, 20, 1.0)
    assert 0.8 < one["ci_low"] < 1.0 and one["ci_high"] == 1.0
    whole = prev[(prev["group"] == groups.POOLED) & (prev["topic"] == sport)].iloc[0]
    assert (whole["n_articles"], whole["n_with"]) == (60, 20)

    dist = topics.distinctive(prev)
    first = dist[dist["rank"] == 1].set_index("group")["topic"]
    assert first["Sport Daily"] == sport
    assert len(dist) == 3  # one over-represented topic per outlet, nothing else

    months = topics.over_time(table, clustered.articles, "month")
    assert list(months["period"].unique()) == ["2020-01", "2020-02", "2020-03"]
    assert months.groupby("period")["n_articles"].first().sum() == 60
    assert months.loc[months["period"] == "2020-03", "partial"].all()  # ends 26 March
    assert months.loc[months["period"] == "2020-01", "partial"].all()  # starts 10 January
    assert not months.loc[months["period"] == "2020-02", "partial"].any()


def test_stage_of_an_analysed_corpus_is_cached(clustered, tmp_path):
    folder = analysis.analyse(clustered.folder, cache=tmp_path / "cache", workers=1)
    by_pass = set(folder.glob("topics@*"))  # the pass fits the default number of topics
    assert len(by_pass) == 1
    table, terms_table, info = topics.compute(folder, 3)
    assert info["n_topics"] == 3 and info["rule"].startswith("n_topics=3: given")
    main = topics.main_topics(table)
    assert len(main) == 60
    assert normalized_mutual_info_score(_cluster_of(main.index), main.to_numpy()) == 1.0
    assert list(terms_table.columns) == topics.TOPIC_TERM_COLUMNS
    cached = list(set(folder.glob("topics@*")) - by_pass)
    assert len(cached) == 1 and (cached[0] / "model.json").exists()
    again, _, _ = topics.compute(folder, 3)
    pd.testing.assert_frame_equal(table, again)
    assert len(list(folder.glob("topics@*"))) == 2  # read, not recomputed
    assert sum(len(p) for p in topics.parts(folder, "topics", 3)) == len(table)


def test_eval_scores_the_clusters_as_categories(clustered, tmp_path):
    folder = analysis.analyse(clustered.folder, cache=tmp_path / "cache", workers=1)
    arts = analysis.Analysis(clustered.folder, folder).articles
    cats = eval_topics.single_label(arts, "category")
    assert len(cats) == 60 and cats["storm_03"] == "storm"
    res = eval_topics.score(folder, cats)
    assert res["nmi"] == 1.0 and res["n_categories"] == 3 and res["n_unassigned"] == 0
    assert res["largest_share"] == pytest.approx(1 / 3, abs=1e-4) and res["artefact_topics"] == 0
    split = eval_topics.split_of(["d", "c", "a", "b"])
    assert split == {"a": "dev3", "b": "dev3", "c": "untouched", "d": "dev3"}
    mixed = pd.DataFrame({"article_id": ["a", "b", "c"], "topics": ["earn", "grain;wheat", None]})
    assert eval_topics.single_label(mixed).to_dict() == {"a": "earn"}


def test_export_writes_topics_with_n_topics(clustered, tmp_path, monkeypatch):
    from newscorpus.__main__ import main as cli_main
    from newscorpus.export import all_tables

    monkeypatch.setenv("NEWSCORPUS_CACHE", str(tmp_path / "cache"))
    out = tmp_path / "out"
    args = ["export", str(clustered.folder), "--out", str(out), "--workers", "1"]
    assert cli_main([*args, "--n-topics", "3"]) == 0
    table = pd.read_csv(out / "topics.csv")
    assert list(table.columns) == topics.TOPIC_COLUMNS
    main = topics.main_topics(table)
    assert len(main) == 60
    assert normalized_mutual_info_score(_cluster_of(main.index), main.to_numpy()) == 1.0
    assert sorted(pd.read_csv(out / "topic_terms.csv")["topic"].unique()) == [0, 1, 2]
    memory = all_tables(clustered, n_topics=2)
    assert sorted(memory["topic_terms"]["topic"].unique()) == [0, 1]
    assert memory["topics"]["article_id"].nunique() == 60


def test_a_corpus_too_small_to_model_gets_empty_tables(make_corpus):
    one = make_corpus({"a.txt": "Storm\n\nRainfall and flooding followed the storm.\n"})
    out = topics.tables(terms.term_counts(one, by="article"))
    assert out["topics"].empty and list(out["topics"].columns) == topics.TOPIC_COLUMNS
    assert out["topic_terms"].empty


def test_default_options_given_explicitly_read_the_model_the_pass_fitted():
    from newscorpus.topics.store import MAX_ARTICLES, _key

    assert _key(None, {"n_terms": 20, "max_articles": MAX_ARTICLES}) == _key(
        None, {"n_terms": 20, "max_articles": MAX_ARTICLES, "method": "lsa-kmeans"}
    )
    assert _key(None, {"n_terms": 20, "method": "lda"}) != _key(None, {"n_terms": 20})


def test_a_copys_topic_row_is_not_counted():
    """Four articles, d a copy of a (duplicate_of = a): the labels, sizes, groups and time
    views all count three articles, the copy's topic row left out, as `groups.assign` does."""
    from newscorpus import groups

    articles = pd.DataFrame(
        {
            "article_id": ["a", "b", "c", "d"],
            "title": ["Oil up", "Oil down", "Rain", "Oil up"],
            "outlet": ["X", "X", "Y", "Y"],
            "published": pd.to_datetime(["2020-01-05", "2020-01-20", "2020-02-03", "2020-02-10"]),
            "duplicate_of": [None, None, None, "a"],
        }
    )
    table = pd.DataFrame(
        {
            "article_id": ["a", "b", "c", "d"],
            "topic": [0, 0, 1, 0],
            "weight": [0.9, 0.8, 0.7, 0.9],
        }
    )
    terms_ = pd.DataFrame(
        {"topic": [0, 1], "term": ["oil", "rain"], "weight": [1.0, 1.0], "rank": [1, 1]}
    )
    labels = groups.assign(articles, "outlet", False)
    kept = topics.views.counted(table, labels)
    assert sorted(kept["article_id"]) == ["a", "b", "c"]
    named = topics.labels(kept, terms_, articles)
    assert named.set_index("topic")["n_articles"].to_dict() == {0: 2, 1: 1}
    assert "d" not in " ".join(named["article_ids"])
    prev = topics.prevalence(kept, labels)
    assert prev.drop_duplicates("group").set_index("group")["n_articles"].to_dict() == {
        "X": 2,
        "Y": 1,
        "whole corpus": 3,
    }
    time = topics.over_time(kept, articles, "month")
    per = time.drop_duplicates("period").set_index("period")["n_articles"]
    assert per.sum() == 3 and per.iloc[-1] == 1  # February: c only, not the copy d
    assert time.loc[time["topic"] == 0, "n_with"].sum() == 2
    with_copies = topics.over_time(table, articles, "month", include_duplicates=True)
    assert with_copies.drop_duplicates("period")["n_articles"].sum() == 4


ARTEFACTS = (
    '<tweet pic="pic.twitter.com/" author="newsdesk" timestamp="1474387200" '
    'tweet_id="778257943577919488">Look at this PfASkm7vahQ</tweet>.\n\n'
    "Mr. Lopez and Mrs. Grant and Ms. Okafor were there.\n\n"
    "HOST: Um, uh, well. (LAUGHTER) (CROSSTALK) (APPLAUSE)\n\n"
)


@pytest.fixture
def littered(make_corpus):
    """The three clusters of `clustered`, every article carrying an embedded tweet, honorifics,
    transcript fillers and ending with the wire's "REUTER" sign-off, read without the reader's
    furniture (as when it misses them: most Reuters-21578 articles keep their sign-off)."""
    rng = np.random.default_rng(11)
    files = {}
    for c in CLUSTERS:
        for i in range(20):
            title, body = _article(c, i, rng).split("\n\n", 1)
            files[f"{c}_{i:02d}.txt"] = f"{title}\n\n{body}\n{ARTEFACTS} REUTER\n"
    return make_corpus(files, furniture=False)


def test_markup_honorifics_fillers_and_sign_off_never_label_a_topic(littered):
    counts = terms.term_counts(littered, by="article", ngram_range=(1, 2))
    junk = {"tweet", "tweet_id", "pic", "twitter", "author", "timestamp", "mr", "mrs", "ms"}
    junk |= {"um", "uh", "laughter", "crosstalk", "applause", "reuter", "pfaskm7vahq", "com"}
    # a vocabulary that keeps every widespread term: only the artefact rule keeps them out
    for opts in ({}, {"max_df": 1.0}):
        model = topics.fit_topics(counts, 3, **opts)
        top = set(topics.topic_terms(model, 10)["term"])
        assert not top & junk, top & junk
        assert {"reuter", "mr", "laughter"} <= set(model.left_out["artefact"])
        main = topics.main_topics(topics.assign_topics(model, counts))
        assert normalized_mutual_info_score(_cluster_of(main.index), main.to_numpy()) == 1.0
    raw = topics.fit_topics(counts, 3, max_df=1.0, artefacts=False)  # the rule is what works
    assert {"reuter", "mr", "laughter", "um"} <= set(raw.vocabulary)
    assert not {"tweet", "tweet_id", "author"} & set(raw.vocabulary)  # markup: the reader's tags


def test_artefact_terms():
    t = ["mr", "mr trump", "new york", "pic.twitter.com", "tweet_id", "reuter", "reuters"]
    t += ["associated press", "um", "crosstalk", "@handle", "pfaskm7vah", "2016", "said"]
    t += ["i'm", "don't", "wheat", "islamic state", "covid19", "g20", "trump", "o'malley"]
    flagged = dict(zip(t, topics.artefact_terms(t), strict=True))
    assert [k for k, v in flagged.items() if not v] == [
        "new york", "wheat", "islamic state", "covid19", "g20", "trump", "o'malley"
    ]  # fmt: skip


def test_an_outlets_signature_is_left_out_but_a_one_story_outlet_is_not(counts):
    ids = pd.unique(counts["article_id"].astype("str"))
    # outlets across the clusters: article i of every cluster goes to outlet i % 4
    outlet = pd.Series([f"outlet{int(a[-2:]) % 4}" for a in ids], index=ids)
    note = [a for a in ids if outlet[a] == "outlet0"][:6]  # 6 of outlet0's 15 articles
    extra = pd.DataFrame(
        {"article_id": note, "term": "xenophobe", "ngram": 1, "count": 1, "n_words": 30}
    )
    sample = pd.concat([counts, extra], ignore_index=True)
    assert topics.outlet_signatures(sample, outlet) == ["xenophobe"]
    model = topics.fit_topics(sample, 3, groups=outlet)
    assert "xenophobe" not in set(model.vocabulary)
    assert model.left_out["outlet_signature"] == ["xenophobe"]
    # one outlet per cluster: its words are in most of its articles, a story not a signature
    by_cluster = pd.Series([OUTLETS[a.split("_")[0]] for a in ids], index=ids)
    words = counts[counts["ngram"] == 1]  # what the model reads by default
    assert topics.outlet_signatures(words, by_cluster) == []


def test_labels_flag_a_one_outlet_topic_and_a_catch_all():
    ids = [f"a{i:02d}" for i in range(40)]
    # topic 0: 24 articles held loosely (weight 0.4), 3 times an even share (1/5) or more;
    # topics 1-4: 16 articles held firmly; topic 3's 6 are all outlet Z's (6 of 40 articles)
    topic = [0] * 24 + [1] * 5 + [2] * 3 + [4] * 2 + [3] * 6
    weight = [0.4] * 24 + [0.9] * 16
    table = pd.DataFrame({"article_id": ids, "topic": topic, "weight": weight})
    outlets = ["X", "Y"] * 17 + ["Z"] * 6
    articles = pd.DataFrame({"article_id": ids, "title": ids, "outlet": outlets})
    terms_ = pd.DataFrame({"topic": range(5), "term": list("abcde"), "weight": 1.0, "rank": 1})
    lab = topics.labels(table, terms_, articles).set_index("topic")
    assert lab.loc[0, "flag"] == "catch-all" and lab.loc[0, "label"] == "T0 (mixed)"
    assert lab.loc[0, "terms"] == "a"  # the terms stay in their column
    assert lab.loc[3, "flag"] == "one outlet"
    assert (lab.loc[3, "top_outlet"], lab.loc[3, "outlet_share"]) == ("Z", 1.0)
    assert (lab.loc[[1, 2, 4], "flag"] == "").all()
