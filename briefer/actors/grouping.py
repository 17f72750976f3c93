"""One actor per real actor: mentions grouped under a canonical key.

A known name groups under its gazetteer entry; any other name, longest first, joins the first group
it is a form of: the same name folded, a person's surname or first name ("Assad" for "Bashar
al-Assad", with the particles al-, de, von, van, bin dropped), a person's name spelt another way
("Sergei" / "Sergey Lavrov"), a short form of an organisation ("Observatory", "Nusra" for "Nusra
Front"; unambiguous only), or an acronym of it.

Comparing every name with every group costs n x g (1.7 million comparisons for 200 articles), so
groups are blocked by key (each folded word, the initials, the whole name): a name is compared only
with the groups that share a key with it, which keeps grouping near-linear.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from briefer import gazetteer
from briefer.actors.mentions import Mention
from briefer.model import ActorKind


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_PARTICLES = frozenset(["al", "el", "de", "da", "di", "du", "von", "van", "der", "bin", "ibn", "la", "le"])
_SHORTENED = frozenset(["organization", "group", "country"])
"""Kinds known by a short form ("Observatory", "Nusra", "North"); a place is not ("Manila" is not
"Manila Bay")."""
_GENERIC = _words(
    """united new national democratic republican people peoples islamic saint st great royal free
    general supreme federal central state states international european american arab human rights
    security foreign court house party council committee union department ministry army front
    forces group office agency association organization organisation movement league alliance
    coalition north south east west northern southern eastern western republic kingdom city county
    university school bank company corporation news times post"""
)
"""Words too common to stand alone for a longer name ("Front" is not "Nusra Front")."""


def group(mentions: list[Mention], stats: Counter[str] | None = None) -> dict[str, list[Mention]]:
    """Mentions grouped under a canonical key: "=" + the gazetteer name, else the longest form.

    `stats["comparisons"]` counts the name-to-group comparisons made, `stats["all pairs"]` those
    an unblocked scan would make (for the cost test and `scripts/bench_actors.py`)."""
    groups: dict[str, list[Mention]] = {}
    blocks: dict[str, list[str]] = defaultdict(list)
    order: dict[str, int] = {}
    by_text: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.known:
            key = "=" + m.known
            if key not in groups:
                _open(key, [m.known], groups, blocks, order)
            groups[key].append(m)
        else:
            by_text[m.text].append(m)
    kinds = {text: Counter(m.kind for m in ms).most_common(1)[0][0] for text, ms in by_text.items()}
    for text in sorted(by_text, key=lambda t: (-len(t.split()), -len(t), t.isupper(), t)):
        keys = _query_keys(text, kinds[text])
        candidates = sorted({g for k in keys for g in blocks.get(k, ())}, key=order.__getitem__)
        if stats is not None:
            stats["comparisons"] += len(candidates)
            stats["all pairs"] += len(groups)
        matches = [g for g in candidates if _same(text, kinds[text], g, groups[g])]
        target = _pick(text, matches, groups)
        if target is None:
            _open(text, [text], groups, blocks, order)
            target = text
        else:
            for k in _keys(text):
                if target not in blocks[k]:
                    blocks[k].append(target)
        groups[target].extend(by_text[text])
    return groups


def _open(
    key: str,
    names: Iterable[str],
    groups: dict[str, list[Mention]],
    blocks: dict[str, list[str]],
    order: dict[str, int],
) -> None:
    groups[key] = []
    order[key] = len(order)
    for name in names:
        for k in _keys(name):
            blocks[k].append(key)


def _pick(text: str, matches: list[str], groups: dict[str, list[Mention]]) -> str | None:
    """The first matching group; a short form matching several organisations is left apart."""
    if not matches:
        return None
    if len(matches) > 1 and len(text.split()) == 1 and not _person_group(groups[matches[0]]):
        exact = [g for g in matches if any(gazetteer.fold(m.text) == gazetteer.fold(text) for m in groups[g])]
        return exact[0] if exact else None
    return matches[0]


def _person_group(members: list[Mention]) -> bool:
    return bool(members) and Counter(m.kind for m in members).most_common(1)[0][0] == "person"


def _query_keys(name: str, kind: ActorKind) -> set[str]:
    """The keys a name looks up: its folded form, its last word (a surname, a transliterated name,
    "Mistura" in "De Mistura"), its first word unless a person's (a short form, "Nusra"), and its
    letters when it is written as an acronym ("U.N.")."""
    folded = gazetteer.fold(name)
    words = [w for w in folded.split() if w not in _PARTICLES] or folded.split()
    keys = {"=" + folded, "w" + words[-1], "w" + _spelling(words[-1])}
    if kind != "person" or len(words) == 1:
        keys.update(("w" + words[0], "w" + _spelling(words[0])))
    bare = name.replace(".", "")
    if bare.isupper() and len(bare) >= 2:
        keys.add("#" + bare.lower())
    return keys


def _keys(name: str) -> set[str]:
    """Blocking keys a group is found by: the folded name, each folded word (particles dropped)
    and the initials."""
    folded = gazetteer.fold(name)
    words = folded.split()
    keys = {"=" + folded, "#" + _initials(name).lower(), "#" + name.replace(".", "").lower()}
    keys.update("w" + w for w in words if w and w not in _PARTICLES)
    keys.update("w" + _spelling(w) for w in words if w and w not in _PARTICLES)
    return keys


def _spelling(word: str) -> str:
    """A transliteration-blind form: "sergey" and "sergei" -> "sergei"."""
    word = word.replace("ey", "ei").replace("y", "i").replace("kh", "h").replace("ou", "u")
    return re.sub(r"(.)\1", r"\1", word)


def _same(short: str, kind: ActorKind, key: str, members: list[Mention]) -> bool:
    """A form of the group's name: folded equal, surname, spelling variant, short form, acronym."""
    names = {m.text for m in members} | ({key[1:]} if key.startswith("=") else set())
    group_kind = Counter(m.kind for m in members).most_common(1)[0][0] if members else "country"
    folded = gazetteer.fold(short)
    for name in names:
        other = gazetteer.fold(name)
        if other == folded:
            return True
        if group_kind == "person" and _person_form(short, folded, kind, name, other):
            return True
        if group_kind == "country" and _compass(short, folded, other):
            return True
        if group_kind in _SHORTENED and kind in _SHORTENED and _short_form(short, folded, other):
            return True
        if short.replace(".", "").isupper() and len(short) >= 2 and _initials(name) == short.replace(".", ""):
            return True
    return False


def _person_form(short: str, folded: str, kind: ActorKind, name: str, other: str) -> bool:
    """ "Assad" / "De Mistura" / "Sergey Lavrov" as forms of "Bashar al-Assad" / "Staffan de
    Mistura" / "Sergei Lavrov" (folding has already split "al-Assad" into "al assad")."""
    if kind not in ("person", "organization", "place"):
        return False
    mine = [w for w in folded.split() if w not in _PARTICLES]
    theirs = [w for w in other.split() if w not in _PARTICLES]
    if not mine or not theirs:
        return False
    if sorted(mine) == sorted(theirs) and kind == "person":
        return True
    if len(theirs) < 2:
        return False
    if len(mine) == 1 and short[:1].isupper() and mine[0] in (theirs[-1], theirs[0]):
        return True
    if kind == "person" and len(mine) == len(theirs) and mine[-1] == theirs[-1]:
        return all(_spelling(a) == _spelling(b) for a, b in zip(mine, theirs, strict=True))
    return False


def _compass(short: str, folded: str, other: str) -> bool:
    """ "the North" for North Korea, "the South" for South Korea (a two-word country only)."""
    theirs = other.split()
    if folded not in ("north", "south") or not short[:1].isupper() or len(theirs) != 2:
        return False
    entry = gazetteer.lookup(other)
    return theirs[0] == folded and entry is not None and entry.kind == "country"


def _short_form(short: str, folded: str, other: str) -> bool:
    """ "Observatory" for "Syrian Observatory for Human Rights", "Nusra" for "Nusra Front"."""
    mine, theirs = folded.split(), other.split()
    if not mine or len(mine) >= len(theirs) or not short[:1].isupper():
        return False
    if any(w in _GENERIC for w in mine):
        return False
    if len(mine) == 1 and len(mine[0]) < 4:
        return False
    n = len(mine)
    return theirs[:n] == mine or theirs[-n:] == mine or (n == 1 and mine[0] in theirs[:2])


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s-]+", name) if w[:1].isupper())
