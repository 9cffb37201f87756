"""The corpus reader: seed tables checked by hand, and every kind of bad input."""

from __future__ import annotations

import pandas as pd
import pytest

from newscorpus import CorpusError, read_corpus
from newscorpus.corpus import WORD_TOKENIZER, split_sentences, split_tokens
from newscorpus.paths import SEEDS_DIR

ARTICLE = "Title line\n\nThe first body sentence is here. A second one follows it.\n"


def _kinds(corpus, article_prefix):
    p = corpus.paragraphs[corpus.paragraphs["article_id"].str.startswith(article_prefix)]
    return list(zip(p["kind"], p["text"], strict=True))


def _article(corpus, prefix):
    return corpus.articles[corpus.articles["article_id"].str.startswith(prefix)].iloc[0]


# ----------------------------------------------------------------------------- seeds


def test_seed_tables_have_the_documented_columns(seeds):
    assert list(seeds.articles.columns[:3]) == ["article_id", "path", "title"]
    for col in [
        "byline",
        "outlet",
        "published",
        "published_from",
        "dateline",
        "encoding",
        "text",
        "n_words",
        "n_sentences",
    ]:
        assert col in seeds.articles.columns
    assert list(seeds.tokens.columns) == [
        "article_id",
        "sentence_id",
        "token",
        "norm",
        "stem",
        "is_stop",
        "is_word",
        "start",
        "end",
    ]
    assert len(seeds.articles) == 5
    # The only input problem: 001 carries four non-breaking spaces, made plain spaces.
    assert seeds.problems["problem"].tolist() == [
        "text repaired: 4 non-breaking or special spaces made plain spaces"
    ]
    assert seeds.problems["article_id"].tolist() == ["001_5ca9430a057571b9"]


@pytest.mark.parametrize(
    "table,column", [("paragraphs", "text"), ("sentences", "text"), ("tokens", "token")]
)
def test_offsets_point_at_the_exact_words(seeds, table, column):
    texts = dict(zip(seeds.articles["article_id"], seeds.articles["text"], strict=True))
    df = seeds.tables[table]
    mismatches = [
        row
        for row in df.itertuples()
        if texts[row.article_id][row.start : row.end] != getattr(row, column)
    ]
    assert mismatches == []


def test_003_metadata_from_title_and_byline(seeds):
    a = _article(seeds, "003")
    assert (
        a["title"] == "As the ‘caliphate crumbles,’ the Islamic State is seeding a new insurgency"
    )
    assert a["outlet"] == "The Washington Post"
    assert a["byline"] == "Louisa Loveluck"
    assert a["published"] == pd.Timestamp("2019-03-07")
    assert a["published_from"] == "text"
    assert a["dateline"] == "DEIR AL-ZOUR, Syria"


def test_002_reuters_credit_gives_the_outlet(seeds):
    a = _article(seeds, "002")
    assert a["outlet"] == "Reuters"
    # No date is stated: none is guessed from the years it mentions ("in 2014").
    assert pd.isna(a["published"]) and pd.isna(a["published_from"])


def test_publication_dates_come_from_the_source_only():
    articles = read_corpus(SEEDS_DIR).articles.set_index("article_id")
    assert articles["published_from"].dropna().to_dict() == {"003_c0c95c97cb16ca2e": "text"}
    # 004 names March 2019, "November 6" and "November 18", but states no date: it has none.
    assert articles["published"].notna().sum() == 1
    assert pd.isna(articles.loc["004_125b49928ba2d4ba", "published"])
    # the old option is accepted and changes nothing
    assert read_corpus(SEEDS_DIR, infer_published=False).articles["published"].notna().sum() == 1


def test_001_byline_outlet_and_six_boilerplate_blocks(seeds):
    a = _article(seeds, "001")
    assert a["byline"] == "Will Racke"
    assert a["outlet"] == "The Daily Caller News Foundation"
    kinds = _kinds(seeds, "001")
    boiler = [text for kind, text in kinds if kind == "boilerplate"]
    assert len(boiler) == 6
    assert boiler[0] == "Daily Caller News Foundation logo"
    assert boiler[1] == "Font Size:"
    assert boiler[2] == "Follow Will on Twitter"
    assert boiler[3] == "Send tips to"
    assert boiler[4].startswith("The Daily Caller News Foundation is working hard")
    assert boiler[5].startswith("Content created by The Daily Caller")
    assert kinds[2] == ("byline", "Will Racke Immigration and Foreign Policy Reporter")


@pytest.mark.parametrize("prefix", ["000", "004"])
def test_deks_and_all_three_caption_lines(seeds, prefix):
    kinds = [kind for kind, _ in _kinds(seeds, prefix)]
    assert kinds[:5] == ["title", "dek", "caption", "caption", "caption"]
    assert set(kinds[5:]) == {"body"}


def test_002_related_list_and_comment_policy_are_boilerplate(seeds):
    kinds = _kinds(seeds, "002")
    tail = kinds[-5:]
    assert [k for k, _ in tail] == ["boilerplate"] * 5
    assert tail[0][1] == "Related articles on"
    assert tail[-1][1].startswith("In submitting this comment")
    assert kinds[1][0] == "body"  # the long first paragraph is not a dek


def test_003_contributor_line_is_boilerplate(seeds):
    kinds = _kinds(seeds, "003")
    assert kinds[-1][0] == "boilerplate"
    assert kinds[-1][1].endswith("contributed to this report.")
    assert kinds[1][0] == "byline"


def test_no_sentence_ends_at_an_abbreviation(seeds):
    ends = seeds.sentences["text"].str.strip().str.split().str[-1]
    assert not ends.isin(["Col.", "Gen.", "Brig.", "U.S.", "Lt.", "Dr.", "Mr."]).any()
    col = seeds.sentences[seeds.sentences["text"].str.contains("Col. Saad Mohammed")]
    assert len(col) == 1 and col.iloc[0]["text"].endswith("told the Washington Post.")
    gen = seeds.sentences[seeds.sentences["text"].str.contains("Brig. Gen. Yahya Rasoul")]
    assert len(gen) == 1 and gen.iloc[0]["text"].startswith("“We have launched an operation")


def test_quote_and_attribution_stay_in_one_sentence(seeds):
    s = seeds.sentences["text"]
    assert (s == "“It’s not safe here,” one young fighter said on a recent drive.").sum() == 1
    assert s.str.contains("complicated area,” said Brig. Gen.").sum() == 1


def test_sentence_and_word_counts(seeds):
    a = seeds.articles.set_index(seeds.articles["article_id"].str[:3])
    assert a.loc["003", "n_sentences"] == 50
    assert a.loc["000", "n_sentences"] == 15
    assert a.loc["000", "n_words"] == 303  # possessive ’s (Iraqi’s) is a token but not a word


# ----------------------------------------------------------------------------- sentences and tokens


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Lt. Col. Smith spoke. He left.", ["Lt. Col. Smith spoke.", "He left."]),
        (
            "The U.S.-led coalition struck. Dr. Ali and Sen. Reed met on Jan. 5.",
            ["The U.S.-led coalition struck.", "Dr. Ali and Sen. Reed met on Jan. 5."],
        ),
        (
            "“Is it safe?” he asked. Nobody answered.",
            ["“Is it safe?” he asked.", "Nobody answered."],
        ),
        ("Police fired. (Reuters)", ["Police fired. (Reuters)"]),
        (
            "Gov. Ray lives on St. Mark St. near No. 10 Downing.",
            ["Gov. Ray lives on St. Mark St. near No. 10 Downing."],
        ),
    ],
)
def test_split_sentences(text, expected):
    assert [text[s:e] for s, e in split_sentences(text)] == expected


def test_tokens_keep_names_and_split_possessives():
    text = "The Islamic State’s U.S.-led foes in Deir al-Zour don’t count 3,000 fighters; it’s 81-member."
    tokens = [text[s:e] for s, e in split_tokens(text)]
    assert tokens == [
        "The",
        "Islamic",
        "State",
        "’s",
        "U.S.-led",
        "foes",
        "in",
        "Deir",
        "al-Zour",
        "don’t",
        "count",
        "3,000",
        "fighters",
        ";",
        "it’s",
        "81-member",
        ".",
    ]


def test_an_ordinal_or_a_decade_is_one_token():
    # "20th" split as "20" + "th" made "th" a key term of 56 articles on a real corpus
    text = "In the 20th century, the 1990s and the 1,000th 19th-century vote on 14th Street."
    tokens = [text[s:e] for s, e in split_tokens(text)]
    assert {"20th", "1990s", "1,000th", "19th-century", "14th"} <= set(tokens)
    assert "th" not in tokens and "s" not in tokens
    other = "2016's 22 years"
    assert [other[s:e] for s, e in split_tokens(other)] == ["2016", "'s", "22", "years"]


@pytest.mark.parametrize(
    "text",
    [
        "In the 20th century, the 1990s: 3rd-place, 1,000th.",
        "He’s here, it's late and that’s that: the U.S.-led talks in al-Zour end at 10:30 a.m.",
        "Ms. O’Neill’s 3.5% rise (approx.) beat the 81-member panel’s x_y forecast—again.",
        "Café owners’ fears; naïve hopes? Don’t! “Quoted,” she said… ’s 'S s.",
    ],
)
def test_reader_tokens_match_the_documented_nltk_tokenizer(text):
    assert split_tokens(text) == list(WORD_TOKENIZER.span_tokenize(text))


def test_curly_apostrophe_forms_are_stopwords(make_corpus):
    c = make_corpus(
        {"a.txt": "T\n\nIt’s clear they don’t know. The State’s fighters isn’t here.\n"}
    )
    stop = dict(zip(c.tokens["norm"], c.tokens["is_stop"], strict=True))
    assert stop["it's"] and stop["don't"] and stop["isn't"] and stop["the"]
    assert not stop["clear"] and not stop["fighters"] and not stop["state"]
    row = c.tokens[c.tokens["token"] == "fighters"].iloc[0]
    assert row["stem"] == "fighter" and row["norm"] == "fighters"


# ----------------------------------------------------------------------------- bad input


def test_utf8_bom_is_removed_and_reported(make_corpus):
    c = make_corpus({"bom.txt": b"\xef\xbb\xbf" + ARTICLE.encode("utf-8")})
    a = c.articles.iloc[0]
    assert a["title"] == "Title line" and a["encoding"] == "utf-8-sig"
    assert not a["text"].startswith("\ufeff")
    assert c.problems["problem"].str.contains("byte-order mark").any()


def test_crlf_is_normalised_with_exact_offsets(make_corpus):
    c = make_corpus({"crlf.txt": ARTICLE.replace("\n", "\r\n").encode("utf-8")})
    a = c.articles.iloc[0]
    assert "\r" not in a["text"]
    assert c.sentences["text"].tolist() == [
        "The first body sentence is here.",
        "A second one follows it.",
    ]
    s = c.sentences.iloc[1]
    assert a["text"][s["start"] : s["end"]] == "A second one follows it."
    assert c.problems["problem"].str.contains("line endings").any()


def test_cp1252_file_is_read_and_encoding_recorded(make_corpus):
    text = "Caf\u00e9 title\n\n\u201cWe won\u2019t leave,\u201d the mayor said \u2014 in Bogot\u00e1.\n"
    c = make_corpus({"win.txt": text.encode("cp1252")})
    a = c.articles.iloc[0]
    assert a["encoding"] == "cp1252"
    assert a["title"] == "Café title"
    assert c.sentences.iloc[0]["text"] == "“We won’t leave,” the mayor said — in Bogotá."
    assert c.problems["problem"].str.contains("cp1252").any()


def test_latin1_only_bytes_fall_back(make_corpus):
    c = make_corpus({"l1.txt": "T\n\nA \x81 byte.\n".encode("latin-1")})
    assert c.articles.iloc[0]["encoding"] == "latin-1"


def test_empty_and_binary_files_are_skipped_and_listed(make_corpus):
    c = make_corpus(
        {
            "good.txt": ARTICLE,
            "empty.txt": "",
            "blank.txt": "  \n\n",
            "blob.txt": bytes(range(256)) * 4,
        }
    )
    assert c.articles["article_id"].tolist() == ["good"]
    problems = dict(
        zip(c.problems["path"].str.rsplit("/", n=1).str[-1], c.problems["problem"], strict=True)
    )
    assert problems["empty.txt"] == "empty file"
    assert problems["blank.txt"] == "empty file"
    assert problems["blob.txt"].startswith("binary file")
    assert set(c.problems["action"]) == {"skipped"}


def test_title_only_file_is_kept_and_reported(make_corpus):
    c = make_corpus({"t.txt": "Just a headline\n"})
    a = c.articles.iloc[0]
    assert a["title"] == "Just a headline" and a["n_sentences"] == 0 and a["n_words"] == 0
    assert c.sentences.empty and c.tokens.empty
    assert c.problems.iloc[0]["problem"].startswith("no body text")


def test_folder_without_txt_files_is_a_clear_error(tmp_path):
    (tmp_path / "notes.md").write_text("hi")
    with pytest.raises(CorpusError, match="contains no .txt files and no .html pages"):
        read_corpus(tmp_path)


def test_missing_folder_is_named_in_the_error(tmp_path):
    missing = tmp_path / "nowhere"
    with pytest.raises(CorpusError, match=r"'.*nowhere' does not exist"):
        read_corpus(missing)


def test_identical_articles_both_kept_second_flagged(make_corpus):
    c = make_corpus(
        {
            "a.txt": ARTICLE,
            "b.txt": ARTICLE.replace("\n", "\r\n"),
            "other.txt": "X\n\nSomething else.\n",
        }
    )
    dup = c.articles.set_index("article_id")["duplicate_of"]
    assert pd.isna(dup["a"]) and dup["b"] == "a" and pd.isna(dup["other"])
    assert c.problems["problem"].eq("duplicate of a").sum() == 1


def test_other_files_are_listed_not_dropped_silently(make_corpus, tmp_path):
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8")
    (tmp_path / "sub").mkdir()
    c = make_corpus({"a.txt": ARTICLE})
    names = set(c.problems["path"].str.rsplit("/", n=1).str[-1])
    assert names == {"photo.jpg", "sub"}


def test_one_bad_file_does_not_stop_the_run_in_parallel(make_corpus):
    files = {f"a{i:03d}.txt": f"Title {i}\n\nBody number {i} is here.\n" for i in range(250)}
    files["zz_bad.txt"] = b"\x00\x01\x02binary"
    c = make_corpus(files, workers=2)
    assert len(c.articles) == 250 and len(c.sentences) == 250
    assert c.problems["path"].str.endswith("zz_bad.txt").sum() == 1


# ----------------------------------------------------------------------------- manifest


def test_manifest_overrides_text_metadata(make_corpus, tmp_path):
    (tmp_path / "manifest.csv").write_text(
        "article_id,outlet,published,url\n"
        "a,The Guardian,2018-05-02,https://example.org/a\n"
        "b,,not a date,\n"
        "ghost,X,2018-01-01,\n"
    )
    c = make_corpus(
        {"a.txt": "T\nBy Jo Bloggs, March 7, 2019\n\nBody.\n", "b.txt": "T\n\nOther body.\n"}
    )
    a = c.articles.set_index("article_id")
    assert a.loc["a", "outlet"] == "The Guardian"
    assert a.loc["a", "published"] == pd.Timestamp("2018-05-02")
    assert a.loc["a", "published_from"] == "manifest"
    assert a.loc["a", "url"] == "https://example.org/a"
    assert pd.isna(a.loc["b", "published"])
    problems = " | ".join(c.problems["problem"])
    assert "'not a date'" in problems and "unknown article_id 'ghost'" in problems


def test_parquet_cache_returns_the_same_tables_and_notices_changes(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b.txt").write_text("T\n\nOther body here.\n", encoding="utf-8")
    cache = tmp_path / "cache"
    first = read_corpus(folder, cache=cache)
    assert len(list(cache.glob("*/tokens.parquet"))) == 1
    again = read_corpus(folder, cache=cache)
    for name, table in first.tables.items():
        pd.testing.assert_frame_equal(again.tables[name], table, check_dtype=True)
    (folder / "b.txt").write_text("T\n\nChanged body, longer than before.\n", encoding="utf-8")
    changed = read_corpus(folder, cache=cache)
    assert "Changed body, longer than before." in changed.sentences["text"].tolist()
    assert len(list(cache.glob("*/tokens.parquet"))) == 2


def test_parquet_cache_is_not_reused_after_the_reader_code_changes(tmp_path, monkeypatch):
    """Changed furniture or parsing rules used to reuse an old cache until a version was bumped."""
    from newscorpus import keys

    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    cache = tmp_path / "cache"
    read_corpus(folder, cache=cache)
    read_corpus(folder, cache=cache)
    assert len(list(cache.glob("*/tokens.parquet"))) == 1  # unchanged code: reused
    monkeypatch.setattr(keys, "code_key", lambda *modules: "edited-reader")
    read_corpus(folder, cache=cache)
    assert len(list(cache.glob("*/tokens.parquet"))) == 2


def test_tables_keep_their_types_when_empty(make_corpus):
    c = make_corpus({"t.txt": "Only a title\n"})
    assert c.sentences.empty and c.tokens.empty
    assert c.sentences["article_id"].dtype == "str" and c.sentences["text"].dtype == "str"
    assert c.sentences["start"].dtype == "int32" and c.tokens["is_stop"].dtype == bool
    assert c.tokens["article_id"].dtype == "category" and c.tokens["start"].dtype == "int32"
    assert c.tokens["norm"].dtype == "str"


# ----------------------------------------------------------------------------- by partition


def test_a_partition_is_a_small_path_based_description_read_anywhere(tmp_path):
    import pickle

    from newscorpus.corpus import finish, plan, read_partition

    folder = tmp_path / "c"
    folder.mkdir()
    for name in ("a", "b", "c"):
        (folder / f"{name}.txt").write_text(ARTICLE, encoding="utf-8")  # b, c repeat a
    listing = plan(folder)
    parts = listing.partitions(2)
    assert [p.size for p in parts] == [2, 1]
    again = pickle.loads(pickle.dumps(parts[1]))
    corpus, facts = read_partition(again)
    assert corpus.articles["article_id"].tolist() == ["c"]
    assert corpus.articles["duplicate_of"].isna().all()  # decided across partitions by finish
    facts = [read_partition(parts[0])[1], facts]
    problems, duplicates = finish(listing, facts)
    assert duplicates == {"b": "a", "c": "a"}
    assert [p["problem"] for p in problems] == ["duplicate of a", "duplicate of a"]


def test_a_table_files_partitions_are_spooled_to_a_shared_folder(tmp_path):
    from newscorpus.corpus import plan, read_partition

    table = tmp_path / "t.jsonl"
    table.write_text(
        '{"id": 1, "text": "One sentence here."}\n{"id": 1, "text": "Another one."}\n',
        encoding="utf-8",
    )
    parts = plan(table).partitions(1, spool=tmp_path / "spool")
    assert all(p.items is None and p.spool for p in parts)
    ids = [read_partition(p)[0].articles["article_id"].tolist() for p in parts]
    assert ids == [["1"], ["1-2"]]


def test_a_title_ending_in_a_semicolon_runs_on_as_a_dek(make_corpus):
    # a database export's "Headline; ¶ Dek." (PolNeAR's USA Today and New York Times)
    corpus = make_corpus(
        {
            "a.txt": "Carson on defense, attacking critics;\nCandidate's biography questioned.\n\n"
            "Ben Carson says he is under attack because of his rise in the polls.\n",
            "b.txt": "Carson on defense\nCandidate's biography questioned.\n\n"
            "Ben Carson says he is under attack because of his rise in the polls.\n",
        }
    )
    kinds = corpus.paragraphs.groupby("article_id")["kind"].apply(list).to_dict()
    assert kinds["a"][:3] == ["title", "dek", "body"]
    assert kinds["b"][1] == "body"  # a title without the mark: its next line is the story
