"""Term frequency from the `tokens` table: counts and rates, distinctive terms, collocations,
keyword in context, dispersion, trends and a vocabulary summary.

Everything is built from body-text tokens (`corpus.tokens`), so titles, captions and site
boilerplate never count. A *term* is a word (its lowercase `norm`, or its `stem`), a multiword
name kept whole as one unit (``islamic state``, ``deir al-zour``), or an n-gram of such units
inside one sentence. Rates are per 10,000 body words of the article (or corpus).

Counting is vectorised over the whole tokens table (integer codes, ``value_counts``), so a
corpus of 10,000 articles is counted in seconds on one core.
"""

from __future__ import annotations

import csv
import functools
import math
import re
import warnings
import weakref
from collections.abc import Iterable, Mapping
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from nltk.collocations import (
    BigramAssocMeasures,
    BigramCollocationFinder,
    TrigramAssocMeasures,
    TrigramCollocationFinder,
)

from newscorpus import resources
from newscorpus.corpus import Corpus, split_tokens
from newscorpus.paths import DATA_DIR
from newscorpus.plots import labelled_barh

PER = 10_000  # rates are per this many body words
COUNT_COLUMNS = ["term", "ngram", "count", "rate", "n_articles"]
ARTICLE_COUNT_COLUMNS = ["article_id", "term", "ngram", "count", "n_words", "rate"]
KEYNESS_COLUMNS = [
    "article_id",
    "term",
    "ngram",
    "count",
    "n_words",
    "rate",
    "count_rest",
    "n_words_rest",
    "rate_rest",
    "log_likelihood",
    "overused",
    "n_articles",
    "tf_idf",
]
COLLOCATION_COLUMNS = ["collocation", "ngram", "count", "log_likelihood", "pmi"]
KWIC_COLUMNS = ["article_id", "sentence_id", "left", "term", "right", "start", "end"]
DISPERSION_COLUMNS = ["article_id", "term", "position", "start", "end"]
TREND_COLUMNS = ["article_id", "published", "order", "term", "count", "n_words", "rate"]
BUCKET_COLUMNS = ["bucket", "term", "count", "n_articles", "n_words", "rate"]
VOCABULARY_COLUMNS = [
    "article_id",
    "n_tokens",
    "n_types",
    "ttr",
    "n_sentences",
    "words_per_sentence",
    "n_hapaxes",
    "hapax_ratio",
]
LL_THRESHOLD = 10.83  # log-likelihood critical value for p < 0.001 (1 d.f.)
_NUMBER = re.compile(r"^[^A-Za-z]*\d[^A-Za-z]*$")


# --------------------------------------------------------------------------- defaults


def _fold(text: str) -> str:
    """Lowercase with curly apostrophes folded, as `tokens.norm` is."""
    return text.lower().replace("’", "'").replace("‘", "'")


def default_aliases() -> dict[str, str]:
    """The shipped alias map {variant: term} (ISIS, ISIL, Daesh … -> Islamic State)."""
    return dict(_shipped_aliases())


@functools.cache
def _shipped_aliases() -> dict[str, str]:
    with (DATA_DIR / "terms_aliases.csv").open(encoding="utf-8", newline="") as fh:
        return {row["variant"]: row["term"] for row in csv.DictReader(fh)}


@functools.cache
def default_phrases() -> tuple[str, ...]:
    """The shipped list of multiword names kept whole (Washington Post, Hamrin mountains …)."""
    lines = (DATA_DIR / "terms_phrases.txt").read_text(encoding="utf-8").splitlines()
    return tuple(s.strip() for s in lines if s.strip() and not s.startswith("#"))


def term_words(term: str) -> tuple[str, ...]:
    """Split a term or phrase the way the reader splits text, into lowercase token norms.

    A `*` right after a word stays on it (`desert*`), marking a prefix for the tracing functions.
    """
    term = term.strip()
    words: list[str] = []
    last_end = -1
    for s, e in split_tokens(term):
        piece = _fold(term[s:e])
        if piece == "*" and words and s == last_end and not words[-1].endswith("*"):
            words[-1] += "*"
        else:
            words.append(piece)
        last_end = e
    return tuple(words)


# --------------------------------------------------------------------------- token arrays


def _check_ngram_range(ngram_range: Any) -> tuple[int, int]:
    try:
        lo, hi = (int(x) for x in ngram_range)
    except (TypeError, ValueError):
        lo = hi = -1
    if not 1 <= lo <= hi <= 3:
        raise ValueError(
            f"ngram_range={ngram_range!r}: expected two integers (min, max) with 1 <= min <= max <= 3"
        )
    return lo, hi


class _Tokens:
    """The tokens table as integer arrays, with sentence boundaries and per-norm flags."""

    def __init__(self, corpus: Corpus):
        tok = corpus.tokens
        self._table = weakref.ref(tok)
        self.phrases: dict[tuple, list[str]] = {}
        self.n = len(tok)
        # codes in order of appearance: each article's tokens are contiguous in the table
        self.article_codes, self.article_ids = pd.factorize(tok["article_id"])
        self.norm_codes, norms = pd.factorize(tok["norm"])
        self.norms = np.asarray(norms, dtype=object)
        self.norm_index = {w: i for i, w in enumerate(self.norms)}
        self.sentence = tok["sentence_id"].to_numpy(dtype=np.int64)
        self.is_word = tok["is_word"].to_numpy(dtype=bool)
        self.start = tok["start"].to_numpy(dtype=np.int64)
        self.end = tok["end"].to_numpy(dtype=np.int64)
        # same[i]: token i+1 is in the same sentence (and article) as token i
        self.same = np.zeros(self.n, dtype=bool)
        if self.n > 1:
            self.same[:-1] = (self.article_codes[1:] == self.article_codes[:-1]) & (
                self.sentence[1:] == self.sentence[:-1]
            )
        self.is_number_norm = np.array([bool(_NUMBER.match(w)) for w in self.norms], dtype=bool)
        stop = resources.stopwords()
        self.is_stop_norm = np.array([w in stop or w == "'s" for w in self.norms], dtype=bool)
        self.n_words = np.bincount(
            self.article_codes[self.is_word], minlength=len(self.article_ids)
        ).astype(np.int64)
        # word_rank[i]: index of token i among its article's word tokens (words before it)
        cum = np.cumsum(self.is_word) - self.is_word
        first = np.r_[True, self.article_codes[1:] != self.article_codes[:-1]] if self.n else []
        self.word_rank = cum - np.maximum.accumulate(np.where(first, cum, 0)) if self.n else cum

    def run_same(self, i: np.ndarray, k: int) -> np.ndarray:
        """Whether tokens i .. i+k-1 exist and lie in one sentence."""
        ok = i + k - 1 < self.n
        for j in range(k - 1):
            ok &= self.same[np.minimum(i + j, self.n - 1)]
        return ok

    def code_sets(self, words: tuple[str, ...]) -> list[np.ndarray] | None:
        """Norm codes each word of a run may take (a trailing * makes a word a prefix)."""
        sets = []
        for w in words:
            if w.endswith("*") and len(w) > 1:
                codes = [c for c, norm in enumerate(self.norms) if norm.startswith(w[:-1])]
            else:
                codes = [self.norm_index[w]] if w in self.norm_index else []
            if not codes:
                return None
            sets.append(np.array(codes, dtype=np.int64))
        return sets

    def match(
        self, words: tuple[str, ...], candidates: tuple[np.ndarray, np.ndarray] | None = None
    ) -> np.ndarray:
        """Start positions of a run of norms inside one sentence.

        `candidates` (norm codes sorted, and the token positions holding them, from
        `positions_of`) saves a pass over the whole table when many runs are matched.
        """
        sets = self.code_sets(words) if words and self.n else None
        if sets is None:
            return np.zeros(0, dtype=np.int64)
        if candidates is None:
            lut = np.zeros(len(self.norms), dtype=bool)
            lut[sets[0]] = True
            cand = np.flatnonzero(lut[self.norm_codes])
        else:
            codes, positions = candidates
            lo = np.searchsorted(codes, sets[0], side="left")
            hi = np.searchsorted(codes, sets[0], side="right")
            cand = np.sort(np.concatenate([positions[a:b] for a, b in zip(lo, hi, strict=True)]))
        cand = cand[self.run_same(cand, len(words))]
        for j, codes in enumerate(sets[1:], start=1):
            cand = cand[np.isin(self.norm_codes[cand + j], codes)]
        return cand

    def positions_of(self, codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Token positions holding any of `codes`, grouped by code (for `match`)."""
        lut = np.zeros(len(self.norms), dtype=bool)
        lut[codes] = True
        positions = np.flatnonzero(lut[self.norm_codes]) if self.n else np.zeros(0, np.int64)
        found = self.norm_codes[positions]
        order = np.argsort(found, kind="stable")
        return found[order], positions[order]

    @functools.cached_property
    def tokens(self) -> tuple[np.ndarray, np.ndarray]:
        """Token codes and the distinct tokens (curly apostrophes folded to ')."""
        codes, uniques = pd.factorize(self._table()["token"])
        folded = np.array(
            [str(w).replace("’", "'").replace("‘", "'") for w in uniques], dtype=object
        )
        return codes, folded


_CACHE: list[tuple[weakref.ref, _Tokens]] = []


def _arrays(corpus: Corpus) -> _Tokens:
    """The encoded tokens table, cached per table so counts, keyness and tracing share it."""
    for ref, arrays in _CACHE:
        if ref() is corpus.tokens:
            return arrays
    arrays = _Tokens(corpus)
    _CACHE.insert(0, (weakref.ref(corpus.tokens), arrays))
    del _CACHE[3:]
    return arrays


def _parse_terms(terms: str | Iterable[str], name: str = "terms") -> list[str]:
    if isinstance(terms, str):
        terms = [terms]
    out = [str(t).strip() for t in terms]
    bad = [t for t in out if not term_words(t)]
    if bad or not out:
        raise ValueError(f"{name}={list(out)!r}: expected one or more non-empty words or phrases")
    return out


# --------------------------------------------------------------------------- units and phrases


def _phrase_keys(
    phrases: Iterable[str], aliases: Mapping[str, str]
) -> tuple[dict[tuple, str], dict[str, str]]:
    """Phrase word-tuples -> display term, and folded single-word variant -> display term."""
    phrase_map: dict[tuple, str] = {}
    word_alias: dict[str, str] = {}
    for p in phrases:
        words = term_words(p)
        if len(words) > 1:
            phrase_map[words] = p.strip()
    for variant, term in aliases.items():
        words = term_words(variant)
        if len(words) > 1:
            phrase_map[words] = term
        elif words:
            word_alias[words[0]] = term
    for words in list(phrase_map):
        canon = _alias_of(aliases, " ".join(words))
        if canon is not None:
            phrase_map[words] = canon
    return phrase_map, word_alias


def _alias_of(aliases: Mapping[str, str], term: str) -> str | None:
    """The canonical term an alias map gives for `term` (case-insensitive), or None."""
    key = " ".join(term_words(term))
    for variant, canon in aliases.items():
        if " ".join(term_words(variant)) == key:
            return canon
    return None


def find_phrases(corpus: Corpus, min_count: int = 2, min_score: float = LL_THRESHOLD) -> list[str]:
    """Multiword names found by collocation statistics: runs of 2–3 capitalised words.

    A run is kept when it occurs at least `min_count` times and each adjacent pair in it is a
    collocation (Dunning log-likelihood of at least `min_score`, p < 0.001 by default).
    """
    t = _arrays(corpus)
    if t.n < 2:
        return []
    if (min_count, min_score) not in t.phrases:
        t.phrases[(min_count, min_score)] = _find_phrases(t, min_count, min_score)
    return list(t.phrases[(min_count, min_score)])


def _find_phrases(t: _Tokens, min_count: int, min_score: float) -> list[str]:
    tok_codes, tok_text = t.tokens
    first = np.array([w[:1] for w in tok_text], dtype=object)
    cap_unique = np.array([c.upper() == c and c.lower() != c for c in first], dtype=bool)
    cap = cap_unique[tok_codes] & t.is_word & ~t.is_stop_norm[t.norm_codes]
    cap &= ~t.is_number_norm[t.norm_codes]
    pair = np.flatnonzero(cap[:-1] & cap[1:] & t.same[:-1])
    if not len(pair):
        return []
    # Bigram log-likelihood of each candidate pair among all adjacent word pairs in sentences.
    v = len(t.norms)
    unigram = np.bincount(t.norm_codes[t.is_word], minlength=v).astype(float)
    all_pairs = np.flatnonzero(t.same[:-1] & t.is_word[:-1] & t.is_word[1:])
    cand_keys = t.norm_codes[pair].astype(np.int64) * v + t.norm_codes[pair + 1]
    # count only pairs whose first word starts some candidate (cheap filter), then look up
    lut = np.zeros(v, dtype=bool)
    lut[t.norm_codes[pair]] = True
    some = all_pairs[lut[t.norm_codes[all_pairs]]]
    keys = t.norm_codes[some].astype(np.int64) * v + t.norm_codes[some + 1]
    pair_counts = pd.Series(keys).value_counts()
    n_total = float(len(all_pairs))
    n11 = pair_counts.reindex(cand_keys).to_numpy(dtype=float)
    n1p = unigram[t.norm_codes[pair]]
    np1 = unigram[t.norm_codes[pair + 1]]
    score = _ll_2x2(n11, n1p, np1, n_total)
    good_pairs = pair[(n11 >= min_count) & (score >= min_score)]
    good = np.zeros(t.n + 1, dtype=bool)
    good[good_pairs] = True
    triples = good_pairs[good[good_pairs + 1]]
    found: list[str] = []
    for starts, k in ((good_pairs, 2), (triples, 3)):
        if not len(starts):
            continue
        key = pd.Series(t.norm_codes[starts].astype(np.int64))
        surface = pd.Series(tok_text[tok_codes[starts]], dtype=object)
        for j in range(1, k):
            key = key * v + t.norm_codes[starts + j]
            surface = surface + " " + tok_text[tok_codes[starts + j]]
        table = pd.DataFrame({"key": key, "surface": surface})
        sizes = table.groupby("key")["surface"].transform("size")
        table = table[sizes >= min_count]
        # the most common spelling names the phrase (Washington Post, not WASHINGTON POST)
        best = (
            table.value_counts(["key", "surface"])
            .rename("n")
            .reset_index()
            .sort_values(["key", "n", "surface"], ascending=[True, False, True])
            .drop_duplicates("key")
        )
        found += best["surface"].tolist()
    return sorted(found)


def _ll_2x2(n11: np.ndarray, n1p: np.ndarray, np1: np.ndarray, n: float) -> np.ndarray:
    """Dunning's log-likelihood G2 of a 2x2 contingency table, vectorised."""
    n12 = n1p - n11
    n21 = np1 - n11
    n22 = n - n1p - np1 + n11
    cells = [
        (n11, n1p * np1 / n),
        (n12, n1p * (n - np1) / n),
        (n21, (n - n1p) * np1 / n),
        (n22, (n - n1p) * (n - np1) / n),
    ]
    total = np.zeros_like(n11, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        for obs, exp in cells:
            total += np.where(obs > 0, obs * np.log(obs / exp), 0.0)
    return 2 * total


class _Options:
    """Validated term options shared by counts, keyness and the plots."""

    def __init__(
        self,
        ngram_range: tuple[int, int] | list[int] = (1, 1),
        stems: bool = False,
        lowercase: bool = True,
        min_count: int = 1,
        remove_stopwords: bool = True,
        extra_stopwords: Iterable[str] = (),
        keep_numbers: bool = False,
        phrases: Iterable[str] | None = None,
        find_names: bool = True,
        alias_map: Mapping[str, str] | None = None,
        default_aliases: bool = True,
    ):
        self.ngram_range = _check_ngram_range(ngram_range)
        if isinstance(min_count, bool) or not isinstance(min_count, (int, np.integer)):
            raise ValueError(f"min_count={min_count!r}: expected an integer >= 1")
        if min_count < 1:
            raise ValueError(f"min_count={min_count!r}: expected an integer >= 1")
        if isinstance(extra_stopwords, str):
            extra_stopwords = [extra_stopwords]
        if isinstance(phrases, str):
            phrases = [phrases]
        if alias_map is not None and not isinstance(alias_map, Mapping):
            raise ValueError(f"alias_map={alias_map!r}: expected a dict {{variant: term}} or None")
        self.stems = bool(stems)
        self.lowercase = bool(lowercase)
        self.min_count = int(min_count)
        self.remove_stopwords = bool(remove_stopwords)
        self.extra_stopwords = frozenset(_fold(w) for w in extra_stopwords)
        self.keep_numbers = bool(keep_numbers)
        self.phrases = tuple(default_phrases()) + tuple(phrases or ())
        self.find_names = bool(find_names)
        shipped = _shipped_aliases() if default_aliases else {}
        self.alias_map = {**shipped, **(alias_map or {})}


def _units(corpus: Corpus, opts: _Options) -> dict[str, np.ndarray]:
    """One row per unit (a token, or a phrase kept whole): article, term id, adjacency, flags."""
    t = _arrays(corpus)
    phrases = list(opts.phrases)
    if opts.find_names:
        phrases += find_phrases(corpus)
    phrase_map, word_alias = _phrase_keys(phrases, opts.alias_map)

    # Base term of each token: norm, stem or case-kept token, with single-word aliases folded.
    if opts.stems:
        base_codes, base_vocab = pd.factorize(corpus.tokens["stem"])
    elif not opts.lowercase:
        base_codes, base_vocab = t.tokens
    else:
        base_codes, base_vocab = t.norm_codes, t.norms
    vocab = [str(w) for w in base_vocab]
    index: dict[str, int] = {w: i for i, w in enumerate(vocab)}

    def term_id(term: str) -> int:
        term = _fold(term) if opts.lowercase else term
        if term not in index:
            index[term] = len(vocab)
            vocab.append(term)
        return index[term]

    term = np.asarray(base_codes, dtype=np.int64).copy()
    stop_norm = t.is_stop_norm.copy()
    if opts.extra_stopwords:
        stop_norm |= np.array([w in opts.extra_stopwords for w in t.norms], dtype=bool)
    is_stop = stop_norm[t.norm_codes] if t.n else np.zeros(0, dtype=bool)
    is_number = t.is_number_norm[t.norm_codes] if t.n else np.zeros(0, dtype=bool)
    alias_codes = {t.norm_index[w]: term_id(c) for w, c in word_alias.items() if w in t.norm_index}
    if alias_codes:
        hit = np.isin(t.norm_codes, list(alias_codes))
        term[hit] = [alias_codes[c] for c in t.norm_codes[hit]]
        is_stop[hit] = False

    # Phrases, longest first; a token belongs to at most one phrase (leftmost wins).
    keep = np.ones(t.n, dtype=bool)
    covered = np.zeros(t.n, dtype=bool)
    ordered = sorted(phrase_map.items(), key=lambda kv: (-len(kv[0]), kv[0]))
    firsts = [t.code_sets(words[:1]) for words, _ in ordered]
    first_codes = [c[0] for c in firsts if c is not None]
    candidates = t.positions_of(
        np.concatenate(first_codes) if first_codes else np.zeros(0, dtype=np.int64)
    )
    for words, display in ordered:
        k = len(words)
        starts = t.match(words, candidates)
        ok = np.ones(len(starts), dtype=bool)
        for j in range(k):
            ok &= ~covered[starts + j]
        starts = starts[ok]
        if len(starts) > 1:  # overlapping matches of one phrase ("a a" in "a a a"): first wins
            starts = starts[np.r_[True, np.diff(starts) >= k]]
        if not len(starts):
            continue
        for j in range(k):
            covered[starts + j] = True
            if j:
                keep[starts + j] = False
        term[starts] = term_id(display)
        is_stop[starts] = False
        is_number[starts] = False
    # flags per token, then kept units only (a phrase is its first token, marked covered)
    inner = t.is_word.copy()
    possessive = t.norm_index.get("'s")
    if possessive is not None:
        inner &= t.norm_codes != possessive
    inner |= covered
    if not opts.keep_numbers:
        inner &= ~is_number
    content = inner & ~is_stop if opts.remove_stopwords else inner
    idx = np.flatnonzero(keep)
    # a unit's successor is in its sentence when the token after the unit's last token is
    same_unit = t.same[np.append(idx[1:], t.n) - 1] if len(idx) else np.zeros(0, dtype=bool)
    return {
        "article": t.article_codes[idx],
        "term": term[idx],
        "same": same_unit,
        "content": content[idx],
        "inner": inner[idx],
        "vocab": np.asarray(vocab, dtype=object),
    }


def _grams(u: dict[str, np.ndarray], n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(first unit index, gram id, gram strings) for every n-gram inside a sentence."""
    m = len(u["term"])
    if n == 1:  # unigrams: the unit's own term id is the gram
        i = np.flatnonzero(u["content"])
        return i, u["term"][i], u["vocab"]
    i = np.arange(max(m - n + 1, 0))
    ok = u["content"][i] & u["content"][i + n - 1]
    for j in range(n - 1):
        ok &= u["same"][i + j]
    for j in range(1, n - 1):
        ok &= u["inner"][i + j]
    i = i[ok]
    key = u["term"][i]
    for j in range(1, n):
        codes, _ = pd.factorize(key)
        key = codes.astype(np.int64) * len(u["vocab"]) + u["term"][i + j]
    gram_codes, gram_keys = pd.factorize(key)
    strings = _decode(np.asarray(gram_keys, dtype=np.int64), u, i, gram_codes, n)
    return i, gram_codes.astype(np.int64), strings


def _decode(keys, u, i, gram_codes, n) -> np.ndarray:
    """Strings of each distinct gram, from the first occurrence of each."""
    if not len(keys):
        return np.zeros(0, dtype=object)
    first = np.zeros(len(keys), dtype=np.int64)
    first[gram_codes] = np.arange(len(gram_codes))  # any occurrence: all spell the gram alike
    pos = i[first]
    parts = [u["vocab"][u["term"][pos + j]] for j in range(n)]
    out = parts[0]
    for p in parts[1:]:
        out = out + " " + p
    return out


# --------------------------------------------------------------------------- counts


def term_counts(
    corpus: Corpus,
    by: str = "corpus",
    ngram_range: tuple[int, int] | list[int] = (1, 1),
    *,
    stems: bool = False,
    lowercase: bool = True,
    min_count: int = 1,
    remove_stopwords: bool = True,
    extra_stopwords: Iterable[str] = (),
    keep_numbers: bool = False,
    phrases: Iterable[str] | None = None,
    find_names: bool = True,
    alias_map: Mapping[str, str] | None = None,
    default_aliases: bool = True,
) -> pd.DataFrame:
    """Term counts and rates per 10,000 body words, for the corpus (`by="corpus"`) or per article.

    Terms are words, multiword names (the shipped phrase list, `phrases`, and names found by
    collocation statistics when `find_names`) and n-grams of them inside one sentence.
    `alias_map` ({variant: term}) folds variants into one term, on top of the shipped map
    (ISIS, ISIL, Daesh -> Islamic State) unless `default_aliases` is False.
    Stopwords, punctuation and numbers are left out unless asked for; an n-gram may hold
    stopwords inside but not at its ends. `min_count` applies to the corpus-wide count.
    """
    if by not in ("corpus", "article"):
        raise ValueError(f"by={by!r}: expected 'corpus' or 'article'")
    opts = _Options(
        ngram_range,
        stems,
        lowercase,
        min_count,
        remove_stopwords,
        extra_stopwords,
        keep_numbers,
        phrases,
        find_names,
        alias_map,
        default_aliases,
    )
    return _counts(corpus, opts, by)


def _counts(corpus: Corpus, opts: _Options, by: str) -> pd.DataFrame:
    t = _arrays(corpus)
    u = _units(corpus, opts)
    arts, tids, ngrams, counts, names = [], [], [], [], []
    offset = 0
    for n in range(opts.ngram_range[0], opts.ngram_range[1] + 1):
        i, gram, strings = _grams(u, n)
        if not len(i):
            continue
        key = u["article"][i].astype(np.int64) * len(strings) + gram
        vc = pd.Series(key).value_counts(sort=False)
        k = vc.index.to_numpy(dtype=np.int64)
        arts.append(k // len(strings))
        tids.append(k % len(strings) + offset)
        ngrams.append(np.full(len(k), n, dtype=np.int64))
        counts.append(vc.to_numpy(np.int64))
        names.append(strings)
        offset += len(strings)
    empty = np.zeros(0, dtype=np.int64)
    art = np.concatenate(arts) if arts else empty
    tid = np.concatenate(tids) if tids else empty
    ngram = np.concatenate(ngrams) if ngrams else empty
    count = np.concatenate(counts) if counts else empty
    names = pd.array(np.concatenate(names) if names else [], dtype="str")
    # every sort below is on integer ranks: term strings are sorted once, per distinct term
    term_rank = np.empty(len(names), dtype=np.int64)
    term_rank[np.argsort(np.asarray(names, dtype=object), kind="stable")] = np.arange(len(names))
    total = np.bincount(tid, weights=count, minlength=len(names)).astype(np.int64)
    keep = total[tid] >= opts.min_count
    art, tid, ngram, count = art[keep], tid[keep], ngram[keep], count[keep]
    if by == "corpus":
        used = np.unique(tid)
        n_articles = np.bincount(tid, minlength=len(names))[used]
        words = int(t.n_words.sum())
        out = pd.DataFrame(
            {
                "term": names.take(used),
                "ngram": np.bincount(tid, weights=ngram, minlength=len(names))[used]
                // np.maximum(n_articles, 1),
                "count": total[used],
                "rate": total[used] / words * PER if words else np.full(len(used), np.nan),
                "n_articles": n_articles,
            }
        )
        order = np.lexsort((term_rank[used], -total[used]))
        out = out.take(order).reset_index(drop=True)
        return out[COUNT_COLUMNS].astype(
            {"ngram": "int64", "count": "int64", "n_articles": "int64", "rate": "float64"}
        )
    article_rank = np.empty(len(t.article_ids), dtype=np.int64)
    article_rank[np.argsort(np.asarray(t.article_ids, dtype=object), kind="stable")] = np.arange(
        len(t.article_ids)
    )
    order = _sort_order(article_rank[art], -count, term_rank[tid])
    art, tid, ngram, count = art[order], tid[order], ngram[order], count[order]
    n_words = t.n_words[art]
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = np.where(n_words > 0, count / n_words * PER, np.nan)
    return pd.DataFrame(
        {
            "article_id": pd.array(t.article_ids, dtype="str").take(art),
            "term": names.take(tid),
            "ngram": ngram,
            "count": count,
            "n_words": n_words,
            "rate": rate,
        }
    )[ARTICLE_COUNT_COLUMNS]


def _sort_order(*keys: np.ndarray) -> np.ndarray:
    """Stable order by several non-negative-able integer keys (first key most significant).

    Packs the keys into one int64 when they fit (one argsort), else falls back to lexsort.
    """
    if not len(keys[0]):
        return np.zeros(0, dtype=np.int64)
    shifted = [k - k.min() for k in keys]
    spans = [int(k.max()) + 1 for k in shifted]
    if math.prod(spans) < 2**62:
        packed = np.zeros(len(keys[0]), dtype=np.int64)
        for k, span in zip(shifted, spans, strict=True):
            packed = packed * span + k
        return np.argsort(packed, kind="stable")
    return np.lexsort(tuple(reversed(keys)))


# --------------------------------------------------------------------------- keyness


def keyness(corpus: Corpus, counts: pd.DataFrame | None = None, **options: Any) -> pd.DataFrame:
    """Every (article, term) with its keyness against the rest of the corpus.

    `log_likelihood` is Dunning's G2 as Rayson computes it from the article's count and words
    against the rest of the corpus (10.83 = p < 0.001); `overused` says whether the article's
    rate is above the rest's. `tf_idf` = rate per 10,000 words x ln(articles / n_articles).
    Needs at least two articles with body text: otherwise warns and returns an empty table.
    `counts` may be a `term_counts(corpus, by="article", ...)` table already computed;
    `options` are those of `term_counts`.
    """
    per = counts if counts is not None else term_counts(corpus, by="article", **options)
    t = _arrays(corpus)
    n_docs = int((t.n_words > 0).sum())
    if n_docs < 2:
        warnings.warn(
            f"keyness compares each article with the rest of the corpus and needs at least two "
            f"articles with body text; this corpus has {n_docs}. Returning an empty table.",
            UserWarning,
            stacklevel=2,
        )
        return _empty(KEYNESS_COLUMNS)
    total_words = int(t.n_words.sum())
    codes, uniques = pd.factorize(per["term"])
    term_total = np.bincount(codes, weights=per["count"].to_numpy(float), minlength=len(uniques))
    term_total = term_total[codes]
    df = np.bincount(codes, minlength=len(uniques))[codes].astype(np.int64)
    a = per["count"].to_numpy(float)
    c = per["n_words"].to_numpy(float)
    b = term_total - a
    d = total_words - c
    e1 = c * (a + b) / (c + d)
    e2 = d * (a + b) / (c + d)
    with np.errstate(divide="ignore", invalid="ignore"):
        ll = 2 * (
            np.where(a > 0, a * np.log(a / e1), 0.0) + np.where(b > 0, b * np.log(b / e2), 0.0)
        )
        rate_rest = np.where(d > 0, b / d * PER, np.nan)
    out = per[["article_id", "term", "ngram", "count", "n_words", "rate"]].copy()
    out["count_rest"] = b.astype(np.int64)
    out["n_words_rest"] = d.astype(np.int64)
    out["rate_rest"] = rate_rest
    out["log_likelihood"] = np.round(ll, 6)
    out["overused"] = out["rate"].to_numpy() > np.nan_to_num(rate_rest)
    out["n_articles"] = df
    out["tf_idf"] = np.round(out["rate"].to_numpy() * np.log(n_docs / df), 6)
    return out[KEYNESS_COLUMNS].reset_index(drop=True)


def distinctive_terms(
    corpus: Corpus,
    top_n: int = 10,
    score: str = "log_likelihood",
    counts: pd.DataFrame | None = None,
    **options: Any,
) -> pd.DataFrame:
    """The `top_n` most distinctive terms of each article by `score` (log_likelihood or tf_idf).

    Only terms an article uses more than the rest of the corpus are ranked; ties go to the
    higher count, then alphabetical order. Columns are those of `keyness` plus `rank`.
    """
    if score not in ("log_likelihood", "tf_idf"):
        raise ValueError(f"score={score!r}: expected 'log_likelihood' or 'tf_idf'")
    if isinstance(top_n, bool) or not isinstance(top_n, (int, np.integer)) or top_n < 1:
        raise ValueError(f"top_n={top_n!r}: expected an integer >= 1")
    k = keyness(corpus, counts=counts, **options)
    k = k[k["overused"] & (k[score] > 0)]
    # sort on integer codes and floats (fast on millions of rows): article, score, count, term
    articles, _ = pd.factorize(k["article_id"], sort=True)
    term_codes, _ = pd.factorize(k["term"], sort=True)
    order = np.lexsort((term_codes, -k["count"].to_numpy(), -k[score].to_numpy(), articles))
    rank = np.arange(len(order)) - np.searchsorted(articles[order], articles[order])
    keep = order[rank < top_n]
    k = k.take(keep).reset_index(drop=True)
    k.insert(1, "rank", (rank[rank < top_n] + 1).astype("int64"))
    return k[["article_id", "rank", *KEYNESS_COLUMNS[1:]]]


# --------------------------------------------------------------------------- collocations


def collocations(
    corpus: Corpus,
    ngram: int = 2,
    min_count: int = 3,
    top_n: int | None = 20,
    extra_stopwords: Iterable[str] = (),
) -> pd.DataFrame:
    """Collocations by NLTK's bigram or trigram finder, scored by log-likelihood and PMI.

    Sentences are fed as separate documents (no collocation spans a sentence), punctuation breaks
    adjacency, and any n-gram holding a stopword (the shipped list plus `extra_stopwords`) or a
    number is dropped, so this runs offline. Sorted by log-likelihood.
    """
    if ngram not in (2, 3):
        raise ValueError(f"ngram={ngram!r}: expected 2 (bigrams) or 3 (trigrams)")
    if isinstance(min_count, bool) or not isinstance(min_count, (int, np.integer)) or min_count < 1:
        raise ValueError(f"min_count={min_count!r}: expected an integer >= 1")
    t = _arrays(corpus)
    if t.n == 0:
        return _empty(COLLOCATION_COLUMNS)
    norms = t.norms[t.norm_codes].copy()
    norms[~t.is_word] = None  # punctuation breaks adjacency like a sentence end
    # one None after each sentence: NLTK's finders skip windows that start or hold None
    words = np.insert(norms, np.flatnonzero(~t.same[:-1]) + 1, None).tolist() + [None]
    stop = resources.stopwords() | {_fold(w) for w in extra_stopwords} | {"'s"}
    if ngram == 2:
        finder = BigramCollocationFinder.from_words(words)
        measures = BigramAssocMeasures
    else:
        finder = TrigramCollocationFinder.from_words(words)
        measures = TrigramAssocMeasures
    finder.apply_word_filter(lambda w: w is None or w in stop or bool(_NUMBER.match(w)))
    finder.apply_freq_filter(min_count)
    ll = dict(finder.score_ngrams(measures.likelihood_ratio))
    pmi = dict(finder.score_ngrams(measures.pmi))
    rows = [
        {
            "collocation": " ".join(g),
            "ngram": ngram,
            "count": int(finder.ngram_fd[g]),
            "log_likelihood": round(float(s), 6),
            "pmi": round(float(pmi[g]), 6),
        }
        for g, s in ll.items()
    ]
    out = pd.DataFrame(rows, columns=COLLOCATION_COLUMNS)
    out = out.sort_values(
        ["log_likelihood", "collocation"], ascending=[False, True], kind="stable"
    ).reset_index(drop=True)
    return out.head(top_n) if top_n else out


# --------------------------------------------------------------------------- tracing terms


def find_terms(corpus: Corpus, terms: str | Iterable[str]) -> pd.DataFrame:
    """Every occurrence of each word or phrase (case-insensitive; `desert*` matches a prefix).

    Columns: article_id, sentence_id, term (as asked), token_index (first token's row in
    `corpus.tokens`), n_tokens, start, end.
    """
    terms = _parse_terms(terms)
    t = _arrays(corpus)
    rows = []
    for term in dict.fromkeys(terms):
        words = term_words(term)
        starts = t.match(words)
        k = len(words)
        rows.append(
            pd.DataFrame(
                {
                    "article": t.article_codes[starts],
                    "sentence_id": t.sentence[starts],
                    "term": term,
                    "token_index": starts,
                    "n_tokens": k,
                    "start": t.start[starts],
                    "end": t.end[starts + k - 1],
                }
            )
        )
    out = pd.concat(rows, ignore_index=True)
    ids = np.asarray(t.article_ids, dtype=object)
    out.insert(0, "article_id", ids[out.pop("article").to_numpy()] if len(ids) else [])
    out = out.astype(
        {
            "article_id": "str",
            "term": "str",
            "sentence_id": "int64",
            "token_index": "int64",
            "n_tokens": "int64",
            "start": "int64",
            "end": "int64",
        }
    )
    return out.sort_values(["article_id", "start", "term"], kind="stable").reset_index(drop=True)


def kwic(corpus: Corpus, term: str, window: int = 8) -> pd.DataFrame:
    """Keyword in context: each occurrence of a word or phrase with `window` words either side.

    Case-insensitive; context is the exact text around the match, cut at the edges of its body
    paragraph (it never runs into a caption or the next paragraph). Sorted by article, position.
    """
    if isinstance(window, bool) or not isinstance(window, (int, np.integer)) or window < 0:
        raise ValueError(f"window={window!r}: expected an integer >= 0 (words of context)")
    hits = find_terms(corpus, _parse_terms(term, "term")[:1])
    if hits.empty:
        return _empty(KWIC_COLUMNS)
    t = _arrays(corpus)
    spans = hits[["article_id", "sentence_id"]].merge(
        corpus.sentences[["article_id", "sentence_id", "paragraph_id"]],
        on=["article_id", "sentence_id"],
        how="left",
    )
    spans = spans.merge(
        corpus.paragraphs[["article_id", "paragraph_id", "start", "end"]],
        on=["article_id", "paragraph_id"],
        how="left",
    )
    words = np.flatnonzero(t.is_word)
    first_tok = hits["token_index"].to_numpy()
    last_tok = first_tok + hits["n_tokens"].to_numpy() - 1
    lo = np.searchsorted(words, first_tok)  # the first word at or after the match start
    hi = np.searchsorted(words, last_tok, side="right") - 1  # the match's last word
    left = np.maximum(t.start[words[np.maximum(lo - window, 0)]], spans["start"].to_numpy())
    right = np.minimum(
        t.end[words[np.minimum(hi + window, len(words) - 1)]], spans["end"].to_numpy()
    )
    starts, ends = hits["start"].to_numpy(), hits["end"].to_numpy()
    if window == 0:
        left, right = starts, ends
    text = dict(zip(corpus.articles["article_id"], corpus.articles["text"], strict=True))
    rows = [
        (body[a:s].strip(), body[s:e], body[e:b].strip())
        for body, a, s, e, b in zip(
            (text[aid] for aid in hits["article_id"]), left, starts, ends, right, strict=True
        )
    ]
    out = hits[["article_id", "sentence_id"]].copy()
    out["left"] = [r[0] for r in rows]
    out["term"] = [r[1] for r in rows]
    out["right"] = [r[2] for r in rows]
    out["start"] = starts
    out["end"] = ends
    return out.astype({"left": "str", "term": "str", "right": "str"})[KWIC_COLUMNS]


def dispersion(corpus: Corpus, terms: str | Iterable[str]) -> pd.DataFrame:
    """Where each term occurs through each article: position 0 (first body word) to 1 (last)."""
    hits = find_terms(corpus, terms)
    if hits.empty:
        return _empty(DISPERSION_COLUMNS)
    t = _arrays(corpus)
    first = hits["token_index"].to_numpy()
    span = np.maximum(t.n_words[t.article_codes[first]] - 1, 1)
    out = hits[["article_id", "term", "start", "end"]].copy()
    out["position"] = np.round(np.clip(t.word_rank[first] / span, 0.0, 1.0), 6)
    return out[DISPERSION_COLUMNS].reset_index(drop=True)


def trends(corpus: Corpus, terms: str | Iterable[str], freq: str | None = None) -> pd.DataFrame:
    """Rate per 10,000 words of each term in each article, articles ordered by published date.

    With `freq` (a pandas period alias such as "M", "Q" or "Y") rates are per time bucket
    instead; articles without a known date are left out of buckets with a warning.
    """
    terms = list(dict.fromkeys(_parse_terms(terms)))
    hits = find_terms(corpus, terms)
    arts = corpus.articles[["article_id", "published"]].copy()
    t = _arrays(corpus)
    words = pd.Series(t.n_words, index=pd.Index(t.article_ids, dtype="str"))
    arts["n_words"] = arts["article_id"].map(words).fillna(0).astype("int64")
    arts = arts.sort_values(["published", "article_id"], na_position="last", kind="stable")
    arts["order"] = np.arange(1, len(arts) + 1, dtype=np.int64)
    grid = arts.merge(pd.DataFrame({"term": terms}), how="cross")
    counts = hits.groupby(["article_id", "term"]).size().rename("count").reset_index()
    grid = grid.merge(counts, on=["article_id", "term"], how="left")
    grid["count"] = grid["count"].fillna(0).astype("int64")
    if freq is None:
        grid["rate"] = grid["count"] / grid["n_words"].where(grid["n_words"] > 0) * PER
        grid["term"] = pd.Categorical(grid["term"], categories=terms)
        grid = grid.sort_values(["order", "term"], kind="stable")
        grid["term"] = grid["term"].astype("str")
        return grid[TREND_COLUMNS].reset_index(drop=True)
    try:
        pd.Period("2000-01-01", freq=freq)
    except (ValueError, TypeError) as exc:
        raise ValueError(
            f"freq={freq!r}: expected a pandas period alias such as 'M', 'Q' or 'Y'"
        ) from exc
    undated = int(arts["published"].isna().sum())
    if undated:
        warnings.warn(
            f"{undated} of {len(arts)} articles have no published date and are left out of "
            f"the {freq!r} buckets",
            UserWarning,
            stacklevel=2,
        )
    grid = grid[grid["published"].notna()]
    grid["bucket"] = grid["published"].dt.to_period(freq).dt.start_time
    out = grid.groupby(["bucket", "term"], as_index=False).agg(
        count=("count", "sum"), n_articles=("article_id", "nunique"), n_words=("n_words", "sum")
    )
    out["rate"] = out["count"] / out["n_words"].where(out["n_words"] > 0) * PER
    return out[BUCKET_COLUMNS].reset_index(drop=True)


def vocabulary(corpus: Corpus) -> pd.DataFrame:
    """Per article: word tokens, types (distinct lowercase words), type-token ratio, words per
    sentence, hapaxes (words used once) and their share of types."""
    t = _arrays(corpus)
    w = t.is_word
    key = t.article_codes[w].astype(np.int64) * max(len(t.norms), 1) + t.norm_codes[w]
    per_type = pd.Series(key).value_counts(sort=False)  # one row per (article, word type)
    type_article = per_type.index.to_numpy(dtype=np.int64) // max(len(t.norms), 1)
    types = np.bincount(type_article, minlength=len(t.article_ids))
    hapax = np.bincount(type_article[per_type.to_numpy() == 1], minlength=len(t.article_ids))
    stats = pd.DataFrame(
        {"article_id": pd.Series(t.article_ids, dtype="str"), "n_types": types, "n_hapaxes": hapax}
    )
    out = corpus.articles[["article_id", "n_sentences"]].merge(stats, on="article_id", how="left")
    out["n_tokens"] = out["article_id"].map(
        pd.Series(t.n_words, index=pd.Index(t.article_ids, dtype="str"))
    )
    out[["n_tokens", "n_types", "n_hapaxes"]] = out[["n_tokens", "n_types", "n_hapaxes"]].fillna(0)
    out = out.astype({"n_tokens": "int64", "n_types": "int64", "n_hapaxes": "int64"})
    tokens = out["n_tokens"].where(out["n_tokens"] > 0)
    out["ttr"] = (out["n_types"] / tokens).round(4)
    out["words_per_sentence"] = (
        out["n_tokens"] / out["n_sentences"].where(out["n_sentences"] > 0)
    ).round(2)
    out["hapax_ratio"] = (out["n_hapaxes"] / out["n_types"].where(out["n_types"] > 0)).round(4)
    return out[VOCABULARY_COLUMNS].sort_values("article_id").reset_index(drop=True)


def _empty(columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="object") for c in columns})


# --------------------------------------------------------------------------- figures


def _no_data(ax: plt.Axes, message: str) -> None:
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, fontsize=11)
    ax.set_xticks([])
    ax.set_yticks([])


def plot_top_terms(
    corpus: Corpus, top_n: int = 20, **options: Any
) -> tuple[plt.Figure, pd.DataFrame]:
    """Bar chart of the corpus's `top_n` terms by rate per 10,000 words (options of term_counts)."""
    data = term_counts(corpus, **options).head(top_n)
    fig, ax = plt.subplots(figsize=(9, 0.32 * max(len(data), 4) + 1.5))
    if data.empty:
        _no_data(ax, "no terms in this corpus")
    else:
        notes = [f"{count}" for count in data["count"]]
        labelled_barh(ax, data["term"], data["rate"], notes, fontsize=8, offset=3)
        ax.margins(x=0.1)
    ax.set(
        title=f"Top {len(data)} terms in the corpus (label: count)",
        xlabel="rate per 10,000 body words",
        ylabel="term",
    )
    return fig, data


def plot_distinctive(
    corpus: Corpus, top_n: int = 8, max_articles: int = 12, **options: Any
) -> tuple[plt.Figure, pd.DataFrame]:
    """Small multiples: each article's most distinctive terms by log-likelihood keyness.

    Shows the first `max_articles` articles (by article_id); options are those of term_counts.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        data = distinctive_terms(corpus, top_n=top_n, **options)
    for w in caught:
        warnings.warn(str(w.message), UserWarning, stacklevel=2)
    articles = sorted(data["article_id"].unique())[:max_articles] if len(data) else []
    data = data[data["article_id"].isin(articles)].reset_index(drop=True)
    ncols = min(3, max(len(articles), 1))
    nrows = max(math.ceil(len(articles) / ncols), 1)
    fig, axes = plt.subplots(
        nrows,
        ncols,
        figsize=(max(4.2 * ncols, 9), 0.3 * top_n * nrows + 1.4 * nrows),
        squeeze=False,
    )
    for ax in axes.flat:
        ax.set_visible(False)
    if not articles:
        axes[0, 0].set_visible(True)
        _no_data(axes[0, 0], "keyness needs at least two articles with body text")
    for ax, aid in zip(axes.flat, articles, strict=False):
        ax.set_visible(True)
        part = data[data["article_id"] == aid]
        ax.barh(part["term"], part["log_likelihood"], color="#dd8452")
        ax.invert_yaxis()
        ax.axvline(LL_THRESHOLD, color="grey", lw=0.8, ls="--")
        ax.set_title(aid, fontsize=10)
        ax.set_xlabel("log-likelihood (G2)")
        ax.tick_params(axis="y", labelsize=9)
    total = corpus.articles["article_id"].nunique()
    shown = f" (first {len(articles)} of {total} articles)" if 0 < len(articles) < total else ""
    fig.suptitle(
        f"Distinctive terms per article vs the rest of the corpus{shown}; dashed line: p < 0.001",
        fontweight="bold",
    )
    fig.tight_layout()
    return fig, data


def plot_trace_heatmap(
    corpus: Corpus, terms: str | Iterable[str]
) -> tuple[plt.Figure, pd.DataFrame]:
    """Heatmap of traced terms' rates per 10,000 words by article (ordered by published date)."""
    data = trends(corpus, terms)
    order = data.drop_duplicates("article_id")
    labels = [
        f"{aid} ({pub:%Y-%m-%d})" if pd.notna(pub) else aid
        for aid, pub in zip(order["article_id"], order["published"], strict=True)
    ]
    terms = list(dict.fromkeys(data["term"]))
    wide = data.pivot(index="article_id", columns="term", values="rate").reindex(
        index=order["article_id"], columns=terms
    )
    fig, ax = plt.subplots(figsize=(1.3 * len(terms) + 4, 0.4 * max(len(wide), 3) + 2))
    if wide.empty:
        _no_data(ax, "no articles with body text")
    else:
        im = ax.imshow(wide.to_numpy(dtype=float), aspect="auto", cmap="Blues")
        ax.set_xticks(range(len(terms)), terms, rotation=30, ha="right")
        ax.set_yticks(range(len(labels)), labels)
        ax.grid(False)
        if wide.size <= 400:
            counts = data.pivot(index="article_id", columns="term", values="count").reindex(
                index=order["article_id"], columns=terms
            )
            top = np.nanmax(wide.to_numpy(dtype=float)) if wide.notna().any().any() else 0
            for (y, x), rate in np.ndenumerate(wide.to_numpy(dtype=float)):
                if np.isnan(rate):
                    continue
                ax.text(
                    x,
                    y,
                    f"{rate:.0f}\n({counts.iat[y, x]})",
                    ha="center",
                    va="center",
                    fontsize=8,
                    color="white" if rate > top / 2 else "black",
                )
        fig.colorbar(im, ax=ax, label="rate per 10,000 body words")
    ax.set(
        title="Traced terms by article (cell: rate, (count))",
        xlabel="term",
        ylabel="article (oldest first; undated last)",
    )
    return fig, data


def plot_dispersion(corpus: Corpus, terms: str | Iterable[str]) -> tuple[plt.Figure, pd.DataFrame]:
    """Lexical dispersion plot: where each traced term occurs through each article's body."""
    terms = list(dict.fromkeys(_parse_terms(terms)))
    data = dispersion(corpus, terms)
    articles = sorted(corpus.articles["article_id"])
    fig, ax = plt.subplots(figsize=(10, 0.55 * max(len(articles), 3) + 1.8))
    if not articles:
        _no_data(ax, "no articles")
    colors = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    ypos = {aid: i for i, aid in enumerate(articles)}
    step = 0.7 / max(len(terms), 1)
    for k, term in enumerate(terms):
        part = data[data["term"] == term]
        y = part["article_id"].map(ypos).to_numpy(dtype=float) - 0.35 + step * (k + 0.5)
        ax.scatter(
            part["position"],
            y,
            marker="|",
            s=120,
            linewidths=2,
            color=colors[k % len(colors)],
            label=f"{term} ({len(part)})",
        )
    ax.set_yticks(range(len(articles)), articles)
    ax.grid(False, axis="y")
    for i in range(len(articles) - 1):
        ax.axhline(i + 0.5, color="#cccccc", lw=0.8)
    ax.set_ylim(len(articles) - 0.5, -0.5)
    ax.set_xlim(-0.02, 1.02)
    ax.set(
        title="Where traced terms occur in each article",
        xlabel="position in body text (0 = first word, 1 = last word)",
        ylabel="article",
    )
    if terms:
        ax.legend(title="term (occurrences)", bbox_to_anchor=(1.01, 1), loc="upper left")
    return fig, data


def plot_collocations(
    corpus: Corpus, min_count: int = 3, top_n: int = 15, extra_stopwords: Iterable[str] = ()
) -> tuple[plt.Figure, pd.DataFrame]:
    """Top bigram and trigram collocations by log-likelihood, labelled with count and PMI."""
    parts = [collocations(corpus, n, min_count, top_n, extra_stopwords) for n in (2, 3)]
    data = (
        pd.concat([p for p in parts if len(p)], ignore_index=True)
        if any(len(p) for p in parts)
        else _empty(COLLOCATION_COLUMNS)
    )
    fig, axes = plt.subplots(1, 2, figsize=(13, 0.32 * max(top_n, 4) + 1.8))
    for ax, part, name in zip(axes, parts, ("Bigrams", "Trigrams"), strict=True):
        if part.empty:
            _no_data(ax, f"no {name.lower()} seen at least {min_count} times")
        else:
            ax.barh(part["collocation"], part["log_likelihood"], color="#55a868")
            for y, (ll, n, pmi) in enumerate(
                zip(part["log_likelihood"], part["count"], part["pmi"], strict=True)
            ):
                ax.annotate(
                    f"n={n}, PMI={pmi:.1f}",
                    (ll, y),
                    xytext=(3, 0),
                    textcoords="offset points",
                    va="center",
                    fontsize=8,
                )
            ax.set_ylim(max(top_n, len(part)) - 0.5, -0.5)  # same bar height in both panels
            ax.margins(x=0.35)
        ax.set(title=f"{name} (min. count {min_count})", xlabel="log-likelihood (G2)")
    fig.tight_layout()
    return fig, data


def plot_kwic(
    corpus: Corpus, term: str, window: int = 8, max_lines: int = 25
) -> tuple[plt.Figure, pd.DataFrame]:
    """Keyword-in-context lines for one term, aligned on the term (first `max_lines` lines)."""
    data = kwic(corpus, term, window).head(max_lines).reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(13, 0.28 * max(len(data), 3) + 1.2))
    ax.axis("off")
    if data.empty:
        _no_data(ax, f"{term!r} does not occur in the body text")
    n = len(data)
    for y, row in enumerate(data.itertuples()):
        yy = 1 - (y + 0.5) / max(n, 1)
        ax.text(
            0.0,
            yy,
            row.article_id[:12],
            ha="left",
            va="center",
            fontsize=8,
            family="monospace",
            color="grey",
            transform=ax.transAxes,
        )
        ax.text(
            0.5,
            yy,
            row.left[-58:] + " ",
            ha="right",
            va="center",
            fontsize=9,
            family="monospace",
            transform=ax.transAxes,
        )
        word = ax.text(
            0.5,
            yy,
            " " + row.term,
            ha="left",
            va="center",
            fontsize=9,
            family="monospace",
            fontweight="bold",
            color="#c44e52",
            transform=ax.transAxes,
        )
        ax.annotate(
            " " + row.right[:62],
            xy=(1, 0.5),
            xycoords=word,
            va="center",
            fontsize=9,
            family="monospace",
        )
    ax.set_title(f"“{term}” in context ({window} words either side; {n} lines)")
    return fig, data
