"""Round-7 kinds of entities (issue 17): universities named by their short name are
organisations, holidays and named days are other names (MISC), never places or people."""

from __future__ import annotations

import pandas as pd

from newscorpus.entities import kinds, resolve_entities
from newscorpus.entities.resolve import article_types


def _table(rows):
    return pd.DataFrame(rows, columns=["article_id", "text", "type", "canonical"]).assign(
        type=lambda t: pd.Categorical(t["type"], categories=["PER", "ORG", "LOC", "MISC"])
    )


def _types(out):
    return dict(zip(out["canonical"].astype(str), out["type"].astype(str), strict=True))


def test_a_university_by_its_short_name_is_an_organisation():
    rows = []
    for k, tagged in enumerate(["LOC", "PER", "LOC", "MISC"]):
        a = f"a{k}"
        rows += [
            (a, "Harvard", tagged, "Harvard"),
            (a, "Yale", "LOC", "Yale"),
            (a, "MIT", "LOC", "MIT"),
            (a, "Georgetown", "LOC", "Georgetown"),
            (a, "Stanford", "PER", "Stanford"),
        ]
    types = _types(resolve_entities(_table(rows)))
    assert {types[n] for n in ("Harvard", "Yale", "MIT", "Georgetown", "Stanford")} == {"ORG"}


def test_a_short_name_the_corpus_also_names_as_a_university_is_an_organisation():
    rows = []
    for k in range(3):
        a = f"a{k}"
        rows += [
            (a, "Liberty", "LOC", "Liberty"),
            (a, "Liberty University", "ORG", "Liberty University"),
            (a, "Howard", "PER", "Howard"),  # a person's name stays a person
            (a, "Howard University", "ORG", "Howard University"),
            (a, "Columbia", "LOC", "Columbia"),  # a place stays a place
            (a, "Columbia University", "ORG", "Columbia University"),
            (a, "American", "MISC", "American"),  # a nationality stays one
            (a, "American University", "ORG", "American University"),
        ]
    rows.append(("a0", "Liberty", "ORG", "Liberty"))
    # a person's first name stays as typed; so does a word never named beside the school in
    # one article
    rows += [("a0", "Hunter", "LOC", "Hunter"), ("a0", "Hunter College", "ORG", "Hunter College")]
    rows += [("a0", "Hunter Biden", "PER", "Hunter Biden")]
    rows += [
        ("a1", "Hebrew", "LOC", "Hebrew"),
        ("a2", "Hebrew University", "ORG", "Hebrew University"),
    ]
    types = _types(resolve_entities(_table(rows)))
    assert types["Liberty"] == "ORG"
    assert types["Howard"] == "PER"
    assert types["Columbia"] == "LOC"
    assert types["American"] == "MISC"
    assert types["Hunter"] == "LOC"
    assert types["Hebrew"] == "LOC"


def test_schools_by_their_form_are_organisations():
    for name in (
        "Dartmouth College",
        "Harvard Law School",
        "Harvard Law",
        "University of Michigan",
        "London School of Economics",
        "Georgetown Prep",
    ):
        assert kinds.fixed_type(name) == "ORG", name
    # a law is no school, a magazine named after one neither
    assert kinds.fixed_type("Sharia Law") is None
    assert kinds.fixed_type("Harvard Business Review") is None


def test_holidays_and_named_days_are_other_names():
    for name in (
        "Christmas",
        "Easter",
        "Thanksgiving",
        "Ramadan",
        "Hanukkah",
        "Yom Kippur",
        "Election Day",
        "Super Bowl Sunday",
        "Black Friday",
        "Christmas Eve",
        "Valentine’s Day",
        "St. Patrick's Day",
        "Martin Luther King Jr. Day",
        "Columbus Day",
    ):
        assert kinds.fixed_type(name) == "MISC", name
    # a person whose surname is a day's word stays a person
    for name in ("Doris Day", "Joe Friday", "Sandra Day O'Connor", "Monday"):
        assert kinds.fixed_type(name) is None, name


def test_holidays_in_one_article_and_across_the_corpus():
    keep, types = article_types(
        ["Christmas", "Harvard", "Easter", "Christmas Eve", "Thanksgiving"],
        ["LOC", "PER", "LOC", "PER", "ORG"],
        [False] * 5,
        "They spent Christmas at Harvard.",
    )
    assert all(keep)
    assert types == ["MISC", "ORG", "MISC", "MISC", "MISC"]
    rows = [(f"a{k}", "Christmas", "LOC", "Christmas") for k in range(3)]
    rows += [("a3", "Juneteenth", "PER", "Juneteenth"), ("a4", "Ramadan", "LOC", "Ramadan")]
    types = _types(resolve_entities(_table(rows)))
    assert types == {"Christmas": "MISC", "Juneteenth": "MISC", "Ramadan": "MISC"}


def test_a_listed_short_name_that_is_a_persons_surname_in_the_article_stays_a_person():
    _, types = article_types(
        ["Jane Stanford", "Stanford"], ["PER", "PER"], [False, False], "Jane Stanford ..."
    )
    assert types == ["PER", "PER"]
