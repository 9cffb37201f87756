"""Anchors (publication dates as the source states them) and resolution to an interval.

`find_dates(corpus)` is the entry point. An article without a publication date has no anchor:
its explicit dates are resolved, its relative ones ("last week", "Monday") are not.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import pandas as pd

from newscorpus.corpus import Corpus
from newscorpus.sentences import split_sentences
from newscorpus.timeline.grammar import DATE_COLUMNS
from newscorpus.timeline.periods import (
    holiday_date,
    month_end,
    narrow_interval,
    part_interval,
    season_interval,
    shift_date,
    shift_months,
    to_seconds,
    unit_period,
)
from newscorpus.timeline.scan import in_dateline, scan_texts
from newscorpus.timeline.specs import (
    Absolute,
    Anaphor,
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
    Shift,
    Span,
    Spec,
    Weekday,
    Weekend,
    WeekOf,
    Window,
    YearPart,
    YearPeriod,
)
from newscorpus.timeline.tense import Tense
from newscorpus.timeline.words import valid_date

# --------------------------------------------------------------------------- anchors

ANCHOR_COLUMNS = ["article_id", "anchor", "anchor_from", "anchor_precision"]


def _anchors(corpus: Corpus) -> pd.DataFrame:
    known = [
        pd.notna(published) and source != "inferred"  # an old table's guess is no date
        for published, source in zip(
            corpus.articles["published"], corpus.articles["published_from"], strict=True
        )
    ]
    rows = []
    for aid, published, source, is_known in zip(
        corpus.articles["article_id"],
        corpus.articles["published"],
        corpus.articles["published_from"],
        known,
        strict=True,
    ):
        if is_known:
            source = source if isinstance(source, str) else "text"
            rows.append((aid, pd.Timestamp(published).date(), source, "day"))
        else:
            rows.append((aid, None, None, None))
    out = pd.DataFrame(rows, columns=ANCHOR_COLUMNS)
    out["anchor"] = pd.Series(to_seconds(out["anchor"].tolist()), index=out.index)
    for col in ("anchor_from", "anchor_precision"):
        out[col] = out[col].astype("str")
    return out


def anchor_dates(corpus: Corpus) -> pd.DataFrame:
    """Each article's anchor date: its publication date as the source states it, else none.

    Input: a Corpus (articles: article_id, published, published_from). Output: one row per
    article: article_id, anchor (datetime64[s], NaT when the article has no publication date),
    anchor_from (the article's `published_from`: `text`, `manifest`, `table`, `page`; NA when
    undated), anchor_precision (`day`, NA when undated). Nothing is inferred from the dates an
    article mentions: an undated article's relative expressions stay unresolved. A `published`
    marked `inferred` (a table written by an older version) counts as no date.
    """
    return _anchors(corpus)


# --------------------------------------------------------------------------- resolution

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
    """The week of March 6: the week of that day (resolved as a date)."""
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
    """(Last, next, this) summer; "the summer" in the winter: by tense or nearness."""
    code, shift = spec
    if not _allowed(precision, "M"):
        return None
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


_PREVIOUS = re.compile(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?|-Q([1-4])|-(SP|SU|FA|WI))?$")


def _shift_value(previous, code: str, n: int):
    """The date `previous` (value, start) moved by `n` units `code`, at its own precision:
    the third quarter of 1989 a year earlier is 1988-Q3. None when it cannot be done."""
    if previous is None:
        return None
    m = _PREVIOUS.match(previous[0] or "")
    if m is None:
        return None
    year, month, day, quarter, season = m.groups()
    y = int(year)
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120}.get(code)
    if day is not None:
        x = shift_date(date(y, int(month), int(day)), code, n)
        return None if x is None else (x, x, x.isoformat())
    if month is not None and months is not None:
        y2, m2 = shift_months(y, int(month), n * months)
        return date(y2, m2, 1), month_end(y2, m2), f"{y2}-{m2:02d}"
    if quarter is not None and code in ("Q", "Y"):
        k = y * 4 + int(quarter) - 1 + (n if code == "Q" else 4 * n)
        code_q = f"Q{k % 4 + 1}"
        return (*part_interval(k // 4, code_q), f"{k // 4}-{code_q}")
    if code in ("Y", "DE") and month is None and quarter is None:
        y2 = y + n * (10 if code == "DE" else 1)
        if season:
            return (*season_interval(y2, season), f"{y2}-{season}")
        return date(y2, 1, 1), date(y2, 12, 31), str(y2)
    return None


_REPORT_CUE = re.compile(
    r"\b(?:(?:nine|six|first|twelve|12)[ -]months?|first[ -]half|for[ ]the[ ](?:fiscal[ ])?year"
    r"|full[ -]year|fiscal[ ]year|year[ ]to[ ]date)\b|(?P<q>quarter(?:ly)?)\b",
    re.I,
)


def _report_cue(sentence: str, start: int, end: int) -> str | None:
    """In an earnings sentence, which period "a year ago" compares with: "Q" when a quarter is
    named (nearest before the expression, else after it), "Y" for nine months, the fiscal year,
    the first half; None when the sentence names neither."""
    before = list(_REPORT_CUE.finditer(sentence, 0, start))
    m = before[-1] if before else _REPORT_CUE.search(sentence, end)
    if m is None:
        return None
    return "Q" if m["q"] else "Y"


def _is_report_quarter(previous, anchor: date | None) -> bool:
    """Is the date last named a quarter that ended in the year before the anchor?"""
    if previous is None or anchor is None or not re.match(r"^\d{4}-Q[1-4]$", previous[0] or ""):
        return False
    lo = previous[1]
    return lo is not None and 0 <= (anchor - lo).days <= 366


def _resolve_anaphor(spec, previous):
    """An anaphoric expression (the next month) resolved against the previous mention."""
    code, shift = spec.unit, spec.shift
    if previous is None:
        return None, None
    value, lo = previous
    if code == "M":
        m = re.match(r"^(\d{4}|XXXX)-(\d\d)$", value or "")
        if not m:
            return None, None
        month = int(m.group(2)) + shift
        year = m.group(1)
        if year == "XXXX":
            return f"XXXX-{(month - 1) % 12 + 1:02d}", None
        y, mo = shift_months(int(year), int(m.group(2)), shift)
        return f"{y}-{mo:02d}", (date(y, mo, 1), month_end(y, mo))
    if code == "Y":
        m = re.match(r"^(\d{4})", value or "")
        if not m:
            return None, None
        y = int(m.group(1)) + shift
        return str(y), (date(y, 1, 1), date(y, 12, 31))
    if code == "DE":  # the following decade, after the 1990s
        m = re.match(r"^(\d{3})\d?$", value or "")
        if not m:
            return None, None
        dec = int(m.group(1)) + shift
        return str(dec), (date(dec * 10, 1, 1), date(dec * 10 + 9, 12, 31))
    if code == "D" and lo is not None and re.match(r"^\d{4}-\d\d-\d\d$", value or ""):
        x = lo + timedelta(days=shift)
        return x.isoformat(), (x, x)
    return None, None


def _empty_dates() -> pd.DataFrame:
    out = pd.DataFrame({c: [] for c in DATE_COLUMNS})
    return _types(out)


def _types(out: pd.DataFrame) -> pd.DataFrame:
    for col in ("article_id", "text", "kind", "value", "resolved", "mod", "anchor_from"):
        out[col] = out[col].astype("str")
    for col in ("start_date", "end_date", "anchor"):
        out[col] = pd.Series(to_seconds(out[col].tolist()), index=out.index)
    for col in ("sentence_id", "start", "end"):
        out[col] = out[col].astype("int64")
    return out


_YEAR_VALUE = re.compile(r"\d{4}(?:$|-)")  # a value naming one year (not a decade, not a range)


def _anchor_lookup(corpus: Corpus) -> dict:
    """{article_id: (anchor date or None, anchor precision or None, anchor_from or None)}."""
    anchors = _anchors(corpus)
    return {
        aid: (
            None if pd.isna(a) else a.date(),
            None if pd.isna(p) else p,
            f if isinstance(f, str) else None,
        )
        for aid, a, f, p in zip(
            anchors["article_id"],
            anchors["anchor"],
            anchors["anchor_from"],
            anchors["anchor_precision"],
            strict=True,
        )
    }


def _note_sentence_year(spec, value: str, row: int, end: int, sentence_year):
    """The last explicit year named, as (sentence row, year, end of the expression): updated
    when this expression is an absolute date naming one year (not a day named by an event)."""
    if isinstance(spec, Absolute) and not spec.event and _YEAR_VALUE.match(value):
        return (row, int(value[:4]), end)
    return sentence_year


def _in_sentence_year(spec, mod, sentence_year, row: int, start: int, is_future):
    """ "In the winter of 2014, when the river peaked on Feb. 9": a month and day shortly
    after a year named in the same sentence (and not in a future clause) is in that year, as
    an `Absolute` spec; any other spec is returned as it is."""
    if (
        isinstance(spec, MonthDay)
        and sentence_year
        and sentence_year[0] == row
        and start - sentence_year[2] <= 60  # the same stretch of the sentence
        and not is_future()
    ):
        year, month, day_ = sentence_year[1], spec.month, spec.day
        x = date(year, month, 1) if day_ is None else valid_date(year, month, day_)
        if x is not None:
            hi = month_end(year, month) if day_ is None else x
            resolved_value = x.isoformat() if day_ else f"{year}-{month:02d}"
            return Absolute(*narrow_interval(x, hi, mod), resolved_value)
    return spec


def _near_sentence_month(spec, mod, sentence_month, row: int, is_future):
    """ "A high of $42.875 in June from $29.75 in March": a month or day without a year and
    without a tense, in the sentence of a month or day just placed, is the occurrence nearest to
    that one (an `Absolute` spec); any other spec is returned as it is."""
    if not (isinstance(spec, MonthDay) and sentence_month and sentence_month[0] == row):
        return spec
    if is_future() is not None:
        return spec
    past, upcoming = _month_candidates(spec.month, spec.day, sentence_month[1])
    if past is None or upcoming is None:
        return spec
    near = sentence_month[1]
    lo, hi, value = past if (near - past[1]).days <= (upcoming[0] - near).days else upcoming
    return Absolute(*narrow_interval(lo, hi, mod), value + spec.time)


def _report_comparison(spec, sentence: str, start: int, end: int):
    """(cue, spec) for the comparisons of earnings reports: "a year ago" or "a year earlier"
    take the cue of the sentence ("Q" or "Y", `_report_cue`); "the 1988 period" in a sentence
    about nine months or a fiscal year becomes that year (an `Absolute` spec, no cue)."""
    cue = None
    if (
        isinstance(spec, (Shift, Relative))
        and (spec.unit, spec.n) == ("Y", -1)
        and (isinstance(spec, Shift) or spec.note == "ago")
    ):  # a year ago, a year earlier, year-earlier
        cue = _report_cue(sentence, start, end)
    elif isinstance(spec, YearPeriod):  # the 1988 period
        if _report_cue(sentence, start, end) == "Y":
            # "in the first nine months ... than in the 1988 period": that year
            y = spec.year
            spec = Absolute(date(y, 1, 1), date(y, 12, 31), str(y))
    return cue, spec


def _place(spec, value: str, mod, cue, anchor, precision, previous, future):
    """(value, interval (start, end, resolved) or None, from_previous) of one expression in
    its context: the report cue, the anchor, the date last named (`previous`: value, start).

    A year ago in a report is the year (or quarter) compared with; a shift ("a year earlier")
    and an anaphor ("the next month") start from the date last named; the rest is placed from
    the anchor (`_resolve_one`)."""
    interval, from_previous = None, False
    if cue == "Y" and anchor is not None:
        # "for the nine months ... a year earlier": the year before the one reported on
        base = previous[0][:4] if previous and re.match(r"\d{4}", previous[0]) else None
        y = (int(base) if isinstance(spec, Shift) and base else anchor.year) - 1
        interval = (date(y, 1, 1), date(y, 12, 31), str(y))
        from_previous = isinstance(spec, Shift)
    elif cue == "Q" and anchor is not None and not _is_report_quarter(previous, anchor):
        # "third-quarter sales fell from $1.4 billion a year ago": the quarter reported on
        interval = _resolve_one(Relative("Q", -5), mod, anchor, precision, None)
    elif (
        isinstance(spec, Relative) and spec.note == "ago" and _is_report_quarter(previous, anchor)
    ):  # "from $4 million a year ago" after the quarter just reported: that quarter
        interval = _shift_value(previous, spec.unit, spec.n)
        from_previous = interval is not None
    elif isinstance(spec, Shift):  # a year earlier: from the last date named
        interval, from_previous = _shift_from_previous(spec, mod, anchor, precision, previous)
    elif isinstance(spec, Anaphor):
        value_ana, interval_ana = _resolve_anaphor(spec, previous)
        if value_ana is not None:
            value = value_ana if value_ana.startswith("X") else value
            interval = (*interval_ana, value_ana) if interval_ana else None
    else:
        interval = _resolve_one(spec, mod, anchor, precision, future)
    return value, interval, from_previous


def _shift_from_previous(spec: Shift, mod, anchor, precision, previous):
    """(interval, from_previous) of "a year earlier", "two days later": the date last named
    moved by the shift; year-ago after the 1988 period: that period. With no date named
    before, an earlier shift counts back from the anchor, a later one stays unresolved."""
    back = previous
    if spec.note and previous and anchor and previous[0][:4] == str(anchor.year - 1):
        back = (previous[0], previous[1])  # year-ago after the 1988 period: that period
        shifted = _shift_value(back, spec.unit, 0)
    else:
        shifted = _shift_value(back, spec.unit, spec.n)
    if shifted is not None:
        return shifted, True
    if spec.n > 0:  # "200 years later" with no date named before: later than what?
        return None, False
    return _resolve_one(Relative(spec.unit, spec.n), mod, anchor, precision, None), False


def _is_comparison(spec, from_previous: bool, cue) -> bool:
    """Does the expression name a period compared with (a year earlier, a year-ago quarter)?
    Such an expression never becomes the date last named."""
    return spec is not None and (
        isinstance(spec, Shift)
        or from_previous
        or cue is not None
        or (isinstance(spec, Relative) and spec.note == "cmp")
    )


_CLOCK_GAP = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?")


def _clock_on_weekday(texts, rows, s, e, values, resolved, starts, ends) -> None:
    """ "At 10:35 a.m. (0735 GMT) Friday": a clock time followed, past a bracket, by a weekday
    is on that weekday (TimeML values both times on its date). Changes `resolved`, `starts` and
    `ends` in place for such clock times (value `XXXX-XX-XXThh:mm`)."""
    n = len(values)
    for i in range(n):
        if not values[i].startswith("XXXX-XX-XXT") or resolved[i] is None:
            continue
        j = i + 1
        while j < n and rows[j] == rows[i] and values[j].startswith("XXXX-XX-XXT"):
            j += 1  # the time in brackets: (0735 GMT)
        if j >= n or rows[j] != rows[i] or not re.match(r"XXXX-WXX-\d$", values[j]):
            continue
        if resolved[j] is None or _CLOCK_GAP.fullmatch(texts[rows[i]], e[i], s[j]) is None:
            continue
        day = starts[j]
        for k in range(i, j):  # the clock time and the one in brackets
            if values[k].startswith("XXXX-XX-XXT") and resolved[k] is not None:
                resolved[k] = day.isoformat() + values[k][len("XXXX-XX-XX") :]
                starts[k] = ends[k] = day


def find_dates(corpus: Corpus, datelines: bool = False) -> pd.DataFrame:
    """Every time expression in body sentences: span, kind, TIMEX3 value and resolved interval.

    The date of a dateline opening an article (`SALVADOR, Feb 26 - ...`) is left out: it is the
    article's own date, not one it mentions (`scan.in_dateline`); `datelines=True` keeps it
    (TimeML tags every time expression, a dateline's too: used by `eval.timeml`).

    Steps: scan the sentences (`scan.scan_texts`), then, per expression in reading order, note the
    year last named in the sentence, take the report cue, place the expression
    (`_place`) and keep it as the date last named unless it is a comparison."""
    sentences = corpus.sentences
    texts = sentences["text"].tolist()
    found = scan_texts(texts)
    future = Tense(texts, found)
    anchor_of = _anchor_lookup(corpus)
    if not len(found):
        return _empty_dates()
    rows = found["row"].to_numpy()
    found_s, found_e = found["s"].to_numpy(), found["e"].to_numpy()
    art_ids = sentences["article_id"].to_numpy()[rows]
    sent_ids = sentences["sentence_id"].to_numpy()[rows]
    sent_starts = sentences["start"].to_numpy()[rows]
    starts_out, ends_out, resolved_out, values_out, anchor_out, from_out = [], [], [], [], [], []
    previous: tuple[str, date | None] | None = None
    last_article = None
    sentence_year: tuple[int, int, int] | None = None  # (row, year, end) of the last year named
    sentence_month: tuple[int, date] | None = None  # (row, start) of the last month-day placed
    for i, (aid, value, mod, spec) in enumerate(
        zip(art_ids, found["value"], found["mod"], found["spec"], strict=True)
    ):
        if aid != last_article:
            previous, last_article = None, aid
        anchor, precision, source = anchor_of.get(aid, (None, None, None))
        row = rows[i]
        sentence_year = _note_sentence_year(spec, value, row, found_e[i], sentence_year)
        spec = _in_sentence_year(spec, mod, sentence_year, row, found_s[i], future.of(i))
        spec = _near_sentence_month(spec, mod, sentence_month, row, future.of(i))
        cue, spec = _report_comparison(spec, texts[row], found_s[i], found_e[i])
        value, interval, from_previous = _place(
            spec, value, mod, cue, anchor, precision, previous, future.of(i)
        )
        if isinstance(spec, MonthDay) and interval is not None:
            sentence_month = (row, interval[0])
        values_out.append(value)
        if interval is None:
            starts_out.append(None)
            ends_out.append(None)
            resolved_out.append(value if value.endswith("_REF") or value[:1] == "P" else None)
        else:
            starts_out.append(interval[0])
            ends_out.append(interval[1])
            resolved_out.append(interval[2] if interval[2] is not None else value)
        used_anchor = (
            spec is not None
            and not isinstance(spec, (Absolute, Anaphor))
            and interval is not None
            and not from_previous
        )
        anchor_out.append(anchor if used_anchor else None)
        from_out.append(source if used_anchor else None)
        if (
            value[:1] != "P"
            and not value.endswith("_REF")
            and spec is not None
            and not _is_comparison(spec, from_previous, cue)
        ):
            best_value = resolved_out[-1] or value
            previous = (best_value, interval[0] if interval else None)
    _clock_on_weekday(texts, rows, found_s, found_e, values_out, resolved_out, starts_out, ends_out)
    out = pd.DataFrame(
        {
            "article_id": art_ids,
            "sentence_id": sent_ids,
            "text": found["text"].to_numpy(),
            "kind": found["kind"].to_numpy(),
            "value": values_out,
            "resolved": resolved_out,
            "mod": found["mod"].to_numpy(),
            "start_date": starts_out,
            "end_date": ends_out,
            "anchor": anchor_out,
            "anchor_from": from_out,
            "start": sent_starts + found["s"].to_numpy(),
            "end": sent_starts + found["e"].to_numpy(),
        }
    )
    if not datelines:  # a dateline's date (SALVADOR, Feb 26 - ...) is the article's own
        out = out[~in_dateline(out, sentences).to_numpy()].reset_index(drop=True)
    return _types(out)


def find_dates_in_text(
    text: str, published: str | date | None = None, datelines: bool = False
) -> pd.DataFrame:
    """The dates table for one plain text (every non-empty line is body text), e.g. for eval;
    `datelines` as in `find_dates`."""
    sentences = {c: [] for c in ("article_id", "sentence_id", "paragraph_id", "text", "start")}
    sentences["end"] = []
    sid = 0
    for pid, m in enumerate(re.finditer(r"[^\n]+", text)):
        for s, e in split_sentences(m.group()):
            sentences["article_id"].append("text")
            sentences["sentence_id"].append(sid)
            sentences["paragraph_id"].append(pid)
            sentences["text"].append(m.group()[s:e])
            sentences["start"].append(m.start() + s)
            sentences["end"].append(m.start() + e)
            sid += 1
    published_ts = pd.Timestamp(published) if published is not None else pd.NaT
    articles = pd.DataFrame(
        {
            "article_id": ["text"],
            "published": pd.Series(to_seconds([published_ts]), dtype="datetime64[s]"),
            "published_from": ["manifest" if pd.notna(published_ts) else None],
            "text": [text],
        }
    )
    empty = pd.DataFrame()
    corpus = Corpus(articles, empty, pd.DataFrame(sentences), empty, empty)
    return find_dates(corpus, datelines=datelines)
