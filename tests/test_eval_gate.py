"""The evaluation gate fails unless every pinned floor is measured and met.

On a tiny evaluation folder made here (two CoNLL-style documents), the real command
`python -m briefer.evaluation --gate FILE` passes at its floors and fails on a score under one, a
floor whose task no longer produces a row (a renamed task), missing data, and a task that fails to
import; `--gate --limit` is refused. Then the fast gate (`--gate fast`, floors-fast.json) runs end to
end on `../shared/eval`, which is how `make test`, and so CI, checks quality.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from briefer.evaluation import Row, eval_dir
from briefer.evaluation.__main__ import TASKS, main
from briefer.evaluation.gate import NAMED, failures, load_floors

ACTORS = "actors (CoNLL-2003 dev)"
DOCS = [
    [
        ("Angela Merkel met Barack Obama in Berlin on Monday .", ["I-PER", "I-PER", "O", "I-PER", "I-PER"]),
        ("Merkel said Germany would help .", ["I-PER", "O", "I-LOC", "O", "O", "O"]),
    ],
    [("The United Nations said France had agreed .", ["O", "I-ORG", "I-ORG", "O", "I-LOC", "O", "O", "O"])],
    [("Boris Yeltsin flew to Moscow .", ["I-PER", "I-PER", "O", "O", "I-LOC", "O"])],
]
"""Three documents; the gates below pin the first two (`_limits`), so a limit that is lost shows."""


@pytest.fixture()
def eval_folder(tmp_path, monkeypatch):
    folder = tmp_path / "eval"
    folder.mkdir()
    lines = []
    for i, doc in enumerate(DOCS):
        sentences = []
        for text, tags in doc:
            tokens = text.split()
            sentences.append({"tokens": tokens, "tags": tags + ["O"] * (len(tokens) - len(tags))})
        lines.append(json.dumps({"id": f"doc-{i}", "sentences": sentences}))
    (folder / "conll2003-dev.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setenv("BRIEFER_EVAL_DIR", str(folder))
    return folder


def _floors(tmp_path: Path, floors: dict, limits: dict | None = None) -> str:
    path = tmp_path / "floors.json"
    path.write_text(json.dumps({"_limits": limits or {"actors": 2}, **floors}), encoding="utf-8")
    return str(path)


def test_the_gate_passes_when_every_floor_is_measured_and_met(eval_folder, tmp_path, capsys):
    assert main(["--gate", _floors(tmp_path, {ACTORS: {"briefer": {"F1": 0.5, "P": 0.5}}})]) == 0
    out, err = capsys.readouterr()
    assert err.splitlines()[-1] == "gate passed: floors.json, 2 floors"
    lines = out.splitlines()
    assert lines[0] == f"{ACTORS} (n=2)"
    assert lines[1].startswith("  spaCy NER (raw)              P ") and lines[2].startswith("  briefer      ")
    assert re.search(r"  F1  ?[01]\.\d{3}  ", lines[2]), lines[2]


def test_a_score_under_its_floor_fails_and_is_named(eval_folder, tmp_path, capsys):
    assert main(["--gate", _floors(tmp_path, {ACTORS: {"briefer": {"F1": 0.5, "P": 1.01}}})]) == 1
    err = capsys.readouterr().err
    assert err.splitlines()[-1] == "gate failed: floors.json, 2 floors"
    assert f"BELOW FLOOR: {ACTORS} / briefer / P:" in err
    assert "/ F1:" not in err


def test_a_renamed_task_leaves_its_floor_unmeasured_and_fails(eval_folder, tmp_path, capsys):
    floors = {"actors (CoNLL-2003 dev, renamed)": {"briefer": {"F1": 0.5}}}
    assert main(["--gate", _floors(tmp_path, floors)]) == 1
    assert "renamed) / briefer / F1: not measured" in capsys.readouterr().err


def test_a_metric_or_system_no_row_reports_fails(eval_folder, tmp_path, capsys):
    floors = {ACTORS: {"briefer": {"F1": 0.5, "accuracy": 0.1}, "another system": {"F1": 0.1}}}
    assert main(["--gate", _floors(tmp_path, floors)]) == 1
    err = capsys.readouterr().err
    assert "briefer / accuracy: not measured" in err and "another system / F1: not measured" in err


def test_missing_data_fails_the_gate_but_not_a_plain_table(tmp_path, monkeypatch, capsys):
    floors = _floors(tmp_path, {ACTORS: {"briefer": {"F1": 0.5}}})
    monkeypatch.setenv("BRIEFER_EVAL_DIR", str(tmp_path / "absent"))
    assert main(["--gate", floors]) == 1
    assert main(["--task", "actors"]) == 0
    missing = "evaluation data not found (../shared/eval or $BRIEFER_EVAL_DIR)\n"
    assert capsys.readouterr() == ("", missing * 2)
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setenv("BRIEFER_EVAL_DIR", str(empty))  # the folder is there, its file is not
    assert main(["--gate", floors]) == 1
    assert "not measured" in capsys.readouterr().err


def test_a_task_that_fails_to_import_fails_the_run(eval_folder, tmp_path, capsys):
    floors = _floors(tmp_path, {ACTORS: {"briefer": {"F1": 0.5}}}, {"actors": 2, "no_such_task": 2})
    assert main(["--gate", floors]) == 1
    assert "TASK FAILED: no_such_task: ModuleNotFoundError" in capsys.readouterr().err


def test_gating_with_a_limit_or_a_task_is_refused(eval_folder, capsys):
    for extra in (["--limit", "5"], ["--task", "actors"]):
        with pytest.raises(SystemExit) as exc:
            main(["--gate", *extra])
        assert exc.value.code == 2
    err = capsys.readouterr().err
    assert err.endswith("error: --gate runs the subset its floors file pins; drop --limit and --task\n")


def test_floors_are_checked_from_the_floors_side():
    floors = load_floors("full")
    at_floor = [Row(t, s, dict(m), 1) for t, systems in floors.floors.items() for s, m in systems.items()]
    assert at_floor and failures(at_floor, floors) == []
    assert len(failures([], floors)) == sum(len(m) for s in floors.floors.values() for m in s.values())
    lowered = [Row(r.task, r.system, {k: v - 1e-6 for k, v in r.metrics.items()}, 1) for r in at_floor]
    assert len(failures(lowered, floors)) == len(failures([], floors))


def test_the_fast_gate_pins_a_fixed_subset_of_registered_tasks_and_the_full_gate_none():
    fast, full = load_floors("fast"), load_floors("full")
    assert fast.limits and set(fast.limits) <= set(TASKS) and all(n > 0 for n in fast.limits.values())
    assert full.limits is None
    assert set(fast.floors) <= set(full.floors), "a fast floor for a task the full gate does not pin"


@pytest.mark.skipif(eval_dir() is None, reason="no evaluation data (../shared/eval)")
def test_the_fast_gate_passes_end_to_end_on_the_shared_data():
    env = {k: v for k, v in os.environ.items() if k != "BRIEFER_EVAL_DIR"}
    result = subprocess.run(
        [sys.executable, "-m", "briefer.evaluation", "--gate", "fast"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**env, "PYTHONPATH": str(ROOT)},
        timeout=600,
    )
    pinned = sum(len(m) for s in load_floors("fast").floors.values() for m in s.values())
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert f"gate passed: {NAMED['fast'].name}, {pinned} floors" in result.stderr


def test_without_a_gate_the_table_is_printed_for_the_documents_asked(eval_folder, capsys):
    assert main(["--task", "actors", "--limit", "1"]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines()[0] == f"{ACTORS} (n=1)" and "gate" not in err


def test_without_a_gate_a_task_that_fails_still_fails_the_run(eval_folder, monkeypatch, capsys):
    import briefer.evaluation.__main__ as harness

    monkeypatch.setattr(harness, "TASKS", ("actors", "no_such_task"))
    assert main(["--limit", "1"]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines()[0] == f"{ACTORS} (n=1)"
    assert "TASK FAILED: no_such_task: ModuleNotFoundError" in err
