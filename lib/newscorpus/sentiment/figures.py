"""Figures of the sentiment tables: each function only draws, and returns (Figure, the data drawn)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns

from newscorpus.corpus import Corpus
from newscorpus.sentiment.tone import THRESHOLD


def article_labels(corpus: Corpus, width: int = 36) -> dict[str, str]:
    """Short labels for plots: the id's first part and the start of the title."""
    labels = {}
    for aid, title in corpus.articles[["article_id", "title"]].itertuples(index=False):
        title = str(title) if pd.notna(title) else ""
        short = title if len(title) <= width else title[: width - 1].rstrip() + "…"
        labels[aid] = f"{str(aid).split('_')[0]} {short}".strip()
    return labels


MAX_ARTICLES = 30  # articles shown in per-article figures; larger corpora show the longest


def _largest(weights: pd.Series, limit: int = MAX_ARTICLES) -> list[str]:
    """The `limit` article ids with the largest summed weight, in id order."""
    counts = weights.groupby(level=0).sum().sort_index()
    counts = counts.sort_values(ascending=False, kind="stable")
    return sorted(counts.index[:limit].tolist())


def _legend(ax: plt.Axes, **kwargs) -> None:
    """A legend only when something is labelled (an empty corpus plots nothing)."""
    if ax.get_legend_handles_labels()[0]:
        ax.legend(**kwargs)


def plot_distribution(
    sentiment: pd.DataFrame, corpus: Corpus, threshold: float = THRESHOLD
) -> tuple[plt.Figure, pd.DataFrame]:
    """Box and points of sentence compound scores per article."""
    labels = article_labels(corpus)
    keep = _largest(sentiment.groupby("article_id").size())
    data = sentiment.loc[
        sentiment["article_id"].isin(keep), ["article_id", "sentence_id", "compound", "in_quote"]
    ].sort_values(["article_id", "sentence_id"])
    data = data.assign(
        article=data["article_id"].map(labels),
        voice=np.where(data["in_quote"], "quote", "narrative"),
    ).reset_index(drop=True)
    order = [labels[a] for a in keep]
    fig, ax = plt.subplots(figsize=(9, 1.2 + 0.55 * len(order)))
    sns.boxplot(data=data, x="compound", y="article", order=order, color="0.85", fliersize=0, ax=ax)
    # points jittered by a fixed generator, so the saved figure is the same on every run
    jitter = np.random.default_rng(0).uniform(-0.25, 0.25, len(data))
    rows = data["article"].map({a: k for k, a in enumerate(order)}).to_numpy() + jitter
    colors = sns.color_palette(n_colors=2)
    for k, voice in enumerate(["narrative", "quote"]):
        chosen = (data["voice"] == voice).to_numpy()
        if chosen.any():
            ax.scatter(
                data["compound"][chosen],
                rows[chosen],
                s=12,
                alpha=0.75,
                color=colors[k],
                label=voice,
                zorder=3,
            )
    for x in (-threshold, threshold):
        ax.axvline(x, color="0.4", lw=0.8, ls="--")
    ax.set_xlim(-1.02, 1.02)
    shown = (
        "" if len(keep) == sentiment["article_id"].nunique() else f" ({len(keep)} longest articles)"
    )
    ax.set_title("Sentence sentiment per article" + shown)
    ax.set_xlabel("VADER compound score per sentence (−1 negative … +1 positive)")
    ax.set_ylabel("")
    _legend(ax, title="", loc="lower right", fontsize=8, title_fontsize=8)
    return fig, data


def plot_arcs(arc: pd.DataFrame, corpus: Corpus) -> tuple[plt.Figure, pd.DataFrame]:
    """Smoothed compound along each article (up to 12 articles), else the corpus mean by decile."""
    fig, ax = plt.subplots()
    if arc["article_id"].nunique() <= 12:
        labels = article_labels(corpus)
        data = arc.assign(article=arc["article_id"].map(labels))
        sns.lineplot(data=data, x="position", y="smoothed", hue="article", ax=ax, lw=1.6)
        _legend(ax, title="article", fontsize=9, loc="upper left", bbox_to_anchor=(1.01, 1))
        ax.set_title("Sentiment arc of each article")
    else:
        decile = np.minimum((arc["position"] * 10).astype(int), 9)
        data = (
            arc.assign(position=(decile + 0.5) / 10)
            .groupby("position")["compound"]
            .agg(
                mean="mean",
                q25=lambda x: x.quantile(0.25),
                q75=lambda x: x.quantile(0.75),
                n_sentences="size",
            )
            .reset_index()
            .round(4)
        )
        ax.fill_between(data["position"], data["q25"], data["q75"], alpha=0.25, label="middle half")
        ax.plot(data["position"], data["mean"], marker="o", label="mean")
        _legend(ax, fontsize=8)
        ax.set_title(f"Sentiment arc, {arc['article_id'].nunique()} articles")
    ax.axhline(0, color="0.4", lw=0.8)
    ax.set_xlim(0, 1)
    ax.set_xlabel("Position in article (0 = first body sentence, 1 = last)")
    ax.set_ylabel("Compound score (moving average)")
    return fig, data.reset_index(drop=True)


def plot_voices(voices: pd.DataFrame, corpus: Corpus) -> tuple[plt.Figure, pd.DataFrame]:
    """Mean compound of quoted sentences against narrative sentences, per article and overall."""
    labels = {**article_labels(corpus, width=24), "all articles": "All articles"}
    per_article = voices[voices["article_id"] != "all articles"]
    keep = set(_largest(per_article.set_index("article_id")["n_sentences"]))
    data = voices[voices["article_id"].isin(keep | {"all articles"})].copy()
    data["article"] = data["article_id"].map(labels)
    order = [labels[a] for a in sorted(keep)] + ["All articles"]
    fig, ax = plt.subplots(figsize=(9, 1.2 + 0.6 * len(order)))
    sns.barplot(
        data=data,
        y="article",
        x="mean_compound",
        hue="voice",
        order=order,
        hue_order=["narrative", "quote"],
        ax=ax,
    )
    for container, voice in zip(ax.containers, ["narrative", "quote"], strict=False):
        counts = data[data["voice"] == voice].set_index("article")["n_sentences"]
        ax.bar_label(
            container, labels=[f"n={counts.get(a, 0)}" for a in order], fontsize=8, padding=3
        )
    ax.axvline(0, color="0.4", lw=0.8)
    ax.set_title("Quoted voices against the reporter's narrative")
    ax.set_xlabel("Mean compound score of the sentences")
    ax.set_ylabel("")
    _legend(ax, title="", fontsize=8)
    return fig, data.reset_index(drop=True)


def plot_targets(tone: pd.DataFrame, corpus: Corpus) -> tuple[plt.Figure, pd.DataFrame]:
    """Heatmap of mean compound per target group and article, annotated with sentence counts."""
    labels = article_labels(corpus, width=32)
    keep = _largest(tone.set_index("article_id")["n_sentences"])
    data = tone[tone["article_id"].isin(keep)].copy()
    targets = list(dict.fromkeys(data["target"]))
    means = data.pivot(index="target", columns="article_id", values="mean_compound").reindex(
        index=targets, columns=keep
    )
    counts = data.pivot(index="target", columns="article_id", values="n_sentences").reindex(
        index=targets, columns=keep
    )
    annot = means.round(2).astype(object).where(means.isna(), means.map(lambda v: f"{v:+.2f}"))
    annot = annot.where(means.isna(), annot + "\nn=" + counts.fillna(0).astype(int).astype(str))
    fig, ax = plt.subplots(figsize=(2 + 1.5 * max(len(keep), 2), 1.5 + 0.7 * max(len(targets), 1)))
    sns.heatmap(
        means,
        annot=annot.fillna(""),
        fmt="",
        cmap="RdBu",
        vmin=-1,
        vmax=1,
        center=0,
        linewidths=0.5,
        cbar_kws={"label": "mean compound"},
        ax=ax,
        annot_kws={"size": 8},
    )
    ax.set_xticklabels([labels.get(a, a) for a in keep], rotation=30, ha="right", fontsize=9)
    ax.grid(False)
    ax.set_title("Tone of sentences that mention each group")
    ax.set_xlabel("Article")
    ax.set_ylabel("")
    return fig, data.reset_index(drop=True)


def plot_drivers(contributions: pd.DataFrame, top_n: int = 15) -> tuple[plt.Figure, pd.DataFrame]:
    """The words whose valences (after VADER's rules) add up to the most sentiment in the corpus."""
    data = (
        contributions.groupby("norm")
        .agg(
            total_valence=("valence", "sum"),
            n=("valence", "size"),
            n_articles=("article_id", "nunique"),
        )
        .reset_index()
        .rename(columns={"norm": "word"})
    )
    data = data.assign(size=data["total_valence"].abs())
    data = data.sort_values(["size", "word"], ascending=[False, True]).head(top_n)
    data = data.drop(columns="size").reset_index(drop=True).round(4)
    data["direction"] = np.where(data["total_valence"] >= 0, "positive", "negative")
    fig, ax = plt.subplots(figsize=(8, 1 + 0.35 * max(len(data), 1)))
    sns.barplot(
        data=data,
        y="word",
        x="total_valence",
        hue="direction",
        hue_order=["negative", "positive"],
        palette=["#c0392b", "#2471a3"],
        dodge=False,
        ax=ax,
    )
    for y, (value, n) in enumerate(data[["total_valence", "n"]].itertuples(index=False)):
        ax.text(value, y, f" {n}× ", va="center", ha="left" if value >= 0 else "right", fontsize=8)
    ax.axvline(0, color="0.4", lw=0.8)
    ax.set_title("Words that drive the tone of the corpus")
    ax.set_xlabel("Sum of word valences after VADER's rules (label: occurrences)")
    ax.set_ylabel("")
    _legend(ax, title="", fontsize=8)
    return fig, data
