"""Actors: people, organisations, countries, armed groups and places, with aliases merged.

spaCy's entities are the raw material. They are cleaned (`mentions`: no dates, numbers, datelines,
contributor lines or web addresses), typed with a gazetteer (countries with their demonyms,
organisations with their acronyms, armed groups), and grouped (`grouping`): a surname into the full
name, an acronym into its expansion ("EU" = "European Union"), "U.S." into "United States",
"Libyan" into Libya, "Sergey" into "Sergei Lavrov". Roles come from the text itself (`roles`), and
`index` resolves a name as written to an actor.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from spacy.tokens import Span

from briefer import gazetteer
from briefer.actors.grouping import group
from briefer.actors.index import ActorIndex, build_index
from briefer.actors.mentions import (
    Mention,
    all_caps,
    dateline,
    entities,
    mention,
    metonym,
    outlet_key,
    own_outlet,
    shouted_mentions,
    surname_mentions,
    titled,
)
from briefer.actors.roles import role_of, role_subjects, signed_by
from briefer.segment import ParsedArticle

__all__ = ["ActorIndex", "Mention", "find_actors"]


def find_actors(parsed: Sequence[ParsedArticle]) -> ActorIndex:
    """Merge the named entities of all articles into actors (source ids are 1-based positions)."""
    mentions: list[Mention] = []
    roles: dict[str, Counter[str]] = defaultdict(Counter)
    subjects: list[tuple[int, int, str]] = []
    shouted: list[tuple[int, int, Span]] = []
    authors: dict[int, str] = {}
    outlets: set[tuple[int, str]] = set()
    own: dict[int, str] = {}
    for source_id, article in enumerate(parsed, start=1):
        key = outlet_key(article.article.outlet)
        if key:
            own[source_id] = key
        signed = signed_by(article.article.title)
        if signed is not None:
            authors[source_id] = signed[0]
            mentions.append(Mention(signed[0], "person", source_id, -1))
            if signed[1]:
                roles[signed[0]][signed[1]] += 1
        for index, span in enumerate(article.spans):
            place = dateline(span)
            outlet = own_outlet(span)
            if outlet:
                outlets.add((source_id, outlet))
            if place:
                mentions.append(Mention(place, "place", source_id, index))
            if all_caps(span):
                shouted.append((source_id, index, span))
                continue
            for ent, text in entities(span):
                found = mention(ent.label_, text, source_id, index)
                if found is None:
                    continue
                role = role_of(ent) if found.kind in ("person", "organization") else None
                found = titled(metonym(ent, found), role)
                mentions.append(found)
                if found.kind == "person" and role:
                    roles[text][role] += 1
            subjects.extend((source_id, index, r) for r in role_subjects(span))
    mentions += shouted_mentions(shouted, mentions)
    mentions += surname_mentions(parsed, mentions)
    mentions = [
        m
        for m in mentions
        if (m.source, m.text) not in outlets and own.get(m.source) != gazetteer.fold(m.text)
    ]
    return build_index(group(mentions), roles, subjects, authors)
