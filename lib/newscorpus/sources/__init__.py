"""Who is quoted and which sources each article cites: the `quotes` and `sources` tables.

`find_quotes` reads body paragraphs only (titles, deks, captions and boilerplate are skipped).
It pairs quotation marks per paragraph (curly, straight, guillemets; a quote left open at a
paragraph's end continues only when the next paragraph opens with a quotation mark, so an odd
count never swallows the rest of the article), tells direct quotes from partial quotes and
scare quotes, and attributes each to a speaker with rule-based patterns (`“…,” X said`,
`said X`, `X told Reuters`, `according to X`, `as X alleges`, a colon in the sentence before,
carry-over to the next quote paragraph, he/she resolved to the most recent fitting person).
Sentences without quotes that attribute a claim ("officials said", "the Post reported",
"according to the report") become `indirect` rows.

`find_sources` groups speakers and mentions of the curated outlets and organisations
(`data/outlets.csv`, `data/organisations.csv`, extensible by parameter) per article.

Where things are: `words` (word lists, columns), `lexicon` (outlet and organisation lists and
their scan), `speakers` (what a noun phrase names, appositives, people, source types), `marks`
(quotation marks), `articles` (the per-article view of a corpus), `quotes` (`find_quotes`),
`indirect` (attributions without quotation marks), `cited` (`find_sources`), `summaries`
(tables for the notebook) and `figures` (drawing only).
"""

from __future__ import annotations

from newscorpus.sources.cited import find_sources
from newscorpus.sources.figures import (
    plot_anonymous_share,
    plot_cited_by_group,
    plot_quote_table,
    plot_quoted_by_group,
    plot_source_network,
    plot_sources_per_article,
    plot_who_is_quoted,
)
from newscorpus.sources.lexicon import load_organisations, load_outlets
from newscorpus.sources.quotes import find_quotes
from newscorpus.sources.summaries import (
    anonymous_share,
    canonical_speakers,
    cited_by_group,
    quote_table,
    quoted_by_group,
    source_network,
    sources_per_article,
    top_articles,
    who_is_quoted,
)
from newscorpus.sources.words import (
    QUOTE_COLUMNS,
    QUOTE_KINDS,
    SOURCE_COLUMNS,
    SOURCE_KINDS,
    SOURCE_TYPES,
)

__all__ = [
    "canonical_speakers",
    "QUOTE_COLUMNS",
    "QUOTE_KINDS",
    "SOURCE_COLUMNS",
    "SOURCE_KINDS",
    "SOURCE_TYPES",
    "anonymous_share",
    "cited_by_group",
    "find_quotes",
    "find_sources",
    "load_organisations",
    "load_outlets",
    "plot_anonymous_share",
    "plot_cited_by_group",
    "plot_quote_table",
    "plot_quoted_by_group",
    "plot_source_network",
    "plot_sources_per_article",
    "plot_who_is_quoted",
    "quote_table",
    "quoted_by_group",
    "source_network",
    "sources_per_article",
    "top_articles",
    "who_is_quoted",
]
