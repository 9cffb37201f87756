"""The tone views read an analysed corpus's sentences part by part and give exactly what they
give over the whole sentences table (the seeds cached in five parts, one article each, and a
63-article PolNeAR subset in four)."""

from __future__ import annotations

import pandas as pd
import pytest

from newscorpus import groups, sentiment
from newscorpus.sentiment import sentence_texts


@pytest.fixture
def parts(corpus_in_parts):
    return corpus_in_parts


@pytest.fixture
def labels(parts):
    return groups.assign(parts.articles, "outlet")


def _same(got: pd.DataFrame, want: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(got.reset_index(drop=True), want.reset_index(drop=True))
    assert set(got.attrs) == set(want.attrs)
    for key, value in want.attrs.items():
        if isinstance(value, pd.Series):
            pd.testing.assert_series_equal(got.attrs[key], value)
        else:
            assert got.attrs[key] == value, key


def test_every_kth_samples_across_parts_as_over_the_whole_table(parts):
    whole = parts.sentences
    for step in (1, 3, 7, 40):
        got = sentence_texts.every_kth(parts, step)
        want = whole.iloc[::step]
        assert got["text"].tolist() == want["text"].tolist()
        assert len(got) == len(want) > 0
    assert sentence_texts.count(parts) == len(whole)


def test_rescore_reads_only_the_sentences_naming_the_words(parts):
    scores = parts.sentiment
    words = ["killed", "attack", "support"]
    got = sentiment.rescore(scores, parts, words)
    _same(got, sentiment.rescore(scores, parts.sentences, words))
    assert (got["compound"] != scores["compound"]).sum() > 3


def test_group_check_and_lexicon_comparison_match_the_whole_table(parts, labels):
    scores = parts.sentiment
    for max_sentences in (100_000, 37):  # all sentences, then a sample spread over the parts
        got = sentiment.group_tone_check(
            scores, parts, labels, None, "vader-3.3", 20, 3, max_sentences=max_sentences
        )
        want = sentiment.group_tone_check(
            scores, parts.sentences, labels, None, "vader-3.3", 20, 3, max_sentences=max_sentences
        )
        _same(got, want)
    got = sentiment.lexicon_comparison(scores, parts, labels, "vader-3.3", 20, 0.05)
    want = sentiment.lexicon_comparison(scores, parts.sentences, labels, "vader-3.3", 20, 0.05)
    _same(got, want)
    assert got.attrs["n_sentences"] == len(parts.sentences)
    assert len(got.attrs["violence_found"]) > 0


def test_targets_drivers_and_extremes_match_the_whole_table(parts):
    targets = sentiment.default_targets(parts.sources)  # the corpus's most cited sources
    got = sentiment.target_mentions(parts, targets)
    _same(got, sentiment.target_mentions(parts.sentences, targets))
    assert set(got["target"]) == set(targets)
    for max_sentences in (100_000, 29):
        _same(
            sentiment.driver_words(parts, None, "vader-3.3", 15, max_sentences),
            sentiment.driver_words(parts.sentences, None, "vader-3.3", 15, max_sentences),
        )
    scores = parts.sentiment
    got = sentiment.extremes(scores, parts, 5, None, "vader-3.3", parts.articles)
    want = sentiment.extremes(scores, parts.sentences, 5, None, "vader-3.3", parts.articles)
    _same(got, want)
    assert got["compound"].iloc[0] == scores["compound"].min()
