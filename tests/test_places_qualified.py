"""A place followed by its US state ("Alexandria, Va.") is that US place, and a place that
opens a person's name the tagger left untagged ("Alexandria Ocasio-Cortez") is no place."""

from __future__ import annotations

import pandas as pd

from newscorpus.places import find_places
from newscorpus.places.qualifiers import state_pins


def _entities(corpus, names: dict[str, list[tuple[str, str]]]) -> pd.DataFrame:
    """Entity rows at the first occurrence of each (text, type) in each article's text."""
    texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"], strict=True))
    rows = []
    for stem, found in names.items():
        aid = next(a for a in texts if a.startswith(stem))
        for text, kind in found:
            start = texts[aid].index(text)
            rows.append((aid, 0, start, start + len(text), text, kind, text))
    cols = ["article_id", "sentence_id", "start", "end", "text", "type", "canonical"]
    return pd.DataFrame(rows, columns=cols)


def _countries(places: pd.DataFrame, stem: str) -> list[str]:
    rows = places[places["article_id"].str.startswith(stem) & (places["place"] == "Alexandria")]
    return rows["country"].tolist()


def test_a_place_followed_by_a_state_abbreviation_is_the_us_place(make_corpus):
    corpus = make_corpus(
        {
            "va.txt": "Storage unit searched\nAgents searched the Alexandria, Va. storage unit.\n",
            "ore.txt": "Protests\nPolice in Portland, Ore., made arrests.\n",
            "ill.txt": "Rally\nHe spoke in Springfield, Illinois on Monday.\n",
            "eg.txt": "Port\nShips left Alexandria for Cyprus on Monday.\n",
        }
    )
    ents = _entities(
        corpus,
        {
            "va": [("Alexandria", "LOC")],
            "ore": [("Portland", "LOC")],
            "ill": [("Springfield", "LOC")],
            "eg": [("Alexandria", "LOC"), ("Cyprus", "LOC")],
        },
    )
    pins = state_pins(ents, corpus).set_index("key")
    assert pins.loc["alexandria", "admin1"] == "VA"
    assert pins.loc["portland", "admin1"] == "OR"
    assert pins.loc["springfield", "admin1"] == "IL"
    places = find_places(corpus, ents)
    assert _countries(places, "va") == ["US"]
    assert _countries(places, "eg") == ["EG"]
    port = places[places["article_id"].str.startswith("ore") & (places["place"] == "Portland")]
    assert port["country"].tolist() == ["US"] and port["lat"].iloc[0] > 40  # Oregon, not Maine


def test_a_first_name_before_an_untagged_surname_is_no_place(make_corpus):
    corpus = make_corpus(
        {
            "a.txt": "Profile\nRep. Alexandria Ocasio-Cortez spoke on Monday.\n",
            "b.txt": "Squad\nAlexandria Ocasio-Cortez said she would vote no.\n",
        }
    )
    # a: the tagger calls "Alexandria" a place and leaves "Ocasio-Cortez" untagged; b names her
    ents = _entities(
        corpus,
        {"a": [("Alexandria", "LOC")], "b": [("Alexandria Ocasio-Cortez", "PER")]},
    )
    assert find_places(corpus, ents).empty


def test_a_first_name_before_a_surname_the_corpus_knows_is_no_place(make_corpus):
    corpus = make_corpus(
        {
            "a.txt": "Hearing\nRep. Austin Scott's office said on Monday.\n",
            "b.txt": "Florida\nGov. Rick Scott spoke in Tampa.\n",
            "c.txt": "Texas\nThe rally in Austin drew crowds on Monday.\n",
            "d.txt": "Vote\nThe Georgia Monday vote was close.\n",
        }
    )
    # the tagger: "Austin" a place in a (the surname untagged), a person named Scott in b
    ents = _entities(
        corpus,
        {
            "a": [("Austin", "LOC")],
            "b": [("Rick Scott", "PER"), ("Tampa", "LOC")],
            "c": [("Austin", "LOC")],
            "d": [("Georgia", "LOC")],
        },
    )
    places = find_places(corpus, ents)
    austin = places[places["place"] == "Austin"]
    assert austin["article_id"].str[:1].tolist() == ["c"]
    assert "Georgia" in set(places["place"])  # "Monday" is no surname


def test_a_home_state_before_an_office_title_is_no_place_the_story_covers(make_corpus):
    corpus = make_corpus(
        {
            "vt.txt": "Debate\nVermont Sen. Bernie Sanders spoke. The Vermont senator smiled.\n",
            "fl.txt": "Storm\nFlorida voters fled the storm before it hit Vermont.\n",
        }
    )
    texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"], strict=True))
    vt = next(a for a in texts if a.startswith("vt"))
    second = texts[vt].index("Vermont senator")
    ents = _entities(corpus, {"vt": [("Vermont", "LOC")], "fl": [("Florida", "LOC")]})
    extra = pd.DataFrame(
        [(vt, 0, second, second + 7, "Vermont", "LOC", "Vermont")], columns=ents.columns
    )
    fl = next(a for a in texts if a.startswith("fl"))
    at = texts[fl].index("Vermont")
    extra = pd.concat(
        [
            extra,
            pd.DataFrame([(fl, 0, at, at + 7, "Vermont", "LOC", "Vermont")], columns=ents.columns),
        ]
    )
    places = find_places(corpus, pd.concat([ents, extra], ignore_index=True))
    named = set(zip(places["article_id"].str[:2], places["place"], strict=True))
    assert ("vt", "Vermont") not in named  # only Sanders's office, twice
    assert ("fl", "Florida") in named and ("fl", "Vermont") in named  # the places covered
