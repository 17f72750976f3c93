"""Scraped page text to headline, outlet, date and body paragraphs, with the site's junk dropped.

Pages saved as text (like the seed, a GlobalSecurity.org repost) put navigation, banners, section
names, the outlet and a dateline around the article. The rules below hold for such pages in
general: the body is the run of prose paragraphs; what comes before it is the header, where a
repeated line is the outlet, a line that parses as a date is the dateline, and the title-like line
nearest the body is the headline; what comes after the last prose paragraph is footer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*$|[\"”’]$|:$")
_JUNK = re.compile(
    r"mailing list|newsletter|subscribe|sign up|donat(?:e|ion)|copyright|©|\(c\)\s*\d{4}"
    r"|all rights reserved|follow us|share (?:this|on)|advertisement|^\[ad_\d+\]|click here"
    r"|read more|cookie|privacy policy|terms of (?:use|service)|^#+$|^\\?#{3}$|^related:?$"
    r"|skip to (?:main )?content|^(?:home|menu|search|login|log in)$|^photo:|^image:|^video:"
    r"|^getty images|^reuters/|^ap photo|whatsapp|facebook|twitter|telegram channel",
    re.I,
)
_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_DATE_HINT = re.compile(rf"\b(?:19|20)\d\d\b|\b(?:{_MONTHS})\b", re.I)
_BYLINE = re.compile(r"^(?:by|from|posted by|written by)\s+[A-Z]", re.I)


# Two defaults that differ in every field, to tell which parts a date string really gave.
_DEFAULT_A = datetime(2000, 1, 1)
_DEFAULT_B = datetime(2001, 2, 2)


@dataclass(frozen=True, slots=True)
class ScrapedText:
    headline: str | None
    outlet: str | None
    published: str | None
    paragraphs: tuple[str, ...]
    uncleaned: bool = False
    """True when dropping junk would have left nothing, so every block was kept as written."""


def split_blocks(text: str) -> list[str]:
    """Blank-line separated blocks; hard-wrapped paragraphs joined, lists of short lines split."""
    blocks: list[str] = []
    for chunk in re.split(r"\n[ \t\u00a0]*\n", text):
        lines = [" ".join(line.split()) for line in chunk.splitlines()]
        lines = [line for line in lines if line]
        if not lines:
            continue
        if len(lines) > 1 and _hard_wrapped(lines):
            blocks.append(" ".join(lines))
        else:
            blocks.extend(lines)
    return blocks


def _hard_wrapped(lines: list[str]) -> bool:
    """Lines cut at a fixed width: all but the last are long and most do not end a sentence."""
    body = lines[:-1]
    long_lines = sum(1 for line in body if len(line) >= 40)
    return long_lines >= max(1, int(0.6 * len(body)))


def is_prose(block: str) -> bool:
    """A paragraph of the article: enough words, mostly lower case, ends like a sentence."""
    words = block.split()
    if len(words) < 8 or (_JUNK.search(block) and len(words) < 25):
        return False
    lower = sum(1 for w in words if w[:1].islower())
    return lower / len(words) >= 0.3 and bool(_TERMINAL.search(block))


def _wordy(block: str) -> bool:
    """Written to be read, whatever its ending or its words: enough words, mostly lower case."""
    words = block.split()
    return len(words) >= 8 and sum(1 for w in words if w[:1].islower()) / len(words) >= 0.3


def parse_dateline(line: str) -> str | None:
    """ISO date of a short line that is only a date ("Sat Apr 16, 2016 5:10PM"), else None."""
    if len(line.split()) > 10 or not _DATE_HINT.search(line) or not re.search(r"\d", line):
        return None
    from dateutil import parser as date_parser

    try:
        when, rest = date_parser.parse(line, fuzzy_with_tokens=True, default=_DEFAULT_A)
        other = date_parser.parse(line, fuzzy=True, default=_DEFAULT_B)
    except (ValueError, OverflowError, TypeError):
        return None
    leftover = [w for part in rest for w in re.findall(r"[A-Za-z]{3,}", part)]
    if len(leftover) > 2 or not 1900 <= when.year <= 2100 or when.year != other.year:
        return None
    if when.month != other.month:
        return f"{when.year:04d}"
    if when.day != other.day:
        return f"{when.year:04d}-{when.month:02d}"
    return str(when.date().isoformat())


def clean_scraped(text: str) -> ScrapedText:
    """Headline, outlet, date and body paragraphs of a page saved as text."""
    blocks = split_blocks(text)
    prose = [i for i, block in enumerate(blocks) if is_prose(block)]
    if not prose:
        body = [b for b in blocks if not _JUNK.search(b)]
        if body or not any(_wordy(b) for b in blocks):
            return ScrapedText(None, None, None, tuple(body))
        return ScrapedText(None, None, None, tuple(blocks), uncleaned=True)
    first, last = prose[0], prose[-1]
    header, body = blocks[:first], blocks[first : last + 1]
    outlet = _repeated(header + blocks[last + 1 :])
    published = next((d for d in map(parse_dateline, header) if d), None)
    headline = _headline(header, outlet)
    return ScrapedText(headline, outlet, published, tuple(_body(body)))


def _repeated(lines: list[str]) -> str | None:
    seen: set[str] = set()
    for line in lines:
        if line in seen and len(line.split()) <= 6 and not _JUNK.search(line):
            return line
        seen.add(line)
    return None


def _headline(header: list[str], outlet: str | None) -> str | None:
    """The title-like header line nearest the body: not the outlet, a date, a byline or junk."""
    for line in reversed(header):
        words = line.split()
        if line == outlet or parse_dateline(line) or _BYLINE.match(line) or _JUNK.search(line):
            continue
        if 3 <= len(words) <= 30 and not line.endswith("!"):
            return line
    return None


def _body(blocks: list[str]) -> list[str]:
    """Body paragraphs: prose, and short paragraphs that end a sentence; junk lines dropped."""
    kept = []
    for block in blocks:
        if _JUNK.search(block) and not is_prose(block):
            continue
        if is_prose(block) or (len(block.split()) >= 3 and _TERMINAL.search(block)):
            kept.append(block)
    return kept
