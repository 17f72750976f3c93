"""The app's own messages: small and documented, posted by widgets, handled by the app."""

from __future__ import annotations

from textual.message import Message


class OpenSource(Message):
    """Show the article `source` with sentence `sentence` highlighted (None: from the top)."""

    def __init__(self, source: int, sentence: int | None) -> None:
        super().__init__()
        self.source = source
        self.sentence = sentence
