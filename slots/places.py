"""Places a text names, and those it names as where something happened (venues), in any script: the
gazetteer (slots/data/places.yaml, extendable) with each place's `in`, so "at the Kant airbase" agrees with
"in Kyrgyzstan"."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from sourcecheck.core.aliases import alias_table
from sourcecheck.core.settings import current_settings
from sourcecheck.slots.alias_matcher import AliasMatcher, is_han

_VENUE_BEFORE = re.compile(r"\b(?:in|at|near|outside|inside|over|across|on)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$"
                           r"|(?<!\w)(?:в|во|на|под|близ|возле|около|у)\s+(?:[\w-]+\s+){0,3}$"
                           r"|(?:在|于|赴|到)[^，。、；\s]{0,8}$", re.I)
# Organisations named after a place: "Shanghai Cooperation Organization" is no place. In English the rule is a
# capitalised word after the name; Russian writes the adjective (Шанхайская, not matched), Chinese these.
_ORGANISATIONS_ZH = re.compile(r"上海合作组织|上合组织|上合")


@lru_cache(maxsize=2)
def _gazetteer(extra: str) -> tuple[AliasMatcher, set[str], dict[str, str]]:
    table = alias_table(resources.files("sourcecheck.slots").joinpath("data/places.yaml"), extra, "places file",
                        keys=("in",))
    names = {alias: entry.name for entry in table for alias in entry.names}
    parents = {entry.name: entry.keys["in"] for entry in table if entry.keys.get("in")}
    return AliasMatcher.of(names), {n.casefold() for n in names}, parents


def places_in(text: str) -> tuple[set[str], set[str]]:
    """(venues, places): the gazetteer's places `text` names, and those it names after "in", "at", "в", "在"..."""
    matcher, names, _ = _gazetteer(current_settings().places)
    text = _ORGANISATIONS_ZH.sub(lambda m: "·" * len(m.group()), text)
    venues, places = set(), set()
    for start, end, place, written in matcher.find(text):
        if not is_han(written):
            following = re.match(r"\s+([A-Z][\w-]*)", text[end:])
            if not written[0].isupper() or (following and following.group(1).casefold() not in names):
                continue
        places.add(place)
        if _VENUE_BEFORE.search(text[max(0, start - 60): start]):
            venues.add(place)
    return venues, places


def place_parents() -> dict[str, str]:
    """Each place's container from the gazetteer's `in` (Kant -> Kyrgyzstan). Read once per comparison: reading
    the settings for each place made a comparison of a few places 2.6 times slower (152 against 58 us)."""
    return _gazetteer(current_settings().places)[2]


def with_parents(place: str, parents: dict[str, str]) -> set[str]:
    """A place and the places that contain it (Kant -> Kyrgyzstan)."""
    found = {place}
    while place in parents and parents[place] not in found:
        place = parents[place]
        found.add(place)
    return found
