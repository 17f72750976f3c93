"""What changed: the items of a brief that a previous brief (or digest) did not have.

A morning reader has seen yesterday's brief; what they want first is what is new in today's: an
actor not named before, an actor's new or changed position, a timeline event not listed before, a
bottom-line sentence not seen before. Items are compared by what they say, not by ids (ids are
per brief), with text folded as `merge` folds it, so a repost of yesterday's sentence is not new.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from briefer.errors import InputError
from briefer.model import Brief, Position

SECTIONS = ("summary", "actors", "positions", "timeline")
"""The sections whose items carry a `new` flag."""
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Seen:
    """What earlier briefs said, as comparable keys; `since` is the newest of their times."""

    actors: frozenset[str]
    positions: frozenset[tuple[str, str]]
    events: frozenset[tuple[str, str]]
    sentences: frozenset[str]
    since: str | None


@dataclass(frozen=True, slots=True)
class Changes:
    """Indices (into the brief's sections) of the items that are new."""

    since: str | None
    summary: tuple[int, ...] = ()
    actors: tuple[int, ...] = ()
    positions: tuple[int, ...] = ()
    timeline: tuple[int, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.summary or self.actors or self.positions or self.timeline)


def seen_in(briefs: Iterable[Brief]) -> Seen:
    """Everything the given briefs said, ready to compare a new brief against."""
    actors: set[str] = set()
    positions: set[tuple[str, str]] = set()
    events: set[tuple[str, str]] = set()
    sentences: set[str] = set()
    times: list[str] = []
    for brief in briefs:
        if brief.generated_at:
            times.append(brief.generated_at)
        for actor in brief.actors:
            actors.update(_fold(name) for name in (actor.name, *actor.aliases))
        positions.update(_position_key(brief, p) for p in brief.positions)
        events.update((e.date, _fold(e.text)) for e in brief.timeline)
        sentences.update(_fold(i.text) for i in brief.summary)
    since = max(times, default=None)
    return Seen(frozenset(actors), frozenset(positions), frozenset(events), frozenset(sentences), since)


def compare(brief: Brief, seen: Seen) -> Changes:
    """The items of `brief` that `seen` does not hold.

    An actor is new when none of its names was seen; a position is new when its actor was never
    seen saying those words (a changed position is a new one of a known actor); an event is new
    when its date and sentence were not listed; a bottom-line sentence when it was not seen.
    """
    return Changes(
        since=seen.since,
        summary=tuple(i for i, item in enumerate(brief.summary) if _fold(item.text) not in seen.sentences),
        actors=tuple(
            i
            for i, actor in enumerate(brief.actors)
            if not any(_fold(name) in seen.actors for name in (actor.name, *actor.aliases))
        ),
        positions=tuple(
            i for i, p in enumerate(brief.positions) if _position_key(brief, p) not in seen.positions
        ),
        timeline=tuple(i for i, e in enumerate(brief.timeline) if (e.date, _fold(e.text)) not in seen.events),
    )


def flag_new(data: dict[str, Any], changes: Changes) -> dict[str, Any]:
    """A brief's `to_dict()` with `new: true/false` on every item of the compared sections."""
    out = dict(data)
    for section in SECTIONS:
        new = set(getattr(changes, section))
        out[section] = [{**item, "new": i in new} for i, item in enumerate(data.get(section, ()))]
    out["new_since"] = changes.since
    return out


def load_previous(data: bytes, where: str) -> list[Brief]:
    """The briefs of a saved `--format json` brief, or of a digest's JSON Lines."""
    try:
        text = data.decode("utf-8")
        try:
            documents = [json.loads(text)]
        except json.JSONDecodeError:
            documents = [json.loads(line) for line in text.splitlines() if line.strip()]
        return [Brief.from_dict(d) for d in documents]
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InputError(f"{where}: not a brief saved with --format json ({type(exc).__name__})") from None


def _position_key(brief: Brief, position: Position) -> tuple[str, str]:
    actor = brief.actor(position.actor)
    return _fold(actor.name if actor else position.speaker), _fold(position.content)


def _fold(text: str) -> str:
    """Case, typographic quotes and punctuation do not make a sentence new."""
    return " ".join(_WORD.findall(unicodedata.normalize("NFKC", text).lower()))
