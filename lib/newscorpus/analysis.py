"""The analysis pass: every table computed once per corpus, stored as Parquet, loaded on demand.

    a = analysis.load("seeds")          # runs the pass the first time, later just opens the cache
    a.articles, a.sentences, a.dates, a.quotes, a.sources, a.sentiment, a.term_counts

The pass reads the corpus, then runs the per-article analyses (dates, quotes, sources,
sentiment, term counts) over partitions of a few thousand articles in parallel, writing each
partition's rows as one Parquet file (`<cache>/<table>/part-NNNNN.parquet`). The cache folder is
keyed by the corpus files (names, sizes, modification times), the read options and a hash of
the library's own code and data, so a changed corpus or a changed rule never reuses stale
tables, and an unchanged corpus does no analysis work at all. A table with non-default
options (`a.table("quotes", extra_outlets=[...])`) is computed once and cached under its
options, together with the tables that depend on it.

An article that one analysis cannot handle becomes a `problems` row (article_id, analysis,
error) and the rest of the table is kept.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import importlib
import json
import os
import resource
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
from pandas.api.types import union_categoricals

from newscorpus.corpus import (
    PROBLEM_COLUMNS,
    Corpus,
    CorpusError,
    finish,
    flag_duplicates,
    plan,
    problems_frame,
    read_corpus,  # noqa: F401 - importable from here, as before
    read_partition,
)
from newscorpus.corpus.furniture import Furniture
from newscorpus.corpus.read import scan_partition
from newscorpus.paths import PROJECT_ROOT

READER_TABLES = ("articles", "paragraphs", "sentences", "tokens", "problems")
PARTITION_SIZE = 2000


@dataclass(frozen=True)
class Step:
    """One analysis table: the function that makes it, the tables it needs, its options."""

    module: str
    function: str
    needs: tuple[str, ...] = ()
    options: tuple[str, ...] = ()
    fixed: tuple[tuple[str, object], ...] = ()

    def run(self, corpus: Corpus, inputs: dict[str, pd.DataFrame], options: dict) -> pd.DataFrame:
        """Call the analysis function on `corpus` with its input tables and options."""
        fn = getattr(importlib.import_module(self.module), self.function)
        kwargs = dict(self.fixed) | {k: v for k, v in options.items() if k in self.options}
        return fn(corpus, *(inputs[n] for n in self.needs), **kwargs)


STEPS: dict[str, Step] = {
    "dates": Step("newscorpus.timeline", "find_dates"),
    "quotes": Step(
        "newscorpus.sources", "find_quotes", options=("extra_outlets", "extra_organisations")
    ),
    "sources": Step(
        "newscorpus.sources",
        "find_sources",
        needs=("quotes",),
        options=("extra_outlets", "extra_organisations"),
    ),
    "sentiment": Step(
        "newscorpus.sentiment", "score_sentences", needs=("quotes",), options=("lexicon", "rules")
    ),
    "term_counts": Step(
        "newscorpus.terms",
        "term_counts",
        fixed=(("by", "article"), ("ngram_range", (1, 3))),
    ),
    "entities": Step("newscorpus.entities", "find_entities"),
    "places": Step("newscorpus.places", "find_places", needs=("entities",)),
}
ANALYSIS_TABLES = tuple(STEPS)
TABLES = READER_TABLES + ANALYSIS_TABLES


def _options_of(name: str) -> tuple[str, ...]:
    """Every option that changes table `name`, its own and those of the tables it needs."""
    step = STEPS[name]
    found = list(step.options)
    for need in step.needs:
        found.extend(o for o in _options_of(need) if o not in found)
    return tuple(found)


# --------------------------------------------------------------------------- cache keys


@functools.cache
def library_version() -> str:
    """A hash of the library's code and data files: any change to a rule gives a new cache key."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha1()
    for path in sorted(root.rglob("*")):
        if (
            path.is_file()
            and path.suffix in (".py", ".csv", ".txt", ".json")
            and "__pycache__" not in path.parts
        ):
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _fingerprint(path: Path) -> str:
    """Names, sizes and modification times of the corpus input (a folder's files, those of its
    sub-folders included, or one file)."""
    digest = hashlib.sha1(str(path.resolve()).encode())
    entries = sorted(path.rglob("*")) if path.is_dir() else [path]
    for p in entries:
        if p.is_file():
            st = p.stat()
            name = p.relative_to(path).as_posix() if path.is_dir() else p.name
            digest.update(f"|{name}|{st.st_size}|{st.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def _json(value) -> str:
    return json.dumps(value, sort_keys=True, default=str)


def _options_key(options: dict) -> str:
    return hashlib.sha1(_json(options).encode()).hexdigest()[:10]


def cache_root() -> Path:
    """Where analysis caches live: $NEWSCORPUS_CACHE, or `.cache/newscorpus` in the project."""
    env = os.environ.get("NEWSCORPUS_CACHE")
    return Path(env).expanduser() if env else PROJECT_ROOT / ".cache" / "newscorpus"


def cache_dir(
    path: str | os.PathLike, cache: str | os.PathLike | None = None, **read_options
) -> Path:
    """The cache folder of one corpus with these read options (it may not exist yet)."""
    path = Path(path).expanduser()
    key = hashlib.sha1(
        f"{_fingerprint(path)}|{library_version()}|{_json(read_options)}".encode()
    ).hexdigest()[:20]
    root = Path(cache).expanduser() if cache is not None else cache_root()
    return root / f"{path.name or 'corpus'}-{key}"


# --------------------------------------------------------------------------- writing

# Text is stored once, in articles.text: these tables keep offsets (start, end) into it and
# get their `text` column back when loaded (`Analysis.table`, `read_parts`).
TEXT_FROM_ARTICLES = {"paragraphs": 4, "sentences": 3}  # table -> position of its text column


def _publish(tmp: Path, final: Path) -> None:
    """Move a finished temporary folder into place; another process may have won the race."""
    final.parent.mkdir(parents=True, exist_ok=True)
    try:
        tmp.rename(final)
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)


def _write_part(table: pd.DataFrame, folder: Path, part: int) -> None:
    """One partition's rows of a table as `<folder>/part-NNNNN.parquet` (text stored once)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    if folder.name in TEXT_FROM_ARTICLES and "text" in table.columns:
        table = table.drop(columns="text")
    table = _compact(table)
    table.to_parquet(folder / f"part-{part:05d}.parquet", index=False)


_INT32_COLUMNS = ("sentence_id", "paragraph_id", "start", "end")  # ids and text offsets


def _compact(table: pd.DataFrame) -> pd.DataFrame:
    """64-bit ids and offsets as 32-bit (when they fit): half the bytes on disk and on load."""
    wide = [
        c
        for c in _INT32_COLUMNS
        if c in table.columns
        and table[c].dtype == "int64"
        and (not len(table) or (table[c].min() >= -(2**31) and table[c].max() < 2**31))
    ]
    return table.astype({c: "int32" for c in wide}) if wide else table


def _parts(folder: Path) -> list[Path]:
    parts = sorted(Path(folder).glob("part-*.parquet"))
    if not parts:
        raise FileNotFoundError(f"no Parquet parts in {folder}")
    return parts


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Parts of one table as one frame; a categorical article_id stays one categorical."""
    non_empty = [f for f in frames if len(f)] or frames[:1]
    if len(non_empty) == 1:
        return non_empty[0].reset_index(drop=True)
    cats = [
        f["article_id"]
        for f in non_empty
        if "article_id" in f and isinstance(f["article_id"].dtype, pd.CategoricalDtype)
    ]
    if len(cats) == len(non_empty):
        ids = union_categoricals(cats)
        out = pd.concat([f.drop(columns="article_id") for f in non_empty], ignore_index=True)
        out.insert(list(non_empty[0].columns).index("article_id"), "article_id", ids)
        return out
    return pd.concat(non_empty, ignore_index=True)


def _text_map(articles: pd.DataFrame) -> dict[str, str]:
    return dict(zip(articles["article_id"].astype("str"), articles["text"], strict=True))


def _texts_of(table: pd.DataFrame, texts: dict[str, str]) -> list[str]:
    """Each row's text: its article's text between `start` and `end`, a newline read as a space
    (a span across a hard-wrapped line, as the reader's paragraph and sentence texts)."""
    ids = table["article_id"].astype("str").tolist()
    return [
        texts[a][s:e].replace("\n", " ")
        for a, s, e in zip(ids, table["start"].tolist(), table["end"].tolist(), strict=True)
    ]


def _with_text(name: str, table: pd.DataFrame, texts: dict[str, str]) -> pd.DataFrame:
    if name not in TEXT_FROM_ARTICLES or "text" in table.columns or "start" not in table:
        return table
    table = table.copy()
    where = min(TEXT_FROM_ARTICLES[name], len(table.columns))
    table.insert(where, "text", pd.array(_texts_of(table, texts), dtype="str"))
    return table


def _read_one(path: Path, articles: list[str] | None, columns: list[str] | None):
    if articles is not None and not len(articles):  # no ids: the columns, no rows, nothing read
        schema = pq.read_schema(path)
        names = columns if columns is not None else schema.names
        return schema.empty_table().select(names).to_pandas()
    filters = [("article_id", "in", list(articles))] if articles is not None else None
    return pd.read_parquet(path, columns=columns, filters=filters)


def read_parts(
    folder: str | os.PathLike,
    name: str,
    articles: Iterable[str] | None = None,
    columns: Iterable[str] | None = None,
):
    """Yield table `name` of an analysis cache folder part by part (each a DataFrame).

    `articles` keeps those ids only and `columns` those columns (both read with Parquet
    filters, so nothing else is loaded); paragraphs and sentences get their `text` from
    articles.text. For writing a large table out without holding it whole (`export`).
    """
    folder = Path(folder)
    ids = None if articles is None else [str(a) for a in articles]
    cols = None if columns is None else list(columns)
    needs_text = name in TEXT_FROM_ARTICLES and (cols is None or "text" in cols)
    read_cols = cols
    if needs_text and cols is not None:
        read_cols = list(dict.fromkeys(["article_id", "start", "end"] + cols))
        read_cols.remove("text")
    for i, path in enumerate(_parts(folder / name)):
        part = _read_one(path, ids, read_cols)
        if needs_text:
            arts = folder / "articles" / path.name
            if not arts.exists():  # a variant folder: parts align with the articles' parts
                arts = _parts(folder / "articles")[i]
            wanted = part["article_id"].astype("str").unique().tolist()
            texts = _read_one(arts, wanted, ["article_id", "text"])
            part = _with_text(name, part, _text_map(texts))
            if cols is not None:
                part = part[cols]
        yield part


def _read_table(folder: Path, articles=None, columns=None) -> pd.DataFrame:
    folder = Path(folder)
    table = _concat(list(read_parts(folder.parent, folder.name, articles, columns)))
    if "published" in table.columns and folder.name == "articles":
        # Parquet has no second unit: `published` comes back in ms; the contract is seconds.
        table["published"] = table["published"].astype("datetime64[s]")
    return table


def _subset(corpus: Corpus, ids: list[str]) -> Corpus:
    """The reader tables of some articles only (one article when a step fails)."""
    wanted = set(ids)
    tables = {
        name: (
            table[table["article_id"].isin(wanted)].reset_index(drop=True)
            if "article_id" in table.columns
            else table.iloc[0:0]
        )
        for name, table in corpus.tables.items()
    }
    return dataclasses.replace(corpus, **tables)


def _problem(article_id: str, analysis: str, exc: BaseException) -> dict:
    last = traceback.extract_tb(exc.__traceback__)[-1:] if exc.__traceback__ else []
    where = f" at {Path(last[0].filename).name}:{last[0].lineno}" if last else ""
    return {
        "path": "",
        "article_id": article_id,
        "analysis": analysis,
        "problem": f"{type(exc).__name__}: {exc}{where}",
        "action": f"article left out of the {analysis} table",
    }


def _safe_run(
    name: str, corpus: Corpus, inputs: dict[str, pd.DataFrame], options: dict
) -> tuple[pd.DataFrame | None, list[dict]]:
    """Run one step on a partition; when it fails, run it per article and keep what works."""
    step = STEPS[name]
    try:
        return step.run(corpus, inputs, options), []
    except Exception:  # noqa: BLE001 - isolate the article that fails, keep the others
        pass
    frames, problems = [], []
    for aid in corpus.articles["article_id"].astype("str"):
        one = _subset(corpus, [aid])
        one_inputs = {k: v[v["article_id"].astype("str") == aid] for k, v in inputs.items()}
        try:
            frames.append(step.run(one, one_inputs, options))
        except Exception as exc:  # noqa: BLE001
            problems.append(_problem(aid, name, exc))
    frames = [f for f in frames if len(f)] or frames[:1]
    table = pd.concat(frames, ignore_index=True) if frames else None
    return table, problems


def _part_corpus(folder: Path, part: int) -> Corpus:
    """Partition `part` of a cache folder's reader tables as a Corpus (text restored)."""
    name = f"part-{part:05d}.parquet"
    articles = pd.read_parquet(folder / "articles" / name)
    articles["published"] = articles["published"].astype("datetime64[s]")
    texts = _text_map(articles)
    tables = {
        n: _with_text(n, pd.read_parquet(folder / n / name), texts)
        for n in ("paragraphs", "sentences", "tokens")
    }
    empty = pd.DataFrame(columns=list(PROBLEM_COLUMNS)).astype("str")
    return Corpus(articles=articles, **tables, problems=empty, folder=folder)


def _peak_mib() -> float:
    """This process's peak resident memory so far, in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _analyse_partition(job: dict) -> dict:
    """One worker's whole job: read (or load) one partition, run the steps, write every part.

    Returns only small things: problems rows, per-article facts for `finish`, CPU per step.
    """
    started = time.process_time()
    part = job["part"]
    folders = {k: Path(v) for k, v in job["folders"].items()}
    facts = None
    if job.get("partition") is not None:
        corpus, facts = read_partition(job["partition"])
        for name in ("articles", "paragraphs", "sentences", "tokens"):
            _write_part(getattr(corpus, name), folders[name], part)
        given: dict[str, pd.DataFrame] = {}
    else:
        source = Path(job["source"])
        corpus = _part_corpus(source, part)
        given = {
            n: pd.read_parquet(source / key / f"part-{part:05d}.parquet")
            for n, key in job["given"].items()
        }
    cpu = {"read": time.process_time() - started}
    peak = {"read": _peak_mib()}
    tables: dict[str, pd.DataFrame] = dict(given)
    problems: list[dict] = []
    for name in job["names"]:
        t0 = time.process_time()
        table, found = _safe_run(name, corpus, tables, job["options"])
        problems.extend(found)
        if table is None:
            first = found[0] if found else {"article_id": "?", "problem": "no result"}
            raise RuntimeError(
                f"the {name} table could not be built for any of the {len(corpus.articles)} "
                f"articles of partition {part} (first, {first['article_id']}: "
                f"{first['problem']})"
            )
        tables[name] = table
        _write_part(table, folders[name], part)
        cpu[name] = time.process_time() - t0
        peak[name] = _peak_mib()
    return {
        "part": part,
        "facts": facts,
        "problems": problems,
        "cpu": cpu,
        "peak": peak,
        "articles": len(corpus.articles),
    }


def _scan_job(job: dict) -> dict:
    """Stage 1 of furniture detection on one partition: its counts, CPU seconds, peak MiB."""
    started = time.process_time()
    counts = scan_partition(job["partition"])
    return {"counts": counts, "cpu": time.process_time() - started, "peak": _peak_mib()}


def _progress(total: int, desc: str, enabled: bool):
    if not enabled:
        return None
    from tqdm.auto import tqdm

    return tqdm(total=total, desc=desc, unit=" articles", unit_scale=False, file=sys.stderr)


def _execute(
    jobs: list[dict],
    sizes: list[int],
    workers: int,
    scheduler: str | None,
    progress: bool,
    desc: str,
    fn=None,
) -> list[dict]:
    """Run partition jobs (in-process, a process pool, or a Dask cluster); results in order.

    `fn` is the job function (default `_analyse_partition`)."""
    fn = fn or _analyse_partition
    bar = _progress(sum(sizes), desc, progress)
    results: list[dict | None] = [None] * len(jobs)

    def done(i: int, result: dict) -> None:
        results[i] = result
        if bar is not None:
            bar.update(sizes[i])

    try:
        if scheduler:
            _on_cluster(scheduler, jobs, done, fn)
        elif workers > 1 and len(jobs) > 1:
            with ProcessPoolExecutor(max_workers=min(workers, len(jobs))) as pool:
                futures = {pool.submit(fn, job): i for i, job in enumerate(jobs)}
                for future in as_completed(futures):
                    done(futures[future], future.result())
        else:
            for i, job in enumerate(jobs):
                done(i, fn(job))
    finally:
        if bar is not None:
            bar.close()
    return results


def _on_cluster(scheduler: str, jobs: list[dict], done, fn=None) -> None:
    """Send each partition job to an existing Dask cluster.

    A job names its input and output by path, so every worker must see the corpus and the
    cache folder at the same paths (a shared file system).
    """
    try:
        from distributed import Client
    except ImportError as exc:  # pragma: no cover - dask is in requirements.txt
        raise RuntimeError("scheduler= needs the dask and distributed packages") from exc
    with Client(scheduler, set_as_default=False) as client:
        futures = [client.submit(fn or _analyse_partition, job, pure=False) for job in jobs]
        for i, future in enumerate(futures):  # in order: the client is not the default one
            done(i, future.result())


def _plan_job(job: tuple) -> tuple:
    """List the corpus and cut it into partitions (a table file's rows spooled to disk).

    Output: (the plan without its rows, the partitions, CPU seconds).
    """
    started = time.process_time()
    path, read_options, partition_size, slots, spool = job
    listing = plan(path, **read_options)
    size = partition_size or _balanced_size(len(listing), slots)
    partitions = listing.partitions(size, spool=spool)
    listing.table = None  # the rows are spooled: let the loaded table go
    return listing, partitions, time.process_time() - started


def _balanced_size(n: int, slots: int) -> int:
    """Articles per partition: at most PARTITION_SIZE, in rounds that keep every slot busy.

    10,000 articles on 2 workers: 6 partitions of 1,667 (3 full rounds), not 5 of 2,000.
    """
    rounds = max(1, -(-n // (slots * PARTITION_SIZE)))
    return max(1, -(-n // (slots * rounds)))


def _cluster_slots(scheduler: str) -> int:
    """How many tasks a Dask cluster runs at once (its worker threads)."""
    from distributed import Client

    with Client(scheduler, set_as_default=False) as client:
        return max(1, sum(client.nthreads().values()))


def _problems_frame(rows: list[dict], reader: pd.DataFrame | None = None) -> pd.DataFrame:
    extra = pd.DataFrame(rows, columns=["path", "article_id", "analysis", "problem", "action"])
    if reader is None or not len(reader):
        frames = [extra]
    else:
        frames = [reader, extra] if len(extra) else [reader]
    table = pd.concat(frames, ignore_index=True)
    for col in ("path", "article_id", "analysis", "problem", "action"):
        if col not in table.columns:
            table[col] = pd.NA
    return table.astype("str")


def analyse(
    path: str | os.PathLike,
    cache: str | os.PathLike | None = None,
    workers: int | None = None,
    partition_size: int | None = None,
    progress: bool | None = None,
    scheduler: str | None = None,
    **read_options,
) -> Path:
    """Run the analysis pass on a corpus once and return its cache folder.

    Input: the corpus path (whatever `read_corpus` accepts) and its read options; `workers`
    processes (None: every core), `partition_size` articles per partition (None: PARTITION_SIZE,
    or fewer so that every worker gets one when the corpus is small); `scheduler`, the
    address of an existing Dask cluster (tcp://HOST:PORT) to send partitions to instead of
    local processes (the corpus and the cache folder must be on paths every worker sees).
    The pass streams: the corpus is listed (`corpus.plan`), each worker reads one partition
    from its path, runs every step and writes every table's part, and returns only problems,
    per-article facts and CPU seconds, so no process holds the whole corpus. Output: the
    cache folder, holding one Parquet dataset per table (TABLES) and `stats.json` (CPU
    seconds per step). When the folder exists already, nothing is computed. Raises
    CorpusError for a corpus that cannot be read at all, and RuntimeError naming the table,
    the article and the cause when a table cannot be built for any article.
    """
    path = Path(path).expanduser()
    if not path.exists():
        raise CorpusError(
            f"corpus {str(path)!r} does not exist (expected a folder or a table file)"
        )
    if partition_size is not None and (not isinstance(partition_size, int) or partition_size < 1):
        raise ValueError(f"partition_size={partition_size!r}: expected a whole number ≥ 1")
    final = cache_dir(path, cache, **read_options)
    if (final / "stats.json").exists():
        return final
    workers = workers or os.cpu_count() or 1
    progress = sys.stderr.isatty() if progress is None else progress
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{final.name}-", dir=final.parent))
    try:
        t0, c0 = time.perf_counter(), time.process_time()
        spool = tmp / "_input"
        slots = _cluster_slots(scheduler) if scheduler else workers
        job = (path, read_options, partition_size, slots, spool)
        if path.is_file() and workers > 1:
            # a table file is loaded whole once: do it in a child process, whose memory goes
            # back to the system when it ends, before the workers start
            with ProcessPoolExecutor(max_workers=1) as pool:
                listing, partitions, plan_cpu = pool.submit(_plan_job, job).result()
        else:
            listing, partitions, _ = _plan_job(job)
            plan_cpu = 0.0  # counted in this process's time below
        plan_cpu += time.process_time() - c0
        furniture_stats = {}
        if listing.furniture:
            # stage 1: each worker counts its partition's candidate furniture; the main process
            # sums the counts (small arrays) into the furniture every partition is read with
            scans = _execute(
                [{"partition": p} for p in partitions],
                [p.size for p in partitions],
                workers,
                scheduler,
                progress,
                "finding site furniture",
                fn=_scan_job,
            )
            c1 = time.process_time()
            found = Furniture.from_counts(r.pop("counts") for r in scans)
            for p in partitions:
                p.furniture = found
            furniture_stats = {
                "furniture_scan_cpu_s": round(sum(r["cpu"] for r in scans), 3),
                "furniture_combine_cpu_s": round(time.process_time() - c1, 3),
                "furniture_scan_peak_mib": round(max(r["peak"] for r in scans), 1),
            }
            plan_cpu += sum(r["cpu"] for r in scans)  # counted as reading
        folders = {name: str(tmp / name) for name in TABLES}
        jobs = [
            {
                "partition": p,
                "part": p.index,
                "names": list(ANALYSIS_TABLES),
                "options": {},
                "folders": folders,
            }
            for p in partitions
        ]
        results = _execute(
            jobs,
            [p.size for p in partitions],
            workers,
            scheduler,
            progress,
            "reading and analysing",
        )
        shutil.rmtree(spool, ignore_errors=True)
        reader_problems, duplicates = finish(listing, [r["facts"] for r in results])
        for r, facts in ((r, r["facts"]) for r in results):
            if duplicates and any(aid in duplicates for aid in facts["kept"]):
                where = tmp / "articles" / f"part-{r['part']:05d}.parquet"
                _write_part(
                    flag_duplicates(pd.read_parquet(where), duplicates), where.parent, r["part"]
                )
        # near-duplicates (h17): MinHash signatures per partition (workers, furniture left
        # out), LSH and groups here (small arrays), then `duplicate_of`/`_similarity` per part
        near = importlib.import_module("newscorpus.corpus.duplicates")
        signed = _execute(
            [{"folder": str(tmp), "part": r["part"]} for r in results],
            [r["articles"] for r in results],
            workers,
            scheduler,
            progress,
            "finding near-duplicates",
            fn=near.signature_job,
        )
        c2 = time.process_time()
        copies = near.group([s["signatures"] for s in signed], duplicates)
        for r in results:
            where = tmp / "articles" / f"part-{r['part']:05d}.parquet"
            _write_part(near.flag(pd.read_parquet(where), copies), where.parent, r["part"])
        furniture_stats["duplicates_signature_cpu_s"] = round(sum(s["cpu"] for s in signed), 3)
        furniture_stats["duplicates_group_cpu_s"] = round(time.process_time() - c2, 3)
        furniture_stats["near_duplicates"] = len(copies)
        # One source, one name across the corpus: rewrites quotes/sources `canonical` (h2).
        importlib.import_module("newscorpus.sources.canonical").resolve_folder(tmp)
        # topics (h17): one model fitted on a bounded sample of term counts, every part assigned
        c3 = time.process_time()
        try:
            importlib.import_module("newscorpus.topics").cached(
                tmp, workers=workers, scheduler=scheduler
            )
        except ValueError as exc:  # a corpus too small to model: no topics, said in problems
            furniture_stats["topics_skipped"] = str(exc)
        furniture_stats["topics_fit_cpu_s"] = round(time.process_time() - c3, 3)
        problems = [row for r in results for row in r["problems"]]
        _write_part(_problems_frame(problems, problems_frame(reader_problems)), tmp / "problems", 0)
        cpu: dict[str, float] = {}
        for r in results:
            for k, v in r["cpu"].items():
                cpu[k] = cpu.get(k, 0.0) + v
        stats = {
            "articles": sum(r["articles"] for r in results),
            "partitions": len(partitions),
            "read_cpu_s": round(plan_cpu + cpu.pop("read", 0.0), 3),
            "analysis_cpu_s": {k: round(v, 3) for k, v in cpu.items()},
            "wall_s": round(time.perf_counter() - t0, 3),
            **furniture_stats,
            # a worker's peak resident memory once the stage is done (largest over partitions)
            "worker_peak_mib": {
                k: round(max(r["peak"][k] for r in results), 1) for k in results[0]["peak"]
            },
        }
        (tmp / "stats.json").write_text(_json(stats) + "\n", encoding="utf-8")
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    _publish(tmp, final)
    return final


# --------------------------------------------------------------------------- loading


class Analysis:
    """Every table of one analysed corpus, read from its Parquet cache when first asked for.

    Attributes named after the tables (`articles`, `paragraphs`, `sentences`, `tokens`,
    `problems`, `dates`, `quotes`, `sources`, `sentiment`, `term_counts`) are DataFrames;
    `corpus` is the reader's `Corpus`; `table(name, **options)` gives a non-default variant,
    `table(name, articles=[...], columns=[...])` only some articles' rows and some columns.
    """

    def __init__(self, path: Path, folder: Path, workers: int | None = None):
        self.path = Path(path)
        self.folder = Path(folder)
        self.workers = workers
        self._tables: dict[str, pd.DataFrame] = {}

    def __repr__(self) -> str:
        n = self.stats.get("articles", len(self.articles))
        return f"Analysis({self.path.name!r}, {n} article{'s' if n != 1 else ''}, tables: {', '.join(TABLES)})"

    def __getattr__(self, name: str) -> pd.DataFrame:
        if name in TABLES:
            return self.table(name)
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    @property
    def stats(self) -> dict:
        """CPU seconds of the pass per step, articles and wall time, as stored with the cache."""
        return json.loads((self.folder / "stats.json").read_text(encoding="utf-8"))

    @property
    def corpus(self) -> Corpus:
        """The reader's tables as a `Corpus` (for functions that take one)."""
        return Corpus(**{n: self.table(n) for n in READER_TABLES}, folder=self.path)

    def parts(self, name: str, columns: Iterable[str] | None = None):
        """Table `name` part by part (a fresh generator of DataFrames on every call), for
        corpus-level aggregates that must not hold a large table whole (term counts at 100,000
        articles are tens of millions of rows)."""
        if name not in TABLES:
            raise ValueError(f"table {name!r}: expected one of {', '.join(TABLES)}")
        return read_parts(self.folder, name, columns=columns)

    def text_of(self, table: pd.DataFrame) -> pd.Series:
        """The text of each row of a table with article_id, start and end (offsets into
        articles.text), e.g. quotes or dates: a `str` Series aligned with `table`."""
        ids = table["article_id"].astype("str").unique().tolist()
        arts = self.table("articles", articles=ids, columns=["article_id", "text"])
        texts = _text_map(arts)
        return pd.Series(_texts_of(table, texts), index=table.index, dtype="str")

    def table(
        self,
        name: str,
        articles: Iterable[str] | None = None,
        columns: Iterable[str] | None = None,
        **options,
    ) -> pd.DataFrame:
        """Table `name`; with options (e.g. extra_outlets for quotes), the variant they give.

        `articles` (ids) and `columns` read only those rows and columns from the cache (Parquet
        filters), for a per-article view of a large corpus; the result is not kept. Raises
        ValueError for an unknown table or an option the table does not take.
        """
        if name not in TABLES:
            raise ValueError(f"table {name!r}: expected one of {', '.join(TABLES)}")
        allowed = _options_of(name) if name in STEPS else ()
        wrong = [k for k in options if k not in allowed]
        if wrong:
            raise ValueError(
                f"option {wrong[0]!r} does not change the {name} table "
                f"(its options: {', '.join(allowed) or 'none'})"
            )
        options = {k: v for k, v in options.items() if v not in (None, [], {}, ())}
        key = name if not options else f"{name}@{_options_key(options)}"
        if options and not (self.folder / key).exists():
            self._variant(name, options)
        if articles is not None or columns is not None:
            if isinstance(articles, str):
                articles = [articles]
            return _read_table(self.folder / key, articles, columns)
        if key not in self._tables:
            if name in TEXT_FROM_ARTICLES:
                texts = self.table("articles")
                table = _concat([pd.read_parquet(p) for p in _parts(self.folder / key)])
                self._tables[key] = _with_text(name, table, _text_map(texts))
            else:
                self._tables[key] = _read_table(self.folder / key)
        return self._tables[key]

    def _variant(self, name: str, options: dict) -> None:
        """Compute and cache table `name` (and the tables it needs) under these options.

        Runs per partition of the cache (each worker loads its partition's reader tables), so
        a variant never needs the whole corpus in one process.
        """
        order: list[str] = []

        def visit(n: str) -> None:
            for need in STEPS[n].needs:
                visit(need)
            if n not in order:
                order.append(n)

        visit(name)
        if "quotes" in order and "sources" not in order:
            order.append("sources")  # the corpus step names a quote's speaker from both
        todo, given, folders = [], {}, {}
        for n in order:
            own = {k: v for k, v in options.items() if k in _options_of(n)}
            key = n if not own else f"{n}@{_options_key(own)}"
            if (self.folder / key).exists():
                given[n] = key
            else:
                todo.append(n)
                folders[n] = self.folder / key
        if not todo:
            return
        tmp_root = Path(tempfile.mkdtemp(prefix=".variant-", dir=self.folder))
        tmp_folders = {n: str(tmp_root / f.name) for n, f in folders.items()}
        parts = _parts(self.folder / "articles")
        try:
            jobs = [
                {
                    "part": int(p.stem.split("-")[1]),
                    "source": str(self.folder),
                    "given": given,
                    "names": todo,
                    "options": options,
                    "folders": tmp_folders,
                }
                for p in parts
            ]
            results = _execute(
                jobs, [1] * len(jobs), self.workers or os.cpu_count() or 1, None, False, ""
            )
            problems = [row for r in results for row in r["problems"]]
            if problems:
                _write_part(_problems_frame(problems), tmp_root / "problems", 0)
            if "quotes" in todo and "sources" in todo:
                # one source, one name, as in the pass: the alias table of this variant
                # (written into the temporary folder) rewrites its quotes and sources
                importlib.import_module("newscorpus.sources.canonical").resolve_folder(
                    tmp_root, (folders["quotes"].name, folders["sources"].name)
                )
            for n in todo:
                _publish(Path(tmp_folders[n]), folders[n])
        finally:
            shutil.rmtree(tmp_root, ignore_errors=True)


def load(
    path: str | os.PathLike,
    cache: str | os.PathLike | None = None,
    workers: int | None = None,
    progress: bool | None = None,
    **read_options,
) -> Analysis:
    """Open the analysed tables of a corpus, running the analysis pass first if needed.

    Input: the corpus path and read options (see `read_corpus`). Output: an `Analysis`.
    Raises CorpusError when the corpus cannot be read.
    """
    path = Path(path).expanduser()
    folder = analyse(path, cache=cache, workers=workers, progress=progress, **read_options)
    return Analysis(path, folder, workers)


def run_steps(
    corpus: Corpus, names: Iterable[str] | None = None, **options
) -> dict[str, pd.DataFrame]:
    """Compute analysis tables in memory for a Corpus (no cache): {name: table}.

    For small corpora and tests; `names` defaults to every analysis table. Articles that an
    analysis cannot handle are listed in the returned "problems" table.
    """
    wanted = list(names or ANALYSIS_TABLES)
    order: list[str] = []

    def visit(n: str) -> None:
        if n not in STEPS:
            raise ValueError(f"table {n!r}: expected one of {', '.join(ANALYSIS_TABLES)}")
        for need in STEPS[n].needs:
            visit(need)
        if n not in order:
            order.append(n)

    for n in wanted:
        visit(n)
    tables: dict[str, pd.DataFrame] = {}
    problems: list[dict] = []
    for n in order:
        table, found = _safe_run(n, corpus, tables, options)
        problems.extend(found)
        if table is None:
            raise RuntimeError(f"the {n} table could not be built: {found[0]['problem']}")
        tables[n] = table
    tables["problems"] = _problems_frame(problems, corpus.problems)
    return tables
