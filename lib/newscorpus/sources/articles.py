"""The per-article view of a corpus that the quote and source passes read: body paragraphs,
sentences and the publisher, built from the reader's tables in one pass.
"""

from __future__ import annotations

import bisect
import gc
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np

from newscorpus.corpus import Corpus
from newscorpus.sources.lexicon import Lexicon
from newscorpus.sources.words import CUE_WORDS


@dataclass(slots=True)
class Article:
    """One article as the quote finder reads it: its id, text, body paragraph and sentence
    spans (offsets into `articles.text`), publisher and the sentences holding a cue word."""

    article_id: str
    text: str
    paras: list[tuple[int, int, int]]  # (paragraph_id, start, end) of body paragraphs
    sents: list[tuple[int, int, int, int]]  # (sentence_id, paragraph index, start, end)
    publisher: str | None
    cues: frozenset = frozenset()  # sentence ids holding a word that may attribute a claim
    ends: list | None = None  # sentence ends, when they and paragraph indexes never decrease


def sentence_at(art: Article, starts: list[int], pos: int) -> tuple[int, int, int, int]:
    """(sentence_id, paragraph index, start, end) of the sentence of `art` holding offset `pos`;
    `starts` are the sentences' start offsets in order."""
    k = bisect.bisect_right(starts, pos) - 1
    return art.sents[k if k > 0 else 0]


def _runs(keys: list) -> list[tuple[object, int, int]]:
    """(key, start, stop) of each run of equal neighbouring keys, as itertools.groupby finds them."""
    if not keys:
        return []
    a = np.array(keys, dtype=object)
    bounds = [0, *(np.flatnonzero(a[1:] != a[:-1]) + 1).tolist(), len(keys)]
    return [(keys[i], i, j) for i, j in zip(bounds[:-1], bounds[1:], strict=True)]


def iter_articles(corpus: Corpus, lex: Lexicon, with_cues: bool = True):
    """One `Article` per article with body text, in corpus order."""
    paras = corpus.paragraphs
    body = paras.loc[
        (paras["kind"] == "body").to_numpy(), ["article_id", "paragraph_id", "start", "end"]
    ]
    sents = corpus.sentences
    ids = corpus.articles["article_id"].tolist()
    texts = dict(zip(ids, corpus.articles["text"].tolist(), strict=True))
    publishers = {}
    for aid, outlet in zip(ids, corpus.articles["outlet"].tolist(), strict=True):
        ent = lex.publisher(outlet) if isinstance(outlet, str) and outlet else None
        publishers[aid] = ent.name if ent else (outlet if isinstance(outlet, str) else None)
    p_aid, p_pid = body["article_id"].tolist(), body["paragraph_id"].tolist()
    p_start, p_end = body["start"].tolist(), body["end"].tolist()
    s_aid, s_sid = sents["article_id"].tolist(), sents["sentence_id"].tolist()
    s_pid, s_start, s_end = (sents[c].tolist() for c in ("paragraph_id", "start", "end"))
    s_runs = {aid: (i, j) for aid, i, j in _runs(s_aid)}  # the last run, like a dict of groups
    cues: dict[str, set] = {}
    if with_cues:  # sentences holding a possible attribution word, found in one vectorised pass
        tokens = corpus.tokens
        cue = tokens.loc[tokens["norm"].isin(CUE_WORDS), ["article_id", "sentence_id"]]
        c_aid, c_sid = cue["article_id"].tolist(), cue["sentence_id"].tolist()
        for aid, i, j in _runs(c_aid):
            cues.setdefault(aid, set()).update(c_sid[i:j])
    for aid, i, j in _runs(p_aid):
        pids = p_pid[i:j]
        plist = list(zip(pids, p_start[i:j], p_end[i:j], strict=True))
        index = dict(zip(pids, range(j - i), strict=True))
        si, sj = s_runs.get(aid, (0, 0))
        spids = s_pid[si:sj]
        try:
            pidx = list(map(index.__getitem__, spids))
            slist = list(zip(s_sid[si:sj], pidx, s_start[si:sj], s_end[si:sj], strict=True))
        except KeyError:  # sentences outside body paragraphs: leave them out
            slist = [
                (sid, index[pid], s, e)
                for sid, pid, s, e in zip(
                    s_sid[si:sj], spids, s_start[si:sj], s_end[si:sj], strict=True
                )
                if pid in index
            ]
        if not slist:
            continue
        yield Article(
            aid, texts[aid], plist, slist, publishers.get(aid), frozenset(cues.get(aid, ()))
        )


@contextmanager
def gc_paused():
    """Pause the cyclic garbage collector while the per-article rows are built.

    Rows are many small objects without cycles; with the collector running, each of its
    passes walks every row made so far, which costs several percent of the run.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
