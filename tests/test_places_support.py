"""Places need support: no small town abroad and no common word or first name by itself."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from newscorpus.places import find_places


def _entities(rows) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["article_id", "text", "type"])
    return frame.assign(canonical=frame["text"], start=0, end=0, sentence_id=0)


def _corpus(texts: dict[str, str], datelines=None) -> SimpleNamespace:
    ids = list(texts)
    return SimpleNamespace(
        articles=pd.DataFrame(
            {
                "article_id": ids,
                "dateline": datelines or [None] * len(ids),
                "text": [texts[i] for i in ids],
            }
        )
    )


def _us_corpus(extra: dict[str, str]) -> tuple[dict[str, str], list[tuple]]:
    """Eight articles naming the United States (the corpus's own country) plus `extra`."""
    texts = {f"us{i}": "The United States voted." for i in range(8)}
    rows = [(f"us{i}", "United States", "LOC") for i in range(8)]
    texts.update(extra)
    return texts, rows


def test_a_small_town_abroad_needs_its_country_in_the_article():
    texts, rows = _us_corpus(
        {
            "fl": "Trump flew to Palm Beach for the weekend.",
            "au": "In Australia, Palm Beach residents protested.",
            "dm": "Protests were held in Dartmouth and across the country.",
            "ca": "Canada: Dartmouth, Nova Scotia saw snow.",
        }
    )
    rows += [("fl", "Palm Beach", "LOC"), ("au", "Palm Beach", "LOC"), ("au", "Australia", "LOC")]
    rows += [("dm", "Dartmouth", "LOC"), ("ca", "Dartmouth", "LOC"), ("ca", "Canada", "LOC")]
    table = find_places(_corpus(texts), _entities(rows))
    got = set(zip(table["article_id"], table["place"], table["country"], strict=True))
    assert not any(a == "fl" for a, _, _ in got)  # not Palm Beach, Australia
    assert ("au", "Palm Beach", "AU") in got  # its country named: supported
    assert not any(a == "dm" for a, _, _ in got)
    assert ("ca", "Dartmouth", "CA") in got
    # a big city abroad stands alone; the corpus's own country's towns too
    assert "Paris" in set(
        find_places(_corpus({"p": "Paris talks."}), _entities([("p", "Paris", "LOC")]))["place"]
    )


def test_a_common_word_or_first_name_is_no_place_without_support():
    texts, rows = _us_corpus(
        {
            "m1": "A Man of His Word: the senator spoke.",
            "m2": "The man who would be king said so.",
            "ann": "Ann said the bill would pass.",
            "o": "Orange voters, an orange jumpsuit: a county divided.",
        }
    )
    rows += [("m1", "Man", "LOC"), ("m2", "Man", "LOC"), ("ann", "Ann", "LOC")]
    rows += [("o", "Orange", "LOC")]
    table = find_places(_corpus(texts), _entities(rows))
    assert set(table["place"]) == {"United States"}
    # qualified in the text, the same name is placed ("Orange, California")
    pinned = find_places(
        _corpus({"q": "He spoke in Orange, California, on Monday; an orange sky."}),
        _entities([("q", "Orange", "LOC"), ("q", "California", "LOC")]),
    )
    assert ("Orange", "US") in set(zip(pinned["place"], pinned["country"], strict=True))


def test_a_first_name_that_is_a_big_town_stays_a_place():
    texts, rows = _us_corpus({"o": "Trump held a rally in Orlando on Monday."})
    rows += [("o", "Orlando", "LOC")]
    table = find_places(_corpus(texts), _entities(rows))
    assert ("o", "Orlando", "US") in set(
        zip(table["article_id"], table["place"], table["country"], strict=True)
    )
