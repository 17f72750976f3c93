"""The command line's rules, as a user used to git, rg or bat expects them (issue 17).

Options that only mean something together are refused apart; -o never replaces a file without
--force; the exit status says whether every source was read; a terminal gets rendered markdown.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import time

import pytest
from conftest import ROOT, SAMPLES, SEED

from briefer.cli import main
from briefer.environment import Environment

YEMEN = SAMPLES / "yemen_truce_2022"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def run_on(stdout: io.StringIO, *argv: object, environ: dict[str, str] | None = None) -> tuple[int, str, str]:
    err = io.StringIO()
    env = Environment(io.BytesIO(), stdout, err)
    if environ is not None:
        env.environ = environ
    status = main([str(a) for a in argv], env)
    return status, stdout.getvalue(), err.getvalue()


# ------------------------------------------------------------------------------ terminal output


def test_on_a_terminal_markdown_is_rendered_and_piped_it_stays_raw():
    _, shown, _ = run_on(Terminal(), SEED, "-n", "2", environ={"BRIEFER_NOW": "2026-01-02T03:04:05+00:00"})
    _, piped, _ = run_on(io.StringIO(), SEED, "-n", "2")
    assert piped.startswith("# NATO to help Libya") and "## Bottom line" in piped
    assert "\x1b[" in shown and "## Bottom line" not in shown and "Bottom line" in shown


def test_color_never_and_always_override_the_terminal_test():
    _, never, _ = run_on(Terminal(), SEED, "-n", "2", "--color", "never")
    _, always, _ = run_on(io.StringIO(), SEED, "-n", "2", "--color", "always")
    assert "## Bottom line" in never and "\x1b[" not in never
    assert "\x1b[" in always and "## Bottom line" not in always


def test_no_color_keeps_the_layout_without_colours():
    _, shown, _ = run_on(Terminal(), SEED, "-n", "2", environ={"NO_COLOR": "1"})
    assert "## Bottom line" not in shown and "Bottom line" in shown
    assert "\x1b[3" not in shown and "\x1b[9" not in shown  # no foreground colour codes


def test_other_formats_are_never_styled():
    _, out, _ = run_on(Terminal(), SEED, "--format", "json")
    assert json.loads(out)["title"]


# ----------------------------------------------------------------------- options that disagree


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        ([SEED, "-n", "3", "--ratio", "0.5"], "not allowed with argument -n/--sentences"),
        ([SEED, "--force"], "--force only applies with -o"),
        ([SEED, "-j", "2"], "--jobs only applies with --each"),
        (["brief", SEED, "--nope"], "see 'briefer brief --help'"),
        (["tui", SEED, "--nope"], "see 'briefer tui --help'"),
        (["mail", SEED, "--nope"], "see 'briefer mail --help'"),
    ],
    ids=["n-and-ratio", "force-without-o", "jobs-without-each", "brief-help", "tui-help", "mail-help"],
)
def test_options_that_disagree_are_a_usage_error(cli, argv, says):
    status, out, err = cli(*argv)
    assert status == 2 and out == ""
    assert says in err and err.count("\n") == 1


def test_o_refuses_an_existing_file_unless_force(cli, tmp_path):
    target = tmp_path / "brief.md"
    target.write_text("my notes")
    status, _, err = cli(SEED, "-o", target)
    assert status == 1 and "already exists" in err and target.read_text() == "my notes"
    status, _, _ = cli(SEED, "-o", target, "--force")
    assert status == 0 and target.read_text().startswith("# NATO")


def test_each_o_makes_the_folder_and_keeps_the_same_rule(cli, tmp_path):
    folder = tmp_path / "briefs" / "new"
    status, _, _ = cli(YEMEN, "--each", "-o", folder)
    assert status == 0 and len(list(folder.glob("*.md"))) == 4
    first = sorted(folder.glob("*.md"))[0]
    first.write_text("my notes")
    status, _, err = cli(YEMEN, "--each", "-o", folder)
    assert status == 1 and "already exists" in err and first.read_text() == "my notes"
    status, _, _ = cli(YEMEN, "--each", "-o", folder, "--force")
    assert status == 0 and first.read_text().startswith("# ")


def test_each_in_markdown_separates_the_briefs(cli):
    status, out, _ = cli(SAMPLES / "sudan_conflict_2023", "--each")
    assert status == 0
    assert out.count("\n---\n") == 3 and out.count("\n## Bottom line") == 4


# -------------------------------------------------------------------------------- exit status


def test_a_source_not_read_fails_the_run_unless_partial(cli, tmp_path):
    status, out, err = cli(SEED, tmp_path / "missing.txt", "--format", "json")
    assert status == 1 and json.loads(out)["summary"]
    assert "1 of 2 sources not read (--partial accepts that)" in err
    status, out, _ = cli(SEED, tmp_path / "missing.txt", "--format", "json", "--partial")
    assert status == 0 and json.loads(out)["summary"]


def test_each_follows_the_same_rule(cli, tmp_path):
    assert cli(SEED, tmp_path / "missing.txt", "--each", "--format", "json")[0] == 1
    assert cli(SEED, tmp_path / "missing.txt", "--each", "--format", "json", "--partial")[0] == 0
    assert cli(tmp_path / "missing.txt", "--each", "--partial")[0] == 1, "nothing read is never success"


# ---------------------------------------------------------------------------------- small things


@pytest.mark.parametrize("argv", [["-V"], ["--version"], ["version"]])
def test_version_names_the_model(cli, argv):
    status, out, _ = cli(*argv)
    assert status == 0 and out.startswith("briefer 0.") and "spaCy model en_core_web_sm" in out


def test_help_is_a_command(cli):
    assert cli("help")[1] == cli("--help")[1]
    status, out, _ = cli("help", "mail")
    assert status == 0 and out.startswith("usage: briefer mail")
    status, _, err = cli("help", "nosuch")
    assert status == 2 and "unknown command 'nosuch'" in err


def test_an_unknown_model_fails_fast_naming_the_package_to_install(cli):
    started = time.monotonic()
    status, _, err = cli(SEED, "--model", "nosuch")
    assert status == 1 and "install the Python package 'nosuch'" in err
    assert time.monotonic() - started < 1.5


def test_a_bad_setting_in_the_environment_is_a_usage_error():
    status, _, err = run_on(io.StringIO(), SEED, environ={"BRIEFER_URL_TIMEOUT": "soon"})
    assert status == 2 and "BRIEFER_URL_TIMEOUT='soon'" in err


def test_smtp_never_takes_a_source_as_its_server(cli):
    status, out, err = cli(
        "mail", "--smtp", SEED, YEMEN, "--to", "ann@example.org", "--from", "me@example.org"
    )
    assert status == 2 and out == ""
    assert "is a source, not a server" in err


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_scripts_know_the_commands_and_options(cli, shell):
    status, out, _ = cli("completion", shell)
    assert status == 0
    for word in ("brief", "tui", "mail", "--format", "--sentences"):
        assert word.lstrip("-") in out


def test_completion_for_bash_is_valid_bash(cli, tmp_path):
    script = tmp_path / "briefer.bash"
    script.write_text(cli("completion", "bash")[1])
    assert subprocess.run(["bash", "-n", str(script)], timeout=30).returncode == 0


def test_ctrl_c_with_jobs_stops_cleanly(tmp_path):
    """SIGINT to the whole process group, as a terminal sends it: one line, no worker tracebacks."""
    import os
    import signal

    for k in range(12):
        for path in YEMEN.iterdir():
            (tmp_path / f"{k}_{path.name}").write_bytes(path.read_bytes())
    proc = subprocess.Popen(
        [sys.executable, "-m", "briefer", str(tmp_path), "--each", "-j", "2", "--format", "json"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    assert proc.stdout is not None and proc.stdout.readline(), "a first brief: the workers are busy"
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert err.strip().splitlines()[-1] == "briefer: interrupted"
    assert "Process ForkPoolWorker" not in err and "Traceback" not in err


def test_the_config_folder_comes_from_the_environment_object(tmp_path):
    """Tests (and embedders) give briefer its config folder; no real user file is read."""
    (tmp_path / "config.toml").write_text('[mail]\nfrom = "desk@example.org"\n', encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    env = Environment(io.BytesIO(), out, err, environ={"BRIEFER_NOW": "2026-01-02T03:04:05+00:00"})
    env.config_dir = tmp_path
    status = main(["mail", str(SEED), "--to", "ann@example.org", "--dry-run"], env)
    assert status == 0, err.getvalue()
    assert "desk@example.org" in out.getvalue()


def _light_briefs():
    from hostile_inputs import CASES

    return [
        c for c in CASES.values() if not c.heavy and c.expect == "brief" and not c.name.startswith("output")
    ]


@pytest.mark.hostile
@pytest.mark.parametrize("case", _light_briefs(), ids=lambda c: c.name)
def test_a_hostile_article_rendered_for_the_terminal_obeys_no_escape_of_its_own(case, tmp_path):
    """Rich draws the markdown; what the article held still arrives as text, never as a control."""
    import re

    from hostile_inputs import assert_no_controls, in_time

    run = case.make(tmp_path)
    out, err = Terminal(), io.StringIO()
    environ = {"BRIEFER_NOW": "2026-01-02T03:04:05+00:00", **run.env}
    env = Environment(io.BytesIO(run.stdin), out, err, environ=environ)
    argv = ["brief", *run.sources, "--color", "always", *run.options]
    status = in_time(lambda: main(argv, env))
    assert status == 0, err.getvalue()
    drawn = re.sub(r"\x1b\[[0-9;]*m", "", out.getvalue())  # Rich's own colours, and only those
    assert_no_controls(drawn, "the terminal rendering")
    for hidden in case.hidden:
        assert hidden not in drawn
