"""Sentence boundaries on hard cases (newscorpus.sentences) and the gold evaluation."""

from __future__ import annotations

import pytest

from newscorpus.eval import sentences as ev
from newscorpus.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    "text,expected",
    [
        # a quotation ending in ?” or !” stays with its attribution
        (
            "“We will not reopen it!” Chief Engineer Tomas Brandt said.",
            ["“We will not reopen it!” Chief Engineer Tomas Brandt said."],
        ),
        (
            "“Is the bridge safe?” Mayor Paul Ingram asked. “Not yet.”",
            ["“Is the bridge safe?” Mayor Paul Ingram asked.", "“Not yet.”"],
        ),
        (
            "“How could this happen?” Dr. Lena Fischer, the director, said in a statement.",
            ["“How could this happen?” Dr. Lena Fischer, the director, said in a statement."],
        ),
        (
            "“Is it safe?” he asked. Nobody answered.",
            ["“Is it safe?” he asked.", "Nobody answered."],
        ),
        # ... but a new clause after the quotation is a new sentence
        (
            "“Is it safe?” Officials did not answer.",
            ["“Is it safe?”", "Officials did not answer."],
        ),
        (
            "“We won!” She replied that it was too early.",
            ["“We won!”", "She replied that it was too early."],
        ),
        # an abbreviation ending a sentence ends it
        (
            "The talks moved to Washington, D.C. The vote is on Tuesday.",
            ["The talks moved to Washington, D.C.", "The vote is on Tuesday."],
        ),
        (
            "The meeting ended at 6 p.m. Officials said nothing.",
            ["The meeting ended at 6 p.m.", "Officials said nothing."],
        ),
        (
            "Most of the fighters came from the U.S. It was a surprise.",
            ["Most of the fighters came from the U.S.", "It was a surprise."],
        ),
        (
            "The deal was signed by Acme Corp. Shares rose 4 percent.",
            ["The deal was signed by Acme Corp.", "Shares rose 4 percent."],
        ),
        # ... and the same abbreviation before a name, noun or number does not
        ("The U.S. Government denied it.", ["The U.S. Government denied it."]),
        ("Mr. Smith and Gen. Votel met.", ["Mr. Smith and Gen. Votel met."]),
        (
            "The No. 5 bus left on Jan. 5 at 6 p.m. Tuesday.",
            ["The No. 5 bus left on Jan. 5 at 6 p.m. Tuesday."],
        ),
        ("The D.C. Council met in St. Louis.", ["The D.C. Council met in St. Louis."]),
        ("It was then-Sen. Barack Obama.", ["It was then-Sen. Barack Obama."]),
        (
            "Acme Corp. Chief Executive Dana Ruiz quit.",
            ["Acme Corp. Chief Executive Dana Ruiz quit."],
        ),
        (
            "Lt. Col. Smith spoke. He left.",
            ["Lt. Col. Smith spoke.", "He left."],
        ),
        # initials, decimals, URLs, emails
        ("J. R. R. Tolkien met George W. Bush.", ["J. R. R. Tolkien met George W. Bush."]),
        (
            "We make a good team, you and I. Did you see Albert I. Jones?",
            ["We make a good team, you and I.", "Did you see Albert I. Jones?"],
        ),
        ("Prices rose 2.5 percent. Wages fell.", ["Prices rose 2.5 percent.", "Wages fell."]),
        (
            "Mail jane.doe@example.org. See https://example.gov/a.html. Thanks.",
            ["Mail jane.doe@example.org.", "See https://example.gov/a.html.", "Thanks."],
        ),
        # ? and ! inside quotes or names mid-sentence
        (
            "The film “Who Framed Roger Rabbit?” was shown at Yahoo! headquarters.",
            ["The film “Who Framed Roger Rabbit?” was shown at Yahoo! headquarters."],
        ),
        # closing quotes and parentheses belong to the sentence
        (
            "He said, “This is great.” He left. (It had rained.) Fans cheered.",
            ["He said, “This is great.”", "He left.", "(It had rained.)", "Fans cheered."],
        ),
        ("Police fired. (Reuters)", ["Police fired. (Reuters)"]),
        (
            "ORLANDO, Fla. (Reuters) - Obama met survivors.",
            ["ORLANDO, Fla. (Reuters) - Obama met survivors."],
        ),
        # ellipses
        ("He said it was . . . complicated.", ["He said it was . . . complicated."]),
        ("I never meant that.... She left.", ["I never meant that....", "She left."]),
        ("“We are tired. ... NATO must change.”", ["“We are tired. ...", "NATO must change.”"]),
        (
            "“Near Benghazi … Stevens asked for help.”",
            ["“Near Benghazi … Stevens asked for help.”"],
        ),
        # lists
        (
            "1. The first point 2. The second point",
            ["1. The first point", "2. The second point"],
        ),
        ("a) higher wages b) shorter hours", ["a) higher wages", "b) shorter hours"]),
        (
            "Two causes: (1) poor upkeep; (2) few inspectors.",
            ["Two causes:", "(1) poor upkeep;", "(2) few inspectors."],
        ),
        (
            "The demands: (1) a ceasefire, (2) aid and (3) talks.",
            ["The demands: (1) a ceasefire, (2) aid and (3) talks."],
        ),
        (
            "Trump won 2. Clinton won 3. It goes on.",
            ["Trump won 2.", "Clinton won 3.", "It goes on."],
        ),
        ("6. WHAT SECTOR IS STILL STRONG.", ["6. WHAT SECTOR IS STILL STRONG."]),
        # a quotation opening right after the end mark, with no space
        (
            "He was born here.”“Your facts are wrong,” she wrote.",
            ["He was born here.”", "“Your facts are wrong,” she wrote."],
        ),
    ],
)
def test_split_sentences(text, expected):
    assert sentences(text) == expected


def test_spans_are_offsets_into_the_paragraph():
    text = "  First one.   Second one?  "
    assert split_sentences(text) == [(2, 12), (15, 26)]
    assert split_sentences("") == []
    assert split_sentences("   ") == []


def test_gold_own_items_are_split_right():
    gold = ev.read_gold(corpus=None)
    assert (gold["source"] == "own").all() and len(gold) >= 150
    table = ev.accuracy(gold, {"newscorpus": split_sentences})
    overall = table.set_index("part").loc["all", "accuracy"]
    assert overall >= 0.98


def test_gold_polnear_items_when_the_corpus_is_there():
    if not ev.CORPUS.is_dir():
        pytest.skip("../shared/corpora/polnear is not available")
    gold = ev.read_gold()
    assert (gold["source"] == "polnear").sum() >= 200
    table = ev.accuracy(gold, {"newscorpus": split_sentences}).set_index("part")
    assert table.loc["all", "accuracy"] >= 0.98


def test_read_gold_rejects_bad_items(tmp_path):
    bad = tmp_path / "gold.jsonl"
    bad.write_text('{"id": "x", "part": "dev", "kind": "k", "text": "A. B."}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="line 1"):
        ev.read_gold(bad, corpus=None)
    with pytest.raises(ValueError, match="does not exist"):
        ev.read_gold(tmp_path / "missing.jsonl", corpus=None)


def test_errors_lists_missed_and_extra_starts():
    gold = ev.read_gold(corpus=None).head(3)
    wrong = ev.errors(gold, lambda text: [(0, len(text))])
    multi = gold[gold["cuts"].map(len) > 0]
    assert list(wrong["id"]) == list(multi["id"])
    assert all(row.missed and not row.extra for row in wrong.itertuples())
