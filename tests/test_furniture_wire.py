"""Wire items (Reuters-21578 shapes) and site furniture: a table's repeated labels with other
figures are data, the sign-off that closes an item is furniture wherever it stands."""

from __future__ import annotations

from newscorpus.corpus import furniture as F
from newscorpus.corpus import furniture_rules as R
from newscorpus.corpus import furniture_tails as T
from newscorpus.corpus import read_corpus


def _write(folder, articles: dict[str, str]):
    folder.mkdir(parents=True, exist_ok=True)
    for aid, text in articles.items():
        (folder / f"{aid}.txt").write_text(text, encoding="utf-8")
    rows = "".join(f"{aid},Reuters\n" for aid in articles)
    (folder / "manifest.csv").write_text("article_id,outlet\n" + rows, encoding="utf-8")
    return folder


def _rows(corpus, aid: str) -> list[tuple[str, str]]:
    p = corpus.paragraphs
    p = p[p["article_id"] == aid]
    return list(zip(p["kind"].astype(str), p["text"], strict=True))


def _earnings(i: int) -> list[str]:
    """An earnings item's table: the quarter's and the year's rows, other figures each time."""
    q = [f"Shr {12 + i} cts vs {10 + i} cts", f"Net {1037690 + 1000 * i:,} vs {1270460 + i:,}"]
    q.append(f"Revs {291.8 + i:.1f} mln vs {151.1 + i:.1f} mln")
    y = [f"Shr {52 + i} cts vs {41 + i} cts", f"Net {3376000 + 1000 * i:,} vs {5086000 + i:,}"]
    y.append(f"Revs {569.3 + i:.1f} mln vs {298.5 + i:.1f} mln")
    return [f"CHICAGO, March {i + 1} - Qtr ended Jan 31", *q, "Year", *y]


SIGN_OFFS = ["Reuter", "REUTER", "reuter", "REUTER..."]


def test_an_earnings_table_is_data_and_its_closing_sign_off_is_furniture(tmp_path):
    articles = {}
    for i in range(20):
        table = "\n\n".join(_earnings(i))
        articles[f"e{i:02d}"] = f"ACME {i} <AC> 1ST QTR NET\n\n{table}\n\n{SIGN_OFFS[i % 4]}\n"
    for i in range(10):  # items of prose, closed by the sign-off after a sentence with figures
        articles[f"p{i:02d}"] = (
            f"TALKS {i}\n\nOfficials met for {i + 2} hours on March {i + 3}.\n\nReuter\n"
        )
    # a sign-off joined to the last sentence, and to a table's last row
    articles["g1"] = "MINT COINS\n\nThe coins come in a tenth of an ounce. REUTER\n"
    articles["g2"] = "RAIN\n\nCORDOBA.....23.....12.....1\n\nSANTA FE.....21.....18.....17 REUTER\n"
    corpus = read_corpus(_write(tmp_path / "wire", articles))
    for i in range(20):  # every row stays: the labels repeat, the figures do not
        rows = _rows(corpus, f"e{i:02d}")
        assert rows[1:-1] == [("body", line) for line in _earnings(i)]
        assert rows[-1] == ("boilerplate", SIGN_OFFS[i % 4])  # beside a table, in any case
    for i in range(10):
        assert _rows(corpus, f"p{i:02d}")[-1] == ("boilerplate", "Reuter")
    p = corpus.paragraphs
    assert not (p["reason"] == F.TAIL).any()
    assert _rows(corpus, "g1")[1:] == [
        ("body", "The coins come in a tenth of an ounce."),
        ("boilerplate", "REUTER"),
    ]
    assert _rows(corpus, "g2")[-2:] == [
        ("body", "SANTA FE.....21.....18.....17"),
        ("boilerplate", "REUTER"),
    ]
    text = corpus.articles.set_index("article_id").loc["g1", "text"]
    row = p[(p["article_id"] == "g1") & (p["kind"] == "boilerplate")].iloc[0]
    assert text[row["start"] : row["end"]] == "REUTER"  # exact offsets


def test_a_sign_off_that_closes_no_article_stays_where_a_table_is(tmp_path):
    articles = {}
    for i in range(20):
        table = "\n\n".join(_earnings(i))
        articles[f"e{i:02d}"] = f"ACME {i} <AC> 1ST QTR NET\n\n{table}\n\nReuter\n"
    # the word inside a table, before more rows: a line of the table, not a sign-off
    rows = "\n\n".join(_earnings(30))
    articles["mid"] = f"ACME MID\n\nShr 1 cts vs 2 cts\n\nReuter\n\n{rows}\n"
    corpus = read_corpus(_write(tmp_path / "mid", articles))
    assert ("body", "Reuter") in _rows(corpus, "mid")


def test_sign_off_span_shapes():
    assert R.sign_off_span("Reuter") == (0, 6)
    assert R.sign_off_span("REUTER...") == (0, 6)  # compared without its dots
    text = "The coins come in a tenth of an ounce. REUTER"
    assert text[R.sign_off_span(text)[0] :] == "REUTER"
    row = "COWS FOR CANNING   0.56(0.361) 0.56 (0.361) REUTER"  # after a table's last figure
    assert row[R.sign_off_span(row)[0] :] == "REUTER"
    assert R.sign_off_span("Net 5 vs 6") is None  # a figure: never a sign-off
    assert R.sign_off_span("He said the talks would go on for another week.") is None


def _tails_marked(lines: list[str]) -> list[str]:
    out = [("body", "")] * len(lines)
    T.mark_tails(lines, out, lambda h: True)  # every tail taken as one the outlet repeats
    return [kind for kind, _ in out]


def test_a_label_closes_captions_and_its_figures_must_agree():
    gallery = [
        "Voters queue in the rain. Hide Caption 1 of 3 The mayor waves. Hide Caption 2 of 3",
        "Polls close at eight. Hide Caption 3 of 3",
    ]
    assert _tails_marked(gallery) == ["boilerplate", "boilerplate"]  # a counter may differ
    same = ["He left. This article is more than 3 years old"] * 2
    assert _tails_marked(same) == ["boilerplate", "boilerplate"]
    # the label of a table row, after a sentence, with other figures each time: data
    rows = ["Sales rose. Revs 291.8 mln vs 151.1 mln", "Costs fell. Revs 569.3 mln vs 298.5 mln"]
    assert _tails_marked(rows) == ["body", "body"]
    # whole lines that are only the label close no caption, even with the same figures
    assert _tails_marked(["Revs 291.8 mln vs 151.1 mln"] * 2) == ["body", "body"]
    assert T.numbers_agree(["Hide Caption 1 of 12", "Hide Caption 2 of 12"])
    assert not T.numbers_agree(["Net 1,037,690 vs 1,270,460", "Net 3,376,000 vs 5,086,000"])
