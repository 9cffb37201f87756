"""Time expressions in body text: find them, normalise them (TIMEX3 style) and resolve them.

`find_dates(corpus)` returns the `dates` table: one row per time expression in a body sentence,
with its exact span, its `kind` (date, range, duration, relative, set), its TIMEX3-style `value`
as far as the words alone fix it (`2019-03-07`, `XXXX-06`, `XXXX-WXX-2`, `P8M`, `PAST_REF`), and
the interval it refers to once anchored to the article's date (`resolved`, `start_date`,
`end_date`). The extractor is a grammar of compiled regular expressions run over all sentences
at once, so it handles hundreds of thousands of articles in seconds.

The anchor is the article's published date (from its text or `manifest.csv`). When none is
known, `anchor_dates` infers a lower bound from the article's explicit dates (see its
docstring); rows resolved against such an anchor say so in `anchor_from`.
"""

from __future__ import annotations

import calendar
import dataclasses
import re
import textwrap
from datetime import date, timedelta
from functools import partial

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from newscorpus.corpus import Corpus
from newscorpus.sentences import split_sentences

DATE_COLUMNS = [
    "article_id",
    "sentence_id",
    "text",
    "kind",
    "value",
    "resolved",
    "mod",
    "start_date",
    "end_date",
    "anchor",
    "anchor_from",
    "start",
    "end",
]
KINDS = ["date", "range", "duration", "relative", "set"]
GRANULARITIES = ["year", "month"]
TIMEX3_TYPE = {"date": "DATE", "range": "DATE", "relative": "DATE", "duration": "DURATION"}
TIMEX3_TYPE["set"] = "SET"

# --------------------------------------------------------------------------- vocabulary

_MONTH_NAMES = [calendar.month_name[i] for i in range(1, 13)]
MONTHS = {name.lower(): i for i, name in enumerate(_MONTH_NAMES, 1)}
MONTHS.update(
    {
        name[:3].lower(): i
        for i, name in enumerate(_MONTH_NAMES, 1)
        if name[:3].lower() not in ("may",)
    }
)
MONTHS["sept"] = 9
WEEKDAYS = {calendar.day_name[i].lower(): i + 1 for i in range(7)}  # ISO: Monday = 1
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}
NUMBERS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
        " fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
NUMBERS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "a": 1, "an": 1})
NUMBERS.update({"seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a couple of": 2})
VAGUE_NUMBERS = {"a few", "few", "several", "some", "many", "a number of", "dozens of"}
UNITS = {
    "second": "S",
    "minute": "MIN",
    "hour": "H",
    "day": "D",
    "night": "D",
    "week": "W",
    "weekend": "WE",
    "month": "M",
    "quarter": "Q",
    "year": "Y",
    "decade": "DE",
    "century": "CE",
}
_SETS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M"}
_SETS.update({"yearly": "P1Y", "annually": "P1Y", "annual": "P1Y", "hourly": "PT1H"})
# Words before a bare month or year that make it a time expression.
_TIME_PREPS = frozenset(
    "in on by since until till through from during of before after between and or to early"
    " late mid the since around throughout last this next"
    " past until for".split()
)
# Words before a four-digit number that make it anything but a year.
_NOT_YEAR_BEFORE = re.compile(
    r"(?:\b(?:no|nos|number|page|pages|p|pp|route|rte|highway|hwy|flight|room|suite|box"
    r"|resolution|section|article|chapter|verse|unit|model|code|line|bus|tel|phone|exit)\.?"
    r"|[#$€£¥]|\bUS\$|\bRs\.?)[^\S\n]*$",
    re.IGNORECASE,
)
# Words after a four-digit number that make it a count or a measurement.
_NOT_YEAR_AFTER = re.compile(
    r"[^\S\n]*(?:%|percent\b|per[ -]?cent\b|km\b|kilomet\w*|miles?\b|m\b|meters?\b|metres?\b"
    r"|feet\b|ft\b|kg\b|tons?\b|tonnes?\b|hours?\b|hrs\b|GMT\b|UTC\b|local time\b"
    r"|people\b|men\b|women\b|children\b|of\b|[a-z]+s\b)"
)
_PREV_WORD = re.compile(r"([A-Za-z]+)[^A-Za-z\n]{0,2}$")

# --------------------------------------------------------------------------- the grammar

_S = r"[^\S\n]+"  # spaces inside one sentence (sentences are joined with newlines)
_DASH = r"[^\S\n]?[-–—][^\S\n]?"


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


def _lc(words) -> str:
    """Words in lower case or capitalised (no slow case-insensitive matching)."""
    return _alt(list(words) + [w[:1].upper() + w[1:] for w in words])


def _cased(words) -> str:
    return _alt([w.capitalize() for w in words] + [w.upper() for w in words])


_MONTH_FULL = _cased(MONTHS_FULL := [m.lower() for m in _MONTH_NAMES])
_MONTH_ABBR = r"(?:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
_MONTH_ANY = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR})"
_WEEKDAY = _cased(WEEKDAYS)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_OLD_YEAR = r"(?:1[0-7]\d\d)"  # a year before 1800 only after "in", "since" ...
_NUMWORD = _lc([w for w in NUMBERS if w not in ("a", "an", "a couple of")])
_NUM = rf"(?:\d+|{_NUMWORD})"
_VAGUE = _lc(VAGUE_NUMBERS)
_UNIT = r"(?:second|minute|hour|day|night|week|weekend|month|quarter|year|decade|century)"
_UNITS = (
    r"(?:seconds|minutes|hours|days|nights|weeks|weekends|months|quarters|years|decades|centuries)"
)
_UNIT_ANY = rf"(?:{_UNITS}|{_UNIT})"
_MOD = r"(?:(?:[Ee]arly|[Ll]ate|[Mm]id|the[ ](?:end|beginning|start|middle)[ ]of)(?:[ -]|-[ ]?))"
_REL = r"(?:[Ll]ast|[Tt]his|[Nn]ext|[Pp]ast|[Cc]oming|[Pp]revious|[Cc]urrent)"

_PATTERNS: list[tuple[str, str]] = [
    # 1. full dates
    ("mdy", rf"\b(?P<mon>{_MONTH_ANY})[^\S\n]?(?P<day>{_DAY}),?{_S}(?P<year>{_YEAR})\b"),
    ("dmy", rf"\b(?P<day>{_DAY}){_S}(?:of{_S})?(?P<mon>{_MONTH_ANY}),?{_S}(?P<year>{_YEAR})\b"),
    ("iso", rf"\b(?P<year>{_YEAR})-(?P<mon>0[1-9]|1[0-2])-(?P<day>[0-2]\d|3[01])\b"),
    ("us", rf"\b(?P<mon>1[0-2]|0?[1-9])/(?P<day>[12]\d|3[01]|0?[1-9])/(?P<year>{_YEAR})\b"),
    # 2. month and day without a year
    (
        "md",
        rf"\b(?P<mon>{_MONTH_ANY})[^\S\n]?(?P<day>{_DAY})\b(?![.,:]?\d)"
        rf"(?:,?{_S}(?P<rel>last|this|next){_S}year\b)?",
    ),
    ("dm", rf"\b(?P<day>{_DAY}){_S}(?:of{_S})?(?P<mon>{_MONTH_FULL})\b"),
    # 3. month and year, month alone (with early/late/mid, last/this/next)
    ("my", rf"(?P<mod>{_MOD})?\b(?P<mon>{_MONTH_ANY}),?{_S}(?:of{_S})?(?P<year>{_YEAR})\b"),
    ("month", rf"(?:(?P<mod>{_MOD})|(?P<rel>{_REL}){_S})?\b(?P<mon>{_MONTH_FULL})\b"),
    # 4. years, year ranges, decades
    (
        "year",
        rf"(?:(?P<mod>{_MOD})|(?<![\w.,/-]))(?P<y1>{_YEAR}|{_OLD_YEAR})(?:(?P<dash>{_DASH})(?P<y2>{_YEAR}|\d\d))?"
        rf"(?![\w,.]\d|\d|-\w|%)",
    ),
    (
        "decade",
        rf"(?<!\w)(?:[Tt]he{_S})?(?P<mod>{_MOD})?(?P<dec>1[89]\d0|20\d0|['’]\d0)['’]?s\b",
    ),
    # 5. seasons, quarters, halves
    (
        "season",
        rf"\b(?:(?P<the>[Tt]he){_S})?(?P<mod>{_MOD})?(?:(?P<rel>{_REL}){_S})?"
        rf"(?P<season>{_lc(SEASONS)})"
        rf"(?:,?{_S}(?:of{_S})?(?P<year>{_YEAR}))?\b",
    ),
    (
        "part",
        rf"\b(?:[Tt]he{_S})?(?P<ord>first|second|third|fourth|last|1st|2nd|3rd|4th){_S}"
        rf"(?P<part>quarter|half)(?:{_S}of{_S}(?:(?P<year>{_YEAR})|(?P<rel>the|this|last|next){_S}year))?\b",
    ),
    # 6. weekdays, named days
    (
        "weekday",
        rf"(?:\b(?P<rel>{_REL}){_S}|\b(?P<mod>[Ee]arly|[Ll]ate){_S})?\b(?P<wd>{_WEEKDAY})"
        rf"(?:{_S}(?P<part>morning|afternoon|evening|night))?\b",
    ),
    (
        "clock",
        rf"(?:\b(?P<h>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]\d))?[^\S\n]?(?P<ap>[ap]\.m\.|[ap]m\b|[AP]M\b)"
        rf"|\b(?P<w>noon|midnight)\b)(?:,?{_S}(?:on{_S})?(?P<wd>{_WEEKDAY})\b)?",
    ),
    (
        "deictic",
        rf"\b(?P<w>{_lc('today tonight yesterday tomorrow nowadays currently'.split())}|[Nn]ow"
        r"|(?:[Rr]ecently|[Ss]oon|[Aa]nytime[ ]soon|[Aa]ny[ ]time[ ]soon))\b(?!-)",
    ),
    (
        "past_future",
        rf"\b(?P<the>the{_S})(?P<w>past|future|present)\b(?!{_S}(?:{_NUM}|few|several"
        rf"|{_UNIT_ANY}))",
    ),
    # 7. anchor-relative units: last week, this year, earlier this month, two weeks ago
    (
        "this_unit",
        rf"\b(?:(?P<mod>[Ee]arl(?:y|ier)|[Ll]ater?|[Mm]id)[ -])?(?P<rel>{_REL}){_S}"
        rf"(?P<unit>week|weekend|month|year|decade|quarter)\b",
    ),
    (
        "ago",
        rf"\b(?P<n>{_NUM}|{_VAGUE}|[Aa]n?){_S}(?:(?:more|fewer|less){_S})?"
        rf"(?P<unit>{_UNIT_ANY}){_S}(?P<dir>ago|from{_S}now|hence)\b",
    ),
    (
        "bare_ago",
        rf"\b(?P<unit>{_UNITS}){_S}(?P<dir>ago)\b",
    ),
    (
        "recent",
        rf"\b(?:(?P<a>[Aa]|[Tt]he){_S})?(?P<w>recent|coming|past|last|next|previous){_S}(?P<unit>{_UNIT_ANY})\b",
    ),
    # 8. durations: the past eight months, a three-year fight, one to two years, for years
    (
        "span",
        rf"\b(?:[Tt]he{_S})?(?P<w>past|last|next|coming|previous|first){_S}"
        rf"(?:(?P<n>{_NUM}|{_VAGUE}){_S})(?P<unit>{_UNIT_ANY})\b"
        rf"(?:{_S}of{_S}(?P<year>{_YEAR})\b)?",
    ),
    (
        "duration",
        rf"\b(?:(?P<approx>(?:{_lc(['less', 'more', 'fewer'])}){_S}than"
        rf"|{_lc(['about', 'nearly', 'almost', 'around', 'roughly'])}|[Uu]p{_S}to|[Aa]t{_S}least"
        rf"|(?:[Jj]ust{_S})?(?:over|under|more{_S}than|less{_S}than)){_S})?"
        rf"(?:[Tt]he{_S}(?={_NUM}{_S}{_UNITS}{_S}(?:to|ending|ended|through|until)\b))?"
        rf"(?P<n>{_NUM}|{_VAGUE}|[Aa]n?)(?:(?P<to>{_S}(?:to|or){_S}|{_DASH})(?P<n2>{_NUM}))?"
        rf"(?P<sep>{_S}|-)(?:(?:more|and{_S}a{_S}half){_S})?(?P<unit>{_UNIT_ANY})"
        rf"(?P<old>[ -](?:long|old))?\b(?!{_S}(?:ago|from{_S}now|hence))",
    ),
    ("long", rf"\b(?P<unit>{_UNITS})-long\b"),
    (
        "bare_duration",
        rf"(?:(?<=\bfor )|(?<=\bin )|(?<=\bover )|(?<=\bwithin ))(?P<unit>{_UNITS})\b(?!{_S}ago)"
        rf"|\b(?P<unit2>{_UNITS})(?={_S}(?:before|after|earlier|later)\b)",
    ),
    ("weekend", r"\b[Tt]he[ ]weekend\b"),
    (
        "century",
        rf"\b[Tt]he{_S}(?:(?P<mod>[Ee]arly|[Ll]ate|[Mm]id)[ -])?(?P<n>[12]?\d)(?:st|nd|rd|th)"
        rf"[ -]century\b",
    ),
    # 9. anaphoric: the next month, the following year, that week
    (
        "anaphor",
        rf"\b(?:(?:[Tt]he){_S}(?P<w>next|following|previous|preceding|same|prior)|(?P<that>[Tt]hat))"
        rf"{_S}(?P<unit>day|week|month|year)\b",
    ),
    (
        "unit_part",
        rf"\b[Tt]he{_S}(?P<part>end|beginning|start|middle){_S}of{_S}(?P<rel>the|this|next|last)"
        rf"{_S}(?P<unit>week|month|year|decade)\b",
    ),
    # 10. sets
    (
        "times_per",
        rf"\b(?P<q>[Oo]nce|[Tt]wice|(?:\d+|{_NUMWORD}){_S}times){_S}(?:a|an|per|every|each){_S}"
        rf"(?P<unit>{_UNIT})\b",
    ),
    (
        "set",
        rf"\b(?P<q>[Ee]ach|[Ee]very|[Pp]er){_S}(?:(?P<n>other|{_NUM}|few|several|couple{_S}of){_S})?"
        rf"(?P<unit>{_UNIT_ANY}|{_WEEKDAY}|morning|evening)\b",
    ),
    ("set_adj", rf"\b(?P<w>{_lc(_SETS)})\b"),
]
_PRIORITY = {name: i for i, (name, _) in enumerate(_PATTERNS)}


# --------------------------------------------------------------------------- handlers
# Each handler turns one match into (kind, value, mod, spec) or None to reject it.
# `spec` says how to resolve it: ("abs", lo, hi, resolved) | ("md", month, day) |
# ("wd", weekday) | ("rel", unit, n) | ("window", unit, lo, hi) | ("present",) |
# ("span", unit, n) | ("ana", unit, shift) | None (no interval).


def _prev_word(text: str, pos: int) -> str:
    m = _PREV_WORD.search(text, max(0, pos - 25), pos)
    return m.group(1).lower() if m else ""


def _number(word: str | None) -> int | None:
    if word is None:
        return None
    w = word.lower()
    if w.isdigit():
        return int(w)
    return NUMBERS.get(w)


def _month(word: str) -> int:
    return MONTHS[word.rstrip(".").lower()]


def _day(word: str) -> int:
    return int(re.match(r"\d+", word).group())


def _unit_code(unit: str) -> str:
    u = unit.lower()
    u = "century" if u == "centuries" else u.rstrip("s") if u != "s" else u
    return UNITS[u]


_MOD_CODE = {"early": "START", "late": "END", "mid": "MID", "the end of": "END"}
_MOD_CODE.update({"the beginning of": "START", "the start of": "START", "the middle of": "MID"})


def _mod(word: str | None) -> str | None:
    if not word:
        return None
    return _MOD_CODE.get(word.strip(" -").lower())


def _valid_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _h_full(m: re.Match, text: str):
    y, mo, d = int(m["year"]), m["mon"], _day(m["day"])
    mo = int(mo) if mo.isdigit() else _month(mo)
    day = _valid_date(y, mo, d)
    if day is None:
        return None
    return "date", day.isoformat(), None, ("abs", day, day, day.isoformat())


def _h_md(m: re.Match, text: str):
    mo, d = _month(m["mon"]), _day(m["day"])
    if _valid_date(2000, mo, d) is None:  # 2000 is a leap year: February 29 is allowed
        return None
    if m["mon"].startswith("May") and not m["mon"].isupper() and d > 31:
        return None
    rel = m.groupdict().get("rel")
    if rel:
        shift = {"last": -1, "this": 0, "next": 1}[rel]
        return "date", f"XXXX-{mo:02d}-{d:02d}", None, ("mdrel", mo, d, shift)
    return "date", f"XXXX-{mo:02d}-{d:02d}", None, ("md", mo, d)


def _h_my(m: re.Match, text: str):
    y, mo = int(m["year"]), _month(m["mon"])
    lo, hi = date(y, mo, 1), _month_end(y, mo)
    return "date", f"{y}-{mo:02d}", _mod(m["mod"]), ("abs", lo, hi, f"{y}-{mo:02d}")


_AMBIGUOUS_MONTHS = {"may", "march", "april", "june", "august"}


def _h_month(m: re.Match, text: str):
    word = m["mon"]
    mo = _month(word)
    mod, rel = _mod(m["mod"]), (m["rel"] or "").lower()
    if not (mod or rel):
        prev = _prev_word(text, m.start())
        if prev not in _TIME_PREPS and not (prev.endswith("est") and len(prev) > 4):
            if word.lower() in _AMBIGUOUS_MONTHS:
                return None
            after = text[m.end() : m.end() + 2]
            if after[:1] == " " and after[1:2].isupper():  # June Carter, August Wilson
                return None
    if rel in ("past", "previous", "current"):
        return None
    value = f"XXXX-{mo:02d}"
    shift = {"last": -1, "next": 1, "this": 0, "coming": 1}.get(rel)
    spec = ("md", mo, None) if shift is None else ("mrel", mo, shift)
    return "date", value, mod, spec


def _h_year(m: re.Match, text: str):
    y1 = int(m["y1"])
    mod = _mod(m["mod"])
    if m["y2"]:
        y2 = int(m["y2"])
        if y2 < 100:
            y2 += y1 // 100 * 100
        if not (y1 < y2 <= y1 + 30):
            return None
        lo, hi = date(y1, 1, 1), date(y2, 12, 31)
        return "range", f"{y1}/{y2}", mod, ("abs", lo, hi, f"{y1}/{y2}")
    before = text[max(0, m.start() - 12) : m.start()]
    prev = _prev_word(text, m.start())
    if y1 < 1800 and prev not in _TIME_PREPS - {"the", "and", "or", "to", "of", "for"}:
        return None
    if _NOT_YEAR_BEFORE.search(before):
        return None
    if not mod and prev not in _TIME_PREPS:
        if _NOT_YEAR_AFTER.match(text, m.end()):
            return None
        if prev in ("about", "around", "some", "nearly", "almost", "than", "least", "only"):
            return None
    lo, hi = date(y1, 1, 1), date(y1, 12, 31)
    return "date", str(y1), mod, ("abs", lo, hi, str(y1))


def _h_decade(m: re.Match, text: str):
    dec = m["dec"]
    if dec[0] in "'’":
        tens = int(dec[1:])
        dec = str((1900 if tens >= 30 else 2000) + tens)
    y = int(dec)
    lo, hi = date(y, 1, 1), date(y + 9, 12, 31)
    return "date", str(y // 10), _mod(m["mod"]), ("abs", lo, hi, str(y // 10))


def _h_season(m: re.Match, text: str):
    word = m["season"].lower()
    code = SEASONS[word]
    mod, rel = _mod(m["mod"]), (m["rel"] or "").lower()
    year = m["year"]
    if word == "fall" and not (year or rel):
        return None
    if not (year or rel or m["the"] or mod):
        if _prev_word(text, m.start()) not in _TIME_PREPS:
            return None
    if not (year or rel) and text[m.end() : m.end() + 3] == " of":  # the spring of discontent
        return None
    if year:
        y = int(year)
        lo, hi = _season_interval(y, code)
        return "date", f"{y}-{code}", mod, ("abs", lo, hi, f"{y}-{code}")
    shift = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(rel, 0)
    spec = ("season", code, shift if rel else None)
    return "date", f"XXXX-{code}", mod, spec


def _h_part(m: re.Match, text: str):
    ords = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4}
    ords["4th"] = 4
    part = m["part"]
    n = ords.get(m["ord"], 4 if part == "quarter" else 2)
    if part == "half" and n > 2:
        return None
    code = f"Q{n}" if part == "quarter" else f"H{n}"
    if m["year"]:
        y = int(m["year"])
        lo, hi = _part_interval(y, code)
        return "date", f"{y}-{code}", None, ("abs", lo, hi, f"{y}-{code}")
    if m["rel"] is None:  # "the third quarter": quarters only ("the first half" of a match)
        if part != "quarter" or m["ord"] == "last" or not m.group().lower().startswith("the"):
            return None
        return "date", f"XXXX-{code}", None, ("partrel", code, None)
    shift = {"last": -1, "next": 1}.get(m["rel"], 0)
    return "date", f"XXXX-{code}", None, ("partrel", code, shift)


_DAY_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


_NOT_WEEKDAY_BEFORE = re.compile(
    r"(?:\b(?:Good|Black|Holy|Ash|Palm|Easter|Bloody|Super|Cyber)|\bMail on)\s$"
)


def _h_weekday(m: re.Match, text: str):
    wd = WEEKDAYS[m["wd"].lower()]
    after = text[m.end() : m.end() + 2]
    if after[:1] == " " and after[1:2].isupper():  # The Sunday Times, Monday Night Football
        return None
    if _NOT_WEEKDAY_BEFORE.search(text, max(0, m.start() - 10), m.start()):
        return None  # Good Friday, the Mail on Sunday
    rel = (m["rel"] or "").lower()
    if rel in ("past", "previous", "current", "coming"):
        return None
    value = f"XXXX-WXX-{wd}"
    if m["part"]:
        value += "T" + _DAY_PARTS[m["part"]]
    shift = {"last": -1, "next": 1, "this": 0}.get(rel)
    return "date", value, _mod(m["mod"]), ("wd", wd, shift, value[len("XXXX-WXX-1") :])


def _h_clock(m: re.Match, text: str):
    if m["w"]:
        time = "T12:00" if m["w"] == "noon" else "T24:00"
    else:
        h, mi = int(m["h"]), int(m["mi"] or 0)
        if m["ap"][0].lower() == "p" and h != 12:
            h += 12
        elif m["ap"][0].lower() == "a" and h == 12:
            h = 0
        time = f"T{h:02d}:{mi:02d}"
    if m["wd"]:  # 9:30 p.m. Friday
        wd = WEEKDAYS[m["wd"].lower()]
        return "date", f"XXXX-WXX-{wd}{time}", None, ("wd", wd, None, time)
    return "date", f"XXXX-XX-XX{time}", None, None


def _h_deictic(m: re.Match, text: str):
    w = m["w"].lower().replace("  ", " ")
    if w in ("today", "tonight"):
        return "relative", "XXXX-XX-XX" + ("TNI" if w == "tonight" else ""), None, ("rel", "D", 0)
    if w == "yesterday":
        return "relative", "XXXX-XX-XX", None, ("rel", "D", -1)
    if w == "tomorrow":
        return "relative", "XXXX-XX-XX", None, ("rel", "D", 1)
    if w in ("now", "nowadays", "currently"):
        return "relative", "PRESENT_REF", None, ("present",)
    if w == "recently":
        return "relative", "PAST_REF", None, None
    return "relative", "FUTURE_REF", None, None  # soon, anytime soon


def _h_past_future(m: re.Match, text: str):
    w = m["w"].lower()
    ref = {"past": "PAST_REF", "future": "FUTURE_REF", "present": "PRESENT_REF"}[w]
    spec = ("present",) if w == "present" else None
    return "relative", ref, None, spec


def _h_this_unit(m: re.Match, text: str):
    rel, unit = m["rel"].lower(), m["unit"].lower()
    if rel == "past" and unit != "weekend":
        return None  # "the past year" is a duration (span)
    shift = {"last": -1, "previous": -1, "this": 0, "current": 0, "next": 1, "coming": 1}[rel]
    if rel in ("last", "previous") and _prev_word(text, m.start()) == "the":
        return None  # "the last year" is a duration
    code = UNITS[unit]
    mod_word = (m["mod"] or "").lower()
    mod = {"early": "START", "late": "END", "mid": "MID", "earlier": "EARLIER"}.get(mod_word)
    if mod_word == "later":
        mod = "LATER"
    value = _x_value(code)
    return "relative", value, mod, ("rel", code, shift)


def _h_ago(m: re.Match, text: str):
    unit, direction = m["unit"], m["dir"].lower()
    code = _unit_code(unit)
    n_word = m["n"].lower()
    n = _number(n_word)
    anchored = direction in ("ago", "from now", "hence")
    sign = -1 if direction in ("ago", "earlier", "before") else 1
    if not anchored:  # relative to the narrative, not to the article's date
        return "relative", "PAST_REF" if sign < 0 else "FUTURE_REF", None, None
    if n is None:  # a few months ago, several years ago
        lo, hi = (2, 6) if n_word in ("a few", "few", "several") else (2, 11)
        spec = ("window", code, -hi, -lo) if sign < 0 else ("window", code, lo, hi)
        return "relative", "PAST_REF" if sign < 0 else "FUTURE_REF", None, spec
    return "relative", _x_value(code), None, ("rel", code, sign * n)


def _h_bare_ago(m: re.Match, text: str):
    code = _unit_code(m["unit"])
    direction = m["dir"].lower()
    if direction == "ago":
        return "relative", "PAST_REF", None, ("window", code, -11, -2)
    past = direction in ("earlier", "before")
    return "relative", "PAST_REF" if past else "FUTURE_REF", None, None


def _h_recent(m: re.Match, text: str):
    w, unit = m["w"].lower(), m["unit"]
    det = (m["a"] or "").lower()
    code = _unit_code(unit)
    plural = unit.lower().endswith("s")
    if not plural and w in ("last", "next", "previous", "past"):
        if w in ("next", "previous") and det == "the":
            return None  # the next month: anaphoric
        if det == "the" or w == "past":  # the past year, the last month: P1Y, P1M
            value = {"DE": "P10Y", "CE": "P100Y"}.get(code, f"P1{code}")
            return "duration", value, None, ("span", code, 1 if w == "next" else -1)
        return None  # last week, next year: this_unit
    if w in ("past", "last", "previous"):  # the past months: a vague stretch up to now
        return "duration", f"PX{code}", None, ("window", code, -6, 0)
    if w == "recent":
        if not plural:
            return "relative", "PAST_REF", None, None  # a recent day
        return "relative", "PAST_REF", None, ("window", code, -8 if code == "W" else -6, 0)
    if not plural:
        return None
    return "relative", "FUTURE_REF", None, ("window", code, 0, 6)  # the coming months


def _h_span(m: re.Match, text: str):
    w, unit = m["w"].lower(), m["unit"]
    code = _unit_code(unit)
    n = _number(m["n"])
    if m["year"] and code == "M" and n and 1 <= n <= 12 and w in ("first", "last", "past"):
        y = int(m["year"])  # the first three months of 2020: 2020-Q1
        first = 1 if w == "first" else 13 - n
        lo, hi = date(y, first, 1), _month_end(y, first + n - 1)
        names = {(1, 3): "Q1", (4, 3): "Q2", (7, 3): "Q3", (10, 3): "Q4", (1, 6): "H1"}
        names[(7, 6)] = "H2"
        part = names.get((first, n))
        value = f"{y}-{part}" if part else f"{y}-{first:02d}/{y}-{first + n - 1:02d}"
        return ("date" if part else "range"), value, None, ("abs", lo, hi, value)
    if w == "first":
        return "duration", f"P{n}{code}" if n else f"PX{code}", None, None
    sign = 1 if w in ("next", "coming") else -1
    value = f"P{n}{code}" if n else f"PX{code}"
    spec = (
        ("span", code, sign * n)
        if n
        else ("window", code, -6 if sign < 0 else 0, 0 if sign < 0 else 6)
    )
    return "duration", value, None, spec


def _h_duration(m: re.Match, text: str):
    unit, n_word = m["unit"], m["n"].lower()
    code = _unit_code(unit)
    n, n2 = _number(n_word), _number(m["n2"])
    plural = unit.lower().endswith("s")
    if m["sep"] == "-" and plural:
        return None  # "two-days" is not English; "3-years" unlikely
    if n_word in ("a", "an") and plural:
        return None  # "a decades-long conflict"
    if m["sep"] != "-" and not plural and n not in (1, None):
        return None  # "two year" (adjective without hyphen is rare; avoid "2 year olds")
    if n_word in ("a", "an") and not m["old"]:
        if _prev_word(text, m.start()) in ("once", "twice", "times", "per"):
            return None
        # "a year" alone is a duration (P1Y); "a day" too
    if m["approx"]:
        approx = " ".join(m["approx"].lower().split())
        dmod = {"less than": "LESS_THAN", "fewer than": "LESS_THAN", "more than": "MORE_THAN"}
        dmod.update({"at least": "EQUAL_OR_MORE", "up to": "EQUAL_OR_LESS"})
        approx = approx.removeprefix("just ")
        dmod.update({"over": "MORE_THAN", "under": "LESS_THAN"})
        out = _h_duration_plain(m, code, n, n2, n_word)
        return out if out is None else (out[0], out[1], dmod.get(approx, "APPROX"), out[3])
    return _h_duration_plain(m, code, n, n2, n_word)


def _h_duration_plain(m: re.Match, code: str, n, n2, n_word: str):
    plural = m["unit"].lower().endswith("s")
    if m["n2"] and n is not None and n2 is not None:
        return "duration", f"P{n}{code}/P{n2}{code}", None, None
    if n is None:
        if n_word in ("some", "many") and not plural:
            return None
        return "duration", f"PX{code}", None, None
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
    code = _unit_code(m["unit"])
    return "duration", f"PTX{code[0]}" if code in ("S", "MIN", "H") else f"PX{code}", None, None


def _h_bare_duration(m: re.Match, text: str):
    code = _unit_code(m["unit"] or m["unit2"])
    if code in ("S", "MIN", "H"):
        return "duration", f"PTX{code[0]}", None, None
    return "duration", f"PX{code}", None, None


def _h_unit_part(m: re.Match, text: str):
    code = UNITS[m["unit"].lower()]
    shift = {"next": 1, "last": -1}.get(m["rel"].lower(), 0)
    return "relative", _x_value(code), _mod("the " + m["part"] + " of"), ("rel", code, shift)


def _h_times_per(m: re.Match, text: str):
    code = _unit_code(m["unit"])
    return "set", f"P1{code}" if code in ("D", "W", "M", "Y") else f"PT1{code[0]}", None, None


def _h_weekend(m: re.Match, text: str):
    return "relative", "XXXX-WXX-WE", None, ("weekend",)


def _h_century(m: re.Match, text: str):
    n = int(m["n"])
    if not 1 <= n <= 21:
        return None
    lo, hi = date(max(1, (n - 1) * 100), 1, 1), date((n - 1) * 100 + 99, 12, 31)
    value = f"{n - 1:02d}"
    return "date", value, _mod(m["mod"]), ("abs", lo, hi, value)


def _h_anaphor(m: re.Match, text: str):
    w = (m["w"] or "").lower()
    code = UNITS[m["unit"].lower()]
    shift = {"next": 1, "following": 1, "previous": -1, "preceding": -1, "prior": -1}.get(w, 0)
    return "relative", _x_value(code), None, ("ana", code, shift)


def _h_set(m: re.Match, text: str):
    unit = m["unit"].lower()
    n_word = (m["n"] or "").lower()
    if unit in WEEKDAYS:
        return "set", f"XXXX-WXX-{WEEKDAYS[unit]}", None, None
    if unit in ("night", "nights"):
        return "set", "TNI", None, None
    if unit in ("morning", "evening"):
        return "set", f"T{_DAY_PARTS[unit]}", None, None
    code = _unit_code(unit)
    if n_word in ("few", "several") or n_word.startswith("couple"):
        return "set", f"PX{code}" if code not in ("S", "MIN", "H") else f"PTX{code[0]}", None, None
    n = 2 if n_word == "other" else (_number(n_word) or 1)
    if code in ("S", "MIN", "H"):
        return "set", f"PT{n}{code[0]}", None, None
    return "set", f"P{n}{code}", None, None


def _h_set_adj(m: re.Match, text: str):
    after = text[m.end() : m.end() + 2]
    if m["w"][0].isupper() and after[:1] == " " and after[1:2].isupper():
        return None  # the Daily Mail, the Daily Caller
    return "set", _SETS[m["w"].lower()], None, None


_HANDLERS = {
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
    "deictic": _h_deictic,
    "past_future": _h_past_future,
    "this_unit": _h_this_unit,
    "ago": _h_ago,
    "bare_ago": _h_bare_ago,
    "recent": _h_recent,
    "span": _h_span,
    "duration": _h_duration,
    "anaphor": _h_anaphor,
    "weekend": _h_weekend,
    "century": _h_century,
    "bare_duration": _h_bare_duration,
    "long": _h_long,
    "unit_part": _h_unit_part,
    "times_per": _h_times_per,
    "set": _h_set,
    "set_adj": _h_set_adj,
}


# --------------------------------------------------------------------------- calendar helpers


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _season_interval(y: int, code: str) -> tuple[date, date]:
    first, last = _SEASON_MONTHS[code]
    lo = date(y, first, 1)
    hi = _month_end(y + (last - 1) // 12, (last - 1) % 12 + 1)
    return lo, hi


def _part_interval(y: int, code: str) -> tuple[date, date]:
    n = int(code[1])
    size = 3 if code[0] == "Q" else 6
    first = (n - 1) * size + 1
    return date(y, first, 1), _month_end(y, first + size - 1)


def _x_value(code: str) -> str:
    return {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Y": "XXXX", "DE": "XXX"}.get(
        code, "XXXX-XX-XX"
    )


def _shift_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def _unit_period(d: date, code: str, n: int) -> tuple[date, date, str] | None:
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
        y, m = _shift_months(d.year, d.month, n)
        return date(y, m, 1), _month_end(y, m), f"{y}-{m:02d}"
    if code == "Q":
        q = (d.month - 1) // 3
        y, m = _shift_months(d.year, q * 3 + 1, 3 * n)
        code_q = f"Q{(m - 1) // 3 + 1}"
        lo, hi = _part_interval(y, code_q)
        return lo, hi, f"{y}-{code_q}"
    if code == "Y":
        y = d.year + n
        return date(y, 1, 1), date(y, 12, 31), str(y)
    if code == "DE":
        y = d.year // 10 * 10 + 10 * n
        return date(y, 1, 1), date(y + 9, 12, 31), str(y // 10)
    return None


def _shift(d: date, code: str, n: int) -> date | None:
    """`d` moved by `n` units (days, weeks, months, years, decades), clamped to month ends."""
    if code == "D":
        return d + timedelta(days=n)
    if code in ("W", "WE"):
        return d + timedelta(weeks=n)
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120}.get(code)
    if months is None:
        return None
    y, m = _shift_months(d.year, d.month, n * months)
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def _narrow(lo: date, hi: date, mod: str | None, anchor: date | None = None):
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


# --------------------------------------------------------------------------- extraction


# Fast scanning: one pass finds trigger words (a month or weekday name, a digit, a time unit, a
# time keyword) at word starts; each pattern of the trigger's family is then tried only at the
# trigger and at the few words before it that can begin an expression ("the past eight | months").
_MOD_WORDS = {"early", "earlier", "late", "later", "mid", "the", "end", "beginning", "start"}
_MOD_WORDS |= {"middle", "of"}
_REL_WORDS = {"last", "this", "next", "coming", "past", "previous", "current", "recent"}
_NUMBER_WORDS = {w for w in NUMBERS if " " not in w} | {"few", "several", "some", "many"}
_PREFIXES = {
    "mon": _MOD_WORDS | _REL_WORDS,
    "wd": _REL_WORDS | {"every", "each", "other", "early", "late"},
    "dig": _MOD_WORDS | {"first", "second", "third", "fourth", "last", "quarter", "half"},
    "unit": _MOD_WORDS
    | _REL_WORDS
    | _NUMBER_WORDS
    | {"each", "every", "per", "once", "twice", "times", "less", "more", "fewer", "than"}
    | {"about", "nearly", "almost", "around", "roughly", "at", "least", "up", "to", "or"}
    | {"over", "under", "just"}
    | {"that", "following", "same", "prior", "preceding", "and", "other", "first", "dozens"}
    | {"second", "third", "fourth", "quarter"},
    "kw": _MOD_WORDS | _REL_WORDS | {"anytime", "any", "time", "every", "each", "in"},
}
_UNIT_TRIGGERS = ["second", "minute", "hour", "day", "night", "week", "month", "quarter"]
_UNIT_TRIGGERS += ["half", "year", "decade", "centur"]
_KW_TRIGGERS = "today tonight yesterday tomorrow now nowadays currently recently soon anytime any"
_KW_TRIGGERS += " past future present daily nightly weekly monthly yearly annually annual hourly"
_KW_TRIGGERS += " spring summer autumn fall winter noon midnight morning evening"
_SEPARATORS = " \n(“\"‘'’/—–-"


def _trie(words) -> str:
    """One regex matching any of `words`, factored by shared prefixes (much faster to scan)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = "(?:" + "|".join(alts) + ")" if len(alts) > 1 or "" in node else alts[0]
        return body + "?" if "" in node else body

    return emit(trie)


def _trigger_regexes() -> tuple[re.Pattern, re.Pattern, dict[str, str]]:
    """Two scanners: capitalised words and digits (fast: few characters can start them), and
    lower-case words right after a separator."""
    months = [m.capitalize() for m in MONTHS] + [m.upper() for m in MONTHS_FULL]
    weekdays = [w.capitalize() for w in WEEKDAYS] + [w.upper() for w in WEEKDAYS]
    keywords = _KW_TRIGGERS.split()
    groups = {"mon": months, "wd": weekdays, "unit": _UNIT_TRIGGERS, "kw": keywords}
    groups["kw"] = keywords + [k.capitalize() for k in keywords]
    family = {w: f for f, words in groups.items() for w in words}
    upper = [w for w in family if w[0].isupper()] + list("0123456789")
    lower = [w for w in family if w[0].islower()]
    return (
        re.compile(_trie(upper)),
        re.compile(f"[{re.escape(_SEPARATORS)}]{_trie(lower)}"),
        family,
    )


_UPPER_TRIGGER, _LOWER_TRIGGER, _TRIGGER_FAMILY = _trigger_regexes()

# Which patterns can begin with which word (lower case; "#" a digit, "'" an apostrophe).
_MOD_START = {"early", "earlier", "late", "later", "mid", "the"}
_REL_START = {"last", "this", "next", "past", "coming", "previous", "current"}
# A number's key: "#12", "#4" or "#n" (1-2, 4, other digits) and what follows it: "/" ":" "-"
# "s" (1990s), "C" (a capitalised word: 7 March, 2003 US-led), "L" (a lower-case word: 15 years).
_NUM_FOLLOWED = {"#12L", "#4L", "#nL"}
_NUM_START = {w.split()[0] for w in NUMBERS} | {w.split()[0] for w in VAGUE_NUMBERS}
_NUM_START |= _NUM_FOLLOWED
_UNIT_PLURALS = {u + "s" for u in UNITS} | {"centuries"}
_START_WORDS = {
    "mdy": set(MONTHS),
    "md": set(MONTHS),
    "my": set(MONTHS) | _MOD_START,
    "month": set(MONTHS) | _MOD_START | _REL_START,
    "dmy": {"#12C"},
    "dm": {"#12C"},
    "iso": {"#4-"},
    "us": {"#12/"},
    "year": {"#4", "#4-", "#4C", "#4L", "#4/", "#4:", "#4s"} | _MOD_START,
    "decade": {"#4s", "'", "the"} | _MOD_START,
    "season": set(SEASONS) | _MOD_START | _REL_START,
    "part": {"the", "first", "second", "third", "fourth", "last", "#12L"},
    "weekday": set(WEEKDAYS) | _REL_START | {"early", "late"},
    "clock": {"#12", "#12:", "#12C", "#12L", "noon", "midnight"},
    "deictic": set("today tonight yesterday tomorrow nowadays currently now recently".split())
    | {"soon", "anytime", "any"},
    "past_future": {"the"},
    "this_unit": (_MOD_START - {"the"}) | _REL_START,
    "ago": _NUM_START,
    "bare_ago": _UNIT_PLURALS,
    "recent": {"a", "the", "recent", "coming", "past", "last", "next", "previous"},
    "span": {"the", "past", "last", "next", "coming", "previous", "first"},
    "duration": _NUM_START
    | {"less", "more", "fewer", "about", "nearly", "almost", "around"}
    | {"roughly", "up", "at", "over", "under", "just", "the"},
    "bare_duration": _UNIT_PLURALS,
    "long": _UNIT_PLURALS,
    "anaphor": {"the", "that"},
    "weekend": {"the"},
    "century": {"the"},
    "unit_part": {"the"},
    "times_per": {"once", "twice"} | _NUM_START,
    "set": {"each", "every", "per"},
    "set_adj": set(_SETS),
}
# After "the", the next word narrows the patterns down further (most "the"s start nothing).
_AFTER_THE = {
    "my": {"end", "beginning", "start", "middle"},
    "month": {"end", "beginning", "start", "middle"},
    "year": {"end", "beginning", "start", "middle"},
    "decade": {"#4s", "'", "early", "late", "mid", "end", "beginning", "start", "middle"},
    "season": set(SEASONS) | _MOD_START | _REL_START | {"end", "beginning", "start", "middle"},
    "unit_part": {"end", "beginning", "start", "middle"},
    "past_future": {"past", "future", "present"},
    "recent": {"recent", "coming", "past", "last", "next", "previous"},
    "span": {"past", "last", "next", "coming", "previous", "first"},
    "anaphor": {"next", "following", "previous", "preceding", "same", "prior"},
    "part": {"first", "second", "third", "fourth", "last", "#12L"},
    "duration": {w for w in NUMBERS if " " not in w} | _NUM_FOLLOWED,
    "weekend": {"weekend"},
    "century": {"#12L", "early", "late", "mid"},
}
_DISPATCH: dict[str, list[tuple[str, re.Pattern, int]]] = {}
for _name, _pattern in _PATTERNS:
    _rx = re.compile(_pattern)
    for _word in _START_WORDS[_name]:
        if _word == "the":
            for _next in _AFTER_THE[_name]:
                _DISPATCH.setdefault("the " + _next, []).append((_name, _rx, _PRIORITY[_name]))
        else:
            _DISPATCH.setdefault(_word, []).append((_name, _rx, _PRIORITY[_name]))
# Words a pattern cannot match without, looked for just ahead before trying the pattern.
_HINTS = {
    "ago": (re.compile(r"ago|earlier|later|from now|hence"), 50),
    "times_per": (re.compile(r"time|once|twice|Once|Twice"), 30),
    "part": (re.compile(r"quarter|half"), 30),
    "clock": (re.compile(r"[ap]\.?m|[AP]M|:|noon|midnight"), 12),
}
_WORD_AT = re.compile(r"[A-Za-z]+|[0-9]+|['’]")
_AFTER_NUMBER = re.compile(r"(?:st|nd|rd|th)?[ -](?:of )?([A-Za-z])")


def _word_starts_before(joined: str, p: int, allowed: set[str], k: int = 5) -> list[int]:
    """Starts of up to `k` words right before position `p` that may begin an expression."""
    out = []
    q = p
    for _ in range(k):
        if q < 2 or joined[q - 1] not in " -":
            break
        e = q - 1
        b = e
        while b > 0 and (joined[b - 1].isalnum() or joined[b - 1] in "'’"):
            b -= 1
        word = joined[b:e]
        if not word or not (word.lower() in allowed or word[0].isdigit()):
            break
        out.append(b)
        q = b
    return out


def _word_key(joined: str, q: int) -> str:
    """The dispatch key of the word at `q`: lower case, or the shape of a number."""
    w = _WORD_AT.match(joined, q)
    if w is None:
        return ""
    key = w.group()
    if key[0].isdigit():
        shape = "#12" if len(key) <= 2 else "#4" if len(key) == 4 else "#n"
        e = w.end()
        c = joined[e : e + 1]
        if c == "-" and joined[e + 1 : e + 2].isalpha():
            return shape + "L"  # 40-year, 81-member
        if c in ("/", ":", "-", "s") or (c in "'’" and joined[e + 1 : e + 2] == "s"):
            return shape + ("s" if c in "'’" else c)
        after = _AFTER_NUMBER.match(joined, e)
        if after is None:
            return shape
        return shape + ("C" if after.group(1)[0].isupper() else "L")
    return "'" if key in "'’" else key.lower()


def _scan(texts: list[str]) -> pd.DataFrame:
    """Every time expression in `texts` (one sentence each): row index, span and normal form."""
    joined = "\n" + "\n".join(texts)
    starts = np.ones(len(texts), dtype=np.int64)
    if texts:
        lengths = np.fromiter((len(t) + 1 for t in texts), dtype=np.int64, count=len(texts))
        starts[1:] += np.cumsum(lengths)[:-1]
    triggers = []
    for trig in _UPPER_TRIGGER.finditer(joined):
        p = trig.start()
        if joined[p - 1] in _SEPARATORS:
            word = trig.group()
            triggers.append((p, "dig" if word.isdigit() else _TRIGGER_FAMILY[word]))
    for trig in _LOWER_TRIGGER.finditer(joined):
        triggers.append((trig.start() + 1, _TRIGGER_FAMILY[trig.group()[1:]]))
    candidates = []
    tried = set()
    n = 0
    for p, family in triggers:
        positions = [p, *_word_starts_before(joined, p, _PREFIXES[family])]
        if joined[p - 1] in "'’":  # the '90s
            positions += [p - 1, *_word_starts_before(joined, p - 1, _PREFIXES[family])]
        for q in positions:
            if q in tried:
                continue
            tried.add(q)
            key = _word_key(joined, q)
            if key == "the":
                key = "the " + _word_key(joined, q + 4)
            for name, rx, prio in _DISPATCH.get(key, ()):
                hint = _HINTS.get(name)
                if hint is not None and hint[0].search(joined, q, q + hint[1]) is None:
                    continue
                m = rx.match(joined, q)
                if m is not None and m.end() > q:
                    n += 1
                    candidates.append((q, q - m.end(), prio, n, m, name))
    candidates.sort()
    rows = []
    last_end = -1
    for start, neg_len, _, _, m, name in candidates:
        if start < last_end:
            continue
        out = _HANDLERS[name](m, joined)
        if out is None:
            continue
        end = start - neg_len
        rows.append((start, end, *out))
        last_end = end
    if not rows:
        return pd.DataFrame(columns=["row", "s", "e", "kind", "value", "mod", "spec", "text"])
    pos = np.array([r[0] for r in rows], dtype=np.int64)
    row_idx = np.searchsorted(starts, pos, side="right") - 1
    out = pd.DataFrame(rows, columns=["js", "je", "kind", "value", "mod", "spec"])
    out["row"] = row_idx
    out["s"] = pos - starts[row_idx]
    out["e"] = out["s"] + (out["je"] - out["js"])
    out["text"] = [joined[a:b] for a, b in zip(out["js"], out["je"], strict=True)]
    return out.drop(columns=["js", "je"])


_FUTURE_WORDS = frozenset({"will", "won't", "won’t", "shall", "upcoming", "would"})
_FUTURE_AFTER_BE = frozenset({"going", "set", "due", "expected", "scheduled", "planned", "slated"})
_BE = frozenset({"is", "are", "am", "be"})
_PAST_WORDS = frozenset(
    "was were had did said says told went came took made began fled fought won lost saw got met"
    " ago last spent sent built brought bought caught felt kept meant paid ran sold spoke stood"
    " thought wrote gave found became chose drove fell flew grew knew rode rose shot sat slept"
    " struck swore threw woke wore".split()
)
_WEAK_PAST = frozenset({"held", "led", "left", "killed"})
_TENSE_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")


def _marker(words: list[str], i: int) -> str | None:
    """'fut', 'past' or 'weak' (an -ed form) for words[i], or None."""
    w = words[i].lower()
    if w in _FUTURE_WORDS or w.endswith(("'ll", "’ll")):
        return "fut"
    if w in ("to",) and i >= 2 and words[i - 1].lower() in ("plans", "plan", "intends", "intend"):
        return "fut"
    if w in _FUTURE_AFTER_BE and i >= 1 and words[i - 1].lower() in _BE:
        return "fut"
    if w in _FUTURE_AFTER_BE and i + 1 < len(words) and words[i + 1].lower() in ("for", "to"):
        return "fut"  # planned for the summer, scheduled to open
    if w in _PAST_WORDS:
        return "past"
    if w in _WEAK_PAST or (len(w) > 3 and w.endswith("ed")):
        return "weak"
    return None


def _is_future(sentence: str, start: int, end: int) -> bool | None:
    """Is the clause around sentence[start:end] about the future? None when nothing says.

    The tense marker nearest before the expression decides (will, would, 'll, is expected,
    planned for ... against was, had, said, ago; an -ed form only when nothing stronger
    precedes); without any marker before it, the first one after it.
    """
    before = _TENSE_WORD.findall(sentence, max(0, start - 100), start)
    strong = weak = None
    for i in range(len(before) - 1, -1, -1):
        kind = _marker(before, i)
        if kind in ("fut", "past"):
            strong = kind
            break
        if kind == "weak" and weak is None:
            weak = kind
    if strong:
        return strong == "fut"
    if weak:
        return False
    after = _TENSE_WORD.findall(sentence, end, end + 80)
    for i in range(len(after)):
        kind = _marker(after, i)
        if kind:
            return kind == "fut"
    return None


class _Tense:
    """Future-or-not of each found expression, computed on demand and cached."""

    def __init__(self, texts: list[str], found: pd.DataFrame) -> None:
        self.texts = texts
        self.rows = found["row"].tolist()
        self.s = found["s"].tolist()
        self.e = found["e"].tolist()
        self.cache: dict[int, bool] = {}

    def __call__(self, i: int) -> bool:
        if i not in self.cache:
            self.cache[i] = _is_future(self.texts[self.rows[i]], self.s[i], self.e[i])
        return self.cache[i]


# --------------------------------------------------------------------------- anchors

ANCHOR_COLUMNS = ["article_id", "anchor", "anchor_from", "anchor_precision"]


def _infer_anchor(items: list[tuple[int, str, str, tuple]], future) -> tuple[date, str] | None:
    """Lower bound on an article's date from the dates it mentions: (date, precision).

    `items` holds (position in found, kind, value, spec) of the article's expressions.
    """
    best: tuple[date, str] | None = None
    for i, kind, value, spec in items:
        if spec[0] != "abs" or kind not in ("date", "range") or future(i):
            continue
        lo = spec[1]
        if "/" in value:  # a range: the article is after the start of its last year
            lo = date(spec[2].year, 1, 1)
        precision = "day" if len(value) == 10 else "month" if len(value) == 7 else "year"
        if best is None or lo > best[0]:
            best = (lo, precision)
    if best is None or best[1] == "year":
        return best
    # Month-day or month mentions without a year, in the same or a later month than the latest
    # explicit date, are taken to be in its year (March 2019 ... November 18 -> 2019-11-18).
    year, month = best[0].year, best[0].month
    for i, _kind, _value, spec in items:
        if spec[0] != "md" or spec[1] < month or future(i):
            continue
        if spec[2] is None:
            cand = (date(year, spec[1], 1), "month")
        else:
            day = _valid_date(year, spec[1], spec[2])
            if day is None:
                continue
            cand = (day, "day")
        if cand[0] > best[0]:
            best = cand
    return best


def _anchors(corpus: Corpus, found: pd.DataFrame, future) -> pd.DataFrame:
    arts = corpus.articles
    # A date that read_corpus itself inferred is re-derived here, with its precision.
    known = [
        pd.notna(published) and source != "inferred"
        for published, source in zip(arts["published"], arts["published_from"], strict=True)
    ]
    need = {aid for aid, k in zip(arts["article_id"], known, strict=True) if not k}
    items: dict[str, list] = {}
    if len(found) and need:
        art_of = corpus.sentences["article_id"].to_numpy()[found["row"].to_numpy()]
        for i, (aid, kind, value, spec) in enumerate(
            zip(art_of, found["kind"], found["value"], found["spec"], strict=True)
        ):
            if spec is not None and aid in need and spec[0] in ("abs", "md"):
                items.setdefault(aid, []).append((i, kind, value, spec))
    rows = []
    for aid, published, source, is_known in zip(
        arts["article_id"], arts["published"], arts["published_from"], known, strict=True
    ):
        if is_known:
            source = source if source in ("text", "manifest") else "text"
            rows.append((aid, pd.Timestamp(published).normalize(), source, "day"))
            continue
        inferred = _infer_anchor(items.get(aid, []), future)
        if inferred is None:
            rows.append((aid, pd.NaT, None, None))
        else:
            rows.append((aid, pd.Timestamp(inferred[0]), "inferred", inferred[1]))
    out = pd.DataFrame(rows, columns=ANCHOR_COLUMNS)
    out["anchor"] = pd.to_datetime(out["anchor"]).astype("datetime64[ns]")
    for col in ("anchor_from", "anchor_precision"):
        out[col] = out[col].astype("str")
    return out


def anchor_dates(corpus: Corpus) -> pd.DataFrame:
    """Each article's anchor date: published (text or manifest), else inferred from its dates.

    Inference: the latest explicit date the article mentions outside future-tense sentences
    (a full date, a month and year, a year, the last year of a range) is a lower bound on its
    date; when that date names a month, year-less months and days in the same or a later month
    are taken to be in the same year and can raise the bound (March 2019 ... "November 18"
    -> 2019-11-18). `anchor_precision` is the precision of the date the bound came from.
    """
    texts = corpus.sentences["text"].tolist()
    found = _scan(texts)
    return _anchors(corpus, found, _Tense(texts, found))


# --------------------------------------------------------------------------- resolution

_GRANULARITY_RANK = {"day": 3, "month": 2, "year": 1}
_NEEDS = {"D": "day", "W": "day", "WE": "day", "M": "month", "Q": "month", "Y": "year"}
_NEEDS["DE"] = "year"


def _pick(past, upcoming, anchor: date, tense: bool | None):
    """The past or the upcoming candidate (lo, hi, value): by tense, else the nearer one."""
    if tense is True:
        return upcoming
    if tense is False or past[:2] == upcoming[:2]:
        return past
    return past if (anchor - past[1]).days <= (upcoming[0] - anchor).days else upcoming


def _month_candidates(month: int, day: int | None, anchor: date):
    """The latest (month, day) on or before the anchor and the first on or after it."""

    def make(year: int):
        if day is None:
            return date(year, month, 1), _month_end(year, month), f"{year}-{month:02d}"
        x = _valid_date(year, month, day)
        return (x, x, x.isoformat()) if x else None

    this = make(anchor.year)
    if this is None:  # February 29 in a common year
        return make(anchor.year - 4), make(anchor.year + 4)
    past = this if this[0] <= anchor else make(anchor.year - 1)
    upcoming = this if this[1] >= anchor else make(anchor.year + 1)
    return past, upcoming


def _resolve_one(spec, mod, anchor: date | None, precision: str | None, inferred: bool, future):
    # `future()` says whether the expression's clause is about the future (computed on demand)
    """(start, end, resolved value) for one expression, or None when it cannot be resolved."""
    if spec is None:
        return None
    kind = spec[0]
    if kind == "abs":
        lo, hi = _narrow(spec[1], spec[2], mod)
        return lo, hi, spec[3]
    if anchor is None:
        return None
    rank = _GRANULARITY_RANK.get(precision, 0)

    def allowed(code: str) -> bool:
        need = _NEEDS.get(code, "day")
        if need == "day" and inferred:
            return False  # an inferred anchor is only a lower bound: no day-level arithmetic
        return rank >= _GRANULARITY_RANK[need]

    if kind == "md":
        month, day = spec[1], spec[2]
        if not allowed("M"):
            return None
        past, upcoming = _month_candidates(month, day, anchor)
        if past is None or upcoming is None:
            return None
        lo, hi, value = _pick(past, upcoming, anchor, future())
        lo, hi = _narrow(lo, hi, mod)
        return lo, hi, value
    if kind == "mdrel":  # August 1 last year
        if not allowed("Y"):
            return None
        x = _valid_date(anchor.year + spec[3], spec[1], spec[2])
        return (x, x, x.isoformat()) if x else None
    if kind == "mrel":  # last June, next March, this May
        month, shift = spec[1], spec[2]
        if not allowed("M"):
            return None
        year = anchor.year
        if shift < 0:
            year -= 1 if month >= anchor.month else 0
        elif shift > 0:
            year += 1 if month <= anchor.month else 0
        lo, hi = _narrow(date(year, month, 1), _month_end(year, month), mod)
        return lo, hi, f"{year}-{month:02d}"
    if kind == "season":
        code, shift = spec[1], spec[2]
        if not allowed("M"):
            return None
        current = anchor.year - 1 if code == "WI" and anchor.month <= 2 else anchor.year
        this_lo, this_hi = _season_interval(current, code)
        past_year = current if this_lo <= anchor else current - 1
        next_year = current if this_hi >= anchor else current + 1
        if shift is None:  # the summer, in the winter
            cands = [(*_season_interval(y, code), y) for y in (past_year, next_year)]
            y = _pick(cands[0], cands[1], anchor, future())[2]
        elif shift < 0:  # last summer: the latest one already over
            y = current if this_hi < anchor else current - 1
        elif shift > 0:  # next summer: the first one not yet begun
            y = current if this_lo > anchor else current + 1
        else:  # this summer
            y = current
        lo, hi = _narrow(*_season_interval(y, code), mod)
        return lo, hi, f"{y}-{code}"
    if kind == "partrel":
        code, shift = spec[1], spec[2]
        if not allowed("Y"):
            return None
        if shift is None:  # "the third quarter": the latest begun, the next to end, or nearer
            cands = []
            for y in (anchor.year - 1, anchor.year, anchor.year + 1):
                lo, hi = _part_interval(y, code)
                cands.append((lo, hi, f"{y}-{code}"))
            past = [c for c in cands if c[0] <= anchor][-1]
            upcoming = [c for c in cands if c[1] >= anchor][0]
            return _pick(past, upcoming, anchor, future())
        y = anchor.year + shift
        lo, hi = _part_interval(y, code)
        return lo, hi, f"{y}-{code}"
    if kind == "wd":
        weekday, shift = spec[1], spec[2]
        if not allowed("D"):
            return None
        delta = weekday - anchor.isoweekday()
        if shift is None:  # Tuesday: this past one, the coming one, or the nearer
            past = anchor - timedelta(days=(-delta) % 7)
            upcoming = anchor + timedelta(days=delta % 7)
            x = _pick((past, past), (upcoming, upcoming), anchor, future())[0]
        else:
            x = anchor + timedelta(days=delta + 7 * shift)
        return x, x, x.isoformat() + (spec[3] if len(spec) > 3 else "")
    if kind == "rel":
        code, n = spec[1], spec[2]
        if not allowed(code):
            return None
        period = _unit_period(anchor, code, n)
        if period is None:
            return None
        lo, hi, value = period
        lo, hi = _narrow(lo, hi, mod, anchor if n == 0 else None)
        return lo, hi, value
    if kind == "weekend":  # the weekend: the last one, or the next one in a future clause
        if not allowed("D"):
            return None
        saturday = anchor + timedelta(days=(5 - anchor.weekday()) % 7)
        if not future() and saturday > anchor:
            saturday -= timedelta(weeks=1)
        iso = saturday.isocalendar()
        return saturday, saturday + timedelta(days=1), f"{iso[0]}-W{iso[1]:02d}-WE"
    if kind == "present":
        if not allowed("D"):
            return None
        return anchor, anchor, "PRESENT_REF"
    if kind in ("window", "span"):
        code = spec[1]
        if not allowed(code):
            return None
        if kind == "span":
            lo_n, hi_n = (spec[2], 0) if spec[2] < 0 else (0, spec[2])
        else:
            lo_n, hi_n = spec[2], spec[3]
        lo, hi = _shift(anchor, code, lo_n), _shift(anchor, code, hi_n)
        if lo is None or hi is None:
            return None
        return lo, hi, None
    return None


def _resolve_anaphor(spec, previous):
    """An anaphoric expression (the next month) resolved against the previous mention."""
    code, shift = spec[1], spec[2]
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
        y, mo = _shift_months(int(year), int(m.group(2)), shift)
        return f"{y}-{mo:02d}", (date(y, mo, 1), _month_end(y, mo))
    if code == "Y":
        m = re.match(r"^(\d{4})", value or "")
        if not m:
            return None, None
        y = int(m.group(1)) + shift
        return str(y), (date(y, 1, 1), date(y, 12, 31))
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
        out[col] = pd.to_datetime(out[col]).astype("datetime64[ns]")
    for col in ("sentence_id", "start", "end"):
        out[col] = out[col].astype("int64")
    return out


def find_dates(corpus: Corpus) -> pd.DataFrame:
    """Every time expression in body sentences: span, kind, TIMEX3 value and resolved interval."""
    sentences = corpus.sentences
    texts = sentences["text"].tolist()
    found = _scan(texts)
    future = _Tense(texts, found)
    anchors = _anchors(corpus, found, future)
    if not len(found):
        return _empty_dates()
    anchor_of = {
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
    rows = found["row"].to_numpy()
    art_ids = sentences["article_id"].to_numpy()[rows]
    sent_ids = sentences["sentence_id"].to_numpy()[rows]
    sent_starts = sentences["start"].to_numpy()[rows]
    starts_out, ends_out, resolved_out, values_out, anchor_out, from_out = [], [], [], [], [], []
    previous: tuple[str, date | None] | None = None
    last_article = None
    sentence_year: tuple[int, int] | None = None  # (row, year) of the last explicit year
    for i, (aid, value, mod, spec) in enumerate(
        zip(art_ids, found["value"], found["mod"], found["spec"], strict=True)
    ):
        if aid != last_article:
            previous, last_article = None, aid
        anchor, source, precision = None, None, None
        if aid in anchor_of:
            anchor, precision, source = anchor_of[aid]
        interval = None
        row = rows[i]
        if spec is not None and spec[0] == "abs" and value[:4].isdigit() and "/" not in value:
            sentence_year = (row, int(value[:4]))
        if spec is not None and spec[0] == "md" and sentence_year and sentence_year[0] == row:
            # "in the winter of 2014, when the river peaked on Feb. 9": that year
            year, month, day_ = sentence_year[1], spec[1], spec[2]
            x = date(year, month, 1) if day_ is None else _valid_date(year, month, day_)
            if x is not None:
                hi = _month_end(year, month) if day_ is None else x
                resolved_value = x.isoformat() if day_ else f"{year}-{month:02d}"
                spec = ("abs", *_narrow(x, hi, mod), resolved_value)
        if spec is not None and spec[0] == "ana":
            value_ana, interval_ana = _resolve_anaphor(spec, previous)
            if value_ana is not None:
                value = value_ana if value_ana.startswith("X") else value
                interval = (*interval_ana, value_ana) if interval_ana else None
        else:
            interval = _resolve_one(
                spec, mod, anchor, precision, source == "inferred", partial(future, i)
            )
        values_out.append(value)
        if interval is None:
            starts_out.append(pd.NaT)
            ends_out.append(pd.NaT)
            resolved_out.append(value if value.endswith("_REF") or value[:1] == "P" else None)
        else:
            starts_out.append(interval[0])
            ends_out.append(interval[1])
            resolved_out.append(interval[2] if interval[2] is not None else value)
        used_anchor = spec is not None and spec[0] not in ("abs", "ana") and interval is not None
        anchor_out.append(anchor if used_anchor else None)
        from_out.append(source if used_anchor else None)
        if value[:1] != "P" and not value.endswith("_REF") and spec is not None:
            best_value = resolved_out[-1] or value
            previous = (best_value, interval[0] if interval else None)
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
    return _types(out)


def find_dates_in_text(text: str, published: str | date | None = None) -> pd.DataFrame:
    """The dates table for one plain text (every non-empty line is body text), e.g. for eval."""
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
            "published": pd.Series([published_ts], dtype="datetime64[ns]"),
            "published_from": ["manifest" if pd.notna(published_ts) else None],
            "text": [text],
        }
    )
    empty = pd.DataFrame()
    corpus = Corpus(articles, empty, pd.DataFrame(sentences), empty, empty)
    return find_dates(corpus)


# --------------------------------------------------------------------------- tables for analysts


def _check_choice(name: str, value, allowed) -> None:
    if value not in allowed:
        raise ValueError(f"{name}={value!r} is not one of {', '.join(map(repr, allowed))}")


def select_dates(
    dates: pd.DataFrame,
    kinds: list[str] | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> pd.DataFrame:
    """Resolved rows of the given kinds whose interval overlaps [date_from, date_to] (ISO dates)."""
    kinds = list(KINDS if kinds is None else kinds)
    for k in kinds:
        _check_choice("kinds", k, KINDS)
    out = dates[dates["kind"].isin(kinds) & dates["start_date"].notna()]
    for name, value in (("date_from", date_from), ("date_to", date_to)):
        if value:
            try:
                pd.Timestamp(value)
            except ValueError as exc:
                raise ValueError(f"{name}={value!r} is not a date (expected YYYY-MM-DD)") from exc
    if date_from:
        out = out[out["end_date"] >= pd.Timestamp(date_from)]
    if date_to:
        out = out[out["start_date"] <= pd.Timestamp(date_to)]
    return out.reset_index(drop=True)


def kind_summary(dates: pd.DataFrame) -> pd.DataFrame:
    """Per kind: expressions found, how many were placed on the calendar, and examples."""
    rows = []
    for kind in KINDS:
        part = dates[dates["kind"] == kind]
        examples = list(dict.fromkeys(part["text"].str.lower()))[:4]
        rows.append(
            {
                "kind": kind,
                "n_expressions": len(part),
                "n_resolved": int(part["start_date"].notna().sum()),
                "examples": ", ".join(examples),
            }
        )
    return pd.DataFrame(rows).astype({"kind": "str", "examples": "str"})


_STOP = frozenset(
    "a an the of in on at to for from by with and or but as is was were be been has have had it"
    " its their they them this that these those there which who what when where while after"
    " before during since until than then also say according into over about"
    " some many more most other all any each his her he she we our us not no only still even"
    " just up out would could will can may might do did does being so if how between".split()
)
_WORD = re.compile(r"[A-Za-z][\w'’-]*")


_AUXILIARIES = frozenset("was were had did is are be been being has have does".split())
_VERBS = frozenset(
    "said says told killed attacked released surrendered struck fled began ended seized took"
    " fell rose declared announced launched claimed reported".split()
)


def _is_verb(word: str) -> bool:
    w = word.lower()
    if w in _AUXILIARIES:
        return False
    return w in _VERBS or _marker([w], 0) in ("past", "weak")


def event_label(sentence: str, start: int, end: int, n_words: int = 4) -> str:
    """A few words naming the event a date belongs to: the verb of its clause and its neighbours.

    The nearest verb in the past tense before the expression (else after it) with the content
    words around it; without a verb, the content words nearest the expression.
    """
    left = re.split(r"[;:—–(“”\"]|,\s|\bbut\b", sentence[:start])[-1]
    right = re.split(r"[;:—–(.“”\"]|,\s|\bbut\b", sentence[end:])[0]

    def keep(w: str) -> bool:
        return (w.lower() not in _STOP and w.lower() not in _AUXILIARIES) or _is_verb(w)

    words_left = [w for w in _WORD.findall(left) if keep(w)]
    words_right = [w for w in _WORD.findall(right) if keep(w)]
    if not words_left and not words_right:  # the clause is only the date: use the sentence
        words_left = [w for w in _WORD.findall(sentence[:start]) if keep(w)]
        words_right = [w for w in _WORD.findall(sentence[end:]) if keep(w)]
    words = words_left + words_right
    verbs = [i for i, w in enumerate(words_left) if _is_verb(w)]
    if not verbs:
        verbs = [len(words_left) + i for i, w in enumerate(words_right) if _is_verb(w)][:1]
    if verbs:
        v = verbs[-1]
        return " ".join(words[max(0, v - 2) : v + 2][:n_words])
    nearest = words_left[-n_words:]
    if len(nearest) < 2:
        nearest = (nearest + words_right)[:n_words]
    return " ".join(nearest)


def dated_events(
    corpus: Corpus,
    dates: pd.DataFrame,
    kinds: list[str] | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> pd.DataFrame:
    """Resolved mentions in chronological order: date, article, event words, expression, sentence."""
    chosen = select_dates(dates, kinds, date_from, date_to)
    sentences = corpus.sentences.set_index(["article_id", "sentence_id"])
    keys = list(zip(chosen["article_id"], chosen["sentence_id"], strict=True))
    sent_text = sentences.loc[keys, "text"].tolist() if keys else []
    sent_start = sentences.loc[keys, "start"].tolist() if keys else []
    labels = [
        event_label(t, s - s0, e - s0)
        for t, s, e, s0 in zip(sent_text, chosen["start"], chosen["end"], sent_start, strict=True)
    ]
    out = pd.DataFrame(
        {
            "start_date": chosen["start_date"],
            "end_date": chosen["end_date"],
            "article_id": chosen["article_id"],
            "sentence_id": chosen["sentence_id"],
            "expression": chosen["text"],
            "value": chosen["resolved"],
            "kind": chosen["kind"],
            "event": pd.Series(labels, index=chosen.index, dtype="str"),
            "sentence": pd.Series(sent_text, index=chosen.index, dtype="str"),
            "start": chosen["start"],
        }
    )
    out = out.sort_values(["start_date", "end_date", "article_id", "start"], kind="stable")
    return out.drop(columns="start").reset_index(drop=True)


def mention_counts(dates: pd.DataFrame, granularity: str = "year", **select) -> pd.DataFrame:
    """Mentions per period (year or month) and kind; a mention counts in every period it spans."""
    _check_choice("granularity", granularity, GRANULARITIES)
    chosen = select_dates(dates, **select)
    freq = "Y" if granularity == "year" else "M"
    records = []
    for lo, hi, kind in zip(chosen["start_date"], chosen["end_date"], chosen["kind"], strict=True):
        for period in pd.period_range(lo.to_period(freq), hi.to_period(freq), freq=freq):
            records.append((str(period), kind))
    out = pd.DataFrame(records, columns=["period", "kind"])
    out = out.value_counts().rename("n_mentions").reset_index()
    out["kind"] = pd.Categorical(out["kind"], categories=KINDS)
    out = out.sort_values(["period", "kind"]).reset_index(drop=True)
    out["kind"] = out["kind"].astype("str")
    return out.astype({"n_mentions": "int64"})


def article_spans(corpus: Corpus, dates: pd.DataFrame, **select) -> pd.DataFrame:
    """Per article: its anchor date and where it came from, and the span of dates it talks about."""
    chosen = select_dates(dates, **select)
    anchors = anchor_dates(corpus)
    spans = chosen.groupby("article_id").agg(
        earliest=("start_date", "min"),
        latest=("end_date", "max"),
        n_mentions=("start_date", "size"),
    )
    out = anchors.merge(spans, on="article_id", how="left")
    out["n_mentions"] = out["n_mentions"].fillna(0).astype("int64")
    return out.sort_values("article_id").reset_index(drop=True)


# --------------------------------------------------------------------------- figures


def _middle(lo: pd.Series, hi: pd.Series) -> pd.Series:
    return lo + (hi - lo) / 2


def plot_timeline(
    corpus: Corpus, dates: pd.DataFrame, label_width: int = 30, **select
) -> tuple[plt.Figure, pd.DataFrame]:
    """Every resolved mention on a time axis, one row per article, each labelled with its event.

    Labels go to the first free lane above or below their article's row; a label that would
    overlap every lane is left out of the picture (its point stays; the CSV has every row).
    """
    events = dated_events(corpus, dates, **select)
    articles = sorted(corpus.articles["article_id"])
    row_of = {aid: i for i, aid in enumerate(articles)}
    width_in = 11
    fig, ax = plt.subplots(figsize=(width_in, 1.9 * len(articles) + 1.8))
    kind_color = _kind_colors()
    labelled = []
    if len(events):
        lo, hi = events["start_date"].min(), events["end_date"].max()
        pad = max((hi - lo) * 0.03, pd.Timedelta(days=20))
        x0, x1 = lo - pad, hi + pad * 6  # room on the right for the last labels
        ax.set_xlim(x0, x1)
        days_per_point = (x1 - x0).days / (width_in * 72 * 0.78)
        lanes = [14, -14, 28, -28, 42, -42]
        lane_end: dict[tuple[int, int], float] = {}
        for r in events.itertuples(index=False):
            y = row_of[r.article_id]
            color = kind_color[r.kind]
            if r.end_date > r.start_date:
                ax.plot([r.start_date, r.end_date], [y, y], color=color, lw=5, alpha=0.4)
            mid = r.start_date + (r.end_date - r.start_date) / 2
            ax.plot([mid], [y], "o", color=color, ms=5)
            label = textwrap.shorten(r.event, label_width, placeholder="…")
            if not label:
                labelled.append(False)
                continue
            x = (mid - x0).days
            width = len(label) * 5.4 * days_per_point
            lane = next((ln for ln in lanes if lane_end.get((y, ln), -1e9) < x), None)
            labelled.append(lane is not None)
            if lane is None:
                continue
            lane_end[(y, lane)] = x + width
            ax.annotate(
                label,
                (mid, y),
                xytext=(0, lane),
                textcoords="offset points",
                fontsize=9,
                ha="left",
                va="center",
                arrowprops={"arrowstyle": "-", "lw": 0.4, "color": "0.5"},
            )
    for kind in KINDS:
        if (events["kind"] == kind).any():
            ax.plot([], [], "o", color=kind_color[kind], label=kind)
    ax.set_yticks(range(len(articles)), articles)
    ax.set_ylim(len(articles) - 0.4, -0.6)
    ax.set(
        title="When the things the articles mention happened",
        xlabel="date mentioned (resolved interval; dot at its middle)",
        ylabel="article",
    )
    if len(events):
        ax.legend(title="kind", loc="upper left", fontsize=8)
    else:
        ax.text(0.5, 0.5, "no resolved dates", transform=ax.transAxes, ha="center")
    data = events.drop(columns="sentence").assign(labelled=labelled if len(events) else [])
    return fig, data


def _kind_colors() -> dict[str, str]:
    colors = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    return {k: colors[i % len(colors)] for i, k in enumerate(KINDS)}


def plot_histogram(
    dates: pd.DataFrame, granularity: str = "year", **select
) -> tuple[plt.Figure, pd.DataFrame]:
    """Bar chart of how often each year (or month) is mentioned, stacked by kind."""
    counts = mention_counts(dates, granularity, **select)
    fig, ax = plt.subplots(figsize=(11, 4.5))
    if len(counts):
        freq = "Y" if granularity == "year" else "M"
        periods = pd.period_range(counts["period"].min(), counts["period"].max(), freq=freq)
        wide = counts.pivot(index="period", columns="kind", values="n_mentions")
        wide = wide.reindex([str(p) for p in periods]).fillna(0)
        wide = wide[[k for k in KINDS if k in wide.columns]]
        colors = _kind_colors()
        wide.plot.bar(stacked=True, ax=ax, width=0.85, color=[colors[k] for k in wide.columns])
        step = max(1, len(wide) // 24)
        ax.set_xticks(range(0, len(wide), step), wide.index[::step])
        ax.tick_params(axis="x", rotation=90 if len(wide) > 12 else 0)
        ax.legend(title="kind")
    else:
        ax.text(0.5, 0.5, "no resolved dates", transform=ax.transAxes, ha="center")
    ax.set(
        title=f"Mentioned {granularity}s",
        xlabel=granularity,
        ylabel="mentions (counted in every period they span)",
    )
    return fig, counts


def plot_spans(corpus: Corpus, dates: pd.DataFrame, **select) -> tuple[plt.Figure, pd.DataFrame]:
    """Each article's anchor date against the span of dates it talks about."""
    spans = article_spans(corpus, dates, **select)
    chosen = select_dates(dates, **select)
    fig, ax = plt.subplots(figsize=(9, 0.6 * len(spans) + 2))
    y_of = {aid: i for i, aid in enumerate(spans["article_id"])}
    ys = chosen["article_id"].map(y_of)
    ax.scatter(
        _middle(chosen["start_date"], chosen["end_date"]),
        ys,
        s=14,
        color="#4c72b0",
        label="date mentioned",
        zorder=3,
    )
    for y, r in enumerate(spans.itertuples(index=False)):
        if pd.notna(r.earliest):
            ax.plot([r.earliest, r.latest], [y, y], color="#4c72b0", lw=2, alpha=0.4)
    markers = {"text": ("D", "#c44e52"), "manifest": ("D", "#c44e52"), "inferred": ("d", "#dd8452")}
    for source, (marker, color) in markers.items():
        sel = spans[spans["anchor_from"] == source]
        if len(sel):
            ax.scatter(
                sel["anchor"],
                sel["article_id"].map(y_of),
                marker=marker,
                s=60,
                color=color,
                label=f"article date ({source})",
                zorder=4,
            )
    ax.set_yticks(range(len(spans)), spans["article_id"])
    ax.set_ylim(len(spans) - 0.5, -0.5)
    ax.set(
        title="Article date against the dates it talks about",
        xlabel="date",
        ylabel="article",
    )
    ax.legend(loc="upper left", fontsize=8)
    return fig, spans


def infer_published(corpus: Corpus) -> Corpus:
    """The corpus with each undated article's `published` set to the lower bound its dates give.

    Input: a Corpus. Output: a copy whose `articles.published` is filled from `anchor_dates`
    where it was missing, with `published_from = "inferred"`; dated articles are unchanged.
    """
    missing = corpus.articles["published"].isna()
    if not missing.any():
        return corpus
    anchors = anchor_dates(corpus).set_index("article_id")
    articles = corpus.articles.copy()
    inferred = articles["article_id"].map(anchors["anchor"]).where(missing)
    found = inferred.notna()
    articles.loc[found, "published"] = inferred[found]
    articles.loc[found, "published_from"] = "inferred"
    return dataclasses.replace(corpus, articles=articles)
