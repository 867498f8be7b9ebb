"""The checkable slots of a text (quantities, dates, places where things happened) and their comparison.

A claim and a passage about the same thing that disagree on a slot is the commonest real contradiction in
news copy ("around 2,000 personnel" against "about 1,300 servicemen"), and embeddings barely see it.
Every slot is read as the set of values the text allows (an interval), so approximators and ranges compare
the way a reader would: "more than 1,000" agrees with "about 1,300"; "June 10" lies within "June 8-14".
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
from dataclasses import dataclass
from functools import lru_cache

from sourcecheck.claims.dates import MONTHS
from sourcecheck.scoring import slots_ru_zh
from sourcecheck.scoring.names import AliasMatcher, alias_entries, claim_people, is_han, names_person
from sourcecheck.core.languages import script_counts

_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
          "eleven": 11, "twelve": 12, "dozen": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
          "fifty": 50}
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|" + "|".join(_WORDS)
_SCALE = r"\s+(?:thousand|million|billion)\b|\s*(?:bn|m|k)\b"
_ABOUT = "around|about|approximately|roughly|some|nearly|almost|close to|an estimated|estimated"
_ABOVE = "more than|over|at least|upwards of|in excess of"
_BELOW = "less than|fewer than|under|up to|at most|as many as"
_QUANTITY = re.compile(
    rf"(?<![\w.,$€£-])(?:(?P<approx>{_ABOUT}|{_ABOVE}|{_BELOW})\s+)?(?P<between>between\s+)?"
    rf"(?P<currency>US\$|\$|€|£)?(?P<num>{_NUM})(?P<scale>{_SCALE})?"
    rf"(?:\s*(?:-|–|to|(?(between)and|(?!)))\s*(?P<num2>{_NUM})(?P<scale2>{_SCALE})?)?"
    rf"(?P<percent>\s*%|\s+per\s?cent\b)?"
    rf"(?=(?:\s*-\s*|\s+)(?P<unit>[\w-]+(?:\s+[\w-]+){{0,2}}))?",
    re.I,
)
_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9}
# Words that name the same kind of thing (numbers are compared only within a kind), with a factor to a
# common unit where units differ (miles to km).
UNIT_KINDS = {
    "personnel": {"personnel", "troops", "troop", "servicemen", "serviceman", "soldiers", "soldier",
                  "servicemembers", "participants", "people", "men", "officers", "staff", "military"},
    "km": {"kilometer", "kilometers", "kilometre", "kilometres", "km", "mile", "miles"},
    "exercise": {"exercise", "exercises", "drill", "drills", "maneuvers", "manoeuvres"},
    "aircraft": {"aircraft", "planes", "plane", "jets", "jet", "fighters", "helicopters", "bombers"},
    "vehicle": {"vehicles", "vehicle", "tanks", "tank", "carriers", "apcs"},
    "day": {"day", "days"},
    "year": {"year", "years"},
    "country": {"countries", "country", "states", "nations"},
    "usd": {"dollars", "dollar", "usd"},
    "rub": {"rubles", "roubles", "ruble", "rouble"},
    "cny": {"yuan", "renminbi"},
    "eur": {"euros", "euro"},
}
_FACTORS = {"mile": 1.609, "miles": 1.609}
_CURRENCIES = {"$": "usd", "us$": "usd", "€": "eur", "£": "gbp"}
_UNIT_OF = {word: kind for kind, words in UNIT_KINDS.items() for word in words}
_STOP = {"in", "of", "the", "from", "to", "and", "at", "by", "for", "with", "on", "a", "an", "was", "were", "had"}

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_RANGE_SEP = r"\s*(?:-|–|—|to|and|through|until)\s*"
_DATE_MONTH_FIRST = re.compile(
    rf"\b(?P<m1>{_MONTH})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?![\d,]\d)"
    rf"(?:{_RANGE_SEP}(?:(?P<m2>{_MONTH})\.?\s+)?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b)?", re.I)
_DATE_DAY_FIRST = re.compile(
    rf"\b(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:{_RANGE_SEP}(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)?\s+(?:of\s+)?"
    rf"(?P<m1>{_MONTH})\b\.?", re.I)
# "DUSHANBE, June 9 (Interfax) -": the day a report was filed, not a day it reports on
_DATELINE = re.compile(rf"^\s*[A-Z][A-Z .'-]+,\s*(?:(?:{_MONTH})\.?\s+\d{{1,2}}|\d{{1,2}}\s+(?:{_MONTH}))[^–—-]{{0,40}}?[-–—]",
                       re.I)
# Russian: "ДУШАНБЕ, 9 июня. /Интерфакс/ -"; Chinese: "新华社北京6月14日电"
_DATELINE_RU = re.compile(r"^\s*[А-ЯЁ][А-ЯЁ .'-]+,\s*\d{1,2}\s+[а-я]+[^–—-]{0,40}?[-–—]")
_DATELINE_ZH = re.compile(r"^\s*[^，。\s]{0,12}?\d{1,2}月\d{1,2}日电")
_VENUE_BEFORE = re.compile(r"\b(?:in|at|near|outside|inside|over|across|on)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$"
                           r"|(?<!\w)(?:в|во|на|под|близ|возле|около|у)\s+(?:[\w-]+\s+){0,3}$"
                           r"|(?:在|于|赴|到)[^，。、；\s]{0,8}$", re.I)


@dataclass(frozen=True)
class Quantity:
    low: float           # the interval of values the text allows
    high: float
    unit: str            # a kind from UNIT_KINDS
    written: str


@dataclass(frozen=True)
class DateSpan:
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


@dataclass(frozen=True)
class SlotComparison:
    agreements: tuple[str, ...]
    mismatches: tuple[str, ...]             # e.g. "number (personnel): claim “around 2,000 personnel”, ..."
    missing: tuple[str, ...]                # claim slots the passage says nothing about

    @property
    def specific_agreements(self) -> int:
        """Agreements on numbers and dates: rarer by chance than a shared place or person name."""
        return sum(not a.startswith(("place", "person")) for a in self.agreements)

    def explanation_parts(self) -> list[str]:
        """What agrees, differs and is missing, in the words every scorer's explanation uses."""
        parts = []
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


def slots_of(text: str) -> Slots:
    """The slots of an English, Russian or Chinese text (or a mix), normalised to the same kinds and units."""
    return _slots_of(text, os.environ.get("SOURCECHECK_PLACES"), os.environ.get("SOURCECHECK_PEOPLE"))


@lru_cache(maxsize=16_384)
def _slots_of(text: str, places_file: str | None, people_file: str | None) -> Slots:
    """Cached by text and the alias files in force: a passage and its window are read for every claim they are
    retrieved for (WiCE claims against 100k passages: 70 s of slot reading uncached, most of it the alias
    patterns of places and people)."""
    scripts = script_counts(text)
    for dateline in (_DATELINE, _DATELINE_RU, _DATELINE_ZH):
        text = dateline.sub(lambda m: " " * len(m.group()), text)
    dates, spans = _dates(text)
    foreign = []
    if scripts["cyrillic"]:
        foreign += _foreign_dates(slots_ru_zh.russian_dates(text), dates, spans)
        foreign_q = slots_ru_zh.russian_quantities(text)
    else:
        foreign_q = []
    if scripts["han"]:
        foreign += _foreign_dates(slots_ru_zh.chinese_dates(text), dates, spans)
        foreign_q += slots_ru_zh.chinese_quantities(text)
    dates += tuple(foreign)
    read = [(start, Quantity(low, high, unit, written)) for start, low, high, unit, written in foreign_q]
    starts = {start for start, _ in read}
    read += [(start, q) for start, q in _quantities(text) if start not in starts]
    quantities = tuple(q for start, q in sorted(read, key=lambda sq: sq[0]) if not any(a <= start < b for a, b in spans))
    venues, places = _places(text)
    return Slots(quantities, dates, frozenset(venues), frozenset(places), claim_people(text), text)


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


def compare_slots(claim: Slots, sentence: Slots, window: Slots) -> SlotComparison:
    """Compare a claim's slots with a passage: its sentence, and the sentence with its neighbours (window).

    The sentence decides when it states a value of the slot's kind: a different value there is a mismatch
    even if a neighbour repeats the claim's value about something else. Only when the sentence is silent on
    the kind does the window count; a slot the window never mentions is missing: no evidence either way.
    """
    agree, mismatch, missing = [], [], []
    for q in claim.quantities:
        in_sentence = [p for p in sentence.quantities if p.unit == q.unit]
        pool = in_sentence or [p for p in window.quantities if p.unit == q.unit]
        if any(_overlap(q, p) for p in pool):
            agree.append(f"number ({q.unit}): “{q.written}”")
        elif in_sentence:
            mismatch.append(f"number ({q.unit}): claim “{q.written}”, source “{in_sentence[0].written}”")
        else:
            missing.append(f"number ({q.unit})")
    for d in claim.dates:
        pool = sentence.dates or window.dates
        if any(_within(d, p) for p in pool):
            agree.append(f"date: {d.written}")
        elif sentence.dates:
            mismatch.append(f"date: claim {d.written}, source {', '.join(p.written for p in sentence.dates)}")
        else:
            missing.append("date")
    if claim.venues:
        wider = {p for v in claim.venues for p in _with_parents(v)}
        if sentence.venues and not any(_with_parents(v) & wider for v in sentence.venues):
            mismatch.append(f"place: claim {', '.join(sorted(claim.venues))}, source {', '.join(sorted(sentence.venues))}")
        elif any(_with_parents(p) & wider for p in window.places):
            agree.append("place: " + ", ".join(sorted(claim.venues)))
        else:
            missing.append("place")
    # A person named in both is an agreement (shown, not scored); a name a source does not repeat is no
    # evidence either way (it may say "the minister"), so people are never missing or mismatched.
    for person in sorted(claim.people):
        if names_person(window.text or sentence.text, person):
            agree.append(f"person: {person}")
    return SlotComparison(tuple(agree), tuple(mismatch), tuple(missing))


def _quantities(text: str) -> list[tuple[int, Quantity]]:
    found = []
    for m in _QUANTITY.finditer(text):
        raw = m["num"].replace(",", "")
        if m["percent"]:
            unit, factor = "percent", 1.0
        elif m["currency"]:
            unit, factor = _CURRENCIES[m["currency"].lower()], 1.0
        else:
            unit, factor, words = _unit(m["unit"] or "")
            if unit is None:
                continue  # a number without a unit we can compare: a name, a year, a count of something else
        value = _number(raw, m["scale"]) * factor
        if m["num2"]:
            low, high = value, _number(m["num2"].replace(",", ""), m["scale2"] or m["scale"]) * factor
        else:
            low = high = value
        approx = (m["approx"] or "").lower()
        if approx in _ABOVE.split("|"):
            high = math.inf
        elif approx in _BELOW.split("|"):
            low = 0.0
        elif approx or factor != 1.0:  # "about", or a converted unit: ten percent either way
            low, high = low * 0.9, high * 1.1
        end = m.end() if m["percent"] or m["currency"] else m.end() + _unit_end(text, m.end(), words)
        found.append((m.start("num"), Quantity(low, high, unit, " ".join(text[m.start(): end].split()))))
    return found


def _unit(words_after: str) -> tuple[str | None, float, int]:
    """The kind of the first unit word among the next three words (stopping at a function word), its
    conversion factor, and how many words it takes to reach it: "nine Peace Mission exercises" counts
    exercises, "four Su-25 aircraft" counts aircraft, "500 in the drills" counts nothing."""
    for i, word in enumerate(words_after.lower().split()):
        if word in _STOP:
            break
        if word in _UNIT_OF:
            return _UNIT_OF[word], _FACTORS.get(word, 1.0), i + 1
    return None, 1.0, 0


def _unit_end(text: str, start: int, words: int) -> int:
    match = re.match(r"(?:\s*-\s*|\s+)[\w-]+" + r"(?:\s+[\w-]+)" * (words - 1), text[start:])
    return match.end() if match else 0


def _number(raw: str, scale: str | None) -> float:
    value = float(_WORDS[raw.lower()]) if raw.lower() in _WORDS else float(raw)
    return value * (_SCALES[scale.strip().lower()] if scale else 1.0)


def _overlap(a: Quantity, b: Quantity) -> bool:
    return a.low <= b.high and b.low <= a.high


def _dates(text: str) -> tuple[tuple[DateSpan, ...], list[tuple[int, int]]]:
    found, spans = [], []
    for pattern in (_DATE_MONTH_FIRST, _DATE_DAY_FIRST):
        for m in pattern.finditer(text):
            if any(a <= m.start() < b for a, b in spans):
                continue
            m1 = MONTHS[m["m1"].casefold().rstrip(".")]
            m2 = MONTHS[m["m2"].casefold().rstrip(".")] if m.groupdict().get("m2") else m1
            try:
                start = dt.date(2000, m1, int(m["d1"])).timetuple().tm_yday
                end = dt.date(2000, m2, int(m["d2"])).timetuple().tm_yday if m["d2"] else start
            except ValueError:
                continue  # "June 31"
            if end < start:
                continue
            found.append(DateSpan(start, end, " ".join(m.group().split())))
            spans.append(m.span())
    return tuple(found), spans


def _within(claim: DateSpan, passage: DateSpan) -> bool:
    """The claim's days lie within the passage's, or the passage names one day of the claim's range
    ("began on June 8" for "held June 8-14"). "June 8-14" against "June 9-14" does not agree."""
    inside = passage.start <= claim.start and claim.end <= passage.end
    one_day = passage.start == passage.end and claim.start <= passage.start <= claim.end
    return inside or one_day


@lru_cache(maxsize=2)
def _gazetteer(extra: str | None) -> tuple[AliasMatcher, set[str], dict[str, str]]:
    entries = alias_entries("places", extra, "places", optional=" and `in`")
    names, parents = {}, {}
    for entry in entries:
        for alias in (entry["name"], *(entry.get("aliases") or ())):
            names[alias] = entry["name"]
        if entry.get("in"):
            parents[entry["name"]] = entry["in"]
    return AliasMatcher.of(names), {n.casefold() for n in names}, parents


# Organisations named after a place: "Shanghai Cooperation Organization" is no place. In English the rule is a
# capitalised word after the name; Russian writes the adjective (Шанхайская, not matched), Chinese these.
_ORGANISATIONS_ZH = re.compile(r"上海合作组织|上合组织|上合")


def _places(text: str) -> tuple[set[str], set[str]]:
    matcher, names, _ = _gazetteer(os.environ.get("SOURCECHECK_PLACES"))
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


def _with_parents(place: str) -> set[str]:
    """A place and the places that contain it (Kant -> Kyrgyzstan), from the gazetteer's `in`."""
    _, _, parents = _gazetteer(os.environ.get("SOURCECHECK_PLACES"))
    found = {place}
    while place in parents and parents[place] not in found:
        place = parents[place]
        found.add(place)
    return found
