"""Topics as clusters of articles: a consensus of k-means runs on the latent semantic (LSA)
projection of the articles' tf-idf rows, each topic the mean tf-idf row of its articles, and
every article's topic shares by its distance to the clusters' centres in the projection.

The classic document-clustering pipeline (Deerwester et al. 1990's latent semantic analysis,
a truncated SVD of the tf-idf matrix; rows scaled to unit length so k-means compares their
directions, as spherical k-means does, Dhillon & Modha 2001), as in scikit-learn's own
text-clustering example. Projecting on a few latent dimensions before clustering merges the
many rare words of one story type (a company's results, a central bank's money-market
operations) into one direction, so the clusters follow the broad categories rather than the
tightest sub-stories, which NMF of the full tf-idf matrix tends to split out.

One k-means run depends on its start (Reuters, 5 categories: NMI 0.66–0.81 over seeds), and
the best of several starts by inertia gains little (the lowest inertia is not the partition
nearest the categories). So `N_RUNS` runs from random starts are combined into a consensus
partition (clustering ensembles: Fred & Jain 2005's evidence accumulation; Topchy, Jain &
Punch 2005's consensus by k-means on the runs' cluster-indicator matrix, here on its first
2 × n_topics singular dimensions scaled to unit length, the best of `N_INIT` k-means++
starts by inertia). The consensus is what the runs agree on, steadier than any one run.

Shares: each article's responsibilities under an isotropic Gaussian mixture whose means are
the consensus clusters' centres in the projection and whose variance is their pooled
within-cluster variance (soft k-means, Bishop 2006 §9.2–9.3), so an article's main topic is
its nearest centre, the topic it was clustered in when fitted, and an article between two
stories has a share of each. The topic rows (`components_`, topic × term: the mean tf-idf
row of each cluster's articles) are non-negative and name the topics by their top terms.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

N_RUNS = 30  # k-means runs (one random start each) combined by consensus
N_INIT = 10  # k-means++ starts of the consensus step; the one of least inertia is kept
DIMS_PER_TOPIC = 4  # LSA dimensions: 4 per topic …
DIMS_RANGE = (10, 100)  # … at least 10 and at most 100
LSA_RULE = (
    "the consensus of 30 k-means runs (random starts) on the articles' tf-idf rows (raw tf) "
    "projected on their first 4 × n_topics latent semantic dimensions (10 to 100; a "
    "truncated SVD) and scaled to unit length (consensus: k-means, best of 10 starts, on "
    "the runs' cluster indicators); a topic's terms are the mean tf-idf row of its articles; "
    "an article's shares are its responsibilities under an isotropic Gaussian mixture on the "
    "clusters' centres in the projection, its main topic the nearest centre"
)


def lsa_dims(n_topics: int, shape: tuple[int, int]) -> int:
    """The LSA dimensions for `n_topics` topics on a matrix of `shape` (articles × terms):
    DIMS_PER_TOPIC per topic within DIMS_RANGE, fewer than both the articles and the terms
    (0 when the matrix is too small for a projection)."""
    d = min(max(DIMS_PER_TOPIC * n_topics, DIMS_RANGE[0]), DIMS_RANGE[1])
    return max(0, min(d, shape[0] - 1, shape[1] - 1))


def consensus(runs: list[np.ndarray], k: int, random_state: int = 0, n_init: int = N_INIT):
    """The consensus partition of several clusterings of the same rows (Topchy, Jain & Punch
    2005: k-means on the runs' stacked cluster-indicator matrix; here on its first 2 × k
    singular dimensions, rows scaled to unit length, the best of `n_init` k-means++ starts).

    Input: a list of label arrays (one per run, each of the same length, values 0 … k−1) and
    the number of clusters k. Output: one label array (values 0 … k−1), the same for the same
    input and `random_state`. Raises ValueError for no run or runs of different lengths."""
    from sklearn.cluster import KMeans
    from sklearn.decomposition import TruncatedSVD
    from sklearn.preprocessing import normalize

    if not runs or len({len(r) for r in runs}) != 1:
        raise ValueError("consensus needs one or more label arrays of the same length")
    n, r = len(runs[0]), len(runs)
    width = r * k
    h = sp.hstack(
        [sp.csr_matrix((np.ones(n), (np.arange(n), np.asarray(lab))), shape=(n, k)) for lab in runs]
    ).tocsr()
    d = min(2 * k, width - 1, n - 1)
    z = TruncatedSVD(d, random_state=random_state).fit_transform(h) if d >= 2 else h
    z = normalize(z)
    return KMeans(k, n_init=n_init, random_state=random_state).fit(z).labels_


class CentroidTopics:
    """Topics fitted as clusters (LSA_RULE). `components_` holds the topic × term rows (the
    mean tf-idf row of each cluster's articles), `labels_` the cluster of each fitted article,
    `centers_` the clusters' centres in the projection, `variance_` their pooled variance per
    dimension, `inertia_` the consensus partition's within-cluster sum of squares in the
    projection, `n_iter_` the runs combined, `n_dims_` the LSA dimensions, and
    `reconstruction_err_` the Frobenius error of the fitted rows' shares (as NMF reports it)."""

    def __init__(
        self, n_components: int, random_state: int = 0, n_init: int = N_INIT, n_runs: int = N_RUNS
    ):
        self.n_components = n_components
        self.random_state = random_state
        self.n_init = n_init
        self.n_runs = n_runs

    def fit(self, x: sp.csr_matrix) -> CentroidTopics:
        """Cluster the rows of `x` (articles × terms, tf-idf rows of unit length) and keep each
        cluster's mean row. Raises ValueError when `x` has fewer rows than topics."""
        from sklearn.cluster import KMeans
        from sklearn.decomposition import TruncatedSVD

        k = self.n_components
        if x.shape[0] < k:
            raise ValueError(f"{k} topics need at least {k} articles ({x.shape[0]} given)")
        d = lsa_dims(k, x.shape)
        self.basis_ = None
        if d >= 2:
            self.basis_ = TruncatedSVD(d, random_state=self.random_state).fit(x).components_
        z = self._project(x)
        seed = self.random_state
        if self.n_runs > 1 and k > 1:
            runs = [
                KMeans(k, n_init=1, init="random", random_state=seed * 1000 + r).fit(z).labels_
                for r in range(self.n_runs)
            ]
            labels = consensus(runs, k, seed, self.n_init)
        else:
            labels = KMeans(k, n_init=self.n_init, random_state=seed).fit(z).labels_
        member = sp.csr_matrix(
            (np.ones(len(labels)), (labels, np.arange(len(labels)))), shape=(k, x.shape[0])
        )
        sizes = np.maximum(np.asarray(member.sum(axis=1)).ravel(), 1.0)
        self.components_ = np.asarray((member @ x).todense()) / sizes[:, None]
        self.centers_ = np.asarray(member @ z) / sizes[:, None]
        self.inertia_ = float(np.sum(self._distances(z)[np.arange(len(labels)), labels]))
        self.variance_ = max(self.inertia_ / max(z.shape[0] * z.shape[1], 1), 1e-6)
        self.labels_ = labels
        self.n_iter_ = int(self.n_runs)
        self.n_dims_ = int(d)
        self.reconstruction_err_ = self._error(x, self.transform(x))
        return self

    def _project(self, x: sp.csr_matrix) -> np.ndarray:
        """Rows on the LSA basis, scaled to unit length (the rows themselves, densified, when
        the matrix was too small for a projection); an empty row stays 0."""
        from sklearn.preprocessing import normalize

        z = x @ self.basis_.T if self.basis_ is not None else x.toarray()
        return normalize(np.asarray(z, dtype=np.float64))

    def _distances(self, z: np.ndarray) -> np.ndarray:
        """Squared Euclidean distance of each row of `z` to each centre (rows × topics)."""
        c = self.centers_
        d2 = (z * z).sum(axis=1)[:, None] - 2.0 * z @ c.T + (c * c).sum(axis=1)[None, :]
        return np.maximum(d2, 0.0)

    def _error(self, x: sp.csr_matrix, w: np.ndarray) -> float:
        """Frobenius norm of x − w·H without the dense articles × terms product:
        ‖x‖² − 2 tr(wᵀ x Hᵀ) + tr(wᵀw · HHᵀ)."""
        h = self.components_
        xx = float(x.multiply(x).sum())
        cross = float(np.sum(w * np.asarray(x @ h.T)))
        gram = float(np.sum((w.T @ w) * (h @ h.T)))
        return float(np.sqrt(max(xx - 2.0 * cross + gram, 0.0)))

    def transform(self, x: sp.csr_matrix) -> np.ndarray:
        """Each row's topic shares (articles × topics, rows summing to 1; all 0 for a row with
        no weight): its responsibilities under an isotropic Gaussian mixture with the clusters'
        centres as means and their pooled variance (exp(−d²/2σ²), normalised; Bishop 2006
        §9.3.2), so the largest share is the nearest centre's."""
        k = self.n_components
        if x.shape[0] == 0:
            return np.zeros((0, k))
        z = self._project(x)
        d2 = self._distances(z)
        logit = -(d2 - d2.min(axis=1, keepdims=True)) / (2.0 * self.variance_)
        w = np.exp(logit)
        w /= w.sum(axis=1, keepdims=True)
        w[np.abs(z).sum(axis=1) == 0] = 0.0
        return w
