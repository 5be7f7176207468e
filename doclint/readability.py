"""Readability through textstat, strictly offline.

textstat's English syllable counter asks nltk for the CMU pronouncing dictionary and downloads it when it is
missing. doclint must never reach the network, so the counter is pointed at pyphen's bundled hyphenation
dictionary (textstat's own fallback) before any score is computed."""
from __future__ import annotations

import sys
from functools import lru_cache
from types import ModuleType

from .document import Document, PROSE_KINDS
from .resources import parsed_once

LANGUAGE = "en_US"  # textstat's default, whose syllables pyphen counts


@lru_cache(maxsize=1)
def _textstat():
    # textstat imports nltk (and numpy with it: a second and 30 MB) for the CMU dictionary alone, which doclint
    # never consults: an empty module stands in for nltk while textstat loads, unless nltk is loaded already.
    stand_in = None
    if "nltk" not in sys.modules:
        stand_in = sys.modules["nltk"] = ModuleType("nltk")
    try:
        from textstat.backend.counts import _count_syllables

        _count_syllables.get_cmudict = lambda lang: None  # never nltk.download('cmudict')
        import textstat
    finally:
        if stand_in is not None and sys.modules.get("nltk") is stand_in:
            del sys.modules["nltk"]
    _hyphenation_from_cache(LANGUAGE)
    return textstat


def _hyphenation_from_cache(language: str) -> None:
    """pyphen parses its hyphenation dictionary on first use, a seventh of a second in every run that scores a
    paragraph. The patterns it parsed are kept in doclint's cache, and later runs put them in pyphen's own
    cache of dictionaries, where textstat's syllable counter finds them."""
    import pyphen

    path = pyphen.LANGUAGES[pyphen.language_fallback(language)]
    if path in pyphen.hdcache:
        return
    patterns = parsed_once(str(path), lambda _text: pyphen.HyphDict(path).patterns, f"pyphen-{pyphen.__version__}")
    dictionary = pyphen.HyphDict.__new__(pyphen.HyphDict)  # what HyphDict(path) builds, without the parsing
    dictionary.patterns, dictionary.cache, dictionary.maxlen = patterns, _WordCache(), max(map(len, patterns))
    pyphen.hdcache[path] = dictionary


class _WordCache(dict):
    """pyphen keeps every word it hyphenated, so memory would grow with a corpus's vocabulary: this cache
    starts over when full (pyphen reads it with `get`, which stays dict's own)."""

    LIMIT = 100_000

    def __setitem__(self, word, points):
        if len(self) >= self.LIMIT:
            self.clear()
        super().__setitem__(word, points)


def grade(text: str) -> float:
    return _textstat().flesch_kincaid_grade(text)


def document_statistics(doc: Document) -> dict:
    """Per-document readability statistics for reports."""
    text = " ".join(doc.prose[b.content_start:b.content_end] for b in doc.blocks_of(PROSE_KINDS - {"table-cell"}))
    text = text.replace("\x00", " ")
    ts = _textstat()
    return {
        "words": ts.lexicon_count(text),
        "sentences": ts.sentence_count(text),
        "flesch_reading_ease": round(ts.flesch_reading_ease(text), 2),
        "flesch_kincaid_grade": round(ts.flesch_kincaid_grade(text), 2),
        "reading_time_seconds": round(ts.reading_time(text, ms_per_char=14.69), 1),
    }
