"""Viterbi decoding of the CRFsuite model with numpy, a word type scored once per process.

A linear-chain CRF scores a label sequence as the sum of the weights of (attribute, label)
pairs of each token plus label-to-label transition weights (Lafferty et al. 2001); CRFsuite's
tagger finds the best sequence by Viterbi. This module reads the same weights from the model
(`pycrfsuite.Tagger.info`) and computes the same best sequence, faster on news text: every
feature of `features` that depends on one word only (the word's own, and what it contributes
as a neighbour at -2..+2) is summed into one score vector per word type and cached, so a token
costs a few vector additions, and the sentences of a document are decoded together (one numpy
step per position). The tags equal CRFsuite's (tested), up to ties between equal scores.
"""

from __future__ import annotations

import numpy as np

from newscorpus.entities.features import END, START, sentence_extras, word_features


class LinearChain:
    """The weights of one CRFsuite model, ready for `tag_sentences`."""

    def __init__(self, tagger) -> None:
        """`tagger`: an opened `pycrfsuite.Tagger`."""
        info = tagger.info()
        self.labels = list(tagger.labels())
        lab = {x: i for i, x in enumerate(self.labels)}
        n = len(self.labels)
        attrs: dict[str, int] = {}
        rows, cols, vals = [], [], []
        for (attr, label), w in info.state_features.items():
            rows.append(attrs.setdefault(attr, len(attrs)))
            cols.append(lab[label])
            vals.append(w)
        self.attrs = attrs
        self.weights = np.zeros((len(attrs) + 1, n))  # the last row: an unknown attribute
        np.add.at(self.weights, (np.array(rows, dtype=np.int64), np.array(cols)), vals)
        self.transitions = np.zeros((n, n))
        for (a, b), w in info.transitions.items():
            self.transitions[lab[a], lab[b]] = w
        self._unknown = len(attrs)
        self._index: dict[str, int] = {}
        self._table = np.zeros((4096, 5, n))
        self._extras: dict[tuple, np.ndarray] = {}
        self.start = [self.score(f) for f in START]
        self.end = [self.score(f) for f in END]

    def score(self, attributes: list[str]) -> np.ndarray:
        """Summed label scores of a list of attributes (unknown ones weigh nothing)."""
        get = self.attrs.get
        idx = [get(a, self._unknown) for a in attributes]
        return self.weights[idx].sum(axis=0)

    def _extra(self, attributes: list[str]) -> np.ndarray:
        key = tuple(attributes)
        v = self._extras.get(key)
        if v is None:
            v = self._extras[key] = self.score(attributes)
        return v

    def _rows(self, words: list[str]) -> np.ndarray:
        """Row of each word in the table of word-type scores, adding the new types."""
        index = self._index
        new = [w for w in dict.fromkeys(words) if w not in index]
        if new:
            if len(index) + len(new) > 200_000:  # at most ~72 MB of scores
                index.clear()
                new = list(dict.fromkeys(words))
            add = np.stack([np.stack([self.score(f) for f in word_features(w)]) for w in new])
            n = len(index)
            if n + len(new) > len(self._table):  # grow by doubling
                grown = np.zeros((max(2 * len(self._table), n + len(new)), *add.shape[1:]))
                grown[:n] = self._table[:n]
                self._table = grown
            self._table[n : n + len(new)] = add
            for w in new:
                index[w] = len(index)
        return np.fromiter((index[w] for w in words), dtype=np.int64, count=len(words))

    def emissions(self, sentences: list[list[str]], extras: list[list[list[str]]]) -> np.ndarray:
        """(tokens, labels) state scores of all tokens of the (non-empty) sentences, in order."""
        lengths = np.array([len(s) for s in sentences])
        words = [w for s in sentences for w in s]
        rows = self._rows(words)
        v = self._table[rows]
        pos = np.concatenate([np.arange(n) for n in lengths])
        back = np.repeat(lengths, lengths) - 1 - pos  # tokens after this one in its sentence
        e = v[:, 0].copy()
        e[1:] += v[:-1, 1] * (pos[1:] >= 1)[:, None]
        e[pos == 0] += self.start[0]
        e[:-1] += v[1:, 2] * (back[:-1] >= 1)[:, None]
        e[back == 0] += self.end[0]
        e[2:] += v[:-2, 3] * (pos[2:] >= 2)[:, None]
        e[pos < 2] += self.start[1]
        e[:-2] += v[2:, 4] * (back[:-2] >= 2)[:, None]
        e[back < 2] += self.end[1]
        i = 0
        for ext, n in zip(extras, lengths, strict=True):
            for k, f in ext.items():
                e[i + k] += self._extra(f)
            i += n
        return e

    def document_emissions(
        self, sentences: list[list[str]], gazetteer=None, doc=None, headline: bool = False
    ) -> list[np.ndarray | None]:
        """(tokens, labels) state scores of each sentence of one document (None when empty)."""
        live = [i for i, words in enumerate(sentences) if words]
        out: list[np.ndarray | None] = [None] * len(sentences)
        if not live:
            return out
        sents = [sentences[i] for i in live]
        extras = [
            sentence_extras(w, gazetteer, doc, headline and i == 0)
            for i, w in zip(live, sents, strict=True)
        ]
        e = self.emissions(sents, extras)
        bounds = np.cumsum([0] + [len(w) for w in sents])
        for j, i in enumerate(live):
            out[i] = e[bounds[j] : bounds[j + 1]]
        return out

    def decode(self, emissions: list[np.ndarray | None], batch: int = 256) -> list[list[str]]:
        """Viterbi: the best label sequence for each sentence's state scores (None -> []).

        Sentences of similar length are decoded together, `batch` at a time."""
        out: list[list[str]] = [[] for _ in emissions]
        live = [i for i, e in enumerate(emissions) if e is not None and len(e)]
        live.sort(key=lambda i: len(emissions[i]))
        for a in range(0, len(live), batch):
            group = live[a : a + batch]
            for i, tags in zip(group, self._viterbi([emissions[i] for i in group]), strict=True):
                out[i] = tags
        return out

    def _viterbi(self, em: list[np.ndarray]) -> list[list[str]]:
        lengths = np.array([len(e) for e in em])
        n_s, m, n_lab = len(em), int(lengths.max()), len(self.labels)
        pad = np.zeros((n_s, m, n_lab))
        pos = np.concatenate([np.arange(n) for n in lengths])
        pad[np.repeat(np.arange(n_s), lengths), pos] = np.concatenate(em)
        delta = pad[:, 0]
        back = np.zeros((n_s, m, n_lab), dtype=np.int16)
        trans = self.transitions[None]
        for t in range(1, m):
            scores = delta[:, :, None] + trans  # (S, from, to)
            back[:, t] = scores.argmax(axis=1)
            new = scores.max(axis=1) + pad[:, t]
            delta = np.where((t < lengths)[:, None], new, delta)
        last = delta.argmax(axis=1)
        path = np.zeros((n_s, m), dtype=np.int64)
        cur = np.zeros(n_s, dtype=np.int64)
        rows = np.arange(n_s)
        ends = lengths - 1
        for t in range(m - 1, -1, -1):
            cur = np.where(ends == t, last, cur)
            path[:, t] = cur
            if t:
                cur = np.where(t <= ends, back[rows, t, cur], cur)
        tags = np.array(self.labels, dtype=object)[path]
        return [tags[j, : lengths[j]].tolist() for j in range(n_s)]

    def tag_sentences(
        self, sentences: list[list[str]], gazetteer=None, doc=None, headline: bool = False
    ) -> list[list[str]]:
        """Best label sequence of each sentence (first one a headline when `headline`)."""
        return self.decode(self.document_emissions(sentences, gazetteer, doc, headline))
