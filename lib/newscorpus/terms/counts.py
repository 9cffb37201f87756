"""Counting terms: multiword names kept whole, aliases folded, n-grams inside sentences, and
the vocabulary summary.

Counting is vectorised over the whole tokens table (integer codes, ``value_counts``), so a
corpus of 10,000 articles is counted in seconds on one core.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from newscorpus.corpus import Corpus
from newscorpus.terms.base import (
    LL_THRESHOLD,
    PER,
    TokenArrays,
    check_ngram_range,
    default_phrases,
    fold_case,
    ll_2x2,
    shipped_aliases,
    sort_order,
    term_words,
    token_arrays,
)

COUNT_COLUMNS = ["term", "ngram", "count", "rate", "n_articles"]
ARTICLE_COUNT_COLUMNS = ["article_id", "term", "ngram", "count", "n_words", "rate"]
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


def find_phrases(
    corpus: Corpus | TokenArrays, min_count: int = 2, min_score: float = LL_THRESHOLD
) -> list[str]:
    """Multiword names found by collocation statistics: runs of 2–3 capitalised words.

    A run is kept when it occurs at least `min_count` times and each adjacent pair in it is a
    collocation (Dunning log-likelihood of at least `min_score`, p < 0.001 by default).
    """
    t = token_arrays(corpus)
    if t.n < 2:
        return []
    if (min_count, min_score) not in t.phrases:
        t.phrases[(min_count, min_score)] = _find_phrases(t, min_count, min_score)
    return list(t.phrases[(min_count, min_score)])


def _find_phrases(t: TokenArrays, min_count: int, min_score: float) -> list[str]:
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
    score = ll_2x2(n11, n1p, np1, n_total)
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
        find_names: bool = False,
        alias_map: Mapping[str, str] | None = None,
        default_aliases: bool = True,
    ):
        self.ngram_range = check_ngram_range(ngram_range)
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
        self.extra_stopwords = frozenset(fold_case(w) for w in extra_stopwords)
        self.keep_numbers = bool(keep_numbers)
        self.phrases = tuple(default_phrases()) + tuple(phrases or ())
        self.find_names = bool(find_names)
        shipped = shipped_aliases() if default_aliases else {}
        self.alias_map = {**shipped, **(alias_map or {})}


COUNTRY_US = "u.s."  # the term "US" (capitals) and "U.S." are both counted as


def _units(t: TokenArrays, opts: _Options) -> dict[str, np.ndarray]:
    """One row per unit (a token, or a phrase kept whole): article, term id, adjacency, flags."""
    phrases = list(opts.phrases)
    if opts.find_names:
        phrases += find_phrases(t)
    phrase_map, word_alias = _phrase_keys(phrases, opts.alias_map)

    # Base term of each token: norm, stem or case-kept token, with single-word aliases folded.
    if opts.stems:
        base_codes, base_vocab = pd.factorize(t.corpus.tokens["stem"])
    elif not opts.lowercase:
        base_codes, base_vocab = t.tokens
    else:
        base_codes, base_vocab = t.norm_codes, t.norms
    vocab = [str(w) for w in base_vocab]
    index: dict[str, int] = {w: i for i, w in enumerate(vocab)}

    def term_id(term: str) -> int:
        term = fold_case(term) if opts.lowercase else term
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
    if opts.lowercase and not opts.stems and t.n:
        # "US" in capitals is the country, counted as "u.s." (lower-cased it would be the
        # pronoun "us"); case-sensitive, so "us" stays the pronoun
        surface_codes, surface_vocab = t.tokens
        us = [k for k, w in enumerate(surface_vocab) if w == "US"]
        if us:
            hit = np.isin(np.asarray(surface_codes), us)
            term[hit] = term_id(COUNTRY_US)
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
    inner = t.is_word & ~t.is_table  # words of tabular lines are not counted
    possessive = t.norm_index.get("'s")
    if possessive is not None:
        inner &= t.norm_codes != possessive
    inner |= covered & ~t.is_table
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
    corpus: Corpus | TokenArrays,
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
    find_names: bool = False,
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
    Words of tabular body lines (rows of figures such as "Shr 34 cts vs 1.19 dlrs": the rule of
    `newscorpus.terms.tabular`) are left out of the counts and of the body words (`n_words`)
    the rates divide by.
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
    return _counts(token_arrays(corpus), opts, by)


def _counts(t: TokenArrays, opts: _Options, by: str) -> pd.DataFrame:
    u = _units(t, opts)
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
    term_order = np.argsort(np.asarray(names, dtype=object), kind="stable")
    term_rank = np.empty(len(names), dtype=np.int64)
    term_rank[term_order] = np.arange(len(names))
    total = np.bincount(tid, weights=count, minlength=len(names)).astype(np.int64)
    keep = total[tid] >= opts.min_count
    art, tid, ngram, count = art[keep], tid[keep], ngram[keep], count[keep]
    if by == "corpus":
        used = np.unique(tid)
        n_articles = np.bincount(tid, minlength=len(names))[used]
        words = int(t.n_prose_words.sum())
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
    ids = np.asarray(t.article_ids, dtype=object)
    article_order = np.argsort(ids, kind="stable")
    article_rank = np.empty(len(ids), dtype=np.int64)
    article_rank[article_order] = np.arange(len(ids))
    order = sort_order(article_rank[art], -count, term_rank[tid])
    art, tid, ngram, count = art[order], tid[order], ngram[order], count[order]
    n_words = t.n_prose_words[art]
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = np.where(n_words > 0, count / n_words * PER, np.nan).astype(np.float32)
    return pd.DataFrame(
        {
            "article_id": _categorical(art, ids, article_order),
            "term": _categorical(tid, np.asarray(names, dtype=object), term_order),
            "ngram": ngram.astype(np.int8),
            "count": count.astype(np.int32),
            "n_words": n_words.astype(np.int32),
            "rate": rate,
        }
    )[ARTICLE_COUNT_COLUMNS]


def _categorical(codes: np.ndarray, values: np.ndarray, order: np.ndarray) -> pd.Categorical:
    """values[codes] as a Categorical of the values used, categories sorted.

    `order` sorts `values` (an argsort); equal strings share one category (a name and an
    n-gram may spell alike). Codes are int16 or int32, whichever holds the categories.
    """
    ordered = values[order]
    new = np.ones(len(ordered), dtype=bool)
    if len(ordered) > 1:
        new[1:] = ordered[1:] != ordered[:-1]
    code_of = np.empty(len(values), dtype=np.int64)
    code_of[order] = np.cumsum(new) - 1
    distinct = ordered[new]
    code = code_of[codes]
    used = np.zeros(len(distinct), dtype=bool)
    used[code] = True  # keep only the categories in use, in sorted order
    small = np.int16 if used.sum() < 2**15 else np.int32
    compact = (np.cumsum(used) - 1).astype(small)
    categories = pd.Index(distinct[used], dtype="str")
    return pd.Categorical.from_codes(compact[code], categories=categories)


def vocabulary(corpus: Corpus | TokenArrays) -> pd.DataFrame:
    """Per article: word tokens, types (distinct lowercase words), type-token ratio, words per
    sentence, hapaxes (words used once) and their share of types."""
    t = token_arrays(corpus)
    corpus = t.corpus
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
