"""Speakers and unnamed sources, round 7 (issue 16 "one source, one name"), each kind on an
invented article: a surname alone given the article's main bearer of it (not merely the
full name named last), plural groups, party labels and nationalities that are no person,
middle initials that tell two people apart, and epithets whose referent the article names."""

from __future__ import annotations

import pandas as pd
import pytest
from quote_rows import quote_row


@pytest.fixture
def quotes(paragraph_quotes):
    """Quotes of one invented article: a title line, then the paragraphs (conftest)."""
    return paragraph_quotes


# --- a surname alone: the article's main bearer, never merely the one named last


def test_a_surname_is_the_main_bearer_not_a_relative_named_in_passing(quotes):
    q = quotes(
        "Jurors sentenced Amber Stoll to ten years on Wednesday. Amber Stoll wept.",
        "The defence called her mother, Karen Stoll, who spoke about her childhood.",
        "“I am sorry for what I did,” Stoll said after the verdict.",
    )
    assert quote_row(q, "I am sorry")["speaker"] == "Amber Stoll"


def test_a_surname_is_the_person_introduced_first_on_a_tie(quotes):
    q = quotes(
        "Mitt Ruiz refused to release more tax returns on Monday.",
        "“His father released twelve years,” an aide said, referring to George Ruiz, who ran"
        " in 1968.",
        "Several Republicans also urged him to release more.",
        "“This is a distraction,” Ruiz said.",
    )
    assert quote_row(q, "This is a distraction")["speaker"] == "Mitt Ruiz"


def test_a_surname_is_the_bearer_just_introduced(quotes):
    q = quotes(
        "Mitt Ruiz accepted the nomination on Thursday. Mitt Ruiz thanked the delegates.",
        "Ann Ruiz took the stage before him.",
        "“I want to talk about love tonight,” Ruiz said.",
    )
    assert quote_row(q, "I want to talk about love")["speaker"] == "Ann Ruiz"


def test_a_place_or_a_team_named_after_a_person_is_no_bearer(quotes):
    q = quotes(
        "Donald Stone spoke at Stone Tower on Monday. Team Stone cheered him. Another Stone"
        " spoke later.",
        "“We will win,” Stone said.",
    )
    assert quote_row(q, "We will win")["speaker"] == "Donald Stone"


def test_a_word_glued_before_a_full_name_makes_no_rival(quotes):
    q = quotes(
        "Addressing Amber Stoll in the courtroom, the judge read the sentence.",
        "Later her sister Karen Stoll testified.",
        "“I regret it every day,” Stoll said.",
    )
    assert quote_row(q, "I regret it")["speaker"] == "Amber Stoll"


def test_a_surname_takes_the_gender_the_pronouns_give(quotes):
    q = quotes(
        "Who is Mitt Stone? Tuesday night, Mrs. Ann Stone spoke at the convention.",
        "Mitt Stone watched from a box.",
        "Stone spoke directly to voters. She told them about her illness.",
        "“I want to talk to you tonight about love,” Stone said.",
    )
    assert quote_row(q, "I want to talk to you tonight")["speaker"] == "Ann Stone"


def test_a_party_label_read_as_a_surname_is_the_person_named_with_it():
    from newscorpus.sources.quote_names import _full_name

    masked = "Karen Hale beat Democrat Jon Osso. Atlanta Democrat voters wept. Democrat said no."
    names = {"Democrat Jon Osso": None, "Atlanta Democrat": None, "Karen Hale": None}
    assert _full_name("Democrat", masked.index("said"), names, masked, 0) == "Jon Osso"
    names["Democrat Ann Lee"] = None  # two people named with the label: no one in particular
    assert _full_name("Democrat", masked.index("said"), names, masked, 0) == "Democrat"


# --- plural groups, party labels and nationalities are no person


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("“We will appeal,” Lawyers said in a statement on Friday.", "collective"),
        ("“Premiums will rise,” Insurers warned on Friday.", "collective"),
        ("“It will rain,” Meteorologists said on Friday.", "collective"),
        ("“We will not vote for it,” one Iowa Republican said on Friday.", "anonymous"),
        ("“We will not vote for it,” said Another Democrat on Friday.", "anonymous"),
        ("“We have no comment,” a Russian said on Friday.", "anonymous"),
    ],
)
def test_a_group_or_a_label_alone_is_no_person(quotes, sentence, kind):
    q = quotes(
        "The council met in Dover on Friday. Some lawyers and meteorologists came too.",
        sentence,
    )
    row = q.iloc[0]
    assert row["speaker_kind"] == kind, q[["speaker", "speaker_kind", "canonical"]]
    assert row["canonical"] != row["speaker"] or kind == "collective"


def test_a_surname_that_is_a_plural_or_a_nationality_stays_a_person(quotes):
    q = quotes(
        "Representative Maxine Waters and investor Mark Cuban spoke in Dover on Friday.",
        "“The waters are rising,” Waters said.",
        "“I will invest,” Cuban said.",
    )
    assert quote_row(q, "The waters are rising")["speaker_kind"] == "person"
    assert quote_row(q, "I will invest")["canonical"] == "Mark Cuban"


def test_group_kind_on_its_own():
    from newscorpus.sources.collectives import group_kind, unnamed_name

    body = "Several lawyers spoke. Bernie Sanders spoke. Mark Cuban spoke."
    assert group_kind("Lawyers", body) == "collective"
    assert unnamed_name("Lawyers", "collective") == "lawyers"
    assert group_kind("House Republican", body) == "anonymous"
    assert unnamed_name("House Republican", "anonymous") == "a House Republican"
    assert group_kind("Senate Democrats", body) == "collective"
    assert group_kind("Taiwanese-American", body) == "anonymous"
    assert group_kind("Sanders", body) is None  # a surname, never written in lowercase
    assert group_kind("Cuban", body) is None  # Mark Cuban's surname
    assert group_kind("Bernie Sanders", body) is None
    assert group_kind("Robin Vos", body) is None


# --- middle initials that tell two people apart


def test_two_sets_of_middle_initials_are_two_people():
    from newscorpus.sources.canonical import corpus_aliases

    names = pd.DataFrame(
        {
            "canonical": [
                "George W. Bush",
                "George H.W. Bush",
                "George H. W. Bush",
                "George Bush",
                "John A. Boehner",
                "John Boehner",
            ],
            "kind": "person",
            "n_articles": [5, 3, 1, 4, 2, 6],
        }
    )
    table = corpus_aliases(names)
    aliases = dict(zip(table["alias"], table["canonical"], strict=True))
    assert aliases.get("George H. W. Bush") == "George H.W. Bush"
    assert "George W. Bush" not in aliases  # neither "George Bush" nor the father
    assert "George H.W. Bush" not in aliases  # no "middle name" of "George Bush"
    assert "George Bush" not in aliases  # which of the two, the corpus does not say
    assert aliases.get("John A. Boehner") == "John Boehner"  # one set of initials: one man


def test_person_keys():
    from newscorpus.sources.person_keys import middle_initials, person_keys

    assert middle_initials("George H. W. Bush") == middle_initials("George H.W. Bush") == "HW"
    assert middle_initials("J. Miles Coleman") == ""
    keys = person_keys(["Donald J. Trump", "Donald Trump", "Donald Trump Jr."])
    assert keys["Donald J. Trump"] == keys["Donald Trump"] != keys["Donald Trump Jr."]


# --- epithets whose referent the article names are no anonymous source


def test_an_epithet_is_the_person_the_article_introduced_with_it(quotes):
    q = quotes(
        "Donald Stone, the real estate mogul, toured Dover on Friday.",
        "“I will build a tower,” the real estate mogul said.",
    )
    row = quote_row(q, "I will build a tower")
    assert (row["speaker_kind"], row["canonical"]) == ("person", "Donald Stone")


def test_an_epithet_after_a_title_before_the_name(quotes):
    q = quotes(
        "Former Secretary of State Ana Ruiz spoke in Dover on Friday.",
        "“The deal is dead,” the former secretary of state said.",
        "Billionaire Tom Grant also came.",
        "“I will fund the school,” the billionaire said.",
    )
    assert quote_row(q, "The deal is dead")["canonical"] == "Ana Ruiz"
    assert quote_row(q, "I will fund the school")["canonical"] == "Tom Grant"


def test_a_truly_unnamed_source_stays_anonymous(quotes):
    q = quotes(
        "Mayor Ana Ruiz's spokesman, Tom Grant, spoke on Friday.",
        "A senior official, who declined to be named, disagreed.",
        "“The budget is a fiction,” the official said.",
        "“We have a deal,” people familiar with the matter said.",
    )
    assert quote_row(q, "The budget is a fiction")["speaker_kind"] == "anonymous"
    assert quote_row(q, "We have a deal")["speaker_kind"] == "anonymous"


def test_an_epithet_with_a_qualifier_the_holder_lacks_is_not_that_holder(quotes):
    q = quotes(
        "Gov. Tom Lee of Ohio visited Dover on Friday.",
        "“Taxes are too high,” the former Texas governor said.",
    )
    assert quote_row(q, "Taxes are too high")["canonical"] != "Tom Lee"


def test_an_organisation_described_is_no_epithet_of_a_person():
    from newscorpus.sources.epithets import epithet_holder
    from newscorpus.sources.kinds import ROLE_TITLES

    body = "The Trump administration Hide Caption said little. Later the administration said no."
    assert epithet_holder("the administration", body, body.index("Later"), ROLE_TITLES) is None
    body = "Inspector General Michael Horowitz found no bias. Attorney General Bill Barr agreed."
    pos = len(body)
    assert epithet_holder("the inspector general", body, pos, ROLE_TITLES) == "Michael Horowitz"
    body = "CDC Director Robert Redfield spoke. Later, it was over."
    pos = len(body)
    assert epithet_holder("the director of the National Institute", body, pos, ROLE_TITLES) is None


def test_a_shouted_name_takes_the_given_name_not_a_word_before_the_surname():
    from newscorpus.sources.phrases import full_name

    body = "After Stone in 2018 went after a judge, Donald Stone spoke. Later Stone left."
    assert full_name("Stone", body) == "Donald Stone"


def test_a_given_name_used_alone_is_its_bearer(quotes):
    q = quotes(
        "“We are live,” said Nina Marsh, a radio host. Internet Nina is her show.",
        "“Why now?” Nina asked.",
    )
    assert quote_row(q, "Why now?")["speaker"] == "Nina Marsh"


def test_a_party_label_in_an_appositive_is_the_person_it_describes(quotes):
    q = quotes(
        "The House met on Friday.",
        "“It is just not politically possible,” said Representative Tom Cole, an Oklahoma"
        " Republican. “We will try again.”",
        "“We will fight,” said one House Republican who asked not to be identified.",
    )
    row = quote_row(q, "not politically possible")
    assert (row["speaker_kind"], row["canonical"]) == ("person", "Tom Cole")
    assert quote_row(q, "We will fight")["speaker_kind"] == "anonymous"


def test_the_state_and_party_label_is_the_one_person_introduced_with_the_party(quotes):
    q = quotes(
        "Republican Rep. Tom Cole urged colleagues on Tuesday to vote for the deal.",
        "The Oklahoma Republican said in an interview that “it is the right thing to do.”",
    )
    row = quote_row(q, "right thing to do")
    assert (row["speaker_kind"], row["canonical"]) == ("person", "Tom Cole")


def test_two_people_joined_by_and_are_no_bearer():
    from newscorpus.sources.quote_names import _full_name

    masked = "John Kasich spoke. Rubio and Kasich met. Later Kasich said no."
    names = {"Rubio and Kasich": None, "John Kasich": None}
    assert _full_name("Kasich", masked.index("said"), names, masked, 0) == "John Kasich"


def test_a_place_opening_with_the_surname_is_no_bearer():
    from newscorpus.sources.quote_names import _full_name

    masked = "Donald Stone spoke at Stone Tower. Stone Tower is tall. Later Stone said no."
    names = {"Stone Tower": None, "Donald Stone": None}
    assert _full_name("Stone", masked.index("said"), names, masked, 0) == "Donald Stone"


def test_a_given_name_after_an_outlet_is_its_bearer():
    from newscorpus.sources.quote_names import _full_name

    masked = "NPR's Nina Totenberg reported. “Why?” Nina asked."
    names = {"NPR's Nina Totenberg": None}
    assert _full_name("Nina", masked.index("asked"), names, masked, 0) == "Nina Totenberg"
