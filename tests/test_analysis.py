"""The analysis pass (computed once, cached, isolated failures) and group labels."""

from __future__ import annotations

import functools
import shutil
import subprocess
import sys

import pandas as pd
import pytest

from newscorpus import analysis, groups, keys
from newscorpus.__main__ import main as cli_main
from newscorpus.paths import SEEDS_DIR

DISK_SOURCE = keys.module_source.__wrapped__  # a module's source on disk, read afresh
THREE = ["002_77d8cc29bf025518", "003_c0c95c97cb16ca2e", "004_125b49928ba2d4ba"]


@pytest.fixture
def three(tmp_path):
    folder = tmp_path / "three"
    folder.mkdir()
    for name in THREE:
        shutil.copy(SEEDS_DIR / f"{name}.txt", folder / f"{name}.txt")
    return folder


def boom_on_003(corpus):
    """A stand-in analysis that fails on one article only."""
    if "003_c0c95c97cb16ca2e" in set(corpus.articles["article_id"]):
        raise ValueError("cannot handle this article")
    return corpus.sentences[["article_id", "sentence_id"]].copy()


def always_fails(corpus):
    """A stand-in analysis that fails on every article."""
    raise ValueError("broken rule")


# --------------------------------------------------------------------------- the pass


def test_pass_matches_the_in_memory_tables_and_partitions_do_not_change_them(three, tmp_path):
    one = analysis.load(three, cache=tmp_path / "a", workers=1)
    parts = analysis.Analysis(
        three, analysis.analyse(three, cache=tmp_path / "b", workers=1, partition_size=1)
    )
    memory = analysis.run_steps(one.corpus)
    for name in analysis.ANALYSIS_TABLES:
        assert len(one.table(name)) == len(memory[name]) > 0, name
        pd.testing.assert_frame_equal(
            one.table(name).reset_index(drop=True),
            parts.table(name).reset_index(drop=True),
            check_dtype=False,
            check_categorical=False,
        )
    assert one.articles["article_id"].tolist() == THREE
    assert len(list((tmp_path / "b").glob("*/dates/part-*.parquet"))) == 3


def test_second_load_of_an_unchanged_corpus_does_no_work(three, tmp_path, monkeypatch):
    first = analysis.load(three, cache=tmp_path)
    n_quotes = len(first.quotes)

    def no_reading(*args, **kwargs):
        raise AssertionError("the corpus was read again")

    monkeypatch.setattr(analysis, "plan", no_reading)
    monkeypatch.setattr(analysis, "read_partition", no_reading)
    again = analysis.load(three, cache=tmp_path)
    assert again.folder == first.folder
    assert len(again.quotes) == n_quotes


def test_a_changed_file_gives_a_new_cache(three, tmp_path):
    before = analysis.cache_dir(three, tmp_path)
    with open(three / f"{THREE[0]}.txt", "a", encoding="utf-8") as f:
        f.write("\nOne more paragraph was added by the editor.\n")
    assert analysis.cache_dir(three, tmp_path) != before


def test_an_article_an_analysis_cannot_handle_is_a_problem_row(three, tmp_path, monkeypatch):
    monkeypatch.setitem(analysis.STEPS, "dates", analysis.Step(__name__, "boom_on_003"))
    a = analysis.load(three, cache=tmp_path, workers=1)
    assert set(a.dates["article_id"]) == {THREE[0], THREE[2]}
    row = a.problems[a.problems["analysis"] == "dates"]
    assert row["article_id"].tolist() == [THREE[1]]
    assert "ValueError: cannot handle this article" in row["problem"].iloc[0]
    assert len(a.quotes) > 0  # the other tables are whole


def test_a_table_that_cannot_be_built_stops_export_naming_table_and_article(
    three, tmp_path, monkeypatch, capsys
):
    monkeypatch.setitem(analysis.STEPS, "dates", analysis.Step(__name__, "always_fails"))
    monkeypatch.setenv("NEWSCORPUS_CACHE", str(tmp_path / "cache"))
    code = cli_main(["export", str(three), "--out", str(tmp_path / "out"), "--workers", "1"])
    err = capsys.readouterr().err
    assert code == 1
    assert "dates table" in err and THREE[0] in err and "broken rule" in err


def test_variant_options_are_cached_separately_with_the_tables_that_depend_on_them(three, tmp_path):
    a = analysis.load(three, cache=tmp_path, workers=1)
    plain = a.sources
    extra = a.table("sources", extra_outlets=["SDF"])  # "The SDF said Monday": a citation
    assert (a.folder / "quotes").exists()
    assert len(list(a.folder.glob("quotes@*"))) == 1
    assert len(list(a.folder.glob("sources@*"))) == 1
    assert "SDF" in set(extra.loc[extra["kind"] == "outlet", "name"])
    assert "SDF" not in set(plain.loc[plain["kind"] == "outlet", "name"])
    with pytest.raises(ValueError, match="option 'rules' does not change the quotes table"):
        a.table("quotes", rules="nltk")


def test_corpus_with_no_usable_article_gives_empty_tables_not_an_error(tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "a.txt").write_bytes(b"")
    a = analysis.load(folder, cache=tmp_path / "cache")
    assert len(a.articles) == 0
    for name in analysis.ANALYSIS_TABLES:
        assert len(a.table(name)) == 0
    assert a.problems["problem"].tolist() == ["empty file"]


def test_a_missing_corpus_is_named(tmp_path):
    with pytest.raises(analysis.CorpusError, match="nowhere"):
        analysis.load(tmp_path / "nowhere")


def test_export_writes_every_table_from_the_cache(three, tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSCORPUS_CACHE", str(tmp_path / "cache"))
    out = tmp_path / "out"
    assert cli_main(["export", str(three), "--out", str(out), "--format", "parquet"]) == 0
    names = sorted(p.stem for p in out.iterdir())
    assert names == sorted((*analysis.TABLES, "topics", "topic_terms"))
    a = analysis.load(three)
    assert len(pd.read_parquet(out / "quotes.parquet")) == len(a.quotes)
    assert cli_main(["export", str(three), "--out", str(out)]) == 0
    assert len(pd.read_csv(out / "sentences.csv")) == len(a.sentences)


# --------------------------------------------------------------------------- groups


def _articles(**columns):
    n = len(next(iter(columns.values())))
    base = {"article_id": [f"a{i}" for i in range(n)]}
    return pd.DataFrame(base | columns)


def test_group_by_outlet_orders_groups_by_size_with_unknown_last():
    arts = _articles(outlet=["Reuters", "AP", None, "Reuters", "AP", "AP"])
    labels = groups.assign(arts, "outlet")
    assert labels.to_dict() == {
        "a0": "Reuters",
        "a1": "AP",
        "a2": "no outlet",
        "a3": "Reuters",
        "a4": "AP",
        "a5": "AP",
    }
    assert list(labels.dtype.categories) == ["AP", "Reuters", "no outlet"]


def test_group_by_periods_from_publication_dates():
    published = pd.to_datetime(["2017-01-02", "2017-12-31", None, "2019-03-07"])
    arts = _articles(published=published)
    assert groups.assign(arts, "year").tolist() == ["2017", "2017", "no date", "2019"]
    assert groups.assign(arts, "month").tolist() == ["2017-01", "2017-12", "no date", "2019-03"]
    # ISO weeks: 2017-01-02 is a Monday of week 1; 2017-12-31 is a Sunday of week 52
    assert groups.assign(arts, "week").tolist() == ["2017-W01", "2017-W52", "no date", "2019-W10"]
    assert list(groups.assign(arts, "year").dtype.categories) == ["2017", "2019", "no date"]


def test_years_outside_the_nanosecond_range_are_labelled():
    published = pd.Series(pd.to_datetime(["1610-05-01", "2290-01-01"]).astype("datetime64[s]"))
    assert groups.assign(_articles(published=published), "year").tolist() == ["1610", "2290"]


def test_missing_or_single_valued_column_is_one_group():
    arts = _articles(desk=["world", "world"])
    assert groups.assign(arts, "outlet").tolist() == ["all articles"] * 2
    assert groups.assign(arts, "desk").tolist() == ["world"] * 2
    assert groups.assign(arts, "").tolist() == ["all articles"] * 2


def test_unknown_group_by_names_the_value_and_the_columns():
    with pytest.raises(ValueError, match=r"group_by='desk'.*columns: article_id, outlet"):
        groups.assign(_articles(outlet=["a", "b"]), "desk")


def test_top_n_folds_the_rest_into_other():
    labels = pd.Series(["a", "a", "a", "b", "b", "c", "d"])
    folded = groups.top_n(labels, 2)
    pooled = "other (2 groups)"  # the pooled group says how many groups it holds
    assert folded.tolist() == ["a", "a", "a", "b", "b", pooled, pooled]
    assert list(folded.dtype.categories) == ["a", "b", pooled]
    with pytest.raises(ValueError, match="top_n n=0"):
        groups.top_n(labels, 0)


def test_attach_adds_each_rows_article_group():
    labels = groups.assign(_articles(outlet=["X", "Y"]), "outlet")
    table = pd.DataFrame({"article_id": ["a1", "a0", "a1"], "n": [1, 2, 3]})
    assert groups.attach(table, labels)["group"].tolist() == ["Y", "X", "Y"]


def test_the_pass_on_a_dask_cluster_writes_the_same_tables(three, tmp_path):
    distributed = pytest.importorskip("distributed")
    local = analysis.load(three, cache=tmp_path / "local", workers=1)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        folder = analysis.analyse(
            three, cache=tmp_path / "dask", scheduler=cluster.scheduler_address, partition_size=1
        )
        read = analysis.read_corpus(three, scheduler=cluster.scheduler_address)
    assert read.articles["article_id"].tolist() == THREE
    pd.testing.assert_frame_equal(read.sentences, analysis.read_corpus(three).sentences)
    remote = analysis.Analysis(three, folder)
    assert len(list(folder.glob("quotes/part-*.parquet"))) == 3  # one partition per article
    for name in analysis.TABLES:
        pd.testing.assert_frame_equal(
            local.table(name), remote.table(name), check_dtype=False, check_categorical=False
        )


# --------------------------------------------------------------------------- streaming


def test_reader_tables_by_partition_equal_read_corpus_with_duplicates_across_partitions(
    three, tmp_path
):
    shutil.copy(three / f"{THREE[0]}.txt", three / "zz_copy.txt")  # the same text, last
    (three / "manifest.csv").write_text(
        f"article_id,outlet,published\n{THREE[1]},Wire,2019-03-07\nnobody,X,2019-01-01\n",
        encoding="utf-8",
    )
    whole = analysis.read_corpus(three)
    a = analysis.Analysis(
        three, analysis.analyse(three, cache=tmp_path, workers=1, partition_size=1)
    )
    assert a.stats["partitions"] == 4
    assert a.articles.set_index("article_id")["duplicate_of"].to_dict()["zz_copy"] == THREE[0]
    assert a.articles.set_index("article_id")["outlet"][THREE[1]] == "Wire"
    for name in ("articles", "paragraphs", "sentences", "tokens", "problems"):
        pd.testing.assert_frame_equal(
            whole.tables[name], a.table(name), check_dtype=False, check_categorical=False
        )
    assert "manifest row for unknown article_id 'nobody'" in set(a.problems["problem"])


def test_a_table_file_with_a_repeated_id_streams_like_read_corpus(tmp_path):
    table = tmp_path / "export.csv"
    rows = pd.DataFrame(
        {
            "id": ["7", "7", "9"],
            "title": ["Port strike ends", "Port strike resumes", "Dam opens"],
            "text": [
                "Dockers voted on Monday to end the strike.",
                "The strike resumed on Friday, the union said.",
                "The dam opened in 1610, the mayor said.",
            ],
        }
    )
    rows.to_csv(table, index=False)
    a = analysis.Analysis(
        table, analysis.analyse(table, cache=tmp_path / "c", workers=1, partition_size=2)
    )
    assert a.articles["article_id"].tolist() == ["7", "7-2", "9"]
    whole = analysis.read_corpus(table)
    for name in ("articles", "sentences", "problems"):
        pd.testing.assert_frame_equal(
            whole.tables[name], a.table(name), check_dtype=False, check_categorical=False
        )


def test_text_is_stored_once_and_given_back_on_load(three, tmp_path):
    a = analysis.load(three, cache=tmp_path, workers=1)
    stored = pd.read_parquet(next((a.folder / "sentences").glob("part-*.parquet")))
    assert "text" not in stored.columns and {"start", "end"} <= set(stored.columns)
    whole = analysis.read_corpus(three)
    assert a.sentences["text"].tolist() == whole.sentences["text"].tolist()
    assert list(a.paragraphs.columns) == list(whole.paragraphs.columns)
    quotes = a.quotes.head(3)
    if {"start", "end"} <= set(quotes.columns):
        assert len(a.text_of(quotes)) == len(quotes)


def test_table_reads_only_the_articles_and_columns_asked_for(three, tmp_path):
    a = analysis.load(three, cache=tmp_path, workers=1, progress=False)
    one = a.table("sentences", articles=[THREE[2]], columns=["article_id", "sentence_id", "text"])
    expected = a.sentences[a.sentences["article_id"] == THREE[2]]
    assert list(one.columns) == ["article_id", "sentence_id", "text"]
    assert one["text"].tolist() == expected["text"].tolist()
    tokens = a.table("tokens", articles=[THREE[0]], columns=["article_id", "token"])
    assert set(tokens["article_id"].astype(str)) == {THREE[0]}
    assert len(tokens) == int((a.tokens["article_id"] == THREE[0]).sum())


def test_top_n_keeps_periods_contiguous():
    labels = groups.assign(
        _articles(
            published=pd.to_datetime(["2016-01-05", "2016-02-01", "2016-02-02", "2016-03-09"])
        ),
        "month",
    )
    folded = groups.top_n(labels, 2)
    assert folded.tolist() == ["before 2016-02", "2016-02", "2016-02", "2016-03"]
    assert list(folded.dtype.categories) == ["before 2016-02", "2016-02", "2016-03"]


def test_an_empty_list_of_articles_reads_the_columns_and_no_rows(three, tmp_path):
    a = analysis.load(three, cache=tmp_path, workers=1)
    tokens = a.table("tokens", articles=[])
    assert tokens.empty and list(tokens.columns) == list(a.tokens.columns)
    assert list(a.table("sentences", articles=[], columns=["article_id", "text"]).columns) == [
        "article_id",
        "text",
    ]


def test_a_variant_gets_the_corpus_canonical_names_like_the_default_tables(tmp_path):
    folder = tmp_path / "two"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Talks\n\n“We will win the vote,” Donald Trump said on Monday.\n", encoding="utf-8"
    )
    (folder / "b.txt").write_text(
        "Economy\n\n“The economy is strong,” Trump said on Tuesday.\n", encoding="utf-8"
    )
    a = analysis.load(folder, cache=tmp_path / "cache", workers=1)
    plain = a.quotes.set_index("article_id")["canonical"]
    extra = a.table("quotes", extra_outlets=["Kurdistan 24"]).set_index("article_id")["canonical"]
    assert plain["b"] == "Donald Trump"
    assert extra["b"] == "Donald Trump"
    assert len(list(a.folder.glob("sources@*"))) == 1
    assert not list(a.folder.glob(".variant-*"))


# --------------------------------------------------------------------------- keys per step


def _keys_with_edit(monkeypatch, edited: str | None) -> dict[str, str]:
    """Every stage's key, with module `edited`'s source changed by one comment line."""

    def source(name):
        text = DISK_SOURCE(name)
        return text + b"\n# an edit\n" if name == edited else text

    monkeypatch.setattr(keys, "module_source", functools.cache(source))
    return analysis.step_keys(SEEDS_DIR)


@pytest.mark.parametrize(
    ("edited", "changed"),
    [
        ("newscorpus.plots", set()),
        ("newscorpus.sources.figures", set()),
        ("newscorpus.timeline.figures", set()),
        ("newscorpus.sources.quotes", {"quotes", "sources", "sentiment", "canonical"}),
        ("newscorpus.sentiment.vader", {"sentiment"}),
        ("newscorpus.terms.counts", {"term_counts", "topics"}),
        ("newscorpus.places.gazetteer", {"places"}),
        ("newscorpus.topics.model", {"topics"}),
        ("newscorpus.sources.canonical", None),  # quotes and entities use it too: see below
    ],
)
def test_a_code_change_changes_the_keys_of_the_steps_that_run_it_only(monkeypatch, edited, changed):
    before = _keys_with_edit(monkeypatch, None)
    after = _keys_with_edit(monkeypatch, edited)
    differ = {k for k in before if before[k] != after[k]}
    if changed is not None:
        assert differ == changed
    else:
        assert "canonical" in differ and "read" not in differ and "dates" not in differ


def test_a_reader_change_changes_every_key(monkeypatch):
    before = _keys_with_edit(monkeypatch, None)
    after = _keys_with_edit(monkeypatch, "newscorpus.corpus.paragraphs")
    assert {k for k in before if before[k] != after[k]} == set(before)


def test_a_new_cache_folder_copies_the_tables_whose_keys_did_not_change(
    three, tmp_path, monkeypatch
):
    first = analysis.load(three, cache=tmp_path, workers=1)
    dates = first.dates
    # the dates rules "change": only dates (and nothing downstream of it) is computed again
    monkeypatch.setitem(
        analysis.STEPS, "dates", analysis.Step(__name__, "boom_on_003", code=("newscorpus.plots",))
    )

    def no_reading(*args, **kwargs):
        raise AssertionError("the corpus was read again")

    monkeypatch.setattr(analysis, "plan", no_reading)
    monkeypatch.setattr(analysis, "read_partition", no_reading)
    again = analysis.load(three, cache=tmp_path, workers=1)
    assert again.folder != first.folder
    assert again.stats["reused_from"] == first.folder.name
    assert "dates" not in again.stats["reused"] and "quotes" in again.stats["reused"]
    assert set(again.dates["article_id"]) == {THREE[0], THREE[2]}
    assert len(dates) != len(again.dates)
    pd.testing.assert_frame_equal(again.quotes, first.quotes)
    assert again.problems[again.problems["analysis"] == "dates"]["article_id"].tolist() == [
        THREE[1]
    ]


def test_the_reader_runs_no_timeline_code():
    """Publication dates are read with the corpus's own date grammar (corpus.dates): reading
    never imports timeline, even lazily, so timeline can import the corpus without a cycle."""
    closure = keys.code_closure("newscorpus.corpus.read")
    assert "newscorpus.corpus.dates" in closure
    assert not [m for m in closure if m.startswith("newscorpus.timeline")]


def test_step_modules_are_found_in_the_source_as_importing_finds_them():
    for name, step in analysis.STEPS.items():
        assert step.code_modules()[0] == step.function_object().__module__, name


def test_computing_the_cache_folder_imports_no_analysis_or_drawing_code():
    """A notebook kernel finds its cache folder from the keys: that must not import the steps'
    code (timeline, sentiment, entities), matplotlib or NLTK (it cost 3 s CPU per kernel)."""
    code = (
        "import sys\n"
        "from newscorpus import analysis\n"
        f"analysis.cache_dir({str(SEEDS_DIR)!r})\n"
        "heavy = ('newscorpus.timeline', 'newscorpus.sentiment', 'newscorpus.entities',"
        " 'newscorpus.sources', 'matplotlib', 'nltk')\n"
        "print(sorted(m for m in sys.modules if m in heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
