"""An outlet's own short name ("the Monitor") is left out in its own group only, and an
article's mention of its own outlet is left out of its own people panel."""

from __future__ import annotations

import pandas as pd

from newscorpus.entities.views import mentioned_by_group, self_mentions
from newscorpus.terms.selection import drop_own_names, own_outlet_names


def test_the_monitor_is_the_christian_science_monitors_own_name_in_its_group_only():
    labels = pd.Series(
        ["Christian Science Monitor"] * 2 + ["Other"] * 2, index=["m1", "m2", "o1", "o2"]
    )
    own = own_outlet_names(labels)
    assert "=monitor" in own["Christian Science Monitor"]  # the short form, alone only
    assert "christian science monitor" in own["Christian Science Monitor"]
    assert "Other" not in own
    table = pd.DataFrame(
        {
            "group": ["Christian Science Monitor"] * 2 + ["Other"] * 2,
            "term": ["monitor", "drought", "monitor", "drought"],
            "ngram": [1, 1, 1, 1],
            "count": [25, 14, 9, 3],
        }
    )
    phrase = pd.DataFrame(
        {
            "group": ["Christian Science Monitor"],
            "term": ["monitor lizard"],
            "ngram": [2],
            "count": [4],
        }
    )
    kept = drop_own_names(pd.concat([table, phrase], ignore_index=True), own)
    assert list(zip(kept["group"], kept["term"], strict=True)) == [
        ("Christian Science Monitor", "drought"),
        ("Other", "monitor"),  # the verb in another outlet's text stays
        ("Other", "drought"),
        ("Christian Science Monitor", "monitor lizard"),  # the word inside a phrase stays
    ]


def test_an_outlets_own_name_is_left_out_of_its_own_people_panel():
    labels = pd.Series(["Vox", "Vox", "Salon"], index=["v1", "v2", "s1"])
    articles = pd.DataFrame({"article_id": ["v1", "v2", "s1"], "outlet": ["Vox", "Vox", "Salon"]})
    entities = pd.DataFrame(
        {
            "article_id": ["v1", "v2", "v1", "s1"],
            "text": ["Vox", "Vox", "Ezra Klein", "Vox"],
            "type": ["PER", "PER", "PER", "PER"],
            "canonical": ["Vox", "Vox", "Ezra Klein", "Vox"],
        }
    )
    assert self_mentions(entities, articles, labels).tolist() == [True, True, False, False]
    assert not self_mentions(entities, None).any()  # no articles table: nothing known
    table = mentioned_by_group(entities, labels, "PER", 5, 20, articles)
    assert sorted(zip(table["group"], table["canonical"], strict=True)) == [
        ("Salon", "Vox"),  # Salon writing about Vox: a name it covers
        ("Vox", "Ezra Klein"),
    ]
