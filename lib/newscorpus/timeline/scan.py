"""Fast scanning: trigger words found in one pass, then only the patterns that can start there;
and the dateline check (`in_dateline`: a date opening an article is its own)."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from newscorpus.timeline.grammar import (
    MONTHS,
    MONTHS_FULL,
    NUMBERS,
    ORDINALS,
    PATTERNS,
    PRIORITY,
    SEASONS,
    SETS,
    UNITS,
    VAGUE_NUMBERS,
    WEEKDAYS,
)
from newscorpus.timeline.normalise import HANDLERS, iso_duration

# --------------------------------------------------------------------------- extraction


# Fast scanning: one pass finds trigger words (a month or weekday name, a digit, a time unit, a
# time keyword) at word starts; each pattern of the trigger's family is then tried only at the
# trigger and at the few words before it that can begin an expression ("the past eight | months").
_MOD_WORDS = {"early", "earlier", "late", "later", "mid", "the", "end", "beginning", "start"}
_MOD_WORDS |= {"middle", "of"}
_REL_WORDS = {"last", "this", "next", "coming", "past", "previous", "current", "recent"}
_NUMBER_WORDS = {w for w in NUMBERS if " " not in w} | {"few", "several", "some", "many"}
_PREFIXES = {
    "mon": _MOD_WORDS | _REL_WORDS | {"each", "every"},
    "wd": _REL_WORDS | {"every", "each", "other", "early", "late"},
    "dig": _MOD_WORDS | {"first", "second", "third", "fourth", "last", "quarter", "half", "fiscal"},
    "unit": _MOD_WORDS
    | _REL_WORDS
    | _NUMBER_WORDS
    | {"each", "every", "per", "once", "twice", "times", "less", "more", "fewer", "than"}
    | {"about", "nearly", "almost", "around", "roughly", "at", "least", "up", "to", "or"}
    | {"over", "under", "just", "couple", "no", "not"}
    | {"that", "following", "same", "prior", "preceding", "and", "other", "first", "dozens"}
    | {"second", "third", "fourth", "quarter"}
    | {"latest", "most", "fiscal", "year", "ago", "earlier", "comparable", "corresponding"}
    | {"full", "calendar", "straight", "consecutive", "trading", "business", "working", "school"}
    | set(ORDINALS),
    "kw": _MOD_WORDS
    | _REL_WORDS
    | {"anytime", "any", "time", "every", "each", "in", "two"}
    | {"year"},
    "hol": _REL_WORDS,
}
_UNIT_TRIGGERS = ["second", "minute", "hour", "day", "night", "week", "month", "quarter"]
_UNIT_TRIGGERS += ["half", "year", "decade", "centur", "Centur", "period"]
_KW_TRIGGERS = "today tonight yesterday tomorrow now nowadays currently recently soon anytime any"
_KW_TRIGGERS += " past future present daily nightly weekly monthly yearly annually annual hourly"
_KW_TRIGGERS += " spring summer autumn fall winter noon midnight midday morning afternoon evening"
_KW_TRIGGERS += " nineteen thousand time"
_KW_TRIGGERS += " twenties thirties forties fifties sixties seventies eighties nineties"
_SEPARATORS = " \n(“\"‘'’/—–-`"
_HOLIDAY_TRIGGERS = "Christmas New Thanksgiving Independence Labor Labour Memorial Election".split()
_HOLIDAY_TRIGGERS += "Veterans Halloween Valentine Easter Good".split()


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
    units = _UNIT_TRIGGERS + [u.capitalize() for u in _UNIT_TRIGGERS if u[0].islower()]
    groups = {"mon": months, "wd": weekdays, "unit": units, "kw": keywords}
    groups["kw"] = keywords + [k.capitalize() for k in keywords]
    groups["hol"] = _HOLIDAY_TRIGGERS
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
    "year": {"#4", "#4-", "#4C", "#4L", "#4/", "#4:", "#4s", "fiscal"} | _MOD_START,
    "decade": {"#4s", "'", "the"} | _MOD_START,
    "season": set(SEASONS) | _MOD_START | _REL_START,
    "part": {"the", "first", "second", "third", "fourth", "last", "#12L", "fiscal"},
    "weekday": set(WEEKDAYS)
    | {w + "s" for w in WEEKDAYS if len(w) > 3}
    | _REL_START
    | {"early", "late"},
    "clock": {"#12", "#12:", "#12C", "#12L", "#4", "#4C", "#4L", "#nC", "#nL", "noon"}
    | {"midnight"}
    | {"midday"},
    "deictic": set("today tonight yesterday tomorrow nowadays currently now recently".split())
    | {"soon", "anytime", "any", "early", "earlier", "late", "later"},
    "past_future": {"the"},
    "this_unit": (_MOD_START - {"the"}) | _REL_START,
    "ago": _NUM_START
    | {"about", "nearly", "almost", "around", "roughly", "some", "more", "less", "just"}
    | {"over", "under"},
    "bare_ago": _UNIT_PLURALS,
    "recent": {"a", "the", "recent", "coming", "past", "last", "next", "previous"},
    "span": {"the", "past", "last", "next", "coming", "previous", "first"},
    "duration": _NUM_START
    | {"#12-", "#n-"}  # 6-9 weeks
    | {"less", "more", "fewer", "about", "nearly", "almost", "around", "no", "not"}
    | {"roughly", "up", "at", "over", "under", "just", "the"},
    "bare_duration": _UNIT_PLURALS,
    "long": _UNIT_PLURALS,
    "anaphor": {"the", "that"},
    "event_unit": {"the"},
    "day_next_to": {"day"},
    "at_the_time": {"the"},
    "hms": {"#12:"},
    "nine_eleven": {"#12/"},
    "ordinal_day": {"the"},
    "weekend": {"the"},
    "year_end": {"year"},
    "century": {"the", "#12L", "#12C"} | {w.split("-")[0] for w in ORDINALS},
    "unit_part": {"the"},
    "times_per": {"once", "twice"} | _NUM_START,
    "set": {"each", "every", "per"},
    "set_adj": set(SETS),
    "wd_date": set(WEEKDAYS),
    "quarter_ref": {"the"},
    "year_ago": {"year", "the"},
    "rel_year_part": {"this", "last", "next"},
    "week_of": {"the"},
    "spelled_year": {"nineteen", "two", "the"},
    "period_ago": {"the"},
    "day_part": {"this", "yesterday", "tomorrow", "early", "earlier", "late", "later", "last"},
    "the_year": {"the"},
    "part_of_day": {"morning", "afternoon", "evening", "early", "late", "mid"},
    "year_part": {"the"},
    "spelled_decade": {"the"},
    "holiday": {"last", "this", "next"} | {w.lower() for w in _HOLIDAY_TRIGGERS},
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
    "event_unit": {"day", "night", "week", "month", "year"},
    "at_the_time": {"time"},
    "ordinal_day": {"#12L", "#nL"} | {w.split("-")[0] for w in ORDINALS},
    "part": {"first", "second", "third", "fourth", "last", "#12L", "fiscal"},
    "duration": {w for w in NUMBERS if " " not in w} | _NUM_FOLLOWED,
    "weekend": {"weekend"},
    "century": {"#12L", "#12C", "early", "late", "mid"} | {w.split("-")[0] for w in ORDINALS},
    "quarter_ref": {"latest", "current", "most", "last", "past", "previous", "prior", "same"}
    | {"year", "comparable", "corresponding", "fiscal", "quarter", "period"},
    "year_ago": {"year"},
    "spelled_year": {"year"},
    "week_of": {"week"},
    "period_ago": {"same", "corresponding", "comparable", "year", "quarter", "period", "fiscal"},
    "the_year": {"year", "week", "fiscal", "full", "calendar"},
    "year_part": {"#4L"},
    "spelled_decade": {"early", "late", "mid"}
    | set("twenties thirties forties fifties sixties seventies eighties nineties".split()),
}
_DISPATCH: dict[str, list[tuple[str, re.Pattern, int]]] = {}
for _name, _pattern in PATTERNS:
    _rx = re.compile(_pattern)
    for _word in _START_WORDS[_name]:
        if _word == "the":
            for _next in _AFTER_THE[_name]:
                _DISPATCH.setdefault("the " + _next, []).append((_name, _rx, PRIORITY[_name]))
        else:
            _DISPATCH.setdefault(_word, []).append((_name, _rx, PRIORITY[_name]))
# Words a pattern cannot match without, looked for just ahead before trying the pattern.
_HINTS = {
    "ago": (re.compile(r"ago|earlier|later|from now|hence"), 50),
    "times_per": (re.compile(r"time|once|twice|Once|Twice"), 30),
    "part": (re.compile(r"quarter|half"), 30),
    "clock": (
        re.compile(r"[ap]\.?m|[AP]M|:|noon|midnight|midday|[A-Z]T\b|GMT|UTC|gmt|utc|local"),
        16,
    ),
}
_WORD_AT = re.compile(r"[A-Za-z]+|[0-9]+|['’‘`]")
_AFTER_NUMBER = re.compile(r"(?:st|nd|rd|th)?(?: 1/2)?[ -](?:of )?([A-Za-z])")


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
        plural = c == "s" and not joined[e + 1 : e + 2].isalpha()  # 1990s, not 21st
        if c in ("/", ":", "-") or plural or (c in "'’" and joined[e + 1 : e + 2] == "s"):
            return shape + ("s" if c in "'’" else c)
        after = _AFTER_NUMBER.match(joined, e)
        if after is None:
            return shape
        return shape + ("C" if after.group(1)[0].isupper() else "L")
    return "'" if key in "'’‘`" else key.lower()


def scan_texts(texts: list[str]) -> pd.DataFrame:
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
        if joined[p - 1] in "'’‘`":  # the '90s, the ‘90s, the `90s
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
        out = HANDLERS[name](m, joined)
        if out is None:
            continue
        if out[1][:1] == "P":
            out = (out[0], iso_duration(out[1]), *out[2:])
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


# A dateline: the place in capitals, then the date, then a dash or "(Reuters)" (NEW YORK,
# March 2 - ...; BAGHDAD, Oct. 4 (Reuters) -). Its date is the article's own, no event.
_DATELINE_BEFORE = re.compile(r"^\s*[A-Z][A-Za-z.'’ -]{1,40}(?:,\s*[A-Z][A-Za-z.'’ ]{1,25})?,?\s*$")
_DATELINE_AFTER = re.compile(r"^,?\s*(?:\d{4}\s*)?(?:\(\w+\)\s*)?[-–—]")


def in_dateline(mentions: pd.DataFrame, sentences: pd.DataFrame) -> pd.Series:
    """True for mentions that are the date of a dateline at the start of an article's first
    sentences (only those sentences are read)."""
    out = pd.Series(False, index=mentions.index)
    early = mentions[mentions["sentence_id"] <= 1]
    if not len(early):
        return out
    text = sentences.loc[
        sentences["sentence_id"] <= 1, ["article_id", "sentence_id", "text", "start"]
    ]
    found = early.reset_index().merge(
        text, on=["article_id", "sentence_id"], how="left", suffixes=("", "_s")
    )
    flags = [
        isinstance(t, str)
        and bool(_DATELINE_BEFORE.match(t[: s - s0]))
        and bool(_DATELINE_AFTER.match(t[e - s0 :]))
        for t, s0, s, e in zip(
            found["text_s"],
            found["start_s"].fillna(0).astype("int64"),
            found["start"],
            found["end"],
            strict=True,
        )
    ]
    out.loc[found["index"].to_numpy()] = flags
    return out
