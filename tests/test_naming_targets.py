"""Tone targets: a surname alias never counts another person's full name, and a role's
description is no alias."""

from __future__ import annotations

import pandas as pd

from newscorpus import sentiment


def _sentences(texts):
    starts = [i * 100 for i in range(len(texts))]
    return pd.DataFrame(
        {"article_id": "a", "sentence_id": range(len(texts)), "start": starts, "text": texts}
    )


def test_a_surname_alias_skips_another_persons_full_name():
    sentences = _sentences(
        [
            "Bill Clinton spoke for Hillary Clinton.",
            "Clinton said no, and George W. Bush agreed.",
            "Secretary Clinton and Mrs. Clinton answered.",
            "But Clinton won where Jeb Bush lost and Bush conceded.",
        ]
    )
    targets = {"Hillary Clinton": ["Hillary Clinton", "Clinton"], "Jeb Bush": ["Jeb Bush", "Bush"]}
    found = sentiment.target_mentions(sentences, targets)
    clinton = found[found["target"] == "Hillary Clinton"]
    # sentence 0: only "Hillary Clinton"; "Bill Clinton" is not hers
    assert clinton.groupby("sentence_id").size().to_dict() == {0: 1, 1: 1, 2: 2, 3: 1}
    assert clinton.loc[clinton["sentence_id"] == 0, "alias"].tolist() == ["Hillary Clinton"]
    bush = found[found["target"] == "Jeb Bush"]
    assert bush["alias"].tolist() == ["Jeb Bush", "Bush"]  # not "George W. Bush"
    assert bush["sentence_id"].tolist() == [3, 3]


def test_default_targets_drop_role_descriptions():
    rows = [(f"o{i}", "Barack Obama", "Barack Obama", "person") for i in range(4)]
    rows += [(f"p{i}", "the president", "Barack Obama", "person") for i in range(3)]
    rows += [
        (f"w{i}", "The Washington Post", "The Washington Post", "organization") for i in range(2)
    ]
    sources = pd.DataFrame(rows, columns=["article_id", "name", "canonical", "kind"])
    targets = sentiment.default_targets(sources)
    assert targets["Barack Obama"] == ["Barack Obama", "Obama"]
    assert targets["The Washington Post"] == ["The Washington Post"]
