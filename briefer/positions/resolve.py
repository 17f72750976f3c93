"""Which actor a speaker as written stands for: the head of the phrase decides, not a name inside it.

"The government, whose forces are backed by Russian air power" is the government, not Russia;
"Turkey's U.N. ambassador" is an unnamed ambassador whose affiliation is Turkey; "a doctor at a
hospital in Falluja" is an unnamed doctor with no affiliation. So:

* a pronoun goes to the last person ("he", "she") or body ("it") that spoke or was named, and "I"
  or "we" in a signed statement to its author;
* a head that is (part of) a name resolves through that name; a name in apposition to the head
  ("his adviser, Daniel Kritenbrink") is the speaker;
* a role or description that the article ties to a person ("the deputy secretary general", "the top
  U.S. diplomat") resolves to that person;
* any other common noun is unnamed: `anonymous`, with as actor the country, organisation or group
  that directly modifies it ("Turkish", "Turkey's", "EU", "a spokesman for Facebook"), or None.

When in doubt the answer is None: the speaker as written is shown rather than a wrong actor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefer import gazetteer
from briefer.actors import ActorIndex
from briefer.positions.cues import ANONYMOUS, inside
from briefer.positions.quotes import quotes_of
from briefer.positions.said import Last
from briefer.positions.speakers import speaker_span

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_AFFILIATES = frozenset(["country", "organization", "group"])
_NAMES = frozenset(["PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"])
_BODIES = _words(
    """government ministry army military forces authorities administration cabinet presidency regime
    office department police navy embassy"""
)
"""A country's or organisation's own body: "China's foreign ministry" is China speaking."""
_VOICES = _words(
    """agency newspaper paper channel broadcaster network television radio daily outlet website
    statement study report letter communique release memo document"""
)
"""An outlet or a document speaks for the name on it ("Anadolu news agency", "a U.S. navy statement")."""
_PARTITIVE = _words(
    """handful number some many several most majority few dozen half-dozen one two three all both"""
)
_GENERIC = _words(
    """witness witnesses resident residents people person man woman men women doctor doctors friend
    friends analyst analysts expert experts observer observers critics critic protester protesters
    someone"""
)
"""Unnamed people whose modifiers are not an affiliation ("Reuters witnesses" are not Reuters)."""


def resolve_speaker(
    speaker: Span, actors: ActorIndex, source: int, index: int, last: Last
) -> tuple[str | None, bool]:
    """(actor id, anonymous) for a speaker as written."""
    head = speaker.root
    if len(speaker) == 1:
        single = _pronoun(head, actors, source, index, last)
        if single is not None:
            return single
    return _phrase(speaker, head, actors, source, index)


def _pronoun(
    head: Token, actors: ActorIndex, source: int, index: int, last: Last
) -> tuple[str | None, bool] | None:
    word = head.lower_
    if word in ("who", "which", "that") and head.head.dep_ == "relcl":
        antecedent = speaker_span(head.head.head)
        return _phrase(antecedent, antecedent.root, actors, source, index)
    if word == "it":
        return (last.body if index - last.body_sentence <= 3 else None), False
    if word in ("he", "she"):
        return _person_pronoun(head, actors, source, index, last)
    if word in ("i", "we"):
        return last.author, False
    return None


def _person_pronoun(
    pronoun: Token, actors: ActorIndex, source: int, index: int, last: Last
) -> tuple[str | None, bool]:
    """ "he"/"she": a person who is the subject earlier in the sentence ("Kerry said he phoned ...
    and emphasized"); else the last speaker if nobody else was named since ("A doctor said ...
    'What is the sin ...' she said"); else the person named in the nearest sentence before,
    preferring the last speaker, then a subject."""
    sentence = last.spans[index] if index < len(last.spans) else pronoun.sent
    here = _people(sentence, actors, before=pronoun.i)
    subjects = [p for p, subject in here if subject]
    if subjects:
        return subjects[-1], False
    previous = _people(last.spans[index - 1], actors) if 0 < index <= len(last.spans) else []
    one = last.speaker is not None and last.speaker.root.tag_ != "NNS"
    if one and last.sentence in (index, index - 1) and all(p == last.person for p, _ in previous):
        return last.actor, last.anonymous
    for back in range(index - 1, max(-1, index - 4), -1):
        named = _people(last.spans[back], actors) if back < len(last.spans) else []
        if not named:
            continue
        ids = [p for p, _ in named]
        if last.person in ids:
            return last.person, False
        return next((p for p, subject in named if subject), ids[0]), False
    if last.person and index - last.person_sentence <= 4:
        return last.person, False
    return actors.resolve(pronoun.text, source, index), False


def _people(span: Span, actors: ActorIndex, before: int | None = None) -> list[tuple[str, bool]]:
    """(person actor, is a subject) for the people named in a sentence outside quotes."""
    quotes = quotes_of(span)
    out = []
    for ent in span.ents:
        if ent.label_ != "PERSON" or (before is not None and ent.end > before) or inside(ent.start, quotes):
            continue
        found = actors.lookup(_name_text(ent))
        if found and actors.kind_of(found) == "person":
            out.append((found, ent.root.dep_ in ("nsubj", "nsubjpass")))
    return out


def _phrase(
    speaker: Span, head: Token, actors: ActorIndex, source: int, index: int
) -> tuple[str | None, bool]:
    named = _named_head(speaker, head, actors)
    if named:
        return named, False
    for child in head.children:
        if child.dep_ == "appos" and child.i > head.i:
            whole = head.doc[head.left_edge.i : head.right_edge.i + 1]
            found = _named_head(whole, child, actors)
            if found and actors.kind_of(found) == "person":
                return found, False
    if head.lower_ in _PARTITIVE or head.pos_ == "NUM":
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        objects = [c for c in of.children if c.dep_ == "pobj"] if of is not None else []
        if objects:
            return _phrase(speaker, objects[0], actors, source, index)
    role = _described(speaker, head, actors, source)
    if role:
        return role, False
    affiliation = _affiliation(head, actors)
    if head.lower_ in _VOICES and affiliation:
        return affiliation, False
    if head.lower_ in _BODIES and affiliation and actors.kind_of(affiliation) == "country":
        return affiliation, False
    person_like = head.lower_ in ANONYMOUS or head.lower_ in gazetteer.role_words()
    if head.lower_ in _GENERIC:
        return None, True
    return (affiliation, True) if person_like else (None, False)


def _named_head(speaker: Span, head: Token, actors: ActorIndex) -> str | None:
    """The actor of the name the head belongs to ("Hun Sen" in "Cambodia's Prime Minister Hun Sen")."""
    for ent in speaker.ents:
        if ent.start <= head.i < ent.end and ent.label_ in _NAMES:
            return _within(ent, head, actors)
    if head.pos_ != "PROPN":
        return None
    parts = [c for c in head.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    start = min([head.i, *(c.i for c in parts)])
    found = actors.lookup(head.doc[start : head.i + 1].text)
    if found or start == head.i:
        return found
    for word in (head.doc[start], head):  # "Cui Tiankai" where the model only tagged "Cui"
        found = actors.lookup(word.text)
        if found and actors.kind_of(found) == "person":
            return found
    return None


def _within(ent: Span, head: Token, actors: ActorIndex) -> str | None:
    """The name, or the longest part of it that holds the head and is an actor ("the pro-Gulen
    Alliance for Shared Values" -> "Alliance for Shared Values", never "Gulen")."""
    found = actors.lookup(_name_text(ent))
    if found:
        return found
    doc = ent.doc
    spans = [(a, b) for a in range(ent.start, head.i + 1) for b in range(head.i + 1, ent.end + 1)]
    for a, b in sorted(spans, key=lambda ab: ab[0] - ab[1]):
        found = actors.lookup(doc[a:b].text)
        if found:
            return found
    return None


def _name_text(ent: Span) -> str:
    words = [t for t in ent if t.lower_ not in ("the", "'s", "’s")]
    return ent.doc[words[0].i : words[-1].i + 1].text if words else ent.text


def _described(speaker: Span, head: Token, actors: ActorIndex, source: int) -> str | None:
    """A role or description the article ties to one person ("the NATO deputy secretary general",
    "the top U.S. diplomat"); only definite phrases, never "a spokesman"."""
    first = speaker[0].lower_
    definite = first == "the" or any(c.dep_ == "poss" for c in head.children)
    if not definite or head.lower_ in ANONYMOUS - {"diplomat", "envoy", "ambassador"} or head.tag_ == "NNS":
        return None
    phrase = head.doc[head.left_edge.i : head.i + 1].text
    return actors.by_role(phrase, source) or actors.by_description(phrase, source)


def _affiliation(head: Token, actors: ActorIndex) -> str | None:
    """The country, organisation or group that directly modifies a nameless head ("Turkey's",
    "Turkish", "a U.S. navy statement", "a spokesman for Facebook")."""
    candidates: list[Token] = []
    for child in head.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod") and child.i < head.i:
            candidates.append(child)
            candidates.extend(c for c in child.lefts if c.dep_ in ("compound", "poss"))
        elif child.dep_ == "prep" and child.lower_ in ("for", "of", "from", "at", "with"):
            candidates.extend(c for c in child.children if c.dep_ == "pobj")
    for token in candidates:
        name = _modifier_name(token)
        found = actors.lookup(name) if name else None
        if found and actors.kind_of(found) in _AFFILIATES:
            return found
    return None


def _modifier_name(token: Token) -> str | None:
    """The name a modifier stands for: its entity ("the U.S.-led coalition" -> "U.S.") or itself."""
    doc = token.doc
    if token.ent_type_:
        start = token.i
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        end = token.i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        return _name_text(doc[start:end])
    parts = [c for c in token.lefts if c.dep_ == "compound"]
    start = min([token.i, *(c.i for c in parts)])
    return doc[start : token.i + 1].text if token.text[:1].isupper() else None
