"""Names that look like a person's but name a community or a place (entities.kinds)."""

from __future__ import annotations

import pytest

from newscorpus.entities.kinds import not_a_person


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Sunni Muslims", "MISC"),
        ("Iraqi Kurds", "MISC"),
        ("Coptic Christians", "MISC"),
        ("Deir al-Zour", "LOC"),
        ("Deir Al-Zour", "LOC"),
        ("Ras al-Ain", "LOC"),
        ("Tell el-Kebir", "LOC"),
        ("Ras Baraka", None),  # Newark's mayor: no article after the place word
        ("Tal Becker", None),
        ("Patrick Cockburn", None),
        ("Muslims", None),  # one word: left to the tagger and the demonym rules
    ],
)
def test_communities_and_arabic_place_names_are_no_people(name, kind):
    assert not_a_person(name) == kind
