"""`find_sources`: the `sources` table of outlets, organisations, people and unnamed sources
each article cites.
"""

from __future__ import annotations

import re

import pandas as pd

from newscorpus.corpus import Corpus
from newscorpus.corpus.outlets import outlet_key
from newscorpus.sources.articles import Article, gc_paused, iter_articles, sentence_at
from newscorpus.sources.kinds import COUNTRIES, UNNAMED_KINDS
from newscorpus.sources.lexicon import Lexicon, body_mentions, build_lexicon, outlet_mentions
from newscorpus.sources.marks import find_segments, mask_segments
from newscorpus.sources.quotes import find_quotes
from newscorpus.sources.words import SOURCE_COLUMNS, SOURCE_KINDS

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


def find_sources(
    corpus: Corpus,
    quotes: pd.DataFrame | None = None,
    extra_outlets: list | pd.DataFrame | None = None,
    extra_organisations: list | pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The `sources` table: outlets, organisations, people and anonymous sources per article."""
    lex = build_lexicon(extra_outlets, extra_organisations)
    if quotes is None:
        quotes = find_quotes(corpus, extra_outlets, extra_organisations)
    cols = [
        "article_id",
        "sentence_id",
        "kind",
        "quote",
        "speaker",
        "canonical",
        "speaker_kind",
        "speaker_role",
        "organisation",
        "source_type",
        "start",
    ]
    values = [quotes[c].astype(object).where(quotes[c].notna(), None).tolist() for c in cols]
    with gc_paused():  # many small dicts: see gc_paused
        records = [
            {
                "article_id": a,
                "sentence_id": sid,
                "kind": k,
                "quote": q,
                "speaker": sp,
                "canonical": cn,
                "speaker_kind": sk,
                "speaker_role": sr,
                "organisation": o,
                "source_type": st,
                "start": s,
            }
            for a, sid, k, q, sp, cn, sk, sr, o, st, s in zip(*values, strict=True)
        ]
        by_article: dict[str, list[dict]] = {}
        for r in records:
            by_article.setdefault(r["article_id"], []).append(r)
        rows: list[dict] = []
        for art in iter_articles(corpus, lex, with_cues=False):
            rows.extend(_article_sources(art, by_article.get(art.article_id, []), lex))
        table = pd.DataFrame(
            rows, columns=[*SOURCE_COLUMNS[:6], "organisation", *SOURCE_COLUMNS[6:], "anonymity"]
        )
        del records, by_article, rows  # freed before the collector resumes
    table["kind"] = table["kind"].astype(pd.CategoricalDtype(SOURCE_KINDS))
    for col in ("n_mentions", "n_quotes", "n_indirect", "n_words_quoted"):
        table[col] = table[col].astype("int64")
    table["anonymity"] = table["anonymity"].astype(bool)
    for col in ("article_id", "name", "canonical", "role", "type", "organisation"):
        table[col] = table[col].astype("str")
    table = table.sort_values(
        ["article_id", "kind", "n_quotes", "n_indirect", "n_mentions", "name"],
        ascending=[True, True, False, False, False, True],
    )
    return table.reset_index(drop=True)


_CREDIT_BEFORE = re.compile(r"(?:\(|\bvia )$")
_CREDIT_AFTER = re.compile(r"\)|\s+Photo\b|,?\s+[Ff]ile\b")  # not "CNN/ORC poll"


def count_words(text: str, kind: str = "direct") -> int:
    """Words quoted: all of a direct quote; those inside double marks of any other row (a
    partial row holds the attributed clause with the quoted words in their marks)."""
    if kind == "direct":
        return len(_WORDS_RE.findall(text))
    return sum(len(_WORDS_RE.findall(m.group())) for m in _INSIDE_MARKS.finditer(text))


_WORDS_RE = re.compile(r"[^\W_][\w’'-]*")
_INSIDE_MARKS = re.compile(r"(?<=[“\"«„])[^“”\"«»„]+(?=[”\"»“])|(?<='')(?:(?!'').)+(?='')")


# What attributes words or findings to the name right after it ("according to", "told", "a
# statement from", "said the") or right before it ("X said", "X's report found").
_CITES_BEFORE = re.compile(
    r"(?:according\s+to|(?<![\w’'-])(?:told|tells|telling|speaking\s+to|spoke\s+to|said\s+to"
    r"|interview\s+with|interviewed\s+by|quoted\s+by|reported\s+by|published\s+by|released\s+by"
    r"|conducted\s+by|citing|cited\s+by|(?:said|says|reported|reports|wrote|writes|announced"
    r"|confirmed|found|added|noted|stated|warned|estimated|concluded)(?:\s+in\s+a\s+statement)?"
    r"|(?:statement|report|study|survey|poll|analysis|data|figures|estimates?|investigation"
    r"|review|assessment|memo|findings|officials?|sources?)\s+(?:from|by|of|at)"
    r"|(?:spokes(?:man|woman|person)|a\s+representative)\s+(?:from|of|at|for)))"
    r"\s+(?:(?:the|a|an)\s+)?(?:(?:new|latest|recent|own|nonpartisan|independent)\s+)?$",
    re.IGNORECASE,
)
_CITES_AFTER = re.compile(
    r"(?:/[\w.&-]+)?(?:[’']s?)?\s*(?:(?:own|new|latest|recent|annual|preliminary|final|internal|official)\s+)"
    r"{0,2}(?:(?:report|study|survey|poll|analysis|data|figures|statement|spokes(?:man|woman|"
    r"person)|officials?|estimates?|investigation|assessment|review|memo|findings|analysts?|"
    r"researchers?|article|story|editorial|tally|count|projections?)\s+)?(?:,[^,\n]{1,80},\s*)?"
    r"(?:(?:also|has|had|have|previously|later|first|recently|reportedly|publicly|then|itself)"
    r"\s+){0,2}(?:said|says|say|reported|reports|report|told|tells|wrote|writes|found|finds|"
    r"announced|announces|confirmed|confirms|stated|states|noted|notes|claimed|claims|estimated|"
    r"estimates|showed|shows|warned|warns|concluded|concludes|added|argued|argues|acknowledged|"
    r"acknowledges|denied|denies|revealed|reveals|released|published|issued|disclosed|predicted|"
    r"projected|asserted|alleged|alleges|determined|assessed|assesses|described|described|"
    r"insisted|insists|explained|explains|tweeted|posted|responded|replied|argued|suggested|"
    r"suggests|projects|calculated|counted|recorded|documented)(?![\w’'-])",
    re.IGNORECASE,
)


def is_citation(text: str, start: int, end: int) -> bool:
    """True when the name at text[start:end] is cited: attributed words, data or findings
    (`_CITES_BEFORE`: "according to X", "told X", "a report by X", "said the X";
    `_CITES_AFTER`: "X said", "X's report found", "X, the monitor, reported"), not a bare
    mention ("Pompeo to lead the CIA", "a member of the UN")."""
    if _CITES_BEFORE.search(text, max(0, start - 60), start):
        return True
    return _CITES_AFTER.match(text, end) is not None


def own_outlet(found: dict, publisher: str | None) -> None:
    """Drop from one article's sources (in place) its own outlet under any kind and spelling
    (`corpus.outlets.outlet_key`), and the outlet's own products named after it ("HuffPost
    Pollster", "Fox News Poll" in their outlet's articles): an outlet citing itself is not a
    source."""
    if not publisher:
        return
    key = outlet_key(publisher)
    prefix = publisher.lower() + " "
    for k in list(found):  # any kind: "HuffPost Pollster" may be read as a description
        name = str(found[k]["canonical"])
        if outlet_key(name) == key or name.lower().startswith(prefix):
            del found[k]


def _article_sources(art: Article, quotes: list[dict], lex: Lexicon) -> list[dict]:
    para_spans = [(s, e) for _, s, e in art.paras]
    masked = mask_segments(art.text, find_segments(art.text, para_spans))
    found: dict[tuple[str, str], dict] = {}

    def entry(name: str, kind: str, role=None, type_=None, org=None, canonical=None) -> dict:
        canonical = canonical or name
        key = (canonical.lower() if kind in UNNAMED_KINDS else canonical, kind)
        if key not in found:
            found[key] = {
                "article_id": art.article_id,
                "name": name,
                "canonical": canonical,
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
        if name == canonical and e["name"] != name:  # the article names it in full too
            e["name"] = name
        e["role"] = e["role"] or role
        e["organisation"] = e["organisation"] or org
        if e["type"] == "unknown" and type_:
            e["type"] = type_
        return e

    # Speakers of quotes and attributions.
    for r in quotes:
        if not isinstance(r["speaker"], str) or r["speaker_kind"] in ("unknown", "poll"):
            continue
        kind = r["speaker_kind"]
        role = r["speaker_role"] if isinstance(r["speaker_role"], str) else None
        org = r["organisation"] if isinstance(r["organisation"], str) else None
        canonical = r["canonical"] if isinstance(r.get("canonical"), str) else None
        e = entry(r["speaker"], kind, role, r["source_type"], org, canonical)
        if r["kind"] == "indirect":
            e["n_indirect"] += 1
        else:
            e["n_quotes"] += 1
            e["n_words_quoted"] += count_words(r["quote"], r["kind"])
        if kind in UNNAMED_KINDS:
            e["n_mentions"] += 1
        if org and org in lex.entities and kind == "person" and org not in COUNTRIES:
            ent = lex.entities[org]  # "X, a spokesman for the UN": the UN speaks through X
            entry(ent.name, ent.kind if ent.kind == "outlet" else "organization", None, ent.type)
    # Outlets and organisations named in the body count only where the text attributes
    # something to them ("according to X", "X said", "told X", "X's report found"); a bare
    # mention ("Pompeo to lead the CIA") is no citation, and a country is never one.
    mentions = body_mentions(art, lex, masked)
    outlets = outlet_mentions(art, lex, masked, mentions)
    for start, end, ent in outlets:
        if _CREDIT_BEFORE.search(masked, max(0, start - 5), start) or _CREDIT_AFTER.match(
            masked, end
        ):
            continue  # a wire or photo credit, "WASHINGTON (AP) —", "(AP Photo/…)": no citation
        if ent.name != art.publisher and is_citation(masked, start, end):
            entry(ent.name, "outlet", None, ent.type)["n_mentions"] += 1
    for start, end, ent in mentions:
        if ent.kind != "organization" or ent.name in COUNTRIES:
            continue
        key = (ent.name, "organization")
        if key in found or is_citation(masked, start, end):
            entry(ent.name, "organization", None, ent.type)["n_mentions"] += 1
    own_outlet(found, art.publisher)
    # People: mentions of the full name or of the surname alone.
    body = None
    for (_, kind), e in found.items():
        if kind == "person":
            if body is None:
                body = "\n".join(masked[ps:pe] for ps, pe in para_spans)
            e["n_mentions"] = max(body.count(e["canonical"].split()[-1]), 1)
        elif kind == "organization" and e["n_mentions"] == 0:
            e["n_mentions"] = 1
    # "speaking on the condition of anonymity": flag the unnamed source of that sentence.
    maybe = any(w in masked for w in ("nonym", "be named", "to speak", "identified"))
    for m in _anonymity(masked) if maybe else ():
        sid = sentence_at(art, [s[2] for s in art.sents], m.start())[0]
        near = [
            r
            for r in quotes
            if r["speaker_kind"] == "anonymous" and abs(r["sentence_id"] - sid) <= 2
        ]
        if near:
            nearest = min(
                near, key=lambda r: (abs(r["sentence_id"] - sid), abs(r["start"] - m.start()))
            )
            key = nearest.get("canonical") or nearest["speaker"]
            found[(key.lower(), "anonymous")]["anonymity"] = True
        else:
            entry("unnamed source", "anonymous", None, "unknown")["anonymity"] = True
    return list(found.values())
