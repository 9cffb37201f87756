"""Kinds of time expressions from issue 19 (round 3) on invented sentences: ordinal centuries
written with 'st', race times with fractions of a second, the end of a month range."""

from __future__ import annotations

from newscorpus.timeline import find_dates_in_text

ANCHOR = "2019-03-07"  # a Thursday


def found(text: str, published: str | None = ANCHOR) -> list[tuple[str, str, str]]:
    out = find_dates_in_text(text, published)
    return list(zip(out["text"], out["value"], out["resolved"].astype("str"), strict=True))


def test_an_ordinal_century_ending_in_st_is_a_century():
    # "21st" is an ordinal, not a plural number like "1990s"
    assert found("Cities changed in the 21st Century.") == [("the 21st Century", "20", "20")]
    assert found("The 21st century began quietly.") == [("The 21st century", "20", "20")]
    assert found("The 1st Battalion trained in the 1990s.") == [("the 1990s", "199", "199")]


def test_a_race_time_with_fractions_of_a_second_is_a_duration():
    got = found("He ran the mile in 3:45.2 and the marathon in 2:05:41.")
    assert got == [
        ("3:45.2", "PT3M45.2S", "PT3M45.2S"),
        ("2:05:41", "PT2H5M41S", "PT2H5M41S"),
    ]
    assert found("Her winning time was 2:41:09.5 on Sunday.")[0][:2] == ("2:41:09.5", "PT2H41M9.5S")
    # a clock time with seconds stays a clock time
    assert found("The alarm sounded at 10:30:15 today.")[0][:2] == (
        "10:30:15",
        "XXXX-XX-XXT10:30:15",
    )


def test_the_end_of_a_month_range_follows_its_start():
    got = found("The season runs from late September to early May.")
    assert [r[2] for r in got] == ["2018-09", "2019-05"]
    got = found("Prices rose between September and January.")
    assert [r[2] for r in got] == ["2018-09", "2019-01"]
    got = found("Talks lasted from December 2018 to March.")
    assert [r[2] for r in got] == ["2018-12", "2019-03"]
    got = found("The festival runs from March 1 through March 9.")
    assert [r[2] for r in got] == ["2019-03-01", "2019-03-09"]
    # a past range does not end after the article's date
    got = found("The season ran from September 2017 to May.")
    assert [r[2] for r in got] == ["2017-09", "2018-05"]
    # without "from" or "between" two months are not a range
    got = found("Sales fell in November and rose in February.")
    assert [r[2] for r in got] == ["2018-11", "2019-02"]


def test_a_quarter_named_by_its_last_day_is_the_calendar_quarter_of_most_of_it():
    # May-July is mostly the second calendar quarter; July-September is the third
    got = found("In the quarter ended July 31, sales rose 5%.")
    assert got[0] == ("the quarter", "XXXX-QX", "2018-Q2")
    got = found("For the quarter ended Sept. 30, the airline earned more.")
    assert got[0] == ("the quarter", "XXXX-QX", "2018-Q3")
    # a quarter without its last day is the last one completed
    assert found("In the quarter, sales rose 5%.") == [("the quarter", "XXXX-QX", "2018-Q4")]


def test_a_long_subject_after_the_expression_does_not_hide_its_verb():
    # the verb comes more than 120 characters after the weekday, past a long subject
    text = (
        "The bidder said that at the close of business Thursday, 5,745,188 shares of the "
        "company and $44.3 million face amount of its debentures, convertible into 1,826,596 "
        "common shares, had been tendered to its offer."
    )
    assert found(text, "2019-03-11")[0] == ("Thursday", "XXXX-WXX-4", "2019-03-07")


def test_year_end_is_the_end_of_a_year():
    got = found("Sales will recover by year-end, or by year's end at the latest.")
    assert got == [("year-end", "XXXX", "2019"), ("year's end", "XXXX", "2019")]
    assert found("The firm had 300 staff at year-end 1988.") == [("year-end 1988", "1988", "1988")]
    out = find_dates_in_text("A year-end bonus was paid.", ANCHOR)
    assert out["mod"].tolist() == ["END"]
    assert found("The new year ends a long decade.") == []


def test_the_week_of_a_day_in_the_anchors_week_is_this_week():
    # written on Thursday, March 7: the week of Monday, March 4 is this week, in any tense
    assert found("The hearing is set for the week of March 4.")[0][2] == "2019-W10"
    assert found("The hearing is set for the week of March 18.")[0][2] == "2019-W12"
    assert found("The vote came the week of Feb. 11.")[0][2] == "2019-W07"


def test_a_range_of_numbers_with_a_dash_before_a_unit_is_a_range_of_durations():
    assert found("The pills work in 6-9 weeks.") == [("6-9 weeks", "P6W/P9W", "P6W/P9W")]
    assert found("The job takes 10-15 years.")[0][:2] == ("10-15 years", "P10Y/P15Y")
    assert found("The team won 6-3 on Friday.") == [("Friday", "XXXX-WXX-5", "2019-03-01")]


def test_a_season_of_last_or_next_year():
    got = found("The deal was signed in the spring of last year.")
    assert got == [("the spring of last year", "XXXX-SP", "2018-SP")]
    got = found("The plant opens in the fall of next year.")
    assert got == [("the fall of next year", "XXXX-FA", "2020-FA")]
    # "last spring" is the latest spring already over, not the previous year's
    assert found("Last spring, the deal was signed.", "2019-12-01")[0][2] == "2019-SP"


def test_that_quarter_and_the_following_quarter_follow_the_previous_time():
    text = "Sales rose in the third quarter of 2018. In that quarter, costs fell."
    assert found(text)[1] == ("that quarter", "XXXX-QX", "2018-Q3")
    text = "Sales rose in the fourth quarter of 2017. The following quarter, costs fell."
    assert found(text)[1] == ("The following quarter", "XXXX-QX", "2018-Q1")
    text = "The plant closed on Aug. 3, 2016. That quarter, costs fell."
    assert found(text)[1] == ("That quarter", "XXXX-QX", "2016-Q3")
    # the next quarter is the coming one, not the one after the previous time
    assert found("Profits will rise in the next quarter.")[0][2] == "2019-Q2"
    # unplaced, a quarter is written as one (no article date)
    assert found("Profits will rise in the next quarter.", None)[0][1] == "XXXX-QX"


def test_the_far_reading_of_a_tense_stops_at_a_colon():
    # "will" belongs to what follows the colon, not to the weekday's clause
    text = (
        "After Tuesday night, the senator's slim chance of winning the party's nomination "
        "rests on a single hope: that the delegates will overturn the vote."
    )
    # written on Friday, March 8: Tuesday the 5th is nearer than Tuesday the 12th
    assert found(text, "2019-03-08")[0][2] == "2019-03-05"


def test_a_simple_past_in_a_condition_is_a_hypothetical_ahead():
    # "if he won the election on Nov. 8" (he would ...): written in May 2016, the 2016 vote
    from newscorpus.timeline.tense import _tense

    s = "He said he would deport them if he won the U.S. presidential election on Nov. 8."
    at = s.index("Nov. 8")
    assert _tense(s, at, at + 6) == "fut"
    s = "If he had won the primary on March 1, he would be the nominee."
    at = s.index("March 1")
    assert _tense(s, at, at + 7) != "fut"
