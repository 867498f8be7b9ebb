"""Sentence splitting with character spans, shared by articles and sources, right for each language.

English: pysbd (best on English abbreviations). Russian: razdel (knows "ок.", "т. е.", "г.", initials).
Chinese: our own rules (below). Every splitter returns spans that index the text exactly.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

import pysbd
import razdel

# pysbd's time grows with the square of the text it is given (4,000 sentences in one piece: 46 s; 16,000: hours),
# so it gets pieces of at most this many characters, cut at paragraph breaks or where a sentence surely ends.
CHUNK_CHARS = 5_000
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_SENTENCE_END = re.compile(r"[.!?。！？][\"'”’»)\]]*\s+(?=[\"'“‘«(\[]*[A-ZА-ЯЁ0-9])")


@lru_cache(maxsize=4)
def _segmenter(language: str) -> pysbd.Segmenter:
    return pysbd.Segmenter(language=language, clean=False, char_span=False)


# A Chinese sentence ends at 。！？ (or an ellipsis ……), and the closing quotes and brackets after the stop
# belong to it: 他说：“演习很成功。”然后…  splits after ”, not after 。
_ZH_SENTENCE = re.compile(r"[^。！？!?…]*(?:(?:[。！？!?]+|…+)[”’」』）》〉)\"']*|$)")
_PARAGRAPH = re.compile(r"\n\s*\n")


def split_sentences(text: str, language: str = "en") -> list[tuple[int, int, str]]:
    """(start, end, sentence) for each sentence of `text`; spans index `text` exactly, whitespace trimmed.

    Single line breaks are soft wraps, not sentence ends: they are read as spaces, and the sentences keep the
    original characters. For Russian and Chinese a blank line always ends a sentence (a heading, a list item).
    No sentence is longer than CHUNK_CHARS: a longer one is cut (below).
    """
    if language == "en":
        return _english(text)
    spans = []
    for start, end in _paragraphs(text):
        paragraph = text[start:end]
        if language == "zh":
            pieces = ((m.start(), m.end()) for m in _ZH_SENTENCE.finditer(paragraph) if m.end() > m.start())
        elif language == "ru":
            pieces = ((s.start, s.stop) for s in razdel.sentenize(paragraph.replace("\n", " ")))
        else:  # other languages: pysbd's English rules, the closest general splitter we ship
            pieces = ((a, b) for a, b, _ in _english(paragraph))
        spans += _trimmed(text, _bounded(paragraph, start, pieces))
    return spans


def _bounded(paragraph: str, offset: int, pieces) -> Iterator[tuple[int, int]]:
    """The pieces shifted by `offset`, each longer than CHUNK_CHARS cut as `_pieces` cuts a long text. Cut, not
    refused: a transcript or a scraped page without stops is still evidence, and a passage is embedded from its
    first ~500 tokens only, so bounded pieces keep all of it searchable where one megabyte "sentence" would not.
    (English pieces are bounded already: pysbd only ever sees pieces this long.)"""
    for a, b in pieces:
        if b - a <= CHUNK_CHARS:
            yield offset + a, offset + b
        else:
            yield from ((offset + a + o, offset + a + o + len(p)) for o, p in _pieces(paragraph[a:b]))


def _english(text: str) -> list[tuple[int, int, str]]:
    spans = []
    for offset, piece in _pieces(text):
        flat, position = piece.replace("\n", " "), 0
        # located in order here: pysbd's own char_span finds a repeated sentence at its first occurrence
        for segment in _segmenter("en").segment(flat):
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


def _paragraphs(text: str) -> list[tuple[int, int]]:
    bounds, last = [], 0
    for m in _PARAGRAPH.finditer(text):
        bounds.append((last, m.start()))
        last = m.end()
    bounds.append((last, len(text)))
    return bounds


def _trimmed(text: str, spans) -> list[tuple[int, int, str]]:
    out = []
    for a, b in spans:
        raw = text[a:b]
        start = a + (len(raw) - len(raw.lstrip()))
        end = a + len(raw.rstrip())
        if end > start:
            out.append((start, end, text[start:end]))
    return out
