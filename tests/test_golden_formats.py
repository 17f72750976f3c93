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
