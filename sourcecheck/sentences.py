"""Sentence splitting with character spans, shared by articles and sources, right for each language.

English: pysbd (best on English abbreviations). Russian: razdel (knows "ок.", "т. е.", "г.", initials).
Chinese: our own rules (below). Every splitter returns spans that index the text exactly.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pysbd
import razdel


@lru_cache(maxsize=4)
def _segmenter(language: str) -> pysbd.Segmenter:
    return pysbd.Segmenter(language=language, clean=False, char_span=True)


# A Chinese sentence ends at 。！？ (or an ellipsis ……), and the closing quotes and brackets after the stop
# belong to it: 他说：“演习很成功。”然后…  splits after ”, not after 。
_ZH_SENTENCE = re.compile(r"[^。！？!?…]*(?:(?:[。！？!?]+|…+)[”’」』）》〉)\"']*|$)")
_PARAGRAPH = re.compile(r"\n\s*\n")


def split_sentences(text: str, language: str = "en") -> list[tuple[int, int, str]]:
    """(start, end, sentence) for each sentence of `text`; spans index `text` exactly, whitespace trimmed.

    Single line breaks are soft wraps, not sentence ends: they are read as spaces, and the sentences keep the
    original characters. For Russian and Chinese a blank line always ends a sentence (a heading, a list item).
    """
    if language == "en":
        return _trimmed(text, ((s.start, s.end) for s in _segmenter("en").segment(text.replace("\n", " "))))
    spans = []
    for start, end in _paragraphs(text):
        paragraph = text[start:end]
        if language == "zh":
            pieces = ((m.start(), m.end()) for m in _ZH_SENTENCE.finditer(paragraph) if m.end() > m.start())
        elif language == "ru":
            pieces = ((s.start, s.stop) for s in razdel.sentenize(paragraph.replace("\n", " ")))
        else:  # other languages: pysbd's English rules, the closest general splitter we ship
            pieces = ((s.start, s.end) for s in _segmenter("en").segment(paragraph.replace("\n", " ")))
        spans += _trimmed(text, ((start + a, start + b) for a, b in pieces))
    return spans


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
