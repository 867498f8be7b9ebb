"""The slots on which a claim and a passage differ ("1,600" against "1,000"), and texts cut into pieces with
those slots marked, for the report and the Markdown list to render (each escaping every piece its own way).

Slots are found by `sourcecheck.slots` exactly as the scorer finds them; one claim slot at a time is compared
with the passage, so only the slots that actually differ are marked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sourcecheck.slots import slots_of
from sourcecheck.slots.compare import compare_slots
from sourcecheck.slots.model import Slots

_NONE: frozenset[str] = frozenset()


@dataclass(frozen=True)
class DifferingSlots:
    in_claim: tuple[str, ...]      # the slots as written in the claim
    in_passage: tuple[str, ...]    # what the passage sentence says instead


@dataclass(frozen=True)
class Piece:
    text: str
    marked: bool


def differing_slots(claim_text: str, passage_text: str, passage_context: str) -> DifferingSlots:
    claim = slots_of(claim_text)
    sentence, window = slots_of(passage_text), slots_of(passage_context)
    in_claim: list[str] = []
    in_passage: list[str] = []
    for q in claim.quantities:
        if compare_slots(Slots((q,), (), _NONE, _NONE), sentence, window).mismatches:
            in_claim.append(q.written)
            in_passage += [p.written for p in sentence.quantities if p.unit == q.unit]
    for d in claim.dates:
        if compare_slots(Slots((), (d,), _NONE, _NONE), sentence, window).mismatches:
            in_claim.append(d.written)
            in_passage += [p.written for p in sentence.dates]
    if claim.venues and compare_slots(Slots((), (), claim.venues, claim.venues), sentence, window).mismatches:
        in_claim += sorted(claim.venues)
        in_passage += sorted(sentence.venues)
    return DifferingSlots(tuple(dict.fromkeys(in_claim)), tuple(dict.fromkeys(in_passage)))


def marked_pieces(text: str, phrases: tuple[str, ...]) -> list[Piece]:
    """The text in pieces, each occurrence of a phrase (as a whole word sequence, any spacing) marked."""
    spans = []
    for phrase in phrases:
        pattern = r"(?<!\w)" + r"\s+".join(re.escape(word) for word in phrase.split()) + r"(?!\w)"
        spans += [m.span() for m in re.finditer(pattern, text, re.I)]
    pieces, at = [], 0
    for start, end in sorted(spans):
        if start < at:
            continue  # overlaps a phrase already marked
        pieces += [Piece(text[at:start], False), Piece(text[start:end], True)]
        at = end
    pieces.append(Piece(text[at:], False))
    return [p for p in pieces if p.text]
