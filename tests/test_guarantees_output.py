"""`write_atomic`, the one way briefer writes a user's file: whole or not at all.

The command-line tests run it through `-o`; these pin each promise in-process, where a failing
disk is simulated at the write itself (half the bytes, then "No space left on device").
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from conftest import SEED

from briefer.errors import OutputError
from briefer.output import check_target, write_atomic

OLD = "yesterday's brief\n"


@pytest.fixture()
def full_disk(monkeypatch):
    """Every file opened for writing takes half of what it is given, then fails as a full disk."""
    real = os.fdopen

    class _Half:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, data):
            self.handle.write(data[: len(data) // 2])
            self.handle.flush()
            raise OSError(errno.ENOSPC, "No space left on device")

    def _fdopen(fd, mode="r", *args, **kwargs):
        handle = real(fd, mode, *args, **kwargs)
        return _Half(handle) if "w" in mode else handle

    monkeypatch.setattr(os, "fdopen", _fdopen)


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary_file(tmp_path, full_disk):
    target = tmp_path / "brief.md"
    target.write_text(OLD, encoding="utf-8")
    with pytest.raises(OutputError) as exc:
        write_atomic(target, "a new brief, " * 100)
    assert str(exc.value) == f"{target}: cannot write (No space left on device)"
    assert target.read_text(encoding="utf-8") == OLD
    assert _names(tmp_path) == ["brief.md"]


def test_brief_dash_o_on_a_full_disk_is_one_error_line_and_the_old_file(tmp_path, cli, full_disk):
    target = tmp_path / "brief.md"
    target.write_text(OLD, encoding="utf-8")
    status, out, err = cli("brief", SEED, "-o", target, "--force")
    assert (status, out) == (1, "")
    assert err == f"briefer: error: {target}: cannot write (No space left on device)\n"
    assert target.read_text(encoding="utf-8") == OLD and _names(tmp_path) == ["brief.md"]


def test_text_is_written_as_utf8_and_bytes_as_given(tmp_path):
    write_atomic(tmp_path / "a.md", "Zürich – “talks”\n")
    assert (tmp_path / "a.md").read_bytes() == "Zürich – “talks”\n".encode()
    write_atomic(tmp_path / "b.eml", b"\x00\xff raw")
    assert (tmp_path / "b.eml").read_bytes() == b"\x00\xff raw"
    assert _names(tmp_path) == ["a.md", "b.eml"]


def test_a_bare_file_name_is_written_in_the_working_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert write_atomic("brief.md", "text") == Path("brief.md")
    assert (tmp_path / "brief.md").read_text(encoding="utf-8") == "text"
    assert _names(tmp_path) == ["brief.md"]


def test_the_temporary_file_is_hidden_beside_the_target(tmp_path, monkeypatch):
    import tempfile

    seen = []
    real = tempfile.mkstemp

    def _mkstemp(*args, **kwargs):
        fd, name = real(*args, **kwargs)
        seen.append(Path(name))
        return fd, name

    monkeypatch.setattr(tempfile, "mkstemp", _mkstemp)
    write_atomic(tmp_path / "brief.md", "text")
    assert len(seen) == 1 and seen[0].parent == tmp_path
    assert seen[0].name.startswith(".brief.md.") and seen[0].name.endswith(".tmp")


def test_a_folder_that_refuses_a_temporary_file_is_one_error(tmp_path, monkeypatch):
    import tempfile

    def _refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", _refuse)
    with pytest.raises(OutputError) as exc:
        write_atomic(tmp_path / "brief.md", "text")
    assert str(exc.value) == f"{tmp_path / 'brief.md'}: cannot write (Permission denied)"


@pytest.mark.parametrize(
    ("name", "overwrite", "message"),
    [
        ("missing/brief.md", True, "{t}: folder {f} does not exist"),
        ("folder", True, "{t}: is a folder"),
        ("old.md", False, "{t}: already exists"),
    ],
)
def test_a_target_that_cannot_be_written_is_refused_before_anything_is_written(
    tmp_path, name, overwrite, message
):
    (tmp_path / "folder").mkdir()
    (tmp_path / "old.md").write_text(OLD, encoding="utf-8")
    target = tmp_path / name
    expected = message.format(t=target, f=target.parent)
    for call in (
        lambda: check_target(target, overwrite=overwrite),
        lambda: write_atomic(target, "x", overwrite=overwrite),
    ):
        with pytest.raises(OutputError) as exc:
            call()
        assert str(exc.value) == expected
    assert (tmp_path / "old.md").read_text(encoding="utf-8") == OLD
    assert _names(tmp_path) == ["folder", "old.md"]


def test_an_existing_file_is_replaced_by_default(tmp_path):
    (tmp_path / "old.md").write_text(OLD, encoding="utf-8")
    assert check_target(tmp_path / "old.md") == tmp_path / "old.md"
    write_atomic(tmp_path / "old.md", "new")
    assert (tmp_path / "old.md").read_text(encoding="utf-8") == "new"
