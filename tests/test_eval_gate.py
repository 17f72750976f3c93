"""The evaluation gate: floors are pinned per task and system, and a score under one fails."""

from __future__ import annotations

import json
from pathlib import Path

from briefer.evaluation import Row
from briefer.evaluation.__main__ import below_floors

FLOORS = json.loads((Path(__file__).parents[1] / "briefer" / "evaluation" / "floors.json").read_text())


def _rows(scale: float) -> list[Row]:
    return [
        Row(task, system, {m: v * scale for m, v in metrics.items()}, 1)
        for task, systems in FLOORS.items()
        if not task.startswith("_")
        for system, metrics in systems.items()
    ]


def test_scores_at_their_floors_pass():
    assert below_floors(_rows(1.0)) == []


def test_a_score_under_its_floor_fails_and_is_named():
    failures = below_floors(_rows(0.99))
    assert len(failures) == sum(
        len(m) for t, s in FLOORS.items() if not t.startswith("_") for m in s.values()
    )
    assert any("actors" in f and "F1" in f for f in failures)


def test_every_pinned_task_is_one_the_harness_prints():
    from briefer.evaluation.actors import run as _actors  # noqa: F401  (the modules exist)

    tasks = [t for t in FLOORS if not t.startswith("_")]
    assert any(t.startswith("summaries") for t in tasks) and any(t.startswith("positions") for t in tasks)
