"""Sentences into atomic claims, each with its character span in the sentence.

First version: the sentence minus its credit parentheticals, split at top-level semicolons (outside quotes)
when both sides are clauses of their own. The dependency-parse splitter arrives with its own issue.
"""

from __future__ import annotations

import re

_MIN_WORDS = 4
_OPEN_QUOTES, _CLOSE_QUOTES = "“«‘", "”»’"


def claim_spans(sentence: str, credit_spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of the sentence's atomic claims, trimmed; a span with nothing but a credit in it is no claim.

    With several credits the sentence splits after each but the last (each credit covers its own part);
    otherwise at top-level semicolons.
    """
    if len(credit_spans) > 1:
        cuts = [end for _, end in sorted(credit_spans)[:-1]]
        segments = list(zip([0, *cuts], [*cuts, len(sentence)]))
    else:
        segments = _split_semicolons(sentence)
    spans = []
    for start, end in segments:
        a, b = _trim(sentence, start, end)
        kept = "".join(sentence[x:y] for x, y in _cut(a, b, credit_spans))
        if any(ch.isalnum() for ch in kept):
            spans.append((a, b))
    return spans


def claim_text(sentence: str, span: tuple[int, int], credit_spans: list[tuple[int, int]]) -> str:
    """The claim as it reads on its own: its span without any credit inside it, ending in a full stop."""
    start, end = span
    text = "".join(sentence[a:b] for a, b in _cut(start, end, credit_spans))
    text = re.sub(r"\s+", " ", text).strip(" ;,")
    text = re.sub(r"\s+([.,;:!?])", r"\1", text)
    text = re.sub(r"^(?:and|but|or|while|whereas)\s+", "", text)  # the second clause of "X; and Y"
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?", "”", '"', "’")) else text + "."


def _split_semicolons(sentence: str) -> list[tuple[int, int]]:
    depth, cuts = 0, []
    straight_open = False
    for i, ch in enumerate(sentence):
        if ch in _OPEN_QUOTES or ch == "(":
            depth += 1
        elif ch in _CLOSE_QUOTES or ch == ")":
            depth = max(0, depth - 1)
        elif ch == '"':
            straight_open = not straight_open
        elif ch == ";" and depth == 0 and not straight_open:
            cuts.append(i)
    spans, start = [], 0
    for cut in cuts:
        left, right = sentence[start:cut], sentence[cut + 1:]
        if len(left.split()) >= _MIN_WORDS and len(right.split()) >= _MIN_WORDS:
            spans.append((start, cut))
            start = cut + 1
    spans.append((start, len(sentence)))
    return spans


def _cut(start: int, end: int, holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    pieces, cursor = [], start
    for a, b in sorted(holes):
        if b <= cursor or a >= end:
            continue
        if a > cursor:
            pieces.append((cursor, a))
        cursor = max(cursor, b)
    if cursor < end:
        pieces.append((cursor, end))
    return pieces


def _trim(sentence: str, a: int, b: int) -> tuple[int, int]:
    while a < b and sentence[a] in " \t;,":
        a += 1
    while b > a and sentence[b - 1] in " \t;,":
        b -= 1
    return a, b
