"""What a noun phrase is by its form, beyond the outlet and organisation lists: an organisation
named by its head noun (`Congressional Budget Office`, `Syrian Observatory for Human Rights`,
`Ministry of Defence`), by an acronym in capitals (`FBI`, `SDF`), by a website's form
(`WikiLeaks`, `Breitbart.com`) or as `the X` (`the Kremlin`); and what is never a person (a
sentence opener such as `Even` or `Sixty`) or never a speaker (`52 percent`, `many voters`,
`Republicans surveyed`).

Rules of thumb from news style (capitalised heads of institutions, acronyms of two to six
capitals), written for this package; no outside source.
"""

from __future__ import annotations

import re

from newscorpus.sources.words import PERSON_NOUNS

# Capitalised head nouns that end an organisation's name ("… Budget Office", "… Forces").
ORG_HEADS = frozenset(
    "agency agencies ministry bureau party council front army forces force observatory "
    "committee foundation institute institution university college school court bank "
    "commission department office center centre association union organization organisation "
    "group network coalition alliance movement corporation company inc corp corp. inc. "
    "service services authority administration board congress senate parliament assembly "
    "police guard brigade brigades battalion command campaign fund trust society project "
    "watch initiative federation chamber club league caucus secretariat embassy consulate "
    "mission cabinet government regime monitor tribunal legislature academy hospital "
    "laboratory labs lab directorate division unit units militia militias commissioner "
    "council’s ministry’s ltd plc co circuit".split()
)

# Last words of a newspaper's name ("Savannah Morning News", "Macon Telegraph"): with a word
# before them, an unlisted outlet is an organisation, never its first word ("Savannah") alone.
PAPER_HEADS = frozenset(
    "news times post herald journal tribune gazette telegraph chronicle observer courier "
    "dispatch register inquirer enquirer examiner bulletin sentinel mercury ledger".split()
)

# A firm's legal ending, or "& Associates", "& Sons" ("Jeb Bush & Associates LLC", "Smith &
# Co."): the whole run of capitalised words is the firm, even when it opens with a person.
_FIRM_END = re.compile(
    r"\s(?:LLC|L\.L\.C\.|LLP|PLLC|Inc\.?|Corp\.?|Ltd\.?)$|\s&\s+(?:Associates|Partners|Sons|Co\.?)$"
)

# Words that join the parts of an organisation's name ("Council on Foreign Relations").
_CONNECTORS = frozenset("of for on and the de & to in".split())

_PREFIX_STOP = frozenset(
    "at with from in on by to of for who which that whose said says told according as "
    "near into about".split()
)

# Capitals that are not organisations.
_NOT_ACRONYMS = frozenset(
    "I OK TV AM PM CEO CFO COO MP MPS PR ID US UK EU UN USA NYC DC LA PhD II III IV VP "
    "GMT EST EDT PST".split()
)
_ACRONYM = re.compile(
    r"^(?:[A-Z][A-Z0-9&]{1,4}|[A-Z](?=[A-Z]*[0-9&])[A-Z0-9&]{5,6}|(?:[A-Z]\.){2,5})s?$"
)
_CAMEL = re.compile(r"^[A-Z][a-z]+(?:[A-Z][a-z]+)+$")
_NAME_PREFIX = re.compile(r"^(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|St|Ma)[A-Z]")
_WEBSITE = re.compile(r"^[\w-]+\.(?:com|org|net|co\.uk|io|info|gov)$", re.IGNORECASE)
_CAPITALISED = re.compile(r"^[A-Z][\w’'.&-]*$")

# Single capitalised words that open sentences and headlines but never name a person.
NOT_NAMES = frozenset(
    "even but and or so yet still also just only now then thus hence here there this that far "
    "these those what when where why how who which while though although however instead "
    "meanwhile indeed perhaps maybe nonetheless nevertheless moreover furthermore besides "
    "again already always never ever often sometimes soon later earlier today yesterday "
    "tomorrow tonight wait look listen yes no not none nobody everyone everybody someone "
    "somebody anyone others other another many most more some several few all both each "
    "every any multiple partial written hours days weeks months years minutes seconds "
    "carolina dakota hampshire jersey york island zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred hundreds thousand thousands million millions billion half dozens "
    "first second third last next final new old former latest top critics supporters "
    "sources officials experts analysts observers insiders aides advisers reports polls "
    "significantly notably importantly interestingly clearly obviously surprisingly "
    "unfortunately fortunately ultimately finally initially overall together otherwise "
    "embryonic breaking update updated exclusive watch read see video photo photos "
    "jan. feb. mar. apr. aug. sep. sept. oct. nov. dec. jan feb mar apr jun jul aug sep "
    "oct nov dec".split()
)

# Groups of people a poll counts: never the speaker of a claim ("many voters", "Republicans
# surveyed", "52 percent", "a majority").
_POLL_HEADS = frozenset(
    "voters respondents adults americans republicans democrats independents conservatives "
    "liberals moderates evangelicals people likely percent per cent majority plurality "
    "minority share half third quarter two-thirds three-quarters caucus-goers caucusgoers "
    "primary-goers participants".split()
)
_RESPONDENTS = frozenset(
    "voters voter respondents adults caucus-goers caucusgoers primary-goers electorate".split()
)
_POLL_QUANT = frozenset(
    "many most some few several more fewer majority all half nearly almost about roughly "
    "only just percent per cent a an two-thirds three-quarters".split()
)
_POLLED = re.compile(r"\b(?:surveyed|polled|questioned|interviewed|asked|sampled|in the poll)\b")
_PERCENT = re.compile(r"\d\s*(?:%|percent\b|per\s+cent\b)|\bpercent\b|\bper\s+cent\b")
_NUMBER = re.compile(r"^\d[\d,.]*$")


def is_acronym(word: str) -> bool:
    """True for an organisation's acronym in capitals ("FBI", "SDF", "F.B.I.")."""
    core = word.rstrip(".,;:") if not re.match(r"^(?:[A-Z]\.){2,}$", word) else word
    core = re.sub(r"[’']s$", "", core)
    return bool(_ACRONYM.match(core)) and core.rstrip("s") not in _NOT_ACRONYMS


def acronym_core(word: str) -> str:
    """The acronym without dots, a plural s or a possessive: "F.B.I.'s" → "FBI"."""
    word = re.sub(r"[’']s$", "", word.strip(" .,;:"))
    return (
        word.replace(".", "").rstrip("s")
        if word.endswith("s") and word[:-1].isupper()
        else word.replace(".", "")
    )


def is_website(word: str) -> bool:
    """True for a website or leak platform by its form: "Breitbart.com", "WikiLeaks"."""
    word = re.sub(r"[’']s$", "", word.strip(" ,;:"))
    if _WEBSITE.match(word):
        return True
    return bool(_CAMEL.match(word)) and not _NAME_PREFIX.match(word)


def org_by_head(np_text: str) -> str | None:
    """The organisation a noun phrase names by its form, as canonical text, or None.

    A run of capitalised words ending in an organisation head ("the nonpartisan Congressional
    Budget Office" → "Congressional Budget Office"), possibly continued by "of/for/on … "
    and more capitalised words ("Syrian Observatory for Human Rights", "Ministry of Defence"),
    reaching the end of the phrase; a lone capitalised head ("Senate"); a newspaper's name
    by its head after another capitalised word (`PAPER_HEADS`: "Savannah Morning News"); a
    firm by its legal ending (`_FIRM_END`: "Jeb Bush & Associates LLC", "Smith & Sons"). Lowercase words before
    the run (articles, adjectives) are dropped.
    """
    words = np_text.split()
    if not words:
        return None
    # the last word (or the word before a connector tail) must be capitalised
    i = len(words)
    while i > 0 and (_CAPITALISED.match(words[i - 1]) or words[i - 1].lower() in _CONNECTORS):
        i -= 1
    run = words[i:]
    lead = []
    while run and run[0].lower() in _CONNECTORS:
        lead.append(run[0].lower())
        run = run[1:]
    if not run or not _CAPITALISED.match(run[-1]) or any(w != "the" for w in lead):
        return None  # "a member of the Republican Party": a person, not the party
    before = [w.lower().strip(",") for w in words[:i]]
    if len(before) > 3 or any(w in _PREFIX_STOP or w in PERSON_NOUNS for w in before):
        return None  # "officials at the Defense Ministry"
    if len(run) >= 2 and _FIRM_END.search(" ".join(run)):
        return " ".join(run)  # "Jeb Bush & Associates LLC": a firm whatever names it
    # the head: the last capitalised word before the first connector of the run
    first = next((k for k, w in enumerate(run) if w.lower() in _CONNECTORS), len(run))
    head = re.sub(r"[’']s$", "", run[first - 1]).lower() if first else ""
    if head not in ORG_HEADS and not (head in PAPER_HEADS and first >= 2):
        return None  # a newspaper's head only after a place: "Savannah Morning News"
    if first < len(run) and not all(
        _CAPITALISED.match(w) or w.lower() in _CONNECTORS for w in run[first:]
    ):
        return None
    name = " ".join(run)
    name = re.sub(r"[’']s$", "", name)
    return name


# Last words of an organisation's name that never end a person's ("… for Human Rights").
# Last words that make a capitalised run an institution, never a person's name ("The Italian
# Treasury said", "First Federal Savings and Loan Association said"), and the bare heads that
# name no one institution across a corpus ("Treasury", "Finance Ministry", "Reserve Bank").
INSTITUTION_HEADS = frozenset(
    "treasury ministry department association bank agency bureau commission committee "
    "council board authority institute corporation company exchange office".split()
)
BARE_INSTITUTIONS = frozenset(
    {"treasury", "ministry", "department", "central bank", "reserve bank", "finance ministry"}
    | {"bank", "agency", "commission", "government", "exchequer", "state department"}
    | {"foreign ministry", "trade ministry", "economy ministry", "finance department"}
)
ORG_TAILS = frozenset(
    "rights affairs relations studies policy development security health justice defense "
    "defence peace war freedom freedoms democracy education research science sciences "
    "technology resources liberties progress reform equality environment intelligence "
    "statistics commerce trade labor labour energy syndrome disease fisheries husbandry "
    "act".split()
)


_PARTICIPLE_ENDS = (
    "ated",
    "ited",
    "ized",
    "ised",
    "uted",
    "cted",
    "nted",
    "rted",
    "tled",
    "ssed",
    "rged",
    "nged",
)
PLATFORMS = frozenset(
    "twitter facebook youtube instagram google reddit telegram tiktok snapchat whatsapp "
    "linkedin tumblr periscope".split()
)


def not_a_name(word: str) -> bool:
    """True for a single capitalised word that opens a sentence or a headline and names no
    one ("Even", "Sixty", "Others", "Jan.", "Significantly")."""
    low = word.lower().strip(",;:")
    return (
        low.endswith(_PARTICIPLE_ENDS)  # "Associated", "United", "Embattled"
        or low in NOT_NAMES
        or low.rstrip(".") in NOT_NAMES
        or bool(_NUMBER.match(low))
        or (low.endswith("ly") and len(low) > 5 and low not in ("kelly", "reilly", "beverly"))
        or low.endswith(("’m", "'m", "’re", "'re", "’ll", "'ll", "’ve", "'ve"))
    )


def poll_group(np_text: str) -> bool:
    """True for a percentage or a group of poll respondents, never a speaker: "52 percent",
    "many voters", "Republicans surveyed", "a majority of Democrats"."""
    low = np_text.lower().strip(" ,.")
    if _PERCENT.search(low):
        return True
    words = low.split()
    if not words:
        return False
    heads = [w.strip(",") for w in words]
    if heads[-1] in _RESPONDENTS:  # "voters", "Trump voters", "likely caucus-goers"
        return True
    if _POLLED.search(low) and any(w in _POLL_HEADS or w.endswith("s") for w in heads):
        return True
    if heads[0] in _POLL_QUANT and any(w in _POLL_HEADS for w in heads[1:]):
        return heads[-1] in _POLL_HEADS or " of " in low
    return False


# A party label or a byline's "By" glued before a person's name ("Democrat Stacey Abrams",
# "Republican Trump", "By Harry Reid"): no part of the name.
NAME_LABELS = frozenset(
    "democrat democratic republican gop independent libertarian progressive by".split()
)
# Epithets glued before a name ("Crooked Hillary", "Sleepy Joe Biden", "Mini Mike"): the
# canonical name is the person's, the surface form keeps the epithet.
EPITHETS = frozenset(
    "sleepy crooked crazy lyin lyin’ lyin' lying little liddle mini shifty cryin cryin’ "
    "cryin' crying sloppy goofy phony low-energy".split()
)
_NAME_PART = re.compile(r"^[A-Z][\w’'.-]*$")


def unlabelled(name: str, is_first) -> str:
    """A person's name without a leading party label or byline "By" (`NAME_LABELS`):
    "Democrat Stacey Abrams" → "Stacey Abrams", "GOP Rapid Response Coordinator Steve Guest"
    → "Steve Guest" (from the first known first name, `is_first(word)`, on: 2-3 capitalised
    words), "Republican Trump" → "Trump"; "" for a label alone ("Democrat", "By"); other names
    unchanged ("Conservative HQ", "Independent Journal Review"). News style; no outside
    source."""
    words = str(name).split()
    if not words or words[0].lower().rstrip(".:,") not in NAME_LABELS:
        return name
    if len(words) == 1:
        return ""
    for k in range(1, len(words) - 1):
        rest = words[k:]
        if is_first(rest[0]) and len(rest) <= 3 and all(_NAME_PART.match(w) for w in rest):
            return " ".join(rest)
    last = words[-1]
    if len(words) == 2 and _NAME_PART.match(last) and not last.isupper():
        return last if last.lower() not in NAME_LABELS else name
    return name


def without_epithet(name: str) -> str:
    """A name without the epithets before it (`EPITHETS`: "Crooked Hillary" → "Hillary",
    "Lying Crooked Hillary" → "Hillary", "Mini Mike Bloomberg" → "Mike Bloomberg"); the
    name unchanged when no capitalised word follows. Whether the rest is a person is the
    caller's test ("Little Rock", "Little Italy" are places)."""
    words = str(name).split()
    k = 0
    while k < len(words) - 1 and words[k].lower() in EPITHETS:
        k += 1
    rest = words[k:]
    if k == 0 or not all(_NAME_PART.match(w) for w in rest):
        return name
    return " ".join(rest)
