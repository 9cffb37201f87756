"""Tense of the clause around an expression: future, past, or unknown (from marker words)."""

from __future__ import annotations

import re

import pandas as pd

_FUTURE_WORDS = frozenset({"will", "won't", "won’t", "shall", "upcoming", "would"})
# Modals and words of plans, schedules and deadlines point ahead even in a past-tense report
# ("planned a demonstration on Saturday", "payable Dec. 7", "must be returned by Jan. 14").
_FUTURE_WORDS |= frozenset({"must", "should", "might", "may", "planned", "planning", "plans"})
_FUTURE_WORDS |= frozenset({"scheduled", "slated", "intends", "intended", "expects"})
_FUTURE_WORDS |= frozenset({"payable", "effective", "expire", "expires", "due", "upcoming"})
_FUTURE_AFTER_BE = frozenset({"going", "set", "due", "expected", "scheduled", "planned", "slated"})
_FUTURE_AFTER_BE |= frozenset({"supposed"})
# A schedule word after "had" is a past schedule (had been due to expire Friday); an intention
# is not ("had agreed to act by March" still points ahead).
_SCHEDULE = frozenset(
    "due scheduled slated expire expires expected supposed set planned effective payable".split()
)
_BE = frozenset({"is", "are", "am", "be"})
_PAST_WORDS = frozenset(
    "was were had did went came took made began fled fought won lost saw got met"
    " ago last spent sent built brought bought caught felt kept meant paid ran sold spoke stood"
    " thought wrote gave found became chose drove fell flew grew knew rode rose shot sat slept"
    " struck swore threw woke wore yesterday earlier previously".split()
)
# Reporting verbs give the time of the report, not of what is reported: right before the
# expression they are its verb ("said Friday"); further back they end the clause searched.
_REPORTING = frozenset(
    "said says say told tells announced announces reported reports added adds stated states"
    " declared noted notes explained predicted predicts confirmed confirms disclosed".split()
)
_WEAK_PAST = frozenset({"held", "led", "left", "killed", "set", "hit", "put", "shut"})
# "agreed to buy", "vowed to return": an intention points ahead
_INTEND = frozenset(
    "plans plan planned intends intend intended agreed agrees promised promises vowed vows"
    " pledged pledges hopes hoped wants wanted aims aimed threatened threatens".split()
)
_TENSE_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
# Deadlines: after these a date is as likely ahead as behind, so a mere -ed form does not decide.
_DEADLINE = frozenset({"by", "until", "till", "through", "before", "to"})
# The clause an expression sits in starts after the last of these before it.
_CLAUSE_START = re.compile(
    r"[;:(“”\"]|,\s|\b(?:where|when|which|who|whom|whose|because|while|although|but)\b"
)
_PASSIVE = frozenset({"be", "been", "being"})
# Between a reporting verb and the expression, only its audience or setting ("told a news
# conference on Tuesday that ...", "said in an interview Monday"): the expression dates the report.
_AUDIENCE = frozenset(
    "a an the news conference reporters journalists in on at an interview briefing statement"
    " his her their its late early parliament lawmakers legislators supporters crowd rally"
    " meeting television radio press release".split()
)
# A possessive weekday naming a done thing ("get around Wednesday's ruling"): past.
_DONE_NOUNS = frozenset(
    "ruling decision announcement attack attacks bombing bombings shooting killing killings"
    " crash explosion blast statement remarks speech comments editorial edition verdict"
    " report arrest arrests raid raids strike strikes storm earthquake quake fire".split()
)


def _marker(words: list[str], i: int) -> str | None:
    """'fut', 'past', 'report' (a reporting verb) or 'weak' (an -ed form) for words[i], or None."""
    w = words[i].lower()
    if w.endswith(("'ll", "’ll")):
        return "fut"
    if words[i][0].isupper():
        return None  # a name (United States, Theresa May, Mr. Said) or a sentence start
    if w in _REPORTING:
        return "report"
    if w in _FUTURE_WORDS or w.endswith(("'ll", "’ll")):
        return "fut"
    if w == "to" and i >= 1 and words[i - 1].lower() in _INTEND | _BE:
        return "fut"  # agreed to buy, is to resume
    if w == "expected":  # is (now) expected, expected to, expected in July; not "than expected"
        near = [x.lower() for x in words[max(0, i - 2) : i]]
        nxt = words[i + 1].lower() if i + 1 < len(words) else ""
        if _BE & set(near) or nxt in ("to", "in", "on", "by", "at", "for", "next", "later"):
            return "fut"
        return None
    if w in _INTEND and i + 1 < len(words) and words[i + 1].lower() == "to":
        return None  # the "to" after it decides
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

    The tense marker nearest before the expression decides (will, would, 'll, must, planned,
    payable, is expected ... against was, had, ago; an -ed form only when nothing stronger
    precedes and the expression is not a deadline: "extended to Nov. 20"); a reporting verb
    (said, announced) right before the expression is its verb (past), further back it ends
    the search, since what is reported has its own tense. Without a marker before it, the
    first one after it decides (a past intention right after it, "on Tuesday agreed to settle",
    is past: the agreeing happened that day); a possessive (Wednesday's ruling) without a marker before it
    is past, and so is one naming a done thing whatever precedes ("would get around Wednesday's
    ruling"). A reporting verb followed only by its audience or setting ("told a news conference
    on Tuesday that ...") is the expression's verb.
    """
    done = _TENSE_WORD.match(sentence, end + 3)
    if sentence.startswith(("'s ", "’s "), end) and done and done.group().lower() in _DONE_NOUNS:
        return False  # they would get around Wednesday's ruling: the ruling was made
    window = max(0, start - 100)
    lo = window
    for b in _CLAUSE_START.finditer(sentence, lo, start):
        lo = b.end()
    before = _TENSE_WORD.findall(sentence, lo, start)
    if any(w.lower() == "since" for w in before):  # since March, since shortly after: the past
        return False
    if [w.lower() for w in before[-3:]] in (["as", "early", "as"], ["as", "soon", "as"]):
        return True  # could come as early as Tuesday: a date looked forward to
    found = _backward(before)
    if found is not None:
        return found
    if lo > window and sentence[lo - 1] == "(" and not before:
        # (4 a.m. EDT Thursday): a bracket right around the expression takes the tense of the
        # clause it sits in
        outer = window
        for b in _CLAUSE_START.finditer(sentence, window, lo - 1):
            outer = b.end()
        found = _backward(_TENSE_WORD.findall(sentence, outer, lo - 1))
        if found is not None:
            return found
    if sentence.startswith(("'s", "’s"), end):  # Wednesday's ruling: reported, so past
        return False
    after = _TENSE_WORD.findall(sentence, end, end + 120)
    for i in range(len(after)):
        if after[i].endswith("ed") and after[i] in _INTEND:
            return False  # on Tuesday agreed to settle: the agreeing is the expression's event
        kind = _marker(after, i)
        if kind:
            return kind == "fut"
    if before and before[-1].lower() in _DEADLINE:
        return None  # by February, until March: a deadline either side of the article's date
    if lo > window:  # nothing in the clause or after it: the sentence before the clause
        return _backward(_TENSE_WORD.findall(sentence, window, start))
    return None


def _backward(before: list[str]) -> bool | None:
    """The tense the markers in `before` give, read from its end (see `_is_future`)."""
    strong = weak = None
    n = len(before)
    for i in range(n - 1, -1, -1):
        kind = _marker(before, i)
        if kind in ("past", "weak") and i and before[i - 1].lower() in _PASSIVE:
            continue  # will be paid, would be completed: the tense is further back
        if kind == "report":
            between = [w.lower() for w in before[i + 1 :]]
            if i >= n - 3 or (len(between) <= 6 and set(between) <= _AUDIENCE):
                strong = "past"  # said Friday, told a news conference on Tuesday
            break
        word = before[i].lower()
        if kind == "fut" and (
            word in _SCHEDULE or (word == "to" and before[i - 1].lower() in _SCHEDULE)
        ):
            if any(w.lower() == "had" for w in before[max(0, i - 4) : i]):
                kind = "past"  # had been due to expire, had been scheduled for Friday
        if kind in ("fut", "past"):
            strong = kind
            break
        if kind == "weak" and weak is None:
            weak = kind
    if strong:
        return strong == "fut"
    if weak:
        if n and before[-1].lower() in _DEADLINE:
            return None
        return False
    return None


class Tense:
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
