"""Sentence sentiment with VADER: the `sentiment` table, article tone, arcs, tone by target
group, explanations of which words moved each score, and their figures.

Modules, by what they do:

- `lexicon`: VADER's lexicon (loaded offline) and extra valences (the conflict supplement, a
  user's file or mapping);
- `vader`: VADER word by word, a fast reimplementation of its scoring loop that gives the same
  neg/neu/pos/compound as NLTK's ``polarity_scores``;
- `tone`: the `sentiment` table (``score_sentences``), article tone, arcs, quoted voices against
  narrative, targets, word contributions and drivers;
- `compare`: tone compared across groups and periods (means with 95 % intervals over
  articles, shares, quotes against narrative, targets × groups, driver words);
- `robust`: whether the group ranking measures tone: the words that carry each group's
  difference from the corpus, the ranking recomputed without them and without the
  designation and event words of news (`news_words`, `data/news_designations.txt`), and
  plain VADER against the news-adjusted lexicon (`lexicon="news"`);
- `figures`: the ``plot_*`` functions, which only draw.

Scores are per body sentence; article tone is always aggregated from sentences, never VADER over
a whole article (its compound saturates). Every public name is importable from here.
"""

from __future__ import annotations

from newscorpus.sentiment.article_figures import (
    MAX_ARTICLES,
    article_labels,
    article_titles,
    plot_arcs,
    plot_article_arcs,
    plot_distribution,
    plot_drivers,
    plot_targets,
    plot_voices,
)
from newscorpus.sentiment.compare import (
    TARGET_TYPES,
    article_choice,
    choose_articles,
    default_targets,
    driver_words,
    group_targets,
    group_tone,
    group_voices,
    t_critical,
    table_options,
    target_types,
    tone_over_time,
)
from newscorpus.sentiment.figures import (
    plot_driver_words,
    plot_group_targets,
    plot_group_tone,
    plot_group_voices,
    plot_lexicon_comparison,
    plot_shares,
    plot_tone_over_time,
)
from newscorpus.sentiment.lexicon import (
    CONFLICT_LEXICON,
    NEWS_CATEGORIES,
    NEWS_WORDS,
    extra_valences,
    lexicon_dict,
    load_lexicon,
    news_word_table,
    news_words,
)
from newscorpus.sentiment.robust import (
    carrying_words,
    check_words,
    containing,
    driver_note,
    group_tone_check,
    group_word_contributions,
    lexicon_comparison,
    rescore,
    robustness_note,
    target_words,
    word_counts,
)
from newscorpus.sentiment.tone import (
    DEFAULT_TARGETS,
    MIN_QUOTE_WORDS,
    SENTIMENT_COLUMNS,
    THRESHOLD,
    article_tone,
    changed_sentences,
    compare_lexicons,
    compare_rules,
    compound_from,
    explain,
    extremes,
    label,
    quote_mask,
    quote_spans,
    score_sentences,
    sentiment_arc,
    target_mentions,
    target_tone,
    top_drivers,
    voice_tone,
    word_contributions,
)
from newscorpus.sentiment.vader import (
    DEFAULT_RULES,
    PARALLEL_MIN,
    RULES,
    analyzer,
    check_rules,
    punctuation_emphasis,
    score_texts,
    scored_text,
    vader_scores,
    vader_words,
    word_valences,
)

__all__ = [
    "CONFLICT_LEXICON",
    "DEFAULT_RULES",
    "DEFAULT_TARGETS",
    "MAX_ARTICLES",
    "MIN_QUOTE_WORDS",
    "NEWS_CATEGORIES",
    "NEWS_WORDS",
    "PARALLEL_MIN",
    "RULES",
    "SENTIMENT_COLUMNS",
    "TARGET_TYPES",
    "THRESHOLD",
    "analyzer",
    "article_labels",
    "article_titles",
    "article_choice",
    "article_tone",
    "carrying_words",
    "check_words",
    "changed_sentences",
    "check_rules",
    "choose_articles",
    "compare_lexicons",
    "compare_rules",
    "compound_from",
    "containing",
    "default_targets",
    "driver_note",
    "driver_words",
    "explain",
    "extra_valences",
    "extremes",
    "group_targets",
    "group_tone_check",
    "group_word_contributions",
    "group_tone",
    "group_voices",
    "label",
    "lexicon_comparison",
    "lexicon_dict",
    "load_lexicon",
    "news_word_table",
    "news_words",
    "plot_arcs",
    "plot_article_arcs",
    "plot_distribution",
    "plot_driver_words",
    "plot_drivers",
    "plot_group_targets",
    "plot_group_tone",
    "plot_group_voices",
    "plot_lexicon_comparison",
    "plot_shares",
    "plot_targets",
    "plot_tone_over_time",
    "plot_voices",
    "punctuation_emphasis",
    "quote_mask",
    "quote_spans",
    "rescore",
    "robustness_note",
    "score_sentences",
    "score_texts",
    "scored_text",
    "sentiment_arc",
    "t_critical",
    "table_options",
    "target_mentions",
    "target_tone",
    "target_types",
    "target_words",
    "tone_over_time",
    "top_drivers",
    "vader_scores",
    "vader_words",
    "voice_tone",
    "word_contributions",
    "word_counts",
    "word_valences",
]
