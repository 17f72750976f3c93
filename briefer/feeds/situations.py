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
from typing import Any

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
class Lead:
    """What grouping needs of one article; plain data, so it is cached and an article is parsed
    with spaCy only on the run that first sees it."""

    terms: dict[str, int]
    """Title words and the lead's content-word lemmas and named entities (`@name`), weighted."""
    entities: frozenset[str]
    published: str | None
    sentences: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "terms": self.terms,
            "entities": sorted(self.entities),
            "published": self.published,
            "sentences": list(self.sentences),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Lead:
        terms = {str(k): int(v) for k, v in dict(data["terms"]).items()}
        return cls(terms, frozenset(data["entities"]), data["published"], tuple(data["sentences"]))


@dataclass(frozen=True, slots=True)
class Situation:
    """Indices of the articles telling one story (first: the earliest), most carried first."""

    articles: tuple[int, ...]


def group_situations(leads: Sequence[Lead], carried: Sequence[int] | None = None) -> list[Situation]:
    """Situations over the articles of `leads`, ranked by how many sources carry them, then by recency.

    `carried[i]` is how many feeds carry article i (the same link in two feeds counts twice).
    """
    n = len(leads)
    if n == 0:
        return []
    similarity = _similarity(leads)
    copies = _copies(leads)
    for a, b in copies:
        similarity[a, b] = similarity[b, a] = 1.0
    labels = _average_linkage(similarity, SIMILAR)
    groups: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        groups.setdefault(label, []).append(index)
    dates = [lead.published or "" for lead in leads]
    situations = [Situation(tuple(sorted(g, key=lambda i: (dates[i] or "9", i)))) for g in groups.values()]
    weight = carried or [1] * n
    situations.sort(key=lambda s: s.articles[0])
    situations.sort(key=lambda s: max(dates[i] for i in s.articles), reverse=True)
    situations.sort(key=lambda s: sum(weight[i] for i in s.articles), reverse=True)
    return situations


def lead_of(parsed: ParsedArticle) -> Lead:
    """The weighted terms of the title and first sentences, their named entities, the sentences."""
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
    sentences = tuple(s.text for s in parsed.sentences)
    return Lead(dict(terms), frozenset(entities), parsed.article.published, sentences)


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


def _similarity(leads: Sequence[Lead]) -> np.ndarray:
    """Cosine of TF-IDF vectors (sublinear tf, smoothed idf as in scikit-learn), zeroed where
    entities or dates disagree."""
    n = len(leads)
    df: Counter[str] = Counter(t for lead in leads for t in lead.terms)
    vocab = {t: i for i, t in enumerate(df)}
    matrix = np.zeros((n, len(vocab)))
    for row, lead in enumerate(leads):
        for term, count in lead.terms.items():
            matrix[row, vocab[term]] = (1 + math.log(count)) * (1 + math.log((1 + n) / (1 + df[term])))
    norms = np.linalg.norm(matrix, axis=1)
    matrix /= np.where(norms > 0, norms, 1.0)[:, None]
    similarity = matrix @ matrix.T
    names = [i for t, i in vocab.items() if t.startswith("@")]
    entities = (matrix[:, names] > 0).astype(np.float64)
    similarity[entities @ entities.T < SHARED_ENTITIES] = 0.0
    dates = [_date(lead.published) for lead in leads]
    days = np.array([d.toordinal() if d else np.nan for d in dates], dtype=np.float64)
    apart = np.abs(days[:, None] - days[None, :]) > DAYS  # NaN (undated) compares False: no veto
    similarity[apart] = 0.0
    np.fill_diagonal(similarity, 1.0)
    return similarity


def _copies(leads: Sequence[Lead]) -> set[tuple[int, int]]:
    """Pairs of articles (i < j) where one repeats most of the other's sentences."""
    from briefer.merge import find_duplicates

    duplicates = find_duplicates(
        [((i, k), s) for i, lead in enumerate(leads) for k, s in enumerate(lead.sentences)]
    )
    shared: Counter[tuple[int, int]] = Counter()
    for members in duplicates.groups:
        holders = sorted({source for source, _ in members})
        for x, a in enumerate(holders):
            for b in holders[x + 1 :]:
                shared[a, b] += 1
    return {
        (a, b)
        for (a, b), count in shared.items()
        if count >= COPIED * max(1, min(len(leads[a].sentences), len(leads[b].sentences)))
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
