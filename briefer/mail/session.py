"""An SMTP session that a hostile or broken server cannot stretch, and UTF-8 logins.

smtplib reads a multi-line reply for as long as the server sends `250-` lines, keeping them all,
and its timeout bounds each wait, not the session: a server that never ends its greeting grows
the process without limit. Here a reply has at most `MAX_REPLY_LINES` lines, and a watchdog shuts
the connection at the deadline whatever the server does.

smtplib also sends login data as ASCII, so a password such as `Zürich-…` raised an encoding error
that quoted one of its characters. RFC 4616 (PLAIN) and RFC 4954 take UTF-8: so do we.
"""

from __future__ import annotations

import contextlib
import hmac
import os
import smtplib
import socket
import threading
import time
from email.message import EmailMessage
from email.utils import getaddresses
from typing import Any

MAX_REPLY_LINES = 100
"""Lines of one server reply; EHLO lists a dozen or two extensions."""


class _Utf8(str):
    """Login data that smtplib's `.encode("ascii")` encodes as UTF-8."""

    __slots__ = ()

    def encode(self, encoding: str = "utf-8", errors: str = "strict") -> bytes:
        return str.encode(self, "utf-8", errors)


class _Bounded(smtplib.SMTP):
    """A bounded reply reader, a session deadline, UTF-8 logins."""

    user: str
    password: str

    def __init__(self, *args: Any, deadline: float, **kwargs: Any) -> None:
        self._deadline = deadline
        self._watchdog: threading.Timer | None = None
        super().__init__(*args, **kwargs)

    def _get_socket(self, host: str, port: int, timeout: float) -> socket.socket:
        sock: socket.socket = super()._get_socket(host, port, timeout)  # type: ignore[misc]
        handle = socket.socket(fileno=os.dup(sock.fileno()))
        self._watchdog = threading.Timer(max(self._deadline - time.monotonic(), 0.0), _cut, (handle,))
        self._watchdog.daemon = True
        self._watchdog.start()
        return sock

    def close(self) -> None:
        if self._watchdog is not None:
            self._watchdog.cancel()
            _cut(self._watchdog.args[0])  # type: ignore[index]
            self._watchdog = None
        super().close()

    def getreply(self) -> tuple[int, bytes]:
        """smtplib's reader, with at most MAX_REPLY_LINES lines and the session deadline."""
        lines: list[bytes] = []
        if self.file is None:
            self.file = self.sock.makefile("rb")  # type: ignore[union-attr]
        while True:
            if time.monotonic() > self._deadline:
                self.close()
                raise TimeoutError("session deadline")
            try:
                line = self.file.readline(smtplib._MAXLINE + 1)  # type: ignore[attr-defined]
            except OSError as exc:
                self.close()
                raise smtplib.SMTPServerDisconnected(f"Connection unexpectedly closed: {exc}") from exc
            if not line:
                self.close()
                raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
            if len(line) > smtplib._MAXLINE or len(lines) >= MAX_REPLY_LINES:  # type: ignore[attr-defined]
                self.close()
                raise smtplib.SMTPResponseException(500, b"reply too long")
            lines.append(line[4:].strip(b" \t\r\n"))
            try:
                code = int(line[:3])
            except ValueError:
                return -1, b"\n".join(lines)
            if line[3:4] != b"-":
                return code, b"\n".join(lines)

    def auth_cram_md5(self, challenge: Any = None) -> Any:
        if challenge is None:
            return None
        digest = hmac.HMAC(self.password.encode("utf-8"), challenge, "md5").hexdigest()
        return _Utf8(f"{self.user} {digest}")

    def auth_plain(self, challenge: Any = None) -> str:
        return _Utf8(f"\0{self.user}\0{self.password}")

    def auth_login(self, challenge: Any = None) -> str:
        if challenge is None or self._auth_challenge_count < 2:  # type: ignore[attr-defined]
            return _Utf8(self.user)
        return _Utf8(self.password)


def _cut(handle: socket.socket) -> None:
    """Shut the connection (both ways) and drop our handle on it."""
    with contextlib.suppress(OSError):
        handle.shutdown(socket.SHUT_RDWR)
    handle.close()


class BoundedSMTP(_Bounded):
    """Plain SMTP (STARTTLS comes later) with bounded replies, a deadline and UTF-8 logins."""


class BoundedSMTP_SSL(_Bounded, smtplib.SMTP_SSL):  # smtplib's own spelling
    """Implicit TLS with bounded replies, a deadline and UTF-8 logins."""


def only_to(msg: EmailMessage, recipients: tuple[str, ...]) -> EmailMessage:
    """A copy of `msg` whose To and Cc keep only `recipients` (addresses as sent)."""
    import copy

    wanted = {r.lower() for r in recipients}
    narrowed = copy.deepcopy(msg)
    for header in ("To", "Cc"):
        values = narrowed.get_all(header) or []
        kept = [
            f'"{name}" <{addr}>' if name else addr
            for name, addr in getaddresses(values)
            if addr.lower() in wanted
        ]
        del narrowed[header]
        if kept:
            narrowed[header] = ", ".join(kept)
    return narrowed
