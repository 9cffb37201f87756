"""A test helper: the one quote row whose text contains some words."""

from __future__ import annotations

import pandas as pd


def quote_row(q: pd.DataFrame, words: str) -> pd.Series:
    """The single row of quotes table `q` whose quote contains `words` (asserts exactly one)."""
    rows = q[q["quote"].str.contains(words, regex=False)]
    assert len(rows) == 1, q[["speaker", "speaker_kind", "quote"]]
    return rows.iloc[0]
