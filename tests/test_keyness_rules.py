"""Key terms rest on several articles, and a group's own outlet name is never its key term."""

import matplotlib

matplotlib.use("Agg")

import pandas as pd
import pytest

from newscorpus import terms


def _counts(rows):
    """Per-article counts from (article, term, count) with 100 body words an article."""
    frame = pd.DataFrame(rows, columns=["article_id", "term", "count"])
    frame["ngram"] = frame["term"].str.count(" ") + 1
    frame["n_words"] = 100
    return frame[["article_id", "term", "ngram", "count", "n_words"]]


def _corpus():
    # group "politico": p1..p4; "other": o1..o4. "svp" 20 times in ONE politico article;
    # "teachers" 3 times in each of 3 politico articles; "politico" / "told politico" in all
    rows = [("p1", "svp", 20)]
    rows += [(a, "teachers", 3) for a in ("p1", "p2", "p3")]
    rows += [(a, "politico", 4) for a in ("p1", "p2", "p3", "p4")]
    rows += [(a, "told politico", 2) for a in ("p1", "p2", "p3", "p4")]
    rows += [(a, "usa", 2) for a in ("p1", "p2", "p3", "p4")]
    rows += [(a, "usa today", 2) for a in ("p1", "p2", "p3", "p4")]
    rows += [(a, "vote", 5) for a in ("o1", "o2", "o3", "o4")]
    rows += [(a, "said", 3) for a in ("p1", "p2", "p3", "p4", "o1", "o2", "o3", "o4")]
    labels = pd.Series(
        ["politico"] * 4 + ["other"] * 4, index=["p1", "p2", "p3", "p4", "o1", "o2", "o3", "o4"]
    )
    return _counts(rows), labels


def test_a_key_term_rests_on_at_least_three_of_the_groups_articles():
    counts, labels = _corpus()
    plain = terms.group_keyness(counts, labels, min_count=3, min_articles=1)
    over = plain[(plain["group"] == "politico") & (plain["use"] == "over")]
    assert over.iloc[0]["term"] == "svp"  # the one-article word tops without the rule
    key = terms.group_keyness(counts, labels, min_count=3)
    over = key[(key["group"] == "politico") & (key["use"] == "over")].set_index("term")
    assert "svp" not in over.index
    assert over.loc["teachers", "n_articles"] == 3 and over.loc["teachers", "n_articles_rest"] == 0
    assert key.attrs["left_out"]["politico"]["few_articles"] >= 1
    top = terms.top_keyness(key, top_n=1)
    assert top.set_index("group").loc["politico", "n_articles"] == 4  # "politico", in all 4


def test_a_small_group_needs_all_its_articles():
    counts = _counts([("a1", "rare", 6), ("a2", "rare", 6), ("b1", "x", 5), ("b2", "x", 5)])
    counts = pd.concat([counts, _counts([(f"b{i}", "x", 5) for i in range(3, 6)])])
    labels = pd.Series(["a", "a"] + ["b"] * 5, index=["a1", "a2", "b1", "b2", "b3", "b4", "b5"])
    key = terms.group_keyness(counts, labels, min_count=3)
    a = key[(key["group"] == "a") & (key["use"] == "over")]
    assert a["term"].tolist() == ["rare"]  # in both of its 2 articles: kept
    one = counts[counts["article_id"] != "a2"]
    key = terms.group_keyness(one, labels.drop("a2"), min_count=3, group_sizes={"a": 2, "b": 5})
    assert key[(key["group"] == "a") & (key["use"] == "over")].empty  # 1 of 2 articles


def test_own_outlet_name_left_out_of_its_own_group_only():
    counts, labels = _corpus()
    own = {"politico": ["politico"], "other": ["usa today"]}
    key = terms.group_keyness(counts, labels, min_count=3, leave_out=own)
    politico = set(key.loc[key["group"] == "politico", "term"].astype(str))
    assert "politico" not in politico and "told politico" not in politico
    assert "teachers" in politico
    assert key.attrs["left_out"]["politico"]["own_name"] == ["politico", "told politico"]
    other = set(key.loc[key["group"] == "other", "term"].astype(str))
    assert "politico" in other  # under-used by "other": not its name
    assert "usa today" not in other and "usa" in other  # "other" never says "usa": kept


def test_own_name_words_kept_when_mostly_used_alone():
    mask = terms.style.own_name_mask(
        ["washington", "washington post", "post", "told the washington post"],
        [300, 20, 25, 3],
        ["washington post"],
    )
    assert mask.tolist() == [False, True, True, True]


def test_own_outlet_names_from_labels_and_articles():
    labels = pd.Series(["huff-post", "nyt", "Raw Story", "2016"], index=list("abcd"))
    articles = pd.DataFrame(
        {"article_id": list("abcd"), "outlet": ["Reuters", "NYT", "Raw Story", "Mixed"]}
    )
    own = terms.own_outlet_names(labels, articles)
    assert {"huffpost", "huffington post", "huff post"} <= set(own["huff-post"])
    assert "reuters" not in own["huff-post"]  # the folder names the outlet, not the credit
    assert "new york times" in own["nyt"]
    assert own["Raw Story"] == ["raw story", "rawstory"]  # unlisted: its articles' outlet
    assert own["2016"] == ["mixed"]  # one outlet's year


def test_top_terms_drop_own_names_and_say_so():
    counts, labels = _corpus()
    by_group = terms.group_counts(counts, labels)
    out = terms.drop_own_names(by_group, {"politico": ["politico", "usa today"]})
    assert out.attrs["own_name"]["politico"] == ["politico", "told politico", "usa", "usa today"]
    assert len(by_group) - len(out) == 4
    fig, drawn = terms.plot_group_top_terms(out, top_n=3, ngram=0)
    titles = [ax.get_title() for ax in fig.axes if ax.get_visible()]
    assert any("own name out (4): usa, …" in t for t in titles)


def test_keyness_figure_states_rules_and_articles():
    counts, labels = _corpus()
    key = terms.group_keyness(counts, labels, min_count=3, leave_out={"politico": ["politico"]})
    fig, drawn = terms.plot_group_keyness(key, top_n=3)
    assert "at least 3 of the group's articles" in fig._suptitle.get_text()
    assert "own outlet name left out" in fig._suptitle.get_text()
    texts = [t.get_text() for ax in fig.axes for t in ax.texts]
    assert "9 vs 0 · in 3 art." in texts  # teachers: 3 times in each of 3 articles
    labels_x = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert len(labels_x) <= 3 and all(len(t) <= 4 for t in labels_x)


def test_min_articles_is_checked():
    counts, labels = _corpus()
    with pytest.raises(ValueError, match="min_articles"):
        terms.group_keyness(counts, labels, min_articles=0)


def test_a_one_word_name_that_is_a_common_word_is_left_out_alone():
    terms_ = ["reason", "good reason", "told reason", "politico", "told politico"]
    group = [30, 10, 5, 40, 8]
    rest = [300, 90, 0, 10, 2]  # "reason" is everybody's word; "politico" is Politico's
    mask = terms.style.own_name_mask(
        terms_, group, ["reason", "politico"], rest, words=(10_000, 100_000)
    )
    assert mask.tolist() == [True, False, False, True, True]


def _one_list_corpus():
    # group "cnn": c1..c4; "rest": r1..r5. "property damage" 40 times in ONE rest article
    # (a list) and twice in each of two more: the rest's use is that list's
    rows = [("r1", "property damage", 40), ("r2", "property damage", 2)]
    rows += [("r3", "property damage", 2)]
    # "map" in 4 cnn articles, one of them a map legend with 30 of the 36 uses
    rows += [("c1", "map", 30)] + [(a, "map", 2) for a in ("c2", "c3", "c4")]
    rows += [(a, "senate", 6) for a in ("c1", "c2", "c3", "c4")]  # spread: key
    rows += [(a, "said", 3) for a in ("c1", "c2", "c3", "c4", "r1", "r2", "r3", "r4", "r5")]
    rows += [(a, "vote", 4) for a in ("r1", "r2", "r3", "r4", "r5")]
    ids = ["c1", "c2", "c3", "c4", "r1", "r2", "r3", "r4", "r5"]
    return _counts(rows), pd.Series(["cnn"] * 4 + ["rest"] * 5, index=ids)


def test_a_count_carried_by_one_article_is_never_key():
    counts, labels = _one_list_corpus()
    key = terms.group_keyness(counts, labels, min_count=3)
    cnn = key[key["group"] == "cnn"].set_index("term")
    # under-use carried by the rest's one list, over-use carried by one map legend: left out
    assert "property damage" not in cnn.index
    assert "map" not in cnn.index
    assert cnn.loc["senate", "use"] == "over" and cnn.loc["senate", "count"] == 24
    assert cnn.loc["vote", "use"] == "under"  # spread over the rest's 5 articles: kept
    assert key.attrs["left_out"]["cnn"]["one_article"] == 2
    # the same from a group_counts table (its max_count column) as from per-article counts
    table = terms.group_counts(counts, labels, min_total=1)
    assert table.set_index(["group", "term"]).loc[("rest", "property damage"), "max_count"] == 40
    again = terms.group_keyness(table, min_count=3)
    assert set(again[again["group"] == "cnn"]["term"]) == set(cnn.index)


def test_one_article_rule_keeps_a_small_groups_only_article():
    counts = _counts([("a1", "rare", 9)] + [(f"b{i}", "x", 5) for i in range(1, 6)])
    labels = pd.Series(["a"] + ["b"] * 5, index=["a1", "b1", "b2", "b3", "b4", "b5"])
    key = terms.group_keyness(counts, labels, min_count=3)
    a = key[(key["group"] == "a") & (key["use"] == "over")]
    assert a["term"].tolist() == ["rare"]  # a one-article group: its article is the group


def test_the_tense_of_attribution_is_house_style_not_a_key_term():
    rows = [(a, "says", 9) for a in ("n1", "n2", "n3", "n4")]
    rows += [(a, "said", 9) for a in ("w1", "w2", "w3", "w4")]
    rows += [(a, "tariffs", 5) for a in ("n1", "n2", "n3", "n4")]
    labels = pd.Series(
        ["npr"] * 4 + ["wire"] * 4, index=["n1", "n2", "n3", "n4", "w1", "w2", "w3", "w4"]
    )
    key = terms.group_keyness(_counts(rows), labels, min_count=3)
    assert set(key["term"]) == {"tariffs"}
    assert key.attrs["left_out"]["npr"]["house_style"] == 1  # "says"


def test_a_piece_of_a_longer_key_term_is_not_a_key_term_of_its_own():
    rows = [(a, "new hampshire", 6) for a in ("u1", "u2", "u3", "u4")]
    rows += [(a, "hampshire", 6) for a in ("u1", "u2", "u3", "u4")]  # all inside the phrase
    rows += [(a, "new", 6) for a in ("u1", "u2", "u3", "u4", "o1", "o2", "o3", "o4")]
    rows += [(a, "primary", 5) for a in ("u1", "u2", "u3", "u4")]
    rows += [(a, "budget", 5) for a in ("o1", "o2", "o3", "o4")]
    ids = ["u1", "u2", "u3", "u4", "o1", "o2", "o3", "o4"]
    labels = pd.Series(["usa"] * 4 + ["other"] * 4, index=ids)
    key = terms.group_keyness(_counts(rows), labels, min_count=3, top_n=5)
    over = key[(key["group"] == "usa") & (key["use"] == "over")]
    assert set(over["term"]) == {"new hampshire", "primary"}
    whole = terms.group_keyness(_counts(rows), labels, min_count=3)  # no top_n: every term
    assert "hampshire" in set(whole["term"])


def test_a_top_term_one_article_carries_is_left_out_of_its_group():
    ps, os_ = ["p1", "p2", "p3", "p4", "p5"], ["o1", "o2", "o3", "o4", "o5"]
    rows = [("p1", "systems", 141)] + [(a, "systems", 1) for a in ps[1:]]
    rows += [(a, "senate", 9) for a in ps] + [(a, "budget", 9) for a in os_]
    rows += [(a, "vote", 4) for a in ps + os_]
    labels = pd.Series(["politico"] * 5 + ["other"] * 5, index=ps + os_)
    table = terms.group_counts(_counts(rows), labels)
    content = terms.content_terms(table, {"politico": 5, "other": 5})
    mine = set(content.loc[content["group"] == "politico", "term"])
    assert "senate" in mine and "systems" not in mine
    assert content.attrs["one_article"] == ["systems"]
