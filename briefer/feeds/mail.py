"""A digest as one email: every situation in one message (`briefer mail --digest`, or a digest's
JSON Lines piped into `briefer mail -`).

The message has the same shape as a brief's (`mail.message`): plain text first, HTML second,
7-bit clean, headers made safe by `clean_header_text`.
"""

from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime
from email import utils
from email.message import EmailMessage
from typing import Any

from briefer.delta import SECTIONS, Changes
from briefer.digest import Digest, Story
from briefer.errors import InputError
from briefer.feeds.render import headline, html, text
from briefer.mail.headers import clean_header_text
from briefer.mail.message import POLICY, Addressing


def digest_message(
    args: argparse.Namespace, stdin: bytes | None, addressing: Addressing, options: Any
) -> tuple[EmailMessage, datetime, tuple[str, ...]] | None:
    """The email of the digest `mail` was asked for: `--digest` over feeds, or a digest read from
    stdin; None when it was asked for a brief."""
    if getattr(args, "digest", False):
        from briefer.digest import digest_from_args

        digest = digest_from_args(args, options)
    elif stdin is not None and list(args.sources) == ["-"] and is_digest(stdin):
        digest = read_digest(stdin)
    else:
        return None
    date = _date(digest.generated_at)
    return compose_digest(digest, addressing, date=date, subject=args.subject), date, digest.notes


def is_digest(data: bytes) -> bool:
    """True for the JSON Lines `briefer digest --format json` writes."""
    first = data.lstrip()[:1]
    if first != b"{":
        return False
    line = data.lstrip().split(b"\n", 1)[0]
    try:
        record = json.loads(line)
    except ValueError:
        return False
    return isinstance(record, dict) and isinstance(record.get("situation"), dict)


def read_digest(data: bytes) -> Digest:
    """A digest back from its JSON Lines, `new` flags and all."""
    from briefer.model import Brief

    stories = []
    try:
        records = [json.loads(line) for line in data.decode("utf-8").splitlines() if line.strip()]
        for record in records:
            changes = None
            if "new_since" in record:
                flagged = {s: _flagged(record.get(s, ())) for s in SECTIONS}
                changes = Changes(record["new_since"], **flagged)
            stories.append(Story(Brief.from_dict(record), int(record["situation"]["carried"]), changes))
        about = records[0]["situation"]
        return Digest(
            tuple(stories),
            str(about.get("generated_at") or records[0].get("generated_at") or ""),
            int(about.get("articles", sum(len(s.brief.sources) for s in stories))),
            int(about.get("feeds", 0)),
            since=records[0].get("new_since"),
        )
    except (ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        raise InputError(f"<stdin>: not a digest written by 'briefer digest --format json' ({exc})") from None


def _flagged(items: list[dict[str, Any]]) -> tuple[int, ...]:
    return tuple(i for i, item in enumerate(items) if item.get("new"))


def compose_digest(
    digest: Digest, addressing: Addressing, *, date: datetime, subject: str | None = None
) -> EmailMessage:
    """One message with every situation; subject "Digest: <top story> (+N more)" by default."""
    msg = EmailMessage(policy=POLICY)
    if addressing.sender is not None:
        msg["From"] = addressing.sender
    msg["To"] = addressing.to
    if addressing.cc:
        msg["Cc"] = addressing.cc
    msg["Subject"] = clean_header_text(subject if subject is not None else default_subject(digest))
    msg["Date"] = utils.format_datetime(date)
    domain = addressing.sender.domain if addressing.sender is not None else "localhost"
    msg["Message-ID"] = utils.make_msgid("briefer-digest", domain=domain)
    msg["User-Agent"] = "briefer"
    plain = text(digest)
    msg.set_content(plain, subtype="plain", charset="utf-8", cte=_cte(plain))
    page = html(digest)
    msg.add_alternative(page, subtype="html", charset="utf-8", cte=_cte(page))
    return msg


def default_subject(digest: Digest) -> str:
    if not digest.stories:
        return f"Digest: {headline(digest)}"
    more = len(digest.stories) - 1
    return f"Digest: {digest.stories[0].brief.title}" + (f" (+{more} more)" if more else "")


def _cte(body: str) -> str:
    short = all(len(line) <= 78 for line in body.splitlines())
    return "7bit" if body.isascii() and short else "quoted-printable"


def _date(generated_at: str) -> datetime:
    try:
        when = datetime.fromisoformat(generated_at)
    except ValueError:
        return datetime.now(UTC).replace(microsecond=0)
    return when if when.tzinfo else when.replace(tzinfo=UTC)
