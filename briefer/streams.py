"""Standard input and output as the command line uses them, when they are closed or full.

A closed stdin or stdout (`<&-`, `>&-`) leaves `sys.stdin`/`sys.stdout` as None; a full disk
(`>/dev/full`) makes a write or flush fail, and Python would fail again when it flushes at exit
(a second message and exit 120). Here each becomes one `briefer: error:` line and exit 1; after a
failed write, stdout points at /dev/null so the exit flush has nothing to fail on.
"""

from __future__ import annotations

import io
import os
import sys
from typing import IO, Any, cast

from briefer.errors import InputError, OutputError


class _ClosedInput(io.RawIOBase):
    """Stands for a closed stdin: reading it is an error (only `-` reads it)."""

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        raise InputError("standard input is closed; nothing to read for -")

    def isatty(self) -> bool:
        return False


def stdin_stream() -> IO[bytes]:
    """`sys.stdin.buffer`, or a stand-in whose reading is one clear error when stdin is closed."""
    if sys.stdin is None:
        return cast(IO[bytes], _ClosedInput())
    return sys.stdin.buffer


class _GuardedOutput:
    """A text stream whose write and flush failures become `OutputError` (a full disk, a closed
    stream); a broken pipe stays `BrokenPipeError`, which the command line treats as a quiet end."""

    def __init__(self, stream: IO[str] | None) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return int(self._guard(lambda stream: stream.write(text)))

    def flush(self) -> None:
        self._guard(lambda stream: stream.flush())

    def isatty(self) -> bool:
        return self._stream is not None and self._stream.isatty()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)

    def _guard(self, action: Any) -> Any:
        if self._stream is None:
            raise OutputError("standard output is closed; use -o FILE")
        try:
            return action(self._stream)
        except BrokenPipeError:
            _silence(self._stream)
            raise
        except OSError as exc:
            _silence(self._stream)
            reason = (exc.strerror or str(exc)).lower()
            raise OutputError(f"cannot write to standard output ({reason})") from None


def _silence(stream: IO[str]) -> None:
    """Point the stream's descriptor at /dev/null, so flushing what is left at exit succeeds."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)
    except (OSError, ValueError, io.UnsupportedOperation):
        pass


def stdout_stream() -> IO[str]:
    """`sys.stdout` with its failures made one clear error."""
    return cast(IO[str], _GuardedOutput(sys.stdout))
