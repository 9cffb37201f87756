"""Unnamed sources, round 9 (issue 16: sources): an unnamed source is an unnamed PERSON (a
document, a thing or a clause fragment is not one), a named person after a long title is
named, a unique office holder is a `role`, the unnamed share is per article, and a person
has one source type across the corpus."""

from __future__ import annotations

import pandas as pd
import pytest

from newscorpus.sources import anonymous_share, quoted_by_group, who_is_quoted
from newscorpus.sources.kinds import named_in, role_of
from newscorpus.sources.unnamed import head_noun, thing_kind


def _kinds(q: pd.DataFrame) -> dict[str, str]:
    return dict(zip(q["speaker"], q["speaker_kind"], strict=True))


@pytest.mark.parametrize(
    ("phrase", "head"),
    [
        ("the militant in the video", "militant"),
        ("the majority of white Americans", "americans"),
        ("one of the protesters", "protesters"),
        ("the director of the National Institute of Health", "director"),
        ("current and former DHS officials", "officials"),
        ("three Navy officials speaking to CNN pushed back", "officials"),
        ("people familiar with the matter", "people"),
        ("a report might", "report"),
        ("another Trump ally", "ally"),
        ("Jabbing the President in a strikingly personal way", None),
        ("a widely", None),
    ],
)
def test_the_head_noun_of_a_description(phrase, head):
    assert head_noun(phrase) == head


@pytest.mark.parametrize(
    ("phrase", "kind"),
    [
        ("a senior official", None),  # a person: anonymous or collective, decided elsewhere
        ("the sailor", None),
        ("a young black woman from Ohio", None),
        ("an Official Iranian", None),
        ("his wife", None),
        ("the e-mail", "document"),
        ("her testimony", "document"),
        ("The accord", "document"),
        ("the suit", "document"),
        ("The speech", "document"),
        ("the on-screen graphic", "document"),
        ("a report might", "document"),
        ("the chance for reform", "unknown"),
        ("transpired", "unknown"),
        ("a few tweaks", "unknown"),
        ("Horace's Latin", "unknown"),
        ("the last time it", "unknown"),
        ("the journal", "document"),
        ("the university", "collective"),
    ],
)
def test_a_description_without_a_person_is_no_unnamed_person(phrase, kind):
    assert thing_kind(phrase) == kind


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("Democratic challenger and Missouri Secretary of State Jason Kander", "Jason Kander"),
        ("Harvard vice president for Finance and CFO Thomas J. Hollister", "Thomas J. Hollister"),
        ("Sinan Ülgen, a visiting scholar at the Carnegie Endowment", "Sinan Ülgen"),
        ("Under Secretary of Management Patrick Kennedy", "Patrick Kennedy"),
        ("Florida Secretary of State Laurel Lee did not ask", "Laurel Lee"),
        ("Brown University vice president for Communications Cass Cliatt", "Cass Cliatt"),
        # the name is the complement of the description: an unnamed spokesman, aide, father
        ("a spokesman for House Speaker John Boehner", None),
        ("a campaign aide for former Vice President Joe Biden", None),
        ("the father of Botham Jean", None),
        ("a lawyer for Kenneth Walker", None),
        ("Human Rights Watch, a group", None),
    ],
)
def test_a_name_after_a_long_title_or_before_an_appositive_is_named(phrase, name):
    found = named_in(phrase)
    assert (found[0] if found else None) == name


@pytest.mark.parametrize(
    ("phrase", "role"),
    [
        ("Ohio's governor", "governor"),
        ("The CIA chief", "chief"),
        ("France's foreign minister", "minister"),
        ("the Justice Department inspector general", "inspector general"),
        ("the director of the FBI", "director"),
        ("the president's", "president"),
        ("a source close to the governor", None),
        ("one senator", None),
        ("the former governor", None),
    ],
)
def test_a_unique_office_is_a_role(phrase, role):
    assert role_of(phrase) == role


def test_quote_rows_sort_people_documents_roles_and_fragments(quotes_of):
    q = quotes_of(
        "The mayor spoke in Dayton on Monday.\n"
        "“The talks failed,” a senior official said.\n"
        "“We will appeal,” the e-mail said.\n"
        "“The state will pay,” Ohio's governor said.\n"
        "“We were never told,” the chance for reform said.\n"
        "“We are ready,” said Democratic challenger and Missouri Secretary of State Jason "
        "Kander.\n"
    )
    kind = dict(zip(q["quote"].str.strip("“”,. "), q["speaker_kind"], strict=True))
    assert kind["The talks failed"] == "anonymous"  # a senior official
    assert kind["We will appeal"] == "document"  # the e-mail
    assert kind["The state will pay"] == "role"  # Ohio's governor, not named in the article
    assert kind["We were never told"] == "unknown"  # the chance for reform
    kander = q[q["speaker"].str.contains("Kander")].iloc[0]
    assert (kander["speaker_kind"], kander["canonical"]) == ("person", "Jason Kander")
    unknown = q[q["speaker_kind"] == "unknown"]
    assert unknown["canonical"].isna().all()  # no source: no name to count


def test_a_governor_named_with_the_state_is_the_person(quotes_of):
    q = quotes_of(
        "Ohio Gov. John Kasich signed the bill on Monday.\n"
        "“The state will pay,” Ohio's governor said.\n"
    )
    row = q[q["quote"].str.contains("The state will pay")].iloc[0]
    assert (row["speaker_kind"], row["canonical"]) == ("person", "John Kasich")


def _articles(ids, dates):
    return pd.DataFrame({"article_id": ids, "outlet": "Paper", "published": pd.to_datetime(dates)})


def test_the_unnamed_share_is_per_article_and_one_source_counts_once():
    # article a1 cites one operative three ways; a2 cites a named person only; a3 nobody
    sources = pd.DataFrame(
        {
            "article_id": ["a1", "a1", "a1", "a1", "a2", "a3"],
            "name": [
                "the operative",
                "a GOP operative familiar with the talks",
                "the operative familiar with the conversation",
                "Ann Lee",
                "Bo Chen",
                "the report",
            ],
            "kind": ["anonymous", "anonymous", "anonymous", "person", "person", "document"],
            "anonymity": False,
        }
    )
    articles = _articles(["a1", "a2", "a3"], ["2017-05-25", "2017-06-01", "2017-06-02"])
    labels = pd.Series("Paper", index=articles["article_id"])
    table = anonymous_share(sources, articles, labels, "year")
    row = table[table["period"] == "all"].iloc[0]
    assert row["n_articles"] == 3 and row["n_articles_unnamed"] == 1
    assert row["share"] == pytest.approx(1 / 3, abs=1e-4)  # articles citing an unnamed one
    assert row["n_anonymous"] == 1  # the operative, once in its article
    assert row["n_people"] == 3  # the operative, Ann Lee, Bo Chen
    year = table[table["period"] == "2017"].iloc[0]
    assert (year["n_articles"], year["n_articles_unnamed"]) == (3, 1)


def test_unnamed_share_points_are_labelled_with_their_articles():
    import matplotlib.pyplot as plt

    from newscorpus import groups
    from newscorpus.sources import plot_anonymous_share

    ids = [f"x{i}" for i in range(12)]
    articles = pd.DataFrame(
        {
            "article_id": ids,
            "outlet": ["A"] * 6 + ["B"] * 6,
            "published": pd.to_datetime((["2017-03-01"] * 3 + ["2018-03-01"] * 3) * 2),
        }
    )
    sources = pd.DataFrame(
        {"article_id": ids[::2], "name": "officials", "kind": "anonymous", "anonymity": False}
    )
    table = anonymous_share(sources, articles, groups.assign(articles), "year")
    fig, _ = plot_anonymous_share(table)
    texts = [t.get_text() for t in fig.axes[1].texts]
    # every point, solid or hollow, says how many articles it rests on
    assert texts.count("n=3") >= 4 and "n=6" in texts
    assert "articles" in fig.axes[1].get_ylabel()
    plt.close(fig)


def test_a_person_has_one_source_type_across_groups():
    q = pd.DataFrame(
        {
            "article_id": ["a", "a", "b", "c"],
            "kind": "direct",
            "quote": ["One.", "Two.", "Three.", "Four."],
            "speaker": "Donald Trump",
            "canonical": "Donald Trump",
            "speaker_kind": "person",
            "source_type": ["unknown", "unknown", "government", "government"],
        }
    )
    labels = pd.Series(["CNN", "USA Today", "USA Today"], index=["a", "b", "c"])
    by_group = quoted_by_group(q, labels)
    assert set(by_group["source_type"]) == {"government"}
    assert who_is_quoted(q)["source_type"].tolist() == ["government"]


def test_an_office_with_a_portfolio_is_its_holder_not_another_minister(quotes_of):
    q = quotes_of(
        "British Prime Minister David Cameron met French Foreign Minister Laurent Fabius.\n"
        "“We will act,” France's foreign minister said.\n"
        "“We agree,” Horace's Latin said.\n"
        "“I am worried,” Russian said.\n"
    )
    row = q[q["quote"].str.contains("We will act")].iloc[0]
    assert (row["speaker_kind"], row["canonical"]) == ("person", "Laurent Fabius")
    latin = q[q["quote"].str.contains("We agree")].iloc[0]
    assert latin["speaker_kind"] == "unknown"  # a language after its owner: no one
    russian = q[q["quote"].str.contains("I am worried")].iloc[0]
    assert russian["speaker_kind"] == "anonymous"  # one unnamed Russian
