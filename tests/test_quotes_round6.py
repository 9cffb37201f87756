"""Kinds of quotation language settled in round 6 (issue 19), each on invented articles:
headline claims that carry quoted words in their middle."""

from __future__ import annotations

import pandas as pd
import pytest

from newscorpus.sources import find_quotes


@pytest.fixture
def article(make_corpus):
    """Quotes of one invented article: `title` is its first line, `body` the rest."""

    def run(title: str, body: str) -> pd.DataFrame:
        return find_quotes(make_corpus({"a.txt": title + "\n" + body + "\n"}))

    return run


BODY = "Senator Tom Lee and Mayor Ana Ruiz spoke in Dover on Friday about the new budget."


@pytest.mark.parametrize(
    ("title", "kind", "quote"),
    [
        # the quoted words sit inside the claim: the headline reports a claim (indirect)
        (
            "Lee: Voters ‘Tired Of Waiting’ For Tax Cuts",
            "indirect",
            "Voters ‘Tired Of Waiting’ For Tax Cuts",
        ),
        (
            "Ruiz Says Budget Is ‘A Disgrace’ To The City",
            "indirect",
            "Budget Is ‘A Disgrace’ To The City",
        ),
        # a claim beginning or ending with the quoted words stays a partial quote
        ("Lee: ‘No Idea’ If The Budget Will Pass", "partial", "‘No Idea’ If The Budget Will Pass"),
        ("Ruiz Calls Budget ‘A Disgrace’", "partial", "Budget ‘A Disgrace’"),
    ],
)
def test_a_headline_claim_with_quoted_words_inside_is_indirect(article, title, kind, quote):
    q = article(title, BODY)
    rows = q[q["start"] < len(title)]
    assert len(rows) == 1
    row = rows.iloc[0]
    assert (row["kind"], row["quote"]) == (kind, quote)
    assert row["speaker"] in ("Tom Lee", "Ana Ruiz")


@pytest.mark.parametrize(
    ("title", "kind", "quote", "speaker"),
    [
        # an apostrophe between letters stays inside a straight single quote
        ("Ruiz: 'Lee's plan is dead.'", "direct", "Lee's plan is dead.", "Ana Ruiz"),
        # verbs of opinion in headlines; a plural group names its speakers
        (
            "Lee Sees 'Grave Mistake' in Budget Vote",
            "partial",
            "'Grave Mistake' in Budget Vote",
            "Tom Lee",
        ),
        (
            "Ruiz rips budget over 'hidden taxes'",
            "partial",
            "budget over 'hidden taxes'",
            "Ana Ruiz",
        ),
        (
            "Black Lawmakers Rip Budget As A ‘Disgrace’",
            "partial",
            "Budget As A ‘Disgrace’",
            "Black Lawmakers",
        ),
        # the attribution comes last
        ("Budget Is A ‘Disgrace,’ Tom Lee Says.", "partial", "Budget Is A ‘Disgrace,’", "Tom Lee"),
        ("‘We Will Win,’ Ana Ruiz Says", "direct", "We Will Win,", "Ana Ruiz"),
    ],
)
def test_headline_verbs_quotes_and_attributions_of_more_kinds(article, title, kind, quote, speaker):
    q = article(title, BODY)
    rows = q[q["start"] < len(title)]
    assert len(rows) == 1
    row = rows.iloc[0]
    assert (row["kind"], row["quote"], row["speaker"]) == (kind, quote, speaker)


def test_a_dek_under_the_title_is_read_as_a_headline(make_corpus):
    text = (
        "Budget talks stall in Dover;\nMayor Ana Ruiz calls the plan 'a disgrace.'\n"
        "Senator Tom Lee and Mayor Ana Ruiz spoke in Dover on Friday about the new budget.\n"
    )
    corpus = make_corpus({"a.txt": text})
    assert "dek" in set(corpus.paragraphs["kind"])
    q = find_quotes(corpus)
    dek = q[q["quote"].str.contains("disgrace")]
    assert len(dek) == 1
    assert dek.iloc[0]["speaker"] == "Ana Ruiz" and dek.iloc[0]["kind"] == "partial"


PEOPLE = "Mayor Ann Lowe and Senator Tom Grant spoke in Dover. Paul Ryan was there too.\n"


@pytest.mark.parametrize(
    ("sentence", "quote", "speaker"),
    [
        # a participle after the speech verb: the verb's subject speaks, not the clause's
        (
            "Ryan and Lowe will meet next week, Hakeem Jeffries said, adding, “They need to talk.”",
            "They need to talk.",
            "Hakeem Jeffries",
        ),
        # a verb after "and" has the sentence's subject, not the name just before it
        (
            "Hakeem Jeffries tweeted that it was a “disaster” for Lowe and asked, “How can she lead?”",
            "How can she lead?",
            "Hakeem Jeffries",
        ),
    ],
)
def test_the_subject_of_a_lead_after_a_participle_or_and(quotes_of, sentence, quote, speaker):
    q = quotes_of(PEOPLE + sentence)
    rows = q[q["quote"] == quote]
    assert len(rows) == 1
    assert rows.iloc[0]["speaker"] == speaker


@pytest.mark.parametrize(
    ("sentence", "quoted", "speaker"),
    [
        (
            "Tom Grant talks about “spoiling the party,” and voters cheer.",
            "spoiling the party,",
            "Tom Grant",
        ),
        (
            "Ann Lowe has railed against what she calls the “Washington cartel”",
            "Washington cartel",
            "Ann Lowe",
        ),
        (
            "The team cited “blocked toilets and leaking pipes.”",
            "blocked toilets and leaking pipes.",
            "The team",
        ),
    ],
)
def test_speech_verbs_with_a_preposition_and_citing_attribute_quoted_words(
    quotes_of, sentence, quoted, speaker
):
    q = quotes_of(PEOPLE + sentence)
    rows = q[q["kind"].isin(["direct", "partial"]) & q["quote"].str.contains(quoted, regex=False)]
    assert len(rows) == 1
    assert rows.iloc[0]["speaker"] == speaker


@pytest.mark.parametrize(
    ("sentence", "quoted", "speaker"),
    [
        # other forms of speech verbs
        (
            "It is strange that Ann Lowe would denounce “self-deportation,” the plan of her allies.",
            "self-deportation,",
            "Ann Lowe",
        ),
        (
            "Tom Grant spoke last, conceding that the plan was “a fantasy.”",
            "a fantasy.",
            "Tom Grant",
        ),
        (
            "The narrator continues that “working families get tax relief.”",
            "working families get tax relief.",
            "The narrator",
        ),
        # verbs of judging what was said or done
        (
            "Ann Lowe assailed a federal judge for his “Mexican heritage.”",
            "Mexican heritage.",
            "Ann Lowe",
        ),
        (
            "Tom Grant thanked the voters for their “courage and patience.”",
            "courage and patience.",
            "Tom Grant",
        ),
        # what a report found
        (
            "A House committee report found “no evidence of a stand-down order.”",
            "no evidence of a stand-down order.",
            "A House committee report",
        ),
    ],
)
def test_more_verbs_of_saying_judging_and_finding_attribute_quoted_words(
    quotes_of, sentence, quoted, speaker
):
    q = quotes_of(PEOPLE + sentence)
    rows = q[q["kind"].isin(["direct", "partial"]) & q["quote"].str.contains(quoted, regex=False)]
    assert len(rows) == 1
    assert rows.iloc[0]["speaker"] == speaker
