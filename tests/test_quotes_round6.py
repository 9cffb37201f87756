"""Kinds of quotation language settled in round 6 (issue 19), each on invented articles:
headline claims that carry quoted words in their middle."""

from __future__ import annotations

import pandas as pd
import pytest

from newscorpus.sources import find_quotes


@pytest.fixture
def article(make_corpus):
    """Quotes of one invented article: `title` is its first line, `body` the rest."""

    def run(title: str, body: str) -> pd.DataFrame:
        return find_quotes(make_corpus({"a.txt": title + "\n" + body + "\n"}))

    return run


BODY = "Senator Tom Lee and Mayor Ana Ruiz spoke in Dover on Friday about the new budget."


@pytest.mark.parametrize(
    ("title", "kind", "quote"),
    [
        # the quoted words sit inside the claim: the headline reports a claim (indirect)
        (
            "Lee: Voters ‘Tired Of Waiting’ For Tax Cuts",
            "indirect",
            "Voters ‘Tired Of Waiting’ For Tax Cuts",
        ),
        (
            "Ruiz Says Budget Is ‘A Disgrace’ To The City",
            "indirect",
            "Budget Is ‘A Disgrace’ To The City",
        ),
        # a claim beginning or ending with the quoted words stays a partial quote
        ("Lee: ‘No Idea’ If The Budget Will Pass", "partial", "‘No Idea’ If The Budget Will Pass"),
        ("Ruiz Calls Budget ‘A Disgrace’", "partial", "Budget ‘A Disgrace’"),
    ],
)
def test_a_headline_claim_with_quoted_words_inside_is_indirect(article, title, kind, quote):
    q = article(title, BODY)
    rows = q[q["start"] < len(title)]
    assert len(rows) == 1
    row = rows.iloc[0]
    assert (row["kind"], row["quote"]) == (kind, quote)
    assert row["speaker"] in ("Tom Lee", "Ana Ruiz")
