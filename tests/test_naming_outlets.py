"""An outlet's name is one outlet and one counted name: "Western Journalism" is The Western
Journal, and "USA TODAY" is never the word "usa"."""

from __future__ import annotations

from newscorpus import terms
from newscorpus.corpus import read_corpus
from newscorpus.corpus.outlets import canonical_outlets


def test_western_journalism_is_the_western_journal():
    names = canonical_outlets(["Western Journalism", "The Western Journal", "westernjournal"])
    assert names.tolist() == ["The Western Journal"] * 3


def test_an_outlet_name_is_counted_as_the_name(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Fraud found\n\nA USA TODAY investigation found fraud, Fox News said on Monday. "
        "Voters in the USA were angry.\n",
        encoding="utf-8",
    )
    counts = terms.term_counts(read_corpus(tmp_path), by="article")
    ones = dict(
        zip(
            counts.loc[counts["ngram"] == 1, "term"],
            counts.loc[counts["ngram"] == 1, "count"],
            strict=True,
        )
    )
    assert ones["usa today"] == 1 and ones["fox news"] == 1
    assert ones["usa"] == 1  # "the USA" alone is still the country
    assert "today" not in ones and "fox" not in ones
