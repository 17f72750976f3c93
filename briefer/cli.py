"""The command line: one table of commands, parsed, dispatched; no analysis here.

Each command is a row of `COMMANDS`: its name, a one-line help and two lazy references,
"module:function", to the function that adds its arguments and the one that runs it. Nothing is
imported until a command is chosen, so `briefer --help` and `briefer brief --help` load neither
spaCy nor Textual, and no module registers itself by being imported. To add a command, add a row.

`main(argv, env)` returns an exit status instead of exiting and reads and writes only through `env`
(an `Environment`), so tests run the real command line in-process. Settings from the environment
are resolved once here (`Settings.resolve`) and handed to the command.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, NoReturn

from briefer import __version__
from briefer.arguments import one_line
from briefer.environment import Environment, Settings
from briefer.errors import BrieferError, ExitStatus, UsageError

__all__ = ["COMMANDS", "Command", "Environment", "main", "run"]

EXAMPLES = """\
examples:
  briefer samples/000_479c8156071b18c9.txt          brief of one article, as markdown
  briefer brief a.txt b.html --format text           one brief over two articles
  briefer brief samples/yemen_truce_2022/            every article in a folder
  curl -s URL | briefer brief - --format json        text on stdin
  briefer brief https://example.org/story -o brief.md
  briefer brief samples/*.txt --each -o briefs/      one brief per article
  briefer help mail                                  the help of one command
"""

Runner = Callable[[argparse.Namespace, Environment, Settings], int]


@dataclass(frozen=True, slots=True)
class Command:
    """One subcommand: `arguments` adds its options to a parser, `run(args, env, settings)` runs it
    and returns the exit status; both are "module:function", imported only when the command runs."""

    name: str
    help: str
    arguments: str
    run: str
    description: str = ""


COMMANDS: tuple[Command, ...] = (
    Command(
        "brief",
        "print the brief of one or more articles",
        "briefer.brief_command:add_arguments",
        "briefer.brief_command:run_brief",
        "Build one situation brief over the given articles (or one per article with --each).",
    ),
    Command(
        "tui",
        "read the brief in the terminal: sections, actors, positions, the source",
        "briefer.tui.command:add_arguments",
        "briefer.tui.command:run_tui",
    ),
    Command(
        "cache",
        "show or clear the briefs `briefer tui` keeps to open again at once",
        "briefer.cache:add_arguments",
        "briefer.cache:run",
    ),
    Command(
        "mail",
        "send a brief by email, or print the message for `sendmail -t`",
        "briefer.mail.command:add_arguments",
        "briefer.mail.command:run_mail",
    ),
    Command(
        "digest",
        "one brief per situation over RSS/Atom feeds and OPML lists, most carried first",
        "briefer.digest:add_arguments",
        "briefer.digest:run",
    ),
    Command(
        "completion",
        "print a shell completion script (bash, zsh or fish)",
        "briefer.completion:add_arguments",
        "briefer.completion:run_completion",
    ),
    Command(
        "help",
        "show the help of briefer or of one command",
        "briefer.cli:_help_arguments",
        "briefer.cli:_help",
    ),
    Command(
        "version",
        "show briefer's version and its spaCy model",
        "briefer.cli:_no_arguments",
        "briefer.cli:_version",
    ),
)
"""Every subcommand; `briefer SOURCE ...` is short for `briefer brief SOURCE ...`."""

DEFAULT_COMMAND = "brief"


class _Parser(argparse.ArgumentParser):
    """argparse that raises a one-line `UsageError` pointing to this (sub)command's own help."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def resolve(reference: str) -> Any:
    """The object a "module:function" reference names, imported now."""
    module, _, name = reference.partition(":")
    return getattr(importlib.import_module(module), name)


def find(name: str) -> Command:
    for command in COMMANDS:
        if command.name == name:
            return command
    raise UsageError(f"unknown command {name!r} (see 'briefer --help')")


def top_parser() -> argparse.ArgumentParser:
    """`briefer --help`: the commands and their one-line help, from the table alone."""
    parser = _Parser(
        prog="briefer",
        description="Turn news articles into a short, faithful situation brief, offline.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        usage="briefer [-h] [-V] COMMAND ...  |  briefer SOURCE ... (same as briefer brief SOURCE ...)",
    )
    parser.add_argument("-V", "--version", action="store_true", help="show the version and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        commands.add_parser(command.name, help=command.help)
    return parser


def command_parser(command: Command) -> argparse.ArgumentParser:
    """The full parser of one command (its `arguments` function imported and called)."""
    parser = _Parser(
        prog=f"briefer {command.name}",
        description=command.description or command.help[:1].upper() + command.help[1:] + ".",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    resolve(command.arguments)(parser)
    return parser


def split_argv(argv: Sequence[str]) -> tuple[str | None, list[str]]:
    """(command name, its arguments); None for the top level (`--help`, `--version`, nothing)."""
    argv = list(argv)
    if not argv or argv[0] in ("-h", "--help", "-V", "--version"):
        return None, argv
    if any(argv[0] == c.name for c in COMMANDS):
        return argv[0], argv[1:]
    return DEFAULT_COMMAND, argv


def main(argv: Sequence[str] | None = None, env: Environment | None = None) -> int:
    """Run briefer's command line with `argv` (default: the process's) in `env`; return the exit
    status: 0 done, 1 bad input, 2 usage error, 70 a bug in briefer, 130 interrupted."""
    import sys

    env = env or Environment()
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        with contextlib.redirect_stdout(env.stdout):
            return _dispatch(argv, env)
    except SystemExit as exc:  # --help exits 0 through argparse
        return int(exc.code or 0)
    except BrieferError as exc:
        env.stderr.write(f"briefer: error: {one_line(str(exc))}\n")
        return int(exc.exit_status)
    except KeyboardInterrupt:
        env.stderr.write("briefer: interrupted\n")
        return ExitStatus.INTERRUPTED
    except BrokenPipeError:
        return ExitStatus.OK
    except MemoryError:
        env.stderr.write("briefer: error: out of memory on this input\n")
        return ExitStatus.BAD_INPUT
    except RecursionError:
        env.stderr.write("briefer: error: input nested too deeply to read\n")
        return ExitStatus.BAD_INPUT
    except Exception as exc:  # a bug: still one line, never a traceback (BRIEFER_DEBUG=1 shows it)
        if env.environ.get("BRIEFER_DEBUG"):
            raise
        env.stderr.write(f"briefer: error: internal error ({type(exc).__name__}: {one_line(str(exc))})\n")
        return ExitStatus.INTERNAL


def _dispatch(argv: list[str], env: Environment) -> int:
    name, rest = split_argv(argv)
    if name is None:
        if not argv:
            top_parser().print_help(env.stdout)
            return ExitStatus.USAGE
        if argv[0] in ("-V", "--version"):
            return _version(argparse.Namespace(), env, Settings.resolve(env))
        top_parser().parse_args(argv)  # --help: prints and exits 0
        return ExitStatus.OK
    command = find(name)
    args = command_parser(command).parse_args(rest)
    args.command = name
    runner: Runner = resolve(command.run)
    return runner(args, env, Settings.resolve(env))


def run(argv: Sequence[str], stdin: bytes = b"") -> tuple[int, str, str]:
    """Run the command line in-process and capture its output (for tests and notebooks)."""
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), Environment(io.BytesIO(stdin), out, err))
    return status, out.getvalue(), err.getvalue()


# ------------------------------------------------------------------------------ help and version


def _no_arguments(parser: argparse.ArgumentParser) -> None:
    del parser


def _help_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("topic", nargs="?", metavar="COMMAND", help="the command to explain")


def _help(args: argparse.Namespace, env: Environment, settings: Settings | None) -> int:
    if args.topic is None:
        top_parser().print_help(env.stdout)
    else:
        command_parser(find(args.topic)).print_help(env.stdout)
    return ExitStatus.OK


def _version(args: argparse.Namespace, env: Environment, settings: Settings | None) -> int:
    from briefer.nlp import describe_model

    env.stdout.write(f"briefer {__version__} ({describe_model(settings.model if settings else None)})\n")
    return ExitStatus.OK
