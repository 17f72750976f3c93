"""`briefer digest` over 300 articles from 10 feeds on loopback, against spaCy parsing them.

The articles are the posts of `../shared/samples/posts-dev/` (read at run time, never copied),
served as pages by a local HTTP server; 10 RSS feeds of 30 entries each, listed in one OPML file.
Three timings (spaCy before and after the first digest, their mean taken, as the load drifts):
- spaCy alone: the same model parsing the 300 cleaned article texts (`nlp.pipe`), the floor of
  any brief of them; also briefer's own batched parse (paragraph by paragraph) for reference;
- a first digest with an empty cache: fetch, clean, parse, group, brief every situation;
- a second digest in a new process, nothing new on the server: conditional requests only.
Goals (issue 18): first run <= 1.3x spaCy, second run < 2 s.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from email.utils import format_datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POSTS = ROOT.parent / "shared" / "samples" / "posts-dev"
FEEDS = 10


def _site(posts: list[Path]) -> dict[str, tuple[str, bytes]]:
    """Routes: /posts/<name>.html (each post's bytes), /feedN.rss, /feeds.opml."""
    routes: dict[str, tuple[str, bytes]] = {}
    per_feed = -(-len(posts) // FEEDS)
    for n in range(FEEDS):
        items = []
        for post in posts[n * per_feed : (n + 1) * per_feed]:
            path = f"/posts/{post.stem}.html"
            routes[path] = ("text/html; charset=utf-8", b"")  # filled with the file's bytes on request
            day = datetime.strptime(post.name[:10], "%Y-%m-%d").replace(hour=12, tzinfo=UTC)
            title = post.stem[11:].replace("-", " ").capitalize()
            items.append(
                f"<item><title>{escape(title)}</title><link>{{base}}{path}</link>"
                f"<pubDate>{format_datetime(day)}</pubDate><description>{escape(title)}</description></item>"
            )
        channel = f"<channel><title>Feed {n}</title>{''.join(items)}</channel>"
        body = f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'
        routes[f"/feed{n}.rss"] = ("application/rss+xml", body.encode())
    outlines = "".join(f'<outline xmlUrl="{{base}}/feed{n}.rss"/>' for n in range(FEEDS))
    routes["/feeds.opml"] = ("text/x-opml", f'<opml version="2.0"><body>{outlines}</body></opml>'.encode())
    return routes


def _serve(routes: dict[str, tuple[str, bytes]], posts: dict[str, Path]) -> tuple[ThreadingHTTPServer, str]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path not in routes:
                self.send_error(404)
                return
            kind, body = routes[self.path]
            if self.path.startswith("/posts/"):
                body = posts[self.path].read_bytes()
            else:
                body = body.replace(b"{base}", base.encode())
            etag = f'"{hash(body) & 0xFFFFFFFF:x}"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, base


def _timed(run: Callable[[], object]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process): on a shared machine the CPU time is the steadier."""
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - wall, time.process_time() - cpu


def _spacy_seconds(posts: list[Path]) -> tuple[tuple[float, float], tuple[float, float]]:
    """(nlp.pipe over the cleaned texts, briefer's paragraph-batched parse), each (wall, CPU)."""
    from briefer import nlp
    from briefer.ingest import parse_article, read_source
    from briefer.segment import parse_articles

    articles = [parse_article(read_source(str(p))) for p in posts]
    model = nlp.load(nlp.default_model())
    list(model.pipe(["Warm up the model."]))
    plain = _timed(lambda: list(model.pipe((a.text for a in articles), batch_size=64)))
    return plain, _timed(lambda: list(parse_articles(articles, model)))


def _second_run(base: str, out: str) -> float:
    """Seconds for `briefer digest` in a new process, the whole command from start to exit."""
    argv = [sys.executable, "-m", "briefer", "digest", f"{base}/feeds.opml", "-f", "json", "-o", out]
    start = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    seconds = time.perf_counter() - start
    assert done.returncode == 0, done.stderr
    return seconds


def main() -> None:
    from briefer.cli import run

    posts = sorted(POSTS.glob("*.md"))[:300]
    if len(posts) < 300:
        print(f"needs 300 posts in {POSTS}; found {len(posts)}")
        return
    server, base = _serve(_site(posts), {f"/posts/{p.stem}.html": p for p in posts})
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CACHE_HOME"] = tmp
        os.environ.setdefault("BRIEFER_NOW", "2016-08-01T06:00:00+00:00")
        before = _spacy_seconds(posts)
        argv = ["digest", f"{base}/feeds.opml", "-f", "json", "-o", f"{tmp}/first.jsonl"]
        results: list[tuple[int, str, str]] = []
        first = _timed(lambda: results.append(run(argv)))
        assert results[0][0] == 0, results[0][2]
        after = _spacy_seconds(posts)  # again after: the machine's load drifts during a long run
        second = _second_run(base, f"{tmp}/second.jsonl")
        same = Path(f"{tmp}/first.jsonl").read_bytes() == Path(f"{tmp}/second.jsonl").read_bytes()
        situations = len(Path(f"{tmp}/first.jsonl").read_text().splitlines())
    server.shutdown()
    plain = [(before[0][k] + after[0][k]) / 2 for k in (0, 1)]
    batched = [(before[1][k] + after[1][k]) / 2 for k in (0, 1)]
    print(f"300 articles, {FEEDS} feeds, {situations} situations")
    print(f"spaCy nlp.pipe timed before and after the digest: {before[0][0]:.1f} s and {after[0][0]:.1f} s")
    print(f"{'step':<46}{'wall s':>8}{'ratio':>7}{'CPU s':>8}{'ratio':>7}")
    _row("spaCy nlp.pipe over the cleaned texts (mean)", plain, plain)
    _row("spaCy as briefer batches it, by paragraph", batched, plain)
    _row("digest, empty cache (goal <= 1.3x)", first, plain)
    _row("  same, against spaCy as briefer batches it", first, batched)
    print(f"{'digest again, nothing new (goal < 2 s)':<46}{second:>8.2f}")
    print(f"second run gives the same digest: {same}")


def _row(name: str, timed: Sequence[float], base: Sequence[float]) -> None:
    wall, cpu = timed
    print(f"{name:<46}{wall:>8.1f}{wall / base[0]:>7.2f}{cpu:>8.1f}{cpu / base[1]:>7.2f}")


if __name__ == "__main__":
    main()
