"""`read_corpus`: a folder of `.txt` or `.html` articles, or one table file -> the corpus tables.

Reading streams: `plan(path, **options)` lists the inputs cheaply (a folder's files, a table
file's rows), `Plan.partitions(size)` cuts them into picklable `Partition`s that name their
inputs by path, and `read_partition` reads one into a `Corpus` of those articles only. What
needs the whole corpus (identical texts flagged as duplicates, manifest rows for unknown
articles, the order of `problems` rows) is settled afterwards from small per-article facts by
`finish`, so the analysis pass never holds the whole corpus in one process.
"""

from __future__ import annotations

import hashlib
import numbers
import os
import pickle
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from newscorpus.corpus import duplicates as near_duplicates
from newscorpus.corpus.furniture import Counts, Furniture
from newscorpus.corpus.furniture_paywall import excerpt_note
from newscorpus.corpus.html import HTML_SUFFIXES
from newscorpus.corpus.manifest import load_manifest, merge_manifest, unknown_rows
from newscorpus.corpus.model import (
    ARTICLE_COLUMNS,
    TABLE_NAMES,
    Corpus,
    CorpusError,
    problem,
    problems_frame,
)
from newscorpus.corpus.outlets import canonical_manifest, repeated_tails, with_listed
from newscorpus.corpus.paragraphs import classify_paragraphs
from newscorpus.corpus.parse import parse_article, tables_for
from newscorpus.corpus.provenance import (
    canonical_rows,
    dated_by_names,
    folder_name,
    keep_title_tail,
    load_repaired,
    title_and_outlet,
    title_lines,
)
from newscorpus.corpus.tables import ROLES, TABLE_SUFFIXES, TableRows, open_table

CHUNK_SIZE = 200  # articles parsed into one set of DataFrames (bounds the Python-object peak)
CACHE_VERSION = "5"  # bump when the cache format changes (the reader's code is keyed itself)
COLUMN_OPTIONS = tuple(option for option, _ in ROLES.values())
_REPAIRED = "repaired in place (articles.text is the repaired text)"
_ALL_FURNITURE = (
    "no body text: every body paragraph is site furniture (repeated in many articles of its "
    "outlet), set aside as boilerplate"
)


# --------------------------------------------------------------------------- one input


def _outlet(item: dict, outlets: dict[str, str] | None, root: str | None = None):
    """The outlet an input is known by before parsing: manifest, table column or page, then
    its sub-folder (`root`: the corpus folder when it is laid out in sub-folders)."""
    given = (outlets or {}).get(item["article_id"])
    given = given if given else item["meta"].get("outlet")
    return given if given else folder_name(item, root)


def _read_chunk(
    jobs: list,
    repair_text: bool = True,
    furniture: Furniture | None = None,
    outlets: dict[str, str] | None = None,
    root: str | None = None,
) -> dict:
    """Load, repair and parse a batch of inputs into its table pieces (never raises for content).

    `furniture` (stage 2 of furniture detection) is applied to each article under its outlet
    (`outlets`: the manifest's, by article_id; else the table column's; else the text's).
    An article that is only a paywalled or truncated excerpt gets a note, so a `problems` row
    (`furniture_paywall.excerpt_note`); its text is kept as read.
    """
    items, parsed = [], []
    for job in jobs:
        item = load_repaired(job, repair_text)
        items.append(item)
        text = item["text"]
        if text is None:
            continue
        try:
            if furniture:
                result = parse_article(
                    item["article_id"],
                    text,
                    item["has_title"],
                    furniture=furniture,
                    outlet=_outlet(item, outlets, root),
                )
            else:
                result = parse_article(item["article_id"], text, item["has_title"])
        except Exception as exc:  # one article the rules cannot handle never stops the run
            item["text"] = None
            item["notes"].append(f"could not be parsed: {type(exc).__name__}: {exc}")
            continue
        parsed.append(result)
        item["parsed_meta"] = result["meta"]
        keep_title_tail(result)
        item["digest"] = hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()
        if not result["sentences"]["text"]:
            kinds = result["paragraphs"]["kind"]
            reasons = result["paragraphs"]["reason"]
            if "body" not in kinds and any(r.startswith("site furniture") for r in reasons):
                item["notes"].append(_ALL_FURNITURE)
            else:
                item["notes"].append("no body text (title only or only non-body lines)")
        elif note := excerpt_note(*(result["paragraphs"][k] for k in ("kind", "reason", "text"))):
            item["notes"].append(note)  # a paywalled or truncated excerpt: counted, kept
    ids = [item["article_id"] for item in items if item["text"] is not None]
    tables = tables_for(ids, parsed)
    codes = tables["tokens"]["article_id"].cat.codes.to_numpy()
    words = np.bincount(codes, weights=tables["tokens"]["is_word"].to_numpy(), minlength=len(ids))
    for item, n in zip((i for i in items if i["text"] is not None), words, strict=True):
        item["parsed_meta"]["n_words"] = int(n)
    return {"items": items, "ids": ids, **tables}


# --------------------------------------------------------------------------- plan and partitions


@dataclass
class Partition:
    """Some of a corpus's inputs, named by path, with what reading them needs (picklable).

    `jobs` are (kind, path, article_id) for files; for a table file the rows' inputs are in
    `spool` (a pickle written by `Plan.partitions(spool=...)`) or inline in `items`.
    """

    index: int
    folder: str
    jobs: list = field(default_factory=list)
    items: list | None = None
    extra: pd.DataFrame | None = None
    spool: str | None = None
    manifest: pd.DataFrame | None = None
    manifest_path: str | None = None
    repair: bool = True
    infer_published: bool = True
    size: int = 0  # inputs (files or table rows)
    furniture: Furniture | None = None  # stage 2: set by the caller after `scan_partition`
    kind: str = "folder"  # "folder" or "table"
    subfolders: bool = False  # a folder corpus laid out in sub-folders: a folder names an outlet
    outlet_tails: frozenset = frozenset()  # keys of title tails that end several titles


@dataclass
class Plan:
    """A corpus's inputs listed cheaply: files (or table rows), manifest rows, read options.

    Output of `plan()`. `problems` are rows found while listing (files skipped, bad table
    rows, repeated ids); `manifest_problems` those of the manifest file itself.
    """

    path: Path
    kind: str  # "folder" or "table"
    jobs: list
    problems: list[dict]
    fingerprint: list[Path]
    manifest: pd.DataFrame | None = None
    manifest_problems: list[dict] = field(default_factory=list)
    table: TableRows | None = None  # a table file's rows, converted a partition at a time
    row_problems: list[dict] = field(default_factory=list)
    repair: bool = True
    infer_published: bool = True
    furniture: bool = True  # look for site furniture by repetition (two stages)
    subfolders: bool = False  # articles sit in sub-folders of the corpus folder
    outlet_tails: frozenset = frozenset()  # `outlets.repeated_tails` of every title line

    def __len__(self) -> int:
        return len(self.table) if self.table is not None else len(self.jobs)

    def partitions(self, size: int, spool: str | os.PathLike | None = None) -> list[Partition]:
        """The inputs cut into partitions of at most `size` (at least one, maybe empty).

        For a table file the rows' text is written to `spool` (a folder every worker can see)
        as one pickle per partition, so a partition stays a path; without `spool` it is inline.
        """
        if not isinstance(size, int) or size < 1:
            raise ValueError(f"partition size={size!r}: expected a whole number >= 1")
        out = []
        self.row_problems = []
        starts = range(0, len(self), size) if len(self) else [0]
        for i, start in enumerate(starts):
            if self.table is not None:
                chunk, extra, found = self.table.items(start, start + size)
                self.row_problems.extend(found)
            else:
                chunk, extra = self.jobs[start : start + size], None
            ids = [j["article_id"] if isinstance(j, dict) else j[2] for j in chunk]
            manifest = None
            if self.manifest is not None:
                manifest = self.manifest[self.manifest["article_id"].isin(set(ids))]
            part = Partition(
                index=i,
                folder=str(self.path),
                manifest=manifest,
                manifest_path=str(self.path / "manifest.csv") if self.kind == "folder" else None,
                repair=self.repair,
                infer_published=self.infer_published,
                size=len(chunk),
                kind=self.kind,
                subfolders=self.subfolders,
                outlet_tails=self.outlet_tails,
            )
            if self.kind == "table":
                if len(extra.columns) < 2:
                    extra = None
                if spool is not None:
                    where = Path(spool) / f"input-{i:05d}.pickle"
                    where.parent.mkdir(parents=True, exist_ok=True)
                    with open(where, "wb") as f:
                        pickle.dump((chunk, extra), f, protocol=pickle.HIGHEST_PROTOCOL)
                    part.spool = str(where)
                else:
                    part.items, part.extra = list(chunk), extra
            else:
                part.jobs = list(chunk)
            out.append(part)
        return out


def plan(
    path: str | os.PathLike,
    infer_published: bool = True,
    *,
    repair: bool = True,
    text_column: str | None = None,
    title_column: str | None = None,
    date_column: str | None = None,
    outlet_column: str | None = None,
    id_column: str | None = None,
    url_column: str | None = None,
    byline_column: str | None = None,
    furniture: bool = True,
) -> Plan:
    """List a corpus's inputs without parsing any article: a `Plan` to cut into partitions.

    Input: as `read_corpus` (path and read options). A folder is listed (file names only;
    `manifest.csv` read, it is small); a table file is read once for its rows, ids made unique
    across the whole file, and columns mapped. Raises CorpusError like `read_corpus`.
    """
    columns = {
        "text_column": text_column,
        "title_column": title_column,
        "date_column": date_column,
        "outlet_column": outlet_column,
        "id_column": id_column,
        "url_column": url_column,
        "byline_column": byline_column,
    }
    path = _check_options(path, None, None, infer_published, columns)
    if not isinstance(repair, bool):
        raise CorpusError(f"repair={repair!r} is not True or False")
    if not isinstance(furniture, bool):
        raise CorpusError(f"furniture={furniture!r} is not True or False")
    if not path.exists():
        raise CorpusError(
            f"corpus path {str(path)!r} does not exist (expected a folder of .txt/.html "
            f"articles or one table file: {', '.join(TABLE_SUFFIXES)})"
        )
    options = {"repair": repair, "infer_published": infer_published, "furniture": furniture}
    if path.is_file():
        if path.suffix.lower() not in TABLE_SUFFIXES:
            raise CorpusError(
                f"corpus {str(path)!r} is a {path.suffix or 'suffix-less'} file (expected a "
                f"folder of .txt/.html articles or one table file: {', '.join(TABLE_SUFFIXES)})"
            )
        table = open_table(path, columns)
        tails = frozenset()
        if table.mapping.get("title"):
            tails = repeated_tails(table.frame[table.mapping["title"]].astype("str"))
        return Plan(
            path,
            "table",
            [],
            list(table.problems),
            [path],
            table=table,
            outlet_tails=tails,
            **options,
        )
    given = [o for o, v in columns.items() if v is not None]
    if given:
        raise CorpusError(
            f"{given[0]}={columns[given[0]]!r} applies to a table file, but {str(path)!r} "
            f"is a folder (expected no column options, or a .csv/.tsv/.jsonl/.json/.parquet)"
        )
    problems: list[dict] = []
    jobs, fingerprint = _folder_jobs(path, problems)
    manifest_problems: list[dict] = []
    manifest = canonical_manifest(
        load_manifest(path / "manifest.csv", manifest_problems, repair=repair)
    )
    return Plan(
        path,
        "folder",
        jobs,
        problems,
        fingerprint,
        manifest=manifest,
        manifest_problems=manifest_problems,
        subfolders=any(Path(job[1]).parent != path for job in jobs),
        outlet_tails=repeated_tails(title_lines(jobs, repair)),
        **options,
    )


def _inputs(part: Partition) -> tuple[list, pd.DataFrame | None]:
    """A partition's jobs (file jobs or table-row items) and extra table columns."""
    if part.spool is not None:
        with open(part.spool, "rb") as f:
            return pickle.load(f)
    if part.items is not None:
        return part.items, part.extra
    return part.jobs, None


def _manifest_outlets(part: Partition) -> dict[str, str]:
    """{article_id: outlet} from the partition's manifest rows (non-empty values, last row)."""
    m = part.manifest
    if m is None or "outlet" not in m.columns or not len(m):
        return {}
    values = m["outlet"].astype("str").str.strip()
    keep = (values != "").to_numpy()
    return dict(zip(m["article_id"][keep].tolist(), values[keep].tolist(), strict=True))


def scan_partition(part: Partition) -> dict:
    """Stage 1 of furniture detection for one partition: its `furniture.Counts`, compacted.

    Loads and repairs each input exactly as `read_partition` does, classifies its lines by the
    fixed rules and counts its candidate lines, openings and endings under its outlet.
    Output: `Counts.compact()` (small numpy arrays per outlet), to combine with
    `Furniture.from_counts`. Never raises for content (an unreadable input is skipped here and
    reported by `read_partition`).
    """
    jobs, _ = _inputs(part)
    outlets = _manifest_outlets(part)
    root = part.folder if part.subfolders else None
    counts = Counts()
    for job in jobs:
        if isinstance(job, dict):  # a table row: leave the partition's own item untouched
            job = {**job, "notes": list(job.get("notes", []))}
        try:
            item = load_repaired(job, part.repair)
            if item["text"] is None:
                continue
            texts = [line.strip() for line in item["text"].split("\n") if line.strip()]
            kinds = [k for k, _ in classify_paragraphs(texts, item["has_title"])]
            counts.add(_outlet(item, outlets, root), texts, kinds, item["has_title"])
        except Exception:  # noqa: BLE001 - reading the article again reports what went wrong
            continue
    return counts.compact()


def read_partition(part: Partition) -> tuple[Corpus, dict]:
    """Read one partition: (its Corpus, facts for `finish`).

    The Corpus holds only this partition's articles, with the manifest applied (per article;
    publication dates only as the source states them); `duplicate_of` is left empty and
    `problems` holds this partition's rows (without duplicates, which `finish` decides).
    Site furniture in `part.furniture` (from `scan_partition` over every partition) is marked
    boilerplate. The facts are small: per input, its problems rows and text digest; the kept ids.
    """
    jobs, extra = _inputs(part)
    outlets = _manifest_outlets(part)
    root = part.folder if part.subfolders else None
    chunks = [
        _read_chunk(
            jobs[i : i + CHUNK_SIZE],
            part.repair,
            part.furniture if part.furniture else None,
            outlets,
            root,
        )
        for i in range(0, len(jobs), CHUNK_SIZE)
    ]
    facts: list[tuple] = []
    rows, dates, named = [], [], []
    meta_columns: dict[str, None] = {}
    for item in (item for chunk in chunks for item in chunk["items"]):
        path, aid = item["path"], item["article_id"]
        found: list[dict] = []
        if item["text"] is None:
            found = [problem(path, note, "skipped", aid) for note in item["notes"]]
            facts.append((aid, path, found, None))
            continue
        if item.get("repairs"):
            found.append(
                problem(path, "text repaired: " + "; ".join(item["repairs"]), _REPAIRED, aid)
            )
        found.extend(problem(path, note, "read", aid) for note in item["notes"])
        facts.append((aid, path, found, item["digest"]))
        meta = item["parsed_meta"]
        given = item["meta"]
        published = given.get("published", meta["published"])
        source = given.get("published_from", "text")
        title, outlet, listed = title_and_outlet(item, part.kind, part.outlet_tails, outlets, root)
        row = {
            "article_id": aid,
            "path": path,
            "title": title,
            "byline": given.get("byline", meta["byline"]),
            "outlet": outlet,
            "published": None,
            "published_from": source if not np.isnat(published) else None,
            "dateline": meta["dateline"],
            "encoding": item["encoding"],
            "duplicate_of": None,
            "text": item["text"],
            "n_words": meta["n_words"],
            "n_sentences": meta["n_sentences"],
        }
        for col in ("url", "boilerplate_chars", "outlet_listed"):
            if col in given:
                row[col] = given[col]
                meta_columns[col] = None
        if listed is not None:
            row["outlet_listed"] = listed
            meta_columns["outlet_listed"] = None
            named.append(len(rows))
        rows.append(row)
        dates.append(published)
    articles = pd.DataFrame(rows, columns=ARTICLE_COLUMNS + list(meta_columns))
    articles["published"] = np.array(dates, dtype="datetime64[s]")
    articles = canonical_rows(articles, named)
    articles = _article_types(articles)
    if extra is not None and len(extra.columns) > 1:
        articles = articles.merge(extra, on="article_id", how="left", validate="one_to_one")
    manifest_found: list[dict] = []
    if part.manifest is not None:
        articles = merge_manifest(
            part.manifest, articles, manifest_found, Path(part.manifest_path or part.folder)
        )
    if part.kind == "folder":
        articles = dated_by_names(articles, part.folder, manifest_found)
    articles = with_listed(articles)
    problems = [row for fact in facts for row in fact[2]] + manifest_found
    corpus = Corpus(
        articles=articles,
        paragraphs=_concat(chunks, "paragraphs"),
        sentences=_concat(chunks, "sentences"),
        tokens=_concat(chunks, "tokens"),
        problems=problems_frame(problems),
        folder=Path(part.folder),
    )
    kept = corpus.articles["article_id"].tolist()
    return corpus, {"facts": facts, "manifest": manifest_found, "kept": kept}


def finish(plan: Plan, facts: list[dict]) -> tuple[list[dict], dict[str, str]]:
    """The corpus-wide `problems` rows and duplicates, from every partition's facts in order.

    Output: (problems rows in the order `read_corpus` lists them, {article_id: the earlier
    article with the same text}). Identical texts (same words, any spacing) are duplicates;
    the first in input order is the original.
    """
    problems = list(plan.problems) + list(plan.row_problems)
    first_by_hash: dict[str, str] = {}
    duplicates: dict[str, str] = {}
    for info in facts:
        for aid, path, rows, digest in info["facts"]:
            problems.extend(rows)
            if digest is None:
                continue
            original = first_by_hash.setdefault(digest, aid)
            if original != aid:
                duplicates[aid] = original
                problems.append(
                    problem(
                        path,
                        f"duplicate of {original}",
                        "kept, flagged in articles.duplicate_of",
                        aid,
                    )
                )
    problems.extend(plan.manifest_problems)
    if plan.manifest is not None:
        kept = [aid for info in facts for aid in info["kept"]]
        problems.extend(unknown_rows(plan.manifest, kept, plan.path / "manifest.csv"))
    for info in facts:
        problems.extend(info["manifest"])
    return problems, duplicates


def flag_duplicates(articles: pd.DataFrame, duplicates: dict[str, str]) -> pd.DataFrame:
    """`articles` with `duplicate_of` set from `finish`'s {article_id: original}."""
    if not duplicates or not len(articles):
        return articles
    flagged = articles["article_id"].map(duplicates)
    if not flagged.notna().any():
        return articles
    articles = articles.copy()
    articles["duplicate_of"] = flagged.astype("str")
    return articles


def _article_types(articles: pd.DataFrame) -> pd.DataFrame:
    text_columns = [c for c in ARTICLE_COLUMNS if c not in ("published", "n_words", "n_sentences")]
    articles = articles.astype({c: "str" for c in text_columns if c in articles})
    articles = articles.astype({"n_words": "int64", "n_sentences": "int64"})
    for col in ("url", "outlet_listed"):
        if col in articles:
            articles[col] = articles[col].astype("str")
    if "boilerplate_chars" in articles:
        articles["boilerplate_chars"] = articles["boilerplate_chars"].astype("Int64")
    return articles


def concat_articles(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Partitions' articles tables as one, columns in reader order (meta columns unified)."""
    non_empty = [f for f in frames if len(f)] or frames[:1]
    if len(non_empty) == 1:
        out = non_empty[0]
    else:
        out = pd.concat(non_empty, ignore_index=True)
    meta = [
        c
        for c in ("url", "boilerplate_chars", "outlet_listed")
        if any(c in f.columns for f in frames)
    ]
    for f in frames:
        for c in f.columns:
            if c not in out.columns:
                out[c] = pd.Series(pd.NA, index=out.index, dtype="str")
    order = ARTICLE_COLUMNS + meta
    order += [c for c in out.columns if c not in order]
    out = out[order]
    out["published"] = out["published"].astype("datetime64[s]")
    return _article_types(out).reset_index(drop=True)


# --------------------------------------------------------------------------- the corpus


def _check_options(path, workers, cache, infer_published, columns: dict) -> Path:
    if not isinstance(path, (str, os.PathLike)):
        raise CorpusError(
            f"path={path!r} is not a path (expected a folder of .txt/.html articles or one "
            f"table file: {', '.join(TABLE_SUFFIXES)})"
        )
    if workers is not None and (
        isinstance(workers, bool) or not isinstance(workers, numbers.Integral) or workers < 1
    ):
        raise CorpusError(
            f"workers={workers!r} is not a number of processes (expected a whole number >= 1, "
            f"or None for every core)"
        )
    if not isinstance(infer_published, bool):
        raise CorpusError(f"infer_published={infer_published!r} is not True or False")
    if cache is not None and not isinstance(cache, (str, os.PathLike)):
        raise CorpusError(f"cache={cache!r} is not a folder path (expected a path or None)")
    for option, value in columns.items():
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise CorpusError(f"{option}={value!r} is not a column name (expected a str or None)")
    return Path(path).expanduser()


def read_corpus(
    path: str | os.PathLike,
    workers: int | None = 1,
    cache: str | os.PathLike | None = None,
    infer_published: bool = True,
    *,
    repair: bool = True,
    text_column: str | None = None,
    title_column: str | None = None,
    date_column: str | None = None,
    outlet_column: str | None = None,
    id_column: str | None = None,
    url_column: str | None = None,
    byline_column: str | None = None,
    scheduler: str | None = None,
    furniture: bool = True,
) -> Corpus:
    """Read a corpus into the tables articles, paragraphs, sentences, tokens and problems.

    Input `path`: a folder of `.txt` articles (one per file, first line the title; optional
    `manifest.csv`), a folder of saved `.html`/`.htm` pages, or one table file (`.csv`, `.tsv`,
    `.jsonl`, `.json`, `.parquet`) with one article per row. For a table the `*_column` options
    name its columns (None: detected from common export names; see README "Reading a corpus").
    `workers`: processes (None: every core). `cache`: a folder where the tables are kept as
    Parquet, keyed by the input files' names, sizes and modification times and the options.
    `infer_published`: ignored, kept so existing calls work: publication dates come from the
    source only (text, manifest, table column, page metadata), never from the years an
    article mentions; an undated article keeps `published` NaT.
    `repair`: fix the text on read (`newscorpus.corpus.repair`; False keeps the decoded text
    as it is, e.g. to score against offsets into the original files; `offset_map` maps them).
    `furniture`: set aside as boilerplate what an outlet repeats at the same place in many of
    its articles (`newscorpus.corpus.furniture`; two stages over the partitions: count, then
    mark); False keeps only the fixed rules of `classify_paragraphs`.
    Output: a Corpus (see the README's data dictionary). Raises CorpusError for a path or
    option that cannot be used (naming it, its value and what was expected); a bad file or row
    is a `problems` row and never stops the run. `scheduler`: the address of an existing
    Dask cluster (tcp://HOST:PORT) whose workers read the partitions (they must see `path`).
    For corpora larger than memory, read by partition (`plan`, `read_partition`), as the
    analysis pass does.
    """
    columns = {
        "text_column": text_column,
        "title_column": title_column,
        "date_column": date_column,
        "outlet_column": outlet_column,
        "id_column": id_column,
        "url_column": url_column,
        "byline_column": byline_column,
    }
    _check_options(path, workers, cache, infer_published, columns)
    if cache is not None:  # the key needs the file list only: no table file is read for it
        probe = Path(path).expanduser()
        if probe.is_dir():
            fingerprint = _folder_jobs(probe, [])[1] if probe.exists() else []
        else:
            fingerprint = [probe] if probe.exists() else []
        options = {**columns, "repair": repair, "furniture": furniture}
        key = _cache_key(probe, fingerprint, options, infer_published)
        if fingerprint:
            cached = _read_cache(Path(cache) / key, probe)
            if cached is not None:
                return cached
    p = plan(path, infer_published, repair=repair, furniture=furniture, **columns)
    workers = (os.cpu_count() or 1) if workers is None else int(workers)
    parts = p.partitions(CHUNK_SIZE)
    if p.furniture:
        found = Furniture.from_counts(_map(scan_partition, parts, workers, scheduler))
        for part in parts:
            part.furniture = found
    results = _map(read_partition, parts, workers, scheduler)
    problems, duplicates = finish(p, [info for _, info in results])
    corpora = [c for c, _ in results]
    chunks = [
        {
            "ids": c.articles["article_id"].tolist(),
            "paragraphs": c.paragraphs,
            "sentences": c.sentences,
            "tokens": c.tokens,
        }
        for c in corpora
    ]
    articles = flag_duplicates(concat_articles([c.articles for c in corpora]), duplicates)
    paragraphs = _concat(chunks, "paragraphs")
    # near-duplicates (h17), as the analysis pass finds them: duplicate_of, duplicate_similarity
    copies = near_duplicates.group([near_duplicates.signatures(articles, paragraphs)], duplicates)
    corpus = Corpus(
        articles=near_duplicates.flag(articles, copies),
        paragraphs=paragraphs,
        sentences=_concat(chunks, "sentences"),
        tokens=_concat(chunks, "tokens"),
        problems=problems_frame(problems),
        folder=p.path,
    )
    if cache is not None:
        _write_cache(Path(cache) / key, corpus)
    return corpus


def _map(fn, parts: list[Partition], workers: int, scheduler: str | None) -> list:
    """`fn` over the partitions: on a Dask cluster, a process pool or in this process."""
    if scheduler:
        from distributed import Client

        with Client(scheduler, set_as_default=False) as client:
            return client.gather(client.map(fn, parts, pure=False))
    if workers > 1 and len(parts) > 1:
        with ProcessPoolExecutor(max_workers=min(workers, len(parts))) as pool:
            return list(pool.map(fn, parts))
    return [fn(part) for part in parts]


def _folder_jobs(folder: Path, problems: list[dict]) -> tuple[list, list[Path]]:
    """Every .txt and .html file of `folder` and its sub-folders (sorted by path), so a corpus
    organised in sub-folders by source or topic is read whole (`group_by="folder"` groups by
    them); other files, and sub-folders holding no article, are `problems` rows."""
    jobs, used, fingerprint = [], set(), []
    kinds = {".txt": "txt", **{s: "html" for s in HTML_SUFFIXES}}
    seen = {folder.resolve()}

    def walk(where: Path) -> None:
        for p in sorted(where.iterdir()):
            if p.is_dir():
                if p.name.startswith(".") or p.resolve() in seen:
                    continue
                seen.add(p.resolve())
                before = len(jobs)
                walk(p)
                if len(jobs) == before:
                    problems.append(problem(p, "a folder with no .txt or .html file", "skipped"))
                continue
            kind = kinds.get(p.suffix.lower()) if p.is_file() else None
            if kind is None:
                if p.name.startswith(".") or (p.name == "manifest.csv" and where == folder):
                    continue
                problems.append(problem(p, "not a .txt or .html file", "skipped"))
                continue
            article_id = p.stem
            if article_id in used:  # the same name in another sub-folder, or a.txt beside a.html
                rel = p.relative_to(folder).with_suffix("").as_posix().replace("/", "__")
                article_id = rel if rel not in used and rel != p.stem else p.name
                problems.append(
                    problem(
                        p,
                        f"another file is named {p.stem!r}",
                        f"read as {article_id!r}",
                        article_id,
                    )
                )
            used.add(article_id)
            jobs.append((kind, p, article_id))
            fingerprint.append(p)

    walk(folder)
    if not jobs:
        raise CorpusError(
            f"corpus folder {str(folder)!r} contains no .txt files and no .html pages "
            f"(expected one article per .txt or .html file, or pass one table file)"
        )
    manifest = folder / "manifest.csv"
    if manifest.exists():
        fingerprint.append(manifest)
    return jobs, fingerprint


def _cache_key(path: Path, files: list[Path], columns: dict, infer_published: bool) -> str:
    # the reader's own code is in the key (`keys.code_key`): changed parsing or furniture rules
    # never reuse an old cache, with no version to bump by hand
    from newscorpus import keys  # here: keys is the analysis cache's, read without it otherwise

    code = keys.code_key("newscorpus.corpus.read")
    digest = hashlib.sha1(
        f"{CACHE_VERSION}|{code}|{path.resolve()}|{sorted(columns.items())}".encode()
    )
    for p in files:
        st = p.stat()
        digest.update(f"|{p.name}|{st.st_size}|{st.st_mtime_ns}".encode())
    return f"{digest.hexdigest()[:20]}-{int(infer_published)}"


def _read_cache(where: Path, folder: Path) -> Corpus | None:
    if not all((where / f"{n}.parquet").exists() for n in TABLE_NAMES):
        return None
    tables = {n: pd.read_parquet(where / f"{n}.parquet") for n in TABLE_NAMES}
    # Parquet has no second unit: `published` comes back in ms; the contract is seconds.
    tables["articles"]["published"] = tables["articles"]["published"].astype("datetime64[s]")
    return Corpus(**tables, folder=folder)


def _write_cache(where: Path, corpus: Corpus) -> None:
    where.mkdir(parents=True, exist_ok=True)
    for name, table in corpus.tables.items():
        tmp = where / f"{name}.parquet.tmp"
        table.to_parquet(tmp, index=False)
        tmp.replace(where / f"{name}.parquet")


def _concat(chunks: list[dict], table: str) -> pd.DataFrame:
    frames = [chunk[table] for chunk in chunks]
    if not frames:
        return tables_for([], [])[table]
    if table == "tokens" and len(frames) > 1:  # concat would turn the categoricals to text
        frames = [f.drop(columns="article_id") for f in frames]
    out = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    if table == "tokens" and len(frames) > 1:  # one categorical over every chunk's ids
        ids = [i for chunk in chunks for i in chunk["ids"]]
        offsets = np.cumsum([0] + [len(chunk["ids"]) for chunk in chunks[:-1]])
        codes = np.concatenate(
            [
                chunk["tokens"]["article_id"].cat.codes.to_numpy().astype(np.int32) + off
                for chunk, off in zip(chunks, offsets, strict=True)
            ]
        )
        ids_dtype = pd.Index(ids, dtype="str")
        out.insert(0, "article_id", pd.Categorical.from_codes(codes, categories=ids_dtype))
    return out
