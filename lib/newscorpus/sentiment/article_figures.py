"""Per-article sentiment figures: each function only draws, and returns (Figure, the data drawn).

The corpus-level figures (groups, periods, lexicons) are in `sentiment.figures`."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns

from newscorpus.corpus import Corpus
from newscorpus.plots import article_label, bounded_size, no_data
from newscorpus.sentiment.drawing import legend_if_labelled, paired_bars, short_label, tone_heatmap
from newscorpus.sentiment.tone import THRESHOLD


def article_labels(corpus: Corpus, width: int = 36) -> dict[str, str]:
    """Labels for plots: {article_id: "Title — outlet, date"} (`plots.article_label`), the
    title cut at a word boundary to `width` characters; the id where there is no title."""
    labels = article_label(corpus.articles, width)
    repeated = labels.duplicated(keep=False)
    labels = labels.where(~repeated, labels + " [" + labels.index.to_series().astype("str") + "]")
    return labels.to_dict()


MAX_ARTICLES = 30  # articles shown in per-article figures; larger corpora show the longest


def _largest(weights: pd.Series, limit: int = MAX_ARTICLES) -> list[str]:
    """The `limit` article ids with the largest summed weight, in id order."""
    counts = weights.groupby(level=0).sum().sort_index()
    counts = counts.sort_values(ascending=False, kind="stable")
    return sorted(counts.index[:limit].tolist())


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
        no_data(ax, "no body sentences")
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
    legend_if_labelled(ax, title="", loc="lower right", fontsize=8, title_fontsize=8)
    return fig, data


def plot_arcs(arc: pd.DataFrame, corpus: Corpus) -> tuple[plt.Figure, pd.DataFrame]:
    """Smoothed compound along each article (up to 12 articles), else the corpus mean by decile."""
    fig, ax = plt.subplots()
    if arc.empty:
        data = arc.copy()
        no_data(ax, "no body sentences")
        ax.set_title("Sentiment arc")
    elif arc["article_id"].nunique() <= 12:
        labels = article_labels(corpus)
        data = arc.assign(article=arc["article_id"].map(labels))
        sns.lineplot(data=data, x="position", y="smoothed", hue="article", ax=ax, lw=1.6)
        legend_if_labelled(
            ax, title="article", fontsize=9, loc="upper left", bbox_to_anchor=(1.01, 1)
        )
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
        legend_if_labelled(ax, fontsize=8)
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
        no_data(ax, "no sentences to compare")
    else:
        paired_bars(ax, data, "article", order, "voice", ["narrative", "quote"])
    ax.axvline(0, color="0.4", lw=0.8)
    ax.set_title("Quoted voices against the reporter's narrative")
    ax.set_xlabel("Mean compound score of the sentences (−1 … +1)")
    ax.set_ylabel("")
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
    if data.empty:
        no_data(ax, "no sentence names a target")
    else:
        tone_heatmap(ax, means, annot)
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
    if data.empty:
        no_data(ax, "no lexicon words")
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
    legend_if_labelled(ax, title="", fontsize=8)
    return fig, data


def plot_article_arcs(
    arc: pd.DataFrame,
    titles: dict[str, str] | None = None,
    threshold: float = THRESHOLD,
    choice: pd.DataFrame | None = None,
) -> tuple[plt.Figure, pd.DataFrame]:
    """One small panel per article: each sentence's compound and the moving average.

    Input: `sentiment_arc` rows of the chosen articles (at most 12 are drawn, in the order
    they first appear, or in `choice`'s order), `titles` {article_id: label}, and `choice`
    (`article_choice`): the title then states which articles are shown and by what rule,
    and each panel names the article's group, its length and the group's median. Quoted
    sentences (when the arc has `in_quote`) are drawn in a second colour.
    """
    ids = list(dict.fromkeys(arc["article_id"]))
    if choice is not None and len(choice):
        ids = [a for a in choice["article_id"] if a in set(ids)]
    ids = ids[:12]
    data = arc[arc["article_id"].isin(ids)].reset_index(drop=True)
    titles = titles or {}
    cols = 2 if len(ids) > 1 else 1
    rows = max(1, int(np.ceil(len(ids) / cols)))
    fig, axes = plt.subplots(
        rows, cols, figsize=bounded_size(6 * cols, 0.6 + 2.4 * rows), squeeze=False, sharey=True
    )
    colors = sns.color_palette(n_colors=2)
    for k, ax in enumerate(axes.flat):
        if k >= len(ids):
            ax.set_visible(k > 0)
            if k == 0:
                no_data(ax, "no articles chosen")
            continue
        rows_ = data[data["article_id"] == ids[k]]
        quoted = rows_["in_quote"].to_numpy(dtype=bool) if "in_quote" in rows_ else None
        if quoted is None:
            quoted = np.zeros(len(rows_), dtype=bool)
        for flag, name, color in ((False, "narrative", colors[0]), (True, "quote", colors[1])):
            part = rows_[quoted == flag]
            ax.scatter(part["position"], part["compound"], s=10, color=color, alpha=0.6, label=name)
        ax.plot(rows_["position"], rows_["smoothed"], color="0.15", lw=1.6, label="moving average")
        for x in (-threshold, threshold):
            ax.axhline(x, color="0.6", lw=0.6, ls="--")
        ax.set_xlim(0, 1)
        ax.set_ylim(-1.05, 1.05)
        ax.set_title(
            short_label(titles.get(ids[k], ids[k]), 90) + _choice_line(choice, ids[k]),
            fontsize=9,
            fontweight="normal",
        )
        ax.tick_params(labelsize=8)
    for ax in axes[-1]:
        ax.set_xlabel("Position in article (0 = first body sentence, 1 = last)", fontsize=9)
    for ax in axes[:, 0]:
        ax.set_ylabel("compound", fontsize=9)
    rule = choice.attrs.get("rule", "") if choice is not None else ""
    head = f"Sentiment arc of {len(ids)} article{'s' if len(ids) != 1 else ''}"
    fig.suptitle(head, fontweight="bold", x=0.02, y=0.995, ha="left", va="top")
    if rule:  # the rule that chose the articles, under the title
        fig.text(
            0.02, 0.995 - 0.34 / fig.get_size_inches()[1], rule, ha="left", va="top", fontsize=10
        )
    if ids:  # the legend at the foot, clear of the title and the rule
        handles, labels = axes.flat[0].get_legend_handles_labels()
        fig.legend(handles, labels, loc="lower center", fontsize=8, ncols=3, frameon=False)
    height = fig.get_size_inches()[1]
    fig.tight_layout(rect=(0, 0.35 / height, 1, 1 - (0.6 if rule else 0.4) / height))
    return fig, data


def _choice_line(choice: pd.DataFrame | None, article_id: str) -> str:
    """ "\ngroup: earn · 12 sentences (group median 12)" for a panel title; "" without it."""
    if choice is None or choice.empty:
        return ""
    rows = choice[choice["article_id"] == article_id]
    if rows.empty:
        return ""
    row = rows.iloc[0]
    group = f"group: {short_label(row['group'], 40)} · " if row["group"] else ""
    median = row["group_median"]
    whose = "corpus" if row["why"] == "typical of the corpus" else "group"
    middle = f" ({whose} median {median:g})" if pd.notna(median) else ""
    return f"\n{group}{int(row['n_sentences'])} sentences{middle}"


def article_titles(articles: pd.DataFrame, ids: list[str], width: int = 48) -> dict[str, str]:
    """Labels for per-article panels: {article_id: "Title — outlet, date"} for `ids`, the title
    cut at a word boundary to `width` characters."""
    rows = articles[articles["article_id"].astype("str").isin([str(i) for i in ids])]
    return article_label(rows, width).to_dict()
