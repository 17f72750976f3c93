"""Cost of grouping actors over many articles: comparisons made with blocking against an
unblocked scan of every group, and the time of `find_actors` against the parse.

    python scripts/bench_actors.py [N]   # N posts from ../shared/samples/posts-dev (default 200)
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path
from unittest import mock

from briefer import nlp
from briefer.actors import find_actors, grouping
from briefer.ingest import load_articles
from briefer.segment import parse_articles


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    folder = Path(__file__).resolve().parents[1].parent / "shared" / "samples" / "posts-dev"
    paths = sorted(str(p) for p in folder.glob("*.md"))[:count]
    started = time.perf_counter()
    parsed = list(parse_articles(load_articles(paths), nlp.load()))
    parse_time = time.perf_counter() - started
    stats: Counter[str] = Counter()
    real_group = grouping.group
    with mock.patch("briefer.actors.group", lambda mentions: real_group(mentions, stats)):
        started = time.perf_counter()
        index = find_actors(parsed)
        actors_time = time.perf_counter() - started
    print(f"{len(parsed)} articles, {len(index.actors)} actors")
    print(f"comparisons: {stats['comparisons']:,} blocked vs {stats['all pairs']:,} unblocked scan")
    print(f"find_actors {actors_time:.2f}s = {actors_time / parse_time:.2f} x the parse ({parse_time:.1f}s)")


if __name__ == "__main__":
    main()
