"""Who a noun phrase names (a person with a role, an unnamed source, an organisation, an outlet,
a document), appositives (`X, a research director at Y,`), the people named in a paragraph,
pronoun resolution; the source type of a speaker is `source_types.source_type`, imported here
for the modules that read it from `speakers`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newscorpus.sources.forms import (
    INSTITUTION_HEADS,
    ORG_TAILS,
    PLATFORMS,
    acronym_core,
    is_acronym,
    is_website,
    not_a_name,
    org_by_head,
    poll_group,
)
from newscorpus.sources.given_names import given_name_gender, role_gender, title_gender
from newscorpus.sources.lexicon import Lexicon, strip_the
from newscorpus.sources.source_types import source_type as source_type
from newscorpus.sources.speaker_checks import infinitive_object, open_role, person_of
from newscorpus.sources.words import (
    APPOS_END_RE,
    APPOS_START_RE,
    ARTICLE_RE,
    AUX,
    DETERMINERS,
    DOCUMENT_NOUNS,
    FINAL_STOP_RE,
    FIRST,
    INTRO,
    NAME_TOKEN,
    NONNAME,
    ORG_NOUNS,
    OUTLET_NOUNS,
    PERSON_NOUNS,
    PLURAL_PERSON,
    POSSESSIVE,
    PRONOUNS,
    RELATIVE_RE,
    SPACES_RE,
    SPEECH_VERBS,
    TITLES,
    WHO_IS_RE,
)

if TYPE_CHECKING:
    from newscorpus.sources.articles import Article


@dataclass(slots=True)
class Who:
    """A speaker as read from a noun phrase: the name, its kind (person, anonymous,
    organisation, outlet, document, pronoun, description), role, organisation, type, plural."""

    speaker: str
    kind: str  # person, anonymous, organization, outlet, document, pronoun, description
    role: str | None = None
    organisation: str | None = None
    type: str | None = None
    plural: bool = False


_VERB_LIKE = re.compile(r"^[a-z]{3,}ed$")
_QUANTIFIERS = frozenset(
    "one some many several two three four five few most all another none each both".split()
)
_THE_ORG_RE = re.compile(r"^the\s+", re.IGNORECASE)
_SUFFIX_RE = re.compile(r",?\s+(?:Jr|Sr)\.?$|,?\s+(?:II|III|IV)$")
_PAREN_RE = re.compile(r"\s*\([^()]{0,40}\)")
_HEAD_CUT_RE = re.compile(
    r" (?:of|for|at|with|from|in|on|close to|familiar with|who|which|that|whose|speaking|involved"
    r"|knowledgeable|briefed|based) "
)


def _clean_np(text: str) -> str:
    text = text.strip(" ,;:—–-\u00a0")
    if "  " in text or not text.isprintable():  # else its only blanks are single spaces
        text = SPACES_RE.sub(" ", text)
    if text[-1:] in (".", "?", "!"):  # no newline is left for `$` to match before
        text = FINAL_STOP_RE.sub("", text)
        if text[-3:-1].isupper() and text[-1:] == "." and text[-4:-3] in ("", " "):
            text = text[:-1]  # "told the AP."
    if "(" in text:  # "Sen. Marco Rubio (R-Fla.)"
        text = _PAREN_RE.sub("", text).strip(" ,")
    if "r." in text or " I" in text:  # "Joseph R. Biden Jr.": the surname is Biden
        text = _SUFFIX_RE.sub("", text)
    words = text.split(" ")
    # Drop introductory words and conjunctions ("But one official", "Now, the Pentagon").
    while words and words[0].lower().strip(",") in INTRO and not words[0].endswith("."):
        words = words[1:]
    return " ".join(words).strip(" ,")


def _is_name_run(words: list[str]) -> bool:
    core = [w for w in words[:-1] if w.lower() not in TITLES] + words[-1:]  # "King" is a name
    if not core or not all(NAME_TOKEN.match(w) for w in words):
        return False
    return not any(POSSESSIVE.sub("", w).lower().rstrip(".") in NONNAME for w in core)


def analyse_phrase(np_text: str, lex: Lexicon, attribution: bool = True) -> Who | None:
    """What a noun phrase names: a person with role, an anonymous source, an organisation, …"""
    who = _analysed(np_text, lex, attribution)
    if who is None:
        return None
    return Who(who.speaker, who.kind, who.role, who.organisation, who.type, who.plural)


def _analysed(np_text: str, lex: Lexicon, attribution: bool = True) -> Who | None:
    """`analyse_phrase` from the lexicon's cache: a shared object, not to be changed."""
    key = (np_text, attribution)
    who = lex.cache.get(key, False)
    if who is False:
        if len(lex.cache) > 200_000:
            lex.cache.clear()
        who = lex.cache[key] = _analyse_np(np_text, lex, attribution)
    return who


def _analyse_np(np_text: str, lex: Lexicon, attribution: bool) -> Who | None:
    """What a noun phrase names, in steps, the first that decides winning: a pronoun or a
    known entity (`_by_lexicon`); a poll finding, an acronym, a website or an organisation
    by its head (`_by_form`); two sources joined by "and" (`_coordination`); a person of an
    organisation (`_head_phrase`); an unnamed person, group, organisation or document by its
    head noun (`_by_head_noun`); else a named person after a role, or an institution
    (`_named`). None when it names no source."""
    np_text = _clean_np(np_text)
    if not np_text or len(np_text) > 160:
        return None
    who = _by_lexicon(np_text, lex)
    if who is not None:
        return who
    words = np_text.split(" ")
    if len(words) > 14:
        return None
    who = _by_form(np_text, words, lex)
    if who is not None:
        return who
    who = _coordination(np_text, words, lex)
    if who is not None:
        return who
    head_phrase, who = _head_phrase(np_text, words, lex, attribution)
    if who is not None:
        return who
    who = _by_head_noun(np_text, words, head_phrase, lex)
    if who is not None:
        return who
    return _named(np_text, words, lex, attribution)


def _by_lexicon(np_text: str, lex: Lexicon) -> Who | None:
    """A pronoun, a known entity, or "the" + an outlet's short name; None otherwise."""
    low = np_text.lower()
    if low in PRONOUNS:
        return Who(np_text, "pronoun", plural=low in ("they", "we"))
    ent = lex.lookup(np_text)
    if ent is not None:
        return Who(ent.name, ent.kind, None, None, ent.type)
    if np_text[:3].lower() == "the" and strip_the(np_text) in lex.short:
        return Who(strip_the(np_text), "short", None, None, "media")
    return None


def _by_form(np_text: str, words: list[str], lex: Lexicon) -> Who | None:
    """A poll finding, an acronym, a website, or an organisation by its head noun
    (`org_by_head`); None otherwise."""
    if poll_group(np_text):  # "52 percent", "many voters", "Republicans surveyed": a finding
        return Who(np_text, "poll", plural=True)
    bare = words[1:] if first_is_the(words) else words
    if len(bare) == 1 and is_acronym(bare[0]):  # "FBI", "the SDF": an organisation
        return Who(acronym_core(bare[0]), "organization", plural=bare[0].endswith("s"))
    if len(bare) == 1 and is_website(bare[0]):  # "WikiLeaks", "Breitbart.com"
        return Who(POSSESSIVE.sub("", bare[0]), "organization", None, None, "media")
    org = org_by_head(np_text)
    if org is not None:  # "the nonpartisan Congressional Budget Office", "Ministry of Defence"
        ent = lex.lookup(org)
        if ent is not None:
            return Who(ent.name, ent.kind, None, None, ent.type)
        return Who(org, "organization", plural=org.endswith("s") and org.lower() != "forces")
    return None


def _coordination(np_text: str, words: list[str], lex: Lexicon) -> Who | None:
    """Two sources joined by "and" ("SDF members and the DeirEzzor 24 monitoring group", not
    "… and Ali Saleh"): one plural source; None otherwise."""
    if " and " in np_text and not (len(words) >= 2 and _is_name_run(words[-2:])):
        parts = np_text.split(" and ")
        if len(parts) == 2:
            a, b = analyse_phrase(parts[0], lex), analyse_phrase(parts[1], lex)
            if a and b and "pronoun" not in (a.kind, b.kind):
                kind = a.kind if a.kind == b.kind else "anonymous"
                return Who(
                    np_text,
                    kind,
                    None,
                    a.organisation or b.organisation,
                    a.type or b.type,
                    plural=True,
                )
    return None


def _head_phrase(
    np_text: str, words: list[str], lex: Lexicon, attribution: bool
) -> tuple[str, Who | None]:
    """(the words up to the head noun, a person of an organisation or None): the head comes
    before "of", "for", "at", … ("a strategist for one of the candidates"); "one of those
    advisers" looks past the quantifier; "Mujtaba Rahman of the Eurasia Group" is a person
    and the organisation."""
    head_phrase = _HEAD_CUT_RE.split(np_text, maxsplit=1)[0] if " " in np_text else np_text
    if head_phrase.lower() in _QUANTIFIERS and " of " in np_text:  # "one of those advisers"
        rest = np_text.split(" of ", 1)[1]
        head_phrase = _HEAD_CUT_RE.split(rest, maxsplit=1)[0]
    elif " of " in np_text and head_phrase[:1].isupper() and len(words) <= 12:
        # "Mujtaba Rahman of the Eurasia Group": a person and the organisation
        person = _analysed(head_phrase, lex, attribution)
        if person is not None and person.kind == "person" and " " in person.speaker:
            org = np_text.split(" of ", 1)[1]
            org = _THE_ORG_RE.sub("", org).strip(" ,")
            ent = lex.lookup(org)
            return head_phrase, Who(person.speaker, "person", person.role, ent.name if ent else org)
    return head_phrase, None


def _by_head_noun(np_text: str, words: list[str], head_phrase: str, lex: Lexicon) -> Who | None:
    """By the head noun: an unnamed person or group of people ("one young fighter", "local
    officials", "the man"), a generic plural of organisations, an organisation ("the
    ministry"), a document, an outlet's description; None otherwise."""
    head_words = head_phrase.split(" ")
    head = POSSESSIVE.sub("", head_words[-1]).lower()
    first = words[0].lower()
    before_head = head_words[:-1]
    if any(w.lower() in _ROLE_STOP or _VERB_LIKE.match(w) for w in before_head):
        head = ""  # "She greeted 2,000 supporters": a clause, not a description of people
    if head in PERSON_NOUNS and len(head_words) <= 6:
        m = lex.search(np_text)
        org = lex.by_variant[m.group(1)] if m else None
        role_words = words[1:] if first in ("the", "a", "an", "one", "some", "another") else words
        return Who(
            np_text,
            "anonymous",
            " ".join(role_words) or None,
            org.name if org else None,
            org.type if org else None,
            head in PLURAL_PERSON,
        )
    plural_org = head.endswith("s") and head in ORG_NOUNS and len(words) <= 4
    if plural_org and not any(w.lower() in _ROLE_STOP for w in words):
        # "Human rights groups", "aid agencies": a generic plural names no organisation
        return Who(np_text, "anonymous", plural=True)
    if head in ORG_NOUNS and first in ("the", "its", "their") and len(words) <= 5:
        if not any(w.lower() in _ROLE_STOP for w in words[1:]):
            return Who(np_text, "organization", plural=head.endswith("s"))
    if head in DOCUMENT_NOUNS and (first in DETERMINERS or len(words) == 1):
        return Who(np_text, "document", plural=head.endswith("s"))
    if (
        head in DOCUMENT_NOUNS
        and len(words) <= 6
        and head_phrase == np_text
        and all(w[:1].isupper() for w in words)
        and not any(w.lower().strip(".") in TITLES for w in words)
    ):  # "Trade Report", "Annual Statement": a titled document, never a person
        return Who(np_text, "document", plural=head.endswith("s"))
    if head in OUTLET_NOUNS and first in ("the", "a", "an"):
        return Who(np_text, "description")
    return None


def _named(np_text: str, words: list[str], lex: Lexicon, attribution: bool) -> Who | None:
    """A named person, maybe after a role ("Anbar official Emad Dulaimi", "Brig. Gen. X Y"),
    read from the closing run of capitalised words; or what such a run names instead: a known
    organisation, a document, an institution (`_institution`), a group of people, a platform,
    unnamed people ("Someone"); None when the run names no source."""
    i = len(words)
    while i > 0 and NAME_TOKEN.match(words[i - 1]):
        i -= 1
    run = words[i:]
    if not run:
        return None
    # Inside a run of capitalised words, titles end the role ("Iraqi Prime Minister Haider …").
    # The last word is the name even when it can be a title ("Mr. King", "Howard Dean").
    last_title = max((k for k, w in enumerate(run[:-1]) if w.lower() in TITLES), default=-1)
    name_words, role_words = run[last_title + 1 :], words[:i] + run[: last_title + 1]
    if not name_words:
        return None
    last = POSSESSIVE.sub("", name_words[-1])
    name_words = [*name_words[:-1], last]
    if not _is_name_run(name_words):
        # A known organisation with words before it ("Iraq’s joint operations command").
        m = lex.search(np_text)
        if m and m.end() == len(np_text) and len(words) <= 6:
            ent = lex.by_variant[m.group(1)]
            return Who(ent.name, ent.kind, None, None, ent.type)
        return None
    if len(name_words) == 1 and not attribution:
        return None
    if lex.search(" ".join(name_words)):
        return None  # "Islamic State", "ISIS": an organisation, not a name
    if name_words[-1].lower() in ORG_TAILS:
        return None  # "Human Rights" of "… for Human Rights": the tail of a name
    if name_words[-1].lower() in DOCUMENT_NOUNS and last_title < 0:
        # "the department's Trade Report": a titled document, never a person
        return Who(np_text, "document", plural=name_words[-1].endswith("s"))
    if name_words[-1].lower() in INSTITUTION_HEADS and last_title < 0:
        return _institution(words, i)
    if name_words[-1] in _GROUP_NAMES:  # "Republicans", "House Democrats": a group of people
        return Who(np_text, "anonymous", np_text, None, None, True)
    if len(name_words) == 1 and name_words[0].lower() in PLATFORMS:  # "Twitter", "Facebook"
        return Who(name_words[0], "organization", None, None, "media")
    if len(name_words) == 1 and last_title < 0 and name_words[0].lower() in _SOMEONE:
        low = name_words[0].lower()  # "Someone", "Others": unnamed people, not a name
        return Who(np_text, "anonymous", None, None, None, low not in _SINGULAR_SOMEONE)
    if len(name_words) == 1 and last_title < 0 and not_a_name(name_words[0]):
        return None  # "Even", "Sixty", "Associated": not a name
    if last_title < 0 and role_words in (["the"], ["The"]):
        return Who(" ".join(name_words), "organization")  # "said the Kremlin", "the Pentagon"
    if len(name_words) == 1 and last_title < 0 and not_a_name(name_words[0]):
        return None  # "Even", "Sixty", "Others": a sentence opener, not a person
    return _person_with_role(name_words, role_words)


def _institution(words: list[str], i: int) -> Who:
    """ "The Italian Treasury", "First Federal Savings and Loan Association": an institution,
    named in full from the run of capitalised words starting at `i` (a tail after "and"/"of"
    is no source of its own)."""
    k = i
    while k >= 2 and words[k - 1].lower() in ("and", "&", "of") and NAME_TOKEN.match(words[k - 2]):
        k -= 2
        while k > 0 and NAME_TOKEN.match(words[k - 1]):
            k -= 1
    org = words[k:]
    while org and org[0].lower() in ("the", "a", "an"):
        org = org[1:]
    org[-1] = POSSESSIVE.sub("", org[-1])
    return Who(" ".join(org), "organization")


def _person_with_role(name_words: list[str], role_words: list[str]) -> Who | None:
    """A person named `name_words` with the role the words before give (after any speech
    verb, without articles); None when those words are no role (a clause, over 10 words)."""
    cut = max((k for k, w in enumerate(role_words) if w.lower() in SPEECH_VERBS), default=-1)
    role_words = role_words[cut + 1 :]
    while role_words and role_words[0].lower() in ("the", "a", "an"):
        role_words = role_words[1:]
    if any(w.lower() in _ROLE_STOP for w in role_words) or open_role(role_words) == "clause":
        return person_of(role_words, name_words, _person_with_role)  # "Mr. Morgan of the"
    role_words = [] if open_role(role_words) else role_words  # "Sens. Rand Paul and": none
    role = " ".join(role_words) or None
    if role and len(role_words) > 10:
        return None
    return Who(" ".join(name_words), "person", role)


_SINGULAR_SOMEONE = frozenset("someone somebody anyone anybody everyone everybody".split())
_SOMEONE = _SINGULAR_SOMEONE | frozenset("others many most some few several both".split())
_GROUP_NAMES = frozenset(
    "Republicans Democrats Americans Independents Conservatives Liberals Evangelicals "
    "Progressives Moderates Europeans Israelis Palestinians Iraqis Syrians Kurds".split()
)


def first_is_the(words: list[str]) -> bool:
    """True when a phrase opens with "the" and goes on."""
    return len(words) > 1 and words[0] in ("the", "The")


_ROLE_STOP = frozenset(
    "in on at by to from with into that which who where when was were is are has have had be "
    "been once ruled it they he she its their his her there here not no than then as if or "
    "now but however yet while although".split()
)


_APPOS_ORG = re.compile(
    r"^(?P<role>.*?)\s+(?:at|with|for|of|from|in)\s+(?:the\s+)?(?:[\w-]+-based\s+)?(?P<org>[A-Z].*)$"
)


def appositive_role(text: str, lex: Lexicon) -> tuple[str | None, str | None]:
    """(role, organisation) from an appositive: "a research director at the … Center for …"."""
    key = ("appositive", text)
    if key not in lex.cache:
        lex.cache[key] = _read_appositive(text, lex)
    return lex.cache[key]


def _read_appositive(text: str, lex: Lexicon) -> tuple[str | None, str | None]:
    text = _clean_np(text)
    m = WHO_IS_RE.match(text)
    if m:
        text = m.group(1)
    elif text.startswith(("who ", "which ", "speaking ", "also ", "for ", "in ")):
        return None, None
    text = RELATIVE_RE.split(text)[0]
    text = ARTICLE_RE.sub("", text)
    role, org = text, None
    m = _APPOS_ORG.match(text)
    if m:
        role, org_text = m.group("role"), m.group("org")
        found = sorted(lex.mentions(org_text), key=lambda e: -len(e.group(1)))
        org = lex.by_variant[found[0].group(1)].name if found else org_text
    else:
        ent = lex.search(text)
        if ent and ent.start() > 0:
            org = lex.by_variant[ent.group(1)].name
    role = role.strip(" ,") or None
    if role and len(role.split()) > 8:
        role = " ".join(role.split()[:8])
    return role, (org.strip(" ,.") if org else None)


def last_clause_break(pre: str) -> int:
    """Where the last `_CLAUSE_RE` match in `pre` sits (-1 if none), for text whose only
    whitespace is single spaces: every match is one character, so str.rfind finds it."""
    j = max(pre.rfind(c) for c in ";:—–(")
    for stop in (". ", "? ", "! "):
        k = pre.rfind(stop)
        if k >= 0 and k + 1 > j:
            j = k + 1
    return j


# A wire dateline opening a lead: "NEW YORK, March 2 - ", "LONDON, Feb 26 -" (Reuters style).
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'’-]*(?:\s+[A-Z][A-Z.'’-]*)*|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*),\s+"
    r"[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s+[-–—]\s+"
)


# A time adverbial between the subject and its verb: "Ms. Lee later Thursday told", "X on
# Monday said", "X last week wrote": the subject is the noun phrase before it.
_TIME_BEFORE_VERB = re.compile(
    r",?\s+(?:(?:on|last|this|earlier|later|late|early|again|then|also)\s+)?(?:(?:Mon|Tues|Wednes"
    r"|Thurs|Fri|Satur|Sun)day|week|month|year|night|morning|afternoon|evening|today|yesterday"
    r"|tonight),?$"
)
_TIME_ENDINGS = tuple(
    end + comma
    for end in "day week month year night morning afternoon evening tonight".split()
    for comma in ("", ",")
)


def _strip_time(pre: str) -> str:
    """`pre` without the time adverbials ending it ("Ms. Lee later Thursday" → "Ms. Lee")."""
    while pre.endswith(_TIME_ENDINGS):
        m = _TIME_BEFORE_VERB.search(pre, max(0, len(pre) - 40))
        if m is None:
            break
        pre = pre[: m.start()]
    return pre


_CONJUNCTION = frozenset("but and yet so still".split())


def subject_before(pre: str, lex: Lexicon) -> tuple[Who | None, str | None]:
    """The speaker named right before a speech verb, with the role from an appositive.

    A full name never takes words across a line break: in a live blog the subhead on the
    line before is glued to the subject ("… Over Zika Virus\nChris Christie said" → Chris
    Christie); a name wrapped by the line (“Exchequer Nigel\nLawson said”) stays whole."""
    pre = pre.rstrip()
    if "\n" in pre and len(pre[pre.rfind("\n") + 1 :].split()) >= 2:
        pre = pre[pre.rfind("\n") + 1 :]
    pre = _DATELINE.sub("", pre)  # "NEW YORK, March 2 - American Express Co said"
    pre = _strip_time(_PAREN_RE.sub("", pre) if "(" in pre else pre)  # "Sen. Jo Lee (D-Ill.)"
    words = pre.split()
    while words and (
        words[-1].lower().strip(",") in AUX
        or words[-1].endswith("ly")
        and words[-1].islower()
        and len(words[-1]) > 4
    ):  # "has also", "jokingly"
        words = words[:-1]
    if len(words) > 1 and words[-1] in ("and", "but", "then", "to"):
        # "X shook her head and said", "X did not name them, but told", "X went on to say": X
        clause = " ".join(words[:-1])
        clause = clause[last_clause_break(clause) + 1 :].strip()
        return longest_prefix(clause, lex), None
    if len(words) > 2 and words[-1] == "who" and words[-2].endswith(","):
        # "… for Mr. Sanders, who said": the relative pronoun's antecedent
        return longest_suffix(" ".join(words[:-1])[:-1], lex), None
    pre = " ".join(words)
    if not pre:
        return None, None
    clause = pre[last_clause_break(pre) + 1 :]  # _CLAUSE_RE.split(pre)[-1]
    if clause.endswith(","):
        parts = clause[:-1].split(",")
        k = 0
        first = parts[0].split()
        if len(first) > 1 and first[0].lower() in _CONJUNCTION and first[1][:1].isupper():
            parts[0] = " ".join(first[1:])  # "But Sen. Jo Lee (D-Ill.), noting …, said": Jo Lee
        while k < len(parts) - 1 and parts[k].split()[:1] and parts[k].split()[0].lower() in INTRO:
            k += 1  # "In Syria, the minister, a veteran, said"
        if len(parts) > k + 1:
            who = longest_suffix(parts[k], lex)
            named = analyse_phrase(parts[k + 1], lex, attribution=False)
            if (
                who is not None
                and who.kind == "anonymous"
                and named is not None
                and named.kind == "person"
                and " " in named.speaker
            ):  # "the governor of the province, Abdul Karim, warned"
                named.role = named.role or who.role
                return named, ",".join(parts[k + 2 :])
            if who is not None and who.kind != "pronoun" or who is not None and k == 0:
                return who, ",".join(parts[k + 1 :])
        clause = clause[:-1]
    elif "," in clause:
        head, rest = clause.split(",", 1)
        who = longest_suffix(head, lex)
        if who is not None and who.kind == "person" and APPOS_START_RE.match(rest):
            return who, rest
        clause = clause.rsplit(",", 1)[1]
    who = longest_suffix(clause, lex)
    obj = infinitive_object(clause) if who is not None else None  # "The First Amendment to
    if obj and getattr(longest_suffix(obj, lex), "speaker", None) == who.speaker:  # restrict
        return None, None  # the federal government began:": the object is no subject
    if who is not None and who.kind == "person" and " " not in who.speaker:
        before = clause[: clause.rfind(who.speaker)].split()[-1:]
        if before and before[0] in _PLACE_PREPOSITIONS:  # "the incident in Iowa, telling"
            return None, None
    if who is not None and who.kind == "organization":
        words = clause.split()
        k = len(words)
        while k > 0 and words[k - 1][:1].isupper():
            k -= 1
        if 0 < k < len(words) and words[k - 1] in _PLACE_PREPOSITIONS:
            return None, None  # "the attacks in France, Trump …": a place, not the speaker
    return who, None


_PLACE_PREPOSITIONS = frozenset("in at from to of for on into across near".split())
_STOP_SUFFIX = frozenset(("that", "which", "who", "where", "when", "because"))


def longest_suffix(text: str, lex: Lexicon, max_words: int = 12) -> Who | None:
    # Only the last `max_words` words matter: the reading is cached by them.
    """The speaker named by the longest run of words ending `text` (of its last `max_words`
    words) that `analyse_phrase` reads as a speaker, or None."""
    words = text.split()[-max_words:]
    key = ("suffix", " ".join(words))
    best = lex.cache.get(key, False)
    if best is False:
        best = None
        for k in range(1, len(words) + 1):
            if words[-k].lower().strip(",") in _STOP_SUFFIX:
                break
            who = _analysed(" ".join(words[-k:]), lex)
            if who is not None:
                best = who
        lex.cache[key] = best
    return None if best is None else _copy(best)


def longest_prefix(text: str, lex: Lexicon, max_words: int = 10) -> Who | None:
    """The speaker named by the longest run of words opening `text` (of its first
    `max_words` words) that `analyse_phrase` reads as a speaker, or None."""
    words = text.split()[:max_words]
    key = ("prefix", " ".join(words))
    best = lex.cache.get(key, False)
    if best is False:
        best = None
        for k in range(1, len(words) + 1):
            who = _analysed(" ".join(words[:k]), lex)
            if who is not None:
                best = who
        lex.cache[key] = best
    return None if best is None else _copy(best)


def _copy(who: Who) -> Who:
    return Who(who.speaker, who.kind, who.role, who.organisation, who.type, who.plural)


_NAME_RX = r"[A-Z][\w’'-]+(?:\s+(?:[A-Z][\w’'-]+|(?:al|el|bin|ibn|abu)-[\w’'-]+|bin|ibn|abu)){1,3}"


NAME_BEFORE = re.compile(
    r"(?<![\w’'-])(?:(?:[A-Z][\w’'-]+|(?:al|el|bin|ibn|abu)-[\w’'-]+|bin|ibn|abu)\s+){1,3}$"
)


# `(?<![\w’'-])` + _NAME_RX, with the check after the capital so the engine skips to capitals.
_NAME_ANY = re.compile(r"[A-Z](?<![\w’'-][A-Z])" + _NAME_RX[5:] + r"(?![\w-])")


_CAND_APPOS = re.compile(
    r"(?P<name>" + _NAME_RX + r")\s*,\s+(?=(?:an?|the|who|leader|spokesman|"
    r"spokeswoman|head|chief|director|founder|commander|professor|member)\s)"
)


_SUBJECT_NEXT = re.compile(r"\s+(?!of\b|and\b|in\b|on\b|at\b|to\b|for\b)[a-z]")


_ROLE_WORDS = frozenset(
    "resident official leader commander spokesman spokeswoman minister president general "
    "analyst expert researcher director officer gen. col. dr. mr. mrs. ms. sgt. capt. lt. maj. "
    "farmer".split()
)


_APPOS_HINT = re.compile(
    r", (?:an?|the|who|leader|spokesman|spokeswoman|head|chief|director|founder|commander|"
    r"professor|member) "
)


_HINT_NOUNS = (
    "official man woman fighter resident soldier officer commander source diplomat witness "
    "villager analyst expert activist farmer survivor driver teacher doctor"
).split()


_HINT_VERBS = "said says told tells who speaking described recalled added explained".split()


def _after_nouns(tail: str) -> str:
    """A look-behind for "one of _HINT_NOUNS, then `tail`", grouped by noun length."""
    by_len: dict[int, list[str]] = {}
    for noun in _HINT_NOUNS:
        by_len.setdefault(len(noun), []).append(noun)
    return "(?:" + "|".join(f"(?<=(?:{'|'.join(ns)}){tail})" for ns in by_len.values()) + ")"


# Whether a paragraph holds a hint noun followed by "," or " said", " told", … (a yes/no test:
# the same answer as searching for noun-then-word, found from the rarer "," and " " onwards).
_ANON_HINT = re.compile(
    ",(?:" + _after_nouns(",") + ")| " + _after_nouns(" ") + "(?:" + "|".join(_HINT_VERBS) + ")"
)


_CAND_ANON = re.compile(
    r"(?P<np>(?:[Oo]ne|[Aa]nother|[Aa]n?|[Tt]he)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:official|man|woman|fighter|resident|soldier|officer|commander|source|diplomat|"
    r"witness|villager|analyst|expert|activist|farmer|survivor|driver|teacher|doctor))"
    r"(?=\s*,|\s+(?:said|says|told|tells|who|speaking|described|recalled|added|explained))"
)


class People:
    """Who has been named so far in one article: speakers as found, mentions scanned lazily."""

    def __init__(self, art: Article, masked: str, lex: Lexicon) -> None:
        self.art, self.masked, self.lex = art, masked, lex
        self.spoken: list[tuple[int, Who]] = []
        self._mentions: dict[int, list[tuple[int, Who]]] = {}
        self._genders: dict[str, list[tuple[int, str]]] = {}

    def add(self, pos: int, who: Who | None) -> None:
        """Record speaker `who` found at offset `pos` (pronouns and descriptions are not kept)."""
        if who is not None and who.kind not in ("pronoun", "description", "short", "poll"):
            bisect.insort(self.spoken, (pos, who), key=FIRST)

    def mentions(self, k: int) -> list[tuple[int, Who]]:
        """People named in body paragraph k outside quotes (appositives, roles, "one official")."""
        if k not in self._mentions:
            _, ps, pe = self.art.paras[k]
            self._mentions[k] = _paragraph_people(self.masked, ps, pe, self.lex)
        return self._mentions[k]

    def known(self) -> list[tuple[int, Who]]:
        """Speakers and the mentions scanned so far, in document order."""
        found = [m for k in sorted(self._mentions) for m in self._mentions[k]] + self.spoken
        return sorted(found, key=FIRST)

    def _nearest(self, pos: int, para: int, fits) -> tuple[int, Who] | None:
        """The most recent speaker before `pos` that `fits`, or a later such person mentioned
        in paragraph `para` or the three before it."""
        best = next(((p, c) for p, c in reversed(self.spoken) if p < pos and fits(c)), None)
        for k in range(para, max(para - 3, 0) - 1, -1):  # the paragraph and three before it
            _, ps, pe = self.art.paras[k]
            if best is not None and best[0] >= pe:
                break
            found = [(p, c) for p, c in self.mentions(k) if p < pos and fits(c)]
            if found:
                if best is None or found[-1][0] > best[0]:
                    best = found[-1]
                break
        return best

    def gender(self, who: Who, pos: int) -> str | None:
        """ "f", "m" or None for a person speaker `who` read at offset `pos`: from a title
        ("Mrs.", "Mr."), a gendered role word ("spokeswoman"), the given name, or for a surname
        alone every "Given Surname" or "Ms. Surname" before `pos`, when they agree. Rules
        written for this package; given names from `given_names.given_name_gender`."""
        if who.kind != "person":
            return None
        words = who.speaker.split() or [""]
        found = title_gender(words[0]) or role_gender(who.role or "")
        if found or len(words) > 1:
            return found or given_name_gender(words[0])
        if words[0] not in self._genders:  # each "Given Surname" of the text with a gender
            rx = (
                r"\b(Mr|Mrs|Ms|Miss|[A-Z][a-z]+)\.?\s+(?:[A-Z]\.\s*)*" + re.escape(words[0]) + r"\b"
            )
            hits = (
                (m.start(), title_gender(m[1]) or given_name_gender(m[1]))
                for m in re.finditer(rx, self.masked)
            )
            self._genders[words[0]] = [h for h in hits if h[1]]
        hits = self._genders[words[0]][
            : bisect.bisect_left(self._genders[words[0]], pos, key=FIRST)
        ]
        one = {g for _, g in hits}  # "Trump" after "Donald Trump" and "Melania Trump": unknown
        return one.pop() if len(one) == 1 else None

    def resolve(self, who: Who | None, pos: int, para: int, gendered: bool = True) -> Who | None:
        """A pronoun becomes the most recent fitting speaker or person mentioned before `pos`;
        "he", "she" or "I" prefer a person named in that paragraph or the three before it to
        a nearer role noun ("the moderator"); "he" and "she" skip a person of the other gender
        (`gender`) unless `gendered` is False (a quote with no pronoun at all)."""
        if who is None or who.kind != "pronoun":
            return who
        low = who.speaker.lower()

        def fits(cand: Who) -> bool:
            if (
                gendered
                and low in ("he", "she")
                and self.gender(cand, pos) == ("m" if low == "she" else "f")
            ):
                return False  # "he said" is not a woman's words, "she said" not a man's
            if low in ("he", "she", "i"):
                return cand.kind == "person" or cand.kind == "anonymous" and not cand.plural
            if low == "it":
                return cand.kind in ("organization", "outlet")
            return cand.plural or cand.kind == "organization"

        best = self._nearest(pos, para, fits)
        if best is not None and best[1].kind == "anonymous" and low in ("he", "she", "i"):
            # "he" after a role noun ("“…?” the moderator asked. ¶ “…,” he said"): the person
            # last named as a speaker or subject in the same span, when there is one.
            named = self._nearest(pos, para, lambda c: c.kind == "person")
            named = named if named is None or fits(named[1]) else None
            window = self.art.paras[max(para - 3, 0)][1]
            best = named if named is not None and named[0] >= window else best
        if best is None and low in ("he", "she"):  # nobody near: the last person named before
            for k in range(max(para - 4, -1), -1, -1):
                found = [(p, c) for p, c in self.mentions(k) if p < pos and c.kind == "person"]
                found = [(p, c) for p, c in found if fits(c)]
                if found:
                    best = found[-1]
                    break
        return best[1] if best is not None else who


def _bounded(rx: re.Pattern, text: str):
    """Matches of `rx` that start at a word boundary (checked here, not by a slow lookbehind)."""
    for m in rx.finditer(text):
        i = m.start()
        if i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "_-’'"):
            yield m


def _paragraph_people(masked: str, ps: int, pe: int, lex: Lexicon) -> list[tuple[int, Who]]:
    ptext = masked[ps:pe]
    found = []
    appositive = _APPOS_HINT.search(ptext) is not None  # cheap tests before the full patterns
    for m in _bounded(_CAND_APPOS, ptext) if appositive else ():
        who = analyse_phrase(m.group("name"), lex, attribution=False)
        if who is not None and who.kind == "person":
            rest = ptext[m.end() :]
            who.role, who.organisation = appositive_role(
                APPOS_END_RE.split(rest, maxsplit=1)[0], lex
            )
            found.append((ps + m.start(), who))
    for m in _NAME_ANY.finditer(ptext):  # "resident Ahmed al-Issawy", "Gen. Yahya Rasoul"
        before = ptext[max(0, m.start() - 40) : m.start()].split()
        if not before or before[-1][-1:] in ".?!":  # a name opening a sentence: "Maria Lopez lost"
            if _SUBJECT_NEXT.match(ptext, m.end()):
                who = analyse_phrase(m.group(), lex, attribution=False)
                if who is not None and who.kind == "person" and " " in who.speaker:
                    found.append((ps + m.start(), who))
            continue
        if before[-1].lower() not in _ROLE_WORDS:
            continue
        who = analyse_phrase(ptext[max(0, m.start() - 40) : m.end()].split(",")[-1], lex, False)
        if who is not None and who.kind == "person":
            found.append((ps + m.start(), who))
    anonymous = _ANON_HINT.search(ptext) is not None
    for m in _bounded(_CAND_ANON, ptext) if anonymous else ():
        who = analyse_phrase(m.group("np"), lex)
        if who is not None and who.kind == "anonymous":
            found.append((ps + m.start(), who))
    return sorted(found, key=FIRST)
