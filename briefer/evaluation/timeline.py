"""The timeline: are events dated right, against labels an analyst wrote by reading each article.

Two label sets, both scored on briefs built as the product builds them (one article at a time):

- Our own hand labels (`timeline_labels.json`): date expressions of the bundled samples and of a
  few posts in `../shared/samples/posts-dev`, each dated against its article's own front-matter
  date, including expressions that are not dates ("1405 GMT"). Only the labels and a few words to
  find each sentence are stored; the posts are read in place.
- The wire labels of `../shared/eval/wire-dev-labels.json`, scored by that folder's own
  `wire_score.py` (imported at run time, never copied): an event is right when its date equals or
  narrows a labelled date of its sentence; `found` is the share of labelled dates the timeline has.

Accuracy is the share of labels the timeline gets exactly; a missing event counts as wrong.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

from briefer.evaluation import Row
from briefer.model import Brief

LABELS = Path(__file__).with_name("timeline_labels.json")
ROOT = Path(__file__).resolve().parents[2]


def run(eval_dir: Path, limit: int | None = None) -> list[Row]:
    rows = [_score_own_labels(eval_dir, limit)]
    wire = _score_wire(eval_dir, limit)
    if wire is not None:
        rows.append(wire)
    return rows


def _brief(path: Path) -> Brief:
    from briefer import BriefOptions, build_brief

    return build_brief([str(path)], BriefOptions())


def _score_own_labels(eval_dir: Path, limit: int | None) -> Row:
    labels = json.loads(LABELS.read_text(encoding="utf-8"))["labels"][:limit]
    folders = {"samples": ROOT / "samples", "posts-dev": eval_dir.parent / "samples" / "posts-dev"}
    briefs: dict[str, Brief] = {}
    right = scored = 0
    for label in labels:
        folder, _, name = label["file"].partition("/")
        path = folders[folder] / name
        if not path.is_file():
            continue
        if label["file"] not in briefs:
            briefs[label["file"]] = _brief(path)
        scored += 1
        right += _label_right(briefs[label["file"]], label)
    metrics = {"accuracy": 100.0 * right / max(1, scored), "right": float(right), "labels": float(scored)}
    return Row("timeline: hand labels (samples, posts-dev)", "briefer", metrics, scored)


def _label_right(brief: Brief, label: dict[str, Any]) -> bool:
    """The labelled date is the event's date (or, for a non-date, no event has that expression)."""
    source = brief.sources[0]
    sentences = {s.index for s in source.sentences if label["snippet"] in s.text}
    dates = {
        e.date
        for e in brief.timeline
        if e.sentence in sentences and e.expression.lower() == label["expression"].lower()
    }
    if label["date"] is None:
        return not dates and bool(sentences)
    return dates == {label["date"]}


def _wire_module(eval_dir: Path) -> ModuleType | None:
    path = eval_dir / "wire_score.py"
    spec = importlib.util.spec_from_file_location("briefer_wire_score", path)
    if not path.is_file() or spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _score_wire(eval_dir: Path, limit: int | None) -> Row | None:
    wire = _wire_module(eval_dir)
    labels_path = eval_dir / "wire-dev-labels.json"
    posts = eval_dir.parent / "samples" / "posts-dev"
    if wire is None or not labels_path.is_file() or not posts.is_dir():
        return None
    articles = json.loads(labels_path.read_text(encoding="utf-8"))["articles"][:limit]
    events = right = gold = found = 0
    for article in articles:
        path = posts / article["file"]
        if not path.is_file():
            continue
        brief = _brief(path).to_dict()
        raw = wire.Raw(path.read_text(encoding="utf-8"))
        result = wire.score_article(article, raw, brief, False)["timeline"]
        events, right = events + result["events"], right + result["right"]
        gold += len(article.get("dates", []))
        found += _found(wire, raw, article, brief)
    metrics = {"right": 100.0 * right / max(1, events), "found": 100.0 * found / max(1, gold)}
    metrics |= {"events": float(events), "gold": float(gold)}
    return Row("timeline: wire dev labels (12 stories)", "briefer", metrics, len(articles))


def _found(wire: ModuleType, raw: Any, article: dict[str, Any], brief: dict[str, Any]) -> int:
    """How many labelled dates an event of the same sentence dates right."""
    placed = [(e["date"], raw.locate_all(e["text"])) for e in brief["timeline"]]
    count = 0
    for gold in article.get("dates", []):
        start, end = gold["sent"]["start"], gold["sent"]["end"]
        count += any(
            wire.date_verdict(day, [gold["value"]]) == "right"
            and any(start < b and a < end for a, b in places)
            for day, places in placed
        )
    return count
