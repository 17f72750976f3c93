"""The one `Brief` model every renderer, the TUI and the JSON contract read.

Frozen, slotted dataclasses holding only plain values (no spaCy or sumy objects), so a brief can be
built in one process, rendered in another, compared in tests and round-tripped through JSON. Every
text item carries its provenance: the source id and the index of its sentence in that source.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal, TypeVar

SCHEMA_VERSION = 1

ActorKind = Literal["person", "organization", "country", "group", "place"]
"""`group`: armed or political groups (Daesh, Houthis); `place`: cities, regions, sites."""


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a cleaned article body, with character offsets into `Source.text`."""

    index: int
    text: str
    start: int
    end: int
    paragraph: int = 0


@dataclass(frozen=True, slots=True)
class Source:
    """One article as read: metadata, the cleaned body and its sentences."""

    id: int
    title: str
    outlet: str | None
    published: str | None
    location: str
    text: str = ""
    sentences: tuple[Sentence, ...] = ()
    error: str | None = None
    notes: tuple[str, ...] = ()
    url: str | None = None
    """The article's web address when its page gives one; shown in Sources instead of `location`."""

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["sentences"] = [asdict(s) for s in self.sentences]
        data["notes"] = list(self.notes)
        return data


@dataclass(frozen=True, slots=True)
class Citation:
    """Another place carrying the same sentence (a wire copy reposted by a second outlet)."""

    source: int
    sentence: int


@dataclass(frozen=True, slots=True)
class SummaryItem:
    text: str
    source: int
    sentence: int
    score: float | None = None
    also: tuple[Citation, ...] = ()


@dataclass(frozen=True, slots=True)
class Actor:
    """A person, organisation, country or armed group, with its aliases merged."""

    id: str
    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()
    role: str | None = None
    mentions: int = 0
    sources: tuple[int, ...] = ()
    rank: int = 0  # 1 = most salient (sources, mentions, statements); 0 = not ranked


@dataclass(frozen=True, slots=True)
class Position:
    """Who said or wants what: a quotation (`direct`) or reported speech.

    `content` is a span of the source sentence (or, for a quote that runs over several sentences,
    consecutive sentences joined by a space), so the brief stays faithful.
    """

    actor: str | None
    speaker: str
    verb: str
    content: str
    direct: bool
    source: int
    sentence: int
    anonymous: bool = False
    published: str | None = None
    also: tuple[Citation, ...] = ()
    rank: int = 0  # 1 = first shown: its actor's salience, then date order; 0 = not ranked


@dataclass(frozen=True, slots=True)
class BackgroundItem:
    text: str
    source: int
    sentence: int
    score: float | None = None
    also: tuple[Citation, ...] = ()


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    """A dated event; `date` is ISO 8601 as precise as known ("2011", "2014-06", "2016-04-18")."""

    date: str
    text: str
    source: int
    sentence: int
    expression: str = ""
    also: tuple[Citation, ...] = ()


@dataclass(frozen=True, slots=True)
class Brief:
    """One situation brief: what `compose` returns and every renderer and face shows.

    A frozen tree of plain values (no spaCy or sumy objects), so it can be cached, sent between
    processes and round-tripped through JSON (`to_dict`/`from_dict`, `schema_version`). Every item
    carries its provenance: `source` (an id in `sources`, 1-based) and `sentence` (an index into
    that source's sentences), and `also` when other sources carry the same sentence. `sources`
    lists the unreadable ones too, with their `error`; `notes` says what was cut or skipped.
    """

    title: str
    sources: tuple[Source, ...]
    summary: tuple[SummaryItem, ...] = ()
    actors: tuple[Actor, ...] = ()
    positions: tuple[Position, ...] = ()
    background: tuple[BackgroundItem, ...] = ()
    timeline: tuple[TimelineEvent, ...] = ()
    algorithm: str = ""
    generated_at: str | None = None
    notes: tuple[str, ...] = ()
    schema_version: int = field(default=SCHEMA_VERSION)
    period: str | None = None  # the dates the sources cover: "2016-02-12/2016-02-29" or one date

    @property
    def readable_sources(self) -> tuple[Source, ...]:
        return tuple(s for s in self.sources if s.error is None)

    def source(self, source_id: int) -> Source:
        """The source with this id (ids start at 1)."""
        for src in self.sources:
            if src.id == source_id:
                return src
        raise KeyError(source_id)

    def actor(self, actor_id: str | None) -> Actor | None:
        for act in self.actors:
            if act.id == actor_id:
                return act
        return None

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract: what `--format json` prints."""
        return {
            "schema_version": self.schema_version,
            "title": self.title,
            "generated_at": self.generated_at,
            "algorithm": self.algorithm,
            "period": self.period,
            "notes": list(self.notes),
            "sources": [s.to_dict() for s in self.sources],
            "summary": [_item_dict(i) for i in self.summary],
            "actors": [_item_dict(a) for a in self.actors],
            "positions": [_item_dict(p) for p in self.positions],
            "background": [_item_dict(b) for b in self.background],
            "timeline": [_item_dict(t) for t in self.timeline],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Brief:
        """Rebuild a brief from `to_dict()` output (e.g. a saved JSON brief)."""
        return cls(
            title=data["title"],
            sources=tuple(
                Source(
                    **{
                        **_known(Source, s),
                        "sentences": tuple(Sentence(**x) for x in s.get("sentences", ())),
                        "notes": tuple(s.get("notes", ())),
                    }
                )
                for s in data["sources"]
            ),
            summary=tuple(_cited(SummaryItem, x) for x in data.get("summary", ())),
            actors=tuple(
                Actor(
                    **{
                        **_known(Actor, x),
                        "aliases": tuple(x.get("aliases", ())),
                        "sources": tuple(x.get("sources", ())),
                    }
                )
                for x in data.get("actors", ())
            ),
            positions=tuple(_cited(Position, x) for x in data.get("positions", ())),
            background=tuple(_cited(BackgroundItem, x) for x in data.get("background", ())),
            timeline=tuple(_cited(TimelineEvent, x) for x in data.get("timeline", ())),
            algorithm=data.get("algorithm", ""),
            generated_at=data.get("generated_at"),
            notes=tuple(data.get("notes", ())),
            schema_version=data.get("schema_version", SCHEMA_VERSION),
            period=data.get("period"),
        )


_Item = TypeVar("_Item", "SummaryItem", "Position", "BackgroundItem", "TimelineEvent")


def _item_dict(item: Any) -> dict[str, Any]:
    data = asdict(item)
    for key, value in data.items():
        if isinstance(value, tuple):
            data[key] = list(value)
    return data


def _cited(cls: type[_Item], data: dict[str, Any]) -> _Item:
    """An item with its `also` citations rebuilt from their JSON objects."""
    return cls(**{**_known(cls, data), "also": tuple(Citation(**c) for c in data.get("also", ()))})


def _known(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    """Keep only the keys `cls` declares, so newer JSON still loads into an older model."""
    names = {f.name for f in fields(cls)}
    return {k: v for k, v in data.items() if k in names}
