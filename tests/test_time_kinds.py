"""More kinds of time expressions (issue 19): tense around weekdays, named events, counted
days; each on invented sentences."""

from __future__ import annotations

from newscorpus.timeline import find_dates_in_text

ANCHOR = "2019-03-07"  # a Thursday


def resolved(text: str, published: str | None = ANCHOR) -> list[tuple[str, str]]:
    found = find_dates_in_text(text, published)
    return list(zip(found["text"], found["resolved"].astype("str"), strict=True))


def test_a_reporting_verb_before_its_audience_dates_the_report():
    # the modal is in what was reported, not in the report
    got = resolved("The mayor told a news conference on Tuesday that the road might close.")
    assert got == [("Tuesday", "2019-03-05")]
    got = resolved("The minister said in an interview Monday that taxes would rise.")
    assert got == [("Monday", "2019-03-04")]
    # what is reported keeps its own tense
    assert resolved("The mayor said the road will close on Tuesday.") == [("Tuesday", "2019-03-12")]


def test_a_possessive_weekday_naming_a_done_thing_is_past():
    got = resolved("The club said it would appeal against Wednesday's ruling by the league.")
    assert got == [("Wednesday", "2019-03-06")]
    got = resolved("Fans will gather before Saturday's match in the park.")
    assert got == [("Saturday", "2019-03-09")]


def test_as_early_as_a_weekday_looks_ahead():
    got = resolved("The ferry could sail as early as Tuesday, officials said.")
    assert got == [("Tuesday", "2019-03-12")]


def test_this_coming_and_this_past_weekday():
    assert resolved("The fair opens this coming Monday.") == [("this coming Monday", "2019-03-11")]
    assert resolved("The fair opened this past Monday.") == [("this past Monday", "2019-03-04")]


def test_the_september_11_attacks_are_a_named_day():
    later = "2016-05-02"
    assert resolved("The museum remembers the Sept. 11 attacks.", later) == [
        ("Sept. 11", "2001-09-11")
    ]
    assert resolved("Airports changed after 9/11, he said.", later) == [("9/11", "2001-09-11")]
    # a plain September 11 is still the one near the publication date
    assert resolved("Ballots are due by Sept. 11, the clerk said.", later) == [
        ("Sept. 11", "2016-09-11")
    ]
    assert resolved("Turnout rose 9/11 percent.", later) == []
    # the singular (Benghazi, 2012) and a yearly memorial are not the 2001 day, and the named
    # day gives no year to the dates after it
    got = resolved("Between the Sept. 11 attack and the Nov. 12 hearing, aides met.", later)
    assert got == [("Sept. 11", "2015-09-11"), ("Nov. 12", "2015-11-12")]
    assert resolved("They met after the 9/11 attacks and on Nov. 12.", later)[1][1] != "2001-11-12"


def test_election_day_in_a_campaign_is_the_coming_one():
    spring = "2016-03-15"
    assert resolved("Polls will close at 8 p.m. on Election Day.", spring)[-1] == (
        "Election Day",
        "2016-11-08",
    )
    assert resolved("The candidate hopes to carry Ohio on Election Day.", spring) == [
        ("Election Day", "2016-11-08")
    ]
    assert resolved("Turnout was low on Election Day.", "2016-11-20") == [
        ("Election Day", "2016-11-08")
    ]


def test_a_counted_day_is_a_date_of_unknown_day():
    found = find_dates_in_text("On the 40th day of the strike, the drivers voted.", ANCHOR)
    assert list(zip(found["text"], found["value"], strict=True)) == [("the 40th day", "XXXX-XX-XX")]
    found = find_dates_in_text("It was the eighth straight day of rain.", ANCHOR)
    assert found["text"].tolist() == ["the eighth straight day"]
    # unresolved in a past clause, the article's day in a present one
    found = find_dates_in_text("On the 40th day of the strike, the drivers voted.", ANCHOR)
    assert found["text"].tolist() == ["the 40th day"] and found["resolved"].isna().all()
    assert resolved("It is the second day of the talks.") == [("the second day", ANCHOR)]


def test_compound_numbers_and_time_units_in_iso_form():
    def values(text):
        found = find_dates_in_text(text, ANCHOR)
        return list(zip(found["text"], found["value"], strict=True))

    assert values("The fire burned for twenty-four hours.") == [("twenty-four hours", "PT24H")]
    assert values("Rain fell in the last twenty four hours.") == [
        ("the last twenty four hours", "PT24H")
    ]
    assert values("The meeting took a few minutes.") == [("a few minutes", "PTXM")]
    assert values("The trip takes two to three hours.") == [("two to three hours", "PT2H/PT3H")]


def test_a_dateline_date_is_kept_only_on_request():
    text = "WASHINGTON, March 6 (Wire) -- The senator spoke on Tuesday."
    assert resolved(text) == [("Tuesday", "2019-03-05")]  # the article's own date is left out
    found = find_dates_in_text(text, ANCHOR, datelines=True)  # TimeML tags it
    assert found["text"].tolist() == ["March 6", "Tuesday"]
    assert found["resolved"].tolist() == ["2019-03-06", "2019-03-05"]


def test_a_second_before_a_noun_is_an_ordinal():
    found = find_dates_in_text("A second group of directors resigned.", ANCHOR)
    assert len(found) == 0
    found = find_dates_in_text("The lights went out for a second.", ANCHOR)
    assert found["value"].tolist() == ["PT1S"]


def test_a_part_of_the_day_before_its_day():
    assert resolved("Shares slid in mid-afternoon yesterday.") == [
        ("mid-afternoon yesterday", "2019-03-06TAF")
    ]
    assert resolved("Talks resume late morning tomorrow.") == [
        ("late morning tomorrow", "2019-03-08TMO")
    ]
    assert resolved("He jogs in the afternoon.") == []  # a bare part of a day is no expression


def test_last_month_name_after_a_capitalised_word():
    # a capital before "last June" is no title of a person named June
    assert resolved("Two rulings by the Supreme Court last June stand.")[0][0] == "last June"
    assert resolved("Unveiled last April, the phone sold well.")[0][0] == "last April"
    assert resolved("Prime Minister May spoke.") == []


def test_this_past_season_and_no_more_than():
    assert resolved("Sales fell this past spring.", "2019-10-07") == [
        ("this past spring", "2019-SP")
    ]
    found = find_dates_in_text("The permit lasts no more than sixty days.", ANCHOR)
    assert found[["text", "value", "mod"]].values.tolist() == [
        ["no more than sixty days", "P60D", "EQUAL_OR_LESS"]
    ]


def test_spelled_decades_and_a_year_after_post():
    found = find_dates_in_text("Rents soared in the early nineties.", ANCHOR)
    assert found[["text", "value", "mod"]].values.tolist() == [
        ["the early nineties", "199", "START"]
    ]
    assert find_dates_in_text("Voters in their twenties stayed home.", ANCHOR).empty  # an age
    assert resolved("The post-1959 exodus emptied the town.") == [("1959", "1959")]
