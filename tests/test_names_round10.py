"""One person, one name (issue 16, round 10): a surname with a particle or without the
Arabic article is its full name's bearer ("Van Hollen" of "Chris Van Hollen", "Ansi" of "Nasr
al-Ansi"), spellings with and without "al-" are one person ("Bashar Assad"), a formal given
name with a middle initial joins its short form ("Joseph R. Biden", "Joe Biden"), and a
surname titled "Mr." and "Ms." in one article names two people (a husband and wife)."""

from __future__ import annotations

import pandas as pd
from quote_rows import quote_row

from newscorpus.sources.canonical import corpus_aliases
from newscorpus.sources.given_names import nickname_aliases
from newscorpus.sources.person_keys import (
    is_bare_surname,
    person_keys,
    surname_key,
    surname_of,
)
from newscorpus.sources.same_surname import courtesy_couples, particle_bearer


def _names(rows):
    return pd.DataFrame(rows, columns=["canonical", "kind", "n_articles"])


def test_a_surname_keeps_its_particles_and_drops_the_arabic_article_in_its_key():
    assert surname_of("Chris Van Hollen") == "Van Hollen"
    assert surname_of("Bill de Blasio") == "de Blasio"
    assert surname_of("Van Jones") == "Jones"  # a first word is a given name
    assert surname_key("al-Ansi") == surname_key("Ansi") == "ansi"
    assert surname_key("Van Hollen") == "vanhollen"
    assert is_bare_surname("Van Hollen") and is_bare_surname("al-Abadi")
    assert not is_bare_surname("Al Gore") and not is_bare_surname("Mr. Horrigan")
    assert not is_bare_surname("Ben Smith")  # a given name, no particle


def test_spellings_with_and_without_al_are_one_person():
    keys = person_keys(["Bashar Assad", "Bashar al-Assad", "Bashar el-Assad", "Bashar al Assad"])
    assert len(set(keys.values())) == 1
    aliases = corpus_aliases(
        _names([("Bashar Assad", "person", 5), ("Bashar al-Assad", "person", 3)])
    )
    assert aliases.set_index("alias").loc["Bashar al-Assad", "canonical"] == "Bashar Assad"


def test_a_bare_surname_with_a_particle_takes_the_corpus_full_name():
    aliases = corpus_aliases(
        _names(
            [
                ("Chris Van Hollen", "person", 6),
                ("Van Hollen", "person", 3),
                ("Nasr al-Ansi", "person", 2),
                ("Ansi", "person", 1),
                ("Paul Ansi", "person", 0),
            ]
        )
    ).set_index("alias")
    assert aliases.loc["Van Hollen", "canonical"] == "Chris Van Hollen"
    assert aliases.loc["Ansi", "canonical"] == "Nasr al-Ansi"


def test_an_article_full_name_with_particles_is_its_surname_bearer():
    names = ["Chris Van Hollen", "Paul Ryan"]
    assert particle_bearer("Van Hollen", names) == "Chris Van Hollen"
    assert particle_bearer("Abadi", ["Haider al-Abadi", "Barack Obama"]) == "Haider al-Abadi"
    assert particle_bearer("Trump", ["Donald Trump"]) is None  # the usual rule decides
    assert particle_bearer("Assad", ["Bashar al-Assad", "Hafez al-Assad"]) is None  # two


def test_quoted_van_hollen_and_ansi_are_the_people_the_article_names(paragraph_quotes):
    q = paragraph_quotes(
        "Representative Chris Van Hollen of Maryland spoke on Tuesday.",
        "“They made that choice,” Mr. Van Hollen said.",
        "One of the group’s top commanders, Nasr al-Ansi, spoke in a video.",
        "“This revenge has soothed our pain,” Ansi said.",
    )
    assert quote_row(q, "made that choice")["canonical"] == "Chris Van Hollen"
    assert quote_row(q, "soothed our pain")["canonical"] == "Nasr al-Ansi"


def test_a_formal_given_name_with_a_middle_initial_joins_its_short_form():
    got = nickname_aliases({"Joseph R. Biden": 8, "Joe Biden": 300, "Hunter Biden": 3})
    assert got == {"Joseph R. Biden": "Joe Biden"}
    aliases = corpus_aliases(
        _names([("Joseph R. Biden", "person", 8), ("Joe Biden", "person", 40)])
    ).set_index("alias")
    assert aliases.loc["Joseph R. Biden", "canonical"] == "Joe Biden"


def test_two_sets_of_initials_stay_two_people():
    got = nickname_aliases({"George W. Bush": 8, "George H.W. Bush": 3, "Geo Bush": 1})
    assert "George W. Bush" not in got and "George H.W. Bush" not in got


def test_mr_and_ms_of_one_surname_are_two_people():
    body = (
        "“I was a poster child for this,” Mr. Horrigan said. Then Ms. Horrigan learned that "
        "her insurer was dropping her. “It protects somebody like my husband,” Ms. Horrigan said."
    )
    rows = [
        {"speaker_kind": "person", "canonical": "Horrigan", "start": 1, "end": 30},
        {"speaker_kind": "person", "canonical": "Horrigan", "start": 128, "end": 160},
    ]
    courtesy_couples(rows, body, 0)
    assert [r["canonical"] for r in rows] == ["Mr. Horrigan", "Ms. Horrigan"]


def test_one_title_alone_keeps_the_surname():
    body = "“We will,” Mr. Smith said. Later Mr. Smith left."
    rows = [{"speaker_kind": "person", "canonical": "Smith", "start": 1, "end": 8}]
    courtesy_couples(rows, body, 0)
    assert rows[0]["canonical"] == "Smith"


def test_a_couple_in_an_article_is_split_in_the_quotes_table(paragraph_quotes):
    q = paragraph_quotes(
        "“I was a poster child for why folks should have this opportunity,” Mr. Horrigan said.",
        "Then Ms. Horrigan learned that her insurer was discontinuing her policy.",
        "“I appreciate the irony of complaining about my premiums,” Ms. Horrigan said.",
    )
    assert quote_row(q, "poster child")["canonical"] == "Mr. Horrigan"
    assert quote_row(q, "appreciate the irony")["canonical"] == "Ms. Horrigan"


def test_a_rare_nickname_pair_does_not_cross_a_middle_initial():
    # the nickname list pairs "Bill" with "Robert" too: "Bill Lee" is no "Robert E. Lee"
    assert nickname_aliases({"Bill Lee": 1, "Robert E. Lee": 5}) == {}
    got = nickname_aliases({"William J. Clinton": 1, "Bill Clinton": 50, "Hillary Clinton": 90})
    assert got == {"William J. Clinton": "Bill Clinton"}


def test_a_bare_last_word_still_finds_a_surname_with_a_particle():
    aliases = corpus_aliases(
        _names([("Osama bin Laden", "person", 9), ("Laden", "person", 1)])
    ).set_index("alias")
    assert aliases.loc["Laden", "canonical"] == "Osama bin Laden"


def test_a_titled_surname_of_a_couple_goes_to_the_corpus_bearer_of_its_gender():
    aliases = corpus_aliases(
        _names(
            [
                ("Donald Trump", "person", 40),
                ("Melania Trump", "person", 12),
                ("Mr. Trump", "person", 1),
                ("Mrs. Trump", "person", 1),
                ("Mr. Horrigan", "person", 1),
                ("Ms. Horrigan", "person", 1),
            ]
        )
    ).set_index("alias")
    assert aliases.loc["Mr. Trump", "canonical"] == "Donald Trump"
    assert aliases.loc["Mrs. Trump", "canonical"] == "Melania Trump"
    assert "Mr. Horrigan" not in aliases.index and "Ms. Horrigan" not in aliases.index


def test_a_particle_surname_never_takes_a_phrase_or_another_spelling_s_bearer():
    assert particle_bearer("de Lauro", ["Insurance Leave Act DeLauro"]) is None
    # "El-Haddad" written so: the article's own "Gehad El-Haddad", never "Essam El Haddad"
    assert particle_bearer("El-Haddad", ["Gehad El-Haddad", "Essam El Haddad"]) is None
