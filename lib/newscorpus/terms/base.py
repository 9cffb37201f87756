"""Shared pieces of the terms subpackage: defaults, term parsing and the encoded tokens table.

`TokenArrays` is the tokens table as integer arrays. Every function of the subpackage that takes
a corpus also takes a `TokenArrays` built once with `token_arrays(corpus)`, so a caller that
runs several analyses on one corpus encodes it once and decides how long the encoding lives;
nothing is cached at module level.
"""

from __future__ import annotations

import csv
import functools
import math
import re
from collections.abc import Callable, Iterable
from typing import Any

import numpy as np
import pandas as pd

from newscorpus import resources
from newscorpus.corpus import Corpus, split_tokens
from newscorpus.paths import DATA_DIR

PER = 10_000  # rates are per this many body words
LL_THRESHOLD = 10.83  # log-likelihood critical value for p < 0.001 (1 d.f.)
NUMBER = re.compile(r"^[^A-Za-z]*\d[^A-Za-z]*$")


# --------------------------------------------------------------------------- defaults


def fold_case(text: str) -> str:
    """Lowercase with curly apostrophes folded, as `tokens.norm` is."""
    return text.lower().replace("’", "'").replace("‘", "'")


def default_aliases() -> dict[str, str]:
    """The shipped alias map {variant: term} (ISIS, ISIL, Daesh … -> Islamic State)."""
    return dict(shipped_aliases())


@functools.cache
def shipped_aliases() -> dict[str, str]:
    """The shipped term aliases (`data/terms_aliases.csv`): variant → term."""
    with (DATA_DIR / "terms_aliases.csv").open(encoding="utf-8", newline="") as fh:
        return {row["variant"]: row["term"] for row in csv.DictReader(fh)}


@functools.cache
def _alias_terms() -> dict[str, str]:
    """Shipped aliases as counted: folded variant words -> folded term ("isis" -> "islamic state")."""
    return {" ".join(term_words(v)): " ".join(term_words(t)) for v, t in shipped_aliases().items()}


# outlet names that are also ordinary phrases ("Russia today said …"): never kept whole
OUTLET_PHRASES_LEFT_OUT = frozenset({"russia today"})


@functools.cache
def default_phrases() -> tuple[str, ...]:
    """The shipped multiword names kept whole: the list (`data/terms_phrases.txt`:
    Washington Post, Hamrin mountains …) and the outlet names of `data/outlets.csv` (names
    and variants of 2 or 3 words, a leading "The" dropped: "USA Today", "Fox News", "Western
    Journalism"), so an outlet's name is counted as the name, never as its words ("USA
    TODAY" is not the word "usa"); OUTLET_PHRASES_LEFT_OUT are not kept whole."""
    lines = (DATA_DIR / "terms_phrases.txt").read_text(encoding="utf-8").splitlines()
    listed = [s.strip() for s in lines if s.strip() and not s.startswith("#")]
    with (DATA_DIR / "outlets.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    outlets = []
    for row in rows:
        for form in [row["name"], *row["variants"].split("|")]:
            form = " ".join(form.split())
            form = form[4:] if form.lower().startswith("the ") else form
            words = term_words(form)
            if 2 <= len(words) <= 3 and " ".join(words) not in OUTLET_PHRASES_LEFT_OUT:
                if all(any(ch.isalnum() for ch in w) for w in words):
                    outlets.append(form)
    return tuple(dict.fromkeys(listed + outlets))


def term_words(term: str) -> tuple[str, ...]:
    """Split a term or phrase the way the reader splits text, into lowercase token norms.

    A `*` right after a word stays on it (`desert*`), marking a prefix for the tracing functions.
    """
    term = term.strip()
    words: list[str] = []
    last_end = -1
    for s, e in split_tokens(term):
        piece = fold_case(term[s:e])
        if piece == "*" and words and s == last_end and not words[-1].endswith("*"):
            words[-1] += "*"
        else:
            words.append(piece)
        last_end = e
    return tuple(words)


def check_ngram_range(ngram_range: Any) -> tuple[int, int]:
    """`ngram_range` as (min, max) words; raises ValueError unless 1 <= min <= max <= 3."""
    try:
        lo, hi = (int(x) for x in ngram_range)
    except (TypeError, ValueError):
        lo = hi = -1
    if not 1 <= lo <= hi <= 3:
        raise ValueError(
            f"ngram_range={ngram_range!r}: expected two integers (min, max) with 1 <= min <= max <= 3"
        )
    return lo, hi


def parse_terms(terms: str | Iterable[str], name: str = "terms") -> list[str]:
    """`terms` (one string or several) as a list of stripped terms; raises ValueError naming
    parameter `name` when it is empty or a term has no word."""
    if isinstance(terms, str):
        terms = [terms]
    out = [str(t).strip() for t in terms]
    bad = [t for t in out if not term_words(t)]
    if bad or not out:
        raise ValueError(f"{name}={list(out)!r}: expected one or more non-empty words or phrases")
    return out


def trace_keys(terms: Iterable[str]) -> dict[str, str]:
    """Counted form of each traced term: lowercase words joined by spaces, shipped aliases folded."""
    keys = {}
    for term in parse_terms(terms):
        words = " ".join(term_words(term))
        keys[term] = _alias_terms().get(words, words)
    return keys


def trace_selector(keys: Iterable[str]) -> Callable[[np.ndarray], np.ndarray]:
    """A function giving, for an array of counted terms, the trace key each matches (or None).

    A key is a counted term (`trace_keys`); one ending a word with * matches every counted term
    that has the same number of words and starts with it (`desert*`: desert, deserts).
    """
    exact, patterns = {}, []
    for key in dict.fromkeys(keys):
        if "*" in key:
            words = key.split(" ")
            parts = [re.escape(w[:-1]) + r"\S*" if w.endswith("*") else re.escape(w) for w in words]
            prefix = key[: key.index("*")]  # literal text every match opens with
            patterns.append((key, re.compile(" ".join(parts) + r"\Z"), prefix))
        else:
            exact[key] = key

    def select(vocab: np.ndarray) -> np.ndarray:
        strings = pd.Series(vocab, dtype="str")
        out = np.full(len(strings), None, dtype=object)
        hit = strings.isin(list(exact)).to_numpy(dtype=bool)
        out[hit] = strings[hit].to_numpy(dtype=object)  # an exact key is its own trace key
        for key, pattern, prefix in patterns:  # the regex only on terms opening with the
            # pattern's literal text (a vocabulary has a million terms; startswith is vectorised)
            free = strings.str.startswith(prefix).to_numpy(dtype=bool) & pd.isna(out)
            where = np.flatnonzero(free)
            hit = strings.iloc[where].str.match(pattern.pattern).to_numpy(dtype=bool)
            out[where[hit]] = key
        return np.where(pd.isna(out), None, out)

    return select


def empty_frame(columns: list[str]) -> pd.DataFrame:
    """An empty table with object columns `columns`."""
    return pd.DataFrame({c: pd.Series(dtype="object") for c in columns})


def ll_2x2(n11: np.ndarray, n1p: np.ndarray, np1: np.ndarray, n: float) -> np.ndarray:
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


def sort_order(*keys: np.ndarray) -> np.ndarray:
    """Stable order by several integer keys (first key most significant).

    Packs the keys into one int64 when they fit (one argsort), else falls back to lexsort.
    """
    if not len(keys[0]):
        return np.zeros(0, dtype=np.int64)
    shifted = [k.astype(np.int64) - int(k.min()) for k in keys]
    spans = [int(k.max()) + 1 for k in shifted]
    if math.prod(spans) < 2**62:
        packed = np.zeros(len(keys[0]), dtype=np.int64)
        for k, span in zip(shifted, spans, strict=True):
            packed = packed * span + k
        return np.argsort(packed, kind="stable")
    return np.lexsort(tuple(reversed(keys)))


# --------------------------------------------------------------------------- token arrays


class TokenArrays:
    """The tokens table of one corpus as integer arrays, with sentence boundaries and flags.

    Build it with `token_arrays(corpus)` and pass it wherever a function of `newscorpus.terms`
    takes a corpus: the encoding is then done once. `corpus` is the Corpus it encodes.
    Phrases found by `find_phrases` are kept on the object (`phrases`), keyed by their options.
    """

    def __init__(self, corpus: Corpus):
        tok = corpus.tokens
        self.corpus = corpus
        self.phrases: dict[tuple, list[str]] = {}
        self.n = len(tok)
        # codes in order of appearance: each article's tokens are contiguous in the table
        self.article_codes, self.article_ids = pd.factorize(tok["article_id"])
        self.norm_codes, norms = pd.factorize(tok["norm"])
        self.norms = np.asarray(norms, dtype=object)
        self.norm_index = {w: i for i, w in enumerate(self.norms)}
        self.sentence = tok["sentence_id"].to_numpy(dtype=np.int64)
        self.is_word = tok["is_word"].to_numpy(dtype=bool)
        # same[i]: token i+1 is in the same sentence (and article) as token i
        self.same = np.zeros(self.n, dtype=bool)
        if self.n > 1:
            self.same[:-1] = (self.article_codes[1:] == self.article_codes[:-1]) & (
                self.sentence[1:] == self.sentence[:-1]
            )
        self.is_number_norm = np.array([bool(NUMBER.match(w)) for w in self.norms], dtype=bool)
        stop = resources.stopwords()
        self.is_stop_norm = np.array([w in stop or w == "'s" for w in self.norms], dtype=bool)
        self.n_words = np.bincount(
            self.article_codes[self.is_word], minlength=len(self.article_ids)
        ).astype(np.int64)
        # tokens of tabular body lines (`newscorpus.terms.tabular`): left out of term counts
        self.is_table = self._table_tokens(corpus)
        self.n_prose_words = np.bincount(
            self.article_codes[self.is_word & ~self.is_table], minlength=len(self.article_ids)
        ).astype(np.int64)

    def _table_tokens(self, corpus: Corpus) -> np.ndarray:
        """Whether each token lies in a tabular body paragraph (all False without paragraphs)."""
        from newscorpus.terms.tabular import table_flags

        flags = np.zeros(self.n, dtype=bool)
        paragraphs = getattr(corpus, "paragraphs", None)
        if not self.n or paragraphs is None or not len(paragraphs):
            return flags
        if not {"article_id", "kind", "text", "start", "end"} <= set(paragraphs.columns):
            return flags
        body = paragraphs[paragraphs["kind"].astype("str") == "body"]
        body = body.sort_values(["article_id", "start"], kind="stable")
        table = body[table_flags(body["article_id"], body["text"])]
        if not len(table):
            return flags
        art = pd.Index(self.article_ids.astype("str")).get_indexer(
            table["article_id"].astype("str")
        )
        known = art >= 0
        span = int(max(self.start.max(), table["end"].max())) + 2
        lo = art[known].astype(np.int64) * span + table["start"].to_numpy(dtype=np.int64)[known]
        hi = art[known].astype(np.int64) * span + table["end"].to_numpy(dtype=np.int64)[known]
        order = np.argsort(lo, kind="stable")
        lo, hi = lo[order], hi[order]
        key = self.article_codes.astype(np.int64) * span + self.start
        where = np.searchsorted(lo, key, side="right") - 1
        ok = where >= 0
        flags[ok] = key[ok] < hi[where[ok]]
        return flags

    @functools.cached_property
    def start(self) -> np.ndarray:
        """Character offset of each token in its article's text."""
        return self.corpus.tokens["start"].to_numpy(dtype=np.int64)

    @functools.cached_property
    def end(self) -> np.ndarray:
        """Character offset just past each token."""
        return self.corpus.tokens["end"].to_numpy(dtype=np.int64)

    @functools.cached_property
    def word_rank(self) -> np.ndarray:
        """Index of each token among its article's word tokens (words before it)."""
        cum = np.cumsum(self.is_word) - self.is_word
        if not self.n:
            return cum
        first = np.r_[True, self.article_codes[1:] != self.article_codes[:-1]]
        return cum - np.maximum.accumulate(np.where(first, cum, 0))

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
        codes, uniques = pd.factorize(self.corpus.tokens["token"])
        folded = np.array(
            [str(w).replace("’", "'").replace("‘", "'") for w in uniques], dtype=object
        )
        return codes, folded

    def __repr__(self) -> str:
        return f"TokenArrays({self.n:,} tokens, {len(self.article_ids):,} articles)"


def token_arrays(corpus: Corpus | TokenArrays) -> TokenArrays:
    """Encode `corpus.tokens` once, for several calls of `newscorpus.terms` on one corpus.

    Input: a Corpus (or a TokenArrays, returned as it is). Output: a TokenArrays, accepted in
    place of the corpus by every function of the subpackage. Raises TypeError for anything else.
    """
    if isinstance(corpus, TokenArrays):
        return corpus
    if not hasattr(corpus, "tokens") or not hasattr(corpus, "articles"):
        raise TypeError(
            f"corpus={type(corpus).__name__}: expected a newscorpus Corpus (read_corpus) "
            "or a TokenArrays (terms.token_arrays)"
        )
    return TokenArrays(corpus)
