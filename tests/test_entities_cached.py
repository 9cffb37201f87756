"""The corpus-wide name resolution of the entities is computed once per analysis cache."""

from __future__ import annotations

import pandas as pd
import pytest

from newscorpus import analysis, entities
from newscorpus.entities import cached
from newscorpus.paths import SEEDS_DIR


@pytest.fixture(scope="module")
def seeds_data(tmp_path_factory):
    return analysis.load(SEEDS_DIR, cache=tmp_path_factory.mktemp("cache"), workers=1)


def test_resolved_entities_equal_resolving_the_table_and_are_kept_beside_it(
    seeds_data, monkeypatch
):
    expected = entities.resolve_entities(seeds_data.table("entities"))
    first = entities.resolved_entities(seeds_data)
    pd.testing.assert_frame_equal(
        first.reset_index(drop=True), expected.reset_index(drop=True), check_dtype=False
    )
    assert len(list(seeds_data.folder.glob("entities_resolved-*.parquet"))) == 1

    def no_resolution(table):
        raise AssertionError("resolved again")

    monkeypatch.setattr(cached, "resolve_entities", no_resolution)
    again = entities.resolved_entities(seeds_data, columns=["article_id", "canonical", "type"])
    assert list(again.columns) == ["article_id", "canonical", "type"]
    assert again["canonical"].tolist() == first["canonical"].tolist()
    assert "Islamic State" in set(again["canonical"])


def test_a_folder_without_keys_is_resolved_every_time_and_nothing_written(seeds_data, tmp_path):
    class Bare:  # a table source without the pass's keys.json
        folder = tmp_path

        @staticmethod
        def table(name):
            return seeds_data.table(name)

    out = entities.resolved_entities(Bare())
    assert len(out) == len(entities.resolve_entities(seeds_data.table("entities")))
    assert not list(tmp_path.glob("entities_resolved-*"))
