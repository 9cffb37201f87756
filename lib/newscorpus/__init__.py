"""newscorpus: turn a folder of news articles into tidy pandas tables for analysis notebooks.

`read_corpus` gives the reader's tables; the analysis functions are importable from here too
(loaded on first use, so `import newscorpus` stays fast):

    from newscorpus import read_corpus, find_dates, find_quotes, find_sources, score_sentences
"""

from __future__ import annotations

import importlib

from newscorpus.corpus import Corpus, CorpusError, read_corpus

_LAZY = {
    "find_dates": "newscorpus.timeline",
    "anchor_dates": "newscorpus.timeline",
    "term_counts": "newscorpus.terms",
    "keyness": "newscorpus.terms",
    "collocations": "newscorpus.terms",
    "kwic": "newscorpus.terms",
    "dispersion": "newscorpus.terms",
    "find_quotes": "newscorpus.sources",
    "find_sources": "newscorpus.sources",
    "score_sentences": "newscorpus.sentiment",
    "export": "newscorpus.export",
}

__all__ = ["Corpus", "CorpusError", "read_corpus", *_LAZY]


def __getattr__(name: str):
    """Import an analysis function from its module the first time it is asked for."""
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'newscorpus' has no attribute {name!r}")
