"""Actors on CoNLL-2003 (train and dev, reported apart): the names a brief lists against the
names a person annotated.

Per document, the tokens are joined with spaces (one paragraph per sentence), parsed like any
article and run through `find_actors`. Gold: the unique PER/ORG/LOC names, lower-cased with
punctuation folded. Predicted: the names and aliases of the actors *as written in the document*
(an actor known only through a demonym, "German", adds "German", not "Germany"). A predicted name
that the annotators tagged MISC (nationalities, events) is neither rewarded nor counted wrong:
briefer deliberately folds demonyms into their country, which CoNLL tags MISC, not LOC.
Precision, recall and F1 are summed over documents (micro).

Rows: raw spaCy NER (PERSON -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC; NORP left out, as CoNLL
tags nationalities MISC) and briefer. Per-type recall is given for both (a gold name counts as
found when the system lists it under any kind).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from briefer.evaluation import Row

_SPACY_TYPES = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
GOLD_TYPES = ("PER", "ORG", "LOC")


@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    found: dict[str, int] = field(default_factory=dict)
    total: dict[str, int] = field(default_factory=dict)

    def add(self, predicted: set[str], gold: dict[str, str], ignore: set[str]) -> None:
        predicted = predicted - (ignore - set(gold))
        self.tp += len(predicted & set(gold))
        self.fp += len(predicted - set(gold))
        self.fn += len(set(gold) - predicted)
        for name, kind in gold.items():
            self.total[kind] = self.total.get(kind, 0) + 1
            self.found[kind] = self.found.get(kind, 0) + (name in predicted)

    def metrics(self) -> dict[str, float]:
        p = self.tp / max(1, self.tp + self.fp)
        r = self.tp / max(1, self.tp + self.fn)
        out = {"P": p, "R": r, "F1": 2 * p * r / max(1e-9, p + r)}
        for kind in GOLD_TYPES:
            out[f"R_{kind}"] = self.found.get(kind, 0) / max(1, self.total.get(kind, 0))
        return out


def fold(name: str) -> str:
    """Lower-case, punctuation folded to spaces, whitespace squeezed ("U.S." -> "u s")."""
    return " ".join(re.sub(r"[^\w]+", " ", name.lower()).split())


def documents(path: Path, limit: int | None) -> Iterator[dict]:  # type: ignore[type-arg]
    with path.open(encoding="utf-8") as handle:
        for n, line in enumerate(handle):
            if limit is not None and n >= limit:
                return
            yield json.loads(line)


def gold_names(doc: dict) -> tuple[dict[str, str], set[str]]:  # type: ignore[type-arg]
    """({folded name: type} for PER/ORG/LOC, {folded MISC names})."""
    names: dict[str, str] = {}
    misc: set[str] = set()
    for sent in doc["sentences"]:
        for tokens, kind in _chunks(sent["tokens"], sent["tags"]):
            name = fold(" ".join(tokens))
            if not name:
                continue
            if kind in GOLD_TYPES:
                names.setdefault(name, kind)
            else:
                misc.add(name)
    return names, misc


def _chunks(tokens: list[str], tags: list[str]) -> Iterable[tuple[list[str], str]]:
    """IOB1 chunks: I-X continues X, B-X starts a new X next to another."""
    current: list[str] = []
    kind = ""
    for token, tag in zip(tokens, tags, strict=True):
        prefix, _, label = tag.partition("-")
        if tag == "O" or label != kind or prefix == "B":
            if current:
                yield current, kind
            current, kind = ([], "") if tag == "O" else ([token], label)
            continue
        current.append(token)
    if current:
        yield current, kind


def article_of(doc: dict):  # type: ignore[no-untyped-def, type-arg]
    from briefer.ingest import Article

    paragraphs = tuple(" ".join(s["tokens"]) for s in doc["sentences"] if s["tokens"])
    return Article(doc["id"], "", None, None, paragraphs)


def run(folder: Path, limit: int | None) -> list[Row]:
    """Train and dev apart (rules are tuned on train and checked on dev); with a document limit
    (a quick look, the fast gate) dev only."""
    splits = ("train", "dev") if limit is None else ("dev",)
    return [row for split in splits for row in _split(folder, split, limit)]


def _split(folder: Path, split: str, limit: int | None) -> list[Row]:
    from briefer import nlp
    from briefer.actors import find_actors
    from briefer.segment import parse_articles

    path = folder / f"conll2003-{split}.jsonl"
    if not path.exists():
        return []
    docs = list(documents(path, limit))
    model = nlp.load(nlp.default_model())
    raw, ours = Counts(), Counts()
    parsed_all = parse_articles((article_of(d) for d in docs), model)
    for doc, parsed in zip(docs, parsed_all, strict=True):
        gold, misc = gold_names(doc)
        spacy_names = {fold(e.text) for span in parsed.spans for e in span.ents if e.label_ in _SPACY_TYPES}
        raw.add(spacy_names - {""}, gold, misc)
        index = find_actors([parsed])
        text = fold(parsed.article.text)
        written = {
            fold(n)
            for a in index.actors
            for n in (a.name, *a.aliases)
            if fold(n) and f" {fold(n)} " in f" {text} "
        }
        ours.add(written, gold, misc)
    task = f"actors (CoNLL-2003 {split})"
    return [
        Row(task, "spaCy NER (raw)", raw.metrics(), len(docs)),
        Row(task, "briefer", ours.metrics(), len(docs)),
    ]
