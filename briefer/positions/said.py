"""The two records the extraction passes around: one attribution before it becomes a Position,
and what the article said last (for quotes that go on and for "he added")."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span


@dataclass(frozen=True, slots=True)
class Said:
    """One attribution before it becomes a Position: spans of the parsed sentence."""

    speaker: Span
    verb: str
    content: Span
    direct: bool
    continued: bool = False


@dataclass(slots=True)
class Last:
    """The last speaker in an article, for quotes that go on and for "he added"."""

    speaker: Span | None = None
    verb: str = ""
    actor: str | None = None
    anonymous: bool = False
    sentence: int = -10
    person: str | None = None
    person_sentence: int = -10
    body: str | None = None
    body_sentence: int = -10
    open_quote: bool = False
    colon: bool = False
    author: str | None = None
    spans: tuple[Span, ...] = ()
