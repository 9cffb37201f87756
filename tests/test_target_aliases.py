"""Tone targets match their person, not whoever holds a role or shares a first name."""

from __future__ import annotations

import pandas as pd

from newscorpus import sentiment


def _sources(rows):
    return pd.DataFrame(rows, columns=["article_id", "name", "canonical", "kind"])


def test_a_role_description_and_a_shared_first_name_are_no_alias():
    rows = [(f"a{i}", "Trump", "Donald Trump", "person") for i in range(4)]
    rows += [("a5", "the President", "Donald Trump", "person")]
    rows += [("a6", "the 41st president", "Barack Obama", "person")]
    rows += [(f"b{i}", "Obama", "Barack Obama", "person") for i in range(3)]
    rows += [(f"c{i}", "Rand Paul", "Rand Paul", "person") for i in range(3)]
    rows += [(f"d{i}", "Paul Ryan", "Paul Ryan", "person") for i in range(2)]
    rows += [(f"e{i}", "The White House", "The White House", "organisation") for i in range(2)]
    rows += [(f"f{i}", "Hassan Hassan", "Hassan Hassan", "person") for i in range(2)]
    targets = sentiment.default_targets(_sources(rows))
    assert targets["Donald Trump"] == ["Donald Trump", "Trump"]  # not "the President"
    assert "the 41st president" not in targets["Barack Obama"]
    assert "Paul" not in targets["Rand Paul"]  # every Paul would count
    assert "Ryan" in targets["Paul Ryan"]
    assert targets["The White House"] == ["The White House"]  # an organisation's "The" stays
    assert "Hassan" in targets["Hassan Hassan"]  # his own first name is no other person's
