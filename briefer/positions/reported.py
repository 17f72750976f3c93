"""Reported speech: a cue verb, its subject and its clausal complement (`Diplomats said there had
yet to be ...`, `..., sources said`), the object of a call (`urged X to ...`, `called for ...`),
and `according to X`, with the rest of the sentence as content.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefer.positions.content import alpha_count, trimmed, with_condition
from briefer.positions.cues import (
    INTENT_VERBS,
    NOT_SPEAKERS,
    OBJECT_PREPS,
    OBJECT_VERBS,
    SPEECH_VERBS,
    THOUGHT_VERBS,
    is_cue,
    overlaps,
)
from briefer.positions.said import Said
from briefer.positions.speakers import names_someone, speaker_span, subject_of, verb_text

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def reported(verb: Token, span: Span) -> Said | None:
    """`X said (that) ...`, `..., X said`, `X urged Y to ...`, `according to X, ...`."""
    if verb.lower_ == "according" and verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].lower_ == "to":
        return _according(verb, span)
    if not is_cue(verb):
        return None
    lemma = verb.lemma_
    subject = subject_of(verb)
    if subject is None or subject.lower_ in NOT_SPEAKERS - ({"it"} if lemma in SPEECH_VERBS else set()):
        return None
    speaker = speaker_span(subject)
    if not names_someone(speaker):
        return None
    content = _complement(verb, lemma)
    if content is None and verb.dep_ == "parataxis" and lemma in SPEECH_VERBS:
        return _parenthetical(verb, speaker)
    if content is None or alpha_count(content) < 3:
        return None
    if speaker.start < content.end and content.start < speaker.end:
        return None
    if content.start > verb.i:
        content = with_condition(content, span.end)
    return Said(speaker, verb_text(verb), content, False)


def _parenthetical(verb: Token, speaker: Span) -> Said | None:
    """ "Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt": the whole clause, since
    the content must stay one span of the source."""
    head = verb.head
    content = trimmed(verb.doc, head.left_edge.i, head.right_edge.i + 1)
    if content is None or content.start >= speaker.start or alpha_count(content) < 6:
        return None
    return Said(speaker, verb_text(verb), content, False)


def _complement(verb: Token, lemma: str) -> Span | None:
    """What was said: the clause after the verb, an infinitive, or the object of some verbs."""
    doc = verb.doc
    after = [c for c in verb.children if c.i > verb.i]
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if clauses and lemma != "want":
        return trimmed(doc, clauses[0].left_edge.i, clauses[0].right_edge.i + 1)
    if lemma in THOUGHT_VERBS and lemma not in INTENT_VERBS:
        return None
    parts = [c for c in after if c.dep_ in ("dobj", "oprd", "xcomp", "dative")]
    if lemma in INTENT_VERBS and any(c.dep_ == "xcomp" for c in parts):
        return trimmed(doc, min(c.left_edge.i for c in parts), max(c.right_edge.i for c in parts) + 1)
    for prep in after:
        if prep.dep_ == "prep" and prep.lower_ in OBJECT_PREPS.get(lemma, ()):
            return trimmed(doc, prep.i + 1, prep.right_edge.i + 1)
    objects = [c for c in parts if c.dep_ in ("dobj", "oprd")]
    if lemma in OBJECT_VERBS and objects:
        return trimmed(doc, min(c.left_edge.i for c in objects), max(c.right_edge.i for c in objects) + 1)
    return None


def _according(according: Token, span: Span) -> Said | None:
    doc = according.doc
    to = doc[according.i + 1]
    objects = [c for c in to.children if c.dep_ == "pobj"]
    if not objects:
        return None
    source = objects[0]
    speaker = speaker_span(source)
    phrase_start = according.i
    phrase_end = max(speaker.end, source.right_edge.i + 1)
    before = trimmed(doc, span.start, phrase_start)
    after = trimmed(doc, phrase_end, span.end)
    pieces = [p for p in (before, after) if p is not None]
    if not pieces:
        return None
    content = max(pieces, key=len)
    if alpha_count(content) < 4:
        return None
    return Said(speaker, "according to", content, False)


def cut_before_quotes(said: Said, quotes: list[Span]) -> Said | None:
    """Reported content that runs into someone's direct quote ends where the quote begins."""
    content = said.content
    if any(q.start <= content.start < q.end for q in quotes):
        return None
    end = min(q.start for q in quotes if content.start < q.start < content.end)
    cut = trimmed(content.doc, content.start, end)
    if cut is None or alpha_count(cut) < 4 or overlaps(cut, quotes):
        return None
    while len(cut) > 1 and cut[-1].dep_ in ("cc", "mark", "advmod"):
        cut = cut.doc[cut.start : cut.end - 1]
    return Said(said.speaker, said.verb, cut, False)
