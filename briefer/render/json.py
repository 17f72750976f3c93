"""The brief as JSON: exactly `Brief.to_dict()`, the documented contract."""

from __future__ import annotations

import json as _json

from briefer.model import Brief
from briefer.textsafe import json_escaped


def render(brief: Brief) -> str:
    return json_escaped(_json.dumps(brief.to_dict(), ensure_ascii=False, indent=2)) + "\n"


def render_line(brief: Brief) -> str:
    """One brief per line, for JSON Lines (`--each --format json`)."""
    return json_escaped(_json.dumps(brief.to_dict(), ensure_ascii=False)) + "\n"
