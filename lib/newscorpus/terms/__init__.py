"""Term frequency from the `tokens` table: counts and rates, distinctive terms, collocations,
keyword in context, dispersion, trends, group comparisons and a vocabulary summary.

Everything is built from body-text tokens (`corpus.tokens`), so titles, captions and site
boilerplate never count. A *term* is a word (its lowercase `norm`, or its `stem`), a multiword
name kept whole as one unit (``islamic state``, ``deir al-zour``), or an n-gram of such units
inside one sentence. Rates are per 10,000 body words of the article (or corpus).

Modules: `counts` (term counts, names kept whole, vocabulary), `keyness` (log-likelihood,
tf-idf, collocations per article), `aggregate` (group counts, group keyness and term trends
from the per-article counts alone, partition by partition), `context` (occurrences, KWIC,
dispersion, trends) and `figures` (every plot_* function; drawing only). Functions that take a corpus also take a `TokenArrays`
(`token_arrays(corpus)`) so several calls share one encoding of the tokens table.
"""

from newscorpus.terms._base import (
    LL_THRESHOLD,
    PER,
    TokenArrays,
    default_aliases,
    default_phrases,
    term_words,
    token_arrays,
)
from newscorpus.terms.aggregate import (
    GROUP_COUNT_COLUMNS,
    GROUP_KEYNESS_COLUMNS,
    TERM_TREND_COLUMNS,
    group_counts,
    group_keyness,
    log_likelihood,
    log_ratio,
    term_trends,
)
from newscorpus.terms.context import (
    BUCKET_COLUMNS,
    DISPERSION_COLUMNS,
    KWIC_COLUMNS,
    TREND_COLUMNS,
    dispersion,
    find_terms,
    kwic,
    trends,
)
from newscorpus.terms.counts import (
    ARTICLE_COUNT_COLUMNS,
    COUNT_COLUMNS,
    VOCABULARY_COLUMNS,
    find_phrases,
    term_counts,
    vocabulary,
)
from newscorpus.terms.figures import (
    plot_collocations,
    plot_dispersion,
    plot_distinctive,
    plot_kwic,
    plot_top_terms,
    plot_trace_heatmap,
)
from newscorpus.terms.keyness import (
    COLLOCATION_COLUMNS,
    KEYNESS_COLUMNS,
    collocations,
    distinctive_terms,
    keyness,
)

__all__ = [
    "ARTICLE_COUNT_COLUMNS",
    "BUCKET_COLUMNS",
    "COLLOCATION_COLUMNS",
    "COUNT_COLUMNS",
    "DISPERSION_COLUMNS",
    "GROUP_COUNT_COLUMNS",
    "GROUP_KEYNESS_COLUMNS",
    "KEYNESS_COLUMNS",
    "KWIC_COLUMNS",
    "LL_THRESHOLD",
    "PER",
    "TERM_TREND_COLUMNS",
    "TREND_COLUMNS",
    "VOCABULARY_COLUMNS",
    "TokenArrays",
    "collocations",
    "default_aliases",
    "default_phrases",
    "dispersion",
    "distinctive_terms",
    "find_phrases",
    "find_terms",
    "group_counts",
    "group_keyness",
    "keyness",
    "log_likelihood",
    "log_ratio",
    "kwic",
    "plot_collocations",
    "plot_dispersion",
    "plot_distinctive",
    "plot_kwic",
    "plot_top_terms",
    "plot_trace_heatmap",
    "term_counts",
    "term_trends",
    "term_words",
    "token_arrays",
    "trends",
    "vocabulary",
]
