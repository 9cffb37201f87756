"""Run the analysis pass once, then every notebook with papermill, in parallel, byte-stably.

    python -m newscorpus.run                      # seeds/: rewrite notebooks/ outputs and figures/
    python -m newscorpus.run --corpus PATH --out DIR [-p NAME VALUE ...] [--only 01-timeline]
    python -m newscorpus.run --corpus export.csv --text-col body --date-col published

With no `--corpus`, outputs are written back into the committed notebooks and figures into
`figures/`. With `--corpus`, executed notebooks go to `OUT/notebooks/` and figures to
`OUT/figures/`, and the committed files are left alone. The analysis pass runs first (every
table computed once and cached, see `newscorpus.analysis`); the notebooks then only load and
draw. `-p` values are typed by the parameter's declared annotation. Exit code is non-zero
when any notebook fails; the others still run.
"""

from __future__ import annotations

import argparse
import json
import logging
import multiprocessing
import os
import sys
import time
import warnings
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

import nbformat

from newscorpus.paths import FIGURES_DIR, NOTEBOOKS_DIR, PROJECT_ROOT, SEEDS_DIR
from newscorpus.workers import release_memory

# Command-line flags for reading a table file, and the read_corpus options they set.
READ_FLAGS = {
    "text_col": "text_column",
    "title_col": "title_column",
    "date_col": "date_column",
    "outlet_col": "outlet_column",
    "id_col": "id_column",
    "url_col": "url_column",
    "byline_col": "byline_column",
}
# Notebooks run side by side only while their expected memory fits the budget: a kernel holds
# about KERNEL_BASE_GIB plus KERNEL_GIB_PER_1000 per 1,000 articles in its heaviest notebook
# (PSS measured on generated articles: 02-terms and 04-sentiment about 3.3 GiB at 100,000).
MEMORY_BUDGET_GIB = 4.0
KERNEL_BASE_GIB = 0.6
KERNEL_GIB_PER_1000 = 0.03
KERNEL_START_TIMEOUT = 600  # seconds: one kernel start on a loaded 2-core CI took over 300 s
_TYPES = {"str": str, "int": int, "float": float, "bool": bool, "list": list, "dict": dict}


@dataclass
class Outcome:
    """What happened to one notebook."""

    notebook: str
    ok: bool
    message: str = ""
    seconds: float = 0.0


def list_notebooks(folder: Path = NOTEBOOKS_DIR, only: list[str] | None = None) -> list[Path]:
    """The numbered notebooks in `folder`, optionally only those whose name starts with `only`."""
    found = sorted(p for p in folder.glob("[0-9][0-9]-*.ipynb"))
    if only:
        wanted = [p for p in found if any(p.stem.startswith(o) for o in only)]
        missing = [o for o in only if not any(p.stem.startswith(o) for p in found)]
        if missing:
            names = ", ".join(p.stem for p in found)
            raise SystemExit(f"--only {missing[0]!r}: no such notebook (have: {names})")
        return wanted
    return found


def _quiet() -> None:
    """Silence kernel and papermill chatter that says nothing about the analysis."""
    for name in ("papermill", "traitlets", "nbclient", "jupyter_client", "asyncio"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    warnings.filterwarnings("ignore", module="jupyter_client")
    warnings.filterwarnings("ignore", module="zmq")


def declared_parameters(notebook: Path) -> dict[str, dict]:
    """The parameters a notebook declares: {name: {"type", "default", "help"}} (via papermill)."""
    import papermill as pm

    _quiet()
    found = pm.inspect_notebook(str(notebook))
    return {
        name: {
            "type": info.get("inferred_type_name") or "None",
            "default": info.get("default"),
            "help": info.get("help") or "",
        }
        for name, info in found.items()
    }


def coerce(name: str, value, declared_type: str):
    """`value` as the parameter's declared type: text stays text, "5" becomes 5 for an int.

    Raises ValueError naming the parameter, the value and the type expected.
    """
    wanted = _TYPES.get(declared_type.split("[")[0])
    if wanted is None:  # undeclared or unusual annotation: JSON when it parses, else text
        return _parse_json(value)
    if not isinstance(value, str):
        ok = isinstance(value, wanted) and not (wanted is int and isinstance(value, bool))
        if ok or (wanted is float and isinstance(value, int) and not isinstance(value, bool)):
            return value
        raise ValueError(f"parameter {name}={value!r}: expected {declared_type}")
    if wanted is str:
        return value
    if wanted is bool:
        lowered = value.strip().lower()
        if lowered in ("true", "1", "yes"):
            return True
        if lowered in ("false", "0", "no"):
            return False
        raise ValueError(f"parameter {name}={value!r}: expected bool (true or false)")
    if wanted is list and not value.lstrip().startswith("["):
        return [value]  # one item: `-p articles 003_c0c95c97cb16ca2e`
    try:
        if wanted is int:
            return int(value)
        if wanted is float:
            return float(value)
        parsed = json.loads(value)
    except (ValueError, json.JSONDecodeError):
        raise ValueError(
            f"parameter {name}={value!r}: expected {declared_type}"
            + (' as JSON, e.g. ["a", "b"]' if wanted is list else "")
            + (' as JSON, e.g. {"key": "value"}' if wanted is dict else "")
        ) from None
    if wanted is list and isinstance(parsed, str):
        return [parsed]
    if not isinstance(parsed, wanted):
        raise ValueError(f"parameter {name}={value!r}: expected {declared_type}")
    return parsed


def _parse_json(text):
    if not isinstance(text, str):
        return text
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


def typed_parameters(notebooks: list[Path], parameters: dict) -> dict[str, dict]:
    """Per notebook, the given parameters it declares, each typed by its annotation.

    Raises ValueError for a parameter no notebook declares or a value of the wrong type.
    """
    declared = {nb.stem: declared_parameters(nb) for nb in notebooks}
    known = {name for params in declared.values() for name in params}
    unknown = [name for name in parameters if name not in known]
    if unknown:
        raise ValueError(
            f"parameter {unknown[0]!r} is not declared by any notebook run "
            f"(declared: {', '.join(sorted(known))})"
        )
    return {
        stem: {
            name: coerce(name, value, params[name]["type"])
            for name, value in parameters.items()
            if name in params
        }
        for stem, params in declared.items()
    }


def scrub(path: Path) -> None:
    """Remove papermill's volatile metadata (timestamps, durations) so reruns are byte-identical."""
    nb = nbformat.read(path, as_version=4)
    nb.metadata.pop("papermill", None)
    for cell in nb.cells:
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        if not cell.metadata.get("tags", True):
            del cell.metadata["tags"]
        cell.pop("id", None)
    nb.nbformat_minor = 4
    path.write_text(nbformat.writes(nb) + "\n", encoding="utf-8")


def side_by_side(n_articles: int, workers: int, budget_gib: float = MEMORY_BUDGET_GIB) -> int:
    """How many notebooks the runner runs at once: `workers`, fewer while that many kernels
    would be expected to hold more than `budget_gib` (each KERNEL_BASE_GIB plus
    KERNEL_GIB_PER_1000 per 1,000 articles), at least 1. Raises ValueError for a budget ≤ 0."""
    if not budget_gib > 0:
        raise ValueError(f"--memory {budget_gib!r}: expected GiB > 0")
    per_kernel = KERNEL_BASE_GIB + KERNEL_GIB_PER_1000 * n_articles / 1000
    return max(1, min(workers, int(budget_gib // per_kernel)))


def _execute(source: str, target: str, parameters: dict, cwd: str, one_process: bool) -> Outcome:
    import papermill as pm

    from newscorpus import kernels
    from newscorpus.workers import WORKERS_ENV

    if one_process:  # notebooks side by side, or memory-bound: no pool of its own (unless asked)
        os.environ.setdefault(WORKERS_ENV, "1")

    _quiet()
    name = Path(source).stem
    started = time.perf_counter()
    # Kernels inherit this worker's stderr and print start-up chatter there ("Kernel is running
    # over TCP without encryption"); errors reach us as exceptions, so the worker drops it.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    os.close(devnull)
    km = None
    try:
        km = kernels.kernel(cwd, KERNEL_START_TIMEOUT)  # this worker's kernel, reset
        pm.execute_notebook(
            source,
            target,
            parameters=parameters or None,
            cwd=cwd,
            progress_bar=False,
            kernel_name="python3",
            request_save_on_cell_execute=False,
            start_timeout=KERNEL_START_TIMEOUT,
            km=km,
        )
    except pm.PapermillExecutionError as exc:
        scrub(Path(target))
        first_line = (exc.source or "").strip().splitlines()[:1] or [""]
        where = f"cell {exc.exec_count} ({first_line[0][:60]!r})"
        message = f"{where} raised {exc.ename}: {exc.evalue}".strip()
        return Outcome(name, False, message, time.perf_counter() - started)
    except Exception as exc:  # a kernel crash or unreadable notebook still must not stop the rest
        kernels.discard()  # the next notebook starts a new kernel
        return Outcome(name, False, f"{type(exc).__name__}: {exc}", time.perf_counter() - started)
    finally:
        if km is not None:
            kernels.release(km)
    scrub(Path(target))
    return Outcome(name, True, "", time.perf_counter() - started)


def _say(message: str, enabled: bool) -> None:
    if enabled:
        print(message, file=sys.stderr, flush=True)


def run(
    corpus: str | None = None,
    out: str | None = None,
    parameters: dict | None = None,
    only: list[str] | None = None,
    workers: int | None = None,
    folder: Path = NOTEBOOKS_DIR,
    read_options: dict | None = None,
    progress: bool = False,
    scheduler: str | None = None,
    memory: float = MEMORY_BUDGET_GIB,
) -> list[Outcome]:
    """Run the analysis pass, then execute the notebooks in `folder`; one Outcome per notebook.

    `workers` notebooks run at once (default: every core), fewer when their kernels would be
    expected to hold more than `memory` GiB together (`side_by_side`). Raises SystemExit with
    a message naming the option for a corpus path that does not exist, `--out` without
    `--corpus`, a parameter that no notebook declares or of the wrong type, or `memory` ≤ 0.
    """
    from newscorpus import analysis

    notebooks = list_notebooks(folder, only=only)
    params = dict(parameters or {})
    read_options = {k: v for k, v in (read_options or {}).items() if v is not None}
    if corpus is not None:
        corpus_path = Path(corpus).expanduser().resolve()
        if not corpus_path.exists():
            raise SystemExit(
                f"--corpus {corpus!r}: no such file or folder (expected a folder of .txt or "
                ".html articles, or a .csv/.tsv/.jsonl/.json/.parquet table)"
            )
        out_path = Path(out or "newscorpus-output").expanduser().resolve()
        target_dir = out_path / "notebooks"
        target_dir.mkdir(parents=True, exist_ok=True)
        params["corpus"] = str(corpus_path)
        params["figures"] = str(out_path / "figures")
    else:
        if out is not None:
            raise SystemExit(
                "--out needs --corpus (without it, outputs go into notebooks/ and figures/)"
            )
        corpus_path = SEEDS_DIR
        target_dir = folder
        FIGURES_DIR.mkdir(exist_ok=True)
    if read_options:
        params["read_options"] = read_options
    try:
        per_notebook = typed_parameters(notebooks, params)
    except ValueError as exc:
        raise SystemExit(str(exc)) from None
    started = time.perf_counter()
    _say(f"analysis pass on {corpus_path.name} …", progress)
    try:
        where = analysis.analyse(
            corpus_path, workers=workers, progress=progress, scheduler=scheduler, **read_options
        )
    except (analysis.CorpusError, ValueError) as exc:
        raise SystemExit(f"--corpus {str(corpus or corpus_path)!r}: {exc}") from None
    if "group_by" in params:  # checked once against the corpus, before any notebook starts
        import pyarrow.parquet as pq

        from newscorpus import groups

        first = min((where / "articles").glob("part-*.parquet"))
        metadata = [c for c in pq.read_schema(first).names if c not in ("text", "path")]
        articles = analysis.Analysis(corpus_path, where).table("articles", columns=metadata)
        try:  # every column but the article text: a 100,000-article corpus is not read whole
            groups.assign(articles, params["group_by"])
        except ValueError as exc:
            raise SystemExit(str(exc)) from None
    stats = json.loads((where / "stats.json").read_text(encoding="utf-8"))
    _say(
        f"analysis pass: {stats['articles']} articles ready ({time.perf_counter() - started:.1f} s)",
        progress,
    )
    wanted = min(len(notebooks), workers or os.cpu_count() or 1) or 1
    try:
        pool_size = side_by_side(int(stats["articles"]), wanted, memory)
    except ValueError as exc:
        raise SystemExit(str(exc)) from None
    if pool_size < wanted:
        _say(
            f"notebooks {pool_size} at a time, not {wanted}: {stats['articles']} articles, "
            f"--memory {memory:g} GiB",
            progress,
        )
    jobs = {
        nb.stem: (
            str(nb),
            str(target_dir / nb.name),
            per_notebook[nb.stem],
            str(folder),
            pool_size > 1 or pool_size < wanted,
        )
        for nb in notebooks
    }
    outcomes: dict[str, Outcome] = {}
    release_memory()  # what the pass freed in this process, before it waits for the notebooks
    # spawned, not forked: a worker only starts a kernel, and a fork would hold (and count in
    # every process) a copy of this process's pages, 0.6 GiB after a 100,000-article pass
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=pool_size, mp_context=spawn) as pool:
        futures = {pool.submit(_execute, *job): stem for stem, job in jobs.items()}
        for done, future in enumerate(as_completed(futures), start=1):
            o = future.result()
            outcomes[o.notebook] = o
            status = "ok" if o.ok else "FAILED"
            _say(f"[{done}/{len(jobs)}] {status} {o.notebook} ({o.seconds:.1f} s)", progress)
    return [outcomes[nb.stem] for nb in notebooks]


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(
        prog="python -m newscorpus.run", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "--corpus", help="folder of .txt/.html articles or one table file (default: seeds/)"
    )
    parser.add_argument("--out", help="output folder for executed notebooks and figures")
    parser.add_argument(
        "-p",
        "--parameter",
        nargs=2,
        action="append",
        default=[],
        metavar=("NAME", "VALUE"),
        help="pass a parameter to every notebook that declares it (typed by its annotation)",
    )
    parser.add_argument("--only", action="append", help="run only notebooks whose name starts so")
    parser.add_argument("--workers", type=int, help="processes (default: every core)")
    parser.add_argument("--scheduler", help="address of an existing Dask cluster (tcp://HOST:PORT)")
    parser.add_argument(
        "--memory",
        type=float,
        default=MEMORY_BUDGET_GIB,
        metavar="GIB",
        help="memory the notebooks may hold side by side (default 4): fewer run at once beyond it",
    )
    for flag, option in READ_FLAGS.items():
        parser.add_argument(
            f"--{flag.replace('_', '-')}", dest=flag, help=f"table files: the {option} to read"
        )
    parser.add_argument("--quiet", action="store_true", help="print only the final outcome lines")
    parser.add_argument(
        "--n-topics", type=int, metavar="K", help="topics in 06-topics (default: from the corpus)"
    )
    args = parser.parse_args(argv)
    read_options = {option: getattr(args, flag) for flag, option in READ_FLAGS.items()}
    parameters = dict(args.parameter)
    if args.n_topics is not None:
        parameters["n_topics"] = str(args.n_topics)
    outcomes = run(
        args.corpus,
        args.out,
        parameters,
        args.only,
        args.workers,
        read_options=read_options,
        progress=not args.quiet,
        scheduler=args.scheduler,
        memory=args.memory,
    )
    failed = [o for o in outcomes if not o.ok]
    for o in outcomes:
        print(
            f"{'ok    ' if o.ok else 'FAILED'} {o.notebook}{': ' + o.message if o.message else ''}"
        )
    if failed:
        print(f"{len(failed)} of {len(outcomes)} notebooks failed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    os.chdir(PROJECT_ROOT)
    sys.exit(main())
