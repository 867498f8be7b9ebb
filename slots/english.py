"""English quantities and dates, read as the intervals they allow ("around 2,000 personnel", "June 8-14").

Every quantity is normalised to a kind of thing counted (UNIT_KINDS) so numbers compare only within a kind,
and Russian and Chinese readings (russian.py, chinese.py) use the same kinds.
"""

from __future__ import annotations

import datetime as dt
import re

from sourcecheck.claims.dates import MONTHS
from sourcecheck.model.claims import Quantity
from sourcecheck.slots.intervals import widen
from sourcecheck.slots.model import DateSpan

_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
          "eleven": 11, "twelve": 12, "dozen": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
          "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|" + "|".join(sorted(_WORDS, key=len, reverse=True))
_SCALE = r"\s+(?:thousand|million|mln|billion|trillion)\b|\s*(?:bn|tn|m|k)\b"
_ABOUT = "around|about|approximately|roughly|some|nearly|almost|close to|an estimated|estimated"
_ABOVE = "more than|over|at least|upwards of|in excess of"
_BELOW = "less than|fewer than|under|up to|at most|as many as"
_QUANTITY = re.compile(
    rf"(?<![\w.,$€£-])(?:(?P<approx>{_ABOUT}|{_ABOVE}|{_BELOW})\s+)?(?P<between>between\s+)?"
    rf"(?P<currency>US\$|\$|€|£)?(?P<num>{_NUM})(?P<scale>{_SCALE})?"
    rf"(?:\s*(?:-|–|to|(?(between)and|(?!)))\s*(?P<num2>{_NUM})(?P<scale2>{_SCALE})?)?"
    rf"(?P<percent>\s*%|\s+per\s?cent\b)?"
    rf"(?=(?:\s*-\s*|\s+)(?P<unit>[\w-]+(?:\s+[\w-]+){{0,3}}))?",
    re.I,
)
_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9,
           "trillion": 1e12, "tn": 1e12}
# Words that name the same kind of thing (numbers are compared only within a kind), with a factor to a
# common unit where units differ (miles to km).
# Two-word units ("crew members") are looked for before one-word ones.
UNIT_KINDS = {
    "personnel": {"personnel", "troops", "troop", "servicemen", "serviceman", "soldiers", "soldier",
                  "servicemembers", "participants", "people", "men", "officers", "staff", "military",
                  "paratroopers", "paratrooper", "marines", "sailors", "sailor", "seamen", "airmen", "airman",
                  "peacekeepers", "peacekeeper", "commandos", "cadets", "specialists", "guardsmen", "guards",
                  "servicewomen", "crew", "crewmen", "crewmembers", "crew members", "service members",
                  "infantrymen", "riflemen", "gunners", "pilots", "conscripts", "recruits", "reservists", "sappers",
                  "snipers", "engineers", "medics", "instructors", "advisers", "advisors", "observers",
                  "inspectors", "experts", "militiamen", "policemen", "rescuers", "women", "persons"},
    "km": {"kilometer", "kilometers", "kilometre", "kilometres", "km", "mile", "miles"},
    "exercise": {"exercise", "exercises", "drill", "drills", "maneuvers", "manoeuvres"},
    "aircraft": {"aircraft", "planes", "plane", "jets", "jet", "fighters", "helicopters", "bombers"},
    "vehicle": {"vehicles", "vehicle", "tanks", "tank", "carriers", "apcs"},
    "ship": {"ships", "ship", "warships", "warship", "vessels", "vessel", "frigates", "frigate", "destroyers",
             "destroyer", "submarines", "submarine", "corvettes", "corvette", "cruisers", "cruiser", "minesweepers",
             "boats", "tankers", "icebreakers"},
    "target": {"targets", "target"},
    "day": {"day", "days"},
    "year": {"year", "years"},
    "country": {"countries", "country", "states", "nations"},
    "usd": {"dollars", "dollar", "usd"},
    "rub": {"rubles", "roubles", "ruble", "rouble"},
    "cny": {"yuan", "renminbi"},
    "eur": {"euros", "euro"},
    "m3": {"cubic meters", "cubic metres", "cubic meter", "cubic metre", "bcm", "tcm", "mcm"},
    "tonne": {"tonnes", "tonne", "tons", "ton", "metric tons"},
    "barrel": {"barrels", "barrel", "bpd"},
}
_FACTORS = {"mile": 1.609, "miles": 1.609}
# Units that carry their own magnitude, exactly: "38 bcm" is 38 billion cubic meters (not approximate, as a
# converted unit is).
_MULTIPLES = {"bcm": 1e9, "tcm": 1e12, "mcm": 1e6}
_CURRENCIES = {"$": "usd", "us$": "usd", "€": "eur", "£": "gbp"}
_UNIT_OF = {word: kind for kind, words in UNIT_KINDS.items() for word in words}
# "handed over four helicopters": "over" (or "under") is the verb's particle, not "more than"; a duration
# after it ("took over two days") is still bounded.
_PARTICLE_VERB = {
    "over": re.compile(r"\b(?:hand|turn|sign|pass)(?:s|ed|ing)?\s+$|\b(?:t(?:akes?|aken|ook|aking)"
                       r"|g(?:ives?|iven|ave|iving))\s+$", re.I),
    "under": re.compile(r"\b(?:c(?:omes?|ame|oming)|f(?:alls?|ell|allen|alling)|br(?:ings?|ought|inging)"
                        r"|plac(?:es?|ed|ing)|puts?|putting|k(?:eeps?|ept|eeping))\s+$", re.I),
}
_DURATIONS = {"day", "year"}
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
DATELINE = re.compile(
    rf"^\s*[A-Z][A-Z .'-]+,\s*(?:(?:{_MONTH})\.?\s+\d{{1,2}}|\d{{1,2}}\s+(?:{_MONTH}))[^–—-]{{0,40}}?[-–—]", re.I)


def quantities(text: str) -> list[tuple[int, Quantity]]:
    """(start of the number, quantity) for each English quantity with a unit we can compare."""
    found = []
    for m in _QUANTITY.finditer(text):
        raw = m["num"].replace(",", "")
        multiple = 1.0
        if m["percent"]:
            unit, factor = "percent", 1.0
        elif m["currency"]:
            unit, factor = _CURRENCIES[m["currency"].lower()], 1.0
        else:
            kind, factor, words = _unit(m["unit"] or "")
            if kind is None:
                continue  # a number without a unit we can compare: a name, a year, a count of something else
            unit = kind
            multiple = _MULTIPLES.get((m["unit"] or "").split()[words - 1].lower(), 1.0)
        if _edition_year(text, m):
            continue  # "the Peace Mission 2012 exercise", "the 2014 drills": a year naming an edition, not a count
        value = _number(raw, m["scale"] or m["scale2"]) * factor * multiple
        high = _number(m["num2"].replace(",", ""), m["scale2"] or m["scale"]) * factor * multiple if m["num2"] \
            else value
        approx = (m["approx"] or "").lower()
        begin = m.start()
        if approx in _PARTICLE_VERB and unit not in _DURATIONS and _PARTICLE_VERB[approx].search(
                text[max(0, m.start() - 20):m.start()]):
            approx, begin = "", m.start("between") if m["between"] else m.start("currency") if m["currency"] \
                else m.start("num")
        # a converted unit is approximate: ten percent either way, as "about"
        low, high = widen(value, high, approx or ("about" if factor != 1.0 else ""), _ABOVE, _BELOW)
        end = m.end() if m["percent"] or m["currency"] else m.end() + _unit_end(text, m.end(), words)
        written = " ".join(text[begin: end].split())
        found.append((m.start("num"), Quantity(written, value, approx or None, unit, low, high)))
    return found


def _edition_year(text: str, m: re.Match) -> bool:
    """A bare year (1900-2099, no approximator or scale) after a capitalised name or "the"."""
    if m["approx"] or m["scale"] or m["currency"] or m["percent"] or not re.fullmatch(r"(?:19|20)\d\d", m["num"]):
        return False
    return bool(re.search(r"(?:\b[A-Z][\w'’]*|\bthe|\bThe|'s)\s+$", text[max(0, m.start() - 30):m.start()]))


def unit_after(text: str) -> str | None:
    """The kind of unit the words at the start of `text` name, if any: "by 2000 troops" counts troops."""
    match = re.match(r"(?:\s*-\s*|\s+)([\w-]+(?:\s+[\w-]+){0,2})", text)
    return _unit(match[1])[0] if match else None


def _unit(words_after: str) -> tuple[str | None, float, int]:
    """The kind of the first unit word (or two-word unit) among the next four words (stopping at a function
    word other than "and"/"or" between lower-case modifiers), its conversion factor, and how many words it
    takes to reach it: "nine Peace Mission exercises" counts exercises, "four Su-25 aircraft" counts aircraft,
    "16 air and surface targets" counts targets, "500 in the drills" counts nothing."""
    written = words_after.split()
    words = [w.lower() for w in written]
    for i, word in enumerate(words):
        if word in ("and", "or") and 0 < i < len(words) - 1 and written[i + 1].islower():
            continue   # coordinated modifiers: "16 air and surface targets" (not "Russian and Chinese troops")
        if word in _STOP:
            break
        pair = " ".join(words[i:i + 2])
        if i + 1 < len(words) and pair in _UNIT_OF:
            return _UNIT_OF[pair], 1.0, i + 2
        if word in _UNIT_OF:
            return _UNIT_OF[word], _FACTORS.get(word, 1.0), i + 1
    return None, 1.0, 0


def _unit_end(text: str, start: int, words: int) -> int:
    match = re.match(r"(?:\s*-\s*|\s+)[\w-]+" + r"(?:\s+[\w-]+)" * (words - 1), text[start:])
    return match.end() if match else 0


def _number(raw: str, scale: str | None) -> float:
    value = float(_WORDS[raw.lower()]) if raw.lower() in _WORDS else float(raw)
    return value * (_SCALES[scale.strip().lower()] if scale else 1.0)


def dates(text: str) -> tuple[tuple[DateSpan, ...], list[tuple[int, int]]]:
    """The English days and day ranges of `text`, and the characters each was read from."""
    found: list[DateSpan] = []
    spans: list[tuple[int, int]] = []
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
