"""The analysis pass: every table computed once per corpus, stored as Parquet, loaded on demand.

    a = analysis.load("seeds")          # runs the pass the first time, later just opens the cache
    a.articles, a.sentences, a.dates, a.quotes, a.sources, a.sentiment, a.term_counts

The pass reads the corpus, then runs the per-article analyses (dates, quotes, sources,
sentiment, term counts) over partitions of a few thousand articles in parallel, writing each
partition's rows as one Parquet file (`<cache>/<table>/part-NNNNN.parquet`, `parts`). Each
stage and step has its own cache key (`step_keys`, `keys`): the corpus files (names, sizes,
modification times) and read options for reading, and for every table the code and data its
function runs on, its options and the keys of the tables it reads. The cache folder is named
by all of them: a changed corpus or rule never reuses a stale table, a new folder copies the
tables whose keys did not change from an earlier one (a changed figure colour recomputes
nothing, changed quote rules recompute quotes, sources and sentiment), and an unchanged corpus
does no analysis work at all. A table with non-default options (`a.table("quotes",
extra_outlets=[...])`) is computed once and cached under its options, together with the
tables that depend on it.

An article that one analysis cannot handle becomes a `problems` row (article_id, analysis,
error) and the rest of the table is kept.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib
import json
import os
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from newscorpus import keys
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
from newscorpus.parts import TEXT_FROM_ARTICLES, Parts, read_parts  # noqa: F401 (re-exported)
from newscorpus.parts import concat_parts as _concat
from newscorpus.parts import part_files as _parts
from newscorpus.parts import publish as _publish
from newscorpus.parts import read_table as _read_table
from newscorpus.parts import text_map as _text_map
from newscorpus.parts import texts_of as _texts_of
from newscorpus.parts import with_text as _with_text
from newscorpus.parts import write_part as _write_part
from newscorpus.paths import PROJECT_ROOT
from newscorpus.workers import balanced_size as _balanced_size
from newscorpus.workers import cluster_slots as _cluster_slots
from newscorpus.workers import default_workers, execute
from newscorpus.workers import peak_mib as _peak_mib

READER_TABLES = ("articles", "paragraphs", "sentences", "tokens", "problems")


@dataclass(frozen=True)
class Step:
    """One analysis table: the function that makes it, the tables it needs, its options.

    `code` names extra modules whose source changes the table (beyond the function's own
    module and what it imports, found by `keys.code_closure`); the cache key of the step
    hashes that code, its data files, `fixed` and the keys of the tables it `needs`.
    """

    module: str
    function: str
    needs: tuple[str, ...] = ()
    options: tuple[str, ...] = ()
    fixed: tuple[tuple[str, object], ...] = ()
    code: tuple[str, ...] = ()

    def function_object(self):
        """The analysis function itself (imported on first use)."""
        return getattr(importlib.import_module(self.module), self.function)

    def code_modules(self) -> tuple[str, ...]:
        """The module defining the function (`keys.defining_module`: no import), then `code`."""
        return (keys.defining_module(self.module, self.function), *self.code)

    def run(self, corpus: Corpus, inputs: dict[str, pd.DataFrame], options: dict) -> pd.DataFrame:
        """Call the analysis function on `corpus` with its input tables and options."""
        kwargs = dict(self.fixed) | {k: v for k, v in options.items() if k in self.options}
        return self.function_object()(corpus, *(inputs[n] for n in self.needs), **kwargs)


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


# The corpus-level stages, keyed like the steps (`keys.stage_keys`): reading (with exact and
# near duplicates), one name per source (rewrites quotes and sources), topic models.
STAGES = {
    "read": ("newscorpus.corpus.read", "newscorpus.corpus.duplicates"),
    "canonical": ("newscorpus.sources.canonical",),
    "topics": ("newscorpus.topics.store", "newscorpus.topics.model"),
}


def step_keys(path: str | os.PathLike, **read_options) -> dict[str, str]:
    """The cache key of every stage and step for this corpus and read options (`keys`)."""
    return keys.stage_keys(Path(path).expanduser(), read_options, STEPS, STAGES)


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
    """The cache folder of one corpus with these read options (it may not exist yet): named
    by the keys of all its stages, so it changes when any table would."""
    path = Path(path).expanduser()
    found = step_keys(path, **read_options)
    key = keys.digest(*(f"{k}={v}" for k, v in sorted(found.items())))
    root = Path(cache).expanduser() if cache is not None else cache_root()
    return root / f"{path.name or 'corpus'}-{key}"


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


def _execute(
    jobs: list[dict],
    sizes: list[int],
    workers: int,
    scheduler: str | None,
    progress: bool,
    desc: str,
    fn=None,
) -> list[dict]:
    """`workers.execute` with `_analyse_partition` as the default job function."""
    return execute(jobs, sizes, workers, scheduler, progress, desc, fn or _analyse_partition)


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
    cache folder, holding one Parquet dataset per table (TABLES), `keys.json` (each stage's
    key, `step_keys`) and `stats.json` (CPU seconds per step). When the folder exists already,
    nothing is computed; when an earlier folder of the same corpus has tables whose keys are
    unchanged, those are copied and only the others computed (`reused` in stats.json). Raises
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
    found = step_keys(path, **read_options)
    workers = workers or os.cpu_count() or 1
    run = {"workers": workers, "scheduler": scheduler}
    run["progress"] = sys.stderr.isatty() if progress is None else progress
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{final.name}-", dir=final.parent))
    try:
        t0 = time.perf_counter()
        donor = _donor(final, found)
        if donor is None:
            stats = _full_pass(tmp, path, read_options, partition_size, run)
        else:
            stats = _reuse_pass(tmp, donor, found, run)
        stats["wall_s"] = round(time.perf_counter() - t0, 3)
        (tmp / "keys.json").write_text(_json(found) + "\n", encoding="utf-8")
        (tmp / "stats.json").write_text(_json(stats) + "\n", encoding="utf-8")
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    _publish(tmp, final)
    return final


def _full_pass(tmp: Path, path: Path, read_options: dict, partition_size, run: dict) -> dict:
    """Read the corpus and run every step and corpus stage into `tmp`; the stats."""
    c0 = time.process_time()
    listing, partitions, plan_cpu = _plan(tmp, path, read_options, partition_size, run)
    stats = _find_furniture(listing, partitions, run)
    plan_cpu += time.process_time() - c0 + stats.pop("_cpu", 0.0)
    jobs = [
        {
            "partition": p,
            "part": p.index,
            "names": list(ANALYSIS_TABLES),
            "options": {},
            "folders": {name: str(tmp / name) for name in TABLES},
        }
        for p in partitions
    ]
    results = _run_jobs(jobs, [p.size for p in partitions], run, "reading and analysing")
    shutil.rmtree(tmp / "_input", ignore_errors=True)
    reader_problems, duplicates = finish(listing, [r["facts"] for r in results])
    stats |= _flag_copies(tmp, results, duplicates, run)
    reader_problems += stats.pop("_problems")
    stats |= _corpus_stages(tmp, run, canonical=True, topics=True)
    problems = [row for r in results for row in r["problems"]]
    _write_part(_problems_frame(problems, problems_frame(reader_problems)), tmp / "problems", 0)
    cpu = _cpu_by_step(results)
    return {
        "articles": sum(r["articles"] for r in results),
        "partitions": len(partitions),
        "read_cpu_s": round(plan_cpu + cpu.pop("read", 0.0), 3),
        "analysis_cpu_s": cpu,
        **stats,
        # a worker's peak resident memory once the stage is done (largest over partitions)
        "worker_peak_mib": {
            k: round(max(r["peak"][k] for r in results), 1) for k in results[0]["peak"]
        },
    }


def _run_jobs(jobs: list[dict], sizes: list[int], run: dict, desc: str, fn=None) -> list[dict]:
    return _execute(jobs, sizes, run["workers"], run["scheduler"], run["progress"], desc, fn=fn)


def _cpu_by_step(results: list[dict]) -> dict[str, float]:
    cpu: dict[str, float] = {}
    for r in results:
        for k, v in r["cpu"].items():
            cpu[k] = cpu.get(k, 0.0) + v
    return {k: round(v, 3) for k, v in cpu.items()}


def _plan(tmp: Path, path: Path, read_options: dict, partition_size, run: dict) -> tuple:
    """List the corpus and cut it into partitions: (listing, partitions, CPU of a child)."""
    slots = _cluster_slots(run["scheduler"]) if run["scheduler"] else run["workers"]
    job = (path, read_options, partition_size, slots, tmp / "_input")
    if path.is_file() and run["workers"] > 1:
        # a table file is loaded whole once: do it in a child process, whose memory goes
        # back to the system when it ends, before the workers start
        with ProcessPoolExecutor(max_workers=1) as pool:
            return pool.submit(_plan_job, job).result()
    listing, partitions, _ = _plan_job(job)
    return listing, partitions, 0.0  # counted in this process's time


def _find_furniture(listing, partitions: list, run: dict) -> dict:
    """Stage 1 of reading: each worker counts its partition's candidate furniture; the main
    process sums the counts (small arrays) into the furniture every partition is read with."""
    if not listing.furniture:
        return {}
    scans = _run_jobs(
        [{"partition": p} for p in partitions],
        [p.size for p in partitions],
        run,
        "finding site furniture",
        fn=_scan_job,
    )
    c1 = time.process_time()
    found = Furniture.from_counts(r.pop("counts") for r in scans)
    for p in partitions:
        p.furniture = found
    return {
        "furniture_scan_cpu_s": round(sum(r["cpu"] for r in scans), 3),
        "furniture_combine_cpu_s": round(time.process_time() - c1, 3),
        "furniture_scan_peak_mib": round(max(r["peak"] for r in scans), 1),
        "_cpu": sum(r["cpu"] for r in scans),  # counted as reading
    }


def _flag_copies(tmp: Path, results: list[dict], duplicates: dict, run: dict) -> dict:
    """Exact duplicates (reader's facts), then near ones: MinHash per partition, LSH groups
    here, `duplicate_of`/`_similarity` into each articles part; problems rows for near ones."""
    for r in results:
        if duplicates and any(aid in duplicates for aid in r["facts"]["kept"]):
            where = tmp / "articles" / f"part-{r['part']:05d}.parquet"
            _write_part(
                flag_duplicates(pd.read_parquet(where), duplicates), where.parent, r["part"]
            )
    near = importlib.import_module("newscorpus.corpus.duplicates")
    signed = _run_jobs(
        [{"folder": str(tmp), "part": r["part"]} for r in results],
        [r["articles"] for r in results],
        run,
        "finding near-duplicates",
        fn=near.signature_job,
    )
    c2 = time.process_time()
    copies = near.group([s["signatures"] for s in signed], duplicates)
    for r in results:
        where = tmp / "articles" / f"part-{r['part']:05d}.parquet"
        _write_part(near.flag(pd.read_parquet(where), copies), where.parent, r["part"])
    return {
        "duplicates_signature_cpu_s": round(sum(s["cpu"] for s in signed), 3),
        "duplicates_group_cpu_s": round(time.process_time() - c2, 3),
        "near_duplicates": len(copies),
        "_problems": near.copy_problems(tmp / "articles", copies, duplicates or {}),
    }


def _corpus_stages(tmp: Path, run: dict, canonical: bool, topics: bool) -> dict:
    """The corpus-level stages after the steps: one source, one name across the corpus
    (rewrites quotes/sources `canonical`, h2); one topic model fitted on a bounded sample of
    term counts, every part assigned (h17)."""
    stats: dict = {}
    if canonical:
        importlib.import_module("newscorpus.sources.canonical").resolve_folder(tmp)
    if topics:
        c3 = time.process_time()
        try:
            importlib.import_module("newscorpus.topics").cached(
                tmp, workers=run["workers"], scheduler=run["scheduler"]
            )
        except ValueError as exc:  # a corpus too small to model: no topics, said in problems
            stats["topics_skipped"] = str(exc)
        stats["topics_fit_cpu_s"] = round(time.process_time() - c3, 3)
    return stats


# --------------------------------------------------------------------------- reuse


def _donor(final: Path, found: dict[str, str]) -> Path | None:
    """The finished cache folder of the same corpus, read the same way (same "read" key), that
    shares the most step keys with `found`; None when there is none."""
    prefix = final.name.rpartition("-")[0]
    best, best_shared = None, -1
    for folder in final.parent.glob(f"{prefix}-*"):
        if folder.name.rpartition("-")[0] != prefix or not (folder / "stats.json").exists():
            continue
        try:
            theirs = json.loads((folder / "keys.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if theirs.get("read") != found["read"]:
            continue
        shared = sum(theirs.get(k) == v for k, v in found.items())
        if shared > best_shared:
            best, best_shared = folder, shared
    return best


def _reuse_pass(tmp: Path, donor: Path, found: dict[str, str], run: dict) -> dict:
    """Copy from `donor` the reader's tables and every table whose key is unchanged; compute
    the other steps per partition (as a variant is) and rerun the corpus stages they feed."""
    theirs = json.loads((donor / "keys.json").read_text(encoding="utf-8"))
    same = {k for k, v in found.items() if theirs.get(k) == v}
    kept = [n for n in ANALYSIS_TABLES if n in same]
    todo = [n for n in ANALYSIS_TABLES if n not in same]
    for name in (*READER_TABLES[:-1], *kept):
        shutil.copytree(donor / name, tmp / name)
    given = {n: n for n in kept if any(n in STEPS[t].needs for t in todo)}
    jobs = [
        {
            "part": int(p.stem.split("-")[1]),
            "source": str(tmp),
            "given": given,
            "names": todo,
            "options": {},
            "folders": {n: str(tmp / n) for n in todo},
        }
        for p in _parts(tmp / "articles")
    ]
    results = _run_jobs(jobs, [1] * len(jobs), run, "analysing changed steps") if todo else []
    old = pd.read_parquet(donor / "problems")
    old = old[~old["analysis"].isin(todo)]
    problems = [row for r in results for row in r["problems"]]
    _write_part(_problems_frame(problems, old), tmp / "problems", 0)
    canonical = "canonical" not in same
    if not canonical and (donor / "source_aliases.parquet").exists():
        shutil.copy2(donor / "source_aliases.parquet", tmp / "source_aliases.parquet")
    topics = "topics" not in same
    for folder in [] if topics else donor.glob("topics@*"):
        shutil.copytree(folder, tmp / folder.name)
    stats = json.loads((donor / "stats.json").read_text(encoding="utf-8"))
    stats["analysis_cpu_s"] = {
        k: v for k, v in stats.get("analysis_cpu_s", {}).items() if k in kept
    } | {k: v for k, v in _cpu_by_step(results).items() if k != "read"}
    stats["reused"] = sorted({"read", *same} - ({"canonical"} if canonical else set()))
    stats["reused_from"] = donor.name
    return stats | _corpus_stages(tmp, run, canonical, topics)


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
        """Table `name` part by part (`parts.Parts`: iterable, each pass a fresh read), for
        corpus-level aggregates that must not hold a large table whole (term counts at 100,000
        articles are tens of millions of rows)."""
        if name not in TABLES:
            raise ValueError(f"table {name!r}: expected one of {', '.join(TABLES)}")
        return Parts(self.folder, name, columns=columns)

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
                jobs, [1] * len(jobs), self.workers or default_workers(), None, False, ""
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
