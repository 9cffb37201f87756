"""A surname alone counts for the person the corpus's bare mentions of it mostly name."""

from __future__ import annotations

import pandas as pd

from newscorpus import terms


def _entities(n_hillary_bare: int, n_bill_bare: int) -> pd.DataFrame:
    rows = []
    for i in range(20):
        rows += [(f"h{i}", "Hillary Clinton", "PER", "Hillary Clinton")]
        rows += [(f"h{i}", "Hillary", "PER", "Hillary Clinton")]
    rows += [(f"h{i % 20}", "Clinton", "PER", "Hillary Clinton") for i in range(n_hillary_bare)]
    # Bill Clinton named in full in 5 articles (a quarter of hers)
    rows += [(f"b{i}", "Bill Clinton", "PER", "Bill Clinton") for i in range(5)]
    rows += [(f"b{i % 5}", "Clinton", "PER", "Bill Clinton") for i in range(n_bill_bare)]
    return pd.DataFrame(rows, columns=["article_id", "text", "type", "canonical"])


def test_clinton_is_hillarys_when_her_bare_mentions_dominate():
    # 60 bare "Clinton" for her, 3 for Bill (1/20): "clinton" counts for her
    sets = terms.entity_naming(None, entities=_entities(60, 3), top=5)
    assert sorted(sets["Hillary Clinton (spellings)"]) == ["clinton", "hillary", "hillary clinton"]


def test_clinton_is_no_ones_when_bill_is_often_called_clinton_alone():
    # 60 for her, 8 for Bill (over 1/10): the surname alone is ambiguous
    sets = terms.entity_naming(None, entities=_entities(60, 8), top=5)
    assert sorted(sets["Hillary Clinton (spellings)"]) == ["hillary", "hillary clinton"]


def test_a_middle_initial_spelling_is_counted_as_the_name_not_the_first_name():
    rows = []
    for i in range(6):
        rows += [(f"t{i}", "Donald J. Trump", "PER", "Donald Trump")]
        rows += [
            (f"t{i}", "Trump", "PER", "Donald Trump"),
            (f"t{i}", "Donald Trump", "PER", "Donald Trump"),
        ]
    entities = pd.DataFrame(rows, columns=["article_id", "text", "type", "canonical"])
    spellings = terms.entity_naming(None, entities=entities)["Donald Trump (spellings)"]
    # "Donald J. Trump" is counted "donald j" (the dot ends the n-gram), a variant of its own,
    # so the "donald" of "Donald J." is never counted as the first name alone
    assert sorted(spellings) == ["donald j", "donald trump", "trump"]
    counts = pd.DataFrame(
        {
            "article_id": ["a", "a", "a", "a"],
            "term": ["donald", "donald j", "trump", "donald trump"],
            "ngram": [1, 2, 1, 2],
            "count": [5, 4, 9, 1],
            "n_words": 100,
            "rate": 0.0,
        }
    )
    named = terms.naming_counts(counts, pd.Series({"a": "nyt"}), {"Trump": spellings})
    got = named[named["group"] == "nyt"].set_index("variant")["count"].to_dict()
    assert got["donald j"] == 4 and got["donald trump"] == 1 and got["trump"] == 8
