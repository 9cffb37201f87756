"""Term frequency: counts checked by hand on the seeds, and small awkward corpora."""

from __future__ import annotations

import dataclasses
import math
import warnings

import matplotlib.pyplot
import pandas as pd
import pytest

from newscorpus import terms

A000 = "000_ebaf1eec68825aed"
A001 = "001_5ca9430a057571b9"
A002 = "002_77d8cc29bf025518"
A003 = "003_c0c95c97cb16ca2e"


def count_of(table: pd.DataFrame, article_id: str, term: str) -> int:
    rows = table[(table["article_id"] == article_id) & (table["term"] == term)]
    return int(rows["count"].sum())


@pytest.fixture(scope="module")
def per_article(seeds):
    return terms.term_counts(seeds, by="article")


# --------------------------------------------------------------------------- seeds, by hand


def n_words(corpus, article_id: str) -> int:
    return int(corpus.articles.set_index("article_id").loc[article_id, "n_words"])


def test_desert_in_002_counted_by_hand(seeds, per_article):
    # Body of 002: "the vast desert nearby", "control the desert", "the desert had become",
    # "fighting in the desert" -> 4. The rate's denominator is the reader's body word count.
    row = per_article[(per_article["article_id"] == A002) & (per_article["term"] == "desert")]
    assert row["count"].tolist() == [4]
    words = n_words(seeds, A002)
    assert 480 < words < 520  # about 500 body words, by eye
    assert row["n_words"].tolist() == [words]
    assert row["rate"].iloc[0] == pytest.approx(4 / words * 10_000)


def test_alias_map_merges_isis_and_islamic_state(seeds, per_article):
    # 000 body: ISIS x3 ("ISIS militants keep", "the ISIS rule", "what ISIS was") and
    # Islamic State x2 ("Hundreds of Islamic State", "defeated the Islamic State presence");
    # the headline, dek and photo captions do not count.
    assert count_of(per_article, A000, "islamic state") == 5
    assert count_of(per_article, A000, "isis") == 0
    raw = terms.term_counts(seeds, by="article", default_aliases=False)
    assert count_of(raw, A000, "isis") == 3
    assert count_of(raw, A000, "islamic state") == 2
    # "Isis" (001, Cockburn's spelling) folds too: 001 has no "isis" left by default
    assert count_of(per_article, A001, "isis") == 0
    # 001 body, read by hand: 13 x "ISIS" + 2 x "Isis" ("ISIS-held" and "ISIS-affiliated" are
    # hyphenated words of their own)
    assert count_of(raw, A001, "isis") == 15
    assert count_of(raw, A001, "isis-held") == 1


def test_user_alias_map_overrides_the_default(seeds):
    raw = terms.term_counts(seeds, default_aliases=False).set_index("term")["count"]
    out = terms.term_counts(seeds, alias_map={"ISIS": "IS group"})
    out = out.set_index("term")["count"]
    assert out["is group"] == raw["isis"]
    assert out["islamic state"] == raw["islamic state"]


def test_curly_its_is_a_stopword(seeds, make_corpus):
    seed_terms = set(terms.term_counts(seeds)["term"])
    assert "it's" not in seed_terms and "it’s" not in seed_terms and "it" not in seed_terms
    small = make_corpus({"a.txt": "Title\n\nIt’s desert. it's desert. IT’S the desert.\n"})
    out = terms.term_counts(small)
    assert out[["term", "count"]].values.tolist() == [["desert", 3]]


def test_deir_al_zour_is_one_phrase(seeds, per_article):
    # 003: the dateline "DEIR AL-ZOUR, Syria —" and "Conditions in Deir al-Zour province";
    # the contributor line naming it again is boilerplate.
    assert count_of(per_article, A003, "deir al-zour") == 2
    assert count_of(per_article, A003, "deir") == 0
    assert count_of(per_article, A003, "al-zour") == 0
    plain = terms.term_counts(seeds, by="article", phrases=[], find_names=False)
    assert count_of(plain, A003, "deir al-zour") == 2  # shipped phrase list holds it
    assert count_of(plain, A003, "deir") == 0


def test_user_phrases_and_multiword_aliases(make_corpus):
    small = make_corpus(
        {
            "a.txt": "Title\n\nThe Islamic State of Iraq and the Levant held Anbar province. "
            "Daesh lost Anbar province, ISIL said.\n"
        }
    )
    out = terms.term_counts(small, phrases=["Anbar province"]).set_index("term")["count"]
    assert out["islamic state"] == 3  # the long name, Daesh and ISIL
    assert out["anbar province"] == 2
    assert "anbar" not in out and "levant" not in out and "daesh" not in out
    cased = terms.term_counts(small, lowercase=False, phrases=["Anbar province"])
    assert cased.set_index("term")["count"]["Islamic State"] == 3


def test_names_found_by_collocation_statistics(seeds):
    found = terms.find_phrases(seeds)
    assert "Washington Post" in found
    assert "Syrian Democratic Forces" in found
    assert "Islamic State" in found


def test_hamrin_mountains_and_washington_post_stay_whole(per_article):
    assert count_of(per_article, A002, "hamrin mountains") == 1
    assert count_of(per_article, A002, "hamrin") == 0
    assert count_of(per_article, A000, "washington post") == 3
    assert count_of(per_article, A000, "post") == 0


def test_corpus_counts_sum_articles_and_number_filter(seeds, per_article):
    corpus = terms.term_counts(seeds)
    desert = corpus[corpus["term"] == "desert"].iloc[0]
    assert desert["count"] == 9  # 001: 1, 002: 4, 003: 3, 004: 1
    assert desert["n_articles"] == 4
    total_words = int(seeds.articles["n_words"].sum())
    assert desert["rate"] == pytest.approx(9 / total_words * 10_000)
    assert not corpus["term"].str.match(r"^[\d,.%]+$").any()
    assert "," not in set(corpus["term"])
    with_numbers = terms.term_counts(seeds, keep_numbers=True)
    assert with_numbers.loc[with_numbers["term"] == "3,000", "count"].item() == 1


def test_options_stems_case_min_count_extra_stopwords(seeds):
    stems = terms.term_counts(seeds, by="article", stems=True)
    assert count_of(stems, A001, "desert") == 2  # "desert wasteland" + "eastern deserts"
    cased = terms.term_counts(seeds, lowercase=False)
    assert "Iraq" in set(cased["term"]) and "iraq" not in set(cased["term"])
    frequent = terms.term_counts(seeds, min_count=10)
    assert frequent["count"].min() >= 10
    assert "said" not in set(terms.term_counts(seeds, extra_stopwords=["Said"])["term"])
    with_stop = terms.term_counts(seeds, remove_stopwords=False)
    assert with_stop.iloc[0]["term"] == "the"


def test_ngrams_stay_inside_sentences(make_corpus):
    small = make_corpus(
        {"a.txt": "Title\n\nThe desert fell quiet. Guerrilla war began in the desert.\n"}
    )
    out = terms.term_counts(small, ngram_range=(1, 3))
    got = set(out["term"])
    assert {"guerrilla war", "guerrilla war began", "desert fell quiet"} <= got
    assert "quiet guerrilla" not in got
    assert "began in the desert" not in got  # more than three units
    assert out.loc[out["term"] == "desert", "count"].item() == 2
    assert not any(t.startswith("the ") or t.endswith(" the") for t in got)


def test_bad_parameters_name_the_parameter(seeds):
    with pytest.raises(ValueError, match="ngram_range"):
        terms.term_counts(seeds, ngram_range=(0, 2))
    with pytest.raises(ValueError, match="by="):
        terms.term_counts(seeds, by="sentence")
    with pytest.raises(ValueError, match="min_count"):
        terms.term_counts(seeds, min_count=0)
    with pytest.raises(ValueError, match="window"):
        terms.kwic(seeds, "desert", window=-1)
    assert terms.kwic(seeds, "  ").empty  # no term (a corpus with no counted word): no lines


# --------------------------------------------------------------------------- keyness


def test_keyness_log_likelihood_from_the_counts(seeds):
    k = terms.keyness(seeds)
    row = k[(k["article_id"] == A000) & (k["term"] == "washington post")].iloc[0]
    words = n_words(seeds, A000)
    assert (row["count"], row["n_words"], row["count_rest"]) == (3, words, 0)
    total = int(seeds.articles["n_words"].sum())
    assert row["n_words_rest"] == total - words
    expected = words * 3 / total  # E1 = c(a+b)/(c+d); b = 0 so the second term vanishes
    assert row["log_likelihood"] == pytest.approx(2 * 3 * math.log(3 / expected), rel=1e-6)
    assert row["overused"]
    assert row["tf_idf"] == pytest.approx(3 / words * 10_000 * math.log(5 / 1))
    # a term in every article has no tf-idf weight
    assert (k.loc[k["term"] == "islamic state", "tf_idf"] == 0).all()


def test_distinctive_terms_top_n_per_article(seeds):
    top = terms.distinctive_terms(seeds, top_n=3)
    assert top.groupby("article_id").size().tolist() == [3, 3, 3, 3, 3]
    assert top.iloc[0][["article_id", "rank", "term"]].tolist() == [A000, 1, "washington post"]
    assert top[top["article_id"] == A003].iloc[0]["term"] == "sdf"
    assert top["overused"].all()
    by_tfidf = terms.distinctive_terms(seeds, top_n=1, score="tf_idf")
    assert by_tfidf["tf_idf"].gt(0).all()


def test_one_article_corpus_warns_and_returns_empty(make_corpus):
    one = make_corpus({"a.txt": "Title\n\nThe desert is quiet. The desert is vast.\n"})
    counts = terms.term_counts(one)
    assert counts.loc[counts["term"] == "desert", "rate"].item() == pytest.approx(2 / 8 * 10_000)
    with pytest.warns(UserWarning, match="at least two articles"):
        k = terms.keyness(one)
    assert k.empty and list(k.columns) == terms.KEYNESS_COLUMNS
    with pytest.warns(UserWarning, match="at least two articles"):
        assert terms.distinctive_terms(one).empty


def test_empty_corpus_gives_empty_tables(make_corpus):
    empty = make_corpus({"a.txt": "", "b.txt": "Only a title\n"})
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing divides by zero
        assert terms.term_counts(empty).empty
        assert terms.term_counts(empty, by="article", ngram_range=(1, 3)).empty
        assert terms.collocations(empty).empty
        assert terms.kwic(empty, "desert").empty
        assert terms.dispersion(empty, ["desert"]).empty
        assert terms.find_phrases(empty) == []
        voc = terms.vocabulary(empty)
    assert voc[["article_id", "n_tokens", "n_types"]].values.tolist() == [["b", 0, 0]]
    assert pd.isna(voc["ttr"].iloc[0])
    tr = terms.trends(empty, ["desert"])
    assert tr["count"].tolist() == [0] and pd.isna(tr["rate"].iloc[0])
    with pytest.warns(UserWarning, match="has 0"):
        assert terms.keyness(empty).empty


# --------------------------------------------------------------------------- collocations


def test_collocations_offline_with_both_scores(seeds):
    bi = terms.collocations(seeds, ngram=2, min_count=2, top_n=None)
    assert list(bi.columns) == terms.COLLOCATION_COLUMNS
    assert bi.iloc[0]["collocation"] == "islamic state"
    sleeper = bi[bi["collocation"] == "sleeper cells"].iloc[0]
    assert sleeper["count"] == 6  # 003: 4, 004: 2
    assert sleeper["pmi"] > 0 and sleeper["log_likelihood"] > 10.83
    assert bi["count"].min() >= 2
    stop = {"the", "of", "and", "in"}
    assert not any(set(c.split()) & stop for c in bi["collocation"])
    tri = terms.collocations(seeds, ngram=3, min_count=2)
    assert "syrian democratic forces" in set(tri["collocation"])


def test_collocations_do_not_cross_sentences_or_punctuation(make_corpus):
    small = make_corpus(
        {"a.txt": "Title\n\nThey fled east. Desert storms came. Rebels fled east, desert storms.\n"}
    )
    bi = terms.collocations(small, min_count=1, top_n=None)
    got = set(bi["collocation"])
    assert {"fled east", "desert storms"} <= got
    assert "east desert" not in got
    assert bi.loc[bi["collocation"] == "fled east", "count"].item() == 2


# --------------------------------------------------------------------------- tracing


def test_kwic_desert_in_002(seeds):
    out = terms.kwic(seeds, "Desert", window=4)
    assert list(out.columns) == terms.KWIC_COLUMNS
    assert len(out) == 9
    first = out[out["article_id"] == A002].iloc[0]
    assert first["left"] == "attacks from the vast"
    assert first["term"] == "desert"
    assert first["right"] == "nearby mastered by militants"
    text = seeds.articles.set_index("article_id").loc[A002, "text"]
    assert text[first["start"] : first["end"]] == "desert"


def test_kwic_phrase_case_insensitive_and_stops_at_paragraph(seeds):
    out = terms.kwic(seeds, "SLEEPER CELLS")
    assert len(out) == 6
    assert out["term"].str.lower().eq("sleeper cells").all()
    # "Yet in several northern Iraqi provinces, sleeper cells ..." opens its paragraph
    row = out[out["sentence_id"] == 44].iloc[0]
    assert row["left"] == "Yet in several northern Iraqi provinces,"
    deir = terms.kwic(seeds, "deir al-zour", window=3)
    assert deir["left"].tolist() == ["", "Conditions in"]  # the dateline opens the body
    assert deir["term"].tolist() == ["DEIR AL-ZOUR", "Deir al-Zour"]


def test_kwic_prefix_wildcard(seeds):
    # desert x9 and deserts x2 (000 "It’s deserts", 001 "the country’s eastern deserts")
    out = terms.kwic(seeds, "desert*", window=2)
    assert len(out) == 11
    assert sorted(set(out["term"].str.lower())) == ["desert", "deserts"]
    assert terms.term_words("desert*") == ("desert*",)
    assert terms.term_words("Deir al-Zour") == ("deir", "al-zour")


def test_dispersion_positions(make_corpus):
    small = make_corpus({"a.txt": "Title\n\nDesert one two three four. Five six seven desert.\n"})
    d = terms.dispersion(small, ["desert", "absent"])
    assert list(d.columns) == terms.DISPERSION_COLUMNS
    assert d["position"].tolist() == [0.0, 1.0]
    assert d["term"].tolist() == ["desert", "desert"]


def test_dispersion_on_seeds_in_range(seeds):
    d = terms.dispersion(seeds, ["desert", "sleeper cells", "caliphate"])
    assert d["position"].between(0, 1).all()
    assert d.groupby("term").size().to_dict() == {
        "caliphate": 7,
        "desert": 9,
        "sleeper cells": 6,
    }


def test_trends_ordered_by_date_and_bucketed(seeds):
    tr = terms.trends(seeds, ["desert", "caliphate"])
    # Ordered by published date; publication dates come from the source only, so in the
    # seeds only 003 (its dateline) is dated and the undated articles follow in id order.
    assert tr["article_id"].drop_duplicates().str[:3].tolist() == [
        "003",
        "000",
        "001",
        "002",
        "004",
    ]
    assert len(tr) == 10
    row = tr[(tr["article_id"] == A002) & (tr["term"] == "desert")].iloc[0]
    assert row["count"] == 4 and row["rate"] == pytest.approx(4 / n_words(seeds, A002) * 10_000)
    with pytest.warns(UserWarning, match="4 of 5 articles have no published date"):
        monthly = terms.trends(seeds, ["desert"], freq="M")
    assert monthly["count"].tolist() == [3]
    assert [str(b.date()) for b in monthly["bucket"]] == ["2019-03-01"]
    with pytest.raises(ValueError, match="freq"):
        terms.trends(seeds, ["desert"], freq="fortnight")


def test_vocabulary_summary(make_corpus):
    small = make_corpus({"a.txt": "Title\n\nThe cat saw the cat. A dog ran.\n"})
    v = terms.vocabulary(small).iloc[0]
    assert (v["n_tokens"], v["n_types"], v["n_hapaxes"], v["n_sentences"]) == (8, 6, 4, 2)
    assert v["ttr"] == pytest.approx(0.75)
    assert v["words_per_sentence"] == pytest.approx(4.0)


def test_figures_return_their_data_and_stay_bounded(seeds, grams):
    fig, data = terms.plot_group_top_terms(terms.group_counts(grams, outlets()), top_n=10)
    assert data.groupby("group", observed=True).size().tolist() == [10, 10]
    assert data.iloc[0]["term"] == "security"  # Reuters' most frequent word (8 times)
    first = data.iloc[0]  # its label gives the count and the articles using it
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert f"{first['count']} in {first['n_articles']}" in texts
    assert "label: count in n articles" in fig._suptitle.get_text()
    key = terms.group_keyness(grams, outlets(), min_count=3, min_articles=1)
    fig, data = terms.plot_group_keyness(key, top_n=4)
    assert len(data) == 16 and (data["signed_log_likelihood"] < 0).sum() == 8
    months = pd.Series(
        ["2019-03", "no date", "2014-01", "2019-03", "2019-11"], index=outlets().index
    )
    trend = terms.term_trends(grams, months.astype("category"), ["desert", "caliphate"])
    fig, data = terms.plot_term_trends(trend)
    assert "no date" not in set(data["period"].astype(str))
    assert len(data[data["n_words"] > 0]) == 6  # 3 dated months x 2 terms; empty months kept
    assert data["period"].astype(str).iloc[-1] == "2019-11"
    fig, data = terms.plot_kwic(terms.kwic(seeds, "desert"), "desert", max_lines=5)
    assert len(data) == 5
    chosen = [A002, A003]
    fig, data = terms.plot_dispersion(terms.dispersion(seeds, ["desert"]), chosen)
    assert data["article_id"].tolist() == [A002] * 4 + [A003] * 3
    # a thousand groups and a long KWIC still give a figure under 3,000 px a side at 150 dpi
    one = terms.group_counts(grams, outlets())
    many = pd.concat([one.assign(group=f"outlet {k:02d}") for k in range(50)], ignore_index=True)
    fig, data = terms.plot_group_top_terms(many, top_n=40, max_groups=50)
    assert max(fig.get_size_inches()) * 150 <= 3000
    assert data["group"].nunique() == 21 and len(data) == 21 * 30  # 20 groups + "other"
    lines = pd.concat([terms.kwic(seeds, "desert*")] * 20, ignore_index=True)
    fig, data = terms.plot_kwic(lines, "desert*", max_lines=1000)
    assert max(fig.get_size_inches()) * 150 <= 3000 and len(data) < len(lines)


def test_sample_corpus_rebuilds_the_tokens_of_chosen_articles(seeds, grams):
    chosen = terms.articles_using(grams, ["desert*", "sleeper cells"], n=2)
    # 003: desert x3 + sleeper cells x4; 002: desert x4 (deserts never)
    assert chosen[["article_id", "count"]].values.tolist() == [[A003, 7], [A002, 4]]
    named = terms.articles_using(grams, ["desert*"], n=1, catalogue=seeds.articles)
    assert named["outlet"].tolist() == ["Reuters"]
    sample = terms.sample_corpus(seeds, chosen["article_id"])
    whole = seeds.tokens[seeds.tokens["article_id"].isin([A002, A003])]
    assert sample.tokens["token"].tolist() == whole["token"].tolist()
    assert sample.tokens["start"].tolist() == whole["start"].tolist()
    pd.testing.assert_frame_equal(
        terms.kwic(sample, "sleeper cells"),
        terms.kwic(seeds, "sleeper cells").query("article_id == @A003").reset_index(drop=True),
    )
    with pytest.raises(ValueError, match="not in this corpus"):
        terms.sample_corpus(seeds, ["nope"])


def test_collocations_from_counts_agree_with_the_token_finder(seeds, grams):
    out = terms.collocations_from_counts(grams, min_count=2, top_n=None)
    sleeper = out[out["collocation"] == "sleeper cells"].iloc[0]
    nltk_row = terms.collocations(seeds, 2, 2, None).set_index("collocation").loc["sleeper cells"]
    assert (sleeper["count"], sleeper["count_first"], sleeper["count_second"]) == (6, 7, 8)
    assert sleeper["log_likelihood"] == pytest.approx(nltk_row["log_likelihood"], rel=1e-6)
    # names are units, so never a collocation of their own words
    assert "washington post" not in set(out["collocation"])
    top = terms.top_keyness(terms.group_keyness(grams, outlets(), min_count=3), top_n=2)
    assert top[top["group"] == "Reuters"]["term"].tolist() == ["mosul", "cities"]


def test_one_encoding_serves_every_call(seeds):
    # token_arrays(corpus) is explicit: passing it in place of the corpus gives the same tables
    encoded = terms.token_arrays(seeds)
    assert terms.token_arrays(encoded) is encoded
    pd.testing.assert_frame_equal(terms.term_counts(encoded), terms.term_counts(seeds))
    pd.testing.assert_frame_equal(terms.kwic(encoded, "desert"), terms.kwic(seeds, "desert"))
    with pytest.raises(TypeError, match="corpus="):
        terms.term_counts("seeds")


# --------------------------------------------------------------------------- per-article counts


def _subset(corpus, ids):
    """The corpus restricted to some articles, as the analysis pass makes a partition."""
    keep = set(ids)
    return dataclasses.replace(
        corpus,
        **{
            name: table[table["article_id"].isin(keep)].reset_index(drop=True)
            for name, table in corpus.tables.items()
            if "article_id" in table.columns
        },
    )


def test_an_articles_counts_do_not_depend_on_the_other_articles(seeds):
    whole = terms.term_counts(seeds, by="article", ngram_range=(1, 3))
    part = terms.term_counts(_subset(seeds, [A000, A003]), by="article", ngram_range=(1, 3))
    expected = whole[whole["article_id"].isin([A000, A003])]
    assert len(part) == len(expected)
    got = part.astype({"article_id": "str", "term": "str"}).reset_index(drop=True)
    want = expected.astype({"article_id": "str", "term": "str"}).reset_index(drop=True)
    pd.testing.assert_frame_equal(got, want)


def test_article_counts_are_compact(per_article):
    assert isinstance(per_article["term"].dtype, pd.CategoricalDtype)
    assert isinstance(per_article["article_id"].dtype, pd.CategoricalDtype)
    assert per_article["count"].dtype == "int32" and per_article["ngram"].dtype == "int8"


# --------------------------------------------------------------------------- groups, periods


@pytest.fixture(scope="module")
def grams(seeds):
    return terms.term_counts(seeds, by="article", ngram_range=(1, 3))


def outlets() -> pd.Series:
    # 002 is Reuters; the four others are put in one group "rest" by hand
    labels = ["rest", "rest", "Reuters", "rest", "rest"]
    ids = [A000, A001, A002, A003, "004_125b49928ba2d4ba"]
    return pd.Series(labels, index=ids).astype(pd.CategoricalDtype(["Reuters", "rest"], True))


def test_group_counts_from_article_counts(seeds, grams):
    out = terms.group_counts(grams, outlets())
    assert list(out.columns) == terms.GROUP_COUNT_COLUMNS
    reuters = out[(out["group"] == "Reuters") & (out["term"] == "desert")].iloc[0]
    words = n_words(seeds, A002)
    assert (reuters["count"], reuters["n_articles"], reuters["n_words"]) == (4, 1, words)
    assert reuters["rate"] == pytest.approx(4 / words * 10_000)
    rest = out[(out["group"] == "rest") & (out["term"] == "desert")].iloc[0]
    assert (rest["count"], rest["n_articles"]) == (5, 3)  # 001: 1, 003: 3, 004: 1
    assert rest["n_words"] == int(seeds.articles["n_words"].sum()) - words
    # partitions give the same table as the whole
    parts = (grams[grams["article_id"].isin(ids)] for ids in ([A000, A001], [A002, A003]))
    tail = grams[grams["article_id"] == "004_125b49928ba2d4ba"]
    pd.testing.assert_frame_equal(terms.group_counts(iter([*parts, tail]), outlets()), out)


def test_group_keyness_with_both_counts_and_under_use(seeds, grams):
    out = terms.group_keyness(grams, outlets(), min_count=3)
    assert list(out.columns) == terms.GROUP_KEYNESS_COLUMNS
    reuters = out[out["group"] == "Reuters"].set_index("term")
    mosul = reuters.loc["mosul"]  # Reuters 5 times, the rest once
    c = n_words(seeds, A002)
    d = int(seeds.articles["n_words"].sum()) - c
    assert (mosul["count"], mosul["count_rest"], mosul["use"]) == (5, 1, "over")
    e1, e2 = c * 6 / (c + d), d * 6 / (c + d)
    g2 = 2 * (5 * math.log(5 / e1) + 1 * math.log(1 / e2))
    assert mosul["log_likelihood"] == pytest.approx(g2, rel=1e-6)
    assert mosul["log_ratio"] == pytest.approx(math.log2((5 / c) / (1 / d)), rel=1e-6)
    syria = reuters.loc["syria"]  # never in the Reuters article: under-use, count 0
    assert (syria["count"], syria["use"]) == (0, "under") and syria["log_ratio"] < 0
    assert syria["count_rest"] == 22
    top = terms.group_keyness(grams, outlets(), min_count=3, top_n=2)
    assert top[top["group"] == "Reuters"]["term"].tolist() == ["mosul", "cities", "syria", "also"]
    one = pd.Series("all", index=outlets().index)
    with pytest.warns(UserWarning, match="at least two groups"):
        assert terms.group_keyness(grams, one).empty


def test_term_trends_per_period_with_zeros_and_aliases(seeds, grams):
    months = pd.Series(
        ["2019-03", "2019-03", "2014-01", "2019-03", "2019-11"], index=outlets().index
    )
    months = months.astype(pd.CategoricalDtype(["2014-01", "2019-03", "2019-11"], True))
    out = terms.term_trends(grams, months, ["Desert", "ISIS"])
    assert list(out.columns) == terms.TERM_TREND_COLUMNS
    # every month from the first to the last is a row: 2014-01 … 2019-11 is 71 months
    periods = out["period"].astype(str).drop_duplicates().tolist()
    assert len(periods) == 71 and periods[0] == "2014-01" and periods[-1] == "2019-11"
    dated = out[out["n_words"] > 0]
    assert (
        dated["period"].astype(str).tolist() == ["2014-01"] * 2 + ["2019-03"] * 2 + ["2019-11"] * 2
    )
    empty = out[out["period"].astype(str) == "2015-06"]
    assert empty["count"].tolist() == [0, 0] and empty["rate"].isna().all()  # a gap, not a 0
    assert empty["n_period_articles"].tolist() == [0, 0]
    desert = dated[dated["term"] == "Desert"]
    assert desert["count"].tolist() == [4, 4, 1]  # 002; 001 + 003; 004
    assert desert["n_period_articles"].tolist() == [1, 3, 1]  # the n behind each point
    isis = dated[dated["term"] == "ISIS"]
    assert set(isis["counted_as"]) == {"islamic state"}
    assert isis["count"].iloc[0] == count_of(grams, A002, "islamic state")
    absent = terms.term_trends(grams, months, ["zebra"])
    absent = absent[absent["n_words"] > 0]
    assert absent["count"].tolist() == [0, 0, 0] and absent["rate"].eq(0).all()


def test_group_functions_name_bad_inputs(grams):
    nolabel = outlets()
    nolabel.iloc[4] = None
    with pytest.raises(ValueError, match="no label for 1 article"):
        terms.group_counts(grams, nolabel)
    # an article absent from the labels (a duplicate groups.assign left out) is not counted
    four = terms.group_counts(grams, outlets().iloc[:4])
    last = grams[grams["article_id"] == "004_125b49928ba2d4ba"]["n_words"].iloc[0]
    full = terms.group_counts(grams, outlets())
    rest = lambda t: t.loc[t["group"] == "rest", "n_words"].iloc[0]  # noqa: E731
    assert rest(full) - rest(four) == last
    with pytest.raises(ValueError, match="missing column"):
        terms.group_counts(grams.drop(columns="n_words"), outlets())
    with pytest.raises(TypeError, match="groups="):
        terms.group_counts(grams, {"a": "b"})
    with pytest.raises(ValueError, match="top_n"):
        terms.term_trends(grams, outlets(), top_n=0)


def test_group_table_serves_keyness_and_collocations(grams, tmp_path):
    table = terms.group_counts(grams, outlets())
    pd.testing.assert_frame_equal(
        terms.group_keyness(table, min_count=3), terms.group_keyness(grams, outlets(), min_count=3)
    )
    pd.testing.assert_frame_equal(
        terms.collocations_from_counts(table, min_count=2),
        terms.collocations_from_counts(grams, min_count=2),
    )
    # partitions stored as Parquet files are read one at a time
    for k, ids in enumerate(([A000, A001], [A002, A003, "004_125b49928ba2d4ba"])):
        grams[grams["article_id"].isin(ids)].to_parquet(tmp_path / f"part-{k}.parquet")
    pd.testing.assert_frame_equal(terms.group_counts(tmp_path, outlets()), table)


def test_kwic_at_most_n_lines_per_article(seeds):
    out = terms.kwic(seeds, "desert", max_per_article=1)
    assert out["article_id"].str[:3].tolist() == ["001", "002", "003", "004"]
    with pytest.raises(ValueError, match="max_per_article"):
        terms.kwic(seeds, "desert", max_per_article=0)


def test_group_sums_do_not_depend_on_the_chunk_size(grams, monkeypatch):
    whole = terms.group_counts(grams, outlets())
    trend = terms.term_trends(grams, outlets(), ["desert*", "ISIS"])
    monkeypatch.setattr("newscorpus.terms.aggregate.CHUNK_ROWS", 97)
    pd.testing.assert_frame_equal(terms.group_counts(grams, outlets()), whole)
    pd.testing.assert_frame_equal(terms.term_trends(grams, outlets(), ["desert*", "ISIS"]), trend)


def test_min_total_drops_rare_terms_before_summing(grams):
    whole = terms.group_counts(grams, outlets())
    totals = whole.groupby(["term", "ngram"])["count"].transform("sum")
    expected = whole[totals >= 3].reset_index(drop=True)
    pd.testing.assert_frame_equal(terms.group_counts(grams, outlets(), min_total=3), expected)
    parts = [grams[grams["article_id"] == a] for a in outlets().index]
    pd.testing.assert_frame_equal(terms.group_counts(iter(parts), outlets(), min_total=3), expected)


def test_default_traced_terms_are_the_corpus_own_frequent_words():
    by_group = pd.DataFrame(
        {
            "group": ["a"] * 4,
            "term": ["said", "tariff", "trade war", "mr"],
            "ngram": [1, 1, 1, 1],
            "count": [50, 20, 10, 30],
        }
    )
    assert terms.frequent_terms(by_group, 2) == ["tariff", "trade war"]
    assert terms.frequent_terms(by_group, 2, ["caliphate"]) == ["caliphate"]


def test_articles_using_reads_parts_like_the_whole_table(seeds):
    counts = terms.term_counts(seeds, by="article", ngram_range=(1, 3))
    ids = sorted(counts["article_id"].astype("str").unique())
    parts = [
        counts[counts["article_id"].astype("str").isin(ids[:2])],
        counts[counts["article_id"].astype("str").isin(ids[2:])],
    ]
    whole = terms.articles_using(counts, ["desert*", "mosul"], 3)
    split = terms.articles_using(iter(parts), ["desert*", "mosul"], 3)
    pd.testing.assert_frame_equal(whole, split)


def test_default_traced_terms_are_distinctive_not_merely_frequent():
    # "vote" is in every article (idf 0); "senate" is rarer but concentrated in three of ten
    rows = [("A", "vote", 1, 40, 6), ("B", "vote", 1, 30, 4), ("A", "senate", 1, 25, 3)]
    rows += [("B", "tiny", 1, 9, 2), ("A", "said", 1, 99, 10)]
    by_group = pd.DataFrame(rows, columns=["group", "term", "ngram", "count", "n_articles"])
    scores = terms.corpus_tf_idf(by_group, 10).set_index("term")
    assert scores.loc["vote", "tf_idf"] == 0.0  # 10 of 10 articles use it
    assert scores.loc["senate", "tf_idf"] == round(25 * math.log(10 / 3), 2)
    assert "tiny" not in scores.index and "said" not in scores.index  # < 3 articles; news word
    assert terms.distinctive_terms_of(by_group, 10, 2) == ["senate", "vote"]
    assert terms.distinctive_terms_of(by_group, 10, 2, ["Iraq"]) == ["Iraq"]


def test_kwic_articles_found_for_any_token_numbers_included(seeds, grams):
    class Data:  # the attributes find_articles reads from an analysis
        articles = seeds.articles
        term_counts = grams

    text = seeds.articles.set_index("article_id")["text"]
    year = next(y for y in ("2019", "2014", "2017") if text.str.contains(y).any())
    hand = text.str.count(rf"(?<!\w){year}(?!\w)")
    found = terms.find_articles(Data, year, n=10)
    assert (
        found["article_id"].tolist()
        == hand[hand > 0].sort_values(ascending=False, kind="stable").index.tolist()[: len(found)]
    )
    assert found["count"].tolist() == sorted(hand[hand > 0].tolist(), reverse=True)[:10]
    lines = terms.kwic(seeds, year, 3)
    assert len(lines) > 0 and set(lines["term"]) == {year}
    assert terms.find_articles(Data, "of the", n=2)["count"].iloc[0] > 0  # stopwords phrase


def test_an_article_left_out_of_the_labels_adds_no_count(grams):
    labels = outlets().drop("004_125b49928ba2d4ba")  # as groups.assign leaves a duplicate out
    kept = grams[grams["article_id"] != "004_125b49928ba2d4ba"]
    assert terms.group_counts(grams, labels).equals(terms.group_counts(kept, labels))
    months = pd.Series("2019-03", index=labels.index).astype("category")
    with_dup = terms.term_trends(grams, months, ["desert"])
    assert with_dup["count"].tolist() == [kept[kept["term"] == "desert"]["count"].sum()]


def test_a_term_one_group_uses_almost_alone_is_not_traced_by_default():
    rows = [
        ("A", "photos", 1, 90, 9),  # furniture of outlet A: 90 of its 100 uses
        ("B", "photos", 1, 5, 2),
        ("C", "photos", 1, 5, 2),
        ("A", "senate", 1, 20, 3),
        ("B", "senate", 1, 20, 3),
        ("C", "senate", 1, 20, 3),
    ]
    by_group = pd.DataFrame(rows, columns=["group", "term", "ngram", "count", "n_articles"])
    assert terms.corpus_tf_idf(by_group, 30)["term"].tolist() == ["senate"]
    two = by_group[by_group["group"] != "C"]  # with two groups the rule does not apply
    assert set(terms.corpus_tf_idf(two, 30)["term"]) == {"photos", "senate"}


def test_kwic_lines_of_a_hard_wrapped_text_have_no_line_breaks(make_corpus):
    body = (
        "LONDON, March 3 - The central bank said on Tuesday that it would\n"
        "keep its lending rate unchanged for the coming month, while dealers\n"
        "expected the money market shortage to ease later in the week as\n"
        "government payments flowed back into the banking system again.\n"
    )
    c = make_corpus({"bank.txt": "Bank holds rate\n\n" + body})
    out = terms.kwic(c, "lending", window=6)
    assert len(out) == 1
    row = out.iloc[0]
    assert "\n" not in row["left"] + row["right"]
    assert row["left"].endswith("that it would keep its")
    assert row["right"].startswith("rate unchanged")


# --------------------------------------------------------------------------- tables, house style

EARNINGS = (
    "COBANCO INC YEAR NET\n\n"
    "SANTA CRUZ, Calif., Feb 26 - Shr 34 cts vs 1.19 dlrs\n"
    "    Net 807,000 vs 2,858,000\n"
    "    Nine mths\n"
    "    Revs 510.2 mln vs 479.7 mln\n"
    "    Oper shr loss two cts vs profit seven cts\n"
    "    The bank said the year includes a gain from a tax credit of 132,000 dlrs, or five "
    "cts per shr.\n"
    " Reuter\n"
)


def test_table_rows_of_an_earnings_report_and_not_its_prose():
    lines = [
        "SANTA CRUZ, Calif., Feb 26 - Shr 34 cts vs 1.19 dlrs",  # dateline not counted
        "Net 807,000 vs 2,858,000",
        "Oper shr loss two cts vs profit seven cts",  # numbers as words
        "The company said it sold 200,000 shares to Sedio for 50,000 dlrs in 1987.",
        "Arrivals for the week ended February 22 were 155,221 bags of 60 kilos.",
        "Nine mths",  # alone: not a row (a heading only above a row)
        "Reuter",
        # a long figure-dense sentence (30 words, 3 function words) stays prose
        "USDA forecast South African 1986/87 corn exports at 2.10 mln tonnes, vs 3.00 mln "
        "tonnes last month, and 1985/86 exports at 2.75 mln tonnes, vs 2.75 mln tonnes last month.",
        "Sorghum 64 (63), sunflowerseed cake and expellers 103 (102), pellets 101 (100), meal 99 "
        "(98), linseed oil 274 (264), groundnutseed oil 450 (445)",  # a row written inline
    ]
    expected = [True, True, True, False, False, False, False, False, True]
    assert terms.is_table_line(lines).tolist() == expected
    ids = ["a"] * 4 + ["b"] * 2
    texts = ["Nine mths", "Year", "Net 1,002,000 vs 470,000", "Reuter", "Six mths", "Reuter"]
    # headings above a row of the same article join the table; "Six mths" has no row below
    assert terms.table_flags(ids, texts).tolist() == [True, True, True, False, False, False]


def test_table_words_are_left_out_of_counts_and_of_body_words(make_corpus):
    corpus = make_corpus(
        {"earn.txt": EARNINGS, "prose.txt": "TITLE\n\nThe bank said net sales rose.\n"}
    )
    counts = terms.term_counts(corpus, by="article")
    earn = counts[counts["article_id"].astype("str").str.startswith("earn")]
    found = set(earn["term"].astype("str"))
    assert not {"vs", "revs", "mths", "oper", "profit", "santa"} & found  # table rows only
    assert {"bank", "gain", "tax", "credit", "shr", "cts", "reuter"} <= found  # prose stays
    assert count_of(earn, earn["article_id"].iloc[0], "cts") == 1  # the prose "five cts"
    # body words: the 20-word prose line and "Reuter" (numbers are words too), not the table
    assert earn["n_words"].iloc[0] == 21
    lines = terms.table_lines(corpus.paragraphs)
    assert len(lines) == 5 and lines["n_figures"].min() >= 0
    summary = terms.table_summary(corpus.paragraphs).iloc[0]
    assert (summary["n_table_lines"], summary["n_lines"], summary["n_table_articles"]) == (5, 8, 1)


def _spread_table():
    # 3 groups of 10 articles; "said" and "pct" in most articles of each; "oil" in one group
    rows = [
        ("a", "said", 30, 9, 1000),
        ("b", "said", 30, 8, 1000),
        ("c", "said", 30, 10, 1000),
        ("a", "pct", 12, 5, 1000),
        ("b", "pct", 10, 4, 1000),
        ("c", "pct", 11, 3, 1000),
        ("a", "oil", 40, 8, 1000),
        ("b", "oil", 2, 1, 1000),
        ("b", "tanker", 5, 2, 1000),
        ("c", "tanker", 5, 2, 1000),
    ]
    table = pd.DataFrame(rows, columns=["group", "term", "count", "n_articles", "n_words"])
    return table.assign(ngram=1, rate=table["count"] / table["n_words"] * 10_000)


def test_house_style_is_common_in_every_group_and_dp_measures_spread():
    spread = terms.term_spread(_spread_table(), {"a": 10, "b": 10, "c": 10}).set_index("term")
    assert spread.loc["said", "house_style"] and spread.loc["pct", "house_style"]
    assert not spread.loc["oil", "house_style"] and not spread.loc["tanker", "house_style"]
    assert spread.loc["said", "dp"] == 0.0  # same count in groups of the same size
    # oil: shares 40/42 and 2/42 against 1/3 each: DP = 0.5 (|.952-.333| + |.048-.333| + .333)
    assert spread.loc["oil", "dp"] == pytest.approx(0.5 * (0.6190 + 0.2857 + 0.3333), abs=1e-3)
    assert spread.loc["pct", "n_groups_common"] == 3
    content = terms.content_terms(_spread_table(), {"a": 10, "b": 10, "c": 10})
    assert set(content["term"]) == {"oil", "tanker"}
    assert content.attrs["house_style"] == ["said", "pct"]
    # one group only: house style is a term in half the articles or more
    one = _spread_table().assign(group="all")
    one = one.groupby(["group", "term", "ngram"], as_index=False)[["count", "n_articles"]].sum()
    one = one.assign(n_words=3000)
    single = terms.term_spread(one, {"all": 30}).set_index("term")
    assert single.loc["said", "house_style"] and not single.loc["oil", "house_style"]
    # a wire unit is house style wherever used, however few articles use it
    assert single.loc["pct", "n_articles"] < 15 and single.loc["pct", "house_style"]


def test_distinctive_terms_drop_house_style_and_even_spread():
    table = _spread_table()
    extra = pd.DataFrame(
        [
            ("a", "dlrs", 20, 2, 1000, 1),
            ("b", "dlrs", 20, 2, 1000, 1),
            ("c", "dlrs", 20, 2, 1000, 1),
        ],
        columns=["group", "term", "count", "n_articles", "n_words", "ngram"],
    )
    table = pd.concat([table, extra], ignore_index=True)
    plain = terms.distinctive_terms_of(table, 30, 3)
    assert "dlrs" in plain and "pct" in plain  # without group sizes: tf-idf alone
    sizes = {"a": 10, "b": 10, "c": 10}
    # pct: house style; dlrs: rare per group but spread like the words (DP 0); oil: over half
    # in group a, so it is a's house style, not a corpus-wide distinctive term
    assert terms.distinctive_terms_of(table, 30, 3, group_sizes=sizes) == ["tanker"]
    scores = terms.corpus_tf_idf(table, 30, sizes)
    assert scores["term"].tolist() == ["tanker"] and scores["dp"].iloc[0] > 0.3


def test_default_term_is_distinctive_not_the_most_frequent():
    counts = pd.DataFrame(
        {
            "article_id": ["1", "1", "2", "2", "3", "3", "4", "5", "6", "7", "8"],
            "term": ["said", "pct", "pct", "opec", "pct", "opec", "opec"] + ["pct"] * 4,
            "ngram": 1,
            "count": [9, 8, 7, 2, 9, 3, 1, 4, 4, 4, 4],
            "n_words": [100, 100, 100, 100, 100, 100, 50, 80, 80, 80, 80],
        }
    )
    # pct is the most frequent word after "said" but in 7 of 8 articles (house style here);
    # opec is in 3 of 8
    assert terms.default_term(counts) == "opec"
    assert terms.default_term(counts.iloc[0:0]) == ""


def test_kwic_title_names_the_rule_and_trends_mark_partial_periods():
    lines = pd.DataFrame(
        {
            "article_id": ["1"],
            "sentence_id": [0],
            "left": ["the"],
            "term": ["oil"],
            "right": ["price"],
        }
    )
    fig, _ = terms.plot_kwic(lines, "oil", chosen="the 1 articles using it most")
    assert "lines from the 1 articles using it most" in fig.axes[0].get_title()
    trends = pd.DataFrame(
        {
            "period": pd.Categorical(["1987-02", "1987-03"], ordered=True),
            "term": ["oil", "oil"],
            "counted_as": ["oil", "oil"],
            "count": [1, 5],
            "rate": [10.0, 12.0],
            "n_articles": [1, 4],
            "n_words": [1000, 4000],
            "n_period_articles": [3, 40],
        }
    )
    coverage = pd.DataFrame({"period": ["1987-02", "1987-03"], "note": ["partial: 3 days", ""]})
    fig, drawn = terms.plot_term_trends(trends, coverage=coverage)
    assert drawn["period_note"].tolist() == ["partial: 3 days", ""]
    assert "1987-02 partial: 3 days" in fig.axes[1].get_xlabel()
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert texts.count("partial") == 1


def test_top_terms_title_names_the_terms_left_out():
    content = terms.content_terms(_spread_table(), {"a": 10, "b": 10, "c": 10})
    fig, drawn = terms.plot_group_top_terms(
        content, left_out=content.attrs["house_style"], rule=terms.HOUSE_STYLE_RULE
    )
    assert "house style left out" in fig._suptitle.get_text()
    assert "said, pct" in fig._suptitle.get_text()
    assert "said" not in set(drawn["term"])


# --------------------------------------------------------------------------- names are not house style


def _election_corpus(make_corpus):
    """12 articles in 3 groups: every article names Trump mid-sentence 3 times, says 'said', and
    has a March dateline; 'tariffs' in one group only; 'among' everywhere. Lines differ from
    article to article, so none is read as page furniture."""
    files = {}
    adjective = {"a": "loud", "b": "calm", "c": "wet"}
    for g in "abc":
        for i, (place, role) in enumerate(
            [("barn", "mayor"), ("hall", "sheriff"), ("park", "judge"), ("yard", "clerk")]
        ):
            topic = "tariffs" if g == "a" else "weather"
            files[f"{g}{i}.txt"] = (
                f"Story {g}{i}\n\n"
                f"On March {i + 2} the rally went ahead. Voters said Trump spoke about {topic}.\n"
                f"Among the {adjective[g]} crowd at the {place}, people said that Trump and his "
                f"{topic} plans mattered.\n"
                f"Later the {role} of the {adjective[g]} town said that Trump had won among older "
                "voters in March.\n"
            )
    corpus = make_corpus(files)
    ids = corpus.articles["article_id"].astype("str")
    labels = pd.Series([i.split("_")[0][0] if "_" in i else i[0] for i in ids], index=ids)
    return corpus, labels


def test_a_name_in_every_article_stays_said_and_a_month_go(make_corpus):
    corpus, labels = _election_corpus(make_corpus)
    assert set(labels) == {"a", "b", "c"}
    per_article = terms.term_counts(corpus, by="article")
    by_group = terms.group_counts(per_article, labels)
    sizes = labels.value_counts()
    spread = terms.term_spread(by_group, sizes).set_index("term")
    # by spread alone, the name is house style like said and march
    assert spread.loc["trump", "house_style"] and spread.loc["march", "house_style"]
    candidates = terms.house_style_candidates(by_group, sizes)
    assert "trump" in candidates and "march" not in candidates and "said" not in candidates
    names = terms.name_terms(corpus.tokens, by_group, sizes).set_index("term")
    # 'Trump' is capitalised in each of its 3 mid-sentence uses per article: 36 read
    assert names.loc["trump", "n_read"] == 36 and names.loc["trump", "name"]
    assert names.loc["voters", "capitalised"] == 0.0 and not names.loc["voters", "name"]
    content = terms.content_terms(by_group, sizes, names=names.reset_index())
    kept = set(content["term"].astype("str"))
    assert "trump" in kept and "tariffs" in kept
    assert {"said", "march", "among", "voters"}.isdisjoint(kept)
    assert "said" in content.attrs["house_style"] and "march" in content.attrs["house_style"]
    # a month is house style even when named as a name
    forced = terms.term_spread(by_group, sizes, names=["trump", "march"]).set_index("term")
    assert forced.loc["march", "house_style"] and not forced.loc["trump", "house_style"]
    fig, table = terms.plot_group_top_terms(content, top_n=3, group_sizes=sizes)
    assert "trump" in set(table["term"].astype("str"))


def test_name_terms_reads_only_free_case_and_stops_early(make_corpus):
    corpus = make_corpus(
        {
            "a.txt": "T\n\nStates agreed. The states met. Swing states voted in the United States.\n"
            "THE STATES AND THE NATION MET TODAY.\n",
        }
    )
    tokens = corpus.tokens
    by_group = pd.DataFrame(
        {"group": "all", "term": ["states", "united states"], "ngram": 1, "count": [3, 1]}
    )
    table = terms.name_terms(tokens, by_group, candidates=["states", "united states"])
    rows = table.set_index("term")
    # 'States agreed' opens its sentence, 'United States' is its own unit, the all-caps line is
    # a headline: 2 lowercase uses read
    assert rows.loc["states", "n_read"] == 2 and rows.loc["states", "n_capitalised"] == 0
    assert (
        rows.loc["united states", "n_read"] == 1 and rows.loc["united states", "n_capitalised"] == 1
    )
    assert not rows["name"].any()  # fewer than NAME_MIN_READ occurrences read
    one = terms.name_terms(tokens, by_group, candidates=["states"], per_term=1)
    assert one["n_read"].tolist() == [1]
    with pytest.raises(ValueError):
        terms.name_terms(tokens, by_group, candidates=["states"], max_parts=0)


def test_kwic_lines_follow_the_order_of_articles_given(seeds):
    lines = terms.kwic(seeds, "islamic state", 4, max_per_article=1)
    ids = lines["article_id"].astype("str").tolist()
    assert len(ids) > 2 and ids == sorted(ids)  # by article by default
    ordered = terms.kwic(seeds, "islamic state", 4, max_per_article=1, order=ids[::-1])
    assert ordered["article_id"].astype("str").tolist() == ids[::-1]


def test_a_trend_point_one_article_carries_is_ringed():
    # "data": 36 of 42 January uses in one article; March spread over four
    rows = [("j1", "data", 36), ("j2", "data", 3), ("j3", "data", 3)]
    rows += [(a, "data", 2) for a in ("m1", "m2", "m3", "m4")]
    counts = pd.DataFrame(rows, columns=["article_id", "term", "count"])
    counts["ngram"], counts["n_words"] = 1, 500
    periods = pd.Series(
        pd.Categorical(["2016-01"] * 3 + ["2016-03"] * 4, ordered=True),
        index=["j1", "j2", "j3", "m1", "m2", "m3", "m4"],
    )
    trends = terms.term_trends(counts, periods, ["data"])
    assert trends.set_index("period")["max_count"].to_dict() == {
        "2016-01": 36,
        "2016-02": 0,
        "2016-03": 2,
    }
    fig, _ = terms.plot_term_trends(trends)
    assert "ringed: 1 point(s)" in fig.axes[0].get_title()
    matplotlib.pyplot.close(fig)


def test_kwic_article_names_never_run_into_the_left_context():
    """A long title beside a long left context overlapped it (allsides review)."""
    lines = pd.DataFrame(
        {
            "article_id": ["a", "b"],
            "sentence_id": [0, 1],
            "left": ["w" * 200, "short"],
            "term": ["tariffs", "tariffs"],
            "right": ["x" * 200, "y"],
        }
    )
    labels = pd.Series({"a": "T" * 120 + " — Outlet, 2020-01-01", "b": "Short title"})
    fig, drawn = terms.plot_kwic(lines, "tariffs", labels=labels)
    fig.canvas.draw()
    texts = fig.axes[0].texts
    name, left = texts[0].get_window_extent(), texts[1].get_window_extent()
    assert name.x1 < left.x0  # the grey article name ends before the left context starts
    assert texts[1].get_text().startswith("…") and len(texts[1].get_text().strip()) == 70
    assert drawn["left"].iloc[0] == "w" * 200  # the data keeps the whole context
    assert texts[0].get_text().endswith("… — Outlet, 2020-01-01")  # the title is cut, not the date
    matplotlib.pyplot.close(fig)
