"""Round-6 kinds of entities (fresh allsides review): names that look like people but name
none, people the tagger typed as organisations, and merges of two people."""

from __future__ import annotations

import pandas as pd

from newscorpus.entities import kinds, resolve_entities
from newscorpus.entities.find import canonical_names


def _table(rows):
    return pd.DataFrame(rows, columns=["article_id", "text", "type", "canonical"]).assign(
        type=lambda t: pd.Categorical(t["type"], categories=["PER", "ORG", "LOC", "MISC"])
    )


def _types(out):
    return dict(zip(out["canonical"].astype(str), out["type"].astype(str), strict=True))


def test_names_that_look_like_people_but_name_none():
    rows = []
    for k in range(4):
        a = f"a{k}"
        rows += [
            (a, "Black", "PER", "Black"),
            (a, "Uncle Sam", "PER", "Uncle Sam"),
            (a, "Morning Joe", "PER", "Morning Joe"),
            (a, "Planned Parenthood", "PER", "Planned Parenthood"),
            (a, "Nancy Pelosi", "PER", "Nancy Pelosi"),
        ]
    types = _types(resolve_entities(_table(rows)))
    assert types["Black"] == "MISC"
    assert types["Uncle Sam"] == "MISC"
    assert types["Morning Joe"] == "MISC"
    assert types["Planned Parenthood"] == "ORG"
    assert types["Nancy Pelosi"] == "PER"


def test_not_a_person_by_form():
    assert kinds.not_a_person("Black") == "MISC"
    assert kinds.not_a_person("Sunday Morning Futures") == "MISC"
    assert kinds.not_a_person("Muslim Brotherhood") == "ORG"
    assert kinds.not_a_person("Jack Black") is None
    assert kinds.not_a_person("Joe Manchin") is None
    assert kinds.not_a_person("Clement") is None


def test_a_surname_typed_organisation_is_the_articles_person():
    rows = [
        ("a1", "George Papadopoulos", "PER", "George Papadopoulos"),
        ("a1", "Papadopoulos", "ORG", "Papadopoulos"),
        ("a1", "Papadopoulos", "ORG", "Papadopoulos"),
        ("a2", "Rick Gates", "PER", "Rick Gates"),
        ("a2", "Gates", "ORG", "Gates"),
        ("a3", "FBI", "ORG", "FBI"),  # an acronym stays the organisation
        ("a3", "Tom Fbi", "PER", "Tom Fbi"),
    ]
    out = resolve_entities(_table(rows))
    a1 = out[out["article_id"] == "a1"]
    assert set(a1["canonical"]) == {"George Papadopoulos"}
    assert set(a1["type"].astype(str)) == {"PER"}
    a2 = out[out["article_id"] == "a2"]
    assert set(a2["canonical"]) == {"Rick Gates"}
    assert "FBI" in set(out["canonical"])


def test_father_and_son_initials_stay_two_people():
    names = ["George W. Bush", "George H. W. Bush", "George H.W. Bush", "Bush"]
    out = canonical_names(names, ["PER"] * 4)
    assert out[0] == "George W. Bush"
    assert out[1] == "George H. W. Bush"
    assert out[2] == "George H.W. Bush"
    # a name written with and without one middle initial is still one person
    assert (
        canonical_names(["Donald J. Trump", "Donald Trump", "Donald Trump"], ["PER"] * 3)
        == ["Donald Trump"] * 3
    )
    assert kinds.middle_initials("George H.W. Bush") == "HW"
    assert kinds.middle_initials("George Bush") == ""


def test_corpus_merges_keep_initials_apart():
    rows = []
    for k in range(6):
        rows.append((f"w{k}", "George W. Bush", "PER", "George W. Bush"))
    rows.append(("h1", "George H. W. Bush", "PER", "George H. W. Bush"))
    out = resolve_entities(_table(rows))
    assert set(out.loc[out["article_id"] == "h1", "canonical"]) == {"George H. W. Bush"}


def test_a_shared_first_name_alone_joins_a_full_name_only_where_the_article_names_it():
    rows = [(f"b{k}", "Joe Biden", "PER", "Joe Biden") for k in range(5)]
    rows += [("b0", "Joe", "PER", "Joe"), ("x1", "Joe", "PER", "Joe")]
    rows += [("m1", "Joe Manchin", "PER", "Joe Manchin")]  # another Joe of the corpus
    out = resolve_entities(_table(rows))
    assert set(out.loc[out["article_id"] == "b0", "canonical"]) == {"Joe Biden"}
    assert set(out.loc[out["article_id"] == "x1", "canonical"]) == {"Joe"}


def test_a_town_before_its_state_and_a_case_party_are_no_person(make_corpus):
    from newscorpus.entities import find_entities

    corpus = make_corpus(
        {
            "t1.txt": "Protests in a town\nProtests erupted in Ferguson, Missouri, after the "
            "shooting, Ferguson officials said.\n",
            "t2.txt": "A ruling\nThe court overturned Plessy v. Ferguson in 1954, the judge "
            "said.\n",
        }
    )
    ents = find_entities(corpus)
    ferg = ents[ents["text"] == "Ferguson"]
    assert set(ferg.loc[ferg["article_id"] == "t1", "type"].astype(str)) == {"LOC"}
    assert set(ferg.loc[ferg["article_id"] == "t2", "type"].astype(str)) == {"MISC"}
    assert kinds.is_case_party("Plessy v. ", " in 1954")
    assert not kinds.is_case_party("said ", " on Monday")


def test_a_state_that_ends_its_clause():
    assert kinds.us_state_after(", Missouri, after") == "MO"
    assert kinds.us_state_after(", Mo. The") == "MO"
    assert kinds.us_state_after(", Texas Republican") is None
    assert kinds.us_state_after(", Georgia's governor") is None


def test_a_town_merged_into_a_full_name_is_named_by_its_word():
    from newscorpus.entities.find import _town_or_case

    rows = [
        (0, 0, 8, "Ferguson", "PER", "Ferguson McDonald"),
        (0, 20, 37, "Ferguson McDonald", "PER", "Ferguson McDonald"),
        (0, 50, 58, "Ferguson", "PER", "Ferguson McDonald"),
    ]
    around = [("in ", ", Missouri. Eye", False), ("", "", False), ("in ", " today", False)]
    out = _town_or_case(rows, around)
    assert [(r[4], r[5]) for r in out] == [
        ("LOC", "Ferguson"),
        ("PER", "Ferguson McDonald"),
        ("LOC", "Ferguson"),
    ]


def test_a_town_opening_a_mistaken_full_name_is_no_first_name():
    rows = [(f"f{k}", "Ferguson", "LOC", "Ferguson") for k in range(3)]
    rows += [("f0", "Ferguson McDonald", "PER", "Ferguson McDonald")]
    rows += [(f"h{k}", "Hillary Clinton", "PER", "Hillary Clinton") for k in range(3)]
    rows += [("h9", "Hillary", "LOC", "Hillary")]
    types = _types(resolve_entities(_table(rows)))
    assert types["Ferguson"] == "LOC"
    assert types["Hillary Clinton"] == "PER"


def test_a_first_name_alone_is_no_surname_of_a_nickname():
    rows = [(f"u{k}", "Uncle Joe", "PER", "Uncle Joe") for k in range(3)]
    rows += [(f"m{k}", "Morning Joe", "PER", "Morning Joe") for k in range(3)]
    rows += [("x1", "Joe", "PER", "Joe"), ("x2", "Joe", "PER", "Joe")]
    out = resolve_entities(_table(rows))
    assert set(out.loc[out["article_id"].isin(["x1", "x2"]), "canonical"]) == {"Joe"}
