"""House rules for the committed notebooks (nbval checks their outputs; this checks their shape)."""

from __future__ import annotations

import re

import nbformat
import pytest

from newscorpus.paths import NOTEBOOKS_DIR, PROJECT_ROOT
from newscorpus.run import declared_parameters
from newscorpus.specs import build

NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]-*.ipynb"))


def test_there_is_a_notebook_per_question():
    names = [p.stem for p in NOTEBOOKS]
    for prefix in ["00-corpus", "01-timeline", "02-terms", "03-sources", "04-sentiment"]:
        assert prefix in names


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_follows_the_house_shape(path):
    nb = nbformat.read(path, as_version=4)
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1, "exactly one cell tagged `parameters`"
    params = tagged[0].source.splitlines()
    assert params[0].startswith('corpus: str = "seeds"  # ')
    assert params[1].startswith('figures: str = "figures"  # ')
    for line in params:
        assert re.match(r"^\w+: [\w\[\], |]+ = .+  # .+", line), (
            f"untyped or uncommented parameter: {line}"
        )
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert not re.search(r"^\s*def |sys\.path|pip install|nltk\.download", code, re.M)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_committed_outputs_are_clean_and_portable(path):
    text = path.read_text(encoding="utf-8")
    assert str(PROJECT_ROOT) not in text, "an output holds this machine's path"
    assert '"output_type": "error"' not in text
    assert '"papermill"' not in text
    # a warning names the library file it came from: an absolute path on any machine
    assert not re.search(r"\w+Warning: ", text), "a committed output holds a warning"
    nb = nbformat.read(path, as_version=4)
    streams = [o for c in nb.cells for o in c.get("outputs", []) if o.get("name") == "stderr"]
    assert not streams, f"stderr in the committed outputs: {streams[0].get('text', '')[:200]}"
    executed = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.execution_count for c in executed), "notebook committed without running"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_cells_match_their_spec(path):
    spec = NOTEBOOKS_DIR / "specs" / f"{path.stem}.py"
    expected = build(spec.read_text(encoding="utf-8"))
    nb = nbformat.read(path, as_version=4)
    cells = [c for c in nb.cells if "injected-parameters" not in c.metadata.get("tags", [])]
    assert [(c.cell_type, c.source) for c in cells] == [
        (c.cell_type, c.source) for c in expected.cells
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_papermill_sees_every_declared_parameter_with_its_comment(path):
    nb = nbformat.read(path, as_version=4)
    cell = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    declared = {}
    for line in cell.source.splitlines():
        name, annotation = re.match(r"^(\w+): ([^=]+?) = ", line).groups()
        declared[name] = (annotation, line.split("  # ", 1)[1])
    seen = declared_parameters(path)
    assert list(seen) == list(declared)
    for name, (annotation, comment) in declared.items():
        assert seen[name]["type"] == annotation, name
        assert seen[name]["help"] == comment, name
