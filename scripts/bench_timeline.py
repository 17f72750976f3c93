"""What the timeline and background add to a brief: import of their modules, then both analyses.

Run with `python scripts/bench.py timeline`. Parsing (spaCy) is done first and not counted; the
budget is that both analyses add well under 0.2 s to a cold brief of the seed.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


def _import_ms() -> float:
    code = (
        "import time, briefer.segment; t = time.perf_counter(); "
        "import briefer.dates, briefer.timeline, briefer.background; "
        "print((time.perf_counter() - t) * 1000)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return float(out.stdout)


def _analyse_ms(paths: list[str]) -> tuple[int, float, float]:
    from briefer import nlp
    from briefer.background import find_background
    from briefer.ingest import expand_sources, parse_article, read_source
    from briefer.segment import parse_articles
    from briefer.timeline import find_events

    specs = [s for p in paths for s in expand_sources([p])]
    parsed = list(
        parse_articles([parse_article(read_source(s)) for s in specs], nlp.load(nlp.default_model()))
    )
    start = time.perf_counter()
    find_events(parsed)
    middle = time.perf_counter()
    find_background(parsed)
    end = time.perf_counter()
    return sum(len(p.sentences) for p in parsed), (middle - start) * 1000, (end - middle) * 1000


def main() -> None:
    print(f"import dates, timeline, background (after segment): {_import_ms():.1f} ms")
    print(f"{'input':<40} {'sentences':>9} {'timeline':>10} {'background':>11}")
    seed = str(SAMPLES / "000_479c8156071b18c9.txt")
    folders = [str(p) for p in sorted(SAMPLES.iterdir()) if p.is_dir()]
    for name, paths in (("seed", [seed]), ("all sample folders", folders)):
        count, timeline, background = _analyse_ms(paths)
        print(f"{name:<40} {count:>9} {timeline:>8.1f}ms {background:>9.1f}ms")


if __name__ == "__main__":
    main()
