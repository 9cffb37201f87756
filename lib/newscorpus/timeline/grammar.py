"""The grammar of time expressions: vocabulary and the compiled patterns (one per form).

Each pattern has a handler in `normalise` that turns a match into kind, TIMEX3 value,
modifier and a resolution spec; `scan` finds where the patterns are tried.
"""

from __future__ import annotations

import calendar
import re

DATE_COLUMNS = [
    "article_id",
    "sentence_id",
    "text",
    "kind",
    "value",
    "resolved",
    "mod",
    "start_date",
    "end_date",
    "anchor",
    "anchor_from",
    "start",
    "end",
]
KINDS = ["date", "range", "duration", "relative", "set"]
GRANULARITIES = ["year", "month"]
TIMEX3_TYPE = {"date": "DATE", "range": "DATE", "relative": "DATE", "duration": "DURATION"}
TIMEX3_TYPE["set"] = "SET"

# --------------------------------------------------------------------------- vocabulary

_MONTH_NAMES = [calendar.month_name[i] for i in range(1, 13)]
_ORDINAL_WORDS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth"
    " thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()
ORDINALS = {w: i for i, w in enumerate(_ORDINAL_WORDS, 1)}
ORDINALS.update({"twenty-first": 21, "twenty-second": 22})
MONTHS = {name.lower(): i for i, name in enumerate(_MONTH_NAMES, 1)}
MONTHS.update(
    {
        name[:3].lower(): i
        for i, name in enumerate(_MONTH_NAMES, 1)
        if name[:3].lower() not in ("may",)
    }
)
MONTHS["sept"] = 9
WEEKDAYS = {calendar.day_name[i].lower(): i + 1 for i in range(7)}  # ISO: Monday = 1
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}
NUMBERS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
        " fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
NUMBERS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "a": 1, "an": 1})
NUMBERS.update({"seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a couple of": 2})
VAGUE_NUMBERS = {"a few", "few", "several", "some", "many", "a number of", "dozens of"}
UNITS = {
    "second": "S",
    "minute": "MIN",
    "hour": "H",
    "day": "D",
    "night": "D",
    "week": "W",
    "weekend": "WE",
    "month": "M",
    "quarter": "Q",
    "year": "Y",
    "decade": "DE",
    "century": "CE",
}
SETS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M"}
SETS.update({"yearly": "P1Y", "annually": "P1Y", "hourly": "PT1H"})
# Words before a bare month or year that make it a time expression.
TIME_PREPS = frozenset(
    "in on by since until till through from during of before after between and or to early"
    " late mid the since around throughout last this next"
    " past until for".split()
)
# Words before a four-digit number that make it anything but a year: a numbered thing
# (Resolution 2254, flights 1549 and 1550, tel 1800 ...), money, a timestamp (updated 1838).
NOT_YEAR_BEFORE = re.compile(
    r"(?:\b(?:no|nos|numbers?|pages?|p|pp|routes?|rte|highways?|hwy|flights?|rooms?|suites?"
    r"|box|resolutions?|unscr|sections?|articles?|chapters?|verses?|units?|models?|codes?"
    r"|lines?|bus|buses|tel|telephone|phone|fax|hotline|ext|exits?|platforms?)\.?:?"
    r"|[#$€£¥]|\bUS\$|\bRs\.?)[^\S\n]*$",
    re.IGNORECASE,
)
# A timestamp: "updated 1838", "Posted: 0915" (with a valid HHMM).
TIMESTAMP_BEFORE = re.compile(
    r"\b(?:updated|posted|modified|edited|filed|published|timestamp):?[^\S\n]*$", re.IGNORECASE
)
# After a four-digit number, whatever precedes it: a unit, an amount, a clock time or "BC"
# (by 1800 hrs, until 1300 gmt, 1986 mln dlrs, to 2000 tonnes, in 1200 BC) is never a year.
NEVER_YEAR_AFTER = re.compile(
    r"[^\S\n]*(?:%|(?:percent|per[ -]?cent|pct|mln|bln|billion|million|trillion|dlrs?"
    r"|cts|stg|km|kms|kilomet\w*|miles?|metres?|meters?|feet|ft|kg|tons?"
    r"|tonnes?|barrels|bpd|hours|hrs|hr|h|GMT|gmt|UTC|utc|local[ ]time|[ECMP][SD]T|BCE|BC)\b"
    r"|B\.[ ]?C\.(?:[ ]?E\.)?)"
)
# A street address after a number: 1600 Pennsylvania Avenue, 2446 Belmont Road (not after
# "in", "since" ...: "in 2008 Wall Street banks").
ADDRESS_AFTER = re.compile(
    r"[^\S\n]+(?:[A-Z][a-z]+[ ]){1,3}(?:Avenue|Ave|Street|St|Road|Rd|Boulevard|Blvd|Lane"
    r"|Drive)\b"
)
# Nouns counted by a number: "1800 people", "2220 evacuees", "1000 Syrian refugees". A year
# can stand before them only after a time preposition ("in 2014 people voted").
COUNT_NOUN_AFTER = re.compile(
    r"[^\S\n]+(?:[a-z]+(?:ian|ese|ish|ing|ary|ile)[^\S\n]+)?"
    r"(?:people|persons|civilians|men|women|children|kids|troops|soldiers|fighters|militants"
    r"|rebels|insurgents|policemen|officers|refugees|evacuees|migrants|residents|voters"
    r"|workers|employees|students|patients|families|households|members|delegates"
    r"|protesters|demonstrators|prisoners|detainees|hostages|casualties|victims|wounded"
    r"|injured|passengers|tourists|pilgrims|signatures|respondents|adults|users|customers"
    r"|acres|hectares|barrels)\b"
)
# A clause about clock times: a valid HHMM number there after "from", "at", "until" ... is a
# time ("a curfew from 2200", "between 1700 and 2100 hrs").
CLOCK_CONTEXT = re.compile(
    r"\b(?:curfews?|GMT|gmt|UTC|utc|hrs|hours|local(?![ ]+[a-z])|o['’]clock|[ap]\.m\.|midnight"
    r"|[ECMP][SD]T)\b"
)
# Words before a number that make "N to M" a score or a vote count (won 2019 to 1870).
SCORE_BEFORE = re.compile(
    r"\b(?:won|lost|beat|beaten|defeated|trailed|led|leads|score[sd]?|tally|tallied|votes?"
    r"|voted|margin|count|result)(?:[^\S\n]+(?:by|of|was|is))?[^\S\n]*$",
    re.IGNORECASE,
)
# "N1 and N2", "N1 to N2", "between N1 and N2": the other number of a pair, after or before.
PAIR_AFTER = re.compile(
    r"[^\S\n]+(?P<link>and|or|to|until|till|through)[^\S\n]+(?P<n>\d{4})\b(?![.,]\d)"
)
PAIR_BEFORE = re.compile(
    r"(?<![\w.,])(?P<n>\d{4})(?:,[^\S\n]*\d{4})*,?"
    r"[^\S\n]+(?P<link>and|or|to|until|till|through)[^\S\n]+$"
)
# A telephone number: more groups of digits after the first.
PHONE_AFTER = re.compile(r"[^\S\n]\d{2,4}[^\S\n-]\d{2,4}\b")
# Words after a four-digit number that make it a count or a measurement.
NOT_YEAR_AFTER = re.compile(
    r"[^\S\n]*(?:%|percent\b|per[ -]?cent\b|km\b|kilomet\w*|miles?\b|m\b|meters?\b|metres?\b"
    r"|feet\b|ft\b|kg\b|tons?\b|tonnes?\b|hours?\b|hrs\b|GMT\b|UTC\b|local time\b"
    r"|people\b|men\b|women\b|children\b|of\b|[a-z]+s\b(?<!ss)(?<!us)(?<!is)(?<!ews)(?<!series))"
)
# After "of", a number followed by people counted (with an adjective or two) is a count.
COUNT_AFTER = re.compile(
    r"[^\S\n]+(?:(?:registered|likely|eligible|adult|american|new|other|[a-z]+ed)[^\S\n]+){0,2}"
    r"(?:people|voters|adults|respondents|residents|members|delegates|households|users"
    r"|customers|workers|employees|students|patients|troops|soldiers)\b",
    re.IGNORECASE,
)
PREV_WORD = re.compile(r"([A-Za-z]+)[^A-Za-z\n]{0,2}$")

# --------------------------------------------------------------------------- the grammar

_S = r"[^\S\n]+"  # spaces inside one sentence (sentences are joined with newlines)
# Things named after a holiday are not its date: "Christmas trees from Oregon", "Easter eggs".
_HOLIDAY_THINGS = (
    r"(?:trees?|cards?|carols?|lights|ornaments?|decorations?|songs?|music|movies?|films?"
    r"|specials?|eggs?|bunny|costumes?|stockings?|sweaters?|wreaths?|markets?|albums?)"
)
_DASH = r"[^\S\n]?[-–—][^\S\n]?"


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


def _lc(words) -> str:
    """Words in lower case or capitalised (no slow case-insensitive matching)."""
    return _alt(list(words) + [w[:1].upper() + w[1:] for w in words])


def _cased(words) -> str:
    return _alt([w.capitalize() for w in words] + [w.upper() for w in words])


_MONTH_FULL = _cased(MONTHS_FULL := [m.lower() for m in _MONTH_NAMES])
_MONTH_ABBR = r"(?:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
_MONTH_ANY = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR})"
_WEEKDAY = _cased(WEEKDAYS)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
# A year before 1800 or after 2099 stands alone only after "in", "since", "by" ... (1610, 2150).
_FAR_YEAR = r"(?:1[0-7]\d\d|2[12]\d\d|2300)"
_ANY_YEAR = r"(?:1\d\d\d|2[0-2]\d\d|2300)"  # in a full date or with a month: any year
# Years as broadcast transcripts spell them: nineteen ninety-six, two thousand (and) one
_UNIT_WORDS = "one|two|three|four|five|six|seven|eight|nine"
_TEEN_WORDS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS_WORDS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
SPELLED_YEAR = (
    rf"(?:[Nn]ineteen[ -](?:(?:{_TENS_WORDS})(?:[ -](?:{_UNIT_WORDS}))?|{_TEEN_WORDS}"
    rf"|oh[ -](?:{_UNIT_WORDS}))|[Tt]wo[ -]thousand(?:(?:[ -]and)?[ -](?:{_TEEN_WORDS}"
    rf"|{_UNIT_WORDS}))?)(?![\w-])"
)
_TZ = r"(?:GMT|UTC|gmt|utc|[ECMP][SD]T|ET|CET|CEST|BST|local[ ]time)"
_NUMWORD = _lc([w for w in NUMBERS if w not in ("a", "an", "a couple of")])
# twenty-four, thirty five: one number (not a range "twenty to four")
_COMPOUND_NUM = rf"(?:{_lc(_TENS_WORDS.split('|'))})[- ](?:{_UNIT_WORDS})(?![\w-])"
_NUM = rf"(?:\d+|{_COMPOUND_NUM}|{_NUMWORD}|(?:[Aa]{_S})?couple{_S}of)"
_VAGUE = _lc(VAGUE_NUMBERS)
_UNIT = r"(?:second|minute|hour|day|night|week|weekend|month|quarter|year|decade|century)"
_UNITS = (
    r"(?:seconds|minutes|hours|days|nights|weeks|weekends|months|quarters|years|decades|centuries)"
)
_UNIT_ANY = rf"(?:{_UNITS}|{_UNIT})"
# a plural unit opening a sentence ("Years ago, ...", "Months later, ...")
_UNITS_CAP = (
    "(?:" + "|".join(f"[{u[0].upper()}{u[0]}]{u[1:]}" for u in _UNITS[3:-1].split("|")) + ")"
)
_MOD = r"(?:(?:[Ee]arly|[Ll]ate|[Mm]id|the[ ](?:end|beginning|start|middle)[ ]of)(?:[ -]|-[ ]?))"
_REL = r"(?:[Ll]ast|[Tt]his|[Nn]ext|[Pp]ast|[Cc]oming|[Pp]revious|[Cc]urrent)"

PATTERNS: list[tuple[str, str]] = [
    # 1. full dates
    ("mdy", rf"\b(?P<mon>{_MONTH_ANY})[^\S\n]?(?P<day>{_DAY}),?{_S}(?P<year>{_ANY_YEAR})\b"),
    ("dmy", rf"\b(?P<day>{_DAY}){_S}(?:of{_S})?(?P<mon>{_MONTH_ANY}),?{_S}(?P<year>{_ANY_YEAR})\b"),
    ("iso", rf"\b(?P<year>{_YEAR})-(?P<mon>0[1-9]|1[0-2])-(?P<day>[0-2]\d|3[01])\b"),
    ("us", rf"\b(?P<mon>1[0-2]|0?[1-9])/(?P<day>[12]\d|3[01]|0?[1-9])/(?P<year>{_YEAR})\b"),
    # 2. a weekday with its date (Friday, March 15; Tuesday, Feb. 26, 2019): one expression
    (
        "wd_date",
        rf"\b(?P<wd>{_WEEKDAY}),?{_S}(?:(?P<mon>{_MONTH_ANY})[^\S\n]?(?P<day>{_DAY})"
        rf"|(?P<day2>{_DAY}){_S}(?:of{_S})?(?P<mon2>{_MONTH_ANY}))\b(?![.,:]?\d\d?\b(?!,))"
        rf"(?:,?{_S}(?P<year>{_ANY_YEAR})\b)?",
    ),
    # the week of March 6: that date's week
    (
        "week_of",
        rf"\b[Tt]he{_S}week{_S}of{_S}(?P<mon>{_MONTH_ANY})[^\S\n]?(?P<day>{_DAY})\b(?![.,:]?\d)"
        rf"(?:,?{_S}(?P<year>{_ANY_YEAR})\b)?",
    ),
    # month and day without a year
    (
        "md",
        rf"\b(?P<mon>{_MONTH_ANY})[^\S\n]?(?P<day>{_DAY})\b(?![.,:]?\d)"
        rf"(?:,?{_S}(?P<rel>last|this|next){_S}year\b)?",
    ),
    ("dm", rf"\b(?P<day>{_DAY}){_S}(?:of{_S})?(?P<mon>{_MONTH_FULL})\b"),
    # 3. month and year, month alone (with early/late/mid, last/this/next)
    (
        "my",
        rf"(?P<mod>{_MOD})?\b(?P<mon>{_MONTH_ANY})"
        rf"(?:{_S}(?:morning|afternoon|evening|night|day){_S}in(?={_S}\d))?,?{_S}(?:of{_S})?"
        rf"(?P<year>{_ANY_YEAR}\b|{SPELLED_YEAR})",
    ),
    (
        "month",
        rf"(?P<mod>{_MOD})?(?:(?P<rel>{_REL}){_S})?\b(?P<mon>{_MONTH_FULL})\b"
        rf"(?:,?{_S}(?P<yrel>last|this|next){_S}year\b)?",
    ),
    # 4. years, year ranges, decades
    (
        "year",
        rf"(?:(?P<mod>{_MOD})|(?P<fiscal>[Ff]iscal{_S})|(?<=\b[Pp]ost-)|(?<=\b[Pp]re-)|(?<![\w.,/-]))(?P<y1>{_YEAR}|{_FAR_YEAR})(?:(?P<dash>{_DASH})(?P<y2>{_ANY_YEAR}|\d\d))?"
        rf"(?![\w,.]\d|\d|-\w|%)",
    ),
    ("spelled_year", rf"\b(?P<the>[Tt]he{_S}year{_S})?(?P<year>{SPELLED_YEAR})"),
    (
        "decade",
        rf"(?<!\w)(?:[Tt]he{_S})?(?P<mod>{_MOD})?(?P<dec>1\d\d0|2[0-2]\d0|['’‘`]\d0)['’]?s\b",
    ),
    # the nineties, the early sixties: a decade of the 1900s
    (
        "spelled_decade",
        rf"\b[Tt]he{_S}(?:(?P<mod>early|late|mid)[ -])?(?P<dec>twenties|thirties|forties|fifties"
        rf"|sixties|seventies|eighties|nineties)\b",
    ),
    (
        "year_part",
        rf"\b[Tt]he{_S}(?P<year>{_YEAR}){_S}(?:(?P<ord>first|second|third|fourth){_S})?"
        rf"(?:fiscal{_S})?(?P<part>quarter|period)\b",
    ),
    # 5. seasons, quarters, halves
    (
        "season",
        rf"\b(?:(?P<the>[Tt]he){_S})?(?P<mod>{_MOD})?"
        rf"(?:(?P<rel>[Tt]his{_S}(?:past|coming)|{_REL}){_S})?(?P<season>{_lc(SEASONS)})"
        rf"(?:,?{_S}(?:of{_S})?(?P<year>{_YEAR}\b|{SPELLED_YEAR})"
        rf"|{_S}of{_S}(?P<yrel>[Ll]ast|[Tt]his|[Nn]ext){_S}year)?\b",
    ),
    (
        "part",
        rf"\b(?:[Tt]he{_S}(?=fiscal|\w+{_S}))?(?:fiscal[ -])?"
        rf"(?P<ord>{_lc(['first', 'second', 'third', 'fourth'])}|last|1st|2nd|3rd|4th)(?P<sep>{_S}|-)"
        rf"(?P<part>quarter|half)(?:{_S}of{_S}(?:(?P<year>{_YEAR})|(?P<rel>the|this|last|next){_S}year))?\b",
    ),
    (
        "quarter_ref",
        rf"\b[Tt]he{_S}(?:(?P<adj>latest|current|most{_S}recent|last|past|previous|prior|same"
        rf"|year-ago|year-earlier|comparable|corresponding){_S})?(?:fiscal{_S})?"
        rf"(?P<unit>quarter|period)\b(?![ -](?:century|of))",
    ),
    # this year's third quarter, last year's quarter, next year's first half: one expression
    (
        "rel_year_part",
        rf"\b(?P<rel>[Tt]his|[Ll]ast|[Nn]ext){_S}year['’]s{_S}"
        rf"(?:(?P<ord>first|second|third|fourth){_S})?(?:fiscal{_S})?(?P<part>quarter|half)\b",
    ),
    # the same period last year, the quarter a year ago: the reported quarter a year back
    (
        "period_ago",
        rf"\b[Tt]he{_S}(?:(?:same|corresponding|comparable|year-ago|year-earlier){_S})?"
        rf"(?:fiscal{_S})?(?:quarter|period){_S}(?:of{_S})?(?:a{_S}year{_S}(?:ago|earlier)"
        rf"|last{_S}year|the{_S}(?:previous|prior){_S}year)\b",
    ),
    (
        "year_ago",
        rf"\b(?:[Tt]he{_S}year-(?:earlier|ago){_S}(?:quarter|period|month|year)|[Yy]ear-(?:earlier|ago))\b",
    ),
    # 6. weekdays, named days
    (
        "weekday",
        rf"(?:\b(?P<rel>[Tt]his{_S}(?:coming|past)|{_REL}){_S})?\b(?P<wd>{_WEEKDAY})(?P<pl>s)?"
        rf"(?:{_S}(?P<part>morning|afternoon|evening|night)(?P<pl2>s)?)?\b",
    ),
    (
        "clock",
        rf"(?:\b(?P<h>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]\d))?[^\S\n]?(?P<ap>[ap]\.m\.|[ap]m\b|[AP]M\b)"
        rf"|\b(?P<hh>[01]?\d|2[0-3]):?(?P<mm>[0-5]\d)[^\S\n]?(?P<tz>{_TZ}\b|[ap]\.m\.|[ap]m\b|[AP]M\b)"
        rf"|\b(?P<w>noon|midnight|midday)\b)(?:{_S}(?P<tz2>{_TZ})\b)?"
        rf"(?:,?{_S}(?:on{_S})?(?:(?P<wd>{_WEEKDAY})|(?P<mon>{_MONTH_ANY})[^\S\n]?(?P<day>{_DAY}))\b)?",
    ),
    (
        "deictic",
        rf"\b(?:(?P<mod>[Ee]arl(?:y|ier)|[Ll]ater?){_S}(?=[Tt]o|[Yy]))?"
        rf"(?P<w>{_lc('today tonight yesterday tomorrow nowadays currently'.split())}|[Nn]ow"
        r"|(?:[Rr]ecently|[Ss]oon|[Aa]nytime[ ]soon|[Aa]ny[ ]time[ ]soon))\b(?!-)",
    ),
    (
        "past_future",
        rf"\b(?P<the>the{_S})(?P<w>past|future|present)\b(?!{_S}(?:{_NUM}|few|several"
        rf"|{_UNIT_ANY}))",
    ),
    (
        "day_part",
        rf"\b(?:(?P<mod>[Ee]arl(?:y|ier)|[Ll]ater?){_S})?(?P<rel>[Tt]his|[Yy]esterday|[Tt]omorrow|[Ll]ast(?={_S}night))"
        rf"{_S}(?P<part>morning|afternoon|evening|night)\b",
    ),
    # the part first: late afternoon yesterday, early morning tomorrow; mid-afternoon
    (
        "part_of_day",
        rf"\b(?:(?P<mod>[Ee]arly|[Ll]ate|[Mm]id)(?:-|{_S}))?(?P<part>morning|afternoon|evening)"
        rf"(?:{_S}(?P<rel>yesterday|today|tomorrow))?\b(?!-)",
    ),
    (
        "the_year",
        rf"\b[Tt]he{_S}(?:(?:fiscal|full|calendar){_S})?(?P<unit>year|week)\b(?!['’-]|{_S}\d)"
        rf"(?=(?P<ended>{_S}(?:ended|ending|to){_S}))?",
    ),
    # 7. anchor-relative units: last week, this year, earlier this month, two weeks ago
    (
        "this_unit",
        rf"\b(?:(?P<mod>[Ee]arl(?:y|ier)|[Ll]ater?|[Mm]id)[ -])?(?P<rel>{_REL}){_S}"
        rf"(?:(?P<fiscal>fiscal){_S}(?=year|quarter))?"
        rf"(?P<unit>week|weekend|month|year|decade|quarter|century)\b",
    ),
    (
        "ago",
        rf"\b(?:(?P<approx>{_lc(['about', 'nearly', 'almost', 'around', 'roughly', 'some'])}"
        rf"|[Mm]ore{_S}than|[Ll]ess{_S}than|(?:[Jj]ust{_S})?(?:over|under)){_S})?"
        rf"(?P<n>{_NUM}|{_VAGUE}|[Aa]n?){_S}(?:(?:more|fewer|less){_S})?"
        rf"(?P<unit>{_UNIT_ANY}){_S}(?:or{_S}so{_S})?(?P<dir>ago|from{_S}now|hence|earlier|later)\b",
    ),
    (
        "bare_ago",
        rf"\b(?P<unit>{_UNITS_CAP}){_S}(?P<dir>ago)\b",
    ),
    (
        "recent",
        rf"\b(?:(?P<a>[Aa]|[Tt]he){_S})?(?P<w>recent|coming|past|last|next|previous){_S}(?P<unit>{_UNIT_ANY})\b",
    ),
    # 8. durations: the past eight months, a three-year fight, one to two years, for years
    (
        "span",
        rf"\b(?:[Tt]he{_S})?(?P<w>past|last|next|coming|previous|first){_S}"
        rf"(?:(?P<n>{_NUM}|{_VAGUE}){_S})(?P<unit>{_UNIT_ANY})\b"
        rf"(?:{_S}of{_S}(?P<year>{_YEAR})\b)?",
    ),
    (
        "duration",
        rf"\b(?:(?P<approx>(?:[Nn]o|[Nn]ot){_S}(?:more|less|fewer){_S}than"
        rf"|(?:{_lc(['less', 'more', 'fewer'])}){_S}than"
        rf"|{_lc(['nearly', 'almost', 'around', 'roughly'])}|[Uu]p{_S}to|[Aa]t{_S}least"
        rf"|(?:[Jj]ust{_S})?(?:more{_S}than|less{_S}than)){_S})?"
        rf"(?:[Tt]he{_S}(?={_NUM}{_S}(?:1/2{_S})?{_UNIT_ANY}\b))?"
        rf"(?P<n>{_NUM}|{_VAGUE}|[Aa]n?)(?:(?P<to>{_S}(?:to|or|and){_S}|{_DASH})(?P<n2>{_NUM}))?"
        rf"(?:{_S}(?P<half>1/2|½))?"
        rf"(?P<sep>{_S}|-)(?:(?:more|and{_S}a{_S}half){_S})?"
        # eight trading days, ten business days: days counted on a calendar of their own
        rf"(?:(?:trading|business|working|school|calendar){_S}(?=(?:days?|weeks?)\b))?"
        rf"(?P<unit>{_UNIT_ANY})"
        rf"(?:{_S}(?P<half2>and{_S}a{_S}half))?"
        rf"(?P<old>[ -](?:long|old))?\b(?!{_S}(?:or{_S}so{_S})?(?:ago|from{_S}now|hence))"
        rf"(?!-(?:earlier|ago|end)\b)",
    ),
    ("long", rf"\b(?P<unit>{_UNITS})-long\b"),
    (
        "bare_duration",
        rf"(?:(?<=\b[Ff]or )|(?<=\b[Ii]n )|(?<=\b[Oo]ver )|(?<=\b[Ww]ithin )|(?<=\btake )|(?<=\btakes )"
        rf"|(?<=\btook )|(?<=\btaking )|(?<=\blasted )|(?<=\blasting ))(?P<unit>{_UNITS})\b(?!{_S}ago)"
        rf"|\b(?P<unit2>{_UNITS_CAP})(?={_S}(?:before|after|earlier|later)\b)",
    ),
    ("weekend", r"\b[Tt]he[ ]weekend\b"),
    # year-end, year end, year's end (1988): the end of a year
    ("year_end", rf"\b[Yy]ear(?:[- ]|['’]s{_S})end\b(?!-)(?:,?{_S}(?P<year>{_YEAR})\b)?"),
    (
        "century",
        rf"\b(?:[Tt]he{_S})?(?:(?P<mod>[Ee]arly|[Ll]ate|[Mm]id)[ -])?"
        rf"(?:(?P<n>[12]?\d)(?:st|nd|rd|th)|(?P<word>{_lc(ORDINALS)}))[ -][Cc]entury\b",
    ),
    # 9. anaphoric: the next month, the following year, that week
    (
        "anaphor",
        rf"\b(?:(?:[Tt]he){_S}(?P<w>next|following|previous|preceding|same|prior)|(?P<that>[Tt]hat))"
        rf"{_S}(?P<unit>day|week|month|quarter|year|decade)\b",
    ),
    # the day before she was arrested, the week after the vote: anchored to an event
    (
        "event_unit",
        rf"\b[Tt]he{_S}(?P<unit>day|night|week|month|year)\b(?={_S}(?P<dir>before|after){_S}\w)"
        rf"(?!{_S}(?:before|after){_S}(?:(?:last|this|next){_S})?(?:{_WEEKDAY})\b)",
    ),
    # the day before last Tuesday: a day next to a named weekday (TimeML leaves "the" out)
    (
        "day_next_to",
        rf"\bday{_S}(?P<dir>before|after){_S}(?:(?P<rel>last|this|next){_S})?"
        rf"(?P<wd>{_WEEKDAY})\b(?!s)",
    ),
    # at the time (of writing): the past reference time of the story
    ("at_the_time", rf"(?<=\b[Aa]t )the{_S}time\b(?!{_S}(?:of|when|that|to|being|for)\b)"),
    # 9/11: the named day of the 2001 attacks (not a date in the publication year)
    ("nine_eleven", r"(?<![\d/.])9/11\b(?![/.-]?\d|[^\S\n]*(?:%|percent|per[ ]cent))"),
    # the 40th day (of the strike), the eighth straight day: a day counted from an event
    (
        "ordinal_day",
        rf"\b[Tt]he{_S}(?P<ord>\d{{1,3}}(?:st|nd|rd|th)|{_lc(ORDINALS)})"
        rf"{_S}(?:(?:straight|consecutive|full){_S})?day\b(?!['’-])",
    ),
    # race and clock times with seconds: finished in 2:41:09, at 10:30:15; a race time with
    # fractions of a second (2:41:09.5, a mile in 3:45.2: minutes and seconds)
    (
        "hms",
        r"\b(?P<h>\d{1,2}):(?P<mi>[0-5]\d)(?::(?P<s>[0-5]\d)(?:\.(?P<f>\d{1,3}))?"
        r"|\.(?P<f2>\d{1,3}))\b(?![:.]\d)",
    ),
    (
        "unit_part",
        rf"\b[Tt]he{_S}(?P<part>end|beginning|start|middle){_S}of{_S}"
        rf"(?:(?P<rel>the|this|next|last){_S}(?P<unit>week|month|year|decade)\b"
        rf"|(?P<bare>year|the{_S}year)\b(?![^\S\n]+(?:of|in|to|when|that)\b|['’-]))",
    ),
    # 10. sets
    (
        "times_per",
        rf"\b(?P<q>[Oo]nce|[Tt]wice|(?:\d+|{_NUMWORD}){_S}times){_S}(?:a|an|per|every|each){_S}"
        rf"(?P<unit>{_UNIT})\b",
    ),
    (
        "set",
        rf"\b(?P<q>[Ee]ach|[Ee]very|[Pp]er){_S}(?:(?P<n>other|{_NUM}|few|several|couple{_S}of){_S})?"
        rf"(?P<unit>{_UNIT_ANY}|{_WEEKDAY}|{_MONTH_FULL}|morning|afternoon|evening)"
        rf"(?:{_S}(?P<part>morning|afternoon|evening|night))?\b",
    ),
    ("set_adj", rf"\b(?P<w>{_lc(SETS)})\b"),
    # 11. holidays: Christmas, Thanksgiving Day, Election Day, Easter
    (
        "holiday",
        rf"\b(?:(?P<rel>[Ll]ast|[Tt]his|[Nn]ext){_S})?(?P<name>Christmas(?:{_S}(?:Day|Eve))?"
        rf"|New{_S}Year['’]s(?:{_S}(?:Day|Eve))?|Thanksgiving(?:{_S}Day)?|Independence{_S}Day"
        rf"|Labou?r{_S}Day|Memorial{_S}Day|Election{_S}Day|Veterans{_S}Day|Halloween"
        rf"|Valentine['’]s{_S}Day|Easter(?:{_S}Sunday)?|Good{_S}Friday)\b(?!['’]s?\w|{_S}[A-Z][a-z]"
        rf"|{_S}{_HOLIDAY_THINGS}\b)"
        rf"(?:,?{_S}(?P<year>{_ANY_YEAR})\b)?",
    ),
]
PRIORITY = {name: i for i, (name, _) in enumerate(PATTERNS)}
