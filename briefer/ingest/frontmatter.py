"""YAML front matter of exported posts: read by a real YAML parser, with a lenient reader behind it.

Real exports (Jekyll, Hugo, WordPress mirrors) write titles as folded scalars (`post_title: >`
over two lines), lists (`original_title: [- > ...]`), quoted strings with escapes and dates of any
precision; a line-by-line reader cut the first and kept the line of the second. So the block is
read by PyYAML's safe loader, bounded (size, aliases, nesting) and with timestamps kept as the
text written, so a Hugo `0001-01-01T00:00:00Z` or `9999-12-31` never becomes a `datetime` that
overflows. What is not quite YAML, as exports often are (`title: NATO: ready`), falls back to the
lenient line reader, which runs in linear time on any input (an unclosed quote over 40,000 lines
included).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
MAX_YAML_CHARS = 16_000
"""Front matter longer than this is read by the lenient reader only (PyYAML's pure-Python loader
takes about 0.2 s for 16 KB of list items); real front matter is a few hundred bytes."""
MAX_ALIASES = 100
MAX_DEPTH = 50


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """Each key (lower case) with its text values: a scalar gives one, a list one per item."""

    fields: dict[str, tuple[str, ...]] = field(default_factory=dict)
    body: str = ""

    def first(self, *keys: str) -> str | None:
        """The first non-empty value of the first key that has one."""
        return next((v for k in keys for v in self.fields.get(k, ()) if v), None)


def split_front_matter(text: str) -> FrontMatter:
    """The fields of a leading `---` block and the text after it (no block: no fields)."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return FrontMatter({}, text)
    block = match.group(1)
    fields = _read_yaml(block) if len(block) <= MAX_YAML_CHARS and _flow_depth(block) <= MAX_DEPTH else None
    if fields is None:
        fields = read_lenient(block)
    return FrontMatter(fields, text[match.end() :])


# ---- YAML -------------------------------------------------------------------------------------


def _read_yaml(block: str) -> dict[str, tuple[str, ...]] | None:
    """Fields by PyYAML, or None when the block is not a YAML mapping (or is hostile)."""
    import yaml

    try:
        data = yaml.load(block, Loader=_loader())  # a SafeLoader subclass, see _loader
    except (yaml.YAMLError, RecursionError, ValueError, OverflowError, TypeError):
        return None
    if not isinstance(data, dict):
        return None
    fields = {}
    for key, value in data.items():
        if isinstance(key, str):
            fields[key.lower()] = tuple(_clean(v) for v in _scalars(value))
    return fields


def _flow_depth(block: str) -> int:
    """How deep `[` and `{` nest: PyYAML's scanner is quadratic in it (every nested level keeps a
    possible key that is rechecked for each token), so deep flow goes to the lenient reader."""
    depth = deepest = 0
    for bracket in re.findall(r"[\[\]{}]", block):
        depth = depth + 1 if bracket in "[{" else max(depth - 1, 0)
        deepest = max(deepest, depth)
    return deepest


def _scalars(value: Any, depth: int = 0) -> Iterator[str]:
    """Text of a scalar, or of each scalar in a list (nested lists flattened a little)."""
    if isinstance(value, list) and depth < 2:
        for item in value:
            yield from _scalars(item, depth + 1)
    elif isinstance(value, str | int | float) and not isinstance(value, bool):
        yield str(value)


_LOADER: Any = None


def _loader() -> Any:
    """A `SafeLoader` that keeps timestamps as written and stops at too many aliases or levels."""
    global _LOADER
    if _LOADER is not None:
        return _LOADER
    import yaml

    class BoundedLoader(yaml.SafeLoader):  # type: ignore[misc]  # untyped without types-PyYAML
        def __init__(self, stream: str) -> None:
            super().__init__(stream)
            self.aliases = 0
            self.depth = 0

        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                self.aliases += 1
                if self.aliases > MAX_ALIASES:
                    raise yaml.YAMLError("too many aliases")
            self.depth += 1
            try:
                if self.depth > MAX_DEPTH:
                    raise yaml.YAMLError("nested too deep")
                return super().compose_node(parent, index)
            finally:
                self.depth -= 1

    def as_written(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
        return loader.construct_scalar(node)

    BoundedLoader.add_constructor("tag:yaml.org,2002:timestamp", as_written)
    _LOADER = BoundedLoader
    return _LOADER


def _clean(value: str) -> str:
    """One value as text: lone surrogates made whole or U+FFFD, entities decoded, no NBSP."""
    value = value.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return html.unescape(value).replace("\u00a0", " ").strip()


# ---- the lenient reader -----------------------------------------------------------------------

_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*))?$")
_BLOCK = frozenset((">", "|", ">-", "|-", ">+", "|+"))


def read_lenient(block: str) -> dict[str, tuple[str, ...]]:
    """`key: value` lines, quoted values over several lines, block scalars and `- item` lists.

    Linear in the block's length: pieces of a value are collected in a list and joined once, and
    each line is scanned once for the quote that closes it.
    """
    fields: dict[str, list[str]] = {}
    key: str | None = None
    parts: list[str] = []  # the value being read (quoted or block scalar or list item)
    quote = ""  # the open quote character while a quoted value runs over lines

    def finish() -> None:
        if key is not None and parts:
            fields.setdefault(key, []).append(_lenient_value(parts))
        parts.clear()

    for line in block.splitlines():
        if quote:
            parts.append(line)
            quote = "" if _closes(line, quote) else quote
            continue
        item = _KEY.match(line)
        if item:
            finish()
            key, value = item.group(1).lower(), (item.group(2) or "").strip()
            fields.setdefault(key, [])
            quote = _start(value, parts)
        elif key is not None and line.strip():
            stripped = line.strip()
            if stripped.startswith("- ") or stripped == "-":
                finish()
                quote = _start(stripped[1:].strip(), parts)
            else:
                parts.append(stripped)
    finish()
    return {k: tuple(v for v in values if v) for k, values in fields.items()}


def _start(value: str, parts: list[str]) -> str:
    """Begin a value; the quote character when it opens a quote that does not close on this line."""
    if not value or value in _BLOCK:
        return ""
    parts.append(value)
    if value[0] in "\"'" and not _closes(value[1:], value[0]):
        return value[0]
    return ""


def _closes(text: str, quote: str) -> bool:
    """Whether `text` holds the closing quote (`\\"` escapes in double quotes, `''` in single)."""
    if quote not in text:
        return False
    if quote == '"':
        return '"' in re.sub(r"\\.", "", text)
    return "'" in text.replace("''", "")


def _lenient_value(parts: list[str]) -> str:
    """Pieces of one value joined as YAML folds them; quotes removed and escapes decoded."""
    joined: list[str] = []
    for piece in parts:
        if joined and joined[-1].endswith("\\") and parts[0].startswith('"'):
            joined[-1] = joined[-1][:-1] + piece.lstrip()
        else:
            joined.append(piece.strip())
    return unquote(" ".join(joined))


def unquote(value: str) -> str:
    """A YAML scalar as written to its text: quotes removed, escapes and entities decoded (a quote
    that never closes is dropped: a plain YAML scalar cannot start with one)."""
    if value[:1] in ("'", '"') and not (len(value) >= 2 and value[-1] == value[0]):
        value = value[1:]
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        inner = value[1:-1]
        if value[0] == '"':
            inner = re.sub(
                r"\\(U[0-9a-fA-F]{8}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)",
                lambda m: _yaml_escape(m.group(1)),
                inner,
            )
        else:
            inner = inner.replace("''", "'")
        value = inner
    return _clean(value)


# YAML 1.2 double-quoted escapes (section 5.7); `\\`, `\"`, `/` and space stand for themselves. Read
# as written, a title's `\r\n` would become the letters `rn`; decoded, it is a line break that
# `one_line` turns into a space, like every other control character.
_YAML_ESCAPES = {
    "0": "\0", "a": "\a", "b": "\b", "t": "\t", "n": "\n", "v": "\v", "f": "\f", "r": "\r",
    "e": "\x1b", "N": "\u0085", "_": "\u00a0", "L": "\u2028", "P": "\u2029",
}  # fmt: skip


def _yaml_escape(code: str) -> str:
    if code[0] in "uUx" and len(code) > 1:
        number = int(code[1:], 16)
        return chr(number) if number <= 0x10FFFF else "\ufffd"
    return _YAML_ESCAPES.get(code, code)
