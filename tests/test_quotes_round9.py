"""Quotes, round 9 (issue 17): a headline or colon-introduced quotation does not take the
phrase before it as its speaker when that phrase is no name ("Mitt Romney, Obama & (:)",
"Governors' Conference, President Eisenhower addressed the (:)", "the federal government
(began)"); quoted words a title sets against each other are labels, not a quotation."""

from __future__ import annotations

import pandas as pd
import pytest
from quote_rows import quote_row

from newscorpus.sources import find_quotes
from newscorpus.sources.speaker_checks import (
    contrasted_labels,
    infinitive_object,
    joint_names,
    open_role,
)


@pytest.fixture
def article(make_corpus):
    """Quotes of one invented article: `title` is its first line, then the paragraphs."""

    def run(title: str, *paras: str) -> pd.DataFrame:
        return find_quotes(make_corpus({"a.txt": "\n\n".join((title,) + paras) + "\n"}))

    return run


BODY = "Mayor Ana Lopez and her rival Tom Ruiz met on Thursday night in Denver for a debate."


# --- headlines: two sides, labels set against each other


@pytest.mark.parametrize(
    "title",
    [
        "Lopez & Ruiz: ‘Old Guard’ Vs. The ‘New Guard’",
        "Lopez And Ruiz: 'Tax Hawk' Versus 'Big Spender'",
        "Lopez Vs. Ruiz: ‘A Choice Between Two Visions’",
    ],
)
def test_a_headline_naming_two_sides_quotes_no_one(article, title):
    q = article(title, BODY)
    assert not (q["start"] < len(title)).any(), q[["speaker", "quote"]]


def test_two_names_joined_speak_together_never_the_first_alone(article):
    title = "Lopez & Ruiz: ‘We Will Rebuild The Stadium Together’"
    q = article(title, BODY)
    row = quote_row(q, "Rebuild The Stadium")
    assert row["speaker"] not in ("Lopez", "Ana Lopez", "Ruiz", "Tom Ruiz")
    assert "Lopez" in row["speaker"] and "Ruiz" in row["speaker"]


def test_a_one_person_headline_still_quotes_that_person(article):
    title = "Lopez: ‘We Will Not Back Down’"
    q = article(title, BODY)
    row = quote_row(q, "We Will Not Back Down")
    assert row["speaker"] in ("Lopez", "Ana Lopez") and row["kind"] == "direct"


def test_labels_set_against_each_other_are_no_quotation():
    import re

    marks = list(re.finditer(r"‘[^’]+’", "‘Old Guard’ Vs. The ‘New Guard’"))
    assert contrasted_labels("‘Old Guard’ Vs. The ‘New Guard’", marks)
    marks = list(re.finditer(r"‘[^’]+’", "‘Fake News’ And ‘Witch Hunt’"))
    assert not contrasted_labels("‘Fake News’ And ‘Witch Hunt’", marks)  # his own words


def test_joint_names_tell_sides_from_partners():
    assert joint_names("Obama & Romney") == "joint"
    assert joint_names("Trump Vs. Biden") == "sides"
    assert joint_names("Senator Lee") is None
    assert joint_names("Black Lawmakers") is None


# --- a role never ends in an article or a conjunction


def test_a_colon_after_a_clause_is_the_subject_s_not_the_object_s(article):
    q = article(
        "Court news",
        "Mayor Lopez addressed the City Council, March 3, 2001: “The city was itself the "
        "creature of its people.”",
    )
    row = quote_row(q, "creature of its people")
    assert row["speaker"] in ("Lopez", "Ana Lopez")
    assert row["speaker_role"] != "Mayor Lopez addressed the"


def test_a_name_after_a_common_word_and_is_no_role(article):
    q = article(
        "Court news",
        "Lopez at one point labeled Ruiz's budget “a blank check” and Ruiz said Lopez's "
        "plans would leave renters “paying the bill.”",
    )
    row = quote_row(q, "paying the bill")
    assert row["speaker"] in ("Ruiz", "Tom Ruiz")
    assert pd.isna(row["speaker_role"]) or not str(row["speaker_role"]).endswith("and")


def test_the_second_of_two_named_people_speaks_without_a_role(article):
    q = article(
        "Court news",
        "“We will vote no,” said Councilmen Tom Ruiz and Dan Ortega on Monday.",
    )
    row = quote_row(q, "We will vote no")
    assert row["speaker"] not in ("Councilmen Tom Ruiz and", "Tom Ruiz and Dan")
    assert pd.isna(row["speaker_role"]) or not str(row["speaker_role"]).endswith("and")


def test_a_name_opening_a_clause_after_and_speaks_alone(article):
    q = article(
        "Court news",
        "Ortega had been warned to expect a subpoena and Ruiz recently told the Tribune he was "
        "confident the former aide had nothing to offer.",
    )
    row = quote_row(q, "nothing to offer")
    assert row["speaker"] in ("Ruiz", "Tom Ruiz"), row["speaker"]


def test_an_office_of_the_institution_keeps_its_holder(article):
    q = article(
        "Court news",
        "Former Speaker of the House Ana Lopez, in a July 20 radio appearance, was blunter: "
        "“The inquiry has so many conflicts of interest.”",
    )
    row = quote_row(q, "so many conflicts")
    assert "Lopez" in row["speaker"] and row["speaker"] != "Former Speaker"


def test_a_person_of_an_organisation_is_the_person(article):
    q = article("Court news", "“It was the least bad outcome,” Mr. Ortega of the Sierra Club said.")
    row = quote_row(q, "least bad outcome")
    assert row["speaker"] == "Ortega" and row["speaker_role"] == "Mr."


def test_open_roles():
    assert open_role(["President", "Lopez", "addressed", "the"]) == "clause"
    assert open_role(["labeled", "the", "budget", "and"]) == "joined"
    assert open_role(["Sens.", "Tom", "Ruiz", "and"]) == "joined"
    assert open_role(["Former", "Speaker", "of", "the"]) is None  # "… of the House Ana Lopez"
    assert open_role(["Democratic", "Sen."]) is None
    assert open_role([]) is None


# --- the object of an infinitive is no subject


def test_a_document_s_object_does_not_speak_the_document(article):
    q = article(
        "Court news",
        "The charter to restrict the city council began: “No law shall bind the council "
        "without the consent of the people.”",
    )
    row = quote_row(q, "No law shall bind")
    assert row["speaker"] != "the city council" and pd.isna(row["speaker"])


def test_the_subject_of_a_later_clause_still_speaks(article):
    q = article(
        "Court news",
        "The anchor was trying to ask a question about the budget when Lopez said: "
        "“You have not been called on.”",
    )
    assert quote_row(q, "You have not been called on")["speaker"] in ("Lopez", "Ana Lopez")


def test_infinitive_objects():
    assert infinitive_object("The First Amendment to restrict the federal government") == (
        "the federal government"
    )
    assert infinitive_object("In a speech to lawmakers Trump") is None
    assert infinitive_object("trying to ask a question when Trump") is None
    assert infinitive_object("According to the ministry") is None
