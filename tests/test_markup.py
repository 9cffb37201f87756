"""Markup left in a plain-text export is not words: its tokens keep their offsets but never count."""

from __future__ import annotations

import numpy as np

from newscorpus.corpus import read_corpus
from newscorpus.corpus.parse import markup_mask


def test_tweet_tags_are_not_words_but_the_tweet_text_is(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Shooting update\n\nPolice named the suspect on Wednesday.\n\n"
        '<tweet id="672138506081275904" author="@MissDBunker" datetime="2015-12-02">Scanner: '
        "Farook Sayed was acting nervous</tweet>.\n\nThe city mourned.\n",
        encoding="utf-8",
    )
    corpus = read_corpus(tmp_path)
    tokens = corpus.tokens
    words = tokens.loc[tokens["is_word"], "token"].tolist()
    assert "tweet" not in words and "672138506081275904" not in words and "author" not in words
    assert ["Scanner", "Farook", "Sayed"] == words[6:9]
    text = corpus.articles["text"].iloc[0]
    paras = corpus.paragraphs
    tags = paras[paras["reason"] == "site furniture: embed markup"]
    assert tags["text"].tolist()[:2] == [
        text[text.index("<tweet") : text.index("Scanner")],
        "</tweet>",
    ]
    # <tweet …> and </tweet>: set aside as boilerplate at their exact offsets
    assert all(
        text[s:e] == t for s, e, t in zip(tags["start"], tags["end"], tags["text"], strict=True)
    )


def test_markup_mask_finds_tags_only():
    text = "a <b>bold</b> claim, 3 < 4 > 2 and <br/> end"
    words = ["a", "b", "bold", "b", "claim", "3", "4", "2", "and", "br", "end"]
    starts, at = [], 0
    for w in words:
        at = text.index(w, at)
        starts.append(at)
        at += len(w)
    mask = markup_mask(text, np.array(starts))
    assert [w for w, m in zip(words, mask, strict=True) if m] == ["b", "b", "br"]
    assert not markup_mask("no tags here", np.array([0, 3, 8])).any()


def test_web_addresses_and_ad_slot_json_are_not_words():
    from newscorpus.corpus import furniture_rules as R
    from newscorpus.corpus import split_tokens

    text = (
        'See tmsnrt.rs/2ldjzJI and https://t.co/abc now. {"unitName":"dfpPosition1",'
        '"display":"mobile"} hidden ad unit. He won 50/50 odds and/or more at cnn.com today.'
    )
    spans = split_tokens(text)
    mask = markup_mask(text, np.array([a for a, _ in spans]))
    flagged = {text[a:b] for (a, b), m in zip(spans, mask, strict=True) if m}
    kept = [text[a:b] for (a, b), m in zip(spans, mask, strict=True) if not m]
    assert {"tmsnrt", "rs", "https", "dfpPosition1", "mobile", "unitName"} <= flagged
    assert {"50", "and", "or", "cnn", "com", "today", "hidden", "ad"} <= set(kept)
    # the JSON is page furniture: quotes and tone skip it ("dfpPosition1" was a quote)
    cut = [text[a:b] for a, b in R.markup_spans(text)]
    assert any(c.startswith('{"unitName"') and c.endswith("hidden ad unit.") for c in cut)
