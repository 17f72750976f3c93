"""The evaluation gate: quality floors pinned in a file, checked from the floors' side.

A gate that looped over the rows a run produced passed whenever a task yielded nothing (data
missing, a task renamed, an import failing): nothing measured, nothing below a floor. So the check
walks the *pinned* floors, and a floor without a measured row fails like a score under it (the
spirit of trafilatura's `eval_gate.py`, made strict).

A floors file maps `task -> system -> metric -> floor`, with keys starting `_` for comments. A
file with `_limits` (`task module -> documents`) gates a fixed subset: the fast gate that
`make test` runs. Without it, the file gates the full sets (`make eval`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from briefer.evaluation import Row

HERE = Path(__file__).parent
NAMED = {"full": HERE / "floors.json", "fast": HERE / "floors-fast.json"}


@dataclass(frozen=True, slots=True)
class Floors:
    """Pinned floors, and the fixed subset they were measured on (`None`: the full sets)."""

    path: Path
    floors: Mapping[str, Mapping[str, Mapping[str, float]]]
    limits: Mapping[str, int] | None


def load_floors(name: str) -> Floors:
    """`full`, `fast`, or the path of a floors file."""
    path = NAMED.get(name, Path(name))
    data = json.loads(path.read_text(encoding="utf-8"))
    floors = {task: systems for task, systems in data.items() if not task.startswith("_")}
    limits = data.get("_limits")
    return Floors(path, floors, None if limits is None else {str(k): int(v) for k, v in limits.items()})


def failures(rows: Iterable[Row], floors: Floors) -> list[str]:
    """One line per pinned metric that no row measured or that a row scores under."""
    measured = {(row.task, row.system): row for row in rows}
    out = []
    for task, systems in floors.floors.items():
        for system, metrics in systems.items():
            row = measured.get((task, system))
            for metric, floor in metrics.items():
                value = None if row is None else row.metrics.get(metric)
                if value is None:
                    out.append(f"{task} / {system} / {metric}: not measured (floor {floor})")
                elif value < floor:
                    out.append(f"{task} / {system} / {metric}: {value:.3f} < {floor}")
    return out
