"""Reading the words of a time expression: numbers, month and day numbers, TIMEX3 unit codes
and modifiers, the word before a match, a valid calendar date. Shared by the handlers in
`normalise` (dates) and `relative` (durations, ago, anaphors, sets) and by `resolve`."""

from __future__ import annotations

import re
from datetime import date

from newscorpus.timeline.grammar import MONTHS, NUMBERS, PREV_WORD, UNITS


def prev_word(text: str, pos: int) -> str:
    """The lower-cased word just before `pos` in `text` (within 25 characters); "" if none."""
    m = PREV_WORD.search(text, max(0, pos - 25), pos)
    return m.group(1).lower() if m else ""


def number_value(word: str | None) -> int | None:
    """A count written in digits or words ("12", "twenty-four", "a couple of") as an int;
    None for None or a word that is no number."""
    if word is None:
        return None
    w = word.lower()
    if w.isdigit():
        return int(w)
    if w.endswith("of") and w.split()[-2:] == ["couple", "of"]:
        return 2  # (a) couple of
    parts = re.split(r"[- ]", w)
    if len(parts) == 2 and NUMBERS.get(parts[0], 0) >= 20 and 0 < NUMBERS.get(parts[1], 0) < 10:
        return NUMBERS[parts[0]] + NUMBERS[parts[1]]  # twenty-four, thirty five
    return NUMBERS.get(w)


def month_number(word: str) -> int:
    """The month number of a month name or abbreviation ("Sept." -> 9); KeyError otherwise."""
    return MONTHS[word.rstrip(".").lower()]


def day_number(word: str) -> int:
    """The day of the month of "9", "9th", "21st"."""
    return int(re.match(r"\d+", word).group())


def unit_code(unit: str) -> str:
    """The TIMEX3 unit code of a unit word, singular or plural ("weeks" -> "W", "centuries" ->
    "CE"); KeyError for a word that is no unit."""
    u = unit.lower()
    u = "century" if u == "centuries" else u.rstrip("s") if u != "s" else u
    return UNITS[u]


_MOD_CODE = {"early": "START", "late": "END", "mid": "MID", "the end of": "END"}
_MOD_CODE.update({"the beginning of": "START", "the start of": "START", "the middle of": "MID"})


def mod_code(word: str | None) -> str | None:
    """The TIMEX3 mod of a modifier ("early" -> "START", "the middle of" -> "MID"); None if
    there is no modifier or it is not one of these."""
    if not word:
        return None
    return _MOD_CODE.get(word.strip(" -").lower())


def valid_date(y: int, m: int, d: int) -> date | None:
    """date(y, m, d), or None when there is no such day (February 30)."""
    try:
        return date(y, m, d)
    except ValueError:
        return None


# Words before a valid HHMM number that make it a clock time in a clause about times.
CLOCK_PREPS = frozenset("from at by until till to before after around between and or".split())


# The TIMEX3 codes of the parts of a day.
DAY_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
