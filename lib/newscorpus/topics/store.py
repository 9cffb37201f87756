"""The topics stage of an analysed corpus: fit once on a sample of the cached term counts,
assign every partition, and cache both tables beside the other tables.

The fit is corpus-level (it needs a sample across partitions), so, like site furniture, the
stage has two steps: `fit_topics` on a bounded sample read part by part, then `assign_job`
per partition, run through the pass's own executor (local processes or a Dask cluster), each
job reading one cached term_counts part and writing one topics part. Nothing holds more
than the sample and one part.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from pathlib import Path

import pandas as pd

from newscorpus.parts import publish, read_parts, write_part
from newscorpus.topics.model import (
    MAX_ARTICLES,
    METHODS,
    TOPIC_COLUMNS,
    TopicModel,
    assign_topics,
    empty_topics,
    fit_topics,
    topic_terms,
)
from newscorpus.workers import execute

COUNT_COLUMNS = ["article_id", "term", "ngram", "count", "n_words"]
TOKEN_COLUMNS = ["article_id", "sentence_id", "token", "norm", "is_word"]


def vocabulary_inputs(folder, articles: list[str] | None = None) -> dict:
    """What `fit_topics` needs to fit on each story once and leave the terms step's house
    style out of the topics: the reprinted copies (`exclude`: ids with `duplicate_of` set),
    the articles' outlet (`groups`, article_id -> outlet; only `articles` when given) and the
    names among the widespread terms (`names`, read from the cached tokens by
    `terms.name_terms` when the house-style rule asks: at most 3 token partitions). Empty
    when the cache has no outlet column (a one-outlet corpus then has half-the-articles house
    style, as in the terms step)."""
    from newscorpus.terms import name_terms

    folder = Path(getattr(folder, "folder", folder))
    copies = _copies(folder, articles)
    try:
        frames = list(read_parts(folder, "articles", articles, ["article_id", "outlet"]))
    except (KeyError, ValueError, FileNotFoundError, OSError):
        return copies
    frames = [f for f in frames if len(f) and "outlet" in f]
    if not frames:
        return copies
    table = pd.concat(frames, ignore_index=True)
    groups = pd.Series(
        table["outlet"].astype("str").fillna("").to_numpy(),
        index=table["article_id"].astype("str").to_numpy(),
    )

    def names(by_group, sizes, candidates=None):
        tokens = read_parts(folder, "tokens", columns=TOKEN_COLUMNS)
        return name_terms(tokens, by_group, sizes, candidates)

    return {"groups": groups, "names": names, **copies}


def _copies(folder: Path, articles: list[str] | None = None) -> dict:
    """{"exclude": ids of the reprinted copies} (`articles.duplicate_of` set: near and exact
    duplicates alike), or {} when the cache has no such column or no copy."""
    try:
        frames = list(read_parts(folder, "articles", articles, ["article_id", "duplicate_of"]))
    except (KeyError, ValueError, FileNotFoundError, OSError):
        return {}
    frames = [f for f in frames if len(f) and "duplicate_of" in f]
    if not frames:
        return {}
    table = pd.concat(frames, ignore_index=True)
    dup = table["duplicate_of"].astype("str")
    flagged = dup.notna() & dup.str.strip().ne("") & dup.ne("nan")
    ids = table.loc[flagged.to_numpy(), "article_id"].astype("str").tolist()
    return {"exclude": ids} if ids else {}


def _key(n_topics: int | None, options: dict) -> str:
    """The cache folder name of a topics stage: options left at `fit_topics`'s defaults are
    not part of it, so `method="lsa-kmeans"` given explicitly reads the model the pass fitted."""
    import inspect

    from newscorpus.topics.model import fit_topics

    defaults = {
        k: v.default
        for k, v in inspect.signature(fit_topics).parameters.items()
        if v.default is not inspect.Parameter.empty
    }
    options = {k: v for k, v in options.items() if k not in defaults or defaults[k] != v}
    text = json.dumps({"n_topics": n_topics, **options}, sort_keys=True, default=str)
    return "topics@" + hashlib.sha1(text.encode()).hexdigest()[:10]


def _termless_tokens(job: dict) -> pd.DataFrame | None:
    """The tokens (article_id, norm, is_word, is_stop) of the part's articles the terms step
    counted nothing of, for `assign_topics`'s fallback; None when the part has no tokens
    file or every article has a term count."""
    path = Path(job["source"]) / "tokens" / job["part"]
    counted = Path(job["source"]) / "term_counts" / job["part"]
    if not path.exists():
        return None
    ids = pd.read_parquet(path, columns=["article_id"])["article_id"].astype("str").unique()
    have = pd.read_parquet(counted, columns=["article_id"])["article_id"].astype("str").unique()
    missing = sorted(set(ids) - set(have))
    if not missing:
        return None
    cols = ["article_id", "norm", "is_word", "is_stop"]
    tokens = pd.read_parquet(path, columns=cols)
    return tokens[tokens["article_id"].astype("str").isin(missing)]


def assign_job(job: dict) -> dict:
    """One partition of the assign step: read `<source>/term_counts/part-NNNNN.parquet`,
    write its topics rows to `<out>/part-NNNNN.parquet`; return the part and its row count.
    An article of the part the terms step counted nothing of is assigned from the words of
    its tokens (`<source>/tokens/part-NNNNN.parquet`, `model.token_counts`).

    `job` holds model (a TopicModel), source and out (folders) and part (the part's file
    name). Runs in a worker process or on a Dask worker (paths must be shared)."""
    source = Path(job["source"]) / "term_counts" / job["part"]
    counts = pd.read_parquet(source, columns=COUNT_COLUMNS)
    table = assign_topics(job["model"], counts, tokens=_termless_tokens(job))
    number = int(job["part"].split("-")[1].split(".")[0])
    write_part(table, Path(job["out"]), number)
    return {"part": job["part"], "rows": len(table)}


def compute(
    folder,
    n_topics: int | None = None,
    workers: int | None = 1,
    scheduler: str | None = None,
    n_terms: int = 20,
    **fit_options,
) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    """The `topics` and `topic_terms` tables of an analysed corpus, computed once and cached.

    Input: the analysis cache folder (`analysis.analyse`'s result, or an `Analysis`), then
    `n_topics` (None: the default rule of `fit_topics`), `workers` processes or a Dask
    `scheduler` for the assign step, `n_terms` top terms kept per topic, and options of
    `fit_topics` (method, restarts, max_articles …). Output: (topics: article_id, topic,
    weight; topic_terms: topic, term, weight, rank; info: method, n_topics, n_sample, rule,
    coherence per candidate and left_out: per vocabulary rule, the number of terms it left out
    and the first 40 of them). Cached under `<folder>/topics@<key>/` (topics parts,
    topic_terms.parquet, model.json) keyed by n_topics and the options, so a second call
    only reads. A corpus too small to model (`fit_topics` raises ValueError: fewer than two
    articles with terms, no term shared by enough articles) gives empty tables and an info whose
    `n_topics` is 0 and whose `rule` says why; other ValueErrors (a bad option) are raised.
    """
    try:
        return _load(cached(folder, n_topics, workers, scheduler, n_terms, **fit_options))
    except ValueError as exc:
        if "articles" not in str(exc):  # a bad option, not a small corpus
            raise
        dtypes = {"topic": "int64", "term": "str", "weight": "float64", "rank": "int64"}
        empty_terms = pd.DataFrame({c: pd.Series(dtype=t) for c, t in dtypes.items()})
        info = {
            "method": fit_options.get("method", METHODS[0]),
            "n_topics": 0,
            "n_sample": 0,
            "n_terms_in_vocabulary": 0,
            "rule": f"no topic model: {exc}",
            "coherence": {},
            "left_out": {},
        }
        return empty_topics(), empty_terms, info


def cached(
    folder,
    n_topics: int | None = None,
    workers: int | None = 1,
    scheduler: str | None = None,
    n_terms: int = 20,
    **fit_options,
) -> Path:
    """The cache folder of the topics stage (see `compute`), computing it first if needed."""
    folder = Path(getattr(folder, "folder", folder))
    fit_options.setdefault("max_articles", MAX_ARTICLES)
    target = folder / _key(n_topics, {"n_terms": n_terms, **fit_options})
    if (target / "model.json").exists():
        return target
    model = fit_topics(
        read_parts(folder, "term_counts", columns=COUNT_COLUMNS),
        n_topics,
        **{**vocabulary_inputs(folder), **fit_options},
    )
    tmp = Path(tempfile.mkdtemp(prefix=".topics-", dir=folder))
    try:
        parts = sorted(p.name for p in (folder / "term_counts").glob("part-*.parquet"))
        jobs = [
            {"model": model, "source": str(folder), "out": str(tmp / "topics"), "part": p}
            for p in parts
        ]
        execute(jobs, [1] * len(jobs), workers or 1, scheduler, False, "", assign_job)
        topic_terms(model, n_terms).to_parquet(tmp / "topic_terms.parquet", index=False)
        (tmp / "model.json").write_text(json.dumps(_info(model), indent=1) + "\n")
        publish(tmp, target)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return target


def _info(model: TopicModel) -> dict:
    return {
        "method": model.method,
        "n_topics": model.n_topics,
        "n_sample": model.n_sample,
        "n_terms_in_vocabulary": len(model.vocabulary),
        "rule": model.rule,
        "coherence": {str(k): v for k, v in model.coherence.items()},
        "left_out": {k: {"n_terms": len(v), "terms": v[:40]} for k, v in model.left_out.items()},
    }


def _load(target: Path) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    parts = sorted((target / "topics").glob("part-*.parquet"))
    frames = [pd.read_parquet(p) for p in parts]
    frames = [f for f in frames if len(f)]
    topics = pd.concat(frames, ignore_index=True) if frames else empty_topics()
    topics = topics[TOPIC_COLUMNS].astype({"article_id": "str"})
    terms = pd.read_parquet(target / "topic_terms.parquet")
    info = json.loads((target / "model.json").read_text())
    return topics, terms, info


def parts(folder, table: str = "topics", n_topics: int | None = None, **options):
    """The cached `topics` (part by part) or `topic_terms` table, for `export`; computed
    first if needed (options as `compute`). A corpus too small to model (`fit_topics` raises
    ValueError: fewer than two articles, no shared term) gives one empty table."""
    try:
        target = cached(folder, n_topics, **options)
    except ValueError:
        yield empty_topics() if table == "topics" else _empty_terms()
        return
    if table == "topic_terms":
        yield pd.read_parquet(target / "topic_terms.parquet")
        return
    for p in sorted((target / "topics").glob("part-*.parquet")):
        yield pd.read_parquet(p)


def tables(counts: pd.DataFrame, n_topics: int | None = None, **options) -> dict:
    """{"topics": …, "topic_terms": …} for an in-memory term_counts table (no cache; for
    small corpora and tests), both empty when the corpus is too small to model. Options as
    `fit_topics` (and n_terms)."""
    n_terms = options.pop("n_terms", 20)
    try:
        model = fit_topics(counts, n_topics, **options)
    except ValueError:
        return {"topics": empty_topics(), "topic_terms": _empty_terms()}
    return {"topics": assign_topics(model, counts), "topic_terms": topic_terms(model, n_terms)}


def _empty_terms() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "topic": pd.Series(dtype="int64"),
            "term": pd.Series(dtype="str"),
            "weight": pd.Series(dtype="float64"),
            "rank": pd.Series(dtype="int64"),
        }
    )
