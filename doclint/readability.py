"""Readability through textstat, strictly offline.

textstat's English syllable counter asks nltk for the CMU pronouncing dictionary and downloads it when it is
missing. doclint must never reach the network, so the counter is pointed at pyphen's bundled hyphenation
dictionary (textstat's own fallback) before any score is computed."""
from __future__ import annotations

from functools import lru_cache

from .document import Document, PROSE_KINDS


@lru_cache(maxsize=1)
def _textstat():
    from textstat.backend.counts import _count_syllables

    _count_syllables.get_cmudict = lambda lang: None  # never nltk.download('cmudict')
    import textstat

    return textstat


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
