"""Topic model accuracy: NMI between each article's main topic and its category.

Reads a corpus with a category column (Reuters-21578: the manifest's `topics`), keeps the
single-label articles (exactly one category), runs the analysis pass (so the model sees the
pass's own term counts, furniture left out), fits `newscorpus.topics.fit_topics` on those
articles with n_topics = the number of categories, and scores each article's main topic
against its category with scikit-learn's normalized_mutual_info_score (arithmetic mean,
Strehl & Ghosh 2002). Also scored on the 10, 8 and 5 most frequent categories (only their
articles, n_topics = 10, 8 or 5: closer to a five-category news corpus), and for each method
asked for. Beside NMI: the largest topic's share of the articles and the topics whose ten
top terms hold a wire or page artefact (ARTEFACT_CHECK).

Splits (`--split`): the single-label articles sorted by id, every third (`untouched`) kept back
from tuning, the rest `dev3`; each split is modelled and scored on its own articles (the
category sets are the most frequent of the whole corpus), `all` prints dev3, untouched and all.

    python -m newscorpus.eval topics --corpus ../shared/corpora/reuters21578 --split dev3
"""

from __future__ import annotations

import argparse
import json
import time

import pandas as pd

DEFAULT_METHODS = ("nmf", "lda")
SPLITS = ("dev3", "untouched", "all")
# terms no topic should be labelled by: wire sign-off and units, honorifics, speech, markup
ARTEFACT_CHECK = frozenset(
    "reuter reuters said mr mrs ms dlrs mln pct cts vs tweet pic twitter um uh laughter".split()
)
METHODS = {
    "lsa-kmeans": {"method": "lsa-kmeans"},
    "lsa-kmeans-no-fallback": {"method": "lsa-kmeans", "fallback": False},
    "lsa-kmeans-sublinear": {"method": "lsa-kmeans", "sublinear": True},
    "nmf": {"method": "nmf"},
    "nmf-raw-tf": {"method": "nmf", "sublinear": False},
    "nmf-bigrams": {"method": "nmf", "ngrams": (1, 2)},
    "nmf-restarts": {"method": "nmf", "restarts": 5},
    "nmf-kl": {"method": "nmf", "loss": "kullback-leibler"},
    "nmf-kl-bigrams": {"method": "nmf", "loss": "kullback-leibler", "ngrams": (1, 2)},
    "nmf-kl-bigrams-raw-tf": {
        "method": "nmf",
        "loss": "kullback-leibler",
        "ngrams": (1, 2),
        "sublinear": False,
    },
    "nmf-kl-trigrams": {"method": "nmf", "loss": "kullback-leibler", "ngrams": (1, 2, 3)},
    "lda": {"method": "lda"},
    "nmf-no-artefact-rule": {"method": "nmf", "artefacts": False},
}


def split_of(article_ids) -> dict[str, str]:
    """`untouched` for every third article id (sorted), `dev3` for the rest: {id: split}."""
    ids = sorted({str(a) for a in article_ids})
    return {a: "untouched" if i % 3 == 2 else "dev3" for i, a in enumerate(ids)}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The command line of `python -m newscorpus.eval topics`."""
    parser.add_argument("--corpus", required=True, help="corpus folder with a manifest")
    parser.add_argument("--column", default="topics", help="category column (default: topics)")
    parser.add_argument(
        "--methods",
        default=",".join(DEFAULT_METHODS),
        help=f"comma-separated, of: {', '.join(METHODS)} (default: nmf,lda)",
    )
    parser.add_argument(
        "--top", default="all,10,8,5", help="category sets: all and/or the N most frequent"
    )
    parser.add_argument(
        "--top-categories",
        default=None,
        help="comma-separated K: only the K largest categories (same as --top K, which it "
        "replaces when given); or named categories joined by '+' (earn+acq+crude)",
    )
    parser.add_argument(
        "--seeds",
        default="0",
        help="comma-separated seeds of the fit; each is scored (default: 0)",
    )
    parser.add_argument(
        "--per-category",
        type=int,
        default=None,
        help="balanced: at most M articles of each category (the M with the smallest hash "
        "of their id: deterministic), within the split",
    )
    parser.add_argument(
        "--split",
        choices=SPLITS,
        default="dev3",
        help="dev3 (two thirds, for tuning), untouched (every third id, kept back) or all "
        "(prints dev3, untouched and all)",
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


def balanced(categories: pd.Series, per_category: int | None) -> pd.Series:
    """At most `per_category` articles of each category: those with the smallest hash of their
    id (deterministic, and the same whatever the order). Input and output: article_id ->
    category (a str Series); None or 0 keeps every article. Raises ValueError for a negative
    `per_category`."""
    if not per_category:
        return categories
    if per_category < 0:
        raise ValueError(f"per_category={per_category}: expected a whole number of at least 1")
    ids = pd.Index(categories.index).astype("str")
    h = pd.Series(pd.util.hash_array(ids.to_numpy(dtype=object)), index=categories.index)
    order = pd.DataFrame({"c": categories.to_numpy(), "h": h.to_numpy(), "i": ids.to_numpy()})
    rank = order.sort_values(["h", "i"]).groupby("c", sort=False).cumcount()
    return categories[(rank.sort_index() < per_category).to_numpy()]


def score(folder, categories: pd.Series, **fit_options) -> dict:
    """NMI of main topic against category on the articles of `categories` (article_id ->
    category), with a model fitted on those articles' cached term counts, n_topics = the
    number of categories; the vocabulary rules of the pass (outlets, names) apply as in
    `topics.cached`; an article the terms step counted nothing of is assigned from the words
    of its tokens as in the pass (`assign_topics(tokens=...)`; fit option `fallback=False`:
    not). Output: {nmi (articles without a topic count as one more cluster),
    nmi_with_topic (only the articles with a topic), n_articles, n_categories, n_unassigned, largest_share (the
    largest topic's share of the articles), artefact_topics (topics with a term of
    ARTEFACT_CHECK among their ten top terms), cpu_s}."""
    from sklearn.metrics import normalized_mutual_info_score

    from newscorpus import analysis, topics

    wanted = categories.index.tolist()

    def parts():
        return analysis.read_parts(
            folder, "term_counts", articles=wanted, columns=["article_id", "term", "ngram", "count"]
        )

    t0 = time.process_time()
    k = categories.nunique()
    inputs = topics.vocabulary_inputs(folder, wanted)
    fallback = fit_options.pop("fallback", True)
    model = topics.fit_topics(parts(), k, **{**inputs, **fit_options})
    table = pd.concat([topics.assign_topics(model, p) for p in parts()], ignore_index=True)
    termless = sorted(set(wanted) - set(table["article_id"].astype("str")))
    if termless and fallback:  # as the pass's assign step does
        cols = ["article_id", "norm", "is_word", "is_stop"]
        tokens = analysis.read_parts(folder, "tokens", articles=termless, columns=cols)
        extra = topics.assign_topics(model, topics.token_counts(pd.concat(list(tokens))))
        table = pd.concat([table, extra], ignore_index=True)
    main = topics.main_topics(table).reindex(categories.index).fillna(-1)
    top = topics.topic_terms(model, 10)
    return {
        "nmi": round(float(normalized_mutual_info_score(categories, main)), 4),
        "nmi_with_topic": round(
            float(normalized_mutual_info_score(categories[main >= 0], main[main >= 0])), 4
        ),
        "n_articles": len(categories),
        "n_categories": int(k),
        "n_unassigned": int((main < 0).sum()),
        "largest_share": round(float(main.value_counts(normalize=True).iloc[0]), 4),
        "artefact_topics": int(top.loc[top["term"].isin(ARTEFACT_CHECK), "topic"].nunique()),
        "cpu_s": round(time.process_time() - t0, 1),
    }


def category_set(which: str, counts: pd.Series) -> list[str]:
    """The categories of one `--top-categories` item: "all", the N most frequent ("5"), or
    named categories joined by "+" ("ship+coffee+gold"). Input: the item and the categories'
    article counts (largest first). Raises ValueError for a named category not in `counts`
    or an item that is none of these."""
    if which == "all":
        return list(counts.index)
    if which.isdigit():
        return list(counts.index[: int(which)])
    names = [c.strip() for c in which.split("+") if c.strip()]
    unknown = [c for c in names if c not in counts.index]
    if unknown or len(names) < 2:
        raise ValueError(
            f"category set {which!r}: expected all, a number, or two or more categories joined "
            f"by '+' ({', '.join(unknown)} not found)"
        )
    return names


def _line(res: dict, per_category: int | None) -> str:
    """One printed result."""
    return (
        f"{res['method']:14} {res['split']:9} {res['categories']:>4} categories "
        f"({res['n_categories']}{f', ≤ {per_category} each' if per_category else ''}; seed "
        f"{res['seed']}): NMI {res['nmi']:.4f} ({res['nmi_with_topic']:.4f} on the articles "
        f"with a topic) on {res['n_articles']:,} single-label articles (largest topic "
        f"{res['largest_share']:.0%}, {res['artefact_topics']} topics with an artefact term; "
        f"{res['n_unassigned']} without a topic; {res['cpu_s']} s CPU)"
    )


def main(args: argparse.Namespace) -> int:
    """Run the evaluation and print one line per method, split, category set and seed, then
    each method's mean NMI per split over the sets and seeds."""
    from newscorpus import analysis

    data = analysis.load(args.corpus, workers=args.workers)
    cats = single_label(data.table("articles", columns=["article_id", args.column]), args.column)
    counts = cats.value_counts()
    split = split_of(cats.index)
    splits = SPLITS if args.split == "all" else (args.split,)
    sets = [w.strip() for w in (args.top_categories or args.top).split(",") if w.strip()]
    seeds = [int(x) for x in str(args.seeds).split(",") if x.strip()]
    results = []
    for method in [m.strip() for m in args.methods.split(",") if m.strip()]:
        if method not in METHODS:
            raise SystemExit(f"unknown method {method!r}: expected one of {', '.join(METHODS)}")
        for part in splits:
            in_part = cats[[part == "all" or split[a] == part for a in cats.index]]
            for which in sets:
                keep = category_set(which, counts)
                chosen = balanced(in_part[in_part.isin(keep)], args.per_category)
                for seed in seeds:
                    res = score(data.folder, chosen, **{**METHODS[method], "seed": seed})
                    res = {"method": method, "split": part, "categories": which, "seed": seed,
                           "per_category": args.per_category, **res}  # fmt: skip
                    results.append(res)
                    if not args.json:
                        print(_line(res, args.per_category), flush=True)
    if args.json:
        print(json.dumps(results, indent=1))
    elif len(results) > 1:
        table = pd.DataFrame(results)
        means = table.groupby(["method", "split"], sort=False)[["nmi", "nmi_with_topic"]].mean()
        for (method, part), row in means.iterrows():
            print(
                f"mean {method} {part}: NMI {row['nmi']:.4f} ({row['nmi_with_topic']:.4f} with a "
                f"topic) over {len(sets)} category set(s) × {len(seeds)} seed(s)"
            )
    return 0
