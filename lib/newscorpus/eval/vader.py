"""VADER sentence sentiment against human ratings: Pearson r, 3-class accuracy and F1.

Each FILE is VADER-format ground truth: one item a line, tab-separated id, mean human rating on
-4..4, text (VADER's tweets_, movieReviewSnippets_, amazonReviewSnippets_GroundTruth.txt). Each
text is scored with newscorpus.sentiment under each rule set asked for (--rules: "nltk",
identical to NLTK's polarity_scores; "vader-3.3", identical to vaderSentiment 3.3.2's; default
both). Reported per file and rule set: coverage (share of items with at least one lexicon
word), Pearson r between compound and mean rating, 3-class accuracy and macro F1. Classes use
VADER's threshold on both sides: compound >= t positive, <= -t negative, else neutral; a rating
is first scaled to -1..1 (rating / 4, i.e. +-0.05*4 on the rating). --lexicon / --conflict add
rows with extra valences, to compare.
"""

from __future__ import annotations

import argparse
import math
from pathlib import Path

import numpy as np
import pandas as pd

from newscorpus import sentiment
from newscorpus.sentiment import RULES

CLASSES = ("negative", "neutral", "positive")


def read_ground_truth(path: str | Path) -> pd.DataFrame:
    """Read VADER-format ground truth into a table: id, rating, text."""
    path = Path(path)
    if not path.is_file():
        raise ValueError(
            f"ground-truth file {str(path)!r} does not exist "
            "(expected tab-separated lines: id, mean rating -4..4, text)"
        )
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        try:
            rating = float(fields[1])
            text = "\t".join(fields[2:])
        except (IndexError, ValueError):
            rating, text = math.nan, ""
        if len(fields) < 3 or not -4 <= rating <= 4:
            raise ValueError(
                f"ground-truth file {str(path)!r} line {number}: {line[:80]!r} "
                "(expected id<TAB>mean rating from -4 to 4<TAB>text)"
            )
        rows.append((fields[0], rating, text))
    if not rows:
        raise ValueError(f"ground-truth file {str(path)!r} has no rated items")
    return pd.DataFrame(rows, columns=["id", "rating", "text"])


def classes(values: pd.Series, threshold: float = sentiment.THRESHOLD) -> pd.Series:
    """'negative' / 'neutral' / 'positive' with VADER's threshold (values on -1..1)."""
    return sentiment.label(values, threshold)


def macro_f1(gold: pd.Series, predicted: pd.Series) -> tuple[float, dict[str, float]]:
    """Macro-averaged F1 over the three classes, and F1 per class."""
    per_class = {}
    for c in CLASSES:
        tp = int(((gold == c) & (predicted == c)).sum())
        fp = int(((gold != c) & (predicted == c)).sum())
        fn = int(((gold == c) & (predicted != c)).sum())
        per_class[c] = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else math.nan
    present = [v for v in per_class.values() if not math.isnan(v)]
    return (sum(present) / len(present) if present else math.nan), per_class


def evaluate(
    truth: pd.DataFrame,
    lexicon=None,
    threshold: float = sentiment.THRESHOLD,
    rules: str = sentiment.DEFAULT_RULES,
) -> dict[str, float]:
    """Coverage, Pearson r, accuracy and macro F1 of VADER (plus `lexicon`) on ground truth.

    Input: a table with rating (-4..4) and text; the rule set and extra lexicon to score with.
    Output: n, coverage, pearson_r (NaN with fewer than 2 items or no spread), accuracy,
    f1_macro and f1_<class>. Scoring rules: ../shared/gold/README.md (Sentiment).
    """
    lex = sentiment.lexicon_dict(lexicon)
    texts = truth["text"].tolist()
    scores = sentiment.score_texts(texts, lexicon=lexicon, workers=1, rules=rules)
    covered = [any(w.lower() in lex for w in sentiment.vader_words(t, rules)) for t in texts]
    compound = scores["compound"].to_numpy(dtype=float)
    rating = truth["rating"].to_numpy(dtype=float)
    if len(truth) > 1 and compound.std() > 0 and rating.std() > 0:
        r = float(np.corrcoef(compound, rating)[0, 1])
    else:
        r = math.nan
    gold = classes(truth["rating"] / 4, threshold)
    predicted = classes(scores["compound"], threshold)
    f1, per_class = macro_f1(gold, predicted)
    accuracy = float((gold.to_numpy() == predicted.to_numpy()).mean()) if len(truth) else math.nan
    return {
        "n": len(truth),
        "coverage": float(np.mean(covered)),
        "pearson_r": r,
        "accuracy": accuracy,
        "f1_macro": f1,
        **{f"f1_{c}": v for c, v in per_class.items()},
    }


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Command-line arguments of `python -m newscorpus.eval vader`."""
    parser.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="ground truth: id<TAB>mean rating (-4..4)<TAB>text per line",
    )
    parser.add_argument(
        "--rules",
        default="both",
        choices=[*RULES, "both"],
        help="rule set to score with (default both: nltk and vader-3.3)",
    )
    parser.add_argument("--lexicon", help="also score with this file of word<TAB>valence lines")
    parser.add_argument(
        "--conflict", action="store_true", help="also score with the shipped conflict supplement"
    )
    parser.add_argument(
        "--threshold",
        type=float,
        default=sentiment.THRESHOLD,
        help="compound cut-off for positive/negative (default 0.05)",
    )


def main(args: argparse.Namespace) -> int:
    """Print coverage, Pearson r, accuracy and 3-class F1 per file, rule set and lexicon."""
    rule_sets = list(RULES) if args.rules == "both" else [args.rules]
    lexicons = [("vader", None)]
    if args.conflict:
        lexicons.append(("vader + conflict", "conflict"))
    if args.lexicon:
        lexicons.append((f"vader + {Path(args.lexicon).name}", args.lexicon))
    header = ["rules", "lexicon", "coverage", "pearson_r", "accuracy", "f1_macro"]
    header += ["f1_neg", "f1_neu", "f1_pos"]
    width = max(len(name) for name, _ in lexicons) + 2
    for path in args.files:
        try:
            truth = read_ground_truth(path)
            results = [
                (rules, name, evaluate(truth, lexicon, args.threshold, rules))
                for rules in rule_sets
                for name, lexicon in lexicons
            ]
        except ValueError as exc:
            print(f"error: {exc}")
            return 2
        print(f"ground truth: {path} ({len(truth)} rated items, threshold ±{args.threshold})")
        print(f"{header[0]:<11}{header[1]:<{width}}" + "".join(f"{h:>10}" for h in header[2:]))
        for rules, name, m in results:
            values = [m["coverage"], m["pearson_r"], m["accuracy"], m["f1_macro"]]
            values += [m["f1_negative"], m["f1_neutral"], m["f1_positive"]]
            print(f"{rules:<11}{name:<{width}}" + "".join(f"{v:>10.3f}" for v in values))
    return 0
