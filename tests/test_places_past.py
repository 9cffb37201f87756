"""Places: countries of the past keep their name; blocs and seas are no place or organisation."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from newscorpus.entities.kinds import fixed_type
from newscorpus.places import find_places


def _entities(rows) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["article_id", "text", "type"])
    return frame.assign(canonical=frame["text"], start=0, end=0, sentence_id=0)


def _corpus(ids):
    return SimpleNamespace(
        articles=pd.DataFrame({"article_id": ids, "dateline": [None] * len(ids)})
    )


def test_a_country_of_the_past_keeps_its_name_on_the_successor_point():
    ents = _entities(
        [
            ("a", "Soviet Union", "LOC"),
            ("a", "USSR", "LOC"),
            ("a", "West Germany", "LOC"),
            ("b", "Russia", "LOC"),
            ("b", "Germany", "LOC"),
            ("b", "Yugoslavia", "LOC"),
        ]
    )
    table = find_places(_corpus(["a", "b"]), ents)
    a = table[table["article_id"] == "a"].set_index("place")
    assert sorted(a.index) == ["Soviet Union", "West Germany"]
    assert a.loc["Soviet Union", "n_mentions"] == 2  # both spellings, one place
    assert (a.loc["Soviet Union", "country"], a.loc["Soviet Union", "geonameid"]) == ("RU", "SUHH")
    assert a.loc["West Germany", "country_name"] == "West Germany"
    b = table[table["article_id"] == "b"].set_index("place")
    assert sorted(b.index) == ["Germany", "Russia", "Yugoslavia"]
    assert b.loc["Russia", "geonameid"] == "RU"
    # the same coordinates as the successor
    assert a.loc["West Germany", "lat"] == b.loc["Germany", "lat"]


def test_the_west_is_no_place():
    table = find_places(_corpus(["a"]), _entities([("a", "West", "LOC"), ("a", "Paris", "LOC")]))
    assert list(table["place"]) == ["Paris"]


def test_seas_straits_and_rivers_are_places_and_blocs_other_names():
    assert fixed_type("Strait of Hormuz") == "LOC"
    assert fixed_type("the North Sea") == "LOC"
    assert fixed_type("Rhine") == "LOC"
    assert fixed_type("Bank of England") is None
    assert fixed_type("West") is None  # CoNLL-2003 keeps "the West" a LOC in the table
    assert fixed_type("West", metonyms=True) == "MISC"  # across the corpus: a bloc
