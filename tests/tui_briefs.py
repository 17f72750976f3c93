"""The fixed briefs the TUI tests and snapshots read: stable text, independent of the pipeline."""

from __future__ import annotations

import json
from dataclasses import replace

from conftest import ROOT

from briefer.model import Brief

DATA = ROOT / "tests" / "data" / "tui_brief.json"


def fixed_brief() -> Brief:
    """Two sources, one sentence holding literal `[bold]` markup."""
    return Brief.from_dict(json.loads(DATA.read_text(encoding="utf-8")))


def single_source_brief() -> Brief:
    """The fixed brief cut down to its first article (no side list)."""
    brief = fixed_brief()
    keep = lambda items: tuple(i for i in items if i.source == 1)  # noqa: E731
    return replace(
        brief,
        title=brief.sources[0].title,
        sources=brief.sources[:1],
        summary=keep(brief.summary),
        positions=keep(brief.positions),
        background=keep(brief.background),
        timeline=keep(brief.timeline),
        actors=tuple(a for a in brief.actors if 1 in a.sources),
    )
