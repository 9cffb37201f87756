"""Who is quoted and which sources each article cites: the `quotes` and `sources` tables.

`find_quotes` reads body paragraphs only (titles, deks, captions and boilerplate are skipped).
It pairs quotation marks per paragraph (curly, straight, guillemets; a quote left open at a
paragraph's end continues only when the next paragraph opens with a quotation mark, so an odd
count never swallows the rest of the article), tells direct quotes from partial quotes and
scare quotes, and attributes each to a speaker with rule-based patterns (`“…,” X said`,
`said X`, `X told Reuters`, `according to X`, `as X alleges`, a colon in the sentence before,
carry-over to the next quote paragraph, he/she resolved to the most recent fitting person).
Sentences without quotes that attribute a claim ("officials said", "the Post reported",
"according to the report") become `indirect` rows.

`find_sources` groups speakers and mentions of the curated outlets and organisations
(`data/outlets.csv`, `data/organisations.csv`, extensible by parameter) per article.
"""

from __future__ import annotations

import bisect
import gc
import re
import textwrap
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from operator import itemgetter

import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pandas as pd

from newscorpus.corpus import Corpus
from newscorpus.paths import DATA_DIR

QUOTE_COLUMNS = [
    "article_id",
    "paragraph_id",
    "sentence_id",
    "kind",
    "quote",
    "speaker",
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
    "kind",
    "role",
    "type",
    "n_mentions",
    "n_quotes",
    "n_indirect",
    "n_words_quoted",
]
QUOTE_KINDS = ["direct", "partial", "indirect"]
SOURCE_KINDS = ["person", "anonymous", "organization", "outlet", "document"]
SOURCE_TYPES = [
    "military/security",
    "government",
    "expert/research",
    "civilian",
    "militant",
    "media",
    "unknown",
]

# --------------------------------------------------------------------------- word lists

_SPEECH_VERBS = (
    "said says say told tells tell wrote writes recalled recalls added adds explained explains "
    "noted notes stated asked asks asserted asserts argued argues insisted insists warned warns "
    "claimed claims alleged alleges acknowledged acknowledges admitted admits announced announces "
    "declared declares replied replies responded continued concluded concludes suggested suggests "
    "agreed agrees predicted predicts projected cautioned cautions complained complains described "
    "describes reported reports remarked observed emphasised emphasized stressed stresses "
    "confirmed confirms denied denies tweeted posted estimated estimates recounted recounts "
    "testified testifies conceded concedes boasted vowed vows urged urges"
).split()
_PARTICIPLES = (
    "saying telling adding asserting arguing warning claiming describing insisting noting".split()
)
_INDIRECT_VERBS = (
    "said says say told tells reported reports warned warns warn claimed claims claim alleged "
    "alleges allege announced announces confirmed confirms denied denies agreed agrees agree noted "
    "notes argued argues argue asserted asserts insisted insists estimated estimates estimate "
    "fear fears feared believe believes indicated indicate indicates acknowledged admitted "
    "predicted predict predicts recording recorded projected"
).split()
_MULTI_VERBS = ["pointed out", "points out", "went on", "spoke to"]
_AUX = frozenset(
    "has have had also later then once previously recently again would will could can may "
    "might must has also have also had also further repeatedly separately earlier now still "
    "is are was were be been being not never often".split()
)
_INTRO = frozenset(
    "now but and however yet so meanwhile still later also then today in on at after before "
    "while when although despite though for last this that thus indeed instead moreover "
    "nevertheless".split()
)
_PRONOUNS = {"he": "he", "she": "she", "they": "they", "it": "it", "we": "we", "i": "i"}
_DETERMINERS = frozenset(
    "the a an one some two three four several many other another its their his her most few "
    "numerous various both".split()
)
# Head nouns of unnamed human sources ("one young fighter", "local officials", "the man").
_PERSON_NOUNS = frozenset(
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
    "ambassador envoy colonel general lawyer lawmaker lawmakers legislator senator".split()
)
_PLURAL_PERSON = frozenset(
    w for w in _PERSON_NOUNS if w.endswith("s") or w in ("people", "men", "women", "police")
)
_ORG_NOUNS = frozenset(
    "ministry government army military police coalition group agency committee council office "
    "department embassy militia movement company organisation organization alliance command "
    "forces court parliament administration regime campaign monitor observatory presidency "
    "cabinet party navy ministries governments groups organisations organizations agencies "
    "militias".split()
)
_DOCUMENT_NOUNS = frozenset(
    "report reports statement statements study studies video survey data document documents "
    "letter assessment analysis figures estimate estimates memo briefing release filing "
    "records poll".split()
)
_OUTLET_NOUNS = {
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
_DEMONYMS = {
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
_TITLES = frozenset(
    "col. col gen. gen brig. brig lt. lt maj. maj capt. capt sgt. sgt adm. adm dr. dr mr. mr "
    "mrs. mrs ms. ms prof. prof sen. sen rep. rep gov. gov president prime minister sheikh "
    "imam general colonel major captain sergeant admiral lieutenant commander secretary-general "
    "secretary ambassador chancellor king queen prince pope ayatollah senator judge chairman "
    "director-general governor mayor deputy".split()
)
# Capitalised words that never make a person's name.
_NONNAME = frozenset(
    "state states islamic forces force army government ministry council agency province "
    "democratic coalition command group center centre institute university post times journal "
    "news international national security department office committee party front brigade "
    "brigades division regiment police the a an he she they it we i this that these those "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december but however yet and or in on at "
    "after before while when although as if so then there here one some many most all no "
    "according iraqi syrian kurdish american british iraq syria us u.s. un world middle east "
    "west western eastern northern southern north south caliphate".split()
)

_THE_RE = re.compile(r"^[Tt]he\s+")
_SPACES_RE = re.compile(r"\s+")
_FINAL_STOP_RE = re.compile(r"(?<=[a-z]{3})[.?!]$")
_WHO_IS_RE = re.compile(r"^who\s+(?:is|was|has been|had been)\s+((?:a|an|the)\s.*)$")
_RELATIVE_RE = re.compile(r"\s+(?:who|which|that|whose|and has|and is)\s+")
_ARTICLE_RE = re.compile(r"^(?:a|an|the|one)\s+")
_CLAUSE_RE = re.compile(r"[;:—–(]|(?<=[.?!])\s")
_APPOS_START_RE = re.compile(r"\s*(?:an?|the|who)\s")
_APPOS_END_RE = re.compile(r",|\.\s")
_RELATIVE_END_RE = re.compile(r"(?:^|\s)(?:who|which|that)(?:\s+[\w’'-]+){0,2}\s*$")
_TO_BY_RE = re.compile(r"\s+(?:to|by)\s")
_LOWER_RE = re.compile(r"\b[a-z]")

# --------------------------------------------------------------------------- lexicon


def _trie_pattern(words: list[str], space: str = r"\s+") -> str:
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


def _split_list(value) -> list[str]:
    if value is None or (isinstance(value, float) and pd.isna(value)) or pd.isna(value):
        return []
    return [v.strip() for v in str(value).split("|") if v.strip()]


def load_outlets(extra: pd.DataFrame | list | None = None) -> pd.DataFrame:
    """The curated outlet list (data/outlets.csv) plus `extra` rows or names."""
    table = pd.read_csv(DATA_DIR / "outlets.csv", dtype=str, keep_default_na=False)
    return _extend(
        table,
        extra,
        {"medium": "", "country": "", "type": "media", "short_forms": ""},
        "extra_outlets",
    )


def load_organisations(extra: pd.DataFrame | list | None = None) -> pd.DataFrame:
    """The curated organisation list (data/organisations.csv) plus `extra` rows or names."""
    table = pd.read_csv(DATA_DIR / "organisations.csv", dtype=str, keep_default_na=False)
    return _extend(table, extra, {"type": "unknown", "listed": "mentioned"}, "extra_organisations")


def _extend(table: pd.DataFrame, extra, defaults: dict, parameter: str) -> pd.DataFrame:
    if isinstance(extra, str):
        raise ValueError(
            f"{parameter}={extra!r}: expected a list of names or of dicts/(name, type) pairs, "
            f"e.g. [{extra!r}]"
        )
    if extra is None or len(extra) == 0:
        return table
    if isinstance(extra, pd.DataFrame):
        rows = extra.astype(str).to_dict("records")
    else:
        rows = []
        for item in extra:
            if isinstance(item, dict):
                rows.append({k: str(v) for k, v in item.items()})
            elif isinstance(item, (tuple, list)):
                rows.append({"name": str(item[0]), "type": str(item[1])})
            else:
                rows.append({"name": str(item)})
    for row in rows:
        if "name" not in row or not row["name"].strip():
            raise ValueError(f"{parameter}: {row!r} has no name (expected a 'name' field)")
        row.setdefault("variants", row["name"])
        for key, value in defaults.items():
            row.setdefault(key, value)
    extra_table = pd.DataFrame(rows).reindex(columns=table.columns).fillna("")
    extra_table["variants"] = extra_table["variants"].where(
        extra_table["variants"] != "", extra_table["name"]
    )
    # Extra rows come first so they win over a curated entry of the same variant.
    return pd.concat([extra_table, table], ignore_index=True).astype(str)


@dataclass(frozen=True)
class _Entity:
    name: str
    kind: str  # outlet or organization
    type: str
    listed: str = "mentioned"
    medium: str = ""
    country: str = ""


class _Lexicon:
    """Compiled matchers for the outlet and organisation lists."""

    def __init__(self, outlets: pd.DataFrame, organisations: pd.DataFrame) -> None:
        self.by_variant: dict[str, _Entity] = {}
        self.short: dict[str, list[_Entity]] = {}
        self.entities: dict[str, _Entity] = {}
        for row in outlets.to_dict("records"):
            ent = _Entity(
                row["name"],
                "outlet",
                row.get("type") or "media",
                "mentioned",
                row.get("medium", ""),
                row.get("country", ""),
            )
            self.entities.setdefault(ent.name, ent)
            for v in [row["name"], *_split_list(row["variants"])]:
                self.by_variant.setdefault(_strip_the(v), ent)
            for s in _split_list(row.get("short_forms", "")):
                self.short.setdefault(_strip_the(s), []).append(ent)
        for row in organisations.to_dict("records"):
            ent = _Entity(
                row["name"],
                "organization",
                row.get("type") or "unknown",
                row.get("listed") or "mentioned",
            )
            self.entities.setdefault(ent.name, ent)
            for v in [row["name"], *_split_list(row["variants"])]:
                self.by_variant.setdefault(_strip_the(v), ent)
        alternation = _trie_pattern(list(self.by_variant), space=" ")
        # No lookbehind: it would stop the regex engine's fast scan; see mentions().
        self.mention_re = re.compile(r"(" + alternation + r")(?![\w’'-])")
        self.short_re = (
            re.compile(r"[Tt]he\s+(" + _trie_pattern(list(self.short)) + r")(?![\w-])")
            if self.short
            else None
        )
        self.exact_re = re.compile(r"^(?:[Tt]he\s+)?(" + alternation + r")$")
        self.starts_unspaced = all(v[:1] and not v[:1].isspace() for v in self.by_variant)
        self.cache: dict = {}

    def mentions(self, text: str, start: int = 0, end: int | None = None):
        """Matches of any variant that start at a word boundary."""
        end = len(text) if end is None else end
        for m in self.mention_re.finditer(text, start, end):
            i = m.start()
            if i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "_-’'"):
                yield m

    def search(self, text: str) -> re.Match | None:
        """The first mention in `text`, if any."""
        return next(self.mentions(text), None)

    def lookup(self, text: str) -> _Entity | None:
        """The entity a whole noun phrase names, if any."""
        m = self.exact_re.match(text.strip())
        return self.by_variant[m.group(1)] if m else None


def _strip_the(text: str) -> str:
    return _THE_RE.sub("", text.strip())


@lru_cache(maxsize=1)
def _default_lexicon() -> _Lexicon:
    return _Lexicon(load_outlets(), load_organisations())


def _lexicon(extra_outlets=None, extra_organisations=None) -> _Lexicon:
    """The compiled lexicon; the curated one is built once and cached."""
    if extra_outlets is None and extra_organisations is None:
        return _default_lexicon()
    return _Lexicon(load_outlets(extra_outlets), load_organisations(extra_organisations))


# --------------------------------------------------------------------------- noun phrases

_VERB_ALT = _trie_pattern(_SPEECH_VERBS + _MULTI_VERBS, space=" ")
_VERB_RE = re.compile(r"(?<![\w’'-])(" + _VERB_ALT.replace(" ", r"\s+") + r")(?![\w’'-])")
_IND_ALT = _trie_pattern(_INDIRECT_VERBS + _MULTI_VERBS + _PARTICIPLES, space=" ")
_IND_RE = re.compile(r"(?<![\w’'-])(" + _IND_ALT.replace(" ", r"\s+") + r")(?![\w’'-])")
_NAME_TOKEN = re.compile(
    r"^(?:[A-Z][\w’'-]*\.?|(?:al|el|bin|ibn|abu|de|van|von|da|bint)(?:-[A-Z][\w’'-]*)?)$"
)
_POSSESSIVE = re.compile(r"[’']s?$")


@dataclass(slots=True)
class _Who:
    speaker: str
    kind: str  # person, anonymous, organization, outlet, document, pronoun, description
    role: str | None = None
    organisation: str | None = None
    type: str | None = None
    plural: bool = False


def _clean_np(text: str) -> str:
    text = text.strip(" ,;:—–-\u00a0")
    if "  " in text or not text.isprintable():  # else its only blanks are single spaces
        text = _SPACES_RE.sub(" ", text)
    if text[-1:] in (".", "?", "!"):  # no newline is left for `$` to match before
        text = _FINAL_STOP_RE.sub("", text)
    words = text.split(" ")
    # Drop introductory words and conjunctions ("But one official", "Now, the Pentagon").
    while words and words[0].lower().strip(",") in _INTRO and not words[0].endswith("."):
        words = words[1:]
    return " ".join(words).strip(" ,")


def _is_name_run(words: list[str]) -> bool:
    core = [w for w in words if w.lower() not in _TITLES]
    if not core or not all(_NAME_TOKEN.match(w) for w in words):
        return False
    return not any(_POSSESSIVE.sub("", w).lower().rstrip(".") in _NONNAME for w in core)


def _analyse(np_text: str, lex: _Lexicon, attribution: bool = True) -> _Who | None:
    """What a noun phrase names: a person with role, an anonymous source, an organisation, …"""
    who = _analysed(np_text, lex, attribution)
    if who is None:
        return None
    return _Who(who.speaker, who.kind, who.role, who.organisation, who.type, who.plural)


def _analysed(np_text: str, lex: _Lexicon, attribution: bool = True) -> _Who | None:
    """`_analyse` from the lexicon's cache: a shared object, not to be changed."""
    key = (np_text, attribution)
    who = lex.cache.get(key, False)
    if who is False:
        if len(lex.cache) > 200_000:
            lex.cache.clear()
        who = lex.cache[key] = _analyse_np(np_text, lex, attribution)
    return who


def _analyse_np(np_text: str, lex: _Lexicon, attribution: bool) -> _Who | None:
    np_text = _clean_np(np_text)
    if not np_text or len(np_text) > 160:
        return None
    low = np_text.lower()
    if low in _PRONOUNS:
        return _Who(np_text, "pronoun", plural=low in ("they", "we"))
    ent = lex.lookup(np_text)
    if ent is not None:
        return _Who(ent.name, ent.kind, None, None, ent.type)
    if np_text[:3].lower() == "the" and _strip_the(np_text) in lex.short:
        return _Who(_strip_the(np_text), "short", None, None, "media")
    words = np_text.split(" ")
    if len(words) > 14:
        return None
    # Coordination: "SDF members and the DeirEzzor 24 monitoring group" (not "… and Ali Saleh").
    if " and " in np_text and not (len(words) >= 2 and _is_name_run(words[-2:])):
        parts = np_text.split(" and ")
        if len(parts) == 2:
            a, b = _analyse(parts[0], lex), _analyse(parts[1], lex)
            if a and b and "pronoun" not in (a.kind, b.kind):
                kind = a.kind if a.kind == b.kind else "anonymous"
                return _Who(
                    np_text,
                    kind,
                    None,
                    a.organisation or b.organisation,
                    a.type or b.type,
                    plural=True,
                )
    head_phrase = np_text.split(" of ")[0] if " of " in np_text else np_text
    head_words = head_phrase.split(" ")
    head = _POSSESSIVE.sub("", head_words[-1]).lower()
    first = words[0].lower()
    # An unnamed person or group of people: "one young fighter", "local officials", "the man".
    if head in _PERSON_NOUNS and len(head_words) <= 6:
        m = lex.search(np_text)
        org = lex.by_variant[m.group(1)] if m else None
        role_words = words[1:] if first in ("the", "a", "an", "one", "some", "another") else words
        return _Who(
            np_text,
            "anonymous",
            " ".join(role_words) or None,
            org.name if org else None,
            org.type if org else None,
            head in _PLURAL_PERSON,
        )
    plural_org = head.endswith("s") and head in _ORG_NOUNS and len(words) <= 4
    if plural_org and not any(w.lower() in _ROLE_STOP for w in words):
        return _Who(np_text, "organization", plural=True)  # "Human rights groups"
    if head in _ORG_NOUNS and first in ("the", "its", "their") and len(words) <= 5:
        if not any(w.lower() in _ROLE_STOP for w in words[1:]):
            return _Who(np_text, "organization", plural=head.endswith("s"))
    if head in _DOCUMENT_NOUNS and (first in _DETERMINERS or len(words) == 1):
        return _Who(np_text, "document", plural=head.endswith("s"))
    if head in _OUTLET_NOUNS and first in ("the", "a", "an"):
        return _Who(np_text, "description")
    # A named person, maybe after a role: "Anbar official Emad Dulaimi", "Brig. Gen. X Y".
    i = len(words)
    while i > 0 and _NAME_TOKEN.match(words[i - 1]):
        i -= 1
    run = words[i:]
    if not run:
        return None
    # Inside a run of capitalised words, titles end the role ("Iraqi Prime Minister Haider …").
    last_title = max((k for k, w in enumerate(run) if w.lower() in _TITLES), default=-1)
    name_words, role_words = run[last_title + 1 :], words[:i] + run[: last_title + 1]
    if not name_words:
        return None
    last = _POSSESSIVE.sub("", name_words[-1])
    name_words = [*name_words[:-1], last]
    if not _is_name_run(name_words):
        # A known organisation with words before it ("Iraq’s joint operations command").
        m = lex.search(np_text)
        if m and m.end() == len(np_text) and len(words) <= 6:
            ent = lex.by_variant[m.group(1)]
            return _Who(ent.name, ent.kind, None, None, ent.type)
        return None
    if len(name_words) == 1 and not attribution:
        return None
    if lex.search(" ".join(name_words)):
        return None  # "Islamic State", "ISIS": an organisation, not a name
    cut = max((k for k, w in enumerate(role_words) if w.lower() in _SPEECH_VERBS), default=-1)
    role_words = role_words[cut + 1 :]
    while role_words and role_words[0].lower() in ("the", "a", "an"):
        role_words = role_words[1:]
    if any(w.lower() in _ROLE_STOP for w in role_words):
        return None
    role = " ".join(role_words) or None
    if role and len(role_words) > 10:
        return None
    return _Who(" ".join(name_words), "person", role)


_ROLE_STOP = frozenset(
    "in on at by to from with into that which who where when was were is are has have had be "
    "been once ruled it they he she its their his her there here not no than then as if or "
    "now but however yet while although".split()
)
_APPOS_ORG = re.compile(
    r"^(?P<role>.*?)\s+(?:at|with|for|of|from|in)\s+(?:the\s+)?(?:[\w-]+-based\s+)?(?P<org>[A-Z].*)$"
)


def _appositive(text: str, lex: _Lexicon) -> tuple[str | None, str | None]:
    """(role, organisation) from an appositive: "a research director at the … Center for …"."""
    key = ("appositive", text)
    if key not in lex.cache:
        lex.cache[key] = _read_appositive(text, lex)
    return lex.cache[key]


def _read_appositive(text: str, lex: _Lexicon) -> tuple[str | None, str | None]:
    text = _clean_np(text)
    m = _WHO_IS_RE.match(text)
    if m:
        text = m.group(1)
    elif text.startswith(("who ", "which ", "speaking ", "also ", "for ", "in ")):
        return None, None
    text = _RELATIVE_RE.split(text)[0]
    text = _ARTICLE_RE.sub("", text)
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


# --------------------------------------------------------------------------- quotation marks

_MARKS = re.compile(r"[“”\"«»„]")
_OPENERS = "“«„"
_CLOSERS = "”»"


@dataclass(slots=True)
class _Segment:
    start: int  # offsets into articles.text of the quoted words (marks excluded)
    end: int
    open_pos: int  # position of the opening mark
    close_pos: int  # position of the closing mark, or the paragraph end when left open
    para: int  # index into the article's body paragraphs
    continues: bool = False  # left open at the paragraph end; the next paragraph continues it
    kind: str = ""
    who: _Who | None = None
    verb: str | None = None
    anchor: int = 0  # where the attribution sits (for pronoun resolution)


def _find_segments(text: str, paras: list[tuple[int, int]]) -> list[_Segment]:
    """Pair quotation marks paragraph by paragraph; never let one run past its paragraph."""
    segments: list[_Segment] = []
    for i, (ps, pe) in enumerate(paras):
        marks = list(_MARKS.finditer(text, ps, pe))  # as on text[ps:pe], without the copy
        if not marks:
            if text.find("‘", ps, pe) >= 0 or text.startswith("'", ps, pe):
                segments.extend(_single_quoted(text, ps, pe, i))
            continue
        open_pos, open_char, nested = None, "", False
        for m in marks:
            ch, pos = m.group(), m.start()
            if ch in _OPENERS:
                open_pos, open_char = pos, ch  # an earlier unclosed opener was a stray mark
                nested = False
            elif ch in _CLOSERS:
                if open_pos is not None:
                    segments.append(_Segment(open_pos + 1, pos, open_pos, pos, i))
                    open_pos = None
            else:  # a straight mark: opens or closes by context
                if open_pos is None:
                    nxt = text[pos + 1 : pos + 2]
                    if nxt and not nxt.isspace():
                        open_pos, open_char = pos, ch
                elif open_char in _OPENERS and (nested or _opens_here(text, pos)):
                    nested = not nested  # a straight pair nested inside curly quotes
                else:
                    segments.append(_Segment(open_pos + 1, pos, open_pos, pos, i))
                    open_pos = None
        if open_pos is not None:
            next_opens = i + 1 < len(paras) and text[paras[i + 1][0]] in _OPENERS + '"'
            if next_opens:
                segments.append(_Segment(open_pos + 1, pe, open_pos, pe, i, continues=True))
            elif open_pos == ps:  # a whole quote paragraph that lost its closing mark
                segments.append(_Segment(open_pos + 1, pe, open_pos, pe, i))
    out = []
    for seg in segments:
        while seg.start < seg.end and text[seg.start].isspace():
            seg.start += 1
        while seg.end > seg.start and text[seg.end - 1].isspace():
            seg.end -= 1
        if _ALNUM_RE.search(text, seg.start, seg.end):  # any(c.isalnum() …), in C
            out.append(seg)
    return out


_ALNUM_RE = re.compile(r"[^\W_]")  # a character for which str.isalnum() is true
_SINGLE = re.compile(
    r"(?:(?<=^)|(?<=[\s(\[—–-]))(?P<open>[‘'])(?=\w)(?P<body>.+?)(?<=[\w.,?!])[’'](?=[\s,.;:?!)—–-]|$)"
)


def _single_quoted(text: str, ps: int, pe: int, para: int) -> list[_Segment]:
    """Quotes in single marks (British style), only in paragraphs without double marks.

    An opening ‘ (or a straight ' opening the paragraph) after a space, closed by ’ before a
    space or punctuation; apostrophes inside words never open or close.
    """
    out = []
    for m in _SINGLE.finditer(text, ps, pe):
        if m.group("open") == "'" and m.start() != ps:
            continue
        out.append(_Segment(m.start() + 1, m.end() - 1, m.start(), m.end() - 1, para))
    return out


def _opens_here(text: str, pos: int) -> bool:
    """A straight mark that looks like an opener: after a space or bracket, before a word."""
    before = text[pos - 1 : pos] if pos else " "
    after = text[pos + 1 : pos + 2]
    return (before.isspace() or before in "([—–-") and bool(after) and after.isalnum()


# --------------------------------------------------------------------------- attribution

_NP = r"(?P<np>[^“”\"«»;:]{1,200}?)"
_ADV = (
    r"(?:\s+(?:has|have|had|also|later|then|once|previously|would|will|again|further|"
    r"earlier|now|recently|simply|separately|repeatedly|quickly|only))*"
)
_TAIL_INVERTED = re.compile(
    r"^[\s,—–-]*(?P<verb>" + _VERB_ALT.replace(" ", r"\s+") + r")\s+(?P<np>[^,;:“”\"«»?!]+?)"
    r"(?:\s*,\s*(?!\w+ing\s)(?P<appos>[^“”\"«»]*?))?\s*(?:[.?!]\s*$|$|,?\s+(?:\w+ing\s|who\s|"
    r"in an? |on |during |at a |after |before |when |while |last |this |earlier |in \w+ |to ))"
)
_TAIL_NORMAL = re.compile(
    r"^[\s,—–-]*" + _NP + _ADV + r"\s+(?P<verb>" + _VERB_ALT.replace(" ", r"\s+") + r")(?![\w’'-])"
)
_TAIL_OTHER = re.compile(
    r"^[\s,—–-]*(?:(?:is|was|are|were)\s+(?:an?\s+[\w\s-]{1,30}?\s+)?attributed\s+to\s+(?P<np1>[^,.;“”\"]+)"
    r"|as\s+(?P<np2>[^,.;“”\"]{1,80}?)"
    + _ADV
    + r"\s+(?P<verb2>"
    + _VERB_ALT.replace(" ", r"\s+")
    + r")(?![\w’'-])|according\s+to\s+(?P<np3>[^,.;“”\"]+))"
)
_LEAD_ACCORDING = re.compile(r"[Aa]ccording\s+to\s+(?P<np>[^,:“”\"]+)[,:]\s*$")
_ENDS_WITH_VERB = re.compile(
    r"(?:^|[\s,])(?:"
    + _VERB_ALT.replace(" ", r"\s+")
    + r")(?:(?:\s+[\w’'.-]+){0,3}\s*[:,]|\s*[:,]?)\s*$"
)


def _last_clause_break(pre: str) -> int:
    """Where the last `_CLAUSE_RE` match in `pre` sits (-1 if none), for text whose only
    whitespace is single spaces: every match is one character, so str.rfind finds it."""
    j = max(pre.rfind(c) for c in ";:—–(")
    for stop in (". ", "? ", "! "):
        k = pre.rfind(stop)
        if k >= 0 and k + 1 > j:
            j = k + 1
    return j


def _subject_before(pre: str, lex: _Lexicon) -> tuple[_Who | None, str | None]:
    """The speaker named right before a speech verb, with the role from an appositive."""
    pre = pre.rstrip()
    words = pre.split()
    while words and words[-1].lower().strip(",") in _AUX:
        words = words[:-1]
    pre = " ".join(words)
    if not pre:
        return None, None
    clause = pre[_last_clause_break(pre) + 1 :]  # _CLAUSE_RE.split(pre)[-1]
    if clause.endswith(","):
        parts = clause[:-1].split(",")
        k = 0
        while k < len(parts) - 1 and parts[k].split()[:1] and parts[k].split()[0].lower() in _INTRO:
            k += 1  # "In Syria, the minister, a veteran, said"
        if len(parts) > k + 1:
            who = _longest_suffix(parts[k], lex)
            named = _analyse(parts[k + 1], lex, attribution=False)
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
        who = _longest_suffix(head, lex)
        if who is not None and who.kind == "person" and _APPOS_START_RE.match(rest):
            return who, rest
        clause = clause.rsplit(",", 1)[1]
    return _longest_suffix(clause, lex), None


_STOP_SUFFIX = frozenset(("that", "which", "who", "where", "when", "because"))


def _longest_suffix(text: str, lex: _Lexicon, max_words: int = 12) -> _Who | None:
    # Only the last `max_words` words matter: the reading is cached by them.
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


def _longest_prefix(text: str, lex: _Lexicon, max_words: int = 10) -> _Who | None:
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


def _copy(who: _Who) -> _Who:
    return _Who(who.speaker, who.kind, who.role, who.organisation, who.type, who.plural)


def _attribute_tail(tail: str, lex: _Lexicon) -> tuple[_Who | None, str | None, str | None]:
    """(speaker, verb, appositive) from the words right after a closing quotation mark."""
    m = _TAIL_OTHER.match(tail)
    if m:
        if m.group("np1"):
            return _longest_prefix(m.group("np1"), lex), "attributed to", None
        if m.group("np2"):
            return _analyse(m.group("np2"), lex), m.group("verb2").lower(), None
        return _longest_prefix(m.group("np3"), lex), "according to", None
    m = _TAIL_INVERTED.match(tail)
    if m:
        who = _analyse(m.group("np"), lex)
        if who is not None:
            return who, m.group("verb").lower(), m.group("appos")
    m = _TAIL_NORMAL.match(tail)
    if m:
        np_text = m.group("np")
        appos = None
        if "," in np_text:
            np_text, appos = np_text.split(",", 1)
        who = _analyse(np_text, lex)
        if who is not None:
            return who, " ".join(m.group("verb").lower().split()), appos
    return None, None, None


# --------------------------------------------------------------------------- one article

_NAME_RX = r"[A-Z][\w’'-]+(?:\s+(?:[A-Z][\w’'-]+|(?:al|el|bin|ibn|abu)-[\w’'-]+|bin|ibn|abu)){1,3}"
_NAME_BEFORE = re.compile(
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
_DESCRIPTION = re.compile(
    r"[Tt]he\s+(?P<mods>(?:[\w.-]+\s+){0,3}?)(?P<noun>newspaper|paper|daily|"
    r"broadsheet|tabloid|broadcaster|network|channel|magazine|outlet|publication|website)"
    r"(?![\w’'-])"
)
_NOUN_WORDS = (
    "newspaper paper daily broadsheet tabloid broadcaster network channel magazine outlet "
    "publication website"
).split()
_DESCRIPTION_NOUN = re.compile("(?:" + "|".join(_NOUN_WORDS) + r")(?![\w’'-])")


def _description_nouns(text: str, first: int, last: int):
    """`_DESCRIPTION_NOUN.finditer(text, first, last)`, trying only where a noun is spelled.

    The regex would be tried at every position; str.find jumps straight to the candidates.
    """
    starts = set()
    for word in _NOUN_WORDS:
        i = text.find(word, first, last)
        while i >= 0:
            starts.add(i)
            i = text.find(word, i + 1, last)
    end = first
    for i in sorted(starts):
        if i >= end:
            m = _DESCRIPTION_NOUN.match(text, i, last)
            if m is not None:
                end = m.end()
                yield m


_ANONYMITY = re.compile(
    r"(?:on|under)\s+(?:the\s+)?(?:condition|promise)\s+of\s+anonymity|requested\s+anonymity"
    r"|spoke\s+anonymously|declin\w*\s+to\s+be\s+(?:named|identified)"
    r"|(?:was|were)\s+not\s+(?:authori[sz]ed|allowed|permitted)\s+to\s+speak|who\s+asked\s+not\s+"
    r"to\s+be\s+(?:named|identified)",
    re.IGNORECASE,
)
# The same pattern for lowercased text, with a literal opening each branch: it runs several
# times faster than the case-insensitive one (see _anonymity).
_ANONYMITY_LOWER = re.compile(
    r"on\s+(?:the\s+)?(?:condition|promise)\s+of\s+anonymity"
    r"|under\s+(?:the\s+)?(?:condition|promise)\s+of\s+anonymity|requested\s+anonymity"
    r"|spoke\s+anonymously|declin\w*\s+to\s+be\s+(?:named|identified)"
    r"|was\s+not\s+(?:authori[sz]ed|allowed|permitted)\s+to\s+speak"
    r"|were\s+not\s+(?:authori[sz]ed|allowed|permitted)\s+to\s+speak"
    r"|who\s+asked\s+not\s+to\s+be\s+(?:named|identified)"
)


def _anonymity(text: str):
    """`_ANONYMITY.finditer(text)`, run on the lowercased text when that gives the same matches.

    Lowercasing keeps offsets when no character lowercases to two; ı and ſ are the only
    characters that the case-insensitive pattern treats differently from their lowercase.
    """
    low = text.lower()
    if len(low) != len(text) or "ı" in text or "ſ" in text:
        return _ANONYMITY.finditer(text)
    return _ANONYMITY_LOWER.finditer(low)


_INDIRECT_FINAL = re.compile(
    r",\s*(?:(?P<np>[^,;:“”\"]{1,80}?)"
    + _ADV
    + r"\s+(?P<verb>"
    + _IND_ALT.replace(" ", r"\s+")
    + r")|(?P<verb2>reports|reported|says|said|writes|wrote|according\s+to)\s+(?P<np2>[^,;:“”\"]{1,60}?))"
    r"(?:\s+(?:on|in|last|this|earlier|late|[A-Z]\w+day|a|an|the)(?:\s+[\w’'-]+){0,4})?\s*[.?!]?\s*$"
)
_ACCORDING = re.compile(r"(?<![\w’'-])[Aa]ccording\s+to\s+(?P<np>[^,;:“”\"]+)")
_SENT_SUBJECT = re.compile(
    r"^(?:[A-Z][\w ]{0,20},\s+)?(?P<np>(?:[Tt]he\s+)?[A-Z][^,;:]{0,80}?)\s+(?:also\s+|has\s+|have\s+|had\s+)*(?:put|issued|released|published|spoke|posted|made)\b"
)


@dataclass(slots=True)
class _Article:
    article_id: str
    text: str
    paras: list[tuple[int, int, int]]  # (paragraph_id, start, end) of body paragraphs
    sents: list[tuple[int, int, int, int]]  # (sentence_id, paragraph index, start, end)
    publisher: str | None
    cues: frozenset = frozenset()  # sentence ids holding a word that may attribute a claim
    ends: list | None = None  # sentence ends, when they and paragraph indexes never decrease


def _mask(text: str, segments: list[_Segment]) -> str:
    return _mask_spans(text, [(seg.open_pos, seg.close_pos) for seg in segments])


def _mask_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with each quotation (opening mark to closing mark) blanked out."""
    if not spans:
        return text
    pieces, last = [], 0
    for open_pos, close_pos in spans:
        pieces.append(text[last:open_pos])
        stop = min(close_pos + 1, len(text))
        pieces.append(" " * (stop - open_pos))
        last = stop
    pieces.append(text[last:])
    return "".join(pieces)


@dataclass(slots=True)
class _Scan:
    """What find_quotes learnt of one article's text that find_sources needs again."""

    text: str
    paras: tuple[int, ...]  # _flat(art.paras): one object for the collector, not one per row
    publisher: str | None
    lex: _Lexicon
    masked: str  # the text with quotations blanked out (_mask)
    mentions: list | None = None  # _body_mentions, when find_quotes needed them
    outlets: list | None = None  # _outlet_mentions, likewise


def _flat(paras: list[tuple[int, int, int]]) -> tuple[int, ...]:
    return tuple(chain.from_iterable(paras))


# The scans of the latest find_quotes call, by article id; find_sources takes them once.
_SCANS: dict[str, _Scan] = {}


_FIRST = itemgetter(0)


def _sentence_at(art: _Article, starts: list[int], pos: int) -> tuple[int, int, int, int]:
    k = bisect.bisect_right(starts, pos) - 1
    return art.sents[k if k > 0 else 0]


class _People:
    """Who has been named so far in one article: speakers as found, mentions scanned lazily."""

    def __init__(self, art: _Article, masked: str, lex: _Lexicon) -> None:
        self.art, self.masked, self.lex = art, masked, lex
        self.spoken: list[tuple[int, _Who]] = []
        self._mentions: dict[int, list[tuple[int, _Who]]] = {}

    def add(self, pos: int, who: _Who | None) -> None:
        if who is not None and who.kind not in ("pronoun", "description", "short"):
            bisect.insort(self.spoken, (pos, who), key=_FIRST)

    def mentions(self, k: int) -> list[tuple[int, _Who]]:
        """People named in body paragraph k outside quotes (appositives, roles, "one official")."""
        if k not in self._mentions:
            _, ps, pe = self.art.paras[k]
            self._mentions[k] = _paragraph_people(self.masked, ps, pe, self.lex)
        return self._mentions[k]

    def known(self) -> list[tuple[int, _Who]]:
        """Speakers and the mentions scanned so far, in document order."""
        found = [m for k in sorted(self._mentions) for m in self._mentions[k]] + self.spoken
        return sorted(found, key=_FIRST)

    def resolve(self, who: _Who | None, pos: int, para: int) -> _Who | None:
        """A pronoun becomes the most recent fitting speaker or person mentioned before `pos`."""
        if who is None or who.kind != "pronoun":
            return who
        low = who.speaker.lower()

        def fits(cand: _Who) -> bool:
            if low in ("he", "she", "i"):
                return cand.kind == "person" or cand.kind == "anonymous" and not cand.plural
            if low == "it":
                return cand.kind in ("organization", "outlet")
            return cand.plural or cand.kind == "organization"

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
        return best[1] if best is not None else who


def _bounded(rx: re.Pattern, text: str):
    """Matches of `rx` that start at a word boundary (checked here, not by a slow lookbehind)."""
    for m in rx.finditer(text):
        i = m.start()
        if i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "_-’'"):
            yield m


def _paragraph_people(masked: str, ps: int, pe: int, lex: _Lexicon) -> list[tuple[int, _Who]]:
    ptext = masked[ps:pe]
    found = []
    appositive = _APPOS_HINT.search(ptext) is not None  # cheap tests before the full patterns
    for m in _bounded(_CAND_APPOS, ptext) if appositive else ():
        who = _analyse(m.group("name"), lex, attribution=False)
        if who is not None and who.kind == "person":
            rest = ptext[m.end() :]
            who.role, who.organisation = _appositive(_APPOS_END_RE.split(rest, maxsplit=1)[0], lex)
            found.append((ps + m.start(), who))
    for m in _NAME_ANY.finditer(ptext):  # "resident Ahmed al-Issawy", "Gen. Yahya Rasoul"
        before = ptext[max(0, m.start() - 40) : m.start()].split()
        if not before or before[-1][-1:] in ".?!":  # a name opening a sentence: "Maria Lopez lost"
            if _SUBJECT_NEXT.match(ptext, m.end()):
                who = _analyse(m.group(), lex, attribution=False)
                if who is not None and who.kind == "person" and " " in who.speaker:
                    found.append((ps + m.start(), who))
            continue
        if before[-1].lower() not in _ROLE_WORDS:
            continue
        who = _analyse(ptext[max(0, m.start() - 40) : m.end()].split(",")[-1], lex, False)
        if who is not None and who.kind == "person":
            found.append((ps + m.start(), who))
    anonymous = _ANON_HINT.search(ptext) is not None
    for m in _bounded(_CAND_ANON, ptext) if anonymous else ():
        who = _analyse(m.group("np"), lex)
        if who is not None and who.kind == "anonymous":
            found.append((ps + m.start(), who))
    return sorted(found, key=_FIRST)


_CUE_WORDS = frozenset(
    _INDIRECT_VERBS + _PARTICIPLES + ["according", "pointed", "points", "spoke", "went"]
)


def _article_rows(art: _Article, lex: _Lexicon, scans: dict[str, _Scan]) -> list[dict]:
    text = art.text
    para_spans = [(s, e) for _, s, e in art.paras]
    segments = _find_segments(text, para_spans)
    masked = _mask(text, segments)
    scan = scans[art.article_id] = _Scan(text, _flat(art.paras), art.publisher, lex, masked)
    starts = [s[2] for s in art.sents]
    ends = [s[3] for s in art.sents]
    pidx = [s[1] for s in art.sents]
    if ends == sorted(ends) and pidx == sorted(pidx):
        art.ends = ends
    people = _People(art, masked, lex)
    by_para: dict[int, list[_Segment]] = {}
    for seg in segments:
        by_para.setdefault(seg.para, []).append(seg)
    # Quotes and sentences in document order, so speakers found earlier can resolve pronouns.
    events = [(seg.open_pos, 0, seg) for seg in segments]
    cues = art.cues  # other sentences hold no attribution word: their events would do nothing
    events += [(s[3], 1, s) for s in art.sents if s[0] in cues]
    events.sort(key=itemgetter(0, 1))
    rows: list[dict] = []
    quoted_sents: set[int] = set()
    for _, what, item in events:
        if what == 1:
            sid, pidx, s_start, s_end = item
            if sid in quoted_sents:
                continue
            sent = masked[s_start:s_end]
            for who, verb, (q0, q1) in _indirect_rows(sent, lex):
                anchor = s_start + len(sent.rstrip()) - 1
                if who.kind == "pronoun":  # resolve() returns anything else as it is
                    who = people.resolve(who, anchor, pidx)
                if who.kind == "pronoun":
                    continue
                if who.kind in ("person", "anonymous", "organization"):
                    people.add(anchor, who)
                rows.append(
                    _row(art, starts, s_start + q0, s_start + q1, "indirect", who, verb, para_spans)
                )
            continue
        seg = item
        siblings = by_para[seg.para]
        idx = next(k for k, o in enumerate(siblings) if o is seg)
        if _classify(seg, idx, siblings, art, starts, masked, text, para_spans, people, lex):
            quoted_sents.add(_sentence_at(art, starts, seg.open_pos)[0])
            quoted_sents.add(_sentence_at(art, starts, max(seg.close_pos - 1, seg.open_pos))[0])
    quoted = [s for s in segments if s.kind]
    # 2. Quotes without attribution keep the speaker of the quote next to them.
    for idx, seg in enumerate(quoted):
        if seg.who is not None or seg.kind != "direct":
            continue
        same = [
            o for o in quoted if o.para == seg.para and o.who is not None and o.kind == "direct"
        ]
        before = [o for o in same if o.open_pos < seg.open_pos]
        if before or same:
            src = (before or same)[-1] if before else same[0]
            seg.who, seg.verb = src.who, src.verb
            continue
        prev = quoted[idx - 1] if idx else None
        if (
            prev is not None
            and prev.para == seg.para - 1
            and prev.who is not None
            and (prev.continues or text[para_spans[seg.para][0]] in _OPENERS + '"')
        ):
            seg.who, seg.verb = prev.who, prev.verb
    for seg in reversed(quoted):  # a quote continued over paragraphs, attributed at its end
        if seg.who is None and seg.continues:
            nxt = next((o for o in quoted if o.para == seg.para + 1), None)
            if nxt is not None and nxt.who is not None:
                seg.who, seg.verb = nxt.who, nxt.verb

    rows.extend(
        _row(art, starts, seg.start, seg.end, seg.kind, seg.who, seg.verb, para_spans)
        for seg in quoted
    )
    return _finish(art, rows, people, lex, masked, scan)


def _sentences_before(art: _Article, pos: int, min_para: int) -> list:
    """`[s for s in art.sents if s[3] <= pos and s[1] >= min_para]`, or its last item only.

    Only the last sentence is used; when sentence ends and paragraph indexes both rise through
    the article (they do for read_corpus output), bisect finds it.
    """
    ends = art.ends
    if ends is None:
        return [s for s in art.sents if s[3] <= pos and s[1] >= min_para]
    j = bisect.bisect_right(ends, pos)
    return [art.sents[j - 1]] if j and art.sents[j - 1][1] >= min_para else []


def _classify(seg, idx, siblings, art, starts, masked, text, para_spans, people, lex) -> bool:
    """Decide direct / partial / not a quote, and find the attribution; True when a quote."""
    _, pidx, s_start, s_end = _sentence_at(art, starts, seg.open_pos)
    p_start, p_end = para_spans[seg.para]
    # max/min over the siblings before and after, with the common short cases spelled out.
    if idx == 0:
        prev_close = p_start
    elif idx == 1:
        prev_close = siblings[0].close_pos + 1
    else:
        prev_close = max(o.close_pos + 1 for o in siblings[:idx])
    n_after = len(siblings) - idx - 1
    if n_after == 0:
        next_open = p_end
    elif n_after == 1:
        next_open = siblings[-1].open_pos
    else:
        next_open = min(o.open_pos for o in siblings[idx + 1 :])
    lead = masked[max(s_start, prev_close) : seg.open_pos]
    close_sent = _sentence_at(art, starts, min(seg.close_pos, p_end - 1))
    tail = text[seg.close_pos + 1 : min(close_sent[3], next_open)] if seg.close_pos < p_end else ""
    lead_stripped = lead.strip(" \u00a0")
    standalone = (
        not lead_stripped
        or lead_stripped.endswith(":")
        or bool(_ENDS_WITH_VERB.search(lead_stripped[-80:]))
        or bool(_LEAD_ACCORDING.search(lead))
    )
    content = text[seg.start : seg.end]
    adjacent = standalone or content[-1:] in ",.?!" or tail.lstrip(" ").startswith(",")
    who, verb, appos = _attribute_tail(tail[:200], lex) if adjacent else (None, None, None)
    anchor = seg.close_pos
    if who is None and lead_stripped:
        m = _LEAD_ACCORDING.search(lead)
        if m:
            who, verb = _longest_prefix(m.group("np"), lex), "according to"
        else:
            verbs = list(_VERB_RE.finditer(lead_stripped)) if standalone else []
            m = verbs[-1] if verbs else None
            # "X said:", "X told Reuters," — the verb near the end of the lead, X before it.
            if m and len(lead_stripped) - m.end() <= 40 and m.start() > 0:
                who, appos = _subject_before(lead_stripped[: m.start()], lex)
                verb = " ".join(m.group(1).lower().split())
        anchor = seg.open_pos
    if standalone:
        seg.kind = "direct"
        if who is None:
            # Attribution in the sentence before: in the same paragraph, or ending in a colon.
            prev = _sentences_before(art, seg.open_pos, seg.para - 1)
            sent = masked[prev[-1][2] : prev[-1][3]].rstrip() if prev else ""
            if sent and (sent.endswith(":") or prev[-1][1] == seg.para):
                m = _VERB_RE.search(sent)
                if m:
                    who, appos = _subject_before(sent[: m.start()], lex)
                    verb = " ".join(m.group(1).lower().split())
                    anchor = prev[-1][2] + m.start()
    else:
        n_words = len(text[seg.start : seg.end].split())
        if who is None:
            # A partial quote: the speech verb of its own sentence, before the quote.
            sentence = masked[s_start : seg.open_pos]
            finite = [m for m in _VERB_RE.finditer(sentence)]
            if finite and (n_words > 2 or len(sentence[finite[-1].end() :].split()) <= 8):
                m = finite[0]
                who, appos = _subject_before(sentence[: m.start()], lex)
                verb = " ".join(m.group(1).lower().split())
                anchor = s_start + m.start()
        if who is None:
            return False  # scare quotes, titles, names in quotes
        seg.kind = "partial"
    if who is not None and appos and who.kind == "person":
        role, org = _appositive(appos, lex)
        who.role = role or who.role
        who.organisation = org or who.organisation
    if who is not None and who.kind == "pronoun":  # resolve() returns anything else as it is
        who = people.resolve(who, anchor, seg.para)
    seg.who, seg.verb, seg.anchor = who, verb, anchor
    people.add(anchor, seg.who)
    return True


_BELIEF_VERBS = frozenset("fear fears feared believe believes".split())
_BELIEF_OBJECT = re.compile(
    r"\s+(?:that\s|(?:[\w’'-]+\s+){1,3}(?:could|would|will|may|might|is|are|was|were|has|have"
    r"|had|can)\s)"
)
_DATA_VERBS = frozenset(
    "indicated indicate indicates recording recorded estimate estimates estimated".split()
)


_WHEN_SPLIT_RE = re.compile(r"\s+(?:on|in|last|this|earlier)\s+(?=[A-Z0-9]|\w+day)")
_THAT_RE = re.compile(
    r"\s+(?:also\s+)?(?:(?:to|on|in)\s+[\w’'.-]+(?:\s+[\w’'.-]+)?\s+)?(?:that\s+)?"
)


def _indirect(sent: str, lex: _Lexicon) -> list[tuple[_Who, str, tuple[int, int]]]:
    """Attributions in one sentence: (speaker, verb, span of the attributed words)."""
    out = []
    body = sent.rstrip()
    m = _ACCORDING.search(body) if "ccording" in body else None
    if m:
        np_text = _WHEN_SPLIT_RE.split(m.group("np"))[0]
        who = _longest_prefix(np_text, lex)
        if who is not None:
            if m.start() < 3:
                span = (m.end(), len(body))
            else:
                span = (0, m.start())
            out.append((who, "according to", _trim_span(sent, span)))
    tail_words = body[-90:].lower().replace(",", " ").replace(".", " ").split()[-9:]
    final_cue = not _CUE_WORDS.isdisjoint(tail_words)
    m = (
        _INDIRECT_FINAL.search(body, max(0, body.rfind(",", 0, len(body) - 100)))
        if final_cue
        else None
    )
    if m and not out:
        np_text = m.group("np") or m.group("np2")
        verb = m.group("verb") or m.group("verb2")
        who = _longest_suffix(np_text, lex) if m.group("np") else _analyse(np_text, lex)
        if who is not None and who.kind == "pronoun" and not m.group("np"):
            who = None  # "…, said he had been arrested" is not an inverted attribution
        if who is not None and (who.kind != "person" or " " in who.speaker or m.group("np")):
            out.append((who, " ".join(verb.lower().split()), _trim_span(sent, (0, m.start()))))
            return out
    if out:
        return out
    for m in _IND_RE.finditer(body):
        verb = " ".join(m.group(1).lower().split())
        window = body[max(0, m.start() - 60) : m.start()]
        if ("who" in window or "which" in window or "that" in window) and _RELATIVE_END_RE.search(
            window
        ):
            continue  # the verb of a relative clause ("…, who has reported from Iraq, says")
        if verb in _BELIEF_VERBS and not _BELIEF_OBJECT.match(body, m.end()):
            continue
        if verb in _DATA_VERBS and _TO_BY_RE.match(body, m.end()):
            continue
        if verb in _PARTICIPLES:
            sm = _SENT_SUBJECT.match(body)
            who = _analyse(sm.group("np"), lex) if sm else None
        else:
            who, appos = _subject_before(body[: m.start()], lex)
            if who is not None and appos and who.kind == "person":
                who.role, who.organisation = _appositive(appos, lex)
        if who is None:
            continue
        if (
            who.kind == "person"
            and " " not in who.speaker
            and not verb.startswith(("sa", "to", "wr"))
        ):
            continue
        q0 = m.end()
        tm = _THAT_RE.match(body, q0)  # match(body[q0:]) without the copy
        q0 = tm.end() if tm else q0
        out.append((who, verb, _trim_span(sent, (q0, len(body)))))
        break
    return out


def _indirect_rows(sent: str, lex: _Lexicon):
    """`_indirect`, plus a second attribution after a leading "According to X, …"."""
    found = _indirect(sent, lex)
    m = _ACCORDING.match(sent.lstrip()) if found and "ccording" in sent else None
    if found and m:
        offset = len(sent) - len(sent.lstrip())
        comma = sent.find(",", offset + m.start())
        if comma > 0:
            rest = _indirect(" " * (comma + 1) + sent[comma + 1 :], lex)
            found += [r for r in rest if r[1] != "according to"]
    return found


def _trim_span(sent: str, span: tuple[int, int]) -> tuple[int, int]:
    a, b = span
    while a < b and sent[a] in " ,;:\u00a0":
        a += 1
    while b > a and sent[b - 1] in " ,;:.\u00a0":
        b -= 1
    if b > a and any(c.isalnum() for c in sent[a:b]):
        return a, b
    a, b = 0, len(sent.rstrip())
    return a, b


def _row(art, starts, start, end, kind, who, verb, para_spans) -> dict:
    sid, pidx, _, _ = _sentence_at(art, starts, start)
    return {
        "article_id": art.article_id,
        "paragraph_id": art.paras[pidx][0],
        "sentence_id": sid,
        "kind": kind,
        "quote": art.text[start:end],
        "who": who,
        "verb": verb,
        "start": start,
        "end": end,
    }


_TYPE_RULES = [
    ("militant", r"jihadist|militant|insurgent|islamic state|isis|al-qaeda|taliban"),
    ("media", r"correspondent|journalist|reporter|editor|columnist|newspaper|broadcaster"),
    (
        "expert/research",
        r"expert|analyst|research|scholar|professor|fellow|academic|director at|think tank"
        r"|observer|monitor|study|studies|institute|university",
    ),
    (
        "military/security",
        r"army|military|officer|general|\bgen\.|\bcol\.|colonel|commander|soldier|fighter"
        r"|security|counter-terror|intelligence|police|defen[cs]e|troops|forces?\b|spokesman for"
        r" .*command|militia|peshmerga|\bforce\b",
    ),
    (
        "government",
        r"official|minister|president|government|diplomat|governor|mayor|ambassador"
        r"|spokes(?:man|woman|person)|authorit|inspector|ministry|leaders?\b|state department",
    ),
    (
        "civilian",
        r"resident|local|civilian|man\b|woman|villager|farmer|shop|people|citizen"
        r"|rights|survivor|father|mother|driver|teacher|doctor|tribal|elder|refugee",
    ),
]
_TYPE_RES = [(t, re.compile(p, re.IGNORECASE)) for t, p in _TYPE_RULES]


def _source_type(who: _Who | None, lex: _Lexicon) -> str:
    if who is None:
        return "unknown"
    key = ("type", who.kind, who.type, who.role, who.speaker, who.organisation)
    found = lex.cache.get(key)
    if found is None:
        found = lex.cache[key] = _infer_type(who, lex)
    return found


def _infer_type(who: _Who, lex: _Lexicon) -> str:
    if who.type:
        return who.type
    if who.organisation and who.organisation in lex.entities:
        return lex.entities[who.organisation].type
    if who.kind == "outlet":
        return "media"
    text = " ".join(x for x in (who.role, who.speaker, who.organisation) if x)
    for t, rx in _TYPE_RES:
        if rx.search(text):
            return t
    return "unknown"


def _body_mentions(art: _Article, lex: _Lexicon, masked: str) -> list[tuple[int, int, _Entity]]:
    """Every outlet and organisation variant named in body paragraphs outside quotes, in order."""
    paras = art.paras
    first, last, by_variant = paras[0][1], paras[-1][2], lex.by_variant
    gaps_blank = all(s <= e for _, s, e in paras) and all(
        ps == pe or (ps > pe and masked[pe:ps].isspace())
        for (_, _, pe), (_, ps, _) in zip(paras, paras[1:], strict=False)
    )
    if gaps_blank and lex.starts_unspaced:
        # Only blanks between body paragraphs, where no variant can start: no match to drop.
        return [
            (i, m.end(), by_variant[m.group(1)])
            for m in lex.mention_re.finditer(masked, first, last)
            if not (i := m.start()) or not (masked[i - 1].isalnum() or masked[i - 1] in "_-’'")
        ]
    ends = [pe for _, _, pe in paras]
    n, out, k = len(ends), [], 0
    ordered = all(a <= b for a, b in zip(ends, ends[1:], strict=False))
    for m in lex.mention_re.finditer(masked, first, last):
        i = m.start()  # lex.mentions() inlined: a mention starts at a word boundary
        if i and (masked[i - 1].isalnum() or masked[i - 1] in "_-’'"):
            continue
        if ordered:  # matches come in order: walk to bisect_left(ends, i)
            while k < n and ends[k] < i:
                k += 1
        else:
            k = bisect.bisect_left(ends, i)
        if k < n and paras[k][1] <= i:
            out.append((i, m.end(), by_variant[m.group(1)]))
    return out


def _short_matches(lex: _Lexicon, text: str, first: int, last: int):
    """`lex.short_re.finditer(text, first, last)`, tried only where "the" precedes a short form.

    Each short form's first word is found with str.find; the regex runs from the "The"/"the"
    right before the blanks in front of it.
    """
    starts = set()
    for head in {short.split(" ")[0] for short in lex.short}:
        q = text.find(head, first, last)
        while q >= 0:
            w = q
            while w > first and text[w - 1].isspace():
                w -= 1
            if w < q and w - 3 >= first and text[w - 3 : w] in ("The", "the"):
                starts.add(w - 3)
            q = text.find(head, q + 1, last)
    end = first
    for i in sorted(starts):
        if i >= end:
            m = lex.short_re.match(text, i, last)
            if m is not None:
                end = m.end()
                yield m


def _outlet_mentions(
    art: _Article, lex: _Lexicon, masked: str, mentions: list | None = None
) -> list[tuple[int, int, _Entity]]:
    """Every outlet named in the body (variants, short forms, clear descriptions), in order."""
    if mentions is None:
        mentions = _body_mentions(art, lex, masked)
    found = [f for f in mentions if f[2].kind == "outlet"]
    extra = []
    first, last = art.paras[0][1], art.paras[-1][2]
    if lex.short_re is not None and any(" " + short in masked for short in lex.short):
        for m in _short_matches(lex, masked, first, last):
            if m.start() and (masked[m.start() - 1].isalnum() or masked[m.start() - 1] in "-’'"):
                continue
            options = lex.short[m.group(1)]
            seen = [f[2] for f in found if f[0] < m.start() and f[2] in options]
            if seen:
                extra.append((m.start(), m.end(), seen[-1]))
            elif len(options) == 1 or art.publisher in [o.name for o in options]:
                pub = [o for o in options if o.name == art.publisher]
                extra.append((m.start(), m.end(), (pub or options)[0]))
    # A description can only point back at an outlet named before it, so the nouns are looked
    # for from the first outlet on (it starts a word, so no noun match straddles it).
    since = max(first, min(f[0] for f in found + extra)) if found or extra else last
    for n in _description_nouns(masked, since, last) if found or extra else ():
        m = _DESCRIPTION.search(masked, max(first, n.start() - 45), n.end())
        if m is None or m.end() != n.end():
            continue
        if m.start() and (masked[m.start() - 1].isalnum() or masked[m.start() - 1] in "-’'"):
            continue
        ent = _describe(m, found + extra, art.publisher)
        if ent is not None:
            extra.append((m.start(), m.end(), ent))
    return sorted(found + extra, key=_FIRST)


def _describe(m: re.Match, mentions: list, publisher: str | None) -> _Entity | None:
    """The outlet a description such as "the American newspaper" refers to, when clear."""
    medium = _OUTLET_NOUNS[m.group("noun").lower()]
    mods = m.group("mods").lower().split()
    countries = {_DEMONYMS[w] for w in mods if w in _DEMONYMS and _DEMONYMS[w]}
    fitting = []
    for start, _, ent in mentions:
        if start >= m.start() or ent.name == publisher:
            continue
        if medium and ent.medium and ent.medium != medium:
            continue
        if countries and ent.country and ent.country not in countries:
            continue
        fitting.append(ent)
    return fitting[-1] if fitting else None


def _finish(
    art: _Article, rows: list[dict], people: _People, lex: _Lexicon, masked: str, scan: _Scan
) -> list[dict]:
    full_names: dict[str, _Who] = {}
    surnames = {
        r["who"].speaker
        for r in rows
        if r["who"] is not None and r["who"].kind == "person" and " " not in r["who"].speaker
    }
    first, last = art.paras[0][1], art.paras[-1][2]
    for surname in sorted(surnames):  # a surname alone: find the full name in the article
        i = masked.find(surname, first, last)
        while i >= 0:
            m = _NAME_BEFORE.search(masked, max(first, i - 60), i)
            if m is not None:
                who = _analyse(m.group() + surname, lex, attribution=False)
                if who is not None and who.kind == "person" and " " in who.speaker:
                    full_names.setdefault(who.speaker, who)
            i = masked.find(surname, i + len(surname), last)
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
    # One role per person: the first descriptive one (an appositive beats a bare title).
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
        descriptive = bool(who.role and _LOWER_RE.search(who.role))
        if role is None or descriptive and not _LOWER_RE.search(role):
            role = who.role or role
        roles[name] = (role, org or who.organisation)
    anon = (
        sorted(
            [(p, w) for p, w in cands if w.kind == "anonymous" and not w.plural]
            + [
                (r["start"], r["who"])
                for r in rows
                if r["who"] is not None and r["who"].kind == "anonymous" and not r["who"].plural
            ],
            key=_FIRST,
        )
        if any_the
        else []
    )
    outlets = None
    out = []
    for row in sorted(rows, key=itemgetter("start", "end")):
        who = row.pop("who")
        if who is not None:
            who = _Who(who.speaker, who.kind, who.role, who.organisation, who.type, who.plural)
            if who.kind == "person" and " " not in who.speaker:
                match = [w for n, w in full_names.items() if who.speaker in n.split()]
                if match:
                    who.speaker = match[0].speaker
            if who.kind == "person" and who.speaker in roles:
                who.role, who.organisation = roles[who.speaker]
            if who.kind == "description":
                if outlets is None:
                    scan.mentions = _body_mentions(art, lex, masked)
                    outlets = scan.outlets = _outlet_mentions(art, lex, masked, scan.mentions)
                ent = None
                dm = _DESCRIPTION.search(who.speaker)
                if dm:
                    before = [o for o in outlets if o[0] < row["start"]]
                    ent = _describe_at(dm, before, art.publisher)
                who = (
                    _Who(ent.name, "outlet", None, None, "media")
                    if ent
                    else _Who(who.speaker, "outlet", None, None, "media")
                )
            if who.kind == "short":
                if outlets is None:
                    scan.mentions = _body_mentions(art, lex, masked)
                    outlets = scan.outlets = _outlet_mentions(art, lex, masked, scan.mentions)
                options = lex.short.get(who.speaker, [])
                seen = [o[2] for o in outlets if o[0] < row["start"] and o[2] in options]
                ent = seen[-1] if seen else (options[0] if len(options) == 1 else None)
                if ent is None or ent.name == art.publisher:
                    continue  # an unclear short form, or the article's own publisher
                who = _Who(ent.name, "outlet", None, None, "media")
            if who.kind in ("outlet",) and who.speaker == art.publisher:
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
                    who = _Who(
                        earlier[-1].speaker,
                        "anonymous",
                        earlier[-1].role,
                        earlier[-1].organisation,
                        earlier[-1].type,
                    )
            if who.kind == "pronoun":
                who = _Who(who.speaker, "unknown")
        row["speaker"] = who.speaker if who else None
        row["speaker_kind"] = who.kind if who else "unknown"
        row["speaker_role"] = who.role if who else None
        row["organisation"] = who.organisation if who else None
        row["source_type"] = _source_type(who, lex)
        out.append(row)
    return out


def _describe_at(m: re.Match, mentions: list, publisher: str | None) -> _Entity | None:
    medium = _OUTLET_NOUNS[m.group("noun").lower()]
    mods = m.group("mods").lower().split()
    countries = {_DEMONYMS[w] for w in mods if w in _DEMONYMS and _DEMONYMS[w]}
    for _, _, ent in reversed(mentions):
        if ent.name == publisher:
            continue
        if medium and ent.medium and ent.medium != medium:
            continue
        if countries and ent.country and ent.country not in countries:
            continue
        return ent
    return None


# --------------------------------------------------------------------------- public API


def _runs(keys: list) -> list[tuple[object, int, int]]:
    """(key, start, stop) of each run of equal neighbouring keys, as itertools.groupby finds them."""
    if not keys:
        return []
    a = np.array(keys, dtype=object)
    bounds = [0, *(np.flatnonzero(a[1:] != a[:-1]) + 1).tolist(), len(keys)]
    return [(keys[i], i, j) for i, j in zip(bounds[:-1], bounds[1:], strict=True)]


def _articles(corpus: Corpus, lex: _Lexicon, with_cues: bool = True):
    """One `_Article` per article with body text, in corpus order."""
    paras = corpus.paragraphs
    body = paras.loc[
        (paras["kind"] == "body").to_numpy(), ["article_id", "paragraph_id", "start", "end"]
    ]
    sents = corpus.sentences
    ids = corpus.articles["article_id"].tolist()
    texts = dict(zip(ids, corpus.articles["text"].tolist(), strict=True))
    publishers = {}
    for aid, outlet in zip(ids, corpus.articles["outlet"].tolist(), strict=True):
        ent = lex.lookup(outlet) if isinstance(outlet, str) and outlet else None
        publishers[aid] = ent.name if ent else (outlet if isinstance(outlet, str) else None)
    p_aid, p_pid = body["article_id"].tolist(), body["paragraph_id"].tolist()
    p_start, p_end = body["start"].tolist(), body["end"].tolist()
    s_aid, s_sid = sents["article_id"].tolist(), sents["sentence_id"].tolist()
    s_pid, s_start, s_end = (sents[c].tolist() for c in ("paragraph_id", "start", "end"))
    s_runs = {aid: (i, j) for aid, i, j in _runs(s_aid)}  # the last run, like a dict of groups
    cues: dict[str, set] = {}
    if with_cues:  # sentences holding a possible attribution word, found in one vectorised pass
        tokens = corpus.tokens
        cue = tokens.loc[tokens["norm"].isin(_CUE_WORDS), ["article_id", "sentence_id"]]
        c_aid, c_sid = cue["article_id"].tolist(), cue["sentence_id"].tolist()
        for aid, i, j in _runs(c_aid):
            cues.setdefault(aid, set()).update(c_sid[i:j])
    for aid, i, j in _runs(p_aid):
        pids = p_pid[i:j]
        plist = list(zip(pids, p_start[i:j], p_end[i:j], strict=True))
        index = dict(zip(pids, range(j - i), strict=True))
        si, sj = s_runs.get(aid, (0, 0))
        spids = s_pid[si:sj]
        try:
            pidx = list(map(index.__getitem__, spids))
            slist = list(zip(s_sid[si:sj], pidx, s_start[si:sj], s_end[si:sj], strict=True))
        except KeyError:  # sentences outside body paragraphs: leave them out
            slist = [
                (sid, index[pid], s, e)
                for sid, pid, s, e in zip(
                    s_sid[si:sj], spids, s_start[si:sj], s_end[si:sj], strict=True
                )
                if pid in index
            ]
        if not slist:
            continue
        yield _Article(
            aid, texts[aid], plist, slist, publishers.get(aid), frozenset(cues.get(aid, ()))
        )


@contextmanager
def _gc_paused():
    """Pause the cyclic garbage collector while the per-article rows are built.

    Rows are many small objects without cycles; with the collector running, each of its
    passes walks every row made so far, which costs several percent of the run.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def find_quotes(
    corpus: Corpus,
    extra_outlets: list | pd.DataFrame | None = None,
    extra_organisations: list | pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The `quotes` table: direct, partial and indirect quotations with their speakers."""
    lex = _lexicon(extra_outlets, extra_organisations)
    rows = []
    scans: dict[str, _Scan] = {}
    with _gc_paused():
        for art in _articles(corpus, lex):
            rows.extend(_article_rows(art, lex, scans))
        table = pd.DataFrame(rows, columns=QUOTE_COLUMNS)
        del rows  # freed before the collector resumes, so it need not walk them
    global _SCANS
    _SCANS = scans
    table["kind"] = table["kind"].astype(pd.CategoricalDtype(QUOTE_KINDS))
    for col in ("paragraph_id", "sentence_id", "start", "end"):
        table[col] = table[col].astype("int64")
    for col in (
        "quote",
        "speaker",
        "speaker_kind",
        "speaker_role",
        "organisation",
        "verb",
        "source_type",
        "article_id",
    ):
        table[col] = table[col].astype("str")
    return table.reset_index(drop=True)


# --------------------------------------------------------------------------- sources


def find_sources(
    corpus: Corpus,
    quotes: pd.DataFrame | None = None,
    extra_outlets: list | pd.DataFrame | None = None,
    extra_organisations: list | pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The `sources` table: outlets, organisations, people and anonymous sources per article."""
    lex = _lexicon(extra_outlets, extra_organisations)
    if quotes is None:
        quotes = find_quotes(corpus, extra_outlets, extra_organisations)
    cols = [
        "article_id",
        "sentence_id",
        "kind",
        "quote",
        "speaker",
        "speaker_kind",
        "speaker_role",
        "organisation",
        "source_type",
        "start",
    ]
    values = [quotes[c].astype(object).where(quotes[c].notna(), None).tolist() for c in cols]
    global _SCANS
    scans, _SCANS = _SCANS, {}
    with _gc_paused():  # many small dicts: see _gc_paused
        records = [
            {
                "article_id": a,
                "sentence_id": sid,
                "kind": k,
                "quote": q,
                "speaker": sp,
                "speaker_kind": sk,
                "speaker_role": sr,
                "organisation": o,
                "source_type": st,
                "start": s,
            }
            for a, sid, k, q, sp, sk, sr, o, st, s in zip(*values, strict=True)
        ]
        by_article: dict[str, list[dict]] = {}
        for r in records:
            by_article.setdefault(r["article_id"], []).append(r)
        rows: list[dict] = []
        for art in _articles(corpus, lex, with_cues=False):
            scan = scans.get(art.article_id)
            if scan is not None and (
                scan.lex is not lex
                or scan.text != art.text
                or scan.paras != _flat(art.paras)
                or scan.publisher != art.publisher
            ):
                scan = None  # another corpus or lexicon: scan afresh
            rows.extend(_article_sources(art, by_article.get(art.article_id, []), lex, scan))
        table = pd.DataFrame(
            rows, columns=[*SOURCE_COLUMNS[:5], "organisation", *SOURCE_COLUMNS[5:], "anonymity"]
        )
        del records, by_article, rows, scans  # freed before the collector resumes
    table["kind"] = table["kind"].astype(pd.CategoricalDtype(SOURCE_KINDS))
    for col in ("n_mentions", "n_quotes", "n_indirect", "n_words_quoted"):
        table[col] = table[col].astype("int64")
    table["anonymity"] = table["anonymity"].astype(bool)
    for col in ("article_id", "name", "role", "type", "organisation"):
        table[col] = table[col].astype("str")
    table = table.sort_values(
        ["article_id", "kind", "n_quotes", "n_indirect", "n_mentions", "name"],
        ascending=[True, True, False, False, False, True],
    )
    return table.reset_index(drop=True)


def _count_words(text: str) -> int:
    return len(_WORDS_RE.findall(text))


_WORDS_RE = re.compile(r"[^\W_][\w’'-]*")


def _article_sources(
    art: _Article, quotes: list[dict], lex: _Lexicon, scan: _Scan | None = None
) -> list[dict]:
    para_spans = [(s, e) for _, s, e in art.paras]
    if scan is None:
        masked = _mask(art.text, _find_segments(art.text, para_spans))
        scan = _Scan(art.text, (), art.publisher, lex, masked)
    masked = scan.masked
    found: dict[tuple[str, str], dict] = {}

    def entry(name: str, kind: str, role=None, type_=None, org=None) -> dict:
        key = (name.lower() if kind in ("anonymous", "document") else name, kind)
        if key not in found:
            found[key] = {
                "article_id": art.article_id,
                "name": name,
                "kind": kind,
                "role": role,
                "type": type_ or "unknown",
                "organisation": org,
                "n_mentions": 0,
                "n_quotes": 0,
                "n_indirect": 0,
                "n_words_quoted": 0,
                "anonymity": False,
            }
        e = found[key]
        e["role"] = e["role"] or role
        e["organisation"] = e["organisation"] or org
        if e["type"] == "unknown" and type_:
            e["type"] = type_
        return e

    # Speakers of quotes and attributions.
    for r in quotes:
        if not isinstance(r["speaker"], str) or r["speaker_kind"] == "unknown":
            continue
        kind = r["speaker_kind"]
        role = r["speaker_role"] if isinstance(r["speaker_role"], str) else None
        org = r["organisation"] if isinstance(r["organisation"], str) else None
        e = entry(r["speaker"], kind, role, r["source_type"], org)
        if r["kind"] == "indirect":
            e["n_indirect"] += 1
        else:
            e["n_quotes"] += 1
            e["n_words_quoted"] += _count_words(r["quote"])
        if kind in ("anonymous", "document"):
            e["n_mentions"] += 1
        if org and org in lex.entities and kind == "person":
            ent = lex.entities[org]
            entry(ent.name, ent.kind if ent.kind == "outlet" else "organization", None, ent.type)
    # Outlets named or described in the body; the article's own publisher is not a source.
    mentions = scan.mentions if scan.mentions is not None else _body_mentions(art, lex, masked)
    outlets = scan.outlets
    if outlets is None:
        outlets = _outlet_mentions(art, lex, masked, mentions)
    for _, _, ent in outlets:
        if ent.name != art.publisher:
            entry(ent.name, "outlet", None, ent.type)["n_mentions"] += 1
    for key in [k for k in found if k[1] == "outlet" and k[0] == art.publisher]:
        del found[key]
    # Organisations: counted when the list says bare mentions count, or when cited above.
    for _, _, ent in mentions:
        if ent.kind != "organization":
            continue
        key = (ent.name, "organization")
        if ent.listed == "mentioned" or key in found:
            entry(ent.name, "organization", None, ent.type)["n_mentions"] += 1
    # People: mentions of the full name or of the surname alone.
    body = None
    for (name, kind), e in found.items():
        if kind == "person":
            if body is None:
                body = "\n".join(masked[ps:pe] for ps, pe in para_spans)
            e["n_mentions"] = max(body.count(name.split()[-1]), 1)
        elif kind == "organization" and e["n_mentions"] == 0:
            e["n_mentions"] = 1
    # "speaking on the condition of anonymity": flag the unnamed source of that sentence.
    maybe = any(w in masked for w in ("nonym", "be named", "to speak", "identified"))
    for m in _anonymity(masked) if maybe else ():
        sid = _sentence_at(art, [s[2] for s in art.sents], m.start())[0]
        near = [
            r
            for r in quotes
            if r["speaker_kind"] == "anonymous" and abs(r["sentence_id"] - sid) <= 2
        ]
        if near:
            nearest = min(
                near, key=lambda r: (abs(r["sentence_id"] - sid), abs(r["start"] - m.start()))
            )
            found[(nearest["speaker"].lower(), "anonymous")]["anonymity"] = True
        else:
            entry("unnamed source", "anonymous", None, "unknown")["anonymity"] = True
    return list(found.values())


# --------------------------------------------------------------------------- summaries, figures

_TYPE_COLORS = {
    "military/security": "#0173b2",
    "government": "#de8f05",
    "expert/research": "#029e73",
    "civilian": "#cc78bc",
    "militant": "#d55e00",
    "media": "#56b4e9",
    "unknown": "#949494",
}
_KIND_COLORS = {
    "person": "#0173b2",
    "anonymous": "#949494",
    "organization": "#029e73",
    "outlet": "#de8f05",
    "document": "#cc78bc",
}


def who_is_quoted(quotes: pd.DataFrame, min_quotes: int = 1) -> pd.DataFrame:
    """Speakers of direct and partial quotes: quotes, words quoted, articles (most quoted first)."""
    q = quotes[quotes["kind"].isin(["direct", "partial"]) & quotes["speaker"].notna()]
    q = q[q["speaker_kind"] != "unknown"]
    q = q.assign(n_words=q["quote"].map(_count_words))
    out = (
        q.groupby(["speaker", "speaker_kind", "source_type"], observed=True)
        .agg(
            n_quotes=("quote", "size"),
            n_words_quoted=("n_words", "sum"),
            n_articles=("article_id", "nunique"),
        )
        .reset_index()
    )
    out = out[out["n_quotes"] >= min_quotes]
    out = out.sort_values(["n_quotes", "n_words_quoted", "speaker"], ascending=[False, False, True])
    return out.reset_index(drop=True).astype(
        {"n_quotes": "int64", "n_words_quoted": "int64", "n_articles": "int64"}
    )


def plot_who_is_quoted(
    quotes: pd.DataFrame, min_quotes: int = 1, top: int = 25
) -> tuple[plt.Figure, pd.DataFrame]:
    """Bars of quotes and of words quoted per speaker, coloured by source type."""
    data = who_is_quoted(quotes, min_quotes).head(top)
    fig, axes = plt.subplots(1, 2, figsize=(12, 0.38 * max(len(data), 3) + 1.8), sharey=True)
    colors = [_TYPE_COLORS.get(t, "#949494") for t in data["source_type"]]
    labels = data["speaker"].str.slice(0, 40)
    axes[0].barh(labels, data["n_quotes"], color=colors)
    axes[1].barh(labels, data["n_words_quoted"], color=colors)
    axes[0].invert_yaxis()
    axes[0].set(title="Quotes", xlabel="quotes (direct + partial)", ylabel="speaker")
    axes[1].set(title="Words quoted", xlabel="words inside quotation marks")
    handles = [
        plt.Rectangle((0, 0), 1, 1, color=c)
        for t, c in _TYPE_COLORS.items()
        if t in set(data["source_type"])
    ]
    names = [t for t in _TYPE_COLORS if t in set(data["source_type"])]
    axes[1].legend(handles, names, title="source type", bbox_to_anchor=(1.01, 1), loc="upper left")
    fig.suptitle("Who is quoted", fontsize=14, fontweight="bold")
    fig.tight_layout()
    return fig, data


def sources_per_article(sources: pd.DataFrame) -> pd.DataFrame:
    """Sources per article by kind (one column per kind), total and the anonymous share."""
    wide = (
        sources.groupby(["article_id", "kind"], observed=False)
        .size()
        .unstack("kind", fill_value=0)
        .reindex(columns=SOURCE_KINDS, fill_value=0)
    )
    wide["total"] = wide.sum(axis=1)
    wide["anonymous_share"] = (wide["anonymous"] / wide["total"].where(wide["total"] > 0)).round(3)
    return wide.reset_index().rename_axis(columns=None)


def plot_sources_per_article(
    sources: pd.DataFrame, top: int = 40
) -> tuple[plt.Figure, pd.DataFrame]:
    """Stacked bars of each article's sources by kind, labelled with the anonymous share."""
    data = sources_per_article(sources).sort_values(
        ["total", "article_id"], ascending=[False, True]
    )
    data = data.head(top).reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(10, 0.45 * max(len(data), 3) + 1.8))
    left = pd.Series(0, index=data.index)
    for kind in SOURCE_KINDS:
        ax.barh(data["article_id"], data[kind], left=left, color=_KIND_COLORS[kind], label=kind)
        left = left + data[kind]
    for y, (total, share) in enumerate(zip(data["total"], data["anonymous_share"], strict=True)):
        label = "no sources" if not total else f"{share:.0%} anonymous"
        ax.annotate(
            label, (total, y), xytext=(4, 0), textcoords="offset points", va="center", fontsize=9
        )
    ax.invert_yaxis()
    ax.set_xlim(0, max(int(data["total"].max()) if len(data) else 1, 1) * 1.35)
    ax.set(title="Sources per article, by kind", xlabel="distinct sources", ylabel="article")
    ax.legend(title="kind", bbox_to_anchor=(1.01, 1), loc="upper left")
    fig.tight_layout()
    return fig, data


def source_network(sources: pd.DataFrame, min_articles: int = 1) -> nx.Graph:
    """Bipartite graph: articles and the sources they cite (edge weight: quotes + attributions + mentions)."""
    counts = sources.groupby("name")["article_id"].nunique()
    keep = sources[sources["name"].map(counts) >= min_articles]
    graph = nx.Graph()
    for aid in sorted(sources["article_id"].unique()):
        graph.add_node(aid, part="article")
    for r in keep.sort_values(["article_id", "name"]).itertuples(index=False):
        node = f"{r.name} ({r.kind})" if r.kind in ("anonymous", "document") else r.name
        if node not in graph:
            graph.add_node(node, part="source", kind=str(r.kind), type=r.type)
        graph.add_edge(r.article_id, node, weight=int(r.n_quotes + r.n_indirect + r.n_mentions))
    return graph


def plot_source_network(
    sources: pd.DataFrame, min_articles: int = 1, top: int = 60
) -> tuple[plt.Figure, pd.DataFrame]:
    """Articles (left) linked to the sources they cite (right), sources coloured by type."""
    graph = source_network(sources, min_articles)
    source_nodes = [n for n, d in graph.nodes(data=True) if d["part"] == "source"]
    ranked = sorted(source_nodes, key=lambda n: (-graph.degree(n, weight="weight"), n))[:top]
    drop = set(source_nodes) - set(ranked)
    graph.remove_nodes_from(drop)
    articles = sorted(n for n, d in graph.nodes(data=True) if d["part"] == "article")
    ranked = sorted(ranked, key=lambda n: (graph.nodes[n]["type"], n))
    pos = nx.bipartite_layout(graph, articles, align="vertical", scale=1.0)
    # bipartite_layout orders by node insertion; make both columns alphabetical and evenly spaced.
    for i, n in enumerate(articles):
        pos[n] = (-1.0, 1 - 2 * i / max(len(articles) - 1, 1))
    for i, n in enumerate(ranked):
        pos[n] = (1.0, 1 - 2 * i / max(len(ranked) - 1, 1))
    fig, ax = plt.subplots(figsize=(10, max(5, 0.2 * max(len(ranked), len(articles)) + 1.5)))
    weights = [graph.edges[e]["weight"] for e in graph.edges]
    nx.draw_networkx_edges(
        graph,
        pos,
        ax=ax,
        width=[0.5 + min(w, 10) * 0.3 for w in weights],
        edge_color="#999999",
        alpha=0.6,
    )
    nx.draw_networkx_nodes(
        graph, pos, nodelist=articles, node_color="#333333", node_size=60, node_shape="s", ax=ax
    )
    nx.draw_networkx_nodes(
        graph,
        pos,
        nodelist=ranked,
        ax=ax,
        node_size=60,
        node_color=[_TYPE_COLORS.get(graph.nodes[n]["type"], "#949494") for n in ranked],
    )
    for n in articles:
        ax.annotate(
            n,
            pos[n],
            xytext=(-6, 0),
            textcoords="offset points",
            ha="right",
            va="center",
            fontsize=8,
        )
    for n in ranked:
        ax.annotate(
            textwrap.shorten(n, 60, placeholder="…"),
            pos[n],
            xytext=(6, 0),
            textcoords="offset points",
            ha="left",
            va="center",
            fontsize=8,
        )
    handles = [plt.Line2D([], [], marker="o", ls="", color=c) for c in _TYPE_COLORS.values()]
    ax.legend(
        handles,
        list(_TYPE_COLORS),
        title="source type",
        loc="upper center",
        bbox_to_anchor=(0.5, -0.01),
        ncol=4,
        frameon=False,
    )
    ax.set_xlim(-2.2, 2.4)
    ax.set_axis_off()
    ax.set_title("Which article cites which source")
    data = pd.DataFrame(
        [
            {
                "article_id": a,
                "source": s,
                "kind": graph.nodes[s]["kind"],
                "type": graph.nodes[s]["type"],
                "weight": graph.edges[a, s]["weight"],
            }
            for a in articles
            for s in sorted(graph.neighbors(a))
        ],
        columns=["article_id", "source", "kind", "type", "weight"],
    )
    return fig, data


def quote_table(quotes: pd.DataFrame, kinds: tuple = ("direct", "partial")) -> pd.DataFrame:
    """Quotes for reading: article, sentence, speaker, role, verb, kind and the quoted words."""
    q = quotes[quotes["kind"].isin(kinds)]
    cols = ["article_id", "sentence_id", "speaker", "speaker_role", "verb", "kind", "quote"]
    return q[cols].sort_values(["article_id", "sentence_id"]).reset_index(drop=True)


def plot_quote_table(
    quotes: pd.DataFrame, max_rows: int = 25, width: int = 110
) -> tuple[plt.Figure, pd.DataFrame]:
    """The quote table as a readable page (speaker — quote); the CSV holds every quote in full."""
    data = quote_table(quotes)
    shown = data.head(max_rows)
    lines = []
    for r in shown.itertuples(index=False):
        speaker = r.speaker if isinstance(r.speaker, str) else "(unattributed)"
        role = r.speaker_role if isinstance(r.speaker_role, str) else ""
        role = f", {role}" if role and role.lower() not in speaker.lower() else ""
        text = r.quote if len(r.quote) <= width else r.quote[: width - 1] + "…"
        lines.append((f"{r.article_id[:12]}  {speaker}{role} ({r.verb}):", f"“{text}”"))
    fig, ax = plt.subplots(figsize=(12, 0.36 * max(len(lines), 2) + 1))
    ax.set_axis_off()
    n = max(len(lines), 1)
    for i, (head, body) in enumerate(lines):
        y = 1 - (i + 0.5) / n
        ax.text(0, y, head, fontsize=8, fontweight="bold", va="bottom", transform=ax.transAxes)
        ax.text(0.02, y, body, fontsize=8, va="top", transform=ax.transAxes)
    more = f" (first {len(shown)} of {len(data)}; all in the CSV)" if len(data) > len(shown) else ""
    ax.set_title(f"Quotes by speaker{more}", loc="left")
    return fig, data
