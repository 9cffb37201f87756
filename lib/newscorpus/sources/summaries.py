"""Summary tables for the notebook: who is quoted, sources per article, the source network and
the quotes to read.
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from newscorpus.sources.cited import _count_words
from newscorpus.sources.words import SOURCE_KINDS


def who_is_quoted(quotes: pd.DataFrame, min_quotes: int = 1) -> pd.DataFrame:
    """Speakers of direct and partial quotes: quotes, words quoted, articles (most quoted first)."""
    q = quotes[quotes["kind"].isin(["direct", "partial"]) & quotes["speaker"].notna()]
    q = q[q["speaker_kind"] != "unknown"]
    q = q.assign(
        n_words=[_count_words(t, str(k)) for t, k in zip(q["quote"], q["kind"], strict=True)]
    )
    out = (
        q.groupby(["speaker", "speaker_kind", "source_type"], observed=True)
        .agg(
            n_quotes=("quote", "size"),
            n_words_quoted=("n_words", "sum"),
            n_articles=("article_id", "nunique"),
        )
        .reset_index()
    )
    out = out[out["n_quotes"] >= min_quotes]
    out = out.sort_values(["n_quotes", "n_words_quoted", "speaker"], ascending=[False, False, True])
    return out.reset_index(drop=True).astype(
        {"n_quotes": "int64", "n_words_quoted": "int64", "n_articles": "int64"}
    )


def sources_per_article(sources: pd.DataFrame) -> pd.DataFrame:
    """Sources per article by kind (one column per kind), total and the anonymous share."""
    wide = (
        sources.groupby(["article_id", "kind"], observed=False)
        .size()
        .unstack("kind", fill_value=0)
        .reindex(columns=SOURCE_KINDS, fill_value=0)
    )
    wide["total"] = wide.sum(axis=1)
    wide["anonymous_share"] = (wide["anonymous"] / wide["total"].where(wide["total"] > 0)).round(3)
    return wide.reset_index().rename_axis(columns=None)


def source_network(sources: pd.DataFrame, min_articles: int = 1) -> nx.Graph:
    """Bipartite graph: articles and the sources they cite (edge weight: quotes + attributions + mentions)."""
    counts = sources.groupby("name")["article_id"].nunique()
    keep = sources[sources["name"].map(counts) >= min_articles]
    graph = nx.Graph()
    for aid in sorted(sources["article_id"].unique()):
        graph.add_node(aid, part="article")
    for r in keep.sort_values(["article_id", "name"]).itertuples(index=False):
        node = f"{r.name} ({r.kind})" if r.kind in ("anonymous", "document") else r.name
        if node not in graph:
            graph.add_node(node, part="source", kind=str(r.kind), type=r.type)
        graph.add_edge(r.article_id, node, weight=int(r.n_quotes + r.n_indirect + r.n_mentions))
    return graph


def quote_table(quotes: pd.DataFrame, kinds: tuple = ("direct", "partial")) -> pd.DataFrame:
    """Quotes for reading: article, sentence, speaker, role, verb, kind and the quoted words."""
    q = quotes[quotes["kind"].isin(kinds)]
    cols = ["article_id", "sentence_id", "speaker", "speaker_role", "verb", "kind", "quote"]
    return q[cols].sort_values(["article_id", "sentence_id"]).reset_index(drop=True)
