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
)
from newscorpus.timeline.reference import (
    across_sentences,
    bounds_month,
    fiscal_month_year,
    is_past,
    year_role,
)
from newscorpus.timeline.scan import in_dateline, scan_texts
from newscorpus.timeline.spec_resolvers import _month_candidates, _resolve_one
from newscorpus.timeline.specs import (
    Absolute,
    Anaphor,
    Holiday,
    MonthDay,
    Relative,
    Shift,
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
    if code == "Q":  # that quarter, the following quarter: after a quarter, month or day
        m = re.match(r"^(\d{4})-(?:Q([1-4])|(\d\d))", value or "")
        if not m:
            return None, None
        q = int(m.group(2)) if m.group(2) else (int(m.group(3)) - 1) // 3 + 1
        k = int(m.group(1)) * 4 + q - 1 + shift
        code_q = f"Q{k % 4 + 1}"
        return f"{k // 4}-{code_q}", part_interval(k // 4, code_q)
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


def _note_sentence_year(
    spec, value: str, row: int, span: tuple[int, int], text: str, sentence_year
):
    """The last explicit year named, as (sentence row, year, end of the expression, role):
    updated when this expression (`span` in the sentence `text`) is an absolute date naming one
    year (not a day named by an event); role: `reference.year_role` ("set", "bound", "fiscal")."""
    if isinstance(spec, Absolute) and not spec.event and _YEAR_VALUE.match(value):
        return (row, int(value[:4]), span[1], year_role(text, *span))
    return sentence_year


_YEARS_ELECTION = re.compile(r"[^\S\n]+(?:(?:general|presidential|midterm)[^\S\n]+)?elections?\b")


def _in_sentence_year(
    spec, mod, sentence_year, row: int, start: int, is_future, text: str = "", anchor=None
):
    """ "In the winter of 2014, when the river peaked on Feb. 9": a month and day shortly
    after a year named in the same sentence (and not in a future clause) is in that year, as
    an `Absolute` spec; so is Election Day after "the <year> election" in its sentence (`text`:
    "the 2016 election ... voting on Election Day" is 2016's, not the coming one; "a law
    passed in 2019 ... on Election Day" is not 2019's). A year opening a span ("since June
    2009") or ending one after the anchor's year ("until March 2015") places no month; after
    a fiscal year the month is in that year or the one before, whichever is nearer `anchor`
    (`reference.fiscal_month_year`); a year after the anchor's places no month in a past
    clause. Any other spec is returned as it is."""
    held = _holiday_near(spec, sentence_year[1] if sentence_year else None)
    if (
        held is not None
        and spec.name == "election day"
        and sentence_year[0] == row
        and _YEARS_ELECTION.match(text, sentence_year[2])
        and start - sentence_year[2] <= 200
        and not is_future()
    ):
        return Absolute(held, held, held.isoformat())
    if (
        isinstance(spec, MonthDay)
        and sentence_year
        and sentence_year[0] == row
        and start - sentence_year[2] <= 60  # the same stretch of the sentence
        and not is_future()
        and not bounds_month(sentence_year, anchor)
    ):
        year, month, day_ = sentence_year[1], spec.month, spec.day
        if sentence_year[3] == "fiscal":
            year = fiscal_month_year(year, month, anchor)
        elif anchor is not None and year > anchor.year and is_past(is_future):
            return spec  # "funds it into 2015, averting a shutdown like the one in October"
        x = date(year, month, 1) if day_ is None else valid_date(year, month, day_)
        if x is not None:
            hi = month_end(year, month) if day_ is None else x
            resolved_value = x.isoformat() if day_ else f"{year}-{month:02d}"
            return Absolute(*narrow_interval(x, hi, mod), resolved_value)
    return spec


def _holiday_near(spec, year: int | None, near: date | None = None) -> date | None:
    """The day of a named day (a `Holiday` without last/next/this) in `year`, or with `near`
    the occurrence nearest to that day; None for any other spec."""
    if not isinstance(spec, Holiday) or spec.shift is not None or year is None:
        return None
    from newscorpus.timeline.normalise import HOLIDAYS  # normalise imports this module's kin

    days = [holiday_date(HOLIDAYS[spec.name], y) for y in (year - 1, year, year + 1)]
    if near is None:
        return days[1]
    return min(days, key=lambda d: abs((d - near).days))


def _near_sentence_month(spec, mod, sentence_month, row: int, is_future):
    """ "A high of $42.875 in June from $29.75 in March": a month or day without a year and
    without a tense, in the sentence of a month or day just placed, is the occurrence nearest to
    that one (an `Absolute` spec); so is a named day ("between September 9 and 13, two months
    before Election Day": that autumn's). Any other spec is returned as it is."""
    if sentence_month and sentence_month[0] == row:
        held = _holiday_near(spec, sentence_month[1].year, sentence_month[1])
        if held is not None:
            return Absolute(held, held, held.isoformat())
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


_MONTH_VALUE = re.compile(r"\d{4}-\d\d(?:-\d\d)?(?:T|$)")
_RANGE_GAP = re.compile(r"\s*(?:to|until|till|through|thru|and|-|–|—)\s*")
_RANGE_OPEN = re.compile(r"\b(?:[Ff]rom|[Bb]etween)\s+$")


def _range_end(spec, mod, placed, row: int, start: int, sentence: str, anchor, is_future):
    """ "From September to May", "between Nov. 20 and Feb. 3": a month or day without a year
    ending a range opened by "from" or "between" is the first one on or after the range's start
    (`placed`: row, start and end offsets and first day of the month or day just placed), as
    an `Absolute` spec; in a past clause only when that end is not after the anchor (the start
    is already placed by then). Any other spec is returned as it is."""
    if not (isinstance(spec, MonthDay) and placed and placed[0] == row):
        return spec
    if not _RANGE_GAP.fullmatch(sentence, placed[2], start):
        return spec
    if not _RANGE_OPEN.search(sentence, max(0, placed[1] - 12), placed[1]):
        return spec
    upcoming = _month_candidates(spec.month, spec.day, placed[3])[1]
    if upcoming is None or (is_future() is False and anchor is not None and upcoming[0] > anchor):
        return spec
    return Absolute(*narrow_interval(upcoming[0], upcoming[1], mod), upcoming[2] + spec.time)


_RESULTS = re.compile(r"['’]s\s+(?:loss|losses|profit|earnings|results|net|sales|revenue)\b")
_LOOKED_FORWARD = re.compile(
    r"\b(?:will|would|could|may|might|expects?|expected|estimates?|estimated|forecasts?"
    r"|projects?|projected|predicts?)\b|['’]ll\b"
)


def _reported_this_quarter(spec, sentence: str, end: int):
    """ "This quarter's loss includes charges of ...": a quarter's results exist once it has
    ended, so "this quarter's" results in a sentence that looks nothing forward (no will,
    expects, estimates ...) are the quarter just reported (a `Relative` quarter back); any
    other spec is returned as it is."""
    if isinstance(spec, Relative) and (spec.unit, spec.n) == ("Q", 0):
        if _RESULTS.match(sentence, end) and not _LOOKED_FORWARD.search(sentence):
            return Relative("Q", -1)
    return spec


def _last_years_results(cue, spec, sentence: str, end: int, previous, anchor):
    """ "The latest period includes gains of $9.1 million. Last year's results were hurt by
    ...": right after the quarter a report is about, last year's results are that quarter's a
    year back, as "a year ago" there (cue "Q"); (cue, spec) unchanged otherwise."""
    if isinstance(spec, Relative) and (spec.unit, spec.n, spec.note) == ("Y", -1, ""):
        if _RESULTS.match(sentence, end) and _is_report_quarter(previous, anchor):
            return "Q", Relative("Y", -1, "ago")
    return cue, spec


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


# A company's quarter named by its number in the fiscal year ("the fiscal first quarter",
# "fiscal second-quarter net", "its first fiscal quarter"): the quarter its report is about.
_FISCAL_QUARTER = re.compile(
    r"\bfiscal[ -](?:first|second|third|fourth)[ -]quarter\b"
    r"|\b(?:first|second|third|fourth)[ -]fiscal[ -]quarter\b",
    re.I,
)
_QUARTER_VALUE = re.compile(r"(\d{4})-Q([1-4])$")


def _note_report_quarter(text: str, interval, anchor, report_q):
    """The quarter an earnings report is about, as (year, number): set by a fiscal quarter
    named by its number (`_FISCAL_QUARTER`) and already begun at the anchor, cleared by any
    other quarter named by its number (another company's "third quarter"); else unchanged."""
    m = _QUARTER_VALUE.match(interval[2] or "") if interval else None
    if m is None or not re.search(r"\b(?:first|second|third|fourth)\b", text, re.I):
        return report_q
    if _FISCAL_QUARTER.search(text) and (anchor is None or interval[0] <= anchor):
        return int(m[1]), int(m[2])
    return None


def _in_report_quarter(spec, cue, interval, from_previous: bool, report_q):
    """ "Sun earned $5.2 million in the fiscal first quarter ... expected to break even for the
    quarter ... In the 1988 period, ...": once a company's fiscal quarter is named, the
    quarter of its report ("the quarter", "the latest period"), the year-ago one ("the 1988
    period", "the year-earlier quarter", "a year ago" in a quarter's sentence) keep that
    quarter's number instead of the calendar quarter of the anchor. Returns the interval
    (start, end, value), changed or not."""
    if report_q is None or interval is None or from_previous:
        return interval
    if not _QUARTER_VALUE.match(interval[2] or ""):
        return interval
    year, n = report_q
    if isinstance(spec, Relative) and spec.unit == "Q" and spec.n in (-1, -5):
        year = year if spec.n == -1 else year - 1
    elif isinstance(spec, YearPeriod):
        year = spec.year
    elif cue == "Q":
        year -= 1
    else:
        return interval
    return (*part_interval(year, f"Q{n}"), f"{year}-Q{n}")


_APPOSITION = re.compile(r"(?:\s+(?:quarter|period))?,\s*")


def _named_quarter(i: int, spec, interval, compared: bool, texts, rows, s, e, out):
    """ "In the comparable year-ago quarter, the second quarter ended Oct. 31, ...": a numbered
    quarter in apposition to the quarter compared with (`compared`: expression i - 1 is one) is
    that quarter of the compared year and renames it (its entries in `out`, the lists of
    resolved values, starts and ends and the set of renamed indices, change in place); the day
    ending such a quarter moves back with it (1988-10-31). Returns expression i's interval,
    changed or not."""
    if interval is None or i == 0 or rows[i - 1] != rows[i]:
        return interval
    resolved, starts, ends, renamed = out
    before = _QUARTER_VALUE.match(resolved[i - 1] or "")
    if before is None:
        return interval
    text = texts[rows[i]]
    if isinstance(spec, YearPart) and spec.shift is None and spec.code[0] == "Q" and compared:
        if _APPOSITION.fullmatch(text, e[i - 1], s[i]):
            year, code = int(before[1]), spec.code
            lo, hi = part_interval(year, code)
            resolved[i - 1], starts[i - 1], ends[i - 1] = f"{year}-{code}", lo, hi
            renamed.add(i)
            return lo, hi, f"{year}-{code}"
    if i - 1 in renamed and isinstance(spec, MonthDay) and spec.day and interval[0]:
        if _ENDED_GAP.fullmatch(text, e[i - 1], s[i]):
            x = valid_date(interval[0].year - 1, spec.month, spec.day)
            if x is not None and x.year == int(before[1]):
                return x, x, x.isoformat() + spec.time
    return interval


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


_ENDED_GAP = re.compile(r"\s+(?:ended|ending)\s+(?:on\s+)?")
_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d$")


_POSSESSIVE_GAP = re.compile(r"['’]s\s+")


def _holiday_on_weekday(texts, rows, s, e, values, resolved, starts, ends) -> None:
    """ "Tuesday's Election Day": a named day (value `XXXX-MM...` from `normalise.HOLIDAYS`)
    right after a weekday and "'s" is on that weekday's date (a primary's election day is that
    Tuesday, not November's). Changes `resolved`, `starts` and `ends` in place."""
    for i in range(1, len(values)):
        j = i - 1
        if rows[j] != rows[i] or resolved[j] is None or starts[j] is None:
            continue
        if not re.match(r"XXXX-WXX-\d$", values[j]) or not values[i].startswith("XXXX-"):
            continue
        if re.match(r"XXXX-(?:W|XX)", values[i]):  # another weekday or a clock time
            continue
        if _POSSESSIVE_GAP.fullmatch(texts[rows[i]], e[j], s[i]) is None:
            continue
        resolved[i], starts[i], ends[i] = resolved[j], starts[j], ends[j]


def _ends_period(i: int, rows, s, e, values, texts) -> bool:
    """Is expression i the last day of the quarter (or year, half) named just before it ("for
    the fiscal first quarter ended Sept. 30")? That period, not the day, stays the date last
    named: "a year ago" in the next sentence compares with the quarter."""
    if i == 0 or rows[i - 1] != rows[i] or not re.search(r"Q|H[12]$|^\d{4}$", values[i - 1]):
        return False
    return _ENDED_GAP.fullmatch(texts[rows[i]], e[i - 1], s[i]) is not None


def _quarter_ended(texts, rows, s, e, values, resolved, starts, ends, keep=()) -> None:
    """ "The quarter ended July 31": a company's quarter named by its last day is the three
    months up to that day, valued as the calendar quarter holding most of them (the one of the
    day 45 days before its end: May-July is 2019-Q2). Changes `resolved`, `starts` and `ends`
    in place for such quarters (value `XXXX-QX`, the next expression a resolved day), except
    those in `keep` (placed in a fiscal quarter already, `_in_report_quarter`)."""
    for i in range(len(values) - 1):
        j = i + 1
        if values[i] != "XXXX-QX" or rows[j] != rows[i] or resolved[j] is None or i in keep:
            continue
        if not _DAY_VALUE.match(resolved[j]) or not _ENDED_GAP.fullmatch(
            texts[rows[i]], e[i], s[j]
        ):
            continue
        middle = starts[j] - timedelta(days=45)
        code = f"Q{(middle.month - 1) // 3 + 1}"
        starts[i], ends[i] = part_interval(middle.year, code)
        resolved[i] = f"{middle.year}-{code}"


def _reference(previous, previous_row, row: int):
    """The date last named as `reference.across_sentences` reads it: None when it is named in
    sentence `row` itself (or none is), else (its interval or None, whether it is a date named
    by its own words in the sentence just before)."""
    if previous is None or previous_row is None or previous_row[0] == row:
        return None
    return _shift_value(previous, "Y", 0), bool(previous_row[1] and previous_row[0] == row - 1)


def _append_interval(value: str, interval, outs) -> None:
    """Append one expression's resolved value, start and end to the lists `outs`."""
    resolved_out, starts_out, ends_out = outs
    if interval is None:
        starts_out.append(None)
        ends_out.append(None)
        resolved_out.append(value if value.endswith("_REF") or value[:1] == "P" else None)
    else:
        starts_out.append(interval[0])
        ends_out.append(interval[1])
        resolved_out.append(interval[2] if interval[2] is not None else value)


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
    previous_row = None  # (sentence row, named by its own words) of the date last named
    last_article = None
    sentence_year = None  # (row, year, end, role) of the last year named
    sentence_month: tuple[int, date] | None = None  # (row, start) of the last month-day placed
    placed = None  # (row, s, e, first day) of the month or day just placed: a range's start
    report_q = None  # (year, number) of the fiscal quarter a report is about
    compared = False  # the expression before is a period compared with (a year-ago quarter)
    renamed: set[int] = set()  # quarters named in apposition to a compared quarter
    in_report: set[int] = set()
    found_text = found["text"].tolist()
    for i, (aid, value, mod, spec) in enumerate(
        zip(art_ids, found["value"], found["mod"], found["spec"], strict=True)
    ):
        if aid != last_article:
            previous, last_article, report_q, previous_row = None, aid, None, None
        anchor, precision, source = anchor_of.get(aid, (None, None, None))
        row = rows[i]
        span = (found_s[i], found_e[i])
        sentence_year = _note_sentence_year(spec, value, row, span, texts[row], sentence_year)
        spec = _range_end(spec, mod, placed, row, found_s[i], texts[row], anchor, future.of(i))
        spec = _in_sentence_year(
            spec, mod, sentence_year, row, found_s[i], future.of(i), texts[row], anchor
        )
        spec = _near_sentence_month(spec, mod, sentence_month, row, future.of(i))
        cue, spec = _report_comparison(spec, texts[row], found_s[i], found_e[i])
        spec = _reported_this_quarter(spec, texts[row], found_e[i])
        cue, spec = _last_years_results(cue, spec, texts[row], found_e[i], previous, anchor)
        value, interval, from_previous = _place(
            spec, value, mod, cue, anchor, precision, previous, future.of(i)
        )
        context = (mod, precision, future.of(i))  # the reference: this sentence's or the anchor
        ref = _reference(previous, previous_row, row)
        spec, interval, from_previous = across_sentences(
            spec, interval, from_previous, ref, anchor, context
        )
        placed_in = _in_report_quarter(spec, cue, interval, from_previous, report_q)
        if placed_in is not interval:
            interval = placed_in
            in_report.add(i)
        report_q = _note_report_quarter(found_text[i], interval, anchor, report_q)
        out_lists = (resolved_out, starts_out, ends_out, renamed)
        interval = _named_quarter(
            i, spec, interval, compared, texts, rows, found_s, found_e, out_lists
        )
        if isinstance(spec, MonthDay) and interval is not None:
            sentence_month = (row, interval[0])
        month_or_day = interval is not None and _MONTH_VALUE.match(interval[2] or value)
        placed = (row, found_s[i], found_e[i], interval[0]) if month_or_day else None
        values_out.append(value)
        _append_interval(value, interval, (resolved_out, starts_out, ends_out))
        used_anchor = (
            spec is not None
            and not isinstance(spec, (Absolute, Anaphor))
            and interval is not None
            and not from_previous
        )
        anchor_out.append(anchor if used_anchor else None)
        from_out.append(source if used_anchor else None)
        compared = _is_comparison(spec, from_previous, cue)
        if (
            value[:1] != "P"
            and not value.endswith("_REF")
            and spec is not None
            and not compared
            and not _ends_period(i, rows, found_s, found_e, values_out, texts)
        ):
            best_value = resolved_out[-1] or value
            previous = (best_value, interval[0] if interval else None)
            previous_row = (row, isinstance(spec, Absolute))
    periods = (texts, rows, found_s, found_e, values_out, resolved_out, starts_out, ends_out)
    _clock_on_weekday(*periods)
    _holiday_on_weekday(*periods)
    _quarter_ended(*periods, keep=in_report)
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
