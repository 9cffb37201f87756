"""Round 10 of issue 16 (terms): words of the coverage only. A social handle, hashtag or
e-mail address is not a word; a dashed "Follow … on Twitter" line is furniture; an in-house
desk credit ("reports for our Newscast unit") is not counted; the country "US" is not the
pronoun "us" (nor WHO, IS, IT, AM their function words) — each on a small built input."""

from __future__ import annotations

import pandas as pd

from newscorpus import terms
from newscorpus.corpus import read_corpus
from newscorpus.corpus.acronyms import acronym_norms
from newscorpus.corpus.parse import parse_article, tables_for


def _tokens(text: str) -> pd.DataFrame:
    return tables_for(["a"], [parse_article("a", "A headline\n\n" + text)])["tokens"]


def _norms(text: str) -> dict[str, str]:
    t = _tokens(text)
    return dict(zip(t["token"], t["norm"], strict=False))


def _words(text: str) -> set[str]:
    t = _tokens(text)
    return set(t.loc[t["is_word"], "norm"])


def _counts(tmp_path, articles: dict[str, str]) -> pd.DataFrame:
    folder = tmp_path / "c"
    folder.mkdir()
    for aid, text in articles.items():
        (folder / f"{aid}.txt").write_text(text, encoding="utf-8")
    corpus = read_corpus(folder)
    return terms.term_counts(corpus, by="corpus", ngram_range=(1, 2)), corpus


def test_handles_hashtags_and_email_addresses_are_not_words():
    words = _words(
        "The president wrote to @realDonaldTrump and @Sen_Smith2 under #MeToo, and readers "
        "can write to tips@example.com about the vote."
    )
    assert {"president", "wrote", "readers", "vote"} <= words
    assert not words & {"realdonaldtrump", "sen_smith2", "metoo", "tips", "example", "com"}


def test_a_number_sign_before_a_figure_and_an_at_before_a_price_stay_data():
    words = _words("The bill is ranked #1 in the state and sold at 3 @ $5 a piece.")
    assert {"bill", "ranked", "1", "state", "sold"} <= words


def test_dashed_follow_line_is_furniture(tmp_path):
    _, corpus = _counts(
        tmp_path,
        {
            "x1": "Romney wins Ohio\n\nRomney won the Ohio primary on Tuesday night, officials "
            "said.\n\nHe thanked his supporters in Columbus and turned to the next state, where "
            "the polls show a close race with two weeks to go.\n\n- Follow the Ticker on Twitter: @PoliticalTicker\n\n"
            "• Follow Jane Doe on Facebook\n"
        },
    )
    p = corpus.paragraphs
    kinds = dict(zip(p["text"], p["kind"].astype(str), strict=True))
    assert kinds["- Follow the Ticker on Twitter: @PoliticalTicker"] == "boilerplate"
    assert kinds["• Follow Jane Doe on Facebook"] == "boilerplate"
    assert kinds[next(t for t in kinds if t.startswith("He thanked"))] == "body"


def test_in_house_desk_credit_is_not_counted_but_the_sentence_is():
    words = _words(
        "It was a costly mission for Russia, NPR's Corey Flintoff reports for our Newscast "
        "unit. The rate fell, she tells our Business Desk."
    )
    assert {"costly", "mission", "russia", "reports", "rate", "fell", "she"} <= words
    assert not words & {"newscast", "unit", "business", "desk"}
    # a unit that is not the outlet's own desk stays a word
    assert {"unit", "marines"} <= _words("The Marines sent a unit to the border.")


def test_us_in_capitals_is_the_country_and_the_pronoun_a_stopword():
    t = _tokens("US troops left. The US said it would help us. Let us go, the U.S. envoy said.")
    country = t[t["token"].isin(["US", "U.S."])]
    assert set(country["norm"]) == {"u.s."} and not country["is_stop"].any()
    pronoun = t[t["token"] == "us"]
    assert set(pronoun["norm"]) == {"us"} and pronoun["is_stop"].all()


def test_acronyms_in_mixed_case_text_are_not_function_words():
    norms = _norms(
        "The WHO warned on Monday. Fighters of IS took the town. She works in IT support. "
        "The vote closed at 10 AM on Friday."
    )
    assert norms["WHO"] == "WHO" and norms["IS"] == "IS" and norms["IT"] == "IT"
    assert norms["AM"] == "a.m."
    assert _norms("They overstated the IS’s reach.")["IS"] == "IS"


def test_acronym_words_in_an_all_capital_line_stay_function_words():
    norms = _norms("THERE IS A LOT OF WORK FOR US. WHO WILL GET IT DONE? IT’S the end.")
    assert norms["IS"] == "is" and norms["US"] == "us" and norms["IT"] == "it"
    assert norms["WHO"] == "who"


def test_a_capitalised_us_at_a_sentence_start_is_the_pronoun():
    assert _norms("Us against them, he said.")["Us"] == "us"


def test_acronym_norms_look_at_the_nearest_word_in_the_same_sentence_only():
    words = ["said", ".", "US", "(", "AM", ")"]
    # "US" follows a sentence end: its nearest word before is in another sentence
    got = acronym_norms(words, [0, 0, 1, 1, 1, 1])
    assert got == {}
    got = acronym_norms(["the", "(", "US", ")"], [0, 0, 0, 0])
    assert got == {2: "u.s."}


def test_counted_terms_leave_out_handles_and_the_pronoun(tmp_path):
    counts, _ = _counts(
        tmp_path,
        {
            "a1": "Trump tweets\n\nThe president told us in a post to @realDonaldTrump "
            "followers that US troops would stay. The WHO disagreed.",
            "a2": "Leaders meet\n\nLeaders met with us and the U.S. ambassador; the WHO said "
            "US aid would follow.",
        },
    )
    got = dict(zip(counts["term"], counts["count"], strict=True))
    assert got.get("u.s.") == 3
    assert "us" not in got and "realdonaldtrump" not in got
    assert got.get("WHO") == 2
