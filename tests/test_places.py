"""The `places` step (offline geocoding of place entities) and the map per group."""

from __future__ import annotations

import io
import socket
from types import SimpleNamespace

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from PIL import Image

from newscorpus.places import (
    find_places,
    legend_sizes,
    map_extent,
    places_by_group,
    plot_place_map,
    unplaced_names,
)
from newscorpus.plots import DPI


def entities(rows) -> pd.DataFrame:
    """An entities table from (article_id, text, type) rows, canonical = text."""
    frame = pd.DataFrame(rows, columns=["article_id", "text", "type"])
    return frame.assign(canonical=frame["text"], start=0, end=0, sentence_id=0)


def corpus_of(ids, datelines=None):
    """A stand-in corpus: only `articles` (article_id, dateline) is read by find_places."""
    datelines = datelines or [None] * len(ids)
    return SimpleNamespace(articles=pd.DataFrame({"article_id": ids, "dateline": datelines}))


def place(table: pd.DataFrame, article: str, name: str) -> pd.Series:
    """The one row of `table` for `article` and place `name`."""
    rows = table[(table["article_id"] == article) & (table["place"] == name)]
    assert len(rows) == 1, table
    return rows.iloc[0]


def test_a_city_gets_its_coordinates_and_country():
    table = find_places(corpus_of(["a"]), entities([("a", "Beirut", "LOC")]))
    beirut = place(table, "a", "Beirut")
    assert beirut["country"] == "LB" and beirut["country_name"] == "Lebanon"
    assert beirut["kind"] == "city"
    assert beirut["lat"] == pytest.approx(33.89, abs=0.05)
    assert beirut["lon"] == pytest.approx(35.50, abs=0.05)


def test_countries_states_aliases_and_demonyms_resolve():
    ents = entities(
        [
            ("a", "Syria", "LOC"),
            ("a", "Syrian", "MISC"),
            ("a", "U.S.", "LOC"),
            ("a", "United States", "LOC"),
            ("a", "Texas", "LOC"),
            ("a", "Olympics", "MISC"),
        ]
    )
    table = find_places(corpus_of(["a"]), ents)
    assert sorted(table["place"]) == ["Syria", "Texas", "United States"]
    assert place(table, "a", "Syria")["n_mentions"] == 2  # the country and its demonym
    assert place(table, "a", "United States")["n_mentions"] == 2  # two spellings, one place
    texas = place(table, "a", "Texas")
    assert (texas["kind"], texas["country"], texas["geonameid"]) == ("state", "US", "US-TX")
    syria = place(table, "a", "Syria")
    assert 32 < syria["lat"] < 37 and 36 < syria["lon"] < 42  # inside Syria


def test_context_picks_the_right_tripoli_and_paris():
    ents = entities(
        [
            ("libya", "Tripoli", "LOC"),
            ("lebanon", "Tripoli", "LOC"),
            ("lebanon", "Lebanon", "LOC"),
            ("france", "Paris", "LOC"),
            ("france", "U.S.", "LOC"),
            ("politics", "Paris", "LOC"),
            ("politics", "Texas", "LOC"),
            ("dallas", "Paris", "LOC"),
        ]
    )
    ids = ["libya", "lebanon", "france", "politics", "dallas"]
    table = find_places(corpus_of(ids, [None, None, None, None, "DALLAS"]), ents)
    assert place(table, "libya", "Tripoli")["country"] == "LY"  # the most populous by default
    assert place(table, "lebanon", "Tripoli")["country"] == "LB"
    assert place(table, "lebanon", "Tripoli")["lat"] == pytest.approx(34.43, abs=0.05)
    assert place(table, "france", "Paris")["country"] == "FR"  # a US story is not enough
    assert place(table, "politics", "Paris")["country"] == "FR"  # nor is Texas named elsewhere
    assert place(table, "dallas", "Paris")["geonameid"] == "4717560"  # Paris, Texas


def test_a_qualified_name_is_pinned_in_the_text():
    # "Paris, Texas": the state follows the city after a comma (offsets as in the text)
    ents = pd.DataFrame(
        {
            "article_id": ["a", "a", "b", "b"],
            "text": ["Paris", "Texas", "Paris", "Texas"],
            "type": "LOC",
            "canonical": ["Paris", "Texas", "Paris", "Texas"],
            "start": [10, 17, 10, 40],
            "end": [15, 22, 15, 45],
        }
    )
    table = find_places(corpus_of(["a", "b"]), ents)
    assert place(table, "a", "Paris")["country"] == "US"
    assert place(table, "b", "Paris")["country"] == "FR"


def test_a_dateline_qualifier_pins_its_city():
    ents = entities([("cr", "San Jose", "LOC"), ("cr", "U.S.", "LOC"), ("us", "San Jose", "LOC")])
    table = find_places(corpus_of(["cr", "us"], ["SAN JOSE, Costa Rica", None]), ents)
    assert place(table, "cr", "San José")["country"] == "CR"
    assert place(table, "us", "San Jose")["country"] == "US"  # the larger San Jose otherwise


def test_own_name_beats_an_old_alternate_name():
    ents = entities([("a", "Islamabad", "LOC"), ("a", "Bangladesh", "LOC")])
    table = find_places(corpus_of(["a"]), ents)
    assert place(table, "a", "Islamabad")["country"] == "PK"  # not Chattogram's old name


def test_the_dateline_gives_the_context(make_corpus):
    corpus = make_corpus(
        {"one.txt": "Clashes in the north\n\nTRIPOLI, Lebanon (Reuters) - Fighting went on.\n"}
    )
    assert corpus.articles["dateline"].iloc[0].startswith("TRIPOLI, Lebanon")
    aid = corpus.articles["article_id"].iloc[0]
    table = find_places(corpus, entities([(aid, "Tripoli", "LOC")]))
    assert place(table, aid, "Tripoli")["country"] == "LB"


def test_unknown_names_give_no_row():
    ents = entities(
        [
            ("a", "Middle East", "LOC"),
            ("a", "Zzyzxqville", "LOC"),
            ("a", "Anbar province", "LOC"),
            ("a", "Paris", "PER"),
        ]
    )
    table = find_places(corpus_of(["a"]), ents)
    assert len(table) == 0
    assert list(table.columns)[:6] == [
        "article_id",
        "place",
        "country",
        "country_name",
        "kind",
        "lat",
    ]


def test_missing_columns_are_named():
    with pytest.raises(KeyError, match="type"):
        find_places(corpus_of(["a"]), pd.DataFrame({"article_id": ["a"], "text": ["Paris"]}))


def map_table() -> pd.DataFrame:
    """Places of six articles in two groups, as places_by_group makes them."""
    ents = entities(
        [
            ("a1", "Baghdad", "LOC"),
            ("a1", "Mosul", "LOC"),
            ("a2", "Baghdad", "LOC"),
            ("a2", "Damascus", "LOC"),
            ("a3", "Syria", "LOC"),
            ("b1", "Damascus", "LOC"),
            ("b2", "Beirut", "LOC"),
            ("b3", "Damascus", "LOC"),
        ]
    )
    ids = ["a1", "a2", "a3", "b1", "b2", "b3"]
    places = find_places(corpus_of(ids), ents)
    labels = pd.Series(
        pd.Categorical(["A", "A", "A", "B", "B", "B"], categories=["A", "B"]),
        index=pd.Index(ids, name="article_id"),
    )
    return places_by_group(places, labels, top_n=6)


def test_places_by_group_counts_articles():
    table = map_table()
    a = table[table["group"] == "A"].set_index("place")
    assert a.loc["Baghdad", "n_articles"] == 2 and a.loc["Baghdad", "share"] == pytest.approx(
        2 / 3, abs=1e-3
    )
    b = table[table["group"] == "B"].set_index("place")
    assert b.loc["Damascus", "n_articles"] == 2 and "Baghdad" not in b.index
    assert table.iloc[0]["place"] == "Baghdad"  # most articles first within the group


def test_extent_is_where_the_places_are():
    lon0, lon1, lat0, lat1 = map_extent([44.4, 36.3, 43.1], [33.3, 33.5, 36.3], [2, 2, 1])
    assert lon0 < 36.3 and lon1 > 44.4 and lat0 < 33.3 and lat1 > 36.3
    assert lon1 - lon0 < 60  # zoomed in on the Middle East, not the world
    assert map_extent([], [], []) == (-180.0, 180.0, -58.0, 80.0)


def test_extent_covers_every_place_even_a_small_one_in_china():
    # most articles in the US, one naming Beijing: the window reaches Beijing
    lon0, lon1, lat0, lat1 = map_extent(
        [-77.0, -74.0, -98.6, 116.4], [38.9, 40.7, 39.8, 39.9], [50, 30, 40, 1]
    )
    assert lon0 < -98.6 and lon1 > 116.4 and lat0 < 38.9 and lat1 > 40.7
    assert map_extent([-77.0, 31.2], [38.9, -77.3], [5, 1])[2] < -77.3  # Antarctica too
    assert map_extent([-77.0, 31.2, 116.4], [38.9, -77.3, 39.9], [5, 1, 1])[2] < -77.3
    # the map's CSV says every place is in view; the inset zooms on the crowded US
    table = pd.DataFrame(
        {
            "group": pd.Categorical(["A"] * 4),
            "n_group": 60,
            "place": ["Washington, D.C.", "New York City", "United States", "Beijing"],
            "lat": [38.9, 40.7, 39.8, 39.9],
            "lon": [-77.0, -74.0, -98.6, 116.4],
            "geonameid": ["1", "2", "3", "4"],
            "n_articles": [50, 30, 40, 1],
        }
    )
    fig, data = plot_place_map(table, top_labels=4)
    plt.close(fig)
    assert data["in_view"].all()
    assert data.set_index("place")["in_inset"].to_dict() == {
        "Washington, D.C.": True,
        "New York City": True,
        "United States": True,
        "Beijing": False,
    }
    named = data.set_index("place")["labelled"]
    assert named["Beijing"]  # on the world map, outside the inset's window
    assert named["Washington, D.C."] and named["United States"]  # in the inset


def test_legend_sizes_are_round_numbers():
    assert legend_sizes(105) == [105, 50, 10, 1]
    assert legend_sizes(3) == [3, 1]
    assert legend_sizes(1) == [1]


def test_map_draws_offline_within_bounds(monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("the map tried to use the network")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    fig, data = plot_place_map(map_table(), top_labels=2)
    assert len(fig.axes) >= 2
    assert data["in_view"].all()
    named = data[data["labelled"]].groupby("group", observed=True)["place"].apply(list)
    assert named["A"] == ["Baghdad", "Damascus"]  # the two with most articles, apart
    # Beirut's label right of its dot would sit on Damascus': it goes to the left instead
    assert named["B"] == ["Damascus", "Beirut"]
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI)
    plt.close(fig)
    width, height = Image.open(buf).size
    assert 600 < width <= 3000 and 200 < height <= 3000


def test_unplaced_names_lists_what_the_map_leaves_out():
    ents = entities(
        [
            ("a", "Middle East", "LOC"),
            ("b", "Middle East", "LOC"),
            ("b", "Anbar province", "LOC"),
            ("b", "Baghdad", "LOC"),
            ("b", "Syrian", "MISC"),
        ]
    )
    table = unplaced_names(ents)
    assert table["name"].tolist() == ["Middle East", "Anbar province", "all place names"]
    assert table["n_articles"].tolist() == [2, 1, 2]
    assert table["n_mentions"].tolist() == [2, 1, 4]


def test_a_qualifier_no_candidate_matches_gives_no_row():
    # LONDON, Ontario is not in the gazetteer: no London, England instead
    ents = entities([("a", "LONDON", "LOC"), ("a", "U.S.", "LOC")])
    table = find_places(corpus_of(["a"], ["LONDON, Ontario"]), ents)
    assert table["place"].tolist() == ["United States"]


def us_table() -> pd.DataFrame:
    """Two panels of US places: Washington and New York have most articles, Arizona few."""
    rows = [
        ("United States", 39.8, -98.6, 1, 40),
        ("Washington", 38.9, -77.0, 2, 31),
        ("New York City", 40.7, -74.0, 3, 20),
        ("Arizona", 34.3, -111.7, 4, 2),
        ("Texas", 31.5, -99.3, 5, 3),
        ("Iowa", 42.0, -93.5, 6, 3),
    ]
    frames = []
    for group, extra in (("A", 0), ("B", 17)):
        t = pd.DataFrame(rows, columns=["place", "lat", "lon", "geonameid", "n_articles"])
        t["n_articles"] = t["n_articles"] + (extra if group == "A" else 0)
        t["group"] = group
        t["n_group"] = 60
        frames.append(t)
    table = pd.concat(frames, ignore_index=True)
    table["group"] = pd.Categorical(table["group"], categories=["A", "B"])
    # shuffled: the map must rank the places itself
    return table.sample(frac=1, random_state=3).reset_index(drop=True)


def test_map_labels_the_largest_places_first():
    fig, data = plot_place_map(us_table(), top_labels=3, extent=(-125.0, -66.0, 24.0, 50.0))
    plt.close(fig)
    named = data[data["labelled"]].groupby("group", observed=True)["place"].apply(set)
    for group in ("A", "B"):
        assert {"United States", "Washington", "New York City"} <= named[group]
        assert "Arizona" not in named[group]  # only three labels: the three largest


def test_map_skips_only_overlapping_labels():
    world = (-180.0, 180.0, -60.0, 80.0)
    fig, data = plot_place_map(us_table(), top_labels=8, extent=world)
    plt.close(fig)
    a = data[data["group"] == "A"].set_index("place")["labelled"]
    assert a["United States"]  # the largest place is always named
    # on a world map Iowa's dot lies under the country's label and New York's label would
    # overlap Washington's: not named; Arizona's label fits left of its dot
    assert not a["Iowa"] and not a["New York City"] and a["Arizona"]
    fig, data = plot_place_map(us_table(), top_labels=8, extent=(-125.0, -66.0, 24.0, 50.0))
    plt.close(fig)
    a = data[data["group"] == "A"].set_index("place")["labelled"]
    assert a["Texas"] and a["Arizona"]  # zoomed on the US the labels sit apart: all named


def located(texts: dict[str, str], names: list[str]):
    """A corpus of `texts` and its LOC entities: every occurrence of each name, with offsets."""
    rows = []
    for aid, text in texts.items():
        for name in names:
            at = text.find(name)
            while at >= 0:
                rows.append((aid, 0, at, at + len(name), name, "LOC", name))
                at = text.find(name, at + 1)
    ents = pd.DataFrame(
        rows, columns=["article_id", "sentence_id", "start", "end", "text", "type", "canonical"]
    )
    ids = list(texts)
    articles = pd.DataFrame({"article_id": ids, "dateline": None, "text": list(texts.values())})
    return SimpleNamespace(articles=articles), ents


def test_new_york_is_the_city_unless_the_text_says_state():
    corpus, ents = located(
        {
            "mayor": "The mayor of New York spoke on Monday.",
            "state": "Farms in New York state lost money.",
            "governor": "The governor of New York signed it.",
            "voters": "New York voters go to the polls.",
            "senator": "New York Sen. Kirsten Gillibrand spoke.",
            "congressman": "New York Congressman Pete King said so.",
            "buffalo": "He spoke in Buffalo, New York, on Monday.",
        },
        ["New York", "Buffalo"],
    )
    table = find_places(corpus, ents)
    city = place(table, "mayor", "New York City")
    assert (city["lat"], city["lon"]) == pytest.approx((40.71, -74.01), abs=0.05)
    assert city["kind"] == "city"
    for aid in ("state", "governor", "voters", "buffalo"):
        state = place(table, aid, "New York State")
        assert state["kind"] == "state" and state["geonameid"] == "US-NY"
        # upstate, from the Census outline: not New York City, not New Jersey
        assert (state["lat"], state["lon"]) == pytest.approx((42.9, -75.5), abs=0.3)
    assert "New York City" not in set(table.loc[table["article_id"] == "state", "place"])
    # a home state before an office title qualifies the politician: no place covered
    # (`qualifiers.office_mentions`: "Vermont Sen. Bernie Sanders")
    for aid in ("senator", "congressman"):
        assert table[table["article_id"] == aid].empty


def test_washington_is_dc_in_political_text_and_the_state_when_said():
    corpus, ents = located(
        {
            "dc": "Lawmakers in Washington passed the bill.",
            "wa": "Sanders won Washington state on Saturday.",
            "gov": "Washington Gov. Jay Inslee spoke.",
        },
        ["Washington"],
    )
    table = find_places(corpus, ents)
    dc = place(table, "dc", "Washington, D.C.")
    assert (dc["lat"], dc["lon"]) == pytest.approx((38.9, -77.04), abs=0.05)
    state = place(table, "wa", "Washington State")
    assert state["geonameid"] == "US-WA" and 46 < state["lat"] < 48.5
    assert table[table["article_id"] == "gov"].empty  # "Washington Gov. Jay Inslee": an office


def test_state_points_are_inside_their_states():
    table = find_places(
        corpus_of(["a"]), entities([("a", "New Jersey", "LOC"), ("a", "Michigan", "LOC")])
    )
    nj = place(table, "a", "New Jersey")
    assert (nj["lat"], nj["lon"]) == pytest.approx((40.1, -74.7), abs=0.3)
    mi = place(table, "a", "Michigan")
    assert 42 < mi["lat"] < 45 and -86 < mi["lon"] < -83  # the Lower Peninsula


def test_us_spellings_are_one_place():
    ents = entities([("a", n, "LOC") for n in ("U.S.", "US", "America", "United States")])
    table = find_places(corpus_of(["a"]), ents)
    assert table["place"].tolist() == ["United States"]
    assert table["n_mentions"].tolist() == [4]


def test_a_newspaper_name_is_not_a_place():
    corpus, ents = located(
        {"a": "He told the USA TODAY NETWORK that the U.S. would act."}, ["USA", "U.S."]
    )
    table = find_places(corpus, ents)
    assert table["n_mentions"].tolist() == [1]  # "U.S." only, not "USA" of USA TODAY


def test_long_island_is_not_long_island_city():
    table = find_places(corpus_of(["a"]), entities([("a", "Long Island", "LOC")]))
    assert len(table) == 0  # a region: no row rather than a Queens neighbourhood


def test_a_map_of_the_largest_groups_says_how_many_groups_it_leaves_out():
    ents = entities([("a1", "Baghdad", "LOC"), ("a2", "Mosul", "LOC"), ("b1", "Damascus", "LOC")])
    ids = ["a1", "a2", "b1", "c1"]
    places = find_places(corpus_of(ids), ents)
    labels = pd.Series(
        pd.Categorical(["A", "A", "B", "C"], categories=["A", "B", "C"]),
        index=pd.Index(ids, name="article_id"),
    )
    table = places_by_group(places, labels, top_n=1)
    assert set(table["group"].astype("str")) == {"A"}
    assert table.attrs["not_drawn"] == {"n_groups": 2, "n_articles": 2, "kept": 1}
    fig, _ = plot_place_map(table)
    assert fig._suptitle.get_text() == (
        "maps of the 1 largest of 3 groups; 2 groups (2 articles) not drawn"
    )
    plt.close(fig)
    every, _ = plot_place_map(places_by_group(places, labels, top_n=6))
    assert every._suptitle is None  # every group drawn: no note
    plt.close(every)
