"""A person under the tagger's other types ("House Speaker Nancy Pelosi" ORG), a surname
given its article's person before the corpus's, an outlet's name that is a person's surname
("Bloomberg"), and one name for "House" / "New York City"."""

from __future__ import annotations

import pandas as pd

from newscorpus.entities import resolve_entities
from newscorpus.entities.people import untitled_name
from newscorpus.sources import find_quotes
from newscorpus.sources.canonical import outlet_person


def _table(rows):
    return pd.DataFrame(rows, columns=["article_id", "text", "type", "canonical"]).assign(
        type=lambda t: pd.Categorical(t["type"], categories=["PER", "ORG", "LOC", "MISC"])
    )


def _names(table: pd.DataFrame, article: str) -> list[tuple[str, str]]:
    rows = table[table["article_id"] == article]
    return list(zip(rows["canonical"].astype(str), rows["type"].astype(str), strict=True))


def test_an_office_title_before_a_name_is_dropped():
    assert untitled_name("House Speaker Nancy Pelosi") == "Nancy Pelosi"
    assert untitled_name("House Minority Leader Nancy Pelosi") == "Nancy Pelosi"
    assert untitled_name("Secretary of State Mike Pompeo") == "Mike Pompeo"
    assert untitled_name("House Judiciary Committee") is None  # no title, no person
    assert untitled_name("Speaker") is None


def test_pelosi_joins_nancy_pelosi_whom_the_tagger_calls_an_organisation():
    rows = [
        ("a", "House Speaker Nancy Pelosi", "ORG", "House Speaker Nancy Pelosi"),
        ("a", "Pelosi", "PER", "Pelosi"),
        ("b", "Nancy Pelosi", "ORG", "Nancy Pelosi"),
        ("b", "Pelosi", "PER", "Pelosi"),
        ("c", "Pelosi", "PER", "Pelosi"),  # no full name here: the corpus's Pelosi
    ]
    out = resolve_entities(_table(rows))
    assert set(out["canonical"]) == {"Nancy Pelosi"}
    assert set(out["type"].astype(str)) == {"PER"}


def test_clinton_in_an_article_on_bill_clinton_is_bill_clinton():
    rows = [(f"h{i}", "Hillary Clinton", "PER", "Hillary Clinton") for i in range(9)]
    rows += [("h0", "Clinton", "PER", "Clinton"), ("alone", "Clinton", "PER", "Clinton")]
    rows += [("bill", "Bill Clinton", "PER", "Bill Clinton"), ("bill", "Clinton", "PER", "Clinton")]
    out = resolve_entities(_table(rows))
    assert _names(out, "bill") == [("Bill Clinton", "PER")] * 2
    assert _names(out, "alone") == [("Hillary Clinton", "PER")]  # the corpus rule (9 of 10)


def test_bloomberg_is_the_person_where_the_article_names_him():
    rows = [
        ("p", "Michael Bloomberg", "PER", "Michael Bloomberg"),
        ("p", "Bloomberg", "ORG", "Bloomberg"),
        ("o", "Bloomberg", "ORG", "Bloomberg"),
    ]
    out = resolve_entities(_table(rows))
    assert _names(out, "p") == [("Michael Bloomberg", "PER")] * 2
    assert _names(out, "o") == [("Bloomberg", "ORG")]


def test_bernard_sanders_is_bernie_sanders_in_the_entities():
    rows = [(f"a{i}", "Bernie Sanders", "PER", "Bernie Sanders") for i in range(3)]
    rows += [("w", "Bernard Sanders", "PER", "Bernard Sanders")]
    rows += [("s", "Sarah Sanders", "PER", "Sarah Sanders")]
    out = resolve_entities(_table(rows))
    assert _names(out, "w") == [("Bernie Sanders", "PER")]
    assert _names(out, "s") == [("Sarah Sanders", "PER")]


def test_the_house_and_new_york_city_have_one_name():
    rows = [
        ("a", "House", "ORG", "House"),
        ("b", "House of Representatives", "ORG", "House of Representatives"),
        ("c", "New York City", "LOC", "New York City"),
        ("d", "New York", "LOC", "New York"),
    ]
    out = resolve_entities(_table(rows))
    assert out["canonical"].tolist() == ["House of Representatives"] * 2 + ["New York"] * 2


def test_an_outlet_name_is_the_person_unless_cited_as_a_publication():
    body = "Michael Bloomberg spent $400 million. Bloomberg News reported the figure."
    assert outlet_person("Bloomberg", "says", body) == "Michael Bloomberg"
    assert outlet_person("Bloomberg", "reported", body) is None
    assert outlet_person("Bloomberg", "according to", body) is None
    assert outlet_person("Bloomberg", "said", "Mr. Bloomberg spoke.") == "Bloomberg"
    assert outlet_person("Bloomberg", "said", "The markets fell on Monday.") is None


def test_the_quotes_of_mike_bloomberg_are_his_not_the_outlets(make_corpus):
    corpus = make_corpus(
        {
            "a.txt": "Bloomberg on the trail\n"
            "Mike Bloomberg held a rally in Virginia on Monday.\n"
            "“We will win this state,” Bloomberg says.\n",
            "b.txt": "Markets on Monday\n"
            "Stocks fell on Monday.\n"
            "“The selloff deepened,” Bloomberg reported.\n",
        }
    )
    quotes = find_quotes(corpus)
    win = quotes[quotes["quote"].str.contains("win this state")].iloc[0]
    assert (win["speaker_kind"], win["canonical"]) == ("person", "Mike Bloomberg")
    sell = quotes[quotes["quote"].str.contains("selloff")]
    assert sell["speaker_kind"].tolist() == ["outlet"]


def test_a_region_in_a_list_is_a_place_and_a_title_piece_is_no_one():
    rows = [
        ("a", "Sinai", "PER", "Sinai"),  # "Yemen, Afghanistan, Sinai, Libya": tagged a person
        ("b", "Sinai", "LOC", "Sinai"),
        ("c", "Brig", "PER", "Brig"),  # "Brig. Gen. Yahya Rasoul" cut after "Brig"
        ("c", "Yahya Rasoul", "PER", "Yahya Rasoul"),
        ("d", "Steve King", "PER", "Steve King"),
        ("d", "King", "PER", "King"),  # a surname that is also a title stays
    ]
    out = resolve_entities(_table(rows))
    assert _names(out, "a") == [("Sinai", "LOC")]
    assert _names(out, "c") == [("Yahya Rasoul", "PER")]
    assert _names(out, "d") == [("Steve King", "PER")] * 2
