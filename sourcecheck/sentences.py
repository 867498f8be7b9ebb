"""Sentence splitting with character spans, shared by articles and sources (pysbd: best on English abbreviations)."""

from __future__ import annotations

import re
from functools import lru_cache

import pysbd

# pysbd's time grows with the square of the text it is given (4,000 sentences in one piece: 46 s; 16,000: hours),
# so it gets pieces of at most this many characters, cut at paragraph breaks or where a sentence surely ends.
CHUNK_CHARS = 5_000
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_SENTENCE_END = re.compile(r"[.!?。！？][\"'”’»)\]]*\s+(?=[\"'“‘«(\[]*[A-ZА-ЯЁ0-9])")


@lru_cache(maxsize=4)
def _segmenter(language: str) -> pysbd.Segmenter:
    return pysbd.Segmenter(language=language, clean=False, char_span=False)


def split_sentences(text: str, language: str = "en") -> list[tuple[int, int, str]]:
    """(start, end, sentence) for each sentence of `text`; spans index `text` exactly, whitespace trimmed.

    Single line breaks are soft wraps, not sentence ends (pysbd would split there): they are read as spaces,
    and the sentences keep the original characters.
    """
    spans = []
    for offset, piece in _pieces(text):
        flat, position = piece.replace("\n", " "), 0
        # located in order here: pysbd's own char_span finds a repeated sentence at its first occurrence
        for segment in _segmenter(language).segment(flat):
            found = flat.find(segment, position)
            if found < 0:
                continue
            position = found + len(segment)
            start = offset + found + (len(segment) - len(segment.lstrip()))
            end = offset + found + len(segment.rstrip())
            if end > start:
                spans.append((start, end, text[start:end]))
    return spans


def _pieces(text: str) -> list[tuple[int, str]]:
    """(offset, piece) covering `text`: the whole text when short, else paragraphs, long ones cut at the last
    sentence end (a stop and a capital) before CHUNK_CHARS, or at a space when there is none."""
    if len(text) <= CHUNK_CHARS:
        return [(0, text)]
    pieces, start = [], 0
    while start < len(text):
        end = min(len(text), start + CHUNK_CHARS)
        if end < len(text):
            window = text[start:end]
            breaks = list(_PARAGRAPH_BREAK.finditer(window)) or list(_SENTENCE_END.finditer(window))
            if breaks:
                end = start + breaks[-1].end()
            elif (space := window.rfind(" ")) > 0:
                end = start + space + 1
        pieces.append((start, text[start:end]))
        start = end
    return pieces
