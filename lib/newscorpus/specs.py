"""Notebooks as jupytext pairs: each notebook's cells as a plain Python file in `notebooks/specs/`.

    python -m newscorpus.specs --all        # rebuild every notebook from its paired .py file
    python -m newscorpus.specs notebooks/specs/02-terms.py notebooks/02-terms.ipynb

A spec is jupytext's percent format (https://jupytext.readthedocs.io/en/latest/formats-scripts.html):
cells open with `# %%`, markdown cells with `# %% [markdown]` (their lines start with `# `), the
papermill parameters cell with `# %% tags=["parameters"]`. Each notebook's metadata pairs it with
its spec (`jupytext.formats = "ipynb,specs//py:percent"`), so with jupytext installed (it is in
requirements.txt) saving a notebook in JupyterLab writes its spec too, and editing the spec
updates the notebook. Building writes the cells without outputs and without cell ids (so a
rebuild is byte-stable); `python -m newscorpus.run` then executes the notebook and stores them.
"""

from __future__ import annotations

import sys
from pathlib import Path

import jupytext
import nbformat

from newscorpus.paths import NOTEBOOKS_DIR

SPECS_DIR = NOTEBOOKS_DIR / "specs"
PAIRING = "ipynb,specs//py:percent"


def build(spec: str) -> nbformat.NotebookNode:
    """Turn spec text (jupytext percent format) into a notebook on the python3 kernel.

    Input: the text of a `notebooks/specs/NN-*.py` file. Output: an nbformat 4.4 notebook whose
    cells carry only their `tags` metadata, no ids and no outputs, paired with its spec.
    Raises whatever jupytext raises on text it cannot read.
    """
    read = jupytext.reads(spec, fmt="py:percent")
    nb = nbformat.v4.new_notebook()
    for cell in read.cells:
        if cell.cell_type == "markdown":
            new = nbformat.v4.new_markdown_cell(cell.source)
        else:
            new = nbformat.v4.new_code_cell(cell.source)
        tags = cell.metadata.get("tags")
        if tags:
            new.metadata["tags"] = list(tags)
        new.pop("id", None)
        nb.cells.append(new)
    nb.metadata = {
        "jupytext": {"formats": PAIRING},
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
