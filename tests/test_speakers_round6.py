"""Quotes credited to the wrong person, settled in round 6 (issues 16 and 19), each kind on an
invented article: a pronoun of the wrong gender or number, a role read as another holder, a
surname read as a relative of the same surname, a question read as a name, a surname found
inside a longer word."""

from __future__ import annotations

import pandas as pd
import pytest

from newscorpus.sources import find_quotes
from newscorpus.sources.given_names import given_name_gender, role_gender


@pytest.fixture
def quotes(make_corpus):
    """Quotes of one invented article: a title line, then the paragraphs."""

    def run(*paras: str) -> pd.DataFrame:
        return find_quotes(make_corpus({"a.txt": "\n\n".join(("Budget fight",) + paras) + "\n"}))

    return run


def _speaker(q: pd.DataFrame, words: str, column: str = "speaker") -> str:
    rows = q[q["quote"].str.contains(words, regex=False)]
    assert len(rows) == 1, q[["speaker", "quote"]]
    return rows.iloc[0][column]


def test_he_said_is_not_the_woman_quoted_last(quotes):
    q = quotes(
        "Senator Tom Lee criticised the budget on Friday.",
        "“It is a disgrace,” Lee said.",
        "“We will pass it anyway,” said Mayor Ana Ruiz.",
        "Lee was not moved. “This woman is wrong about the schools,” he said.",
    )
    assert _speaker(q, "This woman is wrong") == "Tom Lee"


def test_she_said_is_not_the_man_quoted_last(quotes):
    q = quotes(
        "Mayor Ana Ruiz defended the budget on Friday.",
        "“It is a good plan,” Ruiz said.",
        "“It is a disgrace,” said Senator Tom Lee.",
        "Ruiz shrugged. “He has not read it,” she said.",
    )
    assert _speaker(q, "He has not read it") == "Ana Ruiz"


def test_a_surname_alone_takes_the_gender_of_its_full_name(quotes):
    q = quotes(
        "Mayor Ana Ruiz and Senator Tom Lee met on Friday.",
        "“The plan is dead,” Lee said.",
        "“It will pass,” Ruiz said.",
        "“She is dreaming,” he said.",
    )
    assert _speaker(q, "She is dreaming") == "Tom Lee"


def test_they_is_never_one_named_person(quotes):
    q = quotes(
        "Mayor Ana Ruiz defended the budget on Friday.",
        "Some budget experts said the cuts were larger than the city admits. They noted that"
        " none of the schools had been told about the cuts.",
    )
    assert _speaker(q, "none of the schools") != "Ana Ruiz"


def test_a_surname_is_not_the_relative_named_later(quotes):
    q = quotes(
        "Former Senator Tom Lee spoke about his faith in an interview on Friday.",
        "Asked whether a leader needs prayer, Lee responded, “Yes, you have to.”",
        "He will be buried beside his wife and their daughter Robin Lee, who died in 1953.",
    )
    assert _speaker(q, "Yes, you have to") == "Tom Lee"
    q = quotes(
        "Lee spoke about his faith in an interview on Friday.",
        "Asked whether a leader needs prayer, Lee responded, “Yes, you have to.”",
        "He will be buried beside his wife and their daughter Robin Lee, who died in 1953.",
    )
    assert _speaker(q, "Yes, you have to") == "Lee"


def test_of_two_full_names_a_surname_is_the_one_named_last_before(quotes):
    q = quotes(
        "Senator Tom Lee and his brother Governor Sam Lee met on Friday.",
        "Governor Sam Lee left early.",
        "“The plan is dead,” Lee said.",
    )
    assert _speaker(q, "The plan is dead") == "Sam Lee"


def test_a_question_opening_the_story_is_not_part_of_the_name(quotes):
    q = quotes(
        "It is the question of the year: Could Ana Ruiz win the race for governor?",
        "“I will win,” Ruiz said on Friday.",
    )
    assert _speaker(q, "I will win") == "Ana Ruiz"


def test_a_surname_is_not_found_inside_a_longer_word(quotes):
    q = quotes(
        "Coach Tom Leeds watched the game in Dover on Friday.",
        "“It is all wrong,” Lee said after the game.",
    )
    assert _speaker(q, "It is all wrong") == "Lee"
    assert "Tom Lee" not in set(q["speaker"])


def test_a_numbered_president_is_a_past_holder_not_the_president_named(quotes):
    q = quotes(
        "President Tom Lee visited Dover on Friday.",
        "In 1994, the 41st president told reporters, “The joy is in Texas.”",
    )
    assert _speaker(q, "The joy is in Texas", "canonical") != "Tom Lee"


def test_the_president_is_the_holder_the_story_names_last(quotes):
    q = quotes(
        "President Tom Lee unveiled a plan that looks like President Ana Ruiz’s old one.",
        "Lee did not say how many troops. The president said he wanted to keep the enemy guessing.",
    )
    assert _speaker(q, "keep the enemy guessing", "canonical") == "Tom Lee"


@pytest.mark.parametrize(
    ("name", "gender"), [("Hillary", "f"), ("Rudy", "m"), ("robin", None), ("Zzyx", None)]
)
def test_given_name_gender(name, gender):
    assert given_name_gender(name) == gender


@pytest.mark.parametrize(
    ("role", "gender"),
    [("spokeswoman", "f"), ("congressman", "m"), ("German chancellor", None), ("senator", None)],
)
def test_role_gender(role, gender):
    assert role_gender(role) == gender


def test_he_said_is_not_a_spokeswoman_or_a_mrs(quotes):
    q = quotes(
        "Senator Tom Lee criticised the budget on Friday.",
        "“It is a disgrace,” Lee said.",
        "“The mayor stands by it,” said Kim Ruiz, a city spokeswoman.",
        "“They are wrong,” he said.",
    )
    assert _speaker(q, "They are wrong") == "Tom Lee"


def test_a_surname_before_a_possessive_still_finds_the_full_name(quotes):
    q = quotes(
        "Fallout from Tom Lee’s testimony is still felt in Dover.",
        "“I was fired for it,” Lee said on Friday.",
    )
    assert _speaker(q, "I was fired for it") == "Tom Lee"


def test_of_two_full_names_one_opening_with_a_given_name_wins(quotes):
    q = quotes(
        "Senator Tom Lee spoke in Dover on Friday.",
        "Neither Lee nor the mayor would say more.",
        "“The plan is dead,” Lee said.",
    )
    assert _speaker(q, "The plan is dead") == "Tom Lee"
