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
    fig, ax = plt.subplots(figsize=(9, 1.2 + 0.55 * max(len(order), 1)))
    if data.empty:
        _no_data(ax, "no body sentences")
    else:
        sns.boxplot(
            data=data, x="compound", y="article", order=order, color="0.85", fliersize=0, ax=ax
        )
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
    if arc.empty:
        data = arc.copy()
        _no_data(ax, "no body sentences")
        ax.set_title("Sentiment arc")
    elif arc["article_id"].nunique() <= 12:
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
    """Mean compound of quoted sentences against narrative sentences, per article and overall.

    Input: the `voice_tone` table (article_id, voice, n_sentences, mean_compound, ...). An article
    without quoted (or narrative) sentences gets no bar for that voice, only "n=0". Output: the
    figure and the rows drawn (the 30 articles with most sentences, then "all articles").
    """
    labels = {**article_labels(corpus, width=24), "all articles": "All articles"}
    per_article = voices[voices["article_id"] != "all articles"]
    keep = set(_largest(per_article.set_index("article_id")["n_sentences"]))
    data = voices[voices["article_id"].isin(keep | {"all articles"})].copy()
    data["article"] = data["article_id"].map(lambda a: labels.get(a, str(a)))
    order = [labels.get(a, str(a)) for a in sorted(keep)]
    if not data.empty:
        order.append("All articles")
    fig, ax = plt.subplots(figsize=(9, 1.2 + 0.6 * max(len(order), 1)))
    if data.empty:
        _no_data(ax, "no sentences to compare")
    else:
        _paired_bars(ax, data, "article", order, "voice", ["narrative", "quote"])
    ax.axvline(0, color="0.4", lw=0.8)
    ax.set_title("Quoted voices against the reporter's narrative")
    ax.set_xlabel("Mean compound score of the sentences (−1 … +1)")
    ax.set_ylabel("")
    return fig, data.reset_index(drop=True)


def _no_data(ax: plt.Axes, message: str) -> None:
    """Say in the plot area that there is nothing to draw (an empty table or group)."""
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, color="0.35")
    ax.set_yticks([])


def _paired_bars(
    ax: plt.Axes,
    data: pd.DataFrame,
    row: str,
    order: list[str],
    hue: str,
    hue_order: list[str],
    value: str = "mean_compound",
    count: str = "n_sentences",
) -> None:
    """Horizontal bars, one per (row, hue) pair present in `data`, each labelled with n=count.

    A pair absent from `data` (an article or group without quotes) draws no bar and is labelled
    n=0, so rows never shift and empty groups never fail. First row on top.
    """
    colors = sns.color_palette(n_colors=len(hue_order))
    height = 0.8 / len(hue_order)
    cells = data.set_index([row, hue])
    position = {r: k for k, r in enumerate(order)}
    for k, level in enumerate(hue_order):
        offset = (k - (len(hue_order) - 1) / 2) * height
        ys, xs, ns = [], [], []
        for r in order:
            key = (r, level)
            ys.append(position[r] + offset)
            if key in cells.index:
                xs.append(float(cells.loc[key, value]))
                ns.append(int(cells.loc[key, count]))
            else:
                xs.append(np.nan)
                ns.append(0)
        present = [x == x for x in xs]  # not NaN
        ax.barh(
            [y for y, p in zip(ys, present, strict=True) if p],
            [x for x, p in zip(xs, present, strict=True) if p],
            height=height,
            color=colors[k],
            label=level,
        )
        for y, x, n in zip(ys, xs, ns, strict=True):
            x = 0.0 if x != x else x
            ax.annotate(
                f"n={n:,}",
                (x, y),
                xytext=(3 if x >= 0 else -3, 0),
                textcoords="offset points",
                ha="left" if x >= 0 else "right",
                va="center",
                fontsize=8,
            )
    ax.set_yticks(range(len(order)), order)
    ax.set_ylim(len(order) - 0.5, -0.5)
    low = min(0.0, float(data[value].min()))
    high = max(0.0, float(data[value].max()))
    pad = 0.25 * max(high - low, 0.2)
    ax.set_xlim(low - (pad if low < 0 else 0.05), high + pad)
    _legend(ax, title="", fontsize=8)


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
    if data.empty:
        _no_data(ax, "no sentence names a target")
    else:
        _heatmap(ax, means, annot)
        ax.set_xticklabels([labels.get(a, a) for a in keep], rotation=30, ha="right", fontsize=9)
    ax.grid(False)
    ax.set_title("Tone of sentences that mention each group")
    ax.set_xlabel("Article")
    ax.set_ylabel("")
    return fig, data.reset_index(drop=True)


def _heatmap(ax: plt.Axes, means: pd.DataFrame, annot: pd.DataFrame) -> None:
    """Mean compound cells on a fixed −1…+1 red-blue scale, annotated; empty cells stay blank."""
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
    if data.empty:
        _no_data(ax, "no lexicon words")
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
