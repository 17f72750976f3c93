"""The brief as JSON: exactly `Brief.to_dict()`, the documented contract."""

from __future__ import annotations

import json as _json
import re

from briefer.model import Brief

# json.dumps escapes C0 controls itself; DEL, C1 controls and bidi overrides it leaves raw.
_RAW = re.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escaped(encoded: str) -> str:
    """The same JSON with no raw control character in it (the data is unchanged)."""
    return _RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", encoded)


def render(brief: Brief) -> str:
    return _escaped(_json.dumps(brief.to_dict(), ensure_ascii=False, indent=2)) + "\n"


def render_line(brief: Brief) -> str:
    """One brief per line, for JSON Lines (`--each --format json`)."""
    return _escaped(_json.dumps(brief.to_dict(), ensure_ascii=False)) + "\n"
