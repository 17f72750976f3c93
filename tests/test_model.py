"""The Brief model: JSON round trip, and a core that imports without Textual."""

from __future__ import annotations

import json
import subprocess
import sys

from briefer.model import Actor, Brief, Source, SummaryItem


def test_json_round_trip_is_lossless(seed_brief):
    data = json.loads(json.dumps(seed_brief.to_dict()))
    assert Brief.from_dict(data) == seed_brief


def test_core_imports_without_textual_or_rich():
    code = (
        "import sys, briefer, briefer.pipeline, briefer.render, briefer.cli, briefer.model;"
        "bad = [m for m in ('textual', 'rich') if m in sys.modules];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_importing_the_package_does_not_load_spacy():
    code = "import sys, briefer; sys.exit(1 if 'spacy' in sys.modules else 0)"
    assert subprocess.run([sys.executable, "-c", code], timeout=60).returncode == 0


def _every_field_set() -> Brief:
    """A brief where no field keeps its default: notes, a failed source, scores, citations, roles."""
    from briefer.model import (
        Actor,
        BackgroundItem,
        Citation,
        Position,
        Sentence,
        Source,
        SummaryItem,
        TimelineEvent,
    )

    also = (Citation(2, 0),)
    text = "Ann Lee said the truce held. It began in 2014."
    sentences = (
        Sentence(0, "Ann Lee said the truce held.", 0, 28, 1),
        Sentence(1, "It began in 2014.", 29, 46, 2),
    )
    return Brief(
        title="A truce",
        sources=(
            Source(
                1,
                "One",
                "Wire",
                "2016-04-02",
                "a.txt",
                text,
                sentences,
                "unused error",
                ("cut at 1,500",),
                "https://example.org/one",
            ),
            Source(
                2,
                "Two",
                "Post",
                "2016-04-03",
                "b.txt",
                text,
                sentences,
                None,
                ("a note",),
                "https://example.org/two",
            ),
            Source(
                3,
                "",
                None,
                None,
                "missing.txt",
                "",
                (),
                "no such file",
                ("not read",),
                "https://example.org/gone",
            ),
        ),
        summary=(SummaryItem(sentences[0].text, 1, 0, 0.75, also),),
        actors=(Actor("ann-lee", "Ann Lee", "person", ("Lee",), "envoy", 2, (1, 2), 1),),
        positions=(
            Position(
                "ann-lee", "Ann Lee", "said", "the truce held", False, 1, 0, True, "2016-04-02", also, 1
            ),
        ),
        background=(BackgroundItem(sentences[1].text, 1, 1, 1.5, also),),
        timeline=(TimelineEvent("2014", sentences[1].text, 1, 1, "in 2014", also),),
        algorithm="lexrank",
        generated_at="2026-01-02T03:04:05+00:00",
        notes=("missing.txt: not read: no such file", "a.txt: cut at 1,500 sentences"),
        schema_version=1,
        period="2016-04-01/2016-04-02",
    )


def _defaults_kept(obj: object, path: str = "brief") -> list[str]:
    """Every field of the dataclass tree still at its default (so the round trip would not see it)."""
    from dataclasses import MISSING, fields, is_dataclass

    kept = []
    for f in fields(obj):  # type: ignore[arg-type]
        value = getattr(obj, f.name)
        if f.default is not MISSING and value == f.default and f.name != "schema_version":
            kept.append(f"{path}.{f.name}")
        for i, child in enumerate(value if isinstance(value, tuple) else (value,)):
            if is_dataclass(child):
                kept += _defaults_kept(child, f"{path}.{f.name}[{i}]")
    return kept


def test_a_brief_with_every_field_set_round_trips_through_json():
    brief = _every_field_set()
    unread = ["brief.sources[1].error", "brief.sources[2].text", "brief.sources[2].sentences"]
    # a readable source has no error; a failed source has neither text nor sentences
    assert _defaults_kept(brief) == unread, "the fixture must exercise every optional field"
    again = Brief.from_dict(json.loads(json.dumps(brief.to_dict())))
    assert again == brief
    assert again.notes == brief.notes and again.sources[2].error == "no such file"


def test_a_real_brief_with_notes_and_a_failed_source_round_trips(cli, tmp_path):
    from conftest import SAMPLES

    status, out, err = cli(
        "brief",
        SAMPLES / "voa_reposts",
        tmp_path / "missing.txt",
        SAMPLES / "yemen_truce_2022",
        "--format",
        "json",
        "--partial",
    )
    assert status == 0, err
    data = json.loads(out)
    assert data["notes"] and any(s["error"] for s in data["sources"])
    assert Brief.from_dict(data).to_dict() == data


def test_the_json_contract_names_its_schema_version_and_keeps_a_newer_one():
    data = _every_field_set().to_dict()
    assert list(data)[:2] == ["schema_version", "title"] and data["schema_version"] == 1
    data["schema_version"] = 2
    assert Brief.from_dict(data).schema_version == 2
    assert Brief.from_dict(data).to_dict()["schema_version"] == 2


def test_json_that_leaves_out_optional_keys_loads_with_their_defaults():
    """A minimal or older saved brief: only a title and one source; items without `also`."""
    item = {"text": "It began in 2014.", "source": 1, "sentence": 0}
    data = {
        "title": "A truce",
        "sources": [{"id": 1, "title": "One", "outlet": None, "published": None, "location": "a.txt"}],
    }
    bare = Brief.from_dict(data)
    assert bare == Brief(title="A truce", sources=(Source(1, "One", None, None, "a.txt"),))
    assert (bare.algorithm, bare.notes, bare.schema_version, bare.generated_at) == ("", (), 1, None)
    fuller = Brief.from_dict(
        {
            **data,
            "summary": [item],
            "background": [item],
            "timeline": [{**item, "date": "2014"}],
            "positions": [
                {"actor": None, "speaker": "Ann", "verb": "said", "content": "it began", "direct": False}
                | {"source": 1, "sentence": 0}
            ],
            "actors": [{"id": "ann", "name": "Ann", "kind": "person"}],
        }
    )
    assert fuller.summary[0] == SummaryItem("It began in 2014.", 1, 0)
    assert (
        fuller.background[0].also == () and fuller.timeline[0].also == () and fuller.positions[0].also == ()
    )
    assert fuller.actors[0] == Actor("ann", "Ann", "person")
