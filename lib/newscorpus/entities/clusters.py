"""Word clusters from unlabelled news text, a feature of the entity tagger.

`build_clusters(folders)` reads every `.txt` of the given corpus folders (plain text, no labels),
tokenises it (`tokens.tokenize`), keeps the `vocabulary` most frequent word forms (case kept),
describes each by the words just left and right of it (counts over the `contexts` most frequent
forms, positive pointwise mutual information), reduces these vectors to `dims` dimensions (a
truncated SVD) and groups them with k-means at several sizes (`sizes`, coarse to fine), so a rare
name inherits what the tagger learnt about the names it is used like. Deterministic (fixed seeds).

Method: distributional word classes as NER features (Brown et al. 1992 classes in Miller et al.
2004 and Ratinov & Roth 2009; PPMI + SVD vectors as in Levy, Goldberg & Dagan 2015; k-means
from scikit-learn). Written as `data/ner/clusters.tsv` (word, then one cluster id per size).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np

from newscorpus.entities.tokens import tokenize

SIZES = (64, 256, 1024)


def _texts(folders: list[Path], limit: int | None):
    n = 0
    for folder in folders:
        for path in sorted(Path(folder).glob("*.txt")):
            if path.name.upper().startswith("README"):
                continue
            yield path.read_text(encoding="utf-8", errors="replace")
            n += 1
            if limit and n >= limit:
                return


def build_clusters(
    folders: list[Path],
    extra_sentences: list[list[str]] = (),
    vocabulary: int = 40_000,
    contexts: int = 2_000,
    dims: int = 100,
    sizes: tuple[int, ...] = SIZES,
    seed: int = 0,
    limit: int | None = None,
) -> dict[str, tuple[int, ...]]:
    """Cluster ids (one per size in `sizes`) of the most frequent word forms; see the module doc.

    `folders`: corpus folders of `.txt` files; `extra_sentences`: tokenised sentences to add
    (e.g. the CoNLL training text). Raises ValueError when there is no text."""
    from scipy.sparse import coo_matrix
    from sklearn.cluster import MiniBatchKMeans
    from sklearn.decomposition import TruncatedSVD

    docs: list[list[str]] = []
    for text in _texts(folders, limit):
        for line in text.splitlines():
            words = [t[0] for t in tokenize(line)]
            if words:
                docs.append(words)
    docs.extend(list(s) for s in extra_sentences)
    if not docs:
        raise ValueError("no text to build word clusters from")
    freq = Counter(w for d in docs for w in d)
    vocab = [w for w, n in freq.most_common(vocabulary) if n >= 3]
    index = {w: i for i, w in enumerate(vocab)}
    ctx_words = [w.lower() for w, _ in Counter(w.lower() for w in freq.elements()).most_common()]
    ctx_index: dict[str, int] = {}
    for w in ctx_words:
        if len(ctx_index) >= contexts:
            break
        ctx_index.setdefault(w, len(ctx_index))
    rows, cols = [], []
    c = len(ctx_index)
    for d in docs:
        ids = [index.get(w, -1) for w in d]
        ctx = [ctx_index.get(w.lower(), -1) for w in d]
        for i, wid in enumerate(ids):
            if wid < 0:
                continue
            if i > 0 and ctx[i - 1] >= 0:
                rows.append(wid)
                cols.append(ctx[i - 1])
            if i + 1 < len(d) and ctx[i + 1] >= 0:
                rows.append(wid)
                cols.append(c + ctx[i + 1])
    m = coo_matrix(
        (np.ones(len(rows), dtype=np.float64), (rows, cols)), shape=(len(vocab), 2 * c)
    ).tocsr()
    m.sum_duplicates()
    total = m.sum()
    row_sum = np.asarray(m.sum(axis=1)).ravel()
    col_sum = np.asarray(m.sum(axis=0)).ravel() ** 0.75
    col_sum = col_sum / col_sum.sum() * total
    coo = m.tocoo()
    pmi = np.log(coo.data * total / (row_sum[coo.row] * col_sum[coo.col] + 1e-12) + 1e-12)
    keep = pmi > 0
    ppmi = coo_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=m.shape).tocsr()
    vectors = TruncatedSVD(n_components=dims, random_state=seed).fit_transform(ppmi)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors = vectors / np.where(norms > 0, norms, 1)
    labels = []
    for k in sizes:
        km = MiniBatchKMeans(n_clusters=k, random_state=seed, batch_size=4096, n_init=3)
        labels.append(km.fit_predict(vectors))
    return {w: tuple(int(lab[i]) for lab in labels) for i, w in enumerate(vocab)}


def write_clusters(clusters: dict[str, tuple[int, ...]], path: Path) -> None:
    """Write clusters as `word<TAB>id<TAB>id...` lines, sorted by word."""
    lines = ["\t".join([w, *map(str, ids)]) for w, ids in sorted(clusters.items())]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def load_clusters(path: Path) -> dict[str, tuple[str, ...]]:
    """The clusters written by `write_clusters`, as feature strings (`c0=12`, `c1=200`, ...).

    A missing file gives an empty mapping (the tagger then runs without cluster features)."""
    if not Path(path).exists():
        return {}
    out = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        out[parts[0]] = tuple(f"c{i}={v}" for i, v in enumerate(parts[1:]))
    return out
