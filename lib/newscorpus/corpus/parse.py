"""One article's text -> paragraphs, sentences and tokens; a batch of articles -> DataFrames.

Tokens come from one regex (`WORD_TOKENIZER`'s pattern) run on each body sentence. The pattern
matches every character that is not whitespace, in order, so a token's offsets are found without
a Python step per token: the n-th token starts at the (sum of earlier token lengths)-th
non-space character of the article's body sentences (checked per article; any article where it
does not hold is tokenised match by match).
"""

from __future__ import annotations

import functools
import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from newscorpus import resources
from newscorpus.corpus.acronyms import acronym_norms
from newscorpus.corpus.model import PARAGRAPH_KINDS, TOKEN_COLUMNS
from newscorpus.corpus.paragraphs import classify_paragraphs, read_metadata, wrapped_paragraphs
from newscorpus.sentences import split_sentences

# Words keep inner apostrophes and hyphens (al-Zour, don’t, U.S.-led); numbers keep , and .;
# an ordinal or a decade is one token (20th, 1990s; not 20 + th)
# A possessive ’s is its own token (State’s -> State + ’s); contractions stay whole (it’s, don’t).
_TOKEN_PATTERN = (
    r"(?:[A-Za-z]\.){2,}(?:-\w+)*"  # U.S., U.S.-led
    r"|\d+(?:-\d+)*-[A-Za-z]\w*(?:-\w+)*"  # 81-member, 24-hour
    r"|\d{1,3}(?:,\d{3})*(?i:st|nd|rd|th)\b(?:-\w+)*"  # ordinals: 20th, 1,000th, 19th-century
    r"|\d{1,3}0s\b"  # decades: 1990s, 80s
    r"|\d+(?:[.,:]\d+)*%?"  # 3,000  2.5  10:30
    r"|\b(?i:it|he|she|that|there|what|who|where|here|let|how|when|why)['’]s\b"  # it’s, that’s
    r"|\w+(?:['’](?![sS]\b)\w+)*(?:-\w+(?:['’](?![sS]\b)\w+)*)*"  # words, don’t, al-Zour
    r"|['’][sS]\b"  # possessive ’s
    r"|[^\w\s]"  # any other single non-space character
)


class _WordTokenizer:
    """NLTK's ``RegexpTokenizer(_TOKEN_PATTERN)``, built on first use: importing NLTK costs about
    1.5 s per process (it pulls in scipy.stats), which every notebook kernel paid for nothing."""

    @functools.cached_property
    def _tokenizer(self):
        from nltk.tokenize import RegexpTokenizer

        return RegexpTokenizer(_TOKEN_PATTERN)

    def tokenize(self, text: str) -> list[str]:
        """The tokens of `text` (strings)."""
        return self._tokenizer.tokenize(text)

    def span_tokenize(self, text: str):
        """The (start, end) character spans of the tokens of `text`."""
        return self._tokenizer.span_tokenize(text)


WORD_TOKENIZER = _WordTokenizer()
# The same pattern, matched directly: NLTK 3.10 wraps RegexpTokenizer's regex in a ReDoS guard
# that costs more than the match itself; the pattern has no nested quantifiers to guard against.
# A plain ASCII word not followed by a word character, apostrophe, period or hyphen is matched
# by a first, cheaper alternative; every other alternative would give it exactly the same span
# (checked on a 900,000-token corpus and 400,000 random strings), so the tokens are unchanged.
_FAST_WORD = r"[A-Za-z][a-z]*(?![\w'’.-])|"
_TOKEN_RE = re.compile(_FAST_WORD + _TOKEN_PATTERN)
_TOKEN_FINDITER = _TOKEN_RE.finditer
_TOKEN_FINDALL = _TOKEN_RE.findall
_LINES = re.compile(r"[^\n]+")
# markup left in a plain-text export (`<tweet id="67213…" author="@x">…</tweet>`, `<br/>`): its
# tokens are kept (offsets hold) but are not words, so tags and attributes never reach counts
# a web address ("https://t.co/x", "tmsnrt.rs/2ldjzJI", "www.cnn.com") and an ad slot's or
# widget's JSON left in the text ('{"unitName":"dfpPosition1","display":"mobile"}') are the page's
# too: their tokens are not words
_MARKUP = re.compile(
    r"</?[A-Za-z][\w:.-]*(?:\s+[^<>\n]{0,500}?)?\s*/?>"
    r"|(?:https?://|www\.)[^\s<>\"”]+"
    r"|\b[a-z][\w-]*(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|io|ly|rs|co|us|uk|tv|gl|info)/[^\s<>\"”]*"
    r"|\{\s*\"[^{}\n]{0,2000}\}"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # an e-mail address
    r"|(?<![\w@#&])[@#][A-Za-z_]\w*"  # a social handle or hashtag: @PoliticalTicker, #MeToo
    r"|\b(?:for|to|from|tells?|told) our (?:[A-Z][\w&-]* ){1,3}(?i:unit|desk|team)\b"  # own desk
)


def markup_mask(text: str, starts: np.ndarray) -> np.ndarray:
    """True for each token start (character offset into `text`) inside an HTML/XML tag.

    Input: the article text and its tokens' start offsets (sorted). Output: a bool array as long
    as `starts`. A tag is `<name …>`, `</name>` or `<name/>` on one line, attributes at most 500
    characters; the text between tags (an embedded tweet's words) is not a tag. A web address,
    an e-mail address, a JSON object (an ad slot's settings), a social handle or hashtag
    ("@PoliticalTicker", "#MeToo": a name on a platform, not a word of the coverage) and an
    in-house desk credit ("reports for our Newscast unit", "tells our Newscast Desk": "our" and
    the capitalised name of a unit, desk or team) are markup too.
    """
    if not len(starts) or (not any(c in text for c in "</{@#") and " our " not in text):
        return np.zeros(len(starts), dtype=bool)
    spans = np.array([m.span() for m in _MARKUP.finditer(text)], dtype=np.int64).reshape(-1, 2)
    if not len(spans):
        return np.zeros(len(starts), dtype=bool)
    i = np.searchsorted(spans[:, 0], starts, side="right") - 1
    return (i >= 0) & (starts < spans[np.maximum(i, 0), 1])


# str.isspace for every code point up to U+3000 (none above it is a space), as re's \s reads it.
_SPACE_LUT = np.array([chr(i).isspace() for i in range(0x3001)], dtype=bool)


def split_tokens(text: str) -> list[tuple[int, int]]:
    """Token spans in one sentence (the NLTK RegexpTokenizer pattern above)."""
    return [m.span() for m in _TOKEN_FINDITER(text)]


def _token_offsets(
    text: str, s_start: list[int], s_end: list[int], lengths: np.ndarray, sentences: list[str]
) -> tuple[np.ndarray, np.ndarray]:
    """Start and end offsets (into `text`) of the tokens of the given sentences, in order."""
    if not len(lengths):
        empty = np.zeros(0, dtype=np.int32)
        return empty, empty
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    marks = np.zeros(len(codes) + 1, dtype=np.int32)
    np.add.at(marks, np.asarray(s_start), 1)
    np.add.at(marks, np.asarray(s_end), -1)
    inside = np.cumsum(marks[:-1]) > 0
    nonspace = ~_SPACE_LUT[np.minimum(codes, 0x3000)]
    chars = np.flatnonzero(inside & nonspace)
    ends_at = np.cumsum(lengths)
    if len(chars) == ends_at[-1]:
        return (
            chars[ends_at - lengths].astype(np.int32),
            (chars[ends_at - 1] + 1).astype(np.int32),
        )
    starts, ends = [], []  # the tiling does not hold: match by match
    for a_start, stext in zip(s_start, sentences, strict=True):
        for m in _TOKEN_FINDITER(stext):
            starts.append(a_start + m.start())
            ends.append(a_start + m.end())
    return np.array(starts, dtype=np.int32), np.array(ends, dtype=np.int32)


def parse_article(
    article_id: str, text: str, has_title: bool = True, furniture=None, outlet=None
) -> dict:
    """Split one decoded article into paragraphs, sentences and tokens, with its metadata.

    Input: the article id, its text, and whether its first non-empty line is a title;
    `furniture` (a `furniture.Furniture`, optional) marks what the article's `outlet` repeats
    as boilerplate, cutting a paragraph at exact offsets where furniture is flattened into it.
    Output: a dict with `meta` (see `read_metadata`, plus n_sentences), `paragraphs` and
    `sentences` (column lists: paragraph_id, kind, reason, text, start, end / sentence_id,
    paragraph_id, text, start, end) and `tokens` (token list, sentence_id/start/end int32
    arrays). Token columns derived from the token text (norm, stem, is_stop, is_word) are added
    for a whole batch at once by `tables_for`.
    """
    p_start, p_end, texts, leads, blank_before = [], [], [], [], []
    for m in _LINES.finditer(text):
        line = m.group()
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            blank_before.append(bool(p_end) and text.count("\n", p_end[-1], m.start()) > 1)
            p_start.append(m.start() + lead)
            p_end.append(m.start() + lead + len(stripped))
            texts.append(stripped)
            leads.append(lead)
    runs = wrapped_paragraphs(texts, leads, blank_before, has_title)
    if runs is not None:  # hard-wrapped: a paragraph spans its lines, newlines read as spaces
        p_start = [p_start[a] for a, _ in runs]
        p_end = [p_end[b] for _, b in runs]
        texts = [text[a:b].replace("\n", " ") for a, b in zip(p_start, p_end, strict=True)]
    classified = classify_paragraphs(texts, has_title)
    if furniture:
        p_start, p_end, texts, classified = furniture.mark(
            p_start, p_end, texts, classified, has_title, outlet
        )
    kinds = [k for k, _ in classified]
    s_pid, s_start, s_end, s_text, tokens, counts = [], [], [], [], [], []
    for pid, kind in enumerate(kinds):
        if kind != "body":
            continue
        ptext, offset = texts[pid], p_start[pid]
        for a, b in split_sentences(ptext):
            stext = ptext[a:b]
            s_pid.append(pid)
            s_start.append(offset + a)
            s_end.append(offset + b)
            s_text.append(stext)
            found = _TOKEN_FINDALL(stext)
            tokens.extend(found)
            counts.append(len(found))
    lengths = np.fromiter(map(len, tokens), dtype=np.int64, count=len(tokens))
    t_start, t_end = _token_offsets(text, s_start, s_end, lengths, s_text)
    meta = read_metadata(texts, kinds)
    meta["n_sentences"] = len(s_text)
    return {
        "meta": meta,
        "paragraphs": {
            "kind": kinds,
            "reason": [r for _, r in classified],
            "text": texts,
            "start": p_start,
            "end": p_end,
        },
        "sentences": {"paragraph_id": s_pid, "text": s_text, "start": s_start, "end": s_end},
        "tokens": {
            "token": tokens,
            "sentence_id": np.repeat(np.arange(len(counts), dtype=np.int32), counts),
            "start": t_start,
            "end": t_end,
            "markup": markup_mask(text, np.asarray(t_start, dtype=np.int64)),
        },
    }


# --------------------------------------------------------------------------- batch -> tables

_STEMS: dict[str, str] = {}  # per-process cache: news vocabulary is small next to its token count


def _stem(norm: str) -> str:
    stem = _STEMS.get(norm)
    if stem is None:
        stem = _STEMS[norm] = resources.stemmer().stem(norm)
    return stem


_STR = pd.StringDtype(storage="pyarrow", na_value=np.nan)  # pandas' default `str` dtype
_KIND = pd.CategoricalDtype(PARAGRAPH_KINDS)


def _strings(values) -> pd.api.extensions.ExtensionArray:
    return pd.array(pa.array(values, type=pa.large_string()), dtype=_STR)


def _ids(ids: list[str], counts: list[int]) -> pd.api.extensions.ExtensionArray:
    """article_id repeated per row, built from the ids and row counts in C."""
    return pd.array(
        pc.take(pa.array(ids, type=pa.large_string()), np.repeat(np.arange(len(ids)), counts)),
        dtype=_STR,
    )


def _int32(parts: list) -> np.ndarray:
    if not parts:
        return np.zeros(0, dtype=np.int32)
    return np.concatenate([np.asarray(p, dtype=np.int32) for p in parts])


def tables_for(ids: list[str], parsed: list[dict]) -> dict[str, pd.DataFrame]:
    """The paragraphs, sentences and tokens DataFrames of a batch of parsed articles.

    Types: ids and offsets int32; kind categorical; text columns `str`; tokens.article_id
    categorical (categories: this batch's ids, in order).
    """
    paras = [p["paragraphs"] for p in parsed]
    sents = [p["sentences"] for p in parsed]
    toks = [p["tokens"] for p in parsed]
    n_par = [len(p["kind"]) for p in paras]
    n_sen = [len(s["text"]) for s in sents]
    n_tok = [len(t["token"]) for t in toks]
    paragraphs = pd.DataFrame(
        {
            "article_id": _ids(ids, n_par),
            "paragraph_id": _int32([np.arange(n) for n in n_par]),
            "kind": pd.Categorical([k for p in paras for k in p["kind"]], dtype=_KIND),
            "reason": _strings([r for p in paras for r in p["reason"]]),
            "text": _strings([t for p in paras for t in p["text"]]),
            "start": _int32([p["start"] for p in paras]),
            "end": _int32([p["end"] for p in paras]),
        }
    )
    sentences = pd.DataFrame(
        {
            "article_id": _ids(ids, n_sen),
            "sentence_id": _int32([np.arange(n) for n in n_sen]),
            "paragraph_id": _int32([s["paragraph_id"] for s in sents]),
            "text": _strings([t for s in sents for t in s["text"]]),
            "start": _int32([s["start"] for s in sents]),
            "end": _int32([s["end"] for s in sents]),
        }
    )
    words = [w for t in toks for w in t["token"]]
    token = pa.array(words, type=pa.large_string())
    norm = pc.replace_substring(pc.replace_substring(pc.utf8_lower(token), "’", "'"), "‘", "'")
    if len(words):  # "US" the country is not "us" the pronoun (`acronyms`)
        sentence = np.concatenate([np.asarray(t["sentence_id"], dtype=np.int64) for t in toks])
        article = np.repeat(np.arange(len(ids), dtype=np.int64), n_tok)
        acronyms = acronym_norms(words, article * (int(sentence.max(initial=0)) + 1) + sentence)
        if acronyms:
            norm = norm.to_pylist()
            for i, a in acronyms.items():
                norm[i] = a
            norm = pa.array(norm, type=pa.large_string())
    encoded = pc.dictionary_encode(norm)
    uniques = encoded.dictionary.to_pylist()
    stems = pa.array([_stem(u) for u in uniques], type=pa.large_string())
    stopwords = pa.array(sorted(resources.stopwords() | {"'s"}), type=pa.large_string())
    # is_word: str.isalnum of the first character, once per distinct token (Python's Unicode
    # tables, as the tokenizer's own \w uses; pyarrow's can be a version newer).
    distinct = pc.dictionary_encode(token)
    word_like = np.array([t[0].isalnum() for t in distinct.dictionary.to_pylist()], dtype=bool)
    tokens = pd.DataFrame(
        {
            "article_id": pd.Categorical.from_codes(
                np.repeat(np.arange(len(ids), dtype=np.int32), n_tok),
                categories=pd.Index(ids, dtype=_STR),
            ),
            "sentence_id": _int32([t["sentence_id"] for t in toks]),
            "token": pd.array(token, dtype=_STR),
            "norm": pd.array(norm, dtype=_STR),
            "stem": pd.array(pc.take(stems, encoded.indices), dtype=_STR),
            "is_stop": pc.is_in(norm, value_set=stopwords).to_numpy(zero_copy_only=False),
            "is_word": word_like[distinct.indices.to_numpy(zero_copy_only=False)]
            & ~np.concatenate([np.zeros(0, dtype=bool)] + [t["markup"] for t in toks])
            if len(words)
            else np.zeros(0, dtype=bool),
            "start": _int32([t["start"] for t in toks]),
            "end": _int32([t["end"] for t in toks]),
        },
        columns=TOKEN_COLUMNS,
    )
    return {"paragraphs": paragraphs, "sentences": sentences, "tokens": tokens}
