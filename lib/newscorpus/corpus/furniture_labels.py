"""Furniture lines recognised by a fixed label, whatever follows it (round 9 of issue 16).

Repetition (`furniture`) misses a line an outlet writes below its threshold (three
WordPress articles of a small site), or whose words change every time (the names after
"With assistance by", the headline after "Related Coverage"). These lines are recognised by
their label, the same in every outlet, as whole lines only (never inside a sentence):

- a **share bar**: only share labels and platform names ("Share this: Pocket", "WhatsApp",
  "Share on Facebook Twitter Email"); a platform's name alone on its line is one;
- a **gallery counter** ("next Image 1 of 2", "Photo 3 of 12", "Slide 2/9");
- a **time stamp** left without its date or with it only ("First posted", "Updated",
  "Published: March 3, 2016 10:30 a.m. ET"): no other word than months, weekdays, times;
- a **syndication or copyright line** ("DISTRIBUTED BY UNIVERSAL UCLICK", "Distributed by
  Tribune Content Agency", "COPYRIGHT 2016 ANN COULTER", "© 2019 Creators Syndicate"),
  short (at most SYNDICATION_MAX_WORDS words) and with no sentence after it;
- a **tag line** ("This article tagged under: Obamacare", "Tags: Iraq, Syria",
  "Topics: terrorism, world-politics", "Filed under: …"): a label and a short list;
- a **related-link block**: a related-stories label opening a line ("Related Coverage <a
  headline>", "More On This...", "Related Stories: …", "Read Also <headline>") with at most
  RELATED_MAX_WORDS words and no sentence's full stop inside it; the label written as a label
  (capitalised words, or a colon or dots after it: "Related coverage of the trial was …" is a
  sentence);
- an **assistance line**: a contributor credit standing alone ("— With assistance by Nick
  Wadhams and David Tweed", "With assistance from …", "Additional reporting by …"), names
  only after the label (at most ASSIST_MAX_WORDS words).

`line_reason(text)` gives the reason (WIDGET, PROMO, CONTRIBUTORS, STAMP, SYNDICATION, TAGS)
or None.
"""

from __future__ import annotations

import re

WIDGET = "site furniture: caption widget"  # `furniture_rules` takes these three from here
PROMO = "site furniture: related link"
CONTRIBUTORS = "site furniture: contributor line"
STAMP = "site furniture: time stamp"
SYNDICATION = "site furniture: syndication line"
TAGS = "site furniture: tag line"

SYNDICATION_MAX_WORDS = 12
TAG_MAX_WORDS = 30
RELATED_MAX_WORDS = 60
ASSIST_MAX_WORDS = 40

_PLATFORMS = (
    r"facebook|twitter|x|pinterest|whatsapp|linkedin|reddit|e-?mail|print|pocket|tumblr"
    r"|telegram|messenger|flipboard|skype|sms|mix|digg|stumbleupon|google\+?|copy link"
    r"|more|comments?"
)
_SHARE_LABEL = r"(?:share(?: this(?: article| story)?)?(?: on| via)?|click to share on|like this)"
_SHARE_BAR = re.compile(
    rf"^(?:{_SHARE_LABEL}\s*:?\s*)?(?:(?:{_PLATFORMS})[\s,|:]*)+$|^{_SHARE_LABEL}\s*:?$",
    re.IGNORECASE,
)
# a share bar names at least one platform other than "more", "comments", "print", "email"
_PLATFORM_NAME = re.compile(
    r"(?i)\b(?:facebook|twitter|pinterest|whatsapp|linkedin|reddit|pocket|tumblr|telegram"
    r"|messenger|flipboard|skype|digg|stumbleupon)\b|^share"
)
_GALLERY = re.compile(
    r"^(?:(?:previous|prev|next|back)\s+)*(?:image|photo|picture|slide|gallery)s?\s*"
    r"\d+\s*(?:of|/)\s*\d+$",
    re.IGNORECASE,
)
_MONTH = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_DAY = r"mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_ZONE = r"a\.?m|p\.?m|et|edt|est|ct|cdt|cst|pt|pdt|pst|gmt|bst|utc|aest|aedt"
_STAMP = re.compile(
    r"^(?:first |last )?(?:posted|published|updated|modified)(?: (?:on|at))?\s*:?"
    rf"(?:[\s,.:/|-]+(?:\d+|{_MONTH}|{_DAY}|{_ZONE}|on|at)\.?)*\s*$",
    re.IGNORECASE,
)
_SYNDICATION = re.compile(
    r"^(?:distributed|syndicated) by\s+(?:the\s+)?[A-Z][\w&.'’-]*(?:\s+(?:[A-Z][\w&.'’-]*|of|and|&))*"
    r"\.?$"
    r"|^(?:copyright|©|\(c\))\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)\b",
    re.IGNORECASE,
)
_TAG_LINE = re.compile(
    r"^(?:this (?:article|story|post) (?:is |was )?(?:tagged|filed) (?:under|with|as|in)"
    r"|tagged (?:under|with|as|in)|filed under|tags?|topics?|categories|category|keywords?)"
    r"\s*:\s*\S",
    re.IGNORECASE,
)
_RELATED_LABEL = (
    r"(?:related (?:coverage|stories|story|articles|article|content|links|reading|news)"
    r"|more on this(?: story| topic)?|more from [A-Z][\w.]*|read also|also read|see also"
    r"|you might also like|recommended(?: stories| reading)?|don[’']t miss)"
)
_RELATED = re.compile(rf"^(?P<label>{_RELATED_LABEL})(?P<after>\s*(?::|\.\.\.|…)|\s+|$)", re.I)
_ASSIST = re.compile(
    r"^[—–-]*\s*(?:with (?:additional )?assistance (?:by|from)|additional reporting (?:by|from)"
    r"|with reporting (?:by|from))\s+(?P<names>.+)$",
    re.IGNORECASE,
)
_NAME = re.compile(
    r"[A-Z][\w'’.-]*(?: (?:[A-Z][\w'’.-]*|de|van|von|bin|al-?\w*)){0,4}"
    r"(?: in [A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2})?"
)
_SEPARATOR = re.compile(r"\s*(?:[,;]\s*(?:and\s+|&\s*)?|\s+and\s+|\s*&\s*)")


def _words(text: str) -> int:
    return len(text.split())


def _related(text: str) -> bool:
    """A related-link block (see the module docstring)."""
    m = _RELATED.match(text)
    if not m or _words(text) > RELATED_MAX_WORDS:
        return False
    label, rest = m["label"], text[m.end() :].strip()
    as_label = m["after"].strip() != "" or label.istitle() or label.isupper() or not rest
    if not as_label:
        return False
    if rest and not (rest[0].isupper() or rest[0].isdigit() or rest[0] in "\"“‘'"):
        return False  # "More on this later." is a sentence
    return not re.search(r"[a-z]{2}[.!?][\"”’]?\s+[A-Z]", rest)


def _names_only(text: str) -> bool:
    """Whether `text` is a list of names ("Nick Wadhams, David Tweed, and Terrence Dopp")."""
    parts = _SEPARATOR.split(text.strip().rstrip("."))
    return all(_NAME.fullmatch(p) for p in parts if p) and any(parts)


def line_reason(text: str) -> str | None:
    """The reason a whole line `text` is furniture by its label (see the module docstring):
    WIDGET (share bar, gallery counter), STAMP, SYNDICATION, TAGS, PROMO (related links) or
    CONTRIBUTORS (assistance line); None for any other line. Input: one stripped line."""
    text = text.strip()
    if not text:
        return None
    words = _words(text)
    if words <= 12 and _SHARE_BAR.match(text) and _PLATFORM_NAME.search(text):
        return WIDGET
    if words <= 8 and _GALLERY.match(text):
        return WIDGET
    if words <= 12 and _STAMP.match(text):
        return STAMP
    if words <= SYNDICATION_MAX_WORDS and _SYNDICATION.match(text):
        if not re.search(r"[a-z]{2}[.!?]\s+\S", text):
            return SYNDICATION
    if words <= TAG_MAX_WORDS and _TAG_LINE.match(text) and text[-1] not in ".!?":
        return TAGS
    if _related(text):
        return PROMO
    m = _ASSIST.match(text) if words <= ASSIST_MAX_WORDS else None
    if m and _names_only(m["names"]):
        return CONTRIBUTORS
    return None
