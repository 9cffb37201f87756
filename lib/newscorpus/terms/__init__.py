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
    COLLOCATION_COUNT_COLUMNS,
    GROUP_COUNT_COLUMNS,
    GROUP_KEYNESS_COLUMNS,
    NEWS_FUNCTION_WORDS,
    TERM_TREND_COLUMNS,
    TOP_KEYNESS_COLUMNS,
    collocations_from_counts,
    corpus_tf_idf,
    distinctive_terms_of,
    frequent_terms,
    group_counts,
    group_keyness,
    log_likelihood,
    log_ratio,
    term_trends,
    top_keyness,
)
from newscorpus.terms.context import (
    BUCKET_COLUMNS,
    DISPERSION_COLUMNS,
    KWIC_COLUMNS,
    TREND_COLUMNS,
    articles_using,
    dispersion,
    find_articles,
    find_terms,
    kwic,
    sample_corpus,
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
    plot_dispersion,
    plot_group_keyness,
    plot_group_top_terms,
    plot_kwic,
    plot_term_trends,
)
from newscorpus.terms.keyness import (
    COLLOCATION_COLUMNS,
    KEYNESS_COLUMNS,
    collocations,
    distinctive_terms,
    keyness,
)

__all__ = [
    "NEWS_FUNCTION_WORDS",
    "ARTICLE_COUNT_COLUMNS",
    "BUCKET_COLUMNS",
    "COLLOCATION_COLUMNS",
    "COLLOCATION_COUNT_COLUMNS",
    "COUNT_COLUMNS",
    "DISPERSION_COLUMNS",
    "GROUP_COUNT_COLUMNS",
    "GROUP_KEYNESS_COLUMNS",
    "KEYNESS_COLUMNS",
    "KWIC_COLUMNS",
    "LL_THRESHOLD",
    "PER",
    "TERM_TREND_COLUMNS",
    "TOP_KEYNESS_COLUMNS",
    "TREND_COLUMNS",
    "VOCABULARY_COLUMNS",
    "TokenArrays",
    "articles_using",
    "collocations",
    "collocations_from_counts",
    "default_aliases",
    "default_phrases",
    "dispersion",
    "distinctive_terms",
    "find_phrases",
    "find_terms",
    "group_counts",
    "group_keyness",
    "keyness",
    "kwic",
    "log_likelihood",
    "log_ratio",
    "plot_dispersion",
    "plot_group_keyness",
    "plot_group_top_terms",
    "plot_kwic",
    "plot_term_trends",
    "sample_corpus",
    "term_counts",
    "frequent_terms",
    "corpus_tf_idf",
    "distinctive_terms_of",
    "find_articles",
    "term_trends",
    "term_words",
    "token_arrays",
    "top_keyness",
    "trends",
    "vocabulary",
]
