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
