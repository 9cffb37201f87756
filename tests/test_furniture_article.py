"""Furniture an article repeats within itself (un-labelled galleries, lower-case transcript
labels) and closing author bios an outlet repeats with a changing link, on small built text."""

from __future__ import annotations

from newscorpus.corpus import furniture_article as A
from newscorpus.corpus import furniture_rules as R
from newscorpus.corpus import read_corpus

PROSE = [
    "Rebel forces seized the northern town of Kafr Nabl on Tuesday, a monitoring group said.",
    "The United Nations warned that food supplies in the besieged district were running out.",
    "Officials in Damascus denied that government aircraft had struck the market.",
    "Turkey closed two border crossings after a car bomb exploded near the frontier.",
    "Talks in Geneva ended without agreement on a ceasefire, diplomats said.",
    "The ministry said the convoy would try again on Friday if the roads were open.",
]
CAPTIONS = [
    "Netanyahu speaks to the press in Tel Aviv, Israel, in June 2016.",
    "Netanyahu and his family take a vacation in southern Israel in April 2015.",
    "Obama meets with Netanyahu at the White House in September 2010.",
    "Netanyahu speaks at the UN General Assembly on October 1, 2013.",
]


def _rows(corpus, aid: str) -> list[tuple[str, str, str]]:
    p = corpus.paragraphs
    p = p[p["article_id"] == aid]
    return list(zip(p["kind"].astype(str), p["reason"], p["text"], strict=True))


def _write(folder, articles: dict[str, str], outlets: dict[str, str] | None = None):
    folder.mkdir(parents=True, exist_ok=True)
    for aid, text in articles.items():
        (folder / f"{aid}.txt").write_text(text, encoding="utf-8")
    if outlets:
        rows = "".join(f"{a},{o}\n" for a, o in outlets.items())
        (folder / "manifest.csv").write_text("article_id,outlet\n" + rows, encoding="utf-8")
    return folder


def test_a_gallery_of_doubled_captions_is_set_aside_whole_both_copies():
    single = "A caption the export did not double, dated May 2019."
    lines = [PROSE[0], PROSE[1]]
    lines += [CAPTIONS[0], CAPTIONS[0], CAPTIONS[1], CAPTIONS[1], single]
    lines += [CAPTIONS[2], CAPTIONS[2], CAPTIONS[3], CAPTIONS[3], PROSE[2], PROSE[3]]
    kinds = ["body"] * len(lines)
    assert A.gallery_lines(lines, kinds) == list(range(2, 11))  # the undoubled one between too
    # two doubled captions are no gallery, nor one pull quote written twice
    assert A.gallery_lines(lines[:6] + lines[11:], ["body"] * 8) == []
    # a doubled caption ending with a photo credit is a caption, both copies
    credited = "A worker passes school buses in Manchester, N.H. (AP Photo/Charles Krupa, File)"
    assert A.gallery_lines([PROSE[0], credited, credited, PROSE[1]], ["body"] * 4) == [1, 2]


def test_a_gallery_read_from_a_corpus_keeps_the_prose_and_its_pull_quote(tmp_path):
    quote = "Nobody in this town expected the convoy to come back so soon after the attack."
    gallery = CAPTIONS[:3]
    doubled = [c for c in gallery for _ in range(2)]
    text = "\n\n".join(["Headline", PROSE[0], quote, *doubled, PROSE[1], quote, PROSE[2]])
    corpus = read_corpus(_write(tmp_path / "g", {"cnn": text + "\n"}))
    rows = _rows(corpus, "cnn")[1:]
    assert [r[2] for r in rows if r[0] == "body"] == [PROSE[0], quote, PROSE[1], PROSE[2]]
    assert [r[2] for r in rows if r[1] == A.GALLERY] == doubled
    assert [r[1] for r in rows if r[2] == quote] == ["", R.REPEAT]  # the first copy stays


def test_lower_case_speaker_lines_and_recording_labels_are_transcript_labels(tmp_path):
    text = "\n\n".join(
        [
            "Judge Appoints Outsider in Flynn Case",
            "michael barbaro",
            "From The New York Times, I'm Michael Barbaro. This is The Daily.",
            "[music]",
            "mark mazzetti",
            "Well, Michael Flynn was a three-star Army general.",
            "archived recording (michael flynn) We do not need a reckless president.",
            "mark mazzetti",
            "He famously leads a chant.",
            "archived recording (crowd) Lock her up! archived recording (michael flynn) Yes.",
            "michael barbaro",
            "Right.",
            "[music]",
            "archived recording (mike pence) I talked to General Flynn about that.",
            "michael barbaro",
            "So what happened next?",
            "mark mazzetti",
            "He resigned.",
            "the white house",  # said once: no label
        ]
    )
    corpus = read_corpus(_write(tmp_path / "t", {"daily": text + "\n"}))
    rows = _rows(corpus, "daily")[1:]
    labels = [r[2] for r in rows if r[1] == R.TRANSCRIPT]
    assert labels.count("michael barbaro") == 3 and labels.count("mark mazzetti") == 3
    assert labels.count("[music]") == 2
    assert labels.count("archived recording (michael flynn)") == 2
    body = [r[2] for r in rows if r[0] == "body"]
    assert "We do not need a reckless president." in body
    assert "Lock her up!" in body and "Yes." in body
    assert "the white house" in body
    texts = corpus.articles.set_index("article_id")["text"]
    p = corpus.paragraphs
    for a, b, t in zip(p["start"], p["end"], p["text"], strict=True):
        assert texts["daily"][a:b] == t  # exact offsets, nothing deleted


def test_a_lower_case_line_said_twice_or_a_single_word_is_no_label():
    lines = ["yes", "We agree.", "yes", "We do.", "yes", "the white house", "the white house"]
    assert A.speaker_lines(lines, ["body"] * len(lines)) == ([], frozenset())
    assert A.speaker_spans("archived recording Lock her up!", frozenset()) == []


def test_an_author_bio_with_a_changing_link_is_set_aside_in_its_outlet(tmp_path):
    bio = (
        "Patrick Buchanan has been an adviser to three presidents, a two-time candidate for "
        "the Republican presidential nomination, and the nominee for the Reform Party in 2000. "
        'His latest book is: "The Greatest Comeback."'
    )
    links = [
        "For more of his reports, Go Here Now.",
        "Read Patrick Buchanan's Reports — More Here.",
    ]
    links += ["Read his column on trade.", "See his earlier reports.", "More columns here.", ""]
    articles, outlets = {}, {}
    for n in range(6):
        body = [PROSE[n], PROSE[(n + 1) % 6], PROSE[(n + 2) % 6]]
        articles[f"nm{n}"] = "\n\n".join([f"Column {n}", *body, f"{bio} {links[n]}".strip()]) + "\n"
        outlets[f"nm{n}"] = "Newsmax"
    # another outlet's closing line with a bio's form, written once: a sign-off by its form
    # (`sign_off_lines`) when the body never named the person, body when it did (a newsmaker)
    own = "Jane Smith is a professor of history at the University of Iowa and a former diplomat."
    named = "Jane Smith, a historian, led the inquiry into the archive's losses."
    for n in range(5):
        lead = named if n == 1 else PROSE[n]
        articles[f"ot{n}"] = "\n\n".join([f"Story {n}", lead, PROSE[(n + 3) % 6]])
        articles[f"ot{n}"] += "\n\n" + (own if n < 2 else PROSE[(n + 4) % 6]) + "\n"
        outlets[f"ot{n}"] = "Other"
    corpus = read_corpus(_write(tmp_path / "b", articles, outlets))
    for n in range(6):
        last = _rows(corpus, f"nm{n}")[-1]
        assert last[:2] == ("boilerplate", A.BIO)
        assert last[2].startswith("Patrick Buchanan")
    assert _rows(corpus, "ot0")[-1] == ("boilerplate", A.BIO, own)
    assert _rows(corpus, "ot1")[-1] == ("body", "", own)
    assert A.bio_form(own) and not A.bio_form(PROSE[0])
