"""Golden files: each renderer's output for a fixed brief, reviewed as diffs.

The input is a saved brief (`tests/data/golden/seed.brief.json`), not the live pipeline, so these
pin the renderers alone. After an intended change: `UPDATE_GOLDEN=1 pytest tests/test_golden_formats.py`,
then read the diff before committing.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from briefer.model import Brief
from briefer.render import RENDERERS

GOLDEN = Path(__file__).parent / "data" / "golden"


@pytest.fixture(scope="module")
def brief() -> Brief:
    return Brief.from_dict(json.loads((GOLDEN / "seed.brief.json").read_text(encoding="utf-8")))


@pytest.mark.parametrize("fmt", sorted(RENDERERS))
def test_renderer_output_matches_its_golden_file(brief, fmt):
    renderer = RENDERERS[fmt]
    path = GOLDEN / f"seed{renderer.extension}"
    rendered = renderer.render(brief)
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(rendered, encoding="utf-8")
    assert rendered == path.read_text(encoding="utf-8")


def test_json_renderer_prints_the_saved_contract_back(brief):
    saved = json.loads((GOLDEN / "seed.brief.json").read_text(encoding="utf-8"))
    assert json.loads(RENDERERS["json"].render(brief)) == saved


# ------------------------------------------------------------ one presentation, every document format

DOCUMENTS = ("markdown", "text", "html")


def _unwrapped(rendered: str) -> str:
    return " ".join(rendered.split())


@pytest.mark.parametrize("fmt", DOCUMENTS)
def test_every_format_counts_mentions_in_good_english(brief, fmt):
    rendered = _unwrapped(RENDERERS[fmt].render(brief))
    assert "1 mentions" not in rendered
    for actor in brief.actors:
        assert f"{actor.mentions} mention{'' if actor.mentions == 1 else 's'}" in rendered


@pytest.mark.parametrize("fmt", DOCUMENTS)
def test_every_format_says_whether_a_position_is_quoted_or_reported(brief, fmt):
    rendered = _unwrapped(RENDERERS[fmt].render(brief))
    direct = sum(p.direct for p in brief.positions)
    assert 0 < direct < len(brief.positions)
    assert rendered.count("(quoted):") == direct
    assert rendered.count("(reported):") == len(brief.positions) - direct


@pytest.mark.parametrize("fmt", DOCUMENTS)
def test_every_format_has_the_same_sections_in_the_same_order(brief, fmt):
    from briefer.render.sections import present

    rendered = RENDERERS[fmt].render(brief)
    titles = [s.title for s in present(brief).sections if s.lines]
    places = [rendered.find(t.upper() if fmt == "text" else t) for t in titles]
    assert -1 not in places and places == sorted(places)


@pytest.mark.parametrize("fmt", DOCUMENTS)
def test_an_empty_section_says_so_in_every_format(brief, fmt):
    from dataclasses import replace

    rendered = RENDERERS[fmt].render(replace(brief, background=(), timeline=()))
    assert "No background found." in rendered and "No dated events found." in rendered
