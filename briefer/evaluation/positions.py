"""Positions on PolNeAR (train and dev, reported apart): who said what, against annotated attributions.

Each article's paragraphs (blank-line separated) are parsed like any article. A predicted
position (speaker, content) matches a gold attribution when their contents share enough words:
token F1 >= 0.5 over lower-cased word tokens (quote marks and punctuation ignored); matching is
one-to-one, best pairs first. Precision, recall and F1 of content are summed over articles.

Speaker agreement, on matched pairs whose gold attribution names a source: the speaker as written
and the gold source text share at least one word once determiners and punctuation are dropped
("Mr. Clarke" ~ "Clarke", "he" ~ "He", "a source" ~ "another source" count as agreeing). `speaker`
compares the speaker as written only; `speaker~actor` also accepts the name or an alias of the
actor briefer resolved it to ("he" resolved to Perdue ~ "Sen. David Perdue").

Rows: a plain baseline (a speech verb, its subject as speaker and its clausal complement or the
quote in its sentence as content; briefer's first version) and briefer.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from briefer.evaluation import Row

_DETERMINERS = frozenset(["the", "a", "an", "this", "that", "these", "those"])
BASELINE_VERBS = frozenset(
    [
        "say",
        "tell",
        "add",
        "warn",
        "state",
        "announce",
        "claim",
        "insist",
        "argue",
        "note",
        "stress",
        "urge",
        "call",
        "deny",
        "acknowledge",
        "explain",
        "declare",
        "confirm",
        "suggest",
        "predict",
        "vow",
        "promise",
    ]
)


@dataclass(slots=True)
class Counts:
    predicted: int = 0
    gold: int = 0
    matched: int = 0
    with_source: int = 0
    agree: int = 0
    agree_actor: int = 0

    def metrics(self) -> dict[str, float]:
        p = self.matched / max(1, self.predicted)
        r = self.matched / max(1, self.gold)
        return {
            "P": p,
            "R": r,
            "F1": 2 * p * r / max(1e-9, p + r),
            "speaker": self.agree / max(1, self.with_source),
            "speaker~actor": self.agree_actor / max(1, self.with_source),
        }


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def token_f1(a: str, b: str) -> float:
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return 0.0
    common = 0
    pool = list(wb)
    for w in wa:
        if w in pool:
            pool.remove(w)
            common += 1
    if not common:
        return 0.0
    p, r = common / len(wa), common / len(wb)
    return 2 * p * r / (p + r)


def speaker_agrees(predicted: str, gold: str) -> bool:
    a = {w for w in words(predicted) if w not in _DETERMINERS}
    b = {w for w in words(gold) if w not in _DETERMINERS}
    return bool(a & b)


Predicted = tuple[str, str, tuple[str, ...]]
"""(speaker as written, content, names of the resolved actor)."""


def score(predicted: Sequence[Predicted], gold: Sequence[dict], counts: Counts) -> None:  # type: ignore[type-arg]
    """Add one article's predicted (speaker, content) pairs against its gold attributions."""
    counts.predicted += len(predicted)
    counts.gold += len(gold)
    pairs = sorted(
        (
            (f1, p, g)
            for p, (_, content, _) in enumerate(predicted)
            for g, attribution in enumerate(gold)
            if (f1 := token_f1(content, attribution["content"]["text"])) >= 0.5
        ),
        reverse=True,
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    for _, p, g in pairs:
        if p in used_p or g in used_g:
            continue
        used_p.add(p)
        used_g.add(g)
        counts.matched += 1
        source = gold[g].get("source")
        if source and source.get("text"):
            counts.with_source += 1
            speaker, _, names = predicted[p]
            agrees = speaker_agrees(speaker, source["text"])
            counts.agree += agrees
            counts.agree_actor += agrees or any(speaker_agrees(n, source["text"]) for n in names)


def documents(path: Path, limit: int | None) -> Iterator[dict]:  # type: ignore[type-arg]
    with path.open(encoding="utf-8") as handle:
        for n, line in enumerate(handle):
            if limit is not None and n >= limit:
                return
            yield json.loads(line)


def article_of(doc: dict):  # type: ignore[no-untyped-def, type-arg]
    from briefer.ingest import Article

    paragraphs = tuple(p.strip() for p in re.split(r"\n\s*\n", doc["text"]) if p.strip())
    return Article(doc["id"], paragraphs[0] if paragraphs else "", None, None, paragraphs)


def baseline(parsed) -> list[Predicted]:  # type: ignore[no-untyped-def]
    """A speech verb with its subject as speaker; the quote in its sentence or its clause as content."""
    out: list[Predicted] = []
    for span in parsed.spans:
        for token in span:
            if token.pos_ != "VERB" or token.lemma_ not in BASELINE_VERBS:
                continue
            subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subjects:
                continue
            subject = subjects[0]
            speaker = span.doc[subject.left_edge.i : subject.right_edge.i + 1].text
            quotes = [t for t in span if t.text in ('"', "“", "”")]
            comps = [c for c in token.children if c.dep_ in ("ccomp", "xcomp")]
            if len(quotes) >= 2:
                content = span.doc[quotes[0].i : quotes[-1].i + 1].text
            elif comps:
                content = span.doc[comps[0].left_edge.i : comps[0].right_edge.i + 1].text
            else:
                continue
            out.append((speaker, content, ()))
            break
    return out


def run(folder: Path, limit: int | None) -> list[Row]:
    """Train and dev apart (rules are tuned on train and checked on dev); with a document limit
    (a quick look, the fast gate) dev only."""
    splits = ("train", "dev") if limit is None else ("dev",)
    return [row for split in splits for row in _split(folder, split, limit)]


def _split(folder: Path, split: str, limit: int | None) -> list[Row]:
    from briefer import nlp
    from briefer.actors import find_actors
    from briefer.positions import find_positions
    from briefer.segment import parse_articles

    path = folder / f"polnear-{split}.jsonl"
    if not path.exists():
        return []
    docs = list(documents(path, limit))
    model = nlp.load(nlp.default_model())
    plain, ours = Counts(), Counts()
    for doc, parsed in zip(docs, parse_articles((article_of(d) for d in docs), model), strict=True):
        gold = [a for a in doc["attributions"] if a.get("content")]
        score(baseline(parsed), gold, plain)
        index = find_actors([parsed])
        names = {a.id: (a.name, *a.aliases) for a in index.actors}
        positions = find_positions([parsed], index)
        score([(p.speaker, p.content, names.get(p.actor or "", ())) for p in positions], gold, ours)
    task = f"positions (PolNeAR {split})"
    return [
        Row(task, "speech verb + subject", plain.metrics(), len(docs)),
        Row(task, "briefer", ours.metrics(), len(docs)),
    ]
