"""Our summarizer: sentence centrality with a position prior and redundancy control.

It has sumy's call shape, `summarizer(document, count)`, and reads only `document.sentences`
(each with `.words` and `.is_heading`) and `document.headings`, so it runs on sumy's document model
or on briefer's light one. Vectorized with numpy/scipy: no per-pair Python loops.

The method follows what works without supervision on news: directed, position-aware centrality
(PacSum, Zheng and Lapata 2019), similarity to the headline, and MMR-style redundancy control
(Carbonell and Goldstein 1998).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from scipy import sparse

from briefer.stopwords import STOP_WORDS

LAMBDA_EARLIER = 0.3  # PacSum: edges from earlier sentences count less than edges from later ones
POSITION_WEIGHT = 0.8
HEADLINE_WEIGHT = 0.4
REDUNDANCY = 0.6


class CentralitySummarizer:
    """Rank sentences; return the `count` best in document order (as sumy summarizers do)."""

    def __call__(self, document: Any, count: int) -> tuple[Any, ...]:
        sentences = list(document.sentences)
        sentences = [s for s in sentences if not getattr(s, "is_heading", False)]
        if count >= len(sentences):
            return tuple(sentences)
        headings = [h for h in getattr(document, "headings", ()) or ()]
        scores = self.rate([list(s.words) for s in sentences], [list(h.words) for h in headings])
        chosen = _mmr(scores, _tfidf([list(s.words) for s in sentences])[0], count)
        return tuple(sentences[i] for i in sorted(chosen))

    def rate(self, sentences: Sequence[Sequence[str]], headings: Sequence[Sequence[str]]) -> Any:
        matrix, vocab = _tfidf(sentences)
        n = matrix.shape[0]
        sim = (matrix @ matrix.T).tocsr()
        sim.setdiag(0)
        sim.eliminate_zeros()
        upper = sparse.triu(sim, k=1)  # edges to later sentences
        lower = sparse.tril(sim, k=-1)  # edges to earlier sentences
        centrality = np.asarray(upper.sum(axis=1) - LAMBDA_EARLIER * lower.sum(axis=1)).ravel()
        centrality = _normalise(centrality)
        position = 1.0 / np.sqrt(1.0 + np.arange(n))
        headline = np.zeros(n)
        if headings:
            head = _vectorize(headings, vocab)
            if head.nnz:
                headline = _normalise(np.asarray((matrix @ head.T).max(axis=1).todense()).ravel())
        lengths = np.array([len(s) for s in sentences], dtype=float)
        penalty = np.where(lengths < 6, 0.5, 1.0)
        return penalty * (centrality + POSITION_WEIGHT * position + HEADLINE_WEIGHT * headline)


def _content(words: Sequence[str]) -> list[str]:
    return [w.lower() for w in words if w.lower() not in STOP_WORDS and any(c.isalnum() for c in w)]


def _tfidf(sentences: Sequence[Sequence[str]]) -> tuple[sparse.csr_matrix, dict[str, int]]:
    vocab: dict[str, int] = {}
    rows, cols = [], []
    for i, words in enumerate(sentences):
        for w in _content(words):
            rows.append(i)
            cols.append(vocab.setdefault(w, len(vocab)))
    n = len(sentences)
    tf = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, max(1, len(vocab))))
    tf.data = 1.0 + np.log(tf.data)
    df = np.bincount(tf.indices, minlength=tf.shape[1])
    idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
    matrix = tf @ sparse.diags(idf)
    return _row_normalise(matrix), vocab


def _vectorize(sentences: Sequence[Sequence[str]], vocab: dict[str, int]) -> sparse.csr_matrix:
    rows, cols = [], []
    for i, words in enumerate(sentences):
        for w in _content(words):
            if w in vocab:
                rows.append(i)
                cols.append(vocab[w])
    m = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(sentences), max(1, len(vocab))))
    return _row_normalise(m)


def _row_normalise(m: sparse.spmatrix) -> sparse.csr_matrix:
    m = sparse.csr_matrix(m)
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ m)


def _normalise(values: Any) -> Any:
    values = np.asarray(values, dtype=float)
    span = values.max() - values.min() if values.size else 0.0
    return (values - values.min()) / span if span > 0 else np.zeros_like(values)


def _mmr(scores: Any, matrix: sparse.csr_matrix, count: int) -> list[int]:
    """Greedy picks by score, each discounted by its similarity to what is already chosen."""
    chosen: list[int] = []
    max_sim = np.zeros(matrix.shape[0])
    available = np.ones(matrix.shape[0], dtype=bool)
    for _ in range(count):
        adjusted = np.where(available, scores - REDUNDANCY * max_sim, -np.inf)
        best = int(np.argmax(adjusted))
        chosen.append(best)
        available[best] = False
        sims = np.asarray((matrix @ matrix[best].T).todense()).ravel()
        max_sim = np.maximum(max_sim, sims)
    return chosen
