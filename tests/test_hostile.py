"""Hostile and broken input through `briefer brief` in every format, as JSON Lines (`--each
--format json`) and through the Python API `build_brief` (issues 7 and 15).

Each case of `hostile_inputs.CASES` gives either a valid brief or one `briefer: error:` line and a
non-zero status; never a traceback, a hang, output of unbounded size, or a raw control character
on stdout, stderr, in a written file or in any string of the API's `Brief`. Markdown shows article
text as written, and no two actors look the same. Big inputs run once, as JSON, in a fresh
interpreter whose time and peak memory are bounded; runs with closed or full standard streams run
in a fresh interpreter too.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import ROOT
from hostile_inputs import (
    CASES,
    CONTROLS,
    Hostile,
    Run,
    assert_no_controls,
    check_outcome,
    in_time,
    run_in_process,
)

FORMATS = ("markdown", "text", "json", "html")
HEAVY_TIME_LIMIT = 120.0
"""Seconds for a big input in a fresh interpreter, spaCy's start included (about 15 s unloaded)."""
MEMORY_LIMIT_MB = 1536


def _files(folder: Path) -> dict[Path, int]:
    return {p: p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def _written(before: dict[Path, int], folder: Path) -> list[Path]:
    return [p for p, stamp in _files(folder).items() if before.get(p) != stamp]


def _argv(run: Run, fmt: str) -> list[str]:
    return ["brief", *run.sources, "--format", fmt, *run.options]


def _output(run: Run, out: str) -> str | None:
    """What the run wrote: stdout, or the -o file (None for a folder, a pipe or a device)."""
    if "-o" in run.options:
        target = Path(run.options[run.options.index("-o") + 1])
        return (
            target.read_text(encoding="utf-8") if target.is_file() and "--each" not in run.options else None
        )
    return out


def assert_valid_brief(case: Hostile, fmt: str, output: str | None) -> None:
    """A brief a reader can use, in the format asked for; as JSON, faithful to its source."""
    if output is None:
        return
    if fmt == "json":
        for kept in case.kept:
            assert kept in output, f"{kept!r} was lost"
    if fmt == "json" and output.count("\n") > 1 and output.startswith('{"'):  # JSON Lines (--each)
        for line in output.splitlines():
            assert_valid_json(case, json.loads(line), line)
    elif fmt == "json":
        assert_valid_json(case, json.loads(output), output)
    elif fmt == "markdown":
        assert output.startswith("# ") and "\n## Bottom line\n" in output
        assert_markdown_shows(case, output)
    elif fmt == "text":
        assert "\nBOTTOM LINE\n" in output
    else:
        assert output.startswith("<!DOCTYPE html>") and output.rstrip("\n").endswith("</html>")
        assert "<script" not in output and "<iframe" not in output


def assert_markdown_shows(case: Hostile, output: str) -> None:
    """Rendered as CommonMark with strike-through, the brief's article text reads as written:
    nothing struck out, made bold or a link, no HTML or entity turned into something else."""
    import html

    from markdown_it import MarkdownIt

    rendered = MarkdownIt("commonmark").enable("strikethrough").render(output)
    # the one link briefer makes: a source's own address in Sources, as an autolink (text = href)
    rendered = re.sub(r'<a href="(https?://[^"]+)">\1</a>', "", rendered)
    assert "<s>" not in rendered and "<del>" not in rendered and "<a " not in rendered
    shown = html.unescape(re.sub(r"<[^>]+>", "", rendered))
    for text in case.markdown_kept:
        assert text in " ".join(shown.split()), f"{text!r} does not read as written in markdown"


def assert_valid_json(case: Hostile, data: dict, output: str) -> None:
    assert data["summary"], "a brief without a bottom line"
    for source in data["sources"]:
        assert "\n" not in source["title"] and source["title"].strip()
        for sentence in source["sentences"]:
            assert source["text"][sentence["start"] : sentence["end"]] == sentence["text"]
    for item in data["summary"]:
        source = data["sources"][item["source"] - 1]
        assert item["text"] in source["sentences"][item["sentence"]]["text"]
    assert "\n" not in data["title"] and data["title"].strip()
    assert_no_look_alike_actors(data["actors"])


def assert_no_look_alike_actors(actors: list[dict]) -> None:
    """Two actors whose names look the same (a Cyrillic e for a Latin one) would mislead a reader."""
    from briefer.textsafe import skeleton

    looks = [skeleton(actor["name"]).casefold() for actor in actors]
    assert len(looks) == len(set(looks)), f"actors that look alike: {[a['name'] for a in actors]}"


BRIEF = [c for c in CASES.values() if "brief" in c.commands]
LIGHT = [(c, fmt) for c in BRIEF if not c.heavy for fmt in FORMATS]
SLOW = [c for c in BRIEF if c.heavy and not c.big]
BIG = [c for c in BRIEF if c.big]
PLAIN = [c for c in BRIEF if not c.heavy]
"""Cases for JSON Lines and the API: sources alone (options and streams are the command line's)."""


def test_there_are_at_least_80_hostile_inputs():
    assert len(CASES) >= 80


def _check_run(case: Hostile, run: Run, fmt: str, cli, tmp_path: Path, monkeypatch) -> None:
    for key, value in run.env.items():
        monkeypatch.setenv(key, value)
    before = _files(tmp_path)
    if run.streams:
        status, out, err = run_in_process(_argv(run, fmt), run)
    else:
        status, out, err = in_time(lambda: cli(*_argv(run, fmt), stdin=run.stdin))
    check_outcome(case, status, out, err, output_in_file="-o" in run.options)
    if case.expect == "brief":
        assert_valid_brief(case, fmt, _output(run, out))
    for path in _written(before, tmp_path):
        assert_no_controls(path.read_text(encoding="utf-8"), str(path))
    if case.after:
        case.after(tmp_path)


@pytest.mark.parametrize("case,fmt", LIGHT, ids=[f"{c.name}-{fmt}" for c, fmt in LIGHT])
def test_hostile_input_gives_a_brief_or_one_clear_line(case, fmt, cli, tmp_path, monkeypatch):
    _check_run(case, case.make(tmp_path), fmt, cli, tmp_path, monkeypatch)


@pytest.mark.parametrize("case", SLOW, ids=[c.name for c in SLOW])
def test_slow_input_is_cut_with_a_note_in_bounded_time(case, cli, tmp_path, monkeypatch):
    _check_run(case, case.make(tmp_path), "json", cli, tmp_path, monkeypatch)


def _plain(run: Run) -> bool:
    return not run.options and not run.streams


@pytest.mark.parametrize("case", PLAIN, ids=[c.name for c in PLAIN])
def test_hostile_input_as_json_lines(case, cli, tmp_path, monkeypatch):
    """`--each --format json`: one JSON brief per line, or the error line, nothing raw."""
    run = case.make(tmp_path)
    if not _plain(run):
        pytest.skip("options or standard streams of the command line")
    for key, value in run.env.items():
        monkeypatch.setenv(key, value)
    status, out, err = in_time(
        lambda: cli("brief", *run.sources, "--each", "--format", "json", stdin=run.stdin)
    )
    check_outcome(replace(case, says="") if case.expect == "brief" else case, status, out, err)
    if case.expect == "brief":
        assert case.says in out, "the note is not in the brief's notes"
        lines = out.splitlines()
        assert len(lines) >= 1 and all(line.startswith("{") for line in lines)
        assert_valid_brief(case, "json", out)


def _strings(value: object) -> list[str]:
    """Every string in a `Brief.to_dict()` tree."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in _strings(v)]
    return []


@pytest.mark.parametrize("case", PLAIN, ids=[c.name for c in PLAIN])
def test_hostile_input_through_the_python_api(case, tmp_path, monkeypatch):
    """`build_brief` gives a `Brief` with no unsafe character in any string (its callers print
    them as they are: `brief.summary[0].text`), or raises a `BrieferError` saying why."""
    from briefer import build_brief
    from briefer.errors import BrieferError

    run = case.make(tmp_path)
    if not _plain(run):
        pytest.skip("options or standard streams of the command line")
    for key, value in run.env.items():
        monkeypatch.setenv(key, value)
    stdin = run.stdin if "-" in run.sources else None
    # the API reads no environment: the command line's BRIEFER_URL_TIMEOUT is a keyword here
    timeout = float(run.env["BRIEFER_URL_TIMEOUT"]) if "BRIEFER_URL_TIMEOUT" in run.env else None
    if case.expect == "error":
        with pytest.raises(BrieferError, match=re.escape(case.says)):
            in_time(lambda: build_brief(list(run.sources), stdin_bytes=stdin, url_timeout=timeout))
        return
    brief = in_time(lambda: build_brief(list(run.sources), stdin_bytes=stdin, url_timeout=timeout))
    strings = _strings(brief.to_dict())
    for text in strings:
        found = CONTROLS.search(text)
        assert found is None, f"raw {found.group()!r} in the API's brief: {text[:80]!r}"
        assert all(secret not in text for secret in case.hidden), text[:80]
    assert brief.summary and all(item.text for item in brief.summary)
    for kept in case.kept:
        assert any(kept in text for text in strings), f"{kept!r} was lost"
    assert case.says in " ".join(brief.notes)


LINEAR_LIMIT = 2.0
"""Seconds for one markup step on about 100,000 characters (tens of ms when linear; the quadratic
regexes this replaced took 6 to 130 s)."""
PATHOLOGICAL = {
    "markdown comments": ("markdown_to_text", "<!--" * 25_000),
    "markdown links": ("markdown_to_text", "[a](" * 25_000 + "[" * 100_000),
    "wiki footnotes": ("wikitext_to_text", "<ref name=x>" * 20_000),
    "wiki links": ("wikitext_to_text", "[[a|" * 30_000 + "[http://x y " * 20_000 + "<" * 100_000),
    "html hints": ("looks_like_html", "<p " * 70_000),
    "html nesting": ("nesting_depth", "<a " * 700_000),
    "html scripts": ("drop_code", "<script " * 250_000),
    "html title": ("html_to_text", "<title>" * 14_000),
}


@pytest.mark.parametrize("name", PATHOLOGICAL)
def test_markup_steps_take_linear_time_on_unclosed_markup(name):
    from briefer.ingest import markup

    function, text = PATHOLOGICAL[name]
    started = time.monotonic()
    in_time(lambda: getattr(markup, function)(text), seconds=60)
    assert time.monotonic() - started < LINEAR_LIMIT


DRIVER = """
import re, resource, sys
from briefer.cli import main
status = main(sys.argv[2:])
sys.stdout.flush()
try:  # this process's own peak; ru_maxrss keeps the parent's peak across exec on Linux
    with open("/proc/self/status") as status_file:
        peak = re.search(r"VmHWM:\\s+(\\d+)", status_file.read()).group(1)
except OSError:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
with open(sys.argv[1], "w") as handle:
    handle.write(str(peak))
sys.exit(status)
"""


@pytest.mark.parametrize("case", BIG, ids=[c.name for c in BIG])
def test_big_input_is_cut_with_a_note_in_bounded_time_and_memory(case, tmp_path):
    run = case.make(tmp_path)
    rss_file = tmp_path / "maxrss"
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-c", DRIVER, str(rss_file), *_argv(run, "json")],
        input=run.stdin,
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, **run.env},
        timeout=HEAVY_TIME_LIMIT,
    )
    seconds = time.monotonic() - started
    out, err = result.stdout.decode(), result.stderr.decode()
    check_outcome(case, result.returncode, out, err)
    assert_valid_brief(case, "json", out)
    peak_mb = int(rss_file.read_text()) / 1024
    print(f"\n{case.name}: {seconds:.1f} s, peak RSS {peak_mb:.0f} MB, {len(out):,} characters of JSON")
    assert peak_mb < MEMORY_LIMIT_MB
    assert seconds < HEAVY_TIME_LIMIT
    if case.after:
        case.after(tmp_path)
