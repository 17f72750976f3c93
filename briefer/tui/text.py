"""Article text as `rich.text.Text`: never parsed as markup, control characters made visible.

Ingest already strips escape sequences, but a `Brief` can also come from JSON or the Python API, so
the reader does not trust it: each control character becomes its visible Unicode "control picture"
(ESC shows as ␛), one character for one, so sentence offsets still line up.
"""

from __future__ import annotations

import re

from rich.text import Text

_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    return _CONTROLS.sub(_picture, text)


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else "\ufffd"


def literal(text: str, style: str = "", **kwargs: object) -> Text:
    """`Text` of `text` exactly as written (brackets and all), with control characters shown."""
    return Text(printable(text), style=style, **kwargs)  # type: ignore[arg-type]
