"""Sending over SMTP (STARTTLS, implicit TLS or none), and keeping a message that could not go.

Every failure becomes one `SendError` line saying what happened in the user's terms (refused,
timed out, certificate not trusted, login refused, recipient refused); the password never
appears in it, since smtplib's errors carry only the server's replies.
"""

from __future__ import annotations

import smtplib
import socket
import ssl
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from email.message import EmailMessage
from pathlib import Path

from briefer.errors import MailError, OutputError
from briefer.mail.session import BoundedSMTP, BoundedSMTP_SSL, only_to

DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}
DEFAULT_TIMEOUT = 30.0


class SendError(MailError):
    """The server could not be reached or did not take the message; nothing or not all was sent.

    `refused` names the recipients a server refused when the others got the message."""

    def __init__(self, message: str, *, refused: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.refused = refused

    def unsent(self, msg: EmailMessage) -> EmailMessage:
        """What is still to send: `msg` itself, or after a partial refusal a copy addressed to
        the refused recipients only, so sending it again duplicates nothing."""
        return only_to(msg, self.refused) if self.refused else msg


@dataclass(frozen=True, slots=True)
class SmtpSettings:
    host: str
    port: int
    security: str = "starttls"
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    cafile: str | None = None
    timeout: float = DEFAULT_TIMEOUT

    @property
    def where(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"


def parse_server(value: str) -> tuple[str, int | None]:
    """`HOST`, `HOST:PORT` or `[IPv6]:PORT` -> (host, port or None)."""
    text = value.strip()
    if text.startswith("["):
        host, _, rest = text[1:].partition("]")
        port_text = rest[1:] if rest.startswith(":") else (None if not rest else "x")
    elif text.count(":") == 1:
        host, port_text = text.split(":")
    else:
        host, port_text = text, None
    if not host or any(c.isspace() for c in host):
        raise MailError(f"--smtp {value!r}: expected HOST or HOST:PORT")
    if port_text is None:
        return host, None
    if not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise MailError(f"--smtp {value!r}: the port must be a number from 1 to 65535")
    return host, int(port_text)


def send(msg: EmailMessage, sender: str, recipients: Sequence[str], settings: SmtpSettings) -> None:
    """Deliver `msg` to the server in `settings`; raise `SendError` unless every recipient took it.

    `settings.timeout` bounds each wait and the whole session; any failure is a `SendError`, so
    the caller can always keep the message.
    """
    deadline = time.monotonic() + settings.timeout
    try:
        with _session(settings, deadline) as smtp:
            if settings.user is not None:
                _login(smtp, settings)
            refused = smtp.send_message(msg, from_addr=sender, to_addrs=list(recipients))
    except SendError:
        raise
    except Exception as exc:  # every failure is one line, the message kept
        if time.monotonic() >= deadline - 0.05:
            raise SendError(f"{settings.where} did not answer within {settings.timeout:g} s") from None
        raise _explained(exc, settings, sender) from None
    if refused:
        raise SendError(
            f"{settings.where} refused {_refusals(refused)}; the other recipients got it",
            refused=tuple(refused),
        )


def _explained(exc: Exception, settings: SmtpSettings, sender: str) -> SendError:
    """A failure in the user's terms; never the text of an encoding error (it would quote the
    password)."""
    where = settings.where
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return SendError(f"{where} refused every recipient: {_refusals(exc.recipients)}")
    if isinstance(exc, smtplib.SMTPSenderRefused):
        return SendError(f"{where} refused the sender {sender}: {_reply(exc)}")
    if isinstance(exc, smtplib.SMTPDataError):
        return SendError(f"{where} rejected the message: {_reply(exc)}")
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        if isinstance(exc.__context__, TimeoutError):  # smtplib reports a read timeout this way
            return SendError(f"{where} did not answer within {settings.timeout:g} s")
        return SendError(f"{where} closed the connection before the message was sent")
    if isinstance(exc, smtplib.SMTPResponseException):
        return SendError(f"{where} answered {_reply(exc)}")
    if isinstance(exc, ssl.SSLCertVerificationError):
        return SendError(
            f"{where}: TLS certificate not trusted ({exc.verify_message}); "
            "use --cafile FILE for a private certificate authority"
        )
    if isinstance(exc, ssl.SSLError):
        return SendError(f"{where}: TLS failed ({exc.reason or exc})")
    if isinstance(exc, socket.gaierror):
        return SendError(f"{settings.host}: unknown host")
    if isinstance(exc, TimeoutError):
        return SendError(f"{where} did not answer within {settings.timeout:g} s")
    if isinstance(exc, ConnectionRefusedError):
        return SendError(f"{where} refused the connection (is the server running?)")
    if isinstance(exc, UnicodeError):
        return SendError(f"{where}: the user name or password cannot be sent (not valid text)")
    if isinstance(exc, smtplib.SMTPException | OSError):
        return SendError(f"{where}: {getattr(exc, 'strerror', None) or exc or type(exc).__name__}")
    return SendError(f"{where}: failed ({type(exc).__name__})")


@contextmanager
def _session(settings: SmtpSettings, deadline: float) -> Iterator[smtplib.SMTP]:
    """A connected session, encrypted unless security is "none", bounded by `deadline`."""
    context = ssl.create_default_context(cafile=settings.cafile) if settings.security != "none" else None
    smtp: smtplib.SMTP
    if settings.security == "ssl":
        smtp = BoundedSMTP_SSL(
            settings.host, settings.port, timeout=settings.timeout, context=context, deadline=deadline
        )
    else:
        smtp = BoundedSMTP(settings.host, settings.port, timeout=settings.timeout, deadline=deadline)
    with smtp:
        smtp.ehlo()
        if settings.security == "starttls":
            if not smtp.has_extn("starttls"):
                raise SendError(
                    f"{settings.where} does not offer STARTTLS "
                    "(use --ssl for implicit TLS, or --no-tls on a network you trust)"
                )
            smtp.starttls(context=context)
            smtp.ehlo()
        yield smtp


def _login(smtp: smtplib.SMTP, settings: SmtpSettings) -> None:
    if not smtp.has_extn("auth"):
        raise SendError(f"{settings.where} does not offer login (AUTH); leave out --user")
    try:
        smtp.login(settings.user or "", settings.password or "")
    except smtplib.SMTPAuthenticationError as exc:
        raise SendError(f"{settings.where} refused the login as {settings.user}: {_reply(exc)}") from None


def _reply(exc: smtplib.SMTPResponseException) -> str:
    text = exc.smtp_error.decode("utf-8", "replace") if isinstance(exc.smtp_error, bytes) else exc.smtp_error
    return f"{exc.smtp_code} {' '.join(str(text).split())}"


def _refusals(refused: dict[str, tuple[int, bytes]]) -> str:
    return ", ".join(
        f"{address} ({code} {' '.join(reply.decode('utf-8', 'replace').split())})"
        for address, (code, reply) in refused.items()
    )


def unsent_folder() -> Path:
    """Where unsent messages wait: `unsent/` in the user's data directory (XDG_DATA_HOME on Linux)."""
    from platformdirs import user_data_path

    return user_data_path("briefer") / "unsent"


def save_unsent(data: bytes, when: datetime, folder: Path | None = None) -> Path:
    """Keep a message that could not be sent, under a new name; the current folder if need be."""
    from briefer.output import write_atomic

    stamp = when.strftime("%Y%m%dT%H%M%S")
    last: Exception | None = None
    for place in (folder or unsent_folder(), Path(".")):
        try:
            place.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            last = exc
            continue
        for n in range(1000):
            name = f"briefer-unsent-{stamp}{'' if n == 0 else f'-{n}'}.eml"
            if (place / name).exists():
                continue
            try:
                return write_atomic(place / name, data, overwrite=False)
            except OutputError as exc:
                last = exc
                break
    raise MailError(f"could not save the unsent message either ({last})")
