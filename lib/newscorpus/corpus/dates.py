"""Publication dates as export formats write them, parsed to second precision (any year).

Formats: ISO 8601 (`2017-04-05`, `2017-04-05T14:30:00Z`), `M/D/YYYY` (US order; a first
number above 12 is read as the day), `D.M.YYYY` (day first, as where dots are used), `D Month YYYY`, `Month D, YYYY`, `Wed 05 Apr 2017`,
RFC 2822 (`Wed, 05 Apr 2017 14:30:00 +0000`, via `email.utils`), GDELT's `YYYYMMDDHHMMSS` and
`YYYYMMDD`, and Unix time (seconds; 12-13 digits are read as milliseconds). Everything else goes
through python-dateutil's parser, but a value that states no year is not a date. A time zone
is dropped and the local time kept: the date is the one the outlet printed.
"""

from __future__ import annotations

import email.utils
import functools
import re
from datetime import datetime

import numpy as np
import pandas as pd
from dateutil import parser as dateutil_parser

_DIGITS = re.compile(r"^[+-]?\d+(?:\.\d+)?$")
_DOTTED = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{4}\b")
_DEFAULT_A = datetime(2001, 1, 1)
_DEFAULT_B = datetime(2002, 2, 2)


def _from_unix(seconds: float) -> datetime | None:
    try:
        return datetime(1970, 1, 1) + pd.Timedelta(seconds=seconds).to_pytimedelta()
    except (OverflowError, ValueError):
        return None


def _digits(value: str) -> datetime | None:
    whole = value.split(".")[0].lstrip("+-")
    if len(whole) == 14 and "." not in value:  # GDELT seendate 20170405143000
        return datetime.strptime(value, "%Y%m%d%H%M%S")
    if len(whole) == 8 and "." not in value:  # 20170405
        return datetime.strptime(value, "%Y%m%d")
    if len(whole) == 4 and "." not in value:  # a bare year
        return datetime(int(value), 1, 1)
    number = float(value)
    if len(whole) in (12, 13):  # Unix milliseconds
        number /= 1000
    return _from_unix(number)


@functools.lru_cache(maxsize=65536)
def _parse(value: str) -> datetime | None:
    if _DIGITS.match(value):
        return _digits(value)
    try:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00") if value.endswith("Z") else value)
        return dt.replace(tzinfo=None)
    except ValueError:
        pass
    if "," in value[:5] or re.search(r"[+-]\d{4}$|\b(?:GMT|UT|UTC|EST|EDT|PST|PDT)$", value):
        try:
            dt = email.utils.parsedate_to_datetime(value)
            if dt is not None:
                return dt.replace(tzinfo=None)
        except (TypeError, ValueError, IndexError):
            pass
    dayfirst = bool(_DOTTED.match(value))  # 05.04.2017 is 5 April wherever dots are used
    try:
        a = dateutil_parser.parse(value, default=_DEFAULT_A, dayfirst=dayfirst)
        b = dateutil_parser.parse(value, default=_DEFAULT_B, dayfirst=dayfirst)
    except (ValueError, OverflowError, dateutil_parser.ParserError):
        return None
    if a.year != b.year:  # no year in the value: not a publication date
        return None
    if a.month != b.month:  # a year alone: January 1
        a = a.replace(month=1, day=1)
    elif a.day != b.day:  # a month and year: the first
        a = a.replace(day=1)
    return a.replace(tzinfo=None)


def parse_date(value) -> np.datetime64:
    """One date value from an export -> `numpy.datetime64` in seconds, or NaT when unparseable.

    Input: a str, int, float, datetime or pandas Timestamp (None/NaN/"" give NaT).
    Output: a `datetime64[s]` scalar (any year 1-9999), NaT when the value is not a date.
    Never raises for bad values.
    """
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return np.datetime64("NaT", "s")
    if isinstance(value, (pd.Timestamp, datetime, np.datetime64)):
        if pd.isna(value):
            return np.datetime64("NaT", "s")
        ts = pd.Timestamp(value)
        if ts.tzinfo is not None:
            ts = ts.tz_localize(None)
        return np.datetime64(ts.to_datetime64(), "s")
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        value = repr(int(value)) if float(value).is_integer() else repr(float(value))
    text = str(value).strip()
    if not text:
        return np.datetime64("NaT", "s")
    try:
        dt = _parse(text)
    except (ValueError, OverflowError, TypeError):
        dt = None
    if dt is None:
        return np.datetime64("NaT", "s")
    return np.datetime64(dt.replace(microsecond=0), "s")


def parse_dates(values) -> tuple[np.ndarray, list[int]]:
    """Many date values -> (a `datetime64[s]` array, positions of non-empty unparseable values)."""
    out = np.empty(len(values), dtype="datetime64[s]")
    bad = []
    for i, value in enumerate(values):
        out[i] = parse_date(value)
        if np.isnat(out[i]) and not _is_empty(value):
            bad.append(i)
    return out, bad


def _is_empty(value) -> bool:
    if value is None:
        return True
    try:
        if pd.isna(value):
            return True
    except (TypeError, ValueError):
        return False
    return isinstance(value, str) and not value.strip()


# --------------------------------------------------------------------------- file names

FILE_NAME_YEARS = (1800, datetime.now().year + 1)  # outside these years a name holds no date
# An ISO date in a name: 2015-11-11, 2015_11_11 (one separator throughout) or a year/month/day
# folder chain 2015/11/11; never glued to other digits (an 8-digit id 20151111 is no date).
_NAME_ISO = re.compile(
    r"(?<![0-9])(?P<y>\d{4})(?P<sep>[-_/])(?P<m>\d{2})(?P=sep)(?P<d>\d{2})(?![0-9])"
)
# Day and month in an order the name does not say (01-02-2015, 1.2.2015): never read.
_NAME_AMBIGUOUS = re.compile(r"(?<![0-9])\d{1,2}(?P<sep>[-_.])\d{1,2}(?P=sep)\d{4}(?![0-9])")


def _name_dates(name: str) -> tuple[list[str], list[str]]:
    """The valid ISO dates written in one name (distinct, in order) and the date-like forms
    that are not read (invalid day or month, implausible year, ambiguous order)."""
    dates: list[str] = []
    unread: list[str] = []
    for m in _NAME_ISO.finditer(name):
        y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
        try:
            valid = FILE_NAME_YEARS[0] <= y <= FILE_NAME_YEARS[1] and bool(datetime(y, mo, d))
        except ValueError:
            valid = False
        iso = f"{y:04d}-{mo:02d}-{d:02d}"
        if valid and iso not in dates:
            dates.append(iso)
        elif not valid and m["sep"] != "/" and 1 <= mo <= 12:  # 2015-02-30, 1066-10-14
            unread.append(m.group())
    unread.extend(m.group() for m in _NAME_AMBIGUOUS.finditer(name))
    return dates, unread


def dates_from_names(paths: pd.Series) -> tuple[np.ndarray, dict]:
    """Publication dates written in file names, for articles whose source states none.

    Input: each article's path relative to the corpus folder (`a/b/name.txt`; a Series). The
    file name (without suffix) is read first, then its folders, nearest first; a level is used
    when it holds exactly one ISO date: `YYYY-MM-DD`, `YYYY_MM_DD`, or a `YYYY/MM/DD` folder
    chain, the year within FILE_NAME_YEARS and the day a real calendar day. Never read: 8-digit
    runs (ids such as `20151111`), day-month orders (`01-02-2015`, `1.2.2015`), two different
    dates at one level. Output: (a `datetime64[s]` array aligned with `paths`, NaT where no
    date; {position: why a date-like name was not read} for the `problems` table).
    Method: regular expressions on the names only (the corpus folder's own name is not read).
    """
    out = np.full(len(paths), np.datetime64("NaT", "s"), dtype="datetime64[s]")
    notes: dict[int, str] = {}
    values = pd.Series(paths, dtype="str").fillna("").reset_index(drop=True)
    # one cheap vectorised filter: only names holding a 4-digit run can hold a date
    candidates = values.index[values.str.contains(r"(?<![0-9])\d{4}(?![0-9])", regex=True)]
    for i in candidates:
        parts = values[i].replace("\\", "/").split("/")
        stem = parts[-1].rsplit(".", 1)[0] if "." in parts[-1] else parts[-1]
        levels = [stem, "/".join(parts[:-1])] if len(parts) > 1 else [stem]
        for level in levels:
            dates, unread = _name_dates(level)
            if len(dates) == 1:
                out[i] = np.datetime64(dates[0], "s")
                break
            if len(dates) > 1:
                notes[i] = (
                    f"the name {level!r} holds {len(dates)} different dates ({', '.join(dates)})"
                )
                break
            if unread:
                notes[i] = (
                    f"the name {level!r} holds {unread[0]!r}, not read as a date (not an ISO "
                    f"year-month-day date from {FILE_NAME_YEARS[0]} to {FILE_NAME_YEARS[1]})"
                )
    return out, notes
