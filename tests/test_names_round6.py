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


def _quotes(make_corpus, bodies):
    from newscorpus.sources import find_quotes, find_sources

    corpus = make_corpus({k: "A title line for the test\n" + v + "\n" for k, v in bodies.items()})
    quotes = find_quotes(corpus)
    quotes, sources, _ = resolve_corpus(quotes, find_sources(corpus, quotes))
    return quotes, sources


def test_a_party_label_before_a_name_is_no_part_of_it(make_corpus):
    quotes, sources = _quotes(
        make_corpus,
        {
            "a.txt": "Democrat Stacey Abrams said on Friday that she would not concede the race.",
            "b.txt": "Stacey Abrams said the count was not over.",
        },
    )
    assert set(quotes["canonical"]) == {"Stacey Abrams"}
    names = sources.set_index("article_id")
    assert names.loc["a", "canonical"] == "Stacey Abrams"
    assert names.loc["a", "name"] == "Democrat Stacey Abrams"  # the surface form is kept


def test_labels_alone_and_titles_after_a_label():
    from newscorpus.sources.forms import unlabelled
    from newscorpus.sources.given_names import is_first_name

    assert unlabelled("GOP Rapid Response Coordinator Steve Guest", is_first_name) == "Steve Guest"
    assert unlabelled("By Harry Reid", is_first_name) == "Harry Reid"
    assert unlabelled("Republican Trump", is_first_name) == "Trump"
    assert unlabelled("Democrat", is_first_name) == ""
    assert unlabelled("Conservative HQ", is_first_name) == "Conservative HQ"  # an outlet
    assert unlabelled("Independent Journal Review", is_first_name) == "Independent Journal Review"


def test_an_epithet_before_a_name_gives_the_person(make_corpus):
    quotes, sources = _quotes(
        make_corpus,
        {
            "b.txt": (
                "Hillary Clinton said Trump was unfit for office.\n"
                '"He is a danger," Crooked Hillary said at the rally.'
            )
        },
    )
    rows = quotes[quotes["speaker"] == "Crooked Hillary"]
    assert rows["canonical"].tolist() == ["Hillary Clinton"]
    assert set(sources["canonical"]) == {"Hillary Clinton"}


def test_epithets_are_dropped_only_before_a_name():
    from newscorpus.sources.canonical import person_name

    assert person_name("Sleepy Joe Biden", "") == "Joe Biden"
    assert person_name("Mini Mike Bloomberg", "") == "Mike Bloomberg"
    assert person_name("Little Marco", "Sen. Marco Rubio spoke first.") == "Marco Rubio"
    assert person_name("Little Rock", "in Little Rock, Arkansas") == "Little Rock"


def test_an_official_named_after_a_long_lower_case_title_is_named(make_corpus):
    quotes, sources = _quotes(
        make_corpus,
        {
            "c.txt": (
                "Secretary of State Mike Pompeo said on Tuesday that the talks would go on.\n"
                "A spokesman for House Speaker John Boehner said the bill would pass.\n"
                "Chief of Staff Brett Horton said the office was closed."
            )
        },
    )
    kinds = dict(zip(quotes["canonical"], quotes["speaker_kind"].astype(str), strict=True))
    assert kinds["Mike Pompeo"] == "person"
    assert kinds["Brett Horton"] == "person"
    spokesman = [c for c in kinds if c.startswith("a spokesman")]
    assert [kinds[c] for c in spokesman] == ["anonymous"]  # a spokesman FOR the speaker
    assert (sources["kind"].astype(str) == "anonymous").sum() == 1


def test_named_in_reads_the_name_after_the_title_not_the_complement():
    from newscorpus.sources.kinds import named_in

    assert named_in("the deputy assistant secretary of defense John Doe") == (
        "John Doe",
        "the deputy assistant secretary of defense",
    )
    assert named_in("the presumptive Democrat nominee for president Joe Biden")[0] == "Joe Biden"
    assert named_in("West Virginia Secretary of State Mac Warner")[0] == "Mac Warner"
    assert named_in("White House deputy chief of staff Bill Shine")[0] == "Bill Shine"
    assert named_in("Anthony Cordesman of the Center for Strategic and International Studies")[
        0
    ] == ("Anthony Cordesman")
    for unnamed in (
        "a spokesperson for Prime Minister Boris Johnson",
        "The campaign manager for Alison Lundergan Grimes",
        "Analysts at Morgan Stanley",
        "the owner of the Dallas Mavericks",
        "a spokesman for Russian president Vladimir Putin",
        "A campaign organizer for Democratic presidential candidate Bernie Sanders",
        "The former mayor of Mexico City",
        "secretary of Defense under President Obama",
        "a senior official",
        "Senate Democrats",
    ):
        assert named_in(unnamed) is None, unnamed


def _entities(rows):
    return pd.DataFrame(rows, columns=["article_id", "text", "type", "canonical"]).assign(
        type=lambda t: pd.Categorical(t["type"], categories=["PER", "ORG", "LOC", "MISC"])
    )


def _resolved(rows):
    from newscorpus.entities import resolve_entities

    out = resolve_entities(_entities(rows))
    return list(zip(out["text"], out["canonical"], out["type"].astype(str), strict=True))


def test_an_epithet_before_a_name_is_the_person_in_the_entities():
    got = _resolved(
        [
            ("f", "Crooked Hillary", "PER", "Crooked Hillary"),
            ("f", "Hillary Clinton", "PER", "Hillary Clinton"),
            ("g", "Sleepy Joe Biden", "PER", "Sleepy Joe Biden"),
            ("g", "Joe Biden", "PER", "Joe Biden"),
            ("h", "Little Rock", "LOC", "Little Rock"),
            ("h", "Little Sisters", "PER", "Little Sisters"),
        ]
    )
    assert ("Crooked Hillary", "Hillary Clinton", "PER") in got  # the surface form is kept
    assert ("Sleepy Joe Biden", "Joe Biden", "PER") in got
    assert ("Little Rock", "Little Rock", "LOC") in got
    assert ("Little Sisters", "Little Sisters", "PER") in got  # no name follows


def test_an_epithet_s_first_name_is_the_article_s_person_not_another_nickname():
    got = _resolved(
        [
            ("p", "Mini Mike", "PER", "Mini Mike"),
            ("p", "Mike Bloomberg", "PER", "Mini Mike Bloomberg"),  # the article's merge
            ("q", "Big Mike", "PER", "Big Mike"),
            ("r", "Big Mike", "PER", "Big Mike"),
            ("s", "Big Mike", "PER", "Big Mike"),
        ]
    )
    assert ("Mini Mike", "Mike Bloomberg", "PER") in got


def test_a_firm_named_after_a_person_stays_a_firm_and_the_person_a_person():
    got = _resolved(
        [
            ("a", "Jeb Bush", "PER", "Jeb Bush"),
            ("a", "Jeb Bush & Associates LLC", "ORG", "Jeb Bush & Associates LLC"),
            ("b", "Jeb Bush", "PER", "Jeb Bush"),
            ("c", "Clinton Foundation", "PER", "Clinton Foundation"),
            ("d", "Clinton Foundation", "PER", "Clinton Foundation"),
            ("e", "Chrysler", "PER", "Chrysler"),
            ("e", "Chrysler Corp", "ORG", "Chrysler Corp"),
        ]
    )
    assert got.count(("Jeb Bush", "Jeb Bush", "PER")) == 2
    assert ("Jeb Bush & Associates LLC", "Jeb Bush & Associates LLC", "ORG") in got
    assert got.count(("Clinton Foundation", "Clinton Foundation", "ORG")) == 2
    assert ("Chrysler", "Chrysler Corp", "ORG") in got  # a one-word name opening a firm


def test_the_tagger_s_firm_span_does_not_swallow_its_namesake(make_corpus):
    from newscorpus.entities import find_entities

    corpus = make_corpus(
        {
            "a.txt": "Bush money\nJeb Bush & Associates LLC paid him $1.3 million, the filing "
            "showed. Jeb Bush said the firm was his.\n"
        }
    )
    found = find_entities(corpus)
    names = dict(zip(found["text"], found["canonical"], strict=False))
    assert names.get("Jeb Bush") == "Jeb Bush"


def test_a_plural_title_alone_and_a_party_before_a_name_are_no_person():
    from newscorpus.entities.kinds import is_title_word
    from newscorpus.entities.people import untitled_name

    assert is_title_word("Sens") and is_title_word("Reps.")
    nigel = frozenset({"nigel"})
    assert untitled_name("UK Independence Party Nigel Farage", nigel) == "Nigel Farage"
    assert untitled_name("Tea Party Patriots", nigel) is None
    got = _resolved(
        [("s", "Sens", "PER", "Sens"), ("s", "Lindsey Graham", "PER", "Lindsey Graham")]
    )
    assert [c for _, c, _ in got] == ["Lindsey Graham"]


def test_far_opening_a_sentence_is_no_speaker():
    from newscorpus.sources.forms import not_a_name

    assert not_a_name("Far")  # "Far more common are …": read as "Nigel Far" from "Farage"


def test_an_unlisted_newspaper_opened_by_a_city_is_one_source_not_the_city(make_corpus):
    quotes, sources = _quotes(
        make_corpus,
        {
            "a.txt": "According to the Savannah Morning News, the mayor will resign.",
            "b.txt": "The mayor will resign, Savannah Morning News said.",
        },
    )
    assert set(quotes["canonical"]) == {"Savannah Morning News"}
    assert "Savannah" not in set(sources["canonical"])
    assert sources["kind"].astype(str).tolist() == ["outlet", "outlet"]  # a newspaper


def test_a_newspaper_head_needs_a_word_before_it():
    from newscorpus.sources.forms import org_by_head

    assert org_by_head("the Macon Telegraph") == "Macon Telegraph"
    assert org_by_head("Savannah Morning News") == "Savannah Morning News"
    assert org_by_head("News") is None
    assert org_by_head("Savannah") is None


def test_a_party_member_alone_is_one_unnamed_source():
    from newscorpus.sources.kinds import collective_or_anonymous

    assert collective_or_anonymous("a Republican") == "anonymous"
    assert collective_or_anonymous("one Democrat") == "anonymous"
    assert collective_or_anonymous("Senate Republicans") == "collective"


def test_a_firm_named_after_a_person_is_quoted_as_the_firm(make_corpus):
    quotes, sources = _quotes(
        make_corpus,
        {
            "a.txt": (
                "Jeb Bush said the firm was his. "
                '"We did well," Jeb Bush & Associates LLC said in a statement.'
            )
        },
    )
    row = quotes[quotes["quote"].str.startswith("We did well")]
    assert row["canonical"].tolist() == ["Jeb Bush & Associates LLC"]  # was "Associates LLC"
    assert row["speaker_kind"].astype(str).tolist() == ["organization"]
    assert "Associates LLC" not in set(sources["canonical"])
