"""Quote extraction against hand-annotated gold: precision/recall/F1 by span overlap, speaker accuracy.

Gold lives in `tests/gold/quotes/` (`quotes.csv`: every quotation of the seed articles with its
speaker; `indirect.csv`: attributions without quotation marks). A predicted quote matches a gold
quote when their character spans overlap by at least half of each span (one-to-one). Speaker
accuracy is the share of matched quotes whose speaker equals one of the gold alternatives
(case, a leading "the" and curly apostrophes ignored).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

from newscorpus import read_corpus
from newscorpus.corpus import Corpus
from newscorpus.paths import PROJECT_ROOT, SEEDS_DIR, project_path
from newscorpus.sources import find_quotes

GOLD_DIR = PROJECT_ROOT / "tests" / "gold" / "quotes"


def normalise_speaker(name: object) -> str:
    """A speaker name folded for comparison: lowercase, no leading "the", straight apostrophes."""
    if not isinstance(name, str):
        return ""
    text = " ".join(name.replace("’", "'").lower().split())
    return text[4:] if text.startswith("the ") else text


def speaker_matches(predicted: object, gold: str) -> bool:
    """True when `predicted` equals one of the `|`-separated gold alternatives."""
    alternatives = {normalise_speaker(g) for g in str(gold).split("|")}
    return normalise_speaker(predicted) in alternatives


def gold_spans(gold: pd.DataFrame, corpus: Corpus) -> pd.DataFrame:
    """Add start/end to gold quotes by finding each quote's text in its paragraph."""
    paras = corpus.paragraphs.set_index(["article_id", "paragraph_id"])
    starts, ends = [], []
    for row in gold.itertuples():
        p = paras.loc[(row.article_id, int(row.paragraph_id))]
        offset = p["text"].find(row.quote)
        if offset < 0:
            raise ValueError(
                f"gold quote not found in {row.article_id} paragraph {row.paragraph_id}: "
                f"{row.quote[:60]!r}"
            )
        starts.append(int(p["start"]) + offset)
        ends.append(int(p["start"]) + offset + len(row.quote))
    return gold.assign(start=starts, end=ends)


def match_spans(pred: pd.DataFrame, gold: pd.DataFrame, min_share: float = 0.5) -> list:
    """One-to-one (pred index, gold index) pairs whose spans overlap by `min_share` of each."""
    pairs = []
    for aid, g in gold.groupby("article_id"):
        p = pred[pred["article_id"] == aid]
        for gi, grow in g.iterrows():
            for pi, prow in p.iterrows():
                overlap = min(grow["end"], prow["end"]) - max(grow["start"], prow["start"])
                glen, plen = grow["end"] - grow["start"], prow["end"] - prow["start"]
                if overlap >= min_share * glen and overlap >= min_share * plen and overlap > 0:
                    pairs.append((overlap, pi, gi))
    pairs.sort(key=lambda t: -t[0])
    used_p, used_g, out = set(), set(), []
    for _, pi, gi in pairs:
        if pi in used_p or gi in used_g:
            continue
        used_p.add(pi)
        used_g.add(gi)
        out.append((pi, gi))
    return out


def _prf(n_match: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = n_match / n_pred if n_pred else 0.0
    r = n_match / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(corpus: Corpus, gold_dir: Path = GOLD_DIR, quotes: pd.DataFrame | None = None) -> dict:
    """Scores of `find_quotes` on `corpus` against the gold files, with the errors behind them."""
    quotes = find_quotes(corpus) if quotes is None else quotes
    gold = pd.read_csv(gold_dir / "quotes.csv", dtype={"paragraph_id": int}, keep_default_na=False)
    gold = gold[gold["article_id"].isin(set(corpus.articles["article_id"]))]
    gold = gold_spans(gold.reset_index(drop=True), corpus)
    pred = quotes[quotes["kind"].isin(["direct", "partial"])].reset_index(drop=True)
    pairs = match_spans(pred, gold)
    speaker_ok = [
        speaker_matches(pred.loc[pi, "speaker"], gold.loc[gi, "speaker"]) for pi, gi in pairs
    ]
    kind_ok = [str(pred.loc[pi, "kind"]) == gold.loc[gi, "kind"] for pi, gi in pairs]
    p, r, f = _prf(len(pairs), len(pred), len(gold))
    matched_p = {pi for pi, _ in pairs}
    matched_g = {gi for _, gi in pairs}
    result = {
        "n_gold": len(gold),
        "n_predicted": len(pred),
        "n_matched": len(pairs),
        "precision": p,
        "recall": r,
        "f1": f,
        "speaker_accuracy": sum(speaker_ok) / len(pairs) if pairs else 0.0,
        "kind_accuracy": sum(kind_ok) / len(pairs) if pairs else 0.0,
        "false_positives": pred.drop(index=list(matched_p)),
        "missed": gold.drop(index=list(matched_g)),
        "wrong_speaker": pd.DataFrame(
            [
                {
                    "article_id": gold.loc[gi, "article_id"],
                    "quote": gold.loc[gi, "quote"][:60],
                    "gold": gold.loc[gi, "speaker"],
                    "predicted": pred.loc[pi, "speaker"],
                }
                for (pi, gi), ok in zip(pairs, speaker_ok, strict=True)
                if not ok
            ],
            columns=["article_id", "quote", "gold", "predicted"],
        ),
    }
    indirect_path = gold_dir / "indirect.csv"
    if indirect_path.exists():
        result.update(
            _score_indirect(
                quotes,
                pd.read_csv(indirect_path, keep_default_na=False),
                set(corpus.articles["article_id"]),
            )
        )
    return result


def _score_indirect(quotes: pd.DataFrame, gold: pd.DataFrame, articles: set) -> dict:
    gold = gold[gold["article_id"].isin(articles)].reset_index(drop=True)
    pred = quotes[quotes["kind"] == "indirect"].reset_index(drop=True)
    used, n_match, n_speaker = set(), 0, 0
    for _, g in gold.iterrows():
        cands = pred[
            (pred["article_id"] == g["article_id"]) & (pred["paragraph_id"] == g["paragraph_id"])
        ]
        cands = [pi for pi in cands.index if pi not in used]
        if not cands:
            continue
        best = next(
            (pi for pi in cands if speaker_matches(pred.loc[pi, "speaker"], g["speaker"])), cands[0]
        )
        used.add(best)
        n_match += 1
        n_speaker += speaker_matches(pred.loc[best, "speaker"], g["speaker"])
    p, r, f = _prf(n_match, len(pred), len(gold))
    return {
        "indirect_n_gold": len(gold),
        "indirect_n_predicted": len(pred),
        "indirect_precision": p,
        "indirect_recall": r,
        "indirect_f1": f,
        "indirect_speaker_accuracy": n_speaker / n_match if n_match else 0.0,
    }


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options: the gold folder, the corpus and whether to list the errors."""
    parser.add_argument(
        "corpus", nargs="?", default=str(SEEDS_DIR), help="corpus folder (default: seeds)"
    )
    parser.add_argument(
        "--gold", default=str(GOLD_DIR), help="folder holding quotes.csv (and indirect.csv)"
    )
    parser.add_argument(
        "--errors", action="store_true", help="list missed, spurious and mis-attributed quotes"
    )


def main(args: argparse.Namespace) -> int:
    """Print quote precision/recall/F1 and speaker accuracy; exit 0."""
    corpus = read_corpus(project_path(args.corpus))
    result = score(corpus, project_path(args.gold))
    print(
        f"quotes (direct + partial): gold {result['n_gold']}, predicted {result['n_predicted']}, "
        f"matched {result['n_matched']}"
    )
    print(
        f"  precision {result['precision']:.3f}  recall {result['recall']:.3f}  "
        f"F1 {result['f1']:.3f}"
    )
    print(
        f"  speaker accuracy {result['speaker_accuracy']:.3f}  "
        f"(direct/partial kind right: {result['kind_accuracy']:.3f})"
    )
    if "indirect_n_gold" in result:
        print(
            f"indirect attributions: gold {result['indirect_n_gold']}, "
            f"predicted {result['indirect_n_predicted']}"
        )
        print(
            f"  precision {result['indirect_precision']:.3f}  recall "
            f"{result['indirect_recall']:.3f}  F1 {result['indirect_f1']:.3f}  speaker accuracy "
            f"{result['indirect_speaker_accuracy']:.3f}"
        )
    if args.errors:
        with pd.option_context("display.width", 160, "display.max_colwidth", 70):
            for name in ("missed", "false_positives", "wrong_speaker"):
                table = result[name]
                print(f"\n{name}: {len(table)}")
                if len(table):
                    cols = [
                        c
                        for c in (
                            "article_id",
                            "paragraph_id",
                            "kind",
                            "quote",
                            "speaker",
                            "gold",
                            "predicted",
                        )
                        if c in table.columns
                    ]
                    print(table[cols].to_string(index=False))
    return 0
