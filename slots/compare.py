"""A claim's slots against a passage's: what agrees, what differs, what the passage is silent on.

A claim and a passage about the same thing that disagree on a slot is the commonest real contradiction in
news copy ("around 2,000 personnel" against "about 1,300 servicemen"), and embeddings barely see it. Slots
compare as the intervals they allow: "more than 1,000" agrees with "about 1,300"; "June 10" lies within
"June 8-14".
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sourcecheck.model.claims import Quantity
from sourcecheck.slots.events import another_event, same_edition
from sourcecheck.slots.model import DateSpan, Slots
from sourcecheck.slots.people import names_person
from sourcecheck.slots.places import place_parents, place_seas, same_place, with_parents
from sourcecheck.slots.roles import differing_holders
from sourcecheck.slots.years import CALENDAR_YEAR


@dataclass(frozen=True)
class SlotComparison:
    agreements: tuple[str, ...]
    mismatches: tuple[str, ...]             # e.g. "number (personnel): claim “around 2,000 personnel”, ..."
    missing: tuple[str, ...]                # claim slots the passage says nothing about
    another_event: str = ""                 # why the passage is about another event: then nothing differs
    same_event: bool = False                # the same edition or the claim's day in the sentence: its event for sure

    @property
    def specific_agreements(self) -> int:
        """Agreements on numbers and dates: rarer by chance than a shared place or person name."""
        return sum(not a.startswith(("place", "person")) for a in self.agreements)

    def explanation_parts(self) -> list[str]:
        """What agrees, differs and is missing, in the words every scorer's explanation uses."""
        parts = [self.another_event] if self.another_event else []
        if self.agreements:
            parts.append("agrees on " + "; ".join(self.agreements))
        if self.mismatches:
            parts.append("differs on " + "; ".join(self.mismatches))
        if self.missing:
            parts.append("silent on " + ", ".join(self.missing))
        return parts


def ramp(x: float, lo: float, hi: float) -> float:
    """0 below lo, 1 above hi, linear between: how a similarity turns into a score."""
    return max(0.0, min(1.0, (x - lo) / (hi - lo)))


def compare_slots(claim: Slots, sentence: Slots, window: Slots) -> SlotComparison:
    """Compare a claim's slots with a passage: its sentence, and the sentence with its neighbours (window).

    The sentence decides when it states a value of the slot's kind: a different value there is a mismatch
    even if a neighbour repeats the claim's value about something else. Only when the sentence is silent on
    the kind does the window count; a slot the window never mentions is missing: no evidence either way.
    """
    event = _another_event(claim, sentence, window)
    if event:
        return SlotComparison((), (), (), event)
    agree, mismatch, missing = [], [], []
    count_in_sentence = False   # the sentence gives the claim's very count, unit and all
    for q in claim.quantities:
        in_sentence = [p for p in sentence.quantities if p.unit == q.unit]
        pool = in_sentence or [p for p in window.quantities if p.unit == q.unit]
        label = _label(q)
        count_in_sentence |= q.unit != CALENDAR_YEAR and any(_overlap(q, p) for p in in_sentence)
        if any(_overlap(q, p) for p in pool):
            agree.append(f"{label}: “{q.written}”")
        elif in_sentence:
            mismatch.append(f"{label}: claim “{q.written}”, source “{in_sentence[0].written}”")
        else:
            missing.append(label)
    for d in claim.dates:
        if any(_within(d, p) for p in sentence.dates or window.dates):
            agree.append(f"date: {d.written}")
        elif sentence.dates:
            mismatch.append(f"date: claim {d.written}, source {', '.join(p.written for p in sentence.dates)}")
        else:
            missing.append("date")
    if claim.venues:
        parents, seas = place_parents(), place_seas()
        # "in China's Xinjiang" claims Xinjiang: against "in Tibet" it differs though Tibet lies in China
        claimed = [v for v in claim.venues if not any(v != w and v in with_parents(w, parents) for w in claim.venues)]
        # and "в Китай ... в Пекине" puts it in Beijing: a place the sentence also names a part of is no venue
        stated = [v for v in sentence.venues
                  if not any(v != w and v in with_parents(w, parents) for w in sentence.venues)]
        if stated and not any(same_place(c, v, parents, seas) for c in claimed for v in stated):
            mismatch.append(f"place: claim {', '.join(sorted(claim.venues))}, "
                            f"source {', '.join(sorted(sentence.venues))}")
        elif any(same_place(c, p, parents, seas) for c in claimed for p in window.places):
            agree.append("place: " + ", ".join(sorted(claim.venues)))
        else:
            missing.append("place")
    # A person named in both is an agreement (shown, not scored); a name a source does not repeat is no
    # evidence either way (it may say "the minister"), so people are never missing, and mismatched only when
    # the passage's sentence gives the claim's role to another named person (roles.py).
    for person in sorted(claim.people):
        if names_person(window.text or sentence.text, person):
            agree.append(f"person: {person}")
    mismatch += differing_holders(claim.roles, sentence.roles, window.text or sentence.text)
    # the same occasion: the same edition named, or the sentence that differs names the claim's very day; or,
    # in a Russian or Chinese sentence (whose cross-lingual similarity says less than an English one's), gives
    # the claim's very count: "约25艘舰艇 ... 4月29日" is the claim's drill, dated otherwise
    same_day = any(_within(d, p) for d in claim.dates for p in sentence.dates)
    same = same_day or same_edition(claim.event, sentence.event if sentence.event.editions else window.event) \
        or (count_in_sentence and _foreign(sentence.text))
    return SlotComparison(tuple(agree), tuple(mismatch), tuple(missing), same_event=same)


def _another_event(claim: Slots, sentence: Slots, window: Slots) -> str | None:
    """Why the passage is about another event: its sentence names another edition (or, naming none, its
    window does), another time anchor or another act."""
    passage = sentence.event
    if not passage.editions and window.event.editions:
        passage = replace(passage, editions=window.event.editions)
    if not _foreign(sentence.text):
        # an English sentence's "in 2010" is as often background ("the base, opened in 2004, hosted ..."):
        # English passages have the NLI model read them; the year sets apart Russian and Chinese ones only
        passage = replace(passage, years=frozenset())
    return another_event(claim.event, passage)


def _foreign(text: str) -> bool:
    """Written (partly) in another script than Latin: a Russian or Chinese passage."""
    return any(not ch.isascii() and ch.isalpha() for ch in text)


def _label(q: Quantity) -> str:
    """How a quantity's slot is named: a year that bounds something ("until 2032") is a date to the reader."""
    return "date" if q.unit == CALENDAR_YEAR else f"number ({q.unit})"


def _overlap(a: Quantity, b: Quantity) -> bool:
    return a.low <= b.high and b.low <= a.high


def _within(claim: DateSpan, passage: DateSpan) -> bool:
    """The claim's days lie within the passage's, or the passage names one day of the claim's range
    ("began on June 8" for "held June 8-14"). "June 8-14" against "June 9-14" does not agree."""
    inside = passage.start <= claim.start and claim.end <= passage.end
    one_day = passage.start == passage.end and claim.start <= passage.start <= claim.end
    return inside or one_day
