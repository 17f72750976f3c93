"""Feeds as sources: RSS and Atom feeds (URLs or files) and OPML lists of feeds, read into articles.

`parse` reads feed documents into entries, `fetch` turns entries into articles (the linked page,
else the entry's own content) through `cache`, which keeps what was read so the next run fetches
only what is new. `situations` groups the articles into stories for `briefer digest`.
"""

from briefer.feeds.cache import Cache, default_folder
from briefer.feeds.fetch import FeedArticle, Fetched, read_feeds
from briefer.feeds.parse import Entry

__all__ = ["Cache", "Entry", "FeedArticle", "Fetched", "default_folder", "read_feeds"]
