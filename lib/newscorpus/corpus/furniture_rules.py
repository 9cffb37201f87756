"""Fixed seed rules of site furniture: caption widgets, photo credits and link stubs, by shape.

Repetition (`furniture`) finds what an outlet repeats word for word. Some furniture never
repeats word for word because part of it changes in every article: a photo credit names its
photographer ("Alex Wong/Getty Images", "(Photo by Mark Wilson/Getty Images)"), a caption
widget carries the credit of its picture ("Enlarge this image toggle caption Evan Vucci/AP
Evan Vucci/AP"), a link stub carries a headline ("… ballot count Read more", "Read more: How
…"). These are recognised by their shape, the same in every outlet:
- a **widget label** (`toggle caption`, `hide caption`, `Enlarge this image`, `Image caption`,
  `Image copyright`, `Buy Photo`, `Story continues below`, `Advertisement`) names the page's
  controls, never the news;
- a **credit** is a run of capitalised words joined by `/` or `|` ending at a picture agency
  ("Name/Getty Images", "Name/AFP via Getty Images", "AP Photo/Name", "REUTERS/Name"), or a
  bracketed one "(Photo: …)", "(Photo by …)", "(Name/Getty Images)"; a bare "Getty Images"
  counts only as a unit of its own (a line's start before a capital, or its end);
- a **labelled credit line** opens with "Photo:", "Image:", "Photo credit:", "Image source:",
  "Featured image:" … and is short (at most LABEL_MAX_WORDS words);
- a **link stub** is a line "Read more (here)", "Read more: <headline>", "<headline> Read more"
  or a short "Click here to …" line.

`line_reason` gives the reason when a whole line is furniture; `inline_spans` gives the spans
to cut out of a longer paragraph (one-paragraph bodies with the caption flattened inline) at
exact offsets. A sentence that only mentions Getty Images or ends with "(Source: …)" is
neither: a source credit is never a photo credit, and "Getty Images" inside a sentence is no
unit of its own. Method: shapes of credits and widgets in scraped news exports (newspaper3k
output of US/UK news sites); the agency list below names picture agencies, not outlets.
"""

from __future__ import annotations

import re

LINE = "site furniture: repeated line"
OPENING = "site furniture: repeated opening"
ENDING = "site furniture: repeated ending"
TAIL = "site furniture: repeated tail"
CARD = "site furniture: repeated card"
WIDGET = "site furniture: caption widget"
CREDIT = "site furniture: photo credit"
STUB = "site furniture: link stub"
NOTE = "site furniture: editor's note"
REASONS = (LINE, OPENING, ENDING, TAIL, CARD, WIDGET, CREDIT, STUB, NOTE)

WIDGET_MAX_WORDS = 150  # a line opening with a widget label is a caption up to this length
CREDIT_MAX_WORDS = 20  # longest line made of credits and widget labels only
LABEL_MAX_WORDS = 15  # longest line "Photo: …", "Image: …", "Read more: …"
STUB_MAX_WORDS = 30  # longest "<headline> Read more" line
NOTE_MAX_WORDS = 120  # longest line opening "Editor's note:" set aside whole
CREDIT_LEAD_WORDS = 30  # a caption before an inline credit this short is cut with it

_AGENCY = (
    r"(?:Getty Images|AP Photo|AP|Associated Press|Reuters|REUTERS|AFP|EPA(?:-EFE)?|Pool"
    r"|Bloomberg|Shutterstock|shutterstock\.com|iStock(?:photo)?|Newscom|NurPhoto|Sipa(?: USA)?"
    r"|SIPA|ZUMA(?: Press| Wire)?|Xinhua|UPI|TNS|Polaris|Redux|Landov|Corbis|Alamy|NPR"
    r"|Wikimedia Commons)"
)
_CAP = r"(?:[A-Z]\.|[A-Z][\w'’&-]*)"  # a word or an initial, never a sentence's last word
_NAMES = (
    rf"(?!(?:A|An|The|This|That|In|On|At|For)\b){_CAP}(?:\s+(?:{_CAP}|\([A-Z]\)|de|van|von|del|da|la))"
    + "{0,3}"
)
_SEP = r"\s*[/|]\s*|\s+via\s+(?=Getty)|,\s+(?=" + _AGENCY + r"\s*/)"
# "Ipsos/Reuters poll", "a Des Moines Register/Bloomberg Politics poll" are no credits
_CREDIT_END = (
    r"(?=\s*$|\s+[A-Z\"“(]|\s*[).,;|])"
    r"(?!\s+(?:[A-Z][\w&'’-]*\s+){0,3}(?:polls?|surveys?|analysis|study|investigation)\b)"
)
# "Alex Wong/Getty Images", "Andrew Harnik/Pool/AFP via Getty Images", "Joe Burbank | Orlando
# Sentinel | Getty Images", "Jewel Samad, AFP/Getty Images"
# Getty Images is never a pollster's partner: any word may follow it ("… /Getty Images
# congress Mueller's moves …", a related-story card)
_NAME_CREDIT = rf"(?:{_NAMES}(?:{_SEP}))+(?:Getty Images|{_AGENCY}\b(?:,\s*File)?{_CREDIT_END})"
# "AP Photo/Evan Vucci", "REUTERS/Kevin Lamarque"
_AGENCY_CREDIT = rf"(?:AP Photo|REUTERS|AFP PHOTO)(?:\s*/\s*{_NAMES})+(?:,\s*File)?{_CREDIT_END}"
_PHOTO_WORD = r"(?:[A-Z]\w+ )?(?i:photos?|images?|pictures?|photo illustration|credits?)"
_BRACKET_CREDIT = (
    rf"\(\s*(?:{_PHOTO_WORD}\s*(?:by|:|/)[^()]{{1,120}}|(?:{_NAME_CREDIT}|{_AGENCY_CREDIT})"
    r"(?:\s*[;,]\s*[^()]{1,60})?)\s*\)"
)
_CREDIT_RE = re.compile(
    rf"{_BRACKET_CREDIT}|(?:Photo(?:graph)?s? by\s+)?(?:{_NAME_CREDIT}|{_AGENCY_CREDIT})",
)
_BARE_GETTY = re.compile(  # a unit of its own: before a capital or the end, after a sentence
    r"(?:^|(?<=[.!?|] )|(?<=\|))Getty Images\b(?:\.?\s*$|(?=\s+[A-Z\"“]))"
)
_WIDGET_RE = re.compile(
    r"\b(?:enlarge this image|toggle caption|hide caption(?: \d+ of \d+)?|image caption"
    r"|image copyright|buy photo|story continues below(?: advertisement)?|previous next)\b",
    re.IGNORECASE,
)
_WIDGET_START = re.compile(
    r"^(?:enlarge this image|toggle caption|hide caption|image caption|image copyright)\b",
    re.IGNORECASE,
)
_CHROME_LINE = re.compile(
    r"^(?:(?:advertisement|story continues below(?: advertisement)?|scroll to continue"
    r"(?: with content)?|continue reading(?: below)?|read more(?: here| below)?|more below"
    r"|buy photo)[\s:.!]*)+$",
    re.IGNORECASE,
)
_LABEL_LINE = re.compile(
    r"^(?:[A-Z]\w+ )?(?:photo|image|picture|photo illustration)s?(?: credits?| source| courtesy)?"
    r"\s*:|^(?:photo |image )?credits?\s*:|^(?:read more|related|see also)\s*:",
    re.IGNORECASE,
)
_STUB_TAIL = re.compile(r"(?<![,:;])\s+(?:Read [Mm]ore|READ MORE|Continue reading)\s*$")
_CLICK = re.compile(r"^\(?click here\b", re.IGNORECASE)
# a note of the editors about the outlet or the article, not its reporting: a stance appended to
# every article on one subject ("Editor's note: <candidate> is a serial liar ..."), a correction
_EDITORS_NOTE = re.compile(r"^[(\[]?\s*editors?['\u2019]?s?['\u2019]?\s+note\s*[:.\u2014-]", re.I)
_SOURCE = re.compile(r"^\(\s*sources?\s*:", re.IGNORECASE)


# Words or marks every credit or widget shape holds: a cheap test before the regex scans.
_KEYS = ("/", "|", "getty", "caption", "enlarge", "buy photo", "continues below", "previous next")
_KEYS += ("photo", "image", "picture", "credit")


_BEFORE_UNIT = re.compile(r"(?:^|[.!?\"”’)]\s+)$")  # a label is a unit of its own: after a
_AFTER_UNIT = re.compile(r"\s*$|\s+[A-Z0-9\"“(©]")  # sentence end, before a capital


def _words(text: str) -> int:
    return len(text.split())


def credit_spans(text: str) -> list[tuple[int, int]]:
    """Spans of `text` shaped like a photo credit (see the module docstring), in order, not
    overlapping; a "(Source: …)" bracket never is one."""
    out = []
    for m in _CREDIT_RE.finditer(text):
        if not _SOURCE.match(m.group()):
            out.append((m.start(), m.end()))
    for m in _BARE_GETTY.finditer(text):
        if not any(a <= m.start() < b for a, b in out):
            out.append((m.start(), m.end()))
    return sorted(out)


def line_reason(text: str) -> str | None:
    """The seed reason when the whole line `text` is furniture by its shape, else None.

    A widget line ("Enlarge this image toggle caption Name/AP Name/AP", "Hide caption <a
    caption> Previous Next Name/Getty Images", at most WIDGET_MAX_WORDS words), a line made
    only of credits, widget labels and punctuation (at most CREDIT_MAX_WORDS words), a
    labelled credit ("Photo: …", "Image: …", at most LABEL_MAX_WORDS words), a chrome line
    ("Advertisement Advertisement", "Story continues below advertisement") or a link stub
    ("Read more: <headline>", "<headline> Read more", a short "Click here to …" line), or an
    editor's note ("Editor's note: …", at most NOTE_MAX_WORDS words).
    """
    words = _words(text)
    if words <= 6 and _CHROME_LINE.match(text):
        return STUB
    if _WIDGET_START.match(text) and words <= WIDGET_MAX_WORDS:
        return WIDGET
    if words <= CREDIT_MAX_WORDS:
        rest = text
        for a, b in reversed(credit_spans(text)):
            rest = rest[:a] + " " + rest[b:]
        rest = _WIDGET_RE.sub(" ", rest)
        if rest != text and not re.search(r"[^\W\d_]{2}", rest):
            return CREDIT
    if words <= LABEL_MAX_WORDS and _LABEL_LINE.match(text):
        return STUB if re.match(r"(?i)read more|related|see also", text) else CREDIT
    if words <= STUB_MAX_WORDS and _STUB_TAIL.search(text):
        return STUB
    if words <= 15 and _CLICK.match(text):
        return STUB
    if words <= NOTE_MAX_WORDS and _EDITORS_NOTE.match(text):
        return NOTE
    return None


def _doubled(text: str, pos: int, limit: int = 14) -> int | None:
    """End of a credit written twice from `pos` ("Evan Vucci/AP Evan Vucci/AP", NPR's caption
    widget): the shortest k <= `limit` words such that the next k words repeat them."""
    spans = [m.span() for m in re.finditer(r"\S+", text[pos : pos + 400])]
    words = [text[pos + a : pos + b] for a, b in spans]
    for k in range(1, min(limit, len(words) // 2) + 1):
        if words[:k] == words[k : 2 * k]:
            return pos + spans[2 * k - 1][1]
    return None


def inline_spans(text: str) -> list[tuple[int, int, str]]:
    """Furniture flattened into a paragraph: (start, end, reason) spans to cut out, in order.

    A widget label with the credit after it (written twice, or one credit shape within 14
    words) is cut from the label to the credit's end; a credit shape elsewhere is cut alone,
    or with the caption before it when that starts the paragraph, has at most
    CREDIT_LEAD_WORDS words, ends a sentence and the body goes on after the credit ("Michael
    Flynn. Drew Angerer/Getty Images Retired Lt. Gen. …"); a paragraph ending with a credit
    ("… on Monday. (Photo: Name/AP)") keeps its text, only the credit is cut. Nothing is cut
    from a sentence that only mentions an agency.
    """
    low = text.lower()
    if not any(key in low for key in _KEYS):
        return []  # most paragraphs stop here
    out: list[tuple[int, int, str]] = []
    credits = credit_spans(text)
    for m in _WIDGET_RE.finditer(text):
        if out and m.start() < out[-1][1]:
            continue
        end = m.end()
        nxt = _WIDGET_RE.match(text, end + 1) if end < len(text) else None
        while nxt:  # "Enlarge this image toggle caption"
            end = nxt.end()
            nxt = _WIDGET_RE.match(text, end + 1)
        if not (_BEFORE_UNIT.search(text, 0, m.start()) and _AFTER_UNIT.match(text, end)):
            continue  # inside a sentence: "… Hide Caption 2 of 3 was printed in error"
        doubled = _doubled(text, end)
        after = [c for c in credits if c[0] >= end and _words(text[end : c[0]]) <= 14]
        if doubled is not None:
            end = doubled
        elif after:
            end = after[0][1]
        out.append((m.start(), end, WIDGET))
    for a, b in credits:
        if any(s <= a < e for s, e, _ in out):
            continue
        lead = text[:a].rstrip()
        flattened = re.match(r"\s*[A-Z\"“]", text[b:])  # the body goes on after the credit
        if a and flattened and _words(lead) <= CREDIT_LEAD_WORDS and lead[-1:] in ".!?|)":
            a = 0 if not out else a
        out.append((a, b, CREDIT))
    return sorted(out)
