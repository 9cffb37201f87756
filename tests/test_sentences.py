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
        # an ellipsis after a finished sentence is an omission opening the next one
        ("“We are tired. ... NATO must change.”", ["“We are tired.", "... NATO must change.”"]),
        ("We are tired. … Nobody listens.", ["We are tired.", "… Nobody listens."]),
        ("Is it over? ... Nobody knows.", ["Is it over?", "... Nobody knows."]),
        ("He left. ... and then he came back.", ["He left. ... and then he came back."]),
        (  # the ellipsis closes a quotation: its closing mark stays with the quotation
            'It reads: "Residents only. ..." "We agreed," she said.',
            ['It reads: "Residents only. ..."', '"We agreed," she said.'],
        ),
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


# Kinds of boundary from issue 19, each with invented sentences: a case that splits and one that
# does not, so that a rule that always (or never) splits fails.
@pytest.mark.parametrize(
    "text,expected",
    [
        # a.m./p.m. inside a fronted adverbial or clause: a title and name after it go on
        ("At 7 a.m. Dr. Okafor opened the clinic.", ["At 7 a.m. Dr. Okafor opened the clinic."]),
        (
            "Shortly before 11 p.m. Gov. Lena Marsh signed the order.",
            ["Shortly before 11 p.m. Gov. Lena Marsh signed the order."],
        ),
        (
            "After the ferry left at 6 a.m. Capt. Ruiz radioed the port.",
            ["After the ferry left at 6 a.m. Capt. Ruiz radioed the port."],
        ),
        # ... but after a finished clause the title starts a new sentence
        (
            "The ferry left at 6 a.m. Capt. Ruiz radioed the port an hour later.",
            ["The ferry left at 6 a.m.", "Capt. Ruiz radioed the port an hour later."],
        ),
        (
            "At the depot, crews worked until 4 a.m. Mr. Haddad then sent them home.",
            ["At the depot, crews worked until 4 a.m.", "Mr. Haddad then sent them home."],
        ),
        # a state or district abbreviation closing a place after a comma ends the sentence
        # before a capitalised word ...
        (
            "The delegation flew to Washington, D.C. Talks resume in May.",
            ["The delegation flew to Washington, D.C.", "Talks resume in May."],
        ),
        (
            "The fire started near Eugene, Ore. Crews contained it by noon.",
            ["The fire started near Eugene, Ore.", "Crews contained it by noon."],
        ),
        (
            "The rally was held in Concord, N.H. Senator Ellis spoke first.",
            ["The rally was held in Concord, N.H.", "Senator Ellis spoke first."],
        ),
        # ... not in a fronted place adverbial, nor before a number, a time or a lowercase word
        (
            "In Springfield, Ill. Police arrested two men.",
            ["In Springfield, Ill. Police arrested two men."],
        ),
        (
            "They met in Reno, Nev. Tuesday night and in Dover, Del. on Monday.",
            ["They met in Reno, Nev. Tuesday night and in Dover, Del. on Monday."],
        ),
        ("He moved to Austin, Tex. 10 years ago.", ["He moved to Austin, Tex. 10 years ago."]),
        # a national acronym ends a sentence before a sentence adverb, not before a noun it
        # qualifies
        (
            "Most of the money stayed in the U.S. Meanwhile, prices rose.",
            ["Most of the money stayed in the U.S.", "Meanwhile, prices rose."],
        ),
        ("Six U.S. Senators signed the letter.", ["Six U.S. Senators signed the letter."]),
        ("She joined the U.S. Navy in 1990.", ["She joined the U.S. Navy in 1990."]),
        # a capital letter as a designation (Group B) or before a common word is not an initial
        (
            "The complaint was filed by Group B. Board members replied on Friday.",
            ["The complaint was filed by Group B.", "Board members replied on Friday."],
        ),
        (
            "Voters backed Plan B. Critics called it a delay.",
            ["Voters backed Plan B.", "Critics called it a delay."],
        ),
        (
            "The samples came from Site D. Residents were told to boil water.",
            ["The samples came from Site D.", "Residents were told to boil water."],
        ),
        (
            "The last seat went to Candidate C. Separately, the council voted on taxes.",
            ["The last seat went to Candidate C.", "Separately, the council voted on taxes."],
        ),
        # ... while a surname after an initial continues the name
        (
            "The memo names Robert D. Owens as the new chief.",
            ["The memo names Robert D. Owens as the new chief."],
        ),
        (
            "The letter was signed by Mary K. Okafor, a nurse.",
            ["The letter was signed by Mary K. Okafor, a nurse."],
        ),
        (  # a surname with a plural-like ending after a first name and initial
            "The plan was drafted by Laura J. Clements and her staff.",
            ["The plan was drafted by Laura J. Clements and her staff."],
        ),
        # an ellipsis before a capitalised common word ends the sentence, not before a surname
        # and not when it opens the paragraph
        ("The crowd waited... Nobody came.", ["The crowd waited...", "Nobody came."]),
        (
            "The crowd waited... Officials never arrived.",
            ["The crowd waited...", "Officials never arrived."],
        ),
        (
            "The talks dragged on … Negotiators left at dusk.",
            ["The talks dragged on …", "Negotiators left at dusk."],
        ),
        ("He paused... Ruiz then spoke.", ["He paused... Ruiz then spoke."]),
        ("... Estimates are still rising.", ["... Estimates are still rising."]),
        # a period attached to its word then a spaced ellipsis: the sentence ends at the period
        # and the ellipsis (an omission) opens the next; spaced before the dots, or at the end of
        # the paragraph, the four dots stay together
        (
            "The board met twice. . . . Its minutes were lost.",
            ["The board met twice.", ". . . Its minutes were lost."],
        ),
        (
            'She said: "We waited for years. . . . Nobody listened."',
            ['She said: "We waited for years.', '. . . Nobody listened."'],
        ),
        (
            "The board met twice . . . . Its minutes were lost.",
            ["The board met twice . . . .", "Its minutes were lost."],
        ),
        ("The board met twice. . . .", ["The board met twice. . . ."]),
        # an ellipsis or a lone initial before a capitalised word written lowercase in news and
        # not part of a person's name (`Silence`) ends the sentence; a word that is also a
        # surname (`Wells`) or only a name (`Ruiz`) does not
        ("The line went dead... Silence followed.", ["The line went dead...", "Silence followed."]),
        ("He paused... Wells then spoke.", ["He paused... Wells then spoke."]),
        (
            "The prize went to you and I. Silence followed.",
            ["The prize went to you and I.", "Silence followed."],
        ),
        ("A letter by Anne B. Silence arrived.", ["A letter by Anne B. Silence arrived."]),
        # an ellipsis after an article or conjunction is an omission inside the sentence
        (
            "We met with the ... Residents of Elm Street.",
            ["We met with the ... Residents of Elm Street."],
        ),
        # an ellipsis opening a quotation after a finished sentence opens the next sentence
        (
            'Delays hurt, she said. "... Delaying care is costly."',
            ["Delays hurt, she said.", '"... Delaying care is costly."'],
        ),
        # a quotation mark before a first name does not hide it (`“Donald J. Trump`), and a
        # capital letter opening the paragraph is an item letter (`A. Pressuring …`)
        (
            "“Donald J. Trump is here,” she said.",
            ["“Donald J. Trump is here,” she said."],
        ),
        ("A. Pressuring a Foreign Power", ["A. Pressuring a Foreign Power"]),
        # N°. / No. before a number is not an end; the number after it may be
        (
            "The file sits in box N°. 14 on the top shelf.",
            ["The file sits in box N°. 14 on the top shelf."],
        ),
        (
            "Their anthem is No. 1. Fans sing it at every game.",
            ["Their anthem is No. 1.", "Fans sing it at every game."],
        ),
        ("The key is in room no. 12 upstairs.", ["The key is in room no. 12 upstairs."]),
        ("Resolution No. A-14 passed.", ["Resolution No. A-14 passed."]),
        ("Ask for form No. B7 at the desk.", ["Ask for form No. B7 at the desk."]),
    ],
)
def test_issue_19_kinds(text, expected):
    assert sentences(text) == expected


GOLDEN_FILE = """import pytest

GOLDEN_EN_RULES_TEST_CASES = [
    ("Rain fell. Roads closed.", ["Rain fell.", "Roads closed."]),
    ("See p. 4 now.", ["See p. 4 now."]),
    pytest.param("At 9 a.m. Dr. Lee came.", ["At 9 a.m. Dr. Lee came."], marks=pytest.mark.xfail),
    ("Done? Yes.", ["Done?", "Yes."]),
]
"""


def test_read_golden_parses_pysbd_style_cases_and_keeps_every_third_untouched(tmp_path):
    path = tmp_path / "test_english.py"
    path.write_text(GOLDEN_FILE, encoding="utf-8")
    golden = ev.read_golden(path)
    assert list(golden["id"]) == ["golden-00", "golden-01", "golden-02", "golden-03"]
    assert list(golden["part"]) == ["dev", "dev", "untouched", "dev"]
    assert list(golden["cuts"]) == [(11,), (), (), (6,)]
    assert golden.loc[2, "text"] == "At 9 a.m. Dr. Lee came."
    table = ev.accuracy(golden, {"newscorpus": split_sentences}).set_index("part")
    assert table.loc["all", "right"] == 4
    one = ev.accuracy(golden, {"one": lambda text: [(0, len(text))]}).set_index("part")
    assert one.loc["dev", "right"] == 1 and one.loc["untouched", "right"] == 1
    assert ev.read_golden(tmp_path / "missing.py").empty
    bad = tmp_path / "bad.py"
    bad.write_text("OTHER = []\n", encoding="utf-8")
    with pytest.raises(ValueError, match="GOLDEN_EN_RULES_TEST_CASES"):
        ev.read_golden(bad)


def test_pysbd_golden_rules_when_the_file_is_there():
    if not ev.GOLDEN.is_file():
        pytest.skip("pySBD's tests/lang/test_english.py is not at ../shared/gold/pysbd/")
    golden = ev.read_golden()
    assert len(golden) == 48
    table = ev.accuracy(golden, {"newscorpus": split_sentences}).set_index("part")
    assert table.loc["all", "accuracy"] >= 0.98


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
