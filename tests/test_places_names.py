"""A place name that opens a person's name is no mention of the place."""

from __future__ import annotations

import pandas as pd

from newscorpus.places.find import _mentions, first_name_mentions


def _entities():
    # a: "Alexandria Ocasio-Cortez said ..." ; b: "in Alexandria, Va., police ..."
    return pd.DataFrame(
        {
            "article_id": ["a", "a", "b"],
            "sentence_id": [0, 0, 0],
            "start": [0, 11, 3],
            "end": [10, 24, 13],
            "text": ["Alexandria", "Ocasio-Cortez", "Alexandria"],
            "type": ["LOC", "PER", "LOC"],
            "canonical": ["Alexandria", "Ocasio-Cortez", "Alexandria"],
        }
    )


def test_a_first_name_before_a_person_is_no_place():
    ents = _entities()
    places = ents[ents["type"] == "LOC"]
    assert first_name_mentions(places, ents).tolist() == [True, False]
    found = _mentions(ents)
    assert found["article_id"].tolist() == ["b"]  # only the city of article b
