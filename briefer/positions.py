"""Positions: who said or wants what, from direct quotes and reported speech.

First version: a speech verb with its subject as speaker and its clausal complement as content.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefer.actors import ActorIndex
from briefer.model import Position
from briefer.segment import ParsedArticle

SPEECH_VERBS = frozenset(
    [
        "say",
        "tell",
        "add",
        "warn",
        "state",
        "announce",
        "claim",
        "insist",
        "argue",
        "note",
        "stress",
        "urge",
        "call",
        "deny",
        "acknowledge",
        "explain",
        "declare",
        "confirm",
        "suggest",
        "predict",
        "vow",
        "promise",
    ]
)


def find_positions(parsed: Sequence[ParsedArticle], actors: ActorIndex) -> tuple[Position, ...]:
    out: list[Position] = []
    for source_id, article in enumerate(parsed, start=1):
        for index, span in enumerate(article.spans):
            for token in span:
                if token.pos_ != "VERB" or token.lemma_ not in SPEECH_VERBS:
                    continue
                subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
                if not subjects:
                    continue
                subject = subjects[0]
                speaker = span.doc[subject.left_edge.i : subject.right_edge.i + 1].text
                content = _content(span, token)
                if not content:
                    continue
                direct = content.startswith(('"', "“"))
                out.append(
                    Position(
                        actors.resolve(speaker),
                        speaker,
                        token.text,
                        content,
                        direct,
                        source_id,
                        index,
                        published=article.article.published,
                    )
                )
                break
    return tuple(out)


def _content(span, verb) -> str:  # type: ignore[no-untyped-def]
    quote = [t for t in span if t.text in ('"', "“", "”")]
    if len(quote) >= 2:
        return span.doc[quote[0].i : quote[-1].i + 1].text
    comps = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp")]
    if comps:
        comp = comps[0]
        return span.doc[comp.left_edge.i : comp.right_edge.i + 1].text
    return ""
