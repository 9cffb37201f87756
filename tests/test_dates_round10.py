"""Round 10: relative dates anchor on the publication date unless a date in their own sentence
(or one written out in the sentence just before) sets the reference; a bare month after a
forecast year, a span's bound or a fiscal year is the month nearest the publication date."""

from __future__ import annotations

import pandas as pd

from newscorpus.timeline import find_dates_in_text
from newscorpus.timeline.reference import fiscal_month_year, year_role


def _resolved(text: str, published: str) -> dict[str, str | None]:
    found = find_dates_in_text(text, published)
    return {
        t: (None if pd.isna(r) else r)
        for t, r in zip(found["text"], found["resolved"], strict=True)
    }


def test_a_month_after_a_forecast_year_in_a_past_clause_is_the_month_before_publication():
    text = (
        "The deal funds the agencies into 2016, averting a repeat of the closure in March "
        "that angered voters."
    )
    assert _resolved(text, "2014-06-20")["March"] == "2014-03"


def test_a_month_after_a_year_opened_by_since_is_near_publication():
    text = "Output hit its lowest level since May 2010, down from a reading of 51.2 in August."
    assert _resolved(text, "2016-10-04")["August"] == "2016-08"
    # a year ending a span after the publication year sets no year either
    text = "Lawmakers extended the program until June 2018, well past the September vote."
    assert not _resolved(text, "2017-02-01")["September"].startswith("2018")


def test_a_year_ending_a_past_span_still_sets_a_later_month():
    text = "She trailed until the spring of 2003 and took the lead only in November of that year."
    found = _resolved(text, "2011-04-02")
    assert found["November"] == "2003-11" and found["that year"] == "2003"


def test_a_month_named_after_a_fiscal_year_is_in_the_year_nearer_publication():
    text = "The bill covers fiscal year 2016, which began on October 1."
    assert _resolved(text, "2015-11-12")["October 1"] == "2015-10-01"
    text = "The governor signed the budget for fiscal 2021, which starts July 1."
    assert _resolved(text, "2020-05-03")["July 1"] == "2020-07-01"
    text = "The money must be spent before the 2024 fiscal year begins on Oct. 1."
    assert _resolved(text, "2023-06-14")["Oct. 1"] == "2023-10-01"
    assert fiscal_month_year(2016, 10, None) == 2016


def test_year_role_reads_the_words_before_a_year():
    sentence = "Prices have climbed since March 2012 and budgets run through 2030 in FY 2019."
    assert year_role(sentence, sentence.index("March")) == "bound"
    assert year_role(sentence, sentence.index("2030")) == "until"
    assert year_role(sentence, sentence.index("2019")) == "fiscal"
    assert year_role("In 2012, he ran.", 3) == "set"


def test_a_shift_from_a_year_two_sentences_back_is_not_carried_far_from_publication():
    text = (
        "The mill closed in 1998. Workers scattered across the county. "
        "A decade later, the town voted to rebuild it."
    )
    assert _resolved(text, "2019-03-03")["A decade later"] is None


def test_a_shift_from_a_year_in_the_sentence_just_before_is_kept():
    text = "The mill closed in 1998. A decade later, the town voted to rebuild it."
    assert _resolved(text, "2019-03-03")["A decade later"] == "2008"


def test_a_later_shift_never_lands_after_publication_in_a_past_or_present_clause():
    text = (
        "The hearings opened in 2021. Months later, the inquiry remains stalled, "
        "and a year later no charges had been filed."
    )
    found = find_dates_in_text(text, "2020-07-01")
    later = found[found["text"].str.lower() == "a year later"]
    assert later["start_date"].isna().all()


def test_the_next_year_in_a_future_clause_is_the_year_after_publication():
    text = (
        "The agency projected costs through 2025. Spending is expected to stay flat over "
        "the next year because of weak demand."
    )
    assert _resolved(text, "2018-04-10")["the next year"] == "2019"
    text = "The cap was set for 2030. Extra permits would come out of the following year's cap."
    assert _resolved(text, "2021-09-09")["the following year"] == "2022"


def test_that_year_names_the_year_last_written_out():
    text = "In 1962, he joined the Navy. Later that year, he shipped out to the Caribbean."
    assert _resolved(text, "2015-05-25")["that year"] == "1962"


def test_a_year_ago_comparison_after_this_years_quarter_is_kept():
    text = (
        "The company earned $5 million in the third quarter. "
        "Revenue rose 4%. A year earlier, it lost $2 million."
    )
    assert _resolved(text, "2019-11-02")["A year earlier"] == "2018-Q3"
