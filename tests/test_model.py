"""The Brief model: JSON round trip, and a core that imports without Textual."""

from __future__ import annotations

import json
import subprocess
import sys

from briefer.model import Brief


def test_json_round_trip_is_lossless(seed_brief):
    data = json.loads(json.dumps(seed_brief.to_dict()))
    assert Brief.from_dict(data) == seed_brief


def test_core_imports_without_textual_or_rich():
    code = (
        "import sys, briefer, briefer.pipeline, briefer.render, briefer.cli, briefer.model;"
        "bad = [m for m in ('textual', 'rich') if m in sys.modules];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_importing_the_package_does_not_load_spacy():
    code = "import sys, briefer; sys.exit(1 if 'spacy' in sys.modules else 0)"
    assert subprocess.run([sys.executable, "-c", code], timeout=60).returncode == 0
