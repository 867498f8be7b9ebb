"""Sentence splitting with character spans, shared by articles and sources (pysbd: best on English abbreviations)."""

from __future__ import annotations

from functools import lru_cache

import pysbd


@lru_cache(maxsize=4)
def _segmenter(language: str) -> pysbd.Segmenter:
    return pysbd.Segmenter(language=language, clean=False, char_span=True)


def split_sentences(text: str, language: str = "en") -> list[tuple[int, int, str]]:
    """(start, end, sentence) for each sentence of `text`; spans index `text` exactly, whitespace trimmed.

    Single line breaks are soft wraps, not sentence ends (pysbd would split there): they are read as spaces,
    and the sentences keep the original characters.
    """
    spans = []
    for seg in _segmenter(language).segment(text.replace("\n", " ")):
        raw = text[seg.start: seg.end]
        start = seg.start + (len(raw) - len(raw.lstrip()))
        end = seg.start + len(raw.rstrip())
        if end > start:
            spans.append((start, end, text[start:end]))
    return spans
