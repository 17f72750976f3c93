"""Faithful: every text in every brief is a sentence, or a span of one, of its source."""

from __future__ import annotations

import pytest
from conftest import FIXED_NOW, sample_files

from briefer import BriefOptions, build_brief


def _assert_faithful(brief) -> None:
    for item in (*brief.summary, *brief.background, *brief.timeline):
        source = brief.source(item.source)
        assert item.text in source.sentences[item.sentence].text
    for position in brief.positions:
        source = brief.source(position.source)
        assert position.content in source.text
        assert position.speaker in source.text
    for source in brief.readable_sources:
        for sentence in source.sentences:
            assert source.text[sentence.start : sentence.end] == sentence.text


@pytest.mark.parametrize("path", sample_files(), ids=lambda p: p.name[:50])
def test_every_sample_brief_quotes_only_its_source(path):
    brief = build_brief([str(path)], BriefOptions(now=FIXED_NOW))
    assert brief.summary
    _assert_faithful(brief)


@pytest.mark.parametrize(
    "algorithm",
    ["lead", "lexrank", "textrank", "lsa", "luhn", "edmundson", "kl", "sumbasic", "reduction", "briefer"],
)
def test_every_algorithm_picks_source_sentences(algorithm):
    path = sample_files()[0]
    brief = build_brief([str(path)], BriefOptions(algorithm=algorithm, sentences=4, now=FIXED_NOW))
    assert len(brief.summary) == 4
    assert brief.algorithm == algorithm
    _assert_faithful(brief)
