"""Names a small NER model gets wrong or leaves apart: countries with their aliases and demonyms,
well-known organisations with their acronyms, armed groups, and the words that make a role.

The lists live in `briefer/data/gazetteer.json` (hand-written, public knowledge). Lookups are on
the name as written, after folding dots and case where that is safe ("U.S." -> "US").
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from briefer.model import ActorKind
from briefer.textsafe import skeleton


@dataclass(frozen=True, slots=True)
class Entry:
    """A known actor: its canonical name, kind, and whether the name as written was a demonym."""

    name: str
    kind: ActorKind
    demonym: bool = False


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    text = resources.files("briefer.data").joinpath("gazetteer.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def fold(name: str) -> str:
    """The lookup key: lower case, dots and hyphens dropped, "the" and spaces squeezed; look-alike
    letters of other scripts read as the Latin ones ("V\u0435rshbow" is "Vershbow")."""
    name = skeleton(name).replace("’", "'").replace(".", "").replace("-", " ").lower()
    words = name.split()
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=1)
def _table() -> dict[str, Entry]:
    data = _data()
    table: dict[str, Entry] = {}
    for country in data["countries"]:
        for name in (country["name"], *country["aliases"]):
            table[fold(name)] = Entry(country["name"], "country")
        for demonym in country["demonyms"]:
            table.setdefault(fold(demonym), Entry(country["name"], "country", demonym=True))
    sections: tuple[tuple[ActorKind, str], ...] = (("organization", "organizations"), ("group", "groups"))
    for kind, key in sections:
        for names in data[key]:
            for name in names:
                table[fold(name)] = Entry(names[0], kind)
    return table


def lookup(name: str) -> Entry | None:
    """The known actor a name as written stands for ("U.S." -> United States, "Libyan" -> Libya).

    Two-letter upper-case acronyms must be written in capitals ("US", not "us").
    """
    entry = _table().get(fold(name))
    if entry is None:
        return None
    if len(name.replace(".", "")) <= 3 and not name.replace(".", "").isupper() and name not in _written():
        return None
    return entry


@lru_cache(maxsize=1)
def _written() -> frozenset[str]:
    """Short names as the gazetteer writes them ("Fed"), accepted in that exact case."""
    data = _data()
    return frozenset(name for key in ("organizations", "groups") for names in data[key] for name in names)


@lru_cache(maxsize=1)
def role_words() -> frozenset[str]:
    """Nouns that make a phrase a role or title ("deputy secretary general", "spokesman")."""
    return frozenset(_data()["roles"])


def description(key: str) -> tuple[str, ...]:
    """Roles or names a description stands for ("top us diplomat" -> "secretary of state"), from
    folded words without a leading "the"."""
    found: list[str] = _data().get("descriptions", {}).get(key, [])
    return tuple(found)


def capital(name: str) -> str | None:
    """The country a capital stands for when used as a metonym ("Moscow" -> Russia)."""
    found: str | None = _data().get("capitals", {}).get(name)
    return found


def group_patterns() -> list[dict[str, str]]:
    """EntityRuler patterns for armed groups spaCy's small model misses or mislabels."""
    patterns = []
    for names in _data()["groups"]:
        for name in names:
            patterns.append({"label": "ORG", "pattern": name})
            if name[:1].islower():
                patterns.append({"label": "ORG", "pattern": name[:1].upper() + name[1:]})
    return patterns
