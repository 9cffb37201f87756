"""Which date sets the reference time of a relative expression (news anchoring).

In news a relative expression ("a year later", "that year", "the next year", a month without
a year) is placed from the document's date unless an explicit date before it in the SAME
sentence sets the reference (TimeML/TempEval practice; HeidelTime's news anchoring). The rules
here keep the resolver (`resolve.find_dates`) from carrying a reference where the text does not:

- `across_sentences`: a shift or anaphor resolved from a date named in an EARLIER sentence
  and landing more than a year from the publication date is not placed when that date is
  itself more than a year from publication and not written out in the sentence just before
  ("The war ended in 1945. Two years later, ...": 1947 is kept), nor when it lands after the
  publication date outside a future clause ("Nearly a year later, Benghazi remains a
  flashpoint" is not 2017); "the next year" or "the following year" in a future clause is the
  year after the publication date. "That year", "the same month" (no shift) name the date
  last named itself and keep it.
- `year_role`: a year opening a span that runs to the publication date ("since June 2009"),
  or ending one after the publication year ("until March 2015"), sets no reference for a bare
  month later in its sentence ("from 48.1% in November" is the nearest November, not 2009's);
  nor does a year after the publication year for a month in a
  past clause (`resolve._in_sentence_year`: "spending into 2015, defusing the chances of a
  shutdown like the one in October" is the October before, not 2015's); a fiscal year ("fiscal year
  2014, which begins on October 1") is named by the calendar year it ends in, so a month
  named after it is in that year or the one before, whichever is nearer the publication date.
"""

from __future__ import annotations

import re
from datetime import date

from newscorpus.timeline.spec_resolvers import _resolve_one
from newscorpus.timeline.specs import Anaphor, Relative, Shift

FAR_DAYS = 366  # more than a year from the publication date

# A year opened by "since" starts a span running to the publication date, one opened by
# "until", "into", "through" ends one: no reference for a month named after it ("its lowest
# since June 2009, from 48.1% in November"; "lift the debt ceiling until March 2015, ... until
# well after the November midterm election").
_MONTH_BEFORE = (
    r"\s+(?:(?:early|mid|late|the\s+(?:end|start|summer|spring|fall|autumn|winter)\s+of)[\s-]+)?"
    r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+(?:\d{1,2},?\s+)?)?$"
)
_SINCE = re.compile(r"\bsince" + _MONTH_BEFORE, re.I)
_UNTIL = re.compile(r"\b(?:until|till|into|through|thru)" + _MONTH_BEFORE, re.I)
# A fiscal year named by its number: "fiscal year 2014", "fiscal 2014", "FY 2014", "FY2014".
_FISCAL = re.compile(r"\b(?:fiscal(?:\s+years?)?|FY)\s*['’]?$", re.I)


_FISCAL_OWN = re.compile(r"(?:fiscal|FY)\b|FY\d", re.I)
_FISCAL_AFTER = re.compile(r"\s*fiscal\b|\s+FY\b", re.I)  # "the 2019 fiscal year"


def year_role(sentence: str, start: int, end: int | None = None) -> str:
    """How a year named at `sentence[start:]` bears on a bare month later in its sentence.

    Input: the sentence and the start (and end) offset of the expression naming the year.
    Output: "fiscal" after or in "fiscal year", "fiscal", "FY" or before "fiscal year" ("fiscal
    2021", "the 2019 fiscal year"); "bound" after "since" (also with a month or
    season between: "since June 2009", "since the summer of 2007"); "until" after "until",
    "till", "into", "through" (a span's end: no reference when after the publication year, but
    "until the summer of 2007 ... until December of that year" is 2007's); "set" otherwise
    (the year sets the reference: "In 2014, ... in March").
    Never raises."""
    before = sentence[max(0, start - 40) : start]
    named = _FISCAL_OWN.match(sentence, start)  # the expression itself: "fiscal 2021", "FY2019"
    if named or _FISCAL.search(before) or (end is not None and _FISCAL_AFTER.match(sentence, end)):
        return "fiscal"
    if _SINCE.search(before):
        return "bound"
    if _UNTIL.search(before):
        return "until"
    return "set"


def bounds_month(sentence_year, anchor: date | None) -> bool:
    """Does the year last named only bound a span, setting no year for a bare month after it?
    Input: (row, year, end, role) as `resolve._note_sentence_year` keeps it (role from
    `year_role`) and the anchor. True after "since June 2009", or "until March 2015", "into
    2015" when that year is after the anchor's. Never raises."""
    role = sentence_year[3]
    return role == "bound" or (
        role == "until" and anchor is not None and sentence_year[1] > anchor.year
    )


def is_past(tense) -> bool:
    """Is the clause read as past? Input: a `tense.TenseOf` (its `reading()`: a past marker,
    "past", or an -ed form, "weak"). Never raises."""
    return tense.reading() in ("past", "weak")


def fiscal_month_year(year: int, month: int, anchor: date | None) -> int:
    """The calendar year of `month` named after fiscal year `year`: `year` or the year before
    (a fiscal year runs into the calendar year it is named by), the one whose month is nearer
    `anchor`; `year` without an anchor. Never raises."""
    if anchor is None:
        return year
    return min(
        (year - 1, year),
        key=lambda y: abs((date(y, month, 1) - date(anchor.year, anchor.month, 1)).days),
    )


def is_far(interval, anchor: date | None) -> bool:
    """Does `interval` (start, end, ...) lie more than a year from `anchor`? False when either
    is missing. Never raises."""
    if interval is None or anchor is None or interval[0] is None or interval[1] is None:
        return False
    return (interval[0] - anchor).days > FAR_DAYS or (anchor - interval[1]).days > FAR_DAYS


def across_sentences(spec, interval, from_previous: bool, reference, anchor, context):
    """(spec, interval, from_previous) of a shift or anaphor once its reference is known.

    Inputs: the expression's spec, the interval `resolve._place` gave it and whether it came
    from the date last named (`from_previous`; an `Anaphor` always does: "that year", "the
    same month" name that date itself, as the text gave it, and are kept); `reference`: None
    when that date is named in the expression's own sentence, else (its interval (start, end,
    ...) or None, whether it is a date written out in the sentence just before: "The war ended
    in 1945. Two years later, ..."); the anchor (publication date, or None); `context` (mod,
    precision, future): the modifier, the anchor's precision and `future()` (is the clause
    about the future?).

    Output, for a reference in an earlier sentence: "the next year" / "the following year" in
    a future clause is the year after the anchor (spec `Relative("Y", 1)`: "would be
    subtracted from the following year's cap"); an expression landing within a year of the
    anchor is kept; one landing more than a year from it is not placed (interval None) when it
    lands after the anchor outside a future clause ("Nearly a year later, Benghazi remains a
    flashpoint" is not 2017), or when its reference is more than a year from the anchor and
    not a date written out in the sentence just before (a year-ago quarter after this year's
    quarter is kept). Anything else is returned unchanged. Never raises."""
    mod, precision, future = context
    chained = (isinstance(spec, Anaphor) and spec.shift != 0) or (
        isinstance(spec, Shift) and from_previous
    )
    if not chained or reference is None or interval is None or anchor is None:
        return spec, interval, from_previous
    if isinstance(spec, Anaphor) and spec.unit == "Y" and spec.shift == 1 and future() is True:
        upcoming = Relative("Y", 1)
        return upcoming, _resolve_one(upcoming, mod, anchor, precision, None), False
    if not is_far(interval, anchor):
        return spec, interval, from_previous
    if interval[0] is not None and interval[0] > anchor and future() is not True:
        return spec, None, False  # later than the anchor in a past or present clause
    near, adjacent = reference[0] is not None and not is_far(reference[0], anchor), reference[1]
    return (spec, interval, from_previous) if near or adjacent else (spec, None, False)
