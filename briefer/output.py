"""Writing results: atomically (temporary file, then rename), so a failed run loses nothing."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from briefer.errors import OutputError


def check_target(path: str | Path, *, overwrite: bool = True) -> Path:
    """`path` as a file `write_atomic` could write, else `OutputError`: for a dry run, and first
    thing in a real one."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{target}: folder {folder} does not exist")
    if target.is_dir():
        raise OutputError(f"{target}: is a folder")
    if not overwrite and target.exists():
        raise OutputError(f"{target}: already exists")
    return target


def write_atomic(path: str | Path, data: str | bytes, *, overwrite: bool = True) -> Path:
    """Write `data` to `path` via a temporary file in the same folder and an atomic rename."""
    target = check_target(path, overwrite=overwrite)
    folder = target.parent if str(target.parent) else Path(".")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"{target}: cannot write ({exc.strerror or exc})") from None
    return target
