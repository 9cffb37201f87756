"""House style by its words (honorifics, clock times, middle initials) and full names counted
once: never an outlet's top or key term."""

from __future__ import annotations

import pandas as pd

from newscorpus import terms


def _table(rows):
    """A group_counts table from (group, term, ngram, count, n_articles) rows."""
    frame = pd.DataFrame(rows, columns=["group", "term", "ngram", "count", "n_articles"])
    words = {"nyt": 2000, "blog": 2000}
    frame["n_words"] = frame["group"].map(words)
    frame["rate"] = frame["count"] / frame["n_words"] * 10000
    frame["group"] = pd.Categorical(frame["group"], categories=["nyt", "blog"])
    return frame[["group", "term", "ngram", "count", "rate", "n_articles", "n_words"]]


ROWS = [
    ("nyt", "mr", 1, 60, 9),
    ("nyt", "mr trump", 2, 30, 8),
    ("nyt", "trump", 1, 80, 10),
    ("nyt", "donald", 1, 20, 8),
    ("nyt", "donald trump", 2, 12, 6),
    ("nyt", "donald j", 2, 6, 4),
    ("nyt", "senate", 1, 25, 6),
    ("blog", "p.m.", 1, 40, 6),
    ("blog", "trump", 1, 60, 10),
    ("blog", "donald", 1, 4, 3),
    ("blog", "donald trump", 2, 4, 3),
    ("blog", "rally", 1, 30, 7),
    ("blog", "los", 1, 8, 4),
    ("blog", "angeles", 1, 8, 4),
    ("blog", "los angeles", 2, 8, 4),
]


def test_style_terms_flags_honorifics_clock_times_and_middle_initials():
    flags = terms.style_terms(
        ["mr", "mr trump", "p.m.", "donald j", "w bush", "senate", "march", "march madness", "ap"],
        [1, 2, 1, 2, 2, 1, 1, 2, 1],
    )
    assert flags.tolist() == [True, True, True, True, True, False, True, False, True]


def test_keyness_leaves_out_house_style_and_folds_first_names():
    table = _table(ROWS)
    key = terms.group_keyness(table, min_count=3, min_articles=3)
    over = key[key["use"] == "over"]
    nyt = over[over["group"] == "nyt"]["term"].astype("str").tolist()
    blog = over[over["group"] == "blog"]["term"].astype("str").tolist()
    assert "mr" not in nyt and "mr trump" not in nyt and "donald j" not in nyt
    assert "senate" in nyt
    assert "p.m." not in blog and "rally" in blog
    # "donald" is 75 % or more "donald trump" / "donald j": counted once, as Trump
    assert "donald" not in key["term"].astype("str").tolist()
    assert key.attrs["folded_names"]["donald"] == "donald trump"
    assert key.attrs["left_out"]["nyt"]["house_style"] == 3  # mr, mr trump, donald j


def test_top_terms_count_a_full_name_once():
    table = _table(ROWS)
    content = terms.content_terms(table, {"nyt": 10, "blog": 10}, names=["trump"])
    ones = content[content["ngram"] == 1]
    listed = ones["term"].astype("str").tolist()
    assert "donald" not in listed and "trump" in listed and "mr" not in listed
    assert "p.m." not in listed
    # "angeles" is used only inside "los angeles": shown as the name, "los" not at all
    blog = ones[ones["group"] == "blog"].set_index(
        ones[ones["group"] == "blog"]["term"].astype("str")
    )
    assert blog.loc["los angeles", "count"] == 8 and "los" not in listed and "angeles" not in listed
    assert content.attrs["folded_names"] == {
        "donald": "donald trump",
        "los": "los angeles",
        "angeles": "los angeles",
    }


def test_a_first_name_used_alone_stays():
    # "hillary" alone in 60 % of its uses is a naming choice, not part of one name
    rows = [
        ("nyt", "hillary", 1, 10, 5),
        ("nyt", "hillary clinton", 2, 4, 3),
        ("nyt", "clinton", 1, 40, 9),
        ("blog", "hillary", 1, 30, 8),
        ("blog", "hillary clinton", 2, 8, 5),
        ("blog", "clinton", 1, 20, 7),
    ]
    first, whole = terms.name_folds(_table(rows))
    assert first == {} and whole == {}


def test_us_in_capitals_is_the_country_and_lower_case_us_the_pronoun(make_corpus):
    from newscorpus import terms

    corpus = make_corpus(
        {"a.txt": "Title line\n\nThe US and the U.S. Senate told us the US plan was late.\n"}
    )
    counts = terms.term_counts(corpus, by="article")
    found = dict(zip(counts["term"].astype("str"), counts["count"], strict=True))
    assert found.get("u.s.") == 3  # US, U.S. and US
    assert "us" not in found  # "told us": the pronoun, a stopword since round 10
