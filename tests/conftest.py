"""Shared fixtures: the seed corpus read once per test session, a factory for small corpora,
and the quotes of one invented article."""

from __future__ import annotations

from pathlib import Path

import matplotlib
import pytest

from newscorpus import read_corpus
from newscorpus.paths import SEEDS_DIR

matplotlib.use("Agg")

TESTS_DIR = Path(__file__).resolve().parent
GOLD_DIR = TESTS_DIR / "gold"


@pytest.fixture(scope="session")
def seeds():
    """The five seed articles as a Corpus."""
    return read_corpus(SEEDS_DIR)


@pytest.fixture
def make_corpus(tmp_path):
    """Write {file name: str or bytes} into a temporary folder and read it as a corpus."""

    def make(files: dict[str, str | bytes], **kwargs):
        for name, content in files.items():
            path = tmp_path / name
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return read_corpus(tmp_path, **kwargs)

    return make


@pytest.fixture
def quotes_of(make_corpus):
    """Quotes of one invented article whose body is `body` (title line added)."""
    from newscorpus.sources import find_quotes

    def run(body: str, **kwargs):
        corpus = make_corpus({"a.txt": "A title line for the test article\n" + body + "\n"})
        return find_quotes(corpus, **kwargs)

    return run


@pytest.fixture(scope="session")
def seeds_in_parts(tmp_path_factory):
    """The seeds analysed into five cache parts, one article each (partition_size=1): for
    checking that a view read part by part gives what it gives over the whole table."""
    from newscorpus import analysis

    folder = analysis.analyse(
        SEEDS_DIR, cache=tmp_path_factory.mktemp("parts"), workers=1, partition_size=1
    )
    data = analysis.Analysis(SEEDS_DIR, folder)
    assert len(list(data.parts("sentences"))) == 5
    return data


@pytest.fixture(scope="session")
def polnear_in_parts(tmp_path_factory):
    """The PolNeAR subset of the snapshots (63 articles, 7 outlets) analysed into four cache
    parts; skipped when ../shared is absent."""
    from update_snapshots import POLNEAR, polnear_subset

    from newscorpus import analysis

    if not POLNEAR.is_dir():
        pytest.skip(f"{POLNEAR} is absent")
    root = tmp_path_factory.mktemp("polnear-parts")
    folder = polnear_subset(POLNEAR, root / "polnear")
    cache = analysis.analyse(folder, cache=root / "cache", workers=1, partition_size=16)
    data = analysis.Analysis(folder, cache)
    assert len(list(data.parts("sentences"))) == 4
    return data


@pytest.fixture(params=["seeds_in_parts", "polnear_in_parts"])
def corpus_in_parts(request):
    """Each corpus analysed into several cache parts, in turn."""
    return request.getfixturevalue(request.param)


@pytest.fixture
def paragraph_quotes(make_corpus):
    """Quotes of one invented article: the title line "Court news", then `paras` as paragraphs."""
    from newscorpus.sources import find_quotes

    def run(*paras: str):
        return find_quotes(make_corpus({"a.txt": "\n\n".join(("Court news",) + paras) + "\n"}))

    return run
