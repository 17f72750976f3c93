"""Background: sentences that tell the history behind the news rather than the news itself.

A sentence is background when it looks back from the article's date. Each sentence gets a score,
the sum of these signals (weights chosen by hand on the samples; `tests/test_background.py` pins
a small hand-labelled set):

- a date well before the article (its period ends 30 days or more before the article's date):
  +2, plus up to +1 the further back it lies (0.1 a year): "the 2011 uprising", "since mid-2014",
  "last December", "Two years ago"; a decade before it ("since the 1980s") counts the same;
- "since" opening a phrase or clause (+1): "has been dominated by violence since ...";
- a stretch of years or months behind the news (+1 / +0.5): "thirty years under an authoritarian
  regime", "After seven years of conflict";
- the pluperfect (+1), the present perfect (+0.5), a past-tense main verb (+0.5), words such
  as "previously", "formerly", "longtime" (+0.5);
- against: a date at or around the article's date ("today", "this week", "on Saturday"; -1.5),
  a future or a modal main verb (-1), reported speech ("Diplomats said there had yet to be ...":
  its backshifted tenses say nothing about history; x0.5), the lead sentence (x0.7).

Quotations are left out (they are positions), and so are sentences under six words. A sentence
needs a score of 1.5 to count. Without an article date, the latest year the article names stands in
for it. Items come in rank order: highest score first, ties in source order (source, then sentence),
so a reader (and a later merge across articles) can cut the list anywhere; in practice the oldest
history comes first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from briefer.dates import Period, year_of
from briefer.model import BackgroundItem, Sentence
from briefer.segment import ParsedArticle
from briefer.timeline import DatedMention, dated_mentions

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

THRESHOLD = 1.5
_MIN_WORDS = 6
_RECENT = timedelta(days=30)
_QUOTES = re.compile(r"[\"“”«»]")
_SINCE = re.compile(r"\bsince\b", re.I)
_EARLIER_WORDS = re.compile(r"\b(?:previously|formerly|once|long-?time|former|originally)\b", re.I)
_SPEECH = frozenset(
    {"say", "tell", "add", "announce", "warn", "state", "claim", "report", "note", "insist", "argue"}
)
_MODALS = frozenset({"will", "shall", "would", "must", "should", "can", "could", "may", "might", "'ll", "wo"})


def find_background(parsed: Sequence[ParsedArticle], limit: int = 5) -> tuple[BackgroundItem, ...]:
    """Up to `limit` background sentences over all articles, best first (ties in source order)."""
    items = []
    for source_id, article in enumerate(parsed, start=1):
        anchor = _anchor(article)
        for sentence, span in zip(article.sentences, article.spans, strict=True):
            score = score_sentence(sentence, span, anchor)
            if score >= THRESHOLD:
                items.append(BackgroundItem(sentence.text, source_id, sentence.index, round(score, 2)))
    items.sort(key=lambda b: (-(b.score or 0.0), b.source, b.sentence))
    return tuple(items[: max(limit, 0)])


def score_sentence(sentence: Sentence, span: Span, anchor: Period | None) -> float:
    """How much this sentence looks back from `anchor`; 0 for quotes and fragments."""
    if _QUOTES.search(sentence.text) or len(sentence.text.split()) < _MIN_WORDS:
        return 0.0
    dated = dated_mentions(sentence, span, anchor)
    score = _date_signal(dated, anchor) + _grammar_signal(span)
    if _SINCE.search(sentence.text):
        score += 1.0
    if _EARLIER_WORDS.search(sentence.text):
        score += 0.5
    if _reported(span.root):
        score *= 0.5
    if sentence.index == 0:
        score *= 0.7
    return max(score, 0.0)


def _anchor(article: ParsedArticle) -> Period | None:
    """The article's date, else the latest year it names (a floor for what is "now")."""
    from briefer.dates import parse_anchor

    anchor = parse_anchor(article.article.published)
    if anchor is not None:
        return anchor
    years = [
        d.period.start.year
        for sentence, span in zip(article.sentences, article.spans, strict=True)
        for d in dated_mentions(sentence, span, None)
        if d.period is not None
    ]
    return year_of(max(years)) if years else None


def _date_signal(dated: list[DatedMention], anchor: Period | None) -> float:
    if anchor is None:
        return 0.0
    score, past = 0.0, False
    for d in dated:
        start, end = _bounds(d)
        if end is None or start is None:
            if d.mention.kind == "duration" and d.mention.unit in ("year", "decade"):
                score += 1.0
            elif d.mention.kind == "duration" and d.mention.unit == "month":
                score += 0.5
            continue
        if end <= anchor.start - _RECENT:
            years_back = (anchor.start - start).days / 365.25
            score += (2.0 + min(years_back, 10.0) * 0.1) if not past else 0.25
            past = True
        elif end >= anchor.start and start <= anchor.end + _RECENT:
            score -= 1.5
    return score


def _bounds(d: DatedMention) -> tuple[date | None, date | None]:
    """First and last day of a mention: its period, or the decade it names."""
    if d.period is not None:
        return d.period.start, d.period.end
    decade = re.search(r"(1[5-9]\d0|20\d0)s", d.mention.text)
    if d.mention.kind == "decade" and decade:
        first = int(decade.group(1))
        return date(first, 1, 1), date(first + 9, 12, 31)
    return None, None


def _grammar_signal(span: Span) -> float:
    """Pluperfect, present perfect and past tense of the main verb; future and modals against."""
    score = 0.0
    root = span.root
    for token in span:
        if token.dep_ == "aux" and token.lemma_ == "have" and token.head.tag_ == "VBN":
            if token.tag_ == "VBD" and not _in_reported_clause(token):
                score = max(score, 1.0)
            elif token.tag_ in ("VBZ", "VBP"):
                score = max(score, 0.5)
    auxes = [c for c in root.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _MODALS for a in auxes):
        score -= 1.0
    elif root.tag_ == "VBD" and not _reported(root):
        score += 0.5
    return score


def _reported(root: Token) -> bool:
    """A sentence whose main verb reports speech with a clause ("Diplomats said there had ...")."""
    return root.lemma_ in _SPEECH and any(c.dep_ == "ccomp" for c in root.children)


def _in_reported_clause(token: Token) -> bool:
    node = token
    while node.head.i != node.i:
        if node.dep_ == "ccomp" and node.head.lemma_ in _SPEECH:
            return True
        node = node.head
    return False
