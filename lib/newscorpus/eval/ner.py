"""Named entities: exact-span F1 of the `entities` step on CoNLL-2003 documents read as plain text.

Each document of the split (`eng.testa` for `--split dev`) is written as one `.txt` (split at
`-DOCSTART-`, tokens joined by single spaces, one sentence per line, the headline first), read by
the project's own reader (`read_corpus`: title, paragraphs, sentences) and tagged by
`find_entities`, exactly as a real article is. A predicted name counts when its start, end and
type equal a gold name's (character offsets into the text). Reported: precision, recall and F1
per type and micro over PER+ORG+LOC (the project's target) and over all four types; on the part
used while building (`dev-2/3`, documents 1 and 2 of every three by sorted name) and on the third
kept untouched (`untouched-1/3`), then all. Also the tagging speed (articles per CPU second).
Source of the scoring rule: CoNLL-2003 `conlleval` (exact match, micro-average).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import pandas as pd

from newscorpus.entities.train import DEFAULT_DATA, read_conll, spans_of

FILES = {"dev": "eng.testa", "train": "eng.train", "test": "eng.testb"}
MAIN = ("PER", "ORG", "LOC")


def write_documents(docs, folder: Path) -> dict[str, list[tuple[int, int, str]]]:
    """Write each document as `NNNN.txt` in `folder`; returns the gold spans per article id."""
    gold = {}
    for i, doc in enumerate(docs):
        aid = f"{i:04d}"
        pos, lines, spans = 0, [], []
        for words, tags in doc:
            offs = []
            for w in words:
                offs.append(pos)
                pos += len(w) + 1
            lines.append(" ".join(words))
            spans += [(offs[s], offs[e - 1] + len(words[e - 1]), k) for s, e, k in spans_of(tags)]
        (folder / f"{aid}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        gold[aid] = spans
    return gold


def score(gold: dict, predicted: pd.DataFrame, ids: list[str], types=MAIN) -> dict:
    """Precision, recall, F1 per type and micro over `types` for articles `ids`."""
    ids = set(ids)
    g = {(a, s, e, t) for a, sp in gold.items() if a in ids for s, e, t in sp}
    p = {
        (a, int(s), int(e), str(t))
        for a, s, e, t in zip(
            predicted["article_id"],
            predicted["start"],
            predicted["end"],
            predicted["type"],
            strict=True,
        )
        if a in ids
    }
    out = {}
    for name, keep in [*[(t, {t}) for t in types], ("micro", set(types))]:
        gs = {x for x in g if x[3] in keep}
        ps = {x for x in p if x[3] in keep}
        tp = len(gs & ps)
        prec = tp / len(ps) if ps else 0.0
        rec = tp / len(gs) if gs else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[name] = {"gold": len(gs), "predicted": len(ps), "P": prec, "R": rec, "F1": f1}
    return out


def evaluate(split: str = "dev", data: Path = DEFAULT_DATA, model: str | None = None) -> dict:
    """Scores of `find_entities` on one CoNLL split read as text (see the module doc).

    Raises FileNotFoundError when the split's file is missing (the test split is kept back)."""
    from newscorpus.corpus.read import read_corpus
    from newscorpus.entities import find_entities

    docs = read_conll(Path(data) / FILES[split])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        gold = write_documents(docs, folder)
        corpus = read_corpus(folder, workers=1)
        t = time.process_time()
        found = find_entities(corpus, model=model)
        cpu = time.process_time() - t
        texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"], strict=True))
        moved = sum((folder / f"{a}.txt").read_text(encoding="utf-8") != texts.get(a) for a in gold)
    ids = sorted(gold)
    parts = {
        "dev-2/3": [a for i, a in enumerate(ids) if i % 3 != 2],
        "untouched-1/3": [a for i, a in enumerate(ids) if i % 3 == 2],
        "all": ids,
    }
    return {
        "split": split,
        "n_documents": len(ids),
        "texts_changed_by_reader": int(moved),
        "cpu_seconds": cpu,
        "articles_per_second": len(ids) / cpu if cpu else float("inf"),
        "scores": {k: score(gold, found, v) for k, v in parts.items()},
        "scores_all_types": {
            k: score(gold, found, v, (*MAIN, "MISC"))["micro"] for k, v in parts.items()
        },
    }


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of `python -m newscorpus.eval ner`."""
    parser.add_argument("--split", choices=sorted(FILES), default="dev")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="CoNLL-2003 folder")
    parser.add_argument("--model", help="a model folder other than the shipped data/ner/")


def main(args: argparse.Namespace) -> int:
    """Print the scores; exit code 0."""
    r = evaluate(args.split, args.data, args.model)
    print(
        f"CoNLL-2003 {r['split']}: {r['n_documents']} documents read as text "
        f"({r['texts_changed_by_reader']} changed by the reader's repairs); "
        f"tagging {r['articles_per_second']:.1f} articles/CPU s"
    )
    for part, scores in r["scores"].items():
        print(f"\n{part}: exact-span P / R / F1")
        for name, s in scores.items():
            print(
                f"  {name:6} {s['P']:.3f} {s['R']:.3f} {s['F1']:.3f}"
                f"  (gold {s['gold']}, predicted {s['predicted']})"
            )
        a = r["scores_all_types"][part]
        print(f"  all four types (with MISC): F1 {a['F1']:.3f}")
    return 0
