"""One error family for everything a user can get wrong, and the exit codes the CLI returns."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    OK = 0
    BAD_INPUT = 1
    USAGE = 2
    INTERNAL = 70  # a bug in briefer (EX_SOFTWARE)
    INTERRUPTED = 130


class BrieferError(Exception):
    """A problem the user can fix; its message is the one line the CLI prints."""

    exit_status = ExitStatus.BAD_INPUT


class InputError(BrieferError):
    """A source could not be read or holds no article."""


class UsageError(BrieferError):
    exit_status = ExitStatus.USAGE


class OutputError(BrieferError):
    """The brief could not be written where the user asked."""


class ModelError(BrieferError):
    """The spaCy model is missing or broken."""


class MailError(BrieferError):
    """A message could not be built or sent."""
