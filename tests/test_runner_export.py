"""End-to-end: the papermill runner on another corpus, failure reporting, and the export command."""

from __future__ import annotations

import hashlib
import shutil

import nbformat
import pandas as pd
import pytest

from newscorpus import read_corpus
from newscorpus.__main__ import main as cli_main
from newscorpus.paths import FIGURES_DIR, NOTEBOOKS_DIR, SEEDS_DIR
from newscorpus.run import coerce, run
from newscorpus.run import main as run_main


def _digest(folder, pattern):
    return {p.name: hashlib.sha1(p.read_bytes()).hexdigest() for p in sorted(folder.glob(pattern))}


@pytest.fixture
def small_corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in [
        "002_77d8cc29bf025518.txt",
        "003_c0c95c97cb16ca2e.txt",
        "004_125b49928ba2d4ba.txt",
    ]:
        shutil.copy(SEEDS_DIR / name, folder / name)
    return folder


def test_runner_on_another_corpus_leaves_committed_files_alone(small_corpus, tmp_path):
    before = _digest(NOTEBOOKS_DIR, "*.ipynb") | _digest(FIGURES_DIR, "*")
    out = tmp_path / "out"
    outcomes = run(corpus=str(small_corpus), out=str(out), only=["00"])
    assert [(o.notebook, o.ok, o.message) for o in outcomes] == [("00-corpus", True, "")]
    nb = nbformat.read(out / "notebooks" / "00-corpus.ipynb", as_version=4)
    assert "papermill" not in nb.metadata
    assert any("injected-parameters" in c.metadata.get("tags", []) for c in nb.cells)
    lengths = pd.read_csv(out / "figures" / "00-corpus-lengths.csv")
    assert lengths["n_articles"].sum() == 3  # one row per outlet, three articles in all
    assert set(lengths["group"]) == {"Reuters", "The Washington Post", "no outlet"}
    assert (out / "figures" / "00-corpus-lengths.png").stat().st_size > 10_000
    assert _digest(NOTEBOOKS_DIR, "*.ipynb") | _digest(FIGURES_DIR, "*") == before


def test_a_failing_notebook_is_named_and_the_others_still_run(small_corpus, tmp_path, capsys):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    shutil.copy(NOTEBOOKS_DIR / "00-corpus.ipynb", folder / "00-corpus.ipynb")
    bad = nbformat.v4.new_notebook()
    bad.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    bad.cells = [nbformat.v4.new_code_cell("x = 1"), nbformat.v4.new_code_cell("1 / 0")]
    nbformat.write(bad, folder / "01-broken.ipynb")
    outcomes = run(corpus=str(small_corpus), out=str(tmp_path / "out"), folder=folder)
    result = {o.notebook: (o.ok, o.message) for o in outcomes}
    assert result["00-corpus"] == (True, "")
    assert result["01-broken"][0] is False
    assert "('1 / 0') raised ZeroDivisionError: division by zero" in result["01-broken"][1]


def test_runner_rejects_a_missing_corpus_and_unknown_notebook(tmp_path):
    with pytest.raises(SystemExit, match="--corpus .*no such file or folder"):
        run_main(["--corpus", str(tmp_path / "missing"), "--out", str(tmp_path / "o")])
    with pytest.raises(SystemExit, match="--only '99': no such notebook"):
        run_main(["--only", "99"])


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_export_writes_every_table(tmp_path, fmt, capsys, monkeypatch):
    monkeypatch.setenv("NEWSCORPUS_CACHE", str(tmp_path / "cache"))
    out = tmp_path / "out"
    assert (
        cli_main(["export", str(SEEDS_DIR), "--out", str(out), "--format", fmt, "--workers", "1"])
        == 0
    )
    written = {p.stem for p in out.iterdir()}
    assert written == {
        "articles",
        "paragraphs",
        "sentences",
        "tokens",
        "problems",
        "dates",
        "quotes",
        "sources",
        "sentiment",
        "term_counts",
        "entities",
        "places",
        "topics",
        "topic_terms",
    }
    reader = pd.read_csv if fmt == "csv" else pd.read_parquet
    corpus = read_corpus(SEEDS_DIR)
    for name, table in corpus.tables.items():
        assert len(reader(out / f"{name}.{fmt}")) == len(table), name
    tokens = reader(out / f"tokens.{fmt}")
    assert tokens.loc[0, "token"] == "Hundreds" and tokens.loc[0, "start"] == 361


def test_export_reports_a_bad_corpus_path(tmp_path, capsys):
    with pytest.raises(SystemExit):
        cli_main(["export", str(tmp_path / "missing"), "--out", str(tmp_path / "o")])
    assert "missing' does not exist" in capsys.readouterr().err


def test_parameters_are_typed_by_their_annotation():
    assert coerce("kwic_term", "2019", "str") == "2019"
    assert coerce("top_n", "15", "int") == 15
    assert coerce("threshold", "0.1", "float") == 0.1
    assert coerce("articles", '["a", "b"]', "list") == ["a", "b"]
    assert coerce("articles", "a", "list") == ["a"]
    assert coerce("read_options", '{"text_column": "body"}', "dict") == {"text_column": "body"}
    assert coerce("show", "false", "bool") is False
    with pytest.raises(ValueError, match=r"parameter top_n='many': expected int"):
        coerce("top_n", "many", "int")
    with pytest.raises(ValueError, match=r"parameter top_n=2.5: expected int"):
        coerce("top_n", 2.5, "int")


def test_runner_names_a_wrong_parameter_before_running_anything():
    with pytest.raises(SystemExit, match=r"parameter top_n='many': expected int"):
        run_main(["--only", "00", "-p", "top_n", "many"])
    with pytest.raises(SystemExit, match=r"parameter 'no_such' is not declared"):
        run_main(["--only", "00", "-p", "no_such", "1"])


def test_runner_names_an_unknown_group_by_before_any_notebook_runs(small_corpus, tmp_path):
    with pytest.raises(SystemExit, match=r"group_by=.desk.: not a period .* \(columns: article_id"):
        run(corpus=str(small_corpus), out=str(tmp_path / "out"), parameters={"group_by": "desk"})
    assert not list((tmp_path / "out" / "notebooks").glob("*.ipynb"))
