"""Merging many articles into one brief: repeated wire copy collapsed, cross-source citations, order.

A situation is followed across days and outlets, and wire copy is reposted word for word with
different junk around it. Sentences that say the same thing in (nearly) the same words are grouped
here, so a brief keeps one of them and cites every source that carries it.

Grouping must scale to hundreds of articles (10,000+ sentences), so no pair of sentences is compared
in Python unless they are already likely duplicates: exact copies share a normalised-text key, near
copies are found by MinHash over word shingles with locality-sensitive banding (Broder 1997; Leskovec,
Rajaraman and Ullman, *Mining of Massive Datasets*, ch. 3), computed with numpy, and only the
candidate pairs it yields are checked by their exact shingle overlap.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, TypeVar

import numpy as np

from briefer.dates import sort_key
from briefer.model import Actor, BackgroundItem, Citation, Position, SummaryItem, TimelineEvent

if TYPE_CHECKING:
    from briefer.segment import ParsedArticle

Place = tuple[int, int]
"""(source id, sentence index): where a sentence is."""

T = TypeVar("T")

JACCARD = 0.6
"""Share of word pairs two sentences must have in common to count as the same sentence."""
CONTAINED = 0.9
"""Or: share of the shorter one's word pairs found in the longer (a copy with a credit glued on)."""
MIN_SHINGLES = 4
"""Shorter sentences ("He declined to comment.") are the same only when their words are identical."""
_BANDS, _ROWS = 16, 3
"""48 MinHash values in 16 bands of 3: a pair at Jaccard 0.6 becomes a candidate with p > 0.99."""
_SEED = 20240611
_WORD = re.compile(r"\w+")
_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


@dataclass(slots=True)
class Duplicates:
    """Sentences grouped by near-identical wording; the first place of a group (in reading order) is
    the one a brief keeps, the others are cited beside it."""

    _group: dict[Place, int] = field(default_factory=dict)
    _members: list[list[Place]] = field(default_factory=list)

    def group(self, place: Place) -> int | None:
        return self._group.get(place)

    def key(self, place: Place) -> object:
        """Equal for two places holding the same sentence."""
        group = self._group.get(place)
        return place if group is None else ("copies", group)

    def kept(self, place: Place) -> bool:
        """True for the first place of its group, or a place with no copies."""
        group = self._group.get(place)
        return group is None or self._members[group][0] == place

    def also(self, place: Place) -> tuple[Citation, ...]:
        """The other sources carrying the sentence at `place`: one citation per source, its first copy."""
        group = self._group.get(place)
        if group is None:
            return ()
        seen = {place[0]}
        out = []
        for source, sentence in self._members[group]:
            if source not in seen:
                seen.add(source)
                out.append(Citation(source, sentence))
        return tuple(out)

    @property
    def groups(self) -> list[list[Place]]:
        return [list(m) for m in self._members]


def find_duplicates(sentences: Sequence[tuple[Place, str]]) -> Duplicates:
    """Group near-identical sentences; `sentences` in reading order, so each group's first is kept."""
    keys = [_normalise(text) for _, text in sentences]
    leaders: dict[str, int] = {}
    parent = list(range(len(sentences)))
    for i, key in enumerate(keys):
        if key in leaders:
            parent[i] = leaders[key]
        else:
            leaders[key] = i
    unique = list(leaders.values())
    shingles = [_shingles(keys[i]) for i in unique]
    for a, b in _candidate_pairs(shingles):
        if _same(shingles[a], shingles[b]):
            _union(parent, unique[a], unique[b])
    groups: dict[int, list[int]] = {}
    for i in range(len(sentences)):
        groups.setdefault(_find(parent, i), []).append(i)
    out = Duplicates()
    for members in groups.values():
        if len(members) < 2:
            continue
        group_id = len(out._members)
        places = [sentences[i][0] for i in sorted(members)]
        out._members.append(places)
        for place in places:
            out._group[place] = group_id
    return out


def reading_order(published: Sequence[str | None]) -> list[int]:
    """Source ids (1-based) by date, then by the order given; undated sources after dated ones."""
    ids = range(1, len(published) + 1)
    return sorted(ids, key=lambda i: (published[i - 1] is None, published[i - 1] or "", i))


def collapse(
    items: Iterable[T], place_of: Callable[[T], Place], key_of: Callable[[T], object], duplicates: Duplicates
) -> list[tuple[T, tuple[Citation, ...]]]:
    """Keep the first item of each key (in the order given) with citations to the later ones' sources.

    `key_of` says when two items are the same (e.g. an event's date and its sentence's group).
    """
    first: dict[object, int] = {}
    kept: list[tuple[T, list[Citation]]] = []
    for item in items:
        key = key_of(item)
        place = place_of(item)
        if key in first:
            item0, cites = kept[first[key]]
            if place[0] != place_of(item0)[0] and all(c.source != place[0] for c in cites):
                cites.append(Citation(*place))
            continue
        first[key] = len(kept)
        kept.append((item, []))
    return [(item, tuple(sorted(cites, key=lambda c: c.source))) for item, cites in kept]


# ------------------------------------------------------------------------------ one rule per section
# `rank` maps a source id to its place in reading order (by date); `duplicates` groups the copies.


def merged_summary(
    parsed: Sequence[ParsedArticle],
    rank: dict[int, int],
    duplicates: Duplicates,
    sentences: int | None,
    ratio: float | None,
    algorithm: str,
) -> tuple[SummaryItem, ...]:
    """One bottom line over all articles that leads with the newest developments.

    The summarizer favours early sentences, so the articles are interleaved newest first (the
    newest article's lead, then the one before it..., then every second sentence...) rather than
    concatenated; a short bottom line then stays among the newest leads and the older articles are
    left to the background and the timeline. Picks are shown newest source first, then in their
    article's order; each is a whole sentence of its source with its citations.
    """
    from briefer.summarize import summarize, summary_count

    where = sorted(
        (s.index, -rank[source], source)
        for source, p in enumerate(parsed, start=1)
        for s in p.sentences
        if duplicates.kept((source, s.index))
    )
    texts = [parsed[source - 1].sentences[index].text for index, _, source in where]
    tokens = [
        [t.text for t in parsed[source - 1].spans[index] if not t.is_space] for index, _, source in where
    ]
    count = summary_count(len(texts), sentences, ratio)
    items = []
    for pick in summarize(texts, count, algorithm=algorithm, tokens=tokens):
        index, _, source = where[pick.index]
        items.append(
            SummaryItem(texts[pick.index], source, index, pick.score, duplicates.also((source, index)))
        )
    return tuple(sorted(items, key=lambda i: (-rank[i.source], i.sentence)))


def covered_period(published: Sequence[str | None]) -> str | None:
    """The dates the sources cover: one ISO date, or "first/last" (an ISO 8601 interval)."""
    days = sorted(p[:10] for p in published if p)
    if not days:
        return None
    return days[0] if days[0] == days[-1] else f"{days[0]}/{days[-1]}"


def merged_positions(
    positions: Sequence[Position], actors: Sequence[Actor], rank: dict[int, int], duplicates: Duplicates
) -> tuple[Position, ...]:
    """Who said what, grouped by actor (most mentioned first), each actor's statements in date order;
    the same statement carried by several sources is shown once, cited to all of them."""
    actor_rank = {a.id: r for r, a in enumerate(actors)}
    dated = sorted(positions, key=lambda p: (rank[p.source], p.sentence))
    kept = collapse(
        dated,
        lambda p: (p.source, p.sentence),
        lambda p: (p.actor or p.speaker.lower(), _content_key(p, duplicates)),
        duplicates,
    )
    merged = [replace(p, also=_cited(p.also, also)) for p, also in kept]
    return tuple(
        sorted(
            merged,
            key=lambda p: (
                actor_rank.get(p.actor or "", len(actor_rank)),
                "" if p.actor else p.speaker.lower(),
                rank[p.source],
                p.sentence,
            ),
        )
    )


def merged_background(
    candidates: Sequence[BackgroundItem],
    summary: Sequence[SummaryItem],
    rank: dict[int, int],
    duplicates: Duplicates,
    limit: int,
) -> tuple[BackgroundItem, ...]:
    """The best `limit` background sentences (from the best 3 x `limit` candidates) that the bottom
    line does not already show, each repeated sentence once, in the finder's rank order."""
    used = {duplicates.key((i.source, i.sentence)) for i in summary}
    fresh = [b for b in candidates[: 3 * max(limit, 0)] if duplicates.key((b.source, b.sentence)) not in used]
    return _collapsed(fresh, rank, duplicates, by_date=False)[: max(limit, 0)]


def merged_timeline(
    events: Sequence[TimelineEvent], rank: dict[int, int], duplicates: Duplicates
) -> tuple[TimelineEvent, ...]:
    """Events in date order, then their source's date; one per date and repeated sentence."""
    return _collapsed(events, rank, duplicates, by_date=True)


def _content_key(position: Position, duplicates: Duplicates) -> object:
    """Two positions say the same when their sentences are copies or their contents are equal."""
    if duplicates.group((position.source, position.sentence)) is not None:
        return duplicates.key((position.source, position.sentence))
    return " ".join(position.content.lower().split())


_Dated = TypeVar("_Dated", BackgroundItem, TimelineEvent)


def _collapsed(
    items: Sequence[_Dated], rank: dict[int, int], duplicates: Duplicates, *, by_date: bool
) -> tuple[_Dated, ...]:
    """Items kept once per repeated sentence (and, for events, per date), cited to every source.

    Events are put in order of their date, then of their source's date; background items keep the
    order their finder ranked them in.
    """

    def date(item: _Dated) -> str:
        return getattr(item, "date", "") if by_date else ""

    ordered = (
        sorted(items, key=lambda i: (sort_key(date(i)), rank[i.source], i.sentence))
        if by_date
        else list(items)
    )
    kept = collapse(
        ordered,
        lambda i: (i.source, i.sentence),
        lambda i: (date(i), duplicates.key((i.source, i.sentence))),
        duplicates,
    )
    return tuple(replace(item, also=_cited(item.also, also)) for item, also in kept)


def _cited(*citations: tuple[Citation, ...]) -> tuple[Citation, ...]:
    return tuple(sorted({c for group in citations for c in group}, key=lambda c: (c.source, c.sentence)))


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_FOLD).lower()
    return " ".join(_WORD.findall(text))


def _shingles(key: str) -> frozenset[int]:
    """Word pairs (or the single word of a one-word sentence), hashed stably across processes."""
    words = key.split()
    pairs = [f"{a} {b}" for a, b in itertools.pairwise(words)] or words
    return frozenset(zlib.crc32(p.encode()) for p in pairs)


def _same(a: frozenset[int], b: frozenset[int]) -> bool:
    if min(len(a), len(b)) < MIN_SHINGLES:
        return False  # identical short sentences were already grouped by their exact key
    common = len(a & b)
    return common / len(a | b) >= JACCARD or common / min(len(a), len(b)) >= CONTAINED


def _candidate_pairs(shingles: Sequence[frozenset[int]]) -> set[tuple[int, int]]:
    """Pairs (i, j), i < j, whose MinHash signatures agree on every row of at least one band."""
    usable = [i for i, s in enumerate(shingles) if len(s) >= MIN_SHINGLES]
    if len(usable) < 2:
        return set()
    signatures = _minhash([shingles[i] for i in usable])
    rng = np.random.default_rng(_SEED + 1)
    mix = rng.integers(1, 2**63, size=_ROWS, dtype=np.uint64) | np.uint64(1)
    pairs: set[tuple[int, int]] = set()
    index = np.asarray(usable)
    for band in range(_BANDS):
        rows = signatures[band * _ROWS : (band + 1) * _ROWS]
        keys = (rows * mix[:, None]).sum(axis=0)  # wraps modulo 2**64: a hash of the band
        order = np.argsort(keys, kind="stable")
        sorted_keys = keys[order]
        starts = np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])
        sizes = np.diff(np.r_[starts, len(order)])
        for start, size in zip(starts[sizes > 1], sizes[sizes > 1], strict=True):
            bucket = np.sort(index[order[start : start + size]])
            leader = int(bucket[0])  # each member against the first keeps a big bucket linear
            pairs.update((leader, int(other)) for other in bucket[1:])
    return pairs


def _minhash(shingles: Sequence[frozenset[int]]) -> np.ndarray:
    """(rows, sentences) MinHash signatures by multiply-shift hashing of the shingle ids."""
    rng = np.random.default_rng(_SEED)
    n = _BANDS * _ROWS
    a = rng.integers(1, 2**63, size=n, dtype=np.uint64) | np.uint64(1)
    b = rng.integers(0, 2**63, size=n, dtype=np.uint64)
    values = np.fromiter((h for s in shingles for h in s), dtype=np.uint64)
    lengths = np.fromiter((len(s) for s in shingles), dtype=np.int64, count=len(shingles))
    offsets = np.r_[0, np.cumsum(lengths)[:-1]]
    out = np.empty((n, len(shingles)), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for start in range(0, n, 8):  # 8 hash functions at a time bounds memory on big inputs
            hashed = (a[start : start + 8, None] * values[None, :] + b[start : start + 8, None]) >> np.uint64(
                32
            )
            out[start : start + 8] = np.minimum.reduceat(hashed, offsets, axis=1)
    return out


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _union(parent: list[int], i: int, j: int) -> None:
    ri, rj = _find(parent, i), _find(parent, j)
    if ri != rj:
        parent[max(ri, rj)] = min(ri, rj)  # the earlier sentence stays the root
