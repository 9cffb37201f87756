"""Write a notebook skeleton from a short Python spec (used when creating a notebook, not at run time).

    python tools/make_notebook.py notebooks/specs/00-corpus.py notebooks/00-corpus.ipynb

A spec file holds cells separated by lines `# %% [markdown]`, `# %% [parameters]` or `# %%`.
Markdown cells have each line prefixed with `# `. The notebook is then executed by
`python -m newscorpus.run`, which fills in the outputs.
"""

import re
import sys
from pathlib import Path

import nbformat


def build(spec: str) -> nbformat.NotebookNode:
    """Turn spec text into a notebook with the python3 kernel."""
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


if __name__ == "__main__":
    source, target = sys.argv[1:3]
    nb = build(Path(source).read_text(encoding="utf-8"))
    Path(target).write_text(nbformat.writes(nb) + "\n", encoding="utf-8")
