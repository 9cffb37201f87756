"""Table-line counts by pyarrow's RE2 kernels equal Python's `re` on every kind of line."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from newscorpus.terms import tabular

LINES = [
    "Shr 34 cts vs 1.19 dlrs",
    "Net 807,000 vs 2,858,000",
    "SANTA CRUZ, Calif., Feb 26 - Revs 12.4 mln vs 10.1 mln",
    "Nine mths",
    "The lawyers said the test proved that Evelyn had not tried to abort the baby",
    "Sempra built its Energía Sierra Juarez 155-megawatt wind project in Baja California",
    "a\xa0b 12\u2009mln and\u3000the one",
    "ZERO x nil, Twelve twelve-fold; one’s “two” — three",
    "",
    "Ünïcödé wörds of the café and a naïve résumé",
    "tab\tseparated\x0bvertical\x1cfile",
]


def _re(text):
    return tabular._line_counts_re(pd.Series(text, dtype="str").fillna(""))


def test_re2_counts_equal_python_re_on_built_lines():
    for fast, slow in zip(tabular._line_counts(LINES), _re(LINES), strict=True):
        assert fast.tolist() == slow.tolist()
    words, figures, _ = tabular._line_counts(["Shr 34 cts vs 1.19 dlrs"])
    assert (words[0], figures[0]) == (6, 2)


def test_re2_counts_equal_python_re_on_polnear():
    folder = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "polnear"
    files = sorted(folder.glob("*.txt"))[:300]
    if not files:
        pytest.skip("../shared/corpora/polnear is not here")
    lines = [ln for f in files for ln in f.read_text(encoding="utf-8").split("\n")]
    for fast, slow in zip(tabular._line_counts(lines), _re(lines), strict=True):
        assert np.array_equal(fast, slow)
