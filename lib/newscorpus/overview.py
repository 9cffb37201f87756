"""What is in a corpus: per-article summary, what was set aside, and composition figures."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from newscorpus.corpus import PARAGRAPH_KINDS, Corpus
from newscorpus.plots import labelled_barh

SUMMARY_COLUMNS = ["article_id", "title", "outlet", "byline", "published", "n_words", "n_sentences"]


def article_summary(corpus: Corpus) -> pd.DataFrame:
    """One row per article: the metadata an analyst checks first."""
    return corpus.articles[SUMMARY_COLUMNS].reset_index(drop=True)


def set_aside(corpus: Corpus, width: int = 90) -> pd.DataFrame:
    """Every paragraph that is not body text, with its kind, the rule that matched and its words."""
    p = corpus.paragraphs[corpus.paragraphs["kind"] != "body"]
    out = p[["article_id", "paragraph_id", "kind", "reason"]].copy()
    out["text"] = (
        p["text"]
        .str.slice(0, width)
        .where(p["text"].str.len() <= width, p["text"].str.slice(0, width - 1) + "…")
    )
    return out.reset_index(drop=True)


def composition(corpus: Corpus) -> pd.DataFrame:
    """Words per paragraph kind per article (long form: article_id, kind, n_words)."""
    p = corpus.paragraphs.assign(n_words=corpus.paragraphs["text"].str.split().str.len())
    out = p.groupby(["article_id", "kind"], observed=False)["n_words"].sum().reset_index()
    return out.astype({"n_words": "int64"})


def plot_lengths(corpus: Corpus) -> tuple[plt.Figure, pd.DataFrame]:
    """Bar chart of body words per article, labelled with the number of sentences."""
    data = article_summary(corpus)[["article_id", "n_words", "n_sentences"]]
    fig, ax = plt.subplots(figsize=(9, 0.5 * len(data) + 1.5))
    notes = [f"{n} sentences" for n in data["n_sentences"]]
    labelled_barh(ax, data["article_id"], data["n_words"], notes)
    ax.set(title="Article length (body text)", xlabel="words in body paragraphs", ylabel="article")
    ax.margins(x=0.15)
    return fig, data


def plot_composition(corpus: Corpus) -> tuple[plt.Figure, pd.DataFrame]:
    """Stacked bars: each article's words by paragraph kind (body, captions, boilerplate, …)."""
    data = composition(corpus)
    wide = data.pivot(index="article_id", columns="kind", values="n_words").reindex(
        columns=PARAGRAPH_KINDS
    )
    fig, ax = plt.subplots(figsize=(9, 0.5 * len(wide) + 2))
    wide.plot.barh(stacked=True, ax=ax, width=0.7)
    ax.invert_yaxis()
    ax.set(title="What each article is made of", xlabel="words", ylabel="article")
    ax.legend(title="paragraph kind", bbox_to_anchor=(1.01, 1), loc="upper left")
    return fig, data
