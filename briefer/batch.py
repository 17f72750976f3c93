"""One brief per source, streamed as each is done (`--each`)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from briefer import nlp
from briefer.errors import BrieferError
from briefer.ingest import expand_sources, parse_article, read_source
from briefer.model import Brief
from briefer.pipeline import BriefOptions, assemble
from briefer.segment import parse_articles


def iter_briefs(
    specs: Sequence[str], options: BriefOptions, *, stdin_bytes: bytes | None = None
) -> Iterator[tuple[str, Brief | None, str | None]]:
    """(location, brief, None) for each readable source, (location, None, reason) otherwise."""
    model = nlp.load(options.model or nlp.default_model())
    for spec in expand_sources(list(specs)):
        try:
            article = parse_article(read_source(spec, stdin_bytes=stdin_bytes))
            parsed = next(parse_articles([article], model))
            yield spec, assemble([parsed], options), None
        except BrieferError as exc:
            yield spec, None, str(exc)
