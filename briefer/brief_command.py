"""`briefer brief SOURCE...`: one brief over all sources, or one per source (`--each`).

Output rules, the same for every format: on a terminal, markdown is rendered by Rich (`--color`,
`NO_COLOR`); piped or written with `-o`, it stays raw markdown. `-o` never replaces an existing
file unless `--force` (with `--each`, `-o` names a folder, made if missing, and the rule holds for
each file in it). Exit status: 0 only when every source was read and briefed; 1 when one was not
(the others' briefs are still printed or written), unless `--partial` accepts that.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from briefer.arguments import add_source_options, brief_options, one_line, positive_int, stdin_bytes
from briefer.environment import Environment, Settings
from briefer.errors import ExitStatus, InputError, OutputError, UsageError
from briefer.model import Brief

COLORS = ("auto", "always", "never")
EACH_SEPARATOR = "\n---\n\n"
"""Between two briefs printed by `--each` in markdown or text: a thematic break."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from briefer.cli import EXAMPLES
    from briefer.render import RENDERERS

    parser.epilog = EXAMPLES
    add_source_options(parser)
    parser.add_argument(
        "-f", "--format", choices=list(RENDERERS), default="markdown", help="output format (default markdown)"
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE (with --each: a folder)")
    parser.add_argument("--force", action="store_true", help="with -o: replace existing files")
    parser.add_argument("--each", action="store_true", help="one brief per source")
    parser.add_argument(
        "-j", "--jobs", type=positive_int, default=1, metavar="N", help="with --each: N worker processes"
    )
    parser.add_argument(
        "--partial", action="store_true", help="exit 0 even if some sources could not be read"
    )
    parser.add_argument(
        "--all", action="store_true", help="every actor and position (default: the top ones; JSON has all)"
    )
    parser.add_argument(
        "--color",
        choices=COLORS,
        default="auto",
        help="render markdown for the terminal: auto (when stdout is one), always, never; "
        "NO_COLOR drops the colours",
    )


def run_brief(args: argparse.Namespace, env: Environment, settings: Settings) -> int:
    _check(args)
    stdin = stdin_bytes(args, env)
    if args.each:
        return _run_each(args, env, settings, stdin)
    from briefer.pipeline import analyse, compose, load
    from briefer.render import RENDERERS

    options = brief_options(args, settings)
    loaded = load(args.sources, stdin_bytes=stdin, url_timeout=settings.url_timeout)
    brief = compose(analyse(loaded, options), options)
    rendered = RENDERERS[args.format].render(_shown(brief, args))
    if args.output:
        from briefer.output import write_atomic

        write_atomic(args.output, rendered, overwrite=args.force)
    else:
        _print(rendered, args, env, settings)
    for note in brief.notes:
        env.stderr.write(f"briefer: note: {one_line(note)}\n")
    unread = [s for s in brief.sources if s.error]
    if unread and not args.partial:
        count = f"{len(unread)} of {len(brief.sources)}"
        env.stderr.write(f"briefer: error: {count} sources not read (--partial accepts that)\n")
        return ExitStatus.BAD_INPUT
    return ExitStatus.OK


def _check(args: argparse.Namespace) -> None:
    """Options that only mean something together are refused apart, not silently ignored."""
    if args.force and not args.output:
        raise UsageError("--force only applies with -o/--output (see 'briefer brief --help')")
    if args.jobs > 1 and not args.each:
        raise UsageError("--jobs only applies with --each (see 'briefer brief --help')")
    if args.output and not args.each:
        from briefer.output import check_target

        check_target(args.output, overwrite=args.force)  # before seconds of work, not after


def _print(rendered: str, args: argparse.Namespace, env: Environment, settings: Settings) -> None:
    """Markdown rendered by Rich on a terminal (or with --color always); anything else as it is."""
    styled = args.format == "markdown" and (
        args.color == "always" or (args.color == "auto" and env.stdout_isatty)
    )
    if not styled:
        env.stdout.write(rendered)
        env.stdout.flush()
        return
    from rich.console import Console
    from rich.markdown import Markdown

    no_color = settings.no_color and args.color != "always"
    console = Console(
        file=env.stdout, force_terminal=True, no_color=no_color, highlight=False, soft_wrap=False
    )
    console.print(Markdown(rendered, hyperlinks=False))


def _run_each(args: argparse.Namespace, env: Environment, settings: Settings, stdin: bytes | None) -> int:
    """One brief per source: JSON Lines (or documents in turn) on stdout, or files in a folder."""
    from briefer.batch import iter_briefs, progress_bar
    from briefer.ingest import expand_sources
    from briefer.output import each_targets, write_atomic
    from briefer.render import RENDERERS

    renderer = RENDERERS[args.format]
    folder = _each_folder(args.output)
    locations = expand_sources(list(args.sources))
    targets = each_targets(locations, folder, renderer.extension, overwrite=args.force) if folder else []
    results = iter_briefs(
        locations,
        brief_options(args, settings),
        stdin_bytes=stdin,
        jobs=args.jobs,
        url_timeout=settings.url_timeout,
    )
    failed = 0
    with progress_bar(env.stderr, len(locations), enabled=env.stderr_isatty) as progress:
        for k, (_location, brief, error) in enumerate(results):
            if error is not None or brief is None:
                progress.print(f"briefer: error: {one_line(error or 'failed')}")
                failed += 1
            elif folder is not None:
                try:
                    write_atomic(targets[k], renderer.render(_shown(brief, args)), overwrite=args.force)
                except OutputError as exc:
                    progress.print(f"briefer: error: {one_line(str(exc))}")
                    failed += 1
            elif args.format == "json":
                from briefer.render.json import render_line

                env.stdout.write(render_line(brief))
            else:
                env.stdout.write((EACH_SEPARATOR if k else "") + renderer.render(_shown(brief, args)))
            env.stdout.flush()
            progress.advance(error is None)
    if failed and not (args.partial and failed < len(locations)):
        return ExitStatus.BAD_INPUT
    return ExitStatus.OK


def _shown(brief: Brief, args: argparse.Namespace) -> Brief:
    """The top actors and positions for reading, unless --all; JSON always keeps every one."""
    from briefer.salience import shown

    return brief if args.all or args.format == "json" else shown(brief)


def _each_folder(output: str | None) -> Path | None:
    """With --each, -o names a folder: made when missing, refused when it is a file."""
    if output is None:
        return None
    folder = Path(output)
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder}: with --each, -o names a folder, and this is a file")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"{folder}: cannot make the folder ({exc.strerror or exc})") from None
    return folder
