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
- an **author sign-off** that changes with every author, so repetition misses it ("Joel B.
  Pollak is Senior Editor-at-Large at Breitbart News …", "Nathan L. Gonzales is an elections
  analyst for CQ Roll Call.", "Follow him on Twitter @…"), recognised by its form
  (`sign_off_lines`): among the last BIO_LAST body paragraphs, with only sign-offs and trailer
  lines ("He is …", "Follow her on Twitter …", "You can email him at …") after it, a paragraph
  of at most BIO_MAX_WORDS words whose first sentence names a person (2-4 capitalised words or
  initials, a title such as "Sen." allowed, no "The"), then "is", "was", "has been", "serves
  as" or "writes", and a role word (editor, columnist, contributor, professor, fellow, host,
  analyst …) within ROLE_WORDS words; the person is the author when the first name is a known
  given name (PyPI `nicknames`), the surname is the byline's, the role is held at, of or for
  a named body ("… at the Urban Institute") or the paragraph closes the article. A paragraph
  reporting speech ("said", "told") is never one.
- a **headline block** flattened into the first body paragraph (`headline_opener`): Politico's
  page opens with the lead photo's caption, its credit, a section label and the headline
  again ("… Democrats. | Ted S. Warren/AP Photo 2020 Elections ‘You couldn’t spend a dime?’:
  Jay Inslee ticks off the wrong state When the …"): when the article's title stands in the
  paragraph's first OPENER_WORDS words as a unit (a capital, a quote or the end after it),
  everything up to the title's end is cut; the dek after it stays. Older pages close the
  caption with a short homepage headline instead ("Perry has even toyed publicly with … in
  2014. Perry tests his strength in Texas"): a first body paragraph of at most OPENER_WORDS
  words, with body after it, whose last unit (after its last sentence end or credit bar) has
  at most 14 words, no closing full stop and a content word of the title is set aside whole;
  a last unit ending in "?" or "!" needs at least half its content words, and three, from
  the title, a paragraph of one unit (under 10 words) at least half ("The Big Think Economists on the Run").
Method: repetition within one article and across an outlet, on the shapes of scraped US news
pages (CNN galleries, NYT podcast transcripts, syndicated columns).
"""

from __future__ import annotations

import re
from hashlib import blake2b

GALLERY = "site furniture: photo gallery"
BIO = "site furniture: author bio"
HEADLINE = "site furniture: headline repeated"
NAMES = "site furniture: name line"
NAME_LINE_FIRST = 4  # a name line stands among the first lines after the title

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


ROLE_WORDS = 12  # the role word follows the verb within this many words
_HONORIFIC = r"(?:(?:Dr|Mr|Mrs|Ms|Rev|Gen|Sen|Rep|Gov|Prof|Amb)\.? )?"
_PERSON = r"(?:[A-Z][a-z][\w'’-]*|[A-Z]\.(?: ?[A-Z]\.)*|(?:de|van|von|del|da|la)\b)"
_SIGN_OFF = re.compile(
    rf"^{_HONORIFIC}(?!(?:The|This|That|These|Those|It|Its|Our|My|His|Her|Their|In|On|At)\b)"
    rf"(?P<name>[A-Z](?:[a-z][\w'’-]*|\.(?: ?[A-Z]\.)*|[A-Z](?= ))(?: {_PERSON}){{1,3}}),?"
    r" (?:is|was|has been|serves as|writes|is also)\b(?P<rest>[^.!?]*(?:\b[A-Z]\.[^.!?]*)*)"
)
_ROLE = re.compile(
    r"\b(?:editor|editors|columnist|contributor|contributing|writer|reporter|correspondent"
    r"|author|professor|lecturer|fellow|scholar|director|president|founder|co-founder|host"
    r"|commentator|analyst|chairman|chairwoman|chair|ceo|member|executive|partner|attorney"
    r"|lawyer|economist|strategist|adviser|advisor|consultant|researcher|student|veteran"
    r"|journalist|blogger|historian|physician|pastor|rabbi|dean|officer|chief|producer"
    r"|democrat|republican|senator|congressman|congresswoman|representative|governor|mayor"
    r"|candidate|secretary|ambassador|activist|specialist|expert|head|manager|coordinator"
    r"|associate|assistant|teacher)\b",
    re.IGNORECASE,
)
_HELD_AT = re.compile(r"\b(?:at|of|for|with|to|on)\s+(?:the\s+)?[A-Z“\"]")
_TRAILER = re.compile(
    r"^(?:(?:He|She|They|His|Her|Their) (?:is|was|has|have|are|also|latest|new|book|most|can)\b"
    r"|(?:You can )?(?:follow|email|e-mail|reach|contact) (?:him|her|them|me)\b"
    r"|Follow \S+ on\b|This (?:column|article|piece|op-ed|essay) (?:was|originally|first)\b"
    r"|The views (?:expressed )?(?:in|here)\b)",
    re.IGNORECASE,
)
_SPEECH = re.compile(r"\b(?:said|says|told|tells|according to)\b")


OPENER_WORDS = 60  # the headline block stands within this many words of the first paragraph
_TITLE_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "—": "-", "–": "-"})
# a full stop after an initial, a title or a state is no sentence end ("Gov. Rick Perry",
# "U.S.", "W.H.", "Ariz.")
_ABBREVIATION = re.compile(
    r"\b(?:(?:[A-Z]\.?)*[A-Z]|Gov|Sens?|Reps?|Mrs?|Ms|Dr|St|Gen|Lt|Col|Sgt|Capt|Jr|Sr|Rev|Prof"
    r"|Inc|Co|Corp|Ltd|No|vs|Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass"
    r"|Mich|Minn|Miss|Mo|Mont|Neb|Nev|Okla|Ore|Pa|Tenn|Tex|Va|Vt|Wash|Wis|Wyo)$"
)
_LAST_UNIT = re.compile(r"[.!?][\"'”’)]*\s+(?:\|\s*)?|\s\|\s*")


def _fold(text: str) -> str:
    return " ".join(text.translate(_TITLE_FOLD).lower().split())


def _title_words(title: str) -> set[str]:
    from newscorpus.corpus.furniture_tokens import stopwords

    words = re.findall(r"[a-z][a-z'-]{2,}", _fold(title))
    return {w for w in words if w not in stopwords()}


_ONE_NAME = (
    r"(?:(?:Sen|Rep|Gov|Dr|Mr|Mrs|Ms|Rev|Gen|Pres)\.? )?[A-Z][\w'’.-]*"
    r"(?: (?:[A-Z][\w'’.-]*|[A-Z] \.|de|van|von|del|da|la)){1,3}"
)
_NAME_LINE = re.compile(rf"^{_ONE_NAME}(?:(?:,| and|, and) {_ONE_NAME})*,?$")


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


def _first_names() -> frozenset[str]:
    """Given names and nicknames, lower case (PyPI `nicknames`); empty when not installed."""
    global _FIRST_NAMES
    if _FIRST_NAMES is None:
        try:
            from nicknames import NickNamer
        except ImportError:  # pragma: no cover - a declared dependency
            _FIRST_NAMES = frozenset()
        else:
            table = NickNamer().nickname_lookup
            _FIRST_NAMES = frozenset(table) | {n for v in table.values() for n in v}
    return _FIRST_NAMES


_FIRST_NAMES: frozenset[str] | None = None


def sign_off_form(text: str, surnames: frozenset[str] = frozenset(), last: bool = False) -> str:
    """The surname of the person an author sign-off introduces ("Joel B. Pollak is Senior
    Editor-at-Large at Breitbart News …" -> "Pollak"), "" when `text` is none (see the module
    docstring): a person named in full, "is/was/has been/serves as/writes", a role word within
    ROLE_WORDS words; the person is taken for the author when the first name is a given name,
    the surname is in `surnames` (the byline's, lower case), the role is held at/of/for a named
    body, or `last` (the paragraph closes the article). Never a paragraph reporting speech or
    over BIO_MAX_WORDS words."""
    if text.count(" ") >= BIO_MAX_WORDS or _SPEECH.search(text):
        return ""
    m = _SIGN_OFF.match(text)
    if not m or not _ROLE.search(" ".join(m["rest"].split()[:ROLE_WORDS])):
        return ""
    names = m["name"].split()
    if names[-1].lower() in surnames or last or _HELD_AT.search(m["rest"]):
        return names[-1]
    return names[-1] if names[0].lower() in _first_names() else ""


def sign_off_lines(texts: list[str], kinds: list[str]) -> list[int]:
    """Indices of an article's closing author sign-off and the trailer lines after it
    (`sign_off_form`, `_TRAILER`; see the module docstring). Input: the article's lines and
    kinds; the byline's surname is read from a "byline" line ("By Joel B. Pollak"). A person
    the body named before (a newsmaker: "… Trump said." … "Donald Trump is the president …")
    is no author, unless the byline names him."""
    body = [i for i, k in enumerate(kinds) if k == "body"]
    if not body:
        return []
    surnames = frozenset(
        t.rstrip(" .,").split()[-1].lower()
        for t, k in zip(texts, kinds, strict=True)
        if k == "byline" and t.split()
    )
    tail = body[-BIO_LAST:]
    for n, i in enumerate(tail):
        if i == body[0]:
            continue  # the article's only text is no sign-off of it
        name = sign_off_form(texts[i], surnames, last=i == body[-1])
        if not name:
            continue
        # the same bio printed at the top too ("Sahar Aziz is …" under the headline) is no mention
        before = " ".join(texts[j] for j in body if j < i and not sign_off_form(texts[j]))
        if name.lower() not in surnames and re.search(rf"\b{re.escape(name)}\b", before):
            continue
        after = tail[n + 1 :]
        if all(sign_off_form(texts[j], surnames, True) or _TRAILER.match(texts[j]) for j in after):
            return [i, *after]
    return []


# a line ending in a date ("HONG KONG 1996-08-30", "WASHINGTON, Aug. 30"): a dateline, never a
# headline block
_DATE_END = re.compile(
    r"(?:\b\d{4}-\d{2}-\d{2}|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
    r" \d{1,2}(?:, \d{4})?)\s*$"
)


def headline_opener(texts: list[str], kinds: list[str], has_title: bool) -> tuple[int, int] | None:
    """The headline block flattened into an article's first body paragraph (see the module
    docstring): (line index, end offset of the block in that line); the end is the line's
    length when the whole line is the block. None when there is none or no title."""
    body = [i for i, k in enumerate(kinds) if k == "body"]
    if not has_title or len(body) < 2 or not texts[0].strip():
        return None
    i, text = body[0], texts[body[0]]
    words = list(re.finditer(r"\S+", text))
    head = text[: words[min(OPENER_WORDS, len(words)) - 1].end()] if words else text
    title = " ".join(texts[0].split())
    if title.count(" ") >= 3:
        folded, want = head.translate(_TITLE_FOLD).lower(), title.translate(_TITLE_FOLD).lower()
        at = folded.find(want)
        end = at + len(want)
        if at >= 0 and (at == 0 or folded[at - 1] == " "):
            after = text[end:]
            if not after.strip() or re.match(r"\s+[A-Z\"“‘']", after):
                return i, end if after.strip() else len(text)
    close = text.rstrip().rstrip("\"'”’)]")[-1:]  # its last mark, inside a closing quote too
    if text.count(" ") >= OPENER_WORDS or close in ".:;,":
        return None
    cut = [m for m in _LAST_UNIT.finditer(text) if not _ABBREVIATION.search(text, 0, m.start())]
    cut = cut[-1:]
    last = text[cut[-1].end() :] if cut else text
    if not re.match(r"[A-Z0-9‘'\"“]", last):  # "… me.” - Donald Trump": an epigraph's credit
        return None
    words, shared = _title_words(last), _title_words(last) & _title_words(title)
    if last.count(" ") >= 14 or not shared or _DATE_END.search(last):
        return None  # a dateline ("PANAMA CITY 1996-08-30") shares the title's place: content
    after_bar = bool(cut) and "|" in cut[-1].group()
    half = 2 * len(shared) >= len(words)  # a headline of the title's own words
    question = close in ("?", "!")
    if after_bar or (cut and not question) or (half and len(shared) >= 3 and question):
        return i, len(text)
    return (i, len(text)) if half and not cut and last.count(" ") < 10 else None


def name_lines(texts: list[str], kinds: list[str]) -> list[int]:
    """Indices of name lines (see the module docstring) among an article's first
    NAME_LINE_FIRST lines after its title, when a longer body line follows them."""
    body = [i for i, k in enumerate(kinds) if k == "body"]
    out = []
    for n, i in enumerate(body):
        if i > NAME_LINE_FIRST or n == len(body) - 1:
            break
        text = texts[i]
        if text.count(" ") < 12 and _NAME_LINE.match(text) and _a_given_name(text):
            out.append(i)
    return out


def _a_given_name(text: str) -> bool:
    """Whether one of the names of a name line opens with a given name ("Kevin Johnson and
    Brad Heath"; not "Trump Wins Iowa", a headline in title case)."""
    for name in re.split(r",? and |, ", text.rstrip(",")):
        words = re.sub(r"^(?:Sen|Rep|Gov|Dr|Mr|Mrs|Ms|Rev|Gen|Pres)\.? ", "", name).split()
        if words and words[0].lower() in _first_names():
            return True
    return False
