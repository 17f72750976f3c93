"""Speed of the bottom line: our summarizer beside sumy's LexRank, measured the same way on both sides.

The input is every bundled sample article, split by briefer's segmenter, concatenated and repeated
until it is long enough. Two figures, reported apart:

- cold start: a fresh interpreter imports the summarizer and makes its first call on 250 sentences
  (what one `briefer brief` pays); the sentences are handed over in a file, so no parsing is timed;
- warm: after one untimed call, `WARM_RUNS` timed calls of `summarize()` on each side; the best
  and the median are printed, and the ratio is of the medians.

sumy's LexRank is quadratic in pure Python, so it runs up to 1,000 sentences; above that its cells
say "not run" (nothing is extrapolated) unless `BENCH_LEXRANK_FULL=1` asks for the real run (minutes).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

SIZES = (250, 1_000, 7_000)
LEXRANK_LIMIT = 1_000
WARM_RUNS = 3
COLD_SIZE = 250
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


def warm_times(run: Callable[[], object], runs: int = WARM_RUNS) -> list[float]:
    """`runs` timed calls after one untimed call (imports, caches): the same on both sides."""
    run()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return times


_COLD = """
import json, sys, time
start = time.perf_counter()
from briefer.summarize import summarize
texts, tokens, count, algorithm = json.load(open(sys.argv[1], encoding="utf-8"))
summarize(texts, count, algorithm=algorithm, tokens=tokens)
print(time.perf_counter() - start)
"""


def cold_start(texts: list[str], tokens: list[list[str]], count: int, algorithm: str) -> float:
    """Seconds for a fresh interpreter to import the summarizer and make its first call."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as handle:
        json.dump([texts, tokens, count, algorithm], handle)
    try:
        result = subprocess.run(
            [sys.executable, "-c", _COLD, handle.name],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
    finally:
        Path(handle.name).unlink()
    return float(result.stdout.split()[-1])


def _cell(times: list[float] | None) -> str:
    if times is None:
        return f"{'not run':>19}"
    return f"{statistics.median(times):8.3f}s ({min(times):7.3f}s)"


def main() -> None:
    from briefer.summarize import default_count, summarize

    texts, tokens = load_sentences()
    full = os.environ.get("BENCH_LEXRANK_FULL") == "1"
    print(f"input: {len(texts):,} sample sentences, repeated as needed; default summary length")
    cold = {a: cold_start(texts[:COLD_SIZE], tokens[:COLD_SIZE], 3, a) for a in ("briefer", "lexrank")}
    print(
        f"cold start (fresh interpreter: import + first call, {COLD_SIZE} sentences): "
        f"briefer {cold['briefer']:.3f}s, sumy lexrank {cold['lexrank']:.3f}s"
    )
    print(f"warm: median (best) of {WARM_RUNS} runs after one untimed run, each side")
    print(f"{'sentences':>9}  {'briefer':>19}  {'sumy lexrank':>19}  {'ratio':>7}")
    for size in SIZES:
        reps = -(-size // len(texts))
        batch, batch_tokens = (texts * reps)[:size], (tokens * reps)[:size]
        count = default_count(size)
        ours = warm_times(partial(summarize, batch, count, title="Sanctions", tokens=batch_tokens))
        lex = None
        if size <= LEXRANK_LIMIT or full:
            lex = warm_times(partial(summarize, batch, count, algorithm="lexrank", tokens=batch_tokens))
        ratio = f"{statistics.median(lex) / statistics.median(ours):6.0f}x" if lex else f"{'-':>7}"
        print(f"{size:>9,}  {_cell(ours)}  {_cell(lex)}  {ratio}")
    if not full:
        print(f"lexrank above {LEXRANK_LIMIT:,} sentences: not run (BENCH_LEXRANK_FULL=1 runs it; minutes)")


if __name__ == "__main__":
    main()
