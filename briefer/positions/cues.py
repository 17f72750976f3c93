"""The words that make a sentence an attribution: speech, belief and stance verbs, and the marks
that open and close a quotation.

Only saying, believing and taking a stance count. Verbs of action or display ("supporting",
"show", "planning", "asked" as a question to someone) report what someone did, not what they
hold, so they are not cues (PolNeAR and the wire labels agree: "Not attributions: actions and
decisions, plans, support, polls or images that show something").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


SPEECH_VERBS = _words(
    """say tell add warn state announce claim insist argue note stress urge call deny acknowledge explain
    declare confirm suggest predict vow promise pledge write report reply respond recall caution
    emphasize emphasise contend maintain assert allege admit concede complain estimate indicate reveal
    testify tweet mention observe charge propose demand recommend conclude counter question
    tout threaten agree disagree advise assure reiterate repeat signal hint advocate shout surmise
    speculate joke exclaim remark lament boast retort scream yell quip muse appeal dismiss reject
    ask continue"""
)
"""Verbs that report what someone said (a direct quote may hang on any of them)."""

THOUGHT_VERBS = _words("believe think hope fear expect know feel worry want doubt find")
"""Verbs that report a belief or wish; counted only with a clause after them ("believes that ...")."""

INTENT_VERBS = _words(
    """urge call press implore demand encourage tell vow promise pledge threaten want refuse
    offer hope expect propose claim appeal"""
)
"""Verbs whose content may be an infinitive: "vowed to form a task force", "urged Congress to act"."""

OBJECT_VERBS = _words(
    """note mention cite propose question criticize criticise blast condemn praise stress emphasize emphasise
    announce promise deny reject call describe oppose demand recommend welcome tout acknowledge
    defend reveal claim pledge vow dismiss slam accuse blame predict denounce view regard"""
)
"""Verbs whose object is what was said: "mentioned disparaging remarks", "called the charges false"."""

OBJECT_PREPS = {
    "call": ("for", "on"),
    "warn": ("against", "of", "about"),
    "complain": ("about",),
    "caution": ("against", "about"),
    "appeal": ("for", "to"),
}
CLAIM_NOUNS = _words(
    """prediction speculation claim claims assertion belief view warning argument suggestion
    allegation allegations accusation accusations reports report rumors rumours notion idea"""
)
"""Nouns whose "that" clause is what someone said ("dismissed speculation that ...")."""
ALL_CUES = SPEECH_VERBS | THOUGHT_VERBS | INTENT_VERBS | OBJECT_VERBS

NOT_SPEAKERS = _words("it there what which that this these those you him them me us nobody")
"""Subjects that name nobody ("that says a lot", "you think"); "it" is only kept before a quote."""

ANONYMOUS = _words(
    """official officials diplomat diplomats source sources spokesman spokeswoman spokesperson aide aides
    person people insider insiders analyst analysts expert experts observer observers officer officers
    member members adviser advisers advisor advisors staffer staffers resident residents witness
    witnesses negotiator negotiators someone doctor doctors ambassador envoy friend friends"""
)
"""Head nouns of a speaker who is not named ("one senior EU official", "Reuters witnesses")."""

OPEN = frozenset(["“", '"', "``", "''"])
CLOSE = frozenset(["”", '"', "''"])
DASHES = frozenset(["―", "—", "–"])
LEAD_IN = frozenset([",", ":", ";", "—", "–", "-", "(", "say", "said", "says", "saying", "added", "told"])


def is_cue(verb: Token) -> bool:
    """A verb (not a participle used as an adjective or a gerund of action) that reports speech,
    a belief or a stance."""
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_ not in ALL_CUES:
        return False
    if verb.lemma_ == "ask" and (verb.tag_ == "VBN" or not any(c.dep_ == "nsubj" for c in verb.children)):
        return False  # "Asked about the talks, Lavrov said ...": the question, not the answer
    return not (verb.tag_ == "VBN" and verb.dep_ in ("amod", "acl"))


def inside(i: int, spans: list[Span]) -> bool:
    """Token index `i` lies inside one of the spans."""
    return any(q.start <= i < q.end for q in spans)


def overlaps(content: Span, spans: list[Span]) -> bool:
    return any(content.start < q.end and q.start < content.end for q in spans)
