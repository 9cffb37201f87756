"""Round 3 kinds of time expressions (issue 19), each on invented sentences."""

from __future__ import annotations

from newscorpus.timeline import find_dates_in_text

ANCHOR = "2019-03-07"  # a Thursday


def values(text: str, published: str | None = ANCHOR) -> list[tuple[str, str]]:
    found = find_dates_in_text(text, published)
    return list(zip(found["text"], found["value"], strict=True))


def resolved(text: str, published: str | None = ANCHOR) -> list[tuple[str, str]]:
    found = find_dates_in_text(text, published)
    return list(zip(found["text"], found["resolved"].astype("str"), strict=True))


def test_decades_with_any_apostrophe_like_opening_mark():
    got = values("Songs of the ‘60s, of ’80s bands, of '90s kids and of `50s diners.")
    assert [v for _, v in got] == ["196", "198", "199", "195"]
    assert got[0][0] == "the ‘60s"


def test_centuries_before_1800_and_with_a_capital_c():
    assert values("Mills were built in the 16th Century.") == [("the 16th Century", "15")]
    assert values("Weavers came in the 1590s.") == [("the 1590s", "159")]
    found = find_dates_in_text("Ports grew in the late 1500s.", ANCHOR)
    assert (found["text"][0], found["value"][0], found["mod"][0]) == ("the late 1500s", "15", "END")
    assert values("Cars spread in the 1900s.") == [("the 1900s", "19")]  # the 20th century


def test_both_years_of_an_early_pair():
    got = values("The abbey stood between 1520 and 1575, from 1102 to 1150 too.")
    assert got == [("1520", "1520"), ("1575", "1575"), ("1102", "1102"), ("1150", "1150")]
    assert values("It drew between 1200 and 1290 people.") == []  # counts stay counts


def test_a_year_before_a_singular_noun_in_s():
    assert values("The town used a 2011 census of farms.") == [("2011", "2011")]
    assert values("A 2016 consensus held for a while.") == [("2016", "2016")]
    assert values("About 2016 votes were cast.") == []  # a plural noun counted


def test_vague_past_span_is_a_duration():
    assert values("Prices rose in the past few weeks.") == [("the past few weeks", "PXW")]
    assert values("Over the last several months, rents fell.") == [
        ("the last several months", "PXM")
    ]


def test_sets_with_a_part_of_day():
    # TIMEX3's form of a set of parts of days (a bare "TAF" is no TIMEX3 value)
    assert values("She swims every afternoon.") == [("every afternoon", "XXXX-XX-XXTAF")]
    assert values("He runs every evening.") == [("every evening", "XXXX-XX-XXTEV")]
    assert values("Guards patrol every night.") == [("every night", "XXXX-XX-XXTNI")]
    assert values("The choir sings every Sunday evening.") == [
        ("every Sunday evening", "XXXX-WXX-7TEV")
    ]
    assert values("We met this afternoon.") == [("this afternoon", "XXXX-XX-XXTAF")]


def test_ages_are_not_durations():
    assert values("The game suits children aged 4 years and up.") == []
    assert values("A class for ages 3 to 5 years opens.") == []
    assert values("The trial ran for 4 years.") == [("4 years", "P4Y")]


def test_a_range_of_quantities_after_between():
    assert values("Repairs take between 3 and 5 weeks.") == [("3 and 5 weeks", "P3W/P5W")]
    assert values("It had 3 and 5 weeks left.") == [("5 weeks", "P5W")]


def test_n_units_earlier_is_the_quantity_as_timeml_tags_it():
    found = find_dates_in_text("The plant shut in 2004. Three years later it reopened.", ANCHOR)
    assert found[["text", "kind", "value", "resolved"]].values.tolist()[1] == [
        "Three years",
        "duration",
        "P3Y",
        "2007",
    ]
    assert values("Sales fell from a year earlier.") == [("a year earlier", "XXXX")]


def test_a_past_intention_right_after_a_weekday_is_that_past_day():
    # 2019-03-07 is a Thursday
    assert resolved("The union on Monday agreed to end the strike.") == [("Monday", "2019-03-04")]
    assert resolved("The board on Friday decided to sell.") == [("Friday", "2019-03-01")]
    assert resolved("The union agreed to meet on Monday.") == [("Monday", "2019-03-11")]


def test_references_anchored_to_an_event():
    assert values("The day before he was charged, he left.") == [("The day", "XXXX-XX-XX")]
    assert values("At the time, the mill employed 300.") == [("the time", "PAST_REF")]
    assert values("At the time of the merger, it was small.") == []
    found = find_dates_in_text("Rents soared in the 1970s and fell in the following decade.")
    assert found[["text", "resolved"]].values.tolist()[1] == ["the following decade", "198"]
    assert resolved("Rents will soar over the next decade.") == [("next decade", "202")]


def test_variants_of_covered_patterns():
    assert resolved("The mine will close by the end of year.") == [("the end of year", "2019")]
    assert values("Costs rose this fiscal year.") == [("this fiscal year", "XXXX")]
    # written in March, the February just ended is "last month": "last February" is a year back
    found = find_dates_in_text("Snow fell early last February.", ANCHOR)
    assert found[["text", "mod", "resolved"]].values.tolist() == [
        ["early last February", "START", "2018-02"]
    ]
    assert resolved("Snow fell last January.") == [("last January", "2019-01")]
    assert resolved("It was that June evening in 2011 that he left.") == [
        ("June evening in 2011", "2011-06")
    ]


def test_race_times_and_bare_durations_in_a_predicate():
    assert values("She won the marathon in 2:08:51.") == [("2:08:51", "PT2H8M51S")]
    assert values("The alarm rang at 06:15:30 sharp.") == [("06:15:30", "XXXX-XX-XXT06:15:30")]
    assert values("An appeal can take years.") == [("years", "PXY")]
    assert values("Repairs took weeks.") == [("weeks", "PXW")]
