"""01-timeline's corpus views read an analysed corpus's sentences part by part (only the
sentences a mention sits in) and give what they give over the whole sentences table."""

from __future__ import annotations

import pandas as pd

from newscorpus import groups, timeline
from newscorpus.parts import sentences_at


def test_sentences_at_reads_only_the_dated_sentences(corpus_in_parts):
    data = corpus_in_parts
    got = sentences_at(data, data.dates)
    keys = data.dates[["article_id", "sentence_id"]].astype({"article_id": "str"})
    assert len(got) == len(keys.drop_duplicates()) < len(data.sentences)
    whole = data.sentences.astype({"article_id": "str"})
    want = whole.merge(keys.drop_duplicates(), on=["article_id", "sentence_id"])
    assert got["text"].tolist() == want["text"].tolist()


def test_events_and_mentions_match_the_whole_table(corpus_in_parts):
    data = corpus_in_parts
    labels = groups.assign(data.articles, "outlet")
    got = timeline.corpus_events(data, data.dates, data.articles, groups=labels)
    want = timeline.corpus_events(data.sentences, data.dates, data.articles, groups=labels)
    pd.testing.assert_frame_equal(got, want)
    assert len(got) > 0
    whole = timeline.events_table(data.sentences, data.dates, labels, articles=data.articles)
    some = timeline.events_table(data, data.dates, labels, articles=data.articles, max_rows=10)
    pd.testing.assert_frame_equal(some, whole.head(10))
    assert some.attrs["n_mentions"] == len(whole) > 10
    assert (some["sentence"] != "").all()
