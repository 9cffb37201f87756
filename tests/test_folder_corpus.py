"""Folder corpora without a manifest: dates from file names, the sub-folder as the outlet, title
tails that are (not) outlets, and titles and metadata repaired like bodies (issue 16)."""

from __future__ import annotations

import unicodedata

import numpy as np
import pandas as pd

from newscorpus import groups
from newscorpus.corpus import read_corpus
from newscorpus.corpus.dates import dates_from_names
from newscorpus.corpus.decode import repair
from newscorpus.corpus.duplicates import wire_credit
from newscorpus.corpus.outlets import folder_outlet, repeated_tails, tail_is_outlet

BODY = "The council met on a rainy evening and voted on the budget after a long debate.\n"
WIRE = "NEW YORK (AP) — The candidate spoke to donors at a hotel on Tuesday night.\n"


def _write(root, files: dict[str, str | bytes]) -> None:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def _by_id(corpus) -> pd.DataFrame:
    return corpus.articles.set_index("article_id")


# --------------------------------------------------------------------------- dates


def test_dates_from_names_read_iso_dates_only():
    paths = pd.Series(
        [
            "nyt/nyt_2015-11-11_slug.txt",  # ISO with hyphens
            "x_2016_03_04.txt",  # ISO with underscores
            "2017/05/06/story.txt",  # a year/month/day folder chain
            "2018-07-08/story.txt",  # a dated folder
            "id_20151111.txt",  # an 8-digit id: never a date
            "x_01-02-2015.txt",  # day and month in an unknown order
            "x_2015-02-30.txt",  # no such day
            "x_1066-10-14.txt",  # not a plausible publication year
            "a_2015-01-01_2015-01-02.txt",  # two dates at one level
            "plain.txt",
        ]
    )
    dates, notes = dates_from_names(paths)
    got = [None if np.isnat(d) else str(d)[:10] for d in dates]
    assert got == [
        "2015-11-11",
        "2016-03-04",
        "2017-05-06",
        "2018-07-08",
        None,
        None,
        None,
        None,
        None,
        None,
    ]
    assert sorted(notes) == [5, 6, 7, 8]
    assert "01-02-2015" in notes[5] and "2 different dates" in notes[8]


def test_undated_articles_of_a_folder_corpus_are_dated_by_their_file_names(tmp_path):
    _write(
        tmp_path,
        {
            "a/a_2015-11-11_council.txt": "Council votes\n\n" + BODY,
            "a/a_20151111.txt": "Council votes again\n\n" + BODY,
            "a/a_01-02-2015_x.txt": "Council votes a third time\n\n" + BODY,
            "b/b_2016-01-05_byline.txt": "Budget passes\n\nBy Jo Smith, March 7, 2019\n\n" + BODY,
        },
    )
    corpus = read_corpus(tmp_path)
    a = _by_id(corpus)
    assert a.loc["a_2015-11-11_council", "published"] == pd.Timestamp("2015-11-11")
    assert a.loc["a_2015-11-11_council", "published_from"] == "file name"
    assert pd.isna(a.loc["a_20151111", "published"])  # an 8-digit id is never a date
    assert pd.isna(a.loc["a_01-02-2015_x", "published_from"])
    # the byline's date is the source's own: the file name does not replace it
    assert a.loc["b_2016-01-05_byline", "published"] == pd.Timestamp("2019-03-07")
    assert a.loc["b_2016-01-05_byline", "published_from"] == "text"
    (row,) = corpus.problems[corpus.problems["article_id"] == "a_01-02-2015_x"].itertuples()
    assert "01-02-2015" in row.problem and row.action == "published left empty (NaT)"


def test_a_manifest_date_wins_over_the_file_name(tmp_path):
    _write(
        tmp_path,
        {
            "a_2015-11-11_x.txt": "Council votes\n\n" + BODY,
            "manifest.csv": "article_id,published\na_2015-11-11_x,2015-11-12\n",
        },
    )
    a = _by_id(read_corpus(tmp_path))
    assert a.loc["a_2015-11-11_x", "published"] == pd.Timestamp("2015-11-12")
    assert a.loc["a_2015-11-11_x", "published_from"] == "manifest"


def test_the_corpus_folder_own_name_dates_nothing(tmp_path):
    root = tmp_path / "export_2020-01-05"
    _write(root, {"story.txt": "Council votes\n\n" + BODY})
    assert pd.isna(read_corpus(root).articles.loc[0, "published"])


# --------------------------------------------------------------------------- outlets


def test_the_sub_folder_is_the_outlet_and_a_wire_dateline_stays_a_credit(tmp_path):
    _write(
        tmp_path,
        {
            "breitbart/breitbart_2015-11-16_x.txt": "Clinton speaks\n\n" + WIRE,
            "breitbart/breitbart_2015-11-17_y.txt": "Trump speaks\n\n" + BODY,
            "huff-post/huff-post_2016-06-09_z.txt": "Sanders speaks\n\n" + BODY,
        },
    )
    a = _by_id(read_corpus(tmp_path))
    assert a.loc["breitbart_2015-11-16_x", "outlet"] == "Breitbart News"  # not "AP"
    assert a.loc["breitbart_2015-11-16_x", "outlet_listed"] == "breitbart"
    assert a.loc["huff-post_2016-06-09_z", "outlet"] == "HuffPost"
    assert wire_credit(a["text"])["breitbart_2015-11-16_x"] == "AP"  # the wire, as a credit
    # group_by="folder" still groups by the folder as written
    folders = groups.folders(a)
    assert folders["huff-post_2016-06-09_z"] == "huff-post"
    assert folders["breitbart_2015-11-17_y"] == "breitbart"


def test_a_flat_corpus_keeps_the_wire_as_its_outlet_and_a_manifest_beats_the_folder(tmp_path):
    flat = tmp_path / "flat"
    _write(flat, {"x.txt": "Clinton speaks\n\n" + WIRE})
    assert read_corpus(flat).articles.loc[0, "outlet"] == "AP"
    nested = tmp_path / "nested"
    _write(
        nested,
        {
            "nyt/x.txt": "Clinton speaks\n\n" + BODY,
            "nyt/y.txt": "Trump speaks\n\n" + BODY,
            "manifest.csv": "article_id,outlet\nx,Politico\n",
        },
    )
    a = _by_id(read_corpus(nested))
    assert a.loc["x", "outlet"] == "Politico"
    assert a.loc["y", "outlet"] == "The New York Times"


def test_folder_outlet_skips_date_folders():
    assert folder_outlet("nyt/2016/x.txt") == "nyt"
    assert folder_outlet("2016/05/x.txt") is None
    assert folder_outlet("x.txt") is None


def test_a_title_tail_is_an_outlet_only_when_it_looks_like_one(tmp_path):
    files = {
        "p1.txt": "Federal judge rules on emails – She’s Going To HATE It.\n\n" + BODY,
        "p2.txt": "Trump names a running mate – It Might Surprise You.\n\n" + BODY,
        "p3.txt": "Trump picks a fight – It Might Surprise You.\n\n" + BODY,
        "p4.txt": "Cruz makes a pledge – It Might Surprise You.\n\n" + BODY,
        "r1.txt": "Oil prices fall | Reuters\n\n" + BODY,
        "d1.txt": "Rates rise – The Daily Blurb\n\n" + BODY,
        "d2.txt": "Rates fall – The Daily Blurb\n\n" + BODY,
        "d3.txt": "Rates hold – The Daily Blurb\n\n" + BODY,
        "o1.txt": "Senate stalls – Once Again\n\n" + BODY,
    }
    a = _by_id(read_corpus(_make(tmp_path, files)))
    assert a.loc["p1", "title"] == "Federal judge rules on emails – She’s Going To HATE It."
    assert pd.isna(a.loc["p1", "outlet"])
    assert a.loc["p2", "title"].endswith("– It Might Surprise You.")  # repeated, but no name
    assert pd.isna(a.loc["p2", "outlet"])
    assert (a.loc["r1", "title"], a.loc["r1", "outlet"]) == ("Oil prices fall", "Reuters")
    # an unknown name that ends three titles of the corpus is their outlet
    assert (a.loc["d1", "title"], a.loc["d1", "outlet"]) == ("Rates rise", "The Daily Blurb")
    assert a.loc["o1", "title"] == "Senate stalls – Once Again"  # once, unknown: the title's
    assert pd.isna(a.loc["o1", "outlet"])


def _make(root, files):
    _write(root, files)
    return root


def test_tail_rules():
    titles = pd.Series([f"Story {i} – The Daily Blurb" for i in range(3)] + ["A – Yet."])
    repeated = repeated_tails(titles)
    assert repeated == frozenset({"dailyblurb"})
    assert tail_is_outlet("The Daily Blurb", repeated)
    assert not tail_is_outlet("Yet.", repeated)
    assert tail_is_outlet("The Huffington Post")  # the outlet list
    assert tail_is_outlet("Westside Gazette", given=("westside-gazette",))  # its folder's name


# --------------------------------------------------------------------------- repair


def test_manifest_titles_are_repaired_like_bodies(tmp_path):
    title = "Boehner: Automatic Spending Cuts Are GOPÃ¢â‚¬â„¢s Ultimate Leverage"
    _write(
        tmp_path,
        {
            "n1.txt": title + "\n\n" + BODY,
            "manifest.csv": f'article_id,title,outlet\nn1,"{title}",Newsmax\n',
        },
    )
    corpus = read_corpus(tmp_path)
    got = corpus.articles.loc[0, "title"]
    assert got == "Boehner: Automatic Spending Cuts Are GOP’s Ultimate Leverage"
    assert corpus.articles.loc[0, "text"].startswith(got)
    rows = corpus.problems[corpus.problems["problem"].str.startswith("manifest title repaired")]
    assert rows["article_id"].tolist() == ["n1"]


def test_table_bylines_and_outlets_are_repaired(tmp_path):
    path = tmp_path / "export.csv"
    pd.DataFrame(
        {
            "id": ["1"],
            "title": ["Budget passes"],
            "text": [BODY],
            "author": ["JosÃ© GarcÃ­a"],
        }
    ).to_csv(path, index=False)
    assert read_corpus(path).articles.loc[0, "byline"] == "José García"


def test_mojibake_put_through_compatibility_normalisation_is_restored(tmp_path):
    broken = unicodedata.normalize("NFKD", "Gülen".encode().decode("cp1252"))
    assert broken == "GA\u03031\u20444len"  # what the PolNeAR usa-today files hold
    assert repair(broken)[0] == "Gülen"
    assert repair("a hopelessly naÃ \u0304ve view")[0] == "a hopelessly naïve view"  # ¯ (ï)
    assert repair("SégolÃ \u0308ne")[0] == "Ségolène"  # ¨ (è)
    assert repair("Rep. RaÃol M. Grijalva")[0] == "Rep. Raúl M. Grijalva"
    # real text is left alone: a capital Ã before a digit or a capital, ½ written out
    for text in ("SÃO PAULO", "Ã1 hmm", "1⁄2 cup", "Ö3 radio"):
        assert repair(text)[0] == unicodedata.normalize("NFC", text)
    _write(tmp_path, {"g.txt": f"Cleric {broken} denies role\n\nFethullah {broken} said.\n"})
    a = read_corpus(tmp_path).articles
    assert a.loc[0, "title"] == "Cleric Gülen denies role"
    assert "Fethullah Gülen said." in a.loc[0, "text"]
