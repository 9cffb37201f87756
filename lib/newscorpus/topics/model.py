"""Fitting a topic model on a bounded sample of the per-article term counts, and assigning
every article to topics part by part.

The model is, by default, the consensus of k-means clusterings of the latent semantic
projection of the articles' tf-idf matrix (`newscorpus.topics.cluster`: each topic the mean
tf-idf row of its articles, shares by distance to the clusters' centres), or scikit-learn's non-negative matrix
factorisation (NMF, Lee & Seung 1999; the coordinate-descent solver of Cichocki & Phan 2009)
of the tf-idf matrix, or scikit-learn's online variational LDA (Blei, Ng & Jordan 2003; Hoffman et al. 2010) of their
raw counts. Input is the `term_counts` table of the analysis pass (article_id, term, ngram,
count, …: stopwords, numbers and site furniture already left out), so the topics see the
same words as the term views, less the words of the page rather than of a story
(`artefact_terms`, ARTEFACT_RULE), the terms step's house style by outlet (`house_style`) and
each outlet's signature terms (`outlet_signatures`).

Scale: `fit_topics` reads the counts part by part and keeps a bounded sample (at most
`max_articles` articles, the ones whose article-id hash is smallest: the same sample whatever
the partitioning and order of the parts), fits on it, and `assign_topics` then transforms one
part at a time, so memory never holds more than the sample and one part.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import scipy.sparse as sp

from newscorpus.topics.outlets import HOUSE_MIN_TOPICS, house_style, outlet_signatures

TOPIC_COLUMNS = ["article_id", "topic", "weight"]
TOPIC_TERM_COLUMNS = ["topic", "term", "weight", "rank"]
METHODS = ("lsa-kmeans", "nmf", "lda")
LOSSES = ("frobenius", "kullback-leibler")  # NMF's divergence
MAX_ARTICLES = 20_000  # the fit sample
CANDIDATES = (3, 5, 8, 10, 15, 20, 30, 40)  # n_topics tried by the default rule
CHOOSE_ARTICLES = 3_000  # sub-sample the default rule fits each candidate on
MIN_WEIGHT = 0.05  # topic shares below this are not written to the topics table
COHERENCE_TERMS = 10
CHOOSE_ITER = 100  # NMF iterations per candidate of the default rule (see `_quiet_fit`)
N_TOPICS_RULE = (
    "the knee of mean NPMI coherence against the number of topics (log scale; Satopää et al. "
    "2011's Kneedle), among the candidates from the one nearest √(n/10) topics (n = articles "
    "of the fit sample: a floor so a corpus of many stories is not under-split) up to the most "
    "coherent: the one furthest above the straight line from the floor to the most coherent "
    "(the fewest on a tie); the most coherent itself when none is above that line"
)
FLOOR_ARTICLES = 10  # the floor of the rule: the candidate nearest sqrt(n / FLOOR_ARTICLES)
RAW_TF_RULE = (
    "lsa-kmeans weighs a term by its count in the article (tf-idf with raw tf, rows of unit "
    "length), not 1 + log count: the words a story repeats (oil, shares, coffee) lead its "
    "direction, the words it mentions once do not"
)

# Words of the page, not of the story, that the reader's furniture leaves in body text: the
# markup of embedded posts (<tweet pic="pic.twitter.com/…" author=… timestamp=… tweet_id=…>)
# and links, honorifics (NYT's "Mr."/"Mrs."), the fillers and stage directions of transcripts,
# and the wire's sign-off. With NEWS_FUNCTION_WORDS and ALWAYS_HOUSE_STYLE of the terms step
# (said, would …; month names of datelines, mln, dlrs, pct, reuter) and its wire credits
# (`newscorpus.corpus.duplicates.WIRE_CREDITS`), they never enter a topic's vocabulary.
SOCIAL_MARKUP = frozenset(
    """tweet tweet_id tweet-id tweet_author tweet-author tweet-date tweet_date pic
    pic.twitter.com twitter.com twitter timestamp author via com www http https href src url
    html t.co bit.ly instagram.com facebook.com youtube.com""".split()
)
HONORIFICS = frozenset("mr mrs ms messrs mme mlle dr prof sir madam mr. mrs. ms. dr.".split())
TRANSCRIPT_FILLER = frozenset(
    """um umm uh uhh uh-huh mm-hmm mhm hmm er erm ah oh laughter crosstalk applause inaudible
    unintelligible indiscernible cheers cheering booing boos interruption""".split()
)
WIRE_SIGNOFFS = frozenset("reuter reuters".split())
# the words of wire tables the table rule misses ("Qtly div eight cts vs seven cts prior")
TABLE_WORDS = frozenset(
    """vs four five six seven eight nine ten eleven twelve twenty thirty forty fifty sixty
    seventy eighty ninety hundred""".split()
)
_ANY_WORD = SOCIAL_MARKUP | HONORIFICS | TRANSCRIPT_FILLER | WIRE_SIGNOFFS
# a handle or link (@name, http…, x.com), a slug or id (8+ letters and digits mixed), a number,
# a contraction of speech
_ARTEFACT = re.compile(
    r"^@|https?\b|www\.|\.(?:com|org|net|co)\b|^(?=[a-z0-9]*\d)(?=[a-z0-9]*[a-z])[a-z0-9]{8,}$"
    r"|^[\d.,:/-]+$"
    # spoken register: a pronoun's or a negated auxiliary's contraction (i'm, we're, that's, don't)
    r"|^(?:i|you|we|they|he|she|it|that|there|what|who|here|let)['’](?:m|re|s|ve|ll|d)$"
    r"|^\w+n['’]t$"
)
ARTEFACT_RULE = (
    "left out of the topics' vocabulary: embedded-post markup and links (tweet, pic.twitter.com, "
    "@handles, ids), honorifics (mr, mrs, ms), transcript fillers, stage directions and "
    "contractions of speech (um, uh, laughter, crosstalk, i'm, don't), wire sign-offs and credits (reuter, AFP), news function words and "
    "dateline house style of the terms step (said, would; month names, mln, dlrs, pct), "
    "wire-table words (vs, spelled numbers)"
)


@dataclass
class TopicModel:
    """A fitted topic model: its vocabulary, term weighting, the scikit-learn estimator, and
    how its number of topics was chosen (`rule`, `coherence` per candidate when chosen)."""

    method: str
    n_topics: int
    vocabulary: np.ndarray  # terms, in column order
    idf: np.ndarray | None  # tf-idf weights (NMF), None for LDA
    estimator: object
    ngrams: tuple[int, ...] = (1,)
    sublinear: bool = True
    n_sample: int = 0
    rule: str = ""
    coherence: dict = field(default_factory=dict)
    left_out: dict = field(default_factory=dict)  # why terms were kept out: {reason: [terms]}
    kept_names: list = field(default_factory=list)  # names kept although over max_df

    @property
    def components(self) -> np.ndarray:
        """Topic × term weights (each row sums to 1)."""
        comp = np.asarray(self.estimator.components_, dtype=np.float64)
        return comp / np.maximum(comp.sum(axis=1, keepdims=True), 1e-12)


# --------------------------------------------------------------------------- input


def _parts(counts) -> Iterable[pd.DataFrame]:
    """A term_counts DataFrame, or an iterable of its parts, as parts."""
    if isinstance(counts, pd.DataFrame):
        return [counts]
    return counts


def _check(part: pd.DataFrame) -> None:
    missing = [c for c in ("article_id", "term", "count") if c not in part.columns]
    if missing:
        raise ValueError(
            f"term counts lack column(s) {', '.join(missing)} "
            "(expected the term_counts table by article: article_id, term, ngram, count)"
        )


def _keep(part: pd.DataFrame, ngrams: tuple[int, ...]) -> pd.DataFrame:
    _check(part)
    extra = [c for c in ("ngram", "n_words") if c in part]
    part = part[["article_id", "term", "count"] + extra]
    if "ngram" in part:
        part = part[part["ngram"].isin(ngrams)]
    out = pd.DataFrame(
        {
            "article_id": part["article_id"].astype("str").to_numpy(),
            "term": part["term"].astype("str").to_numpy(),
            "count": part["count"].to_numpy(np.float64),
        }
    )
    if "n_words" in part:  # body words, for the terms step's house-style rule
        out["n_words"] = part["n_words"].to_numpy(np.int64)
    return out


def artefact_terms(terms) -> np.ndarray:
    """Which terms are page artefacts rather than words of a story (ARTEFACT_RULE).

    Input: terms as counted (lowercase, the words of a multiword term joined by spaces).
    Output: a bool array, True for a term that is, as a whole, a news function word
    (`terms.NEWS_FUNCTION_WORDS`: said, mr, would …), dateline or wire house style
    (`terms.ALWAYS_HOUSE_STYLE`: month names, mln, dlrs, pct, reuter), a word of wire tables
    (vs, spelled numbers: "div eight cts vs seven cts"), a wire credit
    (`corpus.duplicates.WIRE_CREDITS`: Reuters, AFP, AP, Associated Press), or a term any
    word of which is embedded-post markup or a link (tweet, pic.twitter.com, @handle, an id
    of 8+ mixed letters and digits), an honorific (mr, mrs, ms, dr), a transcript filler or
    stage direction (um, uh, laughter, crosstalk, applause), a pronoun's or negated
    auxiliary's contraction of speech (i'm, that's, don't) or a wire sign-off (reuter), or
    a bare number. "new york" stays although "new" is a news function word.
    """
    from newscorpus.corpus.duplicates import WIRE_CREDITS
    from newscorpus.terms import ALWAYS_HOUSE_STYLE, NEWS_FUNCTION_WORDS

    terms = pd.Series(np.asarray(terms, dtype=object)).astype("str").str.lower()
    credit = re.compile("(?:" + "|".join(WIRE_CREDITS.values()) + ")", re.IGNORECASE)
    whole = NEWS_FUNCTION_WORDS | ALWAYS_HOUSE_STYLE | _ANY_WORD | TABLE_WORDS
    out = terms.isin(whole).to_numpy(dtype=bool).copy()
    words = terms.str.split(" ").explode()
    bad = words.isin(_ANY_WORD) | words.str.contains(_ARTEFACT)
    out |= bad.groupby(level=0).any().reindex(terms.index, fill_value=False).to_numpy(bool)
    out |= terms.map(lambda t: credit.fullmatch(t) is not None).to_numpy(dtype=bool)
    return out


def _hash(ids: pd.Series | np.ndarray) -> np.ndarray:
    return pd.util.hash_array(np.asarray(ids, dtype=object), categorize=True)


def sample_counts(
    counts,
    max_articles: int = MAX_ARTICLES,
    ngrams: tuple[int, ...] = (1,),
    exclude: Iterable[str] = (),
) -> pd.DataFrame:
    """A bounded sample of per-article term counts, read part by part.

    Input: the term_counts table by article (a DataFrame or an iterable of its parts; columns
    article_id, term, count and optionally ngram, of which `ngrams` are kept). Output: columns
    article_id, term, count for at most `max_articles` articles: those with the smallest hash
    of their id (a bottom-k sample: uniform, and the same whatever the order or partitioning
    of the parts). Articles whose id is in `exclude` (reprinted copies) are never sampled.
    Memory holds the sample and one part.
    """
    skip = pd.Index(pd.Series(list(exclude), dtype="str").unique())
    kept: list[pd.DataFrame] = []
    cut = np.iinfo(np.uint64).max
    n_kept = 0
    for part in _parts(counts):
        part = _keep(part, ngrams)
        if len(skip) and len(part):
            part = part[~part["article_id"].astype("str").isin(skip).to_numpy()]
        if not len(part):
            continue
        h = _hash(part["article_id"])
        part = part[h <= cut].assign(_h=h[h <= cut])
        kept.append(part)
        n_kept += part["article_id"].nunique()
        if n_kept > max_articles:
            table = pd.concat(kept, ignore_index=True)
            hashes = np.sort(table["_h"].unique())
            cut = hashes[max_articles - 1]
            table = table[table["_h"] <= cut]
            kept, n_kept = [table], max_articles
    if not kept:
        return pd.DataFrame({"article_id": [], "term": [], "count": []}).astype(
            {"article_id": "str", "term": "str", "count": "float64"}
        )
    return pd.concat(kept, ignore_index=True).drop(columns="_h")


# --------------------------------------------------------------------------- matrices


def _widespread(sample: pd.DataFrame, min_df: int, max_df: float) -> list[str]:
    """Terms in more than `max_df` (share) of the sample's articles (and `min_df` or more)."""
    n = sample["article_id"].nunique()
    df = sample.groupby("term", sort=False)["article_id"].nunique()
    return sorted(df[df > max(max_df * n, min_df)].index.astype("str"))


def widespread_names(sample: pd.DataFrame, groups, names, terms: list[str]) -> list[str]:
    """Which of `terms` are proper names (`terms.name_terms`: mostly capitalised where case is
    free): the people and places a corpus covers ("trump", "clinton" in 70 % of a campaign's
    articles) are what its topics are about, so `fit_topics` keeps them although they pass
    `max_df`. Input: per-article counts (article_id, term, count), `groups` (article_id ->
    outlet) and `names` (a `name_terms` table, a list of terms, or a callable (by_group,
    sizes, candidates) -> such a table, as `store.vocabulary_inputs` gives). Output: the
    names among `terms`, sorted; [] without `names` or groups."""
    if names is None or groups is None or not terms:
        return []
    if callable(names):
        from newscorpus.terms import group_counts

        lab = pd.Series(
            np.asarray(groups, dtype=object), index=pd.Index(groups.index).astype("str")
        )
        lab = lab.dropna().astype("str")
        lab = lab[~lab.index.duplicated()]
        counts = sample[sample["term"].isin(terms) & sample["article_id"].isin(lab.index)]
        if not len(counts):
            return []
        if "ngram" not in counts:
            counts = counts.assign(ngram=1)
        if "n_words" not in counts:
            counts = counts.assign(n_words=counts["count"])
        lab = lab[lab.index.isin(pd.unique(counts["article_id"]))]
        try:
            names = names(group_counts(counts, lab), lab.value_counts(), terms)
        except TypeError:  # a callable of (by_group, sizes) only
            names = names(group_counts(counts, lab), lab.value_counts())
    if isinstance(names, pd.DataFrame):
        names = names.loc[names["name"].astype(bool), "term"] if "name" in names else []
    found = set(pd.Series(list(names), dtype="str"))
    return sorted(t for t in terms if t in found)


def _vocabulary(
    sample: pd.DataFrame,
    min_df: int,
    max_df: float,
    max_terms: int,
    left_out: frozenset | set = frozenset(),
    keep: Iterable[str] = (),
) -> np.ndarray:
    """Terms in at least `min_df` and at most `max_df` (share) of the sample's articles (the
    `keep` terms whatever their spread), the `max_terms` most widespread, in alphabetical
    order; `left_out` terms never."""
    n = sample["article_id"].nunique()
    df = sample.groupby("term", sort=False)["article_id"].nunique()
    kept = df.index.isin(list(keep))
    df = df[(df >= min_df) & ((df <= max(max_df * n, min_df)) | kept)]
    if left_out:
        df = df[~df.index.isin(list(left_out))]
    if len(df) > max_terms:
        df = df.sort_values(ascending=False, kind="stable").iloc[:max_terms]
    return np.sort(df.index.to_numpy(dtype=object))


def _matrix(
    part: pd.DataFrame, vocabulary: np.ndarray, ids: pd.Index | None = None
) -> tuple[sp.csr_matrix, pd.Index]:
    """Article × term count matrix of a part over a vocabulary (terms outside it dropped)."""
    col = pd.Index(vocabulary).get_indexer(part["term"])
    ok = col >= 0
    if ids is None:
        ids = pd.Index(pd.unique(part["article_id"]))
    row = ids.get_indexer(part["article_id"])
    ok &= row >= 0
    m = sp.csr_matrix(
        (part["count"].to_numpy()[ok], (row[ok], col[ok])), shape=(len(ids), len(vocabulary))
    )
    m.sum_duplicates()
    return m, ids


def _weighted(m: sp.csr_matrix, idf: np.ndarray | None, sublinear: bool) -> sp.csr_matrix:
    """tf-idf rows of unit length (tf = 1 + log count when `sublinear`); counts unchanged when
    idf is None (LDA models counts)."""
    if idf is None:
        return m
    m = m.astype(np.float64, copy=True)
    if sublinear:
        m.data = 1.0 + np.log(m.data)
    m = m @ sp.diags(idf)
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    return sp.diags(1.0 / np.maximum(norms, 1e-12)) @ m


def _idf(m: sp.csr_matrix) -> np.ndarray:
    df = np.bincount(m.indices, minlength=m.shape[1])
    return np.log((1 + m.shape[0]) / (1 + df)) + 1.0  # scikit-learn's smooth idf


# --------------------------------------------------------------------------- fitting


def _estimator(method: str, k: int, seed: int, init: str, max_iter: int, loss: str = LOSSES[0]):
    if method == "lsa-kmeans":
        from newscorpus.topics.cluster import N_INIT, CentroidTopics

        return CentroidTopics(k, random_state=seed, n_init=N_INIT)
    if method == "nmf":
        from sklearn.decomposition import NMF

        return NMF(
            n_components=k,
            init=init,
            random_state=seed,
            max_iter=max_iter,
            tol=1e-4,
            beta_loss=loss,
            solver="cd" if loss == "frobenius" else "mu",
        )
    from sklearn.decomposition import LatentDirichletAllocation

    return LatentDirichletAllocation(
        n_components=k,
        learning_method="online",
        random_state=seed,
        max_iter=max_iter,
        batch_size=512,
        doc_topic_prior=None,
        topic_word_prior=None,
    )


def _fit_once(
    x, method: str, k: int, restarts: int, seed: int, max_iter: int, loss: str = LOSSES[0]
):
    """The best of `restarts` fits: least NMF reconstruction error, or highest LDA bound.
    scikit-learn's ConvergenceWarning (the iteration limit reached before the tolerance) is
    not printed: the estimator's `n_iter_` against `max_iter` tells it, and `fit_topics`
    states it in the model's rule."""
    import warnings

    from sklearn.exceptions import ConvergenceWarning
    from threadpoolctl import threadpool_limits

    best, best_score = None, math.inf
    with threadpool_limits(limits=1), warnings.catch_warnings():  # one core: one per process
        warnings.simplefilter("ignore", ConvergenceWarning)
        for r in range(max(1, restarts)):
            init = "nndsvda" if r == 0 else "random"
            est = _estimator(method, k, seed + r, init, max_iter if method == "nmf" else 20, loss)
            est.fit(x)
            score = est.score(x) * -1 if method == "lda" else est.reconstruction_err_
            if best is None or score < best_score:  # a NaN score still gives a model
                best, best_score = est, score
    return best


def coherence(components: np.ndarray, binary: sp.csr_matrix, n_terms: int = COHERENCE_TERMS):
    """Mean NPMI coherence of each topic's top terms (Bouma 2009; Aletras & Stevenson 2013).

    Input: topic × term weights and the article × term presence matrix they were fitted on.
    Output: one value per topic in [-1, 1], the mean over pairs of its `n_terms` top terms of
    log(p(a,b) / p(a)p(b)) / -log p(a,b) with document co-occurrence probabilities (a pair that
    never co-occurs scores -1).
    """
    n = binary.shape[0]
    out = []
    for row in components:
        top = np.argsort(-row, kind="stable")[:n_terms]
        sub = binary[:, top].astype(np.float64)
        co = (sub.T @ sub).toarray() / n
        p = np.diag(co).copy()
        iu = np.triu_indices(len(top), 1)
        pab = co[iu]
        with np.errstate(divide="ignore", invalid="ignore"):
            npmi = np.log(pab / (p[iu[0]] * p[iu[1]])) / -np.log(pab)
        npmi = np.where(pab > 0, npmi, -1.0)
        npmi = np.where(pab >= 1, 1.0, npmi)
        out.append(float(np.mean(npmi)) if len(npmi) else 0.0)
    return np.array(out)


def _first(n: int, k: int) -> np.ndarray:
    """`k` of `n` rows spread evenly (the sample's rows are in the order of the parts)."""
    return np.unique(np.linspace(0, n - 1, min(n, k)).astype(np.int64))


def topic_floor(n_articles: int, candidates: Iterable[int]) -> int:
    """The fewest topics N_TOPICS_RULE considers: of `candidates`, the one nearest
    √(n_articles / FLOOR_ARTICLES) on a log scale (the larger on a tie), at least the smallest
    candidate. A rule of thumb for the number of clusters (Mardia et al. 1979's √(n/2),
    scaled to news topics): 924 articles → 10, 3,000 → 15 or 20, 20,000 → 40. Raises
    ValueError for no candidate."""
    cands = sorted({int(k) for k in candidates})
    if not cands:
        raise ValueError("topic_floor needs at least one candidate")
    target = math.log(max(math.sqrt(max(n_articles, 1) / FLOOR_ARTICLES), 1.0))
    return min(cands, key=lambda k: (abs(math.log(k) - target), -k))


def choose_n_topics(scores: dict, n_articles: int | None = None) -> int:
    """The number of topics N_TOPICS_RULE picks from {candidate: mean coherence}.

    Coherence tends to creep up as topics narrow (a topic of one story's articles is very
    coherent), so the most coherent candidate is often the largest one tried, whatever the
    corpus: the rule takes the knee instead, where adding topics stops paying (Kneedle on
    the log number of topics). With `n_articles` (the fit sample's), only candidates from
    `topic_floor` up count: a knee at 5 topics on 924 articles of a campaign left one topic
    of 385 articles that were about no one story. Raises ValueError for no candidate."""
    if not scores:
        raise ValueError("choose_n_topics needs at least one candidate's coherence")
    ks = sorted(int(k) for k in scores)
    if n_articles is not None:
        floor = topic_floor(n_articles, ks)
        ks = [k for k in ks if k >= floor]
    best = max(ks, key=lambda k: (scores[k], -k))
    upto = [k for k in ks if k <= best]
    if len(upto) < 3:
        return best
    first = upto[0]
    span = math.log(best) - math.log(first)
    lift = scores[best] - scores[first]
    above = {
        k: scores[k] - (scores[first] + lift * (math.log(k) - math.log(first)) / span)
        for k in upto[1:-1]
    }
    knee = max(above, key=lambda k: (round(above[k], 9), -k))
    return knee if above[knee] > 0 else best


def _candidates(n_articles: int, candidates: Iterable[int]) -> list[int]:
    """Candidates with at least ten articles a topic (at least the smallest, 2 at fewest)."""
    cands = sorted({int(k) for k in candidates if int(k) >= 2})
    fit = [k for k in cands if k * 10 <= n_articles]
    return fit or [max(2, min(cands[:1] or [2]))]


def _default_n_topics(m: sp.csr_matrix, candidates, seed: int, sublinear: bool):
    """(n_topics, coherence per candidate, the rule's text) for `fit_topics(n_topics=None)`:
    each candidate fitted on a sub-sample of the count matrix `m` and scored by coherence,
    the knee chosen (`choose_n_topics`)."""
    scores: dict[int, float] = {}
    sub = m[_first(m.shape[0], CHOOSE_ARTICLES)]
    binary = (sub > 0).astype(np.float64).tocsr()
    xs = _weighted(sub, _idf(sub), sublinear)
    for k in _candidates(sub.shape[0], candidates):
        if k > min(xs.shape):  # NNDSVD needs no more topics than articles and terms
            continue
        # a candidate is only ranked by its top terms' coherence: CHOOSE_ITER iterations
        # settle them, full convergence is left to the final fit
        est = _fit_once(xs, "nmf", k, 1, seed, CHOOSE_ITER)
        scores[k] = round(float(coherence(est.components_, binary).mean()), 4)
    if not scores:  # fewer terms than the smallest candidate: one topic per term at most
        scores[min(xs.shape)] = 0.0
    n_topics = choose_n_topics(scores, m.shape[0])
    floor = topic_floor(m.shape[0], scores)
    on = (
        f"all {m.shape[0]:,} articles of the fit sample"
        if sub.shape[0] == m.shape[0]
        else f"{sub.shape[0]:,} of the {m.shape[0]:,} articles of the fit sample"
    )
    rule = (
        f"n_topics={n_topics}: {N_TOPICS_RULE}; mean NPMI coherence of each topic's top "
        f"{COHERENCE_TERMS} terms, for {', '.join(map(str, scores))} topics (candidates "
        f"leaving at least 10 articles a topic; the floor for {m.shape[0]:,} articles: "
        f"{floor}), each an NMF of {CHOOSE_ITER} iterations on {on}"
    )
    return n_topics, scores, rule


def _left_out(
    sample: pd.DataFrame, artefacts: bool, groups, names, n_topics: int | None
) -> dict[str, list[str]]:
    """The terms each vocabulary rule leaves out of the fit: {rule: sorted terms}
    (`artefact_terms`, `house_style` with 10 topics or more, `outlet_signatures`)."""
    left_out: dict[str, list[str]] = {}
    if artefacts:
        terms = pd.unique(sample["term"])
        left_out["artefact"] = sorted(terms[artefact_terms(terms)].tolist())
    if groups is not None and (n_topics is None or n_topics >= HOUSE_MIN_TOPICS):
        left_out["house_style"] = house_style(sample, groups, names)
    if groups is not None:
        left_out["outlet_signature"] = outlet_signatures(sample, groups)
    return left_out


def _fit_note(est, method: str, max_iter: int, n_fit: int, n_excluded: int) -> str:
    """What the rule adds about the final fit: NMF stopped at `max_iter`, the clustering rule
    (`lsa-kmeans`), the articles fitted and the reprinted copies left out."""
    note = ""
    if method == "nmf" and getattr(est, "n_iter_", 0) >= max_iter:
        note += (
            f"; the final fit stopped at its limit of {max_iter} iterations before its "
            "tolerance (topics settle well before the loss does)"
        )
    if method == "lsa-kmeans":
        from newscorpus.topics.cluster import LSA_RULE

        note += f"; {LSA_RULE} ({est.n_dims_} dimensions)"
    note += f"; fitted on {n_fit:,} articles"
    if n_excluded:
        note += (
            f" ({n_excluded:,} reprinted {'copy' if n_excluded == 1 else 'copies'} left out "
            "of the fit)"
        )
    return note


def fit_topics(
    counts,
    n_topics: int | None = None,
    *,
    method: str = METHODS[0],
    max_articles: int = MAX_ARTICLES,
    ngrams: tuple[int, ...] = (1,),
    min_df: int = 2,
    max_df: float = 0.5,
    max_terms: int = 20_000,
    sublinear: bool | None = None,
    restarts: int = 1,
    seed: int = 0,
    max_iter: int = 400,
    loss: str = LOSSES[0],
    candidates: Iterable[int] = CANDIDATES,
    artefacts: bool = True,
    groups: pd.Series | None = None,
    names=None,
    exclude: Iterable[str] = (),
) -> TopicModel:
    """Fit a topic model on a bounded sample of the per-article term counts.

    Input: the `term_counts` table by article (a DataFrame or an iterable of its parts, e.g.
    `Analysis.parts("term_counts")`), the number of topics (None: chosen by the rule below),
    `method` "lsa-kmeans" (the default: articles clustered by a consensus of k-means runs on
    the latent semantic projection of their tf-idf rows, each topic the mean row of its
    articles, shares by distance to the clusters' centres: `newscorpus.topics.cluster`,
    LSA_RULE), "nmf" (NMF of tf-idf, rows of unit length) or "lda" (LDA of raw counts);
    `sublinear`: tf = 1 + log count (None: raw counts for "lsa-kmeans", RAW_TF_RULE, and
    1 + log count for NMF); the n-gram lengths used (`ngrams`, words and multiword names by
    default), the vocabulary bounds (terms in at least `min_df` articles and at most `max_df` of them, the
    `max_terms` most widespread; a proper name over `max_df`, `widespread_names`, is kept:
    `model.kept_names`) and `restarts` (fits from different starts; the one with the
    least reconstruction error, or the best LDA likelihood, is kept); `loss`, NMF's divergence
    ("frobenius", coordinate descent, or "kullback-leibler", multiplicative updates).

    Vocabulary: with `artefacts`, the terms `artefact_terms` marks (ARTEFACT_RULE: embedded
    tweets and links, honorifics, transcript fillers, wire sign-offs and credits, news
    function words, dateline house style) are left out; with `groups` (article_id -> outlet),
    the terms step's house style too (`house_style`: terms widespread in most outlets, `names`
    excepted; only with 10 topics or more, or n_topics=None, as a story of a model of fewer
    topics may well be in a fifth of every outlet's articles) and each outlet's signature terms (`outlet_signatures`: ≥ 90 % one outlet's, in
    10–50 % of its articles). `model.left_out` lists the terms left out by each rule.

    `exclude`: article ids left out of the fit (reprinted copies, `articles.duplicate_of`
    set: an article and its copy would otherwise make a topic of their own); they are still
    assigned topics by `assign_topics`.

    Rule for n_topics=None: each of `candidates` that leaves at least ten articles a topic is
    fitted (NMF, one start, CHOOSE_ITER iterations) on a sub-sample of at most 3,000 articles
    of the fit sample and scored by the mean NPMI coherence of its topics' ten top terms on
    it; `choose_n_topics` takes the knee of coherence against the number of topics
    (N_TOPICS_RULE) from the floor `topic_floor` (the candidate nearest √(n/10)) up, not
    the most coherent, which is often the largest candidate tried
    (coherence creeps up as topics narrow). `model.coherence` keeps every candidate's value,
    `model.rule` says which was chosen, on how many articles, and whether the final fit
    stopped at `max_iter`.

    Output: a `TopicModel`. Raises ValueError for an unknown method, n_topics < 1, counts
    without article_id/term/count, or a sample with fewer than two articles or no term
    shared by `min_df` articles.
    """
    if method not in METHODS:
        raise ValueError(f"method={method!r}: expected one of {', '.join(METHODS)}")
    if loss not in LOSSES:
        raise ValueError(f"loss={loss!r}: expected one of {', '.join(LOSSES)}")
    if n_topics is not None and (not isinstance(n_topics, (int, np.integer)) or n_topics < 1):
        raise ValueError(f"n_topics={n_topics!r}: expected a whole number of at least 1")
    exclude = pd.Series(list(exclude), dtype="str").dropna().unique()
    sample = sample_counts(counts, max_articles, tuple(ngrams), exclude)
    n_articles = sample["article_id"].nunique()
    if n_articles < 2:
        raise ValueError(f"a topic model needs at least 2 articles with terms ({n_articles} found)")
    left_out = _left_out(sample, artefacts, groups, names, n_topics)
    dropped = frozenset(t for terms in left_out.values() for t in terms)
    spread_names = widespread_names(
        sample, groups, names, [t for t in _widespread(sample, min_df, max_df) if t not in dropped]
    )
    vocab = _vocabulary(sample, min_df, max_df, max_terms, dropped, spread_names)
    if not len(vocab):
        raise ValueError(
            f"no term is in at least {min_df} of the {n_articles} articles: too few to model"
        )
    m, _ = _matrix(sample, vocab)
    m = m[np.asarray(m.sum(axis=1)).ravel() > 0]
    idf = None if method == "lda" else _idf(m)
    x = _weighted(m, idf, method != "lsa-kmeans" if sublinear is None else sublinear)
    scores: dict[int, float] = {}
    if n_topics is None:  # the rule's NMF candidates: 1 + log count unless told
        n_topics, scores, rule = _default_n_topics(m, candidates, seed, sublinear is not False)
    else:
        rule = f"n_topics={n_topics}: given"
    n_topics = int(min(n_topics, x.shape[0], x.shape[1]))
    est = _fit_once(x, method, n_topics, restarts, seed, max_iter, loss)
    rule += _fit_note(est, method, max_iter, x.shape[0], len(exclude))
    if sublinear:  # asked for: the rule names the weighting used
        rule = rule.replace("(raw tf)", "(tf = 1 + log count)")
    return TopicModel(
        method=method,
        n_topics=n_topics,
        vocabulary=vocab,
        idf=idf,
        estimator=est,
        ngrams=tuple(ngrams),
        sublinear=method != "lsa-kmeans" if sublinear is None else bool(sublinear),
        n_sample=int(x.shape[0]),
        rule=rule,
        coherence=scores,
        left_out=left_out,
        kept_names=spread_names,
    )


# --------------------------------------------------------------------------- assigning


def topic_weights(model: TopicModel, part: pd.DataFrame) -> tuple[np.ndarray, pd.Index]:
    """Each article's topic shares (rows sum to 1; all 0 when no term of it is in the model's
    vocabulary) and the article ids, for one part of the term_counts table. NMF shares are
    each topic's part of the article's reconstructed tf-idf row (W times the topic row's sum,
    so they do not depend on how NMF scales its factors); LDA's are its topic proportions;
    `lsa-kmeans`'s its responsibilities by distance to the clusters' centres (`cluster`)."""
    part = _keep(part, model.ngrams)
    m, ids = _matrix(part, model.vocabulary)
    if not len(ids):
        return np.zeros((0, model.n_topics)), ids
    w = model.estimator.transform(_weighted(m, model.idf, model.sublinear))
    w = np.asarray(w, dtype=np.float64)
    if model.method == "nmf":  # each topic's mass in the article's reconstructed row
        w = w * np.asarray(model.estimator.components_, dtype=np.float64).sum(axis=1)
    if model.method == "lda":
        w[np.asarray(m.sum(axis=1)).ravel() == 0] = 0.0  # LDA gives its prior: no terms, no topic
    total = w.sum(axis=1, keepdims=True)
    return np.divide(w, total, out=np.zeros_like(w), where=total > 0), ids


def token_counts(tokens: pd.DataFrame) -> pd.DataFrame:
    """Per-article counts of the words of a tokens table (its `norm` where `is_word` and not
    `is_stop`), as 1-gram term counts: the fallback `assign_topics` reads for an article of
    which the terms step counted nothing (a wire results table: "Shr 10 cts vs 14 cts / Net
    profit … / Revs …" keeps only words like profit, loss, net). Input: columns article_id,
    norm, and optionally is_word, is_stop. Output: article_id, term, count, ngram (= 1).
    Raises KeyError without article_id or norm."""
    ok = np.ones(len(tokens), dtype=bool)
    if "is_word" in tokens:
        ok &= tokens["is_word"].fillna(False).to_numpy(dtype=bool)
    if "is_stop" in tokens:
        ok &= ~tokens["is_stop"].fillna(False).to_numpy(dtype=bool)
    words = pd.DataFrame(
        {
            "article_id": tokens["article_id"].astype("str").to_numpy()[ok],
            "term": tokens["norm"].astype("str").str.lower().to_numpy()[ok],
        }
    )
    out = words.groupby(["article_id", "term"], sort=False).size().rename("count")
    return out.reset_index().assign(ngram=1)


def assign_topics(
    model: TopicModel, part: pd.DataFrame, min_weight: float = MIN_WEIGHT, tokens=None
):
    """The topics table of one part of the term_counts table.

    Output columns article_id (str), topic (int, 0-based), weight (the article's share of that
    topic, 0–1): one row per article and topic with weight ≥ `min_weight`, and always the
    article's main topic (its largest share), heaviest first within an article. An article
    none of whose terms is in the model's vocabulary gets no row, unless `tokens` (the tokens
    table of the same articles: article_id, norm, is_word, is_stop) is given: such an article
    is then assigned from its words (`token_counts`) that are in the vocabulary, and gets no
    row only when none is (Reuters: the 77 results tables of the 5 largest categories' 1,159
    articles, which the terms step counts nothing of, all get a topic, NMI 0.78 → 0.82).
    """
    table = _assign(model, part, min_weight)
    if tokens is None or not len(tokens):
        return table
    done = set(table["article_id"].astype("str"))
    rest = tokens[~tokens["article_id"].astype("str").isin(done)]
    if not len(rest):
        return table
    extra = _assign(model, token_counts(rest), min_weight)
    return pd.concat([table, extra], ignore_index=True) if len(extra) else table


def _assign(model: TopicModel, part: pd.DataFrame, min_weight: float) -> pd.DataFrame:
    """`assign_topics` from term counts only."""
    w, ids = topic_weights(model, part)
    if not len(ids):
        return empty_topics()
    main = w.argmax(axis=1)
    keep = w >= min_weight
    keep[np.arange(len(ids)), main] = True
    keep &= w > 0
    r, c = np.nonzero(keep)
    table = pd.DataFrame(
        {
            "article_id": pd.array(ids.to_numpy()[r], dtype="str"),
            "topic": c.astype(np.int64),
            "weight": w[r, c].round(4),
        }
    )
    order = np.lexsort((-table["weight"].to_numpy(), r))
    return table.iloc[order].reset_index(drop=True)


def empty_topics() -> pd.DataFrame:
    """An empty `topics` table (article_id, topic, weight) with its column types."""
    return pd.DataFrame(
        {
            "article_id": pd.Series(dtype="str"),
            "topic": pd.Series(dtype="int64"),
            "weight": pd.Series(dtype="float64"),
        }
    )


def topic_terms(model: TopicModel, n_terms: int = 20) -> pd.DataFrame:
    """The `topic_terms` table: columns topic, term, weight (the term's share of the topic's
    weight, 0–1), rank (1 = heaviest), the `n_terms` top terms of each topic."""
    comp = model.components
    rows = []
    for t, row in enumerate(comp):
        top = np.argsort(-row, kind="stable")[:n_terms]
        top = top[row[top] > 0]
        rows.append(
            pd.DataFrame(
                {
                    "topic": t,
                    "term": pd.array(model.vocabulary[top], dtype="str"),
                    "weight": row[top].round(5),
                    "rank": np.arange(1, len(top) + 1),
                }
            )
        )
    if not rows:
        return pd.DataFrame(columns=TOPIC_TERM_COLUMNS)
    return pd.concat(rows, ignore_index=True).astype({"topic": "int64", "rank": "int64"})
