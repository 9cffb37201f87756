"""Which wire service a text credits for itself, read from the forms a credit takes.

A wire service (Reuters, AFP, AP) is credited for a story in a few fixed places, and named
anywhere else it is a source the story cites or a subject it reports on ("reports The
Associated Press", "AP phone records", "told the French news agency AFP", "a Reuters/Ipsos
poll", "AFP-M Director" of Americans for Prosperity-Michigan). So a name counts only in one
of these forms (`credit_in`), each read on one line (paragraph) of the text:
- a **dateline credit**: the name in brackets followed by a dash, after at most a place and
  date ("WASHINGTON (Reuters) -", "PARIS, Aug 31 (AFP) -", "(AP) —"), or in brackets closing
  a paragraph after its sentence (a reprint's sign-off "… on Tuesday. (Reuters)");
- a **contributor line**: "The Associated Press contributed to this report", "Fox News'
  Chad Pergram and Reuters contributed", "AP writer Zeke Miller contributed from
  Washington", "Contributing: Associated Press", "Additional reporting by Reuters", "This story
  was reported by The Associated Press", "This article was published in partnership with The
  Associated Press", "Compiled from Associated Press reports",
  "Information from Reuters was used in this report";
- a **byline or source line**: the name standing alone on its line ("Associated Press",
  "— Reuters", "(c) Associated Press", "Source: AFP", "By The Associated Press"), a byline
  naming the agency ("By Julie Pace, Associated Press"), a dash sign-off closing a line
  ("… the witch. — AP"), the agency's copyright notice ("Copyright 2013 The Associated Press.
  All rights reserved."), or the 1980s Reuters sign-off "Reuter"/"REUTER" closing the text.
A name after a slash ("Name/Reuters", a photo credit) or before one ("Reuters/Ipsos") is never
a source line.
"""

from __future__ import annotations

import re

# the agencies' names as a credit writes them (case as written: "ap" is no agency)
_NAME = (
    r"(?:Reuters|REUTERS|Reuter|REUTER|AFP|Agence\s+France[- ]Presse|AGENCE\s+FRANCE[- ]PRESSE"
    r"|AP|Associated\s+Press|ASSOCIATED\s+PRESS)"
)
_THE = r"(?:(?i:the)\s+)?"
_ANY_NAME = re.compile(r"(?i:reuter)|AFP|A(?i:gence)|AP|A(?i:ssociated)")  # cheap test first
_FIND_NAME = re.compile(r"(?<![\w/@.-])" + _NAME + r"(?![\w/@-])")

_DATELINE = re.compile(
    r"^[^()\n]{0,80}?\((?P<name>" + _NAME + r")\)\s*[-–—]{1,2}\s*\S"
)  # "WASHINGTON (Reuters) - …", "Oct 24 (Reuters) - …", "(AP) — …"
_BRACKET_END = re.compile(  # "… keep fighting.\" (Reuters)": a sign-off after a sentence
    r"[.!?\"”’']\s*\((?P<name>" + _NAME + r")\)\s*$"
)

_ALONE = re.compile(  # the agency as the line's whole text: a source line or sign-off
    r"^(?:[-–—•*]+\s*)?"
    r"(?:(?i:by|source\s*:|sources\s*:|via|from|courtesy\s+of|\(c\)|©|copyright)\s*(?:\d{4}\s+)?)?"
    + _THE
    + r"(?P<name>"
    + _NAME
    + r")\s*\.?\s*$"
)
_BYLINE = re.compile(  # "By Julie Pace, Associated Press", "By The Associated Press. More …"
    r"^(?i:by)\s+(?:[^.;:()\n]{0,60}?(?:,|\s[-–—|]|\band\b)\s*)?"
    + _THE
    + r"(?P<name>"
    + _NAME
    + r")(?=\s*(?:[.,;:|—–-]|(?i:staff|writers?|correspondents?)\b|$))"
)
_SIGN_OFF = re.compile(  # "… of the witch. — AP", "… the report. - Reuters."
    r"(?:^|\s)[-–—]{1,2}\s*" + _THE + r"(?P<name>" + _NAME + r")\s*\.?\s*$"
)
_REUTER_END = re.compile(r"\b(?P<name>(?i:reuter))\W*$")  # the 1980s sign-off, closing a text
_COPYRIGHT = re.compile(  # "Copyright 2013 The Associated Press. All rights reserved."
    r"^(?i:copyright|©|\(c\))\s*(?:\d{4}\s+)?" + _THE + r"(?P<name>" + _NAME + r")"
    r"(?=\s*(?:[.,;]|(?i:all\s+rights)|$))"
)

_CONTRIBUTOR = re.compile(  # the cue of a contributor line (the agency named anywhere in it)
    r"\bcontributed(?:\s+(?:reporting|research|writing|information))?"
    r"(?:\s+(?:to|for)\s+(?:this|the)\s+(?:report|story|article|piece|post|coverage))?"
    r"(?:\s+from\s+[^.;]{0,60})?\s*[.;]?\s*$"  # "… contributed (to this report)."
    r"|^\(?\s*contributing\s*(?::|\b(?:writers?|reporters?)\b)"  # "Contributing: AP"
    r"|^\(?\s*(?:additional\s+|other\s+)?reporting\s+by\b|\bediting\s+by\b"
    r"|^this\s+(?:story|article|report|piece)\s+(?:was|is|has\s+been)\s+(?:\w+\s+)?"
    r"(?:(?:reported|written|compiled|produced|provided|distributed|adapted)\s+(?:by|from)"
    r"|(?:published|produced|reported)\s+(?:in\s+(?:partnership|collaboration)\s+)?with)\b"
    r"|^(?:compiled|adapted|written|reported)\s+(?:by|from)\b"
    r"|^(?:material|information|content)\s+from\b.*\b(?:used|included|contributed)\b"
    r"|^from\s+(?:wire|news\s+agency)\s+reports\b",
    re.IGNORECASE,
)
BYLINE_MAX_WORDS = 12  # "By Julie Pace, Associated Press"; never "By contrast, AP, …" in a body
CONTRIBUTOR_MAX_WORDS = 60  # a contributor line is short: a body sentence is no credit


def service(name: str) -> str:
    """The service ("Reuters", "AFP", "AP") a credited name stands for."""
    low = " ".join(name.lower().split())
    if low.startswith("reuter"):
        return "Reuters"
    if low == "afp" or low.startswith("agence"):
        return "AFP"
    return "AP"


# An agency named as a source, not a credit, whatever the clause: "told The Associated Press",
# "according to Reuters", "an interview with AFP"; "the Associated Press reports", "AP
# reported", "Reuters has learned", "an AP review".
_SOURCE_BEFORE = re.compile(
    r"\b(?:told|tells?|telling|according\s+to|interviews?\s+with|quoted\s+by|cited\s+by"
    r"|spoke\s+to|speaking\s+to|confirmed\s+to|said\s+to)\s+(?:(?i:the)\s+)?$",
    re.IGNORECASE,
)
_FROM = re.compile(r"\bfrom\s+(?:(?i:the)\s+)?$", re.IGNORECASE)
_SOURCE_AFTER = re.compile(
    r"\s+(?:(?:first|previously|also|has|had|earlier)\s+)*(?:reports?|reported|reporting|says|said"
    r"|learned|found|obtained|review|analysis|investigation|interview|poll|survey|count|tally)\b",
    re.IGNORECASE,
)


def is_source_mention(line: str, start: int, end: int) -> bool:
    """Is the agency named at `line[start:end]` a source the text cites ("told The Associated
    Press", "the Associated Press reported", "according to Reuters", "an AP review") rather
    than a credit? Input: a line and the span of the name. Never raises."""
    before = line[max(0, start - 40) : start]
    if _FROM.search(before):  # "Compiled from Associated Press reports": a credit's form
        return False
    return bool(_SOURCE_BEFORE.search(before) or _SOURCE_AFTER.match(line, end))


def _contributor(line: str) -> str | None:
    """The first agency a contributor line credits, else None: a name the line cites as a
    source ("told The Associated Press. Fox's Jane Doe contributed") is no credit."""
    if len(line.split()) > CONTRIBUTOR_MAX_WORDS or not _CONTRIBUTOR.search(line):
        return None
    for m in _FIND_NAME.finditer(line):
        if not is_source_mention(line, m.start(), m.end()):
            return m.group()
    return None


# The agencies as outlets: an article the agency itself published is its own story.
_AGENCY_OUTLET = re.compile(
    r"^(?:the\s+)?(?:(?P<r>reuters?)|(?P<ap>associated\s+press|ap)"
    r"|(?P<afp>afp|agence\s+france[-\s]presse))(?:\s+(?:news|wire|top\s+news|politics|\(.*\)))?$",
    re.IGNORECASE,
)


def agency_of(outlet) -> str | None:
    """The wire service ("Reuters", "AFP", "AP") an outlet's name stands for ("Reuters",
    "The Associated Press", "AP News", "Agence France-Presse"), else None (also for a missing
    name). An article whose credit is its own outlet's agency is the agency's own story, not
    wire copy reprinted. Never raises."""
    if not isinstance(outlet, str):
        return None
    m = _AGENCY_OUTLET.match(" ".join(outlet.split()))
    if m is None:
        return None
    return "Reuters" if m["r"] else "AP" if m["ap"] else "AFP"


def credit_in(text: str) -> str | None:
    """The wire service one text credits for itself: "Reuters", "AFP", "AP" or None.

    Input: the text (its paragraphs one a line). Output: the service of the first line, in
    order, that credits one in a credit's form (see the module docstring: a dateline credit,
    a contributor line, a byline or source line, a sign-off); a name anywhere else is a
    mention, never a credit. Never raises.
    """
    if not _ANY_NAME.search(text):
        return None
    lines = [line.strip() for line in text.split("\n")]
    lines = [line for line in lines if line]
    for i, line in enumerate(lines):
        last = i == len(lines) - 1
        if not _ANY_NAME.search(line):
            continue
        for pattern in (_DATELINE, _ALONE, _SIGN_OFF, _BRACKET_END, _COPYRIGHT):
            m = pattern.search(line)
            if m:
                return service(m["name"])
        m = len(line.split()) <= BYLINE_MAX_WORDS and _BYLINE.search(line)
        if m:
            return service(m["name"])
        name = _contributor(line)
        if name:
            return service(name)
        if last:
            m = _REUTER_END.search(line)
            if m:
                return service(m["name"])
    return None


def set_aside_credit(line: str) -> bool:
    """Whether a line set aside as boilerplate still credits the story: the agency standing
    alone as a source line or sign-off ("Reuter", "— AP", "(c) Associated Press") or its
    copyright notice ("Copyright 2013 The Associated Press. All rights reserved."). A photo
    credit ("Name/Reuters") or another story's lede in a list of links never is."""
    line = line.strip()
    return bool(
        _ALONE.match(line)
        or _COPYRIGHT.match(line)
        or (len(line.split()) <= 2 and _REUTER_END.match(line))
    )
