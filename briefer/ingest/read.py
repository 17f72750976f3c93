"""Getting the bytes of a source: a file, `-` for stdin, every article in a folder, or a URL."""

from __future__ import annotations

import os
import sys
import time
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from briefer.errors import InputError

if TYPE_CHECKING:
    import http.client
    import urllib.request

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".wiki", ".text")
MAX_BYTES = 20 * 1024 * 1024
"""Articles are small; a larger input is cut here so memory stays bounded (the brief says so)."""
URL_TIMEOUT = 10.0


@dataclass(frozen=True, slots=True)
class RawDocument:
    location: str
    data: bytes
    content_type: str | None = None
    truncated: bool = False
    validators: tuple[tuple[str, str], ...] = ()
    """A URL's `ETag` and `Last-Modified` response headers, for a conditional request next time."""
    notes: tuple[str, ...] = ()
    """What the reader must know of how the bytes came (a download cut short)."""

    @property
    def suffix(self) -> str:
        name = self.location.split("?", 1)[0].lower()
        return Path(name).suffix


def expand_sources(specs: list[str]) -> list[str]:
    """Replace each folder by its article files, sorted; keep files, `-` and URLs as given."""
    out: list[str] = []
    for spec in specs:
        if spec == "-" or _is_url(spec):
            out.append(spec)
            continue
        path = Path(spec)
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if _is_article_file(p))
            if not files:
                raise InputError(f"{spec}: no article files (.txt, .md, .html, .wiki) in this folder")
            out.extend(str(p) for p in files)
        else:
            out.append(spec)
    return out


_FOLDER_DOCS = {"readme", "sources", "license", "changelog", "contributing"}
"""Stems of the files a folder of articles carries about itself; named alone, they are read."""


def _is_article_file(path: Path) -> bool:
    suffix_ok = path.suffix.lower() in ARTICLE_SUFFIXES
    return suffix_ok and path.stem.lower() not in _FOLDER_DOCS and path.is_file()


def read_source(spec: str, *, stdin_bytes: bytes | None = None, timeout: float | None = None) -> RawDocument:
    """The bytes of one source, bounded by MAX_BYTES; `InputError` with one clear line otherwise.

    `timeout` (seconds, default URL_TIMEOUT) bounds a URL's download; the command line takes it
    from `BRIEFER_URL_TIMEOUT`.
    """
    if spec == "-":
        data = stdin_bytes if stdin_bytes is not None else sys.stdin.buffer.read(MAX_BYTES + 1)
        return _bounded("<stdin>", data, None)
    if _is_url(spec):
        return _read_url(spec, timeout=timeout)[0]
    return _read_file(Path(spec))


def _is_url(spec: str) -> bool:
    return spec.lower().startswith(("http://", "https://"))


def _read_file(path: Path) -> RawDocument:
    try:
        if path.is_dir():
            raise InputError(f"{path}: is a folder; give it alone to read every article in it")
        # Non-blocking open: a FIFO nobody writes to reads as empty instead of hanging.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    return _bounded(str(path), data, None)


def _bounded(location: str, data: bytes, content_type: str | None) -> RawDocument:
    truncated = len(data) > MAX_BYTES
    return RawDocument(location, data[:MAX_BYTES], content_type, truncated)


def read_url(
    url: str, *, headers: Mapping[str, str] | None = None, timeout: float | None = None
) -> RawDocument | None:
    """A URL read as `read_source` reads it, with extra request `headers` (`If-None-Match`,
    `If-Modified-Since`); None when the server answers that the copy they name is current (304)."""
    document, modified = _read_url(url, headers, timeout)
    return document if modified else None


def _read_url(
    url: str, headers: Mapping[str, str] | None = None, timeout: float | None = None
) -> tuple[RawDocument, bool]:
    """Fetch with a time limit and a size cap; redirects are followed up to urllib's limit, and
    only to http(s).

    The limit (`timeout`, default URL_TIMEOUT) bounds each wait and the whole download, so a
    server that trickles bytes cannot hold the command either. A server that is not HTTP, sends
    too many or too long headers, or breaks off is an error line; a body that ends early is kept
    with a note.
    """
    import http.client
    import urllib.error  # only for URLs: urllib pulls in the email and http packages (~40 ms)
    import urllib.request

    check_url(url)
    request = urllib.request.Request(
        url, headers={"User-Agent": "briefer/0.1 (+offline brief)", **(headers or {})}
    )
    timeout = URL_TIMEOUT if timeout is None else timeout
    opener = urllib.request.build_opener(_redirect_handler())
    try:
        with opener.open(request, timeout=timeout) as response:
            data, notes = _read_until(response, time.monotonic() + timeout, url, timeout)
            content_type = response.headers.get("Content-Type")
            validators = tuple(
                (name, str(response.headers[name]))
                for name in ("ETag", "Last-Modified")
                if response.headers.get(name)
            )
    except urllib.error.HTTPError as exc:
        if exc.code == 304 and headers:
            return RawDocument(url, b""), False
        raise InputError(f"{url}: HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise InputError(f"{url}: cannot fetch ({_reason(exc.reason)})") from None
    except TimeoutError:
        raise InputError(f"{url}: timed out after {timeout:g} s") from None
    except http.client.BadStatusLine:
        raise InputError(f"{url}: cannot fetch (the server does not answer in HTTP)") from None
    except http.client.HTTPException as exc:  # too many headers, a line too long, a bad URL
        raise InputError(f"{url}: cannot fetch ({exc or type(exc).__name__})") from None
    except (OSError, ValueError) as exc:
        raise InputError(f"{url}: cannot fetch ({exc})") from None
    document = _bounded(url, data, content_type)
    return (
        RawDocument(document.location, document.data, content_type, document.truncated, validators, notes),
        True,
    )


def check_url(url: str) -> None:
    """`InputError` for a URL as typed that urllib would choke on: a space or control character,
    a port that is not a number, an unclosed `[` of an IPv6 address, no host."""
    from urllib.parse import urlsplit

    bad = next((c for c in url if c.isspace() or unicodedata.category(c) == "Cc"), None)
    if bad is not None:
        what = "a space (write it as %20)" if bad == " " else f"a control character ({bad!r})"
        raise InputError(f"{url}: not a valid URL: it holds {what}")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  # raises ValueError on a port that is not a number
    except ValueError as exc:
        raise InputError(f"{url}: not a valid URL ({exc})") from None
    if not parts.hostname:
        raise InputError(f"{url}: not a valid URL (no host)")


def _redirect_handler() -> urllib.request.HTTPRedirectHandler:
    import urllib.request

    class _HttpOnly(urllib.request.HTTPRedirectHandler):
        """Redirects go to http(s) only: never to ftp://, file:// or anything else."""

        def http_error_302(self, req, fp, code, msg, headers):  # type: ignore[no-untyped-def]
            from urllib.parse import urljoin

            target = urljoin(req.full_url, headers.get("Location") or headers.get("URI") or "")
            if not target.lower().startswith(("http://", "https://")):
                raise InputError(f"{req.full_url}: redirects to {target}, not http(s); not followed")
            check_url(target)
            return super().http_error_302(req, fp, code, msg, headers)

        http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

    return _HttpOnly()


def _read_until(
    response: http.client.HTTPResponse, deadline: float, url: str, timeout: float
) -> tuple[bytes, tuple[str, ...]]:
    """At most MAX_BYTES + 1 bytes, read as they come, until the deadline; with a note when the
    body ended before its Content-Length or its last chunk."""
    import http.client

    chunks: list[bytes] = []
    size = 0
    short = False
    while size <= MAX_BYTES:
        try:
            chunk = response.read1(min(1 << 16, MAX_BYTES + 1 - size))
        except http.client.IncompleteRead as exc:  # a chunked body cut off
            chunks.append(exc.partial)
            short = True
            break
        if not chunk:
            short = bool(response.length)  # bytes the Content-Length promised that never came
            break
        chunks.append(chunk)
        size += len(chunk)
        if time.monotonic() > deadline:
            raise InputError(f"{url}: download took longer than {timeout:g} s")
    data = b"".join(chunks)
    if short and not data.strip():
        raise InputError(f"{url}: the server broke off before sending any text")
    return data, (("the download was truncated: the server broke off before the end",) if short else ())


def _reason(reason: object) -> str:
    if isinstance(reason, TimeoutError):
        return "timed out"
    text = getattr(reason, "strerror", None) or str(reason)
    return str(text)
