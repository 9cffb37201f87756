"""Near-duplicate articles (newscorpus.corpus.duplicates) on small built corpora."""

from __future__ import annotations

import pandas as pd

from newscorpus.corpus import duplicates as D
from newscorpus.corpus import read_corpus

WORDS = (
    "senate budget vote delayed again after talks between party leaders collapsed late on "
    "tuesday night leaving federal agencies uncertain about funding for schools roads and "
    "hospitals across the country while governors warned of layoffs and closures that could "
    "begin within weeks if congress fails to act before the deadline next month officials said"
).split()


def _paragraph(seed: int, n: int = 40) -> str:
    """A paragraph of n words, different for each seed."""
    words = [WORDS[(seed * 7 + i * (seed % 5 + 1)) % len(WORDS)] for i in range(n)]
    words[0] = words[0].capitalize()
    return " ".join(f"{w}{seed}" if i % 3 == 0 else w for i, w in enumerate(words)) + "."


def _write(folder, articles: dict[str, tuple[str, str, list[str]]]):
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    for aid, (outlet, date, paragraphs) in articles.items():
        text = f"Title of {aid}\n\n" + "\n\n".join(paragraphs) + "\n"
        (folder / f"{aid}.txt").write_text(text, encoding="utf-8")
        rows.append(f"{aid},{outlet},{date}\n")
    (folder / "manifest.csv").write_text("article_id,outlet,published\n" + "".join(rows))
    return folder


def test_edited_copies_point_to_the_earliest_article(tmp_path):
    story = [_paragraph(i) for i in range(1, 7)]
    changed = [p.replace("budget", "spending", 1) for p in story]
    articles = {
        "z_original": ("Wire", "2020-01-01", story),
        "a_words": ("Daily", "2020-01-02", changed),
        "b_wire": ("Daily", "2020-01-02", ["WASHINGTON (Reuters) - " + story[0], *story[1:]]),
        "c_cut": ("Herald", "2020-01-03", story[:-1]),
        "d_inserted": ("Herald", "2020-01-03", [*story[:3], _paragraph(40), *story[3:]]),
        "e_signoff": ("Herald", "2020-01-04", [*story, "(Editing by Jane Doe)"]),
        # shares only the first paragraph: not a copy
        "f_first": ("Daily", "2020-01-02", [story[0], *(_paragraph(i) for i in range(20, 25))]),
        "g_other": ("Daily", "2020-01-05", [_paragraph(i) for i in range(30, 36)]),
    }
    corpus = read_corpus(_write(tmp_path / "c", articles))
    copies = D.near_duplicates(corpus.articles, corpus.paragraphs).set_index("article_id")
    # the earliest by date is the original, although its id sorts last
    assert sorted(copies.index) == ["a_words", "b_wire", "c_cut", "d_inserted", "e_signoff"]
    assert set(copies["duplicate_of"]) == {"z_original"}
    assert copies.loc["b_wire", "duplicate_similarity"] > 0.9
    assert 0.5 <= copies.loc["c_cut", "duplicate_similarity"] < 1.0
    flagged = D.flag(corpus.articles, copies.reset_index()).set_index("article_id")
    assert flagged.loc["c_cut", "duplicate_of"] == "z_original"
    assert pd.isna(flagged.loc["z_original", "duplicate_similarity"])
    assert pd.isna(flagged.loc["f_first", "duplicate_of"])
    cols = list(flagged.reset_index().columns)
    assert cols.index("duplicate_similarity") == cols.index("duplicate_of") + 1


def test_undated_articles_and_ties_and_exact_copies():
    sig = {
        "ids": ["b", "a", "c"],
        "published": pd.to_datetime(["NaT", "2020-01-01", "2020-01-01"]).to_numpy(),
        "sig": None,
    }
    story = " ".join(_paragraph(i) for i in range(3))
    hashes = D.shingle_hashes([story, story, story])
    assert len(hashes[0]) > D.MIN_SHINGLES and (hashes[0] == hashes[1]).all()
    articles = pd.DataFrame(
        {"article_id": ["b", "a", "c"], "text": [story] * 3, "published": sig["published"]}
    )
    paragraphs = pd.DataFrame(
        {"article_id": ["b", "a", "c"], "kind": "body", "start": 0, "end": len(story)}
    )
    found = D.group([D.signatures(articles, paragraphs)], exact={"short": "tiny"})
    found = found.set_index("article_id")
    # dated before undated, then by id: "a" (dated) is the original
    assert found.loc["b", "duplicate_of"] == "a" and found.loc["c", "duplicate_of"] == "a"
    assert found.loc["b", "duplicate_similarity"] == 1.0
    # a reader's exact duplicate without a signature is kept, similarity 1
    assert found.loc["short", "duplicate_of"] == "tiny"
    assert "a" not in found.index


def test_furniture_is_not_shingled():
    articles = pd.DataFrame({"article_id": ["x"], "text": ["Share this! Real body text here."]})
    paragraphs = pd.DataFrame(
        {
            "article_id": ["x", "x"],
            "kind": ["boilerplate", "body"],
            "start": [0, 12],
            "end": [11, 32],
        }
    )
    assert D.body_texts(articles, paragraphs).tolist() == ["Real body text here."]


def test_wire_credit():
    texts = pd.Series(
        [
            "LONDON (Reuters) - Shares fell, AP said.",
            "Paris (AFP) - Talks ended.",
            "By the Associated Press. More from Reuters.",
            "A local story about an apple.",
        ]
    )
    assert D.wire_credit(texts).tolist()[:3] == ["Reuters", "AFP", "AP"]
    assert pd.isna(D.wire_credit(texts).iloc[3])
    # an agency cited as a source is no credit for the text
    cited = pd.Series(
        ["263 delegates, according to the Associated Press.", "He told Reuters.", "AP said so."]
    )
    assert D.wire_credit(cited).isna().all()


def test_every_near_duplicate_has_a_problems_row_after_the_pass(tmp_path):
    from newscorpus import analysis

    story = [_paragraph(i) for i in range(1, 7)]
    articles = {
        "a_original": ("Wire", "2020-01-01", story),
        "b_cut": ("Herald", "2020-01-03", story[:-1]),  # a near copy
        "c_exact": ("Daily", "2020-01-04", story),  # word for word: the reader's row
        "d_other": ("Daily", "2020-01-05", [_paragraph(i) for i in range(30, 36)]),
    }
    folder = _write(tmp_path / "c", articles)
    (folder / "c_exact.txt").write_bytes((folder / "a_original.txt").read_bytes())
    a = analysis.load(folder, cache=tmp_path / "cache", workers=1)
    flagged = a.articles.set_index("article_id")["duplicate_of"]
    assert flagged["b_cut"] == "a_original" and flagged["c_exact"] == "a_original"
    rows = a.problems[a.problems["problem"].str.contains("duplicate of")]
    by_id = dict(zip(rows["article_id"], rows["problem"], strict=True))
    assert sorted(by_id) == ["b_cut", "c_exact"]  # one row each, none for the original
    assert by_id["b_cut"].startswith("near-duplicate of a_original (estimated Jaccard")
    assert by_id["c_exact"] == "duplicate of a_original"
    assert rows.set_index("article_id").loc["b_cut", "path"].endswith("b_cut.txt")


def test_a_template_filled_with_other_figures_is_no_copy():
    template = (
        "The Federal Reserve entered the government securities market to arrange {a} billion "
        "dlrs of customer repurchase agreements, a Fed spokesman said. Dealers said Federal "
        "funds were trading at {b} pct when the Fed began its temporary and indirect supply "
        "of reserves to the banking system, and that the move was expected by the market. "
        "Economists said the Fed would keep its policy steady through the end of the month."
    )
    articles = pd.DataFrame(
        {
            "article_id": ["d1", "d2", "d3"],
            "text": [
                template.format(a="1.5", b="6-3/16"),
                template.format(a="2.0", b="6-1/8"),  # another day's figures
                template.format(a="1.5", b="6-3/16") + " Reuter",  # the same item again
            ],
            "published": pd.to_datetime(["1987-03-02", "1987-03-09", "1987-03-02"]),
        }
    )
    ends = articles["text"].str.len()
    paragraphs = pd.DataFrame(
        {"article_id": articles["article_id"], "kind": "body", "start": 0, "end": ends}
    )
    copies = D.near_duplicates(articles, paragraphs).set_index("article_id")
    assert list(copies.index) == ["d3"] and copies.loc["d3", "duplicate_of"] == "d1"
    assert D.same_facts(D.number_hashes("1 and 2"), D.number_hashes("3 and 4")) is False
    assert D.same_facts(D.number_hashes("no figures"), D.number_hashes("3 and 4")) is True
    credits = D.wire_credit(pd.Series(["Net 1.5 mln vs 2.0 mln.\n Reuter", "Reuters said"]))
    assert credits.iloc[0] == "Reuters" and pd.isna(credits.iloc[1])  # "Reuters said": cited
