"""What the command line promises a user, each pinned by a test that a small bug would fail.

- `-o FILE` is written atomically: when the write fails half-way (here the kernel's file-size limit,
  as on a full disk), `FILE` keeps its old content and no temporary file is left beside it.
- Exit status: 70 for a bug in briefer, 130 for Ctrl-C, each with one line on stderr.
- A file the user cannot read is one `permission denied` line, also when tests run as root.
- `--subject` cannot carry a bidi override or other format character into the mail Subject.
- A folder's README.md and SOURCES.md are documentation, not articles.
"""

from __future__ import annotations

import email
import os
import subprocess
import sys
import unicodedata
from email import policy
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLES, SEED

OLD = "the brief I wrote yesterday, which a failed run must not touch\n"

_LIMITED = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
from briefer.cli import main
sys.exit(main(sys.argv[2:]))
"""


def _briefer_limited(limit: int, *argv: str) -> subprocess.CompletedProcess[str]:
    """`briefer ARGV` where no file may grow past `limit` bytes (RLIMIT_FSIZE, which binds root too)."""
    return subprocess.run(
        [sys.executable, "-c", _LIMITED, str(limit), *argv],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=300,
    )


@pytest.mark.parametrize("command", ["brief", "mail"])
def test_a_write_that_fails_half_way_leaves_the_old_file_and_no_temporary_file(tmp_path, command):
    target = tmp_path / "brief.out"
    target.write_text(OLD, encoding="utf-8")
    extra = ["--to", "a@example.org"] if command == "mail" else []
    result = _briefer_limited(len(OLD) + 10, command, str(SEED), *extra, "-o", str(target), "--force")
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith("briefer: error:") and result.stderr.count("\n") == 1, result.stderr
    assert target.read_text(encoding="utf-8") == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.out"], "a temporary file was left"


def test_a_write_that_succeeds_replaces_the_file_whole(tmp_path, cli):
    target = tmp_path / "brief.md"
    target.write_text(OLD, encoding="utf-8")
    status, out, _ = cli("brief", SEED, "-o", target, "--force")
    assert status == 0 and out == ""
    _, printed, _ = cli("brief", SEED)
    assert target.read_text(encoding="utf-8") == printed
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.md"]


def _raising(exc: BaseException):
    def _load(*args: object, **kwargs: object) -> None:
        raise exc

    return _load


def test_a_bug_in_briefer_exits_70_with_one_line(cli, monkeypatch):
    from briefer import nlp

    monkeypatch.delenv("BRIEFER_DEBUG", raising=False)
    monkeypatch.setattr(nlp, "load", _raising(RuntimeError("boom\nsecond line")))
    status, out, err = cli("brief", SEED)
    assert status == 70
    assert out == ""
    assert err == "briefer: error: internal error (RuntimeError: boom second line)\n"


def test_ctrl_c_exits_130_with_one_line(cli, monkeypatch):
    from briefer import nlp

    monkeypatch.setattr(nlp, "load", _raising(KeyboardInterrupt()))
    status, out, err = cli("brief", SEED)
    assert (status, out) == (130, "")
    assert err.count("\n") == 1 and "Traceback" not in err and "interrupt" in err


def test_an_unreadable_file_is_one_line_at_the_read_boundary(cli, monkeypatch, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    real_open = os.open

    def _open(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        if Path(path) == secret:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", _open)
    status, out, err = cli("brief", secret)
    assert (status, out) == (1, "")
    assert err == f"briefer: error: {secret}: permission denied\n"


_PR_CAPBSET_DROP = 24
_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH = 1, 2


def _without_root_file_access() -> None:
    """In the child before exec: drop the two capabilities that let root read a mode-000 file."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH):
        if libc.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux capabilities")
def test_an_unreadable_file_is_refused_for_real_even_when_tests_run_as_root(tmp_path):
    """As root, briefer runs without CAP_DAC_OVERRIDE, for which mode 000 means no, as for a user."""
    secret = tmp_path / "secret.txt"
    secret.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    secret.chmod(0)
    result = subprocess.run(
        [sys.executable, "-m", "briefer", "brief", str(secret)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=300,
        preexec_fn=_without_root_file_access if os.geteuid() == 0 else None,
    )
    assert result.returncode == 1, result.stderr
    assert result.stderr == f"briefer: error: {secret}: permission denied\n"


BIDI = "\u202eexe.fdp\u202c \u2066x\u2069 \u200fy\u200e \u061cz \ufeffw"


def test_a_subject_from_the_command_line_carries_no_bidi_override_or_format_character(cli):
    status, out, err = cli("mail", SEED, "--to", "a@example.org", "--subject", f"Invoice {BIDI}")
    assert status == 0, err
    subject = str(email.message_from_string(out, policy=policy.default)["Subject"])
    assert [c for c in subject if unicodedata.category(c) == "Cf"] == []
    assert subject == "Invoice exe.fdp x y z w"


def test_a_folders_readme_and_sources_list_are_not_briefed_as_articles(cli):
    status, out, err = cli("brief", SAMPLES, "--each", "--format", "json")
    assert status == 0, err
    import json

    locations = [json.loads(line)["sources"][0]["location"] for line in out.splitlines()]
    names = {Path(loc).name for loc in locations}
    assert SEED.name in names
    assert not names & {"README.md", "SOURCES.md"}
