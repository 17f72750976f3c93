"""Reading real pages: does briefer get each article's own title, outlet, date and URL, and does it
ever refuse a readable text?

Two sets, read exactly as the CLI reads a file (`read_source` then `parse_article`):

- `../shared/samples/posts-dev/`: 300 reposted 2016 news posts (YAML front matter + HTML). The
  gold title is the post's own `post_title` (or `title`), loaded by PyYAML and HTML-unescaped.
  A title is right when it equals the gold, or when the gold is "our title - our outlet" (the
  outlet suffix was split off into the outlet). The outlet counts as found when it is not the
  reposting aggregator; date and URL when present. Refused = `InputError` on a post.
- Plain-text news (`cnndm-sample-dev.jsonl`, `bbc-summaries-dev.jsonl`): every article written to
  a temporary `.txt` file; none may be refused.

`read` is the share not refused (higher is better, so it can have a floor in `floors.json`).
"""

from __future__ import annotations

import html
import json
import re
import tempfile
from pathlib import Path
from typing import Any

from briefer.errors import InputError
from briefer.evaluation import Row
from briefer.ingest import Article, parse_article, read_source

POSTS = "posts-dev"
PLAIN_SETS = ("cnndm-sample-dev.jsonl", "bbc-summaries-dev.jsonl")
AGGREGATOR = "whenitson"
POSTS_TASK = "reading: posts-dev (shares; refused = count)"
PLAIN_TASK = "reading: plain-text news, CNN/DM + BBC dev (shares; refused = count)"
_SEPARATORS = " -–—|:·»"


def run(eval_dir: Path, limit: int | None = None) -> list[Row]:
    rows = []
    posts = eval_dir.parent / "samples" / POSTS
    if posts.is_dir():
        rows.append(score_posts(sorted(posts.glob("*.md"))[:limit]))
    plain = [eval_dir / name for name in PLAIN_SETS if (eval_dir / name).is_file()]
    if plain:
        rows.append(score_plain(plain, limit))
    return rows


def score_posts(paths: list[Path]) -> Row:
    """Shares of posts with the right title, an outlet, a date and a URL; count of refusals."""
    counts = dict.fromkeys(("title", "outlet", "date", "url", "refused"), 0)
    for path in paths:
        gold = gold_title(path.read_text(encoding="utf-8"))
        try:
            article = parse_article(read_source(str(path)))
        except InputError:
            counts["refused"] += 1
            continue
        counts["title"] += title_right(article, gold)
        counts["outlet"] += AGGREGATOR not in (article.outlet or AGGREGATOR).lower()
        counts["date"] += bool(article.published)
        counts["url"] += bool(getattr(article, "url", None))
    n = max(len(paths), 1)
    metrics = {k: v / n for k, v in counts.items() if k != "refused"}
    metrics |= {"read": 1 - counts["refused"] / n, "refused": float(counts["refused"])}
    return Row(POSTS_TASK, "briefer", metrics, len(paths))


def score_plain(files: list[Path], limit: int | None) -> Row:
    """How many plain-text news articles are refused, read from `.txt` files as the CLI reads.

    Each is read as published, and once more as the shape that lost whole articles to the junk
    filter: written as one paragraph without a final full stop (`refused one-para`).
    """
    refused = {"refused": 0.0, "refused one-para": 0.0}
    total = 0
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "article.txt"
        for data in files:
            for line in data.read_text(encoding="utf-8").splitlines()[:limit]:
                article = json.loads(line)["article"]
                total += 1
                for metric, text in (("refused", article), ("refused one-para", _one_paragraph(article))):
                    path.write_text(text, encoding="utf-8")
                    refused[metric] += _is_refused(path)
    n = max(total, 1)
    metrics = {"read": 1 - refused["refused"] / n, "read one-para": 1 - refused["refused one-para"] / n}
    return Row(PLAIN_TASK, "briefer", metrics | refused, total)


def _one_paragraph(article: str) -> str:
    return " ".join(article.split()).rstrip(".")


def _is_refused(path: Path) -> bool:
    try:
        parse_article(read_source(str(path)))
    except InputError:
        return True
    return False


def gold_title(text: str) -> str:
    """The post's own title: `post_title` (or `title`) of its YAML front matter, entities decoded."""
    import yaml

    match = re.match(r"\A---\s*\n(.*?)\n---", text, re.S)
    data: Any = yaml.safe_load(match.group(1)) if match else None
    title = data.get("post_title") or data.get("title") if isinstance(data, dict) else None
    if isinstance(title, list):
        title = title[0] if title else None
    return " ".join(html.unescape(str(title or "")).split())


def title_right(article: Article, gold: str) -> bool:
    """The gold title, or the gold minus an outlet suffix that became the article's outlet."""
    title = " ".join(article.title.split())
    if title == gold:
        return True
    if not (article.outlet and gold.startswith(title)):
        return False
    suffix = gold[len(title) :]
    return suffix.strip(_SEPARATORS).casefold() == article.outlet.casefold() and suffix[:1] in _SEPARATORS
