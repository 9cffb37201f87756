"""Reading a corpus into the tables `articles`, `paragraphs`, `sentences`, `tokens`, `problems`.

Inputs: a folder of `.txt` articles (the first non-empty line is the title; optional
`manifest.csv`), a folder of saved `.html` pages (trafilatura extracts the article), or one table
file (`.csv`, `.tsv`, `.jsonl`, `.json`, `.parquet`) with one article per row. Text is repaired
on read (mojibake, stray bytes, HTML entities, invisible characters, quotation-mark styles);
the repaired text is the stored text, so every `start`/`end` is an offset into `articles.text`.
Every non-empty line is a paragraph, classified (title, dek, byline, caption, body, boilerplate)
by general patterns; only body paragraphs are split into sentences and tokens.

Modules: `read` (read_corpus, cache), `decode` (bytes, repair), `tables` (table files),
`html` (saved pages), `paragraphs` (kinds, metadata), `parse` (sentences, tokens, DataFrames),
`dates` (export date formats), `manifest`, `model` (Corpus, columns).
"""

from newscorpus.corpus.dates import parse_date
from newscorpus.corpus.decode import decode, offset_map, repair
from newscorpus.corpus.model import (
    ARTICLE_COLUMNS,
    PARAGRAPH_COLUMNS,
    PARAGRAPH_KINDS,
    PROBLEM_COLUMNS,
    SENTENCE_COLUMNS,
    TABLE_NAMES,
    TOKEN_COLUMNS,
    Corpus,
    CorpusError,
    problem,
    problems_frame,
)
from newscorpus.corpus.paragraphs import classify_paragraphs, read_metadata
from newscorpus.corpus.parse import WORD_TOKENIZER, parse_article, split_tokens
from newscorpus.corpus.read import (
    CHUNK_SIZE,
    Partition,
    Plan,
    finish,
    flag_duplicates,
    plan,
    read_corpus,
    read_partition,
)
from newscorpus.sentences import split_sentences

__all__ = [
    "ARTICLE_COLUMNS",
    "CHUNK_SIZE",
    "PARAGRAPH_COLUMNS",
    "Partition",
    "Plan",
    "PARAGRAPH_KINDS",
    "PROBLEM_COLUMNS",
    "SENTENCE_COLUMNS",
    "TABLE_NAMES",
    "TOKEN_COLUMNS",
    "WORD_TOKENIZER",
    "Corpus",
    "CorpusError",
    "classify_paragraphs",
    "decode",
    "offset_map",
    "parse_article",
    "finish",
    "flag_duplicates",
    "parse_date",
    "plan",
    "problem",
    "problems_frame",
    "read_corpus",
    "read_partition",
    "read_metadata",
    "repair",
    "split_sentences",
    "split_tokens",
]
