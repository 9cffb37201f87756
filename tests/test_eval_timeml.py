"""`python -m newscorpus.eval timeml`: TimeML reading, TempEval-3 scoring and the command."""

from __future__ import annotations

import pytest

from newscorpus.eval import timeml
from newscorpus.eval.__main__ import main as eval_main
from newscorpus.eval.timeml import (
    Timex,
    errors,
    evaluate_corpora,
    evaluate_files,
    read_timeml,
    score,
)

from conftest import GOLD_DIR

SAMPLE = GOLD_DIR / "timeline" / "sample.tml"


def test_read_timeml_gives_text_dct_and_gold_spans():
    text, dct, gold = read_timeml(SAMPLE)
    assert dct == "2018-06-14"
    assert len(gold) == 29
    assert (gold[0].text, gold[0].type, gold[0].value) == ("Tuesday", "DATE", "2018-06-12")
    assert all(text[g.start : g.end] == g.text for g in gold)
    assert "<" not in text and "BAGHDAD (Reuters)" in text
    assert [g.text for g in gold if g.type == "SET"] == ["once a week", "every night"]


def test_read_timeml_unescapes_entities(tmp_path):
    path = tmp_path / "a.tml"
    path.write_text(
        '<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2010-01-05">x</TIMEX3></DCT>'
        "<TEXT>AT&amp;T said on "
        '<TIMEX3 tid="t1" type="DATE" value="2010-01-04">Monday</TIMEX3>.</TEXT></TimeML>',
        encoding="utf-8",
    )
    text, dct, gold = read_timeml(path)
    assert text == "AT&T said on Monday."
    assert (dct, gold[0].start, gold[0].end) == ("2010-01-05", 13, 19)


def t(start, end, value="2019", kind="DATE"):
    return Timex("d", start, end, "", kind, value)


def test_score_counts_strict_relaxed_value_and_type():
    gold = [t(0, 10), t(20, 30, "P3Y", "DURATION"), t(40, 50), t(60, 70)]
    system = [
        t(0, 10),  # exact, right value
        t(22, 30, "P3Y", "DATE"),  # overlap only, right value, wrong type
        t(40, 50, "2018"),  # exact, wrong value
        t(80, 90),  # spurious
    ]
    s = score(gold, system)
    assert (s["strict_p"], s["strict_r"]) == (0.5, 0.5)
    assert (s["relaxed_p"], s["relaxed_r"]) == (0.75, 0.75)
    assert s["relaxed_f1"] == pytest.approx(0.75)
    assert s["value_accuracy"] == pytest.approx(2 / 3)
    assert s["type_accuracy"] == pytest.approx(2 / 3)
    assert s["value_f1"] == pytest.approx(0.5)


def test_score_with_nothing_found():
    s = score([t(0, 4)], [])
    assert (s["relaxed_p"], s["relaxed_r"], s["relaxed_f1"], s["value_accuracy"]) == (0, 0, 0, 0)


def test_command_prints_tempeval_figures(capsys):
    assert eval_main(["timeml", str(SAMPLE)]) == 0
    out = capsys.readouterr().out
    assert "gold 29" in out
    for label in ("strict extent", "relaxed extent", "value accuracy", "type accuracy"):
        assert label in out
    relaxed_f1 = float(out.split("relaxed extent")[1].split()[2])
    value_acc = float(out.split("value accuracy")[1].split()[0])
    # the sample was written while developing the extractor: a floor against regressions
    assert relaxed_f1 >= 0.9 and value_acc >= 0.8


def test_command_scores_the_seeds(capsys):
    assert eval_main(["timeml", "--seeds"]) == 0
    out = capsys.readouterr().out
    assert "seeds" in out and "gold 58" in out
    # the seed gold keeps a year range as one expression ("2006–2007"): scored as such
    assert "strict extent     1.000  1.000  1.000" in out


def test_command_without_input_fails(capsys, monkeypatch, tmp_path):
    monkeypatch.setattr(timeml, "shared_gold_dir", lambda: tmp_path / "missing")
    assert eval_main(["timeml"]) == 2
    assert eval_main(["timeml", "no/such/file.tml"]) == 2
    assert "not a file" in capsys.readouterr().out


def test_held_out_files_meet_the_issue_targets():
    files = sorted((GOLD_DIR / "timeline" / "heldout").glob("*.tml"))
    assert len(files) == 5
    s = evaluate_files(files)
    assert s["n_gold"] == 115
    # now development data too (see README): a floor against regressions, not a claim
    assert s["relaxed_f1"] >= 0.9 and s["value_accuracy"] >= 0.8


def test_the_held_out_third_is_chosen_by_file_name_alone(tmp_path):
    names = [f"doc{i:03d}.tml" for i in range(300)]
    held = [n for n in names if timeml.split_of(n) == "heldout"]
    assert 80 <= len(held) <= 120  # about a third
    assert timeml.split_of("a/b/doc001.tml") == timeml.split_of("doc001.tml")
    files = [tmp_path / n for n in names]
    dev = timeml.select_split(files, "dev")
    assert len(dev) + len(held) == 300 and not {f.name for f in dev} & set(held)
    assert timeml.select_split(files, "all") == files
    with pytest.raises(ValueError, match="split='test'"):
        timeml.select_split(files, "test")


def test_relaxed_matching_is_one_to_one_largest_overlap_first():
    gold = [t(0, 10), t(12, 20)]
    system = [t(5, 15)]  # overlaps both: 5 characters with the first, 3 with the second
    s = score(gold, system)
    assert (s["n_matched"], s["relaxed_p"], s["relaxed_r"]) == (1, 1.0, 0.5)
    assert errors(gold, system)["error"].tolist() == ["missed", "span"]
    gold = [t(0, 10)]
    system = [t(0, 4), t(3, 10)]  # two predictions on one gold: only the larger overlap counts
    s = score(gold, system)
    assert (s["n_matched"], s["relaxed_p"], s["relaxed_r"]) == (1, 0.5, 1.0)


SHARED_TIMEML = timeml.shared_gold_dir()


@pytest.mark.skipif(not SHARED_TIMEML.is_dir(), reason="needs ../shared/gold/timeml")
def test_timebank_and_aquaint_extent_targets_and_value_floor():
    table = evaluate_corpora(SHARED_TIMEML).set_index("corpus")
    assert table.loc["combined", "n_gold"] == 1822
    combined = table.loc["combined"]
    for corpus in ("TimeBank", "AQUAINT", "combined"):  # the issue's extent targets
        assert table.loc[corpus, "relaxed_f1"] >= 0.92
        assert table.loc[corpus, "strict_f1"] >= 0.85
    # value accuracy: the issue asks 0.88; reached 0.86 (see the README for what stands in
    # the way); this floor catches regressions
    assert combined["value_accuracy"] >= 0.855


@pytest.mark.skipif(not SHARED_TIMEML.is_dir(), reason="needs ../shared/gold/timeml")
def test_dev_and_held_out_documents_split_the_gold():
    dev = evaluate_corpora(SHARED_TIMEML, "dev").set_index("corpus")
    held = evaluate_corpora(SHARED_TIMEML, "heldout").set_index("corpus")
    assert (dev.loc["combined", "files"], held.loc["combined", "files"]) == (168, 88)
    assert dev.loc["combined", "n_gold"] + held.loc["combined", "n_gold"] == 1822


def test_round_three_untouched_third_is_every_third_file_by_name_per_folder(tmp_path):
    files = [tmp_path / "B" / f"b{i}.tml" for i in range(4)]
    files += [tmp_path / "A" / f"a{i}.tml" for i in (5, 1, 3, 2, 4, 0)]
    of = timeml.split3_of(files)
    untouched = sorted(f.name for f, s in of.items() if s == "untouched")
    assert untouched == ["a2.tml", "a5.tml", "b2.tml"]
    dev = timeml.select_split(files, "dev3")
    assert len(dev) == 7 and not {f.name for f in dev} & set(untouched)
    names = [f.name for f in timeml.select_split(files, "untouched")]
    assert names == ["b2.tml", "a5.tml", "a2.tml"]  # in the order given


@pytest.mark.skipif(not SHARED_TIMEML.is_dir(), reason="needs ../shared/gold/timeml")
def test_round_three_splits_cover_the_gold_once():
    table = timeml.evaluate_splits(SHARED_TIMEML).set_index("split")
    assert table.loc["dev3", "files"] + table.loc["untouched", "files"] == 256
    assert table.loc["dev3", "n_gold"] + table.loc["untouched", "n_gold"] == 1822
    assert table.loc["all", "n_gold"] == 1822


def test_a_dashed_year_range_is_scored_as_two_timeml_dates():
    import pandas as pd

    dates = pd.DataFrame(
        {
            "start": [10, 30],
            "end": [17, 38],
            "text": ["1987-88", "two days"],
            "kind": ["range", "duration"],
            "value": ["1987/1988", "P2D"],
            "resolved": ["1987/1988", "2019-03-09"],
        }
    )
    got = [(x.start, x.end, x.text, x.type, x.value) for x in timeml.system_timexes("d", dates)]
    assert got == [
        (10, 14, "1987", "DATE", "1987"),
        (15, 17, "88", "DATE", "1988"),
        (30, 38, "two days", "DURATION", "P2D"),
    ]
    kept = timeml.system_timexes("d", dates, year_pairs=False)
    assert [(x.start, x.end, x.value) for x in kept] == [(10, 17, "1987/1988"), (30, 38, "P2D")]
