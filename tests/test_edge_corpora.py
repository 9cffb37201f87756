"""Every notebook runs on awkward corpora: empty, one article, no body, no quotes or dates,
a single outlet, a manifest with missing dates."""

from __future__ import annotations

import shutil

import pytest

from newscorpus.paths import SEEDS_DIR
from newscorpus.run import list_notebooks, run

QUIET = (
    "Budget talks resume\n"
    "The committee met for an hour on the new budget and adjourned without a vote.\n"
    "Members will read the draft again before the next session.\n"
)


def _write(folder, files):
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _corpora(tmp_path):
    empty = _write(tmp_path / "empty", {"blank.txt": ""})
    one = tmp_path / "one"
    one.mkdir()
    shutil.copy(SEEDS_DIR / "002_77d8cc29bf025518.txt", one / "002_77d8cc29bf025518.txt")
    mixed = _write(
        tmp_path / "mixed",
        {
            "a_title_only.txt": "Just a headline with no story\n",
            "b_quiet.txt": QUIET,
            "c_quiet_too.txt": QUIET.replace("an hour", "two hours"),
            "manifest.csv": "article_id,outlet,published\n"
            "a_title_only,Daily Ledger,2020-01-05\n"
            "b_quiet,Daily Ledger,\n"
            "c_quiet_too,Daily Ledger,2020-02-10\n",
        },
    )
    return {"empty": empty, "one article": one, "no body, no quotes, one outlet": mixed}


@pytest.mark.parametrize("which", ["empty", "one article", "no body, no quotes, one outlet"])
def test_every_notebook_runs_on_an_awkward_corpus(tmp_path, which, monkeypatch):
    monkeypatch.setenv("NEWSCORPUS_CACHE", str(tmp_path / "cache"))
    corpus = _corpora(tmp_path)[which]
    outcomes = run(corpus=str(corpus), out=str(tmp_path / "out"))
    failed = [(o.notebook, o.message) for o in outcomes if not o.ok]
    assert failed == []
    assert len(outcomes) == len(list_notebooks())
