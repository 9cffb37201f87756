"""Placing one date expression against its anchor: a step per kind of spec (a month and day,
a weekday, a season, "last week" …) choosing the past or the upcoming reading by tense, and
`_resolve_one`, which dispatches on the spec's type. Used by `timeline.resolve.find_dates`.
"""

from __future__ import annotations

from datetime import date, timedelta

from newscorpus.timeline.periods import (
    holiday_date,
    month_end,
    narrow_interval,
    part_interval,
    season_interval,
    shift_date,
    unit_period,
)
from newscorpus.timeline.specs import (
    Absolute,
    Clock,
    Holiday,
    MonthDay,
    MonthDayWeekday,
    MonthInYear,
    MonthShift,
    NthDay,
    Present,
    Relative,
    Season,
    Span,
    Spec,
    Weekday,
    Weekend,
    WeekOf,
    Window,
    YearPart,
    YearPeriod,
)
from newscorpus.timeline.words import valid_date

_GRANULARITY_RANK = {"day": 3, "month": 2, "year": 1}
_NEEDS = {"D": "day", "W": "day", "WE": "day", "M": "month", "Q": "month", "Y": "year"}
_NEEDS["DE"] = "year"
_NEEDS["CE"] = "year"


def _pick(past, upcoming, anchor: date, tense: bool | None, far: bool = False):
    """The past or the upcoming candidate (lo, hi, value): by tense, else the nearer one.

    News is about the weeks around its date: when a past tense points more than 300 days back
    and the coming date is within 45 days, the coming one wins ("gave no reason for the
    Jan. 14 deadline" written on Jan. 5 is this January's 14th). Without a tense, the nearer.
    A tense read only beyond the expression's clause (`far`, see `_month_tense`) is a lean:
    the other candidate wins when it is less than half as far.
    """
    if past[:2] == upcoming[:2]:
        return past
    to_past, to_upcoming = (anchor - past[1]).days, (upcoming[0] - anchor).days
    if tense is True and far:
        return past if to_upcoming > 2 * to_past else upcoming
    if tense is True:
        return upcoming
    if tense is False and far:
        return upcoming if to_past > 2 * to_upcoming else past
    if tense is False:
        return upcoming if to_past > 300 and to_upcoming <= 45 else past
    return past if to_past <= to_upcoming else upcoming


def _month_candidates(month: int, day: int | None, anchor: date):
    """The latest (month, day) on or before the anchor and the first on or after it."""

    def make(year: int):
        if day is None:
            return date(year, month, 1), month_end(year, month), f"{year}-{month:02d}"
        x = valid_date(year, month, day)
        return (x, x, x.isoformat()) if x else None

    this = make(anchor.year)
    if this is None:  # February 29 in a common year
        return make(anchor.year - 4), make(anchor.year + 4)
    past = this if this[0] <= anchor else make(anchor.year - 1)
    upcoming = this if this[1] >= anchor else make(anchor.year + 1)
    return past, upcoming


def _reading(future) -> str | None:
    """The tense reading behind `future` (`tense._tense`: "fut", "past", "weak", "far",
    "event")."""
    reading = getattr(future, "reading", None)
    return reading() if reading else None


def _month_tense(future) -> tuple[bool | None, bool]:
    """(tense, far) placing a month or a day of a month: `future()`, and whether it was read
    only beyond the expression's clause (a past from an -ed form or a reporting verb), which
    `_pick` takes as a lean, not a rule ("the Nov. 8 general election, which has grown
    increasingly contentious", written in August, is the coming one). A date naming a
    scheduled event after a weak past ("set an April 15 deadline") has no tense: the nearer."""
    tense = future()
    reading = _reading(future) if tense is not None else None
    if reading == "event":  # Sullivan set an April 15 deadline: the deadline's own date
        return None, False
    return tense, reading in ("far", "farfut")


def _allowed(precision: str | None, code: str) -> bool:
    """May an anchor known to `precision` (day, month, year) place a unit `code`?"""
    return _GRANULARITY_RANK.get(precision, 0) >= _GRANULARITY_RANK[_NEEDS.get(code, "day")]


def _resolve_month_day(spec: MonthDay, mod, anchor: date, precision, future):
    """March 6 (or March): the one just past or coming, by tense or nearness; 5 p.m. Nov. 9
    keeps its clock time."""
    if not _allowed(precision, "M"):
        return None
    past, upcoming = _month_candidates(spec.month, spec.day, anchor)
    if past is None or upcoming is None:
        return None
    lo, hi, value = _pick(past, upcoming, anchor, *_month_tense(future))
    lo, hi = narrow_interval(lo, hi, mod)
    return lo, hi, value + spec.time


def _resolve_week_of(spec: WeekOf, mod, anchor: date, precision, future):
    """The week of March 6: the week of that day (resolved as a date); the anchor's own week
    when that day falls in it, whatever the tense ("is set for the week of March 4" written on
    Thursday, March 7)."""
    day = valid_date(anchor.year, spec.month, spec.day) if precision == "day" else None
    if day is not None and day.isocalendar()[:2] == anchor.isocalendar()[:2]:
        got = (day,)
    else:
        got = _resolve_one(MonthDay(spec.month, spec.day), None, anchor, precision, future)
    if got is None:
        return None
    iso = got[0].isocalendar()
    lo = got[0] - timedelta(days=got[0].weekday())
    return lo, lo + timedelta(days=6), f"{iso[0]}-W{iso[1]:02d}"


def _resolve_month_day_weekday(spec: MonthDayWeekday, mod, anchor: date, precision, future):
    """Friday, March 15: the year next to the anchor's where the weekday fits; else as
    March 15."""
    month, day, weekday = spec
    if not _allowed(precision, "M"):
        return None
    fits = [
        x
        for y in (anchor.year - 1, anchor.year, anchor.year + 1)
        if (x := valid_date(y, month, day)) is not None and x.isoweekday() == weekday
    ]
    if not fits:
        return _resolve_one(MonthDay(month, day), mod, anchor, precision, future)
    x = min(fits, key=lambda d: abs((d - anchor).days))
    return x, x, x.isoformat()


def _resolve_year_period(spec: YearPeriod, mod, anchor: date, precision, future):
    """The 1988 period: that year's quarter matching the one just reported."""
    if not _allowed(precision, "M"):
        return None
    q = ((anchor.month - 1) // 3 - 1) % 4 + 1
    return (*part_interval(spec.year, f"Q{q}"), f"{spec.year}-Q{q}")


def _resolve_holiday(spec: Holiday, mod, anchor: date, precision, future):
    """Christmas, Thanksgiving: the one just past, coming, or by tense."""
    if not _allowed(precision, "M"):
        return None
    from newscorpus.timeline.normalise import HOLIDAYS

    rule, shift = HOLIDAYS[spec.name], spec.shift
    days = [holiday_date(rule, y) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    if shift is not None and shift != 0:
        pick = (
            [d for d in days if d < anchor][-1]
            if shift < 0
            else next(d for d in days if d > anchor)
        )
    elif shift == 0:
        pick = days[1]
    else:
        past = [d for d in days if d <= anchor][-1]
        upcoming = next(d for d in days if d >= anchor)
        tense, far = _month_tense(future)
        if spec.name == "election day" and (tense is None or far or _reading(future) == "weak"):
            tense, far = True, False  # a campaign's Election Day is the coming one, unless a
            # clear past says otherwise
        pick = _pick((past, past), (upcoming, upcoming), anchor, tense, far)[0]
    return pick, pick, pick.isoformat()


def _resolve_clock(spec: Clock, mod, anchor: date, precision, future):
    """10:35 a.m. alone: on the article's day (TempEval's reading)."""
    if not _allowed(precision, "D"):
        return None
    return anchor, anchor, anchor.isoformat() + spec.time


def _resolve_month_in_year(spec: MonthInYear, mod, anchor: date, precision, future):
    """August 1 last year, January this year."""
    if not _allowed(precision, "Y"):
        return None
    year = anchor.year + spec.years
    if spec.day is None:
        lo, hi = narrow_interval(date(year, spec.month, 1), month_end(year, spec.month), mod)
        return lo, hi, f"{year}-{spec.month:02d}"
    x = valid_date(year, spec.month, spec.day)
    return (x, x, x.isoformat()) if x else None


def _resolve_month_shift(spec: MonthShift, mod, anchor: date, precision, future):
    """Last June, next March, this May. "Last February" written in March is February a year
    before (the month just ended is "last month"): `last` with the current month or the month
    just ended goes back a year more than the latest occurrence."""
    month, shift = spec
    if not _allowed(precision, "M"):
        return None
    year = anchor.year
    if shift < 0:
        year -= 1 if month >= anchor.month else 0
        if month == (anchor.month - 2) % 12 + 1:  # last February, written in March
            year -= 1
    elif shift > 0:
        year += 1 if month <= anchor.month else 0
    lo, hi = narrow_interval(date(year, month, 1), month_end(year, month), mod)
    return lo, hi, f"{year}-{month:02d}"


def _resolve_season(spec: Season, mod, anchor: date, precision, future):
    """(Last, next, this) summer; "the summer" in the winter: by tense or nearness; the spring
    of last year: in the year before the anchor's."""
    code, shift = spec.code, spec.shift
    if not _allowed(precision, "M"):
        return None
    if spec.year is not None:  # the spring of last year
        y = anchor.year + spec.year
        lo, hi = narrow_interval(*season_interval(y, code), mod)
        return lo, hi, f"{y}-{code}"
    current = anchor.year - 1 if code == "WI" and anchor.month <= 2 else anchor.year
    this_lo, this_hi = season_interval(current, code)
    past_year = current if this_lo <= anchor else current - 1
    next_year = current if this_hi >= anchor else current + 1
    if shift is None:  # the summer, in the winter
        cands = [(*season_interval(y, code), y) for y in (past_year, next_year)]
        y = _pick(cands[0], cands[1], anchor, *_month_tense(future))[2]
    elif shift < 0:  # last summer: the latest one already over
        y = current if this_hi < anchor else current - 1
    elif shift > 0:  # next summer: the first one not yet begun
        y = current if this_lo > anchor else current + 1
    else:  # this summer
        y = current
    lo, hi = narrow_interval(*season_interval(y, code), mod)
    return lo, hi, f"{y}-{code}"


def _resolve_year_part(spec: YearPart, mod, anchor: date, precision, future):
    """The third quarter: the quarter just ended (within 45 days: the one reported on), else
    the latest begun or the next to end by tense or nearness; last year's second half."""
    code, shift = spec
    if not _allowed(precision, "Y"):
        return None
    if shift is None:  # "the third quarter": the latest begun, the next to end, or nearer
        cands = []
        for y in (anchor.year - 1, anchor.year, anchor.year + 1):
            lo, hi = part_interval(y, code)
            cands.append((lo, hi, f"{y}-{code}"))
        past = [c for c in cands if c[0] <= anchor][-1]
        upcoming = [c for c in cands if c[1] >= anchor][0]
        if (anchor - past[1]).days <= 45:  # the quarter just ended: the one reported on
            return past
        return _pick(past, upcoming, anchor, future())
    y = anchor.year + shift
    lo, hi = part_interval(y, code)
    return lo, hi, f"{y}-{code}"


def _resolve_weekday(spec: Weekday, mod, anchor: date, precision, future):
    """Tuesday (this past one, the coming one, or the nearer), this coming/past Sunday, next
    Friday; a clock time and an evening stay on the value."""
    weekday, shift, part, days = spec
    if not _allowed(precision, "D"):
        return None
    delta = weekday - anchor.isoweekday()
    if shift is None:  # Tuesday: this past one, the coming one, or the nearer
        past = anchor - timedelta(days=(-delta) % 7)
        upcoming = anchor + timedelta(days=delta % 7)
        x = _pick((past, past), (upcoming, upcoming), anchor, future())[0]
    elif shift == "up":  # this coming Sunday
        x = anchor + timedelta(days=(delta - 1) % 7 + 1)
    elif shift == "down" or shift == -1:  # this past Sunday; last Tuesday, written on a
        # Thursday, is two days back (the latest before the anchor, as the TimeML gold reads it)
        x = anchor - timedelta(days=(-delta - 1) % 7 + 1)
    else:
        x = anchor + timedelta(days=delta + 7 * shift)
    # a clock time stays (9:30 p.m. Friday); of the parts of a day only the evening does:
    # the TimeML gold writes "Friday evening" 2019-03-08TEV, "Friday morning" as the day
    # (measured: keeping every part, TMO and TNI, loses as many as it gains, since the gold
    # often tags "Friday" alone in "Friday night")
    x += timedelta(days=days)  # the day before last Tuesday
    return x, x, x.isoformat() + (part if part[1:2].isdigit() or part == "TEV" else "")


def _resolve_relative(spec: Relative, mod, anchor: date, precision, future):
    """n units from the anchor (today, last week, three years ago); this morning keeps the
    part of the day."""
    code, n, note = spec
    if not _allowed(precision, code):
        return None
    period = unit_period(anchor, code, n)
    if period is None:
        return None
    lo, hi, value = period
    lo, hi = narrow_interval(lo, hi, mod, anchor if n == 0 else None)
    if note[:1] == "T":  # this morning: the day and its part
        value += note
    return lo, hi, value


def _resolve_weekend(spec: Weekend, mod, anchor: date, precision, future):
    """The weekend: the last one, or the next one in a future clause."""
    if not _allowed(precision, "D"):
        return None
    saturday = anchor + timedelta(days=(5 - anchor.weekday()) % 7)
    if not future() and saturday > anchor:
        saturday -= timedelta(weeks=1)
    iso = saturday.isocalendar()
    return saturday, saturday + timedelta(days=1), f"{iso[0]}-W{iso[1]:02d}-WE"


def _resolve_nth_day(spec: NthDay, mod, anchor: date, precision, future):
    """ "It is the eighth day of the strike": the article's day."""
    if not _allowed(precision, "D"):
        return None
    return anchor, anchor, anchor.isoformat()


def _resolve_present(spec: Present, mod, anchor: date, precision, future):
    """Now: the article's day, valued PRESENT_REF."""
    if not _allowed(precision, "D"):
        return None
    return anchor, anchor, "PRESENT_REF"


def _resolve_window(spec: Window | Span, mod, anchor: date, precision, future):
    """A window (from lo to hi units from the anchor) or a span (the past or next n units, to
    or from the anchor): the interval, with no value of its own."""
    code = spec.unit
    if not _allowed(precision, code):
        return None
    if isinstance(spec, Span):
        lo_n, hi_n = (spec.n, 0) if spec.n < 0 else (0, spec.n)
    else:
        lo_n, hi_n = spec.lo, spec.hi
    lo, hi = shift_date(anchor, code, lo_n), shift_date(anchor, code, hi_n)
    if lo is None or hi is None:
        return None
    return lo, hi, None


_RESOLVERS = {
    MonthDay: _resolve_month_day,
    WeekOf: _resolve_week_of,
    MonthDayWeekday: _resolve_month_day_weekday,
    YearPeriod: _resolve_year_period,
    Holiday: _resolve_holiday,
    Clock: _resolve_clock,
    MonthInYear: _resolve_month_in_year,
    MonthShift: _resolve_month_shift,
    Season: _resolve_season,
    YearPart: _resolve_year_part,
    Weekday: _resolve_weekday,
    Relative: _resolve_relative,
    Weekend: _resolve_weekend,
    NthDay: _resolve_nth_day,
    Present: _resolve_present,
    Window: _resolve_window,
    Span: _resolve_window,
}


def _resolve_one(spec: Spec | None, mod, anchor: date | None, precision: str | None, future):
    """(start, end, resolved value) for one expression, or None when it cannot be resolved.

    An `Absolute` spec needs no anchor; every other one is placed from the anchor (None
    without one) by its step in `_RESOLVERS`, when the anchor's precision allows its unit.
    `future()` says whether the expression's clause is about the future (computed on demand).
    `Shift` and `Anaphor` specs are resolved against the date last named (`find_dates`).
    """
    if spec is None:
        return None
    if isinstance(spec, Absolute):
        lo, hi = narrow_interval(spec.start, spec.end, mod)
        return lo, hi, spec.value
    if anchor is None:
        return None
    step = _RESOLVERS.get(type(spec))
    return None if step is None else step(spec, mod, anchor, precision, future)
