"""Years that bound something ("until 2032", «до 2042 года», “至2042年”): one comparable date slot in every language.

A lease extended until 2032 is not one extended until 2042, yet a bare year names no such slot (it is mostly an
edition or the time of an event: "in 2012", «2012 года», see events.py) and a Russian or Chinese year read as a
count would be a duration of 2042 years. So a year after a word that makes it a bound is read as a Quantity of
the unit CALENDAR_YEAR, exactly that year, which compare.py names a date.
"""

from __future__ import annotations

import re

from sourcecheck.model.claims import Quantity
from sourcecheck.slots.english import unit_after

CALENDAR_YEAR = "calendar year"
_YEAR = r"(?:19|20)\d\d"
_ENGLISH = re.compile(
    rf"(?<![\w-])(?:up\s+)?(?:until|till|til|through|thru|by|before|no\s+later\s+than)\s+"
    rf"(?:the\s+(?:end|beginning|start)\s+of\s+)?(?P<year>{_YEAR})(?![\w-]|[.,]\d)", re.I)
_RUSSIAN = re.compile(
    rf"(?<!\w)(?:вплоть\s+до|до|по|к|не\s+позднее|не\s+позже)\s+(?:(?:конца|начала|середины)\s+)?"
    rf"(?P<year>{_YEAR})\s*(?:год(?:а|у|ом)?(?!\w)|г\.)", re.I)
_CHINESE = re.compile(
    rf"(?:直至|直到|截至|截止到?|至|到)\s*(?P<year>{_YEAR})\s*年(?![\d月])"
    rf"|(?P<before>{_YEAR})\s*年(?:底|末)?(?:以前|之前|前)(?!后)")


def bounding_years(text: str) -> list[tuple[int, Quantity]]:
    """(start of the year, quantity) for each year a text writes as a bound, in English, Russian or Chinese."""
    found = []
    for pattern in (_ENGLISH, _RUSSIAN, _CHINESE):
        for m in pattern.finditer(text):
            group = "before" if m.groupdict().get("before") else "year"
            if pattern is _ENGLISH and unit_after(text[m.end():m.end() + 60]):
                continue  # "by 2000 troops": a count
            year = float(m[group])
            found.append((m.start(group), Quantity(" ".join(m.group().split()), year, None, CALENDAR_YEAR, year, year)))
    return found
