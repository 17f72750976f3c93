"""The speaker as written: the subject of a cue verb, cut to the phrase that names who spoke.

The phrase is kept as the article writes it ("Turkey's U.N. ambassador", "the main rebel
coalition"); a long subject loses its relative clause or apposition, and a dateline glued to the
first sentence ("JERUSALEM Israel's Minister ...") is not part of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from briefer.positions.cues import CLOSE, OPEN, inside

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_DOCUMENTS = _words(
    """statement letter report note message communique release tweet post document memo study"""
)
"""Papers that speak: "a statement declaring they had taken power"."""
_WHEN = frozenset(["DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"])


def subject_of(verb: Token, quotes: Sequence[Span] = ()) -> Token | None:
    """The verb's subject, or, for "adding ..." and "and said ...", the subject of its head.

    A subject inside a quote is the model misreading `"... panic mode," said X`; X is meant.
    In "RIA quoted Lavrov as saying" and "Putin was quoted as saying", the words are Lavrov's and
    Putin's, not the agency's."""
    quoted = _quoted(verb)
    if quoted is not None:
        return quoted
    for child in verb.children:
        if child.dep_ == "nsubjpass":
            return None
        if child.dep_ == "nsubj" and child.pos_ != "DET" and not inside(child.i, list(quotes)):
            return child
    if quotes:
        after = [c for c in verb.children if c.i > verb.i and c.dep_ in ("dobj", "npadvmod", "attr")]
        inverted = any(q.end <= verb.i <= q.end + 1 for q in quotes)
        after = [
            c
            for c in after
            if c.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or (inverted and c.pos_ == "NOUN")
        ]
        if after and verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].left_edge.i == after[0].left_edge.i:
            return after[0]
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.lower_ in _DOCUMENTS:
        return verb.head
    if verb.dep_ in ("advcl", "conj", "xcomp") and verb.head is not verb:
        for child in verb.head.children:
            if child.dep_ == "nsubj":
                return child
    return None


def _quoted(verb: Token) -> Token | None:
    """The person quoted in "X quoted Y as saying" (Y) or "Y was quoted as saying" (Y)."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ != "as" or prep.head.lemma_ != "quote":
        return None
    quote = prep.head
    for dep in ("dobj", "nsubjpass"):
        found = next((c for c in quote.children if c.dep_ == dep), None)
        if found is not None:
            return found
    return None


def names_someone(speaker: Span) -> bool:
    """A speaker phrase with a word in it that is not a date or a number, and not "no one"."""
    root = speaker.root
    partitive = any(c.dep_ == "prep" and c.lower_ == "of" for c in root.children)
    if not any(t.is_alpha for t in speaker) or (root.ent_type_ in _WHEN and not partitive):
        return False
    return speaker.text.lower() not in ("no one", "nobody", "none", "noone")


def speaker_span(subject: Token) -> Span:
    """The subject as written; a long one is cut before its relative clause or apposition, and a
    capitalised dateline before it is dropped."""
    doc = subject.doc
    start, end = subject.left_edge.i, subject.right_edge.i + 1
    if end - start > 12 or any(doc[i].text in OPEN | CLOSE for i in range(start, end)):
        end = subject.i + 1
        start = min([subject.i, *(c.left_edge.i for c in subject.lefts)])
    start = _after_dateline(doc, start, end)
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    end = _before_time(doc, start, end)
    return doc[start:end]


def _after_dateline(doc: Doc, start: int, end: int) -> int:
    """Skip "JERUSALEM", "MUNICH –" or "WASHINGTON (Reuters) -" opening the first sentence."""
    if start != 0 and not doc[start - 1].is_space:
        return start
    i = start
    while i < end - 1 and doc[i].is_upper and len(doc[i].text) > 1 and doc[i].is_alpha:
        i += 1
    if i == start or i >= end - 1:
        return start
    while i < end - 1 and (doc[i].text in ("–", "—", "-", "(", ")", ",") or doc[i].text == "Reuters"):
        i += 1
    return i if doc[i].text[:1].isupper() else start


def _before_time(doc: Doc, start: int, end: int) -> int:
    """ "Israel's Minister of Internal Security on Saturday": the date is not the speaker."""
    for i in range(start + 1, end):
        if doc[i].lower_ in ("on", "in", "at") and i + 1 < end and doc[i + 1].ent_type_ in _WHEN:
            return i
        if doc[i].text == "," and i + 1 < end and doc[i + 1].tag_ in ("VBG", "VBN"):
            return i
    return end


def verb_text(verb: Token) -> str:
    """The cue as written, with its particle ("pointed out")."""
    particles = [c for c in verb.children if c.dep_ == "prt"]
    if particles and particles[0].i == verb.i + 1:
        return f"{verb.text} {particles[0].text}"
    return verb.text
