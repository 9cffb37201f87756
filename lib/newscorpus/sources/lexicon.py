"""The outlet and organisation lists (`data/outlets.csv`, `data/organisations.csv`), compiled
for matching, and the scan of an article body for the outlets and organisations it names
(variants, short forms such as `the Post`, descriptions such as `the American newspaper`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import pandas as pd

from newscorpus.paths import DATA_DIR
from newscorpus.sources.words import DEMONYMS, FIRST, OUTLET_NOUNS, THE_RE, trie_pattern

if TYPE_CHECKING:
    from newscorpus.sources.articles import Article


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


def load_places() -> pd.DataFrame:
    """Countries with their capitals and seats of government (data/places.csv: name, variants,
    type, listed), read as organisations of type `government` listed only when cited: a place
    that speaks ("Damascus said", "the Kremlin said") is its government, named by its country
    ("Syria", "Russia")."""
    return pd.read_csv(DATA_DIR / "places.csv", dtype=str, keep_default_na=False)


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


class Lexicon:
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
                for key in _variant_keys(v):
                    self.by_variant.setdefault(key, ent)
            for s in _split_list(row.get("short_forms", "")):
                self.short.setdefault(strip_the(s), []).append(ent)
        for row in organisations.to_dict("records"):
            ent = _Entity(
                row["name"],
                "organization",
                row.get("type") or "unknown",
                row.get("listed") or "mentioned",
            )
            self.entities.setdefault(ent.name, ent)
            for v in [row["name"], *_split_list(row["variants"])]:
                for key in _variant_keys(v):
                    self.by_variant.setdefault(key, ent)
        alternation = trie_pattern(list(self.by_variant), space=" ")
        # No lookbehind: it would stop the regex engine's fast scan; see mentions().
        # "The Hill", "The National": not when a capitalised word follows ("The National Guard").
        named = [k for k in self.by_variant if k[:4] in ("The ", "the ") and " " not in k[4:]]
        plain = [k for k in self.by_variant if k not in set(named)]
        alternation_mentions = trie_pattern(plain, space=" ")
        if named:
            alternation_mentions += "|" + trie_pattern(named, space=" ") + r"(?!\s+[A-Z0-9])"
        self.mention_re = re.compile(r"(" + alternation_mentions + r")(?![\w’'-])")
        self.short_re = (
            re.compile(r"[Tt]he\s+(" + trie_pattern(list(self.short)) + r")(?![\w-])")
            if self.short
            else None
        )
        self.exact_re = re.compile(r"^(?:[Tt]he\s+)?(" + alternation + r")$")
        self.starts_unspaced = all(v[:1] and not v[:1].isspace() for v in self.by_variant)
        self.cache: dict = {}
        # Publisher codes such as "wash-post", "nyt", "usa-today": names and variants folded
        # to lowercase letters and digits (see `publisher`).
        self.folded: dict[str, _Entity] = {}
        for key, ent in self.by_variant.items():
            self.folded.setdefault(_fold(key), ent)

    def publisher(self, outlet: str) -> _Entity | None:
        """The outlet an `articles.outlet` value names: a name or variant, or a code that folds
        to one ("wash-post" → WashPost → The Washington Post)."""
        return self.lookup(outlet) or self.folded.get(_fold(outlet))

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


def _fold(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", strip_the(text).lower())


def _variant_keys(variant: str) -> list[str]:
    """The spellings a variant is matched by: without a leading "The", except for one-word
    names ("The Hill", "The National", "The Atlantic"), which need their article: "Hill" alone
    is Capitol Hill and "National" the National Guard."""
    bare = strip_the(variant)
    if bare != variant.strip() and " " not in bare:
        return [f"The {bare}", f"the {bare}"]
    return [bare]


def strip_the(text: str) -> str:
    """`text` stripped, without a leading "the"/"The": "The Treasury" → "Treasury"."""
    return THE_RE.sub("", text.strip())


@lru_cache(maxsize=1)
def _default_lexicon() -> Lexicon:
    return Lexicon(load_outlets(), _with_places(load_organisations()))


def _with_places(organisations: pd.DataFrame) -> pd.DataFrame:
    """The organisations, then the places (a listed organisation's spelling wins)."""
    return pd.concat([organisations, load_places()], ignore_index=True).astype(str)


def build_lexicon(extra_outlets=None, extra_organisations=None) -> Lexicon:
    """The compiled lexicon (outlets, organisations and places); the curated one is built
    once and cached."""
    if extra_outlets is None and extra_organisations is None:
        return _default_lexicon()
    return Lexicon(
        load_outlets(extra_outlets), _with_places(load_organisations(extra_organisations))
    )


DESCRIPTION = re.compile(
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


def body_mentions(art: Article, lex: Lexicon, masked: str) -> list[tuple[int, int, _Entity]]:
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


def _short_matches(lex: Lexicon, text: str, first: int, last: int):
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


def outlet_mentions(
    art: Article, lex: Lexicon, masked: str, mentions: list | None = None
) -> list[tuple[int, int, _Entity]]:
    """Every outlet named in the body (variants, short forms, clear descriptions), in order."""
    if mentions is None:
        mentions = body_mentions(art, lex, masked)
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
        m = DESCRIPTION.search(masked, max(first, n.start() - 45), n.end())
        if m is None or m.end() != n.end():
            continue
        if m.start() and (masked[m.start() - 1].isalnum() or masked[m.start() - 1] in "-’'"):
            continue
        ent = _describe(m, found + extra, art.publisher)
        if ent is not None:
            extra.append((m.start(), m.end(), ent))
    return sorted(found + extra, key=FIRST)


def _describe(m: re.Match, mentions: list, publisher: str | None) -> _Entity | None:
    """The outlet a description such as "the American newspaper" refers to, when clear."""
    medium = OUTLET_NOUNS[m.group("noun").lower()]
    mods = m.group("mods").lower().split()
    countries = {DEMONYMS[w] for w in mods if w in DEMONYMS and DEMONYMS[w]}
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


def describe_at(m: re.Match, mentions: list, publisher: str | None) -> _Entity | None:
    """The outlet a description match `m` ("the Japanese newspaper") refers to: the latest
    earlier mention in `mentions` of its medium and country that is not the `publisher`; None when
    no mention fits."""
    medium = OUTLET_NOUNS[m.group("noun").lower()]
    mods = m.group("mods").lower().split()
    countries = {DEMONYMS[w] for w in mods if w in DEMONYMS and DEMONYMS[w]}
    for _, _, ent in reversed(mentions):
        if ent.name == publisher:
            continue
        if medium and ent.medium and ent.medium != medium:
            continue
        if countries and ent.country and ent.country not in countries:
            continue
        return ent
    return None
