"""Calendar arithmetic on `datetime.date`: month ends, seasons, quarters, unit periods."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import numpy as np
import pandas as pd

from newscorpus.timeline.grammar import SEASON_MONTHS

# --------------------------------------------------------------------------- calendar helpers


def month_end(y: int, m: int) -> date:
    """The last day of month `m` of year `y`."""
    return date(y, m, calendar.monthrange(y, m)[1])


def season_interval(y: int, code: str) -> tuple[date, date]:
    """(first, last day) of season `code` (SP, SU, FA, WI) of year `y`; the winter runs into
    the next year."""
    first, last = SEASON_MONTHS[code]
    lo = date(y, first, 1)
    hi = month_end(y + (last - 1) // 12, (last - 1) % 12 + 1)
    return lo, hi


def part_interval(y: int, code: str) -> tuple[date, date]:
    """(first, last day) of part `code` of year `y`: a quarter (Q1-Q4) or a half (H1, H2)."""
    n = int(code[1])
    size = 3 if code[0] == "Q" else 6
    first = (n - 1) * size + 1
    return date(y, first, 1), month_end(y, first + size - 1)


def _easter(y: int) -> date:
    """Easter Sunday of year `y` (Gregorian calendar; the anonymous algorithm)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return date(y, month, day + 1)


def holiday_date(rule: tuple, y: int) -> date:
    """The day a holiday rule gives in year `y` (see `normalise.HOLIDAYS`)."""
    if len(rule) == 1:
        return _easter(y)
    if rule[1] == "friday":
        return _easter(y) - timedelta(days=2)
    if len(rule) == 2:
        return date(y, rule[0], rule[1])
    month, weekday, n = rule
    if n == 0:  # Election Day: the Tuesday after the first Monday
        first = date(y, month, 1)
        monday = first + timedelta(days=(0 - first.weekday()) % 7)
        return monday + timedelta(days=1)
    if n > 0:
        first = date(y, month, 1)
        return first + timedelta(days=(weekday - 1 - first.weekday()) % 7 + 7 * (n - 1))
    last = month_end(y, month)
    return last - timedelta(days=(last.weekday() - (weekday - 1)) % 7)


def x_value(code: str) -> str:
    """The TIMEX3 value of an unplaced unit `code` ("D" -> "XXXX-XX-XX", "W" -> "XXXX-WXX")."""
    return {
        "D": "XXXX-XX-XX",
        "W": "XXXX-WXX",
        "M": "XXXX-XX",
        "Q": "XXXX-QX",
        "Y": "XXXX",
        "DE": "XXX",
        "CE": "XX",
    }.get(code, "XXXX-XX-XX")


def shift_months(y: int, m: int, n: int) -> tuple[int, int]:
    """(year, month) `n` months after month `m` of year `y` (n < 0: before)."""
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def unit_period(d: date, code: str, n: int) -> tuple[date, date, str] | None:
    """The calendar unit (day, week, month, year, decade, quarter) `n` steps from `d`."""
    if code == "D":
        x = d + timedelta(days=n)
        return x, x, x.isoformat()
    if code in ("W", "WE"):
        monday = d - timedelta(days=d.weekday()) + timedelta(weeks=n)
        iso = monday.isocalendar()
        if code == "WE":
            sat = monday + timedelta(days=5)
            return sat, sat + timedelta(days=1), f"{iso[0]}-W{iso[1]:02d}-WE"
        return monday, monday + timedelta(days=6), f"{iso[0]}-W{iso[1]:02d}"
    if code == "M":
        y, m = shift_months(d.year, d.month, n)
        return date(y, m, 1), month_end(y, m), f"{y}-{m:02d}"
    if code == "Q":
        q = (d.month - 1) // 3
        y, m = shift_months(d.year, q * 3 + 1, 3 * n)
        code_q = f"Q{(m - 1) // 3 + 1}"
        lo, hi = part_interval(y, code_q)
        return lo, hi, f"{y}-{code_q}"
    if code == "Y":
        y = d.year + n
        return date(y, 1, 1), date(y, 12, 31), str(y)
    if code == "DE":
        y = d.year // 10 * 10 + 10 * n
        return date(y, 1, 1), date(y + 9, 12, 31), str(y // 10)
    if code == "CE":
        y = d.year // 100 * 100 + 100 * n
        return date(max(y, 1), 1, 1), date(y + 99, 12, 31), f"{y // 100:02d}"
    return None


def shift_date(d: date, code: str, n: int) -> date | None:
    """`d` moved by `n` units (days, weeks, months, years, decades), clamped to month ends."""
    if code == "D":
        return d + timedelta(days=n)
    if code in ("W", "WE"):
        return d + timedelta(weeks=n)
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120}.get(code)
    if months is None:
        return None
    y, m = shift_months(d.year, d.month, n * months)
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def narrow_interval(lo: date, hi: date, mod: str | None, anchor: date | None = None):
    """Apply a START/MID/END modifier (first, middle, last third) or EARLIER/LATER (vs anchor)."""
    if mod is None:
        return lo, hi
    if mod == "EARLIER" and anchor is not None:
        return lo, min(hi, anchor)
    if mod == "LATER" and anchor is not None:
        return max(lo, anchor), hi
    days = (hi - lo).days + 1
    third = days // 3
    if days < 3 or mod not in ("START", "MID", "END"):
        return lo, hi
    if mod == "START":
        return lo, lo + timedelta(days=third - 1)
    if mod == "MID":
        return lo + timedelta(days=third), hi - timedelta(days=third)
    return hi - timedelta(days=third - 1), hi


def to_seconds(values) -> np.ndarray:
    """Calendar values (`datetime.date`, `pd.Timestamp` of any unit, None, NaT) as an array of
    `datetime64[s]`, which holds any year from 1 to 9999 (nanoseconds stop at 1677 and 2262)."""
    if all(v is None or type(v) is date for v in values):  # the usual case: one numpy call
        return np.array(values, dtype="datetime64[D]").astype("datetime64[s]")
    out = np.full(len(values), np.datetime64("NaT"), dtype="datetime64[s]")
    for i, v in enumerate(values):
        if v is None or v is pd.NaT or (isinstance(v, float) and v != v):
            continue
        if isinstance(v, pd.Timestamp):
            v = v.to_pydatetime()
        out[i] = np.datetime64(v, "D") if type(v) is date else np.datetime64(v, "s")  # keeps times
    return out
