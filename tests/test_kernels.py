"""The runner's reused kernel: a notebook run after another sees a fresh kernel's state."""

from __future__ import annotations

import nbformat
import papermill as pm
import pytest

from newscorpus import kernels


def _notebook(path, *cells):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(c) for c in cells]
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(nb, path)
    return str(path)


def _run(km, source, target, cwd):
    try:
        pm.execute_notebook(
            source, target, cwd=cwd, progress_bar=False, kernel_name="python3", km=km
        )
    finally:
        kernels.release(km)
    return nbformat.read(target, as_version=4)


def _text(cell):
    return "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")


@pytest.fixture
def kernel_pair(tmp_path):
    """Run a notebook that changes the kernel's state, then one that reports it."""
    dirty = _notebook(
        tmp_path / "dirty.ipynb",
        "import os, warnings\nimport pandas as pd\nimport matplotlib as mpl\n"
        "import matplotlib.pyplot as plt\nleftover = 1\n"
        "pd.set_option('display.max_colwidth', None)\nmpl.rcParams['axes.titlesize'] = 31\n"
        "fig = plt.figure()",
        "import warner\nwarner.warn()",
        "os.chdir('/')",
    )
    check = _notebook(
        tmp_path / "check.ipynb",
        "import os, warnings\nimport pandas as pd\nimport matplotlib as mpl\n"
        "import matplotlib.pyplot as plt\n"
        "print('leftover' in dir(), pd.get_option('display.max_colwidth'),"
        " mpl.rcParams['axes.titlesize'], os.getcwd(), plt.get_fignums())",
        "import warner\nwarner.warn()",
        "plt.figure(figsize=(2, 1)); plt.plot([1, 2])",
    )
    (tmp_path / "warner.py").write_text(
        "import warnings\n\n\ndef warn():\n    warnings.warn('seen once', UserWarning)\n"
    )
    cwd = str(tmp_path)
    try:
        first = kernels.kernel(cwd, 120)
        _run(first, dirty, str(tmp_path / "out-dirty.ipynb"), cwd)
        second = kernels.kernel(cwd, 120)
        reused = first is second
        out = _run(second, check, str(tmp_path / "out-check.ipynb"), cwd)
    finally:
        kernels.discard()
    return reused, out, cwd


def test_reused_kernel_starts_each_notebook_fresh(kernel_pair):
    reused, out, cwd = kernel_pair
    assert reused  # one kernel for both notebooks
    assert _text(out.cells[0]).split() == ["False", "50", "large", cwd, "[]"]
    assert [c.execution_count for c in out.cells] == [1, 2, 3]
    # a library's warning is shown again in the next notebook, as in a fresh kernel
    assert "seen once" in "".join(o.get("text", "") for o in out.cells[1].outputs)
    kinds = [o.output_type for o in out.cells[2].outputs]
    assert "display_data" in kinds  # figures are still drawn below their cells
    assert "ERROR" not in _text(out.cells[0])  # no history-database complaint


def test_a_dead_kernel_is_replaced(tmp_path):
    try:
        km = kernels.kernel(str(tmp_path), 120)
        km.shutdown_kernel(now=True)
        again = kernels.kernel(str(tmp_path), 120)
        assert again is not km and again.is_alive()
    finally:
        kernels.discard()
    assert kernels._KERNEL is None


def test_workers_default_follows_the_environment(monkeypatch):
    from newscorpus.workers import WORKERS_ENV, default_workers

    monkeypatch.setenv(WORKERS_ENV, "1")
    assert default_workers() == 1
    monkeypatch.setenv(WORKERS_ENV, "two")
    with pytest.raises(ValueError, match="NEWSCORPUS_WORKERS='two'"):
        default_workers()
    monkeypatch.delenv(WORKERS_ENV)
    assert default_workers() >= 1


def test_notebooks_side_by_side_while_their_memory_fits():
    from newscorpus.run import side_by_side

    assert side_by_side(5, 2) == 2  # the seeds: every core
    assert side_by_side(5_000, 2) == 2
    assert side_by_side(100_000, 2) == 1  # about 3.6 GiB a kernel: one at a time within 4 GiB
    assert side_by_side(100_000, 2, budget_gib=16) == 2
    assert side_by_side(100_000, 8, budget_gib=16) == 4
    with pytest.raises(ValueError, match="--memory 0"):
        side_by_side(10, 2, budget_gib=0)
