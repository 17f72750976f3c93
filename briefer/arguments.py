"""What every command that builds a brief shares: its source options, and how they become options.

`brief`, `tui` and `mail` (and any command added to the table in `briefer.cli`) call
`add_source_options` on their parser and `brief_options` on the parsed arguments, so the same flag
means the same thing everywhere. This module imports neither spaCy nor Textual (it serves `--help`).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from briefer.environment import Environment, Settings

if TYPE_CHECKING:
    from briefer.pipeline import BriefOptions


def add_source_options(parser: argparse.ArgumentParser) -> None:
    """SOURCE..., the bottom line's length (-n or --ratio, not both), --algorithm and --model."""
    from briefer.summarize import ALGORITHMS, DEFAULT_ALGORITHM

    parser.add_argument("sources", nargs="+", metavar="SOURCE", help="file, folder, URL, or - for stdin")
    length = parser.add_mutually_exclusive_group()
    length.add_argument("-n", "--sentences", type=positive_int, help="bottom line length in sentences")
    length.add_argument("--ratio", type=ratio, help="bottom line length as a share of the sentences")
    parser.add_argument(
        "-a",
        "--algorithm",
        choices=list(ALGORITHMS),
        default=DEFAULT_ALGORITHM,
        help=f"summarizer (default {DEFAULT_ALGORITHM})",
    )
    parser.add_argument(
        "--model", help="spaCy pipeline to load (default: $BRIEFER_MODEL, else en_core_web_sm)"
    )


def brief_options(args: argparse.Namespace, settings: Settings) -> BriefOptions:
    """The parsed source options, with what the environment decided (model, clock)."""
    from briefer.pipeline import BriefOptions

    return BriefOptions(
        sentences=args.sentences,
        ratio=args.ratio,
        algorithm=args.algorithm,
        model=args.model or settings.model,
        now=settings.now,
    )


def stdin_bytes(args: argparse.Namespace, env: Environment) -> bytes | None:
    """What `-` reads: the environment's stdin, bounded, read once (None when no source is `-`)."""
    if "-" not in args.sources:
        return None
    from briefer.ingest.read import MAX_BYTES

    return env.stdin.read(MAX_BYTES + 1)


def one_line(message: str) -> str:
    """One line with control characters made visible: messages quote paths, URLs and servers."""
    from briefer.ingest.decode import printable

    return " ".join(printable(message).split()) or "unknown error"


def positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def bounded_float(value: str, high: float, rule: str) -> float:
    """`value` as a number in (0, high], else an argparse error saying `rule` (one line)."""
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if not 0 < number <= high:  # also refuses nan
        raise argparse.ArgumentTypeError(rule)
    return number


def ratio(value: str) -> float:
    return bounded_float(value, 1, "must be in (0, 1]")
