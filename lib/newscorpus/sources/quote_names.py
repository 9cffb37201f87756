"""Naming the speakers of one article's quote rows (`name_speakers`, run by `find_quotes`).

A surname alone becomes the full name the article gives, each person keeps one role (the first
descriptive one), a description or short form of an outlet becomes the outlet (the article's
own publisher is dropped), "the man" becomes the "one man" named before it, and
`article_canonical` adds the `canonical` column. Rules written for this package. Split out of
`quotes.py`.
"""

from __future__ import annotations

import re
from operator import itemgetter

from newscorpus.sources.articles import Article
from newscorpus.sources.bearers import titled_bearers
from newscorpus.sources.canonical import article_canonical
from newscorpus.sources.forms import NAME_LABELS, not_a_name, unlabelled
from newscorpus.sources.given_names import given_name_gender, is_first_name
from newscorpus.sources.lexicon import (
    DESCRIPTION,
    Lexicon,
    body_mentions,
    describe_at,
    outlet_mentions,
)
from newscorpus.sources.person_keys import is_bare_surname
from newscorpus.sources.same_surname import courtesy_couples, particle_bearer
from newscorpus.sources.speakers import NAME_BEFORE, People, Who, analyse_phrase, source_type
from newscorpus.sources.words import FIRST, LOWER_RE, TITLES, VERB_RE

# A capitalised sentence opener that is no part of a name before it ("Could Hillary Clinton get
# indicted?", "Why Bernie Sanders …"): a question word or an auxiliary verb.
_OPENER = re.compile(
    r"(?:Could|Would|Should|Can|Did|Does|Do|Is|Are|Was|Were|Has|Have|Had|Why|How|What|"
    r"When|Where|Who|Which|Whether|If|But|And|So|Yet|Far|More|Most|Even|Still|Neither|Either|"
    r"Both|Not|Only|Like|Unlike|As|While|Though|Although|Because|Since|After|Before|Then|Now|"
    r"Also|Here|There|This|That|These|Those|Meanwhile|However|With|Without|For|From|To|In|On)\s+"
)


def _surname_at(masked: str, surname: str, first: int, last: int):
    """(offset, text) of `surname` as a whole word in masked[first:last] ("Far" is not in
    "Farage"), with the Arabic article the surname alone drops ("al-Ansi" for "Ansi")."""
    rx = re.compile(r"(?<![\w’'-])(?:(?i:al|el)-)?" + re.escape(surname) + r"(?![\w-])")
    return ((m.start(), m.group()) for m in rx.finditer(masked, first, last))  # "Comey’s" too


def _full_names(art: Article, rows: list[dict], people: People, lex: Lexicon, masked: str):
    """({full name: speaker}, the people the article mentions, whether a row's speaker is "the
    man"-like): the full names the article gives its quoted surnames ("… Ana Ruiz …" for
    "Ruiz"), its mentions and its rows' speakers."""
    full_names: dict[str, Who] = {}
    surnames = {
        r["who"].speaker
        for r in rows
        if r["who"] is not None and r["who"].kind == "person" and is_bare_surname(r["who"].speaker)
    }
    first, last = art.paras[0][1], art.paras[-1][2]
    for surname in sorted(surnames):  # a surname alone: find the full name in the article
        for i, written in _surname_at(masked, surname, first, last):
            lo = max(first, i - 60)  # a live blog's subhead is not part of the name …
            nl = masked.rfind("\n", lo, i) + 1
            if nl and masked[nl:i].strip():  # … unless the line breaks inside the name
                lo = nl
            m = NAME_BEFORE.search(masked, lo, i)
            if m is not None and not VERB_RE.match(m.group()):  # not "Continued Stone"
                given = m.group()
                opener = _OPENER.match(given)
                if opener is not None:  # "Could Hillary Clinton" is Hillary Clinton
                    given = given[opener.end() :]  # and "Neither Trump" names no one
                    if not given:
                        continue
                who = analyse_phrase(given + written, lex, attribution=False)
                if who is not None and who.kind == "person" and " " in who.speaker:
                    full_names.setdefault(who.speaker, who)
    index = {pid: k for k, (pid, _, _) in enumerate(art.paras)}
    any_the = False
    for r in rows:  # "the man": look for "one man" in the paragraphs just before
        who = r["who"]
        if who is not None and who.kind == "anonymous" and who.speaker[:4].lower() == "the ":
            any_the = True
            k = index[r["paragraph_id"]]
            for j in range(max(k - 3, 0), k + 1):
                people.mentions(j)
    cands = people.known()
    for _, who in cands:
        if who.kind == "person" and " " in who.speaker:
            full_names.setdefault(who.speaker, who)
    for row in rows:
        who = row["who"]
        if who is not None and who.kind == "person" and " " in who.speaker:
            full_names.setdefault(who.speaker, who)
    return full_names, cands, any_the


_KIN = re.compile(
    r"\b(?:daughter|son|wife|husband|brother|sister|father|mother|widow|widower|nephew|niece|"
    r"grandson|granddaughter|grandfather|grandmother|cousin|uncle|aunt)s?,?\s+$"
)


def _relative(name: str, masked: str, first: int) -> bool:
    """Whether the article first names `name` as someone's relative ("their daughter Robin
    Bush"): a surname alone elsewhere is then the better-known bearer, not this relative."""
    i = masked.find(name, first)
    return i >= 0 and _KIN.search(masked, max(first, i - 30), i) is not None


def _bearer(name: str, surname: str) -> str | None:
    """A full name of the surname's bearer without the words glued before it: a sentence
    opener, a verb form, a shouted word or a word that is no name ("Addressing Amber Guyger"
    → "Amber Guyger", "Another Trump" → None); None when no given name is left or the name
    does not end with the surname ("Trump Tower"). A name opening with the word is its
    bearer too (a given name used alone: "Nina" of "Nina Totenberg")."""
    words = name.split()
    if any(w[:1].islower() and w not in _PARTICLES for w in words):
        return None  # "Rubio and Kasich": two people
    while words and (
        _OPENER.match(words[0] + " ")
        or (words[0].endswith(("ing", "ed")) and len(words[0]) > 5 and not is_first_name(words[0]))
        or (words[0].isupper() and len(words[0]) > 2)
        or (not_a_name(words[0]) and not is_first_name(words[0]))
        or words[0].lower() in _NOT_GIVEN
        or re.search(r"[’']s$", words[0])  # "MIT’s Autor"
        or any(w in TITLES for w in words[0].lower().strip(".").split("-"))  # "First Lady",
    ):  # "Then-President-elect Trump"
        words = words[1:]
    if len(words) >= 2 and words[0] == surname and _given(words[0]):  # a given name alone:
        return " ".join(words)  # "Nina" of "NPR's Nina Totenberg"; never "Trump Tower"
    if len(words) < 2 or re.sub(r"[’']s$", "", words[-1]) != surname:
        return None
    return " ".join(words)


# Capitalised words before a surname that are no given name ("Team Trump", "Another Trump").
_NOT_GIVEN = frozenset(
    "another team new old young former late dear citizen candidate first lady".split()
)
_BREAKS = re.compile(r"\n+")
_PARTICLES = frozenset("de da del der di du la le van von bin ibn abu al".split())


_SHE = re.compile(r"(?<![\w’'-])(?:she|her|hers|herself)(?![\w’'-])", re.IGNORECASE)
_HE = re.compile(r"(?<![\w’'-])(?:he|his|him|himself)(?![\w’'-])", re.IGNORECASE)


def _same_gender(names: list[str], near: str) -> list[str]:
    """The names whose given name's gender (`given_names.given_name_gender`) is the only one
    the pronouns near the quote use ("Romney spoke … She told them …"); [] when the text
    uses both or neither, or no name has that gender."""
    she, he = bool(_SHE.search(near)), bool(_HE.search(near))
    if she == he:
        return []
    wanted = "f" if she else "m"
    return [n for n in names if given_name_gender(n.split()[0]) == wanted]


def _given(name: str) -> bool:
    """Whether a full name opens with a known given name (`given_names`)."""
    word = name.split()[0]
    return is_first_name(word) or given_name_gender(word) is not None


def _full_name(surname: str, start: int, full_names: dict[str, Who], masked: str, first: int):
    """The full name for `surname` quoted at `start`, in agreement with the article: the only
    full name it gives with that surname (`_bearer`); of several, the only one named in the
    quote's paragraph or the one before (the person just introduced: "Ann Romney took the
    stage … Romney said"), else the article's main bearer: the one named most often in full
    (of the gender the pronouns around the quote use, when they use one; a known given name
    first on a tie, then the one named first: "Mitt Romney", never his father "George Romney"
    named once in passing, nor "Karen Guyger" named last); a party label alone ("Democrat")
    is the one person the article names with it ("Democrat Jon Ossoff"); never a
    relative named as one ("daughter Robin Bush"), and the surname stays alone when the
    article's only full name is such a relative or the article gives the surname alone a
    title none of its bearers takes (`bearers.titled_bearers`: "President Obama" beside
    "Michelle Obama" only)."""
    if surname.lower() in NAME_LABELS:  # "Democrat said": the one "Democrat Jon Ossoff"
        named = {unlabelled(n, is_first_name) for n in full_names if n.split()[0] == surname}
        named = {n for n in named if " " in n}
        return next(iter(named)) if len(named) == 1 else surname
    match = [n for n in full_names if surname in n.split() and not _relative(n, masked, first)]
    own = list(dict.fromkeys(b for n in match if (b := _bearer(n, surname)) is not None))
    if own and not (own := titled_bearers(surname, own, masked, first, start)):
        return surname  # "President Obama" is not "Michelle Obama": left to the corpus
    if not own:  # none of its own: as before, the surname's only full name, if any
        return match[0] if len(match) == 1 else surname
    if len(own) == 1:
        return own[0]
    given = [n for n in own if _given(n)]  # "Barack Obama" over "Give Obama", unless the
    others = [masked.count(n, first) for n in own if n not in given]  # other is named more
    if given and max(others, default=0) <= max(masked.count(n, first) for n in given):
        own = given  # ("Amber Guyger", a name the lists lack, ten times; "Karen Guyger" thrice)
    if len(own) == 1:
        return own[0]
    breaks = [m.start() for m in _BREAKS.finditer(masked, first, start)]
    lo = breaks[-2] if len(breaks) >= 2 else first
    recent = [n for n in own if masked.find(n, lo, start) >= 0]
    if len(recent) == 1:
        return recent[0]
    own = _same_gender(own, masked[lo : start + 300]) or own  # "… she said": Ann, not Mitt

    def rank(name: str) -> tuple[int, bool, int]:
        pos = masked.find(name, first)
        return (-masked.count(name, first), not _given(name), pos if pos >= 0 else len(masked))

    return min(own, key=rank)


def _roles(cands: list, rows: list[dict], full_names: dict[str, Who]) -> dict[str, tuple]:
    """{person: (role, organisation)}: one role per person, the first descriptive one (an
    appositive beats a bare title)."""
    roles: dict[str, tuple] = {}
    mentions = [w for _, w in cands] + [r["who"] for r in rows if r["who"] is not None]
    for who in mentions:
        if who.kind != "person":
            continue
        name = who.speaker
        if " " not in name:
            match = [n for n in full_names if name in n.split()]
            name = match[0] if match else name
        role, org = roles.get(name, (None, None))
        descriptive = bool(who.role and LOWER_RE.search(who.role))
        if role is None or descriptive and not LOWER_RE.search(role):
            role = who.role or role
        roles[name] = (role, org or who.organisation)
    return roles


def _outlet_speaker(who: Who, start: int, art: Article, lex: Lexicon, outlets) -> Who | None:
    """An outlet for a description ("the newspaper": the outlet named last before `start`) or
    a short form ("the Times"); None for an unclear short form or the article's publisher.
    `outlets()` gives the article's outlet mentions."""
    if who.kind == "description":
        ent = None
        dm = DESCRIPTION.search(who.speaker)
        if dm:
            before = [o for o in outlets() if o[0] < start]
            ent = describe_at(dm, before, art.publisher)
        who = (
            Who(ent.name, "outlet", None, None, "media")
            if ent
            else Who(who.speaker, "outlet", None, None, "media")
        )
    if who.kind == "short":
        options = lex.short.get(who.speaker, [])
        seen = [o[2] for o in outlets() if o[0] < start and o[2] in options]
        ent = seen[-1] if seen else (options[0] if len(options) == 1 else None)
        if ent is None or ent.name == art.publisher:
            return None  # an unclear short form, or the article's own publisher
        who = Who(ent.name, "outlet", None, None, "media")
    if who.kind in ("outlet",) and who.speaker == art.publisher:
        return None
    return who


def name_speakers(
    art: Article, rows: list[dict], people: People, lex: Lexicon, masked: str
) -> list[dict]:
    """The rows in order with their speakers named: a surname alone becomes the article's
    full name, one role per person, outlets for descriptions and short forms (the article's
    own publisher dropped), "the man" the "one man" before it, canonical names added."""
    full_names, cands, any_the = _full_names(art, rows, people, lex, masked)
    roles = _roles(cands, rows, full_names)
    first, last = art.paras[0][1], art.paras[-1][2]
    anon = (
        sorted(
            [(p, w) for p, w in cands if w.kind == "anonymous" and not w.plural]
            + [
                (r["start"], r["who"])
                for r in rows
                if r["who"] is not None and r["who"].kind == "anonymous" and not r["who"].plural
            ],
            key=FIRST,
        )
        if any_the
        else []
    )
    cache: list = []

    def outlets() -> list:
        if not cache:
            cache.append(outlet_mentions(art, lex, masked))
        return cache[0]

    out = []
    for row in sorted(rows, key=itemgetter("start", "end")):
        who = row.pop("who")
        if who is not None:
            who = Who(who.speaker, who.kind, who.role, who.organisation, who.type, who.plural)
            if who.kind == "person" and is_bare_surname(who.speaker):  # "Van Hollen" too
                who.speaker = particle_bearer(who.speaker, full_names) or _full_name(
                    who.speaker, row["start"], full_names, masked, first
                )
            if who.kind == "person" and who.speaker in roles:
                who.role, who.organisation = roles[who.speaker]
            who = _outlet_speaker(who, row["start"], art, lex, outlets)
            if who is None:
                continue
            if who.kind == "anonymous" and who.speaker.lower().startswith("the "):
                head = who.speaker.lower().split()[-1]
                earlier = [
                    w
                    for p, w in anon
                    if p < row["start"]
                    and w.speaker.lower().split()[-1] == head
                    and w.speaker.lower().split()[0] in ("one", "a", "an", "another")
                ]
                if earlier:
                    who = Who(
                        earlier[-1].speaker,
                        "anonymous",
                        earlier[-1].role,
                        earlier[-1].organisation,
                        earlier[-1].type,
                    )
            if who.kind == "pronoun":
                who = Who(who.speaker, "unknown")
        row["speaker"] = who.speaker if who else None
        row["speaker_kind"] = who.kind if who else "unknown"
        row["speaker_role"] = who.role if who else None
        row["organisation"] = who.organisation if who else None
        row["source_type"] = source_type(who, lex)
        out.append(row)
    article_canonical(out, masked, first, last, lex, lambda: body_mentions(art, lex, masked))
    courtesy_couples(out, masked[first:last], first)  # "Mr. Horrigan" and "Ms. Horrigan"
    return out
