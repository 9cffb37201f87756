"""The corpus's entities with their names resolved, computed once per analysis cache.

`resolve_entities` is a corpus-wide step (types by majority, surnames to full names, aliases):
it needs the whole `entities` table. Notebooks 02 (naming sets) and 07 (entities) each ran it
on every run. `resolved_entities` runs it once per cache folder and keeps the result beside
the tables (`entities_resolved-<key>.parquet`, the key covering the resolution's code and the
`entities` table's own key), so the second notebook and every later run read it instead.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from newscorpus import keys
from newscorpus.entities.find import resolve_entities


def _cache_file(folder: Path) -> Path | None:
    """Where the resolved table of this cache folder is kept; None without a keys.json."""
    try:
        found = json.loads((folder / "keys.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if "entities" not in found:
        return None
    key = keys.digest(keys.code_key("newscorpus.entities.find"), found["entities"])
    return folder / f"entities_resolved-{key}.parquet"


def resolved_entities(data, columns: Iterable[str] | None = None) -> pd.DataFrame:
    """`resolve_entities(data.table("entities"))`, computed once per analysis cache folder.

    Input: an `analysis.Analysis` (its `folder` and `table`); `columns` to read only some.
    Output: the entities table (ENTITY_COLUMNS) with `type` and `canonical` resolved across the
    corpus, as `resolve_entities` gives it. The first call writes it beside the tables
    (atomically: notebooks running side by side may both compute it, one file wins); a
    folder without keys (not made by `analysis.load`) is resolved every time, nothing written.
    Raises what `data.table` raises for a missing table.
    """
    columns = list(columns) if columns is not None else None
    path = _cache_file(Path(data.folder))
    if path is not None and path.exists():
        return pd.read_parquet(path, columns=columns)
    table = resolve_entities(data.table("entities"))
    if path is not None:
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        table.to_parquet(tmp, index=False)
        os.replace(tmp, path)
        table = pd.read_parquet(path)  # the same dtypes whether computed or read
    return table[columns] if columns is not None else table
