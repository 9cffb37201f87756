"""Topic model accuracy: NMI between each article's main topic and its category.

Reads a corpus with a category column (Reuters-21578: the manifest's `topics`), keeps the
single-label articles (exactly one category), runs the analysis pass (so the model sees the
pass's own term counts, furniture left out), fits `newscorpus.topics.fit_topics` on those
articles with n_topics = the number of categories, and scores each article's main topic
against its category with scikit-learn's normalized_mutual_info_score (arithmetic mean,
Strehl & Ghosh 2002). Also scored on the 8 and 10 most frequent categories (only their
articles, n_topics = 8 or 10), and for each method asked for.

    python -m newscorpus.eval topics --corpus ../shared/corpora/reuters21578
"""

from __future__ import annotations

import argparse
import json
import time

import pandas as pd

DEFAULT_METHODS = ("nmf",)
METHODS = {
    "nmf": {"method": "nmf"},
    "nmf-raw-tf": {"method": "nmf", "sublinear": False},
    "nmf-bigrams": {"method": "nmf", "ngrams": (1, 2)},
    "nmf-restarts": {"method": "nmf", "restarts": 5},
    "nmf-kl": {"method": "nmf", "loss": "kullback-leibler"},
    "lda": {"method": "lda"},
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The command line of `python -m newscorpus.eval topics`."""
    parser.add_argument("--corpus", required=True, help="corpus folder with a manifest")
    parser.add_argument("--column", default="topics", help="category column (default: topics)")
    parser.add_argument(
        "--methods",
        default=",".join(DEFAULT_METHODS),
        help=f"comma-separated, of: {', '.join(METHODS)} (default: nmf)",
    )
    parser.add_argument(
        "--top", default="all,10,8", help="category sets: all and/or the N most frequent"
    )
    parser.add_argument("--workers", type=int, default=None, help="processes for the pass")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")


def single_label(articles: pd.DataFrame, column: str = "topics") -> pd.Series:
    """Category of each article with exactly one (";"-separated lists of several, and empty
    values, left out): a str Series indexed by article_id. Raises ValueError when the
    column is missing."""
    if column not in articles.columns:
        raise ValueError(f"no column {column!r} in the articles (columns: {list(articles)})")
    cats = articles.set_index(articles["article_id"].astype("str"))[column]
    cats = cats.dropna().astype("str").str.strip()
    cats = cats[cats.ne("") & cats.ne("nan") & ~cats.str.contains(";")]
    return cats


def score(folder, categories: pd.Series, **fit_options) -> dict:
    """NMI of main topic against category on the articles of `categories` (article_id ->
    category), with a model fitted on those articles' cached term counts, n_topics = the
    number of categories. Output: {nmi, n_articles, n_categories, n_unassigned, cpu_s}."""
    from sklearn.metrics import normalized_mutual_info_score

    from newscorpus import analysis, topics

    wanted = categories.index.tolist()

    def parts():
        return analysis.read_parts(
            folder, "term_counts", articles=wanted, columns=["article_id", "term", "ngram", "count"]
        )

    t0 = time.process_time()
    k = categories.nunique()
    model = topics.fit_topics(parts(), k, **fit_options)
    table = pd.concat([topics.assign_topics(model, p) for p in parts()], ignore_index=True)
    main = topics.main_topics(table).reindex(categories.index).fillna(-1)
    return {
        "nmi": round(float(normalized_mutual_info_score(categories, main)), 4),
        "n_articles": len(categories),
        "n_categories": int(k),
        "n_unassigned": int((main < 0).sum()),
        "cpu_s": round(time.process_time() - t0, 1),
    }


def main(args: argparse.Namespace) -> int:
    """Run the evaluation and print one line per method and category set."""
    from newscorpus import analysis

    data = analysis.load(args.corpus, workers=args.workers)
    cats = single_label(data.table("articles", columns=["article_id", args.column]), args.column)
    counts = cats.value_counts()
    results = []
    for method in [m.strip() for m in args.methods.split(",") if m.strip()]:
        if method not in METHODS:
            raise SystemExit(f"unknown method {method!r}: expected one of {', '.join(METHODS)}")
        for which in [w.strip() for w in args.top.split(",") if w.strip()]:
            keep = counts.index if which == "all" else counts.index[: int(which)]
            res = score(data.folder, cats[cats.isin(keep)], **METHODS[method])
            results.append({"method": method, "categories": which, **res})
            if not args.json:
                print(
                    f"{method:14} {which:>4} categories ({res['n_categories']}): "
                    f"NMI {res['nmi']:.4f} on {res['n_articles']:,} single-label articles "
                    f"({res['n_unassigned']} without a topic; {res['cpu_s']} s CPU)",
                    flush=True,
                )
    if args.json:
        print(json.dumps(results, indent=1))
    return 0
