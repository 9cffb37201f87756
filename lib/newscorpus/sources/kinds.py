"""What kind of unnamed source a description is: anonymous, a role or a collective actor.

The quote pass reads every description without a name ("a senior official", "the president",
"Democrats", "critics", "the company") as speaker_kind `anonymous`. `refine_kind` splits them
into the taxonomy of `docs/sources.md` (section "Kinds of source"):

- `anonymous`: an unidentified individual, or individuals, whose identity the writer does not
  give — the anonymous sourcing of journalism ("a senior official", "officials", "U.S.
  officials", "a source", "sources", "people familiar with the matter", "an aide", "a
  spokesman", "a man", "one resident").
- `role`: one identifiable person named only by an office that one person holds ("the
  president", "the governor", "the senator"). When the article names a person with that title
  ("President Barack Obama", "Gov. Chris Christie"), the row becomes that person (kind
  `person`); otherwise it stays a `role`.
- `country`: a country or its government named by the country, its capital or seat of
  government ("the United States", "Washington said", "the Kremlin"): never an organisation.
- `collective`: a collective actor or a category of people — a party or its members
  ("Democrats", "Republicans", "GOP leaders"), "critics", "supporters", "opponents",
  "experts", "analysts", "lawmakers", "voters", "the administration", "the government", and
  organisations the article leaves unnamed ("the company", "the agency"): no individual
  stands behind the words.

Rules of thumb written for this package from the AllSides and PolNeAR source lists; no
outside source.
"""

from __future__ import annotations

import re

from newscorpus.sources.collectives import group_kind, label_holder, unnamed_name
from newscorpus.sources.epithets import epithet_holder
from newscorpus.sources.forms import ORG_HEADS
from newscorpus.sources.given_names import is_first_name
from newscorpus.sources.lexicon import load_places
from newscorpus.sources.unnamed import head_and_before, human_head, thing_kind
from newscorpus.sources.words import TITLES

# Countries (and their capitals and seats of government, read as the country): a country that
# speaks ("Washington said", "Moscow said") is kind `country`, never an organisation.
COUNTRIES = frozenset(load_places()["name"]) | {"United States"}

# Kinds whose names are descriptions, not names: compared in lowercase.
UNNAMED_KINDS = ("anonymous", "role", "collective", "document")

# Nouns of the people anonymous sourcing rests on: unnamed, but individuals who told the writer.
ANONYMOUS_HEADS = frozenset(
    (
        "official officials source sources aide aides adviser advisers advisor advisors insider "
        "insiders spokesman spokeswoman spokesperson spokespeople representative diplomat "
        "diplomats staffer staffers employee employees person people man woman men women "
        "resident residents witness witnesses member operative operatives confidant confidants "
        "associate associates friend friends someone somebody officer officers agent agents "
        "worker workers attendee attendees participant participants student students "
        "lawyer attorney doctor nurse teacher voter veteran father mother parent boy girl "
        "student user driver customer worker farmer soldier fighter activist"
    ).split()
)

# Offices one person holds at a time: "the president" is a person named by role.
ROLE_TITLES = {
    "president": ("President", "Pres."),
    "vice president": ("Vice President", "Vice-President", "VP"),
    "governor": ("Governor", "Gov."),
    "senator": ("Senator", "Sen."),
    "congressman": ("Congressman", "Rep.", "Representative"),
    "congresswoman": ("Congresswoman", "Rep.", "Representative"),
    "mayor": ("Mayor",),
    "speaker": ("Speaker",),
    "attorney general": ("Attorney General", "Atty. Gen."),
    "secretary of state": ("Secretary of State",),
    "secretary": ("Secretary", "Sec."),
    "prime minister": ("Prime Minister", "PM"),
    "chancellor": ("Chancellor",),
    "pope": ("Pope",),
    "first lady": ("first lady", "First Lady"),
    "candidate": ("candidate",),
    "nominee": ("nominee",),
    "judge": ("Judge",),
    "justice": ("Justice",),
    "chief justice": ("Chief Justice",),
    "sheriff": ("Sheriff",),
    "commissioner": ("Commissioner",),
    "director": ("Director",),
    "chairman": ("Chairman",),
    "chairwoman": ("Chairwoman",),
    "ceo": ("CEO", "Chief Executive"),
    "cfo": ("CFO", "Chief Financial Officer"),
    "chief executive officer": ("Chief Executive Officer", "CEO"),
    "chief financial officer": ("Chief Financial Officer", "CFO"),
    "chief operating officer": ("Chief Operating Officer", "COO"),
    "chief": ("Chief", "chief"),
    "inspector general": ("Inspector General", "inspector general"),
    "special counsel": ("Special Counsel", "special counsel"),
    "chief of staff": ("Chief of Staff", "chief of staff"),
    "king": ("King",),
    "queen": ("Queen",),
    "ambassador": ("Ambassador", "Amb."),
    "minister": ("Minister",),
    "leader": ("Leader",),
    "lawmaker": ("lawmaker",),
    "billionaire": ("billionaire",),
    "businessman": ("businessman",),
}

# Collective actors and categories of people: no individual behind the words.
COLLECTIVE_HEADS = frozenset(
    (
        "democrats republicans conservatives liberals progressives independents libertarians "
        "critics supporters opponents proponents detractors skeptics sceptics backers allies "
        "rivals foes experts analysts economists scientists researchers scholars academics "
        "historians observers commentators pundits strategists pollsters lawmakers legislators "
        "politicians leaders members voters americans citizens taxpayers consumers investors "
        "advocates activists protesters protestors demonstrators conservationists "
        "environmentalists prosecutors investigators authorities police regulators "
        "administration government company firm group agency department ministry bureau "
        "campaign party committee organization organisation board commission council "
        "congress senate house court military army others both many most some few several all "
        "everyone everybody anyone anybody gop dems republican democratic media press "
        "industry businesses companies groups governments countries states nations "
        "insurers banks parties unions union paper newspaper network magazine website outlet"
    ).split()
)
# A party's member, singular: "one Republican" is one unnamed person, "Republicans" a party.
_MEMBERS = frozenset("democrat republican independent libertarian conservative liberal".split())
# Plural heads that stay anonymous even with a qualifier: "U.S. officials", "senior aides".
_QUALIFIER_ANONYMOUS = frozenset("official officials source sources aide aides".split())

_ARTICLE = re.compile(r"^(?:the|this|that|our|their|his|her|its)\s+", re.IGNORECASE)
# An owner before the office: "Ohio's governor", "France's foreign minister", "the CIA's".
_OWNER = re.compile(r"^(?:the\s+)?(?:\S+\s+){0,3}?\S+(?:[’']s|s[’'])\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"[’']s?$")
# What may follow an office and its owner: "the director of the FBI", "the junior senator
# from New York", "Mexico's minister for public security".
_AFTER_OFFICE = frozenset("of from for at in".split())


SECOND_PERSON = {"you", "ye", "y'all", "yourself", "yourselves"}  # no speaker: the reader or anyone


def role_of(phrase: str) -> str | None:
    """The office a description names one holder of ("the president" → "president", "Ohio's
    governor" → "governor", "the CIA chief" → "chief", "the director of the FBI" →
    "director", "the president's" → "president"; "the former governor" → None: a former
    holder is not the one in office), else None. Input: the description as written.
    Output: a key of `ROLE_TITLES` or None."""
    text = _POSSESSIVE.sub("", " ".join(str(phrase).split()).strip(" ,."))
    m = _ARTICLE.match(text) or _OWNER.match(text)
    if m is None:
        return None
    words = [w.strip(",.") for w in text[m.end() :].lower().split()]
    words = [w for w in words if w]
    ends = [len(words)]  # the office ends the phrase, or comes before "of", "from", …
    ends += [k for k, w in enumerate(words) if k > 0 and w in _AFTER_OFFICE]
    for end in ends:
        for k in range(max(0, end - 5), end):  # "the Florida senator": senator
            role = " ".join(words[k:end])
            if role in ROLE_TITLES:
                return None if {"former", "ex", "late"} & set(words[:k]) else role
    return None


def _role_by_head(phrase: str) -> str | None:
    """The office at the head of a clause fragment that ends on it with "the" ("support the
    president", "Romney and the president"): the holder is that office's, not an unnamed
    source; None otherwise (and for "a source close to the governor": its head is "source")."""
    found = head_and_before(phrase)
    if found is None:
        return None
    head, before = found
    if head not in ROLE_TITLES or "the" not in before[-3:]:
        return None
    if {"a", "an", "one", "another", "some", "former", "ex", "late"} & set(before):
        return None
    return head


def collective_or_anonymous(phrase: str) -> str:
    """`collective` or `anonymous` for a description without a name (see the module's
    docstring): the head noun decides; a description the rules do not know stays
    `anonymous`."""
    words = [w.strip(",.;:") for w in str(phrase).split()]
    words = [w for w in words if w]
    if not words:
        return "anonymous"
    low = [_POSSESSIVE.sub("", w.lower()) for w in words]
    # "people familiar with the matter", "a person close to him": the head is before "with"
    for k, w in enumerate(low):
        if w in ("familiar", "close", "with", "who", "that", "briefed", "knowledgeable", "of"):
            low = low[:k] or low
            break
    head = low[-1]
    if head in _QUALIFIER_ANONYMOUS or any(w in _QUALIFIER_ANONYMOUS for w in low):
        return "anonymous"  # "officials", "Trump administration officials", "a source"
    if head in ANONYMOUS_HEADS:
        return "anonymous"
    if head in _MEMBERS and low[0] in ("a", "an", "one", "another"):
        return "anonymous"  # "one Republican", "a Democrat": one unnamed member
    if head in COLLECTIVE_HEADS or low[0] in ("democrats", "republicans"):
        return "collective"
    if head.endswith("s") and len(low) <= 4 and low[0] not in ("a", "an", "one", "another"):
        return "collective"  # "Senate Republicans", "human rights groups", "farmers"
    return "anonymous"


# A word of a person's name (a middle initial, "A.", allowed between first name and surname):
# capitalised, with a lowercase letter, in any script ("Ülgen", "Đặng").
_NAME_CHARS = re.compile(r"^[\w’'-]+$")


def _name_word(word: str) -> bool:
    return bool(word[:1].isupper() and any(c.islower() for c in word) and _NAME_CHARS.match(word))


# Words after a name that end the description: a clause goes on ("Florida Secretary of State
# Laurel Lee did not ask", "Chief of Staff John Kelly after he").
_CLAUSE_AFTER = frozenset(
    "did does do is was were has had have will would could should can may might must said "
    "says told after before when while who which and but also then however later".split()
)
_INITIAL = re.compile(r"^[A-Z]\.$")
# Words after which a name is the complement of the description, not its holder: right
# before the name, a determiner or preposition ("the Dallas Mavericks", "the father of Botham
# Jean", "analysts at Morgan Stanley"); anywhere before it, a preposition ("a spokesman for
# Russian president Vladimir Putin"), but not "of" inside a title ("Secretary of State Mike
# Pompeo", "chief of staff Mark Meadows") nor "for" after a candidacy ("the nominee for
# president Joe Biden").
_PREPOSITIONS = frozenset(
    "for of to with from by at in on about against between than like and or under after "
    "before behind over".split()
)
_COMPLEMENT = _PREPOSITIONS | frozenset("the a an whose his her their its our my your".split())
_CANDIDACY = frozenset("nominee candidate contender hopeful".split())


def _name_at(words: list[str], end: int) -> int | None:
    """Where a person's name ending before `end` starts: 2-3 name words (a middle initial
    allowed), from the earliest known first name; None when no first name opens one."""
    for start in range(max(0, end - 3), end - 1):
        part = words[start:end]
        if not all(
            _name_word(w) or (0 < i < len(part) - 1 and _INITIAL.match(w))
            for i, w in enumerate(part)
        ):
            continue
        if is_first_name(part[0]):
            return start
    return None


def _holder(before: list[str]) -> tuple[bool, bool]:
    """(titled, complement) of the words before a name: whether they hold a title
    (`words.TITLES`) and whether the name is the complement of a preposition
    (`_COMPLEMENT`, `_PREPOSITIONS`) rather than the holder of the description."""
    if before and before[-1].lower() in _COMPLEMENT:
        return False, True
    titled = False
    for k in range(len(before), 0, -1):
        word = before[k - 1]
        low = word.strip(",;:’'").lower()
        if word.endswith(",") and k < len(before):
            return titled, False  # "Why, Rep. Steve Israel": a comma ends the description
        titled = titled or low in TITLES
        if low == "and" and titled:  # "challenger and Missouri Secretary of State Jason
            return titled, False  # Kander", "vice president for Finance and CFO …": roles
        if low == "under" and k < len(before) and before[k].lower().startswith("secretary"):
            continue  # "Under Secretary of Management Patrick Kennedy": a title
        if low in _PREPOSITIONS:
            prev = before[k - 2] if k >= 2 else ""
            inside = low == "of" and (prev[:1].isupper() or prev.lower() in TITLES)
            if not (inside or (low == "for" and prev.lower() in _CANDIDACY)):
                between = [w.strip(",.’'").lower() for w in before[k:]]
                if between and not any(w in TITLES or human_head(w) for w in between):
                    # "vice president for Communications Cass Cliatt", "editor for its
                    # science desk Anne Gudenkauf": no title or person noun before the name,
                    # so it holds the whole description
                    return titled, False
                return titled, True
    return titled, False


def _opening_name(words: list[str]) -> tuple[str, str] | None:
    """(name, description) of a description that opens with a person's name and an
    appositive ("Sinan Ülgen, a visiting scholar at …", "Sean Spicer, the RNC's chief
    strategist"): 2-3 name words, none a title, an organisation's or a group's head, a
    country or a nationality, then a comma and "a", "an", "the" or "who"; else None."""
    for n in (2, 3):
        if len(words) <= n or not words[n - 1].endswith(","):
            continue
        name = [*words[: n - 1], words[n - 1].rstrip(",")]
        if words[n].lower() not in ("a", "an", "the", "who"):
            continue
        low = [w.lower().rstrip(".") for w in name]
        if not all(_name_word(w) for w in name) or " ".join(name) in COUNTRIES:
            continue
        if any(
            w in TITLES or w in ORG_HEADS or w in COLLECTIVE_HEADS or w in ANONYMOUS_HEADS
            for w in low
        ):
            continue  # "Senate Republicans, the …", "Harvard University, the …"
        return " ".join(name), " ".join(words[n:])
    return None


def named_in(phrase: str) -> tuple[str, str] | None:
    """(name, title) of the person a description names after its title ("secretary of State
    Mike Pompeo" → ("Mike Pompeo", "secretary of State"), "the presumptive Democrat nominee
    for president Joe Biden", "Former Hagel deputy chief of staff Wendy Anderson"), or None
    when no name follows a title or the name is the complement of the description ("a
    spokesman for House Speaker John Boehner"). The name (2-3 words, ending the description
    or followed by a comma or "of") opens with a known first name (`given_names`), or is two
    words after a title word (`words.TITLES`: "Chief of Staff Brett Horton"). Rules of thumb
    of news style written for this package; no outside source."""
    words = " ".join(str(phrase).split()).split()
    if (opening := _opening_name(words)) is not None:
        return opening
    for end in range(2, len(words) + 1):
        last = words[end - 1]
        closes = (
            end == len(words) or last.endswith(",") or words[end].lower() in ("of", *_CLAUSE_AFTER)
        )
        if not closes:
            continue
        words_here = [*words[: end - 1], last.rstrip(",")]
        low = words_here[-1].lower()
        if low in ORG_HEADS or low in COLLECTIVE_HEADS or low in ANONYMOUS_HEADS or low in TITLES:
            continue
        start = _name_at(words_here, end)
        if start and end < len(words) and words[end].lower() == "of":
            continue  # "… Anthony Cordesman of …" only opening the description
        titled, complement = _holder(words_here[: start if start is not None else end - 2])
        if (
            start is None
            and titled
            and all(_name_word(w) for w in words_here[-2:])
            and words_here[-2].lower() not in TITLES  # "under President Obama"
        ):
            start = end - 2
        if start is None or complement:
            continue
        return " ".join(words_here[start:end]), " ".join(words_here[:start]).strip(" ,")
    return None


def _title_pattern(role: str) -> re.Pattern:
    titles = "|".join(re.escape(t) for t in ROLE_TITLES[role])
    name = r"[A-Z][\w’'-]+\.?"
    last = r"[A-Z][\w’'-]+"  # a full stop after the name ends its sentence: no part of it
    return re.compile(  # the words of a name on one line ("Barack Obama.⏎⏎Romney" is two)
        r"(?<![\w’'-])(?:" + titles + r")\s+((?:" + name + r" ){0,2}" + last + r")(?![\w’'-])"
    )


def _full(name: str, people: list[str]) -> str:
    """The article's full name for `name` ("Trump" → "Donald Trump" named as a speaker)."""
    if " " in name:
        return name
    for p in people:
        if p.split()[-1] == name:
            return p
    return name


# Words before an office that any holder of it fits ("the current president").
_ANY_HOLDER = frozenset("current sitting new top incoming acting then-current".split())
_ORDINAL = re.compile(r"(?i)\b\d+(?:st|nd|rd|th)\b")


def _latest_named(before: list, body: str, pos: int):
    """Of the title matches before `pos` ("President Donald Trump", "President Barack
    Obama's old plan"), the one whose surname the body names last before `pos` ("Trump
    didn't say … The president said"); ties go to the later title."""

    def last_named(m) -> tuple[int, int]:
        surname = re.sub(r"[’']s?$", "", m.group(1)).split()[-1]
        hits = list(re.finditer(r"(?<![\w’'-])" + re.escape(surname) + r"(?![\w-])", body[:pos]))
        return (hits[-1].start() if hits else -1, m.start())

    return max(before, key=last_named)


def _label_holder(label: str, body: str, pos: int) -> str | None:
    """The person a label read as a speaker describes: its appositive ("Tom Cole, an Oklahoma
    Republican", `collectives.label_holder`), or, written with "the" before or near the row
    ("The Oklahoma Republican said"), the person introduced with it
    (`epithets.epithet_holder`: "Republican Rep. Tom Cole")."""
    if (holder := label_holder(label, body, pos)) is not None:
        return holder
    near = body[: pos + 300]  # the rows that carry the speaker on, too
    if re.search(r"(?i)(?<![\w’'-])the " + re.escape(label) + r"(?![\w’'-])", near):
        return epithet_holder("the " + label, body, pos, ROLE_TITLES)
    return None


def refine_kind(rows: list[dict], body: str, first: int) -> None:
    """Split one article's unnamed speakers into anonymous, role and collective (in place).

    Input: the article's quote rows after their canonical names are set (speaker,
    speaker_kind, canonical, start), the body text and its offset in the article. A row of
    speaker_kind `anonymous` becomes `person` with the name of the holder when its description
    is an office and the article names a person with that title (the last such name before
    the row, else the first after it: "President Barack Obama" … "the president said"),
    `role` when it names no one, `collective` for a collective actor (`collective_or_anonymous`),
    and stays `anonymous` otherwise. Named people keep their kind.
    """
    for row in rows:  # "Lawyers", "Iowa Republican", "Russian": no person's name
        name = row.get("canonical")
        if isinstance(name, str) and name.strip().lower() in SECOND_PERSON:
            # "You also said …", "You might say, '…'": the addressee or anyone, never a source
            row["speaker_kind"], row["canonical"] = "unknown", None
            continue
        if row.get("speaker_kind") == "person" and isinstance(name, str):
            if (kind := group_kind(name, body, ANONYMOUS_HEADS | COLLECTIVE_HEADS)) is None:
                continue
            if (holder := _label_holder(name, body, row["start"] - first)) is not None:
                row["canonical"] = holder  # "Tom Cole, an Oklahoma Republican": the person
            elif kind == "anonymous" and thing_kind(name) == "unknown":
                row["speaker_kind"], row["canonical"] = "unknown", None  # "Horace's Latin"
            else:
                name = unnamed_name(name, kind)  # "Aides" anonymous, "Lawyers" collective
                kind = collective_or_anonymous(name) if kind == "collective" else kind
                row["speaker_kind"], row["canonical"] = kind, name
    people = [
        r["canonical"] for r in rows if r.get("speaker_kind") == "person" and r.get("canonical")
    ]
    for row in rows:
        if row.get("speaker_kind") == "organization" and row.get("canonical") in COUNTRIES:
            row["speaker_kind"] = "country"
            continue
        if row.get("speaker_kind") != "anonymous" or not isinstance(row.get("speaker"), str):
            continue
        if (found := named_in(row["speaker"])) is not None:
            # "Secretary of State Mike Pompeo": the official is named, no unnamed source
            row["speaker_kind"] = "person"
            row["canonical"] = _full(found[0], people)
            row["speaker_role"] = row.get("speaker_role") or found[1] or None
            continue
        phrase = row.get("canonical") or row["speaker"]
        role = role_of(phrase)
        if role is None and (role := _role_by_head(phrase)) is not None:
            phrase = "the " + role  # "support the president": the office, not the clause
        if role is None or _ORDINAL.search(phrase):
            holder = epithet_holder(phrase, body, row["start"] - first, ROLE_TITLES)
            if holder is not None:  # "the real estate mogul" after "Donald Trump, the …"
                row["speaker_kind"], row["canonical"] = "person", _full(holder, people)
                row["speaker_role"] = row.get("speaker_role") or phrase.split(" ", 1)[-1]
                continue
            # "the 41st president" is a past holder, not the one the article names
            former = role is not None or re.match(
                r"(?i)the\s+(?:\S+\s+)*(?:former|ex-|late)", phrase
            )
            # no person ("the e-mail", "transpired"): a document, an organisation, no source
            thing = thing_kind(phrase) or (  # as written, too: "Horace's Latin" ("a Latin")
                thing_kind(row["speaker"]) if row["speaker"] != phrase else None
            )
            kind = "role" if former else thing or collective_or_anonymous(phrase)
            row["speaker_kind"] = kind
            if kind == "unknown":
                row["canonical"] = None
            continue
        pos = row["start"] - first
        # "the Ohio governor": a holder named with that qualifier ("Ohio Gov. John Kasich"),
        # never a former holder ("former Gov. Jeb Bush"); an owner qualifies it too ("Ohio's
        # governor": "Ohio Gov. John Kasich")
        owned = phrase.split()[1:] if _ARTICLE.match(phrase) else phrase.split()
        qualifiers = [_POSSESSIVE.sub("", w) for w in owned if w[:1].isupper()]
        # a portfolio in lowercase names the office too: "France's foreign minister" is
        # "Foreign Minister X", never "Prime Minister David Cameron"
        portfolio = [
            w.lower()
            for w in owned
            if w[:1].islower()
            and not _POSSESSIVE.search(w)
            and w.lower() not in role.split()
            and w.lower() not in _ANY_HOLDER
        ]
        matches = [
            m
            for m in _title_pattern(role).finditer(body)
            if not re.search(
                r"(?i)\b(?:former|ex-|vice)[\s-]*$", body[max(0, m.start() - 12) : m.start()]
            )
            and all(q in body[max(0, m.start() - 40) : m.end()] for q in qualifiers)
            and all(p in body[max(0, m.start() - 30) : m.end()].lower() for p in portfolio)
        ]
        before = [m for m in matches if m.start() < pos]
        chosen = _latest_named(before, body, pos) if before else (matches[0] if matches else None)
        if chosen is None and (holder := epithet_holder(phrase, body, pos, ROLE_TITLES)):
            row["speaker_kind"], row["canonical"] = "person", _full(holder, people)
            continue  # "Billionaire Tom Grant … the billionaire": no title pattern found him
        if chosen is None:
            row["speaker_kind"] = "role"
            row["canonical"] = phrase[:1].lower() + phrase[1:]
            continue
        row["speaker_kind"] = "person"
        row["speaker_role"] = row.get("speaker_role") or role
        name = re.sub(r"[’']s?$", "", chosen.group(1))  # "President Donald Trump's plan"
        words = name.split()
        after = body[chosen.end() : chosen.end() + 60].lstrip()
        if len(words) == 3 and after.startswith(words[0]):
            # a name card: "President Trump Donald John Trump…"
            name = f"{words[1]} {words[0]}"
        row["canonical"] = _full(name, people)
