"""A brief as one RFC 5322 message: pure, `Brief` in, `EmailMessage` out.

multipart/alternative with the plain-text brief first (72 columns, what `mail` users read) and the
HTML brief second (what graphical clients show). Bodies are quoted-printable so the message is
7-bit clean for any relay; headers are encoded by the standard library's RFC 2047 machinery after
`headers.clean_header_text` has made them safe.
"""

from __future__ import annotations

import socket
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from email import policy, utils
from email.headerregistry import Address
from email.message import EmailMessage

from briefer.mail.headers import clean_header_text, default_subject
from briefer.model import Brief

POLICY = policy.default.clone(cte_type="7bit")
"""RFC-conforming folding at 78 columns, `\\n` line ends (what `sendmail -t` reads; smtplib turns
them into CRLF), and 7-bit output: non-ASCII bodies are quoted-printable, not raw 8-bit."""


@dataclass(frozen=True, slots=True)
class Addressing:
    """Who a message is from and to; addresses already checked by `headers.parse_addresses`."""

    to: tuple[Address, ...]
    cc: tuple[Address, ...] = ()
    sender: Address | None = None

    @property
    def recipients(self) -> tuple[str, ...]:
        """Envelope recipients (To and Cc), each once, in order."""
        return tuple(dict.fromkeys(a.addr_spec for a in (*self.to, *self.cc)))


def compose(
    brief: Brief,
    addressing: Addressing,
    *,
    date: datetime,
    subject: str | None = None,
    message_id: str | None = None,
) -> EmailMessage:
    """The message carrying `brief`; `subject` defaults to "Brief: <title>".

    `date` is injected so tests are deterministic; `message_id` is made from the sender's domain
    when not given.
    """
    from briefer.render import RENDERERS

    msg = EmailMessage(policy=POLICY)
    if addressing.sender is not None:
        msg["From"] = addressing.sender
    msg["To"] = addressing.to
    if addressing.cc:
        msg["Cc"] = addressing.cc
    msg["Subject"] = clean_header_text(subject) if subject is not None else default_subject(brief.title)
    msg["Date"] = utils.format_datetime(date)
    msg["Message-ID"] = message_id or utils.make_msgid("briefer", domain=_id_domain(addressing))
    msg["User-Agent"] = "briefer"
    text = RENDERERS["text"].render(brief)
    msg.set_content(text, subtype="plain", charset="utf-8", cte=_cte(text))
    html = RENDERERS["html"].render(brief)
    msg.add_alternative(html, subtype="html", charset="utf-8", cte=_cte(html))
    return msg


def _cte(body: str) -> str:
    """7bit when the body is ASCII with short lines (readable as is), else quoted-printable."""
    short = all(len(line) <= 78 for line in body.splitlines())
    return "7bit" if body.isascii() and short else "quoted-printable"


def _id_domain(addressing: Addressing) -> str:
    """The sender's domain, as RFC 5322 suggests; the host name (no DNS look-up) without one."""
    if addressing.sender is not None:
        return addressing.sender.domain
    return socket.gethostname() or "localhost"


def as_bytes(msg: EmailMessage) -> bytes:
    """The message as written to stdout or a file: `\\n` line ends, 7-bit."""
    return msg.as_bytes(policy=POLICY)


def describe(msg: EmailMessage, recipients: Sequence[str], delivery: str) -> str:
    """What `--dry-run` prints: the headers, a line per part, the recipients and the delivery."""
    lines = [f"{name}: {value}" for name, value in msg.items()]
    lines.append("")
    for part in msg.walk():
        if part.is_multipart():
            lines.append(f"part: {part.get_content_type()}")
            continue
        body = part.get_content()
        lines.append(
            f"part: {part.get_content_type()} ({part.get_content_charset()}, "
            f"{len(body.splitlines())} lines, {len(body.encode('utf-8'))} bytes)"
        )
    lines.append(f"recipients: {', '.join(recipients)}")
    lines.append(f"delivery: {delivery}")
    return "\n".join(lines) + "\n"
