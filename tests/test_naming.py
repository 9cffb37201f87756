"""Naming sets: how each group names the same thing, counted on small built corpora."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from newscorpus import terms

TEXTS = {
    "a1.txt": "Town news\n\nMilitants attacked the town. The militant group said the regime fell.\n",
    "a2.txt": "Front news\n\nRebels and fighters held the civil war front. The war ended.\n",
    "b1.txt": (
        "Attack news\n\nTerrorists attacked. The government and authorities responded. "
        "A terrorist was killed in the war.\n"
    ),
}
SETS = {
    "armed group": ["militant*", "terrorist*", "rebel*", "fighter*"],
    "conflict": ["war", "civil war"],
    "state": ["regime", "government", "authorities"],
}


@pytest.fixture()
def built(make_corpus):
    corpus = make_corpus(TEXTS)
    counts = terms.term_counts(corpus, by="article", ngram_range=(1, 3))
    ids = corpus.articles["article_id"].astype("str")
    groups = pd.Series(np.where(ids.str.startswith("a"), "A", "B"), index=ids.to_numpy())
    per_article = counts.drop_duplicates("article_id")
    label = groups.reindex(per_article["article_id"].astype("str")).to_numpy()
    words = per_article.groupby(label)["n_words"].sum()
    return counts, groups, words


def row(table, concept, variant, group):
    hit = table[
        (table["concept"] == concept)
        & (table["variant"] == variant)
        & (table["group"].astype("str") == group)
    ]
    assert len(hit) == 1
    return hit.iloc[0]


def test_a_naming_sets_counts_and_rates_per_group(built):
    counts, groups, words = built
    table = terms.naming_counts(counts, groups, SETS)
    # A: "Militants", "militant" (a1), "Rebels", "fighters" (a2); B: "Terrorists", "terrorist"
    assert row(table, "armed group", "militant*", "A")["count"] == 2
    assert row(table, "armed group", "rebel*", "A")["count"] == 1
    assert row(table, "armed group", "terrorist*", "A")["count"] == 0
    assert row(table, "armed group", "terrorist*", "B")["count"] == 2
    assert row(table, "armed group", "militant*", "A")["concept_count"] == 4
    assert row(table, "armed group", "terrorist*", "all articles")["count"] == 2
    # "war" inside "civil war" counts once, as "civil war": a2 has one of each
    assert row(table, "conflict", "war", "A")["count"] == 1
    assert row(table, "conflict", "civil war", "A")["count"] == 1
    assert row(table, "conflict", "war", "B")["count"] == 1
    # rates per 10,000 body words of the group, with an exact Poisson interval around them
    r = row(table, "armed group", "militant*", "A")
    assert r["n_words"] == words["A"]
    assert r["rate"] == pytest.approx(2 / words["A"] * 10_000)
    assert r["ci_low"] < r["rate"] < r["ci_high"]
    assert r["ci_low"] == pytest.approx(0.2422 / words["A"] * 10_000, rel=1e-3)  # Garwood, k=2
    zero = row(table, "armed group", "terrorist*", "A")
    assert zero["ci_low"] == 0 and zero["ci_high"] == pytest.approx(
        3.6889 / words["A"] * 10_000, rel=1e-3
    )
    assert row(table, "armed group", "militant*", "A")["share"] == 0.5
    assert set(table["group"].astype("str")) == {"A", "B", "all articles"}


def test_naming_tests_and_the_variant_each_group_prefers(built):
    counts, groups, words = built
    table = terms.naming_counts(counts, groups, SETS)
    tests = terms.naming_tests(table).set_index("concept")
    # variant mix: A (militant 2, rebel 1, fighter 1), B (terrorist 2): 2 x 4 table
    grid = np.array([[2, 0, 1, 1], [0, 2, 0, 0]], dtype=float)
    expected = grid.sum(1, keepdims=True) * grid.sum(0, keepdims=True) / grid.sum()
    g2 = 2 * sum(
        o * math.log(o / e) for o, e in zip(grid.flat, expected.flat, strict=True) if o > 0
    )
    assert tests.loc["armed group", "df_variants"] == 3
    assert tests.loc["armed group", "g2_variants"] == pytest.approx(g2, abs=1e-3)
    assert tests.loc["armed group", "count"] == 6
    assert tests.loc["armed group", "df_rate"] == 1
    assert 0 <= tests.loc["armed group", "p_rate"] <= 1
    key = terms.naming_keyness(table, min_count=1)
    b = key[(key["concept"] == "armed group") & (key["group"].astype("str") == "B")]
    # B uses "terrorist*" for both of its 2 uses; the rest never: G2 = 2 * 2 ln(3) = 4.39
    t = b[b["variant"] == "terrorist*"].iloc[0]
    assert t["log_likelihood"] == pytest.approx(4 * math.log(3), abs=1e-3)
    assert t["preferred"] and b["preferred"].sum() == 1
    # by default a variant needs 5 uses in the group to be preferred: 2 uses are not enough
    default = terms.naming_keyness(table)
    assert not default["preferred"].any()
    assert "all articles" not in set(key["group"].astype("str"))


def test_naming_sets_from_none_a_dict_or_a_csv(tmp_path):
    shipped = terms.naming_sets(None)
    assert "terrorist*" in shipped["armed group"] and "regime" in shipped["state"]
    assert terms.naming_sets({"x": "tariff*"}) == {"x": ["tariff*"]}
    path = tmp_path / "sets.csv"
    path.write_text("concept,term\nleader,president\nleader,strongman\n", encoding="utf-8")
    assert terms.naming_sets(str(path)) == {"leader": ["president", "strongman"]}
    with pytest.raises(ValueError, match="naming"):
        terms.naming_sets({"x": []})
    with pytest.raises(TypeError, match="naming"):
        terms.naming_sets(42)
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(ValueError, match="concept and term"):
        terms.naming_sets(str(bad))


def test_entity_spellings_merged_by_the_canonical_step_are_a_set(make_corpus):
    sources = pd.DataFrame(
        {
            "article_id": ["1", "2", "3", "1", "2", "4", "5", "6"],
            "name": ["Trump", "Trump", "Donald Trump", "Donald Trump", "Donald Trump"]
            + ["Mr. Trump", "Reuters", "Reuters"],
            "canonical": ["Donald Trump"] * 6 + ["Reuters"] * 2,
            "kind": ["person"] * 6 + ["organization"] * 2,
        }
    )
    aliases = pd.DataFrame(
        {"alias": ["President Trump"], "canonical": ["Donald Trump"], "n_articles": [3]}
    )
    sets = terms.entity_naming(sources, aliases)
    # "Mr. Trump" is in one article only; Reuters has a single spelling
    assert sets == {"Donald Trump (spellings)": ["donald trump", "trump", "president trump"]}
    bank = pd.DataFrame(
        {
            "article_id": ["7", "8", "7", "8"],
            "name": ["Bank", "Bank", "BoE", "BoE"],
            "canonical": ["Bank of England"] * 4,
            "kind": ["organization"] * 4,
        }
    )
    # one ordinary word ("Bank") is not counted as the bank's name; an acronym is
    assert terms.entity_naming(bank) == {"Bank of England (spellings)": ["bank of england", "boe"]}
    corpus = make_corpus({"t.txt": "T\n\nDonald Trump spoke. Trump left. President Trump won.\n"})
    counts = terms.term_counts(corpus, by="article", ngram_range=(1, 3))
    groups = pd.Series("all", index=corpus.articles["article_id"].astype("str").to_numpy())
    table = terms.naming_counts(counts, groups, sets)
    got = table[table["group"].astype("str") == "all"].set_index("variant")["count"]
    assert got.to_dict() == {"donald trump": 1, "trump": 1, "president trump": 1}


def test_naming_figure_is_bounded_and_names_missing_sets(built):
    counts, groups, _ = built
    sets = {**SETS, "crowd": ["protesters", "rioters"]}
    table = terms.naming_counts(counts, groups, sets)
    fig, drawn = terms.plot_naming(table, terms.naming_tests(table), group_sizes={"A": 2, "B": 1})
    assert "not found: crowd" in fig._suptitle.get_text()
    assert set(drawn["concept"]) == {"armed group", "conflict", "state"}
    width, height = fig.get_size_inches() * 150
    assert width <= 3000 and height <= 3000
    # a bar resting on fewer than 5 uses of its set is faded, whatever the group's size
    uses = table.drop_duplicates(["concept", "group"]).set_index(["concept", "group"])
    panel = next(ax for ax in fig.axes if ax.get_title().startswith("state"))
    names = [t.get_text() for t in panel.get_yticklabels()]
    assert len(panel.patches) >= len(names)  # a bar for every group: the loop checks something
    for bar in panel.patches:
        row = names[round(bar.get_y() + bar.get_height() / 2)]
        group = row.split(" (n=")[0]
        k = int(uses.loc[("state", group), "concept_count"])
        assert (bar.get_alpha() is not None) == (k < 5 or group in ("A", "B")), (group, k)


def test_entity_spellings_leave_out_other_peoples_surnames_and_organisations():
    people = [
        ("Hillary Clinton", ["Hillary Clinton", "Clinton", "Hillary Rodham Clinton"], 6),
        ("Bill Clinton", ["Bill Clinton"], 3),
        ("Barack Obama", ["Barack Obama", "Obama", "Obama administration"], 5),
        ("Jeb Bush", ["Jeb Bush", "Bush"], 4),
        ("George W. Bush", ["George W. Bush"], 2),
    ]
    rows = []
    for canonical, names, n in people:
        for name in names:
            rows += [(f"{canonical}-{name}-{i}", name, canonical, "person") for i in range(n)]
    rows += [
        (f"cf{i}", "Clinton Foundation", "Clinton Foundation", "organization") for i in range(4)
    ]
    sources = pd.DataFrame(rows, columns=["article_id", "name", "canonical", "kind"])
    foundation = pd.DataFrame(
        [(f"cf{i}", "CF", "Clinton Foundation", "organization") for i in range(4)],
        columns=sources.columns,
    )
    sources = pd.concat([sources, foundation], ignore_index=True)
    sets = terms.entity_naming(sources, top=10)
    # an organisation keeps its own head word: only a person's "... foundation" is dropped
    assert sets["Clinton Foundation (spellings)"] == ["clinton foundation", "cf"]
    # another Clinton and another Bush are named: the surname alone is no one's spelling
    assert sets["Hillary Clinton (spellings)"] == ["hillary clinton", "hillary rodham clinton"]
    assert "Jeb Bush (spellings)" not in sets  # only "jeb bush" is left: no set
    # Obama is the only Obama: his surname stays, the administration is not him
    assert sets["Barack Obama (spellings)"] == ["barack obama", "obama"]
    # an alias table naming a second Obama makes the surname ambiguous too
    aliases = pd.DataFrame(
        {"alias": ["Michelle Obama"], "canonical": ["Michelle Obama"], "n_articles": [3]}
    )
    extra = pd.DataFrame(
        [(f"m{i}", "Michelle Obama", "Michelle Obama", "person") for i in range(2)],
        columns=sources.columns,
    )
    sets = terms.entity_naming(pd.concat([sources, extra]), aliases, top=10)
    assert "Barack Obama (spellings)" not in sets


def test_a_surname_stays_when_the_others_who_bear_it_are_rarely_cited():
    rows = [
        (f"d{i}", "Trump" if i % 2 else "Donald Trump", "Donald Trump", "person") for i in range(30)
    ]
    rows += [(f"i{i}", "Ivanka Trump", "Ivanka Trump", "person") for i in range(2)]
    sources = pd.DataFrame(rows, columns=["article_id", "name", "canonical", "kind"])
    # Ivanka Trump in 2 articles against 30: "trump" is still Donald Trump's
    assert terms.entity_naming(sources)["Donald Trump (spellings)"] == ["donald trump", "trump"]
    more = [(f"j{i}", "Ivanka Trump", "Ivanka Trump", "person") for i in range(2)]
    sources = pd.concat([sources, pd.DataFrame(more, columns=sources.columns)])
    # in 4 articles, over a tenth of Donald Trump's 30: the surname alone is ambiguous
    assert "Donald Trump (spellings)" not in terms.entity_naming(sources)


def test_entity_sets_use_the_names_articles_give_their_most_mentioned_entities():
    """From the resolved entities table: the first name alone is Hillary Clinton's and Jeb
    Bush's, a place keeps its one-word name ("America") but never a function word ("US" is
    counted as "us"), and "bush" is left out while George W. Bush is named often too."""
    rows = []
    for i in range(12):
        rows += [(f"h{i}", "Hillary Clinton", "PER", "Hillary Clinton")]
        rows += [(f"h{i}", "Hillary" if i % 2 else "Clinton", "PER", "Hillary Clinton")]
        rows += [(f"h{i}", t, "LOC", "United States") for t in ("U.S.", "America", "US")]
    for i in range(8):
        rows += [(f"j{i}", "Jeb Bush", "PER", "Jeb Bush"), (f"j{i}", "Jeb", "PER", "Jeb Bush")]
        rows += [(f"j{i}", "Bush", "PER", "Jeb Bush")]
    rows += [(f"g{i}", "George W. Bush", "PER", "George W. Bush") for i in range(4)]
    rows += [(f"g{i}", "Bush", "PER", "George W. Bush") for i in range(4)]
    entities = pd.DataFrame(rows, columns=["article_id", "text", "type", "canonical"])
    sets = terms.entity_naming(None, top=3, entities=entities)
    assert sets["Hillary Clinton (spellings)"] == ["hillary clinton", "clinton", "hillary"]
    assert sets["United States (spellings)"] == ["united states", "america", "u.s."]
    assert sets["Jeb Bush (spellings)"] == ["jeb bush", "jeb"]
    # the same through naming_sets (the notebook's call), after the shipped sets
    named = terms.naming_sets(None, entities=entities, top_entities=3)
    assert "armed group" in named and named["Jeb Bush (spellings)"] == ["jeb bush", "jeb"]


def test_a_variant_inside_another_longer_name_is_not_counted_as_the_variant(make_corpus):
    """ "washington" (the city) counted the Washington Times' own name and George Washington."""
    corpus = make_corpus(
        {
            "t.txt": "T\n\nThe Washington Times reported it. Officials in Washington denied it. "
            "George Washington never said so. The Washington Times agreed.\n"
        }
    )
    counts = terms.term_counts(corpus, by="article", ngram_range=(1, 3))
    groups = pd.Series("all", index=corpus.articles["article_id"].astype("str").to_numpy())
    sets = {"Washington (spellings)": ["washington", "washington, d.c."]}
    plain = terms.naming_counts(counts, groups, sets)
    assert plain.set_index(["variant", "group"]).loc[("washington", "all"), "count"] == 4
    entities = pd.DataFrame(
        {
            "article_id": ["t", "t", "x", "x"],
            "text": [
                "Washington Times",
                "George Washington",
                "Washington Times",
                "George Washington",
            ],
            "canonical": ["Washington Times", "George Washington"] * 2,
        }
    )
    longer = terms.longer_names(entities, outlets=["The Washington Times"])
    assert longer == ["george washington", "washington times"]
    table = terms.naming_counts(counts, groups, sets, longer=longer)
    assert table.set_index(["variant", "group"]).loc[("washington", "all"), "count"] == 1


def test_longer_names_of_a_corpus_without_names_are_none():
    empty = pd.DataFrame({"article_id": [], "text": [], "canonical": []})
    assert terms.longer_names(empty, outlets=[]) == []
    assert terms.longer_names(None, outlets=["", "The "]) == []
