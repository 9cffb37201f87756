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
    assert found("The alarm sounded at 10:30:15 today.")[0][:2] == ("10:30:15", "XXXX-XX-XXT10:30:15")


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
