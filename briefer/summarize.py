"""The bottom line: sumy's summarizers and ours behind one registry, all fed by spaCy.

sumy's own tokenizer needs NLTK's `punkt_tab` data, which cannot be downloaded offline, so every
algorithm is fed a document built from spaCy's sentences and tokens instead. sumy's `Sentence`
compares and hashes by text, so picks are mapped back to our sentences by identity, never by text.
sumy imports NLTK (over a second), so it is imported only when a sumy algorithm is asked for; our
default summarizer has sumy's call shape, `summarizer(document, count)`, without needing it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from briefer.errors import UsageError

Summarizer = Callable[[Any, int], Sequence[Any]]
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


@dataclass(frozen=True, slots=True)
class Pick:
    """One chosen sentence: its index in the input list and the algorithm's rank (1 = best)."""

    index: int
    score: float


@dataclass(slots=True, eq=False)
class LightSentence:
    """Duck-types `sumy.models.dom.Sentence` (text, words, is_heading) without importing sumy."""

    text: str
    words: tuple[str, ...]
    is_heading: bool = False

    def __str__(self) -> str:
        return self.text


@dataclass(slots=True)
class LightDocument:
    """Duck-types sumy's document model: `sentences`, `headings`, `words`."""

    sentences: tuple[LightSentence, ...]
    headings: tuple[LightSentence, ...] = field(default=())

    @property
    def words(self) -> list[str]:
        return [w for s in self.sentences for w in s.words]


def words_of(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text))


def _words(tokens: Sequence[str]) -> tuple[str, ...]:
    """Tokens that are words: sumy counts punctuation tokens as words, which skews its overlaps."""
    return tuple(t for t in tokens if any(c.isalnum() for c in t))


def default_count(n_sentences: int) -> int:
    """About 3-5 sentences: all of a very short article, a fifth of a long one, capped at 5."""
    if n_sentences <= 3:
        return n_sentences
    return max(3, min(5, round(n_sentences * 0.2)))


def summary_count(n_sentences: int, count: int | None = None, ratio: float | None = None) -> int:
    if count is not None:
        return max(0, min(count, n_sentences))
    if ratio is not None:
        return max(1, min(n_sentences, math.ceil(ratio * n_sentences))) if n_sentences else 0
    return default_count(n_sentences)


# ----------------------------------------------------------------------------------------- registry

ALGORITHMS: dict[str, str] = {
    "briefer": "ours: centrality with a position prior, headline similarity and redundancy control",
    "lead": "the first N sentences (Lead-N)",
    "lexrank": "sumy LexRank",
    "textrank": "sumy TextRank",
    "lsa": "sumy LSA",
    "luhn": "sumy Luhn",
    "edmundson": "sumy Edmundson (cue, key, title and location methods)",
    "kl": "sumy KL-Sum",
    "sumbasic": "sumy SumBasic",
    "reduction": "sumy Reduction",
}
DEFAULT_ALGORITHM = "briefer"


def summarize(
    sentences: Sequence[str],
    count: int,
    *,
    algorithm: str = DEFAULT_ALGORITHM,
    title: str | None = None,
    tokens: Sequence[Sequence[str]] | None = None,
) -> list[Pick]:
    """Pick `count` sentences by index, in source order, with their rank-based score."""
    if algorithm not in ALGORITHMS:
        raise UsageError(f"unknown algorithm {algorithm!r}; choose from {', '.join(ALGORITHMS)}")
    if count <= 0 or not sentences:
        return []
    words = [tuple(t) for t in tokens] if tokens is not None else [words_of(s) for s in sentences]
    if count >= len(sentences):
        return [Pick(i, 1.0) for i in range(len(sentences))]
    if algorithm == "lead":
        return [Pick(i, 1.0 - i / count) for i in range(count)]
    if algorithm == "briefer":
        from briefer.centrality import CentralitySummarizer

        doc: Any = _light_document(sentences, words, title)
        summarizer: Summarizer = CentralitySummarizer()
    else:
        doc = _sumy_document(sentences, [_words(w) for w in words], title)
        summarizer = _sumy_summarizer(algorithm, title)
    chosen = list(summarizer(doc, count))
    position = {id(s): i for i, s in enumerate(doc.sentences)}
    picks = [position[id(s)] for s in chosen if id(s) in position]
    ranks = {index: rank for rank, index in enumerate(picks)}
    return [Pick(i, round(1.0 - ranks[i] / max(1, len(picks)), 4)) for i in sorted(picks)]


def _light_document(
    sentences: Sequence[str], words: Sequence[tuple[str, ...]], title: str | None
) -> LightDocument:
    heads = (LightSentence(title, words_of(title), True),) if title else ()
    return LightDocument(tuple(LightSentence(s, w) for s, w in zip(sentences, words, strict=True)), heads)


class _TokenTable:
    """A sumy tokenizer that answers with spaCy's tokens for the texts it was built from."""

    language = "english"

    def __init__(self, table: dict[str, tuple[str, ...]]) -> None:
        self._table = table

    def to_words(self, text: str) -> tuple[str, ...]:
        return self._table.get(text.strip()) or words_of(text)

    def to_sentences(self, text: str) -> tuple[str, ...]:
        return (text,)


def _sumy_document(sentences: Sequence[str], words: Sequence[tuple[str, ...]], title: str | None) -> Any:
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence

    table = {s.strip(): w for s, w in zip(sentences, words, strict=True)}
    tokenizer = _TokenTable(table)
    items = []
    if title:
        items.append(SumySentence(title, tokenizer, is_heading=True))
    items.extend(SumySentence(s, tokenizer) for s in sentences)
    return ObjectDocumentModel([Paragraph(items)])


_STIGMA = ("perhaps", "might", "may", "reportedly", "allegedly", "however", "meanwhile")


def _sumy_summarizer(name: str, title: str | None) -> Summarizer:
    from sumy.nlp.stemmers import Stemmer
    from sumy.utils import get_stop_words

    stemmer = Stemmer("english")
    stop_words = frozenset(get_stop_words("english"))
    module_class = {
        "lexrank": ("lex_rank", "LexRankSummarizer"),
        "textrank": ("text_rank", "TextRankSummarizer"),
        "lsa": ("lsa", "LsaSummarizer"),
        "luhn": ("luhn", "LuhnSummarizer"),
        "edmundson": ("edmundson", "EdmundsonSummarizer"),
        "kl": ("kl", "KLSummarizer"),
        "sumbasic": ("sum_basic", "SumBasicSummarizer"),
        "reduction": ("reduction", "ReductionSummarizer"),
    }[name]
    import importlib

    module = importlib.import_module(f"sumy.summarizers.{module_class[0]}")
    summarizer = getattr(module, module_class[1])(stemmer)
    summarizer.stop_words = stop_words
    if name == "edmundson":
        title_words = {w.lower() for w in words_of(title or "")} - stop_words
        summarizer.bonus_words = title_words or {"said"}
        summarizer.stigma_words = _STIGMA
        summarizer.null_words = stop_words
    return summarizer  # type: ignore[no-any-return]
