"""Tag names (PER, ORG, LOC, MISC) in tokenised text with the shipped CRF model.

`tag_document(lines)` takes one document as lines of text (headline first when `headline`),
tokenises each (`tokens.tokenize`), computes the features (`features.sentence_features`, with the
document's own vocabulary) and runs the CRF (CRFsuite, model `data/ner/conll_crf.crfsuite`
trained by `newscorpus.entities.train`), returning each name's character span in its line.
The model and the gazetteer are loaded once per process.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from newscorpus.entities.chain import LinearChain
from newscorpus.entities.clusters import load_clusters
from newscorpus.entities.features import document_vocabulary, sentence_features, set_clusters
from newscorpus.entities.tokens import tokenize
from newscorpus.entities.train import (
    CLUSTER_FILE,
    GAZETTEER_FILE,
    MODEL_FILE,
    load_gazetteer,
    spans_of,
)

TYPES = ("PER", "ORG", "LOC", "MISC")


def load(model: str | None = None):
    """The CRFsuite tagger, gazetteer and word clusters of the model folder `model` (default
    `data/ner/`), loaded once; the clusters are put into use. Raises FileNotFoundError when the
    model is missing."""
    folder = str(Path(model) if model else MODEL_FILE.parent)
    if folder == _ACTIVE.get("folder") and _ACTIVE.get("clusters") is not None:
        set_clusters(_ACTIVE["clusters"])
        return _ACTIVE["tagger"], _ACTIVE["gazetteer"]
    tagger, gaz, clusters = _open(folder)
    _ACTIVE.update(folder=folder, tagger=tagger, gazetteer=gaz, clusters=clusters)
    set_clusters(clusters)
    return tagger, gaz


_ACTIVE: dict = {}


@lru_cache(maxsize=4)
def _chain(model: str | None) -> LinearChain:
    return LinearChain(load(model)[0])


@lru_cache(maxsize=4)
def _open(folder: str):
    import pycrfsuite

    path = Path(folder)
    model_path = path / MODEL_FILE.name
    if not model_path.exists():
        raise FileNotFoundError(f"no NER model at {model_path}: run `make ner-model`")
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))
    clusters = load_clusters(path / CLUSTER_FILE.name)
    return tagger, load_gazetteer(path / GAZETTEER_FILE.name), clusters


def tag_tokens(
    sentences: list[list[str]],
    headline: bool = False,
    model: str | None = None,
    engine: str = "numpy",
) -> list[list[str]]:
    """BIO tags for each word of each sentence of one document (first sentence a headline when
    `headline`). `engine`: "numpy" (`chain.LinearChain`, the default: the same tags, faster) or
    "crfsuite" (CRFsuite's own tagger). Raises ValueError for another engine."""
    tagger, gaz = load(model)
    vocab = document_vocabulary(sentences)
    if engine == "numpy":
        return _chain(model).tag_sentences(sentences, gaz, vocab, headline)
    if engine != "crfsuite":
        raise ValueError(f"engine={engine!r}: expected 'numpy' or 'crfsuite'")
    out = []
    for i, words in enumerate(sentences):
        if not words:
            out.append([])
            continue
        feats = sentence_features(words, gaz, vocab, headline=headline and i == 0)
        out.append(tagger.tag(feats))
    return out


def tag_document(
    lines: list[str], headline: bool = False, model: str | None = None
) -> list[list[tuple[int, int, str]]]:
    """Names in each line of one document: `(start, end, type)` character spans in that line.

    `lines`: the document's sentences (or title, dateline) as plain text. Raises
    FileNotFoundError when the model is missing."""
    toks = [tokenize(line) for line in lines]
    tags = tag_tokens([[t[0] for t in ts] for ts in toks], headline=headline, model=model)
    out = []
    for ts, tg in zip(toks, tags, strict=True):
        out.append([(ts[s][1], ts[e - 1][2], kind) for s, e, kind in spans_of(tg)])
    return out


def tag_documents(
    documents: list[tuple[list[str], bool]], model: str | None = None
) -> list[list[list[tuple[int, int, str]]]]:
    """`tag_document` for many documents at once (`(lines, headline)` each): the same spans,
    with the Viterbi decoding of all their sentences batched (`chain.LinearChain.decode`)."""
    _, gaz = load(model)
    chain = _chain(model)
    toks, emissions, sizes = [], [], []
    for lines, headline in documents:
        ts = [tokenize(line) for line in lines]
        words = [[t[0] for t in x] for x in ts]
        toks.append(ts)
        em = chain.document_emissions(words, gaz, document_vocabulary(words), headline)
        emissions.extend(em)
        sizes.append(len(em))
    tags = chain.decode(emissions)
    out, k = [], 0
    for ts, n in zip(toks, sizes, strict=True):
        doc = []
        for x, tg in zip(ts, tags[k : k + n], strict=True):
            doc.append([(x[s][1], x[e - 1][2], kind) for s, e, kind in spans_of(tg)])
        out.append(doc)
        k += n
    return out
