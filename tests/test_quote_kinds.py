"""Kinds of quotation language (issue 19), each on invented sentences: speech verbs, clauses
running on after the closing mark, written text, signatures, naming cues, HTML entities."""

from __future__ import annotations

import pytest

from newscorpus.sources import find_quotes


@pytest.mark.parametrize(
    "sentence, speaker, verb",
    [
        ("“We will not fund it,” Ms. Ortiz reiterated.", "Ortiz", "reiterated"),
        ("“This is a disgrace,” fumed Carl Weber, the council leader.", "Carl Weber", "fumed"),
        ("“Nobody asked us,” Dana Price chimed in.", "Dana Price", "chimed in"),
        ("“I quit,” Dana Price blurted out.", "Dana Price", "blurted out"),
        ("“Who pays for this?” Dana Price wondered aloud.", "Dana Price", "wondered aloud"),
        ("“The deal is off,” Dana Price repeated.", "Dana Price", "repeated"),
        ("“A foolish plan,” Omar Haddad derided.", "Omar Haddad", "derided"),
        ("“Not so fast,” Omar Haddad interjected.", "Omar Haddad", "interjected"),
        ("The memo began, “Dear colleagues, the budget is gone.”", "The memo", "began"),
        ("“The budget is gone for good,” Dana Price Said.", "Dana Price", "said"),
        ("“The budget is gone for good,” SAID Dana Price.", "Dana Price", "said"),
    ],
)
def test_speech_verbs_of_the_lexicon(quotes_of, sentence, speaker, verb):
    q = quotes_of("The plan is dead.\n" + sentence)
    row = q[q["kind"] == "direct"].iloc[0]
    assert (row["speaker"], row["verb"]) == (speaker, verb)


def test_subject_after_the_quote_is_taken_not_carried(quotes_of):
    q = quotes_of(
        "Dana Price spoke first on Sunday.\n“We are proud of our players,” the hockey team wrote."
    )
    row = q[q["kind"] == "direct"].iloc[0]
    assert (row["speaker"], row["verb"]) == ("the hockey team", "wrote")


def test_reported_clause_running_on_after_the_mark_is_a_partial_quote(quotes_of):
    q = quotes_of(
        "The senator spoke on Tuesday.\nHe called the plan a “total mess” and vowed to block it."
    )
    row = q[q["kind"] == "partial"].iloc[0]
    assert row["quote"] == "the plan a “total mess”"
    assert row["verb"] == "called"


def test_quote_signed_after_the_mark_or_on_the_next_line(quotes_of):
    q = quotes_of(
        "Readers wrote in.\n“The debate was a circus.” ― Ana Ruiz\n“It was fine.” ― Omar Haddad"
    )
    assert q.loc[q["kind"] == "direct", "speaker"].tolist() == ["Ana Ruiz", "Omar Haddad"]
    q = quotes_of(
        "The race is close.\n“Voters are tired of the noise.”\n"
        "Jane Roe, a fellow at an institute, on the race."
    )
    row = q[q["kind"] == "direct"].iloc[0]
    assert (row["speaker"], row["quote"]) == ("Jane Roe", "Voters are tired of the noise.")


def test_quoted_term_after_a_naming_cue_is_a_partial_quote(quotes_of):
    q = quotes_of("The bill includes a so-called “safe harbor” rule for lenders.")
    assert q.loc[q["kind"] == "partial", "quote"].tolist() == ["safe harbor"]
    # a capitalised name after the cue is kept too, though it reads as a title
    q = quotes_of("Aides nicknamed the plan “Operation Sunrise” in the spring.")
    assert "Operation Sunrise" in q.loc[q["kind"] == "partial", "quote"].tolist()
    # without a cue, a capitalised name in marks stays a title
    q = quotes_of("She watched “Evening Tide” at home with the family.")
    assert q.empty


def test_show_title_before_the_attribution_is_not_a_quote(quotes_of):
    q = quotes_of(
        "Sunday on Channel Nine’s “Morning Roundtable,” Dana Price said the plan is dead."
    )
    assert "Morning Roundtable," not in q["quote"].tolist()
    assert not q["quote"].str.startswith("Sunday").any()


def test_subhead_in_single_marks_takes_no_speaker(quotes_of):
    q = quotes_of(
        "“We will rebuild,” Dana Price said.\n‘A Long Road Back.’\nThe town flooded in May."
    )
    assert q.loc[q["kind"] == "direct", "quote"].tolist() == ["We will rebuild,"]


def test_html_entity_quote_marks(make_corpus):
    corpus = make_corpus(
        {
            "a.txt": "A title line\nThe race is close.\n&quot;We will win this race,&quot; Dana Price said.\n"
        },
        repair=False,
    )
    q = find_quotes(corpus)
    row = q[q["kind"] == "direct"].iloc[0]
    assert (row["speaker"], row["quote"]) == ("Dana Price", "We will win this race,")


@pytest.mark.parametrize(
    "body, speaker",
    [
        # a participle after the clause: the clause's subject, not the place or platform
        ("Governor Ana Ruiz quickly took to Twitter, writing: “Stay home tonight.”", "Ana Ruiz"),
        # a time adverbial between subject and verb
        ("Priya Nair later Thursday told reporters: “We are ready.”", "Priya Nair"),
        # a conjunction, a party label in brackets and a fronted participle clause
        (
            "But Sen. Carl Weber (D-Ill.), noting the size of the crowd, said, “We need buses.”",
            "Carl Weber",
        ),
        ("Speaking after his son Tom, Mr. Grant said, “We are proud of the work.”", "Grant"),
        # a plain noun phrase after the quote is taken, not the person named before
        ("“The mayor should resign now,” the editorial read.", "the editorial"),
        ("“He had big plans,” his friend Mahamat Idriss told the website.", "Mahamat Idriss"),
        ("“Stocks are cheap,” the port's owner said on Monday.", "the port's owner"),
        ("“Stocks are cheap,” Andrew Shore of Shearson Lehman said.", "Andrew Shore"),
    ],
)
def test_subject_choice(quotes_of, body, speaker):
    q = quotes_of("Sean Fitch spoke first on Sunday.\n" + body)
    row = q[q["kind"] == "direct"].iloc[0]
    assert row["speaker"] == speaker


def test_claim_before_a_time_adverbial(quotes_of):
    q = quotes_of("The terminal will reopen next week, the company's chairman said on Monday.")
    row = q.iloc[0]
    assert (row["kind"], row["quote"]) == ("indirect", "The terminal will reopen next week")
    assert row["speaker"] == "the company's chairman"


def test_sentence_adverb_is_never_a_speaker(quotes_of):
    q = quotes_of("Omar Haddad spoke first.\nLikewise, “the costs will rise,” Dana Price wrote.")
    assert "Likewise" not in q["speaker"].tolist()


def test_verb_first_attribution_before_a_colon(quotes_of):
    q = quotes_of("The vote is near.\nContinued Stone: “The stakes are very high this year.”")
    assert q.loc[q["kind"] == "direct", "speaker"].tolist() == ["Stone"]


@pytest.mark.parametrize(
    "sentence, verb",
    [
        ("Dana Price blamed the closure on “years of neglect.”", "blamed"),
        ("The court ruled that the law was “plainly unconstitutional.”", "ruled"),
    ],
)
def test_partial_quote_verbs(quotes_of, sentence, verb):
    q = quotes_of("The plant is closed.\n" + sentence)
    row = q[q["kind"] == "partial"].iloc[0]
    assert row["verb"] == verb


def test_name_after_a_naming_verb_and_a_plain_subject(quotes_of):
    q = quotes_of("The race is close.\nDana Price called her rival “Little Napoleon” on Friday.")
    row = q[q["kind"] == "partial"].iloc[0]
    assert (row["speaker"], row["verb"]) == ("Dana Price", "called")
    q = quotes_of(
        "The race is close.\nThe town released a statement saying the report “is simply false.”"
    )
    row = q[q["kind"] == "partial"].iloc[0]
    assert row["speaker"] == "The town"
