"""Binary kinds named by their first bytes, so a PDF or a Word file gets a clear one-line error.

A PDF starts with the text `%PDF-`, and some are mostly ASCII, so "is it binary?" alone let one
through to be "briefed" as `- %PDF-1.4`. No PDF text extractor is a dependency of briefer; a user
with a PDF is told to save its text first.
"""

from __future__ import annotations

# Signatures from the formats' specifications (leading bytes; offset 0 unless noted).
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a Word, EPUB or OpenDocument file)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "a Windows executable"),
    (b"%!PS", "a PostScript document"),
    (b"ID3", "an MP3 audio file"),
    (b"OggS", "an Ogg media file"),
    (b"\x1aE\xdf\xa3", "a Matroska or WebM video"),
)


def binary_kind(data: bytes) -> str | None:
    """The kind of a known binary file (`"a PDF document ..."`), or None."""
    head = data[:16].lstrip(b"\xef\xbb\xbf\r\n\t ")
    for signature, kind in _SIGNATURES:
        if head.startswith(signature):
            if signature in (b"MZ", b"BZh", b"ID3") and not _mostly_binary(data):
                continue  # a text may start with these letters; only binary data is that kind
            return kind
    if data[4:8] == b"ftyp":
        return "an MP4 or QuickTime media file"
    if data[:4] == b"RIFF" and data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return "a RIFF media file (WebP, WAV or AVI)"
    return None


def _mostly_binary(data: bytes) -> bool:
    sample = data[:4096]
    return b"\x00" in sample or sum(b < 9 or 13 < b < 32 for b in sample) > len(sample) // 20
