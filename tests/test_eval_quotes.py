"""The quote scorer: span matching, speaker comparison, the CLI, and the seed targets."""

from __future__ import annotations

import argparse
import re

import pandas as pd
import pytest

from newscorpus.eval import quotes as evalq

from conftest import GOLD_DIR


def spans(rows):
    return pd.DataFrame(rows, columns=["article_id", "start", "end"])


def test_match_spans_is_one_to_one_and_needs_half_overlap():
    gold = spans([("a", 0, 100), ("a", 200, 220), ("b", 0, 10)])
    pred = spans([("a", 0, 98), ("a", 5, 60), ("a", 205, 300), ("b", 0, 10)])
    pairs = evalq.match_spans(pred, gold)
    # (a,5,60) loses to the better (a,0,98); (a,205,300) covers the gold but is mostly outside it.
    assert sorted(pairs) == [(0, 0), (3, 2)]


def test_speaker_comparison_ignores_case_the_and_apostrophes():
    assert evalq.speaker_matches(
        "The Pentagon's Inspector-General", "the Pentagon’s Inspector-General"
    )
    assert evalq.speaker_matches("one man", "the man|One man")
    assert not evalq.speaker_matches("Hassan", "Hassan Hassan")
    assert not evalq.speaker_matches(None, "Hassan Hassan")


def test_gold_that_is_not_in_the_text_is_an_error(seeds):
    gold = pd.DataFrame(
        [
            {
                "article_id": "002_77d8cc29bf025518",
                "paragraph_id": 7,
                "kind": "direct",
                "quote": "words that are not there",
                "speaker": "x",
            }
        ]
    )
    with pytest.raises(ValueError, match="not found"):
        evalq.gold_spans(gold, seeds)


def test_scores_count_misses_and_wrong_speakers(seeds, tmp_path):
    gold = pd.read_csv(GOLD_DIR / "quotes" / "quotes.csv", keep_default_na=False)
    gold = gold[gold["article_id"] == "002_77d8cc29bf025518"].copy()
    gold.loc[gold.index[0], "speaker"] = "Somebody Else"
    extra = gold.iloc[[0]].assign(paragraph_id=9, quote="the cities remain vulnerable")
    pd.concat([gold, extra]).to_csv(tmp_path / "quotes.csv", index=False)
    result = evalq.score(seeds, tmp_path)
    assert result["n_gold"] == len(gold) + 1
    assert result["n_matched"] == len(gold)
    assert result["recall"] == pytest.approx(len(gold) / (len(gold) + 1))
    assert result["speaker_accuracy"] == pytest.approx((len(gold) - 1) / len(gold))
    assert result["wrong_speaker"]["gold"].tolist() == ["Somebody Else"]


def test_seed_targets_are_met(seeds):
    result = evalq.score(seeds)
    assert result["n_gold"] == 32
    assert result["precision"] >= 0.95
    assert result["recall"] >= 0.95
    assert result["speaker_accuracy"] >= 0.95


def test_cli_prints_the_scores(capsys):
    parser = argparse.ArgumentParser()
    evalq.add_arguments(parser)
    assert evalq.main(parser.parse_args(["--errors"])) == 0
    out = capsys.readouterr().out
    assert re.search(r"precision \d\.\d{3}  recall \d\.\d{3}  F1 \d\.\d{3}", out)
    assert re.search(r"speaker accuracy \d\.\d{3}", out)
    assert re.search(r"^missed: \d+$", out, re.MULTILINE)


# --------------------------------------------------------------------------- PolNeAR (brat)


def test_brat_attributions_with_discontinuous_content(tmp_path):
    text = "“We will win,” she said, “and soon.” Officials said the vote was close."
    ann = (
        "T1\tSource 15 18\tshe\n"
        "T2\tCue 19 23\tsaid\n"
        "T3\tContent 0 14;25 36\t“We will win,” “and soon.”\n"
        "T4\tAttribution 19 23\tsaid\n"
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
        "T5\tSource 37 46\tOfficials\n"
        "T6\tCue 47 51\tsaid\n"
        "T7\tContent 52 70\tthe vote was close\n"
        "T8\tAttribution 47 51\tsaid\n"
        "E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5\n"
        "#1\tAnnotatorNotes T1\ta note\n"
    )
    (tmp_path / "a_02.ann").write_text(ann, encoding="utf-8")
    (tmp_path / "a_01.ann").write_text(ann.split("T5")[0], encoding="utf-8")  # lowest id wins
    rows = evalq.read_brat(tmp_path / "a_02.ann")
    assert rows["content"].tolist() == [[(0, 14), (25, 36)], [(52, 70)]]
    assert rows["source"].tolist() == ["she", "Officials"]

    class Corpus:
        articles = pd.DataFrame({"article_id": ["a"], "text": [text]})

    gold = evalq.read_polnear(tmp_path, Corpus())
    assert len(gold) == 1  # from a_01.ann
    assert gold["direct"].tolist() == [True] and gold["length"].tolist() == [25]


def test_polnear_speaker_rule():
    assert evalq.speakers_agree("Hillary Clinton", "Mrs. Clinton")
    assert evalq.speakers_agree("Sen. Marco Rubio", "Rubio’s campaign")
    assert not evalq.speakers_agree("Donald Trump", "Mr. Cruz")
    assert not evalq.speakers_agree(None, "Mr. Cruz")
    assert evalq.speakers_agree("Donald Trump", "he") is None  # not scored


def test_polnear_matching_counts_fragments_and_is_one_to_one():
    gold = pd.DataFrame({"article_id": ["a"], "content": [[(0, 10), (50, 60)]], "length": [20]})
    pred = pd.DataFrame({"article_id": ["a", "a"], "start": [0, 10], "end": [10, 50]})
    # the first covers half the fragments; the second covers only the gap between them
    assert evalq.match_fragments(pred, gold) == [(0, 0)]
    short = pd.DataFrame({"article_id": ["a"], "start": [0], "end": [5]})
    assert evalq.match_fragments(short, gold) == []  # 5 / 20 < 0.3


@pytest.mark.skipif(not evalq.POLNEAR_GOLD.exists(), reason="../shared/gold/polnear is absent")
def test_polnear_scores_hold():
    from newscorpus import read_corpus

    corpus = read_corpus(evalq.POLNEAR_CORPUS, repair=False)
    result = evalq.score_polnear(corpus)
    assert result["all"]["n_gold"] == 6249  # double marks 6,155, single marks 94 more
    assert evalq.score_polnear(corpus, double_only=True)["all"]["n_gold"] == 6155
    assert result["all"]["f1"] >= 0.89
    assert result["all"]["speaker_accuracy"] >= 0.89


def test_title_rows_are_measured_against_the_title_attributions(make_corpus):
    corpus = make_corpus(
        {"a.txt": "Senator Lee: ‘We Will Not Back Down’\nSenator Tom Lee spoke in Dover.\n"}
    )
    quotes = evalq.find_quotes(corpus)
    gold = pd.DataFrame(
        {
            "article_id": ["a"],
            "content": [[(14, 35)]],
            "length": [21],
            "start": [14],
            "end": [35],
            "source": ["Senator Lee"],
        }
    )
    out = evalq.title_rows(quotes, corpus, gold)
    assert out == {"n": 1, "matched": 1, "speaker_agrees": 1, "speaker_scored": 1}
    assert evalq.title_rows(quotes, corpus, gold.iloc[:0])["matched"] == 0


def _content(text: str, part: str) -> list[tuple[int, int]]:
    at = text.index(part)
    return [(at, at + len(part))]


@pytest.mark.parametrize(
    ("text", "content", "quoted"),
    [
        ("Senator Lee: ‘We Will Not Back Down’", "‘We Will Not Back Down’", True),
        ("Mayor Calls Rival ‘Reckless’", "Rival ‘Reckless’", True),
        ("Obama: The Trends Are 'Terrifying.'", "The Trends Are 'Terrifying.'", True),
        ("Carly Fiorina: 'Bill Clinton's fair game.'", "'Bill Clinton's fair game.'", True),
        ("He said, ''we will win.''", "''we will win.'", True),  # a '' pair clipped by one mark
        (
            "Clinton: Trump's view is 'dangerously wrong'",
            "Trump's view is 'dangerously wrong'",
            True,
        ),
        ("Young voters fell overwhelmingly in Sanders’ column", "Sanders’", False),
        (
            "He noted the studios' end, rather than viewers' end",
            "the studios' end, rather than viewers'",
            False,
        ),
        ("Music of the ’70s was back", "’70s was back", False),
        ("The plan ‘Works for Veterans’", "The plan ‘Works for Veterans’", True),
        ("Officials said the vote was close.", "the vote was close", False),
    ],
)
def test_single_quotation_marks_are_quotation_marks_not_apostrophes(text, content, quoted):
    assert evalq.single_marked(text, _content(text, content)) is quoted


def test_polnear_gold_counts_single_marks_unless_double_only(tmp_path):
    text = "Senator Lee: ‘We Will Not Back Down’\nVoters fell overwhelmingly in Sanders’\n"
    ann = (
        "T1\tSource 0 11\tSenator Lee\n"
        "T2\tContent 13 36\t‘We Will Not Back Down’\n"
        "E1\tAttribution:T2 Content:T2 Source:T1\n"
        "T3\tContent 67 75\tSanders’\n"
        "E2\tAttribution:T3 Content:T3\n"
    )
    (tmp_path / "a_01.ann").write_text(ann, encoding="utf-8")

    class Corpus:
        articles = pd.DataFrame({"article_id": ["a"], "text": [text]})

    assert evalq.read_polnear(tmp_path, Corpus())["direct"].tolist() == [True, False]
    old = evalq.read_polnear(tmp_path, Corpus(), double_only=True)
    assert old["direct"].tolist() == [False, False]
