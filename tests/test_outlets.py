"""One outlet, one name: listed outlet names and URLs resolved to one canonical outlet."""

from __future__ import annotations

import pandas as pd
import pytest

from newscorpus.corpus import read_corpus
from newscorpus.corpus.outlets import (
    canonical_manifest,
    canonical_outlets,
    display_form,
    outlet_key,
    site,
    summary,
)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Fox News", "fox"),
        ("Fox Online News", "fox"),
        ("Fox News Opinion", "fox"),
        ("New York Times - News", "newyorktimes"),
        ("New York Times (Online News)", "newyorktimes"),
        ("CNN (Web News)", "cnn"),
        ("CNN - Editorial", "cnn"),
        ("Newsmax (News)", "newsmax"),
        ("Newsmax - Opinion", "newsmax"),
        ("The Western Journal", "westernjournal"),
        ("Cato Institute (blog)", "catoinstitute"),
        ("DesMoines Register", "desmoinesregister"),
        ("Des Moines Register", "desmoinesregister"),
        ("Guest Writer - Right", "guestwriterright"),
        ("News", "news"),
    ],
)
def test_outlet_key_merges_section_and_medium_variants(name, key):
    assert outlet_key(name) == key


def test_display_form_drops_qualifiers_only():
    assert display_form("CNN (Web News)") == "CNN"
    assert display_form("NPR Online News") == "NPR"
    assert display_form("Wall Street Journal - Editorial") == "Wall Street Journal"
    assert display_form("Allysia Finley (Wall Street Journal)") == (
        "Allysia Finley (Wall Street Journal)"
    )


def test_site_is_the_registered_domain_offline():
    assert site("http://politicalticker.blogs.cnn.com/2013/x") == "cnn.com"
    assert site("https://blogs.lse.ac.uk/usappblog/") == "lse.ac.uk"
    assert site("www1.cbn.com/news") == "cbn.com"
    assert site("https://someone.blogspot.com/p/post") == "someone.blogspot.com"
    assert site("") is None and site(None) is None and site("localhost") is None


def test_one_outlet_under_several_names_becomes_one_group():
    names = ["Fox Online News"] * 4 + ["Fox News"] * 3 + ["Fox News Opinion"] + ["Reuters"] * 2
    out = canonical_outlets(names)
    assert out.tolist() == ["Fox News"] * 8 + ["Reuters"] * 2


def test_known_outlet_list_names_the_outlet():
    out = canonical_outlets(["New York Times - News", "New York Times (Online News)", "nyt"])
    assert set(out) == {"The New York Times"}


def test_a_site_owned_by_one_outlet_takes_its_columnists_and_guest_writers():
    names = ["CNN (Web News)"] * 5 + ["Julian Zelizer", "Guest Writer - Left", None]
    urls = [f"https://www.cnn.com/{i}" for i in range(8)]
    out = canonical_outlets(names, urls)
    assert out.tolist() == ["CNN"] * 8


def test_an_aggregator_site_decides_nothing():
    names = ["Prager University"] * 3 + ["Cato Institute"] * 2 + ["Politico"] * 2 + ["FAIR"]
    urls = ["https://www.allsides.com/x"] * 8
    out = canonical_outlets(names, urls)
    assert out.tolist() == names


def test_a_site_needs_enough_articles_to_name_an_outlet():
    out = canonical_outlets(["Jo Bloggs", "Daily Planet"], ["http://planet.com/1"] * 2)
    assert out.tolist() == ["Jo Bloggs", "Daily Planet"]


def test_lengths_must_match():
    with pytest.raises(ValueError, match="urls has 1 values for 2 outlet names"):
        canonical_outlets(["A", "B"], ["http://a.com"])


def test_manifest_keeps_the_listed_name():
    manifest = pd.DataFrame(
        {
            "article_id": ["a", "b", "c"],
            "outlet": ["CNN (Web News)", "CNN - Editorial", ""],
        },
        dtype="str",
    )
    out = canonical_manifest(manifest)
    assert out["outlet"].tolist()[:2] == ["CNN", "CNN"]
    assert out["outlet_listed"].tolist()[:2] == ["CNN (Web News)", "CNN - Editorial"]
    assert out["outlet_listed"].isna().tolist()[2]


def _write(folder, name, text):
    (folder / name).write_text(text, encoding="utf-8")


def test_read_corpus_groups_a_manifest_outlet_once_and_lists_variants(tmp_path):
    rows = []
    for i, (outlet, url) in enumerate(
        [
            ("Fox Online News", "https://www.foxnews.com/a"),
            ("Fox News", "https://www.foxnews.com/b"),
            ("Fox News Opinion", "https://www.foxnews.com/c"),
            ("Juan Williams", "https://www.foxnews.com/d"),
            ("Reuters", ""),
        ]
    ):
        aid = f"art{i}"
        _write(tmp_path, f"{aid}.txt", f"Headline {i}\n\nBody text number {i} about things.\n")
        rows.append(f"{aid},{outlet},{url}")
    _write(tmp_path, "manifest.csv", "article_id,outlet,url\n" + "\n".join(rows) + "\n")
    articles = read_corpus(tmp_path).articles.set_index("article_id")
    assert articles["outlet"].tolist() == ["Fox News"] * 4 + ["Reuters"]
    assert articles.loc["art3", "outlet_listed"] == "Juan Williams"
    table = summary(articles.reset_index())
    fox = table[table["outlet"] == "Fox News"]
    assert fox["articles"].sum() == 4 and len(fox) == 4
    assert table["outlet"].iloc[0] == "Fox News"


def test_read_corpus_table_file_outlets(tmp_path):
    path = tmp_path / "export.csv"
    pd.DataFrame(
        {
            "id": ["1", "2", "3"],
            "text": ["One body.", "Two body.", "Three body."],
            "outlet": ["Newsmax - News", "Newsmax (News)", "Newsmax"],
        }
    ).to_csv(path, index=False)
    articles = read_corpus(path).articles
    assert articles["outlet"].tolist() == ["Newsmax"] * 3
    assert articles["outlet_listed"].tolist() == ["Newsmax - News", "Newsmax (News)", "Newsmax"]


def test_text_outlets_are_their_own_listed_name():
    articles = read_corpus("seeds").articles
    has = articles["outlet"].notna()
    assert (articles.loc[has, "outlet_listed"] == articles.loc[has, "outlet"]).all()


def test_an_accented_letter_is_a_letter_in_the_outlet_key():
    from newscorpus.corpus.outlets import outlet_key

    assert outlet_key("Mitú") == "mitu" != outlet_key("MIT News")  # two outlets, not one
    assert outlet_key("Süddeutsche Zeitung") == outlet_key("Suddeutsche Zeitung")
