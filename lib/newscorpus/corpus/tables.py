"""One table file (CSV, TSV, JSON lines, JSON, Parquet) with one article per row.

Columns are mapped by option or by their common export names (Media Cloud, GDELT, news-please,
scrapers); every other column is kept as article metadata.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from newscorpus.corpus.dates import parse_date
from newscorpus.corpus.decode import decode
from newscorpus.corpus.model import ARTICLE_COLUMNS, CorpusError, problem
from newscorpus.corpus.outlets import canonical_outlets

TABLE_SUFFIXES = (".csv", ".tsv", ".jsonl", ".ndjson", ".json", ".parquet")
# role -> (option name, common column names in priority order)
ROLES = {
    "text": (
        "text_column",
        (
            "text",
            "body",
            "content",
            "article",
            "full_text",
            "fulltext",
            "maintext",
            "article_text",
            "body_text",
            "story",
        ),
    ),
    "title": ("title_column", ("title", "headline", "heading")),
    "date": (
        "date_column",
        (
            "published",
            "publish_date",
            "date_publish",
            "publication_date",
            "published_at",
            "pub_date",
            "pubdate",
            "date",
            "seendate",
            "datetime",
        ),
    ),
    "outlet": (
        "outlet_column",
        (
            "outlet",
            "source",
            "media_name",
            "publisher",
            "source_name",
            "site_name",
            "sitename",
            "source_domain",
            "domain",
            "site",
            "media",
        ),
    ),
    "id": ("id_column", ("article_id", "id", "stories_id", "guid", "doc_id", "uid")),
    "url": ("url_column", ("url", "link", "article_url", "url_canonical")),
    "byline": ("byline_column", ("byline", "author", "authors", "creator")),
}
_JSON_LIST_KEYS = ("articles", "data", "results", "stories", "items", "records", "docs", "rows")


def _norm(name: str) -> str:
    return re.sub(r"[\s\-.]+", "_", str(name).strip().lower())


def map_columns(columns: list[str], options: dict[str, str | None], source: str) -> dict:
    """Role -> column name (or None) for a table's columns; raises CorpusError when unsure.

    Input: the table's columns, the `*_column` options given (None = detect), the file name
    for messages. An option naming no column, no text column found, or more than one common
    text-column name present raise CorpusError listing the file's columns.
    """
    by_norm: dict[str, str] = {}
    for c in columns:
        by_norm.setdefault(_norm(c), c)
    listed = ", ".join(repr(c) for c in columns)
    mapping: dict[str, str | None] = {}
    for role, (option, names) in ROLES.items():
        given = options.get(option)
        if given is not None:
            if given in columns:
                mapping[role] = given
            elif _norm(given) in by_norm:
                mapping[role] = by_norm[_norm(given)]
            else:
                raise CorpusError(
                    f"{option}={given!r} is not a column of {source} (expected one of: {listed})"
                )
            continue
        found = [by_norm[n] for n in names if n in by_norm and by_norm[n] not in mapping.values()]
        if role == "text" and len(found) > 1:
            raise CorpusError(
                f"cannot tell which column of {source} holds the article text: "
                f"{', '.join(repr(f) for f in found)} all could; pass text_column= "
                f"(columns: {listed})"
            )
        mapping[role] = found[0] if found else None
    if mapping["text"] is None:
        raise CorpusError(
            f"cannot find the article text in {source}: no column is named like text, body, "
            f"content, article, full_text or maintext; pass text_column= (columns: {listed})"
        )
    return mapping


def _load(path: Path, problems: list[dict]) -> tuple[pd.DataFrame, list[int], str]:
    """The table as a DataFrame, each row's number in the file, and the file's encoding."""
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        try:
            frame = pd.read_parquet(path)
        except Exception as exc:  # pyarrow raises many types for a damaged file
            raise CorpusError(f"cannot read {str(path)!r} as Parquet: {exc}") from exc
        return frame.reset_index(drop=True), list(range(1, len(frame) + 1)), "parquet"
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CorpusError(f"cannot read corpus file {str(path)!r}: {exc}") from exc
    text, encoding, notes = decode(data)
    del data  # a large file: keep one copy at a time
    if text is None:
        raise CorpusError(f"corpus file {str(path)!r} holds no table: {'; '.join(notes)}")
    for note in notes:
        problems.append(problem(path, note, "read"))
    if suffix in (".csv", ".tsv"):
        data = text.encode("utf-8")  # the C parser reads bytes, without a 4-byte-per-char copy
        del text
        return _load_csv(path, data, "\t" if suffix == ".tsv" else ",", problems) + (encoding,)
    lines = [line for line in text.split("\n") if line.strip()]
    json_lines = len(lines) > 1 and all(line.lstrip().startswith("{") for line in lines)
    if suffix in (".jsonl", ".ndjson") or (suffix == ".json" and json_lines and _not_one(text)):
        records, rows = [], []
        for n, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError as exc:
                problems.append(problem(f"{path}:{n}", f"line {n} is not JSON: {exc}", "skipped"))
                continue
            if not isinstance(record, dict):
                problems.append(problem(f"{path}:{n}", f"line {n} is not an object", "skipped"))
                continue
            records.append(record)
            rows.append(n)
        return pd.DataFrame.from_records(records), rows, encoding
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise CorpusError(f"cannot read {str(path)!r} as JSON: {exc}") from exc
    if isinstance(data, dict):
        lists = [k for k, v in data.items() if isinstance(v, list)]
        key = next(
            (k for k in _JSON_LIST_KEYS if k in lists), lists[0] if len(lists) == 1 else None
        )
        if key is None:
            raise CorpusError(
                f"{str(path)!r} is a JSON object without one list of articles "
                f"(expected a list of objects, or an object with a key like 'articles')"
            )
        data = data[key]
    if not isinstance(data, list):
        raise CorpusError(f"{str(path)!r} holds JSON but not a list of articles (one object each)")
    records, rows = [], []
    for n, record in enumerate(data, start=1):
        if isinstance(record, dict):
            records.append(record)
            rows.append(n)
        else:
            problems.append(problem(f"{path}:{n}", f"item {n} is not an object", "skipped"))
    return pd.DataFrame.from_records(records), rows, encoding


def _not_one(text: str) -> bool:
    """True when `text` is not one JSON document (JSON lines saved as `.json`)."""
    try:
        json.loads(text)
    except ValueError:
        return True
    return False


def _load_csv(path: Path, data: bytes, sep: str, problems: list[dict]):
    """The CSV (UTF-8 bytes, decoded and repaired already) as a frame of `str` and row numbers."""
    try:
        frame = pd.read_csv(
            io.BytesIO(data),
            sep=sep,
            dtype=str,
            keep_default_na=False,
            encoding="utf-8",
        )
        return frame, list(range(1, len(frame) + 1))
    except pd.errors.ParserError:
        pass
    except (ValueError, csv.Error) as exc:
        raise CorpusError(f"cannot read {str(path)!r} as a table: {exc}") from exc
    bad: list[list[str]] = []

    def skip(line: list[str]) -> None:
        bad.append(line)
        return None

    frame = pd.read_csv(
        io.BytesIO(data),
        sep=sep,
        dtype=str,
        keep_default_na=False,
        encoding="utf-8",
        engine="python",
        on_bad_lines=skip,
    )
    for line in bad:
        preview = sep.join(line)[:80]
        problems.append(
            problem(
                path,
                f"row with {len(line)} fields, not {len(frame.columns)}: {preview!r}",
                "skipped",
            )
        )
    return frame, list(range(1, len(frame) + 1))


def _as_text(value) -> str | None:
    """A cell as text: lists of paragraphs joined by blank lines; None for missing."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple, np.ndarray)):
        parts = [_as_text(v) for v in value]
        return "\n\n".join(p for p in parts if p)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        return str(int(value))  # an id column with gaps comes back as floats: 5000.0 -> 5000
    return str(value)


_MARKUP = re.compile(r"<(?:p|br|div|li|h[1-6]|blockquote)\b[^>]*>", re.IGNORECASE)
_BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr")


def _markup_to_text(text: str) -> tuple[str, int]:
    """A cell holding HTML (`<p>…</p><p>…</p>`) as text, one block per paragraph.

    Output: (text, number of elements removed). Uses lxml's HTML parser (a trafilatura
    dependency), which also decodes entities; text without block markup is returned as is.
    """
    if not _MARKUP.search(text):
        return text, 0
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(text, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return text, 0
    n = 0
    for element in root.iter():
        if not isinstance(element.tag, str) or element is root:
            continue
        n += 1
        if element.tag in ("script", "style"):
            element.drop_tree()
        elif element.tag == "br":
            element.tail = "\n" + (element.tail or "")
        elif element.tag in _BLOCKS:
            element.tail = "\n\n" + (element.tail or "")
            element.text = "\n\n" + (element.text or "")
    return root.text_content().strip(), n


@dataclass
class TableRows:
    """A table file loaded once, its columns mapped and every row's unique id decided.

    `problems` holds the file's own rows (decoding, bad lines, missing or repeated ids);
    `items(start, stop)` turns some rows into article inputs, so a large table is converted
    (and handed to workers) a partition at a time.
    """

    path: Path
    frame: pd.DataFrame
    rows: list[int]
    encoding: str
    mapping: dict
    ids: list[str]
    problems: list[dict]
    outlets: list | None = None  # canonical outlet per row (`corpus.outlets`), None: no column

    def __len__(self) -> int:
        return len(self.ids)

    def items(self, start: int, stop: int) -> tuple[list[dict], pd.DataFrame, list[dict]]:
        """Rows [start, stop) as (items, extra, problems): see `read_table`."""
        return _items(self, start, stop)


def open_table(path: Path, options: dict[str, str | None]) -> TableRows:
    """Load a table file, map its columns and give every row a unique id (see `read_table`)."""
    problems: list[dict] = []
    frame, rows, encoding = _load(path, problems)
    frame.columns = [str(c) for c in frame.columns]
    if frame.empty and not len(frame.columns):  # `[]`, or a JSON-lines file of bad lines
        return TableRows(path, frame, [], encoding, {}, [], problems)
    mapping = map_columns(list(frame.columns), options, path.name)
    width = len(str(len(frame)))
    ids: list[str] = []
    seen: set[str] = set()
    raw_ids = frame[mapping["id"]].tolist() if mapping["id"] else [None] * len(frame)
    for i, (raw, row) in enumerate(zip(raw_ids, rows, strict=True)):
        aid = (_as_text(raw) or "").strip()
        if not aid:
            aid = f"{path.stem}-{i + 1:0{width}d}"
            if mapping["id"]:
                problems.append(
                    problem(
                        f"{path}:{row}",
                        f"row {row} has no {mapping['id']}",
                        f"id {aid!r} given",
                        aid,
                    )
                )
        if aid in seen:
            k = 2
            while f"{aid}-{k}" in seen:
                k += 1
            new = f"{aid}-{k}"
            problems.append(
                problem(
                    f"{path}:{row}", f"id {aid!r} repeated (row {row})", f"kept as {new!r}", new
                )
            )
            aid = new
        seen.add(aid)
        ids.append(aid)
    outlets = None
    if mapping["outlet"] or mapping["url"]:
        listed = frame[mapping["outlet"]].map(_as_text) if mapping["outlet"] else None
        urls = frame[mapping["url"]].map(_as_text) if mapping["url"] else None
        if listed is None:
            listed = pd.Series([None] * len(frame), index=frame.index)
        outlets = canonical_outlets(listed, urls).tolist()
    return TableRows(path, frame, rows, encoding, mapping, ids, problems, outlets)


def _items(t: TableRows, start: int, stop: int) -> tuple[list[dict], pd.DataFrame, list[dict]]:
    if not t.mapping:
        return [], pd.DataFrame({"article_id": pd.array([], dtype="str")}), []
    path, mapping, problems = t.path, t.mapping, []
    encoding = t.encoding
    frame = t.frame.iloc[start:stop]
    ids, rows = t.ids[start:stop], t.rows[start:stop]
    column = {
        role: (frame[c].tolist() if c else [None] * len(frame)) for role, c in mapping.items()
    }
    items: list[dict] = []
    keep = np.zeros(len(frame), dtype=bool)
    for i, (aid, row) in enumerate(zip(ids, rows, strict=True)):
        where = f"{path}:{row}"
        body, n_markup = _markup_to_text(_as_text(column["text"][i]) or "")
        body = body.strip("\n\r ")
        if not body.strip():
            problems.append(
                problem(where, f"row {row} has no text in {mapping['text']!r}", "skipped", aid)
            )
            continue
        keep[i] = True
        title = " ".join((_as_text(column["title"][i]) or "").split())
        if title and body.split("\n", 1)[0].strip() != title:
            body = f"{title}\n\n{body}"
        meta: dict = {}
        for role in ("outlet", "byline", "url"):
            raw = column[role][i]
            if isinstance(raw, (list, tuple, np.ndarray)):  # authors: ["Jo Smith", "Al Brown"]
                raw = ", ".join(t for t in (_as_text(v) for v in raw) if t)
            value = " ".join((_as_text(raw) or "").split())
            if value:
                meta[role] = value
        if t.outlets is not None:
            canonical = t.outlets[start + i]
            if meta.get("outlet"):
                meta["outlet_listed"] = meta["outlet"]
            if isinstance(canonical, str) and canonical:
                meta["outlet"] = canonical
        raw_date = column["date"][i]
        if mapping["date"]:
            published = parse_date(raw_date)
            if not np.isnat(published):
                meta["published"], meta["published_from"] = published, "table"
            elif (_as_text(raw_date) or "").strip():
                problems.append(
                    problem(
                        where,
                        f"row {row}: {mapping['date']} value {_as_text(raw_date)!r} is not a date",
                        "published left empty (NaT)",
                        aid,
                    )
                )
        items.append(
            {
                "article_id": aid,
                "path": where,
                "text": body,
                "encoding": encoding,
                "notes": [f"{n_markup} HTML elements turned into paragraphs"] if n_markup else [],
                "has_title": bool(title),
                "meta": meta,
            }
        )
    used = {c for c in mapping.values() if c}
    extra = pd.DataFrame({"article_id": pd.array(ids, dtype="str")})
    for col in frame.columns:
        if col in used:
            continue
        name = f"input_{col}" if col in ARTICLE_COLUMNS or col == "url" else col
        values = frame[col]
        if values.dtype == object:
            values = values.map(_as_text)
        if not (
            pd.api.types.is_numeric_dtype(values) or pd.api.types.is_datetime64_any_dtype(values)
        ) or pd.api.types.is_bool_dtype(values):
            values = values.astype("str")
            values = values.where(values.str.strip() != "")
        extra[name] = values.to_numpy() if not hasattr(values, "array") else values.array
    return items, extra[keep].reset_index(drop=True), problems


def read_table(
    path: Path, options: dict[str, str | None]
) -> tuple[list[dict], pd.DataFrame, list[dict]]:
    """Read one table file into article inputs.

    Output: (items, extra, problems). Each item holds article_id, path (`file:row`), text (the
    title as first line when there is one), encoding, has_title, notes and `meta` overrides
    (title, outlet, byline, url, published as `datetime64[s]`, published_from `"table"`);
    `extra` has article_id plus every unmapped column (as `str`); `problems` lists rows
    without text, repeated ids (made unique as `id-2`, …), unparseable dates and bad lines.
    """
    table = open_table(path, options)
    items, extra, problems = table.items(0, len(table))
    return items, extra, table.problems + problems
