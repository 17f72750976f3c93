"""Every command has help with examples, and the README documents it."""

from __future__ import annotations

import pytest
from conftest import ROOT

from briefer.cli import COMMANDS, EXTRA_COMMANDS, _register_commands

_register_commands()
ALL_COMMANDS = [*COMMANDS, *EXTRA_COMMANDS]


def test_every_command_is_listed_in_the_top_level_help(cli):
    status, out, _ = cli("--help")
    assert status == 0
    for command in ALL_COMMANDS:
        assert f"    {command} " in out


@pytest.mark.parametrize("command", ALL_COMMANDS)
def test_every_command_has_its_own_help(cli, command):
    status, out, err = cli(command, "--help")
    assert status == 0 and err == ""
    assert f"usage: briefer {command}" in out and "SOURCE" in out


@pytest.mark.parametrize("command", ALL_COMMANDS)
def test_the_readme_shows_every_command(command):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"briefer {command} " in readme


def test_the_readme_setup_is_the_two_make_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make brief" in readme and "make test" in readme
    assert "make test" in (ROOT / ".ci" / "run").read_text()
