"""Sentence boundaries on hard cases: exact-match accuracy and speed, ours vs Punkt vs pySBD.

Reads the hand-built gold `tests/gold/sentences/hard_boundaries.jsonl` (own paragraphs, plus
references to lines of the PolNeAR corpus, read from `--corpus`, default
`../shared/corpora/polnear`; those items are skipped when the folder is absent). An item is
right when the splitter's sentence starts are exactly the gold ones. Splitters compared:
`newscorpus` (`newscorpus.sentences.split_sentences`), `punkt+news` (the project's previous
splitter: Punkt with the news abbreviation list, pieces starting lowercase joined), `punkt`
(NLTK's PunktSentenceTokenizer untrained, no download) and `pysbd` (pySBD 0.3.4, English,
clean=False, when installed). Speed is measured on every body-like line (all non-empty lines
but the first) of the corpus, or on the gold paragraphs when the corpus is absent:
paragraphs and sentences per CPU second, best of `--repeat` runs.

With `--golden PATH` it also scores pySBD's English "golden rules" (48 cases; the test file
`tests/lang/test_english.py` of the pySBD repository, read as Python source, never imported or
copied into this project; default `../shared/gold/pysbd/test_english.py`, skipped when absent).
The cases are split by a fixed rule, before any tuning: every third case by 0-based index
(2, 5, 8, …) is `untouched`, the others `dev`. Scored like pySBD's own test: the stripped
sentences must equal the expected ones.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import json
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from newscorpus import resources
from newscorpus.paths import PROJECT_ROOT
from newscorpus.sentences import split_sentences

GOLD = PROJECT_ROOT / "tests" / "gold" / "sentences" / "hard_boundaries.jsonl"
CORPUS = PROJECT_ROOT.parent / "shared" / "corpora" / "polnear"
GOLDEN = PROJECT_ROOT.parent / "shared" / "gold" / "pysbd" / "test_english.py"
GOLDEN_LIST = "GOLDEN_EN_RULES_TEST_CASES"

Splitter = Callable[[str], list[tuple[int, int]]]


def corpus_lines(path: str | Path) -> list[str]:
    """The non-empty, whitespace-stripped lines of one article file (UTF-8), in order."""
    text = Path(path).read_text(encoding="utf-8-sig")
    return [line.strip() for line in text.split("\n") if line.strip()]


def read_gold(path: str | Path = GOLD, corpus: str | Path | None = CORPUS) -> pd.DataFrame:
    """The gold items as a table: id, part, kind, source (`own`/`polnear`), text, cuts.

    `cuts` is the sorted tuple of offsets in `text` where a sentence other than the first starts.
    PolNeAR items are read from `corpus` (skipped when it is None or missing). Raises ValueError
    naming the file and line for a malformed item, or for a corpus line whose text differs from
    the one annotated (its SHA-1 prefix).
    """
    path = Path(path)
    if not path.is_file():
        raise ValueError(f"gold file {str(path)!r} does not exist (expected a JSON-lines file)")
    corpus = Path(corpus) if corpus is not None else None
    have_corpus = corpus is not None and corpus.is_dir()
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            if "sentences" in item:
                text = item["text"]
                cuts = list(_cuts(text, item["sentences"]))
                source = "own"
            else:
                src = item["source"]  # KeyError when an item has neither sentences nor source
                if not have_corpus:
                    continue
                text = corpus_lines(corpus / f"{src['article']}.txt")[src["line"]]
                digest = hashlib.sha1(text.encode()).hexdigest()[: len(src["sha1"])]
                if digest != src["sha1"]:
                    raise ValueError(f"corpus line changed (sha1 {digest} != {src['sha1']})")
                cuts = item["cuts"]
                source = src["corpus"]
            rows.append((item["id"], item["part"], item["kind"], source, text, tuple(sorted(cuts))))
        except (KeyError, ValueError, IndexError, OSError) as err:
            raise ValueError(
                f"gold file {str(path)!r} line {number}: {err!r} (expected an item with id, part, "
                "kind and either text + sentences or source + cuts)"
            ) from err
    return pd.DataFrame(rows, columns=["id", "part", "kind", "source", "text", "cuts"])


def _cuts(text: str, sentences: list[str]) -> tuple[int, ...]:
    """Offsets in `text` where each expected sentence but the first starts (in order)."""
    cuts, pos = [], 0
    for i, sentence in enumerate(sentences):
        pos = text.index(sentence, pos)
        if i:
            cuts.append(pos)
        pos += len(sentence)
    return tuple(cuts)


def read_golden(path: str | Path = GOLDEN) -> pd.DataFrame:
    """pySBD's English golden rules as a table: id, part, kind, source, text, cuts.

    `path` is pySBD's `tests/lang/test_english.py`; the list `GOLDEN_EN_RULES_TEST_CASES` is read
    from its syntax tree (`(text, [sentences])` tuples and `pytest.param(text, [sentences], …)`
    calls, literals only; the file is never executed). `id` is `golden-NN` (0-based index),
    `part` is `untouched` for every third case (index % 3 == 2) and `dev` for the rest, `kind`
    is `golden` and `source` is `pysbd`. Returns an empty table when the file is absent. Raises
    ValueError when the file has no such list or a case is not two literals whose sentences
    occur in order in the text. Source: Sadvilkar & Neumann, "PySBD", NLP-OSS 2020, after the
    Pragmatic Segmenter's golden rules (Dias).
    """
    columns = ["id", "part", "kind", "source", "text", "cuts"]
    path = Path(path)
    if not path.is_file():
        return pd.DataFrame(columns=columns)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == GOLDEN_LIST for t in node.targets)
    ]
    if not found or not isinstance(found[0], ast.List):
        raise ValueError(f"{str(path)!r} has no list {GOLDEN_LIST} (expected pySBD's test file)")
    rows = []
    for i, node in enumerate(found[0].elts):
        try:
            args = node.args if isinstance(node, ast.Call) else node.elts
            text, sentences = ast.literal_eval(args[0]), ast.literal_eval(args[1])
            part = "untouched" if i % 3 == 2 else "dev"
            rows.append((f"golden-{i:02d}", part, "golden", "pysbd", text, _cuts(text, sentences)))
        except (AttributeError, IndexError, ValueError, TypeError) as err:
            raise ValueError(
                f"{str(path)!r} case {i}: {err!r} (expected (text, [sentences]))"
            ) from err
    return pd.DataFrame(rows, columns=columns)


def starts(text: str, spans) -> tuple[int, ...]:
    """Sentence starts (first non-space offset of each span but the first), sorted."""
    out = []
    for start, _end in list(spans)[1:]:
        while start < len(text) and text[start].isspace():
            start += 1
        out.append(start)
    return tuple(sorted(out))


def _punkt_news(text: str) -> list[tuple[int, int]]:
    """The project's previous splitter: Punkt + news abbreviations, lowercase pieces joined."""
    import re

    lower_start = re.compile(r"^[\"“”'‘’(\[]*[a-z]|^\([^()]*\)$")
    merged: list[tuple[int, int]] = []
    for start, end in resources.sentence_tokenizer().span_tokenize(text):
        if merged and lower_start.match(text[start:end]):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def splitters() -> dict[str, Splitter]:
    """The splitters compared, by name; pySBD only when it is installed."""
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    punkt = PunktSentenceTokenizer()
    out: dict[str, Splitter] = {
        "newscorpus": split_sentences,
        "punkt+news": _punkt_news,
        "punkt": lambda text: list(punkt.span_tokenize(text)),
    }
    try:
        import pysbd
    except ImportError:
        return out
    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)
    out["pysbd"] = lambda text: [(s.start, s.end) for s in segmenter.segment(text)]
    return out


def predict(gold: pd.DataFrame, split: Splitter) -> pd.Series:
    """Predicted sentence starts for every gold item (a Series of tuples, gold's index)."""
    return pd.Series([starts(t, split(t)) for t in gold["text"]], index=gold.index, dtype=object)


PARTS = ("dev", "heldout", "fresh", "untouched")


def parts(gold: pd.DataFrame) -> list[str]:
    """The gold parts present, in the order dev, heldout, fresh, untouched, then any other."""
    present = list(dict.fromkeys(gold["part"]))
    return [p for p in PARTS if p in present] + sorted(p for p in present if p not in PARTS)


def accuracy(gold: pd.DataFrame, named: dict[str, Splitter]) -> pd.DataFrame:
    """Exact-match accuracy per splitter and gold part (plus `all`).

    Returns columns splitter, part, items, right, accuracy (0..1).
    """
    rows = []
    for name, split in named.items():
        right = predict(gold, split) == gold["cuts"]
        for part in parts(gold):
            mask = gold["part"] == part
            rows.append((name, part, int(mask.sum()), int(right[mask].sum())))
        rows.append((name, "all", len(gold), int(right.sum())))
    out = pd.DataFrame(rows, columns=["splitter", "part", "items", "right"])
    out["accuracy"] = out["right"] / out["items"].where(out["items"] > 0)
    return out


def by_kind(gold: pd.DataFrame, split: Splitter) -> pd.DataFrame:
    """Items and exact-match accuracy of one splitter per gold kind: kind, items, accuracy."""
    right = predict(gold, split) == gold["cuts"]
    table = right.groupby(gold["kind"]).agg(["size", "mean"])
    return table.rename(columns={"size": "items", "mean": "accuracy"}).reset_index()


def errors(gold: pd.DataFrame, split: Splitter) -> pd.DataFrame:
    """Items one splitter gets wrong: id, part, kind, text, missed and extra sentence starts."""
    predicted = predict(gold, split)
    rows = []
    for i, item in gold.iterrows():
        want, got = set(item["cuts"]), set(predicted[i])
        if want != got:
            rows.append(
                (
                    item["id"],
                    item["part"],
                    item["kind"],
                    item["text"],
                    sorted(want - got),
                    sorted(got - want),
                )
            )
    return pd.DataFrame(rows, columns=["id", "part", "kind", "text", "missed", "extra"])


def speed_texts(corpus: str | Path | None = CORPUS, gold: pd.DataFrame | None = None) -> list[str]:
    """Paragraphs to time: every non-empty line but the first of each corpus article."""
    if corpus is not None and Path(corpus).is_dir():
        texts = []
        for path in sorted(Path(corpus).glob("*.txt")):
            texts.extend(corpus_lines(path)[1:])
        return texts
    return [] if gold is None else gold["text"].tolist()


def speed(texts: list[str], named: dict[str, Splitter], repeat: int = 3) -> pd.DataFrame:
    """Throughput of each splitter on `texts`, best of `repeat` runs.

    Returns columns splitter, paragraphs, sentences, seconds, paragraphs_per_s, sentences_per_s,
    times_pysbd (speed relative to pySBD, NA when pySBD is not among `named`).
    """
    rows = []
    for name, split in named.items():
        best, n_sentences = float("inf"), 0
        for _ in range(repeat):
            t0 = time.process_time()
            n_sentences = sum(len(split(t)) for t in texts)
            best = min(best, time.process_time() - t0)
        rows.append((name, len(texts), n_sentences, best))
    out = pd.DataFrame(rows, columns=["splitter", "paragraphs", "sentences", "seconds"])
    out["paragraphs_per_s"] = out["paragraphs"] / out["seconds"]
    out["sentences_per_s"] = out["sentences"] / out["seconds"]
    base = out.loc[out["splitter"] == "pysbd", "seconds"]
    out["times_pysbd"] = base.iloc[0] / out["seconds"] if len(base) else float("nan")
    return out


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Command-line options of `python -m newscorpus.eval sentences`."""
    parser.add_argument("--gold", default=str(GOLD), help="gold JSON-lines file")
    parser.add_argument("--corpus", default=str(CORPUS), help="folder of the PolNeAR articles")
    parser.add_argument(
        "--golden",
        default=str(GOLDEN),
        help="pySBD's tests/lang/test_english.py (the English golden rules; skipped when absent)",
    )
    parser.add_argument(
        "--part", choices=[*PARTS, "all"], default="all", help="items to list errors for"
    )
    parser.add_argument("--kinds", action="store_true", help="accuracy per kind (newscorpus)")
    parser.add_argument("--errors", action="store_true", help="list the items newscorpus misses")
    parser.add_argument(
        "--golden-errors",
        choices=["dev", "untouched", "all"],
        default=None,
        help="list the golden-rule cases newscorpus misses in this part",
    )
    parser.add_argument("--repeat", type=int, default=3, help="timing runs (best is kept)")
    parser.add_argument(
        "--speed-paragraphs",
        type=int,
        default=3000,
        help="paragraphs timed (0: skip timing; pySBD needs ~1 s per 500)",
    )


def main(args: argparse.Namespace) -> int:
    """Print accuracy (and optionally kinds, errors) and speed; return 0."""
    gold = read_gold(args.gold, args.corpus)
    named = splitters()
    counts = gold.groupby(["source", "part"]).size().unstack(fill_value=0)
    print(
        f"gold: {len(gold)} paragraphs, {sum(len(c) for c in gold['cuts'])} inner sentence starts"
    )
    print(counts.to_string())
    if "pysbd" not in named:
        print("(pySBD not installed: pip install pysbd==0.3.4 to compare)")
    print("\nExact-match accuracy (every boundary of the paragraph right):")
    table = accuracy(gold, named).pivot(index="splitter", columns="part", values="accuracy")
    print(table.reindex(list(named))[parts(gold) + ["all"]].round(3).to_string())
    if args.kinds:
        print("\nnewscorpus by kind:")
        print(by_kind(gold, split_sentences).round(3).to_string(index=False))
    if args.errors:
        wrong = errors(gold, split_sentences)
        if args.part != "all":
            wrong = wrong[wrong["part"] == args.part]
        for row in wrong.itertuples():
            print(f"\n{row.id} [{row.part}/{row.kind}] missed {row.missed} extra {row.extra}")
            print("  " + row.text)
    golden = read_golden(args.golden)
    if len(golden):
        print(f"\npySBD English golden rules ({len(golden)} cases; every third is untouched):")
        table = accuracy(golden, named).pivot(index="splitter", columns="part", values="accuracy")
        print(table.reindex(list(named))[parts(golden) + ["all"]].round(3).to_string())
        if args.golden_errors:
            wrong = errors(golden, split_sentences)
            if args.golden_errors != "all":
                wrong = wrong[wrong["part"] == args.golden_errors]
            for row in wrong.itertuples():
                print(f"\n{row.id} [{row.part}] missed {row.missed} extra {row.extra}")
                print("  " + row.text)
    else:
        print(f"\n(pySBD golden rules not found at {args.golden}: pass --golden PATH)")
    if args.speed_paragraphs > 0:
        texts = speed_texts(args.corpus, gold)[: args.speed_paragraphs]
        print(f"\nSpeed on {len(texts)} paragraphs (best of {args.repeat}):")
        result = speed(texts, named, repeat=args.repeat)
        print(
            result.round(
                {"seconds": 3, "paragraphs_per_s": 0, "sentences_per_s": 0, "times_pysbd": 1}
            ).to_string(index=False)
        )
    return 0
