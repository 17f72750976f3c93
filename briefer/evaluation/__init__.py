"""The evaluation harness: scores briefer on the development data in `../shared/eval/`.

Each task module (`summaries`, `actors`, `positions`) exposes `run(eval_dir, limit) -> list[Row]`;
`python -m briefer.evaluation` prints them as one table. The data is read in place and never
copied into the repository. Without the folder the table is
skipped, but a gate (`--gate`) fails: a gate that cannot measure must not pass.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Row:
    task: str
    system: str
    metrics: dict[str, float]
    n: int


def eval_dir() -> Path | None:
    """`$BRIEFER_EVAL_DIR` when set (and then only it), else `../shared/eval` next to the repository
    (or the working folder)."""
    env = os.environ.get("BRIEFER_EVAL_DIR")
    if env:
        return Path(env) if Path(env).is_dir() else None
    here = Path(__file__).resolve().parents[2]
    candidates = [here.parent / "shared" / "eval", Path.cwd().parent / "shared" / "eval"]
    return next((c for c in candidates if c.is_dir()), None)
