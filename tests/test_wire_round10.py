"""Round 10: an agency's own articles are its reporting, not wire copy; an agency named as a
source ("told The Associated Press", "the Associated Press reported") is no credit in any
clause of a line, a contributor line's included."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from newscorpus import groups, wirecopy
from newscorpus.corpus.wire_credits import agency_of, credit_in, is_source_mention


def _articles(rows):
    return pd.DataFrame(
        {
            "article_id": [f"a{i}" for i in range(len(rows))],
            "outlet": [o for o, _ in rows],
            "text": [t for _, t in rows],
            "duplicate_of": [None] * len(rows),
        }
    )


def test_an_agencys_own_story_is_not_wire_copy():
    articles = _articles(
        [
            ("Reuters", "WASHINGTON (Reuters) - Senators voted on Tuesday."),
            ("Reuters", "LONDON (Reuters) - Markets fell."),
            ("Associated Press", "DENVER (AP) — A storm hit the city."),
            ("Daily Planet", "DENVER (AP) — A storm hit the city, reprinted."),
            ("Daily Planet", "Our own story about the storm."),
        ]
    )
    every = groups.assign(articles, "outlet", duplicates=True)
    table = wirecopy.wire_credits(articles, every)
    by = {(g, c): n for g, c, n in table[["group", "credit", "n_articles"]].values.tolist()}
    assert by[("Reuters", wirecopy.OWN_STORY)] == 2
    assert by[("Associated Press", wirecopy.OWN_STORY)] == 1
    assert by[("Daily Planet", "AP")] == 1  # a reprint is wire copy
    fig, data = wirecopy.plot_wire_credits(table)
    title = fig.axes[0].get_title(loc="left")
    assert title.startswith("Wire copy: 1 of 5 articles credit a wire service")
    assert "3 articles by the agencies themselves" in title
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["Daily Planet (n=2)"]
    assert len(data) == len(table)
    plt.close(fig)


def test_an_agency_crediting_another_agency_is_a_credit():
    articles = _articles([("Reuters", "Body.\n\nThe Associated Press contributed to this report.")])
    table = wirecopy.wire_credits(articles, groups.assign(articles, "outlet", duplicates=True))
    assert table["credit"].tolist() == ["AP"]


def test_agency_names_as_outlets():
    assert agency_of("Reuters") == "Reuters"
    assert agency_of("The Associated Press") == "AP"
    assert agency_of("AP News") == "AP"
    assert agency_of("Agence France-Presse") == "AFP"
    assert agency_of("Fox News") is None
    assert agency_of("Reuters Institute for the Study of Journalism") is None
    assert agency_of(None) is None


def test_a_sourcing_phrase_is_no_credit_in_any_clause():
    for line in [
        "The mayor told The Associated Press on Monday that he would resign.",
        "The Associated Press reported Tuesday that the talks had stalled.",
        "Officials confirmed the deal, the Associated Press reports.",
        "According to Reuters, the deal was signed late Friday.",
    ]:
        assert credit_in(f"Body text.\n\n{line}\n\nMore body.") is None, line
    # a contributor line whose only agency is cited as a source credits nobody
    line = "She told The Associated Press she was relieved. Jane Doe contributed to this report."
    assert credit_in(line) is None
    # ... and one naming the agency as a contributor too credits it
    line = (
        "She told Reuters she was relieved. Fox News' Jane Doe and The Associated Press "
        "contributed to this report."
    )
    assert credit_in(line) == "AP"


def test_credit_forms_still_credit():
    for line, want in [
        ("The Associated Press contributed to this report.", "AP"),
        ("Compiled from Associated Press reports", "AP"),
        ("Additional reporting by Reuters", "Reuters"),
        ("Fox News' Chad Pergram and Reuters contributed to this report.", "Reuters"),
    ]:
        assert credit_in(f"Body.\n\n{line}") == want, line


def test_is_source_mention_reads_both_sides_of_the_name():
    line = "He told the Associated Press. An AP review found errors. AP contributed."
    starts = [line.index("Associated"), line.index("AP "), line.rindex("AP")]
    spans = [(s, s + (16 if i == 0 else 2)) for i, s in enumerate(starts)]
    assert [is_source_mention(line, s, e) for s, e in spans] == [True, True, False]
