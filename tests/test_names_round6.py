"""One person, one name (issue 16, round 6): a middle initial the article gives ("John A.
Boehner" for its "Boehner"), a party label or byline before a name ("Democrat Stacey Abrams",
"By"), an epithet before a name ("Crooked Hillary"), a firm named after a person ("Jeb Bush &
Associates LLC"), and an official named after a long lower-case title ("secretary of State
Mike Pompeo") who is no unnamed source."""

from __future__ import annotations

import pandas as pd

from newscorpus.sources.canonical import resolve_corpus, resolve_folder


def _people(rows):
    return pd.DataFrame(rows, columns=["article_id", "type", "canonical"])


def test_a_surname_whose_article_gives_a_middle_initial_joins_the_name_without_it():
    # article "a" names "John A. Boehner" and quotes "Boehner"; the corpus says "John Boehner"
    sources = pd.DataFrame(
        {
            "article_id": ["a", "b", "c", "d"],
            "canonical": ["Boehner", "John Boehner", "John Boehner", "Boehner"],
            "kind": ["person"] * 4,
        }
    )
    entities = _people([("a", "PER", "John A. Boehner"), ("b", "PER", "John Boehner")])
    quotes = sources.rename(columns={"kind": "speaker_kind"})
    quotes, resolved, aliases = resolve_corpus(quotes, sources, entities=entities)
    assert set(resolved["canonical"]) == {"John Boehner"}
    assert set(quotes["canonical"]) == {"John Boehner"}
    assert aliases.set_index("alias").loc["John A. Boehner", "canonical"] == "John Boehner"


def test_the_folder_step_merges_the_middle_initial_too(tmp_path):
    for name in ("quotes", "sources", "entities"):
        (tmp_path / name).mkdir()
    sources = pd.DataFrame(
        {
            "article_id": ["a", "b", "c"],
            "name": ["Boehner", "John Boehner", "John Boehner"],
            "canonical": ["Boehner", "John Boehner", "John Boehner"],
            "kind": ["person"] * 3,
        }
    )
    sources.to_parquet(tmp_path / "sources" / "part-00000.parquet", index=False)
    sources.rename(columns={"kind": "speaker_kind", "name": "speaker"}).to_parquet(
        tmp_path / "quotes" / "part-00000.parquet", index=False
    )
    _people([("a", "PER", "John A. Boehner")]).to_parquet(
        tmp_path / "entities" / "part-00000.parquet", index=False
    )
    resolve_folder(tmp_path)
    got = pd.read_parquet(tmp_path / "sources" / "part-00000.parquet")
    assert got["canonical"].tolist() == ["John Boehner"] * 3
    assert got["name"].tolist()[0] == "Boehner"  # the surface form is kept
    quotes = pd.read_parquet(tmp_path / "quotes" / "part-00000.parquet")
    assert quotes["canonical"].tolist() == ["John Boehner"] * 3
