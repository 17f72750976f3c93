"""Exit statuses, as a script calling briefer sees them: each failure has its own, and one line.

0 success (also when the reader of a pipe goes away), 1 bad input (also a text too big or too
deeply nested to read), 2 usage, 70 a bug in briefer, 130 Ctrl-C; `BRIEFER_DEBUG=1` shows a bug's
traceback instead of hiding it.
"""

from __future__ import annotations

import pytest
from conftest import SEED

from briefer import nlp
from briefer.errors import (
    BrieferError,
    ExitStatus,
    InputError,
    MailError,
    ModelError,
    OutputError,
    UsageError,
)


def test_the_exit_statuses_are_the_documented_numbers():
    assert [int(s) for s in ExitStatus] == [0, 1, 2, 70, 130]
    assert [s.name for s in ExitStatus] == ["OK", "BAD_INPUT", "USAGE", "INTERNAL", "INTERRUPTED"]


@pytest.mark.parametrize(
    ("error", "status"),
    [(InputError, 1), (OutputError, 1), (ModelError, 1), (MailError, 1), (BrieferError, 1), (UsageError, 2)],
)
def test_each_user_error_has_its_status_and_one_line(cli, monkeypatch, error, status):
    def _fail(*args, **kwargs):
        raise error("the model\nis missing")

    monkeypatch.setattr(nlp, "load", _fail)
    assert cli("brief", SEED) == (status, "", "briefer: error: the model is missing\n")


@pytest.mark.parametrize(
    ("exc", "status", "err"),
    [
        (KeyboardInterrupt(), 130, "briefer: interrupted\n"),
        (BrokenPipeError(), 0, ""),
        (MemoryError(), 1, "briefer: error: out of memory on this input\n"),
        (RecursionError(), 1, "briefer: error: input nested too deeply to read\n"),
        (
            ValueError("bad\x1b[31m value"),
            70,
            "briefer: error: internal error (ValueError: bad\\x1b[31m value)\n",
        ),
        (AssertionError(), 70, "briefer: error: internal error (AssertionError: unknown error)\n"),
    ],
)
def test_each_failure_inside_a_run_has_its_status(cli, monkeypatch, exc, status, err):
    def _fail(*args, **kwargs):
        raise exc

    monkeypatch.delenv("BRIEFER_DEBUG", raising=False)
    monkeypatch.setattr(nlp, "load", _fail)
    assert cli("brief", SEED) == (status, "", err)


def test_briefer_debug_shows_a_bug_instead_of_hiding_it(cli, monkeypatch):
    def _fail(*args, **kwargs):
        raise ValueError("a bug")

    monkeypatch.setenv("BRIEFER_DEBUG", "1")
    monkeypatch.setattr(nlp, "load", _fail)
    with pytest.raises(ValueError, match="a bug"):
        cli("brief", SEED)


def test_usage_errors_exit_2_and_help_exits_0(cli):
    status, out, err = cli()
    assert status == 2 and "usage:" in out and err == ""
    status, out, err = cli("brief", SEED, "--format", "pdf")
    assert status == 2 and out == "" and err.startswith("briefer: error: ") and err.count("\n") == 1
    status, out, _ = cli("--help")
    assert status == 0 and "usage:" in out
    status, out, _ = cli("--version")
    assert status == 0 and out.strip()


def test_a_missing_file_exits_1(cli, tmp_path):
    assert cli("brief", tmp_path / "nope.txt") == (
        1,
        "",
        f"briefer: error: {tmp_path / 'nope.txt'}: no such file\n",
    )


def test_without_arguments_main_reads_the_command_line(monkeypatch):
    import io
    import sys

    from briefer.cli import Environment, main

    out = io.StringIO()
    monkeypatch.setattr(sys, "argv", ["briefer", "--version"])
    assert main(None, Environment(io.BytesIO(), out, io.StringIO())) == 0
    assert out.getvalue().strip() and "usage" not in out.getvalue()


def test_a_plain_brief_imports_no_optional_command(cli, monkeypatch):
    import sys

    for name in ("briefer.mail.command", "briefer.tui.command"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    assert cli("brief", SEED)[0] == 0
    assert "briefer.mail.command" not in sys.modules and "briefer.tui.command" not in sys.modules
