"""Quotes in headlines, written text introduced by a noun, claims running into quoted words,
and the issue 19 quote kinds `test_quote_kinds.py` does not cover, on invented articles."""

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
    "title, kind, quote, speaker, verb",
    [
        ("Senator Lee: ‘We Will Not Back Down’", "direct", "We Will Not Back Down", "Tom Lee", ":"),
        # a lone title is the person the body names with it
        ("Mayor Calls Rival ‘Reckless’", "partial", "Rival ‘Reckless’", "Ana Ruiz", "calls"),
        # words after the quote go on with the claim, which neither begins nor ends with the
        # quoted words: an indirect claim, as in body text
        (
            "Lee: Ruiz Has ‘A Long Way to Go’ On Taxes",
            "indirect",
            "Ruiz Has ‘A Long Way to Go’ On Taxes",
            "Tom Lee",
            ":",
        ),
        # a prefix naming no one is passed over; a comma in the marks closes the claim
        (
            "The Latest: Lee declares ‘victory,’ ignores the polls",
            "direct",
            "victory,",
            "Tom Lee",
            "declares",
        ),
        # an apostrophe inside the quote does not close it; double marks too
        (
            "Ruiz: “We Don’t Need Their Money”",
            "direct",
            "We Don’t Need Their Money",
            "Ana Ruiz",
            ":",
        ),
    ],
)
def test_headline_quotes_the_person_it_names(article, title, kind, quote, speaker, verb):
    q = article(title, BODY)
    rows = q[q["start"] < len(title)]
    assert len(rows) == 1
    row = rows.iloc[0]
    assert (row["kind"], row["quote"], row["speaker"], row["verb"]) == (kind, quote, speaker, verb)
    assert row["paragraph_id"] == 0


@pytest.mark.parametrize(
    "title",
    [
        "Budget Talks Stall in Dover",  # no marks
        "The ‘Big Short’ Returns to Theaters",  # marks, nobody named before them
        "Ruiz’s Plan Wins Support",  # an apostrophe is not a quote
    ],
)
def test_headline_without_a_quote_of_someone_gives_no_row(article, title):
    q = article(title, BODY)
    assert (q["start"] < len(title)).sum() == 0


@pytest.mark.parametrize(
    "sentence, kind, quote, speaker, verb",
    [
        (
            "Protesters outside the hall carried a banner that read, “No more cuts to schools.”",
            "direct",
            "No more cuts to schools.",
            "Protesters",
            "read",
        ),
        (
            "The mayor sent an email to staff with the subject line, “We need to talk.”",
            "direct",
            "We need to talk.",
            "The mayor",
            "written",
        ),
        (
            "A woman at the rally held a sign saying “Keep our parks open.”",
            "direct",
            "Keep our parks open.",
            "A woman at the rally",
            "saying",
        ),
        (
            "Ana Ruiz spoke for an hour. Among her takeaways: campaigns get “too nasty.”",
            "partial",
            "campaigns get “too nasty.”",
            "Ana Ruiz",
            ":",
        ),
    ],
)
def test_written_text_introduced_by_a_noun(article, sentence, kind, quote, speaker, verb):
    q = article("A title line for the test article", "The vote is near.\n" + sentence)
    row = q[q["kind"] == kind].iloc[0]
    assert (row["quote"], row["speaker"], row["verb"]) == (quote, speaker, verb)


def test_memo_titled_is_a_quote_of_its_sender_but_a_book_title_is_not(article):
    q = article(
        "A title line for the test article",
        "The vote is near.\nThe agency released a memo, titled “Lessons from the flood,” on Monday.",
    )
    assert q.loc[q["kind"] != "indirect", "speaker"].tolist() == ["The agency"]
    q = article(
        "A title line for the test article",
        "The vote is near.\nShe wrote a book titled “Lessons From The Flood” in 2010.",
    )
    assert (q["kind"] != "indirect").sum() == 0


def test_claim_running_into_unattributed_quoted_words_is_a_partial_quote(article):
    q = article(
        "A title line for the test article",
        "The groups wrote to the council.\nDana Price believes that the council should “lead by example.”",
    )
    row = q.iloc[-1]
    assert row["kind"] == "partial"
    assert row["quote"].endswith("should “lead by example.”")


@pytest.mark.parametrize(
    "body, speaker",
    [
        # a fronted participle clause with a quote: the subject after it
        ("Calling her rival “the lobbyists' best friend,” Ms. Ortiz left the stage.", "Ortiz"),
        # an outlet after the verb
        ("“The plan is dead,” noted the Springfield Tribune.", "Springfield Tribune"),
    ],
)
def test_fronted_participle_and_inverted_outlet(article, body, speaker):
    q = article("A title line for the test article", "Dana Price spoke first.\n" + body)
    assert speaker in q.loc[q["kind"] != "indirect", "speaker"].iloc[0]


def test_a_number_opening_the_sentence_is_never_a_speaker(article):
    q = article(
        "A title line for the test article",
        "Dana Price spoke first.\nBy 2016, “the costs will rise,” Omar Haddad wrote.",
    )
    assert q["speaker"].tolist() == ["Omar Haddad"]


def test_had_written_takes_the_writer_not_the_previous_speaker(article):
    q = article(
        "Budget talks",
        "Jane Roe said the vote was close. “We cannot keep borrowing,” Omar Haddad had written "
        "in a letter to members.",
    )
    row = q[q["kind"] == "direct"].iloc[0]
    assert (row["speaker"], row["verb"]) == ("Omar Haddad", "written")
