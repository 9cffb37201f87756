"""Fixed seed rules of site furniture: caption widgets, photo credits and link stubs, by shape.

Repetition (`furniture`) finds what an outlet repeats word for word. Some furniture never
repeats word for word because part of it changes in every article: a photo credit names its
photographer ("Alex Wong/Getty Images", "(Photo by Mark Wilson/Getty Images)"), a caption
widget carries the credit of its picture ("Enlarge this image toggle caption Evan Vucci/AP
Evan Vucci/AP"), a link stub carries a headline ("… ballot count Read more", "Read more: How
…"). These are recognised by their shape, the same in every outlet:
- a **widget label** (`toggle caption`, `hide caption`, `Enlarge this image`, `Image caption`,
  `Image copyright`, `Buy Photo`, `Story continues below`, `Advertisement`; a line opening
  with a share bar of three or more platforms, "Facebook Twitter Pinterest <caption>") names
  the page's controls, never the news;
- a **credit** is a run of capitalised words joined by `/` or `|` ending at a picture agency
  ("Name/Getty Images", "Name/AFP via Getty Images", "AP Photo/Name", "REUTERS/Name"), or a
  bracketed one "(Photo: …)", "(Photo by …)", "(Name/Getty Images)"; a bare "Getty Images"
  counts only as a unit of its own (a line's start before a capital, or its end);
- a **labelled credit line** opens with "Photo:", "Image:", "Photo credit:", "Image source:",
  "Featured image:" … and is short (at most LABEL_MAX_WORDS words);
- a **link stub** is a line "Read more (here)", "Read more: <headline>", "<headline> Read more"
  or a short "Click here to …" line;
- a **bare agency credit line** is a line naming only picture agencies or platforms ("Getty.",
  "Getty/Instagram.", "AP Photo", "Reuters");
- **embed markup** (`markup_spans`) is what an export keeps of an embedded post: tags
  (`<tweet tweet-id="…"><tweet/>`, `<tweet id=… author=…>`, `</tweet>`, `<a href=…>`, a tag
  broken over two lines), picture
  links (`pic.twitter.com/…`, `https://t.co/…`) and the post's signature ("— Paul Ryan
  (@SpeakerRyan) July 5, 2016"); the post's own words between the tags stay body text.

- a **transcript or section label** (`transcript_spans`) is a speaker's name or a section's
  label in capitals before a colon at a line's start ("AMY GOODMAN:", "MICHAEL BARBARO:",
  "SEE ALSO:", "FILE PHOTO:"; a dateline's place, "WASHINGTON:", is not one), a stage direction in capitals in
  brackets ("[ARCHIVED RECORDING]", "(CROSSTALK)") or a live blog's time stamp at a line's
  start ("Update at 11:53 p.m. ET:"); the words spoken or updated stay body text.

Page widgets flattened into the text, whose fixed words frame a changing part (a headline, a
newsletter's name, a commenter), are recognised by their frame (`widget_spans`):
- a **video card** "JUST WATCHED <headline> Replay More Videos ... MUST WATCH <headline> 01:55"
  (CNN's player, whole lines or glued mid-paragraph);
- a **newsletter box**: a run of the sign-up form's sentences ("Sign Up", "You will receive
  emails containing …", "You may opt-out at any time.", "By signing up you agree to receive
  email newsletters …", "This site is protected by reCAPTCHA and the Google Privacy Policy and
  Terms of Service apply.", "View all … newsletters."), with the plug before it on its line
  ("Morning Score newsletter Your guide to … Email Sign Up") when that line is short;
- a **related link** "(Also on POLITICO: <headline>)";
- **ad slots** "AD AD", with a live-blog entry's byline glued before them ("By John Wagner AD
  AD"), and one marker "AD" or "ADVERTISEMENT" as a unit of its own (after a sentence's end or
  at a line's start, before a capital, a quote or the end: "By Mike DeBonis AD Fauci said …",
  "… MORE. ADVERTISEMENT", "AD‘Complete disbelief’: …") or "Advertisement" glued to the next
  word ("AdvertisementOPINION: …"); "AD" inside a sentence ("the list of AD 2020 hopefuls") or a
  headline in capitals ("… ‘PROSTITUTE’ AD") is none; a line "AD" is one;
- a **byline left in the text** at a paragraph's end after a sentence ("… the White House? By
  Michael Hirsh": 2-3 capitalised words, no month or weekday) (BYLINE);
- a **contributor trailer** "Contributing: Name, USA TODAY; Name" closing a paragraph after a
  sentence (USA Today; CONTRIBUTORS; a line of its own is the reader's "contributor line");
- a **comment widget** (Livefyre, flattened: "34 postsGet LivefyreFAQSign in … Newest |
  Oldest", "<author>FlagShareLikeReply<moderator> 5ptsmoderatorFeaturedFebruary 6, 2016
  11:19PM").

`line_reason` gives the reason when a whole line is furniture; `inline_spans` gives the spans
to cut out of a longer paragraph (one-paragraph bodies with the caption flattened inline) at
exact offsets. A sentence that only mentions Getty Images or ends with "(Source: …)" is
neither: a source credit is never a photo credit, and "Getty Images" inside a sentence is no
unit of its own. Method: shapes of credits and widgets in scraped news exports (newspaper3k
output of US/UK news sites); the agency list below names picture agencies, not outlets.
"""

from __future__ import annotations

import csv
import functools
import re

from newscorpus.corpus import furniture_labels as label_rules
from newscorpus.corpus import furniture_paywall as paywall
from newscorpus.corpus.furniture_article import BIO, GALLERY, HEADLINE, NAMES
from newscorpus.paths import DATA_DIR

LINE = "site furniture: repeated line"
OPENING = "site furniture: repeated opening"
ENDING = "site furniture: repeated ending"
TAIL = "site furniture: repeated tail"
CARD = "site furniture: repeated card"
WIDGET = label_rules.WIDGET  # "site furniture: caption widget"
CREDIT = "site furniture: photo credit"
STUB = "site furniture: link stub"
NOTE = "site furniture: editor's note"
VIDEO = "site furniture: video card"
NEWSLETTER = "site furniture: newsletter box"
PROMO = label_rules.PROMO  # "site furniture: related link"
COMMENTS = "site furniture: comment widget"
ADS = "site furniture: ad slot"
REPEAT = "site furniture: repeated in the article"
MARKUP = "site furniture: embed markup"
TRANSCRIPT = "site furniture: transcript or section label"
BYLINE = "site furniture: byline in the text"
CONTRIBUTORS = label_rules.CONTRIBUTORS  # "site furniture: contributor line"
PAYWALL = "site furniture: paywall prompt"
REASONS = (LINE, OPENING, ENDING, TAIL, CARD, WIDGET, CREDIT, STUB, NOTE)
REASONS += (VIDEO, NEWSLETTER, PROMO, COMMENTS, ADS, REPEAT, MARKUP, GALLERY, BIO)
REASONS += (BYLINE, CONTRIBUTORS, HEADLINE, NAMES, TRANSCRIPT, PAYWALL)
REASONS += (label_rules.STAMP, label_rules.SYNDICATION, label_rules.TAGS)  # `furniture_labels`
# the short name of each reason in summaries (`furniture_summary.top_furniture`'s `where`)
WHERE = {r: r.rsplit(" ", 1)[-1] for r in REASONS[:9]} | {
    VIDEO: "video",
    NEWSLETTER: "newsletter",
    PROMO: "related",
    COMMENTS: "comments",
    ADS: "ads",
    REPEAT: "copy",
    MARKUP: "markup",
    GALLERY: "gallery",
    BIO: "bio",
    BYLINE: "byline",
    CONTRIBUTORS: "contributors",
    HEADLINE: "headline",
    NAMES: "names",
    TRANSCRIPT: "label",
    PAYWALL: "paywall",
    label_rules.STAMP: "stamp",
    label_rules.SYNDICATION: "syndication",
    label_rules.TAGS: "tags",
}

WIDGET_MAX_WORDS = 150  # a line opening with a widget label is a caption up to this length
CREDIT_MAX_WORDS = 20  # longest line made of credits and widget labels only
LABEL_MAX_WORDS = 15  # longest line "Photo: …", "Image: …", "Read more: …"
STUB_MAX_WORDS = 30  # longest "<headline> Read more" line
NOTE_MAX_WORDS = 120  # longest line opening "Editor's note:" set aside whole
CREDIT_LEAD_WORDS = 30  # a caption before an inline credit this short is cut with it
SIGN_OFF_WORDS = 3  # longest sign-off closing an article ("Reuter", "REUTER...", "-- AP")

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
_SHARE = r"(?:facebook|twitter|pinterest|whatsapp|linkedin|reddit|email|messenger)"
_WIDGET_START = re.compile(
    r"^(?:enlarge this image|toggle caption|hide caption|image caption|image copyright"
    rf"|{_SHARE}(?: {_SHARE}){{2,}})\b",  # a share bar over a picture: "Facebook Twitter Pinterest"
    re.IGNORECASE,
)
_CHROME_LINE = re.compile(
    r"^(?:(?:advertisement|story continues below(?: advertisement)?|scroll to continue"
    r"(?: with content)?|continue reading(?: below| the main story)?|read more(?: here| below)?"
    r"|more below"
    r"|buy photo|thanks for watching|visit website)[\s:.!]*)+$",  # a video's end card too
    re.IGNORECASE,
)
_AD_LINE = re.compile(r"^AD(?: AD)*$")
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


# a line naming only picture agencies or platforms: "Getty.", "Getty/Instagram.", "AP Photo"
_AGENCY_WORD = (
    r"(?:Getty(?: Images)?|AP(?: Photos?| Images)?|Reuters|REUTERS|AFP|EPA|Shutterstock"
    r"|iStock(?:photo)?|Instagram|Twitter|Facebook|YouTube|File|Pool)"
)
_BARE_CREDIT_LINE = re.compile(
    rf"^(?=.*(?:Getty|AP|Reuters|REUTERS|AFP|EPA|Shutterstock|iStock)){_AGENCY_WORD}"
    rf"(?:\s*[/|,]\s*{_AGENCY_WORD})*\s*\.?$"
)
# embed markup: a tag on one line (as `corpus.parse` reads it), a picture link, a signature
# a tag: a lower-case name (or a short one in capitals, "<P>", "<BR>") and attributes with
# "="; "<Gruppo Ferruzzi>" (Reuters' mark of a company's name) is no tag
_TAG = re.compile(r"</?(?:[a-z][\w:.-]*|[A-Z]{1,10})(?:\s+[^<>\n]{0,500}?=[^<>\n]{0,500}?)?\s*/?>")
# a tag an export broke over two lines: its opening runs to the line's end
# ('<tweet tweet-author="@tedcruz" tweet-date="January 19, 2016'), its rest opens the next
# ('">I love …<tweet/>.')
_TAG_OPEN = re.compile(r'<[A-Za-z][\w:.-]*(?:\s+[\w:.-]+="[^"<>\n]{0,500}"?)*\s*$')
_TAG_REST = re.compile(r'^[^<>\n"]{0,120}"\s*/?>')
_PIC_LINK = re.compile(r"\b(?:https?://)?(?:pic\.twitter\.com|t\.co)/\w+")
# an ad slot's or widget's settings as JSON ('{"unitName":"dfpPosition1","display":"mobile"}'),
# with the "hidden ad unit" note some pages print after it
_JSON = re.compile(r'\{\s*"[\w-]+"\s*:[^{}\n]{0,2000}\}(?:\s*hidden ad unit\.?)?')
_SIGNATURE = re.compile(
    r"[—–]\s*[^\s()<>—–][^()<>\n—–]{0,60}?\s*\(@\w{1,15}\)"
    r"\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}"
)
_SHOUT_SIGN_UP = re.compile(r"\bSIGN UP FOR (?:OUR|THE) NEWSLETTER\b")


def markup_spans(text: str) -> list[tuple[int, int]]:
    """Spans of embed markup in `text` (see the module docstring), in order, not overlapping:
    tags, picture links, an embedded post's signature, an ad slot's JSON settings and the
    "SIGN UP FOR OUR NEWSLETTER" prompt some exports glue inside it. The words between two
    tags are not markup."""
    if all(c not in text for c in ("<", "(@", "/", "SIGN UP", '{"', '{ "')):
        return []
    rx_all = (_TAG, _TAG_OPEN, _TAG_REST, _PIC_LINK, _SIGNATURE, _JSON)
    found = [m.span() for rx in rx_all for m in rx.finditer(text)]
    found += [m.span() for m in _SHOUT_SIGN_UP.finditer(text)]
    out: list[tuple[int, int]] = []
    for a, b in sorted(found):
        if out and a < out[-1][1]:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        elif out and not text[out[-1][1] : a].strip():
            out[-1] = (out[-1][0], b)  # markup pieces with only spaces between: one span
        else:
            out.append((a, b))
    return out


_SPEAKER_LABEL = re.compile(
    r"^[ \t]*(?:[A-Z][A-Z.'’-]+(?:[ \t]+[A-Z][A-Z.'’-]+){0,3}"
    r"(?:[ \t]*\((?:[A-Z][A-Za-z .'’-]{0,30})\))?):[ \t]+(?=\S)",
    re.MULTILINE,
)
_STAGE = re.compile(r"[\[(][ \t]*[A-Z][A-Z ,.'’/-]{2,40}[ \t]*[\])]")
_STAMP = re.compile(
    r"^[ \t]*(?:UPDATE|Update|UPDATED|Updated)(?:[ \t]+at)?[ \t]+\d{1,2}(?::\d{2})?[ \t]*"
    r"(?:[ap]\.?m\.?|[AP]M)(?:[ \t]+(?:ET|EDT|EST|CT|CDT|CST|PT|PDT|PST|GMT|BST))?\.?[ \t]*:?[ \t]*",
    re.MULTILINE,
)
_NOT_SPEAKERS = frozenset({"A", "I", "Q", "AND", "OR", "THE", "NOTE", "P.S."})


def transcript_spans(text: str) -> list[tuple[int, int]]:
    """Spans of transcript labels in `text` (see the module docstring), in order, not
    overlapping: "AMY GOODMAN: " at a line's start (1–4 words in capitals, a bracketed
    affiliation allowed, not a lone "A:"/"Q:"), "[ARCHIVED RECORDING]", "(CROSSTALK)", and
    "Update at 11:53 p.m. ET: " at a line's start. The words after a label stay."""
    if ":" not in text and "[" not in text and "(" not in text and "pdate" not in text:
        return []
    found = [m.span() for m in _STAMP.finditer(text)]
    for m in _SPEAKER_LABEL.finditer(text):
        name = m.group().strip().rstrip(":").split("(")[0].strip()
        if name in _NOT_SPEAKERS or len(name) < 2 or name.casefold() in dateline_places():
            continue  # "WASHINGTON: …" is a dateline, not a speaker
        found.append(m.span())
    found += [m.span() for m in _STAGE.finditer(text) if _stage_words(m.group())]
    out: list[tuple[int, int]] = []
    for a, b in sorted(found):
        if out and a < out[-1][1]:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out


@functools.cache
def dateline_places() -> frozenset[str]:
    """Countries, capitals and large cities (`data/countries.csv`, `data/places.csv`), lower
    case: a dateline written "PLACE:" is no transcript label."""
    names: set[str] = set()
    with (DATA_DIR / "countries.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            names |= {row["country"], *row["cities"].split("|")}
    with (DATA_DIR / "places.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            names |= {row["name"], *row["variants"].split("|")}
    return frozenset(n.strip().casefold() for n in names if n.strip())


def _stage_words(bracket: str) -> bool:
    """A stage direction has at least one word of 4+ capitals ("[MUSIC]", "(CROSSTALK)"), not
    an acronym list in brackets ("(AP)", "(NYSE: GE)")."""
    words = re.findall(r"[A-Z]{4,}", bracket)
    return (
        bool(words)
        and ":" not in bracket
        and not re.fullmatch(r"[\[(]\s*[A-Z]{2,5}\s*[\])]", bracket)
    )


# Words or marks every credit or widget shape holds: a cheap test before the regex scans.
_KEYS = ("/", "|", "getty", "caption", "enlarge", "buy photo", "continues below", "previous next")
_KEYS += ("photo", "image", "picture", "credit")


_BEFORE_UNIT = re.compile(r"(?:^|[.!?\"”’)]\s+)$")  # a label is a unit of its own: after a
_AFTER_UNIT = re.compile(r"\s*$|\s+[A-Z0-9\"“(©]")  # sentence end, before a capital


def _only(text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether `spans` cover every word of `text` (no two letters left outside them)."""
    if not spans:
        return False
    rest = text
    for a, b in reversed(spans):
        rest = rest[:a] + " " + rest[b:]
    return not re.search(r"[^\W\d_]{2}", rest)


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
    labelled credit ("Photo: …", "Image: …", at most LABEL_MAX_WORDS words; "Related: …",
    "Read more: …" up to STUB_MAX_WORDS when it ends with no full stop), a chrome line
    ("Advertisement Advertisement", "Story continues below advertisement") or a link stub
    ("Read more: <headline>", "<headline> Read more", a short "Click here to …" line), or an
    editor's note ("Editor's note: …", at most NOTE_MAX_WORDS words); a bare agency credit
    ("Getty.", "Getty/Instagram.", at most 6 words) is a credit, and a line of embed markup only
    (`markup_spans`: `<tweet tweet-id="…"><tweet/>.`) is MARKUP; a paywall's prompt
    (`furniture_paywall.prompt_line`: "Subscribe to continue reading", "This content is for
    subscribers", "Subscribe now for as little as $2 a month!") is PAYWALL.
    """
    words = _words(text)
    if words <= 6 and _AD_LINE.match(text):
        return ADS  # "AD", "AD AD" between a page's paragraphs
    if words <= 6 and _CHROME_LINE.match(text):
        return STUB
    if words <= 6 and _BARE_CREDIT_LINE.match(text):
        return CREDIT
    if _only(text, markup_spans(text)):
        return MARKUP
    if _only(text, transcript_spans(text)):
        return TRANSCRIPT  # "[ARCHIVED RECORDING]" on its own line
    if _WIDGET_START.match(text) and words <= WIDGET_MAX_WORDS:
        return WIDGET
    if words <= CREDIT_MAX_WORDS:
        rest = text
        for a, b in reversed(credit_spans(text)):
            rest = rest[:a] + " " + rest[b:]
        rest = _WIDGET_RE.sub(" ", rest)
        if rest != text and not re.search(r"[^\W\d_]{2}", rest):
            return CREDIT
    if (words <= LABEL_MAX_WORDS or words <= STUB_MAX_WORDS and text[-1] != ".") and re.match(
        r"(?i)(?:read more|related|see also)\s*:", text
    ):
        return STUB  # "RELATED: <a headline>"; a long one ends with no full stop
    if words <= LABEL_MAX_WORDS and _LABEL_LINE.match(text):
        return CREDIT
    if words <= STUB_MAX_WORDS and _STUB_TAIL.search(text):
        return STUB
    if words <= 15 and _CLICK.match(text):
        return STUB
    if words <= NOTE_MAX_WORDS and _EDITORS_NOTE.match(text):
        return NOTE
    if paywall.prompt_line(text):
        return PAYWALL  # "Subscribe to continue reading", "Already a subscriber? Log in"
    return label_rules.line_reason(text)  # a share bar, a time stamp, "Related Coverage …"


# a sentence's end, or a table row's last figure ("17", "(0.361)")
_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)\]]*\s+|(?:(?<=\d)|(?<=\d\)))\s+")


def sign_off_span(text: str) -> tuple[int, int] | None:
    """Where a sign-off may close an article's last paragraph `text`: its last unit (the whole
    line, or what follows its last sentence end or figure: "… a tenth of an ounce. REUTER",
    a table's last row "SANTA FE....21....18....17 REUTER") when that unit has at most
    SIGN_OFF_WORDS words, a word of two letters and no digit.

    Output: (start, key end): the sign-off is text[start:], compared as a whole line without
    the dots or ellipsis that may close it (text[start:key end]: "REUTER..." is "REUTER");
    None when the last unit is longer or holds a figure. Only a candidate: `furniture` sets it
    aside when the outlet (or the corpus) repeats it as a whole line in the threshold of
    articles, wherever the article ends (beside a table of figures, in lower case). Method:
    the wire's sign-off line ("Reuter") in Reuters-21578 items.
    """
    core = text.rstrip(" .…\r\n")
    if not core:
        return None
    start = 0
    for m in _SENTENCE_BREAK.finditer(core):
        start = m.end()
    key = core[start:]
    if _words(key) > SIGN_OFF_WORDS or any(c.isdigit() for c in key):
        return None
    if not re.search(r"[^\W\d_]{2}", key):
        return None
    return start, len(core)


def _doubled(text: str, pos: int, limit: int = 14) -> int | None:
    """End of a credit written twice from `pos` ("Evan Vucci/AP Evan Vucci/AP", NPR's caption
    widget): the shortest k <= `limit` words such that the next k words repeat them."""
    spans = [m.span() for m in re.finditer(r"\S+", text[pos : pos + 400])]
    words = [text[pos + a : pos + b] for a, b in spans]
    for k in range(1, min(limit, len(words) // 2) + 1):
        if words[:k] == words[k : 2 * k]:
            return pos + spans[2 * k - 1][1]
    return None


_VIDEO_CARD = re.compile(
    r"JUST WATCHED\s+(?P<h>\S.{0,240}?)\s*Replay\s+More\s+Videos\s*(?:\.{3}|…)?"
    r"(?:\s*MUST WATCH(?:\s+(?P=h))?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)?"
)
# the sentences of a sign-up form: never the news, whatever the outlet
_FORM = (
    r"(?:Newsletter\s+|Email\s+)?Sign Up(?=\s|$)(?!\s+(?:for|to)\b)"
    r"|Continue reading the main story"
    r"|Please verify you[’']re not a robot by clicking the box\."
    r"|Invalid email address\.(?: Please re-enter\.)?"
    r"|You must select a newsletter to subscribe to\."
    r"|You will receive emails containing [^.]{0,160}\."
    r"|You may opt[- ]out at any time\."
    r"|You agree to receive occasional updates [^.]{0,200}\."
    r"|Thank you for subscribing\."
    r"|An error has occurred\. Please try again later\."
    r"|View all [^.]{0,60}newsletters\."
    r"|By signing up,? you agree to [^.]{0,200}(?:\.|$)"
    r"|You can unsubscribe at any time\."
    r"|This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service"
    r" apply\."
)
_FORM_RE = re.compile(_FORM)
_FORM_GAP = 3  # words between two form sentences that still belong to one box
FORM_LEAD_WORDS = 40  # a plug before the box on its line this short goes with it
_NEWSLETTER_WORD = re.compile(r"(?i)\b(?:newsletters?|sign(?:ing)? up|subscrib\w*|inbox)\b")
_ALSO_ON = re.compile(r"\(\s*(?:Also|More|Read more|Related) on [A-Z][\w.]*\s*:[^()]{1,160}\)")
_GLUED_BY = r"(?:\bBy (?:[A-Z][\w'’.-]+ ){1,3})?"  # a live-blog entry's byline before the slot
_UNIT_START = r"(?:(?<=[.!?] )|(?<=[.!?][”\"’)] )|^)"  # after a sentence's end, a line's start
_AD_SLOTS = re.compile(
    rf"{_GLUED_BY}\bAD(?: AD)+\b"  # "By John Wagner AD AD"
    # one marker as a unit of its own, before a capital, a quote or the end ("… MORE.
    # ADVERTISEMENT", "AD‘Complete disbelief’: …", "By Mike DeBonis AD Fauci said …")
    rf"|{_UNIT_START}{_GLUED_BY}(?:AD|ADVERTISEMENT)\b(?=\s*$|\s+[A-Z“\"‘(]|[‘“])"
    r"|\b(?:ADVERTISEMENT|Advertisements?)(?=[A-Z])"  # glued: "AdvertisementOPINION: …"
)
# a live-blog entry's or a dek's byline left at a paragraph's end, after a sentence ("… the
# White House? By Michael Hirsh"): 2-3 capitalised words, no month or weekday
_END_BYLINE = re.compile(
    r"(?<=[.!?”\"’)] )By (?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu"
    r"|Fri|Sat|Sun|The|This|That)[a-z]*\b)(?:[A-Z][\w'’.-]*[a-z][\w'’.-]* ?){2,3}$"
)
# USA Today's trailer closing a last paragraph: "… Bacon from McLean, Va. Contributing: Name"
_CONTRIBUTING = re.compile(r"(?<=[.!?”\"’)] )Contributing ?: ?[A-Z].{0,300}$")
_LIVEFYRE = re.compile(
    r"\d+ postsGet Livefyre.{0,300}?Newest \| Oldest"
    r"|(?:[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2} ?)?FlagShareLikeReply"
    r"|(?:[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2} )?\d+ptsmoderator(?:Featured)?"
    r"(?:[A-Z][a-z]+ \d{1,2}, \d{4} \d{1,2}:\d{2} ?[AP]M)?"
)
_WIDGET_KEYS = ("JUST WATCHED", "Sign Up", "main story", "robot", "newsletter", "opt", "reCAPTCHA")
_WIDGET_KEYS += (
    "AD",
    "Advertisement",
    " By ",
    "Contributing",
    "unsubscribe",
    "subscribing",
    "signing up",
    " on ",
    "AD AD",
    "Livefyre",
    "FlagShare",
    "pts",
)


def widget_spans(text: str) -> list[tuple[int, int, str]]:
    """Page widgets framed by fixed words (see the module docstring) in a paragraph:
    (start, end, reason) spans to cut out, in order, not overlapping.

    A video card is cut from "JUST WATCHED" to its running time; a newsletter box from its
    first form sentence to its last (form sentences at most `_FORM_GAP` words apart), widened
    back over the sentences before it (at most FORM_LEAD_WORDS words in all) that each name a
    newsletter, a sign-up or an inbox (the plug), and to the line's end when what follows has
    no letter; a related
    link in brackets, ad slots "AD AD" with a byline glued before them, and the flattened
    parts of a Livefyre comment widget are cut alone (parts with only spaces between: one). A sentence that only mentions a
    newsletter or reCAPTCHA is no form sentence and stays.
    """
    if not any(key in text for key in _WIDGET_KEYS):
        return []  # most paragraphs stop here
    out = [(m.start(), m.end(), VIDEO) for m in _VIDEO_CARD.finditer(text)]
    box: list[int] = []
    for m in _FORM_RE.finditer(text):
        if box and _words(text[box[1] : m.start()]) <= _FORM_GAP:
            box[1] = m.end()
            box[2] += 1
            continue
        if box:
            out.append(_form_box(text, box))
        box = [m.start(), m.end(), 1]
    if box:
        out.append(_form_box(text, box))
    out.extend((m.start(), m.end(), PROMO) for m in _ALSO_ON.finditer(text))
    out.extend((m.start(), m.end(), ADS) for m in _AD_SLOTS.finditer(text))
    out.extend((m.start(), m.end(), BYLINE) for m in _END_BYLINE.finditer(text))
    out.extend((m.start(), m.end(), CONTRIBUTORS) for m in _CONTRIBUTING.finditer(text))
    out.extend((m.start(), m.end(), COMMENTS) for m in _LIVEFYRE.finditer(text))
    kept: list[tuple[int, int, str]] = []
    for span in sorted(s for s in out if s[2]):
        if kept and span[0] < kept[-1][1]:
            continue
        if kept and kept[-1][2] == span[2] and not text[kept[-1][1] : span[0]].strip():
            kept[-1] = (kept[-1][0], span[1], span[2])  # one widget in parts: one span
            continue
        kept.append(span)
    return kept


_LEAD_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


_LINK = re.compile(r"\(\s*(?P<label>[A-Z][\w'’]*(?: [\w'’]+){0,4})\s*:\s+[^()]{3,160}\)")
_LINK_CONTENT = frozenset("source sources note update disclosure disclaimer correction".split())
_LINK_CONTENT |= frozenset("photo photos image images picture pictures credit".split())  # credits


def link_spans(text: str) -> list[tuple[int, int, str]]:
    """Bracketed links of a paragraph: "(<label>: <headline>)" with a label of at most five
    words ("( Also on POLITICO: Who is Dave Brat?)", "(RELATED: …)", "( PHOTOS: …)").

    Output: (start, end, label in lower case) per link; a label ending in source, note, update,
    disclosure, disclaimer or correction (content, not a link) is none, nor one ending in
    photo, image, picture or credit (a photo credit, `credit_spans`). These are only
    candidates: `furniture` cuts the links whose label recurs in many articles of an outlet.
    """
    if "(" not in text or ":" not in text:
        return []
    out = []
    for m in _LINK.finditer(text):
        label = " ".join(m["label"].lower().split())
        if label.rsplit(" ", 1)[-1] not in _LINK_CONTENT:
            out.append((m.start(), m.end(), label))
    return out


def _form_box(text: str, box: list[int]) -> tuple[int, int, str]:
    """A run of form sentences as a span, widened to its plug and to the line's end; a lone
    "Sign Up" (a sentence may say "sign up") is no box: an empty reason, dropped."""
    a, b, n = box
    if n == 1 and text[a:b].endswith("Sign Up"):
        return (a, b, "")
    starts = [0] + [m.end() for m in _LEAD_SENTENCE.finditer(text, 0, a)]
    for start in reversed(starts):  # the plug's sentences, back from the box
        lead = text[start:a]
        if _words(lead) > FORM_LEAD_WORDS or not _NEWSLETTER_WORD.search(lead):
            break
        a = start
    if not re.search(r"[^\W\d_]", text[b:]):
        b = len(text)
    return (a, b, NEWSLETTER)


def _with_markup(
    widgets: list[tuple[int, int, str]], markup: list[tuple[int, int]]
) -> list[tuple[int, int, str]]:
    """Widget spans plus the markup spans that overlap none of them, in order."""
    if not markup:
        return widgets
    extra = [(a, b, MARKUP) for a, b in markup if not any(s < b and a < e for s, e, _ in widgets)]
    return sorted(widgets + extra)


def inline_spans(text: str) -> list[tuple[int, int, str]]:
    """Furniture flattened into a paragraph: (start, end, reason) spans to cut out, in order.

    A widget label with the credit after it (written twice, or one credit shape within 14
    words) is cut from the label to the credit's end; a credit shape elsewhere is cut alone,
    or with the caption before it when that starts the paragraph, has at most
    CREDIT_LEAD_WORDS words, ends a sentence and the body goes on after the credit ("Michael
    Flynn. Drew Angerer/Getty Images Retired Lt. Gen. …"); a paragraph ending with a credit
    ("… on Monday. (Photo: Name/AP)") keeps its text, only the credit is cut. Nothing is cut
    from a sentence that only mentions an agency. Embed markup (`markup_spans`: tags, picture
    links, a post's signature) is cut alone as MARKUP; the post's words stay. A paywall's
    prompt closing the paragraph (`furniture_paywall.prompt_spans`) is cut as PAYWALL.
    """
    widgets = _with_markup(widget_spans(text), markup_spans(text))
    labels = [
        (a, b, TRANSCRIPT)
        for a, b in transcript_spans(text)
        if not any(s < b and a < e for s, e, _ in widgets)
    ]
    widgets = sorted(widgets + labels)
    prompts = [  # a paywall's prompt closing the paragraph ("… said. Subscribe to continue")
        (a, b, PAYWALL)
        for a, b, _ in paywall.prompt_spans(text)
        if not any(s < b and a < e for s, e, _ in widgets)
    ]
    widgets = sorted(widgets + prompts)
    low = text.lower()
    if not any(key in low for key in _KEYS):
        return widgets  # most paragraphs stop here
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
    for span in widgets:  # a widget span holds any credit shape inside it
        out = [s for s in out if not (s[0] < span[1] and span[0] < s[1])] + [span]
    return sorted(out)
