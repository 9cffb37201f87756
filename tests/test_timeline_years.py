"""A four-digit number is a year only in a year's context (issue 16, "Nothing invented")."""

from __future__ import annotations

import pytest

from newscorpus.timeline import find_dates_in_text


def _years(text: str) -> list[str]:
    """The year values (kind date or range, four digits) found in `text`."""
    d = find_dates_in_text(text, "2019-03-07")
    d = d[d["kind"].isin(["date", "range"])]
    return [v for v in d["value"] if v[:4].isdigit() and len(v) in (4, 9)]


@pytest.mark.parametrize(
    "text",
    [
        # counts
        "Between 1000 and 1800 people were killed in the clashes.",
        "Officials said 2220 evacuees reached the camp.",
        "From 1500 to 2000 protesters gathered outside.",
        "Some 1800 soldiers were deployed.",
        # clock times
        "Police arrived at 2200 GMT on Friday.",
        "A curfew from 2200 was imposed on the city.",
        "A curfew from 2200 to 0600 was imposed.",
        "Offers are due by 1200 hrs EST, March 26.",
        "Fighting resumed by 1800 hours.",
        "Trading runs between 1700 and 2100 hrs.",
        "The council is to convene at 1900gmt.",
        "The meeting began at 1500 EST (2000 gmt).",
        "The blaze broke out around 1330 local.",
        # timestamps glued to the text
        "The page was updated 1838.",
        # numbered things
        "The Security Council adopted Resolution 2254.",
        "Resolutions 2139 and 2165 allowed aid deliveries.",
        "US Airways flight 1549 landed on the Hudson.",
        "Call 1800 123 456 for details.",
        # amounts and scores
        "Net profit rose to 1986 mln dlrs.",
        "He moves two miles from 1600 Pennsylvania Avenue.",  # an address
        "The proposal won 2019 to 1870.",
        # BC years
        "The city was founded in 1200 BC.",
        "The temple dates from 2000 BCE.",
        "Pottery from the 1200s BC was found.",
        "The wall was built in the fifth century BC.",
    ],
)
def test_a_number_outside_a_years_context_is_no_year(text):
    assert _years(text) == []


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("In 2014 the group seized Mosul.", ["2014"]),
        ("In 2014 people voted for change.", ["2014"]),  # a time preposition: still a year
        ("Since 1990 residents have fled.", ["1990"]),
        ("The war lasted from 1914 to 1918.", ["1914", "1918"]),
        ("From 2010 to 2014 voters shifted right.", ["2010", "2014"]),  # a span of years
        ("Net for 1986 and 1985 was restated.", ["1986", "1985"]),  # a list, in any order
        ("Losses in 1986, 1985 and 1984 were large.", ["1986", "1985", "1984"]),
        ("They had 1500 employees in 1987.", ["1987"]),
        ("Debentures due 1992 to 1700 CDT April 24.", ["1992"]),  # the clock is the other
        ("A modified 1986 Ford Escort passed the test.", ["1986"]),  # 1986 is no HHMM
        ("The curfew, first imposed in 1987, ends at 2200 hours.", ["1987"]),
        ("The sea will rise by 2150.", ["2150"]),
        ("Income fell in 2014 dollars.", ["2014"]),  # constant dollars of a year
        ("In 2008 Wall Street banks failed.", ["2008"]),
        ("It is enough to call 2016 the Year of the Woman.", ["2016"]),
        ("They file 2020 and 2021 federal returns with state and local taxes.", ["2020", "2021"]),
        ("In a 2013 police report, fatal 2015 police shootings are listed.", ["2013", "2015"]),
        ("the 2006–2007 season", ["2006/2007"]),
    ],
)
def test_years_in_a_years_context_stay_years(text, years):
    assert _years(text) == years


def test_a_clock_time_with_a_lower_case_zone_is_a_time():
    d = find_dates_in_text("The session closed (1800 gmt).", "2019-03-07")
    assert d[["text", "value", "resolved"]].values.tolist() == [
        ["1800 gmt", "XXXX-XX-XXT18:00", "2019-03-07T18:00"]
    ]
