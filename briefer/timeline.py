"""Timeline: dated events, every date expression resolved against its article's own date.

The expressions and their resolution are `briefer.dates` (own rules, fast; see its docstring for
what counts as a date). This module adds what needs the parse:

- Tense, which decides the direction of a bare weekday or month: the verb governing the expression
  is past when it or its auxiliary is past tense or perfect ("said on Saturday", "had met in
  May", "the truce brokered in April"); future with will/shall/would or under "expected / set /
  scheduled / due / going to" ("are expected to agree in a Monday meeting"); present otherwise.
- Words spaCy knows are not dates: a year inside an amount, a count, a law or a name
  ("Resolution 2016", "Theresa May") is dropped.
- The text of an event: the whole sentence when it holds one date; when it holds several, the
  clause around each one (the governing verb's phrase, without coordinated clauses and without
  the phrases that carry the other dates), so "Yesterday, Putin recognized ... and today claimed
  ..." gives two events. The text is always a span of the source sentence.

One event per distinct date and sentence. Events are sorted by date text, then source, then
sentence: ISO dates of mixed precision sort by the start of their period with the coarser first
("2014" < "2014-06" < "2014-06-03"), which reads naturally ("in 2014 ... in June 2014 ...").
Durations, decades and relative dates of an undated article are left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefer.dates import Mention, Period, Tense, find_mentions, parse_anchor, sort_key
from briefer.model import Sentence, TimelineEvent
from briefer.segment import ParsedArticle

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Entity labels that say a matched "2016" or "May" is not a date here.
_NOT_DATES = frozenset(
    {
        "PERSON",
        "ORG",
        "NORP",
        "MONEY",
        "CARDINAL",
        "QUANTITY",
        "PERCENT",
        "LAW",
        "PRODUCT",
        "FAC",
        "WORK_OF_ART",
    }
)
# Prepositions after which spaCy's CARDINAL is still a year: "in 1991".
_YEAR_PREPOSITIONS = frozenset({"in", "since", "by", "until", "from", "of", "before", "after", "during"})
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "would"})
_FUTURE_FRAMES = frozenset({"expect", "schedule", "due", "set", "plan", "slate", "poise", "go"})
_VERBS = ("VERB", "AUX")
_NOUN_MODIFIERS = ("compound", "poss", "nmod", "amod")
# Verb forms that act as a preposition or an adjective ("including", "a fighting force").
_NOT_CLAUSES = ("prep", "amod", "compound")
_MIN_CLAUSE_WORDS = 3
# Subordinators a clause can lose and still say the same thing ("since the war began seven years
# ago" -> "the war began seven years ago"); "if", "unless", "before", "because" would change it.
_PLAIN_MARKS = frozenset({"since", "when", "as", "while", "that", "after", "once", "whereas"})


@dataclass(frozen=True, slots=True)
class DatedMention:
    """A date expression of a sentence, its tokens, the tense around it and what it resolves to."""

    mention: Mention
    tokens: Span | None
    tense: Tense
    period: Period | None


def find_events(parsed: Sequence[ParsedArticle]) -> tuple[TimelineEvent, ...]:
    """Every dated event of every article (source ids are 1-based positions), sorted by date."""
    events: list[tuple[TimelineEvent, int]] = []
    for source_id, article in enumerate(parsed, start=1):
        anchor = parse_anchor(article.article.published)
        for sentence, span in zip(article.sentences, article.spans, strict=True):
            for event in _sentence_events(sentence, span, anchor, source_id):
                events.append(event)
    events.sort(key=lambda e: (sort_key(e[0].date), e[0].source, e[0].sentence, e[1]))
    return tuple(event for event, _ in events)


def dated_mentions(sentence: Sentence, span: Span, anchor: Period | None) -> list[DatedMention]:
    """The date expressions of one sentence, resolved against `anchor` (the article's date)."""
    out: list[DatedMention] = []
    mentions = find_mentions(sentence.text)
    if not mentions:
        return out
    text = span.text  # built from the tokens on each access: once per dated sentence only
    base = span.start_char + len(text) - len(text.lstrip())
    for mention in mentions:
        tokens = span.doc.char_span(base + mention.start, base + mention.end, alignment_mode="expand")
        if tokens is not None and (not _is_date(tokens) or _nowadays(tokens)):
            continue
        tense = _tense(tokens) if tokens is not None else "past"
        out.append(DatedMention(mention, tokens, tense, mention.resolve(anchor, tense)))
    return out


def _sentence_events(
    sentence: Sentence, span: Span, anchor: Period | None, source_id: int
) -> list[tuple[TimelineEvent, int]]:
    first: dict[str, DatedMention] = {}
    for dated in dated_mentions(sentence, span, anchor):
        if dated.period is not None:
            first.setdefault(dated.period.iso, dated)
    events = []
    for iso, dated in first.items():
        others = [d for d in first.values() if d is not dated]
        text = _clause_text(sentence, dated, others) if others else sentence.text
        event = TimelineEvent(iso, text, source_id, sentence.index, dated.mention.text)
        events.append((event, dated.mention.start))
    return events


def _is_date(tokens: Span) -> bool:
    labels = {t.ent_type_ for t in tokens} & _NOT_DATES
    if not labels:
        return True
    before = tokens.doc[tokens.start - 1].lower_ if tokens.start > 0 else ""
    return labels == {"CARDINAL"} and before in _YEAR_PREPOSITIONS


def _nowadays(tokens: Span) -> bool:
    """ "Facebook today sabotages ...": "today" between a subject and its present-tense verb means
    "nowadays", not a day."""
    if tokens.text.lower() != "today":
        return False
    doc = tokens.doc
    before = doc[tokens.start - 1] if tokens.start > tokens.sent.start else None
    if before is not None and before.is_title and not before.is_sent_start and _tense(tokens) == "present":
        return True  # "Facebook today, which brought ... a revolution": a name, then "today"
    verb = tokens.root.head
    if verb.tag_ not in ("VBZ", "VBP") or verb.i < tokens.start:
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.i < tokens.start for c in verb.children)


def _governor(token: Token) -> Token | None:
    """The verb a date expression belongs to: the nearest verb among its heads."""
    node = token
    while node.pos_ not in _VERBS or node.dep_ in _NOT_CLAUSES:
        if node.head.i == node.i:
            return None
        node = node.head
    return node


def _tense(tokens: Span) -> Tense:
    """Past, future or present, from the verb governing a date and its auxiliaries.

    A date that names a thing ("the Nov. 8 election", "Tuesday's ruling") is not dated by the verb
    of its clause ("Trump has said he would ... the Nov. 8 election"): its tense is "named".
    """
    root = tokens.root
    if root.dep_ in _NOUN_MODIFIERS and root.head.pos_ in ("NOUN", "PROPN"):
        return "named"
    verb = _governor(root)
    if verb is None:
        return "present"
    verb = _finite(verb)
    node = verb
    while True:
        auxes = [c for c in node.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in _FUTURE_AUX for a in auxes):
            return "future"
        if node.i != verb.i and node.lemma_ in _FUTURE_FRAMES and node.tag_ in ("VBN", "VBG", "JJ"):
            return "future"
        if node.dep_ != "xcomp" or node.head.i == node.i:
            break
        node = node.head
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if any(a.lemma_ == "have" for a in auxes) or (verb.tag_ == "VBN" and not auxes):
        return "past"
    return "present"


def _finite(verb: Token) -> Token:
    """A participle's clause takes its tense from the verb it hangs on: "speaking to reporters on
    Wednesday, Grassley said" is past, as is "has rejected a meeting, phoning Garland on Wednesday"."""
    node = verb
    while (
        node.tag_ in ("VBG", "VBN")
        and node.dep_ in ("advcl", "conj")
        and node.head.pos_ in _VERBS
        and node.head.i != node.i
        and not any(c.dep_ in ("aux", "auxpass") for c in node.children)
    ):
        node = node.head
    return node


def _clause_text(sentence: Sentence, own: DatedMention, others: list[DatedMention]) -> str:
    """The clause of `sentence` that `own` dates, leaving out the phrases of the other dates."""
    if own.tokens is None:
        return sentence.text
    root = own.tokens.root
    top = _clause_head(root)
    if top is None:
        return sentence.text
    keep = {t.i for t in top.subtree}
    for child in top.children:
        if child.dep_ == "conj" and child.pos_ in _VERBS and not _dominates(child, root):
            keep -= {t.i for t in child.subtree}
    for other in others:
        if (
            other.tokens is not None
            and other.tokens.root.i in keep
            and not _dominates(other.tokens.root, root)
        ):
            keep -= {t.i for t in _own_phrase(other.tokens.root, root, top).subtree}
    doc = own.tokens.doc
    first, last = own.tokens.start, own.tokens.end - 1
    if not all(i in keep for i in range(first, last + 1)):
        return sentence.text
    while first - 1 in keep:
        first -= 1
    while last + 1 in keep:
        last += 1
    while first < last and (
        doc[first].is_punct
        or doc[first].is_space
        or doc[first].dep_ == "cc"
        or (doc[first].dep_ == "mark" and doc[first].lower_ in _PLAIN_MARKS)
    ):
        first += 1
    while last > first and (doc[last].is_punct or doc[last].is_space or doc[last].dep_ == "cc"):
        last -= 1
    last = _close_brackets(doc, first, last, sentence_end=own.tokens.sent.end)
    text = doc[first : last + 1].text
    rest = [t for t in doc[first : last + 1] if not own.tokens.start <= t.i < own.tokens.end]
    words = sum(1 for t in rest if t.is_alpha and len(t) > 1)
    has_verb = any(t.pos_ in _VERBS for t in rest)
    return text if words >= _MIN_CLAUSE_WORDS and has_verb and text in sentence.text else sentence.text


def _close_brackets(doc: Doc, first: int, last: int, sentence_end: int) -> int:
    """Extend a clause ending inside "(1989" to its closing bracket."""
    opened = sum(t.text == "(" for t in doc[first : last + 1]) - sum(
        t.text == ")" for t in doc[first : last + 1]
    )
    while opened > 0 and last + 1 < sentence_end and doc[last + 1].text == ")":
        last, opened = last + 1, opened - 1
    return last


def _clause_head(token: Token) -> Token | None:
    """The verb whose phrase an event is; a relative clause's noun ("the violence that began ...")."""
    verb = _governor(token)
    if verb is not None and verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    return verb


def _own_phrase(other: Token, own: Token, top: Token) -> Token:
    """The largest phrase around another date that does not reach the date being described."""
    node = other
    while node.head.i not in (node.i, top.i) and not _dominates(node.head, own):
        node = node.head
    return node


def _dominates(node: Token, token: Token) -> bool:
    return node.i == token.i or node.is_ancestor(token)
