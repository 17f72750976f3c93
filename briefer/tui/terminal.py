"""Keys from the terminal when the article came on standard input (`cat story.txt | briefer tui -`).

Textual reads keys from file descriptor 0. Once the article has been read from a pipe there, the
terminal itself (`/dev/tty`) takes its place, as `less` and `fzf` do.
"""

from __future__ import annotations

import os

from briefer.errors import InputError


def keys_from_terminal(fd: int = 0, terminal: str = "/dev/tty") -> None:
    """Make `fd` read from `terminal` if it is not a terminal already."""
    if os.isatty(fd):
        return
    try:
        tty = os.open(terminal, os.O_RDONLY | os.O_NOCTTY)
    except OSError as exc:
        raise InputError(
            f"the article came on standard input and there is no terminal for keys: {exc}"
        ) from exc
    try:
        os.dup2(tty, fd)
    finally:
        os.close(tty)
