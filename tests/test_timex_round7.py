"""Named days placed by the nearer reference the text gives (issue 16, round 7): "Tuesday's
Election Day" is that Tuesday, "the 2016 election ... on Election Day" is 2016's, and "between
September 9 and 13, two months before Election Day" is that autumn's; "three years later"
after such a day steps from it, not from the publication date."""

from __future__ import annotations

from newscorpus.timeline.resolve import find_dates_in_text


def _resolved(text: str, published: str) -> dict[str, str]:
    dates = find_dates_in_text(text, published)
    return dict(zip(dates["text"], dates["resolved"], strict=True))


def test_a_weekday_possessive_names_the_day_of_a_primary():
    # the New Hampshire primary, written that day: not the general election in November
    got = _resolved("The lead-up to Tuesday’s Election Day was an ugly time.", "2020-02-11")
    assert got == {"Tuesday": "2020-02-11", "Election Day": "2020-02-11"}
    got = _resolved("Voters lined up for Tuesday's Election Day in Concord.", "2020-02-09")
    assert got["Election Day"] == got["Tuesday"] != "2020-11-03"


def test_a_named_day_after_a_year_in_its_sentence_is_in_that_year():
    text = (
        "Hackers tried to disrupt the 2016 election, possibly compromising voting on Election"
        " Day. Three years later, questions remain."
    )
    got = _resolved(text, "2019-12-26")
    assert got["Election Day"] == "2016-11-08"
    # the narrative step counts from the day just named, not from the publication date
    assert got["Three years"] == "2019-11-08"


def test_a_named_day_after_a_day_in_its_sentence_is_the_nearest_one():
    text = (
        "The lanes were closed, causing backups between September 9 and 13, two months before"
        " Election Day."
    )
    got = _resolved(text, "2014-01-08")
    assert got["September 9"] == "2013-09-09"
    assert got["Election Day"] == "2013-11-05"  # the 2013 election, not November 2014's


def test_a_campaign_election_day_without_a_nearer_reference_is_the_coming_one():
    got = _resolved("Both camps are deadlocked four months before Election Day.", "2012-07-10")
    assert got["Election Day"] == "2012-11-06"
    # a future clause keeps the coming one even after a year named in the sentence
    got = _resolved("Polls in 2019 show he will win on Election Day.", "2019-12-26")
    assert got["Election Day"] == "2020-11-03"


def test_a_year_of_something_else_in_the_sentence_leaves_election_day_alone():
    text = "Republicans passed a law in 2019 to close polls at 6 PM on Election Day."
    assert _resolved(text, "2020-07-14")["Election Day"] == "2020-11-03"
