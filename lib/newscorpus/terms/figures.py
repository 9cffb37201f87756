"""Figures of the terms subpackage: each plot_* function computes its table with the compute
modules and only draws it. Every function returns (Figure, the DataFrame drawn)."""

from __future__ import annotations

import math
import warnings
from collections.abc import Iterable
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from newscorpus.corpus import Corpus
from newscorpus.plots import labelled_barh
from newscorpus.terms._base import LL_THRESHOLD, TokenArrays, _empty, _parse_terms, token_arrays
from newscorpus.terms.context import dispersion, kwic, trends
from newscorpus.terms.counts import term_counts
from newscorpus.terms.keyness import COLLOCATION_COLUMNS, collocations, distinctive_terms


def _no_data(ax: plt.Axes, message: str) -> None:
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, fontsize=11)
    ax.set_xticks([])
    ax.set_yticks([])


def plot_top_terms(
    corpus: Corpus | TokenArrays, top_n: int = 20, **options: Any
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
    corpus: Corpus | TokenArrays, top_n: int = 8, max_articles: int = 12, **options: Any
) -> tuple[plt.Figure, pd.DataFrame]:
    """Small multiples: each article's most distinctive terms by log-likelihood keyness.

    Shows the first `max_articles` articles (by article_id); options are those of term_counts.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = token_arrays(corpus)
        data = distinctive_terms(t, top_n=top_n, **options)
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
    total = t.corpus.articles["article_id"].nunique()
    shown = f" (first {len(articles)} of {total} articles)" if 0 < len(articles) < total else ""
    fig.suptitle(
        f"Distinctive terms per article vs the rest of the corpus{shown}; dashed line: p < 0.001",
        fontweight="bold",
    )
    fig.tight_layout()
    return fig, data


def plot_trace_heatmap(
    corpus: Corpus | TokenArrays, terms: str | Iterable[str]
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


def plot_dispersion(
    corpus: Corpus | TokenArrays, terms: str | Iterable[str]
) -> tuple[plt.Figure, pd.DataFrame]:
    """Lexical dispersion plot: where each traced term occurs through each article's body."""
    terms = list(dict.fromkeys(_parse_terms(terms)))
    t = token_arrays(corpus)
    data = dispersion(t, terms)
    articles = sorted(t.corpus.articles["article_id"])
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
    corpus: Corpus | TokenArrays,
    min_count: int = 3,
    top_n: int = 15,
    extra_stopwords: Iterable[str] = (),
) -> tuple[plt.Figure, pd.DataFrame]:
    """Top bigram and trigram collocations by log-likelihood, labelled with count and PMI."""
    t = token_arrays(corpus)
    parts = [collocations(t, n, min_count, top_n, extra_stopwords) for n in (2, 3)]
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
    corpus: Corpus | TokenArrays, term: str, window: int = 8, max_lines: int = 25
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
