"""Speed of the bottom line: our summarizer alone on 250, 1,000 and 7,000 sentences beside sumy's LexRank.

The input is every bundled sample article, split by briefer's segmenter, concatenated and repeated
until it is long enough. Timing covers `summarize()` only (no parsing), best of a few runs.
sumy's LexRank is quadratic in pure Python, so it runs at 250 and 1,000 sentences; at 7,000 it is
extrapolated from 1,000 (x 49) unless `BENCH_LEXRANK_FULL=1` asks for the real run (minutes).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

SIZES = (250, 1_000, 7_000)
LEXRANK_LIMIT = 1_000
ROOT = Path(__file__).resolve().parents[1]


def load_sentences() -> tuple[list[str], list[list[str]]]:
    """Every sample's sentences and spaCy tokens, in a stable order."""
    from briefer.ingest import load_articles
    from briefer.nlp import load
    from briefer.segment import parse_articles

    files = sorted(p for p in (ROOT / "samples").rglob("*") if p.suffix in (".txt", ".html", ".wiki", ".md"))
    files = [p for p in files if p.name not in ("README.md", "SOURCES.md")]
    articles = load_articles([str(p) for p in files])
    texts: list[str] = []
    tokens: list[list[str]] = []
    for parsed in parse_articles(articles, load()):
        texts.extend(s.text for s in parsed.sentences)
        tokens.extend([t.text for t in span if not t.is_space] for span in parsed.spans)
    return texts, tokens


def best_time(run: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    from briefer.summarize import default_count, summarize

    texts, tokens = load_sentences()
    full = os.environ.get("BENCH_LEXRANK_FULL") == "1"
    print(f"input: {len(texts):,} sample sentences, repeated as needed; default summary length")
    print(f"{'sentences':>9}  {'briefer':>10}  {'per sent.':>9}  {'sumy lexrank':>14}  {'ratio':>7}")
    lexrank_1k = None
    for size in SIZES:
        reps = -(-size // len(texts))
        batch, batch_tokens = (texts * reps)[:size], (tokens * reps)[:size]
        count = default_count(size)
        ours = best_time(partial(summarize, batch, count, title="Sanctions", tokens=batch_tokens), 3)
        if size <= LEXRANK_LIMIT or full:
            lex = best_time(partial(summarize, batch, count, algorithm="lexrank", tokens=batch_tokens), 1)
            lex_text = f"{lex:13.2f}s"
            if size == LEXRANK_LIMIT:
                lexrank_1k = lex
        else:
            lex = (lexrank_1k or 0.0) * (size / LEXRANK_LIMIT) ** 2
            lex_text = f"~{lex:11.0f}s*"
        ratio = f"{lex / ours:6.0f}x" if ours > 0 else "-"
        print(f"{size:>9,}  {ours:9.3f}s  {1e6 * ours / size:7.1f}us  {lex_text:>14}  {ratio:>7}")
    if not full:
        print("* extrapolated from 1,000 sentences as n^2 (BENCH_LEXRANK_FULL=1 runs it)")


if __name__ == "__main__":
    main()
