"""Where a command runs, and the settings it takes from there, resolved once at the edge.

`Environment` is what the process gives the command line (streams, environment variables, clock,
config folder); tests pass their own. `Settings.resolve` reads every `BRIEFER_*` variable in one
place and checks it, so the core (pipeline, ingest, nlp) never reads `os.environ`: what it needs
comes in as options.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from briefer.errors import UsageError
from briefer.streams import stdin_stream, stdout_stream


def _utc_now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


@dataclass
class Environment:
    """Where the command line reads and writes, what it knows of the process, and its clock."""

    stdin: IO[bytes] = field(default_factory=stdin_stream)  # closed or full: one error line
    stdout: IO[str] = field(default_factory=stdout_stream)
    stderr: IO[str] = field(default_factory=lambda: sys.stderr)
    environ: Mapping[str, str] = field(default_factory=lambda: os.environ)
    clock: Callable[[], datetime] = _utc_now
    config_dir: Path | None = None
    """None: the user's config folder (`~/.config/briefer` on Linux), found when first asked for."""

    @property
    def stdout_isatty(self) -> bool:
        return bool(getattr(self.stdout, "isatty", lambda: False)())

    @property
    def stderr_isatty(self) -> bool:
        return bool(getattr(self.stderr, "isatty", lambda: False)())

    @property
    def stdin_isatty(self) -> bool:
        return bool(getattr(self.stdin, "isatty", lambda: False)())

    def config_folder(self) -> Path:
        if self.config_dir is not None:
            return self.config_dir
        from platformdirs import user_config_path

        return user_config_path("briefer")


@dataclass(frozen=True, slots=True)
class Settings:
    """Every setting taken from the environment, checked: a bad value is a usage error up front."""

    now: datetime
    model: str | None = None
    url_timeout: float | None = None
    """None: the reader's default (10 s)."""
    debug: bool = False
    no_color: bool = False
    tui_timing: str | None = None

    @classmethod
    def resolve(cls, env: Environment) -> Settings:
        environ = env.environ
        return cls(
            now=_fixed_now(environ.get("BRIEFER_NOW")) or env.clock(),
            model=environ.get("BRIEFER_MODEL") or None,
            url_timeout=_url_timeout(environ.get("BRIEFER_URL_TIMEOUT")),
            debug=bool(environ.get("BRIEFER_DEBUG")),
            no_color=bool(environ.get("NO_COLOR")),
            tui_timing=environ.get("BRIEFER_TUI_TIMING") or None,
        )


def _fixed_now(value: str | None) -> datetime | None:
    """`BRIEFER_NOW`, an ISO 8601 time, makes output reproducible (tests, golden files)."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise UsageError(f"BRIEFER_NOW={value!r} is not an ISO 8601 time") from None


def _url_timeout(value: str | None) -> float | None:
    if value is None or value == "":
        return None
    try:
        timeout = float(value)
    except ValueError:
        raise UsageError(f"BRIEFER_URL_TIMEOUT={value!r} is not a number of seconds") from None
    if not 0 < timeout < float("inf"):
        raise UsageError(f"BRIEFER_URL_TIMEOUT={value!r} must be a positive number of seconds")
    return timeout
