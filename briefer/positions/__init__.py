"""Positions: who said, thinks or wants what, from direct quotes and reported speech.

Three patterns, in the spirit of textacy's `direct_quotations` (a pure generator over parsed
sentences) extended to reported speech:

* a direct quote with its cue verb and speaker in the same sentence, before or after it
  (`"...," Alexander Vershbow said`, `said one senior EU official`, `X told reporters: "..."`),
  and a quote that goes on in the next sentence or paragraph with nobody else speaking
  (`quotes`);
* reported speech: a cue verb, its subject, and its clausal complement (`Diplomats said there had
  yet to be ...`, `..., sources said`), or the object of a call (`urged X to ...`, `called for ...`),
  and `according to X` (`reported`);
* in a signed statement ("Statement by President Joe Biden on ..."), "I" and "we" are its author.

Which words count as cues is in `cues`, the speaker as written in `speakers`, the content span in
`content`, and the actor a speaker stands for in `resolve` (the head of the phrase decides;
unnamed speakers are `anonymous`, with their affiliation as actor, or None). Content is always
one contiguous span of the source text. Each article is read on its own, so an article gives the
same positions alone and inside a folder.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from briefer.actors import ActorIndex
from briefer.model import Position
from briefer.positions.cues import DASHES, inside, overlaps
from briefer.positions.quotes import (
    colon_cue,
    continues,
    ends_open,
    labelled,
    quote_cue,
    quotes_of,
    signature,
    standalone,
)
from briefer.positions.reported import cut_before_quotes, reported_speech
from briefer.positions.resolve import resolve_speaker
from briefer.positions.said import Last, Said
from briefer.positions.speakers import names_someone, verb_text
from briefer.segment import ParsedArticle

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["find_positions"]

_Found = tuple[int, Said, str | None, bool]


def find_positions(parsed: Sequence[ParsedArticle], actors: ActorIndex) -> tuple[Position, ...]:
    """Every attribution in every article, in reading order (source ids are 1-based)."""
    out: list[Position] = []
    for source_id, article in enumerate(parsed, start=1):
        out.extend(_article_positions(source_id, article, actors))
    return tuple(out)


def _article_positions(source_id: int, article: ParsedArticle, actors: ActorIndex) -> list[Position]:
    last = Last(author=actors.author_of(source_id), spans=article.spans)
    found: list[_Found] = []
    for index, span in enumerate(article.spans):
        paragraph = article.sentences[index].paragraph
        starts_paragraph = index == 0 or article.sentences[index - 1].paragraph != paragraph
        for said in _attributions(span, last, index, starts_paragraph):
            _record(found, said, index, last, actors, source_id)
        last.open_quote = ends_open(span)
        last.colon = colon_cue(span, last, index)
    published = article.article.published
    return [
        Position(actor, s.speaker.text, s.verb, s.content.text, s.direct, source_id, i, anonymous, published)
        for i, s, actor, anonymous in found
    ]


def _record(
    found: list[_Found], said: Said, index: int, last: Last, actors: ActorIndex, source_id: int
) -> None:
    """Add one attribution (or extend the quote before it) and remember who spoke last."""
    if said.continued and found and _joinable(found[-1], said, index):
        at, before, actor, anonymous = found[-1]
        content = said.content.doc[before.content.start : said.content.end]
        found[-1] = (at, Said(before.speaker, before.verb, content, True), actor, anonymous)
    else:
        if said.speaker is last.speaker and said.verb == last.verb and not last.colon:
            actor, anonymous = last.actor, last.anonymous
        else:
            actor, anonymous = resolve_speaker(said.speaker, actors, source_id, index, last)
        found.append((index, said, actor, anonymous))
    actor, anonymous = found[-1][2], found[-1][3]
    last.speaker, last.verb, last.actor, last.anonymous = said.speaker, said.verb, actor, anonymous
    last.sentence = index
    if actor and actors.kind_of(actor) == "person" and not anonymous:
        last.person, last.person_sentence = actor, index
    elif actor and not anonymous:
        last.body, last.body_sentence = actor, index


def _joinable(previous: _Found, said: Said, index: int) -> bool:
    """A quote that goes on in the next sentence of the same paragraph joins the one before it, so
    the content stays one span of the source ("...," said X. "...")."""
    at, before, _, _ = previous
    return (
        at == index - 1
        and before.direct
        and before.content.doc is said.content.doc
        and before.content.start < said.content.start
    )


def _attributions(span: Span, last: Last, index: int, starts_paragraph: bool) -> Iterator[Said]:
    quotes = quotes_of(span)
    direct: list[Span] = []
    found = labelled(span)
    if found is not None:
        direct.append(found.content)
        quotes = [q for q in quotes if not overlaps(q, [found.content])]
        yield found
    used: set[int] = set()
    yield from _direct(span, quotes, direct, used, last, index, starts_paragraph)
    outer: list[Said] = []
    for token in span:
        if token.i in used or inside(token.i, quotes):
            continue
        said = reported_speech(token, span)
        if said is not None and overlaps(said.content, direct):
            said = cut_before_quotes(said, direct)
        if said is None or _echo(said, token, outer):
            continue
        used.add(token.i)
        outer.append(said)
        yield said


def _direct(
    span: Span, quotes: list[Span], direct: list[Span], used: set[int], last: Last, index: int, starts: bool
) -> Iterator[Said]:
    """The direct quotes of a sentence; consecutive quotes on one cue verb become one."""
    pending: tuple[Span, Token, Span] | None = None
    for quote in quotes:
        if not standalone(quote, span):
            continue
        inner = labelled(quote)
        if inner is not None:
            direct.append(quote)
            yield inner
            continue
        cue = quote_cue(span, quote, quotes)
        if cue is not None and names_someone(cue[1]):
            verb, speaker = cue
            if pending and pending[1].i == verb.i and pending[0].end <= verb.i < quote.start:
                pending = (span.doc[pending[0].start : quote.end], verb, speaker)
                continue
            if pending:
                yield Said(pending[2], verb_text(pending[1]), pending[0], True)
            used.add(verb.i)
            direct.append(quote)
            pending = (quote, verb, speaker)
        elif (signed := signature(quote)) is not None:
            direct.append(quote)
            yield Said(signed, quote[-1].text[-1:] if quote[-1].text[-1:] in DASHES else "―", quote, True)
        elif last.speaker is not None and continues(span, quote, last, index, starts):
            direct.append(quote)
            yield Said(last.speaker, last.verb, quote, True, continued=True)
    if pending:
        yield Said(pending[2], verb_text(pending[1]), pending[0], True)


def _echo(said: Said, verb: Token, outer: list[Said]) -> bool:
    """The pronoun's belief in "Perdue said he didn't believe ..." is already inside Perdue's words."""
    pronoun = len(said.speaker) == 1 and said.speaker[0].lower_ in ("he", "she", "they", "it")
    return pronoun and any(o.content.start <= verb.i < o.content.end for o in outer)
