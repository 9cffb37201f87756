"""The explorer of an analysed corpus reads per article: the same views as with every table
held whole, while only the articles' metadata, quotes and sources stay in memory."""

from __future__ import annotations

import pandas as pd
import pytest

from newscorpus import analysis, explore
from newscorpus.corpus import Corpus
from newscorpus.paths import SEEDS_DIR


@pytest.fixture(scope="module")
def analysed(tmp_path_factory):
    return analysis.load(SEEDS_DIR, cache=tmp_path_factory.mktemp("cache"), workers=1)


@pytest.fixture(scope="module")
def both(analysed):
    """The lazy findings (`from_analysis`) and the same findings with every table whole."""
    lazy = explore.from_analysis(analysed)
    corpus = Corpus(
        analysed.articles,
        analysed.paragraphs,
        analysed.sentences,
        analysed.tokens,
        analysed.problems,
        analysed.path,
    )
    tables = {name: analysed.table(name) for name in explore.SHOWN_AS}
    whole = explore.Findings(corpus, **tables, term=lazy.term)
    whole.speaker_colours = explore.speaker_colours(whole.quotes)
    return lazy, whole


def test_only_metadata_quotes_and_sources_are_held(both):
    lazy, _ = both
    assert "text" not in lazy.corpus.articles.columns
    assert len(lazy.corpus.articles) == 5
    assert lazy.corpus.sentences.empty and lazy.corpus.paragraphs.empty
    assert lazy.dates is None and lazy.sentiment is None
    assert lazy.quotes is not None and len(lazy.quotes) > 0


def test_layer_summary_counts_every_row_without_loading(both):
    lazy, whole = both
    pd.testing.assert_frame_equal(explore.layer_summary(lazy), explore.layer_summary(whole))
    rows = explore.layer_summary(lazy).set_index("layer")["rows"]
    assert rows["sentiment"] == len(whole.sentiment) > 100


def test_every_article_renders_as_with_whole_tables(both):
    lazy, whole = both
    for article_id in whole.corpus.articles["article_id"].astype("str"):
        assert explore.article_html(lazy, article_id) == explore.article_html(whole, article_id)


def test_unknown_article_is_named(both):
    lazy, _ = both
    with pytest.raises(ValueError, match="nope"):
        explore.article_html(lazy, "nope")


def test_source_findings_match_the_whole_tables(both):
    lazy, whole = both
    for name in explore.source_names(whole)[:4]:
        got = explore.source_findings(lazy, name)
        want = explore.source_findings(whole, name)
        assert len(want) > 0
        pd.testing.assert_frame_equal(got, want)


def test_default_term_is_read_part_by_part(analysed, both):
    """Five articles are too few for a distinctive term: the most counted word is taken, as
    from the whole per-article counts (reporting verbs and titles left out)."""
    lazy, _ = both
    from newscorpus.terms import NEWS_FUNCTION_WORDS, default_term

    counts = analysed.term_counts
    assert default_term(counts) == ""
    ones = counts[(counts["ngram"] == 1) & ~counts["term"].astype("str").isin(NEWS_FUNCTION_WORDS)]
    totals = ones.groupby("term", observed=True)["count"].sum()
    assert lazy.term == str(totals.idxmax()) != ""


def test_term_views_read_the_term_counts_once(analysed):
    """The KWIC table, the dispersion chart and the explorer's own views of one term share one
    read of the term counts (`Findings.memo`), and give what fresh findings give."""
    findings = explore.from_analysis(analysed)
    reads = []
    parts = analysed.parts

    def counted(name, columns=None):
        reads.append(name)
        return parts(name, columns=columns)

    analysed.parts = counted
    try:
        kwic = explore.term_contexts(findings, "islamic state")
        _, dispersion = explore.plot_dispersion(findings, "islamic state")
        again = explore.term_contexts(findings, "islamic state")
    finally:
        del analysed.parts
    assert reads.count("term_counts") == 1
    pd.testing.assert_frame_equal(again, kwic)
    fresh = explore.from_analysis(analysed)
    pd.testing.assert_frame_equal(explore.term_contexts(fresh, "islamic state"), kwic)
    _, want = explore.plot_dispersion(fresh, "islamic state", max_articles=30)
    pd.testing.assert_frame_equal(dispersion, want)
    assert len(kwic) > 0 and len(dispersion) > 0
