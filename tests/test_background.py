"""Background: the history behind the news, ranked, never a quotation."""

from __future__ import annotations

import pytest
from conftest import SAMPLES, SEED
from conftest import parse_texts as _parse
from conftest import read_parsed as _read

from briefer.background import find_background


def test_seed_background_is_the_uprising_the_split_and_the_agreement_oldest_first():
    items = find_background(_read(str(SEED)))
    starts = [
        "Libya has been dominated by violence since a NATO military intervention followed the 2011 uprising",
        "The oil-rich state has had two rival administrations since mid-2014",
        "The two administrations reached agreement on a unity government last December",
    ]
    assert len(items) == len(starts)
    for item, start in zip(items, starts, strict=True):
        assert item.text.startswith(start)
    scores = [i.score for i in items]
    assert scores == sorted(scores, reverse=True)
    assert all(i.source == 1 for i in items)


# Hand-labelled, as of 16 April 2016: is the sentence background (history behind the news)?
LABELLED = [
    ("Libya has been dominated by violence since the 2011 uprising that toppled Gaddafi.", True),
    ("The two administrations reached agreement on a unity government last December.", True),
    ("Eritrea and Ethiopia had fought a border war between 1998 and 2000.", True),
    ("Chile has been an associate member of Mercosur since 1996.", True),
    ("The Sudanese people suffered thirty years under an authoritarian regime.", True),
    ("The country has not seen a famine of this scale since the 1980s.", True),
    ('"Two years ago we were very close to a deal," Vershbow told reporters in Bratislava.', False),
    ("EU ministers are expected to agree in a Monday meeting to look into training missions.", False),
    ("Diplomats said there had yet to be a detailed discussion with the new unity government.", False),
    ("Today, the President signed an executive order on sanctions against the militia.", False),
    ("Thousands of lives have been saved as fighting receded.", False),
    ("Adel, a 23-year-old blogger, took a break from his studies to follow the speech.", False),
    ("Libyan officials were not immediately available for comment.", False),
]


def test_hand_labelled_background_sentences():
    parsed = _parse(("2016-04-16", "\n\n".join(text for text, _ in LABELLED)))
    picked = {i.text for i in find_background(parsed, limit=len(LABELLED))}
    expected = {text for text, is_background in LABELLED if is_background}
    assert picked == expected


def test_limit_keeps_the_best_and_zero_means_none():
    parsed = _parse(("2016-04-16", "\n\n".join(text for text, _ in LABELLED)))
    everything = find_background(parsed, limit=20)
    assert find_background(parsed, limit=2) == everything[:2]
    assert find_background(parsed, limit=0) == ()


def test_an_undated_article_measures_the_past_from_the_latest_year_it_names():
    text = (
        "The leaders met in Cusco in 2004 to found a new bloc of nations.\n\n"
        "Chile joined the trade bloc as an associate member in 1996.\n\n"
        "The leaders signed the founding declaration at the end of the summit."
    )
    items = find_background(_parse((None, text)))
    assert [i.text for i in items] == ["Chile joined the trade bloc as an associate member in 1996."]


def test_background_across_articles_is_ranked_and_cites_each_source():
    parsed = _read(SAMPLES / "yemen_truce_2022")
    items = find_background(parsed)
    assert 1 <= len(items) <= 5
    assert [i.score for i in items] == sorted((i.score for i in items), reverse=True)
    assert any("seven years ago" in i.text for i in items)
    for item in items:
        assert item.text == parsed[item.source - 1].sentences[item.sentence].text
        assert "“" not in item.text and '"' not in item.text


@pytest.mark.parametrize("folder", ["wikinews_2004", "sudan_conflict_2023"])
def test_other_samples_find_history(folder):
    items = find_background(_read(SAMPLES / folder))
    assert items
    assert all(i.score and i.score >= 1.5 for i in items)
