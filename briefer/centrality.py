"""Our summarizer: directed centrality with a position prior, headline similarity and MMR.

It has sumy's call shape, `summarizer(document, count)`, and reads only `document.sentences` (each
with `.words` and `.is_heading`) and `document.headings`, so it runs on sumy's own document model or
on briefer's light one without importing sumy (which pulls in NLTK, over a second).

What it draws on, all known to work on news without supervision:
- Centrality in the style of TextRank's similarity (Mihalcea and Tarau 2004; sumy's Reduction):
  word overlap normalised by log sentence lengths. The normaliser is taken as a geometric instead
  of an arithmetic mean of the log lengths, which lets the sum over all other sentences be computed
  through the term space, `sum_j x_i . x_j = x_i . sum_j x_j`, in time linear in the text.
- Directed edges (PacSum, Zheng and Lapata 2019): similarity to *later* sentences counts, similarity
  to *earlier* ones counts against, because news states a point first and elaborates after.
  The split sums come from running column sums of the sparse matrix, again linear.
- A position prior and similarity to the headline, weighted more when few sentences are asked for
  (a three-sentence bottom line should read like a lead) and less when many are (then coverage of
  the whole story, i.e. centrality, matters most). For a lead-like request the picks stay within
  the lead and a couple of sentences past it: on news with human highlights (CNN/DailyMail) the
  first three sentences are hard to beat, and centrality reaching deep into a long article loses
  to them; inside that window centrality and the penalties still skip a byline, a caption-like
  fragment or a speakerless quote.
- Penalties for quote-only fragments, boilerplate (bylines, "click here", timestamps) and very short
  sentences, and MMR-style redundancy control (Carbonell and Goldstein 1998), which also keeps
  repeated sentences (syndicated copies, wire repeats) from being picked twice.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from briefer.stopwords import STOP_WORDS

DENSE_LIMIT = 400
"""Up to this many sentences the matrices are plain numpy arrays: an article's brief then never
imports scipy (about 0.17 s of a cold start); longer inputs use scipy's sparse matrices."""

_BOILERPLATE_PHRASE = re.compile(
    r"click here|scroll down|follow (?:us|@)|sign up|subscribe|newsletter|all rights reserved|copyright"
)
_BOILERPLATE_START = re.compile(
    r"\W*(?:by|published|updated|last updated|posted|read more|related|advertisement|image|photo|"
    r"video|watch|listen|share|e-?mail)\b",
    re.IGNORECASE,
)
DUPLICATE = 0.98
"""Cosine at which a sentence counts as a repeat of one already chosen (syndicated copies)."""
_QUOTE_OPEN = "\"“'‘"
_QUOTE_CLOSE = "\"”'’"


@dataclass(frozen=True, slots=True)
class Weights:
    """The balance of the score. Round numbers, set on BBC dev with a headline check beside it.

    `position` and `headline` are the weights for a lead-like request (three sentences of a long
    article); `lead_share` scales them down as more of the article is asked for.
    """

    earlier: float = 0.5  # PacSum: similarity to earlier sentences counts against, at this weight
    position: float = 1.5
    headline: float = 0.5
    redundancy: float = 0.2  # MMR: similarity to the closest chosen sentence counts against
    sharpness: float = 4.0  # how fast the lead weighting fades with the number of sentences asked
    part: float = 0.2  # the lead weighting fades once more than this part of the article is asked
    short: int = 4  # sentences with fewer content words than this are "very short"
    window: int = 2  # a lead-like pick looks this many sentences past the lead, and fades beyond


Matrix = Any
"""A sentence-by-term matrix: a numpy array (short texts) or a scipy CSR matrix (long ones)."""


class CentralitySummarizer:
    """Rank sentences; return the `count` best in document order (as sumy summarizers do)."""

    def __init__(self, weights: Weights | None = None) -> None:
        self.weights = weights or Weights()

    def __call__(self, document: Any, count: int) -> tuple[Any, ...]:
        sentences = [s for s in document.sentences if not getattr(s, "is_heading", False)]
        if count <= 0:
            return ()
        if count >= len(sentences):
            return tuple(sentences)
        headings = list(getattr(document, "headings", ()) or ())
        words = [list(s.words) for s in sentences]
        matrix, vocab = term_matrix(words, dense=len(words) <= DENSE_LIMIT)
        head = _vectorize([w for h in headings for w in h.words], vocab)
        texts = [str(s) for s in sentences]
        scores = rate(matrix, head, texts, count, self.weights)
        chosen = _mmr(scores, _row_normalise(matrix), count, self.weights.redundancy)
        return tuple(sentences[i] for i in sorted(chosen))


def rate(matrix: Matrix, head: np.ndarray, texts: Sequence[str], count: int, weights: Weights) -> np.ndarray:
    """One score per sentence: centrality, position and headline, times the penalties."""
    n = matrix.shape[0]
    lengths = _row_sums(matrix)
    scaled = _scale_rows(matrix, 1.0 / np.sqrt(np.maximum(np.log(np.maximum(lengths, 1.0)), 0.5)))
    before, after = directed_sums(scaled)
    share = lead_share(count, n, weights)
    centrality = _unit(after + (1.0 - share * (1.0 + weights.earlier)) * before)
    position = 1.0 / (1.0 + np.arange(n) / max(count, 1))
    headline = _unit(_cosine(matrix, head))
    score = centrality + share * (weights.position * position + weights.headline * headline)
    score[count + weights.window :] *= 1.0 - share**4
    return np.asarray(score * penalties(texts, lengths, weights.short), dtype=float)


def lead_share(count: int, n: int, weights: Weights) -> float:
    """How lead-like the pick should be: 1 for three sentences out of fifteen or more, falling fast
    as more sentences, or a larger part of the text, are asked for (then coverage matters most)."""
    few = min(1.0, 3.0 / max(count, 1)) ** weights.sharpness
    small_part = min(1.0, weights.part * n / max(count, 1)) ** 2
    return float(few * small_part)


def directed_sums(x: Matrix) -> tuple[np.ndarray, np.ndarray]:
    """For each row i, `sum_{j<i} x_i . x_j` and `sum_{j>i} x_i . x_j`, in O(non-zeros).

    Per column, a running sum over the rows above gives each entry the mass before and after it.
    A small dense matrix takes the plain route through its Gram matrix.
    """
    if isinstance(x, np.ndarray):
        gram = x @ x.T
        return np.tril(gram, -1).sum(axis=1), np.triu(gram, 1).sum(axis=1)
    from scipy import sparse

    n, width = x.shape
    csc = sparse.csc_matrix(x)
    csc.sum_duplicates()
    csc.sort_indices()
    data = csc.data
    if data.size == 0:
        return np.zeros(n), np.zeros(n)
    cols = np.repeat(np.arange(width), np.diff(csc.indptr))
    running = np.cumsum(data)
    start = np.concatenate(([0.0], running))[csc.indptr[:-1]]
    upto = running - start[cols]  # this entry and the ones above it in its column
    totals = np.bincount(cols, weights=data, minlength=width)
    before = np.bincount(csc.indices, weights=data * (upto - data), minlength=n)
    after = np.bincount(csc.indices, weights=data * (totals[cols] - upto), minlength=n)
    noise = 1e-12 * max(1.0, float(running[-1]))  # left by subtracting running sums
    before[np.abs(before) < noise] = 0.0
    after[np.abs(after) < noise] = 0.0
    return before, after


def penalties(texts: Sequence[str], lengths: np.ndarray, short: int) -> np.ndarray:
    """1 for an ordinary sentence; less for boilerplate, quote-only fragments and very short ones."""
    factor = np.ones(len(texts))
    factor[lengths < short] *= 0.3
    factor[lengths == 0] = 0.0
    flagged = _phrase_hits(texts)
    for i, text in enumerate(texts):
        if flagged[i] or _BOILERPLATE_START.match(text):
            factor[i] *= 0.2
        elif _quote_only(text):
            factor[i] *= 0.5
    return factor


def _phrase_hits(texts: Sequence[str]) -> np.ndarray:
    """Which texts contain a boilerplate phrase: one regex pass over them all, not one per text."""
    hits = np.zeros(len(texts), dtype=bool)
    if not texts:
        return hits
    joined = "\n".join(texts).lower()
    ends = np.cumsum([len(t) + 1 for t in texts])
    starts = [m.start() for m in _BOILERPLATE_PHRASE.finditer(joined)]
    hits[np.searchsorted(ends, starts, side="right")] = True
    return hits


def _quote_only(text: str) -> bool:
    """A quotation without its speaker: `"We will win."` (a bottom line should say who said it)."""
    stripped = text.strip()
    if len(stripped) < 2 or stripped[0] not in _QUOTE_OPEN:
        return False
    body = stripped.rstrip(".,!? ")
    return body[-1:] in _QUOTE_CLOSE or stripped.count(stripped[0]) == 1


# ------------------------------------------------------------------------------------------ vectors

_SUFFIXES = (("ies", "y"), ("sses", "ss"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""))


def _stem(word: str) -> str:
    """A light suffix stripper (plural, -ed, -ing): enough to match `rise/rises`, no NLTK needed."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    for suffix, repl in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            return word[: -len(suffix)] + repl
    return word


def _term_of(word: str) -> str | None:
    lower = word.lower()
    keep = lower not in STOP_WORDS and any(c.isalnum() for c in lower)
    return _stem(lower) if keep else None


def term_matrix(sentences: Sequence[Sequence[str]], dense: bool = False) -> tuple[Matrix, dict[str, int]]:
    """Counts of stemmed content words, one row per sentence (a numpy array when `dense`).

    Each distinct token is stemmed once; the rest is array indexing, so a long text costs one
    dictionary look-up per token.
    """
    ids: dict[str, int] = {}
    flat = [ids.setdefault(w, len(ids)) for words in sentences for w in words]
    vocab: dict[str, int] = {}
    column = np.full(len(ids) + 1, -1, dtype=np.int64)
    for word, index in ids.items():
        term = _term_of(word)
        if term is not None:
            column[index] = vocab.setdefault(term, len(vocab))
    cols = column[np.asarray(flat, dtype=np.int64)] if flat else np.zeros(0, dtype=np.int64)
    rows = np.repeat(np.arange(len(sentences)), [len(words) for words in sentences])
    keep = cols >= 0
    shape = (len(sentences), max(1, len(vocab)))
    if dense:
        counts = np.zeros(shape)
        np.add.at(counts, (rows[keep], cols[keep]), 1.0)
        return counts, vocab
    from scipy import sparse

    matrix = sparse.csr_matrix((np.ones(int(keep.sum())), (rows[keep], cols[keep])), shape=shape)
    matrix.sum_duplicates()
    return matrix, vocab


def _vectorize(words: Sequence[str], vocab: dict[str, int]) -> np.ndarray:
    vector = np.zeros(max(1, len(vocab)))
    for term in filter(None, map(_term_of, words)):
        if term in vocab:
            vector[vocab[term]] = 1.0
    return vector


def _cosine(matrix: Matrix, vector: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(vector))
    if norm == 0:
        return np.zeros(matrix.shape[0])
    if isinstance(matrix, np.ndarray):
        binary: Matrix = (matrix > 0).astype(float)
    else:
        binary = matrix.copy()
        binary.data[:] = 1.0
    dots = binary @ vector
    sizes = np.sqrt(_row_sums(binary))
    sizes[sizes == 0] = 1.0
    return np.asarray(dots / (sizes * norm)).ravel()


def _row_sums(m: Matrix) -> np.ndarray:
    return np.asarray(m.sum(axis=1), dtype=float).ravel()


def _scale_rows(m: Matrix, factors: np.ndarray) -> Matrix:
    if isinstance(m, np.ndarray):
        return m * factors[:, None]
    from scipy import sparse

    return sparse.csr_matrix(sparse.diags(factors) @ m)


def _row_normalise(m: Matrix) -> Matrix:
    norms = np.sqrt(_row_sums(m.multiply(m) if not isinstance(m, np.ndarray) else m * m))
    norms[norms == 0] = 1.0
    return _scale_rows(m, 1.0 / norms)


def _unit(values: np.ndarray) -> np.ndarray:
    """Scale into [0, 1] by the largest magnitude; an all-zero vector stays zero."""
    values = np.asarray(values, dtype=float)
    low = values.min() if values.size else 0.0
    shifted = values - min(low, 0.0)
    top = shifted.max() if values.size else 0.0
    return shifted / top if top > 0 else np.zeros_like(values)


def _mmr(scores: np.ndarray, unit_rows: Matrix, count: int, redundancy: float) -> list[int]:
    """Greedy picks by score, each discounted by its cosine to the closest sentence already chosen.

    Each step is one sparse product with the chosen row, so the cost is `count` passes over the
    columns that row uses, not a full similarity matrix.
    """
    n = unit_rows.shape[0]
    dense = isinstance(unit_rows, np.ndarray)
    by_column = unit_rows if dense else unit_rows.tocsc()
    chosen: list[int] = []
    closest = np.zeros(n)
    available = np.ones(n, dtype=bool)
    scale = float(np.max(scores)) if n else 1.0
    for _ in range(min(count, n)):
        adjusted = np.where(available, scores - redundancy * scale * closest, -np.inf)
        adjusted[available & (closest >= DUPLICATE)] -= 2.0 * scale + 1.0  # last resort only
        best = int(np.argmax(adjusted))
        chosen.append(best)
        available[best] = False
        if dense:
            closest = np.maximum(closest, unit_rows @ unit_rows[best])
            continue
        row = unit_rows.getrow(best)
        if row.nnz:
            sims = by_column[:, row.indices] @ row.data
            closest = np.maximum(closest, sims)
    return chosen
