"""Tracing terms through the text: every occurrence, keyword in context, dispersion through
each article, and trends by article or period."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable

import numpy as np
import pandas as pd

from newscorpus.corpus import Corpus, split_tokens
from newscorpus.corpus.parse import markup_mask, tables_for
from newscorpus.terms.base import (
    PER,
    TokenArrays,
    empty_frame,
    parse_terms,
    term_words,
    token_arrays,
    trace_keys,
    trace_selector,
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
    terms = parse_terms(terms)
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


def _one_line(text: str) -> str:
    """The text with every run of whitespace (line breaks included) as one space, stripped."""
    return " ".join(text.split())


def kwic(
    corpus: Corpus | TokenArrays,
    term: str,
    window: int = 8,
    max_per_article: int | None = None,
    order: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Keyword in context: each occurrence of a word or phrase with `window` words either side.

    Case-insensitive; context is the exact text around the match, cut at the edges of its body
    paragraph (it never runs into a caption or the next paragraph). Sorted by article, position;
    with `order` (article ids, e.g. `find_articles`'s, most uses first), articles in that order.
    With `max_per_article`, only the first that many occurrences of each article are kept, so
    a few long articles do not fill the lines shown.
    """
    if isinstance(window, bool) or not isinstance(window, (int, np.integer)) or window < 0:
        raise ValueError(f"window={window!r}: expected an integer >= 0 (words of context)")
    t = token_arrays(corpus)
    corpus = t.corpus
    if max_per_article is not None and (
        isinstance(max_per_article, bool)
        or not isinstance(max_per_article, (int, np.integer))
        or max_per_article < 1
    ):
        raise ValueError(f"max_per_article={max_per_article!r}: expected an integer >= 1 or None")
    if isinstance(term, str) and not term.strip():
        return empty_frame(KWIC_COLUMNS)  # no term (a corpus with no counted term): no lines
    hits = find_terms(t, parse_terms(term, "term")[:1])
    if max_per_article is not None:
        hits = hits[hits.groupby("article_id").cumcount() < max_per_article]
        hits = hits.reset_index(drop=True)
    if hits.empty:
        return empty_frame(KWIC_COLUMNS)
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
        # a hard-wrapped text's line breaks are spaces in a KWIC line
        (_one_line(body[a:s]), _one_line(body[s:e]), _one_line(body[e:b]))
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
    if order is not None:
        rank = {str(a): k for k, a in enumerate(order)}
        at = out["article_id"].astype("str").map(rank).fillna(len(rank)).to_numpy()
        out = out.iloc[np.argsort(at, kind="stable")].reset_index(drop=True)
    return out.astype({"left": "str", "term": "str", "right": "str"})[KWIC_COLUMNS]


def dispersion(corpus: Corpus | TokenArrays, terms: str | Iterable[str]) -> pd.DataFrame:
    """Where each term occurs through each article: position 0 (first body word) to 1 (last)."""
    terms = [terms] if isinstance(terms, str) else list(terms)
    if not terms:
        return empty_frame(DISPERSION_COLUMNS)  # no terms to place
    t = token_arrays(corpus)
    hits = find_terms(t, terms)
    if hits.empty:
        return empty_frame(DISPERSION_COLUMNS)
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
    terms = list(dict.fromkeys(parse_terms(terms)))
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


def _term_codes(term: pd.Series) -> tuple[np.ndarray, pd.Index]:
    """Codes and distinct values of a term column (a Categorical's own, without a copy; else
    factorized: a per-article table repeats each term many times)."""
    if isinstance(term.dtype, pd.CategoricalDtype):
        return term.cat.codes.to_numpy(), pd.Index(term.cat.categories)
    codes, vocab = pd.factorize(term)
    return codes, pd.Index(vocab)


def articles_using(
    counts: pd.DataFrame,
    terms: str | Iterable[str],
    n: int = 8,
    articles: Iterable[str] | None = None,
    catalogue: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The articles a per-article view shows: those asked for, or the `n` using `terms` most.

    Input: a per-article `term_counts` table, or an iterable of its parts (`Analysis.parts`:
    only the rows of the terms looked for are kept; `n_words` is then 0 for an asked article
    that does not use them); `terms` looked up as counted (lowercase, shipped
    aliases folded, a trailing * for a prefix); `articles`, ids to show (empty or None: choose).
    Rule when choosing: most occurrences of the terms together, then the article_id, articles
    without any left out. Output: `article_id`, `count` (occurrences of the terms as counted),
    `n_words`, in the order shown; with `catalogue` (the articles table) also its `title`,
    `outlet` and `published` where present; no terms (blank) and no `articles` give no rows.
    Raises ValueError for n < 1.
    """
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError(f"n={n!r}: expected an integer >= 1 (articles to show)")
    terms = [terms] if isinstance(terms, str) else list(terms)
    if not any(str(t).strip() for t in terms):  # no term to look for (a corpus with no counts)
        terms = [t for t in terms if str(t).strip()]
        if not articles:
            empty = pd.DataFrame(
                {"article_id": pd.array([], dtype="str"), "count": [], "n_words": []}
            )
            return empty.astype({"count": "int64", "n_words": "int64"})
    keys = trace_keys(terms) if terms else {}
    select = trace_selector(keys.values())
    if not isinstance(counts, pd.DataFrame):  # parts: keep only the rows of the terms looked for
        kept = []
        for part in counts:  # each distinct term looked at once, rows kept by its code
            codes, vocab = _term_codes(part["term"])
            wanted = np.append(pd.notna(select(pd.Index(vocab))), False)  # code -1: none
            kept.append(part[wanted[codes]])
        counts = (
            pd.concat(kept, ignore_index=True)
            if kept
            else pd.DataFrame({"article_id": [], "term": [], "count": [], "n_words": []})
        )
        counts["article_id"] = counts["article_id"].astype("str")
        counts["term"] = counts["term"].astype("str")
    article = counts["article_id"]
    if not isinstance(article.dtype, pd.CategoricalDtype):
        article = article.astype("category")
    codes = article.cat.codes.to_numpy()
    names = np.asarray(article.cat.categories, dtype=object)
    term_codes, vocab = _term_codes(counts["term"])
    hit = pd.notna(select(pd.Index(vocab)))
    rows = hit[term_codes] & (term_codes >= 0)
    per_code = np.bincount(
        codes[rows], weights=counts["count"].to_numpy()[rows], minlength=len(names)
    )
    words_code = np.zeros(len(names), dtype=np.int64)
    words_code[codes] = counts["n_words"].to_numpy()
    index = {str(a): i for i, a in enumerate(names)}
    asked = [str(a) for a in (articles or [])]
    if asked:
        ids = list(dict.fromkeys(asked))
    else:
        used = np.flatnonzero(per_code > 0)
        order = sorted(used, key=lambda c: (-per_code[c], str(names[c])))
        ids = [str(names[c]) for c in order[:n]]
    where = np.array([index.get(a, -1) for a in ids], dtype=np.int64)
    found = where >= 0
    out = pd.DataFrame(
        {
            "article_id": pd.array(ids, dtype="str"),
            "count": np.where(found, per_code[where], 0).astype(np.int64),
            "n_words": np.where(found, words_code[where], 0).astype(np.int64),
        }
    )
    if catalogue is not None:
        extra = [c for c in ("title", "outlet", "published") if c in catalogue.columns]
        info = catalogue.assign(article_id=catalogue["article_id"].astype("str"))
        out = out.merge(info[["article_id", *extra]], on="article_id", how="left")
    return out


def _text_pattern(term: str) -> re.Pattern:
    """A case-insensitive regex for a word or phrase in raw text (words in order, any
    punctuation or space between them; a trailing * matches a prefix)."""
    words = term_words(term)
    parts = [re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) for w in words]
    return re.compile(r"(?<!\w)" + r"[\W_]*".join(parts) + r"(?!\w)", re.IGNORECASE)


def find_articles(
    data,
    term: str,
    n: int = 8,
    articles: Iterable[str] | None = None,
) -> pd.DataFrame:
    """The articles whose lines keyword in context shows for `term`: any token or phrase.

    Input: `data` (`newscorpus.analysis.load(...)`, or anything with `parts` or an `articles`
    table), a word or phrase, how many articles, and the ids asked for (empty: choose). Rule
    when choosing: the `n` articles using the term most, then the article_id. Counted terms
    are looked up in the term counts (`articles_using`); a term the counts leave out (a
    number such as 2019, a stopword, a phrase across a stopword) is found in the article
    text itself, part by part. Output: `article_id`, `count` (occurrences), in the order shown;
    no term (blank) gives no rows. Raises ValueError for n < 1.
    """
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError(f"n={n!r}: expected an integer >= 1 (articles to show)")
    asked = [str(a) for a in (articles or [])]
    if asked or not str(term).strip():
        counts = data.parts("term_counts") if hasattr(data, "parts") else data.term_counts
        out = articles_using(counts, [term] if str(term).strip() else [], n, asked)
        return out[["article_id", "count"]]
    counts = data.parts("term_counts") if hasattr(data, "parts") else data.term_counts
    out = articles_using(counts, [term], n)
    if len(out):
        return out[["article_id", "count"]]
    pattern = _text_pattern(term)
    parts = (
        data.parts("articles", columns=["article_id", "text"])
        if hasattr(data, "parts")
        else [data.articles[["article_id", "text"]]]
    )
    found = []
    for part in parts:
        hits = part["text"].fillna("").astype("str").str.count(pattern)
        keep = hits > 0
        found.append(
            pd.DataFrame({"article_id": part.loc[keep, "article_id"], "count": hits[keep]})
        )
    table = pd.concat(found, ignore_index=True) if found else pd.DataFrame()
    if table.empty:
        return pd.DataFrame({"article_id": pd.array([], dtype="str"), "count": []}).astype(
            {"count": "int64"}
        )
    table = table.astype({"article_id": "str", "count": "int64"})
    table = table.sort_values(["count", "article_id"], ascending=[False, True], kind="stable")
    return table.head(n).reset_index(drop=True)


def sample_corpus(data, article_ids: Iterable[str]) -> Corpus:
    """A Corpus of a few articles, for the token-level views (kwic, dispersion) at any size.

    Input: `data`, anything with the reader's `articles`, `paragraphs` and `sentences` tables (a
    Corpus, or `newscorpus.analysis.load(...)`), and the ids to keep. The tokens of those
    articles are made again from their body sentences with the reader's own tokeniser, so the
    whole tokens table is never loaded. Output: a Corpus with the five reader tables of those
    articles (problems empty). Raises ValueError naming an id that is not in `data.articles`.
    """
    ids = list(dict.fromkeys(str(a) for a in article_ids))
    keep = set(ids)

    def rows(name: str) -> pd.DataFrame:
        if not isinstance(data, Corpus):  # an analysed corpus: only these rows are read
            return data.table(name, articles=ids).reset_index(drop=True)
        table = getattr(data, name)
        return table[table["article_id"].astype("str").isin(keep)].reset_index(drop=True)

    arts, paragraphs, sentences = rows("articles"), rows("paragraphs"), rows("sentences")
    missing = [a for a in ids if a not in set(arts["article_id"].astype("str"))]
    if missing:
        raise ValueError(
            f"articles={missing[:3]!r}: not in this corpus (expected ids from articles.article_id)"
        )
    text = dict(zip(arts["article_id"].astype("str"), arts["text"], strict=True))
    parsed, order = [], []
    for aid, part in sentences.groupby(sentences["article_id"].astype("str"), sort=False):
        body = text[aid] or ""
        tokens, sentence, starts, ends = [], [], [], []
        for sid, a, b in zip(part["sentence_id"], part["start"], part["end"], strict=True):
            for s, e in split_tokens(body[a:b]):
                tokens.append(body[a + s : a + e])
                sentence.append(sid)
                starts.append(a + s)
                ends.append(a + e)
        order.append(aid)
        parsed.append(
            {
                "paragraphs": {k: [] for k in ("kind", "reason", "text", "start", "end")},
                "sentences": {k: [] for k in ("paragraph_id", "text", "start", "end")},
                "tokens": {
                    "token": tokens,
                    "sentence_id": np.asarray(sentence, dtype=np.int32),
                    "start": np.asarray(starts, dtype=np.int32),
                    "end": np.asarray(ends, dtype=np.int32),
                    "markup": markup_mask(body, np.asarray(starts, dtype=np.int64)),
                },
            }
        )
    tokens = tables_for(order, parsed)["tokens"]
    problems = data.problems.iloc[0:0] if hasattr(data, "problems") else pd.DataFrame()
    return Corpus(arts, paragraphs, sentences, tokens, problems, getattr(data, "folder", None))
