"""Background: sentences that give history and context rather than today's news.

First version: sentences in the past perfect or naming an earlier year, quotes left out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefer.model import BackgroundItem
from briefer.segment import ParsedArticle

_PAST = re.compile(r"\b(?:since|ago|has been|have been|had been|formerly|previously)\b", re.I)


def find_background(parsed: Sequence[ParsedArticle], limit: int = 5) -> tuple[BackgroundItem, ...]:
    items = []
    for source_id, article in enumerate(parsed, start=1):
        for sentence in article.sentences:
            if '"' in sentence.text or "“" in sentence.text:
                continue
            if _PAST.search(sentence.text):
                items.append(BackgroundItem(sentence.text, source_id, sentence.index, 1.0))
    return tuple(items[:limit])
