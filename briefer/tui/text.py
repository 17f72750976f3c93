"""Article text as `rich.text.Text`: never parsed as markup, unsafe characters made visible.

Ingest already removes escape sequences and unsafe characters, but a `Brief` can also come from
JSON or the Python API, so the reader does not trust it: each unsafe character (as
`briefer.textsafe` defines it: controls, bidi overrides, tag characters) becomes a visible
character, one for one (ESC shows as ␛), so sentence offsets still line up.
"""

from __future__ import annotations

from rich.text import Text

from briefer.textsafe import pictures

printable = pictures


def literal(text: str, style: str = "", **kwargs: object) -> Text:
    """`Text` of `text` exactly as written (brackets and all), with unsafe characters shown."""
    return Text(pictures(text), style=style, **kwargs)  # type: ignore[arg-type]
