"""Hard-wrapped wire copy (Reuters-21578 style): lines joined into paragraphs, datelines."""

from __future__ import annotations

from newscorpus.corpus.paragraphs import wrapped_paragraphs
from newscorpus.corpus.parse import parse_article
from newscorpus.sources import find_quotes
from newscorpus.timeline import find_dates

WRAPPED = (
    "BAHIA COCOA REVIEW\n"
    "\n"
    "SALVADOR, Feb 26 - Showers continued throughout the week in\n"
    "the Bahia cocoa zone, alleviating the drought since early\n"
    "January and improving prospects for the coming temporao,\n"
    "although normal humidity levels have not been restored,\n"
    "Comissaria Smith said in its weekly review.\n"
    "    The dry period means the temporao will be late this year,\n"
    "and arrivals for the week ended February 22 were 155,221 bags\n"
    "of 60 kilos making a cumulative total for the season of 5.93\n"
    "mln against 5.81 at the same stage last year.\n"
    '    "The crop is in good shape and the rains came just in time\n'
    'for the flowering," said Joao Silva, a farmer near Itabuna.\n'
    " Reuter\n"
)
UNWRAPPED = (
    "Storm hits coast\n"
    "\n"
    "A storm hit the coast on Monday. Thousands lost power.\n"
    "Officials said repairs would take a week.\n"
    "The mayor urged calm.\n"
    "Schools stay closed until Friday.\n"
)


def _body(parsed: dict) -> list[str]:
    p = parsed["paragraphs"]
    return [t for t, k in zip(p["text"], p["kind"], strict=True) if k == "body"]


def test_a_wrapped_article_gives_its_three_paragraphs_and_whole_sentences():
    parsed = parse_article("a", WRAPPED)
    body = _body(parsed)
    assert len(body) == 4  # three paragraphs and the closing "Reuter"
    assert body[1].startswith("The dry period") and body[1].endswith("same stage last year.")
    assert body[3] == "Reuter"
    sentences = parsed["sentences"]["text"]
    assert sentences[0].endswith("Comissaria Smith said in its weekly review.")
    assert sentences[0].startswith(
        "SALVADOR, Feb 26 - Showers continued throughout the week in the"
    )
    assert all("\n" not in s for s in sentences)
    # offsets stay exact: the article's text between them, newlines read as spaces
    p = parsed["paragraphs"]
    for text, start, end in zip(p["text"], p["start"], p["end"], strict=True):
        assert WRAPPED[start:end].replace("\n", " ") == text
    tokens = parsed["tokens"]
    words = [WRAPPED[s:e] for s, e in zip(tokens["start"], tokens["end"], strict=True)]
    assert words == tokens["token"]
    assert parsed["meta"]["dateline"] == "SALVADOR"


def test_an_unwrapped_article_keeps_one_paragraph_per_line():
    parsed = parse_article("b", UNWRAPPED)
    assert _body(parsed) == UNWRAPPED.split("\n")[2:-1]
    assert len(parsed["sentences"]["text"]) == 5


def test_a_table_of_figures_and_an_indent_end_a_paragraph():
    lines = [
        "PRICES",
        "WASHINGTON, Feb 26 - The department reported the average",
        "price through February 25 as follows and said it would",
        "publish the next figures on the first business day of the",
        "month -",
        "Wheat   2.55   2.40       IV     4.65",
        "Corn    1.35   1.92       IV     3.15",
        "Reserves I, II and III have matured and were not",
        "counted in the totals of the week.",
    ]
    leads = [0, 0, 0, 0, 0, 1, 1, 4, 0]
    runs = wrapped_paragraphs(lines, leads, [False, True] + [False] * 7, has_title=True)
    assert runs == [(0, 0), (1, 4), (5, 5), (6, 6), (7, 8)]
    # the same lines, each a whole sentence, are not wrapped
    assert (
        wrapped_paragraphs([f"Line {i} is a sentence." for i in range(8)], [0] * 8, [False] * 8)
        is None
    )


def test_a_wrapped_quote_is_whole(make_corpus):
    corpus = make_corpus({"a.txt": WRAPPED})
    quotes = find_quotes(corpus)
    direct = quotes[quotes["speaker"].astype(str).str.contains("Silva")]
    assert len(direct) == 1
    assert direct["quote"].iloc[0].startswith("The crop is in good shape")
    assert direct["quote"].iloc[0].endswith("for the flowering,")
    assert "\n" not in direct["quote"].iloc[0]


def test_the_date_of_the_dateline_is_no_mention(make_corpus):
    corpus = make_corpus({"a.txt": WRAPPED, "manifest.csv": "article_id,published\na,1987-02-26\n"})
    dates = find_dates(corpus)
    assert "Feb 26" not in dates["text"].tolist()
    assert "February 22" in dates["text"].tolist()
    assert corpus.articles["dateline"].tolist() == ["SALVADOR"]


def test_text_of_reads_a_wrapped_sentence_whole(tmp_path):
    from newscorpus import analysis

    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(WRAPPED, encoding="utf-8")
    a = analysis.load(folder, cache=tmp_path / "cache", workers=1)
    sentences = a.table("sentences")
    texts = a.text_of(sentences)
    assert texts.iloc[0] == sentences["text"].iloc[0]
    assert texts.iloc[0].endswith(
        "the week in the Bahia cocoa zone, alleviating the drought "
        "since early January and improving prospects for the coming "
        "temporao, although normal humidity levels have not been "
        "restored, Comissaria Smith said in its weekly review."
    )


def test_an_earnings_table_joins_its_one_wrapped_note():
    text = (
        "ACME CORP <ACM> 4TH QTR NET\n\n"
        "TORONTO, March 4 - Oper shr 36 cts vs 39 cts\n"
        "    Oper net 1,391,000 vs 1,485,000\n"
        "    Revs 61.6 mln vs 58.5 mln\n"
        "    Note: 1986 net excludes extraordinary loss of 297,000 dlrs\n"
        "or eight cts shr vs yr-ago gain of 514,000 dlrs or 13 cts shr.\n"
        " Reuter\n"
    )
    body = _body(parse_article("e", text))
    assert len(body) == 5
    assert body[3] == (
        "Note: 1986 net excludes extraordinary loss of 297,000 dlrs "
        "or eight cts shr vs yr-ago gain of 514,000 dlrs or 13 cts shr."
    )
