"""A text's slots as `slots_of` reads them: what a claim and a passage are compared on (compare.py)."""

from __future__ import annotations

from dataclasses import dataclass

from sourcecheck.model.claims import Quantity
from sourcecheck.slots.events import EventIdentity
from sourcecheck.slots.roles import RoleHolder


@dataclass(frozen=True)
class DateSpan:
    """Days as a text names them, without a year: news copy rarely writes one, and a claim and its source are
    about the same days of the same weeks."""

    start: int           # day of a (leap) year, so ranges compare across months
    end: int
    written: str


@dataclass(frozen=True)
class Slots:
    quantities: tuple[Quantity, ...]
    dates: tuple[DateSpan, ...]
    venues: frozenset[str]   # places named as where something happened ("in X", "at X", "near X")
    places: frozenset[str]   # every place named
    people: frozenset[str] = frozenset()   # people of the alias table, and other names in Latin script
    text: str = ""           # what was read: a name missing from the table is looked for by transliteration
    event: EventIdentity = EventIdentity()   # the edition, time anchor and act the text is about
    roles: tuple[RoleHolder, ...] = ()       # roles named with their holders ("Defense Minister Sergei Shoigu")
