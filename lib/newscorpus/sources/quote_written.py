"""Written text introduced by a noun, not a speech verb: banners, signs, subject lines, memos.

`written_lead` reads the words before a quote that name what it is written on ("a banner
that read, “…”", "a sign saying “…”", "with the subject line, “…”", "the memo, titled “…”");
`among_lead` reads a sentence that opens with a list of someone's points ("Among his
takeaways: campaigns get “too nasty.”"); `chant_lead` reads a chant or a shout ("Some chanted
“…”", "shouting “…”", "their chants of “…”"). Rules written for this package (issue 19's kinds of
quotation language); no outside source.
"""

from __future__ import annotations

import re

from newscorpus.sources.lexicon import Lexicon
from newscorpus.sources.speakers import Who, analyse_phrase, longest_prefix
from newscorpus.sources.words import PERSON_NOUNS, PLURAL_PERSON

_DET = r"(?:a|an|the|his|her|their|its|one|another)\s"
# Things text is written on or sent as; "carriers" take a quote after a bare comma or colon
# ("with the subject line, “…”"), the others only with a linking word ("a memo titled “…”").
_CARRIERS = (
    r"banners?|signs?|placards?|posters?|billboards?|t-shirts?|shirts?|hats?|caps?|stickers?"
    r"|buttons?|captions?|headlines?|subject\s+lines?|slogans?|mottos?|inscriptions?|plaques?"
    r"|chyrons?|banner\s+headlines?"
)
_WRITINGS = (
    r"messages?|notes?|memos?|memorandums?|letters?|e-?mails?|tweets?|posts?|texts?|labels?"
    r"|cards?|flyers?|fliers?|leaflets?|ads?|advertisements?|spots?|videos?|statements?"
    r"|reports?|notices?|petitions?|press\s+releases?"
)
_LINK = (
    r"(?:(?:that|which)\s+(?:read|reads|said|says|stated|states|declared|declares|proclaimed)"
    r"|reading|saying|declaring|proclaiming|stating|titled|entitled|headlined|captioned)"
)
_WRITTEN = re.compile(
    r"(?<![\w’'-])(?P<np>" + _DET + r"\s*(?:(?!" + _DET + r")[\w’'-]+\s+){0,3}?"
    r"(?:(?P<carrier>" + _CARRIERS + r")|(?P<writing>" + _WRITINGS + r")))"
    r"(?:(?P<sep>\s*,)?\s+(?P<link>" + _LINK + r"))?\s*(?P<end>[,:]?)\s*$",
    re.IGNORECASE,
)
# The verb ending the subject of the sentence the writing is in ("The mayor sent …").
_FIRST_VERB = re.compile(
    r"\s(?:also\s+|then\s+)?(?:[a-z]+ed|sent|held|wore|put|wrote|made|had|took|gave|read)\b"
)


def written_lead(lead: str, lex: Lexicon) -> tuple[Who, str] | None:
    """(speaker, verb) when the words `lead` before a quote end with the thing it is written
    on: "Protesters carried a banner that read," → (the sentence's subject, "read"); a
    carrier noun may stand alone before a comma or colon ("with the subject line,"), another
    writing needs a linking word ("the memo, titled", "a post saying"). The speaker is the
    subject opening the lead when it names a person, an organisation or an unnamed source
    ("The mayor sent an email … with the subject line,"), else the writing itself, a
    document ("a banner"). None when the lead does not end so."""
    m = _WRITTEN.search(lead)
    if m is None or not (m.group("link") or m.group("carrier") and m.group("end")):
        return None
    verb = " ".join((m.group("link") or "written").lower().split())
    if verb.startswith(("that ", "which ")):
        verb = verb.split()[1]
    v = _FIRST_VERB.search(lead, 0, m.start())
    subject = lead[: v.start()].strip() if v else ""
    who = None
    if subject and len(subject.split()) <= 6:
        who = analyse_phrase(subject, lex) or longest_prefix(subject, lex)
    if who is None or who.kind not in ("person", "organization", "anonymous", "outlet"):
        who = Who(" ".join(m.group("np").split()), "document")
    return who, verb


_AMONG = re.compile(
    r"^\s*(?:Among|Of)\s+(?P<who>his|her|their|its|(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w'.-]*[’']s)"
    r"\s+(?:main\s+|key\s+|chief\s+|other\s+)?(?:takeaways|conclusions|findings|lessons"
    r"|observations|points|recommendations|complaints|arguments|predictions|promises|proposals"
    r"|demands|warnings|concerns|suggestions)\s*:\s*"
)
_POSSESSIVES = {"his": "he", "her": "she", "their": "they", "its": "it"}


def among_lead(sentence: str, lex: Lexicon) -> tuple[Who, int] | None:
    """(speaker, where the claim starts) when `sentence` opens with a list of someone's
    points before a colon: "Among his takeaways: campaigns get “too nasty.”" → (he, the
    offset of "campaigns"); the speaker is the possessor (a pronoun, resolved by the caller,
    or a name). None otherwise."""
    m = _AMONG.match(sentence)
    if m is None:
        return None
    owner = m.group("who")
    if owner.lower() in _POSSESSIVES:
        return Who(_POSSESSIVES[owner.lower()], "pronoun"), m.end()
    who = analyse_phrase(owner[:-2], lex) or longest_prefix(owner[:-2], lex)
    return (who, m.end()) if who is not None else None


# Words shouted or chanted by a crowd: "Some chanted “…”", "shouting “…”", "their chants of
# “…”", "to loud cries of “…”".
_CHANT = re.compile(
    r"(?:(?<![\w’'-])(?P<own>his|her|their|its|(?:[A-Z][\w’'.-]*\s+){0,2}[A-Z][\w’'.-]*[’']s)"
    r"\s+)?(?:(?:loud|constant|repeated|rhythmic|angry|frequent)\s+)?(?<![\w’'-])"
    r"(?:(?P<noun>chants|cries|shouts|screams|chorus)\s+of"
    r"|(?P<verb>chanting|chanted|shouting|shouted|yelling|yelled|screaming|screamed))"
    r"\s*[,:]?\s*$",
    re.IGNORECASE,
)
_CROWD_WORDS = frozenset(
    "some many others several hundreds thousands dozens all both most fans people".split()
)
_CHANT_AUX = frozenset(
    "kept began started were was are is also then loudly again repeatedly could be heard".split()
)
_CLAUSE_START = re.compile(r"(?:^|[.;:,—–]\s|\b(?:with|as|while|when|and|where)\s)")


def chant_lead(lead: str, lex: Lexicon) -> tuple[Who | None, str] | None:
    """(speaker or None, verb) when the words `lead` before a quote end with a chant or a
    shout: "Some chanted" → (Some, "chanted"), "their chants of" → (they, "chants"), "The
    crowd kept chanting" → (The crowd, "chanting"). The speaker is the possessor, else the
    noun phrase right before the verb (a bare quantifier such as "Some" or "Hundreds" is an
    unnamed group), else None ("was greeted with chants of"). None when the lead does not
    end so."""
    m = _CHANT.search(lead)
    if m is None:
        return None
    verb = (m.group("noun") or m.group("verb")).lower()
    owner = m.group("own")
    if owner:
        if owner.lower() in _POSSESSIVES:
            return Who(_POSSESSIVES[owner.lower()], "pronoun"), verb
        return analyse_phrase(owner[:-2], lex) or longest_prefix(owner[:-2], lex), verb
    if m.group("noun"):
        return None, verb
    words = lead[: m.start()].split()
    while words and (words[-1].lower() in _CHANT_AUX or words[-1].endswith("ly")):
        words.pop()
    before = " ".join(words)
    if before.endswith(",") and verb.endswith("ing"):  # "Protesters marched, chanting"
        v = _FIRST_VERB.search(before)
        subject = before[: v.start()].strip() if v else ""
    else:
        starts = [c.end() for c in _CLAUSE_START.finditer(before)]
        subject = before[starts[-1] :].strip(" ,") if starts else before
    if not subject or len(subject.split()) > 6:
        return None, verb
    if subject.lower() in _CROWD_WORDS:
        return Who(subject, "anonymous", plural=True), verb
    who = analyse_phrase(subject, lex)
    if who is None and subject.split()[0].lower() in PERSON_NOUNS:  # "Protesters marched"
        who = Who(subject, "anonymous", plural=subject.split()[0].lower() in PLURAL_PERSON)
    if who is None or who.kind not in ("person", "organization", "anonymous", "pronoun"):
        return None, verb
    return who, verb
