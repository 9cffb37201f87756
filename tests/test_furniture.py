"""Site furniture found by repetition (newscorpus.corpus.furniture), on small built corpora."""

from __future__ import annotations

import pickle

import pandas as pd
import pytest

from newscorpus import analysis
from newscorpus.corpus import furniture as F
from newscorpus.corpus import furniture_rules as R
from newscorpus.corpus import furniture_tails as T
from newscorpus.corpus import plan, read_corpus, read_partition
from newscorpus.corpus.read import scan_partition

BODIES = [
    "Rebel forces seized the northern town of Kafr Nabl on Tuesday, a monitoring group said.",
    "The United Nations warned that food supplies in the besieged district were running out.",
    "Officials in Damascus denied that government aircraft had struck the market.",
    "Turkey closed two border crossings after a car bomb exploded near the frontier.",
    "Talks in Geneva ended without agreement on a ceasefire, diplomats said.",
    "Aid convoys reached Homs for the first time in three months, the Red Crescent said.",
    "Russia said it would send more advisers to help the Syrian army.",
    "A car bomb killed twelve people in a crowded market in Idlib province.",
    "The opposition coalition elected a new president at a meeting in Istanbul.",
    "Jordan said it had taken in another 5,000 refugees over the past week.",
]
OTHER = [
    "Farmers in Iowa expect a record harvest of corn this autumn, the department said.",
    "The central bank left interest rates unchanged for a third month in a row.",
    "Voters in Ohio will choose a new governor in November after a bitter primary.",
    "Engineers finished repairs on the bridge two weeks ahead of schedule.",
    "A new museum of modern art opened in Denver with works by local painters.",
]


def _write(folder, articles: dict[str, str], outlets: dict[str, str] | None = None):
    folder.mkdir(parents=True, exist_ok=True)
    for aid, text in articles.items():
        (folder / f"{aid}.txt").write_text(text, encoding="utf-8")
    if outlets is not None:
        rows = "".join(f"{aid},{outlet}\n" for aid, outlet in outlets.items())
        (folder / "manifest.csv").write_text("article_id,outlet\n" + rows, encoding="utf-8")
    return folder


def _flattened(i: int, body: str) -> tuple[str, str, str]:
    """An article whose one paragraph carries furniture inline: (text, opening, body)."""
    opening = f"{i + 10:02d}.0{i % 9 + 1}.2013Get short URL 0 {i} 0"
    return f"Headline number {i}\n\n{opening} {body} Follow us on Twitter\n", opening, body


def _rt(tmp_path, outlets: str | None):
    articles = {f"rt_{i:02d}": _flattened(i, b)[0] for i, b in enumerate(BODIES)}
    manifest = None if outlets is None else dict.fromkeys(articles, outlets)
    return _write(tmp_path / "rt", articles, manifest)


def _rows(corpus, aid: str) -> list[tuple[str, str]]:
    p = corpus.paragraphs
    p = p[p["article_id"] == aid]
    return list(zip(p["kind"].astype(str), p["text"], strict=True))


@pytest.mark.parametrize("outlet", ["RT", None], ids=["one outlet", "no outlet"])
def test_flattened_opening_and_ending_are_cut_at_exact_offsets(tmp_path, outlet):
    corpus = read_corpus(_rt(tmp_path, outlet))
    p = corpus.paragraphs
    texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"], strict=True))
    for i, body in enumerate(BODIES):
        aid = f"rt_{i:02d}"
        text, opening, _ = _flattened(i, body)
        assert texts[aid] == text  # articles.text is never changed
        rows = p[p["article_id"] == aid]
        assert rows["kind"].astype(str).tolist() == ["title", "boilerplate", "body", "boilerplate"]
        spans = list(zip(rows["start"], rows["end"], strict=True))
        o = text.index(opening)
        b = text.index(body)
        f = text.index("Follow us on Twitter")
        assert spans[1:] == [(o, o + len(opening)), (b, b + len(body)), (f, f + 20)]
        assert rows["reason"].tolist()[1:] == [F.OPENING, "", F.ENDING]
        assert [text[s:e] for s, e in spans[1:]] == [opening, body, "Follow us on Twitter"]
    sentences = corpus.sentences
    assert sentences["text"].tolist() == BODIES  # one body sentence each, no furniture
    assert not corpus.tokens["norm"].isin(["url", "twitter", "short"]).any()
    assert corpus.articles["n_words"].tolist()[0] == 15


def test_each_outlet_has_its_own_furniture(tmp_path):
    # 150 wire articles, and 5 of outlet X ending with X's plug: 5 of 155 articles is under the
    # corpus-wide threshold (8), but all of X's articles (threshold 3)
    wire = {
        f"w{i:03d}": f"Wire {i}\n\nOfficials counted {1000 + i} ballots in district {i}.\n"
        for i in range(150)
    }
    plug = "Read more at X News."
    x = {f"x{i}": f"X story {i}\n\n{b} {plug}\n" for i, b in enumerate(OTHER)}
    wire["w000"] = f"Wire 0\n\n{OTHER[0]} {plug}\n"  # once in another outlet: content
    outlets = dict.fromkeys(wire, "Wire") | dict.fromkeys(x, "X")
    corpus = read_corpus(_write(tmp_path / "x", wire | x, outlets))
    assert _rows(corpus, "x2") == [
        ("title", "X story 2"),
        ("body", OTHER[2]),
        ("boilerplate", plug),
    ]
    assert _rows(corpus, "w000") == [("title", "Wire 0"), ("body", f"{OTHER[0]} {plug}")]
    assert (corpus.paragraphs["kind"] == "boilerplate").sum() == 5


def test_repeated_lines_are_boilerplate_and_the_rest_is_body(tmp_path):
    articles = {
        f"a{i}": f"Title {i}\n\nStory continued below\n\n{b}\n\nComment via Facebook\n"
        for i, b in enumerate(BODIES)
    }
    corpus = read_corpus(_write(tmp_path / "lines", articles))
    assert _rows(corpus, "a3") == [
        ("title", "Title 3"),
        ("boilerplate", "Story continued below"),
        ("body", BODIES[3]),
        ("boilerplate", "Comment via Facebook"),
    ]
    reasons = corpus.paragraphs.loc[corpus.paragraphs["kind"] == "boilerplate", "reason"]
    assert set(reasons) == {F.LINE}
    # a share line whose link differs in every article is the same line
    articles = {
        f"b{i}": f"Title {i}\n\n{b}\n\nRead or Share this story: https://x.com/s/{i}a{i * 7}\n"
        for i, b in enumerate(BODIES)
    }
    corpus = read_corpus(_write(tmp_path / "links", articles))
    assert _rows(corpus, "b5")[1:] == [
        ("body", BODIES[5]),
        ("boilerplate", "Read or Share this story: https://x.com/s/5a35"),
    ]


def test_a_phrase_in_two_articles_is_not_furniture(tmp_path):
    articles = {f"a{i}": f"Title {i}\n\n{b}\n" for i, b in enumerate(BODIES)}
    articles["a0"] = f"Title 0\n\nExclusive interview\n\nBREAKING NEWS {BODIES[0]}\n"
    articles["a1"] = f"Title 1\n\nExclusive interview\n\nBREAKING NEWS {BODIES[1]}\n"
    corpus = read_corpus(_write(tmp_path / "two", articles))
    assert (corpus.paragraphs["kind"] == "boilerplate").sum() == 0
    assert _rows(corpus, "a1")[1:] == [
        ("body", "Exclusive interview"),
        ("body", f"BREAKING NEWS {BODIES[1]}"),
    ]
    # the same in three of ten articles is furniture (max(3, 5 % of 10) = 3)
    articles["a2"] = f"Title 2\n\nExclusive interview\n\nBREAKING NEWS {BODIES[2]}\n"
    corpus = read_corpus(_write(tmp_path / "three", articles))
    assert _rows(corpus, "a2")[1:] == [
        ("boilerplate", "Exclusive interview"),
        ("boilerplate", "BREAKING NEWS"),
        ("body", BODIES[2]),
    ]


def test_datelines_names_and_figures_are_not_furniture(tmp_path):
    articles = {}
    for i, b in enumerate(BODIES):
        articles[f"r{i}"] = (
            f"Title {i}\n\nWASHINGTON (Reuters) - {b}\n\nHillary Clinton said on Monday that "
            f"talks would go on.\n\nShr {i + 10} cts vs {i + 20} cts\n\nNet {i},000 vs {i},500\n"
        )
    corpus = read_corpus(_write(tmp_path / "reuters", articles, dict.fromkeys(articles, "Reuters")))
    assert (corpus.paragraphs["kind"] == "boilerplate").sum() == 0
    assert corpus.articles["dateline"].tolist() == ["WASHINGTON"] * 10
    assert corpus.sentences["text"].str.startswith("WASHINGTON (Reuters) - ").sum() == 10


def test_a_body_ending_in_a_credit_stays_body(tmp_path):
    body = (
        "Rebels took the town of Kafr Nabl on Monday after three days of fighting, officials said."
    )
    articles = {
        "source": f"Title\n\n{body} (Source: AFP)\n",
        "photo": f"Title\n\n{body} (photo: Reuters)\n",
        "caption": f"Title\n\nSmoke rises over the town. (Photo: Reuters)\n\n{body}\n",
    }
    corpus = read_corpus(_write(tmp_path / "credit", articles))
    assert _rows(corpus, "source")[1] == ("body", f"{body} (Source: AFP)")
    # the body stays body; only the credit is cut, at any corpus size (here 3 articles)
    assert _rows(corpus, "photo")[1:] == [("body", body), ("boilerplate", "(photo: Reuters)")]
    assert _rows(corpus, "caption")[1:] == [
        ("caption", "Smoke rises over the town. (Photo: Reuters)"),
        ("body", body),
    ]
    long = " ".join([body] * 4) + " (Photo: Reuters)"  # a body paragraph that credits a photo
    corpus = read_corpus(
        _write(tmp_path / "long", {"x": f"T\n\nA caption (Photo: AP)\n\n{long}\n"})
    )
    assert _rows(corpus, "x")[1:] == [
        ("caption", "A caption (Photo: AP)"),
        ("body", long.removesuffix(" (Photo: Reuters)")),
        ("boilerplate", "(Photo: Reuters)"),
    ]


def test_an_article_of_furniture_only_is_a_problem(tmp_path):
    articles = {
        f"a{i}": f"Title {i}\n\nGet short URL\n\n{b}\n\nComment via Facebook\n"
        for i, b in enumerate(BODIES)
    }
    articles["empty"] = "Only furniture\n\nGet short URL\n\nComment via Facebook\n"
    corpus = read_corpus(_write(tmp_path / "only", articles))
    assert _rows(corpus, "empty")[1:] == [
        ("boilerplate", "Get short URL"),
        ("boilerplate", "Comment via Facebook"),
    ]
    assert "empty" in corpus.articles["article_id"].tolist()  # kept, marked
    found = corpus.problems[corpus.problems["article_id"] == "empty"]
    assert found["problem"].tolist() == [read_corpus.__globals__["_ALL_FURNITURE"]]
    assert found["action"].tolist() == ["read"]


def test_partitions_counted_apart_give_the_same_furniture(tmp_path):
    folder = _rt(tmp_path, "RT")
    listing = plan(folder)
    parts = listing.partitions(3)  # 4 partitions of at most 3 articles: none alone has 3
    found = F.Furniture.from_counts(scan_partition(p) for p in parts)
    found = pickle.loads(pickle.dumps(found))  # travels with each partition job (Dask)
    frames = []
    for p in parts:
        p.furniture = found
        frames.append(read_partition(p)[0].paragraphs)
    pieces = pd.concat(frames, ignore_index=True)
    whole = read_corpus(folder).paragraphs
    cols = ["article_id", "paragraph_id", "kind", "reason", "start", "end"]
    pd.testing.assert_frame_equal(
        pieces[cols].astype({"kind": str}), whole[cols].astype({"kind": str})
    )
    assert (pieces["kind"] == "boilerplate").sum() == 20
    off = read_corpus(folder, furniture=False).paragraphs
    assert (off["kind"] == "boilerplate").sum() == 0


def test_thresholds():
    assert [F.threshold(n) for n in (5, 10, 60, 100, 1000)] == [3, 3, 3, 5, 50]


def test_analyses_see_body_sentences_only(tmp_path):
    corpus = read_corpus(_rt(tmp_path, "RT"))
    tables = analysis.run_steps(corpus, ["dates", "term_counts"])
    terms = set(tables["term_counts"]["term"])
    assert {"rebel", "forces"} <= terms
    assert not terms & {"url", "short", "twitter", "follow"}
    assert not tables["dates"]["text"].str.contains("2013").any()  # dates of the furniture


def test_summaries(tmp_path):
    rt = {f"rt_{i:02d}": _flattened(i, b)[0] for i, b in enumerate(BODIES)}
    other = {f"ap_{i:02d}": f"Story {i}\n\n{b}\n" for i, b in enumerate(OTHER)}
    outlets = dict.fromkeys(rt, "RT") | dict.fromkeys(other, "AP")
    corpus = read_corpus(_write(tmp_path / "two", rt | other, outlets))
    groups = corpus.articles.set_index("article_id")["outlet"]
    share = F.furniture_share(corpus.paragraphs, groups).set_index("group")
    assert share.index.tolist() == ["RT", "AP", "whole corpus"]
    assert share.loc["AP", "furniture_pct"] == 0.0
    assert share.loc["RT", "articles_with_furniture"] == 10
    p = corpus.paragraphs
    rt_rows = p[p["article_id"].str.startswith("rt")]
    expected = (rt_rows["end"] - rt_rows["start"])[rt_rows["kind"] == "boilerplate"].sum()
    total = (rt_rows["end"] - rt_rows["start"]).sum()
    assert share.loc["RT", "furniture_pct"] == round(100 * expected / total, 1)
    top = F.top_furniture(p, corpus.articles, limit=5)
    assert (
        top.iloc[0][["where", "articles", "outlets", "top_outlet"]].tolist()
        == [
            "opening",
            10,
            1,
            "RT",
        ]
        or top.iloc[0]["phrase"] == "Follow us on Twitter"
    )
    rows = top.set_index("phrase")
    assert rows.loc["Follow us on Twitter", "articles"] == 10
    assert rows.loc["Follow us on Twitter", "where"] == "ending"
    assert len(top) == 2  # the dated openings are one phrase once digits are normalised


def test_a_name_is_not_cut_and_an_abbreviation_ends_no_sentence(tmp_path):
    bio = "He is the author of Bullies, published by St. Martin’s Press."
    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
    lead = "Hillary Clinton, the Democratic nominee, spoke in Iowa on {}."
    articles = {
        f"a{i}": f"Title {i}\n\n{lead.format(days[i % 5])} {b} {bio}\n"
        for i, b in enumerate(BODIES)
    }
    corpus = read_corpus(_write(tmp_path / "names", articles))
    # the shared lead goes on in lower case, or after a stopword ("on| Monday"), or inside a
    # name ("Hillary| Clinton"): never a unit; the bio is cut whole, not after "St."
    assert _rows(corpus, "a4")[1:] == [
        ("body", f"{lead.format('Friday')} {BODIES[4]}"),
        ("boilerplate", bio),
    ]
    # a shared tail after an abbreviation is not a unit of its own
    articles = {
        f"b{i}": f"Title {i}\n\n{b} Her book {i} is out from St. Martin’s Press.\n"
        for i, b in enumerate(BODIES)
    }
    corpus = read_corpus(_write(tmp_path / "abbr", articles))
    assert (corpus.paragraphs["kind"] == "boilerplate").sum() == 0


def _gallery(i: int, slides: int) -> str:
    """A gallery flattened into one line: captions, each closed by "Hide Caption k of n"."""
    caps = [
        f"Photos: Day {i} Officials met voters in town {k} on Monday. Hide Caption {k} of {slides}"
        for k in range(1, slides + 1)
    ]
    return " ".join(caps)


def test_a_gallery_line_ending_with_a_repeated_tail_is_furniture(tmp_path):
    articles = {}
    for i, body in enumerate(BODIES):
        gallery = _gallery(i, 2 + i % 3)
        # the last body paragraph ends with a label the outlet repeats, a sentence before it
        articles[f"cnn_{i:02d}"] = f"Headline {i}\n\n{body}\n\n{gallery}\n\n{OTHER[i % 5]}\n"
    # one article ends a real paragraph with the tail once: not enough to set it aside
    articles["cnn_10"] = (
        "Headline 10\n\nThe mayor spoke at length about the new budget and the schools. "
        "Hide Caption 1 of 1\n\nVoters will decide in May.\n"
    )
    # a gallery, and body lines that hold the label inside a sentence, or after a word
    inside = "Voters asked. Hide Caption 2 of 3 was printed in error, officials said."
    after = "In the end the mayor read out Hide Caption 1 of 2"
    articles["cnn_11"] = f"Headline 11\n\n{_gallery(11, 3)}\n\n{inside}\n\n{after}\n"
    corpus = read_corpus(_write(tmp_path / "cnn", articles, dict.fromkeys(articles, "CNN")))
    assert _rows(corpus, "cnn_11")[1:] == [
        ("boilerplate", _gallery(11, 3)),
        ("body", inside),
        ("body", after),
    ]
    for i, body in enumerate(BODIES):
        rows = _rows(corpus, f"cnn_{i:02d}")
        assert rows == [
            ("title", f"Headline {i}"),
            ("body", body),
            ("boilerplate", _gallery(i, 2 + i % 3)),
            ("body", OTHER[i % 5]),
        ]
    p = corpus.paragraphs
    assert set(p.loc[p["kind"] == "boilerplate", "reason"]) == {F.TAIL, R.WIDGET}
    # the real paragraph stays body; only the caption widget's label is cut out (seed rule)
    assert _rows(corpus, "cnn_10")[1:] == [
        ("body", "The mayor spoke at length about the new budget and the schools."),
        ("boilerplate", "Hide Caption 1 of 1"),
        ("body", "Voters will decide in May."),
    ]


CARDS = [
    "Donald John TrumpSenators balk at long trial Warren goes local in race MORE",
    "Addison (Mitch) Mitchell McConnellTrade deal passes House Graham says no MORE",
    "Paul Davis Ryan Retirees should say no thanks to the plan MORE",
]
MENTIONS = ["President Trump ", "Leader Mitch McConnell ", "Speaker Paul Ryan "]


def test_inline_cards_closed_by_a_repeated_label_are_cut_out(tmp_path):
    articles, expected = {}, {}
    for i, body in enumerate(BODIES):
        k = i % 3
        sentence = f"{MENTIONS[k]}{CARDS[k]} (R) said on day {i} that the vote would wait."
        articles[f"hill_{i:02d}"] = f"Headline {i}\n\n{body}\n\n{sentence}\n"
        expected[f"hill_{i:02d}"] = k
    # another outlet writes a capitalised word glued to a name and an all-capital word once
    others = {f"other_{i:02d}": f"Headline {i}\n\n{body}\n" for i, body in enumerate(OTHER)}
    others["other_00"] = "Headline\n\nThe MacDonald family said they would do MORE for IBM.\n"
    manifest = {**dict.fromkeys(articles, "The Hill"), **dict.fromkeys(others, "Other")}
    articles.update(others)
    corpus = read_corpus(_write(tmp_path / "hill", articles, manifest))
    p = corpus.paragraphs
    texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"], strict=True))
    for aid, k in expected.items():
        rows = p[p["article_id"] == aid]
        assert rows["kind"].astype(str).tolist() == ["title", "body", "body", "boilerplate", "body"]
        card = rows.iloc[3]
        assert card["reason"] == F.CARD
        assert card["text"] == CARDS[k]
        assert texts[aid][card["start"] : card["end"]] == CARDS[k]  # exact offsets
        assert rows.iloc[2]["text"] == MENTIONS[k].strip()
        assert rows.iloc[4]["text"].startswith("(R) said on day")
    assert [k for k, _ in _rows(corpus, "other_00")] == ["title", "body"]
    assert not corpus.sentences["text"].str.contains("Warren goes local").any()


def test_card_starts_and_tails():
    text = "Speaker Paul Ryan Paul Davis Ryan Retirees should say no MORE (R-Wis.)"
    assert [text[a:b] for a, b, _ in F._cards(text)] == [
        "Paul Davis Ryan Retirees should say no MORE"
    ]
    assert F._cards("McCain and MacDonald met the FBI and IT staff.") == []
    tails = T.tails("He left the stage. Hide Caption 3 of 12")
    assert [t[1] for t in tails] == ["hide caption 0 of 0"]  # "Caption …" starts no unit
    assert T.tails("He said the caption was hidden.") == []


# ------------------------------------------------------------- seeds by shape (furniture_rules)

NPR_WIDGET = "Enlarge this image toggle caption {0}/AP {0}/AP"
NPR_COURTESY = "Enlarge this image toggle caption Courtesy of {0} Courtesy of {0}"
PHOTOGRAPHERS = ["Evan Vucci", "Alex Brandon", "Susan Walsh", "Jacquelyn Martin", "Andrew Harnik"]


def test_npr_caption_pair_with_a_varying_credit_is_set_aside_whole(tmp_path):
    # the widget line differs in every article (the photographer's name): never repeated
    articles = {
        f"npr_{i}": f"Headline {i}\n\n{NPR_COURTESY.format(PHOTOGRAPHERS[i % 5])}\n\n{body}\n"
        for i, body in enumerate(BODIES)
    }
    corpus = read_corpus(_write(tmp_path / "npr", articles, dict.fromkeys(articles, "NPR")))
    assert _rows(corpus, "npr_3") == [
        ("title", "Headline 3"),
        ("boilerplate", NPR_COURTESY.format("Jacquelyn Martin")),
        ("body", BODIES[3]),
    ]
    p = corpus.paragraphs
    assert p.loc[p["kind"] == "boilerplate", "reason"].unique().tolist() == [R.WIDGET]


def test_credit_lines_with_a_varying_name_are_set_aside_and_sentences_kept(tmp_path):
    credits = [
        "Drew Angerer/Getty Images",
        "(Photo by Chip Somodevilla/Getty Images)",
        "AP Photo/Evan Vucci",
        "Photo: Jonathan Torgovnik/Getty Images",
        "John Moore / Reuters.",
    ]
    kept = [  # real body sentences that mention an agency or end with a source credit
        "The picture, taken by a Getty Images photographer, went around the world.",
        "A Reuters/Ipsos poll found that 40 percent of Americans back the plan.",
        "Unemployment rose to 7 percent in March (Source: Labor Department)",
        "The photo was distributed by Getty Images.",
        "A Des Moines Register/Bloomberg Politics poll showed him ahead.",
    ]
    articles = {
        f"a{i}": f"Headline {i}\n\n{BODIES[i]}\n\n{OTHER[i]}\n\n{credits[i]}\n\n{kept[i]}\n"
        for i in range(5)
    }
    corpus = read_corpus(_write(tmp_path / "credits", articles, dict.fromkeys(articles, "X")))
    for i in range(5):  # a credit the reader's seed already calls a caption may stay one
        rows = _rows(corpus, f"a{i}")[2:]
        assert [t for _, t in rows] == [OTHER[i], credits[i], kept[i]]
        assert [k for k, _ in rows] in (
            ["body", "boilerplate", "body"],
            ["body", "caption", "body"],
        )
    assert [k for k, _ in _rows(corpus, "a4")[2:]] == ["body", "boilerplate", "body"]
    assert R.line_reason(credits[0]) == R.CREDIT
    assert [R.line_reason(k) for k in kept] == [None] * 5
    assert [R.inline_spans(k) for k in kept] == [[]] * 5


def test_caption_flattened_into_a_one_paragraph_body_is_cut_at_exact_offsets(tmp_path):
    articles, cuts = {}, {}
    for i, body in enumerate(BODIES[:6]):
        name = PHOTOGRAPHERS[i % 5]
        if i % 2:  # NPR's widget flattened inline, after the first sentence
            cut = NPR_WIDGET.format(name)
            text = f"Headline {i}\n\n{OTHER[i % 5]} {cut} {body}\n"
        else:  # a caption and its credit, then the body (Business Insider's export)
            cut = f"{OTHER[i % 5].split(' ')[0]} in town {i}. {name}/Getty Images"
            text = f"Headline {i}\n\n{cut} {body}\n"
        articles[f"f{i}"], cuts[f"f{i}"] = text, cut
    corpus = read_corpus(_write(tmp_path / "flat", articles))
    p = corpus.paragraphs
    texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"], strict=True))
    for aid, cut in cuts.items():
        rows = p[p["article_id"] == aid]
        spans = dict(zip(rows["text"], zip(rows["start"], rows["end"], strict=True), strict=True))
        a = texts[aid].index(cut)
        assert spans[cut] == (a, a + len(cut))  # exact offsets into articles.text
        body = BODIES[int(aid[1:])]
        assert rows.loc[rows["text"] == body, "kind"].tolist() == ["body"]
        assert rows.loc[rows["text"] == cut, "kind"].tolist() == ["boilerplate"]
    assert _rows(corpus, "f1")[1] == ("body", OTHER[1])  # the sentence before stays body


def test_link_stubs_are_set_aside_but_a_sentence_asking_to_read_more_is_not(tmp_path):
    stubs = [
        "Read more here",
        "Trump commutes sentence of Roger Stone, longtime friend and adviser Read more",
        "Read more: How steel became cast as a security issue",
        "Advertisement Advertisement",
        "Story continues below advertisement",
    ]
    articles = {f"s{i}": f"Headline {i}\n\n{BODIES[i]}\n\n{stubs[i]}\n" for i in range(5)}
    articles["s5"] = f"Headline 5\n\n{BODIES[5]} If you want to read more, see the report.\n"
    corpus = read_corpus(_write(tmp_path / "stubs", articles))
    for i in range(5):
        assert _rows(corpus, f"s{i}")[2] == ("boilerplate", stubs[i])
    assert [k for k, _ in _rows(corpus, "s5")] == ["title", "body"]


def test_an_editors_note_line_is_set_aside_but_a_sentence_about_one_is_not(tmp_path):
    notes = [
        "Editor’s note: The candidate regularly incites political violence and is a serial liar.",
        "EDITOR'S NOTE: This story has been updated to correct the date of the vote.",
        "(Editors’ note: An earlier version misstated the council's budget.)",
    ]
    articles = {f"n{i}": f"Headline {i}\n\n{BODIES[i]}\n\n{notes[i]}\n" for i in range(3)}
    articles["n3"] = f"Headline 3\n\n{BODIES[3]}\n\nThe editor’s note drew complaints.\n"
    for i in (4, 5):
        articles[f"n{i}"] = f"Headline {i}\n\n{BODIES[i]}\n"
    corpus = read_corpus(_write(tmp_path / "notes", articles))
    for i in range(3):
        assert _rows(corpus, f"n{i}")[2] == ("boilerplate", notes[i])
    assert _rows(corpus, "n3")[2] == ("body", "The editor’s note drew complaints.")
    assert R.line_reason(notes[0]) == R.NOTE
