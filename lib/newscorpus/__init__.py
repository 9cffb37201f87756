"""newscorpus: turn a folder of news articles into tidy pandas tables for analysis notebooks."""

from newscorpus.corpus import Corpus, CorpusError, read_corpus

__all__ = ["Corpus", "CorpusError", "read_corpus"]
