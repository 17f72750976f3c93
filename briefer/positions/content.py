"""What was said, as one contiguous span of the source: trimmed of the complementiser and loose
punctuation, kept whole.

Whole means two things. A condition the speaker attached stays with the claim ("would join, but
only if the talks resume": the parser often hangs ", but only if ..." outside the clause). And a
span never ends inside a word: spaCy splits "co-chair" into three tokens, so a cut after "co"
would put words in someone's mouth.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefer.positions.cues import CLOSE, OPEN

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_CONDITIONS = frozenset(["if", "unless", "provided", "as long as", "so long as", "until", "once"])


def trimmed(doc: Doc, start: int, end: int) -> Span | None:
    """A content span without the complementiser "that" and edge punctuation, ending at a
    semicolon (what follows it is the writer's, not the speaker's)."""
    semicolon = next((t.i for t in doc[start:end] if t.text == ";"), None)
    if semicolon is not None and semicolon > start:
        end = semicolon
    while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].lower_ == "that"):
        if doc[start].text in OPEN:
            break
        start += 1
    end = _whole_words(doc, end)
    while end > start and _loose_edge(doc[end - 1]):
        end -= 1
    return doc[start:end] if end > start else None


def _whole_words(doc: Doc, end: int) -> int:
    """Move an end that falls inside a hyphenated word ("co" | "-" | "chair") to the word's end."""
    while 0 < end < len(doc) and _joined(doc[end - 1], doc[end]):
        end += 1
    return end


def _joined(left: Token, right: Token) -> bool:
    """Two tokens of one written word: no space between them and one of them a hyphen."""
    return not left.whitespace_ and (left.text == "-" or right.text == "-") and not right.is_space


def with_condition(content: Span, limit: int) -> Span:
    """Extend content over a following ", but only if ..." / ", unless ..." up to token `limit`."""
    doc = content.doc
    i = content.end
    while i < limit and (doc[i].text in (",", "—", "–") or doc[i].is_space):
        i += 1
    if i < limit and doc[i].lower_ == "but":
        i += 1
    if i < limit and doc[i].lower_ in ("only", "even", "except"):
        i += 1
    if i >= limit or not _condition_at(doc, i):
        return content
    end = doc[i].head.right_edge.i + 1 if doc[i].dep_ == "mark" else limit
    end = min(max(end, i + 2), limit)
    extended = trimmed(doc, content.start, end)
    return extended if extended is not None and extended.end > content.end else content


def _condition_at(doc: Doc, i: int) -> bool:
    word = doc[i].lower_
    if word in _CONDITIONS:
        return True
    two = f"{word} {doc[i + 1].lower_}" if i + 1 < len(doc) else word
    return two in _CONDITIONS or (word == "as" and i + 2 < len(doc) and doc[i + 2].lower_ == "as")


def _loose_edge(token: Token) -> bool:
    return (token.is_punct or token.is_space) and token.text not in CLOSE


def alpha_count(span: Span) -> int:
    return len([t for t in span if t.is_alpha])
