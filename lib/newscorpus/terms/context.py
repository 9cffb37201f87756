"""Tracing terms through the text: every occurrence, keyword in context, dispersion through
each article, and trends by article or period."""

from __future__ import annotations

import warnings
from collections.abc import Iterable

import numpy as np
import pandas as pd

from newscorpus.corpus import Corpus
from newscorpus.terms._base import (
    PER,
    TokenArrays,
    _empty,
    _parse_terms,
    term_words,
    token_arrays,
)

KWIC_COLUMNS = ["article_id", "sentence_id", "left", "term", "right", "start", "end"]
DISPERSION_COLUMNS = ["article_id", "term", "position", "start", "end"]
TREND_COLUMNS = ["article_id", "published", "order", "term", "count", "n_words", "rate"]
BUCKET_COLUMNS = ["bucket", "term", "count", "n_articles", "n_words", "rate"]


def find_terms(corpus: Corpus | TokenArrays, terms: str | Iterable[str]) -> pd.DataFrame:
    """Every occurrence of each word or phrase (case-insensitive; `desert*` matches a prefix).

    Columns: article_id, sentence_id, term (as asked), token_index (first token's row in
    `corpus.tokens`), n_tokens, start, end.
    """
    terms = _parse_terms(terms)
    t = token_arrays(corpus)
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


def kwic(corpus: Corpus | TokenArrays, term: str, window: int = 8) -> pd.DataFrame:
    """Keyword in context: each occurrence of a word or phrase with `window` words either side.

    Case-insensitive; context is the exact text around the match, cut at the edges of its body
    paragraph (it never runs into a caption or the next paragraph). Sorted by article, position.
    """
    if isinstance(window, bool) or not isinstance(window, (int, np.integer)) or window < 0:
        raise ValueError(f"window={window!r}: expected an integer >= 0 (words of context)")
    t = token_arrays(corpus)
    corpus = t.corpus
    hits = find_terms(t, _parse_terms(term, "term")[:1])
    if hits.empty:
        return _empty(KWIC_COLUMNS)
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


def dispersion(corpus: Corpus | TokenArrays, terms: str | Iterable[str]) -> pd.DataFrame:
    """Where each term occurs through each article: position 0 (first body word) to 1 (last)."""
    t = token_arrays(corpus)
    hits = find_terms(t, terms)
    if hits.empty:
        return _empty(DISPERSION_COLUMNS)
    first = hits["token_index"].to_numpy()
    span = np.maximum(t.n_words[t.article_codes[first]] - 1, 1)
    out = hits[["article_id", "term", "start", "end"]].copy()
    out["position"] = np.round(np.clip(t.word_rank[first] / span, 0.0, 1.0), 6)
    return out[DISPERSION_COLUMNS].reset_index(drop=True)


def trends(
    corpus: Corpus | TokenArrays, terms: str | Iterable[str], freq: str | None = None
) -> pd.DataFrame:
    """Rate per 10,000 words of each term in each article, articles ordered by published date.

    With `freq` (a pandas period alias such as "M", "Q" or "Y") rates are per time bucket
    instead; articles without a known date are left out of buckets with a warning.
    """
    terms = list(dict.fromkeys(_parse_terms(terms)))
    t = token_arrays(corpus)
    corpus = t.corpus
    hits = find_terms(t, terms)
    arts = corpus.articles[["article_id", "published"]].copy()
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
