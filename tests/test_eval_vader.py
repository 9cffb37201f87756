"""Tests for `python -m newscorpus.eval vader`: reading ground truth, the metrics, the report."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from newscorpus.eval import vader
from newscorpus.eval.__main__ import main as eval_main
from newscorpus.paths import PROJECT_ROOT

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


def test_evaluate_coverage_correlation_and_accuracy():
    truth = pd.DataFrame(
        {
            "id": ["a", "b", "c", "d"],
            "rating": [3.0, -3.0, 0.0, 0.1],
            "text": [
                "A wonderful success.",
                "A horrible attack.",
                "The meeting is on Monday.",
                "It went well.",  # rated neutral (|0.1| < 0.05 * 4), scored positive
            ],
        }
    )
    result = vader.evaluate(truth)
    assert result["n"] == 4
    assert result["coverage"] == pytest.approx(3 / 4)
    assert result["pearson_r"] > 0.9
    assert result["accuracy"] == pytest.approx(3 / 4)
    single = vader.evaluate(truth.head(1))
    assert math.isnan(single["pearson_r"])


def test_evaluate_under_each_rule_set():
    truth = pd.DataFrame(
        {
            "id": ["a"],
            "rating": [1.2],
            "text": ["The evacuation went ahead with no problems, officials said."],
        }
    )
    assert vader.evaluate(truth, rules="nltk")["accuracy"] == 0.0  # scored negative
    assert vader.evaluate(truth, rules="vader-3.3")["accuracy"] == 1.0  # positive


def _rows(out: str) -> dict[tuple[str, str], list[float]]:
    rows = {}
    for line in out.splitlines():
        if line.startswith(("nltk", "vader-3.3")):
            rules, rest = line.split(None, 1)
            name = rest.rsplit(None, 7)[0].strip()
            rows[(rules, name)] = [float(v) for v in line.split()[-7:]]
    return rows


def test_report_on_the_hand_rated_file_with_the_conflict_supplement(capsys):
    assert eval_main(["vader", str(GOLD), "--conflict"]) == 0
    out = capsys.readouterr().out
    assert "40 rated items" in out
    rows = _rows(out)
    assert set(rows) == {
        (rules, name) for rules in ("nltk", "vader-3.3") for name in ("vader", "vader + conflict")
    }
    for rules in ("nltk", "vader-3.3"):
        base, conflict = rows[(rules, "vader")], rows[(rules, "vader + conflict")]
        assert base[:3] == [0.725, 0.604, 0.625]  # coverage, Pearson r, accuracy on this file
        assert conflict[1] >= base[1]  # the supplement must not lower r
        assert conflict[0] > base[0]  # and it covers more sentences


def test_report_on_several_files_one_rule_set(tmp_path, capsys):
    other = tmp_path / "two.txt"
    other.write_text("a\t2.5\tA wonderful success.\nb\t-2.5\tA horrible attack.\n")
    assert eval_main(["vader", str(GOLD), str(other), "--rules", "nltk"]) == 0
    out = capsys.readouterr().out
    assert out.count("ground truth:") == 2 and "2 rated items" in out
    assert "vader-3.3" not in out


def test_report_with_a_user_lexicon_and_a_missing_file(tmp_path, capsys):
    lexicon = tmp_path / "mine.txt"
    lexicon.write_text("militants\t-1.0\n", encoding="utf-8")
    assert eval_main(["vader", str(GOLD), "--lexicon", str(lexicon)]) == 0
    assert "vader + mine.txt" in capsys.readouterr().out
    assert eval_main(["vader", str(tmp_path / "none.txt")]) == 2
    assert "does not exist" in capsys.readouterr().out


def test_both_rule_sets_on_the_vader_gold_sets():
    """The README's figures: r and accuracy per set and rule set (skipped without ../shared)."""
    folder = PROJECT_ROOT.parent / "shared" / "gold" / "vader"
    if not (folder / "tweets_GroundTruth.txt").is_file():
        pytest.skip(f"no VADER gold in {folder} (it lives outside the repository)")
    expected = {  # (Pearson r, accuracy) for nltk, vader-3.3
        "tweets": ((0.878, 0.907), (0.872, 0.899)),
        "movieReviewSnippets": ((0.422, 0.551), (0.427, 0.553)),
        "amazonReviewSnippets": ((0.571, 0.577), (0.590, 0.587)),
    }
    for name, figures in expected.items():
        truth = vader.read_ground_truth(folder / f"{name}_GroundTruth.txt")
        for rules, (r, accuracy) in zip(("nltk", "vader-3.3"), figures, strict=True):
            result = vader.evaluate(truth, rules=rules)
            assert (round(result["pearson_r"], 3), round(result["accuracy"], 3)) == (
                r,
                accuracy,
            ), (name, rules)
