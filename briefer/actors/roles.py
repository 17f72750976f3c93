"""Roles come from the text itself: a title before a name ("Prime Minister Abiy Ahmed"), an
apposition ("Vershbow, the NATO deputy secretary general,") or a role phrase used as a speaker
near the name ("The NATO deputy secretary general says ..." ... "Alexander Vershbow said").
A signed statement ("Statement by President Joe Biden on ...") names its author and his role.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from briefer import gazetteer


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


ROLE_STOP = frozenset(["the", "a", "an", "its", "his", "her", "their", "this", "that"])
_SPEECH_LEMMAS = frozenset(["say", "tell", "add", "warn", "state", "announce", "claim", "insist", "note"])
_SIGNED = re.compile(
    r"^\s*(?:joint\s+)?(?:statement|remarks|readout|message|letter)\s+(?:by|from|of)\s+(?P<who>.+?)"
    r"(?:\s+(?:on|to|regarding|about|at|following|for|marking|in)\s|$)",
    re.I,
)
_TITLE_WORDS = _words(
    """president vice prime minister secretary general state national security advisor adviser press
    ambassador senator governor chancellor foreign defense defence of the u.s. us and"""
)


def role_of(ent: Span) -> str | None:
    """The role the sentence gives a person: a title before the name or an apposition."""
    return _title_before(ent) or _apposition(ent)


def _title_before(ent: Span) -> str | None:
    """ "Prime Minister Abiy Ahmed" -> "Prime Minister"; "NATO deputy chief X" -> "NATO deputy chief"."""
    doc = ent.doc
    start = ent.start
    i = start - 1
    while i >= max(0, start - 7):
        token = doc[i]
        if token.pos_ not in ("PROPN", "NOUN", "ADJ", "ADP") and token.text != "-":
            break
        if token.pos_ == "ADP" and (token.lower_ != "of" or i == 0 or not is_role(doc[i - 1])):
            break
        if token.ent_type_ == "PERSON":
            break
        i -= 1
    while i + 1 < start and doc[i + 1].pos_ == "ADP":
        i += 1
    words = doc[i + 1 : start]
    if not len(words):
        return None
    if words[-1].lower_ not in gazetteer.role_words() and not _secretary_of(words):
        return None
    return words.text


def _secretary_of(words: Span) -> bool:
    """ "Secretary of State", "Secretary of Defense": a role whose last word is not a role word."""
    lowered = [t.lower_ for t in words]
    return "secretary" in lowered and "of" in lowered and lowered.index("of") == len(lowered) - 2


def _apposition(ent: Span) -> str | None:
    """ "X, the NATO deputy secretary general," or "longtime dictator, Muammar Gaddafi"."""
    root = ent.root
    for child in root.children:
        if child.dep_ == "appos" and child.i >= ent.end and is_role(child):
            return role_text(child.doc[child.left_edge.i : child.i + 1])
    head = root.head
    if root.dep_ == "appos" and head.i < ent.start and is_role(head):
        return role_text(head.doc[head.left_edge.i : head.i + 1])
    return None


def is_role(token: Token) -> bool:
    return token.lower_ in gazetteer.role_words() and token.ent_type_ not in ("PERSON",)


def role_text(span: Span) -> str | None:
    words = [t for t in span if not (t.i == span.start and t.lower_ in ROLE_STOP)]
    if not words or len(words) > 8 or any(t.text in ",;()" for t in words):
        return None
    return span.doc[words[0].i : words[-1].i + 1].text


def role_subjects(span: Span) -> Iterator[str]:
    """Definite role phrases that speak without a name: "The NATO deputy secretary general says"."""
    for token in span:
        if token.dep_ != "nsubj" or token.head.lemma_ not in _SPEECH_LEMMAS:
            continue
        if not is_role(token):
            continue
        phrase = span.doc[token.left_edge.i : token.right_edge.i + 1]
        if phrase[0].lower_ != "the" or any(t.ent_type_ == "PERSON" for t in phrase):
            continue
        role = role_text(phrase)
        if role:
            yield role


def signed_by(title: str | None) -> tuple[str, str | None] | None:
    """(author's name, role) of a signed statement's title: "Statement by President Joe Biden on
    the Situation in Sudan" -> ("Joe Biden", "President")."""
    if not title:
        return None
    match = _SIGNED.match(title.replace("\\_", " ").replace("\u00a0", " "))
    if not match:
        return None
    words = match.group("who").split()
    cut = 0
    while cut < len(words) and words[cut].lower().strip(",") in _TITLE_WORDS:
        cut += 1
    name = words[cut:]
    if not 1 <= len(name) <= 3 or not all(w[:1].isupper() for w in name):
        return None
    text = " ".join(name)
    if gazetteer.lookup(text) is not None:
        return None
    return text, (" ".join(words[:cut]) or None)
