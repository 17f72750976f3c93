"""Actors: people, organisations, countries, armed groups and places, with aliases merged.

spaCy's entities are the raw material. They are cleaned (no dates, numbers, datelines or web
addresses), typed with a gazetteer (countries with their demonyms, organisations with their
acronyms, armed groups), and merged: a surname into the full name, an acronym into its expansion
("EU" = "European Union"), "U.S." into "United States", "Libyan" into Libya. Roles come from the
text itself: a title before a name ("Prime Minister Abiy Ahmed"), an apposition ("Vershbow, the
NATO deputy secretary general,") or a role phrase used as a speaker near the name ("The NATO deputy
secretary general says ..." ... "Alexander Vershbow said").
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Span

from briefer import gazetteer
from briefer.model import Actor, ActorKind
from briefer.segment import ParsedArticle
from briefer.textsafe import skeleton

if TYPE_CHECKING:
    from spacy.tokens import Token

_KINDS: dict[str, ActorKind] = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
}
_EDGE_JUNK = re.compile(r"^(?:the|a|an|of|and|at|in|'s|’s|s|-|–|—)$", re.I)
_CALENDAR = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july"
    r"|august|september|october|november|december|mon|tue|wed|thu|fri|sat|sun|monday|tuesday"
    r"|wednesday|thursday|friday|saturday|sunday|today|tonight|pm|am)\.?$",
    re.I,
)
_HONORIFIC = re.compile(r"^(?:mr|mrs|ms|dr|sir|prof|gen|sen|rep|gov|lt|col|capt|sgt|rev)\.?$", re.I)
_SPLITTERS = frozenset(["at", "v", "vs", "beat", "beats"])
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2})(?:, [A-Z][A-Za-z.]+)?"
    r"\s*(?:\d{4}-\d\d-\d\d|\(|\d{1,2} [A-Z][a-z]+|[A-Z][a-z]{2,8}\.? \d{1,2}\b|[-–—]+\s*(?=.*[a-z]))"
)
_PRONOUNS = frozenset(["he", "she", "him", "her", "his"])
_ABBREVIATION = re.compile(r"(?:\b[A-Z]\.|\b(?:Inc|Corp|Co|Ltd|Jr|Sr|St|Bros)\.)$")
_ROLE_STOP = frozenset(["the", "a", "an", "its", "his", "her", "their", "this", "that"])
_SPEECH_LEMMAS = frozenset(["say", "tell", "add", "warn", "state", "announce", "claim", "insist", "note"])


@dataclass(frozen=True, slots=True)
class Mention:
    """One cleaned entity as written, where it is, and what it stands for."""

    text: str
    kind: ActorKind
    source: int
    sentence: int
    known: str | None = None
    demonym: bool = False


@dataclass(slots=True)
class ActorIndex:
    """The actors of a brief and a way to resolve a name as written to an actor id."""

    actors: tuple[Actor, ...] = ()
    _by_alias: dict[str, str] = field(default_factory=dict)
    _persons: dict[tuple[int, int], list[str]] = field(default_factory=dict)

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
        by_role = self._by_role(key, source)
        if by_role:
            return by_role
        words = key.split()
        for size in range(len(words) - 1, 0, -1):
            for start in range(len(words) - size + 1):
                found = self._by_alias.get(" ".join(words[start : start + size]))
                if found:
                    return found
        return None

    def kind_of(self, actor_id: str | None) -> ActorKind | None:
        """The kind of the actor with this id (None for an unknown id)."""
        return next((a.kind for a in self.actors if a.id == actor_id), None)

    def _last_person(self, source: int | None, sentence: int | None) -> str | None:
        if source is None or sentence is None:
            return None
        for back in range(sentence, max(-1, sentence - 4), -1):
            people = self._persons.get((source, back))
            if people:
                return people[-1]
        return None

    def _by_role(self, key: str, source: int | None) -> str | None:
        words = [w for w in key.split() if w not in _ROLE_STOP]
        if not any(w in gazetteer.role_words() for w in words):
            return None
        for actor in self.actors:
            if actor.kind != "person" or not actor.role:
                continue
            if source is not None and source not in actor.sources:
                continue
            if set(words) <= set(_key(actor.role).split()):
                return actor.id
        return None


def find_actors(parsed: Sequence[ParsedArticle]) -> ActorIndex:
    """Merge the named entities of all articles into actors (source ids are 1-based positions)."""
    mentions: list[Mention] = []
    roles: dict[str, Counter[str]] = defaultdict(Counter)
    role_subjects: list[tuple[int, int, str]] = []
    shouted: list[tuple[int, int, Span]] = []
    for source_id, article in enumerate(parsed, start=1):
        for index, span in enumerate(article.spans):
            dateline = _dateline(span)
            if dateline:
                mentions.append(Mention(dateline, "place", source_id, index))
            if _all_caps(span):
                shouted.append((source_id, index, span))
                continue
            for ent, text in _entities(span):
                mention = _mention(ent.label_, text, source_id, index)
                if mention is None:
                    continue
                mentions.append(mention)
                if mention.kind == "person":
                    role = _role_of(ent)
                    if role:
                        roles[text][role] += 1
            role_subjects.extend((source_id, index, r) for r in _role_subjects(span))
    mentions += _shouted_mentions(shouted, mentions)
    mentions += _surname_mentions(parsed, mentions)
    groups = _group(mentions)
    return _index(groups, roles, role_subjects)


def _all_caps(span: Span) -> bool:
    """A headline or dateline in capitals, where the small model's entities are mostly noise."""
    letters = [c for c in span.text if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) / len(letters) > 0.8


def _dateline(span: Span) -> str | None:
    """ "DUBLIN 1996-08-30", "BRATISLAVA (Reuters) -": the place a story was filed from."""
    if span.start != 0:
        return None
    match = _DATELINE.match(span.text)
    if not match or len(match.group("place").replace(".", "")) < 3:
        return None
    return match.group("place")


def _shouted_mentions(shouted: list[tuple[int, int, Span]], mentions: list[Mention]) -> list[Mention]:
    """Names in capitalised headlines, kept only when the body names them too ("LIBYA" -> Libya)."""
    known: dict[tuple[int, str], Mention] = {}
    for m in mentions:
        known.setdefault((m.source, gazetteer.fold(m.text)), m)
    out = []
    for source, index, span in shouted:
        words = [t for t in span if t.is_alpha or t.text in (".", "-", "'")]
        taken: set[int] = set()
        for size in (4, 3, 2, 1):
            for start in range(len(words) - size + 1):
                chunk = words[start : start + size]
                if any(t.i in taken for t in chunk) or chunk[-1].i - chunk[0].i != size - 1:
                    continue
                text = span.doc[chunk[0].i : chunk[-1].i + 1].text
                seen = known.get((source, gazetteer.fold(text)))
                entry = gazetteer.lookup(text) if (seen is None and size > 1) or len(text) > 3 else None
                if seen is None and (entry is None or entry.demonym):
                    continue
                kind = seen.kind if seen else entry.kind  # type: ignore[union-attr]
                known_as = seen.known if seen else entry.name  # type: ignore[union-attr]
                out.append(Mention(text, kind, source, index, known_as, bool(seen and seen.demonym)))
                taken.update(t.i for t in chunk)
    return out


def _surname_mentions(parsed: Sequence[ParsedArticle], mentions: list[Mention]) -> list[Mention]:
    """A person's surname alone where the model tagged nothing ("Simmons took four wickets")."""
    surnames: dict[int, set[str]] = defaultdict(set)
    for m in mentions:
        words = m.text.split()
        if m.kind == "person" and len(words) > 1 and words[-1][:1].isupper() and len(words[-1]) > 2:
            surnames[m.source].add(words[-1])
    out = []
    for source_id, article in enumerate(parsed, start=1):
        names = surnames.get(source_id)
        if not names:
            continue
        for index, span in enumerate(article.spans):
            for token in span:
                if token.text in names and not token.ent_type_ and token.pos_ == "PROPN":
                    out.append(Mention(token.text, "person", source_id, index))
    return out


def _entities(span: Span) -> Iterator[tuple[Span, str]]:
    """Entities with junk tokens trimmed off both edges, as (entity, cleaned text)."""
    for whole in span.ents:
        if whole.label_ not in _KINDS:
            continue
        for ent in _parts(whole):
            found = _cleaned(span, ent)
            if found:
                yield found


def _parts(ent: Span) -> Iterator[Span]:
    """An entity split where the model ran names together: "Yorkshire at Headingley",
    "Lithuania Danius Gleveckas" (a country before or after a person's name)."""
    cuts = [t.i for t in ent if _cuts_name(t)]
    bounds = [ent.start, *cuts, ent.end]
    pieces = [(a if a == ent.start else a + 1, b) for a, b in itertools.pairwise(bounds)]
    for a, b in pieces:
        if a >= b:
            continue
        if ent.label_ == "PERSON" and b - a >= 3:
            for n in (2, 1):
                head = ent.doc[a : a + n].text
                tail = ent.doc[b - n : b].text
                if _is_country(head):
                    yield Span(ent.doc, a, a + n, label="GPE")
                    a += n
                    break
                if _is_country(tail):
                    yield Span(ent.doc, b - n, b, label="GPE")
                    b -= n
                    break
        yield Span(ent.doc, a, b, label=ent.label_)


def _cuts_name(token: Token) -> bool:
    """A token no name runs across: "at"/"v" between teams, a number, a comma or a bracket."""
    return (token.lower_ in _SPLITTERS and token.is_lower) or token.like_num or token.text in ",()[]"


def _is_country(text: str) -> bool:
    entry = gazetteer.lookup(text)
    return entry is not None and entry.kind == "country" and not entry.demonym


def _cleaned(span: Span, ent: Span) -> tuple[Span, str] | None:
    tokens = list(ent)
    while tokens and _edge_junk(tokens[0]):
        tokens.pop(0)
    while tokens and _edge_junk(tokens[-1]):
        tokens.pop()
    if not tokens:
        return None
    trimmed = Span(span.doc, tokens[0].i, tokens[-1].i + 1, label=ent.label_)
    if "\n" in trimmed.text:
        return None
    text = trimmed.text.strip(" ,;:")
    if text.endswith(".") and not _ABBREVIATION.search(text):
        text = text.rstrip(".")
    if text.endswith(("'s", "’s")):
        text = text[:-2]
    return (trimmed, text) if _acceptable(text) else None


def _edge_junk(token: Token) -> bool:
    text = token.text
    return (
        bool(_EDGE_JUNK.match(text))
        or token.like_num
        or token.is_punct
        or token.is_space
        or bool(_CALENDAR.match(text))
        or bool(_HONORIFIC.match(text))
        or not any(c.isalpha() for c in text)
    )


def _acceptable(text: str) -> bool:
    """A name, not a date, a number, a web address or a lower-case phrase."""
    if len(text) < 2 or (not text[:1].isalpha() and text[:1] not in "'\""):
        return False
    if not re.search(r"(?:^|[\s-])[A-Z]", text):
        return False
    return not re.search(r"\.(?:com|org|net|gov|co\.uk|tv)\b|https?:|www\.|@", text, re.I)


def _mention(label: str, text: str, source: int, sentence: int) -> Mention | None:
    entry = gazetteer.lookup(text)
    if entry is not None and not (label == "PERSON" and entry.kind == "country"):
        return Mention(text, entry.kind, source, sentence, entry.name, entry.demonym)
    kind = _KINDS[label]
    if label == "NORP" and not (text.endswith("s") and text[:1].isupper() and " " not in text):
        return None
    return Mention(text, kind, source, sentence)


def _group(mentions: list[Mention]) -> dict[str, list[Mention]]:
    """Mentions grouped under a canonical key: the gazetteer name, else the longest form."""
    groups: dict[str, list[Mention]] = {}
    by_text: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.known:
            groups.setdefault("=" + m.known, []).append(m)
        else:
            by_text[m.text].append(m)
    kinds = {text: Counter(m.kind for m in ms).most_common(1)[0][0] for text, ms in by_text.items()}
    order = sorted(by_text, key=lambda t: (-len(t.split()), -len(t), t.isupper(), t))
    for text in order:
        target = next((g for g in groups if _same(text, kinds[text], g, groups[g])), None)
        groups.setdefault(target or text, []).extend(by_text[text])
    return groups


def _same(short: str, kind: ActorKind, key: str, members: list[Mention]) -> bool:
    """Surname of a person already seen, or acronym of a known or written expansion."""
    names = {m.text for m in members} | ({key[1:]} if key.startswith("=") else set())
    group_kind = Counter(m.kind for m in members).most_common(1)[0][0]
    folded = skeleton(gazetteer.fold(short))  # a look-alike spelling ("V\u0435rshbow") is the same
    for name in names:
        if skeleton(gazetteer.fold(name)) == folded:
            return True
        if group_kind == kind == "person" and sorted(folded.split()) == sorted(gazetteer.fold(name).split()):
            return True
        words = name.split()
        if (
            group_kind == "person"
            and kind in ("person", "organization", "place")
            and len(short.split()) == 1
            and len(words) > 1
            and short in (words[-1], words[0])
        ):
            return True
        if short.replace(".", "").isupper() and len(short) >= 2 and _initials(name) == short.replace(".", ""):
            return True
    return False


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s-]+", name) if w[:1].isupper())


def _index(
    groups: dict[str, list[Mention]],
    roles: dict[str, Counter[str]],
    role_subjects: list[tuple[int, int, str]],
) -> ActorIndex:
    actors: list[Actor] = []
    by_alias: dict[str, str] = {}
    persons: dict[tuple[int, int], list[str]] = defaultdict(list)
    used: set[str] = set()
    for key, members in groups.items():
        written = Counter(m.text for m in members if not m.demonym)
        kind = Counter(m.kind for m in members).most_common(1)[0][0]
        if key.startswith("="):
            name = key[1:] if kind == "country" or not written else _longest(written)
        else:
            name = key
        actor_id = _slug(name, used)
        role = _best_role(roles, {m.text for m in members}) if kind == "person" else None
        aliases = tuple(sorted({m.text for m in members} - {name}))
        sources = tuple(sorted({m.source for m in members}))
        actors.append(Actor(actor_id, name, kind, aliases, role, len(members), sources))
        for alias in (name, *aliases):
            by_alias.setdefault(_key(alias), actor_id)
        if kind == "person":
            for m in members:
                persons[(m.source, m.sentence)].append(actor_id)
    actors = _roles_from_subjects(actors, role_subjects, persons)
    actors.sort(key=lambda a: (a.kind == "place", -a.mentions, a.name))
    return ActorIndex(tuple(actors), by_alias, dict(persons))


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


def _role_of(ent: Span) -> str | None:
    """The role the sentence gives a person: a title before the name or an apposition."""
    return _title_before(ent) or _apposition(ent)


def _title_before(ent: Span) -> str | None:
    """ "Prime Minister Abiy Ahmed" -> "Prime Minister"; "NATO deputy chief X" -> "NATO deputy chief"."""
    doc = ent.doc
    start = ent.start
    i = start - 1
    while i >= max(0, start - 7):
        token = doc[i]
        if token.pos_ not in ("PROPN", "NOUN", "ADJ") and token.text != "-":
            break
        if token.ent_type_ == "PERSON":
            break
        i -= 1
    words = doc[i + 1 : start]
    if not len(words) or words[-1].lower_ not in gazetteer.role_words():
        return None
    return words.text


def _apposition(ent: Span) -> str | None:
    """ "X, the NATO deputy secretary general," or "longtime dictator, Muammar Gaddafi"."""
    root = ent.root
    for child in root.children:
        if child.dep_ == "appos" and child.i >= ent.end and _is_role(child):
            return _role_text(child.doc[child.left_edge.i : child.i + 1])
    head = root.head
    if root.dep_ == "appos" and head.i < ent.start and _is_role(head):
        return _role_text(head.doc[head.left_edge.i : head.i + 1])
    return None


def _is_role(token: Token) -> bool:
    return token.lower_ in gazetteer.role_words() and token.ent_type_ not in ("PERSON",)


def _role_text(span: Span) -> str | None:
    words = [t for t in span if not (t.i == span.start and t.lower_ in _ROLE_STOP)]
    if not words or len(words) > 8 or any(t.text in ",;()" for t in words):
        return None
    return span.doc[words[0].i : words[-1].i + 1].text


def _role_subjects(span: Span) -> Iterator[str]:
    """Definite role phrases that speak without a name: "The NATO deputy secretary general says"."""
    for token in span:
        if token.dep_ != "nsubj" or token.head.lemma_ not in _SPEECH_LEMMAS:
            continue
        if not _is_role(token):
            continue
        phrase = span.doc[token.left_edge.i : token.right_edge.i + 1]
        if phrase[0].lower_ != "the" or any(t.ent_type_ == "PERSON" for t in phrase):
            continue
        role = _role_text(phrase)
        if role:
            yield role


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
    return skeleton(gazetteer.fold(text)) if text.strip() else ""
