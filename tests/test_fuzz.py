"""Property-based fuzzing of ingest and rendering (issue 15), bounded for CI (about 20 s in all).

Hypothesis builds hostile documents from pieces an attacker would use: escape sequences raw, as
HTML entities (also double-encoded), as YAML escapes; bidi overrides, tag and invisible
characters; scripts, data: URLs, front matter and wiki markup; in several encodings and file
kinds. Whatever it builds, reading gives an article without an unsafe character or a piece of
an escape sequence's payload, or one `InputError`. Markdown shows any text as written.
"""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefer.errors import InputError
from briefer.ingest import RawDocument, parse_article
from briefer.textsafe import UNSAFE, clean_text, escape_markdown, escape_unsafe, json_escaped, skeleton

INGEST = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FAST = settings(max_examples=300, deadline=None)

PAYLOAD = "PWNED"
"""Written only inside escape sequences: it must never come out."""
_WORDS = [
    "The",
    "minister",
    "said",
    "on",
    "Monday",
    "that",
    "rescue",
    "teams",
    "had",
    "reached",
    "twelve",
    "villages",
    ".",
    ",",
    ";",
    "“",
    "”",
    "Reuters",
    "police",
    "ceasefire",
    "القاهرة",
    "北京",
    "🌊",
    "über",
    "&",
    "<",
    ">",
    "#",
    "*",
    "_",
    "~",
    "[",
    "]",
    "(",
    ")",
    "|",
    "`",
    "1.",
    "-",
    "+",
]
_ESCAPES = [
    "\x1b]0;PWNED\x07",
    "\x1b]52;c;PWNED\x1b\\",
    "\x9d8;;http://PWNED/\x9c",
    "\x1bPPWNED\x1b\\",
    "&#27;]52;c;PWNED&#7;",
    "&#x1B;]0;PWNED&#x07;",
    "&#x9d;0;PWNED&#7;",
    "&#157;0;PWNED&#x1b;\\",
]
_NOISE = [
    "\x1b[31m",
    "&#x1b;[2J",
    "\u202e",
    "&#x202e;",
    "&#8295;",
    "\U000e0041\U000e0042",
    "&#xE0041;",
    "\u200b",
    "\ufeff",
    "&#0;",
    "&#x85;",
    "\x00",
    "\x7f",
    "\ud800",
    "&amp;lt;script&amp;gt;",
]
_MARKUP = [
    "<p>",
    "</p>",
    "<div>",
    "<br>",
    "<title>",
    "</title>",
    "<script>var x = 1;</script>",
    '<img src="data:image/png;base64,' + "QUJD" * 80 + '">',
    "<!--",
    "-->",
    "[[a|b]]",
    "{{cite}}",
    "'''",
    "**",
    "~~",
    "\n\n",
    "\n",
]
PIECES = st.one_of(
    st.sampled_from(_WORDS),
    st.sampled_from(_WORDS),
    st.sampled_from(_WORDS),
    st.sampled_from(_ESCAPES),
    st.sampled_from(_NOISE),
    st.sampled_from(_MARKUP),
    st.text(max_size=4),
)
BODIES = st.lists(PIECES, min_size=1, max_size=150).map(" ".join)
FRONT = st.sampled_from(
    ["", '---\ntitle: "Talks \\e]0;PWNED\\a resume &#27;]0;PWNED&#7;"\ndate: 2024-05-01\n---\n']
)
KINDS = st.sampled_from([".txt", ".html", ".md", ".wiki"])
ENCODINGS = st.sampled_from(["utf-8", "utf-16", "utf-8-sig"])


def _fields(article) -> list[str]:
    return [
        article.location,
        article.title,
        article.outlet or "",
        article.published or "",
        *article.paragraphs,
    ]


@INGEST
@given(FRONT, BODIES, KINDS, ENCODINGS)
def test_any_hostile_document_reads_as_safe_text_or_one_error(front, body, kind, encoding):
    data = (front + body).encode(encoding, "surrogatepass")
    try:
        article = parse_article(RawDocument(f"fuzz{kind}", data))
    except InputError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    for text in _fields(article):
        found = UNSAFE.search(text)
        assert found is None, f"raw {found.group()!r} in {text[:80]!r}"
        assert PAYLOAD not in text, f"an escape sequence's payload came through: {text[:120]!r}"


@FAST
@given(st.text(max_size=200))
def test_cleaning_is_idempotent_and_leaves_nothing_unsafe(text):
    cleaned = clean_text(text)
    assert UNSAFE.search(cleaned) is None
    assert clean_text(cleaned) == cleaned


@FAST
@given(st.text(max_size=200))
def test_escaped_names_hold_nothing_unsafe_and_are_ascii_escapes_of_it(text):
    shown = escape_unsafe(text)
    assert UNSAFE.search(shown) is None
    assert escape_unsafe(shown) == shown


@FAST
@given(st.text(max_size=200))
def test_json_escaping_keeps_the_data(text):
    import json

    encoded = json_escaped(json.dumps({"t": text}, ensure_ascii=False))
    assert UNSAFE.search(encoded) is None
    assert json.loads(encoded) == {"t": text}


MARKDOWN_TEXT = st.text(
    alphabet=st.sampled_from(list("abc XYZ 019.,;:!?&<>#*_~[]()|`\\-+=/\"'{}$%@^")), min_size=1, max_size=80
)


@FAST
@given(MARKDOWN_TEXT)
def test_escaped_article_text_reads_as_written_in_markdown(text):
    """Whatever an article says (`~~resigned~~`, `&lt;`, `# 1.`, `[a](b)`), markdown shows it as
    written: one paragraph of text, no element, no entity decoded."""
    from markdown_it import MarkdownIt

    line = escape_markdown(text)
    rendered = MarkdownIt("commonmark").enable(["strikethrough", "table"]).render(f"- {line}\n")
    inner = re.fullmatch(r"<ul>\n<li>(.*)</li>\n</ul>\n", rendered, re.S)
    assert inner is not None, rendered
    assert "<" not in inner.group(1).replace("&lt;", ""), rendered
    assert html.unescape(inner.group(1)) == " ".join(text.split()), rendered


LOOKALIKES = st.sampled_from(["Vershbow", "Putin", "Obama", "Merkel", "Scholz", "Erdogan"])


@FAST
@given(LOOKALIKES, st.data())
def test_a_name_spelled_with_look_alike_letters_has_the_same_skeleton(name, data):
    swaps = {"e": "\u0435", "a": "\u0430", "o": "\u043e", "p": "\u0440", "c": "\u0441", "i": "\u0456"}
    spots = [i for i, c in enumerate(name) if c in swaps]
    if not spots:
        return
    chosen = data.draw(st.sets(st.sampled_from(spots), min_size=1))
    fake = "".join(swaps[c] if i in chosen else c for i, c in enumerate(name))
    assert fake != name and skeleton(fake) == skeleton(name)
    assert skeleton("Vershbow") != skeleton("Vershbaw")


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("2016-06-24", "2016-06-24"),  # a timeline date opens no list: raw markdown shows it as is
        ("1. First", "1\\. First"),
        ("12) Then", "12\\) Then"),
        ("- dash", "\\- dash"),
        ("# not a heading", "\\# not a heading"),
    ],
)
def test_only_what_opens_a_block_is_escaped_at_the_start_of_a_line(text, written):
    assert escape_markdown(text) == written
