"""The email a brief becomes: parts, headers, encodings, and no way for a title to add a header."""

from __future__ import annotations

from datetime import UTC, datetime
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from conftest import FIXED_NOW

from briefer.errors import MailError
from briefer.mail.config import MailConfig, load_config
from briefer.mail.headers import clean_header_text, parse_addresses
from briefer.mail.message import Addressing, as_bytes, compose, describe
from briefer.model import Brief, Sentence, Source, SummaryItem

INJECTION = "=?utf-8?q?=0D=0ABcc:_x@example.net?="
ZOE = "Zoë Müller <zoe@example.org>"


def tiny_brief(title: str) -> Brief:
    text = "Talks resumed in Zürich on Monday."
    source = Source(
        1, title, "Example News", "2026-01-01", "story.txt", text, (Sentence(0, text, 0, len(text)),)
    )
    return Brief(title=title, sources=(source,), summary=(SummaryItem(text, 1, 0),))


def addressing(to: str = ZOE, sender: str | None = "Briefer Bot <bot@example.org>") -> Addressing:
    return Addressing(
        to=parse_addresses(to, "--to"),
        sender=parse_addresses(sender, "--from")[0] if sender else None,
    )


def round_trip(brief: Brief, **kwargs) -> tuple[bytes, object]:
    data = as_bytes(compose(brief, addressing(), date=FIXED_NOW, **kwargs))
    return data, message_from_bytes(data, policy=policy.default)


def test_message_has_a_text_and_an_html_part_of_the_same_brief(seed_brief):
    data, msg = round_trip(seed_brief)
    assert msg.get_content_type() == "multipart/alternative"
    text, html = (part for part in msg.iter_parts())
    assert (text.get_content_type(), html.get_content_type()) == ("text/plain", "text/html")
    assert "BOTTOM LINE" in text.get_content() and ">Bottom line</h2>" in html.get_content()
    assert seed_brief.summary[0].text[:60] in " ".join(text.get_content().split())
    assert max(len(line) for line in text.get_content().splitlines()) <= 72
    assert data.isascii(), "7-bit clean for any relay"


def test_subject_defaults_to_the_title_and_date_and_message_id_are_set(seed_brief):
    _, msg = round_trip(seed_brief)
    assert msg["Subject"] == f"Brief: {seed_brief.title}"
    assert msg["Date"] == "Fri, 02 Jan 2026 03:04:05 +0000"
    assert msg["Message-ID"].startswith("<") and msg["Message-ID"].endswith("@example.org>")


def test_non_ascii_subject_and_names_are_encoded_and_read_back():
    data, msg = round_trip(tiny_brief("Café talks in Zürich"))
    assert b"=?utf-8?" in data
    assert msg["Subject"] == "Brief: Café talks in Zürich"
    assert msg["To"].addresses[0].display_name == "Zoë Müller"
    assert msg["To"].addresses[0].addr_spec == "zoe@example.org"
    assert "Zürich" in msg.get_body(("plain",)).get_content()


@pytest.mark.parametrize(
    "title",
    [
        f"A long enough page title that the header must be folded {INJECTION} and more words",
        f"{INJECTION}",
        "Line one\r\nBcc: x@example.net",
        "Tab\tand\x00nul\x1bescape\u2028Bcc: x@example.net",
        "Bidi \u202eoverride\u0085Bcc: x@example.net",
    ],
)
def test_a_hostile_title_cannot_add_a_header(title):
    data, msg = round_trip(tiny_brief(title))
    head = data.split(b"\n\n", 1)[0]
    assert b"\nBcc:" not in head and b"\nbcc:" not in head.lower()
    assert msg["Bcc"] is None
    assert sorted(msg.keys()) == sorted(
        ["From", "To", "Subject", "Date", "Message-ID", "User-Agent", "MIME-Version", "Content-Type"]
    )
    subject = msg["Subject"]
    assert subject.startswith("Brief: ") and "\n" not in subject and "\r" not in subject
    assert "Bcc" not in subject or "x@example.net" in subject, "the text stays visible, harmless"


def test_an_encoded_word_in_a_subject_is_shown_as_written_not_decoded():
    _, msg = round_trip(tiny_brief("t"), subject=f"Re: {INJECTION}")
    assert msg["Subject"] == "Re: = ?utf-8?q?=0D=0ABcc:_x@example.net?="


def test_a_hostile_display_name_cannot_add_a_header():
    hostile = f'"{INJECTION}" <zoe@example.org>'
    msg = compose(tiny_brief("t"), addressing(to=hostile), date=FIXED_NOW)
    back = message_from_bytes(as_bytes(msg), policy=policy.default)
    assert back["Bcc"] is None
    assert back["To"].addresses[0].addr_spec == "zoe@example.org"


def test_clean_header_text_keeps_ordinary_text_and_shortens_long_text():
    assert clean_header_text("Brief: Café — “talks” in Zürich") == "Brief: Café — “talks” in Zürich"
    long = clean_header_text("word " * 100)
    assert len(long) == 200 and long.endswith("…")


@pytest.mark.parametrize(
    "value",
    ["zoe", "zoe@", "@example.org", "zoe@example", "zoe@@example.org", "zoe@exa mple.org", "zoé@example.org",
     "Zoë <zoe@example.org", "Müller, Zoë <zoe@example.org>", ""],
)  # fmt: skip
def test_an_invalid_address_is_a_clear_error(value):
    with pytest.raises(MailError, match=r"^--to .*(not a valid email address|no email address)"):
        parse_addresses(value, "--to")


def test_valid_addresses_parse_with_names_and_lists():
    found = parse_addresses('"Müller, Zoë" <zoe@example.org>, bo@sub.example.org, root@localhost', "--to")
    assert [a.addr_spec for a in found] == ["zoe@example.org", "bo@sub.example.org", "root@localhost"]
    assert found[0].display_name == "Müller, Zoë"


def test_recipients_are_to_and_cc_each_once():
    both = Addressing(
        to=parse_addresses("a@example.org, b@example.org", "--to"),
        cc=parse_addresses("b@example.org, c@example.org", "--cc"),
    )
    assert both.recipients == ("a@example.org", "b@example.org", "c@example.org")


def test_message_without_sender_leaves_from_to_sendmail():
    msg = compose(tiny_brief("t"), addressing(sender=None), date=datetime(2026, 1, 2, tzinfo=UTC))
    assert msg["From"] is None and msg["Message-ID"]


def test_dry_run_description_lists_headers_parts_recipients_and_delivery(seed_brief):
    msg = compose(seed_brief, addressing(), date=FIXED_NOW)
    text = describe(msg, ("zoe@example.org",), "SMTP smtp.example.org:587 with STARTTLS")
    assert "Subject: Brief: NATO to help Libya" in text
    assert "To: Zoë Müller <zoe@example.org>" in text
    assert "part: text/plain (utf-8," in text and "part: text/html (utf-8," in text
    assert "recipients: zoe@example.org" in text
    assert text.endswith("delivery: SMTP smtp.example.org:587 with STARTTLS\n")


def write_config(tmp_path: Path, body: str) -> dict[str, str]:
    path = tmp_path / "config.toml"
    path.write_text(body, encoding="utf-8")
    return {"BRIEFER_CONFIG": str(path)}


def test_config_file_gives_mail_defaults(tmp_path):
    env = write_config(
        tmp_path,
        '[mail]\nfrom = "Zoë <zoe@example.org>"\nsmtp = "smtp.example.org:2525"\nsecurity = "ssl"\n'
        'user = "zoe"\ntimeout = 5\n',
    )
    assert load_config(env) == MailConfig(
        sender="Zoë <zoe@example.org>", smtp="smtp.example.org:2525", security="ssl", user="zoe", timeout=5
    )


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('[mail]\nfrm = "x@example.org"\n', "unknown key 'frm'"),
        ("[mail]\nport = '25'\n", "port must be a whole number"),
        ('[mail]\nsecurity = "tls"\n', "security must be one of"),
        ('[mail]\npassword = "hunter2"\n', "password does not belong"),
        ("[mail\n", "cannot read config"),
    ],
)
def test_a_bad_config_file_is_a_clear_error(tmp_path, body, message):
    with pytest.raises(MailError, match=message):
        load_config(write_config(tmp_path, body))


def test_no_config_file_means_no_defaults(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert load_config({}) == MailConfig()
    with pytest.raises(MailError, match="does not exist"):
        load_config({"BRIEFER_CONFIG": str(tmp_path / "missing.toml")})
