"""Reading articles: files, stdin, folders and URLs in; clean `Article`s (title, date, body) out.

The steps are pure functions over text, so the rules for scraped junk can be tested on strings:
`read` gets bytes, `kinds` names binary files, `decode` makes safe text, `frontmatter` reads YAML
front matter, `markup` turns HTML, markdown and wikitext into plain paragraphs, `clean` finds the
headline, outlet and date of scraped pages and drops their junk lines, and `meta` picks the
article's title, outlet, date and URL from the best evidence of all of them.
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
