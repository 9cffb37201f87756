"""Bytes to clean text: decoding, then repair of what web and export text carries.

`decode` turns a file's bytes into text: UTF-16 and UTF-8 byte-order marks are honoured; valid
UTF-8 is read as UTF-8, and a byte that is not valid UTF-8 is read as cp1252 *where it stands*
(a UTF-8 article with one stray Windows dash keeps its other accents and curly quotes); a file
with no valid multi-byte UTF-8 sequence at all is a cp1252 (or latin-1) file.

`repair` then fixes the text in place (ftfy for mojibake, the standard library for the rest):
mojibake (`CafÃ©` -> `Café`, `councilâ€™s` -> `council’s`); HTML entities (`&quot;`, `&amp;`,
`&rsquo;`, `&#8220;`); format characters that carry no letter (zero-width space, non-joiner and
joiner, word joiner, soft hyphen, a byte-order mark inside the text, bidirectional marks) removed;
non-breaking and other special spaces made plain spaces; every quotation-mark style news text
uses (« », ‹ ›, „ “, ‚ ‘, ‟, `` '', ″, 〝 〞, ＂) made the curly marks “ ” ‘ ’ the quote finder
reads; Unicode NFC. The text after repair IS the stored text, so offsets stay exact.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from difflib import SequenceMatcher

import ftfy
import numpy as np
from ftfy.badness import is_bad

_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
_STRAY = re.compile(r"[\udc80-\udcff]+")
_CP1252_UNDEFINED = {0x81, 0x8D, 0x8F, 0x90, 0x9D}


def _stray_as_cp1252(run: str) -> str:
    raw = bytes(ord(c) - 0xDC00 for c in run)
    return "".join(chr(b) if b in _CP1252_UNDEFINED else bytes([b]).decode("cp1252") for b in raw)


def decode(data: bytes) -> tuple[str | None, str, list[str]]:
    """Decode one file's bytes: (text or None when unusable, encoding, notes).

    `encoding` is `utf-8`, `utf-8-sig`, `utf-16`, `cp1252` or `latin-1`. Notes name what was
    done (a byte-order mark removed, stray bytes read as cp1252, line endings normalised) or why
    the file cannot be used (empty, binary); they become `problems` rows.
    """
    notes: list[str] = []
    if not data.strip():
        return None, "", ["empty file"]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text, encoding = data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            return None, "", ["undecodable UTF-16 file"]
        notes.append("decoded as UTF-16 (byte-order mark)")
    elif b"\x00" in data[:4096]:
        return None, "", ["binary file (contains NUL bytes)"]
    else:
        encoding = "utf-8"
        if data.startswith(b"\xef\xbb\xbf"):
            data, encoding = data[3:], "utf-8-sig"
            notes.append("UTF-8 byte-order mark removed")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("utf-8", errors="surrogateescape")
            runs = _STRAY.findall(text)
            n_stray = sum(len(r) for r in runs)
            multibyte = sum(1 for c in text if ord(c) > 0x7F) - n_stray
            text = _STRAY.sub(lambda m: _stray_as_cp1252(m.group()), text)
            if multibyte == 0:  # no valid UTF-8 sequence at all: a single-byte file
                undefined = any(ord(c) - 0xDC00 in _CP1252_UNDEFINED for r in runs for c in r)
                encoding = "latin-1" if undefined else "cp1252"
                notes.append(f"not valid UTF-8; decoded as {encoding}")
            else:
                what = "byte" if n_stray == 1 else "bytes"
                notes.append(f"{n_stray} stray non-UTF-8 {what} read as cp1252 where they stand")
    controls = len(_CONTROL_CHARS.findall(text, 0, 4096))
    if controls > max(8, len(text[:4096]) // 100):
        return None, encoding, ["binary file (control characters)"]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        notes.append("line endings normalised to \\n")
    if "\ufffd" in text:
        notes.append("undecodable bytes replaced with U+FFFD")
    if not text.strip():
        return None, encoding, ["empty file"]
    return text, encoding, notes


# --------------------------------------------------------------------------- repair

_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
# Format characters (Unicode category Cf) that carry no letter; Arabic number signs and the
# like (U+0600-0605, U+06DD, U+070F, U+08E2, U+110BD) are visible and stay.
_KEEP_CF = {0x600, 0x601, 0x602, 0x603, 0x604, 0x605, 0x6DD, 0x70F, 0x8E2, 0x110BD, 0x110CD}


def _ranges(codes: list[int]) -> str:
    """A regex character class body for sorted code points, as ranges."""
    out, i = [], 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        out.append(re.escape(chr(codes[i])) + ("-" + re.escape(chr(codes[j])) if j > i else ""))
        i = j + 1
    return "".join(out)


_FORMAT_CODES = [
    c for c in range(0x110000) if unicodedata.category(chr(c)) == "Cf" and c not in _KEEP_CF
]
_FORMAT = re.compile("[" + _ranges(_FORMAT_CODES) + "]")
# Spaces other than ' ', tab and newline: NBSP, narrow NBSP, figure, thin, em/en spaces, …
_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_LINE_SEPARATORS = re.compile("[\u2028\u2029\x85\x0b\x0c]")
# Quotation marks the quote finder does not pair as they are.
_QUOTES = re.compile("[«»‹›„‚‟‛〝〞〟＂″‶]|``|''")
_NEEDS_REPAIR = re.compile(
    "[&\u0080-\u00a0\u00ad\u00c2-\u00f4\u0300-\u036f«»‹›„‚‟‛〝〞〟＂″‶\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]"
    "|``|''"
)
# UTF-8 read as cp1252 or latin-1 leaves a lead byte (Â … ô) before a continuation byte's
# character: ftfy's slower check runs only on text that has one.
_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a"
    "\u20ac\u2122]"
)
# Mojibake whose continuation character was then put through Unicode compatibility
# normalisation (NFKC/NFKD): "GÃ¼len" (ü read as cp1252) becomes "GÃ1⁄4len", which ftfy cannot
# see. After a UTF-8 lead character, the compatibility form is put back (¼ ½ ¾ from 1⁄4 1⁄2 3⁄4
# after any lead; ¹ ² ³, µ and the spacing accents ´ ¨ ¸ ¯ only after Ã or Â inside a word,
# where a digit or an accent never follows in real text; ª º as a o after Ã between lower-case
# letters) when the pair is one UTF-8 character.
_COMPAT_FORMS = {
    "1\u20444": "\u00bc",
    "1\u20442": "\u00bd",
    "3\u20444": "\u00be",
    "1": "\u00b9",
    "2": "\u00b2",
    "3": "\u00b3",
    "\u03bc": "\u00b5",
    " \u0301": "\u00b4",
    " \u0308": "\u00a8",
    " \u0327": "\u00b8",
    " \u0304": "\u00af",
    "a": "\u00aa",
    "o": "\u00ba",
}
_COMPAT_MOJIBAKE = re.compile(
    "(?:(?P<lead>[\u00c2-\u00df])(?P<fraction>[13]\u2044[24])"
    "|(?:(?<=[^\\W\\d_])|(?=[\u00c2\u00c3].[^\\W\\d_]))"  # inside a word only
    "(?P<ac>[\u00c2\u00c3])(?P<other>[123\u03bc]| [\u0301\u0308\u0327\u0304])"
    "|(?<=[a-z'’])(?P<lower>\u00c3)(?P<ordinal>[ao])(?=[a-z]))"  # ª º: "RaÃol", "d'Ãatre"
)


def _undo_compat(text: str, counts: Counter) -> str:
    """Mojibake put through compatibility normalisation made visible to ftfy again: the lead
    character and the continuation character it was written with ("GÃ1⁄4len" -> "GÃ¼len"),
    only where the pair is one UTF-8 character."""

    def one(m: re.Match) -> str:
        lead = m["lead"] or m["ac"] or m["lower"]
        form = _COMPAT_FORMS.get(m["fraction"] or m["other"] or m["ordinal"])
        if form is None:
            return m.group()
        try:
            bytes([ord(lead), ord(form)]).decode("utf-8")
        except UnicodeDecodeError:
            return m.group()
        counts["normalised mojibake restored"] += 1
        return lead + form

    return _COMPAT_MOJIBAKE.sub(one, text)


_FTFY = ftfy.TextFixerConfig(
    unescape_html=False,  # done below, counted
    fix_character_width=False,
    uncurl_quotes=False,  # curly quotes are what the quote finder reads
    fix_line_breaks=False,
    fix_latin_ligatures=False,
    normalization=None,
    explain=False,
)


def _fix_mojibake(text: str, counts: Counter) -> str:
    """ftfy on each line that looks like mojibake; count the spans it changed."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line and is_bad(line):
            fixed = ftfy.fix_text(line, _FTFY)
            if fixed != line:
                ops = SequenceMatcher(None, line, fixed, autojunk=False).get_opcodes()
                counts["mojibake sequences fixed"] += sum(1 for op in ops if op[0] != "equal")
                lines[i] = fixed
    return "\n".join(lines)


def _unescape(text: str, counts: Counter) -> str:
    def one(m: re.Match) -> str:
        out = html.unescape(m.group())
        if out != m.group():
            counts["HTML entities decoded"] += 1
        return out

    for _ in range(2):  # `&amp;quot;` is an entity escaped twice
        if "&" not in text:
            break
        text = _ENTITY.sub(one, text)
    return text


def _opening(text: str, pos: int, width: int = 1) -> bool:
    """A mark at `pos` opens when it starts the text or follows a space or an opening bracket,
    and is followed by something other than a space."""
    after = text[pos + width : pos + width + 1]
    before = pos == 0 or text[pos - 1].isspace() or text[pos - 1] in "([{—–-/“‘"
    return before and after != "" and not after.isspace()


def _fix_quotes(text: str, counts: Counter) -> str:
    """Map every quotation-mark style to “ ” / ‘ ’ (German „…“ and ‚…‘ pairs included)."""
    out: list[str] = []
    pos = 0
    pending_low: list[str] = []  # a „ or ‚ waits for its closing “ or ‘
    for m in _QUOTES.finditer(text):
        mark, start = m.group(), m.start()
        out.append(text[pos:start])
        if mark in "«»‹›":  # guillemets point either way (« » French, » « German, Danish)
            opens = _guillemet_opens(text, start, mark in "«‹")
            single = mark in "‹›"
            rep = ("‘" if opens else "’") if single else ("“" if opens else "”")
        elif mark in ("〝", "‟", "``"):
            rep = "“"
        elif mark in ("〞", "〟"):
            rep = "”"
        elif mark == "‛":
            rep = "‘"
        elif mark == "„":
            rep = "“"
            pending_low.append("“")
        elif mark == "‚":
            rep = "‘"
            pending_low.append("‘")
        else:  # ＂ ″ ‶ and '' (the NYT archive opens and closes with ''): direction from context
            rep = "“" if _opening(text, start, len(mark)) else "”"
        # French spacing inside guillemets: « mot » -> “mot”
        if rep in "“‘" and mark in "«‹" and text[m.end() : m.end() + 1] == " ":
            pos = m.end() + 1
        else:
            pos = m.end()
        if rep in "”’" and mark in "»›" and out and out[-1].endswith(" "):
            out[-1] = out[-1][:-1]
        out.append(rep)
        counts["quotation marks normalised"] += 1
    out.append(text[pos:])
    text = "".join(out)
    if pending_low:  # „Text“ and ‚Text‘: the German closing mark is the English opening one
        text, n = _LATE_OPENER.subn(lambda m: "”" if m.group(1) == "“" else "’", text)
        counts["quotation marks normalised"] += n
    return text


def _guillemet_opens(text: str, pos: int, glyph_opens: bool) -> bool:
    """Whether a guillemet at `pos` opens: by the spaces around it, else by its glyph."""
    before = pos == 0 or text[pos - 1].isspace() or text[pos - 1] in "([{—–-"
    after = pos + 1 >= len(text) or text[pos + 1].isspace() or text[pos + 1] in ".,;:!?)]}"
    if before and not after:
        return True
    if after and not before:
        return False
    return glyph_opens


# After a „ or ‚, a “ or ‘ that follows a word and ends one is a German closing mark.
_LATE_OPENER = re.compile(r"(?<=[^\s(\[{—–/-])([“‘])(?=[\s.,;:!?)\]]|$)", re.MULTILINE)


def repair(text: str) -> tuple[str, Counter]:
    """Repair one article's text in place. Output: (repaired text, Counter of what was done).

    See the module docstring for the repairs. Text that needs none is returned unchanged after
    one regex scan.
    """
    counts: Counter = Counter()
    if not _NEEDS_REPAIR.search(text) and not _FORMAT.search(text):
        return text, counts
    if not unicodedata.is_normalized("NFC", text):
        # first, so mojibake written decomposed (A + U+0303 for the "Ã" of "Ã©") is seen
        text = unicodedata.normalize("NFC", text)
        counts["Unicode normalised to NFC"] += 1
    if _COMPAT_MOJIBAKE.search(text):
        text = _undo_compat(text, counts)
    if _MOJIBAKE_HINT.search(text) and is_bad(text):
        text = _fix_mojibake(text, counts)
    text = _unescape(text, counts)
    for pattern, replacement, what in (
        (_FORMAT, "", "invisible format characters removed (zero-width, soft hyphen, BOM)"),
        (_SPACES, " ", "non-breaking or special spaces made plain spaces"),
        (_LINE_SEPARATORS, "\n", "Unicode line separators made newlines"),
    ):
        if pattern.search(text):
            text, n = pattern.subn(replacement, text)
            counts[what] += n
    if _QUOTES.search(text):
        text = _fix_quotes(text, counts)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
        counts["Unicode normalised to NFC"] = 1
    return text, counts


def repair_values(values) -> tuple[list, dict[int, Counter]]:
    """`repair` on many short texts (titles, outlet names, bylines), one at a time only where a
    repair may be needed (one vectorised scan first).

    Input: a sequence or Series of text values (None/NA kept). Output: (the values repaired, in
    order, as a list; {position: Counter of what was done} for the values that changed).
    """
    import pandas as pd

    series = pd.Series(values, dtype="str").reset_index(drop=True)
    scan = f"{_NEEDS_REPAIR.pattern}|{_FORMAT.pattern}"
    maybe = series.str.contains(scan, regex=True).fillna(False).astype(bool)
    out = series.tolist()
    done: dict[int, Counter] = {}
    for i in np.flatnonzero(maybe.to_numpy()):
        fixed, counts = repair(out[i])
        if counts and fixed != out[i]:
            out[i], done[int(i)] = fixed, counts
    return out, done


def describe_repairs(counts: Counter) -> str:
    """One line for `problems`: 'text repaired: 2 HTML entities decoded; 1 …'."""
    return "text repaired: " + "; ".join(f"{n} {what}" for what, n in counts.items())


def offset_map(original: str, repaired: str) -> np.ndarray:
    """Where each character offset of `original` lands in `repaired`.

    Input: an article's text before repair (`decode(bytes)[0]`, or the file read as UTF-8 text)
    and after (`articles.text`). Output: an int64 array of length `len(original) + 1`; offset
    `i` of the original is offset `out[i]` of the repaired text (a position inside a replaced
    or removed span maps to where the replacement starts), so a span `[s, e)` of the original
    is `[out[s], out[e])` of the stored text. Aligned with `difflib.SequenceMatcher`, line by
    line first (repairs are local), then character by character within changed lines.
    """
    out = np.empty(len(original) + 1, dtype=np.int64)
    if original == repaired:
        out[:] = np.arange(len(original) + 1)
        return out
    a_lines = original.splitlines(keepends=True)
    b_lines = repaired.splitlines(keepends=True)
    a_starts = np.concatenate([[0], np.cumsum([len(x) for x in a_lines])]).astype(np.int64)
    b_starts = np.concatenate([[0], np.cumsum([len(x) for x in b_lines])]).astype(np.int64)
    lines = SequenceMatcher(None, a_lines, b_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in lines.get_opcodes():
        a0, a1, b0 = a_starts[i1], a_starts[i2], b_starts[j1]
        if tag == "equal":
            out[a0:a1] = np.arange(b0, b0 + (a1 - a0))
            continue
        old, new = original[a0:a1], repaired[b0 : b_starts[j2]]
        chars = SequenceMatcher(None, old, new, autojunk=False)
        for ctag, c1, c2, d1, d2 in chars.get_opcodes():
            if ctag == "equal":
                out[a0 + c1 : a0 + c2] = np.arange(b0 + d1, b0 + d2)
            else:
                out[a0 + c1 : a0 + c2] = b0 + d1
    out[len(original)] = len(repaired)
    return out
