"""Faithful: every text in every brief is a whole sentence, or a whole-word span, of the source it cites.

For every bundled article alone, every folder as one multi-article brief, and every algorithm
(alone and over several articles), section by section:

- bottom line and background: the item *is* the cited sentence, character for character, and so is
  every other place (`also`) it cites: an item that lost its last word, or gained one, fails;
- timeline: the event's text is the cited sentence or a span of it that starts and ends on word
  boundaries (the clause that holds the date), in each place it cites;
- positions: the content, every word of it, is a whole-word span of the cited sentence, or runs on
  from it through the sentences that follow (a quote over several sentences, joined by a space);
  the speaker is written as a whole word sequence in that source;
- actors: each alias is written in one of the actor's sources, and so is the name, unless it is
  the canonical name of a country or body the gazetteer knows ("U.S." -> "United States");
- every sentence's offsets point at its text in the source.
"""

from __future__ import annotations

import re

import pytest
from conftest import FIXED_NOW, SAMPLES, sample_files

from briefer import BriefOptions, build_brief
from briefer.gazetteer import lookup
from briefer.model import Brief, Source

ALGORITHMS = [
    "lead",
    "lexrank",
    "textrank",
    "lsa",
    "luhn",
    "edmundson",
    "kl",
    "sumbasic",
    "reduction",
    "briefer",
]
FOLDERS = sorted(p for p in SAMPLES.iterdir() if p.is_dir() and len(list(p.iterdir())) > 1)
QUOTE_SENTENCES = 12
"""How many sentences a quote may run over, at most, for the check."""


def _word_span_at(part: str, whole: str, limit: int | None = None) -> bool:
    """`part` occurs in `whole` starting before `limit`, neither starting nor ending inside a word."""
    if not part or part != part.strip():
        return False
    for match in re.finditer(re.escape(part), whole):
        start, end = match.span()
        if limit is not None and start >= limit:
            return False
        cut_before = start > 0 and whole[start - 1].isalnum() and part[0].isalnum()
        cut_after = end < len(whole) and whole[end].isalnum() and part[-1].isalnum()
        if not cut_before and not cut_after:
            return True
    return False


def _places(item) -> list[tuple[int, int]]:  # type: ignore[no-untyped-def]
    return [(item.source, item.sentence), *((c.source, c.sentence) for c in item.also)]


def _sentence(brief: Brief, source: int, index: int) -> str:
    return brief.source(source).sentences[index].text


def _run_on(src: Source, index: int) -> str:
    return " ".join(s.text for s in src.sentences[index : index + QUOTE_SENTENCES])


def faithfulness_problems(brief: Brief) -> list[str]:
    """Every way `brief` says something its sources do not, one line each (empty: faithful)."""
    problems = []
    for section in ("summary", "background"):
        for item in getattr(brief, section):
            for source, index in _places(item):
                if item.text != _sentence(brief, source, index):
                    problems.append(f"{section}: {item.text!r} is not sentence {index} of source {source}")
    for event in brief.timeline:
        for source, index in _places(event):
            if not _word_span_at(event.text, _sentence(brief, source, index)):
                problems.append(
                    f"timeline: {event.text!r} is not a span of sentence {index} of source {source}"
                )
    for position in brief.positions:
        for source, index in _places(position):
            src = brief.source(source)
            first = len(src.sentences[index].text)
            if not _word_span_at(position.content, _run_on(src, index), limit=first):
                problems.append(
                    f"positions: {position.content!r} is not in sentence {index} of source {source}"
                )
            if not _word_span_at(position.speaker, src.text):
                problems.append(f"positions: speaker {position.speaker!r} is not written in source {source}")
    for actor in brief.actors:
        # a signed statement's author is named in its title ("Statement by President Joe Biden on ...")
        texts = [t for s in actor.sources for t in (brief.source(s).text, brief.source(s).title)]
        canonical = lookup(actor.name)
        for name in (actor.name, *actor.aliases):
            known = name == actor.name and canonical is not None and canonical.name == name
            if not known and not any(_word_span_at(name, text) for text in texts):
                problems.append(f"actors: {name!r} is not written in sources {actor.sources}")
    for src in brief.readable_sources:
        for sentence in src.sentences:
            if src.text[sentence.start : sentence.end] != sentence.text:
                problems.append(f"source {src.id}: sentence {sentence.index} offsets do not match")
    return problems


def test_the_check_catches_an_item_that_lost_its_last_word_or_was_cut_inside_a_word(seed_brief):
    from dataclasses import replace

    item = seed_brief.summary[0]
    shorter = replace(item, text=item.text.rsplit(" ", 1)[0])
    assert faithfulness_problems(replace(seed_brief, summary=(shorter,)))
    event = seed_brief.timeline[0]
    cut = replace(event, text=event.text[: len(event.text) // 2].rstrip() + "x")
    assert faithfulness_problems(replace(seed_brief, timeline=(cut,)))
    assert faithfulness_problems(seed_brief) == []


@pytest.mark.parametrize("path", sample_files(), ids=lambda p: p.name[:50])
def test_every_sample_brief_quotes_only_its_source(path):
    brief = build_brief([str(path)], BriefOptions(now=FIXED_NOW))
    assert brief.summary
    assert faithfulness_problems(brief) == []


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_every_multi_article_brief_quotes_only_its_sources(folder):
    brief = build_brief([str(folder)], BriefOptions(now=FIXED_NOW))
    assert len(brief.readable_sources) > 1 and brief.summary
    assert faithfulness_problems(brief) == []


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_every_algorithm_picks_whole_source_sentences(algorithm):
    path = sample_files()[0]
    brief = build_brief([str(path)], BriefOptions(algorithm=algorithm, sentences=4, now=FIXED_NOW))
    assert len(brief.summary) == 4
    assert brief.algorithm == algorithm
    assert faithfulness_problems(brief) == []


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_every_algorithm_over_several_articles_picks_whole_source_sentences(algorithm):
    folder = SAMPLES / "yemen_truce_2022"
    brief = build_brief([str(folder)], BriefOptions(algorithm=algorithm, sentences=5, now=FIXED_NOW))
    assert len(brief.summary) == 5 and len({item.source for item in brief.summary}) > 1
    assert faithfulness_problems(brief) == []
