"""End to end at scale: the runner on 2,000 generated articles with a manifest (outlets, months)."""

from __future__ import annotations

import importlib.util

import pandas as pd
import pytest
from PIL import Image

from newscorpus.paths import PROJECT_ROOT
from newscorpus.run import list_notebooks, run

MAX_PX = 3000


def _make_corpus():
    path = PROJECT_ROOT / "benchmarks" / "common.py"
    spec = importlib.util.spec_from_file_location("bench_common", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.make_corpus


@pytest.fixture(scope="module")
def generated_run(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("scale")
    corpus = _make_corpus()(tmp / "generated", n=2000, manifest=True)
    out = tmp / "out"
    outcomes = run(corpus=str(corpus), out=str(out), parameters={"group_by": "outlet"})
    return outcomes, out


def test_every_notebook_runs_on_2000_articles(generated_run):
    outcomes, _ = generated_run
    assert [(o.notebook, o.ok, o.message) for o in outcomes] == [
        (nb.stem, True, "") for nb in list_notebooks()
    ]


def test_every_figure_is_bounded_and_has_its_data(generated_run):
    _, out = generated_run
    pngs = sorted((out / "figures").glob("*.png"))
    assert len(pngs) >= 15
    for png in pngs:
        with Image.open(png) as image:
            assert max(image.size) <= MAX_PX, f"{png.name} is {image.size[0]}x{image.size[1]} px"
        data = png.with_suffix(".csv")
        assert data.exists(), f"{png.name} has no CSV beside it"
        assert len(pd.read_csv(data).columns) >= 2, f"{data.name} holds no table"


def test_group_views_compare_the_six_outlets(generated_run):
    _, out = generated_run
    attention = pd.read_csv(out / "figures" / "00-corpus-attention.csv")
    assert attention["n_articles"].sum() == 2000
    assert set(attention["group"]) == {
        "Reuters",
        "The Washington Post",
        "Al Jazeera",
        "BBC",  # the outlet's one name (listed as "BBC News")
        "Fox News",
        "The Guardian",
    }
    assert attention["period"].min() == "2017-01" and attention["period"].max() == "2019-12"
