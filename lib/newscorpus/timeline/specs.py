"""Resolution specs: how `resolve` places a time expression on the calendar.

Each grammar handler (`normalise`, `relative`) returns (kind, TIMEX3 value, mod, spec), where
`spec` is one of these typed records, or None when the expression has no interval (a set, a
bare duration, a PAST_REF). `spec_resolvers._resolve_one` dispatches on the record's type.

Units are TIMEX3 codes ("D", "W", "M", "Q", "Y", "DE", "CE"); a `shift` of None means "no
direction given: choose by tense or nearness", -1 the previous one, 1 the next, 0 this one.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple


class Absolute(NamedTuple):
    """A fixed interval: 1998, March 1998, the 1990s, 2001-09-11. `event`: a day named by an
    event (9/11), which is no year of reference for the dates after it."""

    start: date
    end: date
    value: str
    event: bool = False


class MonthDay(NamedTuple):
    """March 6 (`day` None: March), in the year nearest the anchor or by tense; `time` a
    clock-time suffix kept on the value ("T17:00")."""

    month: int
    day: int | None
    time: str = ""


class WeekOf(NamedTuple):
    """The week of March 6: the week of that day."""

    month: int
    day: int


class MonthDayWeekday(NamedTuple):
    """Friday, March 15: the year next to the anchor's where the weekday (ISO 1-7) fits."""

    month: int
    day: int
    weekday: int


class YearPeriod(NamedTuple):
    """The 1988 period: that year's quarter matching the one just reported."""

    year: int


class Holiday(NamedTuple):
    """Christmas, Election Day (a key of `normalise.HOLIDAYS`)."""

    name: str
    shift: int | None


class Clock(NamedTuple):
    """10:35 a.m. alone: on the article's day; `time` the value's suffix ("T10:35")."""

    time: str


class MonthInYear(NamedTuple):
    """August 1 last year, January this year: `years` from the anchor's year (`day` None: the
    month)."""

    month: int
    day: int | None
    years: int


class MonthShift(NamedTuple):
    """Last June, next March, this May."""

    month: int
    shift: int


class Season(NamedTuple):
    """(Last, next, this) summer; `code` SP, SU, FA, WI; `year`: the season of the year so many
    years from the anchor's (the spring of last year: -1), else None."""

    code: str
    shift: int | None
    year: int | None = None


class YearPart(NamedTuple):
    """(Last, next) third quarter, the second half: `code` Q1-Q4, H1, H2; `shift` in years."""

    code: str
    shift: int | None


class Weekday(NamedTuple):
    """(Last, next, this coming, this past) Tuesday: `weekday` ISO 1-7, `shift` None, "up",
    "down" or a number of weeks; `time` the part of the day or clock time ("TEV", "T21:30");
    `days` a shift from that day (the day before last Tuesday: -1)."""

    weekday: int
    shift: int | str | None
    time: str = ""
    days: int = 0  # the day before last Tuesday: -1


class Relative(NamedTuple):
    """n units from the anchor: today (D, 0), last week (W, -1), three years ago (Y, -3).
    `note`: "ago" (n years ago), "cmp" (a comparison period: a year-ago quarter), or a part of
    the day kept on the value ("TMO"); "" otherwise."""

    unit: str
    n: int
    note: str = ""


class Weekend(NamedTuple):
    """The weekend: the last one, or the next one in a future clause."""


class NthDay(NamedTuple):
    """ "It is the eighth day of the strike": the article's day."""


class Present(NamedTuple):
    """Now, at present: the article's day (PRESENT_REF)."""


class Window(NamedTuple):
    """From `lo` to `hi` units from the anchor: recent years (Y, -11, -2), the coming months."""

    unit: str
    lo: int
    hi: int


class Span(NamedTuple):
    """The past (next) n units: from the anchor n units back (or forward) to the anchor."""

    unit: str
    n: int


class Shift(NamedTuple):
    """n units from the date last named: a year earlier (Y, -1), two days later (D, 2).
    `note` "year-ago" for "year-ago" (the period compared with); "" otherwise."""

    unit: str
    n: int
    note: str = ""


class Anaphor(NamedTuple):
    """The next month, that year, the day before the vote: `shift` units from the date last
    named."""

    unit: str
    shift: int


Spec = (
    Absolute
    | MonthDay
    | WeekOf
    | MonthDayWeekday
    | YearPeriod
    | Holiday
    | Clock
    | MonthInYear
    | MonthShift
    | Season
    | YearPart
    | Weekday
    | Relative
    | Weekend
    | NthDay
    | Present
    | Window
    | Span
    | Shift
    | Anaphor
)
