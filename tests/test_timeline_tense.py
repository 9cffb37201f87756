"""Months, days of months and named days without a year placed by the tense of their clause
(issue 16, "nothing invented": an election-year corpus had its coming November, Election Day
and Nov. 8 placed in the year before). Invented sentences, published 2016-09-20 unless said."""

from __future__ import annotations

import pytest

from newscorpus.timeline import find_dates_in_text
from newscorpus.timeline.tense import _tense

AUTUMN = "2016-09-20"


def resolved(text: str, published: str = AUTUMN) -> list[tuple[str, str]]:
    found = find_dates_in_text(text, published)
    return list(zip(found["text"], found["resolved"].astype("str"), strict=True))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # no tense cue: the nearer occurrence
        ("Voters go to the polls in November.", [("November", "2016-11")]),
        ("The election is in November.", [("November", "2016-11")]),
        # future: the coming one
        ("Trump will debate Clinton on Oct. 9.", [("Oct. 9", "2016-10-09")]),
        ("Trump is going to debate Clinton on Oct. 19.", [("Oct. 19", "2016-10-19")]),
        ("The final debate is set for Oct. 19.", [("Oct. 19", "2016-10-19")]),
        ("The upcoming vote on Nov. 8 decides it.", [("Nov. 8", "2016-11-08")]),
        # past: the one before
        ("In March, he said the plan was dead.", [("March", "2016-03")]),
        ("The candidates met in March.", [("March", "2016-03")]),
        (
            "In an essay in December, he wrote that the science was settled.",
            [("December", "2015-12")],
        ),
    ],
)
def test_a_month_without_a_year_follows_the_tense(text, expected):
    assert resolved(text) == expected


def test_a_past_tense_beyond_the_clause_does_not_move_a_coming_date_back():
    # a relative clause, an attribution after the closing quotation mark, a present reporting
    # verb: their tense is not the date's
    got = resolved(
        "The two are vying for the White House in the Nov. 8 general election, which has"
        " grown increasingly contentious as they have traded barbs."
    )
    assert got == [("Nov. 8", "2016-11-08")]
    got = resolved("“It lets progressives win a mandate in November,” the groups wrote.")
    assert got == [("November", "2016-11")]
    got = resolved("Her fate in November hinges on the economy, analyst says.")
    assert got == [("November", "2016-11")]
    got = resolved("The polls close on Nov. 8, officials said.")
    assert got == [("Nov. 8", "2016-11-08")]


def test_a_present_passive_and_a_present_verb_are_not_past():
    got = resolved("Their strategies for winning in November are compounded by an obstacle.")
    assert got == [("November", "2016-11")]
    got = resolved("The report hinted at the role he sees for himself as Election Day nears.")
    assert got == [("Election Day", "2016-11-08")]


def test_a_condition_points_ahead():
    got = resolved("He emerged as the favourite if Democrats win the White House in November.")
    assert got == [("November", "2016-11")]
    got = resolved("An aide said Friday that if she were to win in November, she would sign it.")
    assert got[-1] == ("November", "2016-11")
    got = resolved("Whoever wins in November, the industry is likely to miss him.")
    assert got == [("November", "2016-11")]
    # a possessive before the date: the wins are done ("his Tuesday wins"), published Wednesday
    got = resolved("If he follows up his Tuesday wins with a victory, he leads.", "2016-03-23")
    assert got == [("Tuesday", "2016-03-22")]


def test_a_date_naming_a_scheduled_event_is_the_events():
    # an -ed verb before "an April 15 deadline" is the setting, not the deadline
    got = resolved("Sullivan set an April 15 deadline for the parties.", "2016-02-23")
    assert got == [("April 15", "2016-04-15")]
    got = resolved("Cross called November's general election a citizenship election.")
    assert got == [("November", "2016-11")]
    # a clear past still places it before
    got = resolved("The judge had set an April 15 deadline, which passed quietly.", "2016-06-23")
    assert got == [("April 15", "2016-04-15")]


def test_election_day_is_the_coming_one_unless_a_clear_past():
    got = resolved("The group used the remarks to urge people to vote on Election Day.")
    assert got == [("Election Day", "2016-11-08")]
    got = resolved("With 70 days remaining until Election Day, ads targeted at voters roll in.")
    assert got[-1] == ("Election Day", "2016-11-08")
    # published after the election, a past tense: that one
    got = resolved("Turnout was high on Election Day.", "2016-12-01")
    assert got == [("Election Day", "2016-11-08")]


def test_the_tense_of_a_fronted_adverbial_is_the_clause_it_opens():
    got = resolved("In January, in his final address, he conceded he had fallen short.")
    assert got == [("January", "2016-01")]
    got = resolved("And in that October speech, the governor chimed in.", "2016-07-27")
    assert got == [("October", "2015-10")]
    # a weekday opening the sentence keeps its past from the main clause
    got = resolved("Friday, Texas, leading a coalition of states, asked a judge to act.")
    assert got == [("Friday", "2016-09-16")]


def test_a_month_of_last_year_with_a_past_verb_stays_there():
    got = resolved("The company changed to a calendar year in December.", "2016-10-20")
    assert got == [("December", "2015-12")]
    got = resolved("Stocks rose to a record high set on Aug. 6.", "2016-02-06")
    assert got == [("Aug. 6", "2015-08-06")]


def test_things_named_after_a_holiday_are_no_date():
    assert resolved("It retaliated against Christmas trees rather than car engines.") == []
    assert resolved("She sent a Christmas card from Moscow.") == []
    assert resolved("We met at Christmas.", "2016-01-10") == [("Christmas", "2015-12-25")]


def test_tense_readings():
    def reading(sentence: str, expression: str) -> str | None:
        i = sentence.index(expression)
        return _tense(sentence, i, i + len(expression))

    assert reading("The vote will be in November.", "November") == "fut"
    assert reading("The vote was in November.", "November") == "past"
    assert reading("Prices climbed in November.", "November") == "weak"
    assert reading("Prices in November, analysts noted, were flat.", "November") == "far"
    # beyond the clause, an -ed form is only a lean
    assert reading("Growth in November, which analysts welcomed, is strong.", "November") == "far"
    assert reading("They met after the vote in November.", "November") == "past"
    assert reading("The vote in November is key.", "November") is None


def test_a_looming_event_is_ahead():
    got = resolved("But he was not hopeful about the looming showdown in July.", "2016-04-17")
    assert got == [("July", "2016-07")]


def test_plural_weekdays_are_sets():
    found = find_dates_in_text("Two flights leave on Monday and Tuesday nights.", AUTUMN)
    got = list(zip(found["text"], found["kind"], found["value"], strict=True))
    assert got[1] == ("Tuesday nights", "set", "XXXX-WXX-2TNI")
    found = find_dates_in_text("The museum is closed on Mondays.", AUTUMN)
    assert list(zip(found["text"], found["kind"], found["value"], strict=True)) == [
        ("Mondays", "set", "XXXX-WXX-1")
    ]
    # a single day with its part stays a date
    assert resolved("He spoke on Tuesday night.", "2016-09-22") == [("Tuesday night", "2016-09-20")]


def test_a_month_next_to_a_month_just_placed_is_near_it():
    # no tense: March is the one nearest the June just placed, not the one nearest the anchor
    got = resolved("A high of $42.875 a share in June from $29.75 in March.", "1989-10-30")
    assert got == [("June", "1989-06"), ("March", "1989-03")]
    # alone, March is the nearer one to the anchor
    assert resolved("A low of $29.75 in March.", "1989-10-30") == [("March", "1990-03")]


def test_the_day_before_an_event_in_apposition_to_a_date_is_that_date():
    got = resolved("Prices fell on Oct. 12, the day before the plunge.", "1989-10-30")
    assert got == [("Oct. 12", "1989-10-12"), ("the day", "1989-10-12")]
    got = resolved("Prices fell on Oct. 12. The day before the plunge, they rose.", "1989-10-30")
    assert got == [("Oct. 12", "1989-10-12"), ("The day", "1989-10-11")]


def test_a_clock_time_before_a_bracket_and_a_weekday_is_on_that_weekday():
    got = resolved(
        "The blast came at about 10:35 a.m. (0735 GMT) Friday, police said.", "1998-08-08"
    )
    assert got == [
        ("10:35 a.m.", "1998-08-07T10:35"),
        ("0735 GMT", "1998-08-07T07:35"),
        ("Friday", "1998-08-07"),
    ]
    # a weekday further on, past other words, is no such day: the clock stays on the anchor
    got = resolved("At 9 a.m. the talks resumed, as they had on Friday.", "1998-08-08")
    assert got[0] == ("9 a.m.", "1998-08-08T09:00")


def test_last_weekday_is_the_latest_before_the_anchor():
    # written on a Thursday, last Tuesday is two days back (the TimeML gold's reading)
    assert resolved("He testified last Tuesday.", "2000-02-24") == [("last Tuesday", "2000-02-22")]
    assert resolved("He testified last Thursday.", "2000-02-24") == [
        ("last Thursday", "2000-02-17")
    ]


def test_the_day_before_a_named_weekday():
    got = resolved("The day before last Tuesday's hearing, he went home.", "2000-02-24")
    assert got == [("day before last Tuesday", "2000-02-21")]
    # next to an event, the day has no date of its own
    found = find_dates_in_text("He left the day before she was arrested.", "2000-02-24")
    assert found["text"].tolist() == ["the day"] and found["resolved"].isna().all()
