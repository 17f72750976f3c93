"""Articles grouped into situations: the same event told by several outlets, reposts collapsed.

Two articles are about the same situation when they are copies (most of the shorter one's
sentences are near-copies in the longer, found by `merge.find_duplicates`, the grouping a merged
brief uses), or when their leads name the same things in the same words: TF-IDF cosine over the
named entities and content-word lemmas of the title and first sentences, counted only when they
share at least two named entities and were published within a few days of each other. Groups are
made by average linkage (every pair in a group must agree on average, so one article about two
stories does not chain them together), because a wrong grouping gives a brief that mixes two
stories, which is worse than two briefs of one.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from briefer.segment import ParsedArticle

SIMILAR = 0.3
"""Average cosine of the leads' terms for two articles to share a situation."""
SHARED_ENTITIES = 2
"""Named entities two articles must have in common (a country alone is no story)."""
DAYS = 3
"""Articles published further apart are different situations, however alike."""
COPIED = 0.5
"""Share of the shorter article's sentences found in the other for it to be a copy."""
LEAD_SENTENCES = 8
_ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "EVENT", "LOC", "FAC", "PRODUCT", "LAW"})
_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")


@dataclass(frozen=True, slots=True)
class Situation:
    """Indices of the articles telling one story (first: the earliest), most carried first."""

    articles: tuple[int, ...]


def group_situations(
    parsed: Sequence[ParsedArticle], carried: Sequence[int] | None = None
) -> list[Situation]:
    """Situations over `parsed`, ranked by how many sources carry them, then by recency.

    `carried[i]` is how many feeds carry article i (the same link in two feeds counts twice).
    """
    n = len(parsed)
    if n == 0:
        return []
    similarity = _similarity([_terms(p) for p in parsed])
    copies = _copies(parsed)
    for a, b in copies:
        similarity[a, b] = similarity[b, a] = 1.0
    labels = _average_linkage(similarity, SIMILAR)
    groups: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        groups.setdefault(label, []).append(index)
    dates = [p.article.published or "" for p in parsed]
    situations = [Situation(tuple(sorted(g, key=lambda i: (dates[i] or "9", i)))) for g in groups.values()]
    weight = carried or [1] * n
    situations.sort(key=lambda s: s.articles[0])
    situations.sort(key=lambda s: max(dates[i] for i in s.articles), reverse=True)
    situations.sort(key=lambda s: sum(weight[i] for i in s.articles), reverse=True)
    return situations


def _terms(parsed: ParsedArticle) -> tuple[Counter[str], frozenset[str], date | None]:
    """The lead's weighted terms, its named entities, and the article's date."""
    terms: Counter[str] = Counter()
    entities: set[str] = set()
    from briefer.stopwords import STOP_WORDS

    for word in _WORD.findall(parsed.article.title):
        if word.lower() not in STOP_WORDS:
            terms[word.lower()] += 2  # the headline names the event
    for span in parsed.spans[:LEAD_SENTENCES]:
        for ent in span.ents:
            if ent.label_ in _ENTITY_LABELS:
                name = _entity(ent.text)
                if name:
                    entities.add(name)
                    terms["@" + name] += 2
        for token in span:
            if token.pos_ in _CONTENT_POS and token.is_alpha and not token.is_stop and len(token.text) > 2:
                terms[token.lemma_.lower()] += 1
    return terms, frozenset(entities), _date(parsed.article.published)


def _entity(text: str) -> str:
    words = text.lower().replace("’s", "").replace("'s", "").split()
    while words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)


def _date(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def _similarity(features: Sequence[tuple[Counter[str], frozenset[str], date | None]]) -> np.ndarray:
    """Cosine of TF-IDF vectors (sublinear tf, smoothed idf as in scikit-learn), zeroed where
    entities or dates disagree."""
    n = len(features)
    df: Counter[str] = Counter(t for terms, _, _ in features for t in terms)
    vocab = {t: i for i, t in enumerate(df)}
    matrix = np.zeros((n, len(vocab)))
    for row, (terms, _, _) in enumerate(features):
        for term, count in terms.items():
            matrix[row, vocab[term]] = (1 + math.log(count)) * (1 + math.log((1 + n) / (1 + df[term])))
    norms = np.linalg.norm(matrix, axis=1)
    matrix /= np.where(norms > 0, norms, 1.0)[:, None]
    similarity = matrix @ matrix.T
    names = [i for t, i in vocab.items() if t.startswith("@")]
    entities = (matrix[:, names] > 0).astype(np.float64)
    similarity[entities @ entities.T < SHARED_ENTITIES] = 0.0
    days = np.array([d.toordinal() if d else np.nan for _, _, d in features], dtype=np.float64)
    apart = np.abs(days[:, None] - days[None, :]) > DAYS  # NaN (undated) compares False: no veto
    similarity[apart] = 0.0
    np.fill_diagonal(similarity, 1.0)
    return similarity


def _copies(parsed: Sequence[ParsedArticle]) -> set[tuple[int, int]]:
    """Pairs of articles (i < j) where one repeats most of the other's sentences."""
    from briefer.merge import find_duplicates

    duplicates = find_duplicates([((i, s.index), s.text) for i, p in enumerate(parsed) for s in p.sentences])
    shared: Counter[tuple[int, int]] = Counter()
    for members in duplicates.groups:
        holders = sorted({source for source, _ in members})
        for x, a in enumerate(holders):
            for b in holders[x + 1 :]:
                shared[a, b] += 1
    return {
        (a, b)
        for (a, b), count in shared.items()
        if count >= COPIED * max(1, min(len(parsed[a].sentences), len(parsed[b].sentences)))
    }


def _average_linkage(similarity: np.ndarray, threshold: float) -> list[int]:
    """Cluster labels: groups merged while their average pairwise similarity is >= `threshold`."""
    n = len(similarity)
    if n == 1:
        return [0]
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    distance = np.clip(1.0 - similarity, 0.0, 1.0)
    np.fill_diagonal(distance, 0.0)
    tree = linkage(squareform(distance, checks=False), method="average")
    return [int(label) for label in fcluster(tree, t=1.0 - threshold, criterion="distance")]
