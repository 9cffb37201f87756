"""Paywall prompts and truncated excerpts in scraped exports, by form.

A scraped page behind a paywall keeps a teaser and the prompt the site shows in place of the
rest ("Subscribe to continue reading", "This content is for subscribers only", "You have
reached your limit of free articles", "Already a subscriber? Log in", "To read the full story,
…", "Continue reading on …"); an open page keeps the site's plug for a subscription ("Subscribe
now for as little as $2 a month!", "Become a member …", "Get unlimited digital access …").
Their words change from site to site, their form does not: a sentence addressed to the reader
that opens with a prompt's verb or question, about access that a subscription, a membership,
an account or a meter grants. Two kinds:

- a **gate** (`GATE`) says the text stops here: reading on elsewhere or after paying ("to
  continue reading", "continue reading on <site>", "read the full story at", "to read the
  rest of this article"), access kept to subscribers or members ("This content is for
  subscribers", "subscribers only", "Already a subscriber?", "Log in to continue"), a meter
  ("You have reached your limit of free articles", "3 free articles left");
- a **plug** (`PLUG`) asks for a subscription or a membership: a sentence opening with
  "Subscribe", "Become a member", "Join", "Support", "Get (unlimited|full|digital) access",
  "Start your free trial" or "Your subscription …" that names a price ("$2 a month"), a
  subscription, a membership, access or a paywall. Subscribing to a newsletter, a podcast or
  a channel is no plug here (the newsletter box of `furniture_rules` has its own rules).

`prompt_line` says whether a whole line (at most PROMPT_MAX_WORDS words) is a prompt: a gate
or plug sentence at its start, and no sentence reporting speech ("said", "told"), so a story
about paywalls keeps its quotes. `prompt_spans` gives the prompt closing a longer paragraph:
from a gate or plug sentence (at a sentence's start) to the paragraph's end, when that tail
has at most PROMPT_TAIL_WORDS words and every sentence of it is a prompt or a short label
("Log in", "Subscribe"). Both are set aside as furniture (`furniture_rules.PAYWALL`, at exact
offsets; `articles.text` is never changed). What an outlet repeats is found by repetition too
(`furniture`); `is_gate` reads those repeated lines as gates or not.

`excerpt_note` says when an article is only an excerpt: a gate (by form, or a repeated line,
opening or ending worded as one) stands after its last body paragraph, with no body text after
it; or the body stops mid-sentence (on an ellipsis, a comma or a word no sentence ends on)
after at most EXCERPT_MAX_WORDS words. The note is a `problems` row ("article text is a paywalled or
truncated excerpt (N words)"), so 00-corpus counts them. Method: the prompts of US and UK news
sites' paywalls and meters, written as forms; rules of thumb written for this package.
"""

from __future__ import annotations

import re

PROMPT_MAX_WORDS = 60  # longest line that is a prompt as a whole
PROMPT_TAIL_WORDS = 40  # longest prompt closing a longer paragraph
EXCERPT_MAX_WORDS = 150  # a body this short that stops mid-sentence is an excerpt
EXCERPT_NOTE = "article text is a paywalled or truncated excerpt ({n} words)"

_READ = r"(?:read(?:ing)?|view(?:ing)?|access(?:ing)?)"
_TEXT = r"(?:story|article|piece|post|column|essay|interview|issue)"
_MEMBERS = r"(?:subscribers?|members?|premium (?:subscribers|members|users)|paying \w+)"
_YOU = r"you(?:'ve|’ve| have)"
GATE = re.compile(
    r"(?i)^(?:"
    # reading on elsewhere, or after paying
    r"(?:to |please |want to |subscribe (?:now |today )?to |log ?in to |sign in to |register to )"
    r"(?:continue|keep) reading\b"
    r"|(?:continue|keep) reading (?:on|at|in) "
    r"|(?:continue|keep) reading\W*$"
    rf"|(?:to |please |you can |click here to |subscribe to )?{_READ} (?:the|this) "
    rf"(?:full|whole|entire|complete|rest of the|rest of this) {_TEXT}\b"
    r"|(?:to |please )?read more(?: of this)?,? (?:subscribe|log ?in|sign in|register)\b"
    # access kept to subscribers or members
    r"|(?:this|the) (?:content|article|story|page|post|feature|piece) is (?:only |exclusively )?"
    rf"(?:available )?(?:only |exclusively )?(?:for|to) {_MEMBERS}"
    rf"|(?:exclusive |only )?(?:for|to) {_MEMBERS} only\b|{_MEMBERS} only\W*$"
    r"|(?:subscriber|member|premium)[- ](?:only|exclusive) (?:content|article|story)"
    r"|already (?:a |an )?(?:subscriber|member|registered|paying)"
    r"|are you (?:a |an )?(?:subscriber|paying|registered)"
    r"|already have an? (?:account|subscription|membership)"
    r"|(?:log ?in|sign in|register|subscribe)(?: now| today| here)?(?: or [\w ]{1,20})? "
    rf"to (?:continue|keep reading|{_READ}|unlock|get access|gain access)"
    # a meter
    rf"|{_YOU} (?:reached|hit|used(?: up)?|read) (?:your|the|all of your|all your|\d+)"
    r"(?: \w+){0,3} (?:limit|maximum|free|complimentary|articles|stories)"
    r"|you have (?:\d+|one|two|three|no) (?:more |remaining )?(?:free |complimentary )"
    r"(?:articles?|stories|reads|views)"
    r"|this is your (?:last|final) free (?:article|story)"
    r")"
)
PLUG = re.compile(
    r"(?i)^(?:subscribe\b|become an? (?:member|subscriber|supporter|insider)"
    r"|join (?:us|now|today|our|the (?:club|community)|\S*(?:plus|premium|insider)\b)"
    r"|support (?:us|our (?:\w+ )?(?:journalism|reporting|work|newsroom)|independent journalism)"
    r"|get (?:unlimited|full|digital|instant|complete) access"
    r"|get (?:your )?(?:first|\d+) (?:months?|weeks?|years?)"
    r"|start (?:your|a) (?:free )?trial|try (?:\w+ ){0,2}(?:free|for \$)"
    r"|your (?:subscription|membership)\b|unlock\b"
    r"|(?:for|at) (?:just|only|as little as) \$|don'?t miss out|upgrade\b)"
)
# what a plug must name: a price, a subscription, a membership, access, a paywall
_PAID = re.compile(
    r"(?i)\$\s?\d|\b(?:subscri\w*|members?(?:hip)?|unlimited|digital access"
    r"|paywalls?|premium|free trial|per month|a month|a year)\b|/month|/year"
)
# a subscription that is no paywall's: a newsletter, a podcast, a channel, a feed
_OTHER_SUBSCRIPTION = re.compile(
    r"(?i)\b(?:newsletters?|podcasts?|channel|youtube|itunes|feed|rss|inbox|e-?mail alerts?"
    r"|mailing list|text alerts?|videos?|rate,? and review|apple podcasts|spotify|episodes?"
    r"|listen\w*)\b"
)
_KEYS = re.compile(
    r"(?i)subscri|member|reading|read (?:the|this|more)|log ?in|sign in|register|free "
    r"(?:articles|stories)|access|\$\s?\d|trial|unlock|join|support"
)
_SPEECH = re.compile(r"\b(?:said|says|told|tells|according to|wrote|asked)\b")
_SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+[\"'”’)]*|$)")
_LABEL = re.compile(
    r"(?i)^(?:log ?in|sign in|subscribe(?: now| today| here)?|register|learn more"
    r"|see (?:offers|plans)|sign up)\W*$"
)


def _sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, leading spaces skipped."""
    out = []
    for m in _SENTENCE.finditer(text):
        a = m.start() + len(m.group()) - len(m.group().lstrip())
        if m.end() > a:
            out.append((a, m.end()))
    return out


def _opens_prompt(sentence: str) -> str | None:
    """'gate' or 'plug' when a sentence opens as a paywall's prompt, else None."""
    s = sentence.strip().lstrip("\"'“‘([").strip()
    if not s[:1].isupper():
        return None  # a prompt opens with a capital ("subscribe to ordinary shares" does not)
    if GATE.match(s):
        return "gate"
    if PLUG.match(s) and _PAID.search(s) and not _OTHER_SUBSCRIPTION.search(s):
        return "plug"
    return None


def prompt_kind(text: str) -> str | None:
    """Whether a line is a paywall's prompt as a whole: 'gate', 'plug' or None (see the module
    docstring). Input: one line (paragraph) of text. Output: the kind of its first prompt
    sentence when the line is at most PROMPT_MAX_WORDS words, opens with a prompt sentence
    and reports no speech."""
    if not text or text.count(" ") >= PROMPT_MAX_WORDS or _SPEECH.search(text):
        return None
    if _OTHER_SUBSCRIPTION.search(text) and not GATE.match(text.lstrip("\"'“‘([")):
        return None  # "Subscribe to Today, Explained … the podcast": no paywall's
    spans = _sentences(text)
    if not spans:
        return None
    first = _opens_prompt(text[spans[0][0] : spans[0][1]])
    if first:
        return first
    # a line opening with a short label ("Subscriber exclusive:", "Premium") then a prompt
    if len(spans) > 1 and spans[0][1] - spans[0][0] <= 30:
        return _opens_prompt(text[spans[1][0] : spans[1][1]])
    return None


def prompt_line(text: str) -> bool:
    """Whether a whole line is a paywall's prompt (a gate or a plug: `prompt_kind`)."""
    return prompt_kind(text) is not None


def prompt_spans(text: str) -> list[tuple[int, int, str]]:
    """The prompt closing a paragraph: [(start, end, kind)] from its first gate or plug
    sentence to the paragraph's end, when that tail holds at most PROMPT_TAIL_WORDS words,
    every sentence of it is a prompt or a label ("Log in", "Subscribe now") and it reports
    no speech; [] otherwise (and for a paragraph that is a prompt as a whole, which
    `prompt_line` sets aside). Input: one paragraph's text."""
    if not _KEYS.search(text):
        return []  # most paragraphs stop here
    spans = _sentences(text)
    for i, (a, _) in enumerate(spans):
        if i == 0:
            continue
        tail = text[a:]
        if tail.count(" ") >= PROMPT_TAIL_WORDS:
            continue
        kind = _opens_prompt(text[a : spans[i][1]])
        if kind is None or _SPEECH.search(tail):
            continue
        if kind == "plug" and _OTHER_SUBSCRIPTION.search(text):
            continue  # "Listen to … in the podcast embedded above. Subscribe here."
        rest = [text[s:e] for s, e in spans[i + 1 :]]
        if all(_opens_prompt(r) or _LABEL.match(r.strip()) for r in rest):
            return [(a, len(text.rstrip()), kind)]
    return []


def is_gate(text: str) -> bool:
    """Whether a piece of furniture (a line, an opening or an ending found by repetition or
    by form) is worded as a gate: one of its sentences opens as one (`GATE`)."""
    return any(_opens_prompt(text[a:b]) == "gate" for a, b in _sentences(text[:2000]))


_CLOSERS = frozenset(".!?:;\"'”’)]|*")
_ELLIPSIS = re.compile(r"(?:\.\.\.|…|\[\s*(?:\.\.\.|…)\s*\])[\"'”’)\]]*$")
# a word no sentence ends on: the text stops mid-sentence after it
_OPEN_WORDS = frozenset(
    """the a an of to and or but in on at for with from by as that which who whose than their
    his her its our your my is are was were be been has have had will would could should can
    may might not into over under about after before between through during since while
    because if when where whether""".split()
)


def _mid_sentence(end: str) -> bool:
    """Whether a paragraph's text stops mid-sentence: on an ellipsis, a comma, a dash, or a
    word no sentence ends on ("… said the")."""
    if not end:
        return False
    if _ELLIPSIS.search(end) or end[-1] in ",-–—":
        return True
    if end[-1] in _CLOSERS:
        return False
    last = re.findall(r"[\w'’]+$", end)
    return bool(last) and last[0].lower() in _OPEN_WORDS


def excerpt_note(kinds: list[str], reasons: list[str], texts: list[str]) -> str | None:
    """The `problems` note of an article that is only an excerpt, or None.

    Input: its paragraphs' kinds, reasons and texts (after furniture is marked). An excerpt:
    a gate (`is_gate`; set aside by form, by repetition or by the reader's fixed patterns:
    "Subscribe to continue reading" is a "newsletter plug" there) after the last body paragraph,
    with no body text after it; or a body of at most EXCERPT_MAX_WORDS words whose last
    paragraph stops mid-sentence (`_mid_sentence`: on an ellipsis, a comma or a word no
    sentence ends on, "… said the"). Output:
    EXCERPT_NOTE with the body's words."""
    body = [i for i, k in enumerate(kinds) if k == "body"]
    if not body:
        return None
    words = sum(len(texts[i].split()) for i in body)
    last = body[-1]
    gated = any(
        kinds[i] == "boilerplate" and is_gate(texts[i]) for i in range(last + 1, len(kinds))
    )
    end = texts[last].rstrip()
    cut = words <= EXCERPT_MAX_WORDS and _mid_sentence(end)
    return EXCERPT_NOTE.format(n=words) if gated or cut else None
