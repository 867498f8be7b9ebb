"""`slots_of`: the slots of a text in English, Russian or Chinese (or a mix), normalised to the same kinds and
units, each read as the set of values the text allows (an interval), so approximators and ranges compare the
way a reader would. The claims stage stores a claim's reading (claim_slots.py), its verdicts compare it."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from functools import lru_cache

from sourcecheck.core.languages import script_counts
from sourcecheck.core.settings import current_settings
from sourcecheck.slots import chinese, english, russian
from sourcecheck.slots.events import dated, event_of
from sourcecheck.slots.model import DateSpan, Slots
from sourcecheck.slots.people import claim_people
from sourcecheck.slots.places import places_in
from sourcecheck.slots.relative import resolved_text
from sourcecheck.slots.roles import role_holders
from sourcecheck.slots.years import bounding_years


def slots_of(text: str, written_on: dt.date | None = None) -> Slots:
    """The slots of an English, Russian or Chinese text (or a mix), normalised to the same kinds and units;
    with the day the text was written, its relative dates ("today", "on Tuesday", «вчера», “周四”) are days
    too, and its event has a year (events.dated)."""
    settings = current_settings()
    read = _slots_of(resolved_text(text, written_on), settings.places, settings.people)
    return replace(read, event=dated(read.event, text, written_on)) if written_on else read


@lru_cache(maxsize=16_384)
def _slots_of(text: str, places_file: str, people_file: str) -> Slots:
    """Cached by text and the alias files in force: a passage and its window are read for every claim they are
    retrieved for (WiCE claims against 100k passages: 70 s of slot reading uncached, most of it the alias
    patterns of places and people)."""
    scripts = script_counts(text)
    for dateline in (english.DATELINE, russian.DATELINE, chinese.DATELINE):
        text = dateline.sub(lambda m: " " * len(m.group()), text)
    dates, spans = english.dates(text)
    foreign = []
    read = bounding_years(text)   # "until 2032", «до 2042 года»: one date slot in every language
    if scripts["cyrillic"]:
        foreign += _foreign_dates(russian.dates(text), dates, spans)
        read += russian.quantities(text)
    if scripts["han"]:
        foreign += _foreign_dates(chinese.dates(text), dates, spans)
        read += chinese.quantities(text)
    dates += tuple(foreign)
    starts = {start for start, _ in read}
    read += [(start, q) for start, q in english.quantities(text) if start not in starts]
    quantities = tuple(q for start, q in sorted(read, key=lambda sq: sq[0])
                       if not any(a <= start < b for a, b in spans))
    venues, places = places_in(text)
    return Slots(quantities, dates, frozenset(venues), frozenset(places), claim_people(text), text, event_of(text),
                 role_holders(text))


def _foreign_dates(found, dates: tuple[DateSpan, ...], spans: list[tuple[int, int]]) -> list[DateSpan]:
    """DateSpans of Russian or Chinese days and ranges; their characters join `spans` (no quantity there)."""
    out = []
    for m1, d1, m2, d2, written, span in found:
        try:
            start = dt.date(2000, m1, d1).timetuple().tm_yday
            end = dt.date(2000, m2, d2).timetuple().tm_yday
        except ValueError:
            continue
        if end >= start and not any(a <= span[0] < b for a, b in spans):
            out.append(DateSpan(start, end, written))
            spans.append(span)
    return out
