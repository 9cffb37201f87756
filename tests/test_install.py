"""The package installs: `pip install` of the project into a fresh virtual environment gives
a working `import newscorpus` (its shipped data included) and `python -m newscorpus export`.

A copy of the project's sources (pyproject.toml, README.md, lib/) is built into a wheel (pip's
build isolation fetches the build backend named in pyproject.toml, from pip's cache or PyPI),
then the wheel is installed with `--no-index` into a new venv whose only other packages are the
project's locked ones (`.venv`, made visible by a `.pth` line): so every dependency declared in
pyproject.toml must be satisfied by the exact lock in requirements.txt, offline, and the
installed copy (not `lib/`) must hold the tagger and gazetteer data it reads.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pandas as pd
import pytest

from newscorpus.analysis import TABLES
from newscorpus.paths import PROJECT_ROOT, SEEDS_DIR


def _run(args, cwd: Path, env: dict, timeout: int = 300) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert done.returncode == 0, f"{' '.join(map(str, args))} failed:\n{done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """A fresh venv with the project installed from a wheel; (venv python, env, work folder)."""
    tmp = tmp_path_factory.mktemp("install")
    src = tmp / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(PROJECT_ROOT / name, src / name)
    shutil.copytree(
        PROJECT_ROOT / "lib",
        src / "lib",
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info"),
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env |= {"PIP_DISABLE_PIP_VERSION_CHECK": "1", "PIP_NO_INPUT": "1"}
    env["NEWSCORPUS_CACHE"] = str(tmp / "cache")

    wheels = tmp / "wheels"
    _run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", wheels, src], tmp, env
    )
    (wheel,) = wheels.glob("newscorpus-*.whl")

    venv = tmp / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", venv], tmp, env)
    python = venv / "bin" / "python"
    purelib = _run(
        [python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], tmp, env
    )
    # the project's locked packages (and pip) as the new venv's dependencies; a plain path
    # line, so the editable install of lib/ in .venv is not picked up
    (Path(purelib.stdout.strip()) / "locked-deps.pth").write_text(
        sysconfig.get_path("purelib") + "\n"
    )
    _run([python, "-m", "pip", "install", "--no-index", "--quiet", wheel], tmp, env)
    return python, env, tmp


def test_installed_package_imports_from_the_venv_with_its_data(installed):
    python, env, tmp = installed
    code = (
        "import newscorpus, newscorpus.paths as p;"
        "print(newscorpus.__file__);"
        "print(sorted(f.name for f in (p.DATA_DIR / 'ner').iterdir()));"
        "print(sorted(f.name for f in (p.DATA_DIR / 'geo').glob('*.csv')));"
        "print((p.DATA_DIR / 'outlets.csv').is_file())"
    )
    lines = _run([python, "-c", code], tmp, env).stdout.splitlines()
    assert Path(lines[0]).is_relative_to(python.parents[1]), lines[0]  # not lib/
    assert "conll_crf.crfsuite" in lines[1]
    assert "aliases.csv" in lines[2]
    assert lines[3] == "True"
    assert (python.parent / "newscorpus").is_file()  # the console script


def test_installed_package_exports_the_seeds(installed):
    python, env, tmp = installed
    out = tmp / "export"
    _run(
        [python, "-m", "newscorpus", "export", SEEDS_DIR, "--out", out, "--workers", "1"],
        tmp,
        env,
        timeout=600,
    )
    names = sorted(p.stem for p in out.glob("*.csv"))
    assert names == sorted([*TABLES, "topics", "topic_terms"])
    articles = pd.read_csv(out / "articles.csv")
    assert len(articles) == 5
    assert set(articles["article_id"]) == {p.stem for p in SEEDS_DIR.glob("*.txt")}
    problems = pd.read_csv(out / "problems.csv")
    assert set(problems["analysis"]) <= {"read"}, problems  # no analysis failed (text repairs only)
    assert len(pd.read_csv(out / "entities.csv")) > 0  # the shipped tagger ran
    assert len(pd.read_csv(out / "places.csv")) > 0  # and the shipped gazetteer
    assert len(pd.read_csv(out / "quotes.csv")) > 0
