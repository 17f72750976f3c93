"""The command line: parses arguments, calls the pipeline, picks a renderer. No analysis here.

`main(argv, env)` returns an exit status instead of exiting, and reads and writes only through
`env`, so tests run the real command line in-process.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, NoReturn

from briefer import __version__
from briefer.errors import BrieferError, ExitStatus, UsageError

EXAMPLES = """\
examples:
  briefer samples/000_479c8156071b18c9.txt          brief of one article, as markdown
  briefer brief a.txt b.html --format text           one brief over two articles
  briefer brief samples/yemen_truce_2022/            every article in a folder
  curl -s URL | briefer brief - --format json        text on stdin
  briefer brief https://example.org/story -o brief.md
  briefer brief samples/*.txt --each -o briefs/      one brief per article
"""

COMMANDS = ("brief",)
"""Subcommands; `briefer SOURCE` is short for `briefer brief SOURCE`."""


@dataclass
class Environment:
    """Where the command line reads and writes; tests pass their own."""

    stdin: IO[bytes] = field(default_factory=lambda: sys.stdin.buffer)
    stdout: IO[str] = field(default_factory=lambda: sys.stdout)
    stderr: IO[str] = field(default_factory=lambda: sys.stderr)

    @property
    def stdout_isatty(self) -> bool:
        return bool(getattr(self.stdout, "isatty", lambda: False)())

    @property
    def stderr_isatty(self) -> bool:
        return bool(getattr(self.stderr, "isatty", lambda: False)())


class _Parser(argparse.ArgumentParser):
    """argparse that raises a one-line `UsageError` instead of printing usage and exiting."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def build_parser() -> argparse.ArgumentParser:
    from briefer.render import RENDERERS
    from briefer.summarize import ALGORITHMS, DEFAULT_ALGORITHM

    parser = _Parser(
        prog="briefer",
        description="Turn news articles into a short, faithful situation brief, offline.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"briefer {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    brief = commands.add_parser(
        "brief",
        help="print the brief of one or more articles",
        description="Build one situation brief over the given articles (or one per article with --each).",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_source_options(brief, ALGORITHMS, DEFAULT_ALGORITHM)
    brief.add_argument(
        "-f", "--format", choices=list(RENDERERS), default="markdown", help="output format (default markdown)"
    )
    brief.add_argument("-o", "--output", metavar="FILE", help="write to FILE (with --each: a folder)")
    brief.add_argument("--each", action="store_true", help="one brief per source")
    brief.add_argument("--force", action="store_true", help="overwrite existing files with --each")
    brief.add_argument(
        "-j", "--jobs", type=_positive_int, default=1, metavar="N", help="with --each: N worker processes"
    )
    for name, add in EXTRA_COMMANDS.items():
        summary = (add.__doc__ or "").strip().splitlines()[0] if add.__doc__ else None
        add(commands.add_parser(name, help=summary, formatter_class=argparse.RawDescriptionHelpFormatter))
    return parser


def add_source_options(
    parser: argparse.ArgumentParser, algorithms: dict[str, str], default_algorithm: str
) -> None:
    """The options every command that builds a brief shares (brief, tui, mail)."""
    parser.add_argument("sources", nargs="+", metavar="SOURCE", help="file, folder, URL, or - for stdin")
    parser.add_argument("-n", "--sentences", type=_positive_int, help="bottom line length in sentences")
    parser.add_argument("--ratio", type=_ratio, help="bottom line length as a share of the sentences")
    parser.add_argument(
        "-a",
        "--algorithm",
        choices=list(algorithms),
        default=default_algorithm,
        help=f"summarizer (default {default_algorithm})",
    )
    parser.add_argument("--model", help="spaCy pipeline to load (default en_core_web_sm)")


EXTRA_COMMANDS: dict[str, Callable[[argparse.ArgumentParser], None]] = {}
"""Other subcommands (tui, mail) register here: name -> function that adds their arguments."""
HANDLERS: dict[str, Callable[[argparse.Namespace, Environment], int]] = {}


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def _ratio(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if not 0 < number <= 1:
        raise argparse.ArgumentTypeError("must be in (0, 1]")
    return number


def options_from(args: argparse.Namespace) -> Any:
    from briefer.pipeline import BriefOptions

    return BriefOptions(
        sentences=args.sentences,
        ratio=args.ratio,
        algorithm=args.algorithm,
        model=args.model,
        now=_now(os.environ),
    )


def _now(environ: Mapping[str, str]) -> datetime:
    """`BRIEFER_NOW` (an ISO 8601 time, for reproducible output) or the current time."""
    fixed = environ.get("BRIEFER_NOW")
    if fixed:
        try:
            return datetime.fromisoformat(fixed)
        except ValueError:
            raise UsageError(f"BRIEFER_NOW={fixed!r} is not an ISO 8601 time") from None
    return datetime.now(UTC).replace(microsecond=0)


def _normalise_argv(argv: Sequence[str]) -> list[str]:
    """`briefer SOURCE ...` means `briefer brief SOURCE ...`."""
    argv = list(argv)
    known = set(COMMANDS) | set(EXTRA_COMMANDS) | set(OPTIONAL_COMMANDS)
    first = next((a for a in argv if not a.startswith("-") or a == "-"), None)
    if argv and argv[0] not in ("-h", "--help", "--version") and first not in known:
        return ["brief", *argv]
    return argv


def main(argv: Sequence[str] | None = None, env: Environment | None = None) -> int:
    env = env or Environment()
    argv = sys.argv[1:] if argv is None else argv
    _register_commands(argv)
    try:
        parser = build_parser()
        if not argv:
            parser.print_help(env.stdout)
            return ExitStatus.USAGE
        try:
            with contextlib.redirect_stdout(env.stdout):
                args = parser.parse_args(_normalise_argv(argv))
        except SystemExit as exc:  # --help and --version exit 0 through argparse
            return int(exc.code or 0)
        handler = HANDLERS.get(args.command, run_brief)
        return handler(args, env)
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
        if os.environ.get("BRIEFER_DEBUG"):
            raise
        env.stderr.write(f"briefer: error: internal error ({type(exc).__name__}: {one_line(str(exc))})\n")
        return ExitStatus.INTERNAL


def one_line(message: str) -> str:
    """One line with control characters made visible: messages quote paths, URLs and servers."""
    from briefer.ingest.decode import printable

    return " ".join(printable(message).split()) or "unknown error"


OPTIONAL_COMMANDS = {
    "tui": "briefer.tui.command",
    "mail": "briefer.mail.command",
    "digest": "briefer.feeds.command",
}


def _register_commands(argv: Sequence[str] | None = None) -> None:
    """Import the optional subcommands (each adds itself to EXTRA_COMMANDS and HANDLERS).

    A plain `brief` run imports none of them (the mail module alone costs ~60 ms of start-up);
    help, and a run of one of them, imports what is needed.
    """
    words = list(argv) if argv is not None else None
    wanted = [
        module
        for name, module in OPTIONAL_COMMANDS.items()
        if words is None or name in words or not words or words[0] in ("-h", "--help")
    ]
    for module in wanted:
        try:
            __import__(module)
        except ModuleNotFoundError as exc:
            if exc.name is None or not module.startswith(exc.name):
                raise


def stdin_bytes(args: argparse.Namespace, env: Environment) -> bytes | None:
    if "-" not in args.sources:
        return None
    from briefer.ingest.read import MAX_BYTES

    return env.stdin.read(MAX_BYTES + 1)


def run_brief(args: argparse.Namespace, env: Environment) -> int:
    from briefer.pipeline import build_brief
    from briefer.render import RENDERERS

    stdin = stdin_bytes(args, env)
    if args.each:
        return _run_each(args, env, stdin)
    brief = build_brief(args.sources, options_from(args), stdin_bytes=stdin)
    rendered = RENDERERS[args.format].render(brief)
    if args.output:
        from briefer.output import write_atomic

        write_atomic(args.output, rendered)
    else:
        env.stdout.write(rendered)
        env.stdout.flush()
    for note in brief.notes:
        env.stderr.write(f"briefer: note: {one_line(note)}\n")
    return ExitStatus.OK


def _run_each(args: argparse.Namespace, env: Environment, stdin: bytes | None) -> int:
    """One brief per source: JSON Lines (or documents in turn) on stdout, or files in a folder."""
    from briefer.batch import Progress, iter_briefs
    from briefer.ingest import expand_sources
    from briefer.output import write_atomic
    from briefer.render import RENDERERS
    from briefer.render.json import render_line

    renderer = RENDERERS[args.format]
    folder = Path(args.output) if args.output else None
    if folder is not None and not folder.is_dir():
        raise UsageError(f"{folder}: with --each, -o names an existing folder")
    locations = expand_sources(list(args.sources))
    progress = Progress(env.stderr, len(locations)) if env.stderr_isatty else None
    status = ExitStatus.OK
    results = iter_briefs(locations, options_from(args), stdin_bytes=stdin, jobs=args.jobs)
    for location, brief, error in results:
        if progress is not None:
            progress.clear()
        if error is not None or brief is None:
            env.stderr.write(f"briefer: error: {one_line(error or 'failed')}\n")
            status = ExitStatus.BAD_INPUT
        elif folder is not None:
            name = Path(location).stem if location not in ("-", "<stdin>") else "stdin"
            target = folder / f"{name}{renderer.extension}"
            write_atomic(target, renderer.render(brief), overwrite=args.force)
            if env.stdout_isatty and progress is None:
                env.stderr.write(f"briefer: wrote {one_line(str(target))}\n")
        elif args.format == "json":
            env.stdout.write(render_line(brief))
        else:
            env.stdout.write(renderer.render(brief) + "\n")
        env.stdout.flush()
        if progress is not None:
            progress.advance(error is None)
    if progress is not None:
        progress.close()
    return status


def run(argv: Sequence[str], stdin: bytes = b"") -> tuple[int, str, str]:
    """Run the command line in-process and capture its output (for tests and notebooks)."""
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), Environment(io.BytesIO(stdin), out, err))
    return status, out.getvalue(), err.getvalue()
