"""Word lists, column names and regex building blocks shared by the quote and source passes."""

from __future__ import annotations

import re
from operator import itemgetter

QUOTE_COLUMNS = [
    "article_id",
    "paragraph_id",
    "sentence_id",
    "kind",
    "quote",
    "speaker",
    "canonical",
    "speaker_kind",
    "speaker_role",
    "organisation",
    "verb",
    "source_type",
    "start",
    "end",
]


SOURCE_COLUMNS = [
    "article_id",
    "name",
    "canonical",
    "kind",
    "role",
    "type",
    "n_mentions",
    "n_quotes",
    "n_indirect",
    "n_words_quoted",
]


QUOTE_KINDS = ["direct", "partial", "indirect"]


SOURCE_KINDS = [
    "person",
    "role",
    "anonymous",
    "collective",
    "organization",
    "country",
    "outlet",
    "document",
]


SOURCE_TYPES = [
    "military/security",
    "government",
    "expert/research",
    "civilian",
    "militant",
    "media",
    "business",
    "unknown",
]


SPEECH_VERBS = (
    "said says say told tells tell wrote writes written recalled recalls added adds explained explains "
    "noted notes stated asked asks asserted asserts argued argues insisted insists warned warns "
    "claimed claims alleged alleges acknowledged acknowledges admitted admits announced announces "
    "declared declares replied replies responded continued concluded concludes suggested suggests "
    "agreed agrees predicted predicts projected cautioned cautions complained complains described "
    "describes reported reports remarked observed emphasised emphasized stressed stresses "
    "confirmed confirms denied denies tweeted posted estimated estimates recounted recounts "
    "testified testifies conceded concedes boasted vowed vows urged urges shouted shouts yelled "
    "yells screamed exclaimed assured assures mused quipped joked jokes chanted whispered "
    "retorted cried pleaded "
    # repeating, revealing, scorning, interrupting, answering; a document's opening words
    "repeated repeats reiterated reiterates uncovered derided derides fumed fumes interjected "
    "answered answers chanted chants sang sings began begins read reads remembered beamed "
    "exhorted "
    # pressing, countering, scoffing, complaining, boasting (a question or a retort)
    "pressed presses countered counters snapped snaps scoffed scoffs sniped snipes griped gripes "
    "grumbled grumbles bragged brags gushed gushes opined opines marveled marvelled implored "
    "demanded lamented laments"
).split()


PARTICIPLES = (
    "saying telling adding asserting arguing warning claiming describing insisting noting".split()
)


_INDIRECT_VERBS = (
    "said says say told tells reported reports warned warns warn claimed claims claim alleged "
    "alleges allege announced announces confirmed confirms denied denies agreed agrees agree noted "
    "notes argued argues argue asserted asserts insisted insists estimated estimates estimate "
    "fear fears feared believe believes indicated indicate indicates acknowledged admitted "
    "predicted predict predicts recording recorded projected"
).split()


_MULTI_VERBS = [
    "pointed out",
    "points out",
    "went on",
    "spoke to",
    "put it",
    "puts it",
    "chimed in",
    "chimes in",
    "blurted out",
    "blurts out",
    "wondered aloud",
    "wonders aloud",
    "shot back",
    "fired back",
]


AUX = frozenset(
    "has have had also later then once previously recently again would will could can may "
    "might must has also have also had also further repeatedly separately earlier now still "
    "is are was were be been being not never often only just even".split()
)


INTRO = frozenset(
    "now but and however yet so meanwhile still later also then today in on at after before "
    "while when although despite though for last this that thus indeed instead moreover "
    "nevertheless".split()
)


PRONOUNS = {"he": "he", "she": "she", "they": "they", "it": "it", "we": "we", "i": "i"}


DETERMINERS = frozenset(
    "the a an one some two three four several many other another its their his her most few "
    "numerous various both".split()
)


# Head nouns of unnamed human sources ("one young fighter", "local officials", "the man").
PERSON_NOUNS = frozenset(
    "official officials man men woman women fighter fighters resident residents local locals "
    "expert experts analyst analysts observer observers researcher researchers diplomat diplomats "
    "leader leaders source sources commander commanders spokesman spokeswoman spokesperson "
    "officer officers soldier soldiers witness witnesses people villager villagers member "
    "members activist activists worker workers civilian civilians survivor survivors farmer "
    "farmers doctor doctors journalist journalists reporter reporters father mother son "
    "daughter brother sister boy girl teenager elder elders sheikh chief chiefs head "
    "commentators commentator critics critic authorities authority minister ministers "
    "investigators investigator prosecutors prosecutor mayor governor insiders insider "
    "policeman policemen guard guards militant militants jihadist jihadists defector "
    "defectors refugee refugees shopkeeper driver teacher student students friend relative "
    "relatives neighbor neighbour neighbors neighbours president chairman executive secretary "
    "ambassador envoy colonel general lawyer lawmaker lawmakers legislator senator "
    # political and online voices: campaigns, polls, social media
    "aide aides adviser advisers advisor advisors confidant confidants strategist strategists "
    "narrator user users voter voters supporter supporters donor donors operative operatives "
    "staffer staffers consultant consultants pollster pollsters attorney attorneys "
    "congressman congresswoman representative candidate nominee mogul businessman businesswoman "
    "billionaire governor-elect veteran veterans protester protesters demonstrator "
    "demonstrators organizer organizers organiser organisers host anchor moderator moderators "
    "historian economist economists scholar professor editor columnist commentator pundit "
    "pundits blogger writer author person persons parent parents friends colleague colleagues "
    "associate associates ally allies rival rivals opponent opponents backer backers "
    "insider delegate delegates chairwoman director manager president-elect deputy deputies "
    "engineer engineers commenter commenters reader readers viewer viewers advocate advocates "
    "year-old employee employees owner owners crowd crowds audience audiences fans attendees"
    " spectators".split()
)


PLURAL_PERSON = frozenset(
    w for w in PERSON_NOUNS if w.endswith("s") or w in ("people", "men", "women", "police")
)


ORG_NOUNS = frozenset(
    "ministry government army military police coalition group agency committee council office "
    "department embassy militia movement company organisation organization alliance command "
    "forces court parliament administration regime campaign monitor observatory presidency "
    "cabinet party navy ministries governments groups organisations organizations agencies "
    "militias team club union firm board league association federation".split()
)


DOCUMENT_NOUNS = frozenset(
    "report reports statement statements study studies video survey data document documents "
    "letter assessment analysis figures estimate estimates memo briefing release filing "
    "records poll polls card column opinion email emails pitch ad ads tweet tweets post posts "
    "message messages headline editorial op-ed website transcript memoir book article ruling "
    "complaint lawsuit order indictment petition".split()
)


OUTLET_NOUNS = {
    "newspaper": "newspaper",
    "paper": "newspaper",
    "daily": "newspaper",
    "broadsheet": "newspaper",
    "tabloid": "newspaper",
    "broadcaster": "broadcaster",
    "network": "broadcaster",
    "channel": "broadcaster",
    "agency": "agency",
    "magazine": "magazine",
    "outlet": None,
    "publication": None,
    "website": "online",
    "site": "online",
}


DEMONYMS = {
    "american": "US",
    "u.s.": "US",
    "us": "US",
    "us-based": "US",
    "british": "UK",
    "uk": "UK",
    "london-based": "UK",
    "dc-based": "US",
    "washington-based": "US",
    "new york-based": "US",
    "israeli": "Israel",
    "french": "France",
    "german": "Germany",
    "qatari": "Qatar",
    "turkish": "Turkey",
    "saudi": "Saudi Arabia",
    "russian": "Russia",
    "chinese": "China",
    "kurdish": "Iraq",
    "emirati": "UAE",
    "pan-arab": None,
}


TITLES = frozenset(
    "col. col gen. gen brig. brig lt. lt maj. maj capt. capt sgt. sgt adm. adm dr. dr mr. mr "
    "mrs. mrs ms. ms prof. prof sen. sen rep. rep gov. gov president prime minister sheikh "
    "imam general colonel major captain sergeant admiral lieutenant commander secretary-general "
    "secretary ambassador chancellor king queen prince pope ayatollah senator judge chairman "
    "director-general governor mayor deputy "
    # capitalised before a name they are the role, not the name: "Chief Executive Ana Duarte"
    "chief executive officer vice director founder co-founder ceo cfo coo chair chairwoman "
    "spokesman spokeswoman spokesperson commissioner superintendent councilman councilwoman "
    "councilmember speaker leader attorney treasurer engineer inspector detective sheriff coach "
    "pastor reverend rev. rev bishop rabbi nurse professor dean principal trustee auditor "
    "counsel prosecutor justice magistrate consul envoy delegate manager editor "
    "representative congressman congresswoman assemblyman assemblywoman".split()
)


# Capitalised words that never make a person's name.
NONNAME = frozenset(
    "from alongside continuing during following despite amid among with without under over "
    "between whether his her hers their its our my your what who where why how which whose "
    "yes not unless until because since though "
    "through about across against behind beyond like near since toward towards upon within "
    "holding speaking asked adding saying writing noting responding referring citing "
    "meanwhile today yesterday tonight earlier "
    "state states islamic forces force army government ministry council agency province "
    "democratic coalition command group center centre institute university post times journal "
    "news international national security department office committee party front brigade "
    "brigades division regiment police the a an he she they it we i this that these those "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december but however yet and or in on at "
    "after before while when although as if so then there here one some many most all no "
    "according iraqi syrian kurdish american british iraq syria us u.s. un world middle east "
    "west western eastern northern southern north south caliphate "
    # sentence adverbs that open a sentence capitalised: never a name ("Likewise, …")
    "likewise meantime moreover furthermore nonetheless nevertheless instead otherwise thus "
    "hence indeed besides finally also former".split()
)


THE_RE = re.compile(r"^[Tt]he\s+")


SPACES_RE = re.compile(r"\s+")


FINAL_STOP_RE = re.compile(r"(?<=[a-z]{3})[.?!]$")


WHO_IS_RE = re.compile(r"^who\s+(?:is|was|has been|had been)\s+((?:a|an|the)\s.*)$")


RELATIVE_RE = re.compile(r"\s+(?:who|which|that|whose|and has|and is)\s+")


ARTICLE_RE = re.compile(r"^(?:a|an|the|one)\s+")


_CLAUSE_RE = re.compile(r"[;:—–(]|(?<=[.?!])\s")


APPOS_START_RE = re.compile(r"\s*(?:an?|the|who)\s")


APPOS_END_RE = re.compile(r",|\.\s")


RELATIVE_END_RE = re.compile(r"(?:^|\s)(?:who|which|that)(?:\s+[\w’'-]+){0,2}\s*$")


TO_BY_RE = re.compile(r"\s+(?:to|by)\s")


LOWER_RE = re.compile(r"\b[a-z]")


def trie_pattern(words: list[str], space: str = r"\s+") -> str:
    """One regex alternation for many literal phrases, factored by common prefixes (fast)."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        end = "" in node
        branches = []
        for ch in sorted(k for k in node if k):
            piece = space if ch == " " else re.escape(ch)
            branches.append(piece + build(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if end else body

    return "(?:" + build(trie) + ")"


def _cased(words: list[str]) -> list[str]:
    """`words` as written, capitalised and in capitals ("said", "Said", "SAID"): a headline's or
    a shouted attribution's verb; a case-sensitive trie of them is faster than re.IGNORECASE."""
    return words + [w[:1].upper() + w[1:] for w in words] + [w.upper() for w in words]


VERB_ALT = trie_pattern(_cased(SPEECH_VERBS + _MULTI_VERBS), space=" ")


# Any case (`_cased`): a headline's or a shouted attribution's verb ("Trump Says", "SAID").
VERB_RE = re.compile(r"(?<![\w’'-])(" + VERB_ALT.replace(" ", r"\s+") + r")(?![\w’'-])")
# Verbs that attribute the quoted words of a partial quote in their own sentence, beyond the
# speech verbs: naming (`called the report “faulty”`), promising, praising and blaming, joking.
_PARTIAL_VERBS = (
    SPEECH_VERBS
    + (
        "called calls call dubbed dubs labeled labelled labels termed branded brands promised promises "
        "pledged pledges vowed urged urging praised praises hailed hails heralded applauded criticized "
        "criticised criticizes criticises slammed slams blasted blasts attacked attacks accused accuses "
        "condemned condemns condemning joked jokes quipped quips mocked mocks chided chiding countered "
        "counters proposed proposes declaring demanded demands demanding pondered questioned "
        "promising pledging vowing calling accusing describing saying adding warning arguing "
        "insisting claiming suggesting telling asking insisted referred refers lamented laments "
        "touted touts celebrated decried decries dismissed dismisses predicting writing stating "
        "thought thinks introduced coached read reads hits targets lists charging charged charges "
        "deemed deems labeling labelling branding dubbing hailing praising blasting slamming "
        "blamed blames blaming denounced denounces denouncing chanting shouting typed noting ruled "
        "rules announcing revealed reveals explaining reiterating repeating rejected rejects "
        "cited cites citing "
        # other forms of speech verbs ("would denounce “…”", "conceding that “…”")
        "concede conceding caution cautioning allege alleging acknowledge acknowledging respond "
        "responds responding dismiss dismissing declare denounce question questions questioning "
        "slam counter countering argue boast boasts shout continues continue continuing "
        # verbs of judging what was said or done ("assailed a judge for his “…”")
        "bemoan bemoans bemoaned bemoaning proclaim proclaims proclaimed proclaiming characterize "
        "characterizes characterized characterizing laud lauds lauded lauding assail assails "
        "assailed assailing pronounce pronounces pronounced pronouncing found finds thank thanks "
        "thanked thanking insult insults insulted insulting express expresses expressed expressing "
        "indicated indicates indicating mouthing mouthed"
    ).split()
    # a speech verb and its preposition: "He talks about “spoiling the party,”", "Cruz has
    # railed against what he calls the “Washington cartel”"
    + [
        f"{verb} {prep}"
        for verb in (
            "talk talks talked talking spoke speaks speak speaking rail rails railed railing "
            "gushed gushes boasted boasting boasts bragged bragging brags complained complains "
            "complaining ranted rants warned warns warning"
        ).split()
        for prep in ("about", "against", "of")
    ]
)
_PARTIAL_ALT = trie_pattern(_cased(_PARTIAL_VERBS + _MULTI_VERBS), space=" ")
PARTIAL_RE = re.compile(r"(?<![\w’'-])(" + _PARTIAL_ALT.replace(" ", r"\s+") + r")(?![\w’'-])")


IND_ALT = trie_pattern(_INDIRECT_VERBS + _MULTI_VERBS + PARTICIPLES, space=" ")


IND_RE = re.compile(r"(?<![\w’'-])(" + IND_ALT.replace(" ", r"\s+") + r")(?![\w’'-])")


NAME_TOKEN = re.compile(
    r"^(?:[A-Z][\w’'-]*\.?|(?:[A-Z]\.){2,3}|(?:al|el|bin|ibn|abu|de|van|von|da|bint)(?:-[A-Z][\w’'-]*)?)$"
)


POSSESSIVE = re.compile(r"[’']s?$")


NP = r"(?P<np>[^“”\"«»;:]{1,200}?)"


ADV = (
    r"(?:\s+(?:has|have|had|also|later|then|once|previously|would|will|again|further|"
    r"earlier|now|recently|simply|separately|repeatedly|quickly|only))*"
)


FIRST = itemgetter(0)


CUE_WORDS = frozenset(
    _INDIRECT_VERBS + PARTICIPLES + ["according", "pointed", "points", "spoke", "went"]
)
