"""`python -m briefer.evaluation [--limit N] [--task NAME]`: print the evaluation table."""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path

from briefer.evaluation import Row, eval_dir

TASKS = ("summaries", "actors", "positions", "timeline")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m briefer.evaluation")
    parser.add_argument("--limit", type=int, default=None, help="documents per task (default all)")
    parser.add_argument("--task", choices=TASKS, action="append", help="run only these tasks")
    parser.add_argument(
        "--gate",
        action="store_true",
        help="fail below the floors in floors.json (full sets only)",
    )
    args = parser.parse_args(argv)
    folder = eval_dir()
    if folder is None:
        print("evaluation data not found (../shared/eval); skipping")
        return 0
    rows: list[Row] = []
    for task in args.task or TASKS:
        try:
            module = importlib.import_module(f"briefer.evaluation.{task}")
        except ModuleNotFoundError:
            continue
        rows.extend(module.run(folder, args.limit))
    print(format_table(rows))
    if args.gate and args.limit is None:
        failures = below_floors(rows)
        for failure in failures:
            print(f"BELOW FLOOR: {failure}")
        return 1 if failures else 0
    return 0


def below_floors(rows: list[Row]) -> list[str]:
    """Each pinned metric that a row scores under (the spirit of trafilatura's eval gate)."""
    floors = json.loads((Path(__file__).with_name("floors.json")).read_text(encoding="utf-8"))
    failures = []
    for row in rows:
        for metric, floor in floors.get(row.task, {}).get(row.system, {}).items():
            value = row.metrics.get(metric)
            if value is None or value < floor:
                failures.append(f"{row.task} / {row.system} / {metric}: {value} < {floor}")
    return failures


def format_table(rows: list[Row]) -> str:
    lines = []
    task = None
    for row in rows:
        if row.task != task:
            task = row.task
            lines.append(f"\n{task} (n={row.n})")
        metrics = "  ".join(f"{k} {v:6.3f}" for k, v in row.metrics.items())
        lines.append(f"  {row.system:<28} {metrics}")
    return "\n".join(lines).lstrip("\n")


if __name__ == "__main__":
    sys.exit(main())
