"""Bytes to safe text: never a crash on odd encodings, never a terminal escape sequence through.

Text from the web is untrusted and is later shown in terminals, files and mail, so the decoded
text is cleaned at once (`briefer.textsafe` says what is unsafe); later decoding steps (HTML
entities, YAML escapes) clean again.
"""

from __future__ import annotations

import codecs

from briefer.textsafe import clean_text, escape_unsafe, one_line

__all__ = ["clean_text", "decode_bytes", "looks_binary", "one_line", "printable"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_bytes(data: bytes) -> str:
    """Decode UTF-8, UTF-16/32 with a BOM, BOM-less UTF-16, or whatever detection says; then clean."""
    return clean_text(_decode(data))


def _decode(data: bytes) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.start >= len(data) - 3:
            return data[: exc.start].decode("utf-8")  # UTF-8 cut inside its last character
    cesu = _utf8_with_surrogates(data)
    if cesu is not None:
        return cesu
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        return utf16
    western = _western(data)
    if western is not None:
        return western
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 1024 * 1024]).best()
    if best is not None and best.encoding:
        try:
            return data.decode(best.encoding, errors="replace")
        except LookupError:
            pass
    return data.decode("utf-8", errors="replace")


def _utf8_with_surrogates(data: bytes) -> str | None:
    """UTF-8 that encodes UTF-16 surrogates (CESU-8, or a lone surrogate written by a careless
    exporter): pairs joined into their character, a lone one made U+FFFD. Read as UTF-8, not as a
    legacy code page, so its C1 controls stay controls and are removed with their payload."""
    try:
        text = data.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        return None
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


_WESTERN_MARKS = frozenset("€‚„…†‡‰‹›‘’“”•–—™°«»¡¿·§©®±´¨¸ºª½¼¾×÷£¥¢\u00a0")


def _western(data: bytes) -> str | None:
    """Legacy Western European text (Windows-1252, which includes Latin-1's letters), recognised
    before statistical detection: detectors take short French or German text for Baltic code pages.
    Accepted only when every non-ASCII character is a letter or typographic mark and such letters
    are a minority, as in Western languages (Cyrillic or Greek code pages give nearly all)."""
    try:
        text = data[: 1024 * 1024].decode("cp1252")
    except UnicodeDecodeError:
        return None
    odd = [c for c in text if ord(c) > 127]
    if not all(c.isalpha() or c in _WESTERN_MARKS for c in odd):
        return None
    letters = sum(1 for c in text if c.isalpha())
    if sum(1 for c in odd if c.isalpha()) > 0.3 * max(letters, 1):
        return None
    return data.decode("cp1252", errors="replace")


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM shows as every other byte zero in mostly-ASCII text."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_zero = sample[0::2].count(0) / len(sample[0::2])
    odd_zero = sample[1::2].count(0) / len(sample[1::2])
    if odd_zero > 0.3 and even_zero < 0.05:
        return data.decode("utf-16-le", errors="replace")
    if even_zero > 0.3 and odd_zero < 0.05:
        return data.decode("utf-16-be", errors="replace")
    return None


def looks_binary(data: bytes) -> bool:
    """True for data with NUL bytes or mostly non-text bytes (images, archives, executables)."""
    sample = data[:8192]
    if not sample:
        return False
    if any(sample.startswith(bom) for bom, _ in _BOMS) or _bomless_utf16(sample) is not None:
        return False
    if b"\x00" in sample:
        return True
    text_bytes = sum(1 for b in sample if b in b"\t\n\r\f\b\x1b" or b >= 32)  # ESC: coloured text
    return text_bytes / len(sample) < 0.85


printable = escape_unsafe
"""Kept name: control characters shown as `\\x1b`-style escapes (see `briefer.textsafe`)."""
