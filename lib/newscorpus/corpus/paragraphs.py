"""Paragraph kinds (title, dek, byline, caption, body, boilerplate) and the metadata an
article's own text states (byline, outlet, publication date, dateline)."""

from __future__ import annotations

import functools
import re

import numpy as np

from newscorpus.corpus.dates import parse_date
from newscorpus.resources import SPEECH_VERBS

# --------------------------------------------------------------------------- paragraphs

_CREDIT = re.compile(
    r"\(\s*(?:photo|image|picture|video|graphic)?\s*(?:credit|courtesy|source)s?\s*:[^)]*\)\s*$"
    r"|\(\s*(?:[\w.]+\s+)?(?:photo|image|picture)s?\s*[:/][^)]*\)\s*$"
    r"|(?:\b(?:REUTERS|AFP|AP|Getty Images|EPA)\s*/\s*"  # a name, never "Reuters/Ipsos poll"
    r"(?-i:[A-Z][\w.'-]*(?:(?:\s+|\s*/\s*)(?:[A-Z][\w.'-]*|de|van|von)){0,5})|\bGetty Images"
    r"|\w/(?:AP|AFP|Reuters|EPA|NPR|Landov))\s*$",
    re.IGNORECASE,
)
# A credit naming a source, not a picture: "(Source: AFP)" closes a body paragraph as often as a
# caption, so it never makes one.
_SOURCE_CREDIT = re.compile(r"^\(\s*sources?\s*:", re.IGNORECASE)
CAPTION_MAX_WORDS = 40  # a paragraph ending in a photo credit is a caption up to this length
_BOILERPLATE_SHORT = [  # (pattern, reason); applied to paragraphs of at most 15 words
    (r"^(?:font|text) size:?$", "site chrome (font size control)"),
    (r"\blogo$", "site chrome (logo)"),
    (
        # a list item's dash or bullet may open it: "- Follow the Ticker on Twitter: @…"
        r"^(?:[-–—•⦁*·]\s*)?follow (?:[\w@.]+ ){1,3}on (?:twitter|facebook|instagram|x|threads)\b",
        "social-media plug",
    ),
    (r"^send (?:news )?tips? to\b", "tips plug"),
    (r"^(?:share|print|email|advertisement|comments?|click here\b.*)\s*:?$", "site chrome"),
    (r"^(?:sign up|subscribe)\b", "newsletter plug"),
]
_BOILERPLATE_ANY = [  # applied to paragraphs of at most 150 words
    (r"\b(?:make a (?:one-time )?donation|you can help us|for as little as \$)", "donation appeal"),
    (r"\b(?:licensing opportunities|available without charge|all rights reserved)", "licensing"),
    (
        r"\b(?:in submitting this comment|comment policy|reserves the right to (?:edit|delete))",
        "comment policy",
    ),
    (r"\bcontributed (?:reporting )?to this (?:report|story|article)\b", "contributor line"),
    (r"^(?:additional )?reporting by\b|\bediting by\b", "contributor line"),
    (r"^contributing\s*:", "contributor line"),  # USA Today: "Contributing: Name; Name"
]
_RELATED = re.compile(
    r"^(?:related|read more|see also|more from|recommended)"
    r"(?: (?:articles|stories|coverage|content|links|reading))?(?: on| from)?\s*:?$",
    re.IGNORECASE,
)

VIDEO_BLURB_MAX_WORDS = 80
# A video player's close control flattened into the text before the video's blurb (USA Today
# and its network: "CLOSE Rep. Chris Collins … was arrested …", "CLOSE" alone); never a line in
# capitals ("CLOSE CALL FOR …"), which is a headline
_VIDEO_CLOSE = re.compile(r"^CLOSE(?:\s*$|\s+(?=[\"“‘'(]?[A-Z0-9]))")


def _video_blurb(text: str) -> bool:
    return bool(_VIDEO_CLOSE.match(text)) and (text.strip() == "CLOSE" or not text.isupper())


def _alternation(patterns: list[tuple[str, str]]) -> tuple[re.Pattern, list[str]]:
    """One compiled regex for many (pattern, reason) pairs: one scan per paragraph, not one each."""
    joined = "|".join(f"(?P<r{i}>{p})" for i, (p, _) in enumerate(patterns))
    return re.compile(joined, re.IGNORECASE), [r for _, r in patterns]


_BOILERPLATE_SHORT_RE = _alternation(_BOILERPLATE_SHORT)
_BOILERPLATE_ANY_RE = _alternation(_BOILERPLATE_ANY)


# Words one of the _BOILERPLATE_ANY patterns needs: a cheap test before the regex scan.
_BOILERPLATE_KEYS = (
    "donat",
    "help us",
    "as little as",
    "licens",
    "without charge",
    "rights reserved",
    "comment",
    "reserves the right",
    "contributed",
    "reporting by",
    "editing by",
    "contributing",
)


def _may_be_boilerplate(text: str) -> bool:
    low = text.lower()
    return any(key in low for key in _BOILERPLATE_KEYS)


def _boilerplate_reason(text: str, compiled: tuple[re.Pattern, list[str]]) -> str | None:
    m = compiled[0].search(text)
    reason = compiled[1][int(m.lastgroup[1:])] if m else None
    if reason == "donation appeal" and _reported_speech(text):
        return None  # '"… wanted to make a donation," said Hayati Camlica': a quote, not a plea
    return reason


_QUOTE_MARK = re.compile(r"[\"“”]")
_WORD_RE = re.compile(r"[a-z]+")


def _reported_speech(text: str) -> bool:
    """A body sentence reporting speech: a quotation mark and a speech verb
    (`resources.SPEECH_VERBS`: said, told, wrote …). An appeal of the site never has both."""
    return bool(_QUOTE_MARK.search(text)) and not SPEECH_VERBS.isdisjoint(
        _WORD_RE.findall(text.lower())
    )


_NAME = r"[A-Z][\w'’.-]+"
_BYLINE_BY = re.compile(
    r"^By\s+(?P<name>" + _NAME + r"(?:\s+(?:" + _NAME + r"|and|&))*)"
    r"(?:\s*(?:,|$|\|)|\s+[-–—]\s)"  # "By Name, March 7", "By Name - February 7, 2013"
)
_BYLINE_ROLE = re.compile(
    r"^(?P<name>" + _NAME + r"(?:\s+" + _NAME + r"){1,2}?)\s+"
    r"(?P<role>(?:[A-Z][\w&-]*\s+(?:(?:and|&|of)\s+)?)*"
    r"(?:Reporter|Correspondent|Editor|Writer|Contributor|Columnist|Producer|Staff))$"
)
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DATE_IN_BYLINE = re.compile(
    r"\b(?P<date>" + _MONTHS + r"\.? \d{1,2},? \d{4}|\d{1,2} " + _MONTHS + r"\.? \d{4}"
    r"|\d{4}-\d{2}-\d{2})\b"
)
_TITLE_WITH_OUTLET = re.compile(
    r"^[“\"](?P<title>.+)[”\"]\s*[,|–—-]\s*(?P<outlet>(?:The\s+)?[A-Z][\w&.'’]*(?:\s+[A-Z][\w&.'’]*){0,4})$"
)
_TITLE_OUTLET_SUFFIX = re.compile(
    r"^(?P<title>.+?)\s+[|–—]\s+(?P<outlet>(?:The\s+)?[A-Z][\w&.'’]*(?:\s+[A-Z][\w&.'’]*){0,4})$"
)
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+)*(?:,\s+[A-Z][\w.]+(?:\s+[A-Z][\w.]+)*)?)"
    r"(?:,?\s+" + _MONTHS + r"\.?\s+\d{1,2})?"  # NEW YORK, March 2 - (the wire's own date)
    r"\s*(?P<wire>\((?:Reuters|AP|AFP|Bloomberg|UPI|dpa)\))?\s*[—–-]{1,2}\s+"
)
_WIRE_AT_END = re.compile(r"\((?P<wire>Reuters|AP|AFP|Bloomberg|UPI|dpa)\)\s*$")
_PUBLISHER = re.compile(
    r"(?:Content created by|Copyright|©)\s*(?:\d{4}\s+)?(?P<name>(?:The\s+)?[A-Z][\w&.'’]*(?:\s+[A-Z][\w&.'’]*){0,5})"
)
_LOGO = re.compile(r"^(?P<name>.+?)\s+logo$", re.IGNORECASE)


def _may_end_in_credit(text: str) -> bool:
    """Cheap test: each _CREDIT form ends in ')', has a '/' (REUTERS/Name) or names Getty."""
    tail = text[-160:]
    return tail.rstrip().endswith(")") or "/" in tail or "getty" in tail.lower()


def _n_words(text: str) -> int:
    return len(text.split())


DEK_MAX_WORDS = 45  # a dek (standfirst) is one short line ...
DEK_MAX_WORDS_MULTI = 30  # ... and past this length holds one sentence: more is a lede
_WIRE_OPENING = re.compile(  # "WASHINGTON (Reuters) -", "New York (AFP) –", "(AP) —"
    r"^[^()\n]{0,80}?\((?:Reuters|AP|AFP|Bloomberg|UPI|dpa|Agence France[- ]Presse)\)\s*[—–-]"
)
_SENTENCE_ENDS = re.compile(  # a sentence's end inside a line: not "U.S. President", "Sen. X"
    r"(?<!\b[A-Z])(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr|No|Co|vs))(?<!\b(?:Mrs|Sen|Rep|Gov|Gen|Col|Inc|Sgt))"
    r"[.!?][\"'”’)]*\s+(?=[\"“‘(]?[A-Z0-9])"
)


def _opens_with_dateline(text: str) -> bool:
    """A news lede's opening: a wire credit in brackets before a dash ("WASHINGTON (Reuters)
    -", "(AP) —") or a dateline in capitals before a dash ("BEIRUT —", "PARIS, March 2 -")."""
    if _WIRE_OPENING.match(text):
        return True
    m = _DATELINE.match(text)
    return bool(m and any(c.isalpha() for c in m["place"]) and m["place"].split(",")[0].isupper())


def _may_be_dek(text: str) -> bool:
    """Whether the line after the title may be a dek (standfirst): at most DEK_MAX_WORDS
    words, never a lede (a paragraph opening with a dateline or wire credit, or one of more
    than DEK_MAX_WORDS_MULTI words holding two sentences or more)."""
    words = _n_words(text)
    if words > DEK_MAX_WORDS or _opens_with_dateline(text):
        return False
    return words <= DEK_MAX_WORDS_MULTI or not _SENTENCE_ENDS.search(text.rstrip())


def classify_paragraphs(texts: list[str], has_title: bool = True) -> list[tuple[str, str]]:
    """Give each paragraph of one article a (kind, reason).

    Input: the article's non-empty lines in order; with `has_title` the first is the title.
    Output: one (kind, reason) per line; kinds are PARAGRAPH_KINDS, reason is empty for body.
    These are fixed patterns, the seed; `furniture.Furniture.mark` adds what an outlet repeats.
    A line ending in a photo credit (`(Photo: …)`, `REUTERS/Name`, `Getty Images`) is a
    caption when at most CAPTION_MAX_WORDS words precede the credit and the article keeps a
    body paragraph; a source credit (`(Source: AFP)`) never makes a caption.
    """
    n = len(texts)
    result: list[tuple[str, str] | None] = [None] * n
    if not n:
        return []
    if has_title:
        result[0] = ("title", "first line")
    caption_texts: set[str] = set()
    credited: list[int] = []
    for i, text in enumerate(texts):
        if i == 0 and has_title:
            continue
        m = _may_end_in_credit(text) and _CREDIT.search(text, max(0, len(text) - 160))
        if m and not _SOURCE_CREDIT.match(m.group()):
            stripped = text[: m.start()].strip()
            if _n_words(stripped) > CAPTION_MAX_WORDS:  # a body paragraph that credits a photo
                continue
            result[i] = ("caption", "photo credit")
            credited.append(i)
            if stripped:
                caption_texts.add(stripped)
    in_related = False
    for i, text in enumerate(texts):
        if result[i] is not None:
            in_related = False
            continue
        words = _n_words(text)
        if text in caption_texts:
            result[i] = ("caption", "repeats a photo caption")
            continue
        if in_related and words <= 25:
            result[i] = ("boilerplate", "related headline")
            continue
        in_related = False
        if _RELATED.match(text):
            result[i] = ("boilerplate", "related-articles list")
            in_related = True
            continue
        if words <= VIDEO_BLURB_MAX_WORDS and _video_blurb(text):
            result[i] = ("boilerplate", "video player (CLOSE and the video's blurb)")
            continue
        if words <= 15:
            reason = _boilerplate_reason(text, _BOILERPLATE_SHORT_RE)
            if reason:
                result[i] = ("boilerplate", reason)
                continue
        if words <= 150 and _may_be_boilerplate(text):
            reason = _boilerplate_reason(text, _BOILERPLATE_ANY_RE)
            if reason:
                result[i] = ("boilerplate", reason)
                continue
        if i <= 6 and words <= 15 and (_BYLINE_BY.match(text) or _BYLINE_ROLE.match(text)):
            result[i] = ("byline", "byline pattern")
    may_be_dek = has_title and n > 1 and result[1] is None and _may_be_dek(texts[1])
    if may_be_dek and n > 2 and result[2] is not None:
        if result[2][0] in ("caption", "byline", "boilerplate"):
            result[1] = ("dek", "short standalone line after the title")
    if may_be_dek and result[1] is None:
        if texts[0].rstrip().endswith((";", ":")):  # "Headline; ¶ Dek." (a database export)
            result[1] = ("dek", "the title runs on after its semicolon or colon")
    if credited and not any(r is None or r[0] == "body" for r in result):
        # every other line is set aside: the longest credited one is the article's body
        longest = max(credited, key=lambda i: len(texts[i]))
        result[longest] = None
    return [r or ("body", "") for r in result]


# --------------------------------------------------------------------------- hard-wrapped text

WRAP_MAX_WIDTH = 100  # a hard-wrapped body's 90th-percentile line width is at most this
WRAP_MIN_WIDTH = 30  # ... and at least this (a list of short items is not prose)
WRAP_MIN_LINES = 4  # fewer body lines than this are never taken as wrapped
_SENTENCE_END = tuple('.!?:;"”’)')
_TABLE_GAP = re.compile(r"\S(?: {3,}|\t)\S|\S {2}\S.*\S {2}\S")  # aligned columns


def _table_row(line: str) -> bool:
    """A line of aligned columns: one gap of 3+ spaces or a tab, or two gaps of 2 spaces."""
    return bool(_TABLE_GAP.search(line))


def wrapped_paragraphs(
    lines: list[str], leads: list[int], blank_before: list[bool], has_title: bool = True
) -> list[tuple[int, int]] | None:
    """Paragraphs of a hard-wrapped article as runs of its lines, or None when it is not wrapped.

    Input: the article's non-empty lines (stripped), each one's leading-space count and whether
    a blank line precedes it; with `has_title` the first line is the title and always its own
    paragraph. Output: (first, last) line indices of each paragraph, or None.
    Rule (the article is hard-wrapped when all hold, over its body lines): at least
    WRAP_MIN_LINES lines; the 90th-percentile width (leading spaces included) between
    WRAP_MIN_WIDTH and WRAP_MAX_WIDTH; of the adjacent line pairs inside a block (no blank line,
    the second not indented, neither a table row) at least half, and at least 2, continue a
    sentence (the first line ends without . ! ? : ; or a closing quote or bracket, or the second
    starts in lower case; one pair suffices when both hold) and at least half of their first
    lines fill 70 % of that width.
    Joining: a paragraph ends at a blank line, before an indented line (more leading spaces
    than the body's least), before or after a table row (`_table_row`), a line in capitals, or
    after a line ending a sentence shorter than 60 % of the width.
    Method: the fixed-width layout of wire copy (Reuters-21578: 65-character lines, paragraphs
    opened by an indent); a line-per-paragraph text has wide lines or whole sentences per line.
    """
    first = 1 if has_title else 0
    body = range(first, len(lines))
    if len(body) < WRAP_MIN_LINES:
        return None
    widths = np.array([leads[i] + len(lines[i]) for i in body])
    width = float(np.percentile(widths, 90))
    if not WRAP_MIN_WIDTH <= width <= WRAP_MAX_WIDTH:
        return None
    base = min(leads[i] for i in body)
    table = [_table_row(line) for line in lines]
    capitals = [
        len(line) < 0.6 * width and line.isupper() and sum(c.isalpha() for c in line) >= 2
        for line in lines
    ]
    pairs = continued = plain = full = 0
    for i in range(first, len(lines) - 1):
        j = i + 1
        if blank_before[j] or leads[j] > base or table[i] or table[j]:
            continue
        pairs += 1
        open_end, lower = not lines[i].endswith(_SENTENCE_END), lines[j][:1].islower()
        continued += open_end or lower
        plain += open_end and lower
        full += leads[i] + len(lines[i]) >= 0.7 * width
    if (continued < 2 and not plain) or continued < 0.5 * pairs or full < 0.5 * pairs:
        return None
    runs = [(i, i) for i in range(first)]
    start = first
    for j in range(first + 1, len(lines)):
        i = j - 1
        ends_short = lines[i].endswith(_SENTENCE_END) and leads[i] + len(lines[i]) < 0.6 * width
        if (
            blank_before[j]
            or leads[j] > base
            or table[i]
            or table[j]
            or capitals[i]
            or capitals[j]
            or ends_short
        ):
            runs.append((start, i))
            start = j
    runs.append((start, len(lines) - 1))
    return runs


# --------------------------------------------------------------------------- metadata


@functools.lru_cache(maxsize=4096)  # bylines repeat their date formats
def _parse_date(text: str | None) -> np.datetime64:
    return parse_date(text.replace(".", "") if text else None)


def read_metadata(texts: list[str], kinds: list[str]) -> dict:
    """Title, byline, outlet, published date and dateline stated in one article's text.

    Input: the article's paragraphs and their kinds. Output: a dict with title (None when no
    paragraph is a title), byline, outlet, published (`datetime64[s]`, NaT when none), dateline.
    """
    has_title = bool(kinds) and kinds[0] == "title"
    meta = {
        "title": texts[0] if has_title else None,
        "byline": None,
        "outlet": None,
        "published": np.datetime64("NaT", "s"),
    }
    meta["dateline"] = None
    title_match = has_title and (
        _TITLE_WITH_OUTLET.match(meta["title"]) or _TITLE_OUTLET_SUFFIX.match(meta["title"])
    )
    if title_match:
        meta["title"], meta["outlet"] = title_match["title"].strip(), title_match["outlet"]
    for text, kind in zip(texts, kinds, strict=True):
        if kind == "byline" and meta["byline"] is None:
            m = _BYLINE_BY.match(text) or _BYLINE_ROLE.match(text)
            meta["byline"] = m["name"].strip() if m else text
            d = _DATE_IN_BYLINE.search(text)
            if d:
                meta["published"] = _parse_date(d["date"])
    body = [t for t, k in zip(texts, kinds, strict=True) if k == "body"]
    if body:
        m = _DATELINE.match(body[0])
        if m and any(c.isalpha() for c in m["place"]) and m["place"].split(",")[0].isupper():
            meta["dateline"] = m["place"].strip()
            if m["wire"] and not meta["outlet"]:
                meta["outlet"] = m["wire"].strip("()")
    if not meta["outlet"]:
        for text, kind in zip(texts, kinds, strict=True):
            if kind == "boilerplate":
                m = _PUBLISHER.search(text)
                if m:
                    meta["outlet"] = m["name"].strip()
                    break
    if not meta["outlet"]:
        for text, kind in zip(texts, kinds, strict=True):
            m = _LOGO.match(text) if kind == "boilerplate" else None
            if m:
                meta["outlet"] = m["name"].strip()
                break
    if not meta["outlet"] and body:
        m = _WIRE_AT_END.search(body[-1])
        if m:
            meta["outlet"] = m["wire"]
    return meta
