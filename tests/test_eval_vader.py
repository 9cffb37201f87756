"""Tests for `python -m newscorpus.eval vader`: reading ground truth, the metrics, the report."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from newscorpus.eval import vader
from newscorpus.eval.__main__ import main as eval_main

from conftest import GOLD_DIR

GOLD = GOLD_DIR / "vader" / "news_hand_rated.txt"


def test_reads_the_hand_rated_file():
    truth = vader.read_ground_truth(GOLD)
    assert len(truth) == 40
    first = truth.iloc[0]
    assert (first["id"], first["rating"]) == ("n01", -3.2)
    assert first["text"].startswith("A suicide bomber killed")
    assert truth["rating"].between(-4, 4).all()


def test_bad_ground_truth_names_the_line(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_text("a\t1.0\tgood text\nb\tnot a number\ttext\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 2"):
        vader.read_ground_truth(path)
    path.write_text("a\t7\tout of range\n", encoding="utf-8")
    with pytest.raises(ValueError, match="-4 to 4"):
        vader.read_ground_truth(path)


def test_macro_f1_on_explicit_labels():
    gold = pd.Series(["positive", "negative", "neutral", "neutral"])
    predicted = pd.Series(["positive", "neutral", "neutral", "negative"])
    f1, per_class = vader.macro_f1(gold, predicted)
    assert per_class == {"negative": 0.0, "neutral": 0.5, "positive": 1.0}
    assert f1 == 0.5


def test_evaluate_coverage_and_correlation():
    truth = pd.DataFrame(
        {
            "id": ["a", "b", "c"],
            "rating": [3.0, -3.0, 0.0],
            "text": ["A wonderful success.", "A horrible attack.", "The meeting is on Monday."],
        }
    )
    result = vader.evaluate(truth)
    assert result["n"] == 3
    assert result["coverage"] == pytest.approx(2 / 3)
    assert result["pearson_r"] > 0.99
    assert result["f1_macro"] == 1.0
    single = vader.evaluate(truth.head(1))
    assert math.isnan(single["pearson_r"])


def test_report_on_the_hand_rated_file_with_the_conflict_supplement(capsys):
    assert eval_main(["vader", str(GOLD), "--conflict"]) == 0
    out = capsys.readouterr().out
    assert "40 rated items" in out
    rows = {
        line.rsplit(None, 6)[0].strip(): [float(v) for v in line.split()[-6:]]
        for line in out.splitlines()
        if line.startswith("vader")
    }
    assert set(rows) == {"vader", "vader + conflict"}
    base, conflict = rows["vader"], rows["vader + conflict"]
    assert base[:2] == [0.725, 0.604]  # coverage, Pearson r of plain VADER on this file
    assert conflict[1] >= base[1]  # the supplement must not lower r
    assert conflict[0] > base[0]  # and it covers more sentences


def test_report_with_a_user_lexicon_and_a_missing_file(tmp_path, capsys):
    lexicon = tmp_path / "mine.txt"
    lexicon.write_text("militants\t-1.0\n", encoding="utf-8")
    assert eval_main(["vader", str(GOLD), "--lexicon", str(lexicon)]) == 0
    assert "vader + mine.txt" in capsys.readouterr().out
    assert eval_main(["vader", str(tmp_path / "none.txt")]) == 2
    assert "does not exist" in capsys.readouterr().out
