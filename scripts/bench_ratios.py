"""The two speed ratios of issue 14: what briefer adds on top of spaCy's own parsing.

- situation: one brief over 200 articles / `nlp.pipe` over the same article texts (goal <= 1.3);
- each: `--each` with the default job count / `nlp.pipe` alone over the same texts (goal <= 1.18).

Corpus: the first 200 BBC articles of ../shared/eval/bbc-summaries-dev.jsonl (the bundled samples
when ../shared is absent), written to a temporary folder. Each figure is the best of `--repeat`
runs in one process after the model is loaded and warmed up, in CPU seconds of this process (on a
shared machine wall time mostly measures the neighbours), so both sides do the same work on a warm
model and the ratio is what briefer adds. `each` runs with the default job count (one process).

    python scripts/bench.py ratios
    python scripts/bench_ratios.py --articles 100 --repeat 1 --profile situation   # cProfile top 25
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from bench_batch import corpus_texts, write_corpus  # noqa: E402  (after the path is set)

ARTICLES = 200
GOALS = {"situation": 1.3, "each": 1.18}


def _best(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.process_time()
        run()
        times.append(time.process_time() - started)
    return min(times)


def measure(n: int = ARTICLES, repeat: int = 2, profile: str | None = None) -> dict[str, float]:
    from briefer import nlp
    from briefer.batch import iter_briefs
    from briefer.pipeline import BriefOptions, build_brief

    model = nlp.load(nlp.default_model())
    with tempfile.TemporaryDirectory(prefix="briefer-ratios-") as tmp:
        folder = write_corpus(Path(tmp), corpus_texts(), n)
        texts = [p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())]
        runs: dict[str, Callable[[], object]] = {
            "pipe": lambda: list(model.pipe(texts)),
            "situation": lambda: build_brief([str(folder)], BriefOptions()),
            "each": lambda: list(iter_briefs([str(folder)], BriefOptions())),
        }
        runs["pipe"]()  # warm-up
        if profile:
            cProfile.runctx("run()", globals(), {"run": runs[profile]}, str(Path(tmp) / "prof"))
            pstats.Stats(str(Path(tmp) / "prof")).sort_stats("cumulative").print_stats("briefer/", 40)
            return {}
        return {name: _best(run, repeat) for name, run in runs.items()}


def main(n: int = ARTICLES, repeat: int = 2) -> None:
    seconds = measure(n, repeat)
    pipe = seconds["pipe"]
    print(f"{n} articles; nlp.pipe alone {pipe:.2f} CPU s (best of {repeat})")
    for name, goal in GOALS.items():
        print(
            f"  {name:<10} {seconds[name]:6.2f} s  = {seconds[name] / pipe:4.2f}x nlp.pipe   (goal <= {goal})"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=ARTICLES)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--profile", choices=["situation", "each"])
    args = parser.parse_args()
    if args.profile:
        measure(args.articles, 1, args.profile)
    else:
        main(args.articles, args.repeat)
