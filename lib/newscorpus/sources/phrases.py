"""Speaker noun phrases as quotes and sources give them, made into names: generic heads and
corporate forms, name cards ("Trump Donald John Trump"), appositions ("Johnson, 55-year-old
salesman"), "what the X", trailing function words, organisation fragments and firms named in
the body. `tidy_speaker` is the entry point, called per row by `canonical.article_canonical`.
"""

from __future__ import annotations

import re

from newscorpus.sources.forms import NOT_NAMES, ORG_HEADS, ORG_TAILS
from newscorpus.sources.given_names import is_first_name
from newscorpus.sources.institutions import spaced_pattern
from newscorpus.sources.words import DETERMINERS, DOCUMENT_NOUNS, PERSON_NOUNS, TITLES

_LOWER_FIRST = DETERMINERS | PERSON_NOUNS | DOCUMENT_NOUNS

GENERIC_HEADS = frozenset(
    "company firm group government agency department ministry bureau paper newspaper bank "
    "corporation concern unit subsidiary board commission office authority authorities "
    "administration organization organisation association council committee exchange "
    "union utility maker producer partnership fund trust".split()
)
PAPERS = frozenset("paper newspaper daily weekly magazine".split())
# Corporate suffixes and generic words: never a name (or alias) alone.
CORPORATE = frozenset(
    "ltd co corp inc plc llc ag sa nv spa bhd pty gmbh kk lp group holdings bank company "
    "corporation".split()
)
_FILLERS = frozenset("the and of & its".split())
# Plural nouns for people in a trade: "Dealers", "Metal Traders" are unnamed people.
_PLURAL_TRADES = frozenset(
    "dealers bankers traders brokers analysts economists officials sources executives "
    "exporters importers producers farmers growers merchants shippers investors "
    "operators buyers sellers users industrialists diplomats observers experts".split()
)
# Last words of a firm's name that are no org head elsewhere ("Merrill Lynch Capital Markets").
_TRADE_HEADS = frozenset("markets securities brothers partners associates industries".split())
_QUOTE_MARKS = "\"“”„«»'’ ,;:-–—"
_NAME_WORD = re.compile(r"^[A-Z][\w’'.-]*$")


def is_generic(name: str) -> bool:
    """True for a name made of corporate suffixes and generic words only ("Ltd", "Co Ltd",
    "Corp", "Group", "Bank"): never a source's name, never an alias."""
    words = str(name).lower().split()
    words = [w.strip(",.") for w in words]
    return any(w not in _FILLERS for w in words) and all(
        w in CORPORATE or w in ORG_HEADS or w in _FILLERS for w in words
    )


_NAME_CARD_WORD = re.compile(r"^(?:[A-Z][\w’'.-]*|\([A-Z][\w’'.-]*\))$")
_LEAD_WHAT = re.compile(r"^(?:.*\s)?what\s+(?=\S)", re.IGNORECASE)
_TRAILING_FUNCTION = re.compile(
    r"(?:,?\s+(?:what|the|a|an|of|to|that|which|who|and|or|in|on|for|with))+$", re.IGNORECASE
)
_APPOSITION = re.compile(
    r"^((?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'-]*),\s+((?:a|an|the|his|her|their|\d|[a-z]|"
    r"[A-Z][\w.-]*[’']s\s).*)$"
)


def _speaker_phrase(row: dict, speaker: str, body: str = "") -> str | None:
    """A speaker's noun phrase with what is glued to it cut off (row updated in place; the
    speaker returned, None when nothing is left).

    A name card that repeats the surname before the full name (The Hill's links: "Trump
    Donald John Trump") is the name with given name and surname ("Donald Trump"; a nickname in
    brackets wins: "Sanders Bernard (Bernie) Sanders" → "Bernie Sanders"); a relative clause
    before the speaker ("what the Libyan president") is cut to the speaker; trailing function
    words ("Chicago Tribune, what the") go; "Johnson, 55-year-old salesman" is the person
    Johnson with that role."""
    kind = row.get("speaker_kind")
    words = speaker.split()
    new = speaker
    if (
        kind == "person"
        and len(words) >= 3
        and (words[0] == words[-1] or f"{speaker} {words[0]}" in body)  # a card cut short
        and all(_NAME_CARD_WORD.match(w) for w in words)
    ):
        words = words if words[0] == words[-1] else [*words, words[0]]
        nick = [w.strip("()") for w in words[1:-1] if w.startswith("(")]
        new = f"{nick[0] if nick else words[1]} {words[-1]}"
    new = _TRAILING_FUNCTION.sub("", new).strip(" ,")
    if " what " in f" {new.lower()} " and (m := _LEAD_WHAT.match(new)) is not None:
        new = new[m.end() :]
        if re.match(r"(?:the|a|an)\s", new):  # "what the president": an unnamed source
            kind = row["speaker_kind"] = "anonymous"
    if (
        kind in ("person", "anonymous")
        and (m := _APPOSITION.match(new))
        and " and " not in m.group(2)
        and m.group(1).split()[0].lower() not in _LOWER_FIRST
    ):  # "Roy Verley, HP's former chief": the person, the appositive their role
        new = m.group(1)
        role = row.get("speaker_role")
        row["speaker_role"] = m.group(2).rstrip(" .,") if not role or role == speaker else role
        row["speaker_kind"] = "person"
    if new == speaker:
        return speaker
    if not new:
        row["speaker"], row["speaker_kind"] = None, "unknown"
        return None
    row["speaker"] = new
    if row.get("speaker_role") == speaker:  # an unnamed source's role is its description
        row["speaker_role"] = new
    if kind not in ("person", "organization", "outlet") and re.match(r"(?:the|a|an)\s", new):
        row["speaker_kind"] = "anonymous"
    return new


# Words a page prints in capitals between paragraphs (ads, video and reading prompts): never
# part of a speaker's name ("ADVERTISEMENT Trump", "NOW WATCH: …")
PAGE_WORDS = frozenset(
    "ADVERTISEMENT ADVERTISING SPONSORED WATCH NOW READ MORE RELATED VIDEO PHOTOS PHOTO "
    "LISTEN SUBSCRIBE UPDATE UPDATED SEE".split()
)


def tidy_speaker(row: dict, body: str) -> None:
    """Clean one quote row's speaker before its canonical name is chosen (in place).

    Stray quotation marks go (`" one official`, `Michael Mangan, "`), and a page's words in
    capitals before the name (`ADVERTISEMENT Trump`, `NOW WATCH`, `Advertisement Nor`, `See
    Video King`: PAGE_WORDS, any case); a "person" that is a
    company ("Poor's Corp", "Co Ltd"), a trade in the plural ("Dealers", "Metal Traders"), a
    title fused to a name ("Exchequer Nigel Lawson" of "Chancellor of the Exchequer Nigel
    Lawson"), a firm's name before a person's ("Capital Markets Mario Balletto") or the tail
    of a ministry's name ("Animal Husbandry and Fisheries") is re-read; a fragment of an
    organisation's name ("Poor's Corp", "S and P", "Moody") becomes the full name the article
    gives ("Standard and Poor's Corp")."""
    speaker, kind = row.get("speaker"), row.get("speaker_kind")
    if not isinstance(speaker, str):
        return
    clean = re.sub(r"(?<=[a-z])\"s\b", "'s", speaker.strip(_QUOTE_MARKS))  # Kuwait"s
    words = clean.split()
    k = 0
    while k < len(words) and words[k].rstrip(":").upper() in PAGE_WORDS:
        k += 1  # "ADVERTISEMENT Trump", "NOW WATCH": a page's words glued to the text
    if k:
        clean = " ".join(words[k:])
    if clean != speaker:
        speaker = row["speaker"] = clean or None
        if not clean:
            row["speaker_kind"] = "unknown"
            return
    speaker = _speaker_phrase(row, speaker, body)
    if speaker is None:
        return
    kind = row.get("speaker_kind")
    words = speaker.split()
    low = [w.lower().strip(",.") for w in words]
    heads = [
        k
        for k, w in enumerate(low[:-2])
        if (w in ORG_HEADS or w in _TRADE_HEADS or w in CORPORATE) and words[k][:1].isupper()
    ]
    if (
        kind in ("person", "anonymous")
        and heads
        and not speaker.isupper()
        and low[-1] not in ORG_HEADS | CORPORATE | _TRADE_HEADS | ORG_TAILS
        and all(_NAME_WORD.match(w) for w in words[heads[-1] + 1 :])
    ):  # "(analyst for Merrill Lynch) Capital Markets Mario Balletto": the name after the firm
        k = heads[-1] + 1
        while k < len(words) - 2 and (low[k] in TITLES or low[k] in ORG_TAILS):
            k += 1  # "… Corp Chairman Ed Crutchfield", "… Government Affairs Phil Smith"
        if len(words) - k <= 3:
            row["speaker"], row["speaker_kind"] = " ".join(words[k:]), "person"
            row["speaker_role"] = row.get("speaker_role") or " ".join(words[:k])
            return
    if kind not in ("person", "organization"):
        return
    if is_generic(speaker):  # "Ltd", "Co Ltd": the company named before, or no name
        row["speaker_kind"] = "organization"
        return
    if kind == "person" and low[-1] in _PLURAL_TRADES:  # "Dealers", "Metal Traders"
        row["speaker_kind"] = "anonymous"
        row["_canonical"] = speaker.lower()
        return
    full = _org_fragment(speaker, body)
    if full is not None:
        row["speaker"], row["speaker_kind"] = full, "organization"
        row["source_type"] = row.get("source_type") or "unknown"
        return
    if X_AND_Y.fullmatch(speaker):  # "S and P" not spelled out: a firm, never a person
        row["speaker_kind"] = "organization"
        return
    if kind != "person":
        return
    if len(words) <= 2 and (firm := _firm_named(speaker, body)) is not None:
        # "Northgate" after "Northgate Exploration Ltd", no "X Northgate" person: the firm;
        # "Merrill Lynch" after "Merrill Lynch and Co"
        row["speaker"], row["speaker_kind"] = firm, "organization"
        return
    if low[-1] in CORPORATE or low[-1] in _TRADE_HEADS:  # "Swiss Bank Corp": a company
        row["speaker_kind"] = "organization"
        return
    if not ("and" in low or "&" in low or len(words) >= 3):
        return  # the checks below are for names with "and" or of three words and more
    before = [
        body[max(0, m.start() - 40) : m.start()]
        for m in re.finditer(r"(?<![\w’'-])" + spaced_pattern(speaker) + r"(?![\w’'-])", body)
    ]
    if not before:
        return
    if ("and" in low or "&" in low) and all(
        re.search(r"\b(?:of|for)\s+(?:[A-Z][\w’'-]*,?\s+)+$", b) for b in before
    ):  # "Ministry of Agriculture, Animal Husbandry and Fisheries": no person
        row["speaker"], row["speaker_kind"] = None, "unknown"
        return
    if (
        ("and" in low or "&" in low)
        and 3 <= len(words) <= 5
        and all(w[:1].isupper() or w in ("and", "&") for w in words)
    ):
        row["speaker_kind"] = "organization"  # "Standard and Poor's": one name, never a person
        return
    if (
        len(words) >= 3
        and low[-1] not in ORG_HEADS | ORG_TAILS
        and all(re.search(r"\b(?:of|for)\s+(?:the\s+)?$", b) for b in before)
    ):
        # "Chancellor of the Exchequer Nigel Lawson": the title's tail
        rest = words[1:]
        while len(rest) > 2 and rest[0].lower() not in TITLES:
            rest = rest[1:]
        row["speaker"] = " ".join(rest)
        return


X_AND_Y = re.compile(r"([A-Z])\.?\s*(?:and|&)\s*([A-Z])\.?")


def _org_fragment(speaker: str, body: str) -> str | None:
    """The full organisation name an article gives a fragment of it, or None: "Poor's Corp"
    and "S and P" → "Standard and Poor's Corp", "Moody" → "Moody's Investors Service"."""
    tail = r"(?:\s+(?:[A-Z][\w’'.&-]*|of|and|&))*"
    m = X_AND_Y.fullmatch(speaker)
    if m:  # "S and P", "S&P": the name whose two parts have these initials
        rx = m.group(1) + r"[a-z’']+\s+(?:and|&)\s+" + m.group(2) + r"[\w’']+" + tail
    elif re.search(r"[’']s\s+\S", speaker):  # "Poor's Corp": a name with words before it
        rx = r"[A-Z][\w’'-]*\s+(?:and|&)\s+" + spaced_pattern(speaker) + r"(?![\w’'-])"
    elif " " not in speaker and speaker[:1].isupper():  # "Moody" → "Moody's …"
        rx = re.escape(speaker) + r"[’']s" + tail
    else:
        return None
    found = []
    for f in re.findall(r"(?<![\w’'-])" + rx, body):
        words = f.split()  # any white space, so a wrapped name is one spelling
        while words and words[-1].lower().strip(".") not in CORPORATE | ORG_HEADS:
            words.pop()
        if len(words) > len(speaker.split()):
            found.append(" ".join(words))
    if not found:
        return None
    return max(set(found), key=lambda f: (found.count(f), len(f)))


def _firm_named(word: str, body: str) -> str | None:
    """The one organisation an article names that opens with `word` and ends with a corporate
    suffix or an organisation head ("Northgate Exploration Ltd" for "Northgate"), when no
    person with that surname is named ("David M. Holland" keeps "Holland" a person); else
    None."""
    if not word[:1].isupper() or len(word) < 3:
        return None
    if not _followed_by_name(word, body):  # no "Word Capitalised…" anywhere: no firm (fast)
        return None
    w = re.escape(word)
    person = re.search(r"(?<![\w’'-])[A-Z][\w’'-]+\s+(?:[A-Z]\.\s+)?" + w + r"(?![\w’'-])", body)
    if person is not None and person.group(0).split()[0].lower() not in _LOWER_FIRST:
        return None
    found = set()
    for m in re.finditer(r"(?<![\w’'-])" + w + r"((?:\s+(?:[A-Z][\w’'&.-]*|of|and|&)){1,5})", body):
        tail = m.group(1).split()
        while tail and tail[-1].lower().strip(".,") not in CORPORATE | ORG_HEADS | _TRADE_HEADS:
            tail.pop()
        if tail:
            found.add(" ".join([word, *tail]).strip(".,"))
    return found.pop() if len(found) == 1 else None


def _followed_by_name(word: str, body: str) -> bool:
    """Whether `word` occurs in `body` followed by white space and a capitalised word, "of",
    "and" or "&" (plain string search: the cheap test before `_firm_named`'s patterns)."""
    at = body.find(word)
    while at != -1:
        rest = body[at + len(word) : at + len(word) + 6]
        if rest[:1].isspace():
            nxt = rest.lstrip()
            if nxt[:1].isupper() or nxt[:1] == "&" or nxt[:3] in ("of ", "and"):
                return True
        at = body.find(word, at + 1)
    return False


def full_name(surname: str, body: str) -> str:
    """The full name an article gives a surname ("Donald Trump" for "Trump"), else the surname."""
    found = re.findall(
        r"(?<![\w’'-])([A-Z][\w’'-]+)\s+" + re.escape(surname) + r"(?![\w’'-])", body
    )
    found = [f for f in found if f.lower() not in TITLES and f.lower() not in NOT_NAMES]
    if not found:
        return surname
    # the most frequent, a known given name on a tie, then the first: "Donald", not "After"
    best = max(set(found), key=lambda f: (found.count(f), is_first_name(f), -found.index(f)))
    return f"{best} {surname}"
