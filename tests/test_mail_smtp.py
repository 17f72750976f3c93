"""`briefer mail` as a user runs it: to a real SMTP server on loopback, or piped to sendmail -t."""

from __future__ import annotations

import contextlib
import shutil
import socket
import ssl
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from conftest import SEED

TO = "Zoë Müller <zoe@example.org>"
FROM = "Briefer Bot <bot@example.org>"
USER, PASSWORD = "bot", "s3cret-Pa55"
REFUSED = "nobody@refused.example.org"
INJECTION = "=?utf-8?q?=0D=0ABcc:_x@example.net?="


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch):
    """No real config or data directory, no password in the environment."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    for name in ("BRIEFER_CONFIG", "BRIEFER_SMTP_PASSWORD", "BRIEFER_SMTP_CAFILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)


@pytest.fixture(scope="session")
def certificate(tmp_path_factory) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1, made with the openssl command."""
    if shutil.which("openssl") is None:
        pytest.skip("the openssl command is not installed")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
         "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=localhost",
         "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


@dataclass
class Received:
    """What the server saw: one entry per delivered message."""

    messages: list = field(default_factory=list)

    @property
    def only(self):
        assert len(self.messages) == 1, f"{len(self.messages)} messages arrived"
        return self.messages[0]


class Recorder:
    def __init__(self, received: Received):
        self.received = received

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address == REFUSED:
            return "550 5.1.1 no such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.received.messages.append(
            {
                "mail_from": envelope.mail_from,
                "rcpt_tos": list(envelope.rcpt_tos),
                "tls": server.transport.get_extra_info("ssl_object") is not None,
                "login": session.auth_data if session.authenticated else None,
                "message": message_from_bytes(envelope.original_content, policy=policy.default),
                "raw": envelope.original_content,
            }
        )
        return "250 Message accepted"


def check_login(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (
        USER.encode(),
        PASSWORD.encode(),
    )
    return AuthResult(success=ok, handled=False, auth_data=auth_data.login if ok else None)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def running_server(certificate, authenticator) -> Iterator[tuple[str, Received]]:
    """A real SMTP server on loopback with STARTTLS required and `authenticator` checking logins:
    (host:port, what it received)."""
    cert, key = certificate
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    received = Received()
    controller = Controller(
        Recorder(received),
        hostname="127.0.0.1",
        port=free_port(),
        tls_context=context,
        require_starttls=True,
        authenticator=authenticator,
    )
    controller.start()
    try:
        yield f"127.0.0.1:{controller.port}", received
    finally:
        controller.stop()


@pytest.fixture()
def server(certificate):
    """A real SMTP server on loopback: STARTTLS required, login offered, one address refused."""
    with running_server(certificate, check_login) as running:
        yield running


def mail(cli, server_address, *extra, cafile=None, to=TO):
    args = ["mail", SEED, "--to", to, "--from", FROM, "--smtp", server_address]
    return cli(*args, *(["--cafile", cafile] if cafile else []), *extra)


def unsent_files(tmp_path: Path) -> list[Path]:
    return sorted(tmp_path.rglob("briefer-unsent-*.eml"))


def test_sends_the_brief_over_starttls_with_both_parts_and_right_headers(
    cli, server, certificate, seed_brief
):
    address, received = server
    status, out, err = mail(cli, address, "--cc", "bo@example.org", cafile=certificate[0])
    assert (status, out) == (0, "")
    assert "sent to zoe@example.org, bo@example.org" in err
    got = received.only
    assert got["tls"] and got["mail_from"] == "bot@example.org"
    assert got["rcpt_tos"] == ["zoe@example.org", "bo@example.org"]
    msg = got["message"]
    assert msg["Subject"] == f"Brief: {seed_brief.title}"
    assert msg["To"].addresses[0].display_name == "Zoë Müller"
    assert msg["From"].addresses[0].display_name == "Briefer Bot"
    assert msg["Cc"] == "bo@example.org"
    assert msg["Date"] == "Fri, 02 Jan 2026 03:04:05 +0000"
    assert msg["Message-ID"].endswith("@example.org>")
    assert b"Bcc" not in got["raw"]
    text = msg.get_body(("plain",)).get_content()
    html = msg.get_body(("html",)).get_content()
    for heading in ("BOTTOM LINE", "ACTORS", "POSITIONS", "BACKGROUND", "TIMELINE", "SOURCES"):
        assert heading in text
    for heading in ("Bottom line", "Actors", "Positions", "Background", "Timeline", "Sources"):
        assert f">{heading}</h2>" in html
    assert "Iran Press TV · 2016-04-16" in text, "non-ASCII body decodes back"
    assert msg.get_body(("plain",))["Content-Transfer-Encoding"] == "quoted-printable"


def test_logs_in_with_the_password_from_the_environment(cli, server, certificate, monkeypatch):
    address, received = server
    monkeypatch.setenv("BRIEFER_SMTP_PASSWORD", PASSWORD)
    status, out, err = mail(cli, address, "--user", USER, cafile=certificate[0])
    assert status == 0, err
    assert received.only["login"] == USER.encode()
    assert PASSWORD not in out + err


def test_password_variable_name_can_be_chosen(cli, server, certificate, monkeypatch):
    address, received = server
    monkeypatch.setenv("MY_MAIL_SECRET", PASSWORD)
    status, _, err = mail(
        cli, address, "--user", USER, "--password-env", "MY_MAIL_SECRET", cafile=certificate[0]
    )
    assert status == 0, err
    assert received.only["login"] == USER.encode()


def test_a_wrong_password_fails_with_one_line_and_saves_the_message(
    cli, server, certificate, monkeypatch, tmp_path
):
    address, received = server
    monkeypatch.setenv("BRIEFER_SMTP_PASSWORD", "wrong-" + PASSWORD)
    status, out, err = mail(cli, address, "--user", USER, cafile=certificate[0])
    assert status == 1 and out == "" and received.messages == []
    assert err.count("\n") == 1 and "refused the login as bot" in err
    assert "wrong-" not in err
    saved = unsent_files(tmp_path)
    assert len(saved) == 1 and str(saved[0]) in err
    assert b"wrong-" not in saved[0].read_bytes()


def test_without_a_password_and_no_terminal_it_says_how_to_give_one(cli, server, certificate):
    status, _, err = mail(cli, server[0], "--user", USER, cafile=certificate[0])
    assert status == 2
    assert "set BRIEFER_SMTP_PASSWORD" in err


def test_a_refused_recipient_is_named_and_the_message_kept(cli, server, certificate, tmp_path):
    address, received = server
    status, _, err = mail(cli, address, "--to", REFUSED, cafile=certificate[0])
    assert status == 1 and err.count("\n") == 1
    assert f"refused {REFUSED} (550 5.1.1 no such user here); the other recipients got it" in err
    assert received.only["rcpt_tos"] == ["zoe@example.org"]
    assert len(unsent_files(tmp_path)) == 1


def test_when_every_recipient_is_refused_nothing_is_sent(cli, server, certificate, tmp_path):
    address, received = server
    status, _, err = mail(cli, address, cafile=certificate[0], to=REFUSED)
    assert status == 1 and "refused every recipient" in err
    assert received.messages == []
    assert len(unsent_files(tmp_path)) == 1


def test_an_untrusted_certificate_is_refused_and_the_message_kept(cli, server, tmp_path):
    address, received = server
    status, _, err = mail(cli, address)
    assert status == 1 and "TLS certificate not trusted" in err and "--cafile" in err
    assert received.messages == []
    assert len(unsent_files(tmp_path)) == 1


def test_the_ca_file_can_come_from_the_environment(cli, server, certificate, monkeypatch):
    monkeypatch.setenv("BRIEFER_SMTP_CAFILE", str(certificate[0]))
    status, _, err = mail(cli, server[0])
    assert status == 0, err
    assert server[1].only["tls"]


def test_a_server_that_is_down_fails_with_one_line_and_the_message_is_saved(cli, tmp_path, seed_brief):
    status, out, err = mail(cli, f"127.0.0.1:{free_port()}")
    assert status == 1 and out == ""
    assert err.count("\n") == 1 and "refused the connection" in err
    saved = unsent_files(tmp_path)
    assert [p.parent for p in saved] == [tmp_path / "data" / "briefer" / "unsent"]
    assert saved[0].name == "briefer-unsent-20260102T030405.eml" and str(saved[0]) in err
    kept = message_from_bytes(saved[0].read_bytes(), policy=policy.default)
    assert kept["Subject"] == f"Brief: {seed_brief.title}" and kept["To"].addresses[0].username == "zoe"


def test_implicit_tls_with_ssl(cli, certificate):
    cert, key = certificate
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    received = Received()
    controller = Controller(Recorder(received), hostname="127.0.0.1", port=free_port(), ssl_context=context)
    controller.start()
    try:
        status, _, err = mail(cli, f"127.0.0.1:{controller.port}", "--ssl", cafile=cert)
    finally:
        controller.stop()
    assert status == 0, err
    assert received.only["tls"]


def test_dry_run_shows_what_would_be_sent_and_connects_to_nothing(cli, server, monkeypatch):
    address, received = server
    status, out, err = mail(cli, address, "--user", USER, "--dry-run")
    assert status == 0, err
    assert received.messages == []
    assert "To: Zoë Müller <zoe@example.org>" in out and "From: Briefer Bot <bot@example.org>" in out
    assert "part: text/plain" in out and "part: text/html" in out
    assert f"delivery: SMTP {address} with STARTTLS, login as bot" in out
    assert "not set: would prompt" in out


def test_config_file_supplies_server_sender_and_user(cli, server, certificate, tmp_path, monkeypatch):
    address, received = server
    config = tmp_path / "briefer.toml"
    config.write_text(
        f'[mail]\nfrom = "{FROM}"\nsmtp = "{address}"\nuser = "{USER}"\ncafile = "{certificate[0]}"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("BRIEFER_CONFIG", str(config))
    monkeypatch.setenv("BRIEFER_SMTP_PASSWORD", PASSWORD)
    status, _, err = cli("mail", SEED, "--to", TO, "--smtp")
    assert status == 0, err
    assert received.only["login"] == USER.encode()
    assert received.only["mail_from"] == "bot@example.org"


def test_command_line_wins_over_the_config_file(cli, server, certificate, tmp_path, monkeypatch):
    address, received = server
    config = tmp_path / "briefer.toml"
    config.write_text('[mail]\nfrom = "config@example.org"\nsmtp = "127.0.0.1:1"\n', encoding="utf-8")
    monkeypatch.setenv("BRIEFER_CONFIG", str(config))
    status, _, err = mail(cli, address, cafile=certificate[0])
    assert status == 0, err
    assert received.only["mail_from"] == "bot@example.org"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--to", "zoe@example"], "--to 'zoe@example': not a valid email address"),
        (["--to", TO, "--cc", "bo"], "--cc 'bo': not a valid email address"),
        (["--to", TO, "--smtp", "127.0.0.1:1"], "sending over SMTP needs a sender"),
        (["--to", TO, "--from", FROM, "--smtp", "h:99999"], "port must be a number from 1 to 65535"),
        (
            ["--to", TO, "--from", FROM, "--smtp", "h", "--no-tls", "--user", "u"],
            "refusing to send a password",
        ),
        (["--to", TO, "--smtp"], "needs 'smtp' in the config file"),
    ],
)
def test_bad_options_are_one_clear_line(cli, args, message):
    status, out, err = cli("mail", SEED, *args)
    assert status != 0 and out == ""
    assert err.count("\n") == 1 and message in err


SENDMAIL = """\
import json, sys
from email import message_from_bytes, policy
assert sys.argv[1:] == ["-t"], sys.argv
lines = []
for line in sys.stdin.buffer:          # like sendmail -t without -i: a lone dot ends the message
    if line.rstrip(b"\\r\\n") == b".":
        break
    lines.append(line)
msg = message_from_bytes(b"".join(lines), policy=policy.default)
recipients = [a.addr_spec for name in ("To", "Cc", "Bcc") for h in msg.get_all(name, []) for a in h.addresses]
json.dump({"recipients": recipients, "headers": list(msg.keys()), "subject": msg["Subject"],
           "from": msg["From"], "parts": [p.get_content_type() for p in msg.walk()],
           "text": msg.get_body(("plain",)).get_content()}, sys.stdout)
"""


def test_stdout_is_a_message_that_sendmail_t_reads(cli, tmp_path, seed_brief):
    import json

    status, out, err = cli(
        "mail", SEED, "--to", TO, "--cc", "bo@example.org", "--subject", "Café talks in Zürich"
    )
    assert status == 0, err
    assert out.isascii() and "\r" not in out
    stand_in = tmp_path / "sendmail.py"
    stand_in.write_text(SENDMAIL, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, stand_in, "-t"], input=out.encode("ascii"), capture_output=True, check=True
    )
    seen = json.loads(result.stdout)
    assert seen["recipients"] == ["zoe@example.org", "bo@example.org"]
    assert seen["subject"] == "Café talks in Zürich"
    assert seen["from"] is None, "sendmail fills in the sender"
    wanted = {"To", "Cc", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type"}
    assert wanted <= set(seen["headers"])
    assert seen["parts"] == ["multipart/alternative", "text/plain", "text/html"]
    assert seed_brief.timeline and "TIMELINE" in seen["text"]


def test_output_file_holds_the_same_message(cli, tmp_path):
    status, out, _ = cli("mail", SEED, "--to", TO, "-o", tmp_path / "brief.eml")
    assert (status, out) == (0, "")
    msg = message_from_bytes((tmp_path / "brief.eml").read_bytes(), policy=policy.default)
    assert msg["To"].addresses[0].addr_spec == "zoe@example.org"


def test_a_hostile_page_title_cannot_add_a_header(cli, tmp_path):
    story = tmp_path / "story.md"
    story.write_text(
        f"---\ntitle: 'Talks resume {INJECTION} in a long headline that folds'\n---\n\n"
        + SEED.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    status, out, err = cli("mail", story, "--to", TO)
    assert status == 0, err
    msg = message_from_bytes(out.encode("ascii"), policy=policy.default)
    assert msg["Bcc"] is None and "\nBcc:" not in out
    assert msg["Subject"].startswith("Brief: Talks resume = ?utf-8?q?") and "\n" not in msg["Subject"]


def test_brief_format_text_is_a_plain_body_for_mail_s(cli):
    """`briefer brief --format text | mail -s ...`: plain lines, no markup, nothing mail treats specially."""
    status, out, _ = cli("brief", SEED, "--format", "text")
    lines = out.splitlines()
    assert status == 0 and out.endswith("\n")
    assert max(len(line) for line in lines) <= 72
    assert not any(line == "." or line.startswith("~") for line in lines), "no end-of-input or tilde escapes"
    assert all(ch.isprintable() for line in lines for ch in line)
    assert "<" not in out and "**" not in out and "\x1b" not in out


def test_a_server_without_starttls_is_not_used_in_clear(cli, tmp_path):
    received = Received()
    controller = Controller(Recorder(received), hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        status, _, err = mail(cli, f"127.0.0.1:{controller.port}")
    finally:
        controller.stop()
    assert status == 1 and "does not offer STARTTLS" in err
    assert received.messages == [] and len(unsent_files(tmp_path)) == 1


def test_a_server_that_never_answers_times_out_and_the_message_is_saved(cli, tmp_path):
    with socket.socket() as silent:  # accepts connections (in its backlog) but never greets
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        status, _, err = mail(cli, f"127.0.0.1:{silent.getsockname()[1]}", "--timeout", "0.3")
    assert status == 1 and err.count("\n") == 1
    assert "did not answer within 0.3 s" in err
    assert len(unsent_files(tmp_path)) == 1
