"""`python -m briefer.evaluation [--limit N] [--task NAME]`: print the evaluation table."""

from __future__ import annotations

import argparse
import importlib
import sys

from briefer.evaluation import Row, eval_dir

TASKS = ("summaries", "actors", "positions")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m briefer.evaluation")
    parser.add_argument("--limit", type=int, default=None, help="documents per task (default all)")
    parser.add_argument("--task", choices=TASKS, action="append", help="run only these tasks")
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
    return 0


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
