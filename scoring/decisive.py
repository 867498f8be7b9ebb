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
from sourcecheck.slots.places import place_parents, places_in, with_parents

# a capitalised name after these is where the claim puts the event (as slots/places.py reads venues)
_VENUE_BEFORE = re.compile(r"\b(?:in|at|near|outside|off|over)\s+(?:the\s+)?$", re.I)


def unwritten_details(claim: str, claim_slots: Slots, slots: SlotComparison, document: str,
                      unconfirmed: tuple[str, ...]) -> tuple[str, ...]:
    """The claim's counts and places (as written in the claim) that the document never writes.

    `unconfirmed` is what scoring/coverage.py found missing from the document; a count is decisive when its
    unit is one the passage is silent on, a name when the claim puts the event there."""
    details = [q.written for q in claim_slots.quantities
               if f"number ({q.unit})" in slots.missing and any(t in q.written for t in unconfirmed)]
    if "place" in slots.missing:
        parents = place_parents()
        written = {p for place in _places_of(document) for p in with_parents(place, parents)}
        details += sorted(v for v in claim_slots.venues if not with_parents(v, parents) & written)
    details += [t for t in unconfirmed if not any(ch.isdigit() for ch in t) and _is_venue(claim, t)
                and not any(t in d or d in t for d in details)]
    return tuple(dict.fromkeys(details))


def _is_venue(claim: str, name: str) -> bool:
    return any(_VENUE_BEFORE.search(claim[:m.start()]) for m in re.finditer(re.escape(name), claim))


@lru_cache(maxsize=64)   # a claim's candidates mostly share one document
def _places_of(document: str) -> frozenset[str]:
    return frozenset(places_in(document)[1])


def unread_places(claim: str) -> tuple[str, ...]:
    """Places the claim puts the event in that the gazetteer does not know (spaCy's GPE, LOC and FAC names after
    "in", "at", "off"...): a Russian or Chinese passage cannot be checked for them, so it cannot support."""
    return _unread_places(claim)


@lru_cache(maxsize=1024)
def _unread_places(claim: str) -> tuple[str, ...]:
    names = [e.text for e in nlp()(claim).ents if e.label_ in ("GPE", "LOC", "FAC")
             and not any(ch.isdigit() for ch in e.text)   # "Tsentr-2019": an edition's name, not a place
             and _VENUE_BEFORE.search(claim[:e.start_char]) and not places_in(e.text)[1]]
    return tuple(re.sub(r"^the\s+", "", n, flags=re.I) for n in dict.fromkeys(names))
