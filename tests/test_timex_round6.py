"""Kinds of time expressions from issue 19 (round 6) on invented sentences: a company's fiscal
quarter and the references to it, the quarter's last day, bare plural durations opening a
sentence, days counted on a calendar of their own, a fronted date before an apposition, a
weekday joined to a plural one."""

from __future__ import annotations

from newscorpus.timeline import find_dates_in_text

ANCHOR = "2019-10-24"  # a Thursday, three weeks after a calendar quarter ended


def found(text: str, published: str | None = ANCHOR) -> list[tuple[str, str, str]]:
    out = find_dates_in_text(text, published)
    return list(zip(out["text"], out["value"], out["resolved"].astype("str"), strict=True))


def resolved(text: str, published: str | None = ANCHOR) -> dict[str, str]:
    return {t: r for t, _, r in found(text, published)}


def test_the_quarter_after_a_fiscal_quarter_is_that_quarter():
    text = (
        "Acme said it earned $5 million in the fiscal first quarter. "
        "Sales rose 9% in the quarter. In the 2018 period, it earned $3 million. "
        "It had expected to break even for the latest quarter."
    )
    got = found(text)
    assert [(t, r) for t, _, r in got] == [
        ("the fiscal first quarter", "2019-Q1"),
        ("the quarter", "2019-Q1"),
        ("the 2018 period", "2018-Q1"),
        ("the latest quarter", "2019-Q1"),
    ]
    # without a fiscal quarter named, the quarter is the calendar quarter just ended
    assert resolved("Sales rose 9% in the quarter.") == {"the quarter": "2019-Q3"}


def test_another_numbered_quarter_ends_the_fiscal_one():
    text = (
        "Acme earned $5 million in its fiscal second quarter. "
        "Separately, Bolt reported third-quarter net of $2 million. Sales in the quarter fell."
    )
    got = resolved(text)
    assert got["fiscal second quarter"] == "2019-Q2"
    assert got["the quarter"] == "2019-Q3"
    alone = "Acme earned $5 million in its fiscal second quarter. Sales in the quarter fell."
    assert resolved(alone)["the quarter"] == "2019-Q2"


def test_a_year_ago_after_a_quarter_ended_on_a_day_compares_with_the_quarter():
    text = (
        "Dominion posted net income of $4 million for the fiscal-first quarter ended Sept. 30. "
        "It had a net loss of $2 million a year ago. Sales were $348 million compared with "
        "$307 million a year earlier."
    )
    got = resolved(text)
    assert got["a year ago"] == "2018-Q1"
    assert got["a year earlier"] == "2018-Q1"  # not two years back: both compare with it


def test_a_bare_plural_duration_opens_a_sentence():
    assert found("For weeks the government has held rallies.")[0][:2] == ("weeks", "PXW")
    assert found("Within days, the plan collapsed.")[0][:2] == ("days", "PXD")
    assert found("Over months, prices fell.")[0][:2] == ("months", "PXM")


def test_days_counted_on_a_calendar_of_their_own_are_a_duration():
    assert found("Eight trading days after the crash, the index recovered.")[0][:2] == (
        "Eight trading days",
        "P8D",
    )
    assert found("The firm has ten business days to respond.") == [
        ("ten business days", "P10D", "P10D")
    ]
    assert found("It took two working weeks.")[0][:2] == ("two working weeks", "P2W")


def test_a_fronted_month_is_read_past_an_apposition():
    # the verb comes after "a week after the anniversary of ..., a bombing in X, Ala.,"
    text = (
        "In January, a week after the 25th anniversary of the Supreme Court decision, a clinic "
        "bombing in Birmingham, Ala., killed a security guard."
    )
    assert resolved(text, "1998-10-25")["January"] == "1998-01"
    # a coming month still points ahead
    text = "In January, a week after the inauguration, the council will vote."
    assert resolved(text, "1998-10-25")["January"] == "1999-01"


def test_a_weekday_joined_to_a_plural_weekday_is_a_set():
    got = found("Flights leave Bombay on Monday and Tuesday nights from March 30.", "1998-02-13")
    assert [r[:2] for r in got[:2]] == [
        ("Monday", "XXXX-WXX-1TNI"),
        ("Tuesday nights", "XXXX-WXX-2TNI"),
    ]
    assert found("Shops close on Saturday and Sundays.")[0][:2] == ("Saturday", "XXXX-WXX-6")
    # two single weekdays stay two days
    got = resolved("He met them on Monday and Tuesday.")
    assert got == {"Monday": "2019-10-21", "Tuesday": "2019-10-22"}


def test_a_plan_whose_own_verb_is_past_takes_the_nearer_weekday():
    # written on a Sunday: the service was to be on the Saturday just past
    text = "A memorial service planned at the university for Saturday was canceled."
    assert resolved(text, "1999-10-24") == {"Saturday": "1999-10-23"}
    # the plan alone, or a plan with a coming verb, still points ahead
    assert resolved("A memorial service is planned for Saturday.", "1999-10-24") == {
        "Saturday": "1999-10-30"
    }
    assert resolved("A rally planned for Saturday will go ahead.", "1999-10-24") == {
        "Saturday": "1999-10-30"
    }


def test_a_plural_unit_opening_a_sentence_is_found():
    assert found("Years ago, the town was different.") == [("Years ago", "PAST_REF", "PAST_REF")]
    assert found("Months later, he resigned.")[0][:2] == ("Months", "PXM")
    assert found("Hours after the blast, police arrived.")[0][:2] == ("Hours", "PTXH")
    text = "Acme earned $5 million in the third quarter. Year-earlier results included a gain."
    assert resolved(text)["Year-earlier"] == "2018-Q3"
    # a capitalised unit word that is no time expression
    assert found("Quarters of the city burned.") == []


def test_today_as_the_name_of_an_outlet_or_a_show_is_no_date():
    assert found("He told USA Today that he would run.", "2016-05-01") == []
    assert found("A USA TODAY/Suffolk poll released this week.", "2016-05-01")[0][0] == "this week"
    assert found("Trump said on NBC's Today show that he agreed.", "2016-05-01") == []
    assert found("She is joining the ''Today'' show as an anchor.", "2016-05-01") == []
    assert found("RT America is the U.S. version of Russia Today.", "2016-05-01") == []
    # the day itself, quoted or opening a title-case line, stays
    assert found("“Today’s speech shows the way,” she said.", "2016-05-01")[0][:2] == (
        "Today",
        "XXXX-XX-XX",
    )
    assert resolved("Work Starts Tomorrow, But For Today, Congratulations.", "2016-05-01") == {
        "Tomorrow": "2016-05-02",
        "Today": "2016-05-01",
    }


def test_a_report_to_a_named_outlet_dates_the_report():
    # written on a Sunday: "told Fox News on Monday" is the Monday before, as "told reporters"
    for text in (
        "He told Fox News on Monday that he would run.",
        "He told The New York Times on Monday that he would run.",
        "Trump told NBC’s “Today” on Monday.",
    ):
        assert resolved(text, "2016-05-01")["Monday"] == "2016-04-25", text
    # a plan reported in the past still points ahead
    assert resolved("He told reporters he would visit Ohio on Monday.", "2016-05-01") == {
        "Monday": "2016-05-02"
    }


def test_issue_19_kinds_without_a_test_of_their_own():
    # the year after a day phrase is the day's year; a modifier word is no part of a duration
    assert found("That March morning in 2009 was cold.") == [
        ("March morning in 2009", "2009-03", "2009-03")
    ]
    assert found("He was held for a mere 12 hours.") == [("12 hours", "PT12H", "PT12H")]
    # a bare plural duration in a predicate
    assert ("months", "PXM", "PXM") in found("A review can now take months.")
    # decades after any apostrophe-like mark, and before 1800
    got = found("Music of the ‘70s, ’80s, `90s and '60s.")
    assert [v for _, v, _ in got] == ["197", "198", "199", "196"]
    assert found("The 1690s saw wars.") == [("The 1690s", "169", "169")]
    assert found("Mills spread in the early 1600s.") == [("the early 1600s", "16", "16")]
    # the second year of a pair of years before 1800
    assert [t for t, _, _ in found("The crown changed hands between 1640 and 1688.")] == [
        "1640",
        "1688",
    ]


def test_today_of_the_present_era_in_general_is_no_day():
    assert found("The case is for today's youth what the war was for their parents.") == []
    assert found("Facts lose their value in today's world, he said.") == []
    assert found("It runs on many of today's personal computers.") == []
    # a thing of the day itself stays dated
    assert resolved("The offer is advertised in today's editions.") == {"today": "2019-10-24"}
    assert resolved("Today's vote was close.") == {"Today": "2019-10-24"}


def test_a_quarter_in_apposition_to_a_year_ago_quarter_is_that_quarter():
    text = (
        "The company expects net of 15 cents a share for the third quarter. In the comparable "
        "year-ago quarter, the second quarter ended Oct. 31, it had a loss of $12.5 million. "
        "Results for that quarter included a write-down."
    )
    got = resolved(text, "1989-10-27")
    assert got["year-ago"] == "1988-Q2"
    assert got["the second quarter"] == "1988-Q2"
    assert got["Oct. 31"] == "1988-10-31"
    assert got["that quarter"] == "1988-Q2"
    # a quarter ended on a day, with nothing compared before it, keeps its own year
    got = resolved("It reported a loss for the fourth quarter ended Aug. 26.", "1989-11-01")
    assert got == {"the fourth quarter": "1989-Q4", "Aug. 26": "1989-08-26"}


def test_this_quarters_results_are_the_quarter_just_reported():
    # written on Nov. 1: the results of the quarter ended Sept. 30
    assert resolved(
        "This quarter's loss includes pretax charges of $4.9 million.", "1989-11-01"
    ) == {"This quarter": "1989-Q3"}
    # results looked forward to, and the quarter itself, are the current quarter
    assert resolved("Analysts expect this quarter's earnings will fall.", "1989-11-01") == {
        "this quarter": "1989-Q4"
    }
    assert resolved("Sales rose this quarter.", "1989-11-01") == {"this quarter": "1989-Q4"}


def test_last_years_results_after_the_reported_quarter_are_that_quarter_a_year_back():
    text = (
        "Acme posted net income for the fiscal second quarter of $8.6 million. The latest period "
        "includes gains of $9.1 million. Last year's results were hurt by charges."
    )
    assert resolved(text, "1989-10-26")["Last year"] == "1988-Q2"
    # without a quarter reported just before, last year is the year
    assert resolved("Last year's results were hurt by charges.", "1989-10-26") == {
        "Last year": "1988"
    }
