"""The `entities` table: every name (PER, ORG, LOC, MISC) in an article's title and body.

`find_entities(corpus)` tags the title paragraph (as a headline) and every body sentence (the
dateline opens the first one; bylines, captions and boilerplate are not sentences, so furniture
is left out) of each article with the CRF tagger (`tagger`), document by document so the
document features see the whole article. `canonical_names` gives each name its canonical form
within the article, with the rules of `newscorpus.sources.canonical`: a person's surname alone
(or any shorter tail of the name) becomes the full name the article uses, a first name alone
the one two-word name it opens there (`Hillary`), a title is dropped (`Mrs. Clinton`), spellings that fold
together (`DONALD TRUMP`, `Donald J. Trump`) one spelling, an acronym the organisation of the
article whose initials spell it, a leading "the" dropped. `resolve_entities` adds the corpus
level (`corpus_aliases`: a surname to the dominant full name across articles).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from newscorpus.entities.kinds import (
    context_name,
    disease_after,
    is_case_party,
    middle_initials,
    named_after,
    outlet_name,
    us_state_after,
)
from newscorpus.entities.placenames import not_places
from newscorpus.entities.resolve import (
    WIRE_NAMES,
    article_types,
    known_kind,
    resolve_types_and_names,
    table_name,
)
from newscorpus.entities.spans import (
    caps_spans,
    cased_names,
    company_spans,
    firm_of,
    is_caps_line,
    is_firm,
)
from newscorpus.entities.surnames import titled_surnames
from newscorpus.entities.tagger import TYPES, tag_documents
from newscorpus.sources.canonical import (
    fold,
    initials,
    lead_the,
    spelling,
)
from newscorpus.sources.words import TITLES
from newscorpus.terms.tabular import DATELINE as _TABLE_DATELINE_RE
from newscorpus.terms.tabular import table_flags

ENTITY_COLUMNS = ["article_id", "sentence_id", "start", "end", "text", "type", "canonical"]
TITLE_SENTENCE = -1  # sentence_id of a name found in the title
_TABLE_DATELINE = re.compile(_TABLE_DATELINE_RE)  # "SANTA CRUZ, Calif., Feb 26 - " in a table row
_BATCH = 200  # articles whose sentences are decoded together
# a dateline's place: the capitals opening an article's first sentence, before ",", "(" or "-"
DATELINE = re.compile(r"[A-Z][A-Z.'’-]*(?:[ \t]+[A-Z][A-Z.'’-]*)*(?=\s*(?:,|\(|-|—|–))")
# what may come before a name that still opens its sentence: nothing, a quote mark, a dateline
_OPENING = re.compile(
    r"^[\s\"“‘'(]*$|^[A-Z][A-Z .,'’-]*(?:,\s*[A-Z][a-z]+\.?)*,?\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"\s*(?:\([^)]{1,30}\))?\s*[-–—]{1,2}\s*[\"“]?$"
)


def _empty() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "article_id": pd.Series([], dtype="str"),
            "sentence_id": pd.Series([], dtype="int32"),
            "start": pd.Series([], dtype="int32"),
            "end": pd.Series([], dtype="int32"),
            "text": pd.Series([], dtype="str"),
            "type": pd.Categorical([], categories=list(TYPES)),
            "canonical": pd.Series([], dtype="str"),
        }
    )


def _clean(text: str, kind: str = "") -> str:
    """A name's text with white space runs as one space, possessive `'s` dropped (not that of
    "X and Y's": `Standard and Poor's`), and a name in capitals of several words or 7+ letters
    (5+ for a place: a dateline, a headline) in title case."""
    name = " ".join(text.split())
    if name.endswith(("'s", "’s")) and not re.search(r" (?:and|&) \S+$", name):
        name = name[:-2]
    if name.isupper() and (" " in name or len(name) >= (5 if kind == "LOC" else 7)):
        name = name.title()
    if kind == "PER":  # "Mrs. Clinton", "President Obama": the name without its title
        words = name.split()
        while len(words) > 1 and words[0].lower().rstrip(".") in TITLES:
            words = words[1:]
        name = " ".join(words)
    return name


def _person_keys(persons: list[str]) -> dict[str, str]:
    """{a person's name: its spelling key}: `fold` (initials dropped, "Donald J. Trump" is
    "Donald Trump"), and the middle initials too where one article writes the same folded
    name with two sets of them ("George H. W. Bush", "George W. Bush": father and son,
    `kinds.middle_initials`)."""
    sigs: dict[str, set[str]] = {}
    for p in persons:
        sigs.setdefault(fold(p, person=True), set()).add(middle_initials(p))
    out = {}
    for p in persons:
        key = fold(p, person=True)
        sig = middle_initials(p)
        out[p] = key + "|" + sig if sig and len(sigs[key] - {""}) > 1 else key
    return out


def canonical_names(names: list[str], types: list[str]) -> list[str]:
    """Canonical form of each name of ONE article (same order); see the module doc.

    `names`: the names' texts; `types`: their types (PER, ORG, LOC, MISC)."""
    clean = [_clean(n, t) for n, t in zip(names, types, strict=True)]
    out = []
    persons = [c for c, t in zip(clean, types, strict=True) if t == "PER"]
    # spelling variants of a person: the most used spelling of the folded key
    key_of = _person_keys(persons)
    by_key: dict[str, list[str]] = {}
    for p in persons:
        by_key.setdefault(key_of[p], []).append(p)
    spelled = {
        k: spelling(max(set(v), key=lambda s: (v.count(s), not s.isupper(), s)))
        for k, v in by_key.items()
    }
    # each tail of a multi-word name (its surname, ...) -> the full names ending in it, counted
    tails: dict[tuple[str, ...], dict[str, int]] = {}
    heads: dict[str, dict[str, int]] = {}
    for p in persons:
        full = spelled[key_of[p]]
        words = tuple(full.split())
        for k in range(1, len(words)):
            ends = tails.setdefault(words[k:], {})
            ends[full] = ends.get(full, 0) + 1
        if len(words) == 2:  # a first name alone ("Hillary") -> the one full name it opens
            heads.setdefault(words[0], {}).setdefault(full, 0)
            heads[words[0]][full] += 1
    orgs = [lead_the(c) for c, t in zip(clean, types, strict=True) if t == "ORG"]
    by_initials: dict[str, set[str]] = {}
    for o in orgs:
        if len(o.split()) > 1:
            by_initials.setdefault(initials(o), set()).add(o)
    for c, t in zip(clean, types, strict=True):
        if t == "PER":
            name = spelled[key_of[c]]
            # a surname (or shorter tail) alone: the full name of the article ending in it
            longer = tails.get(tuple(name.split()))
            if not longer and " " not in name and len(heads.get(name, ())) == 1:
                longer = heads[name]
            if longer:
                name = max(longer, key=lambda f: (longer[f], len(f), f))
            out.append(name)
        elif t == "ORG":
            name = lead_the(c)
            key = name.replace(".", "")
            if key.isupper() and 1 < len(key) <= 8 and len(by_initials.get(key, ())) == 1:
                name = next(iter(by_initials[key]))
            out.append(name)
        else:
            out.append(lead_the(c))
    return out


def _table_sentences(sentences: pd.DataFrame, paragraphs: pd.DataFrame) -> np.ndarray:
    """Whether each sentence lies in a tabular body paragraph (`terms.tabular.table_flags`:
    an earnings or market table's row or its heading)."""
    if not len(sentences) or "paragraph_id" not in sentences or "kind" not in paragraphs:
        return np.zeros(len(sentences), dtype=bool)
    body = paragraphs[paragraphs["kind"].astype("str") == "body"]
    flags = table_flags(body["article_id"], body["text"])
    rows = body[flags]
    if not len(rows):
        return np.zeros(len(sentences), dtype=bool)
    keys = set(
        zip(rows["article_id"].astype("str"), rows["paragraph_id"].astype("int64"), strict=True)
    )
    return np.fromiter(
        (
            (a, p) in keys
            for a, p in zip(
                sentences["article_id"].astype("str"),
                sentences["paragraph_id"].astype("int64"),
                strict=True,
            )
        ),
        dtype=bool,
        count=len(sentences),
    )


def _documents(corpus) -> list[tuple]:
    """(article_id, lines, offsets, sentence ids, has title, tabular flags) of each article:
    its title and its body sentences in order, each flagged when it is a table's row."""
    sentences = corpus.sentences
    paragraphs = corpus.paragraphs
    titles = (
        paragraphs[paragraphs["kind"].astype("str") == "title"]
        if len(paragraphs) and "kind" in paragraphs
        else paragraphs.iloc[0:0]
    )
    title_of = {
        a: (t, int(s))
        for a, t, s in zip(titles["article_id"], titles["text"], titles["start"], strict=True)
    }
    if not len(sentences) and not title_of:
        return []
    table = _table_sentences(sentences, paragraphs)
    ids = sentences["article_id"].astype("str").to_numpy()
    order = np.argsort(ids, kind="stable")
    ids = ids[order]
    table = table[order]
    texts = sentences["text"].to_numpy()[order]
    sids = sentences["sentence_id"].to_numpy()[order]
    starts = sentences["start"].to_numpy()[order]
    bounds = np.flatnonzero(np.r_[True, ids[1:] != ids[:-1], True]) if len(ids) else []
    groups = {ids[a]: (a, b) for a, b in zip(bounds[:-1], bounds[1:], strict=False)}
    docs = []
    for aid in list(dict.fromkeys([*groups, *title_of])):
        a, b = groups.get(aid, (0, 0))
        lines = [str(t) for t in texts[a:b]]
        offs = [int(s) for s in starts[a:b]]
        line_sids = [int(s) for s in sids[a:b]]
        tabular = [bool(x) for x in table[a:b]]
        title = title_of.get(aid)
        if title is not None:
            lines.insert(0, str(title[0]))
            offs.insert(0, title[1])
            line_sids.insert(0, TITLE_SENTENCE)
            tabular.insert(0, False)
        docs.append((aid, lines, offs, line_sids, title is not None, tabular))
    return docs


def _article_rows(doc: tuple, spans_of_doc: list, text: str) -> list[tuple]:
    """(sentence_id, start, end, text, type, canonical) of each name kept in one article."""
    aid, lines, offs, line_sids, _, tabular = doc
    found = []  # (sid, start, end, text, kind, opens its sentence, in the dateline)
    around = []  # (text before, text after, in the title) of each name
    spans_of_doc = [
        company_spans(line, spans) for line, spans in zip(lines, spans_of_doc, strict=True)
    ]
    cased = cased_names(lines, spans_of_doc)
    cased_text = "\n".join(line for line in lines if not is_caps_line(line))
    rows_doc = list(zip(lines, offs, line_sids, spans_of_doc, strict=True))
    for k, (line, off, sid, spans) in enumerate(rows_doc):
        first = sid >= 0 and (k == 0 or rows_doc[k - 1][2] < 0)
        place = DATELINE.match(line) if first else None
        if tabular[k]:  # a table's row: a dateline's names, and names the lexicons know
            dateline = _TABLE_DATELINE.match(line)
            end = dateline.end() if dateline else 0
            spans = [x for x in spans if x[1] <= end or table_name(line[x[0] : x[1]])]
            place = place or dateline
        if k >= len(rows_doc) - 2 and sid >= 0 and len(spans) == 1:
            s, e, _ = spans[0]
            if not re.search(r"\w", (line[:s] + line[e:]).replace("^M", "")):
                continue  # a sign-off alone on one of the last lines ("Reuter", "REUTER...")
        if sid < 0 and is_caps_line(line):  # a headline in capitals: names the body backs
            end = place.end() if place is not None else 0
            spans = sorted(
                [x for x in spans if x[1] <= end]
                + caps_spans(line, [x for x in spans if x[1] > end], cased, known_kind, cased_text)
            )
        for s, e, kind in spans:
            if place is not None and e <= place.end():
                kind = "LOC"  # "NEW YORK, March 3 -": the dateline's place
            opens = sid < 0 or _OPENING.match(line[:s]) is not None
            in_dateline = place is not None and e <= place.end()
            found.append((sid, off + s, off + e, line[s:e], kind, opens, in_dateline))
            around.append((line[max(0, s - 12) : s], line[e : e + 24], sid < 0))
    if not found:
        return []
    clean = [_clean(f[3], f[4]) for f in found]
    keep, types = article_types(clean, [f[4] for f in found], [f[5] for f in found], text)
    kept = [
        (f, "LOC" if f[6] else t, a)
        for f, t, k, a in zip(found, types, keep, around, strict=True)
        if k or f[6]
    ]
    canon = canonical_names([f[3] for f, _, _ in kept], [t for _, t, _ in kept])
    # "President Trump" in an article naming only "Ivanka Trump": the bare "Trump" is not hers
    canon = titled_surnames(
        [_clean(f[3], t) for f, t, _ in kept],
        [t for _, t, _ in kept],
        canon,
        [f[1] for f, _, _ in kept],
        text,
    )
    person_words = {
        w
        for (f, t, _), c in zip(kept, canon, strict=True)
        if t == "PER" and " " in c
        for w in (c.split()[0], c.split()[-1])
    }
    # a name opening a firm the article names with its head ("Bethlehem" of "Bethlehem Steel
    # Corp") is that firm; not a person's full name the firm is named after with only a
    # suffix ("Jeb Bush" of "Jeb Bush & Associates LLC")
    firms = sorted(
        {c for (_, t, _), c in zip(kept, canon, strict=True) if t == "ORG" and is_firm(c)}
    )
    if firms:
        for k, ((f, _t, a), c) in enumerate(zip(kept, canon, strict=True)):
            if (firm := firm_of(c, firms)) and not (" " in c and named_after(c, firm)):
                kept[k] = (f, "ORG", a)
                canon[k] = firm
    rows = []
    for (f, t, (before, after, title)), c in zip(kept, canon, strict=True):
        c = WIRE_NAMES.get(f[3].strip(), c)
        if not f[6] and (
            by_context := context_name(_clean(f[3]), before, after, title, person_words)
        ):
            t, c = by_context
        elif t == "ORG" and (outlet := outlet_name(c)):
            c = outlet
        rows.append((f[0], f[1], f[2], f[3], t, c))
    return _town_or_case(rows, [a for _, _, a in kept], person_words)


def _town_or_case(
    rows: list[tuple], around: list[tuple], person_words: set[str] = frozenset()
) -> list[tuple]:
    """`rows` of one article with a one-word person's name that the article writes as a
    party of a court case ("Plessy v. Ferguson": MISC, `kinds.is_case_party`) or before a US
    state ("Ferguson, Missouri", "Ferguson, Mo.": LOC, `kinds.us_state_after`)
    retyped, in every mention of the article where the tagger said PER, and named by that
    word (not a full name the word was merged into: "Ferguson" is no "Ferguson McDonald").
    A one-word name (PER, LOC or ORG) the article writes before a disease's word ("Ebola
    outbreak", "Zika virus": `kinds.disease_after`) is MISC in every mention of the article,
    unless it is a known place ("Wuhan virus") or a word of the article's people."""
    fixed: dict[str, str] = {}
    for (_, _, _, text, t, _), (before, after, _) in zip(rows, around, strict=True):
        word = _clean(text)
        if " " in word:
            continue
        if word not in person_words and disease_after(after) and known_kind(word) != "LOC":
            fixed[word] = "MISC"  # a disease: "Ebola" of "Ebola outbreak", every mention
            continue
        if t != "PER":
            continue
        if us_state_after(after):
            fixed.setdefault(word, "LOC")
        elif is_case_party(before, after):
            fixed.setdefault(word, "MISC")
    if not fixed:
        return rows
    out = []
    for r in rows:
        word = _clean(r[3])
        hit = word in fixed and (r[4] == "PER" or (fixed[word] == "MISC" and r[4] != "MISC"))
        out.append(r[:4] + (fixed[word], word) if hit else r)
    return out


def find_entities(corpus, model: str | None = None) -> pd.DataFrame:
    """Names in each article's title and body sentences.

    Rules on top of the tagger: a name within the capitals opening an article's first sentence
    before a comma, bracket or dash (the dateline's place, `LOS ANGELES, March 3 -`) is a LOC;
    a name alone on one of an article's last two lines (a sign-off, `Reuter`) is left out;
    in rows of a table (`terms.tabular.table_flags`: "Shr 34 cts vs 1.19 dlrs", "Nine mths")
    only the dateline's names and names `resolve.table_name` accepts are kept (a results
    table's "Manchester United", not an earnings table's "Oper", "Shr", "Qtr"); the types and kept names of each article follow
    `resolve.article_types` (never a number or table word or a sentence-opening common word;
    a place is no person; a person's first name or surname alone is the person).
    A LOC that the words around it show is no place is retyped (`placenames.not_places`: a court
    case's party, an organisation's word, a product, a person's statue, "VA" of Veterans Affairs).
    A one-word name the article writes before a disease's word ("Ebola outbreak", "Zika
    virus") is MISC in all its mentions there; a bare surname the article titles for someone
    it never names in full ("President Trump" beside only "Ivanka Trump") is named
    "President Trump" (`surnames.titled_surnames`) for the corpus step to resolve.

    Input: a `Corpus` (articles with `text`; paragraphs with `kind`; sentences). Output: one row
    per name, ENTITY_COLUMNS: article_id, sentence_id (`TITLE_SENTENCE` = -1 for the title),
    start/end (character offsets in the article's `text`, as the quotes and dates tables give
    them), text, type (PER, ORG, LOC, MISC), canonical (within-article canonical name, see
    `canonical_names`). `model`: a model folder other than the shipped `data/ner/`. Raises
    FileNotFoundError when the model file is missing."""
    docs = _documents(corpus)
    arts = corpus.articles
    text_of = (
        dict(zip(arts["article_id"].astype("str"), arts["text"].astype("str"), strict=True))
        if len(arts) and "text" in arts
        else {}
    )
    rows: dict[str, list] = {c: [] for c in ENTITY_COLUMNS}
    for c in range(0, len(docs), _BATCH):
        chunk = docs[c : c + _BATCH]
        found = tag_documents([(d[1], d[4]) for d in chunk], model=model)
        for doc, spans_of_doc in zip(chunk, found, strict=True):
            for row in _article_rows(doc, spans_of_doc, text_of.get(doc[0], "")):
                rows["article_id"].append(doc[0])
                for col, value in zip(ENTITY_COLUMNS[1:], row, strict=True):
                    rows[col].append(value)
    if not rows["article_id"]:
        return _empty()
    table = pd.DataFrame(
        {
            "article_id": pd.Series(rows["article_id"], dtype="str"),
            "sentence_id": pd.Series(rows["sentence_id"], dtype="int32"),
            "start": pd.Series(rows["start"], dtype="int32"),
            "end": pd.Series(rows["end"], dtype="int32"),
            "text": pd.Series(rows["text"], dtype="str"),
            "type": pd.Categorical(rows["type"], categories=list(TYPES)),
            "canonical": pd.Series(rows["canonical"], dtype="str"),
        }
    )
    return not_places(table, text_of)  # a case's party, an organisation's word, "VA" ...


def resolve_entities(entities: pd.DataFrame) -> pd.DataFrame:
    """`entities` with one type and one `canonical` name per entity across the corpus
    (`resolve.resolve_types_and_names`): a country's other names and abbreviations one name
    ("U.S.", "America" → "United States"), each name typed by the majority of the articles
    naming it (a known place never PER, a known first name never LOC), spellings, a surname
    or first name alone → the dominant full name, an acronym → its expansion where an article
    backs it (`sources.canonical.corpus_aliases` for persons and organisations).

    Input/output: an entities table (ENTITY_COLUMNS); `text` (the surface form) and other
    columns unchanged, `type` and `canonical` resolved."""
    return resolve_types_and_names(entities)
