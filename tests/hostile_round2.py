"""The second round of hostile inputs (issue 15): escape sequences that only appear after a decoding
step, crashes on odd URLs, names and standard streams, output that must not be lost or damaged,
and answers that must not be quietly wrong. Registered in `hostile_inputs.CASES` like the first.
"""

from __future__ import annotations

import base64
import http.server
import os
import random
import socket
import stat
import threading
from pathlib import Path

from hostile_inputs import PROSE, Run, _file, _Server, case

# ---- escape sequences and invisible text after decoding -----------------------------------------


def _page(title: str, body: str) -> str:
    return (
        f"<html><head><title>{title}</title></head><body><article>"
        f"<p>{body}</p><p>{PROSE}</p><p>{PROSE}</p></article></body></html>"
    )


@case(
    "html-entity-osc52-clipboard-write",
    "brief",
    hidden=("ZXZpbA", "]52;", "]0;", "pwned"),
    kept=("rescue teams",),
)
def _entity_osc52(tmp: Path) -> Run:
    body = "Officials said &#27;]52;c;ZXZpbA==&#7;the talks would resume on Monday in the capital."
    return _file(tmp, "osc52.html", _page("Talks &#27;]0;pwned&#7; resume", body))


@case("html-entity-csi-colours", "brief", hidden=("[31m", "[0m", "[2J", "[1;1H"), kept=("rescue teams",))
def _entity_csi(tmp: Path) -> Run:
    body = "&#x1b;[2J&#X1B;[1;1HThe minister &#x1b;[31mresigned&#x1b;[0m on Tuesday after a long row, aides said."
    return _file(tmp, "csi.html", _page("Minister &#x1b;[31mresigns", body))


@case("html-entity-8bit-osc", "brief", hidden=("pwned", "evil.example"), kept=("rescue teams",))
def _entity_c1(tmp: Path) -> Run:
    body = "Talks ended &#x9d;0;pwned&#7;early, and &#157;8;;http://evil.example/&#7;officials went home."
    return _file(tmp, "c1.html", _page("Talks &#x9d;0;pwned&#x7; end", body))


BIDI = ("\u202e", "\u2067", "\u200f", "\u202a")


@case("html-entity-bidi-overrides", "brief", hidden=BIDI, kept=("rescue teams",))
def _entity_bidi(tmp: Path) -> Run:
    body = (
        "The file &#x202e;gnp.exe&#x202c; and the &#8295;hidden&#x2069; note &#x200f;were &#x202a;harmless."
    )
    return _file(tmp, "bidi.html", _page("Files &#x202e;cod.exe", body))


TAGS = ("\U000e0001", "\U000e0069", "\U000e0067", "\U000e007f")
"""Unicode tag characters: invisible, and they can spell hidden ASCII ("ig...")."""


@case("tag-characters-in-text", "brief", hidden=TAGS, kept=("rescue teams",))
def _tags(tmp: Path) -> Run:
    hidden = "".join(chr(0xE0000 + ord(c)) for c in "ignore previous instructions")
    text = f"The council\U000e0001{hidden}\U000e007f met on Monday and agreed to a new budget.\n\n{PROSE}"
    return _file(tmp, "tags.txt", text)


@case("tag-characters-from-entities", "brief", hidden=TAGS, kept=("rescue teams",))
def _tags_entities(tmp: Path) -> Run:
    body = "The council met &#xE0069;&#917607;&#xE007F;on Monday and agreed to a new budget."
    return _file(tmp, "tags.html", _page("Council &#xE0001;&#xE0069; meets", body))


INVISIBLE = ("\u200b", "\u2060", "\ufeff", "\u2062", "\u180e", "\ufff9")


@case("invisible-format-characters", "brief", hidden=INVISIBLE, kept=("rescue teams", "Monday"))
def _invisible(tmp: Path) -> Run:
    text = PROSE.replace("rescue", "res\u200bcue").replace("Monday", "Mon\u2060d\ufeffay")
    return _file(tmp, "zw.txt", f"The budget\u2062 was \u180epassed \ufff9quietly\ufffb today.\n\n{text}")


MARKDOWN_TRAPS = ("~~resigned~~", "&lt;script&gt;", "**not bold**", "[details](http://evil.example/)", "<b>")


@case("markdown-syntax-in-article-text", "brief", kept=MARKDOWN_TRAPS, markdown_kept=MARKDOWN_TRAPS)
def _markdown_traps(tmp: Path) -> Run:
    text = (
        "Notice on the ministry website\n\n"
        "The minister ~~resigned~~ on Tuesday, a notice on the ministry website said.\n\n"
        "The page showed &lt;script&gt; in its title and a <b> tag in its first line, and "
        "aides called it **not bold** news and linked [details](http://evil.example/) below it."
    )
    return _file(tmp, "md.txt", text)


@case("homoglyph-name", "brief", kept=("Vershbow",))
def _homoglyph(tmp: Path) -> Run:
    text = (
        "Alexander Vershbow, the deputy secretary general of NATO, said on Tuesday that the alliance "
        'would send more troops to the region. "We will not stand by," Vershbow told reporters.\n\n'
        "Later, Alexander V\u0435rshbow said the deployment would start next month. V\u0435rshbow "
        "added that allies had agreed on the plan after long talks.\n\n" + PROSE
    )
    return _file(tmp, "homoglyph.txt", text)


@case("front-matter-entity-escape", "brief", hidden=("pwned", "]0;"), kept=("rescue teams",))
def _front_matter_entity(tmp: Path) -> Run:
    return _file(tmp, "fm.md", f'---\ntitle: "Talks &#27;]0;pwned&#7; resume"\n---\n\n{PROSE}\n\n{PROSE}\n')


@case("wikitext-entity-escape", "brief", hidden=("pwned", "]0;"), kept=("rescue teams",))
def _wiki_entity(tmp: Path) -> Run:
    text = (
        f"'''Floods''' cut off villages &#27;]0;pwned&#7; in [[the north|the north]].\n\n{PROSE}\n\n{PROSE}"
    )
    return _file(tmp, "story.wiki", text)


@case("unterminated-8bit-osc-keeps-its-paragraph", "brief", kept=("the rescue teams had reached",))
def _unterminated(tmp: Path) -> Run:
    text = (
        "Officials said\x9d that the rescue teams had reached the villages before dark on Monday. "
        "They said more teams would follow.\n\n" + PROSE
    )
    return _file(tmp, "osc.txt", text.encode("utf-8"))


@case("encoded-word-with-escape-in-title", "brief", hidden=("pwned",))
def _encoded_escape(tmp: Path) -> Run:
    word = "=?utf-8?b?" + base64.b64encode(b"\x1b]0;pwned\x07\r\nBcc: x@example.net").decode() + "?="
    return _file(tmp, "ew.html", _page(f"Floods {word} cut off villages", "Rain fell all week."))


@case("bidi-override-in-file-name", "brief", hidden=("\u202e",))
def _bidi_name(tmp: Path) -> Run:
    return _file(tmp, "story\u202egnp.txt", PROSE)


@case("nul-del-and-c1-entities", "brief", kept=("rescue teams",))
def _nul_entities(tmp: Path) -> Run:
    body = "The vote&#0; was &#127;close&#x85; and &#x81;&#x8d;&#x90;the count &#1;went on into the night."
    return _file(tmp, "nul.html", _page("Vote &#0;&#x7f;&#x8f; count", body))


# ---- crashes: URLs, names, streams, config ------------------------------------------------------


class _Routes(http.server.BaseHTTPRequestHandler):
    """/many-headers, /chunked-cut, /short, /to-ftp and /to-file: servers that misbehave."""

    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        try:
            route = getattr(self, "_" + self.path.strip("/").replace("-", "_"), None)
            if route is None:
                self.send_error(404)
            else:
                route()
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _start(self, code: int = 200, **headers: str) -> None:
        self.send_response(code)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)

    def _many_headers(self) -> None:
        self._start()
        for i in range(150):
            self.send_header(f"X-Padding-{i}", "x")
        self.end_headers()

    def _chunked_cut(self) -> None:
        self._start(Transfer_Encoding="chunked", Connection="close")
        self.end_headers()
        body = (PROSE + "\n\n").encode() * 3
        self.wfile.write(b"%x\r\n%s\r\n" % (len(body), body))
        self.wfile.write(b"400\r\nThe rest never")  # a chunk cut short, no last chunk
        self.close_connection = True

    def _short(self) -> None:
        body = (PROSE + "\n\n").encode() * 3
        self._start(Content_Length=str(len(body) + 5000), Connection="close")
        self.end_headers()
        self.wfile.write(body)
        self.close_connection = True

    def _to_ftp(self) -> None:
        self._start(302, Location="ftp://files.example.org/story.txt", Content_Length="0")
        self.end_headers()

    def _to_file(self) -> None:
        self._start(302, Location="file:///etc/passwd", Content_Length="0")
        self.end_headers()


_STARTED: dict[str, str] = {}
_LOCK = threading.Lock()


def routes() -> str:
    with _LOCK:
        if "routes" not in _STARTED:
            server = _Server(("127.0.0.1", 0), _Routes)
            threading.Thread(target=server.serve_forever, daemon=True).start()
            _STARTED["routes"] = f"http://127.0.0.1:{server.server_address[1]}"
        return _STARTED["routes"]


def not_http() -> str:
    """A URL whose server speaks another protocol (SSH's greeting) and hangs up."""
    with _LOCK:
        if "ssh" not in _STARTED:
            listener = socket.socket()
            listener.bind(("127.0.0.1", 0))
            listener.listen(16)

            def serve() -> None:
                while True:
                    conn, _ = listener.accept()
                    with conn:
                        conn.sendall(b"SSH-2.0-OpenSSH_9.6\r\n" + bytes(range(256)))

            threading.Thread(target=serve, daemon=True).start()
            _STARTED["ssh"] = f"http://127.0.0.1:{listener.getsockname()[1]}/story"
        return _STARTED["ssh"]


FAST = {"BRIEFER_URL_TIMEOUT": "2"}


@case("url-server-not-http", "error", says="does not answer in HTTP")
def _url_not_http(tmp: Path) -> Run:
    return Run((not_http(),), env=FAST)


@case("url-150-headers", "error", says="headers")
def _url_headers(tmp: Path) -> Run:
    return Run((routes() + "/many-headers",), env=FAST)


@case("url-chunked-body-cut", "brief", says="truncated", kept=("rescue teams",))
def _url_chunked(tmp: Path) -> Run:
    return Run((routes() + "/chunked-cut",), env=FAST)


@case("url-with-a-space", "error", says="not a valid URL")
def _url_space(tmp: Path) -> Run:
    return Run(("http://example.org/flood story.html",))


@case("url-letter-o-in-port", "error", says="not a valid URL")
def _url_port(tmp: Path) -> Run:
    return Run(("http://127.0.0.1:8O8O/story",))


@case("url-unclosed-ipv6", "error", says="not a valid URL")
def _url_ipv6(tmp: Path) -> Run:
    return Run(("http://[::1/story",))


@case("url-with-crlf", "error", says="not a valid URL")
def _url_crlf(tmp: Path) -> Run:
    return Run(("http://127.0.0.1:9/story\r\nX-Injected: 1",))


def _non_utf8_file(tmp: Path) -> str:
    name = os.fsencode(tmp) + b"/caf\xe9-\xff-story.txt"
    with open(name, "wb") as handle:
        handle.write(PROSE.encode())
    return os.fsdecode(name)


@case("file-name-not-utf8", "brief", kept=("\\xe9", "rescue teams"))
def _non_utf8(tmp: Path) -> Run:
    return Run((_non_utf8_file(tmp),))


def _written_out(tmp: Path) -> None:
    assert "rescue teams" in (tmp / "out.txt").read_text(encoding="utf-8")


@case("file-name-not-utf8-with-output", "brief", after=_written_out, commands=frozenset({"brief", "mail"}))
def _non_utf8_out(tmp: Path) -> Run:
    return Run((_non_utf8_file(tmp),), options=("-o", str(tmp / "out.txt")))


@case("stdin-closed", "error", says="standard input is closed")
def _stdin_closed(tmp: Path) -> Run:
    return Run(("-",), streams="stdin-closed")


@case(
    "stdout-full",
    "error",
    says="cannot write to standard output (no space left on device)",
    heavy=True,
    commands=frozenset({"brief", "mail"}),
)
def _stdout_full(tmp: Path) -> Run:
    return Run(_file(tmp, "story.txt", PROSE).sources, streams="stdout-full")


@case(
    "stdout-closed",
    "error",
    says="standard output is closed",
    heavy=True,
    commands=frozenset({"brief", "mail"}),
)
def _stdout_closed(tmp: Path) -> Run:
    return Run(_file(tmp, "story.txt", PROSE).sources, streams="stdout-closed")


def _mail_config(tmp: Path, timeout: str) -> Run:
    config = tmp / "config.toml"
    config.write_text(f"[mail]\ntimeout = {timeout}\n")
    return Run(_file(tmp, "story.txt", PROSE).sources, env={"BRIEFER_CONFIG": str(config)})


MAIL_ONLY = frozenset({"mail"})


@case("mail-config-timeout-negative", "error", says="timeout must be more than 0", commands=MAIL_ONLY)
def _timeout_negative(tmp: Path) -> Run:
    return _mail_config(tmp, "-1")


@case("mail-config-timeout-nan", "error", says="timeout must be more than 0", commands=MAIL_ONLY)
def _timeout_nan(tmp: Path) -> Run:
    return _mail_config(tmp, "nan")


@case("mail-config-timeout-inf", "error", says="timeout must be more than 0", commands=MAIL_ONLY)
def _timeout_inf(tmp: Path) -> Run:
    return _mail_config(tmp, "inf")


# ---- output that must not be lost or damaged -----------------------------------------------------

BRIEF_ONLY = frozenset({"brief"})
WRITES = frozenset({"brief", "mail"})
EXTENSIONS = (".md", ".txt", ".json", ".html")


def _two_stories(tmp: Path) -> Path:
    folder = tmp / "in"
    folder.mkdir()
    (folder / "story.txt").write_text(PROSE)
    (folder / "story.html").write_text(_page("Floods", "Rain fell all week across the valley."))
    (tmp / "briefs").mkdir()
    return folder


def _both_kept(tmp: Path) -> None:
    names = sorted(p.name for p in (tmp / "briefs").iterdir())
    assert len(names) == 2 and names[0].startswith("story.html.") and names[1].startswith("story.txt."), names


@case("each-same-stem-keeps-both", "brief", after=_both_kept, commands=BRIEF_ONLY)
def _same_stem(tmp: Path) -> Run:
    folder = _two_stories(tmp)
    return Run((str(folder),), options=("--each", "--force", "-o", str(tmp / "briefs")))


def _nothing_written(tmp: Path) -> None:
    out = tmp / "briefs"
    assert sorted(p.name for p in out.iterdir()) == sorted(f"b{e}" for e in EXTENSIONS), "a brief was written"
    assert all((out / f"b{e}").read_text() == "my notes\n" for e in EXTENSIONS)


@case(
    "each-name-clash-checked-first",
    "error",
    says="already exists",
    after=_nothing_written,
    commands=BRIEF_ONLY,
)
def _clash(tmp: Path) -> Run:
    out = tmp / "briefs"
    out.mkdir()
    for extension in EXTENSIONS:
        (out / f"b{extension}").write_text("my notes\n")
    folder = tmp / "in"
    folder.mkdir()
    for name in ("a", "b", "c"):
        (folder / f"{name}.txt").write_text(PROSE)
    return Run((str(folder),), options=("--each", "-o", str(out)))


@case("each-json-lines-two-articles", "brief", kept=("rescue teams",), commands=BRIEF_ONLY)
def _json_lines(tmp: Path) -> Run:
    return Run((str(_two_stories(tmp)),), options=("--each",))


def _still_fifo(tmp: Path) -> None:
    assert stat.S_ISFIFO((tmp / "pipe.md").stat().st_mode), "the pipe was replaced by a file"


@case(
    "output-onto-pipe-nobody-reads",
    "error",
    says="a pipe nobody reads",
    after=_still_fifo,
    commands=BRIEF_ONLY,
)
def _fifo_no_reader(tmp: Path) -> Run:
    os.mkfifo(tmp / "pipe.md")
    return Run(_file(tmp, "story.txt", PROSE).sources, options=("-o", str(tmp / "pipe.md")))


_READERS: dict[Path, int] = {}


def _fifo_got_it(tmp: Path) -> None:
    _still_fifo(tmp)
    fd = _READERS.pop(tmp / "pipe.md")
    try:
        received = os.read(fd, 1 << 20)
    finally:
        os.close(fd)
    assert b"rescue teams" in received, "the brief did not go into the pipe"


@case("output-into-pipe-with-reader", "brief", after=_fifo_got_it, commands=BRIEF_ONLY)
def _fifo_reader(tmp: Path) -> Run:
    os.mkfifo(tmp / "pipe.md")
    _READERS[tmp / "pipe.md"] = os.open(tmp / "pipe.md", os.O_RDWR | os.O_NONBLOCK)  # a reader, open
    return Run(_file(tmp, "story.txt", PROSE).sources, options=("-o", str(tmp / "pipe.md")))


def _dev_null_kept(tmp: Path) -> None:
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode), "/dev/null was replaced"


@case("output-onto-dev-null", "brief", after=_dev_null_kept, commands=WRITES)
def _dev_null(tmp: Path) -> Run:
    return Run(_file(tmp, "story.txt", PROSE).sources, options=("-o", "/dev/null"))


def _mode_kept(tmp: Path) -> None:
    path = tmp / "shared.md"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640 and "rescue teams" in path.read_text()


@case("output-keeps-the-file-mode", "brief", after=_mode_kept, commands=WRITES)
def _keeps_mode(tmp: Path) -> Run:
    target = tmp / "shared.md"
    target.write_text("old\n")
    target.chmod(0o640)
    return Run(_file(tmp, "story.txt", PROSE).sources, options=("-o", str(target), "--force"))


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _mode_from_umask(tmp: Path) -> None:
    mode = stat.S_IMODE((tmp / "new.md").stat().st_mode)
    assert mode == 0o666 & ~_umask(), f"mode {mode:o}"


@case("output-new-file-follows-umask", "brief", after=_mode_from_umask, commands=WRITES)
def _new_mode(tmp: Path) -> Run:
    return Run(_file(tmp, "story.txt", PROSE).sources, options=("-o", str(tmp / "new.md")))


def _link_kept(tmp: Path) -> None:
    link = tmp / "latest.md"
    assert link.is_symlink() and "rescue teams" in (tmp / "real.md").read_text()


@case("output-through-a-symlink", "brief", after=_link_kept, commands=WRITES)
def _symlink(tmp: Path) -> Run:
    (tmp / "real.md").write_text("old\n")
    (tmp / "latest.md").symlink_to("real.md")
    return Run(_file(tmp, "story.txt", PROSE).sources, options=("-o", str(tmp / "latest.md"), "--force"))


# ---- quiet wrong answers -------------------------------------------------------------------------


@case("saved-page-with-3mb-inline-image", "brief", kept=("rescue teams",))
def _inline_image(tmp: Path) -> Run:
    image = base64.b64encode(random.Random(3).randbytes(2_300_000)).decode()
    page = (
        "<html><head><title>Floods cut off villages</title>"
        f"<style>body{{background:url(data:image/png;base64,{image[:200_000]})}}</style></head><body>"
        f'<img alt="map" src="data:image/png;base64,{image}">'
        f"<article><h1>Floods cut off villages</h1><p>{PROSE}</p><p>{PROSE}</p></article></body></html>"
    )
    return _file(tmp, "saved.html", page)


@case("url-body-shorter-than-content-length", "brief", says="truncated", kept=("rescue teams",))
def _url_short(tmp: Path) -> Run:
    return Run((routes() + "/short",), env=FAST)


@case("url-redirect-to-ftp", "error", says="not http(s)")
def _url_ftp(tmp: Path) -> Run:
    return Run((routes() + "/to-ftp",), env=FAST)


@case("url-redirect-to-file", "error", says="not http(s)")
def _url_file(tmp: Path) -> Run:
    return Run((routes() + "/to-file",), env=FAST)
