"""Mutation testing of the modules that carry briefer's guarantees (`make mutate`).

A test suite that passes says little about whether it would notice a bug; planting small ones
(mutants: `<` for `<=`, a dropped argument, a constant changed) and counting how many the tests
catch does. mutmut plants them one function at a time and runs only the tests that reach that
function, in a forked process, so each target below names a fast subset of the suite.

Each target runs in its own scratch folder (`build/mutate/NAME`, a copy of the package, tests and
samples with a `[tool.mutmut]` section of its own), so targets neither share state nor touch the
checkout. The surviving mutants of each run are written to `build/mutate/NAME/survivors.txt`; the
reviewed list, with a verdict per survivor, is `tests/mutation/SURVIVORS.md`.

    python scripts/mutate.py            # every target, one after the other
    python scripts/mutate.py dates mail # some targets
    python scripts/mutate.py --report   # counts of the last runs again, without running
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build" / "mutate"

TARGETS: dict[str, tuple[list[str], list[str]]] = {
    "output": (["briefer/output.py"], ["tests/test_guarantees_output.py", "tests/test_guarantees_cli.py"]),
    "exits": (
        ["briefer/errors.py", "briefer/cli.py"],
        ["tests/test_guarantees_exits.py", "tests/test_guarantees_cli.py"],
    ),
    "model": (["briefer/model.py"], ["tests/test_model.py"]),
    "dates": (
        ["briefer/dates/resolvers.py"],
        ["tests/test_guarantees_analysis.py", "tests/test_timeline.py"],
    ),
    "actors": (["briefer/actors/grouping.py"], ["tests/test_guarantees_analysis.py", "tests/test_actors.py"]),
    "clean": (["briefer/ingest/clean.py"], ["tests/test_guarantees_clean.py", "tests/test_ingest.py"]),
    "mail": (
        ["briefer/mail/headers.py"],
        ["tests/test_guarantees_mail.py", "tests/test_mail_message.py", "tests/test_guarantees_cli.py"],
    ),
    "gate": (["briefer/evaluation/gate.py", "briefer/evaluation/__main__.py"], ["tests/test_eval_gate.py"]),
}
"""name -> (modules to mutate, the tests that must catch their mutants)."""

_ARGPARSE = [r"\.add_argument\(", r"ArgumentParser\("]
SKIPPED = {"gate": _ARGPARSE, "exits": [*_ARGPARSE, r"\.add_parser\(", r"\.add_mutually_exclusive_group\("]}
"""Statements not mutated, by target: argparse declarations (help texts), not what a run does."""

FOCUS = {"exits": r"^briefer\.errors\.|^briefer\.cli\.x_(main|one_line)__"}
"""Mutants counted, by target (a regular expression on mutmut's names): of cli.py only the exit
paths (`main`, `one_line`); the rest of it is argument plumbing that tests/test_cli.py covers."""

COPIED = ("briefer", "tests", "samples")


def main(argv: list[str]) -> int:
    report_only = "--report" in argv
    argv = [a for a in argv if a != "--report"]
    names = argv or list(TARGETS)
    unknown = sorted(set(names) - set(TARGETS))
    if unknown:
        print(f"unknown target(s): {', '.join(unknown)}; known: {', '.join(TARGETS)}", file=sys.stderr)
        return 2
    totals = {}
    for name in names:
        totals[name] = count(name) if report_only else run_target(name, *TARGETS[name])
        print(f"{name}: {_line(totals[name])}", flush=True)
    killed = sum(t["killed"] for t in totals.values())
    scored = sum(t["killed"] + t["survived"] for t in totals.values())
    print(f"all: {killed}/{scored} killed ({100 * killed / max(1, scored):.1f}%)")
    return 0


def run_target(name: str, modules: list[str], tests: list[str]) -> dict[str, int]:
    """Mutate `modules` in a fresh scratch folder, run mutmut, return its counts by status."""
    work = BUILD / name
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    for part in COPIED:
        shutil.copytree(ROOT / part, work / part, ignore=shutil.ignore_patterns("__pycache__", ".*cache"))
    config = {
        "source_paths": ["briefer"],
        "only_mutate": modules,
        "also_copy": ["tests", "samples"],
        "pytest_add_cli_args_test_selection": tests,
        "pytest_add_cli_args": ["-p", "no:cacheprovider", "-q"],
        "do_not_mutate_patterns": SKIPPED.get(name, []),
    }
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    (work / "pyproject.toml").write_text(pyproject + "\n" + _toml("tool.mutmut", config), encoding="utf-8")
    subprocess.run([*MUTMUT, "run", "--max-children", "1"], cwd=work, env=_env(work), check=False)
    return count(name)


MUTMUT = [sys.executable, "-m", "mutmut"]


def _env(work: Path) -> dict[str, str]:
    return {**os.environ, "BRIEFER_EVAL_DIR": str(work / "no-eval-data"), "PYTHONPATH": ""}


def count(name: str) -> dict[str, int]:
    """Counts by status of the last run of target `name` (its FOCUS only); survivors with diffs."""
    work, env, mutmut = BUILD / name, _env(BUILD / name), MUTMUT
    focus = re.compile(FOCUS.get(name, ""))
    results = subprocess.run(
        [*mutmut, "results", "--all", "true"], cwd=work, env=env, capture_output=True, text=True, check=False
    )
    counts: dict[str, int] = {}
    survivors = []
    for line in results.stdout.splitlines():
        match = re.match(r"\s*(\S+): (.+)$", line)
        if match and focus.search(match[1]):
            status = match[2].strip().replace(" ", "_")
            counts[status] = counts.get(status, 0) + 1
            if status == "survived":
                survivors.append(match[1])
    (work / "survivors.txt").write_text(_diffs(survivors, work, mutmut, env), encoding="utf-8")
    counts.setdefault("killed", 0)
    counts.setdefault("survived", 0)
    (work / "counts.json").write_text(json.dumps(counts, indent=1), encoding="utf-8")
    return counts


def _diffs(names: list[str], work: Path, mutmut: list[str], env: dict[str, str]) -> str:
    out = []
    for name in names:
        shown = subprocess.run(
            [*mutmut, "show", name], cwd=work, env=env, capture_output=True, text=True, check=False
        )
        out.append(f"## {name}\n{shown.stdout.strip()}\n")
    return "\n".join(out)


def _toml(table: str, values: dict[str, object]) -> str:
    lines = [f"[{table}]"]
    lines += [f"{key} = {json.dumps(value)}" for key, value in values.items()]
    return "\n".join(lines) + "\n"


def _line(counts: dict[str, int]) -> str:
    scored = counts["killed"] + counts["survived"]
    rate = 100 * counts["killed"] / max(1, scored)
    others = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()) if k not in ("killed", "survived"))
    return f"{counts['killed']}/{scored} killed ({rate:.1f}%)" + (f"; {others}" if others else "")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
