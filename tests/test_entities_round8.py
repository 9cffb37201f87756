"""Round-8 entities (issues 16 and 17): one name per federal department; names the tagger
calls places that are a court case, an organisation's word, a product, a person's monument or
an abbreviation; "Georgia" the country when its sentence is about the Caucasus."""

from __future__ import annotations

import pandas as pd

from newscorpus.entities import resolve_entities
from newscorpus.entities.departments import department
from newscorpus.entities.placenames import not_places
from newscorpus.places import find_places

COLS = ["article_id", "sentence_id", "start", "end", "text", "type", "canonical"]
TYPES = ["PER", "ORG", "LOC", "MISC"]


def _table(rows):
    """Entity rows (article_id, text, type) with canonical = text."""
    out = pd.DataFrame([(a, 0, 0, len(t), t, k, t) for a, t, k in rows], columns=COLS).assign(
        type=lambda t: pd.Categorical(t["type"], categories=TYPES)
    )
    return out


def _found(texts: dict[str, str], names: list[tuple[str, str, str]]) -> pd.DataFrame:
    """Entity rows at the first occurrence of each (article, text, type) in `texts`."""
    rows = []
    for aid, text, kind in names:
        start = texts[aid].index(text)
        rows.append((aid, 0, start, start + len(text), text, kind, text))
    return pd.DataFrame(rows, columns=COLS).assign(
        type=lambda t: pd.Categorical(t["type"], categories=TYPES)
    )


def _named(out: pd.DataFrame) -> dict[str, tuple[str, str]]:
    return {
        t: (k, c)
        for t, k, c in zip(out["text"], out["type"].astype(str), out["canonical"], strict=True)
    }


# ---------------------------------------------------------------- one name per department


def test_a_department_written_any_way_is_one_name():
    rows = [
        ("a1", "Justice Department", "ORG"),
        ("a2", "Justice Department", "ORG"),
        ("a3", "Justice Department", "ORG"),
        ("a4", "Department of Justice", "ORG"),
        ("a5", "DOJ", "ORG"),
        ("a6", "U.S. Justice Department", "ORG"),
        ("a1", "Department of Homeland Security", "ORG"),
        ("a2", "Department of Homeland Security", "ORG"),
        ("a3", "Homeland Security Department", "ORG"),
        ("a4", "DHS", "ORG"),
        ("a5", "Homeland Security", "MISC"),
        ("a6", "Treasury", "ORG"),
        ("a1", "Department of the Treasury", "ORG"),
    ]
    out = resolve_entities(_table(rows))
    names = set(zip(out["text"], out["canonical"], out["type"].astype(str), strict=True))
    justice = {c for t, c, _ in names if "Justice" in t or t == "DOJ"}
    homeland = {c for t, c, _ in names if "Homeland" in t or t == "DHS"}
    treasury = {c for t, c, _ in names if "Treasury" in t}
    assert justice == {"Justice Department"}  # the corpus's most used form
    assert homeland == {"Department of Homeland Security"}
    assert treasury == {"Department of the Treasury"}  # no full form: the official name
    assert {k for _, _, k in names} == {"ORG"}


def test_a_state_or_city_department_is_not_the_federal_one():
    assert department("Florida Department of State") is None
    assert department("New York Police Department") is None
    assert department("Justice Department's Office of Legal Counsel") is None
    assert department("Justice") is None  # "Justice Anthony Kennedy"
    assert department("State") is None
    assert department("Department of Housing") == "Housing and Urban Development"
    assert department("U.S. Health and Human Services Department") == "Health and Human Services"
    assert department("HHS") == "Health and Human Services"


def test_an_acronym_that_is_also_a_state_merges_only_as_an_organisation():
    rows = [
        ("a1", "VA", "ORG"),
        ("a1", "Department of Veterans Affairs", "ORG"),
        ("a2", "VA", "ORG"),
        ("a3", "Veterans Affairs Department", "ORG"),
    ]
    out = resolve_entities(_table(rows))
    assert set(out["canonical"]) == {"Veterans Affairs Department"}  # a tie: "X Department"
    out = resolve_entities(_table([("b1", "VA", "LOC"), ("b2", "VA", "LOC")]))
    kept = set(zip(out["canonical"], out["type"].astype(str), strict=True))
    assert kept == {("VA", "LOC")}  # a place stays one


# ---------------------------------------------------------------- names that are no places


def test_a_party_of_a_court_case_is_the_case_not_a_place():
    texts = {
        "a": "The precedent-setting 1803 Marbury v. Madison decision still stands.",
        "b": "In Heller v. District of Columbia, the court ruled on guns. He lives in Madison.",
        "c": "It was Brooklyn vs. Queens at the game.",
    }
    ents = _found(
        texts,
        [
            ("a", "Madison", "LOC"),
            ("b", "District of Columbia", "LOC"),
            ("b", "Madison", "LOC"),  # the town, later in the text: no case
            ("c", "Queens", "LOC"),  # "vs." compares, it names no case
        ],
    )
    out = not_places(ents, texts)
    rows = list(zip(out["article_id"], out["type"].astype(str), out["canonical"], strict=True))
    assert rows[0] == ("a", "MISC", "Marbury v. Madison")
    assert rows[1] == ("b", "MISC", "Heller v. District of Columbia")
    assert rows[2] == ("b", "LOC", "Madison")
    assert rows[3] == ("c", "LOC", "Queens")


def test_an_organisations_word_is_an_organisation_named_in_full():
    texts = {
        "a": "Cliff May, president of the Foundation for the Defense of Democracies, spoke.",
        "b": "The Ohio Alliance and the Lincoln Project held a call.",
    }
    ents = _found(
        texts,
        [
            ("a", "Foundation", "LOC"),
            ("b", "Ohio Alliance", "LOC"),
            ("b", "Lincoln Project", "LOC"),
        ],
    )
    named = _named(not_places(ents, texts))
    assert named["Foundation"] == ("ORG", "Foundation for the Defense of Democracies")
    assert named["Ohio Alliance"] == ("ORG", "Ohio Alliance")
    assert named["Lincoln Project"] == ("ORG", "Lincoln Project")


def test_a_product_is_no_place_but_a_river_is():
    texts = {"a": "Apple Watches, Amazon Echo and Google Home listen. The Amazon River floods."}
    ents = _found(
        texts,
        [("a", "Amazon Echo", "LOC"), ("a", "Google Home", "LOC"), ("a", "Amazon River", "LOC")],
    )
    named = _named(not_places(ents, texts))
    assert named["Amazon Echo"][0] == "MISC"
    assert named["Google Home"][0] == "MISC"
    assert named["Amazon River"][0] == "LOC"


def test_a_statue_or_memorial_names_a_person_not_a_town():
    texts = {
        "a": "No one damaged the memorial housing the statue of Lincoln in the protests.",
        "b": "Crowds gathered near the Columbus statue downtown.",
        "c": "They marched to the Washington Monument.",
    }
    ents = _found(
        texts, [("a", "Lincoln", "LOC"), ("b", "Columbus", "LOC"), ("c", "Washington", "LOC")]
    )
    named = _named(not_places(ents, texts))
    assert named["Lincoln"][0] == "PER"
    assert named["Columbus"][0] == "PER"
    assert named["Washington"][0] == "LOC"  # a known place stays one


def test_two_capitals_are_a_place_only_where_they_qualify_one():
    texts = {
        "a": "The VA had adequate stocks, top VA health officials said.",
        "b": "My path forward is a 2nd AB test, and a visit to the doctor.",
        "c": "The owner of a restaurant in Lexington, VA asked her to leave.",
        "d": "If OH/FL/IA keep trending right, he wins. Life in the US is fine.",
        "e": "Terry is currently an MA student in the Sociology Department.",
    }
    ents = _found(
        texts,
        [
            ("a", "VA", "LOC"),
            ("b", "AB", "LOC"),
            ("c", "VA", "LOC"),
            ("d", "FL", "LOC"),
            ("d", "US", "LOC"),
            ("e", "MA", "LOC"),
        ],
    )
    out = not_places(ents, texts)
    types = list(zip(out["article_id"], out["type"].astype(str), strict=True))
    assert types == [
        ("a", "ORG"),  # Veterans Affairs
        ("b", "MISC"),
        ("c", "LOC"),  # a state after its town
        ("d", "LOC"),  # a list of state codes
        ("d", "LOC"),
        ("e", "MISC"),  # a degree
    ]


# ---------------------------------------------------------------- Georgia, the country


def _georgia(places: pd.DataFrame, stem: str) -> list[str]:
    rows = places[places["article_id"].str.startswith(stem) & (places["place"] == "Georgia")]
    return sorted(rows["country"])


def _entities_of(corpus, names):
    """Entity rows at each occurrence of each (text, type), sentence ids by line-free text:
    each '. ' closes a sentence."""
    texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"], strict=True))
    rows = []
    for stem, found in names.items():
        aid = next(a for a in texts if a.startswith(stem))
        text = texts[aid]
        for name, kind in found:
            start = text.find(name)
            while start >= 0:
                sid = text[:start].count(". ")
                rows.append((aid, sid, start, start + len(name), name, kind, name))
                start = text.find(name, start + len(name))
    return pd.DataFrame(rows, columns=COLS)


def test_georgia_beside_its_neighbours_is_the_country_even_in_a_us_story(make_corpus):
    corpus = make_corpus(
        {
            "ru.txt": "Trump and Putin\nThe president spoke in Indiana about trade with the "
            "United States. He is soft on Russia, a hostile power that has invaded its "
            "neighbors (Georgia, Crimea, Eastern Ukraine) and buzzes our ships.\n",
            "su.txt": "Putin's record\nPutin is responsible for the deaths of thousands of "
            "Chechens, provoked an ethnic war in Georgia and decried the collapse of the "
            "Soviet Union. The United States watched.\n",
            "us.txt": "Immigration\nHe cited murders in California, Georgia and Maryland. "
            "Russia was not mentioned by him, nor was the United States.\n",
        }
    )
    names = {
        "ru": [("Indiana", "LOC"), ("United States", "LOC"), ("Russia", "LOC"), ("Georgia", "LOC")],
        "su": [("Georgia", "LOC"), ("Soviet Union", "LOC"), ("United States", "LOC")],
        "us": [
            ("California", "LOC"),
            ("Georgia", "LOC"),
            ("Maryland", "LOC"),
            ("Russia", "LOC"),
            ("United States", "LOC"),
        ],
    }
    places = find_places(corpus, _entities_of(corpus, names))
    assert _georgia(places, "ru") == ["GE"]
    assert _georgia(places, "su") == ["GE"]
    assert _georgia(places, "us") == ["US"]  # beside two US states: the state


def test_a_department_cut_short_takes_the_full_name():
    rows = [(f"a{k}", "Department of Housing", "ORG") for k in range(3)]
    rows += [("a9", "HUD", "ORG")]
    out = resolve_entities(_table(rows))
    assert set(out["canonical"]) == {"Department of Housing and Urban Development"}


def test_an_organisations_name_stops_before_its_town():
    texts = {"a": "Eksili, of the Turkish American Federation of Midwest in Mount Prospect, Ill."}
    ents = _found(texts, [("a", "Federation", "LOC")])
    assert _named(not_places(ents, texts))["Federation"] == ("ORG", "Federation of Midwest")
