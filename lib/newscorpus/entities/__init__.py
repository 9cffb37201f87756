"""Names mentioned in articles: people, organisations, places and other names (CoNLL-2003 types).

- `tokens`: the tokeniser (CoNLL / Penn Treebank conventions, character offsets).
- `features`: CRF features (word, shape, affixes, context window, sentence position, gazetteer,
  document consistency).
- `train`: training the CRF on CoNLL-2003 English (`make ner-model`).
- `tagger`: the shipped model (`data/ner/`) on lines of text.
- `find`: the `entities` step (`find_entities`) and canonical names.
- `cached`: the names resolved across the corpus, once per analysis cache (`resolved_entities`).
- `views`: tables for analysts (most mentioned by group and over time, mentioned vs quoted).
- `figures`: drawing only (`plot_*`, each returning `(figure, data)`).
"""

from __future__ import annotations

from newscorpus.entities.cached import resolved_entities
from newscorpus.entities.find import (
    ENTITY_COLUMNS,
    TITLE_SENTENCE,
    canonical_names,
    find_entities,
    resolve_entities,
)
from newscorpus.entities.tagger import TYPES, tag_document
from newscorpus.entities.tokens import tokenize

__all__ = [
    "ENTITY_COLUMNS",
    "TITLE_SENTENCE",
    "TYPES",
    "canonical_names",
    "find_entities",
    "resolve_entities",
    "resolved_entities",
    "tag_document",
    "tokenize",
]
