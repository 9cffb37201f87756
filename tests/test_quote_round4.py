"""Kinds of quotation language added after the round-3 error analysis, each on invented
sentences: pronouns after a role noun, a second cue between two quotes, quoted words cast
by "as"."""

from __future__ import annotations

import pandas as pd
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


@pytest.mark.parametrize(
    "sentence, quote, speaker",
    [
        ("Some chanted “Build it now!”", "Build it now!", "Some"),
        ("The crowd kept chanting “Lock them up!” as he spoke.", "Lock them up!", "The crowd"),
        (
            "Protesters interrupted her speech, shouting “we want jobs!”",
            "we want jobs!",
            "Protesters",
        ),
        ("They beat him, with Tom Grant reportedly yelling: “Get out!”", "Get out!", "Tom Grant"),
    ],
)
def test_chants_and_shouts_are_quotes_of_the_crowd(quotes_of, sentence, quote, speaker):
    q = quotes_of("Supporters filled the hall.\n" + sentence)
    row = q[q["quote"].str.strip("“”") == quote].iloc[0]
    assert row["speaker"] == speaker


def test_chants_of_a_passive_subject_take_no_speaker(quotes_of):
    q = quotes_of("Supporters filled the hall.\nThe mayor was greeted with chants of “Bobby!”")
    row = q[q["quote"] == "Bobby!"].iloc[0]
    assert pd.isna(row["speaker"])


def test_reversed_opening_mark_opens_a_quote(quotes_of):
    q = quotes_of(
        "Readers wrote in.\n”The debate was a circus. He lost.” ― Ana Ruiz\n“It was fine.” ― Omar Haddad"
    )
    assert q.loc[q["kind"] == "direct", "speaker"].tolist() == ["Ana Ruiz", "Omar Haddad"]
    assert q.loc[q["kind"] == "direct", "quote"].iloc[0] == "The debate was a circus. He lost."


@pytest.mark.parametrize(
    "attribution",
    [
        "he said of the two men",
        "said Ed Lee, an economist who directs a forecast",
        "Ed Lee said during a rally in Ohio",
    ],
)
def test_quote_going_on_after_a_long_attribution_is_one_row(quotes_of, attribution):
    q = quotes_of("Ed Lee spoke in Ohio.\n“The risk,” " + attribution + ", “is that we lose jobs.”")
    assert len(q) == 1
    row = q.iloc[0]
    assert (row["kind"], row["speaker"]) == ("direct", "Ed Lee")
    assert row["quote"] == "The risk, … is that we lose jobs."


def test_subject_after_an_opening_adverb(quotes_of):
    q = quotes_of(
        "Tom Grant spoke in Ohio.\nThen he cut into Bush, calling him a “stiff” and a bore."
    )
    row = q[q["quote"].str.contains("stiff")].iloc[0]
    assert (row["speaker"], row["verb"]) == ("Tom Grant", "calling")


@pytest.mark.parametrize(
    "sentence, quote",
    [
        ("The money went to a group called the “Open Door Fund.”", "Open Door Fund."),
        (
            "She read a faux thriller titled “The Day of the Mayor,” last year.",
            "The Day of the Mayor,",
        ),
    ],
)
def test_name_after_a_noun_and_called_or_titled_is_a_partial_quote(quotes_of, sentence, quote):
    q = quotes_of("The race is close.\n" + sentence)
    partial = q.loc[q["kind"] == "partial", "quote"].tolist()
    assert len(partial) == 1 and quote in partial[0]
    # without the noun and its cue, the capitalised name in marks is a title, no quote
    assert quotes_of("The race is close.\nShe liked “" + quote + "” last year.").empty


def test_naming_verb_subject_coined_the_name(quotes_of):
    q = quotes_of("Tom Grant spoke.\nAides nicknamed the plan “Operation Sunrise” in the spring.")
    row = q[q["quote"] == "Operation Sunrise"].iloc[0]
    assert (row["kind"], row["speaker"]) == ("partial", "Aides")
    q = quotes_of("Tom Grant spoke.\nThe bill includes a so-called “safe harbor” rule for lenders.")
    assert pd.isna(q[q["quote"] == "safe harbor"].iloc[0]["speaker"])


@pytest.mark.parametrize("verb", ["pressed", "scoffed", "countered", "snapped", "griped"])
def test_retort_verbs_attribute_the_quote_before_them(quotes_of, verb):
    q = quotes_of(
        "“Not negotiable,” Tom Grant said.\n“Would it be negotiable?” Sean Hale " + verb + "."
    )
    row = q[q["quote"] == "Would it be negotiable?"].iloc[0]
    assert (row["speaker"], row["verb"]) == ("Sean Hale", verb)


def test_page_words_in_capitals_are_never_part_of_a_speaker():
    from newscorpus.sources.phrases import tidy_speaker

    row = {"speaker": "ADVERTISEMENT Trump", "speaker_kind": "person"}
    tidy_speaker(row, "ADVERTISEMENT Trump said “we will win.”")
    assert row["speaker"] == "Trump"
    row = {"speaker": "WATCH", "speaker_kind": "organisation"}
    tidy_speaker(row, "NOW WATCH: “8 things you missed”")
    assert row["speaker"] is None and row["speaker_kind"] == "unknown"
    row = {"speaker": "NATO Secretary General Jens Stoltenberg", "speaker_kind": "person"}
    tidy_speaker(row, "said NATO Secretary General Jens Stoltenberg.")
    assert row["speaker"].startswith("NATO")  # an acronym is no page word
    row = {"speaker": "See Video Steve King", "speaker_kind": "person"}
    tidy_speaker(row, "Pay Zero Taxes. See Video Steve King said “no.”")
    assert row["speaker"] == "Steve King"  # a page's prompt in any case
