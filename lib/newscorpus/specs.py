"""Notebook specs: each notebook's cells as a reviewable Python file in `notebooks/specs/`.

    python -m newscorpus.specs notebooks/specs/02-terms.py notebooks/02-terms.ipynb
    python -m newscorpus.specs --all        # rebuild every notebook from its spec

A spec holds cells separated by `# %% [markdown]`, `# %% [parameters]` or `# %%` lines; markdown
lines start with `# `. Building writes the cells without outputs; `python -m newscorpus.run`
then executes the notebook and stores them.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat

from newscorpus.paths import NOTEBOOKS_DIR

SPECS_DIR = NOTEBOOKS_DIR / "specs"


def build(spec: str) -> nbformat.NotebookNode:
    """Turn spec text into a notebook on the python3 kernel."""
    nb = nbformat.v4.new_notebook()
    parts = re.split(r"^# %%(.*)$", spec, flags=re.M)
    for marker, body in zip(parts[1::2], parts[2::2], strict=True):
        body = body.strip("\n")
        marker = marker.strip()
        if marker == "[markdown]":
            text = "\n".join(re.sub(r"^# ?", "", line) for line in body.splitlines())
            cell = nbformat.v4.new_markdown_cell(text)
        else:
            cell = nbformat.v4.new_code_cell(body)
            if marker == "[parameters]":
                cell.metadata["tags"] = ["parameters"]
        cell.pop("id", None)
        nb.cells.append(cell)
    nb.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    }
    nb.nbformat_minor = 4
    return nb


def write(spec_path: Path, notebook_path: Path) -> None:
    """Build the notebook at `notebook_path` from the spec file at `spec_path`."""
    nb = build(spec_path.read_text(encoding="utf-8"))
    notebook_path.write_text(nbformat.writes(nb) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    """Command-line entry point."""
    if argv == ["--all"]:
        for spec in sorted(SPECS_DIR.glob("[0-9][0-9]-*.py")):
            write(spec, NOTEBOOKS_DIR / f"{spec.stem}.ipynb")
        return 0
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    write(Path(argv[0]), Path(argv[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
