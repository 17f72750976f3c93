"""Reported speech: a cue verb, its subject and its clausal complement (`Diplomats said there had
yet to be ...`, `..., sources said`), the object of a call (`urged X to ...`, `called for ...`),
and `according to X`, with the rest of the sentence as content.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefer.positions.content import alpha_count, trimmed, with_condition
from briefer.positions.cues import (
    CLAIM_NOUNS,
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


def reported_speech(verb: Token, span: Span) -> Said | None:
    """`X said (that) ...`, `..., X said`, `X urged Y to ...`, `according to X, ...`."""
    if verb.lower_ == "according" and verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].lower_ == "to":
        return _according(verb, span)
    if not is_cue(verb):
        return None
    lemma = verb.lemma_
    subject = subject_of(verb)
    if subject is None or subject.lower_ in NOT_SPEAKERS - ({"it"} if lemma in SPEECH_VERBS else set()):
        return None
    speaker = speaker_span(subject) if subject.i != verb.head.i else _before(subject)
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
    clauses = sorted(
        (c for c in verb.children if c.dep_ == "ccomp" and not _across_semicolon(c, verb)),
        key=lambda c: c.i < verb.i,
    )
    if clauses and lemma == "find" and not any(c.dep_ == "mark" for c in clauses[0].children):
        return None  # "found a man believed to be dead" is an act; "found that ..." is a finding
    if clauses and lemma != "want":
        return trimmed(doc, clauses[0].left_edge.i, clauses[0].right_edge.i + 1)
    if lemma in THOUGHT_VERBS and lemma not in INTENT_VERBS:
        return None
    parts = [c for c in after if c.dep_ in ("dobj", "oprd", "xcomp", "dative")]
    if lemma in INTENT_VERBS and any(c.dep_ == "xcomp" for c in parts):
        return trimmed(doc, min(c.left_edge.i for c in parts), max(c.right_edge.i for c in parts) + 1)
    for prep in after:
        if prep.dep_ == "prep" and prep.lower_ in OBJECT_PREPS.get(lemma, ()):
            later = [c for c in after if c.i > prep.i and c.dep_ in ("xcomp", "prep")]
            end = max([prep.right_edge.i, *(c.right_edge.i for c in later)])
            return trimmed(doc, prep.i + 1, end + 1)
    objects = [c for c in parts if c.dep_ in ("dobj", "oprd")]
    told = [c for c in parts if c.dep_ in ("dobj", "dative")] if lemma in SPEECH_VERBS else []
    said = next((_misread_clause(o) for o in told if _misread_clause(o) is not None), None)
    said = said or next((_noun_clause(o) for o in objects if _noun_clause(o) is not None), None)
    if said is not None:
        return said
    if lemma in OBJECT_VERBS and objects:
        reasons = [c for c in after if c.dep_ == "prep" and c.lower_ in ("for", "of", "as", "over")]
        end = max(c.right_edge.i for c in [*objects, *reasons])
        return trimmed(doc, min(c.left_edge.i for c in objects), end + 1)
    return None


def _across_semicolon(clause: Token, verb: Token) -> bool:
    """ "Turkey complained that ...; Russia insisted ...": a clause before a semicolon is not what
    the verb after it reports."""
    doc = verb.doc
    return clause.i < verb.i and any(t.text == ";" for t in doc[clause.i : verb.i])


def _before(subject: Token) -> Span:
    """ "a statement declaring ...": the speaker is the noun, without the clause that hangs on it."""
    return subject.doc[subject.left_edge.i : subject.i + 1]


def _misread_clause(hearer: Token) -> Span | None:
    """ "told the newspaper that Germany needed ...", parsed as a relative clause of "newspaper"."""
    for clause in hearer.children:
        if clause.dep_ != "relcl" or clause.i < hearer.i:
            continue
        mark = next((c for c in clause.children if c.lower_ == "that"), None)
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ != "that"]
        if mark is not None and mark.dep_ == "mark" and subjects:
            return trimmed(hearer.doc, mark.i + 1, clause.right_edge.i + 1)
    return None


def _noun_clause(noun: Token) -> Span | None:
    """ "repeated his prediction that ...", "dismissed speculation that ...": the clause is what was
    said."""
    if noun.lower_ not in CLAIM_NOUNS:
        return None
    clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl") and c.i > noun.i), None)
    if clause is None or not any(t.lower_ == "that" and t.dep_ == "mark" for t in clause.children):
        return None
    return trimmed(noun.doc, clause.left_edge.i, clause.right_edge.i + 1)


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
    start, end = _claim_of(according, span)
    before = trimmed(doc, start, phrase_start)
    after = trimmed(doc, phrase_end, end)
    pieces = [p for p in (before, after) if p is not None]
    if not pieces:
        return None
    content = max(pieces, key=len)
    if alpha_count(content) < 4:
        return None
    return Said(speaker, "according to", content, False)


def _claim_of(according: Token, span: Span) -> tuple[int, int]:
    """The clause "according to" hangs on, when it is a relative or subordinate clause ("Maduro,
    whose popularity dropped to 27 percent, according to a pollster"); else the sentence."""
    clause = according.head
    if clause.dep_ in ("relcl", "advcl", "acl", "conj", "ccomp") and clause.i != according.i:
        return max(span.start, clause.left_edge.i), min(span.end, clause.right_edge.i + 1)
    return span.start, span.end


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
