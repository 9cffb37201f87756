"""Topics: what stories the coverage is made of (issue 17).

A topic model (scikit-learn NMF of tf-idf, or LDA) fitted on a bounded sample of the
analysis pass's per-article term counts, every article then assigned part by part:

    topics, topic_terms, info = topics.compute(data)   # data = analysis.load(...)

`topics` (article_id, topic, weight), `topic_terms` (topic, term, weight, rank); the views
(`labels`, `prevalence`, `over_time`, `distinctive`) read them by group and over time.
"""

from newscorpus.topics.model import (
    CANDIDATES,
    MAX_ARTICLES,
    METHODS,
    N_TOPICS_RULE,
    TOPIC_COLUMNS,
    TOPIC_TERM_COLUMNS,
    TopicModel,
    artefact_terms,
    assign_topics,
    choose_n_topics,
    coherence,
    fit_topics,
    house_style,
    outlet_signatures,
    sample_counts,
    token_counts,
    topic_floor,
    topic_terms,
    topic_weights,
    widespread_names,
)
from newscorpus.topics.store import (
    assign_job,
    cached,
    compute,
    parts,
    tables,
    vocabulary_inputs,
)
from newscorpus.topics.views import (
    MIN_DISTINCTIVE,
    distinctive,
    labels,
    main_topics,
    over_time,
    prevalence,
)

__all__ = [
    "MIN_DISTINCTIVE",
    "N_TOPICS_RULE",
    "choose_n_topics",
    "CANDIDATES",
    "MAX_ARTICLES",
    "METHODS",
    "TOPIC_COLUMNS",
    "TOPIC_TERM_COLUMNS",
    "TopicModel",
    "artefact_terms",
    "assign_job",
    "assign_topics",
    "token_counts",
    "cached",
    "coherence",
    "compute",
    "distinctive",
    "fit_topics",
    "house_style",
    "outlet_signatures",
    "labels",
    "main_topics",
    "vocabulary_inputs",
    "over_time",
    "parts",
    "prevalence",
    "sample_counts",
    "tables",
    "topic_floor",
    "topic_terms",
    "topic_weights",
    "widespread_names",
]
