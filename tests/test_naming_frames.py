"""The spellings naming sets are built from: mentions counted per (entity, name, article, kind)."""

from __future__ import annotations

import pandas as pd

from newscorpus.terms.naming_frames import entity_frame, main_kind, source_frame


def _entities(rows):
    return pd.DataFrame(rows, columns=["article_id", "text", "type", "canonical"])


def test_mentions_are_counted_once_per_article_and_name():
    ents = _entities(
        [
            ("a", "Clinton", "PER", "Hillary Clinton"),
            ("a", "Clinton's", "PER", "Hillary Clinton"),  # possessive: the same name
            ("a", "Hillary  Clinton", "PER", "Hillary Clinton"),  # spaces folded
            ("b", "Clinton", "PER", "Hillary Clinton"),
            ("b", "Paris", "LOC", "Paris"),
            ("b", "Reuters", "MISC", "Reuters"),  # MISC is no naming kind
        ]
    )
    frame = entity_frame(ents)
    rows = {(r.id, r.name): r.n for r in frame.itertuples()}
    assert rows == {
        ("a", "Clinton"): 2,
        ("a", "Hillary Clinton"): 1,
        ("b", "Clinton"): 1,
        ("b", "Paris"): 1,
    }
    assert set(frame["kind"]) == {"person", "place"}
    assert main_kind(frame).to_dict() == {"Hillary Clinton": "person", "Paris": "place"}


def test_main_kind_is_the_most_mentioned_then_alphabetical():
    frame = pd.DataFrame(
        {
            "canonical": ["Jordan", "Jordan", "Jordan", "Chase"],
            "kind": ["place", "person", "place", "person"],
            "n": [1, 3, 1, 2],
        }
    )
    assert main_kind(frame).to_dict() == {"Jordan": "person", "Chase": "person"}
    tie = pd.DataFrame({"canonical": ["X", "X"], "kind": ["place", "organization"], "n": [2, 2]})
    assert main_kind(tie).to_dict() == {"X": "organization"}


def test_sources_without_kinds_have_none():
    src = pd.DataFrame({"name": ["the IMF", "IMF"], "canonical": ["IMF", "IMF"]})
    frame = source_frame(src)
    assert len(frame) == 2 and frame["kind"].isna().all()
    assert main_kind(frame).empty
