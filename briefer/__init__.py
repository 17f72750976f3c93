"""briefer: turn news articles into a short, faithful situation brief, offline.

    >>> from briefer import build_brief
    >>> brief = build_brief(["samples/000_479c8156071b18c9.txt"])
    >>> brief.to_dict()["summary"][0]["text"]

Importing this package loads neither spaCy nor Textual; they load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from briefer.model import Brief

__version__ = "0.1.0"
__all__ = ["Brief", "BriefOptions", "__version__", "build_brief"]

if TYPE_CHECKING:
    from briefer.pipeline import BriefOptions, build_brief


def __getattr__(name: str) -> Any:
    if name in ("build_brief", "BriefOptions"):
        from briefer import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
