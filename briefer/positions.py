"""Positions: who said, thinks or wants what, from direct quotes and reported speech.

Three patterns, in the spirit of textacy's `direct_quotations` (a pure generator over parsed
sentences) extended to reported speech:

* a direct quote with its cue verb and speaker in the same sentence, before or after it
  (`"...," Alexander Vershbow said`, `said one senior EU official`, `X told reporters: "..."`),
  and a quote that goes on in the next sentence or paragraph with nobody else speaking;
* reported speech: a cue verb, its subject, and its clausal complement (`Diplomats said there had
  yet to be ...`, `..., sources said`), or the object of a call (`urged X to ...`, `called for ...`);
* `according to X`, with the rest of the sentence as content.

The speaker is kept as written; the actor it stands for is resolved through names, roles ("the
deputy secretary general") and pronouns ("he added" -> the last person who spoke or was named).
A speaker without a name ("one senior EU official", "diplomats", "a source") is marked
`anonymous`; its actor is then the organisation or country named in it (the EU), as affiliation,
or None. Content is always one contiguous span of the source text.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefer.actors import ActorIndex
from briefer.model import Position
from briefer.segment import ParsedArticle

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


SPEECH_VERBS = _words(
    """say tell add warn state announce claim insist argue note stress urge call deny acknowledge explain
    declare confirm suggest predict vow promise pledge write report ask reply respond recall caution
    emphasize emphasise contend maintain assert allege admit concede complain estimate indicate reveal
    testify tweet mention observe charge propose demand recommend conclude counter question
    tout threaten agree disagree predict advise assure reiterate repeat signal hint"""
)
"""Verbs that report what someone said (a direct quote may hang on any of them)."""

THOUGHT_VERBS = _words("believe think hope fear expect know feel worry want find show doubt")
"""Verbs that report a belief or wish; counted only with a clause after them ("believes that ...")."""

_INTENT_VERBS = _words(
    """urge call ask press implore demand encourage tell vow promise pledge threaten agree want plan refuse
    decline offer hope expect propose"""
)
"""Verbs whose content may be an infinitive: "vowed to form a task force", "urged Congress to act"."""

_OBJECT_VERBS = _words(
    """note mention cite propose question criticize criticise blast condemn praise stress emphasize emphasise
    announce promise deny reject call describe support oppose demand recommend welcome tout acknowledge
    defend reveal claim pledge vow dismiss slam accuse blame predict"""
)
"""Verbs whose object is what was said: "mentioned disparaging remarks", "called the charges false"."""

_OBJECT_PREPS = {"call": ("for", "on"), "warn": ("against", "of", "about"), "complain": ("about",)}
_ALL_CUES = SPEECH_VERBS | THOUGHT_VERBS | _INTENT_VERBS | _OBJECT_VERBS
_PRONOUNS = frozenset(["he", "she"])
_NOT_SPEAKERS = _words("it there what which that this these those you him them me us")
"""Subjects that name nobody ("that says a lot", "you think"); "it" is only kept before a quote."""
_ANONYMOUS = _words(
    """official officials diplomat diplomats source sources spokesman spokeswoman spokesperson aide aides
    person people insider insiders analyst analysts expert experts observer observers officer officers
    member members adviser advisers advisor advisors staffer staffers resident residents witness
    witnesses negotiator negotiators someone"""
)
_OPEN = frozenset(["“", '"', "``", "''"])
_CLOSE = frozenset(["”", '"', "''"])
_DASHES = frozenset(["―", "—", "–"])
_LEAD_IN = frozenset([",", ":", ";", "—", "–", "-", "(", "say", "said", "says", "saying", "added", "told"])


@dataclass(frozen=True, slots=True)
class _Said:
    """One attribution before it becomes a Position: spans of the parsed sentence."""

    speaker: Span
    verb: str
    content: Span
    direct: bool
    continued: bool = False


@dataclass(slots=True)
class _Last:
    """The last speaker in an article, for quotes that go on and for "he added"."""

    speaker: Span | None = None
    verb: str = ""
    actor: str | None = None
    anonymous: bool = False
    sentence: int = -10
    person: str | None = None
    person_sentence: int = -10
    body: str | None = None
    body_sentence: int = -10
    open_quote: bool = False
    colon: bool = False


def find_positions(parsed: Sequence[ParsedArticle], actors: ActorIndex) -> tuple[Position, ...]:
    """Every attribution in every article, in reading order (source ids are 1-based)."""
    out: list[Position] = []
    for source_id, article in enumerate(parsed, start=1):
        out.extend(_article_positions(source_id, article, actors))
    return tuple(out)


def _article_positions(source_id: int, article: ParsedArticle, actors: ActorIndex) -> list[Position]:
    last = _Last()
    found: list[tuple[int, _Said, str | None, bool]] = []
    for index, span in enumerate(article.spans):
        paragraph = article.sentences[index].paragraph
        starts_paragraph = index == 0 or article.sentences[index - 1].paragraph != paragraph
        for said in _attributions(span, last, index, starts_paragraph):
            if said.continued and found and _joinable(found[-1], said, index):
                at, before, actor, anonymous = found[-1]
                content = said.content.doc[before.content.start : said.content.end]
                found[-1] = (at, _Said(before.speaker, before.verb, content, True), actor, anonymous)
            else:
                if said.speaker is last.speaker and said.verb == last.verb and not last.colon:
                    actor, anonymous = last.actor, last.anonymous
                else:
                    actor, anonymous = _resolve(said.speaker, actors, source_id, index, last)
                found.append((index, said, actor, anonymous))
            actor, anonymous = found[-1][2], found[-1][3]
            last.speaker, last.verb, last.actor, last.anonymous = said.speaker, said.verb, actor, anonymous
            last.sentence = index
            if actor and actors.kind_of(actor) == "person":
                last.person, last.person_sentence = actor, index
            elif actor and not anonymous:
                last.body, last.body_sentence = actor, index
        last.open_quote = _ends_open(span)
        last.colon = _colon_cue(span, last, index)
    published = article.article.published
    return [
        Position(actor, s.speaker.text, s.verb, s.content.text, s.direct, source_id, i, anonymous, published)
        for i, s, actor, anonymous in found
    ]


def _joinable(previous: tuple[int, _Said, str | None, bool], said: _Said, index: int) -> bool:
    """A quote that goes on in the next sentence of the same paragraph joins the one before it, so
    the content stays one span of the source ("...," said X. "...")."""
    at, before, _, _ = previous
    return (
        at == index - 1
        and before.direct
        and before.content.doc is said.content.doc
        and before.content.start < said.content.start
    )


def _attributions(span: Span, last: _Last, index: int, starts_paragraph: bool) -> Iterator[_Said]:
    quotes = _quotes(span)
    used: set[int] = set()
    direct: list[Span] = []
    pending: tuple[Span, Token, Span] | None = None
    labelled = _labelled(span)
    if labelled is not None:
        direct.append(labelled.content)
        quotes = [q for q in quotes if not _overlaps(q, [labelled.content])]
        yield labelled
    for quote in quotes:
        if not _standalone(quote, span):
            continue
        inner = _labelled(quote)
        if inner is not None:
            direct.append(quote)
            yield inner
            continue
        cue = _quote_cue(span, quote, quotes)
        if cue is not None and _names_someone(cue[1]):
            verb, speaker = cue
            if pending and pending[1] is verb and pending[0].end <= verb.i < quote.start:
                pending = (span.doc[pending[0].start : quote.end], verb, speaker)
                continue
            if pending:
                yield _Said(pending[2], _verb_text(pending[1]), pending[0], True)
            used.add(verb.i)
            direct.append(quote)
            pending = (quote, verb, speaker)
        elif (signed := _signature(quote)) is not None:
            direct.append(quote)
            yield _Said(signed, quote[-1].text[-1:] if quote[-1].text[-1:] in _DASHES else "―", quote, True)
        elif last.speaker is not None and _continues(span, quote, last, index, starts_paragraph):
            direct.append(quote)
            yield _Said(last.speaker, last.verb, quote, True, continued=True)
    if pending:
        yield _Said(pending[2], _verb_text(pending[1]), pending[0], True)
    outer: list[_Said] = []
    for token in span:
        if token.i in used or _inside(token.i, quotes):
            continue
        said = _reported(token, span)
        if said is not None and _overlaps(said.content, direct):
            said = _cut_before_quotes(said, direct)
        if said is None or _echo(said, token, outer):
            continue
        used.add(token.i)
        outer.append(said)
        yield said


def _echo(said: _Said, verb: Token, outer: list[_Said]) -> bool:
    """The pronoun's belief in "Perdue said he didn't believe ..." is already inside Perdue's words."""
    pronoun = len(said.speaker) == 1 and said.speaker[0].lower_ in ("he", "she", "they", "it")
    return pronoun and any(o.content.start <= verb.i < o.content.end for o in outer)


def _labelled(span: Span) -> _Said | None:
    """A transcript or a reader's comment: `WALLACE: ...`, `Sonya Herridge ― "..."`.

    The name (one to four capitalised words) opens the sentence or the quote; the content runs to
    the end of it (a quote) or of the paragraph.
    """
    doc = span.doc
    start = span.start
    while start < span.end and doc[start].text in _OPEN:
        start += 1
    for sep in range(start + 1, min(start + 5, span.end - 3)):
        mark = doc[sep]
        if mark.text not in (":", "―", "—", "–"):
            if not ((mark.text[:1].isupper() and mark.is_alpha) or mark.text == "."):
                return None
            continue
        name = doc[start:sep]
        capitalised = all(t.text[:1].isupper() or t.text == "." for t in name)
        if not capitalised or name[0].pos_ not in ("PROPN", "NOUN"):
            return None
        if span.start == start and start != 0:
            return None
        end = span.end if span.start != start else len(doc)
        content = _trimmed(doc, sep + 1, end)
        if content is None or len([t for t in content if t.is_alpha]) < 3:
            return None
        return _Said(name, mark.text, content, True)
    return None


def _quotes(span: Span) -> list[Span]:
    """Quoted stretches whose first word is in this sentence, marks included.

    Quotes are found over the whole paragraph, because the small model sometimes leaves an opening
    mark at the end of the sentence before; one left open runs to the end of the paragraph.
    """
    doc = span.doc
    found = []
    start: int | None = None
    for token in doc:
        text = token.text
        if start is None and text in _OPEN:
            start = token.i
        elif start is not None and _closes(text) and token.i > start:
            found.append(doc[start : token.i + 1])
            start = None
    if start is not None and len(doc) - start > 3:
        found.append(doc[start : len(doc)])
    return [q for q in found if span.start <= _first_word(q) < span.end]


def _closes(text: str) -> bool:
    """A closing mark, also fused with a dash by the tokenizer (`”―` before a signature)."""
    return text in _CLOSE or (len(text) == 2 and text[0] in '”"' and text[1] in _DASHES)


def _signature(quote: Span) -> Span | None:
    """`"..." ― Sonya Herridge`: a quote signed with a dash and a name after it."""
    doc = quote.doc
    i = quote.end
    if quote[-1].text[-1:] not in _DASHES:
        if i >= len(doc) or doc[i].text not in _DASHES:
            return None
        i += 1
    while i < len(doc) and doc[i].is_space:
        i += 1
    end = i
    while end < len(doc) and end - i < 4 and doc[end].is_alpha and doc[end].text[:1].isupper():
        end += 1
    if end == i or (end < len(doc) and doc[end].is_alpha and not doc[end].is_space):
        return None
    return doc[i:end]


def _first_word(quote: Span) -> int:
    return next((t.i for t in quote if not t.is_punct and not t.is_space), quote.start)


def _standalone(quote: Span, span: Span) -> bool:
    """A quotation of someone's words, not a scare-quoted phrase inside a clause."""
    words = [t for t in quote if t.is_alpha]
    if len(words) < 2:
        return False
    if quote.start <= span.start:
        return True
    before = quote.doc[quote.start - 1]
    if (before.text in _LEAD_IN and not before.is_alpha) or before.is_sent_start or before.is_space:
        return True
    if before.lemma_ not in SPEECH_VERBS and before.lower_ not in _LEAD_IN:
        return False
    after = quote.doc[quote.end] if quote.end < len(quote.doc) else None
    return after is None or after.is_punct or after.is_space


def _quote_cue(span: Span, quote: Span, quotes: list[Span]) -> tuple[Token, Span] | None:
    """The nearest speech verb outside any quote with a subject outside any quote."""
    candidates = []
    for token in span:
        if _inside(token.i, quotes) or token.lemma_ not in SPEECH_VERBS or token.pos_ not in ("VERB", "AUX"):
            continue
        subject = _subject(token, quotes)
        if subject is None or subject.lower_ in _NOT_SPEAKERS - {"it"}:
            continue
        distance = token.i - quote.end if token.i >= quote.end else quote.start - token.i
        candidates.append((distance, token, subject))
    if not candidates:
        return None
    _, verb, subject = min(candidates, key=lambda c: c[0])
    return verb, _speaker_span(subject)


def _continues(span: Span, quote: Span, last: _Last, index: int, starts_paragraph: bool) -> bool:
    """A quote alone in its sentence that carries on the last speaker's words."""
    outside = [t for t in span if not (quote.start <= t.i < quote.end) and t.is_alpha]
    if outside:
        return False
    if last.colon:
        return last.sentence == index - 1
    if not starts_paragraph:
        return last.sentence == index - 1
    return last.open_quote and last.sentence >= index - 2


def _colon_cue(span: Span, last: _Last, index: int) -> bool:
    """`He said:` closing a sentence: the quote in the next sentence is his. Sets `last`."""
    if not span.text.rstrip().endswith(":") or _quotes(span):
        return False
    for token in reversed(span):
        if token.lemma_ in SPEECH_VERBS and token.pos_ in ("VERB", "AUX"):
            subject = _subject(token)
            if subject is not None:
                last.speaker, last.verb, last.sentence = _speaker_span(subject), _verb_text(token), index
                last.actor = None
                return True
    return False


def _ends_open(span: Span) -> bool:
    """A paragraph whose last quote is left open: the quote goes on in the next paragraph."""
    quotes = _quotes(span)
    return bool(quotes) and quotes[-1].end == len(span.doc) and quotes[-1][-1].text not in _CLOSE


def _reported(verb: Token, span: Span) -> _Said | None:
    """`X said (that) ...`, `..., X said`, `X urged Y to ...`, `according to X, ...`."""
    if verb.lower_ == "according" and verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].lower_ == "to":
        return _according(verb, span)
    lemma = verb.lemma_
    if verb.pos_ not in ("VERB", "AUX") or lemma not in _ALL_CUES:
        return None
    subject = _subject(verb)
    if subject is None or subject.lower_ in _NOT_SPEAKERS - ({"it"} if lemma in SPEECH_VERBS else set()):
        return None
    speaker = _speaker_span(subject)
    if not _names_someone(speaker):
        return None
    content = _complement(verb, lemma)
    if content is None and verb.dep_ == "parataxis" and lemma in SPEECH_VERBS:
        return _parenthetical(verb, speaker)
    if content is None or len([t for t in content if t.is_alpha]) < 3:
        return None
    if speaker.start < content.end and content.start < speaker.end:
        return None
    return _Said(speaker, _verb_text(verb), content, False)


def _parenthetical(verb: Token, speaker: Span) -> _Said | None:
    """ "Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt": the whole clause, since
    the content must stay one span of the source."""
    head = verb.head
    content = _trimmed(verb.doc, head.left_edge.i, head.right_edge.i + 1)
    if content is None or content.start >= speaker.start or len([t for t in content if t.is_alpha]) < 6:
        return None
    return _Said(speaker, _verb_text(verb), content, False)


def _complement(verb: Token, lemma: str) -> Span | None:
    """What was said: the clause after the verb, an infinitive, or the object of some verbs."""
    doc = verb.doc
    after = [c for c in verb.children if c.i > verb.i]
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if clauses and lemma != "want":
        return _trimmed(doc, clauses[0].left_edge.i, clauses[0].right_edge.i + 1)
    if lemma in THOUGHT_VERBS and lemma not in _INTENT_VERBS:
        return None
    parts = [c for c in after if c.dep_ in ("dobj", "oprd", "xcomp", "dative")]
    if lemma in _INTENT_VERBS and any(c.dep_ == "xcomp" for c in parts):
        return _trimmed(doc, min(c.left_edge.i for c in parts), max(c.right_edge.i for c in parts) + 1)
    for prep in after:
        if prep.dep_ == "prep" and prep.lower_ in _OBJECT_PREPS.get(lemma, ()):
            return _trimmed(doc, prep.i + 1, prep.right_edge.i + 1)
    objects = [c for c in parts if c.dep_ in ("dobj", "oprd")]
    if lemma in _OBJECT_VERBS and objects:
        return _trimmed(doc, min(c.left_edge.i for c in objects), max(c.right_edge.i for c in objects) + 1)
    return None


def _according(according: Token, span: Span) -> _Said | None:
    doc = according.doc
    to = doc[according.i + 1]
    objects = [c for c in to.children if c.dep_ == "pobj"]
    if not objects:
        return None
    source = objects[0]
    speaker = _speaker_span(source)
    phrase_start = according.i
    phrase_end = max(speaker.end, source.right_edge.i + 1)
    before = _trimmed(doc, span.start, phrase_start)
    after = _trimmed(doc, phrase_end, span.end)
    pieces = [p for p in (before, after) if p is not None]
    if not pieces:
        return None
    content = max(pieces, key=len)
    if len([t for t in content if t.is_alpha]) < 4:
        return None
    return _Said(speaker, "according to", content, False)


def _trimmed(doc: Doc, start: int, end: int) -> Span | None:
    """A content span without the complementiser "that" and edge punctuation, ending at a
    semicolon (what follows it is the writer's, not the speaker's)."""
    semicolon = next((t.i for t in doc[start:end] if t.text == ";"), None)
    if semicolon is not None and semicolon > start:
        end = semicolon
    while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].lower_ == "that"):
        if doc[start].text in _OPEN:
            break
        start += 1
    while end > start and _loose_edge(doc[end - 1]):
        end -= 1
    return doc[start:end] if end > start else None


def _loose_edge(token: Token) -> bool:
    return (token.is_punct or token.is_space) and token.text not in _CLOSE


def _subject(verb: Token, quotes: Sequence[Span] = ()) -> Token | None:
    """The verb's subject, or, for "adding ..." and "and said ...", the subject of its head.

    A subject inside a quote is the model misreading `"... panic mode," said X`; X is meant."""
    for child in verb.children:
        if child.dep_ == "nsubjpass":
            return None
        if child.dep_ == "nsubj" and child.pos_ != "DET" and not _inside(child.i, list(quotes)):
            return child
    if quotes:
        after = [c for c in verb.children if c.i > verb.i and c.dep_ in ("dobj", "npadvmod", "attr")]
        after = [c for c in after if c.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")]
        if after and verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].left_edge.i == after[0].left_edge.i:
            return after[0]
    if verb.dep_ in ("advcl", "conj", "xcomp") and verb.head is not verb:
        for child in verb.head.children:
            if child.dep_ == "nsubj":
                return child
    return None


def _names_someone(speaker: Span) -> bool:
    return any(t.is_alpha for t in speaker) and speaker.root.ent_type_ not in ("DATE", "TIME", "CARDINAL")


def _speaker_span(subject: Token) -> Span:
    """The subject as written; a long one is cut before its relative clause or apposition."""
    doc = subject.doc
    start, end = subject.left_edge.i, subject.right_edge.i + 1
    if end - start > 12 or any(doc[i].text in _OPEN | _CLOSE for i in range(start, end)):
        end = subject.i + 1
        start = min([subject.i, *(c.left_edge.i for c in subject.lefts)])
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end]


def _verb_text(verb: Token) -> str:
    particles = [c for c in verb.children if c.dep_ == "prt"]
    if particles and particles[0].i == verb.i + 1:
        return f"{verb.text} {particles[0].text}"
    return verb.text


def _inside(i: int, quotes: list[Span]) -> bool:
    return any(q.start <= i < q.end for q in quotes)


def _cut_before_quotes(said: _Said, quotes: list[Span]) -> _Said | None:
    """Reported content that runs into someone's direct quote ends where the quote begins."""
    content = said.content
    if any(q.start <= content.start < q.end for q in quotes):
        return None
    end = min(q.start for q in quotes if content.start < q.start < content.end)
    cut = _trimmed(content.doc, content.start, end)
    if cut is None or len([t for t in cut if t.is_alpha]) < 4 or _overlaps(cut, quotes):
        return None
    while len(cut) > 1 and cut[-1].dep_ in ("cc", "mark", "advmod"):
        cut = cut.doc[cut.start : cut.end - 1]
    return _Said(said.speaker, said.verb, cut, False)


def _overlaps(content: Span, quotes: list[Span]) -> bool:
    return any(content.start < q.end and q.start < content.end for q in quotes)


def _resolve(
    speaker: Span, actors: ActorIndex, source: int, index: int, last: _Last
) -> tuple[str | None, bool]:
    """(actor id, anonymous) for a speaker as written."""
    head = speaker.root
    if len(speaker) == 1 and head.lower_ in ("who", "which", "that") and head.head.dep_ == "relcl":
        antecedent = head.head.head
        return actors.resolve(_speaker_span(antecedent).text, source, index), False
    if len(speaker) == 1 and head.lower_ == "it":
        return (last.body if index - last.body_sentence <= 3 else None), False
    if len(speaker) == 1 and head.lower_ in _PRONOUNS:
        if last.person and index - last.person_sentence <= 4:
            return last.person, False
        return actors.resolve(head.text, source, index), False
    for ent in speaker.ents:
        if ent.label_ == "PERSON":
            found = actors.resolve(ent.text, source, index)
            if found:
                return found, False
    actor = actors.resolve(speaker.text, source, index)
    named = any(e.label_ == "PERSON" for e in speaker.ents)
    anonymous = not named and head.lower_ in _ANONYMOUS and actors.kind_of(actor) != "person"
    return actor, anonymous
