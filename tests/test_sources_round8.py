"""Speakers, round 8 (issue 16 "one source, one name"): a bare surname or a title goes to the
right person, not to a relative or a phrase the article names in full ("Ivanka Trump",
"Michelle Obama", "Team Trump"), and names freed of the words glued before them ("Oh",
"Even Bill O'Reilly", "Senators Rand Paul", "Carolina Donald Trump", "Trump's Biden");
a given name alone is the article's full name for it, never one person across articles."""

from __future__ import annotations

import pandas as pd
import pytest
from quote_rows import quote_row

from newscorpus.sources.bearers import (
    clean_person,
    corpus_bearers,
    lone_given,
    prefer_bearer,
    titled_bearers,
)
from newscorpus.sources.canonical import resolve_corpus


@pytest.fixture
def quotes(paragraph_quotes):
    """Quotes of one invented article: a title line, then the paragraphs (conftest)."""
    return paragraph_quotes


def _names(rows: list[tuple[str, int]]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "canonical": [r[0] for r in rows],
            "kind": ["person"] * len(rows),
            "n_articles": [r[1] for r in rows],
        }
    )


# --- a title the article gives the surname alone that its only full name never takes


def test_the_president_is_not_his_wife_named_in_full(quotes):
    q = quotes(
        "President Ostrov faced his challenger on Wednesday night in Denver.",
        "Lena Ostrov watched from the front row.",
        "“We have created five million jobs,” Ostrov said.",
    )
    row = quote_row(q, "five million jobs")
    assert row["speaker"] != "Lena Ostrov"  # left to the corpus: the president, not his wife


def test_a_courtesy_title_of_the_other_gender_is_another_person(quotes):
    q = quotes(
        "Mr. Ostrov spoke to the governors at the White House on Monday.",
        "Even his daughter Lena Ostrov doubts the plan, aides said.",
        "“The country is doing well,” Ostrov said.",
    )
    assert quote_row(q, "The country is doing well")["canonical"] != "Lena Ostrov"


def test_the_relative_keeps_her_words_when_her_given_name_is_used_alone(quotes):
    q = quotes(
        "President Ostrov left early. Lena Ostrov stayed on the stage.",
        "Lena talked about her childhood. “I grew up poor,” Ostrov said.",
    )
    assert quote_row(q, "I grew up poor")["speaker"] == "Lena Ostrov"


def test_titled_bearers_on_its_own():
    text = "Mr. Ostrov met Mary Ostrov and Mark Ostrov. Later, Ostrov said so."
    both = ["Mary Ostrov", "Mark Ostrov"]
    assert titled_bearers("Ostrov", both, text, 0, 50) == both  # "Mr." fits Mark: no change
    assert titled_bearers("Ostrov", ["Mary Ostrov"], text, 0, 50) == []  # a Mr. never named
    no_title = "Lena Ostrov and Mark Ostrov met. Ostrov said so."
    assert titled_bearers("Ostrov", ["Lena Ostrov"], no_title, 0, 35) == ["Lena Ostrov"]


# --- across the corpus: a prominent bearer beats a barely cited relative or phrase


def test_corpus_bearers_skip_phrases_and_rare_surnames():
    names = _names([("Mark Ostrov", 40), ("Lena Ostrov", 2), ("Team Ostrov", 3), ("Ann Brill", 2)])
    bearers = corpus_bearers(names)
    assert bearers["Ostrov"][0] == "Mark Ostrov"
    assert "Team Ostrov" not in bearers["Ostrov"][1]
    assert "Brill" not in bearers  # no one cited in enough articles
    assert prefer_bearer("Ostrov", "Lena Ostrov", bearers) == "Mark Ostrov"
    assert prefer_bearer("Ostrov", "Team Ostrov", bearers) == "Mark Ostrov"
    assert prefer_bearer("Brill", "Ann Brill", bearers) == "Ann Brill"


def test_a_well_known_relative_keeps_her_article():
    names = _names([("Hillary Ostrov", 36), ("Bill Ostrov", 7)])
    bearers = corpus_bearers(names)
    assert prefer_bearer("Ostrov", "Bill Ostrov", bearers) == "Bill Ostrov"


def test_a_surname_in_an_article_naming_only_a_relative_is_the_corpus_bearer():
    arts = [f"a{k}" for k in range(12)]
    entities = pd.DataFrame(
        {
            "article_id": ["wt", *arts],
            "type": ["PER"] * 13,
            "canonical": ["Lena Ostrov"] + ["Mark Ostrov"] * 12,
        }
    )
    sources = pd.DataFrame(
        {
            "article_id": ["wt", "wt", *arts],
            "canonical": ["Ostrov", "Lena Ostrov"] + ["Mark Ostrov"] * 12,
            "kind": ["person"] * 14,
        }
    )
    quotes = sources.rename(columns={"kind": "speaker_kind"})
    got_quotes, got, _ = resolve_corpus(quotes, sources, entities=entities)
    wt = got[got["article_id"] == "wt"]["canonical"].tolist()
    assert wt == ["Mark Ostrov", "Lena Ostrov"]
    assert got_quotes["canonical"].iloc[0] == "Mark Ostrov"


# --- words glued before a name


@pytest.mark.parametrize(
    ("name", "clean"),
    [
        ("Even Bill O'Reilly", "Bill O'Reilly"),
        ("Senators Rand Paul", "Rand Paul"),
        ("Justices Clarence Thomas", "Clarence Thomas"),
        ("Carolina Donald Trump", "Donald Trump"),
        ("Trump's Biden", "Biden"),
        ("Did Megyn Kelly", "Megyn Kelly"),
        ("Oh", None),
        ("Well", None),
        ("Virginia Foxx", "Virginia Foxx"),
        ("Jersey", "Jersey"),
        ("Sandra Oh", "Sandra Oh"),
        ("Bill O'Reilly", "Bill O'Reilly"),
    ],
)
def test_glued_words_are_dropped(name, clean):
    assert clean_person(name) == clean


def test_an_interjection_opening_a_quote_names_no_one(quotes):
    q = quotes("Oh, said the critics, “this will never work in the real world.”")
    assert "Oh" not in q["canonical"].dropna().tolist()


def test_a_given_name_alone_is_the_articles_full_name():
    body = "House Speaker John Boehner met reporters. John said no."
    assert lone_given("John", body) == "John Boehner"
    both = "John Boehner met John Kerry. John said no."
    assert lone_given("John", both) == "John"  # which John the article does not say
    assert lone_given("Boehner", body) == "Boehner"


def test_a_headline_phrase_is_no_bearer_a_title_can_hold(quotes):
    q = quotes(
        "Ostrov Says Budgets Matter; Kemp Raps Ostrov On Taxes:",
        "President Ostrov and Lena Ostrov arrived in Denver. Kemp spoke first.",
        "“We have created five million jobs,” Ostrov said.",
    )
    assert quote_row(q, "five million jobs")["speaker"] not in ("Kemp Raps Ostrov", "Lena Ostrov")


def test_a_role_held_by_a_name_with_an_initial_is_the_full_name(quotes):
    q = quotes(
        "Secretary of State John F. Kerry met the Iranian minister in Geneva on Monday.",
        "“We are close to an agreement,” the secretary of state said.",
    )
    assert quote_row(q, "close to an agreement")["canonical"] != "John"


def test_a_nickname_is_not_merged_into_a_father_whose_son_shares_the_name():
    from newscorpus.sources.given_names import nickname_aliases

    assert nickname_aliases({"Donald Ostrov": 40, "Don Ostrov": 1, "Donald Ostrov Jr.": 3}) == {}
    assert nickname_aliases({"Donald Ostrov": 40, "Don Ostrov": 1}) == {
        "Don Ostrov": "Donald Ostrov"
    }


def test_the_speaker_column_loses_a_glued_plural_title(quotes):
    q = quotes(
        "Senators Rand Ostrov and others spoke on Monday.",
        "“This is a disaster,” said Senators Rand Ostrov.",
    )
    row = quote_row(q, "This is a disaster")
    assert row["speaker"] == "Rand Ostrov" and row["canonical"] == "Rand Ostrov"


def test_a_courtesy_title_one_bearer_takes_leaves_the_others(quotes):
    q = quotes(
        "Donald Ostrov signed the order on Monday. Melania Ostrov visited the border.",
        "Mrs. Ostrov spoke to children there.",
        "“We will not be a migrant camp,” Ostrov said.",
    )
    assert quote_row(q, "migrant camp")["speaker"] == "Donald Ostrov"


def test_a_president_named_without_the_title_still_takes_mr(quotes):
    q = quotes(
        "Jeb Ostrov spoke in Iowa. His brother George W. Ostrov was president.",
        "Mr. Ostrov said President Ostrov made mistakes. Jeb Ostrov was asked again.",
        "“I would have made the same decision,” Ostrov said.",
    )
    assert quote_row(q, "same decision")["speaker"] == "Jeb Ostrov"


def test_a_courtesy_title_fits_a_given_name_of_unknown_gender(quotes):
    q = quotes(
        "Zelphina Ostrov hosts a talk show. Ms. Ostrov is a columnist too.",
        "“That is not true,” Ostrov said.",
    )
    assert quote_row(q, "not true")["speaker"] == "Zelphina Ostrov"


@pytest.mark.parametrize(
    ("name", "clean"),
    [
        ("Will Portman", "Will Portman"),  # a given name is no glue
        ("Carson’s HUD", "Carson’s HUD"),  # an acronym after a possessive is no person
        ("People’s Daily", "People’s Daily"),
        ("NPR's Julie Rovner", "Julie Rovner"),
    ],
)
def test_given_names_and_organisations_stay(name, clean):
    assert clean_person(name) == clean


def test_a_lone_given_name_takes_no_possessive_or_next_paragraph():
    assert lone_given("Tom", "Tom Brown’s dog barked. Tom said no.") == "Tom Brown"
    assert lone_given("Laura", "She thanked Laura\nMay brought flowers.") == "Laura"
