"""English stop words, shared by our summarizer and the analyses (spaCy's list)."""

from spacy.lang.en.stop_words import STOP_WORDS as _SPACY_STOP_WORDS

STOP_WORDS: frozenset[str] = frozenset(_SPACY_STOP_WORDS) | {"said", "says", "mr", "mrs", "ms"}
