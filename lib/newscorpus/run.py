"""Run every notebook with papermill, in parallel, byte-stably.

    python -m newscorpus.run                      # seeds/: rewrite notebooks/ outputs and figures/
    python -m newscorpus.run --corpus DIR --out DIR [-p NAME VALUE ...] [--only 01-timeline]

With no `--corpus`, outputs are written back into the committed notebooks and figures into
`figures/`. With `--corpus`, executed notebooks go to `OUT/notebooks/` and figures to
`OUT/figures/`, and the committed files are left alone. Exit code is non-zero when any notebook
fails; the others still run.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import nbformat

from newscorpus.paths import FIGURES_DIR, NOTEBOOKS_DIR, PROJECT_ROOT


@dataclass
class Outcome:
    """What happened to one notebook."""

    notebook: str
    ok: bool
    message: str = ""


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


def _execute(source: str, target: str, parameters: dict, cwd: str) -> Outcome:
    import papermill as pm

    name = Path(source).stem
    try:
        pm.execute_notebook(
            source,
            target,
            parameters=parameters or None,
            cwd=cwd,
            progress_bar=False,
            kernel_name="python3",
            request_save_on_cell_execute=False,
        )
    except pm.PapermillExecutionError as exc:
        scrub(Path(target))
        first_line = (exc.source or "").strip().splitlines()[:1] or [""]
        where = f"cell {exc.exec_count} ({first_line[0][:60]!r})"
        return Outcome(name, False, f"{where} raised {exc.ename}: {exc.evalue}".strip())
    except Exception as exc:  # a kernel crash or unreadable notebook still must not stop the rest
        return Outcome(name, False, f"{type(exc).__name__}: {exc}")
    scrub(Path(target))
    return Outcome(name, True)


def _parse_value(text: str):
    """Parameter values from the command line: JSON when it parses (numbers, lists), else text."""
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


def run(
    corpus: str | None = None,
    out: str | None = None,
    parameters: dict | None = None,
    only: list[str] | None = None,
    workers: int | None = None,
    folder: Path = NOTEBOOKS_DIR,
) -> list[Outcome]:
    """Execute the notebooks in `folder`; return one Outcome per notebook."""
    notebooks = list_notebooks(folder, only=only)
    params = dict(parameters or {})
    if corpus is not None:
        corpus_path = Path(corpus).expanduser().resolve()
        if not corpus_path.is_dir():
            raise SystemExit(
                f"--corpus {corpus!r}: not a folder (expected a folder of .txt articles)"
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
        target_dir = folder
        FIGURES_DIR.mkdir(exist_ok=True)
    env_workers = workers or min(len(notebooks), os.cpu_count() or 1) or 1
    jobs = [(str(nb), str(target_dir / nb.name), params, str(folder)) for nb in notebooks]
    with ProcessPoolExecutor(max_workers=env_workers) as pool:
        return list(pool.map(_execute, *zip(*jobs, strict=True)))


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(
        prog="python -m newscorpus.run", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--corpus", help="folder of .txt articles (default: seeds/, in place)")
    parser.add_argument("--out", help="output folder for executed notebooks and figures")
    parser.add_argument(
        "-p",
        "--parameter",
        nargs=2,
        action="append",
        default=[],
        metavar=("NAME", "VALUE"),
        help="pass a parameter to every notebook that declares it",
    )
    parser.add_argument("--only", action="append", help="run only notebooks whose name starts so")
    parser.add_argument("--workers", type=int, help="notebooks run at once (default: cores)")
    args = parser.parse_args(argv)
    parameters = {name: _parse_value(value) for name, value in args.parameter}
    outcomes = run(args.corpus, args.out, parameters, args.only, args.workers)
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
