"""`briefer mail`: the brief as an email, to stdout (for `sendmail -t`) or over SMTP.

A row of the command table in `briefer.cli` names `add_arguments` and `run_mail`. Settings come
from the command line, then the `[mail]` table of the config file (`briefer.mail.config`), then
defaults; the environment (password, CA file, config path) is the `Environment` the CLI passes.
"""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Mapping
from datetime import UTC, datetime
from email.message import EmailMessage

from briefer.arguments import add_source_options, bounded_float, brief_options, one_line, stdin_bytes
from briefer.environment import Environment, Settings
from briefer.errors import ExitStatus, InputError, MailError, UsageError
from briefer.mail.config import DEFAULT_PASSWORD_ENV, SECURITY, MailConfig, load_config
from briefer.mail.headers import parse_addresses
from briefer.mail.message import Addressing, as_bytes, compose, describe
from briefer.mail.send import DEFAULT_PORTS, DEFAULT_TIMEOUT, SmtpSettings, parse_server

USE_CONFIG = "\0config"
"""What a bare `--smtp` stores: use the server from the config file."""

EXAMPLES = """\
examples:
  briefer mail story.txt --to ann@example.org | sendmail -t
  briefer mail a.txt b.html --to ann@example.org --cc bo@example.org --from me@example.org \\
      --smtp smtp.example.org --user me@example.org     password from $BRIEFER_SMTP_PASSWORD
  briefer mail story.txt --to ann@example.org --smtp --dry-run   server from the config file
  briefer brief story.txt --format text | mail -s "Brief" ann@example.org   plain text only
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The message's options (to, cc, from, subject, -o) and SMTP's, after the source options."""
    parser.description = (
        "Build one brief and send it as an email (plain text and HTML).\n"
        "Without --smtp the message is printed, ready for 'sendmail -t' or 'msmtp -t'.\n"
        "Defaults for --from, --smtp, --user and the rest come from the [mail] table of\n"
        "config.toml in the user's config directory (or the file BRIEFER_CONFIG names)."
    )
    parser.epilog = EXAMPLES
    add_source_options(parser)
    parser.add_argument("--partial", action="store_true", help="send even if some sources could not be read")
    who = parser.add_argument_group("message")
    who.add_argument("--to", action="append", required=True, metavar="ADDR", help="recipient (repeatable)")
    who.add_argument("--cc", action="append", default=[], metavar="ADDR", help="copy to (repeatable)")
    who.add_argument("--from", dest="sender", metavar="ADDR", help="sender (default: config file)")
    who.add_argument("--subject", metavar="TEXT", help='subject (default "Brief: <title>")')
    who.add_argument("-o", "--output", metavar="FILE", help="write the message to FILE (.eml), not stdout")
    who.add_argument("--force", action="store_true", help="with -o: replace an existing file")
    smtp = parser.add_argument_group("sending over SMTP")
    smtp.add_argument(
        "--smtp",
        nargs="?",
        const=USE_CONFIG,
        metavar="HOST[:PORT]",
        help="send over SMTP; a bare --smtp (after the sources) uses the config file's server",
    )
    security = smtp.add_mutually_exclusive_group()
    security.add_argument(
        "--starttls", dest="security", action="store_const", const="starttls", help="STARTTLS (default)"
    )
    security.add_argument("--ssl", dest="security", action="store_const", const="ssl", help="implicit TLS")
    security.add_argument(
        "--no-tls", dest="security", action="store_const", const="none", help="no encryption (no login)"
    )
    smtp.add_argument("--user", help="log in as USER")
    smtp.add_argument(
        "--password-env",
        metavar="NAME",
        help=f"environment variable holding the password (default {DEFAULT_PASSWORD_ENV}); "
        "else a prompt on a terminal",
    )
    smtp.add_argument(
        "--cafile", metavar="FILE", help="trust this CA or self-signed certificate (or BRIEFER_SMTP_CAFILE)"
    )
    smtp.add_argument(
        "--timeout",
        type=_seconds,
        metavar="SECONDS",
        help=f"give up on a silent server after SECONDS (default {DEFAULT_TIMEOUT:g})",
    )
    smtp.add_argument("--dry-run", action="store_true", help="show what would be sent; connect to nothing")
    digest = parser.add_argument_group("a digest (see 'briefer digest --help')")
    digest.add_argument("--digest", action="store_true", help="SOURCEs are feeds: one email, every situation")
    from briefer.digest import add_digest_options

    add_digest_options(digest)


def _seconds(value: str) -> float:
    return bounded_float(value, 3600, "must be more than 0 and at most 3600")


def run_mail(args: argparse.Namespace, env: Environment, settings: Settings) -> int:
    environ = env.environ
    if args.force and not args.output:
        raise UsageError("--force only applies with -o/--output (see 'briefer mail --help')")
    config = load_config(environ, env.config_dir)
    addressing = _addressing(args, config)
    smtp = _settings(args, config, environ) if args.smtp is not None else None
    if smtp is not None and addressing.sender is None:
        raise UsageError("sending over SMTP needs a sender: give --from ADDR (or 'from' in the config file)")
    if smtp is None and args.output:
        from briefer.output import check_target

        check_target(args.output, overwrite=args.force)  # before the brief is built: one error line
    msg, date, notes = _message(args, env, settings, addressing)
    for note in notes:
        env.stderr.write(f"briefer: note: {one_line(note)}\n")
    if args.dry_run:
        env.stdout.write(describe(msg, addressing.recipients, _delivery(args, config, smtp, environ)))
        return ExitStatus.OK
    if smtp is None:
        return _write(msg, args, env)
    return _send(msg, addressing, _with_password(smtp, args, config, environ, env), date, env)


def _message(
    args: argparse.Namespace, env: Environment, settings: Settings, addressing: Addressing
) -> tuple[EmailMessage, datetime, tuple[str, ...]]:
    """The message of a digest (`--digest`, or a digest's JSON Lines on stdin) or of one brief."""
    from briefer import pipeline
    from briefer.feeds.mail import digest_message

    stdin = stdin_bytes(args, env)
    options = brief_options(args, settings)
    digest = digest_message(args, stdin, addressing, options)
    if digest is not None:
        return digest
    loaded = pipeline.load(args.sources, stdin_bytes=stdin, url_timeout=settings.url_timeout)
    if loaded.failed and not args.partial:
        where = ", ".join(location for location, _ in loaded.failed)
        raise InputError(f"not read: {where} ({loaded.failed[0][1]}); --partial sends the brief of the rest")
    brief = pipeline.compose(pipeline.analyse(loaded, options), options)
    date = _date(brief.generated_at)
    return compose(brief, addressing, date=date, subject=args.subject), date, brief.notes


def _addressing(args: argparse.Namespace, config: MailConfig) -> Addressing:
    to = tuple(a for value in args.to for a in parse_addresses(value, "--to"))
    cc = tuple(a for value in args.cc for a in parse_addresses(value, "--cc"))
    sender_text = args.sender or config.sender
    sender = None
    if sender_text:
        found = parse_addresses(sender_text, "--from" if args.sender else "config 'from'")
        if len(found) != 1:
            raise UsageError(f"--from {sender_text!r}: give exactly one sender")
        sender = found[0]
    return Addressing(to=to, cc=cc, sender=sender)


def _settings(args: argparse.Namespace, config: MailConfig, environ: Mapping[str, str]) -> SmtpSettings:
    if args.smtp != USE_CONFIG and _looks_like_source(args.smtp):
        raise UsageError(
            f"--smtp {args.smtp!r} is a source, not a server: write --smtp=HOST[:PORT], "
            "or put a bare --smtp after the sources to use the config file's server"
        )
    server = config.smtp if args.smtp == USE_CONFIG else args.smtp
    if not server:
        raise UsageError("--smtp without a server needs 'smtp' in the config file's [mail] table")
    host, port = parse_server(server)
    security = args.security or config.security or "starttls"
    if security not in SECURITY:
        raise UsageError(f"unknown security {security!r}")
    user = args.user or config.user
    if user and security == "none":
        raise UsageError("refusing to send a password without TLS: drop --no-tls or --user")
    return SmtpSettings(
        host=host,
        port=port or config.port or DEFAULT_PORTS[security],
        security=security,
        user=user,
        cafile=args.cafile or environ.get("BRIEFER_SMTP_CAFILE") or config.cafile,
        timeout=args.timeout or config.timeout or DEFAULT_TIMEOUT,
    )


def _looks_like_source(value: str) -> bool:
    """A value `--smtp` took from the sources (`--smtp a.txt b.txt`) is refused, never guessed at."""
    from pathlib import Path

    from briefer.ingest.read import ARTICLE_SUFFIXES

    lowered = value.lower()
    return (
        value == "-"
        or lowered.startswith(("http://", "https://"))
        or lowered.endswith(ARTICLE_SUFFIXES)
        or Path(value).exists()
    )


def _password_env(args: argparse.Namespace, config: MailConfig) -> str:
    return str(args.password_env or config.password_env or DEFAULT_PASSWORD_ENV)


def _with_password(
    settings: SmtpSettings,
    args: argparse.Namespace,
    config: MailConfig,
    environ: Mapping[str, str],
    env: Environment,
) -> SmtpSettings:
    """The password from the environment variable, else a prompt when a person is at a terminal."""
    if settings.user is None:
        return settings
    name = _password_env(args, config)
    password = environ.get(name)
    if password is None:
        if not _is_terminal(env):
            raise UsageError(f"no password for {settings.user}: set {name}, or run on a terminal to be asked")
        import getpass

        password = getpass.getpass(f"SMTP password for {settings.user} at {settings.where}: ")
    return dataclasses.replace(settings, password=password)


def _is_terminal(env: Environment) -> bool:
    return bool(getattr(env.stdin, "isatty", lambda: False)())


def _delivery(
    args: argparse.Namespace, config: MailConfig, settings: SmtpSettings | None, environ: Mapping[str, str]
) -> str:
    """One line for --dry-run: where the message would go and how; names the user typed are shown
    with their control characters escaped."""
    if settings is None and args.output:
        return one_line(f"written to {args.output}")
    if settings is None:
        return "printed on stdout (for sendmail -t)"
    how = {"starttls": "STARTTLS", "ssl": "implicit TLS", "none": "no encryption"}[settings.security]
    line = f"SMTP {settings.where} with {how}"
    if settings.cafile:
        line += f", trusting {settings.cafile}"
    if settings.user:
        name = _password_env(args, config)
        state = "set" if name in environ else "not set: would prompt"
        line += f", login as {settings.user} (password from ${name}, {state})"
    return one_line(line)


def _write(msg: EmailMessage, args: argparse.Namespace, env: Environment) -> int:
    data = as_bytes(msg)
    if args.output:
        from briefer.output import write_atomic

        write_atomic(args.output, data, overwrite=args.force)
        return ExitStatus.OK
    env.stdout.write(data.decode("ascii"))
    env.stdout.flush()
    return ExitStatus.OK


def _send(
    msg: EmailMessage, addressing: Addressing, settings: SmtpSettings, date: datetime, env: Environment
) -> int:
    from briefer.mail.send import SendError, save_unsent, send

    assert addressing.sender is not None
    try:
        send(msg, addressing.sender.addr_spec, addressing.recipients, settings)
    except SendError as exc:
        saved = save_unsent(as_bytes(exc.unsent(msg)), date)  # only what is still to send
        raise MailError(f"not sent: {exc}; message saved to {saved}") from None
    env.stderr.write(f"briefer: sent to {', '.join(addressing.recipients)} via {settings.where}\n")
    return ExitStatus.OK


def _date(generated_at: str | None) -> datetime:
    """The brief's own time stamp (which honours BRIEFER_NOW), so Date matches the brief."""
    if generated_at:
        try:
            return datetime.fromisoformat(generated_at)
        except ValueError:
            pass
    return datetime.now(UTC).replace(microsecond=0)
