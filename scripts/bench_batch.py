"""Many articles: `--each` against spaCy's `nlp.pipe` alone, and one situation brief over 250 of them.

The corpus is real-size news articles: the BBC articles of ../shared/eval/bbc-summaries-dev.jsonl
(cycled to reach 1,000), or the bundled samples when ../shared is absent. It is written to a
temporary folder, never into the repository. Each measurement runs in a fresh process (this script
with `--worker`), timed after the model is loaded, so the figures compare work with work and the
peak memory is that of one run. Printed side by side, with the goals of issue 8:

- `--each` throughput / `nlp.pipe` throughput, same texts, same number of processes (>= 0.85);
- situation brief over 250 articles / its parse time (<= 1.3), and its peak memory (<= 1.5 GB);
- how time grows from 250 to 1,000 articles (near-linear: about 4x).

    python scripts/bench.py batch                      # 250 and 1,000 articles, 2 processes
    python scripts/bench_batch.py --sizes 100,400 --jobs 2 --full   # --full: situation brief at every size
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BBC = ROOT.parent / "shared" / "eval" / "bbc-summaries-dev.jsonl"
SIZES = (250, 1000)
SITUATION = 250


def corpus_texts() -> list[str]:
    """Real articles as users save them: headline, blank line, body."""
    if BBC.is_file():
        rows = [json.loads(line) for line in BBC.read_text(encoding="utf-8").splitlines() if line.strip()]
        return [row["article"] for row in rows]
    files = [p for p in (ROOT / "samples").rglob("*") if p.suffix in (".txt", ".html", ".wiki")]
    return [p.read_text(encoding="utf-8", errors="replace") for p in sorted(files)]


def write_corpus(folder: Path, texts: list[str], n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(n):
        (folder / f"{k:04d}.txt").write_text(texts[k % len(texts)], encoding="utf-8")
    return folder


# ------------------------------------------------------------------------------- in a fresh process


def _worker(mode: str, folder: Path, jobs: int) -> dict[str, float]:
    sys.path.insert(0, str(ROOT))
    from briefer import nlp

    model = nlp.load(nlp.default_model())
    files = sorted(folder.iterdir())
    started = time.perf_counter()
    out: dict[str, float] = {}
    if mode == "pipe":
        texts = [f.read_text(encoding="utf-8") for f in files]
        for _ in model.pipe(texts, batch_size=64, n_process=jobs):
            pass
    elif mode == "each":
        from briefer.batch import iter_briefs
        from briefer.pipeline import BriefOptions
        from briefer.render.json import render_line

        failed = sum(
            brief is None or len(render_line(brief)) == 0
            for _, brief, _ in iter_briefs([str(folder)], BriefOptions(), jobs=jobs)
        )
        out["failed"] = failed
    elif mode == "situation":
        from briefer.ingest import load_articles
        from briefer.pipeline import BriefOptions, assemble
        from briefer.render.json import render
        from briefer.segment import parse_articles

        articles = load_articles([str(folder)])
        parsed = list(parse_articles(articles, model))
        out["parse"] = time.perf_counter() - started
        render(assemble(parsed, BriefOptions()))
    out["seconds"] = time.perf_counter() - started
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def _run(mode: str, folder: Path, jobs: int = 1) -> dict[str, float]:
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", mode, str(folder), str(jobs)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


# ------------------------------------------------------------------------------------------- report


def main(sizes: tuple[int, ...] = SIZES, jobs: int = 2, full: bool = False) -> None:
    texts = corpus_texts()
    where = "BBC dev articles" if BBC.is_file() else "bundled samples (../shared absent)"
    print(f"corpus: {where}, {len(texts)} distinct; {jobs} processes for --each and nlp.pipe")
    rows: dict[int, dict[str, dict[str, float]]] = {}
    with tempfile.TemporaryDirectory(prefix="briefer-bench-") as tmp:
        for n in sizes:
            folder = write_corpus(Path(tmp) / str(n), texts, n)
            rows[n] = {"pipe": _run("pipe", folder, jobs), "each": _run("each", folder, jobs)}
            if n == SITUATION or full:
                rows[n]["situation"] = _run("situation", folder)
    print(
        f"{'articles':>8} {'pipe s':>8} {'each s':>8} {'each/pipe':>10} {'art/s':>7}   "
        f"{'brief s':>8} {'parse s':>8} {'brief/parse':>11} {'peak MB':>8}"
    )
    for n, row in rows.items():
        pipe, each = row["pipe"]["seconds"], row["each"]["seconds"]
        line = f"{n:8d} {pipe:8.1f} {each:8.1f} {pipe / each:10.2f} {n / each:7.1f}"
        if "situation" in row:
            s = row["situation"]
            ratio = s["seconds"] / s["parse"]
            line += f"   {s['seconds']:8.1f} {s['parse']:8.1f} {ratio:11.2f} {s['peak_mb']:8.0f}"
        print(line)
    print("goals: each/pipe throughput >= 0.85; brief/parse <= 1.3; peak <= 1500 MB")
    if len(sizes) >= 2:
        small, large = sizes[0], sizes[-1]
        scale = large / small
        print(f"growth {small} -> {large} articles (linear = {scale:.1f}x):", end="")
        for mode in ("pipe", "each", "situation"):
            if mode in rows[small] and mode in rows[large]:
                print(f"  {mode} {rows[large][mode]['seconds'] / rows[small][mode]['seconds']:.1f}x", end="")
        print()


def _parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--full", action="store_true", help="the situation brief at every size")
    parser.add_argument("--worker", nargs=3, metavar=("MODE", "FOLDER", "JOBS"), help=argparse.SUPPRESS)
    return parser.parse_args(argv)


if __name__ == "__main__":
    args = _parse_args(sys.argv[1:])
    if args.worker:
        mode, folder, jobs = args.worker
        print(json.dumps(_worker(mode, Path(folder), int(jobs))))
    else:
        main(tuple(int(x) for x in args.sizes.split(",")), args.jobs, args.full)
