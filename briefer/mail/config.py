"""Mail defaults from a TOML file in the user's config directory; command-line options win.

The file is `config.toml` in platformdirs' user config directory for "briefer" (on Linux
`~/.config/briefer/config.toml`), or the file `BRIEFER_CONFIG` names. Only its `[mail]` table is
read here:

    [mail]
    from = "Zoë Müller <zoe@example.org>"
    smtp = "smtp.example.org"      # HOST or HOST:PORT, used by a bare --smtp
    port = 587
    security = "starttls"          # starttls | ssl | none
    user = "zoe@example.org"
    password_env = "BRIEFER_SMTP_PASSWORD"
    cafile = "/etc/ssl/my-ca.pem"
    timeout = 30

A password is never read from the file: it belongs in the environment or a prompt.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path

from briefer.errors import MailError

SECURITY = ("starttls", "ssl", "none")
DEFAULT_PASSWORD_ENV = "BRIEFER_SMTP_PASSWORD"
MAX_TIMEOUT = 3600.0
"""Seconds; the same bound as `--timeout`."""


@dataclass(frozen=True, slots=True)
class MailConfig:
    sender: str | None = None
    smtp: str | None = None
    port: int | None = None
    security: str | None = None
    user: str | None = None
    password_env: str | None = None
    cafile: str | None = None
    timeout: float | None = None


_KEYS = {"from": "sender"} | {f.name: f.name for f in fields(MailConfig) if f.name != "sender"}
_TYPES: dict[str, tuple[tuple[type, ...], str]] = {
    "port": ((int,), "a whole number"),
    "timeout": ((int, float), "a number"),
}


def config_path(environ: Mapping[str, str], folder: Path | None = None) -> Path:
    """`BRIEFER_CONFIG` if set, else `config.toml` in `folder` (default: the user's config directory)."""
    named = environ.get("BRIEFER_CONFIG")
    if named:
        return Path(named).expanduser()
    if folder is not None:
        return folder / "config.toml"
    from platformdirs import user_config_path

    return user_config_path("briefer") / "config.toml"


def load_config(environ: Mapping[str, str], folder: Path | None = None) -> MailConfig:
    """The `[mail]` defaults; none when the file does not exist (a named file must exist)."""
    path = config_path(environ, folder)
    if not path.is_file():
        if environ.get("BRIEFER_CONFIG"):
            raise MailError(f"{path}: config file (from BRIEFER_CONFIG) does not exist")
        return MailConfig()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise MailError(f"{path}: cannot read config ({exc})") from None
    return parse_config(data.get("mail", {}), path)


def parse_config(table: object, path: Path) -> MailConfig:
    """Check the `[mail]` table: known keys, right types, so a typo is an error, not ignored."""
    if not isinstance(table, dict):
        raise MailError(f"{path}: [mail] must be a table")
    if "password" in table:
        raise MailError(f"{path}: a password does not belong in the config file (use password_env)")
    values: dict[str, object] = {}
    for key, value in table.items():
        if key not in _KEYS:
            raise MailError(f"{path}: unknown key {key!r} in [mail] (known: {', '.join(_KEYS)})")
        wanted, kind = _TYPES.get(key, ((str,), "a string"))
        if not isinstance(value, wanted) or isinstance(value, bool):
            raise MailError(f"{path}: [mail] {key} must be {kind}")
        values[_KEYS[key]] = value
    timeout = values.get("timeout")
    if isinstance(timeout, int | float) and not 0 < timeout <= MAX_TIMEOUT:  # also nan and inf
        raise MailError(f"{path}: [mail] timeout must be more than 0 and at most {MAX_TIMEOUT:g} seconds")
    if values.get("security") not in (None, *SECURITY):
        raise MailError(f"{path}: [mail] security must be one of {', '.join(SECURITY)}")
    return MailConfig(**values)  # type: ignore[arg-type]
