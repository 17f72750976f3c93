"""Shared fixtures: the real samples, the real model (loaded once per test run), a fixed clock."""

from __future__ import annotations

import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SEED = SAMPLES / "000_479c8156071b18c9.txt"
SHARED = ROOT.parent / "shared"
FIXED_NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)

os.environ.setdefault("BRIEFER_NOW", FIXED_NOW.isoformat())
os.environ.setdefault("BRIEFER_CACHE_DIR", tempfile.mkdtemp(prefix="briefer-test-cache-"))  # not ~/.cache


KINDS = ("unit", "functional", "hostile", "tui")
UNIT_FILES = {
    "test_actors",
    "test_positions",
    "test_background",
    "test_timeline",
    "test_summarize",
    "test_ingest",
    "test_model",
    "test_mail_message",
    "test_eval_gate",
}
"""Modules of one-module rules; a file named *hostile*/*properties* is hostile, *tui* is tui, the rest
functional. A test marked with a kind itself keeps its own: `pytest -m unit` runs the fast ones."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if any(item.get_closest_marker(kind) for kind in KINDS):
            continue
        name = item.path.stem
        if "hostile" in name or "properties" in name:
            kind = "hostile"
        elif "tui" in name:
            kind = "tui"
        elif name in UNIT_FILES:
            kind = "unit"
        else:
            kind = "functional"
        item.add_marker(kind)


def sample_files() -> list[Path]:
    """Every bundled article, the seed first."""
    files = [p for p in SAMPLES.rglob("*") if p.is_file() and p.suffix in (".txt", ".html", ".wiki", ".md")]
    return sorted(files, key=lambda p: (p != SEED, str(p)))


@pytest.fixture(scope="session")
def seed_brief():
    from briefer import BriefOptions, build_brief

    return build_brief([str(SEED)], BriefOptions(now=FIXED_NOW))


@pytest.fixture()
def cli():
    """Run the real command line in-process: cli(*argv, stdin=b"") -> (status, stdout, stderr)."""
    from briefer.cli import run

    def _run(*argv: str, stdin: bytes = b"") -> tuple[int, str, str]:
        return run([str(a) for a in argv], stdin)

    return _run


def parse_texts(*articles: tuple[str | None, str]):
    """Parsed articles from (published, text) pairs; paragraphs split on blank lines."""
    from briefer import nlp
    from briefer.ingest import Article
    from briefer.segment import parse_articles

    made = [
        Article(f"test-{i}", "A test", None, published, tuple(text.split("\n\n")))
        for i, (published, text) in enumerate(articles)
    ]
    return list(parse_articles(made, nlp.load(nlp.default_model())))


def read_parsed(*paths: str):
    """Parsed articles read from files or folders, as the command line reads them."""
    from briefer import nlp
    from briefer.ingest import expand_sources, parse_article, read_source
    from briefer.segment import parse_articles

    specs = [s for p in paths for s in expand_sources([str(p)])]
    return list(parse_articles([parse_article(read_source(s)) for s in specs], nlp.load(nlp.default_model())))
