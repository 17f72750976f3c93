"""Built briefs kept in the user's cache folder, so opening the same articles again is instant.

A brief is stored as its JSON (`Brief.to_dict`) under a key made of everything that decides it:
the articles' content (not their file names' dates), the options, the model, the day it was built
(relative dates like "yesterday" are read against today) and briefer's version. Writing is
atomic and best-effort: a cache that cannot be read or written is a miss, never an error.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import asdict, is_dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from briefer import __version__
from briefer.model import SCHEMA_VERSION, Brief

APP_NAME = "briefer"


def cache_dir(environ: Mapping[str, str] | None = None) -> Path:
    """`BRIEFER_CACHE_DIR`, else the platform's user cache folder (e.g. `~/.cache/briefer/briefs`)."""
    environ = os.environ if environ is None else environ
    override = environ.get("BRIEFER_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP_NAME)) / "briefs"


def brief_key(articles: Sequence[object], failed: Sequence[object], options: object) -> str:
    """A hex digest of what decides the brief: articles (dataclasses), failed sources, options.

    The options' clock (`now`) counts by its day only: relative dates are read against it, and a
    brief opened again the same day is the same brief.
    """
    settings = _plain(options)
    clock = settings.pop("now", None) if isinstance(settings, dict) else None
    parts = {
        "version": __version__,
        "schema": SCHEMA_VERSION,
        "day": (clock or datetime.now(UTC)).date().isoformat(),
        "articles": [_plain(a) for a in articles],
        "failed": [_plain(f) for f in failed],
        "options": settings,
    }
    encoded = json.dumps(parts, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(encoded.encode("utf-8", "surrogatepass")).hexdigest()


def load(key: str, folder: Path | None = None) -> Brief | None:
    """The cached brief for `key`, or None (missing, unreadable or from another schema)."""
    path = (folder or cache_dir()) / f"{key}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Brief.from_dict(data)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def store(key: str, brief: Brief, folder: Path | None = None) -> Path | None:
    """Write the brief atomically; None if the cache folder cannot be written."""
    folder = folder or cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".json")
    except OSError:
        return None
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(brief.to_dict(), out, ensure_ascii=False)
        path = folder / f"{key}.json"
        os.replace(temporary, path)
        return path
    except (OSError, ValueError):  # a full disk, or text that UTF-8 cannot hold (a lone surrogate)
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        return None


def clear(folder: Path | None = None) -> int:
    """Remove every cached brief; the number removed."""
    folder = folder or cache_dir()
    if not folder.is_dir():
        return 0
    count = sum(1 for _ in folder.glob("*.json"))
    shutil.rmtree(folder, ignore_errors=True)
    return count


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """the brief cache of `briefer tui`: where it is, or clear it"""
    parser.description = "Show where `briefer tui` keeps built briefs, or remove them all."
    parser.add_argument("action", choices=("path", "clear"), help="path: print the folder; clear: empty it")


def run(args: argparse.Namespace, env: Any, settings: object = None) -> int:
    """`briefer cache path|clear`; the folder comes from the environment given (`env.environ`)."""
    folder = cache_dir(getattr(env, "environ", None))
    if args.action == "clear":
        env.stdout.write(f"removed {clear(folder)} cached briefs from {folder}\n")
    else:
        env.stdout.write(f"{folder}\n")
    return 0


def _plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    return value
