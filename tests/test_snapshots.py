"""The same tables before and after a change: every table of the seeds and of a PolNeAR subset
(63 articles, 9 per outlet) against `tests/data/snapshots.json` (rows, columns, a hash of the
canonical rows; see `tests/update_snapshots.py`). After an intended change, name it in the
commit and rewrite the snapshots: `make snapshots` (`python -m tests.update_snapshots`)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from update_snapshots import POLNEAR, compare, digest, load, polnear_snapshot, seeds_snapshot

FIX = "intended? rewrite the snapshots with `make snapshots` and name the change in the commit"


def _check(name: str, found: dict) -> None:
    expected = load().get(name)
    assert expected is not None, f"tests/data/snapshots.json has no {name!r} snapshot: {FIX}"
    changes = compare(expected, found)
    assert not changes, f"{name}: the tables changed ({FIX}):\n" + "\n".join(changes)


def test_digest_ignores_row_order_and_the_corpus_folder_but_not_a_value(tmp_path):
    table = pd.DataFrame(
        {"path": [f"{tmp_path}/a.txt", f"{tmp_path}/b.txt"], "score": [0.5, 1 / 3], "n": [1, 2]}
    )
    same = table.iloc[::-1].reset_index(drop=True)
    assert digest(table, tmp_path) == digest(same, tmp_path)
    moved = table.assign(path=["/elsewhere/a.txt", "/elsewhere/b.txt"])
    assert digest(moved, Path("/elsewhere")) == digest(table, tmp_path)
    assert digest(moved, tmp_path)["hash"] != digest(table, tmp_path)["hash"]
    assert (
        digest(table.assign(score=[0.5, 0.3334]), tmp_path)["hash"]
        != digest(table, tmp_path)["hash"]
    )
    assert digest(table.assign(score=[0.5, 1 / 3 + 1e-12]), tmp_path) == digest(table, tmp_path)
    lines = compare({"t": digest(table, tmp_path)}, {"t": digest(table.iloc[:1], tmp_path)})
    assert lines == ["t: 2 rows -> 1"]


def test_seed_tables_match_the_snapshot(tmp_path):
    _check("seeds", seeds_snapshot(tmp_path))


@pytest.mark.skipif(not POLNEAR.is_dir(), reason=f"{POLNEAR} is absent (../shared corpora)")
def test_polnear_subset_tables_match_the_snapshot(tmp_path):
    _check("polnear", polnear_snapshot(tmp_path))
