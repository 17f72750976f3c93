"""Reading articles: files, stdin, folders and URLs in; clean `Article`s (title, date, body) out.

The steps are pure functions over text, so the rules for scraped junk can be tested on strings:
`read` gets bytes, `decode` makes safe text, `markup` turns HTML, front matter, markdown and
wikitext into plain paragraphs, and `clean` finds the headline, outlet and date of scraped pages
and drops their junk lines.
"""

from briefer.ingest.article import Article, parse_article
from briefer.ingest.read import RawDocument, expand_sources, read_source

__all__ = [
    "Article",
    "RawDocument",
    "expand_sources",
    "load_articles",
    "parse_article",
    "read_source",
]


def load_articles(specs: list[str], *, stdin_bytes: bytes | None = None) -> list[Article]:
    """Read and parse every source spec; raises `InputError` on the first unreadable one."""
    return [parse_article(read_source(spec, stdin_bytes=stdin_bytes)) for spec in expand_sources(specs)]
