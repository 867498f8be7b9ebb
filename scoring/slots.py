"""The checkable slots of a text (numbers with units, calendar days, places) and their comparison.

A claim and a passage about the same thing that disagree on a slot is the commonest real contradiction in
news copy ("around 2,000 personnel" against "about 1,300 servicemen"), and embeddings barely see it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from claims.dates import MONTHS
from sourcecheck.errors import InputError

_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10, "eleven": 11, "twelve": 12, "dozen": 12, "twenty": 20, "hundred": 100}
_APPROX = r"(?P<approx>around|about|approximately|roughly|some|nearly|almost|over|more than|less than|up to|at least|at most|under)\s+"
_NUMBER = re.compile(
    rf"(?:{_APPROX})?(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|" + "|".join(_NUMBER_WORDS) + r")"
    r"(?P<scale>\s+(?:thousand|million|billion))?(?:\s*-\s*|\s+)(?P<unit>[A-Za-z]+(?:\s+[A-Za-z]+){0,2})",
    re.I,
)
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY = re.compile(rf"\b(?P<month>{_MONTH})\.?\s+(?P<d1>\d{{1,2}})(?:\s*(?:-|–|to|and)\s*(?:(?P<month2>{_MONTH})\.?\s+)?(?P<d2>\d{{1,2}})\b)?",
                  re.I)
_SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
# Units that name the same kind of thing: numbers are compared only within one kind.
UNIT_KINDS = {
    "personnel": {"personnel", "troops", "troop", "servicemen", "serviceman", "soldiers", "soldier", "servicemembers",
                  "service", "military", "participants", "participant", "people", "men", "officers", "staff"},
    "km": {"kilometer", "kilometers", "kilometre", "kilometres", "km"},
    "exercise": {"exercise", "exercises", "drill", "drills", "maneuvers", "manoeuvres"},
    "aircraft": {"aircraft", "planes", "plane", "jets", "jet", "fighters", "helicopters"},
    "vehicle": {"vehicles", "vehicle", "tanks", "tank", "carriers", "apcs"},
    "day": {"day", "days"},
    "year": {"year", "years"},
    "country": {"countries", "country", "states", "members", "nations"},
}
_UNIT_OF = {word: kind for kind, words in UNIT_KINDS.items() for word in words}
_TOLERANCE = {True: 0.10, False: 0.0}  # relative difference allowed when either side is approximate


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str        # a kind from UNIT_KINDS
    approximate: bool
    written: str


@dataclass(frozen=True)
class Slots:
    quantities: tuple[Quantity, ...]
    days: frozenset[tuple[int, int]]        # (month, day)
    places: frozenset[str]


@dataclass(frozen=True)
class SlotComparison:
    agreements: tuple[str, ...]
    mismatches: tuple[str, ...]             # e.g. "number (personnel): claim 2,000, source 1,300"
    missing: tuple[str, ...]                # claim slots the passage says nothing about


def slots_of(text: str) -> Slots:
    days, day_spans = set(), []
    for m in _DAY.finditer(text):
        m1 = MONTHS[m["month"].casefold()]
        days.add((m1, int(m["d1"])))
        if m["d2"]:
            days.add((MONTHS[m["month2"].casefold()] if m["month2"] else m1, int(m["d2"])))
        day_spans.append(m.span())
    quantities = []
    for m in _NUMBER.finditer(text):
        if any(a <= m.start("num") < b for a, b in day_spans):
            continue
        unit, unit_words = _unit_kind(m["unit"])
        raw = m["num"].replace(",", "")
        if unit is None or (len(raw) == 4 and raw.isdigit() and 1900 <= int(raw) <= 2100 and "," not in m["num"]):
            continue  # years and numbers without a unit we can compare are names, not quantities
        value = float(_NUMBER_WORDS.get(raw.lower(), raw)) if not raw.replace(".", "").isdigit() else float(raw)
        if m["scale"]:
            value *= _SCALES[m["scale"].strip().lower()]
        written = text[m.start(): m.start("unit")] + " ".join(m["unit"].split()[:unit_words])
        quantities.append(Quantity(value, unit, bool(m["approx"]), " ".join(written.split())))
    return Slots(tuple(quantities), frozenset(days), frozenset(_places(text)))


def compare_slots(claim: Slots, sentence: Slots, window: Slots) -> SlotComparison:
    """Compare a claim's slots with a passage: its sentence, and the sentence with its neighbours (window).

    A slot differs only when the sentence gives another value of the same kind and nowhere in the window is
    the claim's value found ("about 1,300 servicemen" against "around 2,000 personnel"; "June 5" against
    "June 7"; "in southern Kyrgyzstan" against "in southern Kazakhstan"). A slot the window never mentions is
    missing: no evidence either way.
    """
    agree, mismatch, missing = [], [], []
    for q in claim.quantities:
        in_window = [p for p in window.quantities if p.unit == q.unit]
        in_sentence = [p for p in sentence.quantities if p.unit == q.unit]
        if any(_close(q, p) for p in in_window):
            agree.append(f"number ({q.unit}): {_fmt(q.value)}")
        elif in_sentence:
            mismatch.append(f"number ({q.unit}): claim “{q.written}”, source “{in_sentence[0].written}”")
        else:
            missing.append(f"number ({q.unit})")
    if claim.days:
        if claim.days & window.days:
            agree.append("date: " + ", ".join(_day(d) for d in sorted(claim.days & window.days)))
        elif sentence.days:
            mismatch.append(f"date: claim {', '.join(map(_day, sorted(claim.days)))}, "
                            f"source {', '.join(map(_day, sorted(sentence.days)))}")
        else:
            missing.append("date")
    if claim.places:
        absent = claim.places - window.places
        other = sentence.places - claim.places
        if absent and other:
            mismatch.append(f"place: claim {', '.join(sorted(absent))}, source {', '.join(sorted(other))}")
        elif absent:
            missing.append("place")
    return SlotComparison(tuple(agree), tuple(mismatch), tuple(missing))


def _unit_kind(unit: str) -> tuple[str | None, int]:
    """The kind of the first unit word among the (up to three) words after a number, and how many words
    it takes to reach it: "nine Peace Mission exercises" is a count of exercises."""
    for i, word in enumerate(unit.lower().split()):
        if word in _UNIT_OF:
            return _UNIT_OF[word], i + 1
    return None, 0


def _close(a: Quantity, b: Quantity) -> bool:
    tolerance = _TOLERANCE[a.approximate or b.approximate]
    return abs(a.value - b.value) <= tolerance * max(a.value, b.value)


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,}"


def _day(day: tuple[int, int]) -> str:
    import calendar

    return f"{calendar.month_name[day[0]]} {day[1]}"


@lru_cache(maxsize=2)
def _gazetteer(extra: str | None) -> re.Pattern:
    entries = yaml.safe_load(resources.files("scoring").joinpath("data/places.yaml").read_text("utf-8"))
    if extra:
        try:
            with open(extra, encoding="utf-8") as fh:
                added = yaml.safe_load(fh) or []
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            raise InputError(extra, f"cannot read the places file ({type(exc).__name__})") from None
        if not isinstance(added, list) or not all(isinstance(e, dict) and e.get("name") for e in added):
            raise InputError(extra, "places file must be a list of entries with `name` and optional `aliases`")
        entries += added
    global _PLACE_NAMES
    _PLACE_NAMES = {}
    for entry in entries:
        for alias in (entry["name"], *(entry.get("aliases") or ())):
            _PLACE_NAMES[alias.casefold()] = entry["name"]
    names = sorted(_PLACE_NAMES, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in names) + r")(?![\w-])", re.I)


_PLACE_NAMES: dict[str, str] = {}


def _places(text: str) -> set[str]:
    pattern = _gazetteer(os.environ.get("SOURCECHECK_PLACES"))
    found = set()
    for m in pattern.finditer(text):
        following = re.match(r"\s+([A-Z][\w-]*)", text[m.end():])
        # "Shanghai Cooperation Organization" names an organisation, not a place
        if m.group(1)[0].isupper() and not (following and following.group(1).casefold() not in _PLACE_NAMES):
            found.add(_PLACE_NAMES[m.group(1).casefold()])
    return found
