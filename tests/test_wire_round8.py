"""Round 8: a wire service is credited only in a credit's own form, and a wire lede is body.

Review rv9 (allsides_fresh5): 11 of 33 Reuters articles lost their "WASHINGTON (Reuters) -"
lede to `dek`; the wire-credits panel counted "reports The Associated Press", "AP phone
records", "AFP-M Director", "Reuters/Ipsos Poll" as credits.
"""

import pandas as pd

from newscorpus import groups, wirecopy
from newscorpus.corpus.duplicates import wire_credit
from newscorpus.corpus.paragraphs import classify_paragraphs
from newscorpus.corpus.wire_credits import credit_in, set_aside_credit

CAPTION = "A senator speaks in Washington, U.S., May 2, 2019. REUTERS/Jane Doe"


def _kinds(lines):
    return [k for k, _ in classify_paragraphs(lines)]


# --------------------------------------------------------------------------- ledes and deks


def test_a_dateline_lede_before_a_caption_is_body_not_a_dek():
    for lede in [
        "WASHINGTON (Reuters) - Senators unveiled two plans on Wednesday.",
        "SACRAMENTO, Calif. (Reuters) - A donor says he will run for the nomination.",
        "(Reuters) - The last time Democrats controlled the county, the war had just ended.",
        "New York (AFP) – The actress said she was not sure about the candidate.",
        "BEIRUT — A bomb attack killed two soldiers in the north of the country on Wednesday.",
    ]:
        assert _kinds(["Title", lede, CAPTION, "More body text here."])[1] == "body", lede


def test_a_long_paragraph_of_several_sentences_is_a_lede_not_a_dek():
    lede = (
        "The council met on a rainy evening and voted on the budget after a long debate that "
        "ran past midnight. Members said the vote would be the last before the summer recess "
        "and the mayor agreed."
    )
    assert _kinds(["Title", lede, CAPTION, "More."])[1] == "body"


def test_a_short_standfirst_stays_a_dek():
    dek = "More Americans call themselves extremists. But the divide may be narrower than it looks."
    assert _kinds(["Title", dek, CAPTION, "Body text."])[1] == "dek"
    one = "The Senate rejected a key proposal on Tuesday night as senators start a long debate."
    assert _kinds(["Title", one, CAPTION, "Body text."])[1] == "dek"
    # a dateline lede after a title running on after its colon is body too
    assert _kinds(["Votes:", "PARIS (AFP) - Talks ended on Monday."])[1] == "body"


def test_a_video_players_close_control_and_blurb_are_set_aside():
    blurb = "CLOSE Police released the 911 call that led to the arrest. (April 24) AP"
    assert _kinds(["Title", blurb, "Body text of the story."])[1] == "boilerplate"
    assert _kinds(["Title", "Body text.", "CLOSE", "More body."])[2] == "boilerplate"
    # a headline in capitals is no video player
    assert _kinds(["Title", "Body text.", "CLOSE CALL FOR THE MAYOR", "More."])[2] != (
        "boilerplate"
    )


# --------------------------------------------------------------------------- credits


def test_credits_in_a_credits_own_form():
    credited = {
        "WASHINGTON (Reuters) - Senators met.": "Reuters",
        "PARIS, Aug 31 (Reuters) - The party backed him.": "Reuters",
        "Oct 24 (Reuters) - Puerto Rico defended the contract.": "Reuters",
        "Paris (AFP) - The minister faces a test.": "AFP",
        "HONG KONG (AP) — The leader withdrew the bill.": "AP",
        "The Associated Press contributed to this report.": "AP",
        "Fox News' Joy Lin and the Associated Press contributed to this report.": "AP",
        "• AP economics writer Josh Boak contributed to this report.": "AP",
        "Contributing: David Jackson; The Associated Press": "AP",
        "Contributing:Associated Press": "AP",
        "Additional reporting by Reuters; Editing by Jane Doe": "Reuters",
        "This story was reported by The Associated Press.": "AP",
        "This article was published in partnership with The Associated Press": "AP",
        "Material from the Associated Press was used in this report.": "AP",
        "Information from Reuters was used in this report.": "Reuters",
        "Associated Press": "AP",
        "— Reuters.": "Reuters",
        "(c) Associated Press": "AP",
        "Source: AFP": "AFP",
        "By The Associated Press": "AP",
        "By JULIE PACE, Associated Press": "AP",
        "Copyright 2013 The Associated Press. All rights reserved.": "AP",
        '"The dream is gone," said the official. (Reuters)': "Reuters",
        "Net 1.5 mln vs 2.0 mln.\n REUTER": "Reuters",
        "Shares rose.\nreuter": "Reuters",
    }
    for text, service in credited.items():
        assert credit_in(text) == service, text


def test_a_wire_named_as_a_source_or_subject_is_no_credit():
    for text in [
        "Gun owners must pass a test, reports The Associated Press.",
        "With Capitol Hill riveted by IRS audits, AP phone records, and Benghazi e-mails.",
        "The mayor told the French news agency AFP that the plan was dead.",
        "Despite the clash, AFP-M Director Scott Hagerstrom praised the work.",
        "A nationwide Reuters/Ipsos Poll released Tuesday found voters split.",
        "Here's the Associated Press:",
        "Midshipman, AP staffer among the 7 dead",
        "As the Associated Press put it, the race was over.",
        "The AP and other news outlets have yet to declare a winner.",
        "He worked for more than 20 years at The Associated Press and Newsweek.",
        "The Associated Press' lengthy investigation found the meetings.",
        "Reuters adds:",
        "Jim Urquhart / Reuters.",
        "He announced a suspension in travel from Europe. Associated Press",
        "Police can seek the warrant. (May 13) AP Domestic",
        "[AP.]",
        "The report was obtained by The Associated Press.",
        "A transcript was first reported by Reuters, which said the call was short.",
        "By contrast, AP, the news agency, found that most of the delegates had not voted yet.",
    ]:
        assert credit_in(text) is None, text


def test_wire_credit_reads_the_first_credit_of_each_text():
    texts = pd.Series(
        [
            "Officials told Reuters on Monday.\nLONDON (AP) — No, this is the AP's lede.",
            "Officials told Reuters on Monday.",
            None,
        ],
        index=["a", "b", "c"],
    )
    out = wire_credit(texts)
    assert out["a"] == "AP" and out.isna().tolist() == [False, True, True]


def test_a_sign_off_set_aside_as_furniture_still_credits_the_story():
    assert set_aside_credit("Reuter") and set_aside_credit("REUTER...")
    assert set_aside_credit("Copyright 2014 The Associated Press. All rights reserved.")
    assert not set_aside_credit("REUTERS/Joshua Roberts")
    assert not set_aside_credit("WASHINGTON (Reuters) - another story's lede in a list")
    text = "Title\n\nThe dollar fell on Monday, dealers said.\n\nReuter"
    articles = pd.DataFrame(
        {"article_id": ["r1"], "outlet": ["Wire"], "text": [text], "duplicate_of": [None]}
    )
    paragraphs = pd.DataFrame(
        {
            "article_id": ["r1"] * 3,
            "kind": ["title", "body", "boilerplate"],
            "reason": ["first line", "", "site furniture: repeated line"],
            "start": [0, 7, text.index("Reuter")],
            "end": [5, text.index("\n\nReuter"), len(text)],
        }
    )
    every = groups.assign(articles, duplicates=True)
    wire = wirecopy.wire_credits(articles, every, paragraphs=paragraphs)
    assert wire[["credit", "n_articles"]].values.tolist() == [["Reuters", 1]]


def test_a_mention_in_the_body_leaves_an_article_uncredited():
    text = "Title\n\nThe senator spoke to Reuters on Monday, AP phone records show."
    articles = pd.DataFrame(
        {"article_id": ["c1"], "outlet": ["CSM"], "text": [text], "duplicate_of": [None]}
    )
    every = groups.assign(articles, duplicates=True)
    assert set(wirecopy.wire_credits(articles, every)["credit"]) == {"no wire credit"}
