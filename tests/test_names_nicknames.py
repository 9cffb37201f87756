"""One person, one name: a nickname and the given name (the `nicknames` dataset), and a
surname alone given the full name its own article names before the corpus's."""

from __future__ import annotations

import pandas as pd

from newscorpus.sources.canonical import (
    article_people,
    corpus_aliases,
    local_names,
    resolve_corpus,
)
from newscorpus.sources.given_names import middle_name_aliases, nickname_aliases, nickname_pair


def _names(rows: list[tuple[str, int]]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "canonical": [r[0] for r in rows],
            "kind": ["person"] * len(rows),
            "n_articles": [r[1] for r in rows],
        }
    )


def test_nickname_pairs_come_from_the_dataset():
    assert nickname_pair("Bernard", "Bernie")
    assert nickname_pair("bill", "William") and nickname_pair("Mike", "Michael")
    assert nickname_pair("Bob", "Robert")
    assert not nickname_pair("Bernard", "Sarah")
    assert not nickname_pair("Donald", "Ronald")


def test_bernard_sanders_is_bernie_sanders_and_sarah_stays_apart():
    names = _names([("Bernie Sanders", 27), ("Bernard Sanders", 4), ("Sarah Sanders", 15)])
    aliases = corpus_aliases(names).set_index("alias")
    assert aliases.loc["Bernard Sanders", "canonical"] == "Bernie Sanders"
    assert aliases.loc["Bernard Sanders", "rule"] == "nickname"
    assert "Sarah Sanders" not in aliases.index


def test_a_nickname_counts_for_its_name_in_the_surname_rule():
    # Bernie 7 + Bernard 2 = 9 of 10 articles: "Sanders" alone is Bernie Sanders
    names = _names([("Bernie Sanders", 7), ("Bernard Sanders", 2), ("Sarah Sanders", 1)])
    names = pd.concat([names, _names([("Sanders", 3)])], ignore_index=True)
    aliases = corpus_aliases(names).set_index("alias")
    assert aliases.loc["Sanders", "canonical"] == "Bernie Sanders"


def test_an_ambiguous_nickname_merges_with_no_one():
    n = {"Chris Smith": 3, "Christopher Smith": 5, "Christine Smith": 4}
    assert nickname_aliases(n) == {}
    assert nickname_aliases({"Chris Smith": 3, "Christopher Smith": 5}) == {
        "Chris Smith": "Christopher Smith"
    }


def test_the_rest_of_the_name_must_be_the_same():
    n = {"Joe Kennedy III": 2, "Joseph Kennedy II": 5, "Bob Mueller": 1, "Robert Mueller": 9}
    assert nickname_aliases(n) == {"Bob Mueller": "Robert Mueller"}


def test_a_surname_is_the_full_name_its_article_names_before_the_corpus_one():
    entities = pd.DataFrame(
        {
            "article_id": ["old", "old", "new"],
            "type": ["PER", "PER", "PER"],
            "canonical": ["Bill Clinton", "Clinton", "Hillary Clinton"],
        }
    )
    people = article_people(entities)
    assert people.set_index("article_id").loc["old", "full"] == "Bill Clinton"
    sources = pd.DataFrame(
        {
            "article_id": ["old", "new", "x", "x", "y", "y", "z"],
            "canonical": [
                "Clinton",
                "Hillary Clinton",
                "Hillary Clinton",
                "Clinton",
                "Hillary Clinton",
                "Clinton",
                "Hillary Clinton",
            ],
            "kind": ["person"] * 7,
        }
    )
    local = local_names(sources, people, "kind")
    assert local["canonical"].tolist()[:2] == ["Bill Clinton", "Hillary Clinton"]
    quotes = sources.rename(columns={"kind": "speaker_kind"})
    _, resolved, aliases = resolve_corpus(quotes, sources, entities=entities)
    assert aliases.set_index("alias").loc["Clinton", "canonical"] == "Hillary Clinton"
    got = resolved.set_index("article_id")["canonical"]
    assert got.loc["old"] == "Bill Clinton"  # the article's own Clinton
    assert set(got.loc["x"]) == {"Hillary Clinton"}  # the corpus's Clinton elsewhere


def test_two_full_names_with_the_surname_leave_the_surname_to_the_corpus():
    entities = pd.DataFrame(
        {
            "article_id": ["a", "a"],
            "type": ["PER", "PER"],
            "canonical": ["Bill Clinton", "Hillary Clinton"],
        }
    )
    assert article_people(entities).empty


def test_a_name_with_and_without_its_middle_name_is_one_person():
    names = _names([("Hillary Clinton", 50), ("Hillary Rodham Clinton", 3), ("Bill Clinton", 13)])
    names = pd.concat(
        [names, _names([("Sarah Sanders", 15), ("Sarah Huckabee Sanders", 11)])],
        ignore_index=True,
    )
    aliases = corpus_aliases(names).set_index("alias")
    assert aliases.loc["Hillary Rodham Clinton", "canonical"] == "Hillary Clinton"
    assert aliases.loc["Hillary Rodham Clinton", "rule"] == "middle name"
    assert aliases.loc["Sarah Huckabee Sanders", "canonical"] == "Sarah Sanders"
    assert "Bill Clinton" not in aliases.index


def test_two_middle_names_leave_the_short_name_alone():
    assert middle_name_aliases({"John Smith": 4, "John Paul Smith": 1, "John Adam Smith": 1}) == {}
