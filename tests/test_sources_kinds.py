"""Kinds of source (anonymous, role, collective, country), citations rather than mentions, an
outlet's own name in its own articles, and speaker noun phrases glued to something else."""

from __future__ import annotations

import pandas as pd
import pytest

from newscorpus.sources import anonymous_share, find_quotes, find_sources
from newscorpus.sources.cited import is_citation
from newscorpus.sources.kinds import collective_or_anonymous, role_of
from newscorpus.sources.phrases import tidy_speaker


def _kinds(q: pd.DataFrame) -> dict[str, str]:
    return dict(zip(q["speaker"], q["speaker_kind"], strict=True))


@pytest.mark.parametrize(
    ("phrase", "kind"),
    [
        ("a senior administration official", "anonymous"),
        ("officials", "anonymous"),
        ("U.S. officials", "anonymous"),
        ("people familiar with the matter", "anonymous"),
        ("a source", "anonymous"),
        ("Democrats", "collective"),
        ("Republicans", "collective"),
        ("critics", "collective"),
        ("the administration", "collective"),
        ("Senate Republicans", "collective"),
        ("experts", "collective"),
    ],
)
def test_unnamed_descriptions_are_anonymous_or_collective(phrase, kind):
    assert collective_or_anonymous(phrase) == kind


def test_offices_are_roles():
    assert role_of("the president") == "president"
    assert role_of("the Florida senator") == "senator"
    assert role_of("the former president") is None  # not the office holder
    assert role_of("officials") is None


def test_the_president_is_the_president_named_in_the_article(quotes_of):
    q = quotes_of(
        "President Barack Obama spoke in Ohio on Monday.\n"
        "“We will rebuild the bridge,” the president said.\n"
        "“It is a waste of money,” critics said.\n"
        "“The plan was rushed,” a senior official said.\n"
    )
    by = q.set_index("speaker")
    assert by.loc["the president", "speaker_kind"] == "person"
    assert by.loc["the president", "canonical"] == "Barack Obama"
    assert by.loc["critics", "speaker_kind"] == "collective"
    assert by.loc["a senior official", "speaker_kind"] == "anonymous"


def test_an_office_no_one_holds_in_the_article_stays_a_role(quotes_of):
    q = quotes_of("“We will rebuild the bridge,” the governor said.\n")
    assert _kinds(q) == {"the governor": "role"}


def test_unnamed_share_counts_only_anonymous_sources(make_corpus):
    corpus = make_corpus(
        {
            "a.txt": "Title of the story\n"
            "“The vote is rigged,” Republicans said.\n"
            "“We will win,” Democrats said.\n"
            "“It will pass,” the governor said.\n"
            "“The talks failed,” a senior official said.\n"
            "“We are ready,” Ana Ruiz said.\n"
        }
    )
    sources = find_sources(corpus)
    labels = pd.Series("all", index=corpus.articles["article_id"].astype("str"))
    table = anonymous_share(sources, corpus.articles, labels)
    row = table[table["period"] == "all"].iloc[0]
    assert (row["n_people"], row["n_anonymous"]) == (2, 1)  # Ana Ruiz, a senior official
    assert (row["n_role"], row["n_collective"]) == (1, 2)


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        ("Trump picked Pompeo to lead the CIA last year.", False),
        ("Trump sent a letter to the United Nations on Monday.", False),
        ("According to the CIA, the program ended.", True),
        ("The CIA said the program ended.", True),
        ("The CIA's report found no link.", True),
        ("Ana Ruiz told the CIA that it ended.", True),
        ("A statement from the United Nations said talks would resume.", True),
    ],
)
def test_a_citation_is_an_attribution_not_a_mention(text, cited):
    name = "CIA" if "CIA" in text else "United Nations"
    start = text.index(name)
    assert is_citation(text, start, start + len(name)) is cited


def test_bare_mentions_of_organisations_are_not_cited(make_corpus):
    corpus = make_corpus(
        {
            "a.txt": "Title of the story\n"
            "Trump picked Mike Pompeo to lead the CIA.\n"
            "The United Nations met on Monday.\n"
            "According to the State Department, the talks failed.\n"
        }
    )
    s = find_sources(corpus)
    cited = set(s.loc[s["kind"].isin(["organization", "outlet"]), "canonical"])
    assert cited == {"State Department"}
    assert "United States" not in set(s.loc[s["kind"] == "organization", "canonical"])


def test_an_outlet_never_cites_itself(make_corpus):
    corpus = make_corpus(
        {
            "a.txt": "Title of the story\n"
            "“We are ahead,” Ana Ruiz told HuffPost on Monday.\n"
            "HuffPost Pollster's average shows her ahead, CNN reported.\n",
            "manifest.csv": "article_id,outlet\na,HuffPost\n",
        }
    )
    s = find_sources(corpus)
    names = set(s["canonical"])
    assert "HuffPost" not in names
    assert not any(n.startswith("HuffPost") for n in names)
    assert "CNN" in names


@pytest.mark.parametrize(
    ("speaker", "kind", "expected", "expected_kind"),
    [
        ("Trump Donald John Trump", "person", "Donald Trump", "person"),
        ("Sanders Bernard (Bernie) Sanders", "person", "Bernie Sanders", "person"),
        ("Johnson, 55-year-old salesman", "person", "Johnson", "person"),
        ("Roy Verley, HP's former chief", "anonymous", "Roy Verley", "person"),
        ("Chicago Tribune, what the", "outlet", "Chicago Tribune", "outlet"),
        ("what the Libyan president", "person", "the Libyan president", "anonymous"),
        ("Carson, Fiorina and Huckabee", "person", "Carson, Fiorina and Huckabee", "person"),
    ],
)
def test_speaker_phrases_lose_what_is_glued_to_them(speaker, kind, expected, expected_kind):
    row = {"speaker": speaker, "speaker_kind": kind}
    tidy_speaker(row, "")
    assert (row["speaker"], row["speaker_kind"]) == (expected, expected_kind)


def test_a_live_blog_subhead_is_not_part_of_the_speaker(make_corpus):
    corpus = make_corpus(
        {
            "a.txt": "The Latest: campaign notes\n"
            "10:35PM Chris Christie Says He Would Issue A Quarantine Over Zika Virus\n"
            "Chris Christie said he would quarantine people over fears of the virus.\n"
            "“You bet I would,” Christie said.\n"
        }
    )
    q = find_quotes(corpus)
    assert set(q["speaker"].dropna()) == {"Chris Christie"}


def test_a_qualified_office_is_its_qualified_holder_never_a_former_one():
    from newscorpus.sources.kinds import refine_kind

    body = (
        "Former Gov. Jeb Bush spoke first. Ohio Gov. John Kasich spoke next. "
        "The Ohio governor said no. The Texas senator said yes."
    )
    rows = [
        {"speaker": s, "speaker_kind": "anonymous", "canonical": s, "start": body.index(s)}
        for s in ("The Ohio governor", "The Texas senator")
    ]
    refine_kind(rows, body, 0)
    assert [(r["speaker_kind"], r["canonical"]) for r in rows] == [
        ("person", "John Kasich"),
        ("role", "the Texas senator"),
    ]


def test_a_name_card_cut_short_by_a_glued_headline_is_the_name():
    row = {"speaker": "Trump Donald John", "speaker_kind": "person"}
    tidy_speaker(row, "President Trump Donald John TrumpKamala Harris calls for MORE is gambling.")
    assert row["speaker"] == "Donald Trump"


def test_the_president_after_a_name_card_or_a_possessive_is_the_name():
    from newscorpus.sources.kinds import refine_kind

    for body in (
        "President Trump Donald John TrumpKamala Harris calls MORE is gambling. The president said.",
        "President Donald Trump's plan failed. The president said so.",
    ):
        start = body.index("The president")
        rows = [
            {
                "speaker": "The president",
                "speaker_kind": "anonymous",
                "start": start,
                "canonical": "the president",
            }
        ]
        refine_kind(rows, body, 0)
        assert (rows[0]["speaker_kind"], rows[0]["canonical"]) == ("person", "Donald Trump")


def test_the_president_is_never_the_vice_president():
    from newscorpus.sources.kinds import refine_kind

    body = "Vice President Mike Pence spoke. The president said no."
    rows = [
        {
            "speaker": "The president",
            "speaker_kind": "anonymous",
            "canonical": "the president",
            "start": body.index("The president"),
        }
    ]
    refine_kind(rows, body, 0)
    assert rows[0]["speaker_kind"] == "role"
