"""The claim's decisive details an English source never writes: the count the claim gives and the place it puts
the event in.

A passage about the same event that never gives the claim's number or place cannot support it, however close
its wording: similarity and the NLI model both read "CSTO leaders gathered for the summit" as support for "the
summit was held in Yerevan" (challenge set, issue 24; issue 25 asks the same in every language). Silence is no
contradiction either, so the claim is left for another passage or `not_found`. Dates are left out: wire copy
filed on the day of the event rarely repeats it. The whole document is read, since the model reads sentences,
windows and passage groups and the detail may sit in another sentence; a Russian or Chinese passage is held to
the same rule by its slots (pair_reading.py).
"""

from __future__ import annotations

import re
from functools import lru_cache

from sourcecheck.claims.nlp import nlp
from sourcecheck.slots.compare import SlotComparison
from sourcecheck.slots.model import Slots
from sourcecheck.slots.places import place_parents, place_seas, places_in, same_place

# a capitalised name after these is where the claim puts the event (as slots/places.py reads venues)
_VENUE_BEFORE = re.compile(r"\b(?:in|at|near|outside|off|over)\s+(?:the\s+)?$", re.I)


def unwritten_details(claim: str, claim_slots: Slots, slots: SlotComparison, document: str,
                      unconfirmed: tuple[str, ...]) -> tuple[str, ...]:
    """The claim's counts and places (as written in the claim) that the document never writes.

    `unconfirmed` is what scoring/coverage.py found missing from the document; a count is decisive when its
    unit is one the passage is silent on; a place of the gazetteer when the document names none of the claim's
    places nor one containing them (slots/places.py: Astana is not Almaty); another place the claim puts the
    event in when unwritten."""
    details = [q.written for q in claim_slots.quantities
               if f"number ({q.unit})" in slots.missing and any(t in q.written for t in unconfirmed)]
    if "place" in slots.missing:
        parents, seas = place_parents(), place_seas()
        if not any(same_place(v, p, parents, seas) for v in claim_slots.venues for p in _places_of(document)):
            details += sorted(claim_slots.venues)   # one of several places written is agreement, as compare.py
    details += [t for t in unconfirmed if any(t in p or p in t for p in unread_places(claim))
                and not any(t in d or d in t for d in details)]
    return tuple(dict.fromkeys(details))


@lru_cache(maxsize=1024)
def _venue_names(claim: str) -> tuple[str, ...]:
    """Places (spaCy's GPE, LOC and FAC names, not an edition's name) the claim puts the event in: after
    "in", "at", "off"... ("lacking in the Russian Armed Forces" names an organisation, no place)."""
    names = [e.text for e in nlp()(claim).ents if e.label_ in ("GPE", "LOC", "FAC")
             and not any(ch.isdigit() for ch in e.text)   # "Tsentr-2019": an edition's name, not a place
             and _VENUE_BEFORE.search(claim[:e.start_char])]
    return tuple(dict.fromkeys(re.sub(r"^the\s+", "", n, flags=re.I) for n in names))


@lru_cache(maxsize=64)   # a claim's candidates mostly share one document
def _places_of(document: str) -> frozenset[str]:
    return frozenset(places_in(document)[1])


def unread_places(claim: str) -> tuple[str, ...]:
    """Places the claim puts the event in that the gazetteer does not know (spaCy's GPE, LOC and FAC names after
    "in", "at", "off"...): a Russian or Chinese passage cannot be checked for them, so it cannot support."""
    return tuple(n for n in _venue_names(claim) if not places_in(n)[1])


