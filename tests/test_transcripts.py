"""Transcript labels (speakers in capitals, stage directions, live-blog stamps) are furniture:
set aside at exact offsets; the words spoken stay body text."""

from __future__ import annotations

import pandas as pd

from newscorpus import read_corpus, terms
from newscorpus.corpus import furniture_rules as rules
from newscorpus.corpus.furniture_summary import furniture_share


def _labels(text: str) -> list[str]:
    return [text[a:b] for a, b in rules.transcript_spans(text)]


def test_speaker_labels_stage_directions_and_stamps_are_found():
    assert _labels("AMY GOODMAN: Welcome to the show.") == ["AMY GOODMAN: "]
    assert _labels("SEN. BERNIE SANDERS (I-VT): We need change.") == [
        "SEN. BERNIE SANDERS (I-VT): "
    ]
    assert _labels("[ARCHIVED RECORDING] Thank you.") == ["[ARCHIVED RECORDING]"]
    assert _labels("Update at 11:53 p.m. ET: The polls closed.") == ["Update at 11:53 p.m. ET: "]
    assert rules.line_reason("(CROSSTALK)") == rules.TRANSCRIPT


def test_datelines_acronyms_and_prose_are_no_labels():
    assert _labels("WASHINGTON: Lawmakers met on Monday.") == []  # a dateline
    assert _labels("WASHINGTON (AP) — Lawmakers met.") == []
    assert _labels("Q: What now? A: Nothing.") == []
    assert _labels("The company (NYSE: GE) rose, and NATO (AP) said so.") == []
    assert _labels("He said: it is over.") == []


def test_a_transcript_keeps_its_words_and_loses_its_labels(tmp_path):
    body = (
        "The interview\n\n"
        "AMY GOODMAN: Welcome to our broadcast about the election results tonight.\n\n"
        "JUAN GONZALEZ: The turnout in the state was the highest in decades.\n\n"
        "AMY GOODMAN: Thank you for joining the broadcast tonight.\n"
    )
    (tmp_path / "a.txt").write_text(body, encoding="utf-8")
    corpus = read_corpus(tmp_path)
    paras = corpus.paragraphs
    cut = paras[paras["reason"] == rules.TRANSCRIPT]["text"].str.strip().tolist()
    assert cut == ["AMY GOODMAN:", "JUAN GONZALEZ:", "AMY GOODMAN:"]
    counts = terms.term_counts(corpus, by="article")
    words = set(counts["term"].astype("str"))
    assert "turnout" in words and "broadcast" in words
    assert not {"goodman", "amy goodman", "gonzalez"} & words


def test_transcript_labels_count_as_site_furniture_in_the_corpus_summary(tmp_path):
    body = (
        "The interview\n\n"
        "AMY GOODMAN: Welcome to our broadcast about the election results tonight.\n\n"
        "JUAN GONZALEZ: The turnout in the state was the highest in decades.\n"
    )
    (tmp_path / "a.txt").write_text(body, encoding="utf-8")
    corpus = read_corpus(tmp_path)
    labels = pd.Series(["all"], index=pd.Index(["a"], name="article_id"))
    share = furniture_share(corpus.paragraphs, labels)
    assert share["articles_with_furniture"].iloc[0] == 1 and share["furniture_pct"].iloc[0] > 0
