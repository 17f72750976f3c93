"""`python -m briefer.evaluation [--limit N] [--task NAME] [--gate [full|fast|FILE]]`.

Prints the evaluation table; with `--gate`, exits 1 when a pinned floor is not met or not measured
(see `gate.py`). A task is a module `briefer.evaluation.NAME` with `run(eval_dir, limit) -> list[Row]`
listed in `TASKS`; its floors go in `floors.json` (full sets) and, with its fixed subset size under
`_limits`, in `floors-fast.json`. A task that fails to import or to run is an error, never skipped.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from briefer.evaluation import Row, eval_dir
from briefer.evaluation.gate import Floors, failures, load_floors

TASKS = ("summaries", "actors", "positions", "reading", "timeline")

OK, FAILED, USAGE = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    floors = None
    if args.gate is not None:
        if args.limit is not None or args.task:
            parser.error("--gate runs the subset its floors file pins; drop --limit and --task")
        floors = load_floors(args.gate)
    folder = eval_dir()
    if folder is None:
        print("evaluation data not found (../shared/eval or $BRIEFER_EVAL_DIR)", file=sys.stderr)
        return FAILED if floors is not None else OK
    plan = _plan(args.task or TASKS, args.limit, floors)
    rows, errors = _run(plan, folder)
    print(format_table(rows))
    for error in errors:
        print(f"TASK FAILED: {error}", file=sys.stderr)
    if floors is None:
        return FAILED if errors else OK
    missed = failures(rows, floors)
    for failure in missed:
        print(f"BELOW FLOOR: {failure}", file=sys.stderr)
    verdict = "failed" if missed or errors else "passed"
    print(f"\ngate {verdict}: {floors.path.name}, {_pinned(floors)} floors", file=sys.stderr)
    return FAILED if missed or errors else OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m briefer.evaluation")
    parser.add_argument("--limit", type=int, default=None, help="documents per task (default all)")
    parser.add_argument("--task", choices=TASKS, action="append", help="run only these tasks")
    parser.add_argument(
        "--gate",
        nargs="?",
        const="full",
        metavar="FLOORS",
        help="fail unless every pinned floor is measured and met: full (floors.json, full sets), "
        "fast (floors-fast.json, a fixed subset) or a floors file",
    )
    return parser


def _plan(tasks: Sequence[str], limit: int | None, floors: Floors | None) -> list[tuple[str, int | None]]:
    """Which task modules to run, each with its document limit; a gate's file decides both."""
    if floors is None:
        return [(task, limit) for task in tasks]
    if floors.limits is not None:
        return list(floors.limits.items())
    return [(task, None) for task in TASKS]


def _run(plan: Sequence[tuple[str, int | None]], folder: Path) -> tuple[list[Row], list[str]]:
    rows: list[Row] = []
    errors = []
    for task, limit in plan:
        try:
            module = importlib.import_module(f"briefer.evaluation.{task}")
            rows.extend(module.run(folder, limit))
        except Exception as exc:  # a broken task must fail the run, not vanish from it
            errors.append(f"{task}: {type(exc).__name__}: {exc}")
            traceback.print_exc(file=sys.stderr)
    return rows, errors


def _pinned(floors: Floors) -> int:
    return sum(len(metrics) for systems in floors.floors.values() for metrics in systems.values())


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
