"""Topics as clusters of articles: k-means on the latent semantic (LSA) projection of the
articles' tf-idf rows, each topic the mean tf-idf row of its articles, and every article's
topic shares by non-negative least squares on those topic rows.

The classic document-clustering pipeline (Deerwester et al. 1990's latent semantic analysis,
a truncated SVD of the tf-idf matrix; rows scaled to unit length so k-means compares their
directions, as spherical k-means does, Dhillon & Modha 2001; k-means++ starts, the best of
several by inertia, Arthur & Vassilvitskii 2007), as in scikit-learn's own text-clustering
example. Projecting on a few latent dimensions before clustering merges the many rare words
of one story type (a company's results, a central bank's money-market operations) into one
direction, so the clusters follow the broad categories rather than the tightest sub-stories,
which NMF of the full tf-idf matrix tends to split out.

The topic rows are non-negative (means of tf-idf rows), so the fitted estimator is used as an
NMF's would be: `components_` topic × term, `transform` the non-negative weights of an
article's row on them (scikit-learn's `non_negative_factorization` with the topics fixed).
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

N_INIT = 10  # k-means starts; the one of least inertia is kept
DIMS_PER_TOPIC = 4  # LSA dimensions: 4 per topic …
DIMS_RANGE = (10, 100)  # … at least 10 and at most 100
LSA_RULE = (
    "k-means (k-means++, the best of 10 starts by inertia) of the articles' sublinear tf-idf "
    "rows projected on their first 4 × n_topics latent semantic dimensions (10 to 100; a "
    "truncated SVD) and scaled to unit length; a topic's terms are the mean tf-idf row of its "
    "articles; an article's shares are its non-negative least-squares weights on the topics"
)


def lsa_dims(n_topics: int, shape: tuple[int, int]) -> int:
    """The LSA dimensions for `n_topics` topics on a matrix of `shape` (articles × terms):
    DIMS_PER_TOPIC per topic within DIMS_RANGE, fewer than both the articles and the terms
    (0 when the matrix is too small for a projection)."""
    d = min(max(DIMS_PER_TOPIC * n_topics, DIMS_RANGE[0]), DIMS_RANGE[1])
    return max(0, min(d, shape[0] - 1, shape[1] - 1))


class CentroidTopics:
    """Topics fitted as clusters (LSA_RULE). `components_` holds the topic × term rows (the
    mean tf-idf row of each cluster's articles), `labels_` the cluster of each fitted article,
    `inertia_` the k-means objective in the projection, `n_iter_` its iterations and
    `reconstruction_err_` the Frobenius error of the fitted rows' shares (as NMF reports it)."""

    def __init__(self, n_components: int, random_state: int = 0, n_init: int = N_INIT):
        self.n_components = n_components
        self.random_state = random_state
        self.n_init = n_init

    def fit(self, x: sp.csr_matrix) -> CentroidTopics:
        """Cluster the rows of `x` (articles × terms, tf-idf rows of unit length) and keep each
        cluster's mean row. Raises ValueError when `x` has fewer rows than topics."""
        from sklearn.cluster import KMeans
        from sklearn.decomposition import TruncatedSVD
        from sklearn.preprocessing import normalize

        k = self.n_components
        if x.shape[0] < k:
            raise ValueError(f"{k} topics need at least {k} articles ({x.shape[0]} given)")
        d = lsa_dims(k, x.shape)
        if d >= 2:
            z = TruncatedSVD(d, random_state=self.random_state).fit_transform(x)
            z = normalize(z)
        else:  # too small for a projection: cluster the rows themselves
            z = x
        km = KMeans(k, n_init=self.n_init, random_state=self.random_state).fit(z)
        labels = km.labels_
        member = sp.csr_matrix(
            (np.ones(len(labels)), (labels, np.arange(len(labels)))), shape=(k, x.shape[0])
        )
        sizes = np.maximum(np.asarray(member.sum(axis=1)).ravel(), 1.0)
        self.components_ = np.asarray((member @ x).todense()) / sizes[:, None]
        self.labels_ = labels
        self.inertia_ = float(km.inertia_)
        self.n_iter_ = int(km.n_iter_)
        self.n_dims_ = int(d)
        self.reconstruction_err_ = self._error(x, self.transform(x))
        return self

    def _error(self, x: sp.csr_matrix, w: np.ndarray) -> float:
        """Frobenius norm of x − w·H without the dense articles × terms product:
        ‖x‖² − 2 tr(wᵀ x Hᵀ) + tr(wᵀw · HHᵀ)."""
        h = self.components_
        xx = float(x.multiply(x).sum())
        cross = float(np.sum(w * np.asarray(x @ h.T)))
        gram = float(np.sum((w.T @ w) * (h @ h.T)))
        return float(np.sqrt(max(xx - 2.0 * cross + gram, 0.0)))

    def transform(self, x: sp.csr_matrix) -> np.ndarray:
        """Each row's non-negative least-squares weights on the topic rows (articles × topics;
        coordinate descent, scikit-learn's `non_negative_factorization` with the topics
        fixed)."""
        import warnings

        from sklearn.decomposition import non_negative_factorization
        from sklearn.exceptions import ConvergenceWarning

        if x.shape[0] == 0:
            return np.zeros((0, self.n_components))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            w, _, _ = non_negative_factorization(
                x,
                H=self.components_,
                n_components=self.n_components,
                update_H=False,
                solver="cd",
                max_iter=400,
                random_state=self.random_state,
            )
        return np.asarray(w, dtype=np.float64)
