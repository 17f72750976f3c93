"""The actors of a brief built from grouped mentions, and the index that resolves a name as written
("Vershbow", "the EU", "the deputy secretary general", "he", "the top U.S. diplomat") to one."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from briefer import gazetteer
from briefer.actors.mentions import Mention
from briefer.actors.roles import ROLE_STOP
from briefer.model import Actor, ActorKind

_PRONOUNS = frozenset(["he", "she", "him", "her", "his"])
_PARTICLE_NAME = re.compile(r"^[A-Z][a-z]+ (?:de|da|di|von|van|der|bin|ibn|al|el)[ -][A-Z][a-z]+$")
"""A person's name with a particle: "Staffan de Mistura", "Bashar al-Assad"."""


@dataclass(slots=True)
class ActorIndex:
    """The actors of a brief and a way to resolve a name as written to an actor id."""

    actors: tuple[Actor, ...] = ()
    _by_alias: dict[str, str] = field(default_factory=dict)
    _persons: dict[tuple[int, int], list[str]] = field(default_factory=dict)
    _authors: dict[int, str] = field(default_factory=dict)
    _kinds: dict[str, ActorKind] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._kinds = {a.id: a.kind for a in self.actors}

    def resolve(self, name: str, source: int | None = None, sentence: int | None = None) -> str | None:
        """Actor id for a name as written ("Vershbow", "the EU", "the deputy secretary general", "he").

        A pronoun resolves to the last person named in the three sentences before (needs `source`
        and `sentence`); a role phrase to the person holding that role; a longer phrase to the
        longest actor name inside it ("one senior EU official" -> EU, as affiliation).
        """
        key = _key(name)
        if not key:
            return None
        if key in self._by_alias:
            return self._by_alias[key]
        if key in _PRONOUNS:
            return self._last_person(source, sentence)
        by_role = self.by_role(name, source)
        if by_role:
            return by_role
        words = key.split()
        for size in range(len(words) - 1, 0, -1):
            for start in range(len(words) - size + 1):
                found = self._by_alias.get(" ".join(words[start : start + size]))
                if found:
                    return found
        return None

    def lookup(self, name: str) -> str | None:
        """Actor id for exactly this name or alias ("the U.S." -> united-states), else None."""
        key = _key(name)
        return self._by_alias.get(key) if key else None

    def kind_of(self, actor_id: str | None) -> ActorKind | None:
        """The kind of the actor with this id (None for an unknown id)."""
        return self._kinds.get(actor_id) if actor_id else None

    def author_of(self, source: int) -> str | None:
        """The author of a signed statement ("Statement by President Joe Biden on ...")."""
        return self._authors.get(source)

    def by_role(self, phrase: str, source: int | None) -> str | None:
        """The one person of this source whose role holds every word of the phrase."""
        words = [w for w in _key(phrase).split() if w not in ROLE_STOP]
        if not any(w in gazetteer.role_words() for w in words):
            return None
        found = [a.id for a in self._people(source) if a.role and set(words) <= set(_key(a.role).split())]
        return found[0] if len(found) == 1 else None

    def by_description(self, phrase: str, source: int | None) -> str | None:
        """The one person of this source a known description stands for ("the top U.S. diplomat"
        -> the Secretary of State the article names)."""
        wanted = gazetteer.description(_key(phrase))
        if not wanted:
            return None
        found = [
            a.id
            for a in self._people(source)
            if any(w in _key(a.role or "") or w == _key(a.name) for w in wanted)
        ]
        return found[0] if len(found) == 1 else None

    def _people(self, source: int | None) -> list[Actor]:
        return [a for a in self.actors if a.kind == "person" and (source is None or source in a.sources)]

    def _last_person(self, source: int | None, sentence: int | None) -> str | None:
        if source is None or sentence is None:
            return None
        for back in range(sentence, max(-1, sentence - 4), -1):
            people = self._persons.get((source, back))
            if people:
                return people[-1]
        return None


def build_index(
    groups: dict[str, list[Mention]],
    roles: dict[str, Counter[str]],
    role_subjects: list[tuple[int, int, str]],
    authors: dict[int, str],
) -> ActorIndex:
    """Actors from grouped mentions, most mentioned first, places last."""
    actors: list[Actor] = []
    by_alias: dict[str, str] = {}
    persons: dict[tuple[int, int], list[str]] = defaultdict(list)
    used: set[str] = set()
    spoken_for: set[tuple[str, str]] = set()
    literal = {m.text for members in groups.values() for m in members if m.kind == "place"}
    for key, members in groups.items():
        written = Counter(m.text for m in members if not m.demonym)
        kind = _kind(members)
        if key.startswith("="):
            name = key[1:] if kind == "country" or not written else _longest(written)
        else:
            name = key
        actor_id = _slug(name, used)
        role = _best_role(roles, {m.text for m in members}) if kind == "person" else None
        metonyms = {m.text for m in members if m.demonym and gazetteer.capital(m.text) and m.text in literal}
        aliases = tuple(sorted({m.text for m in members} - {name} - metonyms))
        sources = tuple(sorted({m.source for m in members}))
        actors.append(Actor(actor_id, name, kind, aliases, role, len(members), sources))
        for alias in (name, *aliases):
            by_alias.setdefault(_key(alias), actor_id)
        spoken_for.update((_key(text), actor_id) for text in metonyms)
        if kind == "person":
            for m in members:
                persons[(m.source, m.sentence)].append(actor_id)
    by_alias.update(sorted(spoken_for))  # "Seoul said": the country speaks, not the city
    actors = _roles_from_subjects(actors, role_subjects, persons)
    actors.sort(key=lambda a: (a.kind == "place", -a.mentions, a.name))
    signed = {source: by_alias[_key(name)] for source, name in authors.items() if _key(name) in by_alias}
    return ActorIndex(tuple(actors), by_alias, dict(persons), signed)


def _kind(members: list[Mention]) -> ActorKind:
    """The kind most mentions give; a person when a third of them say so and none is an
    organisation's name (the small model calls "Sergey Lavrov" an organisation now and then)."""
    kinds = Counter(m.kind for m in members)
    if any(m.known for m in members):
        return kinds.most_common(1)[0][0]
    if kinds["person"] * 3 >= len(members) or any(_PARTICLE_NAME.match(m.text) for m in members):
        return "person"
    longest = max((m.text for m in members), key=lambda t: (len(t.split()), len(t)))
    if len(longest.split()) > 1 and any(m.kind == "person" and m.text == longest for m in members):
        return "person"  # "Nicolas Maduro" is a person even where the model calls "Maduro" an ORG
    return kinds.most_common(1)[0][0]


def _longest(written: Counter[str]) -> str:
    return max(written, key=lambda t: (len(t.split()), written[t], len(t)))


def _slug(name: str, used: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "actor"
    slug, n = base, 2
    while slug in used:
        slug, n = f"{base}-{n}", n + 1
    used.add(slug)
    return slug


def _best_role(roles: dict[str, Counter[str]], names: set[str]) -> str | None:
    found: Counter[str] = Counter()
    for name in names:
        found.update(roles.get(name, Counter()))
    if not found:
        return None
    return max(found, key=lambda r: (found[r], len(r)))


def _roles_from_subjects(
    actors: list[Actor], role_subjects: list[tuple[int, int, str]], persons: dict[tuple[int, int], list[str]]
) -> list[Actor]:
    """Give a nameless role subject to the first person named in the next three sentences."""
    by_id = {a.id: a for a in actors}
    for source, sentence, role in role_subjects:
        for after in range(sentence, sentence + 4):
            people = persons.get((source, after))
            if not people:
                continue
            person = by_id[people[0]]
            if not person.role:
                by_id[person.id] = _with_role(person, role)
            break
    return [by_id[a.id] for a in actors]


def _with_role(actor: Actor, role: str) -> Actor:
    return Actor(actor.id, actor.name, actor.kind, actor.aliases, role, actor.mentions, actor.sources)


def _key(text: str) -> str:
    """The alias key: folded like the gazetteer ("The U.S.'s" -> "us")."""
    text = re.sub(r"['’]s$", "", text.strip(' .,;:"“”'))
    return gazetteer.fold(text) if text.strip() else ""
