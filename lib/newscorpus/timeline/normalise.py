"""Handlers: one per grammar pattern, turning a match into (kind, TIMEX3 value, mod, spec).

`spec` says how `resolve` places the expression on the calendar.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from newscorpus.timeline.grammar import (
    ADDRESS_AFTER,
    CLOCK_CONTEXT,
    COUNT_AFTER,
    COUNT_NOUN_AFTER,
    NEVER_YEAR_AFTER,
    NOT_YEAR_AFTER,
    NOT_YEAR_BEFORE,
    ORDINALS,
    PAIR_AFTER,
    PAIR_BEFORE,
    PHONE_AFTER,
    SCORE_BEFORE,
    SEASONS,
    TIME_PREPS,
    TIMESTAMP_BEFORE,
    UNITS,
    WEEKDAYS,
)
from newscorpus.timeline.periods import (
    holiday_date,
    month_end,
    part_interval,
    season_interval,
    x_value,
)
from newscorpus.timeline.relative import RELATIVE_HANDLERS
from newscorpus.timeline.specs import (
    Absolute,
    Clock,
    Holiday,
    MonthDay,
    MonthDayWeekday,
    MonthInYear,
    MonthShift,
    NthDay,
    Relative,
    Season,
    Shift,
    Weekday,
    WeekOf,
    YearPart,
    YearPeriod,
)
from newscorpus.timeline.words import (
    CLOCK_PREPS,
    DAY_PARTS,
    day_number,
    mod_code,
    month_number,
    prev_word,
    valid_date,
)

# --------------------------------------------------------------------------- handlers
# Each handler turns one match into (kind, value, mod, spec) or None to reject it.
# `spec` says how to resolve it: one of the typed records of `timeline.specs` (Absolute,
# MonthDay, Relative, Window, ...), or None (no interval).


def _h_full(m: re.Match, text: str):
    y, mo, d = int(m["year"]), m["mon"], day_number(m["day"])
    mo = int(mo) if mo.isdigit() else month_number(mo)
    day = valid_date(y, mo, d)
    if day is None:
        return None
    return "date", day.isoformat(), None, Absolute(day, day, day.isoformat())


def _h_week_of(m: re.Match, text: str):
    """the week of March 6 (2000): the ISO week holding that day."""
    mon, day = month_number(m["mon"]), day_number(m["day"])
    if m["year"]:
        x = valid_date(int(m["year"]), mon, day)
        if x is None:
            return None
        iso = x.isocalendar()
        lo = x - timedelta(days=x.weekday())
        value = f"{iso[0]}-W{iso[1]:02d}"
        return "date", value, None, Absolute(lo, lo + timedelta(days=6), value)
    return "date", "XXXX-WXX", None, WeekOf(mon, day)


# After "Sept. 11": the 2001 attacks, a named event ("the Sept. 11 attacks", "September 11
# hijackers"), not a September 11 near the publication date. Not "the Sept. 11 attack"
# (Benghazi, 2012) nor "the Sept. 11 memorial ceremony" (held each year).
_NINE_ELEVEN_AFTER = re.compile(
    r"(?:th)?,?[^\S\n]+(?:(?:terror(?:ist)?|al[- ]Qaeda)[^\S\n]+)?(?:attacks|hijack\w*|terror\w*"
    r"|commission|victims|families|responders|era|plot\w*)\b"
)
_NINE_ELEVEN = date(2001, 9, 11)


def _nine_eleven():
    x = _NINE_ELEVEN
    # "event": a named day, which gives no year to the dates after it in the sentence
    return "date", x.isoformat(), None, Absolute(x, x, x.isoformat(), event=True)


def _h_nine_eleven(m: re.Match, text: str):
    """9/11: the day of the 2001 attacks (Wikipedia, "September 11 attacks")."""
    return _nine_eleven()


def _h_ordinal_day(m: re.Match, text: str):
    """The 40th day (of the strike): a day counted from an event, unknown; after "is" or
    "marks" ("today is the second day of talks") the article's own day (resolve)."""
    o = m["ord"].lower()
    n = ORDINALS.get(o) or int(re.sub(r"\D", "", o) or 0)
    if not 1 <= n <= 999:
        return None
    today = _COPULA_BEFORE.search(text, max(0, m.start() - 12), m.start())
    return "date", "XXXX-XX-XX", None, NthDay() if today else None


# "it is the eighth day of ...", "Monday marks the 40th day": the day of the report
_COPULA_BEFORE = re.compile(r"(?:\bis|['’]s|\bmarks|\bmarking)[^\S\n]+$")


def _h_md(m: re.Match, text: str):
    mo, d = month_number(m["mon"]), day_number(m["day"])
    if valid_date(2000, mo, d) is None:  # 2000 is a leap year: February 29 is allowed
        return None
    if m["mon"].startswith("May") and not m["mon"].isupper() and d > 31:
        return None
    if (mo, d) == (9, 11) and _NINE_ELEVEN_AFTER.match(text, m.end()):
        return _nine_eleven()  # the Sept. 11 attacks
    rel = m.groupdict().get("rel")
    if rel:
        shift = {"last": -1, "this": 0, "next": 1}[rel]
        return "date", f"XXXX-{mo:02d}-{d:02d}", None, MonthInYear(mo, d, shift)
    return "date", f"XXXX-{mo:02d}-{d:02d}", None, MonthDay(mo, d)


def _h_wd_date(m: re.Match, text: str):
    """Friday, March 15 (2019): one expression, valued by the date; the weekday picks the year."""
    mon, day = (m["mon"], m["day"]) if m["mon"] else (m["mon2"], m["day2"])
    mo, d = month_number(mon), day_number(day)
    wd = WEEKDAYS[m["wd"].lower()]
    if m["year"]:
        x = valid_date(int(m["year"]), mo, d)
        if x is None:
            return None
        return "date", x.isoformat(), None, Absolute(x, x, x.isoformat())
    if valid_date(2000, mo, d) is None:
        return None
    return "date", f"XXXX-{mo:02d}-{d:02d}", None, MonthDayWeekday(mo, d, wd)


_SPELLED_NUMBERS = {
    w: i
    for i, w in enumerate(
        "oh one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
        " fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_SPELLED_NUMBERS.update(
    {
        w: 10 * i
        for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)
    }
)


def year_number(word: str) -> int:
    """A year written in digits or spelled out ("nineteen ninety-six", "two thousand and one")."""
    if word[:1].isdigit():
        return int(word)
    words = [w for w in re.split(r"[ -]+", word.lower()) if w != "and"]
    if words[:2] == ["two", "thousand"]:
        return 2000 + sum(_SPELLED_NUMBERS[w] for w in words[2:])
    return 1900 + sum(_SPELLED_NUMBERS[w] for w in words[1:])


_QUARTERS_OR_DECADES = re.compile(r"P(\d+|X)(Q|DE)\b")


# A duration in hours, minutes or seconds written without ISO 8601's T (P24H, PXMIN).
_TIME_UNIT = re.compile(r"(?<![T\d])P(\d+|X)(H|MIN|S)\b")


def _time_unit(m: re.Match) -> str:
    return f"PT{m[1]}{m[2][0]}"


def iso_duration(value: str) -> str:
    """A duration in the units TIMEX3 (ISO 8601) has: quarters as months (P3Q = P9M, PXQ = PXM),
    vague decades as years (PXDE = PXY), hours, minutes and seconds after a T (P24H = PT24H,
    PXMIN = PTXM); anything else unchanged."""
    if value[:1] != "P":
        return value
    value = _TIME_UNIT.sub(_time_unit, value)
    if "Q" not in value and "DE" not in value:
        return value

    def one(m: re.Match) -> str:
        n, unit = m.groups()
        if n == "X":
            return "PXM" if unit == "Q" else "PXY"
        return f"P{int(n) * 3}M" if unit == "Q" else f"P{int(n) * 10}Y"

    return _QUARTERS_OR_DECADES.sub(one, value)


def _h_spelled_year(m: re.Match, text: str):
    """nineteen ninety-six; the year two thousand ("two thousand" alone is a number)."""
    word = m["year"]
    if (
        word[:1] in "Tt"
        and not m["the"]
        and prev_word(text, m.start())
        not in (
            "in",
            "since",
            "by",
            "until",
            "before",
            "after",
            "of",
        )
    ):
        return None
    y = year_number(word)
    return "date", str(y), None, Absolute(date(y, 1, 1), date(y, 12, 31), str(y))


def _h_my(m: re.Match, text: str):
    y, mo = year_number(m["year"]), month_number(m["mon"])
    lo, hi = date(y, mo, 1), month_end(y, mo)
    return "date", f"{y}-{mo:02d}", mod_code(m["mod"]), Absolute(lo, hi, f"{y}-{mo:02d}")


_DAY_PART_AFTER = re.compile(r"[^\S\n]+(?:morning|afternoon|evening|night|day)\b")
_AMBIGUOUS_MONTHS = {"may", "march", "april", "june", "august"}
# After May the person comes a verb ("May took office", "May's government", "by May to delay").
_MAY_THE_PERSON = re.compile(
    r"(?:['’]s\b|[^\S\n]+(?:to[^\S\n]+[a-z]+(?<!\bto\b)|(?:has|had|is|was|will|would|said|says"
    r"|told|took|takes|wants|wanted|met|argued|insisted|called|announced|faced|became|won|lost"
    r"|did|does|could|can|should|must|and[^\S\n]+(?:her|his))\b))"
)
# A first name or title right before it makes a month a name: Theresa May, Prime Minister May.
_NAME_BEFORE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Minister|President|Secretary|Senator|Sen|Rep|Judge|Justice)\.?"
    r"|\b(?!(?:In|On|By|Since|Until|From|Through|During|Early|Late|Mid|Last|Next|This|The|Of|And"
    r"|Or|But|Before|After|Then|Also|Every|Each|For)\b)[A-Z][a-z]+)[^\S\n]+$"
)


def _h_month(m: re.Match, text: str):
    word = m["mon"]
    mo = month_number(word)
    mod, rel = mod_code(m["mod"]), (m["rel"] or "").lower()
    if word == "May" and not (mod or rel) and _MAY_THE_PERSON.match(text, m.end()):
        return None  # Since May took office, a decision by May to delay the vote
    if (
        not (mod or rel)
        and word.lower() in _AMBIGUOUS_MONTHS
        and _NAME_BEFORE.search(text, max(0, m.start() - 30), m.start())
    ):
        return None  # Theresa May, Prime Minister May, Mrs. May (not "the Court last June")
    if not (mod or rel):
        prev = prev_word(text, m.start())
        if prev not in TIME_PREPS and not (prev.endswith("est") and len(prev) > 4):
            if word.lower() in _AMBIGUOUS_MONTHS and not (
                prev == "that" or _DAY_PART_AFTER.match(text, m.end())
            ):  # that March, a March morning: the month
                return None
            after = text[m.end() : m.end() + 2]
            if after[:1] == " " and after[1:2].isupper():  # June Carter, August Wilson
                return None
    if rel in ("past", "previous", "current"):
        return None
    value = f"XXXX-{mo:02d}"
    if m["yrel"]:  # January this year, June last year
        shift = {"last": -1, "this": 0, "next": 1}[m["yrel"].lower()]
        return "date", value, mod, MonthInYear(mo, None, shift)
    shift = {"last": -1, "next": 1, "this": 0, "coming": 1}.get(rel)
    spec = MonthDay(mo, None) if shift is None else MonthShift(mo, shift)
    return "date", value, mod, spec


# Prepositions after which a four-digit number is a year even before a counted noun
# ("in 2014 people voted"), unlike "between 1000 and 1800 people".
_STRONG_TIME_PREPS = frozenset("in since by until till before after during throughout".split())


def _not_year_after(text: str, end: int, prev: str) -> bool:
    """What follows a four-digit number makes it an amount, a clock time or (after no time
    preposition) a count: 1986 mln, 1800 hrs, 1800 123 456, some 2220 evacuees."""
    if NEVER_YEAR_AFTER.match(text, end) or PHONE_AFTER.match(text, end):
        return True
    if prev not in _STRONG_TIME_PREPS and ADDRESS_AFTER.match(text, end):
        return True  # from 1600 Pennsylvania Avenue
    return prev not in TIME_PREPS and bool(COUNT_NOUN_AFTER.match(text, end))


def _hhmm(number: str) -> bool:
    """A four-digit number that can be a 24-hour clock time (0000-2359)."""
    return len(number) == 4 and int(number[:2]) <= 23 and int(number[2:]) <= 59


def _is_clock(number: str, text: str, start: int, end: int, prev: str) -> bool:
    """A valid HHMM after from/at/until ... in a clause about times (curfew, GMT, hrs)."""
    if not _hhmm(number):
        return False
    if prev not in CLOCK_PREPS and prev != "curfew":
        return False
    return bool(CLOCK_CONTEXT.search(text, max(0, start - 40), end + 30))


def _year_span(y1: int, y2: int) -> bool:
    """Two numbers that read as a span of years: 1800-2099, ascending, at most 30 apart
    (from 2010 to 2014; not between 1000 and 1800, nor between 1900 and 2000 people)."""
    return 1800 <= y1 < y2 <= 2099 and y2 - y1 <= 30


def _pair_says_not_year(m: re.Match, text: str, y1: int) -> bool:
    """The other number of "between N1 and N2", "from N1 to N2", "N1 to N2" makes the pair
    counts, clock times or a score (won 2019 to 1870: years never run backwards with "to").
    Lists stay years, in any order ("net for 1986 and 1985")."""
    after = PAIR_AFTER.match(text, m.end())
    if after is not None:
        other, link = after.group("n"), after.group("link")
        if other[0] == "0":  # 2200 to 0600
            return True
        partner_plain = not NEVER_YEAR_AFTER.match(text, after.end())
        if link != "and" and link != "or" and int(other) < y1 and partner_plain:
            return True  # 2019 to 1870
        if link == "to" and SCORE_BEFORE.search(text, max(0, m.start() - 25), m.start()):
            return True
        if NEVER_YEAR_AFTER.match(text, after.end()) or _is_clock(
            other, text, after.start("n"), after.end(), "and"
        ):  # between 1700 and 2100 hrs, from 1000 to 1800 tonnes; not "due 1992 to 1700 CDT"
            if _hhmm(m["y1"]) or not _CLOCK_AFTER.match(text, after.end()):
                return True
        if not _year_span(y1, int(other)) and COUNT_NOUN_AFTER.match(text, after.end()):
            return True  # between 1000 and 1800 people
    before = PAIR_BEFORE.search(text, max(0, m.start() - 40), m.start())
    if before is not None:
        first, link = before.group("n"), before.group("link")
        if link != "and" and link != "or" and int(first) > y1:
            return True
        head = text[max(0, before.start("n") - 25) : before.start("n")]
        if NOT_YEAR_BEFORE.search(head):
            return True  # Resolutions 2139 and 2165
        if link == "to" and SCORE_BEFORE.search(head):
            return True  # won 1870 to 2019
        lead = prev_word(text, before.start("n"))
        if _is_clock(first, text, before.start("n"), m.end(), lead):
            return True
        if not _year_span(int(first), y1) and COUNT_NOUN_AFTER.match(text, m.end()):
            return True  # between 1000 and 1800 people
    return False


_PAIR_OPENER = re.compile(r"\b(?:[Bb]etween|[Ff]rom|[Ii]n|[Ss]ince|[Dd]uring)[^\S\n]+$")


def _second_of_year_pair(m: re.Match, text: str, y1: int) -> bool:
    """The second year of "between 1640 and 1688", "from 1066 to 1087": the first number of the
    pair follows a time preposition and is an earlier year at most a century before."""
    before = PAIR_BEFORE.search(text, max(0, m.start() - 40), m.start())
    if before is None:
        return False
    first = int(before.group("n"))
    opener = _PAIR_OPENER.search(text, max(0, before.start("n") - 12), before.start("n"))
    return opener is not None and 1000 <= first < y1 <= first + 100


def _h_year(m: re.Match, text: str):
    y1 = int(m["y1"])
    mod = mod_code(m["mod"])
    # A unit, an amount, a clock time or BC after the number: never a year (1986 mln, 1200 BC)
    if NEVER_YEAR_AFTER.match(text, m.end()):
        return None
    if m["fiscal"] and not m["y2"]:  # fiscal 1989
        return "date", str(y1), None, Absolute(date(y1, 1, 1), date(y1, 12, 31), str(y1))
    if m["y2"]:
        y2 = int(m["y2"])
        if y2 < 100:
            y2 += y1 // 100 * 100
        if not (y1 < y2 <= y1 + 30):
            return None
        lo, hi = date(y1, 1, 1), date(y2, 12, 31)
        return "range", f"{y1}/{y2}", mod, Absolute(lo, hi, f"{y1}/{y2}")
    before = text[max(0, m.start() - 12) : m.start()]
    prev = prev_word(text, m.start())
    if (
        (y1 < 1800 or y1 > 2099)
        and not _second_of_year_pair(m, text, y1)
        and prev
        not in TIME_PREPS
        - {
            "the",
            "and",
            "or",
            "to",
            "of",
            "for",
        }
    ):
        return None
    if NOT_YEAR_BEFORE.search(before):
        return None
    if _hhmm(m["y1"]) and TIMESTAMP_BEFORE.search(before):
        return None  # updated 1838: a timestamp
    if prev == "of" and COUNT_AFTER.match(text, m.end()):
        return None  # a poll of 2047 registered voters: a count, not a year
    if not mod and _not_year_after(text, m.end(), prev):
        return None  # 2220 evacuees, call 1800 123 456
    if not mod and _is_clock(m["y1"], text, m.start(), m.end(), prev):
        return None  # a curfew from 2200, between 1700 and 2100 hrs
    if not mod and _pair_says_not_year(m, text, y1):
        return None  # between 1000 and 1800 people, from 2200 to 0600, won 2019 to 1870
    if not mod and prev not in TIME_PREPS:
        if NOT_YEAR_AFTER.match(text, m.end()):
            return None
        if prev in ("about", "around", "some", "nearly", "almost", "than", "least", "only"):
            return None
    lo, hi = date(y1, 1, 1), date(y1, 12, 31)
    return "date", str(y1), mod, Absolute(lo, hi, str(y1))


_CLOCK_AFTER = re.compile(r"[^\S\n]*(?:hrs|hours|hr|h|GMT|gmt|UTC|utc|local|[ECMP][SD]T)\b")
_BC_AFTER = re.compile(r"[^\S\n]*(?:BCE?\b|B\.[ ]?C\.)")


def _h_decade(m: re.Match, text: str):
    dec = m["dec"]
    if _BC_AFTER.match(text, m.end()):
        return None  # the 1200s BC: no year of this calendar's count
    if dec[0] in "'’‘`":
        tens = int(dec[1:])
        dec = str((1900 if tens >= 30 else 2000) + tens)
    y = int(dec)
    if y % 100 == 0 and y < 2000:  # the 1600s, the 1800s: a century (TIMEX3 "16", "18")
        lo, hi = date(y, 1, 1), date(y + 99, 12, 31)
        return "date", str(y // 100), mod_code(m["mod"]), Absolute(lo, hi, str(y // 100))
    lo, hi = date(y, 1, 1), date(y + 9, 12, 31)
    return "date", str(y // 10), mod_code(m["mod"]), Absolute(lo, hi, str(y // 10))


_DECADE_WORDS = "twenties thirties forties fifties sixties seventies eighties nineties".split()


def _h_spelled_decade(m: re.Match, text: str):
    """the nineties, the early sixties: that decade of the 1900s (TIMEX3 "199")."""
    y = 1900 + 10 * (_DECADE_WORDS.index(m["dec"]) + 2)
    lo, hi = date(y, 1, 1), date(y + 9, 12, 31)
    return "date", str(y // 10), mod_code(m["mod"]), Absolute(lo, hi, str(y // 10))


def _h_season(m: re.Match, text: str):
    word = m["season"].lower()
    code = SEASONS[word]
    mod, rel = mod_code(m["mod"]), (m["rel"] or "").lower().split()[-1:]
    rel = rel[0] if rel else ""  # this past spring: the last one; this coming winter: the next
    year = m["year"]
    if m["yrel"]:  # the spring of last year
        shift = {"last": -1, "this": 0, "next": 1}[m["yrel"].lower()]
        return "date", f"XXXX-{code}", mod, Season(code, None, shift)
    if word == "fall" and not (year or rel):
        return None
    if not (year or rel or m["the"] or mod):
        if prev_word(text, m.start()) not in TIME_PREPS:
            return None
    if not (year or rel) and text[m.end() : m.end() + 3] == " of":  # the spring of discontent
        return None
    if year:
        y = year_number(year)
        lo, hi = season_interval(y, code)
        return "date", f"{y}-{code}", mod, Absolute(lo, hi, f"{y}-{code}")
    shift = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(rel, 0)
    spec = Season(code, shift if rel else None)
    return "date", f"XXXX-{code}", mod, spec


def _h_part(m: re.Match, text: str):
    ords = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4}
    ords["4th"] = 4
    part, ord_word = m["part"], m["ord"].lower()
    n = ords.get(ord_word, 4 if part == "quarter" else 2)
    if part == "half" and n > 2:
        return None
    code = f"Q{n}" if part == "quarter" else f"H{n}"
    if m["year"]:
        y = int(m["year"])
        lo, hi = part_interval(y, code)
        return "date", f"{y}-{code}", None, Absolute(lo, hi, f"{y}-{code}")
    if m["rel"] is None:  # "the third quarter": quarters only ("the first half" of a match)
        if part != "quarter" or ord_word == "last":
            return None
        hyphen = m["sep"] == "-"  # third-quarter profit
        if not (hyphen or m.group().lower().startswith("the")):
            if prev_word(text, m.start()) not in ("in", "for", "during", "of", "its", "fiscal"):
                return None
        return "date", f"XXXX-{code}", None, YearPart(code, None)
    shift = {"last": -1, "next": 1}.get(m["rel"], 0)
    return "date", f"XXXX-{code}", None, YearPart(code, shift)


_QUARTER_SHIFT = {"": -1, "latest": -1, "last": -1, "past": -1, "previous": -2, "prior": -2}
_QUARTER_SHIFT.update({"most recent": -1, "current": 0, "same": -1, "comparable": -5})
_QUARTER_SHIFT.update({"corresponding": -5, "year-ago": -5, "year-earlier": -5})


def _h_quarter_ref(m: re.Match, text: str):
    """The quarter (of a company's report): the last one completed before the article."""
    adj = " ".join((m["adj"] or "").lower().split())
    if m["unit"] == "period" and adj not in ("latest", "year-ago", "year-earlier", "comparable"):
        return None  # "the period" alone is any stretch of time
    if m["unit"] == "period" and adj in ("comparable", "corresponding", "same"):
        return None
    shift = _QUARTER_SHIFT.get(adj)
    if shift is None:
        return None
    return "relative", "XXXX-QX", None, Relative("Q", shift, "cmp" if shift == -5 else "")


def _h_rel_year_part(m: re.Match, text: str):
    """this year's third quarter, next year's first half; last year's quarter (the one reported
    on, a year back)."""
    shift = {"last": -1, "next": 1}.get(m["rel"].lower(), 0)
    if m["ord"] is None:
        if m["part"] != "quarter":
            return None
        return "relative", "XXXX-QX", None, Relative("Q", 4 * shift - 1, "cmp" if shift else "")
    n = {"first": 1, "second": 2, "third": 3, "fourth": 4}[m["ord"]]
    if m["part"] == "half" and n > 2:
        return None
    code = f"Q{n}" if m["part"] == "quarter" else f"H{n}"
    return "date", f"XXXX-{code}", None, YearPart(code, shift)


def _h_period_ago(m: re.Match, text: str):
    """the same period last year, the quarter a year ago: the quarter reported on, a year back."""
    return "relative", "XXXX-QX", None, Relative("Q", -5, "cmp")


def _h_year_ago(m: re.Match, text: str):
    """year-earlier, the year-ago quarter: a year before the period just mentioned."""
    return "relative", "XXXX", None, Shift("Y", -1, "year-ago")


def _h_day_part(m: re.Match, text: str):
    """this morning, yesterday evening, tomorrow night, last night: a part of a day near the
    anchor."""
    rel, part = m["rel"].lower(), DAY_PARTS[m["part"]]
    shift = {"this": 0, "yesterday": -1, "last": -1, "tomorrow": 1}[rel]
    if rel == "this" and part == "NI":
        return None  # "this night" is rare; "tonight" is the word
    return "relative", f"XXXX-XX-XXT{part}", None, Relative("D", shift, "T" + part)


def _h_part_of_day(m: re.Match, text: str):
    """late afternoon yesterday, early morning tomorrow: that day's part; mid-afternoon alone:
    the anchor's (as a clock time alone is). A bare "afternoon" is no expression."""
    part = DAY_PARTS[m["part"]]
    mod = {"early": "START", "late": "END", "mid": "MID"}.get((m["mod"] or "").lower())
    if m["rel"]:
        shift = {"today": 0, "yesterday": -1, "tomorrow": 1}[m["rel"].lower()]
    elif mod == "MID":
        shift = 0
    else:
        return None
    return "relative", f"XXXX-XX-XXT{part}", mod, Relative("D", shift, "T" + part)


def _h_the_year(m: re.Match, text: str):
    """for the year, the fiscal year ended June 30: the anchor's year (a year-long period)."""
    prev = prev_word(text, m.start())
    if m["ended"] and m["ended"].strip() != "to":
        return "duration", f"P1{UNITS[m['unit']]}", None, None
    if prev not in ("for", "during", "throughout", "in", "through") or m["ended"]:
        return None
    code = UNITS[m["unit"]]
    return "relative", x_value(code), None, Relative(code, 0)


def _h_year_part(m: re.Match, text: str):
    """the 1988 third quarter; the 1989 period (a company's reporting period in that year)."""
    y = int(m["year"])
    ords = {"first": 1, "second": 2, "third": 3, "fourth": 4}
    if m["ord"] and m["part"] == "quarter":
        code = f"Q{ords[m['ord']]}"
        return "date", f"{y}-{code}", None, Absolute(*part_interval(y, code), f"{y}-{code}")
    return "date", f"{y}-QX", None, YearPeriod(y)


_NOT_WEEKDAY_BEFORE = re.compile(
    r"(?:\b(?:Good|Black|Holy|Ash|Palm|Easter|Bloody|Super|Cyber)|\bMail on)\s$"
)


# "Monday and Tuesday nights", "Saturday or Sundays": a weekday joined to a plural one shares
# its plural, so both are sets (the part of the day too).
_JOINED_PLURAL = re.compile(
    rf"\s+(?:and|or|&)\s+(?:{'|'.join(w.capitalize() for w in WEEKDAYS)})"
    r"(?:s\b|\s+(?P<part>morning|afternoon|evening|night)s\b)"
)


def _h_weekday(m: re.Match, text: str):
    wd = WEEKDAYS[m["wd"].lower()]
    after = text[m.end() : m.end() + 2]
    if after[:1] == " " and after[1:2].isupper():  # The Sunday Times, Monday Night Football
        return None
    if _NOT_WEEKDAY_BEFORE.search(text, max(0, m.start() - 10), m.start()):
        return None  # Good Friday, the Mail on Sunday
    rel = " ".join((m["rel"] or "").lower().split())
    if rel in ("past", "previous", "current", "coming"):
        return None
    value = f"XXXX-WXX-{wd}"
    if m["part"]:
        value += "T" + DAY_PARTS[m["part"]]
    if (m["pl"] or m["pl2"]) and not rel:  # on Mondays, Tuesday nights: a set (TIMEX3)
        if m["pl"] and m["part"] and not m["pl2"]:
            return None  # Mondays morning: not a form
        return "set", value, None, None
    if m["pl"]:
        return None  # last Mondays: not a form
    joined = None if (rel or m["part"]) else _JOINED_PLURAL.match(text, m.end())
    if joined:  # Monday and Tuesday nights: a set, as the plural after it
        part = joined["part"]
        return "set", value + ("T" + DAY_PARTS[part] if part else ""), None, None
    # this coming Sunday: the first one after the anchor; this past Sunday: the last before it
    shift = {"last": -1, "next": 1, "this": 0, "this coming": "up", "this past": "down"}.get(rel)
    mod = {"early": "START", "late": "END"}.get(prev_word(text, m.start()))  # not in the span
    return "date", value, mod, Weekday(wd, shift, value[len("XXXX-WXX-1") :])


def _h_clock(m: re.Match, text: str):
    if m["w"]:
        time = "T24:00" if m["w"] == "midnight" else "T12:00"
    elif m["hh"]:  # 1200 GMT, 1130 am, 14:30 local time
        h, mi = int(m["hh"]), int(m["mm"])
        ap = m["tz"][0].lower() if m["tz"][0] in "apAP" and len(m["tz"]) <= 4 else ""
        if (ap and h > 12) or (len(m["hh"]) == 1 and ":" not in m.group()):
            return None
        h = h + 12 if ap == "p" and h != 12 else 0 if ap == "a" and h == 12 else h
        time = f"T{h:02d}:{mi:02d}"
    else:
        h, mi = int(m["h"]), int(m["mi"] or 0)
        if m["ap"][0].lower() == "p" and h != 12:
            h += 12
        elif m["ap"][0].lower() == "a" and h == 12:
            h = 0
        time = f"T{h:02d}:{mi:02d}"
    if m["wd"]:  # 9:30 p.m. Friday
        wd = WEEKDAYS[m["wd"].lower()]
        return "date", f"XXXX-WXX-{wd}{time}", None, Weekday(wd, None, time)
    if m["mon"]:  # 5 p.m. EST Nov. 9
        mo, d = month_number(m["mon"]), day_number(m["day"])
        if valid_date(2000, mo, d) is None:
            return None
        return "date", f"XXXX-{mo:02d}-{d:02d}{time}", None, MonthDay(mo, d, time)
    return "date", f"XXXX-XX-XX{time}", None, Clock(time)


def _h_this_unit(m: re.Match, text: str):
    rel, unit = m["rel"].lower(), m["unit"].lower()
    if rel == "past" and unit != "weekend":
        return None  # "the past year" is a duration (span)
    shifts = {"last": -1, "previous": -1, "past": -1, "this": 0, "current": 0, "next": 1}
    shift = shifts.get(rel, 1)  # coming
    if rel in ("last", "previous") and prev_word(text, m.start()) == "the":
        return None  # "the last year" is a duration
    code = UNITS[unit]
    mod_word = (m["mod"] or "").lower()
    mod = {"early": "START", "late": "END", "mid": "MID", "earlier": "EARLIER"}.get(mod_word)
    if mod_word == "later":
        mod = "LATER"
    value = x_value(code)
    return "relative", value, mod, Relative(code, shift)


def _h_century(m: re.Match, text: str):
    n = int(m["n"]) if m["n"] else ORDINALS[m["word"].lower()]
    if _BC_AFTER.match(text, m.end()):
        return None  # the fifth century BC
    if not 1 <= n <= 22:
        return None
    lo, hi = date(max(1, (n - 1) * 100), 1, 1), date((n - 1) * 100 + 99, 12, 31)
    value = f"{n - 1:02d}"
    return "date", value, mod_code(m["mod"]), Absolute(lo, hi, value)


def _h_holiday(m: re.Match, text: str):
    """Christmas, Thanksgiving Day, Election Day: a date fixed by the year (see HOLIDAYS)."""
    name = " ".join(m["name"].replace("’", "'").split()).lower()
    key = next(k for k in HOLIDAYS if name.startswith(k))
    rule = HOLIDAYS[key]
    fixed = len(rule) == 2 and isinstance(rule[1], int)
    value = f"XXXX-{rule[0]:02d}-{rule[1]:02d}" if fixed else f"XXXX-{rule[0]:02d}"
    if m["year"]:  # Christmas Day 1990
        day = holiday_date(rule, int(m["year"]))
        return "date", day.isoformat(), None, Absolute(day, day, day.isoformat())
    shift = {"last": -1, "this": 0, "next": 1}.get((m["rel"] or "").lower())
    return "date", value, None, Holiday(key, shift)


# Holidays: (month, day) for fixed dates; (month, weekday, n) for "the n-th weekday of the
# month" (n = -1: the last); (3,) for Easter (computed). Names are matched by their start.
HOLIDAYS = {
    "christmas eve": (12, 24),
    "christmas": (12, 25),
    "new year's eve": (12, 31),
    "new year's": (1, 1),
    "thanksgiving": (11, 4, 4),
    "independence day": (7, 4),
    "labor day": (9, 1, 1),
    "labour day": (5, 1),
    "memorial day": (5, 1, -1),
    "election day": (11, 2, 0),
    "veterans day": (11, 11),
    "halloween": (10, 31),
    "valentine's day": (2, 14),
    "easter": (3,),
    "good friday": (3, "friday"),
}


HANDLERS = {
    **RELATIVE_HANDLERS,
    "mdy": _h_full,
    "dmy": _h_full,
    "iso": _h_full,
    "us": _h_full,
    "md": _h_md,
    "dm": _h_md,
    "my": _h_my,
    "month": _h_month,
    "year": _h_year,
    "decade": _h_decade,
    "season": _h_season,
    "part": _h_part,
    "weekday": _h_weekday,
    "clock": _h_clock,
    "this_unit": _h_this_unit,
    "century": _h_century,
    "holiday": _h_holiday,
    "spelled_decade": _h_spelled_decade,
    "part_of_day": _h_part_of_day,
    "nine_eleven": _h_nine_eleven,
    "ordinal_day": _h_ordinal_day,
    "wd_date": _h_wd_date,
    "quarter_ref": _h_quarter_ref,
    "year_ago": _h_year_ago,
    "week_of": _h_week_of,
    "spelled_year": _h_spelled_year,
    "rel_year_part": _h_rel_year_part,
    "period_ago": _h_period_ago,
    "year_part": _h_year_part,
    "day_part": _h_day_part,
    "the_year": _h_the_year,
}
