"""The one definition of unsafe text, and the one way each kind of output makes text safe.

Text from the web is untrusted and ends up in terminals, files, JSON, markdown and mail. What may
not pass raw is defined here and nowhere else:

- C0 and C1 control characters (except tab and newline) and DEL: ESC starts terminal commands,
  BEL ends them, U+009B and U+009D are 8-bit CSI and OSC;
- bidi overrides, embeddings, isolates and marks (U+202A-U+202E, U+2066-U+2069, U+200E/F,
  U+061C): they reorder what a reader sees ("Trojan Source");
- invisible format characters (zero-width space, word joiner and invisible operators, BOM,
  Mongolian vowel separator, interlinear annotation, deprecated format controls) and the
  Unicode tag characters (U+E0000-U+E007F), which carry hidden ASCII past a reader;
- lone surrogates (a file name that is not UTF-8), which no UTF-8 output can write.

Zero-width joiners (U+200C, U+200D) stay: scripts and emoji sequences need them.

Article text is *cleaned* (`clean_text`: escape sequences with their payload removed, the rest
of the unsafe characters dropped) after every decoding step, since an HTML entity or a YAML
escape can make an ESC out of plain ASCII. Names briefer must not alter (a file name, a URL, a
server's reply) are *escaped* (`escape_unsafe`: `\\x1b`-style). Each output applies its own last
guard: `json_escaped`, `pictures` (the TUI), `escape_markdown`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

UNSAFE_CLASS = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 but tab and newline, DEL, C1
    "\u061c\u180e\u200b\u200e\u200f\u202a-\u202e"  # Arabic letter mark, MVS, ZWSP, LRM/RLM, embeddings
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"  # joiners, isolates, deprecated format, BOM, IAA
    "\U000e0000-\U000e007f"  # tag characters
    "\ud800-\udfff"  # lone surrogates
)
UNSAFE = re.compile(f"[{UNSAFE_CLASS}]")
"""Every character that may not reach an output raw."""

# ESC-introduced sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), DCS/SOS/PM/APC, and
# two-byte ones; and their 8-bit C1 forms (U+009B CSI, U+009D OSC, U+0090 DCS, U+0098, U+009E, U+009F).
# A string sequence goes with its payload only when it ends on the same line; an unterminated one
# loses its introducer alone, so one stray U+009D cannot swallow a paragraph. The payload cannot
# hold another introducer, so the scan is linear.
_STRING_BODY = r"(?:[^\n\x07\x1b\x90\x98\x9c-\x9f]*(?:\x07|\x1b\\|\x9c))?"
ESCAPE_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    rf"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f]){_STRING_BODY}"
    r"|\x1b[@-Z\\-_]?",
)


def clean_markup(markup: str) -> str:
    """Text cleaned before any markup in it is decoded: numeric character references to unsafe
    characters (`&#27;`, `&#x9d;`) decoded first, so the escape sequences they spell go with their
    payload. HTML parsers and `html.unescape` drop such a reference and keep `]52;c;...`; no
    article means them as text."""
    return clean_text(_UNSAFE_REFERENCE.sub(_referenced, markup))


_UNSAFE_REFERENCE = re.compile(r"&#(?:[xX]0*([0-9a-fA-F]{1,6})|0*([0-9]{1,7}));?")


def _referenced(match: re.Match[str]) -> str:
    code = int(match.group(1), 16) if match.group(1) else int(match.group(2))
    if code > 0x10FFFF or not UNSAFE.match(chr(code)) or code in (0x0D, 0x0C):
        return match.group()
    if 0x80 <= code <= 0x9F and code in _CP1252_REMAPPED:  # HTML reads these as Windows-1252
        return match.group()
    return chr(code)


_CP1252_REMAPPED = frozenset(b for b in range(0x80, 0xA0) if bytes([b]).decode("cp1252", "ignore"))


def clean_text(text: str) -> str:
    """Article text made safe: newlines normalised, escape sequences (with their payload) and
    unsafe characters removed, Unicode NFC. Idempotent; run it after every decoding step."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = ESCAPE_SEQUENCE.sub("", text)
    text = UNSAFE.sub("", text)
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    return unicodedata.normalize("NFC", text)


def one_line(text: str) -> str:
    """Safe single-line text (titles, mail headers): escape sequences removed, every other unsafe
    character a space (NEL and U+202E separate words as much as a line break), every whitespace
    run one space."""
    text = ESCAPE_SEQUENCE.sub("", text.replace("\r\n", "\n"))
    return " ".join(UNSAFE.sub(" ", unicodedata.normalize("NFC", text)).split())


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a non-UTF-8 file name (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def escape_unsafe(text: str) -> str:
    """Unsafe characters shown as `\\x1b`, `\\u202e` or `\\U000e0041`: for names and messages we
    must not alter silently (a file name, a URL, a server's reply) but that may not pass raw. A
    non-UTF-8 byte of a file name shows as the byte (`\\xff`)."""
    return UNSAFE.sub(_escape, text)


def display_path(path: object) -> str:
    """A path as text any output can hold: non-UTF-8 bytes and controls escaped."""
    return escape_unsafe(str(path))


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code > 0xFFFF:  # JSON spells astral characters as a surrogate pair
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def json_escaped(encoded: str) -> str:
    """JSON text (from `json.dumps(..., ensure_ascii=False)`) with every unsafe character written
    as a `\\u` escape: the same data, nothing raw. json escapes C0 itself; DEL, C1, bidi, tag
    characters and lone surrogates it would leave raw."""
    return UNSAFE.sub(_json_escape, encoded)


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else "\ufffd"


def pictures(text: str) -> str:
    """Unsafe characters shown one for one (offsets still line up): C0 as its Unicode control
    picture (ESC as ␛), DEL as ␡, the rest as U+FFFD. For the TUI."""
    return UNSAFE.sub(_picture, text)


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
_MD_LINE_START = re.compile(r"^(\s*)([#>+=-])|^(\s*\d+)([.)])")
"""What opens a heading, quote or list at the start of a line: `#`, `>`, `-`, `+`, `=` alone, or
digits then `.` or `)` ("2016-06-24" opens nothing, so it stays as written)."""


def escape_markdown(text: str) -> str:
    """Article text as one markdown line that renders as written: no emphasis, strike-through,
    links, HTML or entities (`&lt;` stays the four characters), no heading, quote or list."""
    text = " ".join(text.split())  # one line; leading spaces would make code
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _MD_LINE_START.sub(
        lambda m: (m.group(1) or m.group(3) or "") + "\\" + (m.group(2) or m.group(4)), text
    )


# Letters of other scripts that look like Latin ones (the common part of Unicode's confusables.txt).
_LOOKALIKES = str.maketrans(
    "АВЕЅІЈКМНОРСТХУаеѕіјосрхуԁһԛԝӏƖΑΒΕΖΗΙΚΜΝΟΡΤΥΧοναρυχιϳ",
    "ABESIJKMHOPCTXYaesijocpxydhqwlIABEZHIKMNOPTYXovapuxij",
)


@lru_cache(maxsize=65536)
def skeleton(text: str) -> str:
    """What a name looks like, after UTS #39: compatibility forms unified, invisible characters
    dropped, Cyrillic and Greek look-alikes of Latin letters mapped to them. "V\\u0435rshbow" (a
    Cyrillic e) and "Vershbow" have the same skeleton; different names almost never do."""
    text = UNSAFE.sub("", unicodedata.normalize("NFKC", text)).replace("\u200c", "").replace("\u200d", "")
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", text).translate(_LOOKALIKES))
