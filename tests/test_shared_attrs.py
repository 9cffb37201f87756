"""attrs values pandas shares instead of deep-copying into every derived frame."""

from __future__ import annotations

import pandas as pd

from newscorpus import terms
from newscorpus.shared import SharedDict, SharedList, shared


def test_a_shared_attrs_value_is_the_same_object_in_every_derived_frame():
    table = pd.DataFrame({"term": ["a", "b", "c"], "count": [3, 2, 1]})
    big = [f"term{i}" for i in range(5000)]
    table.attrs["house_style"] = shared(big)
    table.attrs["left_out"] = shared({"cnn": {"one_article": 2}})
    derived = table[table["count"] > 1].sort_values("term")["term"].to_frame()
    assert derived.attrs["house_style"] is table.attrs["house_style"]  # not a copy
    assert derived.attrs["left_out"] is table.attrs["left_out"]
    assert derived.attrs["house_style"] == big and isinstance(derived.attrs["house_style"], list)
    assert derived.attrs["left_out"] == {"cnn": {"one_article": 2}}
    plain = pd.DataFrame({"x": [1]})
    plain.attrs["k"] = list(big)
    assert plain[["x"]].attrs["k"] is not plain.attrs["k"]  # what pandas does otherwise


def test_shared_wraps_lists_tuples_and_dicts_only_once():
    assert type(shared((1, 2))) is SharedList and shared((1, 2)) == [1, 2]
    d = shared({"a": 1})
    assert type(d) is SharedDict and shared(d) is d
    assert shared(3) == 3 and shared("x") == "x"


def test_content_terms_attrs_are_shared():
    rows = [
        ("a", "said", 30, 9, 1000),
        ("b", "said", 30, 8, 1000),
        ("c", "said", 30, 10, 1000),
        ("a", "oil", 40, 8, 1000),
        ("b", "tanker", 5, 2, 1000),
    ]
    table = pd.DataFrame(rows, columns=["group", "term", "count", "n_articles", "n_words"])
    table = table.assign(ngram=1, rate=table["count"] / table["n_words"] * 10_000)
    content = terms.content_terms(table, {"a": 10, "b": 10, "c": 10})
    assert content.attrs["house_style"] == ["said"]
    for key in ("house_style", "one_article", "folded_names"):
        assert isinstance(content.attrs[key], (SharedList, SharedDict)), key
        assert content[["term"]].attrs[key] is content.attrs[key]
