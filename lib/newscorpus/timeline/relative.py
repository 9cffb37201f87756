"""Handlers of expressions measured from another time or from nothing: "three years ago",
deictic words ("today", "now", "the past"),
spans ("the past two weeks"), durations, anaphors ("the next day"), days next to an event
("the day before the vote"), race times, weekends and sets ("every Sunday").

Each turns one grammar match into (kind, TIMEX3 value, mod, spec) or None to reject it;
`normalise.HANDLERS` maps the grammar's pattern names to them (see `RELATIVE_HANDLERS`).
"""

from __future__ import annotations

import re
from datetime import date

from newscorpus.timeline.grammar import SETS, UNITS, WEEKDAYS
from newscorpus.timeline.periods import month_end, narrow_interval, x_value
from newscorpus.timeline.specs import (
    Absolute,
    Anaphor,
    Present,
    Relative,
    Shift,
    Span,
    Weekday,
    Weekend,
    Window,
)
from newscorpus.timeline.words import (
    CLOCK_PREPS,
    DAY_PARTS,
    mod_code,
    month_number,
    number_value,
    prev_word,
    unit_code,
)

_APPROX = {"less than": "LESS_THAN", "fewer than": "LESS_THAN", "more than": "MORE_THAN"}
_APPROX.update({"at least": "EQUAL_OR_MORE", "up to": "EQUAL_OR_LESS"})
_APPROX.update({"over": "MORE_THAN", "under": "LESS_THAN", "nearly": "LESS_THAN"})
_APPROX.update({"almost": "LESS_THAN"})
_APPROX.update({"no more than": "EQUAL_OR_LESS", "not more than": "EQUAL_OR_LESS"})
_APPROX.update({"no less than": "EQUAL_OR_MORE", "not less than": "EQUAL_OR_MORE"})


def _h_ago(m: re.Match, text: str):
    unit, direction = m["unit"], m["dir"].lower()
    code = unit_code(unit)
    n_word = m["n"].lower()
    n = number_value(n_word)
    anchored = direction in ("ago", "from now", "hence")
    sign = -1 if direction in ("ago", "earlier", "before") else 1
    approx = " ".join((m["approx"] or "").lower().split()).removeprefix("just ")
    mod = _APPROX.get(approx, "APPROX") if approx else None
    if not anchored:  # a year earlier, a month later: from the date just mentioned
        if n is not None and n_word not in ("a", "an", "one"):
            return None  # two weeks earlier: TimeML tags the quantity alone (a DURATION)
        if n is None:
            return "relative", "PAST_REF" if sign < 0 else "FUTURE_REF", mod, None
        return "relative", x_value(code), mod, Shift(code, sign * n)
    if n is None:  # a few months ago, several years ago
        lo, hi = (2, 6) if n_word in ("a few", "few", "several") else (2, 11)
        spec = Window(code, -hi, -lo) if sign < 0 else Window(code, lo, hi)
        return "relative", "PAST_REF" if sign < 0 else "FUTURE_REF", mod, spec
    spec = Relative(code, sign * n, "ago") if code == "Y" and sign < 0 else Relative(code, sign * n)
    return "relative", x_value(code), mod, spec


def _h_bare_ago(m: re.Match, text: str):
    code = unit_code(m["unit"])
    direction = m["dir"].lower()
    if direction == "ago":
        return "relative", "PAST_REF", None, Window(code, -11, -2)
    past = direction in ("earlier", "before")
    return "relative", "PAST_REF" if past else "FUTURE_REF", None, None


def _h_recent(m: re.Match, text: str):
    w, unit = m["w"].lower(), m["unit"]
    det = (m["a"] or "").lower()
    code = unit_code(unit)
    plural = unit.lower().endswith("s")
    if not plural and w in ("last", "next", "previous", "past"):
        if w in ("next", "previous") and det == "the":
            return None  # the next month: anaphoric
        if det == "the" or w == "past":  # the past year, the last month: P1Y, P1M
            value = {"DE": "P10Y", "CE": "P100Y"}.get(code, f"P1{code}")
            return "duration", value, None, Span(code, 1 if w == "next" else -1)
        return None  # last week, next year: this_unit
    if w in ("past", "last", "previous"):  # the past months: a vague stretch up to now
        return "duration", f"PX{code}", None, Window(code, -6, 0)
    if w == "recent":
        if not plural:
            return "relative", "PAST_REF", None, None  # a recent day
        return "duration", f"PX{code}", None, Window(code, -8 if code == "W" else -6, 0)
    if not plural:
        return None
    return "duration", f"PX{code}", None, Window(code, 0, 6)  # the coming months


def _h_span(m: re.Match, text: str):
    w, unit = m["w"].lower(), m["unit"]
    code = unit_code(unit)
    n = number_value(m["n"])
    if m["year"] and code == "Q" and n and 1 <= n <= 4:  # the first two quarters of 1990
        code, n = "M", 3 * n
    if m["year"] and code == "M" and n and 1 <= n <= 12 and w in ("first", "last", "past"):
        y = int(m["year"])  # the first three months of 2020: 2020-Q1
        first = 1 if w == "first" else 13 - n
        lo, hi = date(y, first, 1), month_end(y, first + n - 1)
        names = {(1, 3): "Q1", (4, 3): "Q2", (7, 3): "Q3", (10, 3): "Q4", (1, 6): "H1"}
        names[(7, 6)] = "H2"
        part = names.get((first, n))
        value = f"{y}-{part}" if part else f"{y}-{first:02d}/{y}-{first + n - 1:02d}"
        return ("date" if part else "range"), value, None, Absolute(lo, hi, value)
    if w == "first":
        return "duration", f"P{n}{code}" if n else f"PX{code}", None, None
    sign = 1 if w in ("next", "coming") else -1
    if n is None and sign < 0:  # the past few weeks, the last several quarters: PXW, PXQ
        return "duration", f"PX{code}", None, Window(code, -6, 0)
    value = f"P{n}{code}" if n else f"PX{code}"
    spec = Span(code, sign * n) if n else Window(code, -6 if sign < 0 else 0, 0 if sign < 0 else 6)
    return "duration", value, None, spec


def _h_duration(m: re.Match, text: str):
    unit, n_word = m["unit"], m["n"].lower()
    code = unit_code(unit)
    n, n2 = number_value(n_word), number_value(m["n2"])
    plural = unit.lower().endswith("s")
    if m["sep"] == "-" and plural:
        return None  # "two-days" is not English; "3-years" unlikely
    if n_word in ("a", "an") and plural:
        return None  # "a decades-long conflict"
    if m["old"] and m["old"][1:] == "old":
        return None  # an age (a 6-year-old, 52 years old) is no time expression
    if _AGE_BEFORE.search(text, max(0, m.start() - 24), m.start()):
        return None  # aged 9 months and up, ages 3 to 5 years: an age
    if (
        m["to"]
        and m["to"].strip() == "and"
        and not _BETWEEN_BEFORE.search(text, max(0, m.start() - 10), m.start())
    ):
        return None  # "6 and 9 weeks" is a range only after "between"
    if (
        code == "H"
        and re.fullmatch(r"(?:[01]\d|2[0-3])[0-5]\d", n_word)
        and prev_word(text, m.start()) in CLOCK_PREPS
    ):
        return None  # by 1800 hours, from 2200 hrs: a clock time, not 1,800 hours
    if (
        code == "S"
        and n_word in ("a", "an")
        and not plural
        and not m["old"]
        and _NOUN_AFTER.match(text, m.end())
        and not _TIME_WORD_AFTER.match(text, m.end())
    ):
        return None  # a second group, a second straight year: an ordinal, not one second
    if code == "Q" and not plural and _FRACTION_AFTER.match(text, m.end()):
        # a quarter of voters, a quarter-century, one-quarter to one-third: a fraction
        return None
    if m["sep"] != "-" and not plural and n not in (1, None):
        # "a two day visit", "his six year term": an adjective without its hyphen, before a
        # noun; never "2 year olds", nor "two year" alone
        if not _NOUN_AFTER.match(text, m.end()):
            return None
    if n_word in ("a", "an") and not m["old"]:
        if prev_word(text, m.start()) in ("once", "twice", "times", "per"):
            return None
        # "a year" alone is a duration (P1Y); "a day" too
    approx = m["approx"]
    if not approx:  # over, about, just over: prepositions left out of the span, kept as mod
        before = re.search(
            r"\b((?:[Jj]ust )?(?:over|under)|[Aa]bout)[^\S\n]+$",
            text[max(0, m.start() - 12) : m.start()],
        )
        approx = before.group(1) if before else None
    if approx:
        approx = " ".join(approx.lower().split())
        dmod = {"less than": "LESS_THAN", "fewer than": "LESS_THAN", "more than": "MORE_THAN"}
        dmod.update({"at least": "EQUAL_OR_MORE", "up to": "EQUAL_OR_LESS"})
        approx = approx.removeprefix("just ")
        dmod.update({"over": "MORE_THAN", "under": "LESS_THAN"})
        dmod.update({k: v for k, v in _APPROX.items() if k.startswith(("no ", "not "))})
        out = _h_duration_plain(m, code, n, n2, n_word)
        return out if out is None else (out[0], out[1], dmod.get(approx, "APPROX"), out[3])
    out = _h_duration_plain(m, code, n, n2, n_word)
    later = _LATER_AFTER.match(text, m.end())
    if out is not None and later and n is not None and not m["n2"]:
        # two weeks earlier, three days later: the quantity, placed from the date just named
        sign = -1 if later.group(1) == "earlier" else 1
        return out[0], out[1], out[2], Shift(code, sign * n)
    return out


_AGE_BEFORE = re.compile(r"\b(?:[Aa]ged|[Aa]ges?)[^\S\n]+(?:\w+[^\S\n]+(?:to|or|and)[^\S\n]+)?$")


_LATER_AFTER = re.compile(r"[^\S\n]+(earlier|later)\b")


_BETWEEN_BEFORE = re.compile(r"\b[Bb]etween[^\S\n]+$")


_NOUN_AFTER = re.compile(r"[^\S\n]+(?!olds?\b|old[^\S\n]|and\b|or\b|to\b|of\b)[a-z]{3,}\b")


_TIME_WORD_AFTER = re.compile(
    r"[^\S\n]+(?:later|earlier|ago|before|after|longer|or|and|too|faster|slower|late)\b"
)


_FRACTION_AFTER = re.compile(
    r"[^\S\n]*(?:of\b|,|-|(?:and|to|or)[^\S\n]+(?:a|an|one|two|three|half|\d)\b)"
)


_HALF = {"Y": "P{n}Y6M", "M": "P{n}M15D", "D": "P{n}DT12H", "H": "PT{n}H30M", "MIN": "PT{n}M30S"}


def _h_duration_plain(m: re.Match, code: str, n, n2, n_word: str):
    plural = m["unit"].lower().endswith("s")
    if (m["half"] or m["half2"]) and n is not None and code in _HALF:  # 2 1/2 years: P2Y6M
        return "duration", _HALF[code].format(n=n), None, None
    t = "T" if code in ("S", "MIN", "H") else ""  # a time unit: PT2H, PTXM (minutes)
    unit = code[0] if t else code
    if m["n2"] and n is not None and n2 is not None:
        return "duration", f"P{t}{n}{unit}/P{t}{n2}{unit}", None, None
    if n is None:
        if n_word in ("some", "many") and not plural:
            return None
        return "duration", f"P{t}X{unit}", None, None
    if code in ("S", "MIN", "H"):
        return "duration", f"PT{n}{code[0]}", None, None
    if code == "DE":
        return "duration", f"P{n * 10}Y", None, None
    if code == "CE":
        return "duration", f"P{n * 100}Y", None, None
    if code == "WE":
        return None
    return "duration", f"P{n}{code}", None, None


def _h_long(m: re.Match, text: str):
    code = unit_code(m["unit"])
    return "duration", f"PTX{code[0]}" if code in ("S", "MIN", "H") else f"PX{code}", None, None


def _h_bare_duration(m: re.Match, text: str):
    code = unit_code(m["unit"] or m["unit2"])
    if code in ("S", "MIN", "H"):
        return "duration", f"PTX{code[0]}", None, None
    return "duration", f"PX{code}", None, None


def _h_unit_part(m: re.Match, text: str):
    if m["bare"]:  # by the end of year: this year
        return "relative", "XXXX", mod_code("the " + m["part"] + " of"), Relative("Y", 0)
    code = UNITS[m["unit"].lower()]
    shift = {"next": 1, "last": -1}.get(m["rel"].lower(), 0)
    return "relative", x_value(code), mod_code("the " + m["part"] + " of"), Relative(code, shift)


def _h_times_per(m: re.Match, text: str):
    code = unit_code(m["unit"])
    return "set", f"P1{code}" if code in ("D", "W", "M", "Y") else f"PT1{code[0]}", None, None


def _h_weekend(m: re.Match, text: str):
    return "relative", "XXXX-WXX-WE", None, Weekend()


def _h_event_unit(m: re.Match, text: str):
    """The day before she was arrested, the week after the vote: a day (week ...) next to an
    event, placed from the date named just before when there is one."""
    unit = m["unit"].lower()
    code = "D" if unit == "night" else UNITS[unit]
    shift = -1 if m["dir"] == "before" else 1
    if code == "D" and _APPOSITION.search(text, max(0, m.start() - 40), m.start()):
        shift = 0  # Oct. 12, the day before the plunge: that day itself, in apposition
    return "relative", x_value(code), None, Anaphor(code, shift)


# A date right before ", the day before/after ...": the phrase restates it (apposition).
_APPOSITION = re.compile(
    r"(?:\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?"
    r"|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day),\s+$"
)


def _h_day_next_to(m: re.Match, text: str):
    """The day before last Tuesday, the day after Friday: that weekday's date shifted by a day
    (span from "day", as TimeML tags it)."""
    wd = WEEKDAYS[m["wd"].lower()]
    shift = {"last": -1, "next": 1, "this": 0}.get((m["rel"] or "").lower())
    days = -1 if m["dir"] == "before" else 1
    return "date", "XXXX-XX-XX", None, Weekday(wd, shift, "", days)


def _h_at_the_time(m: re.Match, text: str):
    """At the time: the past time of the story (TimeML PAST_REF)."""
    return "relative", "PAST_REF", None, None


def _h_hms(m: re.Match, text: str):
    """2:41:09 after "in", "of", "time", "clocked": a race time (PT2H41M9S); else a clock time.
    Fractions of a second make a race time whatever precedes: 2:41:09.5 (PT2H41M9.5S), and
    3:45.2 is minutes and seconds (PT3M45.2S)."""
    if m["f2"] is not None:  # 3:45.2: no clock reads tenths of a second
        return "duration", f"PT{int(m['h'])}M{int(m['mi'])}.{m['f2']}S", None, None
    h, mi, s = int(m["h"]), int(m["mi"]), int(m["s"])
    prev = prev_word(text, m.start())
    frac = f".{m['f']}" if m["f"] else ""
    if frac or prev in (
        "in",
        "of",
        "time",
        "clocked",
        "timed",
        "record",
        "best",
        "finished",
        "ran",
    ):
        value = f"PT{h}H{mi}M{s}{frac}S" if h else f"PT{mi}M{s}{frac}S"
        return "duration", value, None, None
    if h > 23:
        return None
    return "date", f"XXXX-XX-XXT{h:02d}:{mi:02d}:{s:02d}", None, None


def _h_anaphor(m: re.Match, text: str):
    w = (m["w"] or "").lower()
    code = UNITS[m["unit"].lower()]
    if code == "DE" and w in ("next", ""):
        return None  # the next decade is the coming one (this_unit); that decade: which?
    if code == "Q" and (w == "next" or text.startswith(" of", m.end())):
        return None  # the next quarter: the coming one; that quarter of the city: a place
    shift = {"next": 1, "following": 1, "previous": -1, "preceding": -1, "prior": -1}.get(w, 0)
    return "relative", x_value(code), None, Anaphor(code, shift)


def _h_set(m: re.Match, text: str):
    unit = m["unit"].lower()
    n_word = (m["n"] or "").lower()
    part = f"T{DAY_PARTS[m['part'].lower()]}" if m["part"] else ""
    if unit in WEEKDAYS:  # every Sunday, every Sunday evening
        return "set", f"XXXX-WXX-{WEEKDAYS[unit]}{part}", None, None
    if unit in ("night", "nights"):  # every night: TIMEX3's form of a set of parts of days
        return "set", "XXXX-XX-XXTNI", None, None
    if m["unit"][:1].isupper():  # each July
        return "set", f"XXXX-{month_number(m['unit']):02d}", None, None
    if unit in ("morning", "afternoon", "evening"):  # every evening: XXXX-XX-XXTEV
        return "set", f"XXXX-XX-XXT{DAY_PARTS[unit]}", None, None
    code = unit_code(unit)
    if n_word in ("few", "several") or n_word.startswith("couple"):
        return "set", f"PX{code}" if code not in ("S", "MIN", "H") else f"PTX{code[0]}", None, None
    n = 2 if n_word == "other" else (number_value(n_word) or 1)
    if code in ("S", "MIN", "H"):
        return "set", f"PT{n}{code[0]}", None, None
    return "set", f"P{n}{code}", None, None


def _h_set_adj(m: re.Match, text: str):
    after = text[m.end() : m.end() + 2]
    if m["w"][0].isupper() and after[:1] == " " and after[1:2].isupper():
        return None  # the Daily Mail, the Daily Caller
    return "set", SETS[m["w"].lower()], None, None


def _h_year_end(m: re.Match, text: str):
    """year-end, by year's end: the end of the anchor's year (TIMEX3 mod END); year-end 1988:
    the end of that year."""
    if m["year"]:
        y = int(m["year"])
        lo, hi = narrow_interval(date(y, 1, 1), date(y, 12, 31), "END")
        return "date", str(y), "END", Absolute(lo, hi, str(y))
    return "relative", "XXXX", "END", Relative("Y", 0)


# "Today" as a name: of an outlet or a show right after a capitalised word ("USA Today",
# "Russia Today"), after "NBC's", quoted alone (“Today”, ''Today''), or before "show".
_TODAY_NAME_BEFORE = re.compile(
    r"(?:\b(?!(?:For|On|In|By|Of|To|At|Until|Since|From|And|But|Than|As)[ ])[A-Z][A-Za-z]*[ ]"
    r"|NBC['’]s[ ]|[“\"‘']{1,2})$"
)
_TODAY_NAME_AFTER = re.compile(r"(?:[”\"’']+)(?![A-Za-z])|[ ](?:[Ss]how|program|anchor)\b")


# "today's youth", "in today's world", "today's personal computers": the present era in
# general, no day (TimeML leaves such a "today" untagged)
_TODAY_GENERIC = re.compile(
    r"['’]s[ ](?:[a-z]+[ ])?(?:world|society|youth|young|generation|generations|children|kids"
    r"|teens|teenagers|students|parents|families|women|men|workers|consumers|Americans|America"
    r"|economy|standards|technology|computers|culture|politics|media|military|climate|life"
    r"|refugees|jobless|Democrats|Republicans|Republican|Democratic|GOP)\b"
)


def _is_today_name(m: re.Match, text: str) -> bool:
    """Is this capitalised "Today" the name of an outlet or a show (USA Today, NBC's “Today”,
    the Today show), not the day?"""
    if m["w"] not in ("Today", "TODAY") or m["mod"]:
        return False
    before = _TODAY_NAME_BEFORE.search(text, max(0, m.start() - 30), m.start())
    if before and before.group()[:1] in "“\"‘'":  # quoted: a name only when quoted alone
        return _TODAY_NAME_AFTER.match(text, m.end()) is not None
    return before is not None or _TODAY_NAME_AFTER.match(text, m.end()) is not None


def _h_deictic(m: re.Match, text: str):
    w = m["w"].lower().replace("  ", " ")
    if _is_today_name(m, text):
        return None
    if w == "today" and not m["mod"] and _TODAY_GENERIC.match(text, m.end()):
        return None
    if w == "soon" and (
        prev_word(text, m.start()) == "as" or text.startswith((" after", " as "), m.end())
    ):
        return None  # as soon as, soon after: conjunctions
    if m["mod"] and w not in ("today", "yesterday", "tomorrow"):
        return None
    if w in ("today", "tonight"):
        return "relative", "XXXX-XX-XX" + ("TNI" if w == "tonight" else ""), None, Relative("D", 0)
    if w == "yesterday":
        return "relative", "XXXX-XX-XX", None, Relative("D", -1)
    if w == "tomorrow":
        return "relative", "XXXX-XX-XX", None, Relative("D", 1)
    if w in ("now", "nowadays", "currently"):
        return "relative", "PRESENT_REF", None, Present()
    if w == "recently":
        return "relative", "PAST_REF", None, None
    return "relative", "FUTURE_REF", None, None  # soon, anytime soon


def _h_past_future(m: re.Match, text: str):
    w = m["w"].lower()
    ref = {"past": "PAST_REF", "future": "FUTURE_REF", "present": "PRESENT_REF"}[w]
    spec = Present() if w == "present" else None
    return "relative", ref, None, spec


# The grammar's pattern names these handlers read (merged into `normalise.HANDLERS`).
RELATIVE_HANDLERS = {
    "ago": _h_ago,
    "bare_ago": _h_bare_ago,
    "recent": _h_recent,
    "span": _h_span,
    "duration": _h_duration,
    "anaphor": _h_anaphor,
    "event_unit": _h_event_unit,
    "at_the_time": _h_at_the_time,
    "hms": _h_hms,
    "year_end": _h_year_end,
    "weekend": _h_weekend,
    "bare_duration": _h_bare_duration,
    "long": _h_long,
    "unit_part": _h_unit_part,
    "times_per": _h_times_per,
    "set": _h_set,
    "day_next_to": _h_day_next_to,
    "set_adj": _h_set_adj,
    "deictic": _h_deictic,
    "past_future": _h_past_future,
}
