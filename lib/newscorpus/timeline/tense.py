"""Tense of the clause around an expression: future, past, or unknown (from marker words)."""

from __future__ import annotations

import re

import pandas as pd

_FUTURE_WORDS = frozenset({"will", "won't", "won’t", "shall", "upcoming", "would", "looming"})
# Modals and words of plans, schedules and deadlines point ahead even in a past-tense report
# ("planned a demonstration on Saturday", "payable Dec. 7", "must be returned by Jan. 14").
_FUTURE_WORDS |= frozenset({"must", "should", "might", "may", "planned", "planning", "plans"})
_FUTURE_WORDS |= frozenset({"scheduled", "slated", "intends", "intended", "expects"})
_FUTURE_WORDS |= frozenset({"payable", "effective", "expire", "expires", "due", "upcoming"})
_FUTURE_AFTER_BE = frozenset({"going", "set", "due", "expected", "scheduled", "planned", "slated"})
_FUTURE_AFTER_BE |= frozenset({"supposed", "likely", "unlikely"})
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
    " struck swore threw woke wore yesterday earlier previously lit broke bit hid dug fed forgot"
    " forgave froze hung lent sank sang swam rang tore wept sought taught dealt heard understood"
    " withdrew overcame stole shook drew drank ate arose clung crept flung knelt leapt slid"
    " sprang swept swung trod wove".split()
)
# A reporting verb in the present after an expression ("..., analyst says") is the time of the
# report, now; a written report after it ("..., they wrote") is a report too.
_REPORT_PRESENT = frozenset("says say tells adds explains predicts confirms announces".split())
_REPORT_WRITTEN = frozenset({"wrote", "writes", "tweeted", "tweets"})
# Reporting verbs give the time of the report, not of what is reported: right before the
# expression they are its verb ("said Friday"); further back they end the clause searched.
_REPORTING = frozenset(
    "said says say told tells announced announces reported reports added adds stated states"
    " declared noted notes explained predicted predicts confirmed confirms disclosed".split()
)
# Reporting verbs that are as often plural nouns: a verb only after a name or he/she/it.
_NOUN_REPORT = frozenset({"states", "notes", "reports"})


def _is_he_she(word: str) -> bool:
    return word.lower() in ("he", "she", "it")


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
    r"[;:(“”\"]|,\s|\b(?:where|when|which|who|whom|whose|because|while|although|but|if|unless)\b"
)
_PASSIVE = frozenset({"be", "been", "being"})
# A date naming a scheduled event ("an April 15 deadline", "November's general election", "the
# July 25 vote"): an -ed verb before it ("set", "called") is not the event's tense.
_SCHEDULED = re.compile(
    r"(?:['’]s)?(?:\s+(?:general|presidential|primary|special|midterm|state|party|final|first"
    r"|televised|congressional|national|[A-Z][A-Za-z]+))?\s+(?:deadline|votes?|elections?"
    r"|primary|primaries|caucus(?:es)?|debates?|hearing|summit|convention|referendum|ballot"
    r"|runoff|inauguration|showdown)\b"
)
_PRESENT_BE = frozenset({"is", "are", "am"})
_FAR_STOP = re.compile(r"[;:]")
_ADVERBS = frozenset("also just never still only even already ever first then now".split())
# Where a clause ends after an expression: what follows is another clause, its tense its own.
_CLAUSE_END = re.compile(
    r"[;:()“”\"—–]|,\s|\s-{1,2}\s"
    r"|\b(?:where|when|which|who|whom|whose|because|while|although|but|if|unless)\b"
)
# A condition opening the clause: "if Democrats win the White House in November" points ahead.
_CONDITIONAL = frozenset({"if", "unless", "whoever", "whichever", "whatever"})
_DETERMINERS = frozenset("the a an his her their its our my your this that".split())
# A fronted adverbial opening the sentence starts with one of these ("In an essay in December,
# he wrote ..."): it is read with the clause it opens.
_FRONT = frozenset(
    "in on at during after before by until till through throughout between from for with over"
    " within around about early late last this next following ahead prior as".split()
)
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
        if w in _NOUN_REPORT and i and not (words[i - 1][0].isupper() or _is_he_she(words[i - 1])):
            return None  # swing states, 13 states, the notes: nouns
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
    prev = words[i - 1].lower() if i >= 1 else ""
    if prev == "to" or prev in _FUTURE_WORDS or prev.endswith(("'ll", "’ll")):
        return None  # to put together, he'll have: the verb's tense is further back
    if w in _WEAK_PAST or (len(w) > 3 and w.endswith("ed")):
        return "present" if prev in _PRESENT_BE else "weak"  # are compounded: a present passive
    if w in _PRESENT_BE or w in ("has", "have"):
        return "present"  # the election is in November, Republicans have seats up in November
    if prev in ("he", "she", "it") and len(w) > 2 and w[-1] == "s" and w[-2] not in "s'’":
        return "present"  # he sees, it grows
    if prev in ("i", "we", "they", "you") and w not in _ADVERBS and not w.endswith("ed"):
        return "present"  # I feel, they want
    return None


def _tense(sentence: str, start: int, end: int) -> str | None:
    """Tense of the clause around sentence[start:end]: "fut", "past", "weak" (past read from an
    -ed form only), "far" and "farfut" (a past, a future read only beyond the expression's
    clause), "event" (a weak
    or far past before a date naming a scheduled event: "set an April 15 deadline", "the July
    25 vote"), or None when nothing says or the clause is in the present.

    The tense marker nearest before the expression in its clause decides (will, would, 'll,
    must, planned, payable, is expected ... against was, had, ago; an -ed form only when
    nothing stronger precedes and the expression is not a deadline: "extended to Nov. 20"); a
    present (is, are, "he sees", a present passive "are compounded") says nothing, and stops
    the search; a reporting verb (said, announced) right before the expression is its verb
    (past), further back it ends the search, since what is reported has its own tense.
    Without a marker before it, the first one after it in its own clause decides ("the Nov. 8
    election, which has grown ..." is not read from "has grown"; a quotation's attribution
    after its closing mark is not its tense), except that a fronted adverbial ("In an essay in
    December, he wrote") is read in the clause it opens; a past intention right after it ("on
    Tuesday agreed to settle") is past: the agreeing happened that day. Without a marker in
    the clause, the words after the clause, then the sentence before it, give a "far" past or
    a "farfut" future (a present reporting verb there, "..., analyst says", says nothing). A
    condition ("if
    Democrats win the White House in November", "if he were to win in May", and a simple past
    in it, "if he won the election on Nov. 8", a hypothetical; "if he had won" stays) points ahead. A
    possessive (Wednesday's ruling) without a marker before it is past, and so is one naming a
    done thing whatever precedes ("would get around Wednesday's ruling"). A reporting verb
    followed only by its audience or setting ("told a news conference on Tuesday that ...") is
    the expression's verb.
    """
    done = _TENSE_WORD.match(sentence, end + 3)
    if sentence.startswith(("'s ", "’s "), end) and done and done.group().lower() in _DONE_NOUNS:
        return "past"  # they would get around Wednesday's ruling: the ruling was made
    window = max(0, start - 100)
    lo, opener = window, ""
    for b in _CLAUSE_START.finditer(sentence, lo, start):
        lo, opener = b.end(), b.group().lower()
    before = _TENSE_WORD.findall(sentence, lo, start)
    low = [w.lower() for w in before]
    if "since" in low:  # since March, since shortly after: the past
        return "past"
    if low[-3:] in (["as", "early", "as"], ["as", "soon", "as"]):
        return "fut"  # could come as early as Tuesday: a date looked forward to
    conditional = opener in _CONDITIONAL or (
        low[:1] and low[0] in _CONDITIONAL and not sentence[:lo].strip(" “‘\"'")
    )
    if conditional and any(low[k : k + 2] == ["were", "to"] for k in range(len(low))):
        return "fut"  # if his candidate were to win in November
    if low[-1:] == ["come"]:
        return "fut"  # the favourite to win come November
    found = _backward(before)
    if conditional and found in ("past", "weak") and not {"had", "was", "were"} & set(low):
        return "fut"  # if he won the election on Nov. 8 (he would ...): a hypothetical, ahead
    if found == "weak" and _SCHEDULED.match(sentence, end):
        return "event"  # Sullivan set an April 15 deadline: the date is the deadline's, not set's
    if found == "fut" and _planned_then_past(sentence, end, low):
        return None  # a service planned for Saturday was canceled: either Saturday, the nearer
    if found in ("fut", "past", "weak"):
        return found
    present = found == "present"  # the election is in November: no tense, but no search further
    if lo > window and sentence[lo - 1] == "(" and not before:
        # (4 a.m. EDT Thursday): a bracket right around the expression takes the tense of the
        # clause it sits in
        outer = window
        for b in _CLAUSE_START.finditer(sentence, window, lo - 1):
            outer = b.end()
        found = _backward(_TENSE_WORD.findall(sentence, outer, lo - 1))
        if found in ("fut", "past", "weak"):
            return found
    if sentence.startswith(("'s", "’s"), end):  # Wednesday's ruling: reported, so past
        return "past"
    found = _after(_TENSE_WORD.findall(sentence, end, _after_limit(sentence, lo, end, low)), low)
    if found != "none":
        return "past" if found == "report" else found
    if (
        conditional
        and low
        and (
            (low[-1] not in _DETERMINERS and not low[-1].endswith(("'s", "’s")))
            or _SCHEDULED.match(sentence, end)
        )
    ):  # if Democrats win the White House in November, if the November election does not ...
        return "fut"  # (not "if he follows up his Tuesday wins")
    if present or (low and low[-1] in _DEADLINE):
        return None  # by February, until March: a deadline either side of the article's date
    # Beyond the clause, what follows (then the sentence before the clause) is a weaker clue: a
    # past read there from an -ed form or a reporting verb is "far" (a past or future word
    # such as was, had, will still counts)
    # (up to 200 characters, past a long subject, but not past a colon or semicolon)
    far_stop = _FAR_STOP.search(sentence, end, end + 200)
    far_end = far_stop.start() if far_stop else end + 200
    found = _after(_TENSE_WORD.findall(sentence, end, far_end), low, far=True)
    if found == "none" and lo > window:
        found = _backward(_TENSE_WORD.findall(sentence, window, start))
    if found in ("weak", "report"):
        return "event" if _SCHEDULED.match(sentence, end) else "far"
    return {"fut": "farfut", "past": "past"}.get(found)


_PLAN_PARTICIPLES = frozenset({"planned", "scheduled", "slated"})


def _planned_then_past(sentence: str, end: int, before: list[str]) -> bool:
    """ "A memorial service planned at the university for Saturday was canceled": a plan
    participle after its noun (no "is", "was", "had" before it) gives the plan, the clause's own
    verb after the expression is in the past (was, were, had): the date may lie either side."""
    plan = [k for k, w in enumerate(before) if w in _PLAN_PARTICIPLES]
    if not plan or plan[-1] == 0 or before[plan[-1] - 1] in _BE | _PASSIVE | {"was", "were", "had"}:
        return False
    if any(w in _FUTURE_WORDS and w not in _PLAN_PARTICIPLES for w in before[plan[-1] :]):
        return False
    stop = _CLAUSE_END.search(sentence, end, end + 80)
    after = _TENSE_WORD.findall(sentence, end, stop.start() if stop else end + 80)
    return bool(after) and after[0].lower() in ("was", "were", "had")


def _after(after: list[str], before: list[str], far: bool = False) -> str | None:
    """The tense the first marker in `after` (the words after an expression) gives: "fut",
    "past", "weak", "report" (a reporting verb in the past), None (a present, "analyst says")
    or "none" (no marker); `before` are the lower-case words of the clause before the
    expression (a deadline before it makes an -ed form say nothing). `far`: the words run
    beyond the expression's clause, where a present says nothing and is passed over."""
    for i in range(len(after)):
        if after[i].endswith("ed") and after[i] in _INTEND:
            return "past"  # on Tuesday agreed to settle: the agreeing is the expression's event
        kind = _marker(after, i)
        word = after[i].lower()
        if kind == "present" and far:
            continue  # the attacks on Friday, and an election that has ...: another clause
        if kind == "present" or (kind == "report" and word in _REPORT_PRESENT):
            return None
        if kind == "weak" and before and before[-1] in _DEADLINE:
            return None  # until Election Day, television ads targeted at ...
        if kind == "report" or (kind == "past" and word in _REPORT_WRITTEN):
            return "report"
        if kind:
            return kind
    return "none"


def _after_limit(sentence: str, lo: int, end: int, before: list[str]) -> int:
    """Where the search for a tense after an expression stops: the end of its clause (a comma,
    a quotation mark, a dash, a relative or subordinate word), at most 120 characters on. A
    fronted adverbial opening the sentence ("In an essay in December, he wrote ...", "On
    Tuesday, the company said ...") is read on into the clause it opens."""
    limit = end + 120
    stop = _CLAUSE_END.search(sentence, end, limit)
    if stop is None:
        return limit
    lead = before[1:2] if before[:1] in (["and"], ["but"], ["so"], ["then"]) else before[:1]
    fronted = not sentence[:lo].strip(" “‘\"'") and (not lead or lead[0] in _FRONT)
    for _ in range(4):  # In January, in his final address, he conceded
        if not fronted or not stop.group().startswith(","):
            return stop.start()
        nxt = _TENSE_WORD.match(sentence, stop.end())
        fronted = nxt is not None and nxt.group().lower() in _FRONT
        following = _CLAUSE_END.search(sentence, stop.end(), limit)
        if not fronted and following is not None and following.group().startswith(","):
            # In January, a week after the anniversary, a bombing killed ...: an apposition
            # without a verb between commas still precedes the clause the adverbial opens
            words = _TENSE_WORD.findall(sentence, stop.end(), following.start())
            fronted = not any(_marker(words, k) for k in range(len(words)))
            if fronted:
                limit = max(limit, following.end() + 60)
                following = _CLAUSE_END.search(sentence, stop.end(), limit)
        stop = following
        if stop is None:
            return limit
    return stop.start()


def _is_future(sentence: str, start: int, end: int) -> bool | None:
    """Is the clause around sentence[start:end] about the future? None when nothing says
    (`_tense`: a past read from an -ed form or beyond the clause counts as the past)."""
    found = _tense(sentence, start, end)
    return None if found is None else found in ("fut", "farfut")


def _backward(before: list[str]) -> str | None:
    """The tense the markers in `before` give, read from its end (see `_tense`): "fut",
    "past", "weak" (an -ed form only), "present" or None."""
    strong = weak = None
    n = len(before)
    for i in range(n - 1, -1, -1):
        kind = _marker(before, i)
        if kind in ("past", "weak") and i and before[i - 1].lower() in _PASSIVE:
            continue  # will be paid, would be completed: the tense is further back
        if kind == "report":
            # its audience or setting: words of _AUDIENCE or a name ("told Fox News on Monday")
            between = [w for w in before[i + 1 :] if w.lower() not in _AUDIENCE]
            if i >= n - 3 or (n - i <= 7 and all(w[0].isupper() for w in between)):
                strong = "past"  # said Friday, told a news conference on Tuesday
            break
        word = before[i].lower()
        if kind == "fut" and (
            word in _SCHEDULE or (word == "to" and before[i - 1].lower() in _SCHEDULE)
        ):
            if any(w.lower() == "had" for w in before[max(0, i - 4) : i]):
                kind = "past"  # had been due to expire, had been scheduled for Friday
        if kind == "present":
            if weak is None:
                return "present"
            break
        if kind in ("fut", "past"):
            strong = kind
            break
        if kind == "weak" and weak is None:
            weak = kind
    if strong:
        return strong
    if weak:
        if n and before[-1].lower() in _DEADLINE:
            return None
        return "weak"
    return None


class Tense:
    """Future-or-not of each found expression, computed on demand and cached: `tense(i)` is
    True, False or None (`_is_future`), `tense.reading(i)` the reading behind it (`_tense`),
    and `tense.of(i)` the callable the resolvers take."""

    def __init__(self, texts: list[str], found: pd.DataFrame) -> None:
        self.texts = texts
        self.rows = found["row"].tolist()
        self.s = found["s"].tolist()
        self.e = found["e"].tolist()
        self.cache: dict[int, str | None] = {}

    def reading(self, i: int) -> str | None:
        """ "fut", "past", "weak", "far", "farfut", "event" or None for the i-th expression
        (`_tense`)."""
        if i not in self.cache:
            self.cache[i] = _tense(self.texts[self.rows[i]], self.s[i], self.e[i])
        return self.cache[i]

    def __call__(self, i: int) -> bool | None:
        found = self.reading(i)
        return None if found is None else found in ("fut", "farfut")

    def of(self, i: int) -> TenseOf:
        """The tense of the i-th expression as a callable (`TenseOf`), for the resolvers."""
        return TenseOf(self, i)


class TenseOf:
    """The tense of one expression as a callable: `f()` is True, False or None, `f.reading()`
    the reading behind it (`_tense`)."""

    __slots__ = ("i", "tense")

    def __init__(self, tense: Tense, i: int) -> None:
        self.tense, self.i = tense, i

    def __call__(self) -> bool | None:
        return self.tense(self.i)

    def reading(self) -> str | None:
        """The reading behind this expression's tense ("fut", "past", "weak" …, or None)."""
        return self.tense.reading(self.i)
