"""Name spans fixed by their form, after the tagger: company names and lines in capitals.

The CoNLL-2003 tagger reads a firm's first word as a person or a place ("Bethlehem" of
"Bethlehem Steel", "Poor" of "Standard and Poor's") and reads a line in capitals (a wire
headline, "2ND QTR NET") as if it were cased text ("ND" an organisation). These rules work on
one line's spans, `(start, end, type)` offsets into the line:

- `company_spans`: a name followed by a corporate head (`Steel`, `Petroleum`, `Corp`, `Inc`,
  `& Co`, ...) is one organisation with its head; a name in angle brackets (Reuters' `<Gruppo
  Ferruzzi>`) is an organisation, the whole bracket's content; a ticker in brackets after a
  name (`<CH>`) is no name; "X and Y's" (`Standard and Poor's`) is one organisation unless
  both are people.
- `is_caps_line` / `caps_spans`: in a line with no lowercase word, a name is kept only where
  the article's cased lines name it too (`BETHLEHEM STEEL` where the body has `Bethlehem Steel
  Corp`), or it is a known place (`JAPAN`); it takes the type the cased lines give it.
"""

from __future__ import annotations

import re

# words that end a company's name ("Bethlehem Steel", "Dome Petroleum", "Mark IV Industries")
CORPORATE_HEADS = (
    "Steel",
    "Petroleum",
    "Petroleums",
    "Oil",
    "Oils",
    "Mines",
    "Mining",
    "Resources",
    "Energy",
    "Chemical",
    "Chemicals",
    "Motors",
    "Airlines",
    "Airways",
    "Industries",
    "Enterprises",
    "Holdings",
    "Partners",
    "Brothers",
    "Bros",
    "Securities",
    "Bancorp",
    "Bancorporation",
    "Bank",
    "Group",
    "Corp",
    "Corporation",
    "Inc",
    "Incorporated",
    "Co",
    "Cos",
    "Company",
    "Ltd",
    "Limited",
    "Plc",
    "PLC",
    "LLC",
    "AG",
    "NV",
    "SpA",
    "Cie",
)
_HEAD_WORDS = "|".join(
    sorted({w for h in CORPORATE_HEADS for w in (h, h.upper())}, key=len, reverse=True)
)
# the head words right after a name: " Steel Corp", " Industries Inc.", ", Inc", " & Co"
_HEADS_AFTER = re.compile(
    rf"^(?:(?:,?\s+(?:{_HEAD_WORDS})\.?(?![\w'’-]))|(?:\s+(?:&|and|AND|und)\s+(?:Co|CO|Cie)\.?(?!\w)))+"
)
# a partner list before "& Co" / "and Co": ", Harris Upham and Co"
_PARTNERS_AFTER = re.compile(
    r"^(?:,?\s+[A-Z][\w'’-]*){1,4}\s+(?:&|and)\s+(?:Co|Cie)\.?(?!\w)(?:,?\s+(?:Inc|Ltd|Corp)\.?(?!\w))?"
)
_FIRM_END = re.compile(rf"\s(?:{_HEAD_WORDS})\.?$")
_BRACKET = re.compile(r"<([^<>\n]{1,80})>")
_TICKER = re.compile(r"^[A-Z0-9.&-]{1,6}$")
_AND_POSSESSIVE = re.compile(r"\b([A-Z][a-z]+)\s+(?:and|&)\s+([A-Z][a-z]+)(?=['’]s\b)")
_NAME_BEFORE = re.compile(r"\b([A-Z][\w'’-]*)\s+$")  # one capitalised word right before
_NOT_NAMES = frozenset(
    "The A An And But Or In On At Of For By To From With As Its Their His Her Our This That "
    "Unit Units Subsidiary Shares Said".split()
)
_ACRONYM = re.compile(r"^(?:[A-Z]\.){2,}$|^[A-Z][A-Z&]{1,5}$")
_LOWER_WORD = re.compile(r"\b[a-z]{2,}")


def _drop_inside(spans: list, s: int, e: int) -> list:
    """The spans that do not overlap [s, e)."""
    return [x for x in spans if x[1] <= s or x[0] >= e]


def company_spans(line: str, spans: list) -> list:
    """One line's spans with company names made whole (see the module doc).

    Input: the line's text and its spans `(start, end, type)` (offsets into the line, sorted).
    Output: the spans, sorted, a company's name one ORG span (its head words included), a
    ticker in brackets dropped, a name's trailing ">" cut."""
    out = []
    for s, e, kind in spans:
        text = line[s:e]
        if text.endswith(">") and "<" not in text:  # "Gruppo Ferruzzi>": the bracket's end
            e -= 1
            while e > s and line[e - 1].isspace():
                e -= 1
        if text.startswith("<"):
            s += 1
        if e > s:
            out.append((s, e, kind))
    spans = out
    for m in _BRACKET.finditer(line):
        inner = m.group(1).strip()
        s, e = m.start(1), m.end(1)
        if _TICKER.match(inner) and line[: m.start()].rstrip()[-1:].isalnum():
            spans = _drop_inside(spans, s, e)  # "Champion Products <CH>": a ticker
        elif any(c.isalpha() for c in inner) and not _TICKER.match(inner):
            lead = len(m.group(1)) - len(m.group(1).lstrip())
            spans = _drop_inside(spans, s, e) + [(s + lead, s + lead + len(inner), "ORG")]
    for m in _AND_POSSESSIVE.finditer(line):
        inside = [x for x in spans if x[0] < m.end() and x[1] > m.start()]
        if not inside or (len(inside) == 2 and all(x[2] == "PER" for x in inside)):
            continue
        if any(x[0] < m.start() or x[1] > m.end() for x in inside):
            continue
        spans = _drop_inside(spans, m.start(), m.end()) + [(m.start(), m.end() + 2, "ORG")]
    spans = sorted(spans)
    out = []
    k = 0
    while k < len(spans):
        s, e, kind = spans[k]
        tail = _PARTNERS_AFTER.match(line[e:]) or _HEADS_AFTER.match(line[e:])
        if tail or (kind == "ORG" and is_firm(line[s:e])):
            e2 = e + tail.end() if tail else e
            lead = _NAME_BEFORE.search(line[:s])  # "Mark" of "Mark IV Industries Inc"
            if lead and lead.group(1) not in _NOT_NAMES:
                if out and out[-1][:2] == (lead.start(), lead.end(1)):
                    out.pop()  # "Mark" tagged alone
                if not out or out[-1][1] <= lead.start():
                    s = lead.start()
            if line[e2 - 1] == ".":  # "Co." keeps its period, a sentence's end does not
                e2 = e2 if re.match(r"\s+[a-z,]|,", line[e2:]) else e2 - 1
            out.append((s, e2, "ORG"))
            while k + 1 < len(spans) and spans[k + 1][0] < e2:
                k += 1
        else:
            out.append((s, e, kind))
        k += 1
    return out


def firm_of(name: str, firms: list) -> str | None:
    """The firm of `firms` (names ending in a corporate head) whose name `name` opens
    ("Bethlehem", "Bethlehem Steel" → "Bethlehem Steel Corp"): the longest, when every firm
    it opens is a start of that one; else None."""
    words = name.split()
    hits = [f for f in firms if f.split()[: len(words)] == words and len(f.split()) > len(words)]
    if not hits:
        return None
    full = max(hits, key=lambda f: (len(f.split()), f)).split()
    if all(full[: len(f.split())] == f.split() for f in hits):  # "X Steel" within "X Steel Corp"
        return " ".join(full)
    return None


def is_firm(name: str) -> bool:
    """Whether a name ends in a corporate head (`Dome Petroleum Ltd`)."""
    return _FIRM_END.search(name) is not None


def is_caps_line(line: str) -> bool:
    """Whether a line is written in capitals: no lowercase word of 2+ letters (`2ND QTR NET`,
    `U.S. TRADE DEFICIT WIDENS`), at least 2 capital words."""
    return not _LOWER_WORD.search(line) and len(re.findall(r"\b[A-Z]{2,}", line)) >= 2


def _words(name: str) -> tuple[str, ...]:
    return tuple(w.strip(".,'’").casefold() for w in name.split() if w.strip(".,'’"))


def caps_spans(line: str, spans: list, cased: dict, known, cased_text: str = "") -> list:
    """The spans of a line in capitals that the article's cased text backs.

    `cased`: {the casefolded words of a name found in a cased line: its type}; `known`: a
    function giving the type the lexicons give a name (`resolve.known_kind`: `JAPAN` LOC,
    `GERMAN` MISC) or None; `cased_text`: the article's cased lines, where an acronym of the
    title written the same way (`USDA`) keeps the tagger's type. A span is kept when its
    words are a cased name's words, their start (`BETHLEHEM STEEL` for `Bethlehem Steel
    Corp`) or their end (`HARRISON` for `Colin Harrison`), with that name's type; else by
    `known` or `cased_text`; else dropped."""
    out = []
    for s, e, tagged in spans:
        words = _words(line[s:e])
        if not words:
            continue
        kind = cased.get(words)
        if kind is None:
            n = len(words)
            kind = next((t for w, t in cased.items() if words in (w[:n], w[len(w) - n :])), None)
        if kind is None:
            kind = known(line[s:e])
        if kind is None and _ACRONYM.match(line[s:e]) and cased_text:
            word = re.compile(rf"(?<![\w.]){re.escape(line[s:e])}(?![\w])")
            kind = tagged if word.search(cased_text) else None  # "USDA" in the body too
        if kind is not None:
            out.append((s, e, kind))
    return out


def cased_names(lines: list, spans_of_lines: list) -> dict:
    """{casefolded words of a name: its type} for the names found in an article's cased
    lines (lines not in capitals; see `caps_spans`); the first type seen wins."""
    out: dict = {}
    for line, spans in zip(lines, spans_of_lines, strict=True):
        if is_caps_line(line):
            continue
        for s, e, kind in spans:
            words = _words(line[s:e])
            if words and words[-1] in ("'s", "s") and len(words) > 1:
                words = words[:-1]
            out.setdefault(words, kind)
    return out
