"""Who matters in a situation: actors and positions ranked by salience, repeats grouped.

A folder of a few dozen articles names about a hundred actors and twice as many positions; a
reader needs the few that carry the story first. An actor's salience counts how many sources name
it (a name in six outlets matters more than six mentions in one), how often it is named, and how
many statements it makes. Positions follow their actor's rank, each actor's in date order, so the
statements of the main players come first; a statement an actor repeats (the same words give or
take a few, in several articles or paragraphs) is shown once and cited to every place.

The brief keeps everything with its `rank` (the JSON shows all); `shown` trims a brief to the top
ones for reading, which the command line does unless `--all` is given.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from briefer.model import Actor, Brief, Citation, Position

TOP_ACTORS = 12
TOP_POSITIONS = 15
SOURCE_WEIGHT = 3.0
STATEMENT_WEIGHT = 2.0
REPEATED = 0.7
"""Share of the shorter content's words found in the other for two statements to be one."""
_WORD = re.compile(r"\w+")


def rank(
    actors: Sequence[Actor], positions: Sequence[Position]
) -> tuple[tuple[Actor, ...], tuple[Position, ...]]:
    """Actors by salience (rank 1 first); positions by their actor's rank, repeats grouped."""
    statements = Counter(p.actor for p in positions if p.actor)

    def salience(actor: Actor) -> float:
        sources = len(actor.sources) or 1
        return SOURCE_WEIGHT * sources + actor.mentions + STATEMENT_WEIGHT * statements[actor.id]

    order = sorted(range(len(actors)), key=lambda i: (-salience(actors[i]), i))
    ranked = tuple(replace(actors[i], rank=r) for r, i in enumerate(order, start=1))
    by_actor = {a.id: a.rank for a in ranked}
    grouped = group_repeats(positions)
    ordered = sorted(
        enumerate(grouped),
        key=lambda ip: (by_actor.get(ip[1].actor or "", len(by_actor) + 1), ip[1].actor is None, ip[0]),
    )
    return ranked, tuple(replace(p, rank=r) for r, (_, p) in enumerate(ordered, start=1))


def group_repeats(positions: Sequence[Position]) -> list[Position]:
    """Each actor's (or unresolved speaker's) statements, a repeated one kept once with citations."""
    kept: list[Position] = []
    words: list[frozenset[str]] = []
    for position in positions:
        mine = frozenset(w.lower() for w in _WORD.findall(position.content))
        same = next(
            (
                k
                for k, other in enumerate(kept)
                if _who(other) == _who(position)
                and other.direct == position.direct
                and _repeats(mine, words[k])
            ),
            None,
        )
        if same is None:
            kept.append(position)
            words.append(mine)
            continue
        first = kept[same]
        places = {(c.source, c.sentence) for c in first.also} | {(position.source, position.sentence)}
        places |= {(c.source, c.sentence) for c in position.also}
        places.discard((first.source, first.sentence))
        kept[same] = replace(first, also=tuple(Citation(s, i) for s, i in sorted(places)))
    return kept


def shown(brief: Brief, actors: int = TOP_ACTORS, positions: int = TOP_POSITIONS) -> Brief:
    """The brief with only its top actors and positions, and a note saying what was left out."""
    top_actors = tuple(a for a in brief.actors if not a.rank or a.rank <= actors)
    top_positions = tuple(p for p in brief.positions if not p.rank or p.rank <= positions)
    hidden_a, hidden_p = len(brief.actors) - len(top_actors), len(brief.positions) - len(top_positions)
    if not hidden_a and not hidden_p:
        return brief
    note = (
        f"showing the top {len(top_actors)} of {len(brief.actors)} actors and {len(top_positions)} of "
        f"{len(brief.positions)} positions by salience (--all shows every one)"
    )
    kept_ids = {a.id for a in top_actors} | {p.actor for p in top_positions if p.actor}
    return replace(
        brief,
        actors=tuple(a for a in brief.actors if a.id in kept_ids),
        positions=top_positions,
        notes=(*brief.notes, note),
    )


def _who(position: Position) -> str:
    return position.actor or position.speaker.lower()


def _repeats(a: frozenset[str], b: frozenset[str]) -> bool:
    if not a or not b:
        return False
    return len(a & b) / min(len(a), len(b)) >= REPEATED and min(len(a), len(b)) >= 4
