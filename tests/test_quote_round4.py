"""Kinds of quotation language added after the round-3 error analysis, each on invented
sentences: pronouns after a role noun, a second cue between two quotes, quoted words cast
by "as"."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "middle",
    [
        "“Are you ready to cut taxes?” the moderator asked.",
        "The moderator said the candidate had arrived late.",
    ],
)
def test_pronoun_prefers_the_named_person_to_a_nearer_role_noun(quotes_of, middle):
    q = quotes_of(
        "Tom Grant took the stage in Ohio.\n" + middle + "\n“We will cut them all,” he said."
    )
    row = q[q["quote"] == "We will cut them all,"].iloc[0]
    assert row["speaker"] == "Tom Grant"


def test_pronoun_takes_the_role_noun_when_no_person_is_named(quotes_of):
    q = quotes_of(
        "Taxes rose in Ohio.\n“Are you ready to cut them?” the moderator asked.\n"
        "“Nobody is,” he said."
    )
    row = q[q["quote"] == "Nobody is,"].iloc[0]
    assert row["speaker"] == "the moderator"


@pytest.mark.parametrize("cue", [", adding:", ", adding that the polls were wrong."])
def test_second_cue_between_two_quotes_makes_two_rows(quotes_of, cue):
    q = quotes_of(
        "Tom Grant spoke in Ohio.\n“We will win this state,” he said"
        + cue
        + " “Nobody can stop us.”"
    )
    direct = q[q["kind"] == "direct"]
    assert direct["quote"].tolist() == ["We will win this state,", "Nobody can stop us."]
    assert set(direct["speaker"]) == {"Tom Grant"}
    # without a second cue, the parts of one attribution stay one row
    q = quotes_of(
        "Tom Grant spoke in Ohio.\n“We will win this state,” he said. “Nobody can stop us.”"
    )
    assert len(q[q["kind"] == "direct"]) == 1


@pytest.mark.parametrize(
    "sentence, quote",
    [
        ("Dana Price has identified the judge as “Spanish.”", "the judge as “Spanish.”"),
        (
            "Senator Reid has been pounding Trump as a “con artist” for months.",
            "Trump as a “con artist”",
        ),
        (
            "Dana Price openly admires President Ivan Petrov as a “strong leader,” praising him.",
            "President Ivan Petrov as a “strong leader,”",
        ),
        ("Dana Price presents herself as “the outsider.”", "herself as “the outsider.”"),
    ],
)
def test_quoted_words_cast_by_as_are_a_partial_quote_of_the_subject(quotes_of, sentence, quote):
    q = quotes_of("The race is close.\n" + sentence)
    row = q[q["kind"] == "partial"].iloc[0]
    assert row["quote"] == quote
    assert row["speaker"].endswith(("Price", "Reid"))


@pytest.mark.parametrize(
    "sentence",
    [
        "The town has many shops, such as “Bob’s Diner,” on its main street.",
        "The plan, pitched as “a fresh start,” failed in May.",
        "After the vote, the plan was as “dead” as ever.",
    ],
)
def test_as_without_a_cast_object_is_no_quote(quotes_of, sentence):
    q = quotes_of("The race is close.\n" + sentence)
    assert not q["kind"].isin(["partial", "direct"]).any()
