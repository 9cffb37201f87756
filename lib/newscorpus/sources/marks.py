"""Quotation marks: pairing per paragraph (curly, straight, guillemets, single marks) and the
text with quotations blanked out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newscorpus.sources.speakers import Who

# Double marks: curly, straight, guillemets, low-9, and the typewriter pairs ``…'' and ''…''
# (two characters each; ''…'' works like a straight mark, opening or closing by context).
# An HTML entity left in the text (`&quot;…&quot;`) works like a straight mark.
_MARKS = re.compile(r"''(?!')|``|&quot;|[“”\"«»„]")


_OPENERS = "“«„"


_CLOSERS = "”»"


@dataclass(slots=True)
class Segment:
    """One quoted stretch of an article: the quoted words' offsets, its marks, paragraph, and
    (once attributed) its kind, speaker and verb."""

    start: int  # offsets into articles.text of the quoted words (marks excluded)
    end: int
    open_pos: int  # position of the opening mark
    close_pos: int  # position of the closing mark, or the paragraph end when left open
    para: int  # index into the article's body paragraphs
    continues: bool = False  # left open at the paragraph end; the next paragraph continues it
    kind: str = ""
    who: Who | None = None
    verb: str | None = None
    anchor: int = 0  # where the attribution sits (for pronoun resolution)
    via: str = ""  # how the speaker was found: tail, lead, before, partial, carried
    ref: int = -1  # where that attribution's text starts (lead, before) or its verb (partial)
    sent: int = -1  # start of the sentence the quote opens in
    single: bool = False  # in single marks (‘…’), which also mark headlines and titles


def find_segments(text: str, paras: list[tuple[int, int]]) -> list[Segment]:
    """Pair quotation marks paragraph by paragraph; never let one run past its paragraph."""
    segments: list[Segment] = []
    for i, (ps, pe) in enumerate(paras):
        marks = list(_MARKS.finditer(text, ps, pe))  # as on text[ps:pe], without the copy
        if not marks:
            if text.find("‘", ps, pe) >= 0 or text.startswith("'", ps, pe):
                segments.extend(_single_quoted(text, ps, pe, i))
            continue
        open_pos, open_end, open_char, nested = None, 0, "", False
        for m in marks:
            ch, pos, end = m.group(), m.start(), m.end()
            if ch == "“" and open_pos is not None and _closes_here(text, pos, open_end):
                # `here,“ said X`, `“abhorrent“ in a tweet`: an opening mark typed to close
                segments.append(Segment(open_end, pos, open_pos, end - 1, i))
                open_pos = None
            elif ch in _OPENERS or ch == "``":
                open_pos, open_end, open_char = pos, end, ch  # an earlier unclosed opener was stray
                nested = False
            elif ch in _CLOSERS and open_pos is None and _reversed_opener(text, pos, ps):
                open_pos, open_end, open_char = pos, end, "“"  # ”Word …” typed backwards
                nested = False
            elif ch in _CLOSERS:
                if open_pos is not None:
                    segments.append(Segment(open_end, pos, open_pos, end - 1, i))
                    open_pos = None
            else:  # a straight mark: opens or closes by context
                if open_pos is None:
                    nxt = text[end : end + 1]
                    if nxt and not nxt.isspace():
                        open_pos, open_end, open_char = pos, end, ch
                elif (open_char in _OPENERS or open_char == "``") and (
                    nested or _opens_here(text, pos)
                ):
                    nested = not nested  # a straight pair nested inside curly quotes
                else:
                    segments.append(Segment(open_end, pos, open_pos, end - 1, i))
                    open_pos = None
        if open_pos is not None:
            next_opens = i + 1 < len(paras) and opens_with_mark(text, paras[i + 1][0])
            if next_opens:
                segments.append(Segment(open_end, pe, open_pos, pe, i, continues=True))
            elif open_pos == ps:  # a whole quote paragraph that lost its closing mark
                segments.append(Segment(open_end, pe, open_pos, pe, i))
    out = []
    for seg in segments:
        while seg.start < seg.end and text[seg.start].isspace():
            seg.start += 1
        while seg.end > seg.start and text[seg.end - 1].isspace():
            seg.end -= 1
        if _ALNUM_RE.search(text, seg.start, seg.end):  # any(c.isalnum() …), in C
            out.append(seg)
    return out


_ALNUM_RE = re.compile(r"[^\W_]")  # a character for which str.isalnum() is true


_SINGLE = re.compile(
    r"(?:(?<=^)|(?<=[\s(\[—–-]))(?P<open>[‘'])(?=\w)(?P<body>.+?)(?<=[\w.,?!])[’'](?=[\s,.;:?!)—–-]|$)"
)


def _single_quoted(text: str, ps: int, pe: int, para: int) -> list[Segment]:
    """Quotes in single marks (British style), only in paragraphs without double marks.

    An opening ‘ (or a straight ' opening the paragraph) after a space, closed by ’ before a
    space or punctuation; apostrophes inside words never open or close.
    """
    out = []
    for m in _SINGLE.finditer(text, ps, pe):
        if m.group("open") == "'" and m.start() != ps:
            continue
        out.append(Segment(m.start() + 1, m.end() - 1, m.start(), m.end() - 1, para, single=True))
    return out


def _reversed_opener(text: str, pos: int, ps: int) -> bool:
    """A closing mark ” used to open: at the paragraph start (after invisible format
    characters) or after a space, before a word or an ellipsis."""
    before = text[ps:pos].strip(" \u202a\u202b\u202c\u200e\u200f\ufeff\u200b")
    after = text[pos + 1 : pos + 2]
    if before and not text[pos - 1].isspace():
        return False
    return after.isalnum() or after == "…" or text.startswith(" …", pos + 1)


def _closes_here(text: str, pos: int, open_end: int) -> bool:
    """An opening mark “ at `pos` that closes the quote opened before it (ending at
    `open_end`): right after a word or punctuation, and before a space, punctuation or the
    end, never before a word."""
    before = text[pos - 1 : pos]
    after = text[pos + 1 : pos + 2]
    return (
        pos > open_end
        and bool(before)
        and not before.isspace()
        and before not in "([—–-"
        and not (after.isalnum() or after in "'’‘")
    )


def _opens_here(text: str, pos: int) -> bool:
    """A straight mark that looks like an opener: after a space or bracket, before a word."""
    before = text[pos - 1 : pos] if pos else " "
    after = text[pos + 1 : pos + 2]
    return (before.isspace() or before in "([—–-") and bool(after) and after.isalnum()


def mask_segments(text: str, segments: list[Segment]) -> str:
    """`text` with each of `segments` (opening mark to closing mark) blanked out, offsets kept."""
    return _mask_spans(text, [(seg.open_pos, seg.close_pos) for seg in segments])


def _mask_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with each quotation (opening mark to closing mark) blanked out."""
    if not spans:
        return text
    pieces, last = [], 0
    for open_pos, close_pos in spans:
        pieces.append(text[last:open_pos])
        stop = min(close_pos + 1, len(text))
        pieces.append(" " * (stop - open_pos))
        last = stop
    pieces.append(text[last:])
    return "".join(pieces)


def opens_with_mark(text: str, pos: int) -> bool:
    """Whether a double quotation mark (one that can open a quote) starts at `pos`."""
    return text[pos : pos + 1] in ("“", "«", "„", '"') or text.startswith(
        ("''", "``", "&quot;"), pos
    )
