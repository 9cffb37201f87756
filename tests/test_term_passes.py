"""Term x group counts over cache parts read twice (frequent terms first, then their sums) are
the counts of the whole table: the same rows on the seeds in five parts and on PolNeAR in four."""

from __future__ import annotations

import pandas as pd
import pytest

from newscorpus import groups
from newscorpus.parts import Parts
from newscorpus.terms import group_counts
from newscorpus.terms.aggregate import frequent_terms


def _whole(data) -> pd.DataFrame:
    return pd.concat(list(data.parts("term_counts")), ignore_index=True)


@pytest.mark.parametrize("fixture", ["seeds_in_parts", "polnear_in_parts"])
def test_two_pass_counts_equal_the_whole_table(fixture, request):
    data = request.getfixturevalue(fixture)
    parts = data.parts("term_counts")
    assert isinstance(parts, Parts)
    labels = groups.assign(data.articles, "outlet", False)
    two_pass = group_counts(parts, labels, min_total=3)
    whole = group_counts(_whole(data), labels, min_total=3)
    once = group_counts(iter(list(parts)), labels, min_total=3)  # a generator: read once
    assert len(two_pass) > 50
    pd.testing.assert_frame_equal(two_pass, whole)
    pd.testing.assert_frame_equal(once, whole)


def test_frequent_terms_are_those_used_min_total_times(seeds_in_parts):
    whole = _whole(seeds_in_parts)
    totals = whole.groupby("term", observed=True)["count"].sum()
    kept = frequent_terms(seeds_in_parts.parts("term_counts"), 3)
    assert set(kept) == set(totals.index[totals >= 3].astype(str))
    assert "islamic state" in set(kept)  # a phrase of every seed
    assert len(frequent_terms([], 3)) == 0


def test_parts_are_read_again_and_select_columns(seeds_in_parts):
    parts = seeds_in_parts.parts("term_counts")
    assert sum(len(p) for p in parts) == sum(len(p) for p in parts) > 0
    narrow = next(iter(parts.select(["term", "count"])))
    assert list(narrow.columns) == ["term", "count"]
