"""Kinds of quotation language added in round 5 (issue 19), each on invented sentences: one
quotation over several paragraphs, a partial quote attributed after its marks that speaks on."""

from __future__ import annotations

import pytest


def test_a_partial_quote_attributed_after_its_marks_speaks_on_in_its_paragraph(quotes_of):
    q = quotes_of(
        "Deficits will double.\nThe tax plans are “deeply reckless,” said Ann Lowe, an "
        "economist at a budget group. “It leaves people like me speechless.”"
    )
    quoted = q[q["kind"].isin(["direct", "partial"])]
    assert len(quoted) == 1  # one attribution, one row
    row = quoted.iloc[0]
    assert row["speaker"] == "Ann Lowe"
    assert row["quote"].endswith("It leaves people like me speechless.”")


def test_a_quotation_left_open_at_a_paragraph_end_goes_on_in_the_next(quotes_of):
    q = quotes_of(
        "Senator Ann Lowe was critical, telling reporters: “The plan is a mistake from start "
        "to finish.\n“We should look for ways to make it better instead.”"
    )
    direct = q[q["kind"] == "direct"]
    assert len(direct) == 1
    assert direct.iloc[0]["speaker"] == "Ann Lowe"
    assert direct.iloc[0]["quote"].endswith("make it better instead.")


def test_a_new_paragraph_with_its_own_attribution_is_a_new_row(quotes_of):
    q = quotes_of(
        "Ann Lowe spoke in Ohio.\n“The plan is a mistake,” Lowe said. “It will cost jobs.\n"
        "“I am not interested in excuses,” she continued."
    )
    direct = q[q["kind"] == "direct"]
    assert len(direct) == 2
    assert set(direct["speaker"]) == {"Ann Lowe"}


def test_a_run_of_bare_quote_paragraphs_is_one_quotation(quotes_of):
    q = quotes_of(
        "Tom Grant spoke only in slogans during the interview.\n“We have to do something.”\n"
        "“We have to be a lot tougher.”\n“We are not fighting hard enough.”\nThe talks ended."
    )
    direct = q[q["kind"] == "direct"]
    assert len(direct) == 1
    assert direct.iloc[0]["speaker"] == "Tom Grant"
    assert direct.iloc[0]["quote"].count(" … ") == 2


def test_an_opening_mark_typed_to_close_a_quote_closes_it(quotes_of):
    q = quotes_of(
        "The vote is close.\n“If she loses Iowa, that could create real problems for her,“ "
        "said Jim Clay, a congressman.\nSenator Ann Lowe called the group “abhorrent“ on Sunday."
    )
    direct = q[q["kind"] == "direct"]
    assert direct["quote"].tolist() == [
        "If she loses Iowa, that could create real problems for her,"
    ]
    assert direct.iloc[0]["speaker"] == "Jim Clay"
    partial = q[q["kind"] == "partial"]
    assert len(partial) == 1 and "“abhorrent“" in partial.iloc[0]["quote"]
    assert partial.iloc[0]["speaker"] == "Ann Lowe"


def test_quoted_words_after_a_conjunction_go_on_the_quote_before(quotes_of):
    q = quotes_of(
        "Ann Lowe spoke.\n“It is not do or die,” she said outside. But “his run is stronger with "
        "an endorsement from the speaker.”\n“It is an enormous moment,” said Tom Grant, a "
        "strategist. Unless rivals quit the race, “it is hard to see how he is stopped.”"
    )
    direct = q[q["kind"] == "direct"]
    assert direct["speaker"].tolist() == ["Ann Lowe", "Tom Grant"]
    assert direct["quote"].str.contains(" … ").all()
    # a quote after words that name someone else is no continuation
    q = quotes_of("Ann Lowe spoke.\n“It is not do or die,” she said. Then Tom Grant “agreed.”")
    assert (q["quote"] == "It is not do or die,").any()


@pytest.mark.parametrize(
    "sentence, claim",
    [
        (
            "Ann Lowe called the plan “very flexible,” a nod to its critics.",
            "the plan “very flexible,”",
        ),
        ("Tom Grant called it “an incredible feat” - and then left.", "it “an incredible feat”"),
        ("Ann Lowe praised his “deep and genuine faith” -", "his “deep and genuine faith”"),
        (
            "The bar group deemed him “well qualified,” which is its top rating.",
            "him “well qualified,”",
        ),
        (
            "Tom Grant said she was experienced “on paper” but suggesting that was not enough.",
            "she was experienced “on paper”",
        ),
        (
            "Ann Lowe described them as “rapists” and recently pointed to a man in the crowd.",
            "them as “rapists”",
        ),
        (
            "Tom Grant called Ann Lowe a “disgrace” Wednesday on a radio show.",
            "Ann Lowe a “disgrace”",
        ),
        ("(Ann Lowe said he would be a member “for life.”)", "he would be a member “for life.”"),
    ],
)
def test_the_claim_ends_at_the_closing_mark_before_the_writers_words(quotes_of, sentence, claim):
    q = quotes_of("The race tightened.\n" + sentence)
    row = q[q["kind"] == "partial"].iloc[0]
    assert row["quote"] == claim


def test_the_claim_runs_on_after_the_mark_inside_its_clause(quotes_of):
    q = quotes_of(
        "The race tightened.\nAnn Lowe said the plan was “a rush to judgment,” because of the cost."
    )
    row = q[q["kind"] == "indirect"].iloc[0]
    assert row["quote"].endswith("because of the cost")


def test_a_relative_who_before_the_speech_verb_is_its_antecedent(quotes_of):
    q = quotes_of(
        "The race tightened.\nThe loss was steep for Tom Grant, who said he would get "
        "“recharged and take a day off.”"
    )
    row = q[q["kind"] == "partial"].iloc[0]
    assert row["speaker"] == "Tom Grant"


@pytest.mark.parametrize("lead", ["Ann Lowe then boomed,", "Ann Lowe blurted out:"])
def test_any_past_tense_verb_before_a_comma_introduces_a_capitalised_quote(quotes_of, lead):
    q = quotes_of(
        "The race tightened.\n" + lead + " “Today, you proved there is no place like home.”"
    )
    row = q[q["kind"] == "direct"].iloc[0]
    assert row["speaker"] == "Ann Lowe"


def test_the_claim_runs_on_after_a_comma_closed_quote_into_a_coordinate_or_relative(quotes_of):
    q = quotes_of(
        "The race tightened.\nTom Grant says parts of his plans are “negotiable,” but only "
        "minor details of the wall."
    )
    row = q[q["quote"].str.contains("negotiable")].iloc[0]
    assert row["quote"].endswith("minor details of the wall")


def test_quoted_words_opening_a_sentence_that_goes_on_are_a_claim(quotes_of):
    q = quotes_of(
        "Tom Grant saw the attack.\n“A big truck” plowed through the barriers, Tom Grant said."
    )
    row = q[q["kind"] == "partial"].iloc[0]
    assert row["quote"] == "“A big truck” plowed through the barriers, Tom Grant said"
    assert row["speaker"] == "Tom Grant"


def test_a_participle_after_a_partial_quote_opens_a_second_claim(quotes_of):
    q = quotes_of(
        "The race tightened.\nTom Grant said that there is “only one conservative able to win "
        "this race,” adding that it is why Ann Lowe “attacks us and ignores the others.”"
    )
    assert q[q["kind"] == "partial"]["quote"].tolist() == [
        "that there is “only one conservative able to win this race,”",
        "that it is why Ann Lowe “attacks us and ignores the others.”",
    ]
