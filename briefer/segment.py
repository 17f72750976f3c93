"""Article paragraphs to sentences with character offsets, parsed once with spaCy.

Each paragraph is parsed on its own (`nlp.pipe`, batched), so a sentence never runs across a
paragraph break, and the sentence offsets index into `Article.text`. spaCy's small model splits
some quotations badly (`"It is a delicate balance," / said one official.`) and cuts a wire
dateline off its sentence (`WASHINGTON (CNN) -- / Doctors removed ...`); such fragments are
joined back to the sentence they belong to.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from briefer.ingest import Article
from briefer.model import Sentence
from briefer.nlp import MAX_CHARS

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

MAX_SENTENCES = 1_500
"""Sentences analysed per article. Summarizers compare every pair of sentences, so time and memory
grow with the square of this; 100,000 characters of prose (`MAX_TEXT_CHARS`) make about 800, and
only text cut into tiny pieces (100,000 one-line log entries) reaches the cap."""

BATCH = 256
"""Paragraphs per `nlp.pipe` batch: paragraphs are short, and spaCy's default (64 texts here, 1,000
in `nlp.pipe`) did no better: 256 took 14.2 s against 15.4 s for 64 and 18.6 s for 1,000 on 80 BBC
articles (wall time on a shared machine, so roughly)."""

_CONTINUES = re.compile(r"^[\"'”’)\]]*\s*[a-z,;:)\]]|^[\"'”’.,;:!?)\]\s]*$")
# A piece that cannot stand alone and leads into the next one: a dateline ending in a dash
# ("(CNN) --", "LONDON, England (Reuters) —") or a bare list number ("1.").
_LEADS_ON = re.compile(r"(?:--|[—–])\s*$|^\s*\(?\d{1,2}[.)]\s*$")


@dataclass(frozen=True, slots=True)
class ParsedArticle:
    """An article with its sentences and the spaCy spans behind them (same order, same length)."""

    article: Article
    sentences: tuple[Sentence, ...]
    spans: tuple[Span, ...]


def parse_articles(articles: Iterable[Article], nlp: Language) -> Iterator[ParsedArticle]:
    """Parse many articles with one batched `nlp.pipe` over all their paragraphs."""
    articles = list(articles)
    pieces = [(i, p, offset, text) for i, a in enumerate(articles) for p, offset, text in _pieces(a)]
    docs = nlp.pipe((text for _, _, _, text in pieces), batch_size=BATCH)
    grouped: list[list[tuple[int, int, Doc]]] = [[] for _ in articles]
    for (i, para, offset, _), doc in zip(pieces, docs, strict=True):
        grouped[i].append((para, offset, doc))
    for article, parts in zip(articles, grouped, strict=True):
        yield _sentences(article, parts)


def _pieces(article: Article) -> Iterator[tuple[int, int, str]]:
    """(paragraph index, offset in article text, text) with over-long paragraphs cut."""
    offset = 0
    # Each paragraph gives at least one sentence, so those past MAX_SENTENCES need no parsing.
    for index, para in enumerate(article.paragraphs[:MAX_SENTENCES]):
        for start in range(0, len(para), MAX_CHARS):
            chunk = para[start : start + MAX_CHARS]
            yield index, offset + start, chunk
        offset += len(para) + 2


def _sentences(article: Article, parts: list[tuple[int, int, Doc]]) -> ParsedArticle:
    spans: list[Span] = []
    meta: list[tuple[int, int, str]] = []
    found = 0
    for para, offset, doc in parts:
        for sent, raw in _merged(doc):
            if raw.strip():
                found += 1
                if len(spans) < MAX_SENTENCES:
                    spans.append(sent)
                    meta.append((para, offset, raw))
    if found > MAX_SENTENCES or len(article.paragraphs) > MAX_SENTENCES:
        note = f"only the first {MAX_SENTENCES:,} sentences were analysed"
        article = replace(article, notes=(*article.notes, note))
    sentences = []
    for index, (span, (para, offset, raw)) in enumerate(zip(spans, meta, strict=True)):
        text = raw.strip()
        start = offset + span.start_char + (len(raw) - len(raw.lstrip()))
        sentences.append(Sentence(index, text, start, start + len(text), para))
    return ParsedArticle(article, tuple(sentences), tuple(spans))


def _merged(doc: Doc) -> list[tuple[Span, str]]:
    """spaCy's sentences with fragments that continue the previous one joined back, each with its
    text (sliced from the doc's text: `Span.text` rebuilds it from the tokens on every access)."""
    out: list[tuple[Span, str]] = []
    whole = doc.text
    for sent in doc.sents:
        text = whole[sent.start_char : sent.end_char]
        if out and (_CONTINUES.match(text) or _unclosed_quote(out[-1][1]) or _LEADS_ON.search(out[-1][1])):
            joined = doc[out[-1][0].start : sent.end]
            out[-1] = (joined, whole[joined.start_char : joined.end_char])
        else:
            out.append((sent, text))
    return out


def _unclosed_quote(text: str) -> bool:
    """A sentence that opens a straight or curly quotation and stops before closing it."""
    straight = text.count('"') % 2 == 1
    curly = text.count("“") > text.count("”")
    return (straight or curly) and len(text) < 1500
