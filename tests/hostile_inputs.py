"""Hostile and odd inputs for every command that reads articles, made by the tests themselves.

Each case turns a scratch folder into a `Run` (the sources for the command line, bytes for stdin,
environment variables, extra options) and says what must come of it: `"brief"` (a valid brief,
perhaps with `briefer: note:` lines) or `"error"` (one `briefer: error:` line, a non-zero status).
`says` is a phrase that note or error must contain; `hidden` are strings that must appear in no
output (script code, escape-sequence payloads); `kept` are strings the JSON brief must still hold.

`tests/test_hostile.py` runs every case through `brief` in every format, `tests/test_hostile_mail.py`
through `mail` (printed and `--dry-run`) and `tests/test_hostile_tui.py` through `tui` (the real app,
driven by Textual's pilot). `check_outcome`, `assert_no_controls` and `in_time` serve them all.
"""

from __future__ import annotations

import codecs
import http.server
import os
import random
import re
import socket
import socketserver
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, TypeVar

import pytest
from conftest import SEED

CONTROLS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069"
    "\ufeff\U000e0000-\U000e007f\ud800-\udfff]"
)
"""What must never reach a terminal, file or pipe raw: ESC, BEL, CSI/OSC in 8 bits, other C0
(newline and tab are fine); bidi overrides, isolates and marks; zero-width and invisible format
characters; tag characters; lone surrogates (a file name that is not UTF-8)."""

OUTPUT_LIMIT = 5_000_000
"""Characters of output any brief may take: 100,000 characters of analysed text appear at most a
few times over (source text, sentences, bottom line)."""


TIME_LIMIT = 60.0
"""Seconds any one run may take (the slowest light case takes about 2 s)."""

T = TypeVar("T")


def in_time(run: Callable[[], T], seconds: float = TIME_LIMIT) -> T:
    """The result of `run()`, or a failure if it has not answered within `seconds` (no sleeping)."""
    result: dict[str, object] = {}

    def target() -> None:
        try:
            result["value"] = run()
        except BaseException as exc:  # re-raised in the test's thread
            result["error"] = exc

    worker = threading.Thread(target=target, daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        pytest.fail(f"no answer within {seconds:g} s")
    if "error" in result:
        raise result["error"]  # type: ignore[misc]
    return result["value"]  # type: ignore[return-value]


def assert_no_controls(text: str, where: str = "output") -> None:
    found = CONTROLS.search(text)
    assert found is None, f"raw control character {found.group()!r} in {where} at {found.start()}"


@dataclass(frozen=True)
class Run:
    """What a case gives a command: sources, stdin, environment, extra options."""

    sources: tuple[str, ...]
    stdin: bytes = b""
    env: Mapping[str, str] = field(default_factory=dict)
    options: tuple[str, ...] = ()
    streams: Literal["stdin-closed", "stdout-full", "stdout-closed"] | None = None
    """Standard streams as the shell left them: such a run goes to a fresh interpreter."""


@dataclass(frozen=True)
class Hostile:
    name: str
    make: Callable[[Path], Run]
    expect: Literal["brief", "error"]
    says: str = ""
    hidden: tuple[str, ...] = ()
    kept: tuple[str, ...] = ()
    heavy: bool = False
    """Slow inputs: run in one format only (the others render the same brief)."""
    big: bool = False
    """Tens of MB: run in a fresh interpreter whose peak memory is measured."""
    after: Callable[[Path], None] | None = None
    """A check on the scratch folder after the run (files left as they were)."""
    commands: frozenset[str] = frozenset({"brief", "mail", "tui"})
    """The commands the case means something for (`--each` is only `brief`'s, a config only `mail`'s)."""
    markdown_kept: tuple[str, ...] = ()
    """Article text that rendered markdown must show as written (not struck out, bold, a link)."""


CASES: dict[str, Hostile] = {}


def case(name: str, expect: Literal["brief", "error"], **details: object) -> Callable:
    def register(make: Callable[[Path], Run]) -> Callable[[Path], Run]:
        CASES[name] = Hostile(name, make, expect, **details)  # type: ignore[arg-type]
        return make

    return register


def _file(folder: Path, name: str, data: bytes | str) -> Run:
    path = folder / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode())
    return Run((str(path),))


PROSE = (
    "The regional governor said on Monday that rescue teams had reached the flooded villages. "
    "Heavy rain has cut off at least twelve villages in the northern valley since Friday. "
    '"We are doing everything we can to reach them," the governor told reporters in the capital. '
    "Aid groups warned that clean water was running short and that roads would stay closed for days. "
    "The national weather service expects more rain later in the week, officials said."
)


def _seed_body() -> str:
    return SEED.read_text(encoding="utf-8").split("5:10PM", 1)[1]


# ---- empty, tiny and binary -------------------------------------------------------------------


@case("empty-file", "error", says="empty")
def _empty(tmp: Path) -> Run:
    return _file(tmp, "empty.txt", b"")


@case("whitespace-only", "error", says="empty")
def _whitespace(tmp: Path) -> Run:
    return _file(tmp, "blank.txt", b" \n\t\r\n  \n\x0c\n")


@case("one-sentence", "brief", kept=("The ministers met on Friday",))
def _one_sentence(tmp: Path) -> Run:
    return _file(tmp, "one.txt", "The ministers met on Friday and agreed to extend the truce for two months.")


@case("binary-file", "error", says="binary")
def _binary(tmp: Path) -> Run:
    noise = random.Random(7).randbytes(50_000)
    return _file(tmp, "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + noise)


@case("escape-sequences-only", "error", says="no text")
def _escapes_only(tmp: Path) -> Run:
    return _file(tmp, "esc.txt", b"\x1b[2J\x1b[H\x1b]0;x\x07\x1b[31m\x1b[0m\n" * 20)


# ---- encodings --------------------------------------------------------------------------------

ACCENTED = "Café owners in Zürich and Málaga said the new tax was unfair to them and their staff. " + PROSE


@case("invalid-utf8", "brief", kept=("rescue teams",))
def _invalid_utf8(tmp: Path) -> Run:
    data = PROSE.encode().replace(b"Monday", b"Mon\xffday\xc3").replace(b"Friday", b"Fri\xe2\x82day")
    return _file(tmp, "broken.txt", data)


@case("utf16-with-bom", "brief", kept=("Zürich", "Málaga"))
def _utf16_bom(tmp: Path) -> Run:
    return _file(tmp, "utf16.txt", codecs.BOM_UTF16_LE + ACCENTED.encode("utf-16-le"))


@case("utf16-without-bom", "brief", kept=("Zürich", "Málaga"))
def _utf16_nobom(tmp: Path) -> Run:
    return _file(tmp, "utf16be.txt", ACCENTED.encode("utf-16-be"))


@case("latin1", "brief", kept=("Zürich", "Málaga"))
def _latin1(tmp: Path) -> Run:
    return _file(tmp, "latin1.txt", ACCENTED.encode("latin-1"))


# ---- size -------------------------------------------------------------------------------------


def write_big_text(path: Path, size: int) -> Path:
    """`size` bytes of real prose (the seed's body over and over), written in pieces."""
    body = _seed_body().encode()
    with path.open("wb") as handle:
        handle.write(SEED.read_bytes()[:600])
        written = 600
        while written < size:
            handle.write(body)
            written += len(body)
    return path


@case("text-50mb", "brief", says="input cut at 20 MB", heavy=True, big=True)
def _text_50mb(tmp: Path) -> Run:
    return Run((str(write_big_text(tmp / "big.txt", 50 * 1024 * 1024)),))


@case("one-1mb-line-no-punctuation", "brief", says="characters of text were analysed", heavy=True)
def _long_line(tmp: Path) -> Run:
    words = " ".join(f"word{i % 997} river{i % 13}" for i in range(80_000))
    return _file(tmp, "line.txt", words[: 1024 * 1024])


@case("lines-100k", "brief", says="sentences were analysed", heavy=True)
def _many_lines(tmp: Path) -> Run:
    return _file(tmp, "log.txt", "\n".join(f"Entry {i} ok" for i in range(100_000)))


# ---- odd text ---------------------------------------------------------------------------------


@case("all-capitals", "brief")
def _capitals(tmp: Path) -> Run:
    return _file(tmp, "caps.txt", _seed_body().upper())


@case("no-sentence-punctuation", "brief")
def _no_punctuation(tmp: Path) -> Run:
    return _file(tmp, "nopunct.txt", re.sub(r"[.!?;:,\"“”]", "", _seed_body()))


@case("markdown-unmatched-emphasis", "brief", heavy=True)
def _emphasis(tmp: Path) -> Run:
    return _file(tmp, "stars.md", PROSE + "\n\n" + "*a _b " * 15_000 + "\n\n" + PROSE)


@case("wikitext-unclosed-markup", "brief", kept=("rescue teams",))
def _wiki_unclosed(tmp: Path) -> Run:
    return _file(tmp, "story.wiki", PROSE + "\n\n" + "<ref name=x>[[a|{{b [http://x " * 3000 + "\n\n" + PROSE)


@case("html-unclosed-tags", "brief", kept=("rescue teams",))
def _html_unclosed(tmp: Path) -> Run:
    page = f"<html><head><title>Floods</title></head><body><p>{PROSE}</p><p>{PROSE}</p>"
    return _file(tmp, "open.html", page + "<a <b <script <title <!-- " * 10_000)


@case("german", "brief", says="does not look English")
def _german(tmp: Path) -> Run:
    return _file(
        tmp,
        "de.txt",
        "Die Bundesregierung hat am Montag neue Maßnahmen gegen die Inflation beschlossen. "
        "Der Kanzler sagte, die Lage sei ernst, aber beherrschbar. "
        "Die Opposition kritisierte den Plan als unzureichend und forderte mehr Geld für die Kommunen. "
        "Nach Angaben des Ministeriums sollen die Hilfen noch in diesem Jahr ausgezahlt werden.",
    )


@case("chinese", "brief", says="does not look English")
def _chinese(tmp: Path) -> Run:
    return _file(
        tmp,
        "zh.txt",
        "中国政府周一宣布了新的经济刺激措施。国务院总理表示，形势严峻但可控。"
        "反对者批评该计划不足，并要求为地方政府提供更多资金。\n\n"
        "据财政部称，这些援助将在今年年底前发放。",
    )


@case("emoji-and-right-to-left", "brief", hidden=("\u202e", "\u2066"), kept=("🌊", "القاهرة"))
def _emoji_rtl(tmp: Path) -> Run:
    return _file(
        tmp,
        "mixed.txt",
        "Protesters in القاهرة (Cairo) and ירושלים waved flags 🇪🇬🇮🇱 and chanted for hours on Friday. 🌊🔥\n\n"
        "A spokesman said the \u202egnp.exe\u202c file and the \u2066hidden\u2069 text were harmless. "
        "👨‍👩‍👧 Families gathered near the river as night fell, witnesses said.\n\n" + PROSE,
    )


@case(
    "ansi-and-osc-escapes",
    "brief",
    hidden=("ZXZpbA", "]0;", "]52;", "]8;", "pwned", "[31m", "evil.example"),
    kept=("rescue teams",),
)
def _ansi(tmp: Path) -> Run:
    text = (
        "\x1b]0;pwned title\x07\x1b]52;c;ZXZpbA==\x07\x1b[2J\x1b[31mThe regional governor\x1b[0m said on "
        "Monday that rescue teams had reached the flooded villages.\x1b]8;;http://evil.example/\x1b\\ "
        "Heavy rain has cut off\x9b31m at least twelve villages\x9d0;pwned\x9c in the northern "
        "valley.\x07\n\n" + PROSE
    )
    return _file(tmp, "ansi.txt", text.encode("utf-8"))


@case("rich-and-textual-markup", "brief", kept=("[bold red]", "[@click=app.quit]"))
def _markup(tmp: Path) -> Run:
    return _file(
        tmp,
        "markup.txt",
        "The minister wrote [bold red]urgent[/bold red] on the memo and [@click=app.quit]quit[/] the "
        "meeting early, aides said on Tuesday. [link=file:///etc/passwd]Details[/link] were not given.\n\n"
        + PROSE,
    )


@case("file-name-with-escapes", "brief")
def _bad_name(tmp: Path) -> Run:
    return _file(tmp, "story\x1b]0;pwned\x07\x1b[2J.txt", PROSE)


@case("title-with-crlf", "brief")
def _title_crlf(tmp: Path) -> Run:
    page = (
        "<html><head><title>Talks resume\r\nBcc: victim@example.net\r\n\x1b]0;x\x07</title></head>"
        f"<body><article><h1>Talks resume</h1><p>{PROSE}</p><p>{PROSE}</p></article></body></html>"
    )
    path = tmp / "crlf.html"
    path.write_text(page, encoding="utf-8")
    front = tmp / "crlf.md"
    front.write_text(f'---\ntitle: "Talks\\r\\nBcc: victim@example.net"\n---\n\n{PROSE}\n', encoding="utf-8")
    return Run((str(path), str(front)))


INJECTION = "=?utf-8?q?=0D=0ABcc:_x@example.net?="
"""An RFC 2047 encoded word that decodes to CR LF and a header line: CPython 3.11's `email` writes it
out raw when it folds a long header (see briefer/mail/headers.py), so a title holding it must not
reach a mail header as an encoded word."""
TRAP_TITLE = f"Ministers agree to extend the truce for two more months {INJECTION} after long talks"


@case("encoded-word-in-html-title", "brief", kept=(INJECTION,))
def _html_title_trap(tmp: Path) -> Run:
    page = (
        f"<html><head><title>{TRAP_TITLE}\r\nBcc: y@example.net</title></head>"
        f"<body><article><p>{PROSE}</p><p>{PROSE}</p></article></body></html>"
    )
    return _file(tmp, "trap.html", page)


@case("encoded-word-in-front-matter-title", "brief", hidden=("pwned", "]0;"), kept=(INJECTION,))
def _front_matter_trap(tmp: Path) -> Run:
    """YAML escapes for CR LF, an OSC title write and a lone surrogate; the file has CRLF line ends."""
    title = f'"{TRAP_TITLE}\\r\\nBcc: y@example.net \\e]0;pwned\\a \\ud800"'
    return _file(tmp, "trap.md", f"---\r\ntitle: {title}\r\n---\r\n\r\n{PROSE}\r\n")


# ---- HTML -------------------------------------------------------------------------------------


@case(
    "html-scripts-styles-iframes",
    "brief",
    hidden=("alert(", "evil.example", "color:red", "tracking", "document.cookie"),
    kept=("rescue teams",),
)
def _html_scripts(tmp: Path) -> Run:
    page = (
        "<html><head><title>Floods cut off villages</title><style>p{color:red}</style>"
        "<script>alert(document.cookie)</script></head><body>"
        '<iframe src="http://evil.example/">tracking frame</iframe>'
        f"<article><p>{PROSE}</p><script>alert('tracking')</script><p>{PROSE}</p></article>"
        '<img src=x onerror="alert(1)"><noscript>tracking pixel</noscript></body></html>'
    )
    return _file(tmp, "page.html", page)


@case("html-5000-nested-divs", "brief", kept=("rescue teams",))
def _html_nested(tmp: Path) -> Run:
    page = "<html><head><title>Deep page</title></head><body>" + "<div>" * 5000
    page += f"<p>{PROSE}</p><p>{PROSE}</p>" + "</div>" * 5000 + "</body></html>"
    return _file(tmp, "deep.html", page)


@case("html-without-article", "error", says="no article text")
def _html_empty(tmp: Path) -> Run:
    page = (
        "<html><head><title>Home</title><script>var x = 1;</script></head><body>"
        '<nav><a href="/">Home</a> <a href="/news">News</a></nav>'
        "<footer>© 2024 Example News</footer></body></html>"
    )
    return _file(tmp, "nav.html", page)


# ---- paths ------------------------------------------------------------------------------------


@case("folder-without-articles", "error", says="no article files")
def _empty_folder(tmp: Path) -> Run:
    folder = tmp / "photos"
    folder.mkdir()
    (folder / "a.jpg").write_bytes(b"\xff\xd8\xff")
    return Run((str(folder),))


@case("missing-path", "error", says="no such file")
def _missing(tmp: Path) -> Run:
    return Run((str(tmp / "nope.txt"),))


@case("unreadable-file", "error", says="permission denied")
def _unreadable(tmp: Path) -> Run:
    if os.geteuid() == 0:
        pytest.skip("root reads files whatever their mode; fifo-without-writer and dev-zero cover it")
    run = _file(tmp, "secret.txt", PROSE)
    Path(run.sources[0]).chmod(0)
    return run


@case("fifo-without-writer", "error", says="empty")
def _fifo(tmp: Path) -> Run:
    path = tmp / "pipe.txt"
    os.mkfifo(path)
    return Run((str(path),))


@case("dev-zero", "error", says="binary")
def _dev_zero(tmp: Path) -> Run:
    return Run(("/dev/zero",))


@case("stdin-binary", "error", says="binary")
def _stdin_binary(tmp: Path) -> Run:
    return Run(("-",), stdin=bytes(range(256)) * 100)


# ---- output files -----------------------------------------------------------------------------


def _existing_output(tmp: Path) -> Path:
    target = tmp / "out" / "brief.txt"
    target.parent.mkdir()
    target.write_text("my notes\n")
    return target


def _output_unchanged(tmp: Path) -> None:
    out = tmp / "out"
    assert (out / "brief.txt").read_text() == "my notes\n"
    assert [p.name for p in out.iterdir()] == ["brief.txt"], "a temporary file was left behind"


@case("output-kept-when-run-fails", "error", says="empty", after=_output_unchanged)
def _output_kept(tmp: Path) -> Run:
    target = _existing_output(tmp)
    return Run(_file(tmp, "empty.txt", b"").sources, options=("-o", str(target), "--force"))


def _output_replaced(tmp: Path) -> None:
    out = tmp / "out"
    assert "rescue teams" in (out / "brief.txt").read_text()
    assert [p.name for p in out.iterdir()] == ["brief.txt"], "a temporary file was left behind"


@case("output-replaced-when-run-succeeds", "brief", after=_output_replaced)
def _output_replaced_run(tmp: Path) -> Run:
    target = _existing_output(tmp)
    return Run(_file(tmp, "story.txt", PROSE).sources, options=("-o", str(target), "--force"))


@case("output-into-missing-folder", "error", says="does not exist")
def _output_missing(tmp: Path) -> Run:
    return Run(_file(tmp, "story.txt", PROSE).sources, options=("-o", str(tmp / "no" / "brief.md")))


# ---- URLs -------------------------------------------------------------------------------------


class _Handler(http.server.BaseHTTPRequestHandler):
    """/loop redirects to itself, /huge streams 200 MB of prose, /trickle sends a byte at a time."""

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        try:
            if self.path == "/loop":
                self.send_response(302)
                self.send_header("Location", "/loop")
                self.end_headers()
            elif self.path == "/huge":
                self._huge()
            elif self.path == "/trickle":
                self._trickle()
            else:
                self.send_error(404)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading, as it should

    def _huge(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(HUGE_BYTES))
        self.end_headers()
        chunk = (PROSE + "\n\n").encode() * 2000
        sent = 0
        while sent < HUGE_BYTES:
            self.wfile.write(chunk)
            sent += len(chunk)
            SERVER_STATS["huge_sent"] = sent

    def _trickle(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        pause = threading.Event()
        for byte in (PROSE * 100).encode():
            self.wfile.write(bytes([byte]))
            self.wfile.flush()
            if pause.wait(0.05) or STOP.is_set():  # pace the server, not the test
                return


HUGE_BYTES = 200 * 1024 * 1024
SERVER_STATS: dict[str, int] = {}
STOP = threading.Event()
_SERVERS: dict[str, str] = {}
_LOCK = threading.Lock()


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


def hostile_server() -> str:
    """Base URL of a local server with the hostile routes, started once per process."""
    with _LOCK:
        if "http" not in _SERVERS:
            server = _Server(("127.0.0.1", 0), _Handler)
            threading.Thread(target=server.serve_forever, daemon=True).start()
            _SERVERS["http"] = f"http://127.0.0.1:{server.server_address[1]}"
        return _SERVERS["http"]


def silent_server() -> str:
    """A URL whose server accepts connections (the kernel does) and never answers."""
    with _LOCK:
        if "silent" not in _SERVERS:
            listener = socket.socket()
            listener.bind(("127.0.0.1", 0))
            listener.listen(64)
            _SERVERS["silent"] = f"http://127.0.0.1:{listener.getsockname()[1]}/story"
            _SERVERS["silent-socket"] = listener  # type: ignore[assignment]  # keep it open
        return _SERVERS["silent"]


def closed_port() -> str:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return f"http://127.0.0.1:{port}/story"


FAST = {"BRIEFER_URL_TIMEOUT": "1"}


@case("url-refused", "error", says="refused")
def _url_refused(tmp: Path) -> Run:
    return Run((closed_port(),), env=FAST)


@case("url-never-answers", "error", says="timed out")
def _url_silent(tmp: Path) -> Run:
    return Run((silent_server(),), env=FAST)


@case("url-trickles", "error", says="took longer than 1 s")
def _url_trickle(tmp: Path) -> Run:
    return Run((hostile_server() + "/trickle",), env=FAST)


@case("url-redirect-loop", "error", says="redirect")
def _url_loop(tmp: Path) -> Run:
    return Run((hostile_server() + "/loop",), env=FAST)


def _huge_cut(tmp: Path) -> None:
    assert SERVER_STATS["huge_sent"] < 64 * 1024 * 1024, "the 200 MB answer was read far past the cap"


@case("url-200mb", "brief", says="input cut at 20 MB", heavy=True, big=True, after=_huge_cut)
def _url_huge(tmp: Path) -> Run:
    return Run((hostile_server() + "/huge",), env={"BRIEFER_URL_TIMEOUT": "60"})


def run_in_process(argv: list[str], run: Run) -> tuple[int, str, str]:
    """`python -m briefer ARGV` in a fresh interpreter with the standard streams `run` asks for:
    stdin or stdout closed, or stdout on /dev/full."""
    import subprocess
    import sys

    from conftest import ROOT

    closing = {"stdin-closed": 0, "stdout-closed": 1}.get(run.streams or "")
    full = open(os.devnull if run.streams != "stdout-full" else "/dev/full", "wb")  # noqa: SIM115
    with full:
        result = subprocess.run(
            [sys.executable, "-m", "briefer", *argv],
            input=None if closing == 0 else run.stdin,
            stdout=full if run.streams == "stdout-full" else subprocess.PIPE,
            stderr=subprocess.PIPE,
            preexec_fn=(lambda: os.close(closing)) if closing is not None else None,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT), **run.env},
            timeout=TIME_LIMIT,
            check=False,
        )
    out = result.stdout.decode("utf-8", "replace") if result.stdout else ""
    return result.returncode, out, result.stderr.decode("utf-8", "replace")


def check_outcome(case: Hostile, status: int, out: str, err: str, *, output_in_file: bool = False) -> None:
    """What every command owes a user on a hostile input, whatever it prints.

    A brief: status 0 and only `briefer: note:` lines on stderr. An error: status 1 or 2, nothing on
    stdout, exactly one `briefer: error:` line. Never a traceback or an internal error, never a raw
    control character, never output of unbounded size, never a hidden string.
    """
    assert "Traceback" not in out + err and "internal error" not in err, err
    assert_no_controls(out, "stdout")
    assert_no_controls(err, "stderr")
    assert len(out) < OUTPUT_LIMIT and len(err) < 10_000
    lines = err.splitlines()
    if case.expect == "error":
        assert status in (1, 2), f"status {status}, stderr {err!r}"
        assert out == ""
        assert len(lines) == 1 and lines[0].startswith("briefer: error: ") and err.endswith("\n"), err
        assert case.says in lines[0]
    else:
        assert status == 0, err
        assert all(line.startswith("briefer: note: ") for line in lines), err
        assert case.says in err
        assert output_in_file or out.strip()
    for secret in case.hidden:
        assert secret not in out and secret not in err, f"{secret!r} reached the output"


import hostile_round2  # noqa: E402, F401  # the second round's cases (issue 15) register themselves
