"""The bottom line on BBC News Summary (dev): ROUGE F1 of every summarizer, as the product runs it.

Articles are split by briefer's own segmenter (spaCy, as in a brief) and every algorithm is called
through `summarize()` with spaCy's tokens and the headline, exactly as the pipeline calls it.
Scoring follows `../shared/eval/README.md`: rouge-score with the Porter stemmer, F1, the chosen
sentences joined by newlines, a budget of `reference_sentences`. Scores are printed x100.

The BBC references are machine-made and long (about 40% of the article), so they reward
TextRank-like picks. News with short human highlights is what a bottom line is judged on: the
CNN/DailyMail sample (100 articles with their highlights, no headline) is scored with three
sentences, Lead-3 beside ours. It is small and drawn from the training split: a direction, not a
verdict. A third view: the BBC headline, written by a person, is the reference, the summarizers pick
three sentences *without* being shown the headline, and ROUGE recall says how much of it they cover.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from briefer.evaluation import Row
from briefer.ingest import Article

DATA = "bbc-summaries-dev.jsonl"
HIGHLIGHTS = "cnndm-sample-dev.jsonl"
HIGHLIGHT_ALGORITHMS = ("briefer", "lead")
METRICS = ("rouge1", "rouge2", "rougeLsum")
HIGHLIGHT_BUDGET = 3


@dataclass(frozen=True, slots=True)
class Item:
    """One article as the summarizers see it, with its reference."""

    id: str
    title: str
    sentences: tuple[str, ...]
    tokens: tuple[tuple[str, ...], ...]
    reference: str
    budget: int


def run(eval_dir: Path, limit: int | None = None) -> list[Row]:
    """One row per algorithm on the full references, then one per algorithm on the headline view.

    `BRIEFER_EVAL_LIMITS="lexrank=100,lsa=200"` caps slow algorithms below `limit`; a capped row
    says so in its name and `n`.
    """
    from briefer.summarize import ALGORITHMS

    path = eval_dir / DATA
    if not path.is_file():
        return []
    items = list(load_items(path, limit))
    caps = _caps(os.environ.get("BRIEFER_EVAL_LIMITS", ""))
    rows = []
    for name in ALGORITHMS:
        subset = items[: caps.get(name, len(items))]
        rows.append(_score("summaries: BBC dev, budget = reference", name, subset, headline_view=False))
    highlights = eval_dir / HIGHLIGHTS
    if highlights.is_file():
        news = list(load_items(highlights, limit))
        for name in HIGHLIGHT_ALGORITHMS:
            rows.append(_score("summaries: CNN/DM sample dev, 3 sentences", name, news, headline_view=False))
    for name in ALGORITHMS:
        subset = items[: caps.get(name, len(items))]
        rows.append(_score("summaries: BBC headline as highlight, 3 picks", name, subset, headline_view=True))
    return rows


def load_items(path: Path, limit: int | None = None) -> Iterator[Item]:
    """Read the JSON Lines file and split every article with briefer's segmenter, in one batch."""
    from briefer.nlp import load
    from briefer.segment import parse_articles

    records = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                records.append(json.loads(line))
            if limit is not None and len(records) >= limit:
                break
    articles = [_article(r) for r in records]
    for record, parsed in zip(records, parse_articles(articles, load()), strict=True):
        tokens = tuple(tuple(t.text for t in span if not t.is_space) for span in parsed.spans)
        yield Item(
            record["id"],
            str(record.get("title", "")),
            tuple(s.text for s in parsed.sentences),
            tokens,
            record["reference"],
            int(record.get("reference_sentences", HIGHLIGHT_BUDGET)),
        )


def _article(record: dict[str, object]) -> Article:
    """The body without its first line, which repeats the title (the title goes in separately).

    CNN/DailyMail records have no title: they are briefed as a headline-less article."""
    paragraphs = [p.strip() for p in str(record["article"]).split("\n\n") if p.strip()]
    title = str(record.get("title", "")).strip()
    if title and paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    outlet = "BBC News" if "title" in record else "CNN/DailyMail"
    return Article(str(record["id"]), title, outlet, None, tuple(paragraphs))


def _score(task: str, algorithm: str, items: Sequence[Item], *, headline_view: bool) -> Row:
    from rouge_score.rouge_scorer import RougeScorer

    from briefer.summarize import summarize

    scorer = RougeScorer(list(METRICS), use_stemmer=True)
    totals = dict.fromkeys(METRICS, 0.0)
    elapsed = 0.0
    for item in items:
        budget = min(HIGHLIGHT_BUDGET if headline_view else item.budget, len(item.sentences))
        title = None if headline_view else item.title
        start = time.perf_counter()
        picks = summarize(item.sentences, budget, algorithm=algorithm, title=title, tokens=item.tokens)
        elapsed += time.perf_counter() - start
        candidate = "\n".join(item.sentences[p.index] for p in picks)
        reference = item.title if headline_view else item.reference
        scores = scorer.score(reference, candidate)
        for metric in METRICS:
            value = scores[metric]
            totals[metric] += value.recall if headline_view else value.fmeasure
    n = max(1, len(items))
    metrics = {(f"{m}-R" if headline_view else m): 100 * totals[m] / n for m in METRICS}
    metrics["ms/doc"] = 1000 * elapsed / n
    return Row(task, algorithm, metrics, len(items))


def _caps(spec: str) -> dict[str, int]:
    caps = {}
    for part in spec.split(","):
        name, _, value = part.partition("=")
        if name.strip() and value.strip().isdigit():
            caps[name.strip()] = int(value)
    return caps
