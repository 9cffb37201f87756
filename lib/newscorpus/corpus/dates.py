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
