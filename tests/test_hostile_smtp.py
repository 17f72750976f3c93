"""Hostile SMTP servers and awkward logins through `briefer mail --smtp` (issue 15).

A server that never ends its greeting must not grow the process, and `--timeout` bounds the whole
session; a non-ASCII password logs in (UTF-8, as RFC 4616 says) and never shows in any output;
after a partial refusal the saved message is addressed to the refused recipients only, so sending
it again duplicates nothing. Every failure is one line, and the message is kept.
"""

from __future__ import annotations

import socket
import threading
import time
import tracemalloc
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest
import test_mail_smtp
from aiosmtpd.smtp import AuthResult, LoginPassword
from test_mail_smtp import REFUSED, USER, mail, running_server, unsent_files

certificate = test_mail_smtp.certificate
isolated_home = test_mail_smtp.isolated_home  # autouse: no real config, data folder or password
server = test_mail_smtp.server

PASSWORD = "Zürich-Paßwort-€-✓"


def endless_greeting() -> tuple[str, threading.Event]:
    """A server that sends `220-` continuation lines as fast as it can, never the last one."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    stop = threading.Event()

    def serve() -> None:
        conn, _ = listener.accept()
        line = b"220-" + b"x" * 4000 + b"\r\n"
        with conn:
            try:
                while not stop.is_set():
                    conn.sendall(line * 16)
            except OSError:
                pass
        listener.close()

    threading.Thread(target=serve, daemon=True).start()
    return f"127.0.0.1:{listener.getsockname()[1]}", stop


def test_a_greeting_that_never_ends_is_cut_in_bounded_memory_and_time():
    from briefer.mail.send import SendError, SmtpSettings, send

    address, stop = endless_greeting()
    host, port = address.split(":")
    settings = SmtpSettings(host, int(port), security="none", timeout=2.0)
    msg = EmailMessage()
    msg["To"] = "a@example.org"
    msg.set_content("hello")
    tracemalloc.start()
    started = time.monotonic()
    try:
        with pytest.raises(SendError) as failure:
            send(msg, "b@example.org", ["a@example.org"], settings)
        seconds = time.monotonic() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
        stop.set()
    assert seconds < 3.0, f"{seconds:.1f} s with --timeout 2"
    assert peak < 5 * 1024 * 1024, f"{peak / 1e6:.0f} MB held for one greeting"
    assert "reply too long" in str(failure.value) or "did not answer within 2 s" in str(failure.value)


def test_the_endless_greeting_through_the_command_is_one_line_and_the_message_kept(cli, tmp_path):
    address, stop = endless_greeting()
    try:
        status, out, err = mail(cli, address, "--no-tls", "--timeout", "2")
    finally:
        stop.set()
    assert status == 1 and out == "" and err.count("\n") == 1 and err.startswith("briefer: error: not sent")
    assert len(unsent_files(tmp_path)) == 1


def check_utf8_login(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (
        USER.encode(),
        PASSWORD.encode("utf-8"),
    )
    return AuthResult(success=ok, handled=False, auth_data=auth_data.login if ok else None)


@pytest.fixture()
def utf8_server(certificate):
    """STARTTLS and a login whose password is not ASCII."""
    with running_server(certificate, check_utf8_login) as running:
        yield running


def test_a_non_ascii_password_logs_in(cli, utf8_server, certificate, monkeypatch):
    address, received = utf8_server
    monkeypatch.setenv("BRIEFER_SMTP_PASSWORD", PASSWORD)
    status, _, err = mail(cli, address, "--user", USER, cafile=certificate[0])
    assert status == 0, err
    assert received.only["login"] == USER.encode()


def test_a_wrong_non_ascii_password_shows_none_of_it_and_keeps_the_message(
    cli, utf8_server, certificate, monkeypatch, tmp_path
):
    address, received = utf8_server
    wrong = "Genève-Straße-ü"
    monkeypatch.setenv("BRIEFER_SMTP_PASSWORD", wrong)
    status, out, err = mail(cli, address, "--user", USER, cafile=certificate[0])
    assert status == 1 and out == "" and err.count("\n") == 1 and received.messages == []
    assert not any(ch in err for ch in "èßü"), err
    assert "position" not in err and "codec" not in err
    [saved] = unsent_files(tmp_path)
    assert str(saved) in err and b"Gen" not in saved.read_bytes()


def test_after_a_partial_refusal_only_the_refused_recipient_is_kept_to_send(
    cli, server, certificate, tmp_path
):
    address, received = server
    status, _, err = mail(cli, address, "--cc", REFUSED, "--cc", "bo@example.org", cafile=certificate[0])
    assert status == 1 and "the other recipients got it" in err
    assert sorted(received.only["rcpt_tos"]) == ["bo@example.org", "zoe@example.org"]
    [saved] = unsent_files(tmp_path)
    kept = message_from_bytes(saved.read_bytes(), policy=policy.default)
    recipients = [
        a.addr_spec for header in ("To", "Cc") for a in (kept[header].addresses if kept[header] else ())
    ]
    assert recipients == [REFUSED], "resending the saved message would reach the others twice"
    assert kept.get_body(("plain",)) is not None and "BOTTOM LINE" in kept.get_body(("plain",)).get_content()
