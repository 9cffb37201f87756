"""Sentence texts for the tone views, read part by part so a large corpus is never held whole.

Every tone view that needs sentence text (rescoring with some words neutral, the words that
carry a group's tone, target mentions, drivers, the violence share) takes `sentences` as the
`sentences` table, a `Corpus`, or an analysed corpus (`newscorpus.analysis.load`). With the
last, the text is read one cache part at a time (`Analysis.parts`) and only the rows a view
needs are kept: the sentences naming given words (`robust.sentences_naming`) or an evenly spaced
sample (`every_kth`). The results are the same as over the whole table (`tests/test_tone_parts.py`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pandas as pd

from newscorpus.corpus import Corpus
from newscorpus.parts import SENTENCE_COLUMNS as COLUMNS
from newscorpus.parts import sentences_of


def parts(sentences) -> Iterator[pd.DataFrame]:
    """The sentences (article_id, sentence_id, start, end, text) one part at a time: a
    DataFrame or a Corpus's table is one part; an analysed corpus yields its cache parts."""
    if isinstance(sentences, Corpus):
        yield sentences.sentences
    elif isinstance(sentences, pd.DataFrame):
        yield sentences
    else:
        yield from sentences.parts("sentences", columns=COLUMNS)


def count(sentences, keep: Callable[[pd.DataFrame], pd.Series] | None = None) -> int:
    """Sentences (those where `keep(part)` is true, when given), read part by part."""
    if keep is None and not isinstance(sentences, (Corpus, pd.DataFrame)):
        from newscorpus.parts import row_count

        return row_count(sentences.folder / "sentences")
    return sum(int(keep(p).sum()) if keep else len(p) for p in parts(sentences))


def every_kth(
    sentences, step: int, keep: Callable[[pd.DataFrame], pd.Series] | None = None
) -> pd.DataFrame:
    """Every `step`-th sentence in table order (of those where `keep(part)` is true), the
    first included: the same rows as `table[keep].iloc[::step]` over the whole table."""
    out, seen = [], 0
    for part in parts(sentences):
        if keep is not None:
            part = part[keep(part).to_numpy()]
        first = (-seen) % step  # position in this part of the next sampled row
        out.append(part.iloc[first::step])
        seen += len(part)
    out = [o for o in out if len(o)]
    if not out:
        return pd.DataFrame({c: pd.Series(dtype="str") for c in COLUMNS})
    return pd.concat(out, ignore_index=True)


def of_articles(sentences, article_ids: list[str]) -> pd.DataFrame:
    """The sentences of these articles only (for an analysed corpus read with Parquet
    filters, `parts.sentences_of`): article_id, sentence_id, start, end, text."""
    return sentences_of(next(parts(sentences)) if _in_memory(sentences) else sentences, article_ids)


def _in_memory(sentences) -> bool:
    return isinstance(sentences, (Corpus, pd.DataFrame))
