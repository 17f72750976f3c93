"""Writing results without losing or damaging anything the user has.

A regular file is written atomically (a temporary file in the same folder, then a rename), so a
failed run leaves the old file as it was; the new file gets the old one's permissions, or those
the umask gives a new file. A FIFO or character device (`-o /dev/null`, a named pipe) is written
into, never replaced by a regular file; a block device or socket is refused. With `--each`, every
target name is chosen and checked before the first brief is written (`each_targets`).
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from briefer.errors import OutputError
from briefer.textsafe import display_path


def check_target(path: str | Path, *, overwrite: bool = True) -> Path:
    """`path` as a file `write_atomic` could write, else `OutputError`: for a dry run, and first
    thing in a real one."""
    target = Path(path)
    shown = display_path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{shown}: folder {display_path(folder)} does not exist")
    if target.is_dir():
        raise OutputError(f"{shown}: is a folder")
    kind = _kind(target)
    # a pipe or character device (`-o /dev/stdout`, a FIFO) is written into, never overwritten
    if not overwrite and kind is None and (target.exists() or target.is_symlink()):
        raise OutputError(f"{shown}: already exists")
    if kind in ("block device", "socket"):
        raise OutputError(f"{shown}: is a {kind}; not written")
    return target


def _kind(path: Path) -> str | None:
    """What is at `path` if it is not a regular file (None for a regular file or nothing)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return None
    for test, kind in (
        (stat.S_ISFIFO, "pipe"),
        (stat.S_ISCHR, "character device"),
        (stat.S_ISBLK, "block device"),
        (stat.S_ISSOCK, "socket"),
    ):
        if test(mode):
            return kind
    return None


def write_atomic(path: str | Path, data: str | bytes, *, overwrite: bool = True) -> Path:
    """Write `data` to `path`: atomically for a regular file (keeping its mode), straight into a
    pipe or character device."""
    target = check_target(path, overwrite=overwrite)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if _kind(target) is not None:
        return _write_into(target, payload)
    real = target.resolve() if target.is_symlink() else target  # keep the link, replace its file
    folder = real.parent if str(real.parent) else Path(".")
    mode = _mode_for(real)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"{display_path(target)}: cannot write ({exc.strerror or exc})") from None
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        os.replace(tmp, real)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"{display_path(target)}: cannot write ({exc.strerror or exc})") from None
    return target


def _mode_for(path: Path) -> int:
    """An existing file's permissions, else what the umask leaves of 0666 (as `open` would)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def _write_into(target: Path, payload: bytes) -> Path:
    """Write into a pipe or character device as it is; a pipe nobody reads is an error, not a hang."""
    try:
        fd = os.open(target, os.O_WRONLY | os.O_NONBLOCK)
    except OSError as exc:
        reason = "a pipe nobody reads" if exc.errno == 6 else (exc.strerror or str(exc))  # ENXIO
        raise OutputError(f"{display_path(target)}: cannot write ({reason})") from None
    try:
        os.set_blocking(fd, True)
        view = memoryview(payload)
        while view:
            view = view[os.write(fd, view) :]
    except OSError as exc:
        raise OutputError(f"{display_path(target)}: cannot write ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
    return target


def each_targets(locations: Sequence[str], folder: Path, extension: str, *, overwrite: bool) -> list[Path]:
    """The file each source's brief goes to with `--each -o FOLDER`, in order, all distinct:
    `story.md`, or `story.html.md` and `story.txt.md` when two sources share a stem (a number is
    added if they share the whole name). Without `overwrite`, an existing file is an error before
    anything is written, so a clash never stops a batch halfway."""
    stems = [_stem(location, full=False) for location in locations]
    clashing = {stem for stem, count in Counter(stems).items() if count > 1}
    names = [
        _stem(loc, full=True) if stem in clashing else stem
        for loc, stem in zip(locations, stems, strict=True)
    ]
    seen: Counter[str] = Counter()
    targets: list[Path] = []
    for name in names:
        seen[name] += 1
        unique = name if seen[name] == 1 else f"{name}-{seen[name]}"
        targets.append(folder / f"{unique}{extension}")
    existing = [t for t in targets if t.exists() or t.is_symlink()]
    if existing and not overwrite:
        more = f" (and {len(existing) - 1} more)" if len(existing) > 1 else ""
        raise OutputError(
            f"{display_path(existing[0])}: already exists{more}; use --force to replace; nothing written"
        )
    for target in targets:
        check_target(target)
    return targets


def _stem(location: str, *, full: bool) -> str:
    if location in ("-", "<stdin>"):
        return "stdin"
    name = location.split("?", 1)[0].rstrip("/")
    path = Path(name)
    return (path.name if full else path.stem) or "brief"
