"""Mentions: spaCy's entities cleaned into names an analyst would list.

No dates, numbers, web addresses or time zones ("GMT"); no contributor lines ("Additional reporting
by ..."); no portfolio inside a title ("State" in "Secretary of State"); no dateline glued to the
first word ("BEIRUT Fighting"); no hyphenated modifier ("U.N.-set" is the U.N.). Names in capitalised
headlines count only when the body names them too; a person's surname alone counts where the model
tagged nothing. Each mention is typed with the gazetteer when it knows the name.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from briefer import gazetteer
from briefer.model import ActorKind
from briefer.segment import ParsedArticle


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


KINDS: dict[str, ActorKind] = {
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
_CREDIT = re.compile(
    r"\b(?:reporting|writing|editing|edited|compiled|contributed|additional reporting|photos?)\s+by\b"
    r"|\bcontributed to this (?:report|story)\b",
    re.I,
)
"""A contributor line: its names are the newsroom's, not the story's."""
_TIME_ZONES = _words("""GMT UTC EST EDT CST CDT PST PDT CET CEST BST IST JST AEST MSK""")
_PORTFOLIOS = frozenset(
    " ".join(w.split())
    for w in """State, Defense, Defence, Interior, Energy, Commerce, Labor, Agriculture, Education, Justice,
    Health, Transportation, Treasury, Homeland Security, Veterans Affairs, Foreign Affairs,
    Internal Security, Public Security, Finance, Trade""".replace("\n", " ").split(",")
)
_NOT_NAMES = frozenset(["Brexit", "Grexit", "Tens", "Hundreds", "Thousands", "Dozens", "Tens of thousands"])
_ORG_WORDS = _words(
    """Observatory Front Committee Council Party Ministry Agency Organization Organisation Union
    Association Movement Brigade Brigades Institute University Bank Company Corp Corporation Inc
    Commission Department Foundation Network Alliance Coalition Authority Service Services Fund
    Federation Congress Parliament Assembly Senate Court Tribunal Board Bureau"""
)
"""Words that make a name an organisation whatever the model said ("Syrian Observatory for Human
Rights" is not a place, "Observatory" not a person)."""
_NEWS = _words("""Times Post Journal News Daily Gazette Tribune Herald Telegraph Guardian Observer""")
_MODIFIER = re.compile(
    r"(?<=[A-Za-z.])-(?:led|backed|based|set|run|controlled|allied|owned|held|sponsored|brokered|funded"
    r"|style|made|linked|aligned|friendly|era|born|bound|imposed|appointed|drafted|mediated)$"
)
"""A name used as a modifier: "U.N.-set" is the U.N., "Saudi-led" Saudi; "Cho Tae-yong" stays whole."""
_OUTLET = re.compile(r"^[^a-z]{2,60}?\((?P<outlet>Reuters|AP|AFP|Bloomberg|UPI|dpa|Xinhua|Anadolu)\)")
_GOVERNMENT_USE = frozenset(["nsubj", "nsubjpass", "poss", "dobj", "dative"])
_LITERAL = _words(
    """in to from at near across around outside inside into via through over within toward towards"""
)
_ABBREVIATION = re.compile(r"(?:\b[A-Z]\.|\b(?:Inc|Corp|Co|Ltd|Jr|Sr|St|Bros)\.)$")


@dataclass(frozen=True, slots=True)
class Mention:
    """One cleaned entity as written, where it is, and what it stands for."""

    text: str
    kind: ActorKind
    source: int
    sentence: int
    known: str | None = None
    demonym: bool = False


def all_caps(span: Span) -> bool:
    """A headline or dateline in capitals, where the small model's entities are mostly noise."""
    letters = [c for c in span.text if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) / len(letters) > 0.8


def dateline(span: Span) -> str | None:
    """ "DUBLIN 1996-08-30", "BRATISLAVA (Reuters) -": the place a story was filed from."""
    if span.start != 0:
        return None
    match = _DATELINE.match(span.text)
    if not match or len(match.group("place").replace(".", "")) < 3:
        return None
    if len(span.text) - match.end() > 20:
        return None  # glued to the story's first sentence: the place only says where it was filed
    return match.group("place")


def shouted_mentions(shouted: list[tuple[int, int, Span]], mentions: list[Mention]) -> list[Mention]:
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


def surname_mentions(parsed: Sequence[ParsedArticle], mentions: list[Mention]) -> list[Mention]:
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


def entities(span: Span) -> Iterator[tuple[Span, str]]:
    """Entities with junk tokens trimmed off both edges, as (entity, cleaned text); none from a
    contributor line."""
    if _CREDIT.search(span.text):
        return
    for whole in span.ents:
        if whole.label_ not in KINDS or _home_state(whole) or _filed_from(span, whole):
            continue
        for ent in _parts(whole):
            found = _cleaned(span, ent)
            if found:
                yield found


def _home_state(ent: Span) -> bool:
    """ "(R-Ky.)", "(Wis.)" after a lawmaker's name: a party and home state, not a place in the story."""
    doc = ent.doc  # `doc.text` joins every token: read only the few tokens around the entity
    before = "".join(t.text_with_ws for t in doc[max(0, ent.start - 3) : ent.start])[-3:]
    after = (ent[-1].whitespace_ + "".join(t.text_with_ws for t in doc[ent.end : ent.end + 2]))[:2]
    return (
        ent.label_ in ("GPE", "LOC", "ORG")
        and bool(re.search(r"\((?:[RDI]-)?$", before))
        and bool(re.match(r"\.?\)", after))
    )


def _filed_from(span: Span, ent: Span) -> bool:
    """ "SEOUL (Reuters) -", "MUNICH –": a dateline run into the story's first sentence, not a
    place in it (a dateline on a line of its own, "KHASAVYURT , Russia 1996-08-31", stays)."""
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    opens = ent.start == span.start and span.start == 0 and ent.text.isupper()
    return opens and after is not None and after.text in "(–—-," and sum(t.is_lower for t in span) > 3


def outlet_key(outlet: str | None) -> str | None:
    """The folded name of the story's own outlet ("reuters.com" -> "reuters"): it carries the
    story, hosts interviews and sends witnesses, but is not an actor in it."""
    if not outlet:
        return None
    return gazetteer.fold(re.sub(r"^www\.|\.(?:com|org|net|co\.uk|com\.au)$", "", outlet.strip())) or None


def own_outlet(span: Span) -> str | None:
    """The agency in a dateline ("BEIRUT (Reuters) -"): the story's own outlet, not an actor in it."""
    match = _OUTLET.match(span.text)
    return match.group("outlet") if match and span.start == 0 else None


def titled(found: Mention, role: str | None) -> Mention:
    """ "President Nicolas Maduro": a name with a title before it is a person, whatever the model
    said, unless the name itself is an organisation's ("Minister of the Interior Ministry")."""
    if (
        role is None
        or found.kind == "person"
        or found.known
        or any(w in _ORG_WORDS for w in found.text.split())
    ):
        return found
    return Mention(found.text, "person", found.source, found.sentence)


def metonym(ent: Span, found: Mention) -> Mention:
    """A capital used for its government ("Seoul said", "Beijing's ambassador") is its country."""
    country = gazetteer.capital(found.text)
    if country is None or found.known or not _for_government(ent.root):
        return found
    return Mention(found.text, "country", found.source, found.sentence, country, demonym=True)


def _for_government(token: Token) -> bool:
    """A capital that acts, owns or is acted on ("Seoul said", "warned Tokyo", "talks with Manila"),
    not one that is a location ("in Beijing", "flew to Moscow")."""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    if token.dep_ in _GOVERNMENT_USE:
        return True
    return token.dep_ == "pobj" and token.head.lower_ not in _LITERAL


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
    if _glued_dateline(span, tokens) or _portfolio(tokens):
        return None
    trimmed = Span(span.doc, tokens[0].i, tokens[-1].i + 1, label=ent.label_)
    if "\n" in trimmed.text:
        return None
    text = _MODIFIER.sub("", trimmed.text.strip(" ,;:"))
    if _pair(text):
        return None
    if text.endswith(".") and not _ABBREVIATION.search(text):
        text = text.rstrip(".")
    if text.endswith(("'s", "’s")):
        text = text[:-2]
    return (trimmed, text) if _acceptable(text) else None


def _pair(text: str) -> bool:
    """ "U.S.-Japan", "Russia-Turkey": a relation between two countries, not an actor."""
    parts = text.split("-")
    return len(parts) > 1 and all(_is_country(p) for p in parts)


def _glued_dateline(span: Span, tokens: list[Token]) -> bool:
    """ "BEIRUT Fighting": a dateline in capitals run into the first word of the story."""
    first = tokens[0]
    return (
        first.i == span.start
        and len(tokens) > 1
        and first.is_upper
        and first.is_alpha
        and len(first.text) > 2
        and not tokens[-1].is_upper
    )


def _portfolio(tokens: list[Token]) -> bool:
    """ "State" in "Secretary of State", "Defense" in "Minister of Defense": part of a title."""
    doc = tokens[0].doc
    at = tokens[0].i
    text = " ".join(" ".join(t.text for t in tokens).split())
    if at < 2 or doc[at - 1].lower_ != "of" or text not in _PORTFOLIOS:
        return False
    return doc[at - 2].lower_ in ("secretary", "minister", "ministry", "department", "secretariat")


def _edge_junk(token: Token) -> bool:
    text = token.text
    return (
        bool(_EDGE_JUNK.match(text))
        or token.like_num
        or token.is_punct
        or token.is_space
        or bool(_CALENDAR.match(text))
        or (bool(_HONORIFIC.match(text)) and _before_name(token))
        or not any(c.isalpha() for c in text)
    )


def _before_name(token: Token) -> bool:
    """An honorific is junk before a name ("Sen. Collins"), not as the end of one ("Hun Sen")."""
    after = token.nbor() if token.i + 1 < len(token.doc) else None
    return token.text.endswith(".") or (after is not None and (after.text == "." or after.text[:1].isupper()))


def _acceptable(text: str) -> bool:
    """A name, not a date, a number, a web address or a lower-case phrase."""
    if len(text) < 2 or (not text[:1].isalpha() and text[:1] not in "'\""):
        return False
    if not re.search(r"(?:^|[\s-])[A-Z]", text) or text in _TIME_ZONES or text in _NOT_NAMES:
        return False
    return not re.search(r"\.(?:com|org|net|gov|co\.uk|tv)\b|https?:|www\.|@", text, re.I)


def mention(label: str, text: str, source: int, sentence: int) -> Mention | None:
    entry = gazetteer.lookup(text)
    if entry is not None and not (label == "PERSON" and entry.kind == "country" and not entry.demonym):
        return Mention(text, entry.kind, source, sentence, entry.name, entry.demonym)
    kind = KINDS[label]
    words = text.split()
    newspaper = label in ("PERSON", "GPE", "LOC", "FAC") and len(words) > 1 and words[-1] in _NEWS
    if newspaper or (label != "NORP" and any(w in _ORG_WORDS for w in words)):
        kind = "organization"
    if label == "NORP" and not (text.endswith("s") and text[:1].isupper() and " " not in text):
        return None
    return Mention(text, kind, source, sentence)
