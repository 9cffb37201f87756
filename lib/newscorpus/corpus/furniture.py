"""Site furniture: text an outlet repeats at the same place in many of its articles.

Scraped exports keep page furniture (share widgets, "Date of publication: …", "Read also",
"Follow us on …", newsletter prompts, copyright lines, "ADVERTISEMENT"), often flattened inline
into the body (`21.08.2013Get short URL 0 0 0 Rebel forces …`). It is found by *repetition*,
not by a list (the reader's fixed patterns in `paragraphs` are only a seed): what recurs at the
same place in many articles of one outlet is furniture; what an outlet writes once is not.

Three places are compared, on text normalised so that dates and counters match (lower case,
every digit run `0`, curly quotes straight, tokens joined by one space):
- a **line**: a whole paragraph other than the title (at most 60 words);
- an **opening**: the first k tokens (k <= 32) of the first body paragraph;
- an **ending**: the last k tokens of the last body paragraph.

Rule: a line, opening or ending is furniture of an outlet when it recurs in at least
max(3, 5 % of the outlet's articles) of them, for an outlet of at least 5 articles; the same
rule over the whole corpus applies to every article (so a corpus with one outlet or none is
compared with itself, and small outlets still lose furniture shared across the corpus), and
a line that is furniture of one outlet is furniture in every outlet ("Story Continued Below").
Every candidate holds a content word (three letters or more, not a stopword) and no plain
number between two of its words (a date, a time, a year or a count in brackets may:
`Shr 25 cts vs 20 cts` is data, `Updated 10:30 a.m.` and `Slideshow (3 images)` are not).
An opening or ending must also be a unit of its own: in at least 80 % of the articles that
carry it the text goes on with a new unit (an opening is followed by a capital letter or an
opening quote or bracket, but not inside a name: `Hillary| Clinton`; an ending starts with no
lower-case letter after `.`, `!`, `?`, `:`, a closing quote or bracket); at least 60 % of the
articles that open (end) with its first (last) content word go on to the whole phrase; an
opening does not end on a stopword. Openings are not looked for after a dateline
(`WASHINGTON (Reuters) -`, `(CNN)`, `LONDON, March 3 -`): a dateline is content. When the
first (last) body line is short (under 12 words) the next (previous) one is scanned too. A
line is not furniture when it starts with a lower-case letter or ends with a comma (a
hard-wrapped fragment), or stands next to a line with two runs of plain numbers (a table row;
a sentence of 8 words or more is none).
A **sign-off** is the exception: the article's closing line (or the last unit of its last
paragraph, after a sentence end or a table row's figure: "… ounce. REUTER"), short and with no
digit (`furniture_rules.sign_off_span`), is furniture when the outlet repeats it as a line,
whatever its case, its closing dots or the table of figures before it ("Reuter" after
"Revs 291.8 mln vs 151.1 mln").

Two more kinds are found by a repeated part rather than a repeated whole:
- a **tail**: a line that ends on a short label that ends lines in at least the threshold of
  articles ("… Hide Caption 3 of 12") is a gallery of captions, set aside whole when the label
  closes at least two captions in the article and its figures do not differ between
  occurrences (`furniture_tails`: a table line "Revs 291.8 mln vs 151.1 mln" is data);
- a **card**: an inline block flattened into a sentence, starting at a name (a capitalised
  word glued to the next one, `JordanGraham`, or a name repeated in full, `Paul Ryan| Paul
  Davis Ryan`) and ending at an all-capital stopword ("MORE") within MAX_CARD_WORDS words, is
  cut out at exact offsets when that label word closes cards in at least the threshold of the
  outlet's own articles (the corpus's when the outlet has no tier of its own);
- a **bracketed link** "(<label>: <headline>)" ("( Also on POLITICO: …)", "(RELATED: …)") is
  cut out when its label opens links in the threshold of articles (as cards; `link_spans`).

Two stages, so that the reader's partitions stay independent (and the Dask path works):
1. `Counts.add` (per article, in each worker) hashes the normalised lines, openings and endings
   (64-bit BLAKE2b) and counts articles per group; `Counts.compact` gives small numpy arrays.
2. `Furniture.from_counts` (main process) sums them and keeps what passes the thresholds;
   `Furniture.mark` (per article, when a partition is read) marks lines `boilerplate` and cuts
   a paragraph at exact character offsets into a `boilerplate` part and a `body` part.
Seeds by shape (`furniture_rules`), whose words change in every article and so never repeat:
caption widgets ("Enlarge this image toggle caption Name/AP Name/AP"), photo credits naming
the photographer ("Name/Getty Images", "(Photo by …)") and link stubs ("… Read more") are set
aside as whole lines, or cut out of a paragraph they are flattened into, before counting.
`articles.text` is never changed. `furniture_summary` summarises the result; `furniture_tokens`
holds the tokens compared.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from hashlib import blake2b

import numpy as np

from newscorpus.corpus import furniture_article as article
from newscorpus.corpus import furniture_rules as rules
from newscorpus.corpus.furniture_rules import CARD, ENDING, LINE, OPENING, REPEAT
from newscorpus.corpus.furniture_rules import REASONS as REASONS
from newscorpus.corpus.furniture_rules import TAIL as TAIL
from newscorpus.corpus.furniture_tails import mark_tails, tails
from newscorpus.corpus.furniture_tokens import (
    NUMBER,
    PUNCT,
    QUOTE_FOLD,
    STOPWORD,
    WORD,
    stopwords,
    tokens,
)

MIN_ARTICLES = 5  # an outlet needs this many articles to have furniture of its own
MIN_COUNT = 3  # articles a phrase must recur in, at least
MIN_SHARE = 0.05  # ... and this share of the outlet's (or corpus's) articles
MAX_TOKENS = 32  # longest opening or ending compared, in tokens
MAX_LINE_WORDS = 60  # longest line compared, in words
BOUNDARY_SHARE = 0.8  # an opening/ending must end (start) a unit in this share of its articles
ANCHOR_SHARE = 0.6  # ... and follow its first content word in this share of articles

MAX_CARD_WORDS = 120  # longest inline card, in words (a hover card of three headlines)

_DIGITS = re.compile(r"\d+(?:[.,:/-]\d+)*")
_URL = re.compile(r"(?:https?://|www\.)\S+")  # a share link differs in every article
_OPENERS = frozenset("“‘([«")
_ABBREVIATIONS = frozenset(
    "no mr mrs ms dr st jr sr sen rep gov gen lt col sgt prof rev vs inc co corp ltd u s a".split()
)
_UNIT_END = frozenset(".!?:;\"'”’)]|»")
_WIRE = r"\((?:[A-Z][\w.&' -]{0,30})\)"
_PLACE = r"[A-Z][\w.'’-]*(?:,? [A-Z][\w.'’-]*){0,5}"
_DAY = r"(?:,? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:,? \d{4})?)"
_DATELINE_START = re.compile(
    rf"^(?:{_WIRE}|{_PLACE}{_DAY}?\s*{_WIRE}|{_PLACE}{_DAY}?\s*[—–-]{{1,2}}\s)"
)


def _is_content(tok: tuple) -> bool:
    return tok[1] == WORD and len(tok[0]) >= 3


def _number_runs(toks: list[tuple]) -> int:
    runs, inside = 0, False
    for t in toks:
        if t[1] == NUMBER:
            runs += not inside
            inside = True
        elif t[1] != PUNCT:
            inside = False
    return runs


def _windows(text: str, toks: list[tuple], ending: bool) -> list[tuple[int, int, bool, int]]:
    """Openings (or endings) of one paragraph that pass the form rules.

    Output: (k tokens, hash, is a unit boundary here, k of its anchor) per window, shortest
    first. Never the whole paragraph: at least one word must remain.
    """
    n = len(toks)
    seq = toks[::-1] if ending else toks
    tag = b"e" if ending else b"o"
    h = blake2b(tag, digest_size=8)
    out = []
    seen_word = pending_number = False
    anchor = 0
    last_word = max((i for i, t in enumerate(seq) if t[1] in (WORD, STOPWORD)), default=-1)
    for k in range(1, min(MAX_TOKENS, n - 1) + 1):
        tok = seq[k - 1]
        cls = tok[1]
        if cls in (WORD, STOPWORD):
            if pending_number:  # a plain number between two words: data, not furniture
                break
            seen_word = True
        elif cls == NUMBER and seen_word:
            pending_number = True
        h.update(tok[0].encode("utf-8") + b"\x1f")
        if not anchor and _is_content(tok):
            anchor = k
        if k > last_word:  # nothing but punctuation or numbers would remain
            break
        if not anchor or (not ending and cls == STOPWORD):
            continue
        if ending:
            first = text[tok[2]]
            before = seq[k]
            mark = text[before[2]]
            boundary = (
                not first.islower()
                and (cls != PUNCT or first in _OPENERS or first == "©")
                and before[1] == PUNCT
                and mark in _UNIT_END
                # glued only after a sentence end ("permission.Follow"), not in "http://x"
                and (before[3] < tok[2] or mark in ".!?")
                # not after an abbreviation ("the No. 1 bestseller", "U.S. Senate")
                and not (mark == "." and k + 1 < n and seq[k + 1][0] in _ABBREVIATIONS)
            )
        else:
            after = seq[k]
            nxt = text[after[2]]
            boundary = (nxt.isupper() or (nxt in _OPENERS or nxt in "\"'")) and after[2] > tok[
                3
            ]  # a space
            if boundary and cls == WORD and nxt.isupper():
                # a name or a capitalised phrase goes on: "Hillary| Clinton", "USA| TODAY"
                word = text[tok[2] : tok[3]]
                if word.isupper():
                    boundary = not text[after[2] : after[3]].isupper()
                else:
                    boundary = not word[0].isupper()
        # the hash of the window in text order: endings are hashed reversed, consistently
        out.append((k, int.from_bytes(h.digest(), "little"), boundary, anchor))
    return out


def _inner_number(toks: list[tuple]) -> bool:
    """A plain number between two words ("Shr 25 cts", "Body number 7 is here")."""
    seen_word = pending = False
    for t in toks:
        if t[1] in (WORD, STOPWORD):
            if pending:
                return True
            seen_word = True
        elif t[1] == NUMBER and seen_word:
            pending = True
    return False


def _line_ok(text: str, toks: list[tuple]) -> bool:
    return (
        bool(toks)
        and not text[0].islower()
        and not text.endswith(",")
        and any(_is_content(t) for t in toks)
        and not _inner_number(toks)
    )


def _short(text: str) -> bool:
    return text.count(" ") < MAX_LINE_WORDS


# ------------------------------------------------------------- inline cards

_GLUE = re.compile(r"([A-Z]\w*?[a-z]{2})(?=[A-Z0-9])")  # "JordanGraham": flattened inline
_CAPS = re.compile(r"\b[A-Z]{3,}\b")
_NAME_WORD = re.compile(r"\(?[A-Z][\w.'’-]*\)?,?")


def _card_hash(word: str) -> int:
    return int.from_bytes(
        blake2b(b"c\x1f" + word.lower().encode("utf-8"), digest_size=8).digest(), "little"
    )


def _card_starts(text: str) -> list[int]:
    """Where inline cards may start (see `_cards`), in text order: in each run of capitalised
    or bracketed words, the word after the earlier use of the last name the run repeats; else
    a glued word."""
    starts = []
    run: list[tuple[str, int, bool]] = []  # (word as a name, start, glued)

    def close() -> None:
        for i in range(len(run) - 1, 0, -1):
            for j in range(i - 1, max(-1, i - 7), -1):
                if run[j][0] == run[i][0]:
                    starts.append(run[j + 1][1])
                    return
        starts.extend(w[1] for w in run if w[2])

    for w in re.finditer(r"\S+", text):
        word = w.group()
        glue = _GLUE.match(word)
        if glue or _NAME_WORD.fullmatch(word):
            run.append(((glue.group(1) if glue else word).strip("(),"), w.start(), bool(glue)))
            if glue:  # the card's links begin inside this word: the run ends here
                close()
                run = []
        elif run:
            close()
            run = []
    if run:
        close()
    return sorted(set(starts))


def _cards(text: str) -> list[tuple[int, int, int]]:
    """Inline cards of a paragraph: a name flattened into a block of links that ends with a
    label word ("… Rep. Jim Jordan James (Jim) Daniel JordanGraham says … votes MORE (R-Ohio)",
    "Speaker Paul Ryan Paul Davis Ryan Retirees should say … MORE (R-Wis.)").

    A card starts at a glue point (a capitalised word glued to a capitalised word or a number:
    the name and the first link flattened together), moved back to the full name before it
    (to the word after an earlier use of the glued surname, over at most six capitalised or
    bracketed words), or at a full name repeating a name just used (`Paul Ryan| Paul Davis
    Ryan`); it ends with the first all-capital word whose lower case is a stopword ("MORE")
    within MAX_CARD_WORDS words. Output: (start, end, hash of the label word) per card, not
    overlapping; only cards whose label word recurs in many articles of an outlet (or of the
    corpus) are furniture (`Furniture.mark`).
    """
    stop = stopwords()
    if not any(m.group().lower() in stop for m in _CAPS.finditer(text)):
        return []  # no label word: most paragraphs stop here
    starts = _card_starts(text)
    if not starts:
        return []
    out = []
    pos = 0
    for start in starts:
        if start < pos:
            continue
        end = None
        for m in _CAPS.finditer(text, start, min(len(text), start + 12 * MAX_CARD_WORDS)):
            if m.group().lower() in stop:
                if text.count(" ", start, m.start()) <= MAX_CARD_WORDS:
                    end = m
                break
        if end is not None:
            out.append((start, end.end(), _card_hash(end.group())))
            pos = end.end()
    return out


def _links(text: str) -> list[tuple[int, int, int]]:
    """`furniture_rules.link_spans` with each label hashed: (start, end, hash) per link."""
    return [(a, b, _card_hash("(" + label)) for a, b, label in rules.link_spans(text)]


def group_key(outlet, texts: list[str] | None = None, kinds: list[str] | None = None) -> str:
    """The group an article's furniture is counted in: its outlet (given, or else the one its
    text names, `paragraphs.read_metadata`), stripped and lower-cased ("" when unknown)."""
    if not (isinstance(outlet, str) and outlet.strip()) and texts is not None:
        from newscorpus.corpus.paragraphs import read_metadata

        outlet = read_metadata(texts, kinds)["outlet"]
    return outlet.strip().lower() if isinstance(outlet, str) else ""


SHORT_LEAD = 12  # a first (last) body line this short may be furniture: the next one is scanned too


@dataclass
class _Scan:
    """One article's candidates: line hashes, and the windows of its first and last body
    paragraphs (of the first two or last two when the outer one is a short line)."""

    lines: dict[int, int]  # paragraph index -> hash (candidates only)
    openings: list[tuple[int, list, list]]  # (paragraph index, tokens, windows)
    endings: list[tuple[int, list, list]]


def _end_tokens(text: str, ending: bool) -> list:
    """Tokens of a paragraph, or only of its first (last) 600 characters when it is long."""
    if len(text) <= 600:
        return tokens(text)
    if not ending:
        return tokens(text[:600])[:-1]  # the last may be cut
    cut = len(text) - 600
    return [(a, c, s + cut, e + cut) for a, c, s, e in tokens(text[cut:])][1:]


def _line_hash(text: str) -> int:
    """A line's hash after normalising case, quotes, digits (`0`) and spaces (one regex pass;
    the line's form is checked only when it recurs, by `_line_is_furniture`)."""
    low = _URL.sub("url", text.lower()) if "http" in text or "www." in text else text.lower()
    key = " ".join(_DIGITS.sub("0", low if low.isascii() else low.translate(QUOTE_FOLD)).split())
    return int.from_bytes(blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")


def _line_is_furniture(texts: list[str], i: int) -> bool:
    """The form rules of a recurring line i: see the module docstring."""
    text = _URL.sub("url", texts[i])
    if not _line_ok(text, tokens(text)):
        return False
    for j in (i - 1, i + 1):  # a line in a table of figures is data; a sentence is no row
        row = texts[j] if 0 <= j < len(texts) else ""
        if _short(row) and _number_runs(tokens(row)) >= 2 and not _SENTENCE.search(row):
            return False
    return True


_SENTENCE = re.compile(r"^(?:\S+\s+){7}.*[a-z%)][.!?][\"'”’]?$")  # 8+ words, a stop


def _scan(texts: list[str], kinds: list[str], has_title: bool) -> _Scan:
    """Candidates of one article, from its paragraphs and their seed kinds."""
    lines = {
        i: _line_hash(text)
        for i, text in enumerate(texts)
        if not (i == 0 and has_title) and _short(text)
    }
    body = [i for i, k in enumerate(kinds) if k == "body"]
    scan = _Scan(lines, [], [])
    for ending, order in ((False, body), (True, body[::-1])):
        found = scan.endings if ending else scan.openings
        for i in order[:2]:
            text = texts[i]
            if ending or not _DATELINE_START.match(text):
                toks = _end_tokens(text, ending)
                found.append((i, toks, _windows(text, toks, ending)))
            if text.count(" ") >= SHORT_LEAD:
                break
    return scan


class Counts:
    """Stage 1: articles per group carrying each candidate line, opening and ending.

    `add` one article at a time (its paragraphs, seed kinds and outlet); `compact()` gives a
    small picklable dict {group: {"n": articles, "lines": (hashes, counts), "windows":
    (hashes, counts, boundary counts)}} of numpy arrays, to combine across partitions with
    `Furniture.from_counts`.
    """

    def __init__(self) -> None:
        self._groups: dict[str, list] = {}

    def add(self, outlet, texts: list[str], kinds: list[str], has_title: bool = True) -> None:
        """Count one article's candidates under its outlet's group."""
        g = self._groups.setdefault(group_key(outlet, texts, kinds), [0, [], [], []])
        g[0] += 1
        kinds = [k for k, _ in _seed(texts, [(k, "") for k in kinds])[0]]
        scan = _scan(texts, kinds, has_title)
        found = set(scan.lines.values())
        for i in article.bio_candidates(kinds, texts):  # a closing bio's 5-grams
            found.update(article.shingles(texts[i]))
        for text, kind in zip(texts, kinds, strict=True):
            if kind == "body":
                found.update(tail[2] for tail in tails(text))
                found.update(card[2] for card in _cards(text))
                found.update(link[2] for link in _links(text))
        g[1].extend(found)
        windows: dict[int, bool] = {}
        for _, _, found in scan.openings + scan.endings:
            for _, h, boundary, _ in found:
                windows[h] = windows.get(h, False) or boundary
        g[2].extend(windows)
        g[3].extend(windows.values())

    def compact(self) -> dict:
        """The counts as numpy arrays per group (see the class docstring)."""
        out = {}
        for key, (n, lines, wins, bounds) in self._groups.items():
            lh, lc = np.unique(np.array(lines, dtype=np.uint64), return_counts=True)
            wh, inverse, wc = np.unique(
                np.array(wins, dtype=np.uint64), return_inverse=True, return_counts=True
            )
            wb = np.bincount(inverse, weights=np.array(bounds, dtype=np.float64), minlength=len(wh))
            out[key] = {
                "n": n,
                "lines": (lh, lc.astype(np.int32)),
                "windows": (wh, wc.astype(np.int32), wb.astype(np.int32)),
            }
        return out


def _sum(parts: list[tuple]) -> tuple:
    """(hashes, counts[, boundary counts]) arrays summed over parts by hash."""
    if not parts:
        return (np.zeros(0, np.uint64), np.zeros(0, np.int64), np.zeros(0, np.int64))
    hashes = np.concatenate([p[0] for p in parts])
    uniq, inverse = np.unique(hashes, return_inverse=True)
    sums = [
        np.bincount(inverse, weights=np.concatenate([p[i] for p in parts]), minlength=len(uniq))
        for i in range(1, len(parts[0]))
    ]
    return (uniq, *(s.astype(np.int64) for s in sums))


def threshold(n_articles: int) -> int:
    """Articles a phrase must recur in to be furniture of a group of `n_articles`:
    max(MIN_COUNT, ceil(MIN_SHARE * n))."""
    return max(MIN_COUNT, math.ceil(MIN_SHARE * n_articles))


@dataclass
class _Tier:
    """The frequent candidates of one group (or the whole corpus)."""

    n: int
    threshold: int
    lines: dict[int, int]
    windows: dict[int, tuple[int, int]]  # hash -> (articles, articles where it is a unit)

    @classmethod
    def build(cls, n: int, lines: tuple, windows: tuple) -> _Tier:
        t = threshold(n)
        keep = lines[1] >= t
        lines_d = dict(zip(lines[0][keep].tolist(), lines[1][keep].tolist(), strict=True))
        keep = windows[1] >= t
        wins = dict(
            zip(
                windows[0][keep].tolist(),
                zip(windows[1][keep].tolist(), windows[2][keep].tolist(), strict=True),
                strict=True,
            )
        )
        return cls(n, t, lines_d, wins)

    def furniture_window(self, h: int, anchor_h: int) -> bool:
        found = self.windows.get(h)
        if found is None or found[1] < BOUNDARY_SHARE * found[0]:
            return False
        anchor = self.windows.get(anchor_h, found)
        return found[0] >= ANCHOR_SHARE * anchor[0]


@dataclass
class Furniture:
    """Stage 2: the furniture of a corpus (per group and corpus-wide), to mark articles with.

    Built by `from_counts`; small (only frequent hashes are kept) and picklable, so it travels
    with each partition job. `mark` applies it to one article.
    """

    groups: dict[str, _Tier] = field(default_factory=dict)
    corpus: _Tier | None = None
    shared: frozenset = frozenset()  # lines furniture of some group: furniture in every group

    def __bool__(self) -> bool:
        """Always true: with no tier (a corpus under MIN_ARTICLES articles) `mark` still
        applies the shape rules (`furniture_rules`) and the in-article copies."""
        return True

    @classmethod
    def from_counts(cls, parts: Iterable[dict]) -> Furniture:
        """Combine `Counts.compact()` results of every partition into the corpus's furniture.

        Groups of at least MIN_ARTICLES articles get their own tier; the corpus tier (every
        article) applies when the corpus has at least MIN_ARTICLES articles.
        """
        per_group: dict[str, list] = {}
        for part in parts:
            for key, g in part.items():
                acc = per_group.setdefault(key, [0, [], []])
                acc[0] += g["n"]
                acc[1].append(g["lines"])
                acc[2].append(g["windows"])
        summed = {k: (n, _sum(lines), _sum(wins)) for k, (n, lines, wins) in per_group.items()}
        furniture = cls()
        total = sum(n for n, _, _ in summed.values())
        if total >= MIN_ARTICLES:
            lines = _sum([s[1] for s in summed.values()])
            wins = _sum([s[2] for s in summed.values()])
            furniture.corpus = _Tier.build(total, lines, wins)
        if len(summed) > 1:
            for key, (n, lines, wins) in summed.items():
                if n >= MIN_ARTICLES:
                    furniture.groups[key] = _Tier.build(n, lines, wins)
        furniture.shared = frozenset().union(*(t.lines for t in furniture.groups.values()))
        return furniture

    def _tiers(self, key: str) -> list[_Tier]:
        tiers = [self.groups[key]] if key in self.groups else []
        return tiers + ([self.corpus] if self.corpus is not None else [])

    def mark(
        self,
        p_start: list[int],
        p_end: list[int],
        texts: list[str],
        classified: list[tuple[str, str]],
        has_title: bool,
        outlet,
    ) -> tuple[list[int], list[int], list[str], list[tuple[str, str]]]:
        """One article's paragraphs with its furniture marked `boilerplate`.

        Input: the paragraphs' offsets into the article's text, their (stripped) texts, their
        seed (kind, reason), whether the first is the title, and the article's outlet (None:
        unknown). Output: the same four lists, where a furniture line's kind is `boilerplate`
        and a paragraph that opens or ends with furniture is cut in two at exact offsets (the
        furniture part `boilerplate`, the rest `body`). Only body paragraphs are changed.
        """
        kinds = [k for k, _ in classified]
        tiers = self._tiers(group_key(outlet, texts, kinds) if self.groups else "")
        out, heads, heads_cut = _seed(texts, classified)
        heads = (heads, heads_cut)
        if not tiers:
            return _cut_inline(p_start, p_end, texts, out, heads)
        kinds = [k for k, _ in out]
        scan = _scan(texts, kinds, has_title)
        for i, h in scan.lines.items():
            if (
                out[i][0] in ("body", "dek")
                and (h in self.shared or any(h in t.lines for t in tiers))
                and _line_is_furniture(texts, i)
            ):
                out[i] = ("boilerplate", LINE)
        _mark_bios(texts, out, tiers)
        sign_off = _sign_off(texts[-1], tiers) if out[-1][0] == "body" else None
        if sign_off and not sign_off[1]:  # a closing line: beside a table of figures too
            out[-1] = ("boilerplate", LINE)
        mark_tails(texts, out, lambda h: any(h in t.lines for t in tiers))
        body = [i for i, (kind, _) in enumerate(out) if kind == "body"]
        first = last = -1
        cut_open = cut_end = None
        for i, toks, windows in scan.openings:
            if body and i == body[0]:
                first, cut_open = i, _best(windows, toks, tiers, ending=False)
        for i, toks, windows in scan.endings:
            if body and i == body[-1]:
                last, cut_end = i, _best(windows, toks, tiers, ending=True)
        if cut_end is None and last == len(texts) - 1 and sign_off:  # ". REUTER"
            cut_end = sign_off
        if cut_open is None and cut_end is None:
            return _cut_inline(*_cut_cards(p_start, p_end, texts, out, tiers[:1]), heads)
        starts, ends, new_texts, new_kinds = [], [], [], []
        for i, text in enumerate(texts):
            a, b = 0, len(text)  # the body part of paragraph i, in its own offsets
            pieces = []
            if i == first and cut_open is not None:
                pieces.append((0, cut_open[0], (("boilerplate", OPENING))))
                a = cut_open[1]
            tail = None
            if i == last and cut_end is not None and cut_end[0] >= a:
                tail = (cut_end[1], b, ("boilerplate", ENDING))
                b = cut_end[0]
            if pieces or tail:
                if b > a:
                    pieces.append((a, b, out[i]))
                if tail:
                    pieces.append(tail)
            else:
                pieces = [(0, len(text), out[i])]
            for s, e, kind in pieces:
                starts.append(p_start[i] + s)
                ends.append(p_start[i] + e)
                new_texts.append(text[s:e])
                new_kinds.append(kind)
        return _cut_inline(*_cut_cards(starts, ends, new_texts, new_kinds, tiers[:1]), heads)


def _mark_bios(texts: list[str], out: list[tuple[str, str]], tiers: list[_Tier]) -> None:
    """Set aside (in place) a closing author bio (`furniture_article.bio_candidates`) when at
    least BIO_SHARE of its word 5-grams recur in the tiers' threshold of articles; then a
    sign-off by its form (`furniture_article.sign_off_lines`) now that the repeated lines after
    it (a copyright line) are set aside."""
    for i in article.sign_off_lines(texts, [k for k, _ in out]):
        out[i] = ("boilerplate", article.BIO)
    for i in article.bio_candidates([k for k, _ in out], texts):
        grams = article.shingles(texts[i])
        if grams:
            hits = sum(any(h in t.lines for t in tiers) for h in grams)
            if hits >= article.BIO_SHARE * len(grams):
                out[i] = ("boilerplate", article.BIO)


def _cut_cards(starts, ends, texts, kinds, tiers: list[_Tier]):
    """The paragraphs with each inline card (see `_cards`) and bracketed link (`_links`) of a
    body paragraph cut out as a `boilerplate` piece at exact offsets, when its label word
    closes cards (its label opens links) in many articles of the article's outlet (`tiers`:
    only the outlet's own tier when it has one, else the corpus's, so that one outlet's cards
    never cut another's text). Input and output: the four lists of `Furniture.mark`."""
    if not any(tier.lines for tier in tiers):
        return starts, ends, texts, kinds

    def find(text: str) -> list[tuple[int, int, str]]:
        found = [(a, b, CARD) for a, b, h in _cards(text) if any(h in t.lines for t in tiers)]
        links = [
            (a, b, rules.PROMO) for a, b, h in _links(text) if any(h in t.lines for t in tiers)
        ]
        return sorted(
            found + [x for x in links if not any(s < x[1] and x[0] < e for s, e, _ in found)]
        )

    return _cut(starts, ends, texts, kinds, find)


def _cut(starts, ends, texts, kinds, find):
    """The paragraphs with the spans `find(text)` gives ((start, end, reason), in order, not
    overlapping) of each body paragraph cut out as `boilerplate` pieces at exact offsets; a
    body piece left without a letter ("|", ".") goes with the cut before it. Input and
    output: the four lists of `Furniture.mark`."""
    out = ([], [], [], [])
    for p_start, p_end, text, kind in zip(starts, ends, texts, kinds, strict=True):
        spans = find(text) if kind[0] == "body" else []
        if not spans:
            for lst, v in zip(out, (p_start, p_end, text, kind), strict=True):
                lst.append(v)
            continue
        pieces, pos = [], 0
        for a, b, reason in spans:
            pieces.append((pos, a, kind))
            pieces.append((a, b, ("boilerplate", reason)))
            pos = b
        pieces.append((pos, len(text), kind))
        for a, b, k in pieces:
            piece = text[a:b]
            lead = len(piece) - len(piece.lstrip())
            piece = piece.strip()
            if not piece:
                continue
            if k[0] == "body" and not any(c.isalpha() for c in piece) and out[3]:
                k = out[3][-1] if out[3][-1][0] == "boilerplate" else k
            elif k[0] == "body" and rules.line_reason(piece) in (rules.STUB, rules.ADS):
                k = ("boilerplate", rules.STUB)  # chrome left beside a cut: "Advertisement"
            out[0].append(p_start + a + lead)
            out[1].append(p_start + a + lead + len(piece))
            out[2].append(piece)
            out[3].append(k)
    return out


REPEAT_MIN_WORDS = 6  # a body line this long written again in its article is a copy


def _seed(
    texts: list[str], classified: list[tuple[str, str]]
) -> tuple[list[tuple[str, str]], frozenset[str], dict[str, int]]:
    """The fixed shape rules (`furniture_rules.line_reason`) on body and dek lines: a caption
    widget, a line of photo credits, a link stub becomes `boilerplate`; then what the article
    repeats within itself (`furniture_article`): the lines of an un-labelled photo gallery
    (both copies of each caption, GALLERY) and lower-case transcript labels standing as lines
    (TRANSCRIPT); then a body line of at least REPEAT_MIN_WORDS words that repeats, word for
    word (spaces and case aside), an earlier line of the same article other than its title (a
    pull quote, a tweet quoted then embedded): the first copy stays, the second is not new
    content (REPEAT); a closing author sign-off (`furniture_article.sign_off_lines`, BIO) and a
    headline block opening the body (`furniture_article.headline_opener`, HEADLINE). Output:
    the (kind, reason) per line, the article's lower-case label heads to cut inline
    (`furniture_article.speaker_spans`), and {line text: end} of a headline block to cut."""
    out = list(classified)
    ruled = set()
    for i, (kind, _) in enumerate(out):
        if kind in ("body", "dek"):
            reason = rules.line_reason(texts[i])
            if reason:
                out[i] = ("boilerplate", reason)
                ruled.add(i)
    kinds = [k for k, _ in out]
    for i in article.gallery_lines(texts, kinds):
        out[i] = ("boilerplate", article.GALLERY)
    speakers, heads = article.speaker_lines(texts, kinds)
    for i in speakers:
        out[i] = ("boilerplate", rules.TRANSCRIPT)
    for i in article.sign_off_lines(texts, [k for k, _ in out]):
        out[i] = ("boilerplate", article.BIO)  # "Joel B. Pollak is Senior Editor-at-Large at …"
    seen: set[str] = set()
    for i, (kind, _) in enumerate(out):
        if kind == "title" or i in ruled or texts[i].count(" ") < REPEAT_MIN_WORDS - 1:
            continue
        key = " ".join(texts[i].lower().split())
        if key in seen and kind == "body":
            out[i] = ("boilerplate", REPEAT)
        seen.add(key)
    for i in article.name_lines(texts, [k for k, _ in out]) if out[0][0] == "title" else ():
        out[i] = ("boilerplate", article.NAMES)  # "Kevin Johnson and Brad Heath"
    opener = article.headline_opener(texts, [k for k, _ in out], out[0][0] == "title")
    if opener and opener[1] >= len(texts[opener[0]]):
        out[opener[0]] = ("boilerplate", article.HEADLINE)
    return out, heads, ({texts[opener[0]]: opener[1]} if opener else {})


def _cut_inline(starts, ends, texts, kinds, heads=(frozenset(), {})):
    """Caption widgets and photo credits flattened into body paragraphs
    (`furniture_rules.inline_spans`), the article's lower-case transcript labels
    (`furniture_article.speaker_spans`; `heads`: the label heads and {line: end} of a headline
    block, `_seed`'s) and a headline block cut out at exact offsets; the four lists of `mark`."""
    labels_of, blocks = heads
    if not labels_of and not blocks:
        return _cut(starts, ends, texts, kinds, rules.inline_spans)

    def find(text: str) -> list[tuple[int, int, str]]:
        found = rules.inline_spans(text)
        labels = [
            (a, b, rules.TRANSCRIPT)
            for a, b in article.speaker_spans(text, labels_of)
            if not any(s < b and a < e for s, e, _ in found)
        ]
        found = sorted(found + labels)
        if text in blocks:  # the caption, credit and section before the headline go with it
            end = max([blocks[text]] + [b for a, b, _ in found if a < blocks[text]])
            found = [(0, end, article.HEADLINE)] + [x for x in found if x[0] >= end]
        return found

    return _cut(starts, ends, texts, kinds, find)


def _sign_off(text: str, tiers: list[_Tier]) -> tuple[int, int] | None:
    """A sign-off closing the article's last paragraph `text` (`furniture_rules.sign_off_span`)
    that the tiers repeat as a whole line: (cut, resume) as `_best` gives for an ending, (0, 0)
    when it is the whole line; None when there is none."""
    span = rules.sign_off_span(text)
    if span is None:
        return None
    hashes = {_line_hash(text[span[0] :]), _line_hash(text[span[0] : span[1]])}
    if not any(h in t.lines for h in hashes for t in tiers):
        return None
    return (len(text[: span[0]].rstrip()), span[0]) if span[0] else (0, 0)


def _best(windows, toks, tiers: list[_Tier], ending: bool) -> tuple[int, int] | None:
    """The longest furniture window that is a unit in this article: (cut, resume) offsets
    within the paragraph (opening: furniture is [0, cut), body resumes at `resume`; ending:
    body ends at `cut`, furniture starts at `resume`)."""
    if not windows:
        return None
    by_k = {k: h for k, h, _, _ in windows}
    for k, h, boundary, anchor in reversed(windows):
        if not boundary:
            continue
        anchor_h = by_k.get(anchor, h)
        if any(t.furniture_window(h, anchor_h) for t in tiers):
            seq = toks[::-1] if ending else toks
            if ending:
                return seq[k][3], seq[k - 1][2]
            return seq[k - 1][3], seq[k][2]
    return None


# the summaries, re-exported: `furniture.furniture_share`, `furniture.top_furniture`
from newscorpus.corpus.furniture_summary import furniture_share as furniture_share  # noqa: E402
from newscorpus.corpus.furniture_summary import top_furniture as top_furniture  # noqa: E402
