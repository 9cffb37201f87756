"""Furniture an article repeats within itself, and closing author bios an outlet repeats.

Three kinds, found by repetition and recognised by their form:
- an **un-labelled photo gallery** (`gallery_lines`): a gallery a site added to a page, whose
  captions the export wrote twice each, one per line, without a "Hide Caption 3 of 12"
  label (CNN). A *doubled line* is a body line (GALLERY_MIN_WORDS to GALLERY_MAX_WORDS words)
  whose next body line (furniture lines between are skipped) is the same text. Doubled lines
  whose copies lie at most GALLERY_MAX_GAP body lines apart form a run; a run of at least
  GALLERY_MIN_CAPTIONS different doubled lines is a gallery, and every line from the first
  copy of its first caption to the second copy of its last is set aside (both copies, and
  the lines between captions: a caption the export did not double). A single doubled line
  ending with a photo credit ("… (AP Photo/Name)") is a caption too, both copies. A single
  line repeated in prose (a pull quote, a tweet quoted then embedded) keeps its first copy
  (`furniture._seed` sets the later copies aside as REPEAT).
- a **lower-case transcript label** (`speaker_lines`, `speaker_spans`): a podcast transcript
  (NYT's The Daily) puts each speaker's name on its own line in lower case ("michael
  barbaro", "mark mazzetti"), and a recording's label at the start of a line ("archived
  recording (michael flynn) We do not need …"). A line of 2-4 lower-case words (a bracketed
  lower-case name or a number after them allowed, no final punctuation) that stands alone
  at least SPEAKER_MIN_LINES times in the article is a label; so is a bracketed lower-case
  stage direction on its own line ("[music]") written at least twice. A label of the
  article, or a head of 2-4 lower-case words that stands alone or opens a line before a
  bracketed lower-case name or a number at least SPEAKER_MIN_LINES times ("archived
  recording (michael flynn)", "archived recording 2"), is cut where it opens a line or
  follows a sentence's end, before a capital, a quote, a dash or a bracket; the words
  spoken stay.
- an **author bio** closing an opinion piece ("Patrick Buchanan has been an adviser to three
  presidents … His latest book is …", then a link that changes: "For more of his reports, Go
  Here Now." / "Read Patrick Buchanan's Reports — More Here."): a paragraph among the last
  BIO_LAST body paragraphs, opening with a name of 1-4 capitalised words and "is", "was",
  "has been", "writes" or a comma and "a"/"the" (`bio_form`), whose word 5-grams
  (`shingles`) recur in closing paragraphs of the outlet's articles: it is furniture when at
  least BIO_SHARE of its 5-grams reach the outlet's threshold (`furniture.threshold`), so a
  bio whose last link or date differs is still one bio.
Method: repetition within one article and across an outlet, on the shapes of scraped US news
pages (CNN galleries, NYT podcast transcripts, syndicated columns).
"""

from __future__ import annotations

import re
from hashlib import blake2b

GALLERY = "site furniture: photo gallery"
BIO = "site furniture: author bio"

GALLERY_MIN_WORDS = 3  # shortest caption counted
GALLERY_MAX_WORDS = 120  # longest caption counted
GALLERY_MAX_GAP = 2  # body lines between two doubled captions of one gallery, at most
GALLERY_MIN_CAPTIONS = 3  # different doubled captions that make a gallery
SPEAKER_MIN_LINES = 3  # a lower-case label stands alone (opens a line) this often
BIO_LAST = 3  # a bio is among the article's last body paragraphs
BIO_MAX_WORDS = 150  # longest bio
BIO_SHARE = 0.6  # share of a bio's 5-grams the outlet repeats
SHINGLE = 5  # words per shingle

_CREDIT_END = re.compile(
    r"\((?:AP|Reuters|AFP|Getty)[^()]{0,80}\)\s*$|\((?:photo|image)s?\b[^()]{0,80}\)\s*$"
    r"|\b(?:AP Photo|Getty Images|REUTERS)/[^()]{0,60}$",
    re.IGNORECASE,
)
_LABEL_LINE = re.compile(
    r"^(?P<head>[a-z][a-z.'’-]*(?: [a-z][a-z.'’-]*){1,3})"
    r"(?: \([a-z][a-z .'’-]{0,40}\)| \d{1,2})?$"
)
_STAGE_LINE = re.compile(r"^\[[a-z][a-z ,'’-]{0,30}\]$")
_OPENS_WITH_HEAD = re.compile(r"^(?P<head>[a-z][a-z'’-]*(?: [a-z][a-z'’-]*){1,3}) (?=\([a-z]|\d)")
_BIO_FORM = re.compile(
    r"^(?:(?:Dr|Mr|Mrs|Ms|Rev|Gen|Sen|Rep|Gov)\.? )?(?:[A-Z][\w.'’-]*,? ){0,3}[A-Z][\w'’-]+"
    r"(?:,? (?:is|was|has been|writes|serves|teaches)\b|, (?:a|an|the)\b)"
)


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def gallery_lines(texts: list[str], kinds: list[str]) -> list[int]:
    """Indices of the lines of un-labelled galleries (see the module docstring).

    Input: an article's lines and their kinds (only "body" lines are captions; others are
    skipped between copies). Output: sorted indices of body lines to set aside."""
    body = [i for i, k in enumerate(kinds) if k == "body"]
    pairs = []  # (position in body of the first copy, of the second, key)
    for n in range(len(body) - 1):
        a, b = texts[body[n]], texts[body[n + 1]]
        if (
            GALLERY_MIN_WORDS <= len(a.split()) <= GALLERY_MAX_WORDS
            and not a[:1].islower()
            and _key(a) == _key(b)
        ):
            pairs.append((n, n + 1, _key(a)))
    if not pairs:
        return []
    runs: list[list[tuple[int, int, str]]] = [[pairs[0]]]
    for pair in pairs[1:]:
        if pair[0] - runs[-1][-1][1] - 1 <= GALLERY_MAX_GAP:
            runs[-1].append(pair)
        else:
            runs.append([pair])
    out: list[int] = []
    for run in runs:
        captions = {key for _, _, key in run}
        credited = len(run) == 1 and bool(_CREDIT_END.search(texts[body[run[0][0]]]))
        if len(captions) >= GALLERY_MIN_CAPTIONS or credited:
            out.extend(body[run[0][0] : run[-1][1] + 1])
    return out


def speaker_lines(texts: list[str], kinds: list[str]) -> tuple[list[int], frozenset[str]]:
    """Lower-case transcript labels standing as whole lines (see the module docstring).

    Input: an article's lines and kinds. Output: (indices of body lines that are labels, the
    article's label heads to cut where they open a line: `speaker_spans`)."""
    counts: dict[str, int] = {}
    stages: dict[str, int] = {}
    for text, kind in zip(texts, kinds, strict=True):
        if kind != "body" or len(text) > 80:
            continue
        m = _LABEL_LINE.match(text)
        if m:
            counts[m["head"]] = counts.get(m["head"], 0) + 1
        elif _STAGE_LINE.match(text):
            stages[text] = stages.get(text, 0) + 1
    heads = {h for h, n in counts.items() if n >= SPEAKER_MIN_LINES}
    starts: dict[str, int] = {}
    for text, kind in zip(texts, kinds, strict=True):
        m = _OPENS_WITH_HEAD.match(text) if kind == "body" else None
        if m:
            starts[m["head"]] = starts.get(m["head"], 0) + 1
    heads |= {h for h, n in starts.items() if n + counts.get(h, 0) >= SPEAKER_MIN_LINES}
    if not heads and not stages:
        return [], frozenset()
    lines = []
    for i, (text, kind) in enumerate(zip(texts, kinds, strict=True)):
        if kind != "body":
            continue
        m = _LABEL_LINE.match(text)
        if (m and m["head"] in heads) or stages.get(text, 0) >= 2:
            lines.append(i)
    return lines, frozenset(heads)


def speaker_spans(text: str, heads: frozenset[str]) -> list[tuple[int, int]]:
    """Spans of the article's lower-case labels (`speaker_lines`' heads) in one paragraph:
    a head, with a bracketed name or a number after it, at the paragraph's start or after a
    sentence's end, followed by a capital, a quote or a dash. The words after it stay."""
    if not heads:
        return []
    alt = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
    rx = re.compile(
        rf"(?:^|(?<=[.!?”\"]) )(?:{alt})(?: \([a-z][a-z .'’-]{{0,40}}\)| \d{{1,2}})? (?=[A-Z“\"—(])"
    )
    return [m.span() for m in rx.finditer(text)]


def bio_form(text: str) -> bool:
    """A paragraph shaped as an author bio: a name, then "is", "was", "has been", "writes",
    "serves", "teaches" or ", a/an/the" (see the module docstring), at most BIO_MAX_WORDS
    words."""
    return text.count(" ") < BIO_MAX_WORDS and bool(_BIO_FORM.match(text))


def shingles(text: str) -> list[int]:
    """Hashes (64-bit BLAKE2b) of the word 5-grams of a paragraph, lower case, digits as 0."""
    words = re.sub(r"\d+", "0", text.lower()).split()
    out = []
    for n in range(max(0, len(words) - SHINGLE + 1)):
        gram = ("s\x1f" + " ".join(words[n : n + SHINGLE])).encode("utf-8")
        out.append(int.from_bytes(blake2b(gram, digest_size=8).digest(), "little"))
    return out


def bio_candidates(kinds: list[str], texts: list[str]) -> list[int]:
    """Indices of the paragraphs among the last BIO_LAST body paragraphs shaped as a bio."""
    body = [i for i, k in enumerate(kinds) if k == "body"][-BIO_LAST:]
    return [i for i in body if bio_form(texts[i])]
