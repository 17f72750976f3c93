"""Sending over SMTP (STARTTLS, implicit TLS or none), and keeping a message that could not go.

Every failure becomes one `SendError` line saying what happened in the user's terms (refused,
timed out, certificate not trusted, login refused, recipient refused); the password never
appears in it, since smtplib's errors carry only the server's replies.
"""

from __future__ import annotations

import smtplib
import socket
import ssl
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from email.message import EmailMessage
from pathlib import Path

from briefer.errors import MailError, OutputError

DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}
DEFAULT_TIMEOUT = 30.0


class SendError(MailError):
    """The server could not be reached or did not take the message; nothing or not all was sent."""


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
    """Deliver `msg` to the server in `settings`; raise `SendError` unless every recipient took it."""
    try:
        with _session(settings) as smtp:
            if settings.user is not None:
                _login(smtp, settings)
            refused = smtp.send_message(msg, from_addr=sender, to_addrs=list(recipients))
    except smtplib.SMTPRecipientsRefused as exc:
        raise SendError(f"{settings.where} refused every recipient: {_refusals(exc.recipients)}") from None
    except smtplib.SMTPSenderRefused as exc:
        raise SendError(f"{settings.where} refused the sender {sender}: {_reply(exc)}") from None
    except smtplib.SMTPDataError as exc:
        raise SendError(f"{settings.where} rejected the message: {_reply(exc)}") from None
    except smtplib.SMTPServerDisconnected as exc:
        if isinstance(exc.__context__, TimeoutError):  # smtplib reports a read timeout this way
            raise SendError(f"{settings.where} did not answer within {settings.timeout:g} s") from None
        raise SendError(f"{settings.where} closed the connection before the message was sent") from None
    except smtplib.SMTPResponseException as exc:
        raise SendError(f"{settings.where} answered {_reply(exc)}") from None
    except ssl.SSLCertVerificationError as exc:
        raise SendError(
            f"{settings.where}: TLS certificate not trusted ({exc.verify_message}); "
            "use --cafile FILE for a private certificate authority"
        ) from None
    except ssl.SSLError as exc:
        raise SendError(f"{settings.where}: TLS failed ({exc.reason or exc})") from None
    except socket.gaierror:
        raise SendError(f"{settings.host}: unknown host") from None
    except TimeoutError:
        raise SendError(f"{settings.where} did not answer within {settings.timeout:g} s") from None
    except ConnectionRefusedError:
        raise SendError(f"{settings.where} refused the connection (is the server running?)") from None
    except (smtplib.SMTPException, OSError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        raise SendError(f"{settings.where}: {reason}") from None
    if refused:
        raise SendError(f"{settings.where} refused {_refusals(refused)}; the other recipients got it")


@contextmanager
def _session(settings: SmtpSettings) -> Iterator[smtplib.SMTP]:
    """A connected session, encrypted unless security is "none"."""
    context = ssl.create_default_context(cafile=settings.cafile) if settings.security != "none" else None
    smtp: smtplib.SMTP
    if settings.security == "ssl":
        smtp = smtplib.SMTP_SSL(settings.host, settings.port, timeout=settings.timeout, context=context)
    else:
        smtp = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
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
