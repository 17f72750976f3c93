"""Timeline: dated events, with relative dates resolved against the article's own date.

First version: spaCy DATE entities with a four-digit year.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefer.model import TimelineEvent
from briefer.segment import ParsedArticle


def find_events(parsed: Sequence[ParsedArticle]) -> tuple[TimelineEvent, ...]:
    events = []
    for source_id, article in enumerate(parsed, start=1):
        for index, span in enumerate(article.spans):
            for ent in span.ents:
                if ent.label_ != "DATE":
                    continue
                year = re.search(r"\b(1[89]\d\d|20\d\d)\b", ent.text)
                if year:
                    events.append(
                        TimelineEvent(
                            year.group(1), article.sentences[index].text, source_id, index, ent.text
                        )
                    )
    return tuple(sorted(events, key=lambda e: (e.date, e.source, e.sentence)))
