"""Figures of the quotes and sources tables (drawing only; the data comes from `summaries`)."""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import networkx as nx
import pandas as pd

from newscorpus.sources.summaries import (
    quote_table,
    source_network,
    sources_per_article,
    who_is_quoted,
)
from newscorpus.sources.words import SOURCE_KINDS

_TYPE_COLORS = {
    "military/security": "#0173b2",
    "government": "#de8f05",
    "expert/research": "#029e73",
    "civilian": "#cc78bc",
    "militant": "#d55e00",
    "media": "#56b4e9",
    "unknown": "#949494",
}


_KIND_COLORS = {
    "person": "#0173b2",
    "anonymous": "#949494",
    "organization": "#029e73",
    "outlet": "#de8f05",
    "document": "#cc78bc",
}


def plot_who_is_quoted(
    quotes: pd.DataFrame, min_quotes: int = 1, top: int = 25
) -> tuple[plt.Figure, pd.DataFrame]:
    """Bars of quotes and of words quoted per speaker, coloured by source type."""
    data = who_is_quoted(quotes, min_quotes).head(top)
    fig, axes = plt.subplots(1, 2, figsize=(12, 0.38 * max(len(data), 3) + 1.8), sharey=True)
    colors = [_TYPE_COLORS.get(t, "#949494") for t in data["source_type"]]
    labels = data["speaker"].str.slice(0, 40)
    axes[0].barh(labels, data["n_quotes"], color=colors)
    axes[1].barh(labels, data["n_words_quoted"], color=colors)
    axes[0].invert_yaxis()
    axes[0].set(title="Quotes", xlabel="quotes (direct + partial)", ylabel="speaker")
    axes[1].set(title="Words quoted", xlabel="words inside quotation marks")
    handles = [
        plt.Rectangle((0, 0), 1, 1, color=c)
        for t, c in _TYPE_COLORS.items()
        if t in set(data["source_type"])
    ]
    names = [t for t in _TYPE_COLORS if t in set(data["source_type"])]
    axes[1].legend(handles, names, title="source type", bbox_to_anchor=(1.01, 1), loc="upper left")
    fig.suptitle("Who is quoted", fontsize=14, fontweight="bold")
    fig.tight_layout()
    return fig, data


def plot_sources_per_article(
    sources: pd.DataFrame, top: int = 40
) -> tuple[plt.Figure, pd.DataFrame]:
    """Stacked bars of each article's sources by kind, labelled with the anonymous share."""
    data = sources_per_article(sources).sort_values(
        ["total", "article_id"], ascending=[False, True]
    )
    data = data.head(top).reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(10, 0.45 * max(len(data), 3) + 1.8))
    left = pd.Series(0, index=data.index)
    for kind in SOURCE_KINDS:
        ax.barh(data["article_id"], data[kind], left=left, color=_KIND_COLORS[kind], label=kind)
        left = left + data[kind]
    for y, (total, share) in enumerate(zip(data["total"], data["anonymous_share"], strict=True)):
        label = "no sources" if not total else f"{share:.0%} anonymous"
        ax.annotate(
            label, (total, y), xytext=(4, 0), textcoords="offset points", va="center", fontsize=9
        )
    ax.invert_yaxis()
    ax.set_xlim(0, max(int(data["total"].max()) if len(data) else 1, 1) * 1.35)
    ax.set(title="Sources per article, by kind", xlabel="distinct sources", ylabel="article")
    ax.legend(title="kind", bbox_to_anchor=(1.01, 1), loc="upper left")
    fig.tight_layout()
    return fig, data


def plot_source_network(
    sources: pd.DataFrame, min_articles: int = 1, top: int = 60
) -> tuple[plt.Figure, pd.DataFrame]:
    """Articles (left) linked to the sources they cite (right), sources coloured by type."""
    graph = source_network(sources, min_articles)
    source_nodes = [n for n, d in graph.nodes(data=True) if d["part"] == "source"]
    ranked = sorted(source_nodes, key=lambda n: (-graph.degree(n, weight="weight"), n))[:top]
    drop = set(source_nodes) - set(ranked)
    graph.remove_nodes_from(drop)
    articles = sorted(n for n, d in graph.nodes(data=True) if d["part"] == "article")
    ranked = sorted(ranked, key=lambda n: (graph.nodes[n]["type"], n))
    pos = nx.bipartite_layout(graph, articles, align="vertical", scale=1.0)
    # bipartite_layout orders by node insertion; make both columns alphabetical and evenly spaced.
    for i, n in enumerate(articles):
        pos[n] = (-1.0, 1 - 2 * i / max(len(articles) - 1, 1))
    for i, n in enumerate(ranked):
        pos[n] = (1.0, 1 - 2 * i / max(len(ranked) - 1, 1))
    fig, ax = plt.subplots(figsize=(10, max(5, 0.2 * max(len(ranked), len(articles)) + 1.5)))
    weights = [graph.edges[e]["weight"] for e in graph.edges]
    nx.draw_networkx_edges(
        graph,
        pos,
        ax=ax,
        width=[0.5 + min(w, 10) * 0.3 for w in weights],
        edge_color="#999999",
        alpha=0.6,
    )
    nx.draw_networkx_nodes(
        graph, pos, nodelist=articles, node_color="#333333", node_size=60, node_shape="s", ax=ax
    )
    nx.draw_networkx_nodes(
        graph,
        pos,
        nodelist=ranked,
        ax=ax,
        node_size=60,
        node_color=[_TYPE_COLORS.get(graph.nodes[n]["type"], "#949494") for n in ranked],
    )
    for n in articles:
        ax.annotate(
            n,
            pos[n],
            xytext=(-6, 0),
            textcoords="offset points",
            ha="right",
            va="center",
            fontsize=8,
        )
    for n in ranked:
        ax.annotate(
            textwrap.shorten(n, 60, placeholder="…"),
            pos[n],
            xytext=(6, 0),
            textcoords="offset points",
            ha="left",
            va="center",
            fontsize=8,
        )
    handles = [plt.Line2D([], [], marker="o", ls="", color=c) for c in _TYPE_COLORS.values()]
    ax.legend(
        handles,
        list(_TYPE_COLORS),
        title="source type",
        loc="upper center",
        bbox_to_anchor=(0.5, -0.01),
        ncol=4,
        frameon=False,
    )
    ax.set_xlim(-2.2, 2.4)
    ax.set_axis_off()
    ax.set_title("Which article cites which source")
    data = pd.DataFrame(
        [
            {
                "article_id": a,
                "source": s,
                "kind": graph.nodes[s]["kind"],
                "type": graph.nodes[s]["type"],
                "weight": graph.edges[a, s]["weight"],
            }
            for a in articles
            for s in sorted(graph.neighbors(a))
        ],
        columns=["article_id", "source", "kind", "type", "weight"],
    )
    return fig, data


def plot_quote_table(
    quotes: pd.DataFrame, max_rows: int = 25, width: int = 110
) -> tuple[plt.Figure, pd.DataFrame]:
    """The quote table as a readable page (speaker — quote); the CSV holds every quote in full."""
    data = quote_table(quotes)
    shown = data.head(max_rows)
    lines = []
    for r in shown.itertuples(index=False):
        speaker = r.speaker if isinstance(r.speaker, str) else "(unattributed)"
        role = r.speaker_role if isinstance(r.speaker_role, str) else ""
        role = f", {role}" if role and role.lower() not in speaker.lower() else ""
        text = r.quote if len(r.quote) <= width else r.quote[: width - 1] + "…"
        lines.append((f"{r.article_id[:12]}  {speaker}{role} ({r.verb}):", f"“{text}”"))
    fig, ax = plt.subplots(figsize=(12, 0.36 * max(len(lines), 2) + 1))
    ax.set_axis_off()
    n = max(len(lines), 1)
    for i, (head, body) in enumerate(lines):
        y = 1 - (i + 0.5) / n
        ax.text(0, y, head, fontsize=8, fontweight="bold", va="bottom", transform=ax.transAxes)
        ax.text(0.02, y, body, fontsize=8, va="top", transform=ax.transAxes)
    more = f" (first {len(shown)} of {len(data)}; all in the CSV)" if len(data) > len(shown) else ""
    ax.set_title(f"Quotes by speaker{more}", loc="left")
    return fig, data
