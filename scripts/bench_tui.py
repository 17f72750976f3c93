"""The reader as a user meets it, in a real terminal (tmux at 80x24): how long until it paints,
until the brief is complete (cold and from the cache), and until the process is gone after `q`.

Times are taken from outside, from the moment the command is started: the screen is read with
`tmux capture-pane` every few milliseconds. Each figure is the median of RUNS runs (best in
brackets). Goals (issue 16): first paint 0.5 s, full brief cold 1.3 s (or as near as spaCy's load
allows), cached 0.3 s, quit 1 s, also in the middle of the build.

    python scripts/bench_tui.py [RUNS] [SOURCE] [--baseline TREE]

With `--baseline TREE` (another checkout, e.g. `../main`) each run is made on both trees in turn,
so the load of a shared machine hits both alike, and the ratio (this tree / baseline) is printed.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "samples" / "000_479c8156071b18c9.txt"
RUNS = 3
SESSION = f"briefer-bench-tui-{os.getpid()}"  # one per run, named apart from anyone else's
POLL = 0.005
LIMIT = 60.0
MID_BUILD = 0.5
"""Seconds after the first paint that `q` is pressed in the mid-build run."""
GOALS = {"first paint": 0.5, "full brief, cold": 1.3, "full brief, cached": 0.3, "quit mid-build": 1.0}


def _tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=False).stdout


def _screen() -> str:
    return _tmux("capture-pane", "-p", "-t", SESSION)


def _wait(condition: Callable[[], bool], what: str) -> float:
    deadline = time.perf_counter() + LIMIT
    while not condition():
        if time.perf_counter() > deadline:
            raise SystemExit(f"bench_tui: gave up waiting for {what}; the screen:\n{_screen()}")
        time.sleep(POLL)
    return time.perf_counter()


def _no_session() -> bool:
    return (
        subprocess.run(["tmux", "has-session", "-t", SESSION], capture_output=True, check=False).returncode
        != 0
    )


def _start(tree: Path, source: Path, cache: Path, *flags: str) -> tuple[float, int]:
    command = f"{sys.executable} -m briefer tui {' '.join(flags)} {source}"
    env = {"BRIEFER_CACHE_DIR": str(cache), "PYTHONPATH": str(tree)}
    exports = " ".join(f"{k}={v}" for k, v in env.items())
    started = time.perf_counter()
    # Started in `tree`: `python -m` puts the current folder first on the path.
    shell = f"exec env {exports} {command}"  # Textual draws on stderr: no redirection
    _tmux("kill-session", "-t", SESSION)
    _wait(_no_session, "the last run's session to close")
    _tmux("new-session", "-d", "-s", SESSION, "-c", str(tree), "-x", "80", "-y", "24", shell)
    _tmux("set-option", "-t", SESSION, "remain-on-exit", "on")  # a crash stays on screen
    pid = int(_tmux("display-message", "-p", "-t", SESSION, "#{pane_pid}").strip() or 0)
    return started, pid


def _gone(pid: int) -> bool:
    """The process has ended (tmux keeps the pane, and reaps the process)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().split(") ", 1)[1].startswith("Z")
    except (OSError, IndexError):
        return True


def one_run(
    tree: Path, source: Path, title: str, cache: Path, *, cached: bool, quit_early: bool
) -> dict[str, float]:
    """Times (seconds from the start) of this run's events."""
    if not cached:
        shutil.rmtree(cache, ignore_errors=True)
    started, pid = _start(tree, source, cache)
    times: dict[str, float] = {}
    painted = _wait(lambda: title[:30] in _screen(), "the title")
    times["first paint"] = painted - started
    if quit_early:
        time.sleep(MID_BUILD)  # spaCy is loading now
        assert "sentences ·" not in _screen(), "the build ended before q: not mid-build"
        _tmux("send-keys", "-t", SESSION, "q")
        sent = time.perf_counter()
        times["quit mid-build"] = _wait(lambda: _gone(pid), "the process to end") - sent
        return times
    full = _wait(lambda: "sentences ·" in _screen(), "the full brief")
    times["full brief, cached" if cached else "full brief, cold"] = full - started
    _tmux("send-keys", "-t", SESSION, "q")
    sent = time.perf_counter()
    times["quit"] = _wait(lambda: _gone(pid), "the process to end") - sent
    return times


def _title(source: Path) -> str:
    """What the first paint shows: the article's title (one source) as briefer reads it."""
    sys.path.insert(0, str(ROOT))
    from briefer.ingest import expand_sources, parse_article, read_source

    return parse_article(read_source(expand_sources([str(source)])[0])).title


def main(argv: list[str] | None = None) -> int:
    argv = list(argv or [])
    if shutil.which("tmux") is None:
        print("bench_tui: tmux is not installed", file=sys.stderr)
        return 1
    baseline = None
    if "--baseline" in argv:
        at = argv.index("--baseline")
        baseline = Path(argv[at + 1]).resolve()
        argv = argv[:at] + argv[at + 2 :]
    runs = int(argv[0]) if argv else RUNS
    source = Path(argv[1]) if len(argv) > 1 else SEED
    title = _title(source)
    trees = {"this": ROOT, **({"baseline": baseline} if baseline else {})}
    results: dict[str, dict[str, list[float]]] = {name: {} for name in trees}
    with tempfile.TemporaryDirectory(prefix="briefer-bench-cache-") as folder:
        cache = Path(folder) / "briefs"
        for _ in range(runs):
            for cached, quit_early in ((False, True), (False, False), (True, False)):
                for name, tree in trees.items():
                    _tmux("kill-session", "-t", SESSION)
                    times = one_run(tree, source, title, cache / name, cached=cached, quit_early=quit_early)
                    for event, seconds in times.items():
                        results[name].setdefault(event, []).append(seconds)
    _tmux("kill-session", "-t", SESSION)
    print(f"briefer tui {source.name} at 80x24, {runs} runs each: median (best), seconds")
    for event, values in results["this"].items():
        goal = GOALS.get(event)
        line = f"  {event:<20} {statistics.median(values):6.3f} ({min(values):.3f})"
        line += f"  goal {goal:.1f}" if goal else ""
        if baseline:
            base = results["baseline"].get(event, [])
            if base:
                ratio = statistics.median(values) / statistics.median(base)
                line += f"  | baseline {statistics.median(base):6.3f} ({min(base):.3f})  ratio {ratio:.2f}"
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
