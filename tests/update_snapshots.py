"""Digests of every table the analysis makes, on the seeds and on a bounded PolNeAR subset, and
the command that rewrites them after an intended change:

    .venv/bin/python -m tests.update_snapshots      (or: make snapshots)

`tests/test_snapshots.py` recomputes the digests and compares them with
`tests/data/snapshots.json`, so a refactoring that changes any table (a row, a column, a value)
fails until the change is named and the snapshots rewritten. A table's digest is its row count,
its columns (in order) and a hash of its rows canonicalised: columns in name order, every value
as text (numbers to 6 significant digits, missing values as one marker, the corpus folder's
path as `<corpus>`), rows sorted. The tables are those `python -m newscorpus export` writes:
`analysis.TABLES` from a fresh analysis cache (one worker), then `topics` and `topic_terms`.

The PolNeAR subset: the first `PER_OUTLET` articles of each outlet (file names sorted; the
outlet is the file name's prefix) of `../shared/corpora/polnear`, copied with their manifest
rows into a temporary folder. Without `../shared` its snapshot is left as it is.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import math
import shutil
import sys
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

from newscorpus import analysis, topics
from newscorpus.paths import PROJECT_ROOT, SEEDS_DIR

SNAPSHOTS = Path(__file__).resolve().parent / "data" / "snapshots.json"
POLNEAR = PROJECT_ROOT.parent / "shared" / "corpora" / "polnear"
PER_OUTLET = 9  # articles of each of PolNeAR's 7 outlets: 63 in all
MISSING = "\x00NA"
DIGITS = 6


def polnear_subset(source: Path, folder: Path, per_outlet: int = PER_OUTLET) -> Path:
    """Copy the first `per_outlet` articles of each outlet of `source` (sorted file names; the
    outlet is the name up to the first `_`) and their manifest rows into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    chosen: dict[str, list[Path]] = {}
    for path in sorted(source.glob("*.txt")):
        outlet = path.name.split("_", 1)[0]
        if len(chosen.setdefault(outlet, [])) < per_outlet:
            chosen[outlet].append(path)
    ids = set()
    for paths in chosen.values():
        for path in paths:
            shutil.copy(path, folder / path.name)
            ids.add(path.stem)
    manifest = source / "manifest.csv"
    if manifest.exists():
        with manifest.open(newline="", encoding="utf-8") as f_in:
            rows = list(csv.reader(f_in))
        with (folder / "manifest.csv").open("w", newline="", encoding="utf-8") as f_out:
            writer = csv.writer(f_out, lineterminator="\n")
            writer.writerow(rows[0])
            writer.writerows(r for r in rows[1:] if r and r[0] in ids)
    return folder


def tables(corpus: Path, cache: Path) -> dict[str, pd.DataFrame]:
    """Every table of `corpus`, as `python -m newscorpus export` writes them, analysed into a
    fresh cache folder `cache` with one worker."""
    folder = analysis.analyse(corpus, cache=cache, workers=1, progress=False)
    found = {}
    for name in analysis.TABLES:
        frames = [f for f in analysis.read_parts(folder, name) if len(f.columns)]
        found[name] = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    for name in ("topics", "topic_terms"):
        frames = list(topics.parts(folder, name, None, workers=1))
        found[name] = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    return found


def _text(value, roots: tuple[str, ...]) -> str:
    if isinstance(value, np.ndarray):  # a list column read from Parquet
        value = value.tolist()
    if value is None or (not isinstance(value, str | bytes | list | tuple) and pd.isna(value)):
        return MISSING
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and math.isfinite(value):
        return format(value, f".{DIGITS}g")
    if isinstance(value, str):
        for root in roots:
            value = value.replace(root, "<corpus>")
        return value
    if isinstance(value, np.generic):  # a numpy scalar
        return _text(value.item(), roots)
    return json.dumps(value, default=str, sort_keys=True)


def digest(table: pd.DataFrame, corpus: Path) -> dict:
    """{rows, columns, hash} of one table; `corpus` is the folder its paths are relative to."""
    roots = tuple(sorted({str(corpus), str(corpus.resolve())}, key=len, reverse=True))
    columns = sorted(map(str, table.columns))
    cells = [[_text(v, roots) for v in table[c].tolist()] for c in columns]
    rows = sorted("\x1f".join(row) for row in zip(*cells, strict=True)) if cells else []
    h = hashlib.sha256("\x1e".join(columns).encode())
    for row in rows:
        h.update(b"\x1e" + row.encode())
    return {
        "rows": len(table),
        "columns": [str(c) for c in table.columns],
        "hash": h.hexdigest()[:20],
    }


def snapshot(corpus: Path, cache: Path) -> dict[str, dict]:
    """{table: digest} for every table of `corpus`."""
    return {name: digest(t, corpus) for name, t in tables(corpus, cache).items()}


def seeds_snapshot(tmp: Path) -> dict[str, dict]:
    """The snapshot of the seed corpus (analysed under `tmp`)."""
    return snapshot(SEEDS_DIR, tmp / "cache")


def polnear_snapshot(tmp: Path, source: Path = POLNEAR) -> dict[str, dict]:
    """The snapshot of the PolNeAR subset (copied and analysed under `tmp`)."""
    return snapshot(polnear_subset(source, tmp / "polnear"), tmp / "cache")


def compare(expected: dict[str, dict], found: dict[str, dict]) -> list[str]:
    """The differences between two snapshots, one line per table (empty when equal)."""
    out = []
    for name in sorted(set(expected) | set(found)):
        old, new = expected.get(name), found.get(name)
        if old is None or new is None:
            out.append(f"{name}: table {'added' if old is None else 'gone'}")
            continue
        if old["columns"] != new["columns"]:
            gone = [c for c in old["columns"] if c not in new["columns"]]
            added = [c for c in new["columns"] if c not in old["columns"]]
            out.append(
                f"{name}: columns {old['columns']} -> {new['columns']} (gone {gone}, added {added})"
            )
        elif old["rows"] != new["rows"]:
            out.append(f"{name}: {old['rows']} rows -> {new['rows']}")
        elif old["hash"] != new["hash"]:
            out.append(f"{name}: same {new['rows']} rows and columns, different values")
    return out


def load() -> dict:
    """The committed snapshots ({} when there are none)."""
    return json.loads(SNAPSHOTS.read_text(encoding="utf-8")) if SNAPSHOTS.exists() else {}


def main(argv: list[str] | None = None) -> int:
    """Rewrite tests/data/snapshots.json from the tables as the code makes them now."""
    parser = argparse.ArgumentParser(prog="python -m tests.update_snapshots", description=__doc__)
    parser.add_argument("--only", choices=("seeds", "polnear"), help="rewrite one corpus only")
    args = parser.parse_args(argv)
    data = load()
    with tempfile.TemporaryDirectory(prefix="snapshots-") as tmp:
        tmp = Path(tmp)
        if args.only in (None, "seeds"):
            data["seeds"] = seeds_snapshot(tmp / "seeds")
        if args.only in (None, "polnear"):
            if POLNEAR.is_dir():
                data["polnear"] = polnear_snapshot(tmp / "polnear")
            else:
                print(f"{POLNEAR} is absent: the polnear snapshot is kept", file=sys.stderr)
    for name in sorted(data):
        for line in compare(load().get(name, {}), data[name]):
            print(f"{name}.{line}")
    SNAPSHOTS.parent.mkdir(parents=True, exist_ok=True)
    SNAPSHOTS.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {SNAPSHOTS.relative_to(PROJECT_ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
