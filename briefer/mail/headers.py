"""Header values from untrusted text, and addresses checked before they reach a message.

Titles come from web pages. CPython's `email` (3.11.7 here) refuses a header value holding CR or LF,
but it decodes RFC 2047 encoded words when a value is assigned and writes their decoded CR/LF out
raw when it folds a long header: a title holding `=?utf-8?q?=0D=0ABcc:_x@example.net?=` would add a
`Bcc:` header. So every header text is neutralised here first: control and line-separator
characters become spaces, and the `=?` that opens an encoded word is broken, so the library has
nothing to decode and the reader sees the title as written.
"""

from __future__ import annotations

import re
from email import policy
from email.headerregistry import Address

from briefer.errors import MailError
from briefer.textsafe import one_line

SUBJECT_LIMIT = 200
"""Characters kept of a subject; a page title longer than this is not a subject any more."""

_ENCODED_WORD_START = "=?"
_BROKEN_START = "= ?"
_INVALID = (
    'not a valid email address (expected name@example.org or "Name" <name@example.org>; '
    "quote a name that holds a comma)"
)
_LABEL = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")
_LOCAL_PART = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$")


def clean_header_text(text: str, limit: int = SUBJECT_LIMIT) -> str:
    """`text` made safe for a header: one line, no control characters, no encoded words.

    Escape sequences go; other unsafe characters (`briefer.textsafe`: controls, bidi, tag
    characters) and line separators become spaces, since `str.splitlines` treats several of them
    as line breaks; runs of whitespace collapse to one space.
    """
    flat = one_line(text)
    while _ENCODED_WORD_START in flat:
        flat = flat.replace(_ENCODED_WORD_START, _BROKEN_START)
    if len(flat) > limit:
        flat = flat[: limit - 1].rstrip() + "…"
    return flat


def default_subject(title: str) -> str:
    """`Brief: <title>`, the subject when the user gives none."""
    return clean_header_text(f"Brief: {title}")


def parse_addresses(value: str, option: str) -> tuple[Address, ...]:
    """The addresses in one option value (`Name <a@example.org>`, or a comma-separated list).

    Parsed with the same header parser the message uses, so what is checked is what is sent;
    any defect, a missing domain or a non-ASCII address raises `MailError` naming the option.
    """
    try:
        header = policy.default.header_factory("To", clean_header_text(value, limit=10_000))
    except (IndexError, ValueError, TypeError):  # the 3.11 parser trips on some input, e.g. "zoe@"
        raise MailError(f"{option} {value!r}: {_INVALID}") from None
    addresses = tuple(header.addresses)
    if not addresses:
        raise MailError(f"{option} {value!r}: no email address in it (expected name@example.org)")
    problem = next((a for a in addresses if not _sane(a)), None)
    if problem is not None or header.defects:
        shown = problem.addr_spec if problem is not None and problem.addr_spec else value
        raise MailError(f"{option} {shown!r}: {_INVALID}")
    return tuple(
        Address(display_name=clean_header_text(a.display_name), username=a.username, domain=a.domain)
        for a in addresses
    )


def _sane(address: Address) -> bool:
    """An ASCII `local@domain.tld` (or `@localhost`): what every SMTP server accepts."""
    local, domain = address.username, address.domain
    if not local or not domain or not (local + domain).isascii():
        return False
    if not _LOCAL_PART.match(local) or local.startswith(".") or local.endswith(".") or ".." in local:
        return False
    labels = domain.split(".")
    if len(labels) < 2 and domain.lower() != "localhost":
        return False
    return all(_LABEL.match(label) for label in labels)
