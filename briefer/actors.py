"""Actors: people, organisations, countries and armed groups, with aliases merged.

First version: spaCy entities, cleaned and merged by surname and acronym. A later change raises
this to the measured level of issue 3 (roles, gazetteers, nationalities, armed groups).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from briefer.model import Actor, ActorKind
from briefer.segment import ParsedArticle

_KINDS: dict[str, ActorKind] = {"PERSON": "person", "ORG": "organization", "GPE": "country"}


@dataclass(slots=True)
class ActorIndex:
    """The actors of a brief and a way to resolve a name as written to an actor id."""

    actors: tuple[Actor, ...] = ()
    _by_alias: dict[str, str] = field(default_factory=dict)

    def resolve(self, name: str, source: int | None = None, sentence: int | None = None) -> str | None:
        """Actor id for a name as written ("Vershbow", "the EU"), or None."""
        key = _key(name)
        if key in self._by_alias:
            return self._by_alias[key]
        for word in reversed(key.split()):
            if word in self._by_alias:
                return self._by_alias[word]
        return None


def find_actors(parsed: Sequence[ParsedArticle]) -> ActorIndex:
    """Merge the named entities of all articles into actors (source ids are 1-based positions)."""
    names: Counter[str] = Counter()
    kinds: dict[str, ActorKind] = {}
    sources: dict[str, set[int]] = defaultdict(set)
    for source_id, article in enumerate(parsed, start=1):
        for span in article.spans:
            for ent in span.ents:
                kind = _KINDS.get(ent.label_)
                name = _clean(ent.text)
                if kind and name:
                    names[name] += 1
                    kinds.setdefault(name, kind)
                    sources[name].add(source_id)
    groups: dict[str, list[str]] = {}
    for name, _ in sorted(names.items(), key=lambda kv: (-len(kv[0]), kv[0])):
        target = next((g for g in groups if _same(name, g)), None)
        groups.setdefault(target or name, []).append(name) if target else groups.setdefault(name, [name])
    actors = []
    by_alias = {}
    for canonical, members in groups.items():
        actor_id = re.sub(r"[^a-z0-9]+", "-", canonical.lower()).strip("-")
        aliases = tuple(sorted(m for m in members if m != canonical))
        all_sources = sorted(set().union(*(sources[m] for m in members)))
        actors.append(
            Actor(
                actor_id,
                canonical,
                kinds[canonical],
                aliases,
                None,
                sum(names[m] for m in members),
                tuple(all_sources),
            )
        )
        for m in members:
            by_alias[_key(m)] = actor_id
    actors.sort(key=lambda a: (-a.mentions, a.name))
    return ActorIndex(tuple(actors), by_alias)


def _clean(text: str) -> str:
    text = " ".join(text.split())
    text = re.sub(r"^(?:the)\s+", "", text, flags=re.I)
    return re.sub(r"['’]s$", "", text).strip(" .,;:")


def _key(text: str) -> str:
    return _clean(text).lower()


def _same(short: str, long: str) -> bool:
    """Surname of a full name, or acronym of an expansion."""
    if short == long:
        return True
    long_words = long.split()
    if len(short.split()) == 1 and len(long_words) > 1 and long_words[-1] == short:
        return True
    initials = "".join(w[0] for w in long_words if w[:1].isupper())
    return short.isupper() and len(short) >= 2 and initials == short
