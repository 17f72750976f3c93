"""Properties over any text: cleaning, sentences and rendering never crash, never pass a control
character, and never put words in the source's mouth."""

from __future__ import annotations

import json
import unicodedata

import pytest
from conftest import FIXED_NOW
from hostile_inputs import assert_no_controls
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefer import nlp
from briefer.errors import InputError
from briefer.ingest import RawDocument, parse_article
from briefer.ingest.clean import clean_scraped
from briefer.ingest.decode import clean_text, decode_bytes, one_line, printable
from briefer.model import (
    Actor,
    BackgroundItem,
    Brief,
    Position,
    Sentence,
    Source,
    SummaryItem,
    TimelineEvent,
)
from briefer.pipeline import BriefOptions, build_brief
from briefer.render import RENDERERS
from briefer.segment import parse_articles

FAST = settings(max_examples=200, deadline=None)
SPACY = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

ESCAPES = st.sampled_from(
    [
        "\x1b[31m",
        "\x1b[0m",
        "\x1b]0;title\x07",
        "\x1b]52;c;ZXZpbA==\x1b\\",
        "\x9b2J",
        "\x9d8;;x\x9c",
        "\x1b",
        "\x07",
    ]
)
_VOCABULARY = (
    "The minister said on Monday that talks would resume . , \" ' “ ” ( ) Mr. U.S. 2014 — ! ? "
    "Reuters police ceasefire القاهرة 北京 🌊 über CAPITALS"
)
WORDS = st.sampled_from(_VOCABULARY.split())
ANY_TEXT = st.text(max_size=300)
"""Any Unicode text (hypothesis includes controls, combining marks, astral characters)."""
ARTICLE_TEXT = st.lists(
    st.one_of(WORDS, WORDS, WORDS, ESCAPES, st.text(max_size=6), st.just("\n\n")), max_size=120
).map(" ".join)
"""Text that looks a little like an article, with escapes and noise in it."""
CLEAN_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Zl", "Zp", "Co", "Cn")), max_size=300
)


# ---- cleaning ---------------------------------------------------------------------------------


@FAST
@given(ANY_TEXT)
def test_cleaned_text_has_no_control_characters(text):
    cleaned = clean_text(text)
    assert_no_controls(cleaned)
    assert "\r" not in cleaned and "\x1b" not in cleaned


@FAST
@given(CLEAN_TEXT)
def test_cleaning_loses_nothing_from_ordinary_text(text):
    assert clean_text(text) == unicodedata.normalize("NFC", text)


@FAST
@given(st.binary(max_size=2000))
def test_any_bytes_decode_to_safe_text(data):
    assert_no_controls(decode_bytes(data))


@FAST
@given(CLEAN_TEXT, st.integers(min_value=0, max_value=3))
def test_utf8_cut_inside_a_character_keeps_the_whole_characters_before_it(text, cut):
    data = text.encode("utf-8")
    data = data[: max(len(data) - cut, 0)]
    decoded = decode_bytes(data)
    assert unicodedata.normalize("NFC", text).startswith(decoded) or not data.isascii()


@FAST
@given(ANY_TEXT)
def test_one_line_text_is_one_safe_line(text):
    line = one_line(text)
    assert_no_controls(line)
    assert "\n" not in line and "\t" not in line and line == line.strip()


@FAST
@given(ANY_TEXT)
def test_printable_shows_every_control_character(text):
    shown = printable(text)
    assert_no_controls(shown.replace("\n", "").replace("\t", ""))
    if "\x1b" in text:
        assert "\\x1b" in shown


@FAST
@given(ANY_TEXT)
def test_scraped_paragraphs_are_words_of_the_source(text):
    flat = " ".join(text.split())
    for paragraph in clean_scraped(text).paragraphs:
        assert paragraph and "\n" not in paragraph
        assert paragraph in flat


# ---- sentences --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def model():
    return nlp.load(nlp.default_model())


def _article(text: str):
    try:
        return parse_article(RawDocument("story.txt", text.encode("utf-8")))
    except InputError:
        return None


@SPACY
@given(ARTICLE_TEXT)
def test_sentences_are_exact_slices_of_the_article(model, text):
    article = _article(text)
    if article is None:
        return
    assert_no_controls(article.text)
    assert "\n" not in article.title and article.title
    parsed = next(parse_articles([article], model))
    assert len(parsed.sentences) == len(parsed.spans)
    for sentence in parsed.sentences:
        assert sentence.text and sentence.text == sentence.text.strip()
        assert article.text[sentence.start : sentence.end] == sentence.text


@SPACY
@given(ARTICLE_TEXT)
def test_every_brief_sentence_is_found_in_its_source(model, text):
    article = _article(text)
    if article is None:
        return
    try:
        brief = build_brief([article], BriefOptions(now=FIXED_NOW))
    except InputError:
        return
    source = brief.sources[0]
    for item in (*brief.summary, *brief.background, *brief.timeline):
        assert item.text in source.sentences[item.sentence].text
    for position in brief.positions:
        assert position.content in source.text and position.speaker in source.text
    for fmt, renderer in RENDERERS.items():
        assert_no_controls(renderer.render(brief), fmt)


# ---- rendering --------------------------------------------------------------------------------


def _brief(t: list[str]) -> Brief:
    """A brief holding the given texts in every field a renderer shows."""
    sentences = tuple(Sentence(i, s, 0, len(s)) for i, s in enumerate(t[:3]))
    source = Source(1, t[0], t[1] or None, t[2] or None, t[3], " ".join(t[:3]), sentences, None, (t[4],))
    failed = Source(2, t[5], None, None, t[6], error=t[7])
    actor = Actor("a1", t[4], "person", (t[5], t[6]), t[7] or None, 2, (1,))
    return Brief(
        title=t[0],
        sources=(source, failed),
        summary=(SummaryItem(t[1], 1, 0, 0.5), SummaryItem(t[2], 1, 1)),
        actors=(actor,),
        positions=(
            Position("a1", t[3], t[4], t[5], True, 1, 0),
            Position(None, t[6], t[7], t[0], False, 1, 1),
        ),
        background=(BackgroundItem(t[1], 1, 1),),
        timeline=(TimelineEvent("2020", t[2], 1, 2, t[3]),),
        algorithm="briefer",
        notes=(t[7], t[0]),
    )


TEXTS = st.lists(st.one_of(ANY_TEXT, ARTICLE_TEXT), min_size=8, max_size=8)


@FAST
@given(TEXTS)
def test_any_brief_renders_in_every_format_without_control_characters(texts):
    brief = _brief(texts)
    for fmt, renderer in RENDERERS.items():
        assert_no_controls(renderer.render(brief), fmt)


@FAST
@given(TEXTS)
def test_json_keeps_the_data_exactly(texts):
    brief = _brief(texts)
    assert json.loads(RENDERERS["json"].render(brief)) == brief.to_dict()


@FAST
@given(TEXTS)
def test_article_text_cannot_change_the_shape_of_markdown_or_html(texts):
    """No title or sentence can add a heading, a list item or an element: the layout is the same
    as for a brief whose every text is "x"."""
    brief, plain = _brief(texts), _brief(["x"] * 8)
    markdown, html = RENDERERS["markdown"].render, RENDERERS["html"].render
    assert markdown(brief).count("\n") == markdown(plain).count("\n")
    assert html(brief).count("<") == html(plain).count("<")
