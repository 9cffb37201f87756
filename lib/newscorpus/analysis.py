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
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from newscorpus.corpus import Corpus, CorpusError, read_corpus
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
    """Names, sizes and modification times of the corpus input (a folder's files, or one file)."""
    digest = hashlib.sha1(str(path.resolve()).encode())
    entries = sorted(path.iterdir()) if path.is_dir() else [path]
    for p in entries:
        if p.is_file():
            st = p.stat()
            digest.update(f"|{p.name}|{st.st_size}|{st.st_mtime_ns}".encode())
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


def _publish(tmp: Path, final: Path) -> None:
    """Move a finished temporary folder into place; another process may have won the race."""
    final.parent.mkdir(parents=True, exist_ok=True)
    try:
        tmp.rename(final)
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)


def _write_part(table: pd.DataFrame, folder: Path, part: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    table.to_parquet(folder / f"part-{part:05d}.parquet", index=False)


def _read_table(folder: Path) -> pd.DataFrame:
    parts = sorted(folder.glob("part-*.parquet"))
    if not parts:
        raise FileNotFoundError(f"no Parquet parts in {folder}")
    frames = [pd.read_parquet(p) for p in parts]
    non_empty = [f for f in frames if len(f)] or frames[:1]
    return pd.concat(non_empty, ignore_index=True) if len(non_empty) > 1 else non_empty[0]


def _subset(corpus: Corpus, ids: list[str]) -> Corpus:
    """The reader tables of some articles only (a partition)."""
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


def _run_partition(
    corpus: Corpus, names: list[str], options: dict, given: dict[str, pd.DataFrame], out: dict
) -> dict:
    """Compute the tables `names` for one partition and write each as a Parquet part."""
    started = time.process_time()
    tables: dict[str, pd.DataFrame] = dict(given)
    problems: list[dict] = []
    cpu: dict[str, float] = {}
    for name in names:
        t0 = time.process_time()
        table, found = _safe_run(name, corpus, tables, options)
        problems.extend(found)
        if table is None:
            first = found[0] if found else {"article_id": "?", "problem": "no result"}
            raise RuntimeError(
                f"the {name} table could not be built for any of the {len(corpus.articles)} "
                f"articles of partition {out['part']} (first, {first['article_id']}: "
                f"{first['problem']})"
            )
        tables[name] = table
        _write_part(table, out["folders"][name], out["part"])
        cpu[name] = time.process_time() - t0
    return {"problems": problems, "cpu": cpu, "total": time.process_time() - started}


def _run_partition_job(args: tuple) -> dict:
    return _run_partition(*args)


def _partitions(ids: list[str], size: int) -> list[list[str]]:
    return [ids[i : i + size] for i in range(0, len(ids), size)] or [[]]


def _progress(iterable: Iterable, total: int, desc: str, enabled: bool):
    if not enabled:
        return iterable
    from tqdm.auto import tqdm

    return tqdm(iterable, total=total, desc=desc, unit="part", file=sys.stderr)


def _compute(
    corpus: Corpus,
    names: list[str],
    options: dict,
    given: dict[str, pd.DataFrame],
    folders: dict[str, Path],
    workers: int,
    partition_size: int,
    progress: bool,
    scheduler: str | None = None,
) -> tuple[list[dict], dict[str, float]]:
    """Run the steps `names` over every partition (in parallel); return problems and CPU."""
    ids = corpus.articles["article_id"].astype("str").tolist()
    parts = _partitions(ids, partition_size)

    def jobs():
        for i, chunk in enumerate(parts):
            sub = _subset(corpus, chunk)
            sub_given = {
                k: v[v["article_id"].astype("str").isin(set(chunk))] for k, v in given.items()
            }
            yield (sub, names, options, sub_given, {"folders": folders, "part": i})

    results = []
    desc = f"analysing ({', '.join(names)})"
    if scheduler:
        results = _on_cluster(scheduler, jobs(), len(parts), desc, progress)
    elif workers > 1 and len(parts) > 1:
        with ProcessPoolExecutor(max_workers=min(workers, len(parts))) as pool:
            for r in _progress(pool.map(_run_partition_job, jobs()), len(parts), desc, progress):
                results.append(r)
    else:
        for job in _progress(jobs(), len(parts), desc, progress):
            results.append(_run_partition(*job))
    problems = [p for r in results for p in r["problems"]]
    cpu: dict[str, float] = {}
    for r in results:
        for k, v in r["cpu"].items():
            cpu[k] = cpu.get(k, 0.0) + v
    return problems, cpu


def _on_cluster(scheduler: str, jobs: Iterable[tuple], total: int, desc: str, progress: bool):
    """Send each partition to an existing Dask cluster; results come back in partition order.

    Every worker must see the cache folder at the same path (a shared file system).
    """
    try:
        from distributed import Client
    except ImportError as exc:  # pragma: no cover - dask is in requirements.txt
        raise RuntimeError("scheduler= needs the dask and distributed packages") from exc
    with Client(scheduler, set_as_default=False) as client:
        futures = [client.submit(_run_partition_job, job, pure=False) for job in jobs]
        return [f.result() for f in _progress(futures, total, desc, progress)]


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
    partition_size: int = PARTITION_SIZE,
    progress: bool | None = None,
    scheduler: str | None = None,
    **read_options,
) -> Path:
    """Run the analysis pass on a corpus once and return its cache folder.

    Input: the corpus path (whatever `read_corpus` accepts) and its read options; `workers`
    processes (None: every core), `partition_size` articles per partition; `scheduler`, the
    address of an existing Dask cluster (tcp://HOST:PORT) to send partitions to instead of
    local processes (the cache folder must be on a path every worker sees). Output: the cache
    folder, holding one Parquet dataset per table (TABLES) and `stats.json` (CPU seconds per
    step). When the folder exists already, nothing is computed. Raises CorpusError for a corpus
    that cannot be read at all, and RuntimeError naming the table, the article and the cause
    when a table cannot be built for any article.
    """
    path = Path(path).expanduser()
    if not path.exists():
        raise CorpusError(
            f"corpus {str(path)!r} does not exist (expected a folder or a table file)"
        )
    if not isinstance(partition_size, int) or partition_size < 1:
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
        corpus = read_corpus(path, workers=workers, **read_options)
        read_cpu = time.process_time() - c0
        if workers > 1:  # the reader's own worker processes
            read_cpu += resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
        folders = {name: tmp / name for name in ANALYSIS_TABLES}
        problems, cpu = _compute(
            corpus,
            list(ANALYSIS_TABLES),
            {},
            {},
            folders,
            workers,
            partition_size,
            progress,
            scheduler,
        )
        for name in ("articles", "paragraphs", "sentences", "tokens"):
            _write_part(getattr(corpus, name), tmp / name, 0)
        _write_part(_problems_frame(problems, corpus.problems), tmp / "problems", 0)
        stats = {
            "articles": len(corpus.articles),
            "read_cpu_s": round(read_cpu, 3),
            "analysis_cpu_s": {k: round(v, 3) for k, v in cpu.items()},
            "wall_s": round(time.perf_counter() - t0, 3),
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
    `corpus` is the reader's `Corpus`; `table(name, **options)` gives a non-default variant.
    """

    def __init__(self, path: Path, folder: Path, workers: int | None = None):
        self.path = path
        self.folder = folder
        self.workers = workers
        self._tables: dict[str, pd.DataFrame] = {}

    def __repr__(self) -> str:
        n = len(self.articles)
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

    def table(self, name: str, **options) -> pd.DataFrame:
        """Table `name`; with options (e.g. extra_outlets for quotes), the variant they give.

        Raises ValueError for an unknown table or an option the table does not take.
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
        if key not in self._tables:
            if options:
                self._variant(name, options)
            self._tables[key] = _read_table(self.folder / key)
        return self._tables[key]

    def _variant(self, name: str, options: dict) -> None:
        """Compute and cache table `name` (and the tables it needs) under these options."""
        order: list[str] = []

        def visit(n: str) -> None:
            for need in STEPS[n].needs:
                visit(need)
            if n not in order:
                order.append(n)

        visit(name)
        todo, given, folders = [], {}, {}
        for n in order:
            own = {k: v for k, v in options.items() if k in _options_of(n)}
            key = n if not own else f"{n}@{_options_key(own)}"
            if (self.folder / key).exists():
                given[n] = self.table(n, **own)
            else:
                todo.append(n)
                folders[n] = self.folder / key
        if not todo:
            return
        tmp_root = Path(tempfile.mkdtemp(prefix=".variant-", dir=self.folder))
        tmp_folders = {n: tmp_root / f.name for n, f in folders.items()}
        try:
            problems, _ = _compute(
                self.corpus,
                todo,
                options,
                given,
                tmp_folders,
                self.workers or os.cpu_count() or 1,
                PARTITION_SIZE,
                False,
            )
            if problems:
                _write_part(_problems_frame(problems), tmp_root / "problems", 0)
            for n in todo:
                _publish(tmp_folders[n], folders[n])
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
