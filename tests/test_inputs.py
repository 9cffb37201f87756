"""Every input kind read right: table files, saved web pages, and messy text repaired on read."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from newscorpus import CorpusError, read_corpus
from newscorpus.corpus import PROBLEM_COLUMNS, offset_map, parse_date, repair
from newscorpus.sources import find_quotes

HTML_DIR = Path(__file__).resolve().parent / "data" / "html"


def _quotes(corpus, kind="direct"):
    q = find_quotes(corpus)
    return q[q["kind"] == kind].reset_index(drop=True)


def _offsets_exact(corpus) -> bool:
    texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"], strict=True))
    for table, column in (("paragraphs", "text"), ("sentences", "text"), ("tokens", "token")):
        df = corpus.tables[table]
        for aid, start, end, value in zip(
            df["article_id"], df["start"], df["end"], df[column], strict=True
        ):
            if texts[aid][start:end] != value:
                return False
    return True


# ----------------------------------------------------------------------------- messy text


def test_utf8_article_with_one_stray_cp1252_byte_is_repaired_where_it_stands(make_corpus):
    data = (
        "Café owners welcome the council’s plan\n\n“We will reopen by June ".encode()
        + b"\x96"  # a cp1252 en dash inside otherwise valid UTF-8
        + " or sooner,” said Ana Lopes, who runs the Café Central.\n".encode()
    )
    c = make_corpus({"stray.txt": data})
    a = c.articles.iloc[0]
    assert a["title"] == "Café owners welcome the council’s plan"
    assert a["encoding"] == "utf-8"
    assert "June – or sooner" in a["text"]
    q = _quotes(c)
    assert q["quote"].tolist() == ["We will reopen by June – or sooner,"]
    assert q["speaker"].tolist() == ["Ana Lopes"]
    assert c.problems["problem"].tolist() == [
        "text repaired: 1 stray non-UTF-8 byte read as cp1252 where they stand"
    ]


def test_html_entities_are_decoded_and_the_quote_is_found(make_corpus):
    c = make_corpus(
        {
            "strike.txt": "Strike ends at the port\n\n"
            "&quot;We are going back to work,&quot; union leader Sam Okoro said on Monday.\n\n"
            "Shares in AT&amp;T rose; the port&rsquo;s owner was pleased.\n"
        }
    )
    q = find_quotes(c)
    direct = q[q["kind"] == "direct"]
    assert direct["speaker"].tolist() == ["Sam Okoro"]
    assert direct["quote"].str.startswith("We are going back to work").all()
    assert not (q["quote"] == "on Monday").any()
    assert not c.tokens["token"].isin(["quot", "amp", "rsquo", "&amp;"]).any()
    assert "AT&T" in c.articles.iloc[0]["text"] and "port’s" in c.articles.iloc[0]["text"]
    assert c.problems["problem"].tolist() == ["text repaired: 4 HTML entities decoded"]
    assert _offsets_exact(c)


def test_zero_width_space_next_to_a_verb_keeps_the_attribution(make_corpus):
    c = make_corpus(
        {
            "river.txt": "River levels fall\n\n"
            "The Environment Agency\u200b said the river had fallen below the warning level.\n"
        }
    )
    q = _quotes(c, "indirect")
    # the organisation is named without its article (sources find organisations by their form)
    assert q["speaker"].tolist() == ["Environment Agency"]
    assert q["quote"].tolist() == ["the river had fallen below the warning level"]
    assert not c.tokens["token"].str.contains("\u200b").any()
    assert len(c.tokens) == 13


def test_invisible_characters_and_special_spaces(make_corpus):
    text = "T\n\nA long\u00adterm\u00a0plan\u200d was \ufeffagreed by the\u202fcouncil.\n"
    c = make_corpus({"a.txt": text})
    a = c.articles.iloc[0]
    assert a["text"] == "T\n\nA longterm plan was agreed by the council.\n"
    assert c.sentences["text"].tolist() == ["A longterm plan was agreed by the council."]
    (row,) = c.problems["problem"].tolist()  # one row for the article, with counts
    assert "3 invisible format characters removed" in row
    assert "2 non-breaking or special spaces made plain spaces" in row


def test_mojibake_is_fixed(make_corpus):
    c = make_corpus({"m.txt": "CafÃ© owners\n\nThe councilâ€™s plan was approved.\n"})
    assert c.articles.iloc[0]["title"] == "Café owners"
    assert c.sentences["text"].tolist() == ["The council’s plan was approved."]
    assert "mojibake" in c.problems.iloc[0]["problem"]


@pytest.mark.parametrize(
    "sentence,speaker,quote",
    [
        ("«We will leave tomorrow», said Jean Dupont.", "Jean Dupont", "We will leave tomorrow"),
        ("« We will leave tomorrow », said Jean Dupont.", "Jean Dupont", "We will leave tomorrow"),
        ("»We stay here«, said Anna Weber.", "Anna Weber", "We stay here"),
        ("„We stay here“, said Anna Weber.", "Anna Weber", "We stay here"),
        ("``We will stay,'' said Tom Reed.", "Tom Reed", "We will stay,"),
        ("‟We will stay,” said Tom Reed.", "Tom Reed", "We will stay,"),
        ("''We will stay,'' said Tom Reed.", "Tom Reed", "We will stay,"),  # NYT archive
    ],
)
def test_quotation_mark_styles_are_read_by_the_quote_finder(make_corpus, sentence, speaker, quote):
    c = make_corpus({"q.txt": f"A title\n\n{sentence}\n"})
    q = _quotes(c)
    assert q["speaker"].tolist() == [speaker]
    assert q["quote"].tolist() == [quote]


def test_repair_maps_every_quote_style_to_curly_marks():
    assert repair("‚Not now‘, she said.")[0] == "‘Not now’, she said."
    assert repair("‹Not yet›, he said.")[0] == "‘Not yet’, he said."
    assert repair("He said ″no″ twice.")[0] == "He said “no” twice."
    assert repair("Plain text, nothing to do.") == ("Plain text, nothing to do.", {})


# ----------------------------------------------------------------------------- table files


def _write_rows(path: Path, rows: list[dict]) -> Path:
    suffix = path.suffix
    frame = pd.DataFrame(rows)
    if suffix == ".csv":
        frame.to_csv(path, index=False)
    elif suffix == ".tsv":
        frame.to_csv(path, index=False, sep="\t")
    elif suffix == ".parquet":
        frame.to_parquet(path, index=False)
    elif suffix == ".jsonl":
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    else:
        path.write_text(json.dumps({"articles": rows}), encoding="utf-8")
    return path


ROWS = [
    {
        "id": "a1",
        "title": "Port strike ends",
        "text": "Dock workers voted to end the strike.\n\nThe port reopens on Tuesday.",
        "publish_date": "2017-04-05",
        "media_name": "The Harbour Times",
        "section": "business",
    },
    {
        "id": "a2",
        "title": "Council approves budget",
        "text": "The council approved the budget on Tuesday, a spokeswoman said.",
        "publish_date": "2017-04-06",
        "media_name": "City Post",
        "section": "politics",
    },
]


@pytest.mark.parametrize("suffix", [".csv", ".tsv", ".jsonl", ".json", ".parquet"])
def test_every_table_format_gives_the_same_articles(tmp_path, suffix):
    c = read_corpus(_write_rows(tmp_path / f"export{suffix}", ROWS))
    a = c.articles.set_index("article_id")
    assert a.index.tolist() == ["a1", "a2"]
    assert a["title"].tolist() == ["Port strike ends", "Council approves budget"]
    assert a["outlet"].tolist() == ["The Harbour Times", "City Post"]
    assert a["section"].tolist() == ["business", "politics"]  # metadata kept: a group_by
    assert a["published"].tolist() == [pd.Timestamp("2017-04-05"), pd.Timestamp("2017-04-06")]
    assert set(a["published_from"]) == {"table"}
    # The title is the first line, so the paragraph kinds and offsets work as for .txt files.
    p = c.paragraphs[c.paragraphs["article_id"] == "a1"]
    assert p["kind"].tolist() == ["title", "body", "body"]
    assert a.loc["a1", "text"].startswith("Port strike ends\n\nDock workers")
    assert c.sentences["text"].tolist()[:2] == [
        "Dock workers voted to end the strike.",
        "The port reopens on Tuesday.",
    ]
    assert _offsets_exact(c)
    assert c.problems.empty


def test_a_generated_1000_row_csv_keeps_its_metadata(tmp_path):
    formats = [
        "2019-{m:02d}-{d:02d}",
        "{m}/{d}/2019",
        "{d} March 2019",
        "2019-{m:02d}-{d:02d}T08:00:00Z",
    ]
    rows = []
    for i in range(1000):
        m, d = i % 12 + 1, i % 28 + 1
        rows.append(
            {
                "stories_id": 5000 + i,
                "publish_date": formats[i % 4].format(m=m, d=d),
                "title": f"Story number {i}",
                "url": f"https://example.org/{i}",
                "media_name": ["Alpha News", "Beta Times", "Gamma Post"][i % 3],
                "language": "en",
                "word_count": 12 + i % 5,
                "text": f"Officials said plan {i} would go ahead.\n\nThe vote was {i % 7} to 2.",
            }
        )
    c = read_corpus(_write_rows(tmp_path / "mediacloud.csv", rows))
    a = c.articles.set_index("article_id")
    assert len(a) == 1000 and c.problems.empty
    assert a.loc["5123", "title"] == "Story number 123"
    assert a.loc["5123", "outlet"] == "Alpha News"
    assert a.loc["5123", "url"] == "https://example.org/123"
    assert a.loc["5123", "word_count"] == "15"  # CSV values stay text, as written
    assert a.loc["5001", "published"] == pd.Timestamp("2019-02-02")  # 2/2/2019
    assert a.loc["5002", "published"] == pd.Timestamp("2019-03-03")  # 3 March 2019
    assert a.loc["5003", "published"] == pd.Timestamp("2019-04-04 08:00:00")
    assert a["outlet"].value_counts().to_dict() == {
        "Alpha News": 334,
        "Beta Times": 333,
        "Gamma Post": 333,
    }
    assert len(c.sentences) == 2000 and set(a["language"]) == {"en"}


def test_a_news_please_jsonl_export_reads_with_its_metadata(tmp_path):
    lines = [
        {
            "title": "Flood warning lifted",
            "maintext": "The Environment Agency said the river had fallen.",
            "date_publish": "2019-02-03 10:00:00",
            "source_domain": "news.example.com",
            "url": "https://news.example.com/x",
            "authors": ["Jo Smith", "Al Brown"],
            "language": "en",
        },
        {
            "title": "Second story",
            "maintext": "Police said nobody was hurt.",
            "date_publish": 1549188000,
            "source_domain": "other.example.com",
            "url": "https://other.example.com/y",
            "authors": [],
            "language": "de",
        },
    ]
    path = tmp_path / "newsplease.jsonl"
    path.write_text(
        json.dumps(lines[0]) + "\nnot json at all\n" + json.dumps(lines[1]) + "\n",
        encoding="utf-8",
    )
    c = read_corpus(path)
    a = c.articles
    assert a["title"].tolist() == ["Flood warning lifted", "Second story"]
    assert a["outlet"].tolist() == ["news.example.com", "other.example.com"]
    assert a.loc[0, "byline"] == "Jo Smith, Al Brown" and pd.isna(a.loc[1, "byline"])
    assert a["published"].tolist() == [
        pd.Timestamp("2019-02-03 10:00:00"),
        pd.Timestamp("2019-02-03 10:00:00"),  # Unix seconds
    ]
    assert a["language"].tolist() == ["en", "de"]
    assert a["url"].tolist() == ["https://news.example.com/x", "https://other.example.com/y"]
    (bad,) = c.problems.itertuples()
    assert bad.path.endswith("newsplease.jsonl:2") and bad.action == "skipped"
    assert bad.problem.startswith("line 2 is not JSON")


def test_repeated_ids_rows_without_text_and_bad_dates_are_problems_not_errors(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text(
        "id,headline,body,date\n"
        "7,One,First body text here.,2020-01-02\n"
        "7,Two,Second body text here.,Wed 05 Apr 2017\n"
        "8,Three,,2020-01-03\n"
        "9,Four,Fourth body text here.,sometime soon\n",
        encoding="utf-8",
    )
    c = read_corpus(path, infer_published=False)
    a = c.articles.set_index("article_id")
    assert a.index.tolist() == ["7", "7-2", "9"]  # the repeat is kept, renamed
    assert a.loc["7-2", "published"] == pd.Timestamp("2017-04-05")
    assert pd.isna(a.loc["9", "published"])
    problems = dict(zip(c.problems["article_id"], c.problems["problem"], strict=True))
    assert problems["7-2"] == "id '7' repeated (row 2)"
    assert problems["8"] == "row 3 has no text in 'body'"
    assert problems["9"] == "row 4: date value 'sometime soon' is not a date"
    assert list(c.problems.columns) == PROBLEM_COLUMNS
    assert set(c.problems["analysis"]) == {"read"}


def test_a_malformed_csv_line_is_skipped_and_listed(tmp_path):
    path = tmp_path / "broken.csv"
    path.write_text(
        "id,text\n1,Good first row.\n2,Bad,row,with,extra,fields\n3,Good third row.\n",
        encoding="utf-8",
    )
    c = read_corpus(path)
    assert c.articles["article_id"].tolist() == ["1", "3"]
    assert c.problems.iloc[0]["problem"].startswith("row with 6 fields, not 2")


def test_columns_are_chosen_by_option_and_unclear_tables_are_errors(tmp_path):
    path = tmp_path / "own.csv"
    path.write_text("key,hed,story_body,when\nk1,A headline,The body text.,2001-09-11\n")
    with pytest.raises(CorpusError, match=r"cannot find the article text in own.csv.*'story_body'"):
        read_corpus(path)
    c = read_corpus(
        path, text_column="story_body", title_column="hed", id_column="key", date_column="when"
    )
    a = c.articles.iloc[0]
    assert (a["article_id"], a["title"]) == ("k1", "A headline")
    assert a["published"] == pd.Timestamp("2001-09-11")
    with pytest.raises(CorpusError, match=r"text_column='bdy' is not a column of own.csv"):
        read_corpus(path, text_column="bdy")
    both = tmp_path / "both.csv"
    both.write_text("text,body\nx,y\n")
    with pytest.raises(CorpusError, match=r"cannot tell which column.*'text', 'body'"):
        read_corpus(both)


def test_rows_without_a_title_column_have_no_title_paragraph(tmp_path):
    path = tmp_path / "untitled.jsonl"
    path.write_text(json.dumps({"content": "Police said nobody was hurt."}) + "\n")
    c = read_corpus(path)
    assert c.paragraphs["kind"].tolist() == ["body"]
    assert c.articles.iloc[0]["article_id"] == "untitled-1"
    assert pd.isna(c.articles.iloc[0]["title"])
    assert c.sentences["text"].tolist() == ["Police said nobody was hurt."]


def test_any_year_is_stored(tmp_path):
    path = _write_rows(
        tmp_path / "old.csv",
        [
            {"text": "Body one is here.", "date": "1610-05-01"},
            {"text": "Body two is here.", "date": "2300-01-01"},
        ],
    )
    published = read_corpus(path, infer_published=False).articles["published"]
    assert published.dtype == "datetime64[s]"
    assert [str(p.date()) for p in published] == ["1610-05-01", "2300-01-01"]


@pytest.mark.parametrize(
    "value,expected",
    [
        ("2017-04-05", "2017-04-05T00:00:00"),
        ("2017-04-05T14:30:00Z", "2017-04-05T14:30:00"),
        ("4/5/2017", "2017-04-05T00:00:00"),
        ("05.04.2017", "2017-04-05T00:00:00"),  # dotted dates are day first
        ("20170405T143000Z", "2017-04-05T14:30:00"),  # GDELT DOC API seendate
        ("5 April 2017", "2017-04-05T00:00:00"),
        ("April 5, 2017", "2017-04-05T00:00:00"),
        ("Wed 05 Apr 2017", "2017-04-05T00:00:00"),
        ("Wed, 05 Apr 2017 14:30:00 +0000", "2017-04-05T14:30:00"),
        ("20170405143000", "2017-04-05T14:30:00"),  # GDELT seendate
        (1491402600, "2017-04-05T14:30:00"),  # Unix seconds
        ("0850-03-01", "0850-03-01T00:00:00"),
        ("May 5", "NaT"),  # no year: not a publication date
        ("yesterday", "NaT"),
    ],
)
def test_dates_in_export_formats(value, expected):
    assert str(parse_date(value)) == expected


# ----------------------------------------------------------------------------- saved pages


def test_saved_news_pages_read_with_bodies_titles_and_dates():
    c = read_corpus(HTML_DIR)
    a = c.articles.set_index("article_id")
    assert a.index.tolist() == ["harbour-strike", "market-plan", "river-levels"]
    assert a["title"].tolist() == [
        "Port strike ends after three weeks",
        "Café owners back the market plan",
        "River falls below warning level",
    ]
    assert a["outlet"].tolist() == ["The Harbour Times", "City Post", "Valley Courier"]
    assert [str(p.date()) for p in a["published"]] == ["2023-03-06", "2021-06-02", "2022-11-14"]
    assert set(a["published_from"]) == {"page"}
    assert a.loc["harbour-strike", "byline"] == "Lena Park"
    assert a.loc["market-plan", "encoding"] == "windows-1252"
    # Bodies kept; navigation, related links, sign-up boxes, comments and footers dropped.
    strike = a.loc["harbour-strike", "text"]
    assert "pay rise of 6 per cent" in strike and "more than £2 million a week" in strike
    assert "regional government." in strike
    for chrome in ("Related stories", "Sign up", "Privacy policy", "All rights reserved"):
        assert chrome not in strike
    river = a.loc["river-levels", "text"]
    assert "Comments" not in river and "cookies" not in river and "Share this" not in river
    assert "Donations can be made at the town hall." in river
    assert (a["boilerplate_chars"] > 100).all()
    p = c.paragraphs[c.paragraphs["article_id"] == "harbour-strike"]
    assert p["kind"].tolist() == ["title"] + ["body"] * 5
    q = _quotes(c)
    assert q.set_index("article_id")["speaker"].to_dict() == {
        "harbour-strike": "Sam Okoro",
        "market-plan": "Ana Lopes",
        "river-levels": "Priya Shah",
    }
    assert _offsets_exact(c)


# ----------------------------------------------------------------------------- parameters


@pytest.mark.parametrize(
    "kwargs,message",
    [
        ({"workers": 0}, r"workers=0 is not a number of processes \(expected a whole number"),
        ({"workers": "2"}, r"workers='2'"),
        ({"infer_published": "yes"}, r"infer_published='yes' is not True or False"),
        ({"text_column": "body"}, r"text_column='body' applies to a table file"),
    ],
)
def test_wrong_parameters_name_the_parameter_value_and_expectation(kwargs, message):
    with pytest.raises(CorpusError, match=message):
        read_corpus(HTML_DIR, **kwargs)


def test_wrong_paths_say_what_was_expected(tmp_path):
    with pytest.raises(CorpusError, match=r"path=42 is not a path"):
        read_corpus(42)
    notes = tmp_path / "notes.md"
    notes.write_text("hi")
    with pytest.raises(CorpusError, match=r"is a \.md file \(expected a folder of \.txt/\.html"):
        read_corpus(notes)
    with pytest.raises(CorpusError, match=r"does not exist"):
        read_corpus(tmp_path / "missing.csv")


def test_table_cache_is_keyed_by_the_column_options(tmp_path):
    path = _write_rows(tmp_path / "t.csv", ROWS)
    cache = tmp_path / "cache"
    first = read_corpus(path, cache=cache)
    again = read_corpus(path, cache=cache)
    for name, table in first.tables.items():
        pd.testing.assert_frame_equal(again.tables[name], table)
    read_corpus(path, cache=cache, title_column="section")
    assert len(list(cache.glob("*/articles.parquet"))) == 2


def test_token_types_are_compact(seeds):
    assert seeds.tokens["article_id"].dtype == "category"
    assert seeds.tokens[["sentence_id", "start", "end"]].dtypes.tolist() == [np.int32] * 3
    assert seeds.sentences[["sentence_id", "paragraph_id"]].dtypes.tolist() == [np.int32] * 2


def test_an_export_with_no_usable_rows_is_an_empty_corpus(tmp_path):
    (tmp_path / "none.json").write_text("[]")
    (tmp_path / "blank.csv").write_text("id,text\n1,\n2,  \n")
    assert read_corpus(tmp_path / "none.json").articles.empty
    blank = read_corpus(tmp_path / "blank.csv")
    assert blank.articles.empty and blank.tokens.empty
    assert blank.problems["problem"].tolist() == [
        "row 1 has no text in 'text'",
        "row 2 has no text in 'text'",
    ]


def test_a_cp1252_csv_and_html_markup_in_cells(tmp_path):
    path = tmp_path / "scraper.csv"
    path.write_bytes(
        "id,title,content\n"
        '1,Café plan,"<p>The council’s plan was approved.</p><p>“We are pleased,” said Ana Lopes.'
        '<br>Work starts in May.</p>"\n'.encode("cp1252")
    )
    c = read_corpus(path)
    a = c.articles.iloc[0]
    assert a["title"] == "Café plan" and a["encoding"] == "cp1252"
    assert c.paragraphs["text"].tolist() == [
        "Café plan",
        "The council’s plan was approved.",
        "“We are pleased,” said Ana Lopes.",
        "Work starts in May.",
    ]
    assert _quotes(c)["speaker"].tolist() == ["Ana Lopes"]
    problems = c.problems.set_index("article_id", drop=False)
    assert problems["problem"].tolist()[0] == "not valid UTF-8; decoded as cp1252"  # the file
    assert problems.loc["1", "problem"] == "text repaired: 3 HTML elements turned into paragraphs"
    assert _offsets_exact(c)


def test_ids_with_gaps_stay_whole_numbers(tmp_path):
    path = tmp_path / "gaps.jsonl"
    path.write_text(
        json.dumps({"id": 5000, "text": "First body."})
        + "\n"
        + json.dumps({"text": "Second body."})
        + "\n"
    )
    c = read_corpus(path)
    assert c.articles["article_id"].tolist() == ["5000", "gaps-2"]


def test_offsets_into_the_original_file_can_be_mapped_or_kept(make_corpus):
    original = "Strike ends\n\n''We are going back,'' Sam Okoro said &amp; left.\n"
    c = make_corpus({"a.txt": original})
    text = c.articles.iloc[0]["text"]
    assert text == "Strike ends\n\n“We are going back,” Sam Okoro said & left.\n"
    where = offset_map(original, text)
    start = original.index("Sam Okoro")
    assert text[where[start] : where[start + len("Sam Okoro")]] == "Sam Okoro"
    kept = read_corpus(c.folder, repair=False).articles.iloc[0]["text"]
    assert kept == original  # as decoded: offsets into the file hold


def test_json_lines_saved_as_json_are_read_as_json_lines(tmp_path):
    path = tmp_path / "export.json"
    path.write_text("".join(json.dumps(r) + "\n" for r in ROWS), encoding="utf-8")
    assert read_corpus(path).articles["article_id"].tolist() == ["a1", "a2"]


def test_an_article_the_rules_cannot_parse_is_a_problem_not_a_crash(make_corpus, monkeypatch):
    from newscorpus.corpus import read as reader

    real = reader.parse_article

    def fragile(article_id, text, has_title=True, **furniture):
        if article_id == "bad":
            raise RuntimeError("rule failed")
        return real(article_id, text, has_title, **furniture)

    monkeypatch.setattr(reader, "parse_article", fragile)
    c = make_corpus({"good.txt": "T\n\nGood body.\n", "bad.txt": "T\n\nBad body.\n"})
    assert c.articles["article_id"].tolist() == ["good"]
    (row,) = c.problems.itertuples()
    assert (row.article_id, row.action) == ("bad", "skipped")
    assert row.problem == "could not be parsed: RuntimeError: rule failed"


def test_mojibake_written_decomposed_is_fixed(make_corpus):
    # "Ã" stored as A + combining tilde (U+0303), as some archives write it
    c = make_corpus(
        {"m.txt": "Title\n\nHer rA\u0303\u00a9sumA\u0303\u00a9 impressed Pe\u00c3\u00b1a.\n"}
    )
    assert "Her résumé impressed Peña." in c.articles.loc[0, "text"]


def test_manifest_author_column_fills_the_byline(make_corpus):
    c = make_corpus(
        {
            "a.txt": "Title\n\nThe council met on Monday and approved the plan.\n",
            "manifest.csv": "article_id,outlet,author\na,Ledger,Jane Roe\n",
        }
    )
    assert c.articles.loc[0, "byline"] == "Jane Roe"
    assert c.articles.loc[0, "author"] == "Jane Roe"
