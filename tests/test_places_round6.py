"""Round-6 places: "Georgia" in a US story is the US state, in a Caucasus story the country."""

from __future__ import annotations

import pandas as pd

from newscorpus.places import find_places


def _entities(corpus, names: dict[str, list[tuple[str, str]]]) -> pd.DataFrame:
    """Entity rows at each occurrence of each (text, type) in each article's text."""
    texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"], strict=True))
    rows = []
    for stem, found in names.items():
        aid = next(a for a in texts if a.startswith(stem))
        for text, kind in found:
            start = texts[aid].find(text)
            while start >= 0:
                rows.append((aid, 0, start, start + len(text), text, kind, text))
                start = texts[aid].find(text, start + len(text))
    cols = ["article_id", "sentence_id", "start", "end", "text", "type", "canonical"]
    return pd.DataFrame(rows, columns=cols)


def _georgia(places: pd.DataFrame, stem: str) -> list[str]:
    rows = places[places["article_id"].str.startswith(stem) & (places["place"] == "Georgia")]
    return sorted(rows["country"])


def test_georgia_in_a_us_story_is_the_state(make_corpus):
    corpus = make_corpus(
        {
            "us.txt": "Abrams runs for governor\nStacey Abrams campaigned in Atlanta on "
            "Monday. Georgia voters, like voters in Alabama, face long lines. Georgians "
            "will decide. Georgia's secretary of state, Brian Kemp, runs too. Georgia is close.\n",
            "ge.txt": "Tensions in the Caucasus\nRussia moved troops toward Georgia on "
            "Monday. Georgia has asked the European Union for help, officials in Tbilisi "
            "said.\n",
        }
    )
    names = {
        "us": [("Atlanta", "LOC"), ("Georgia", "LOC"), ("Alabama", "LOC"), ("Georgians", "MISC")],
        "ge": [("Russia", "LOC"), ("Georgia", "LOC"), ("Tbilisi", "LOC")],
    }
    places = find_places(corpus, _entities(corpus, names))
    assert _georgia(places, "us") == ["US"]
    assert _georgia(places, "ge") == ["GE"]
