"""Direct quotations: where a quote starts and ends, who it hangs on, and whether it carries on the
last speaker's words (textacy's `direct_quotations` is the model: a cue verb with a subject outside
any quote, nearest to it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefer.positions.content import alpha_count, trimmed
from briefer.positions.cues import CLOSE, DASHES, LEAD_IN, NOT_SPEAKERS, OPEN, SPEECH_VERBS, inside
from briefer.positions.said import Last, Said
from briefer.positions.speakers import speaker_span, subject_of, verb_text

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def labelled(span: Span) -> Said | None:
    """A transcript or a reader's comment: `WALLACE: ...`, `Sonya Herridge ― "..."`.

    The name (one to four capitalised words) opens the sentence or the quote; the content runs to
    the end of it (a quote) or of the paragraph.
    """
    doc = span.doc
    start = span.start
    while start < span.end and doc[start].text in OPEN:
        start += 1
    for sep in range(start + 1, min(start + 5, span.end - 3)):
        mark = doc[sep]
        if mark.text not in (":", "―", "—", "–"):
            if not ((mark.text[:1].isupper() and mark.is_alpha) or mark.text == "."):
                return None
            continue
        name = doc[start:sep]
        capitalised = all(t.text[:1].isupper() or t.text == "." for t in name)
        if not capitalised or name[0].pos_ not in ("PROPN", "NOUN") or _dateline_name(name, mark):
            return None
        if span.start == start and start != 0:
            return None
        end = span.end if span.start != start else len(doc)
        content = trimmed(doc, sep + 1, end)
        if content is None or alpha_count(content) < 3:
            return None
        return Said(name, mark.text, content, True)
    return None


def _dateline_name(name: Span, mark: Token) -> bool:
    """ "MUNICH –", "BEIRUT (Reuters) –": a place the story was filed from, never a speaker."""
    return mark.text != ":" and all(t.is_upper or not t.is_alpha for t in name)


def quotes_of(span: Span) -> list[Span]:
    """Quoted stretches whose first word is in this sentence, marks included.

    Quotes are found over the whole paragraph, because the small model sometimes leaves an opening
    mark at the end of the sentence before; one left open runs to the end of the paragraph.
    """
    doc = span.doc
    found = []
    start: int | None = None
    for token in doc:
        text = token.text
        if start is None and text in OPEN:
            start = token.i
        elif start is not None and _closes(text) and token.i > start:
            found.append(doc[start : token.i + 1])
            start = None
    if start is not None and len(doc) - start > 3:
        found.append(doc[start : len(doc)])
    return [q for q in found if span.start <= _first_word(q) < span.end]


def _closes(text: str) -> bool:
    """A closing mark, also fused with a dash by the tokenizer (`”―` before a signature)."""
    return text in CLOSE or (len(text) == 2 and text[0] in '”"' and text[1] in DASHES)


def signature(quote: Span) -> Span | None:
    """`"..." ― Sonya Herridge`: a quote signed with a dash and a name after it."""
    doc = quote.doc
    i = quote.end
    if quote[-1].text[-1:] not in DASHES:
        if i >= len(doc) or doc[i].text not in DASHES:
            return None
        i += 1
    while i < len(doc) and doc[i].is_space:
        i += 1
    end = i
    while end < len(doc) and end - i < 4 and doc[end].is_alpha and doc[end].text[:1].isupper():
        end += 1
    if end == i or (end < len(doc) and doc[end].is_alpha and not doc[end].is_space):
        return None
    return doc[i:end]


def _first_word(quote: Span) -> int:
    return next((t.i for t in quote if not t.is_punct and not t.is_space), quote.start)


def standalone(quote: Span, span: Span) -> bool:
    """A quotation of someone's words, not a scare-quoted phrase inside a clause."""
    words = [t for t in quote if t.is_alpha]
    if len(words) < 2:
        return False
    if quote.start <= span.start:
        return True
    before = quote.doc[quote.start - 1]
    if (before.text in LEAD_IN and not before.is_alpha) or before.is_sent_start or before.is_space:
        return True
    if before.lemma_ not in SPEECH_VERBS and before.lower_ not in LEAD_IN:
        return False
    after = quote.doc[quote.end] if quote.end < len(quote.doc) else None
    return after is None or after.is_punct or after.is_space


def quote_cue(span: Span, quote: Span, quotes: list[Span]) -> tuple[Token, Span] | None:
    """The nearest speech verb outside any quote with a subject outside any quote."""
    candidates = []
    for token in span:
        if inside(token.i, quotes) or token.lemma_ not in SPEECH_VERBS or token.pos_ not in ("VERB", "AUX"):
            continue
        subject = subject_of(token, quotes)
        if subject is None or subject.lower_ in NOT_SPEAKERS - {"it"}:
            continue
        distance = token.i - quote.end if token.i >= quote.end else quote.start - token.i
        candidates.append((distance, token, subject))
    if not candidates:
        return None
    _, verb, subject = min(candidates, key=lambda c: c[0])
    return verb, speaker_span(subject)


def continues(span: Span, quote: Span, last: Last, index: int, starts_paragraph: bool) -> bool:
    """A quote alone in its sentence that carries on the last speaker's words."""
    outside = [t for t in span if not (quote.start <= t.i < quote.end) and t.is_alpha]
    if outside:
        return False
    if last.colon:
        return last.sentence == index - 1
    if not starts_paragraph:
        return last.sentence == index - 1
    return last.open_quote and last.sentence >= index - 2


def colon_cue(span: Span, last: Last, index: int) -> bool:
    """`He said:` closing a sentence: the quote in the next sentence is his. Sets `last`."""
    if not span.text.rstrip().endswith(":") or quotes_of(span):
        return False
    for token in reversed(span):
        if token.lemma_ in SPEECH_VERBS and token.pos_ in ("VERB", "AUX"):
            subject = subject_of(token)
            if subject is not None:
                last.speaker, last.verb, last.sentence = speaker_span(subject), verb_text(token), index
                last.actor = None
                return True
    return False


def ends_open(span: Span) -> bool:
    """A paragraph whose last quote is left open: the quote goes on in the next paragraph."""
    quotes = quotes_of(span)
    return bool(quotes) and quotes[-1].end == len(span.doc) and quotes[-1][-1].text not in CLOSE
