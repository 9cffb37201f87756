"""Time expressions in body text: find them, normalise them (TIMEX3 style) and resolve them.

`find_dates(corpus)` returns the `dates` table: one row per time expression in a body sentence,
with its exact span, its `kind` (date, range, duration, relative, set), its TIMEX3-style `value`
as far as the words alone fix it (`2019-03-07`, `XXXX-06`, `XXXX-WXX-2`, `P8M`, `PAST_REF`), and
the interval it refers to once anchored to the article's date (`resolved`, `start_date`,
`end_date`). The extractor is a grammar of compiled regular expressions run over all sentences
at once, so it handles hundreds of thousands of articles in seconds.

The anchor is the article's published date as its source states it (text, `manifest.csv`,
table column, page metadata). Nothing is inferred from the years an article mentions: an
undated article keeps its explicit dates ("March 2019") and its relative ones ("last week")
stay unresolved (NaT).

Modules, by what they do:

- `grammar`: vocabulary and the compiled patterns; `normalise`: one handler per pattern
  (match -> kind, TIMEX3 value, modifier, resolution spec); `scan`: trigger words and the scan
  over all sentences; `periods`: calendar arithmetic; `tense`: future or past clause.
- `resolve`: anchors, resolution, `find_dates`, `find_dates_in_text`.
- `events`: tables for analysts (`select_dates`, `dated_events`, `corpus_events`: mentions of
  one day or month grouped across articles and named in the source's words, ...).
- `compare`: corpus-level views by group (`group_summary`, `mentions_by_group`,
  `published_vs_mentioned`, `events_table`, `busiest_articles`, `window`, `mentioned_periods`:
  the months or days most articles name, counting only mentions at least that precise).
- `figures`: drawing only (`plot_*`, each returning `(figure, data)`).
"""

from __future__ import annotations

from newscorpus.timeline.compare import (
    busiest_articles,
    events_table,
    group_summary,
    mentioned_periods,
    mentions_by_group,
    precise_mask,
    published_vs_mentioned,
    window,
)
from newscorpus.timeline.events import (
    EVENT_COLUMNS,
    article_spans,
    corpus_events,
    dated_events,
    event_phrase,
    kind_summary,
    mention_counts,
    select_dates,
)
from newscorpus.timeline.figures import (
    plot_density,
    plot_events,
    plot_group_histogram,
    plot_histogram,
    plot_spans,
    plot_swimlanes,
    plot_timeline,
)
from newscorpus.timeline.grammar import (
    DATE_COLUMNS,
    GRANULARITIES,
    KINDS,
    MONTHS,
    NUMBERS,
    SEASONS,
    TIMEX3_TYPE,
    UNITS,
    VAGUE_NUMBERS,
    WEEKDAYS,
)
from newscorpus.timeline.resolve import (
    ANCHOR_COLUMNS,
    anchor_dates,
    find_dates,
    find_dates_in_text,
)

__all__ = [
    "ANCHOR_COLUMNS",
    "DATE_COLUMNS",
    "EVENT_COLUMNS",
    "GRANULARITIES",
    "KINDS",
    "MONTHS",
    "NUMBERS",
    "SEASONS",
    "TIMEX3_TYPE",
    "UNITS",
    "VAGUE_NUMBERS",
    "WEEKDAYS",
    "anchor_dates",
    "busiest_articles",
    "corpus_events",
    "events_table",
    "group_summary",
    "mentioned_periods",
    "mentions_by_group",
    "precise_mask",
    "plot_density",
    "plot_events",
    "plot_group_histogram",
    "plot_swimlanes",
    "published_vs_mentioned",
    "window",
    "article_spans",
    "dated_events",
    "event_phrase",
    "find_dates",
    "find_dates_in_text",
    "kind_summary",
    "mention_counts",
    "plot_histogram",
    "plot_spans",
    "plot_timeline",
    "select_dates",
]
