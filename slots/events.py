"""Which event a text is about, as far as its words say: a named edition ("Vostok-2018", "Peace Mission 2012",
«Взаимодействие-2013», “和平使命-2010”), a time anchor ("the next summit", "last year's drills") and the kind of
act (arrived / left, began / ended).

A claim's numbers, dates, places and people may only be contradicted by a passage about the same event: a
passage on Vostok-2014 says nothing about Vostok-2018's troops, one on this year's summit nothing about where
the next will be held, and the day a minister left says nothing about the day he arrived. When the two texts
name different editions, anchors or acts, the passage is about another event and says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

_YEAR = r"(?:19|20)\d\d"
# A capitalised name joined to a year: "Vostok-2018", "Peace Mission 2012", "Rubezh-2019"; in Russian and
# Chinese the name is often quoted: «Восток-2018», “和平使命-2014”.
_EDITION = re.compile(
    rf"(?P<latin>(?:[A-Z][a-z]+(?:[ -](?=[A-Z]))?){{1,3}})[ -](?P<y1>{_YEAR})(?!\d)"
    rf"|[«\"“]?(?P<cyrillic>[А-ЯЁ][а-яё]+(?:\s[а-яё]+)?)-(?P<y2>{_YEAR})(?!\d)"
    rf"|(?P<han>[\u4e00-\u9fff]{{2,6}})-(?P<y3>{_YEAR})(?!\d)")
# Words that are no event's name before a year: months, places' prepositions, "In 2012".
_NOT_NAMES = {"in", "since", "until", "by", "of", "the", "from", "for", "and", "to", "before", "after", "during"}
_ANCHORS = [
    ("next", re.compile(r"\b(?:next|upcoming|forthcoming|following)\s+(?:[\w'-]+\s+){0,3}?"
                        r"(?:summit|exercises?|drills?|round|meeting|session|edition|talks|forum|games|maneuvers)\b"
                        r"|следующ\w*\s+(?:\w+\s+){0,2}?(?:саммит|учени|встреч|заседани|раунд)"
                        r"|下一届|下届|下一轮", re.I)),
    ("previous", re.compile(r"\b(?:previous|last\s+year['’]s|past|preceding|prior)\s+(?:[\w'-]+\s+){0,3}?"
                            r"(?:summit|exercises?|drills?|round|meeting|session|edition|talks|forum|games|maneuvers)\b"
                            r"|прошл\w*\s+(?:\w+\s+){0,2}?(?:саммит|учени|встреч|заседани|раунд)|上一届|上届", re.I)),
]
# Acts whose dates differ by nature: the day one begins is not the day one ends.
_ACTS = {
    "arrive": r"arriv\w*|reach(?:ed|es)?|land(?:ed|s)?",
    "leave": r"leav\w*|left|depart\w*",
    "begin": r"beg[ia]n\w*|start\w*|open(?:ed|s)?|launch\w*|kick(?:ed|s)? off",
    "end": r"end(?:ed|s)?|clos(?:ed|es)|conclud\w*|finish\w*|complet\w*|wrapp?\w* up",
}
_ACT = {act: re.compile(rf"\b(?:{pattern})\b", re.I) for act, pattern in _ACTS.items()}
# The year a text puts what it reports in: «в 2009 году», «в мае 2009 года», “2009年” (not “至2042年”, a bound,
# nor “2009年以来”, a span), "in 2009".
_EN_MONTH = "January|February|March|April|May|June|July|August|September|October|November|December"
_YEARS = re.compile(
    rf"(?<!\w)в\s+(?:[а-я]+\s+)?(?P<ru>{_YEAR})\s*(?:год[ау]?|г\.)(?!\w)"
    rf"|(?<![至到止\d])(?P<zh>{_YEAR})年(?!以来|起|底前|之前|以前|前|后|\d)"
    rf"|\bin\s+(?:(?:{_EN_MONTH})\s+)?(?P<en>{_YEAR})(?![\w-])", re.I)
# Years said relative to the day a text was written: "last year", «в прошлом году», “去年”.
_RELATIVE_YEARS = [(-1, re.compile(r"\blast\s+year\b|(?<!\w)в\s+прошлом\s+году|去年", re.I)),
                   (0, re.compile(r"\bthis\s+year\b|(?<!\w)в\s+этом\s+году|今年", re.I)),
                   (1, re.compile(r"\bnext\s+year\b|(?<!\w)в\s+следующем\s+году|明年", re.I))]


@dataclass(frozen=True)
class EventIdentity:
    editions: frozenset[tuple[str, int]] = frozenset()   # (name as written, year): ("Vostok", 2018)
    anchor: str = ""                                      # next | previous | "" (the event reported)
    acts: frozenset[str] = frozenset()                    # arrive | leave | begin | end
    years: frozenset[int] = frozenset()                   # the years it says it happened in ("в 2009 году")
    years_implied: bool = False                           # years not said but taken from the day it was written

    def describe(self) -> str:
        named = ", ".join(f"{name}-{year}" if not name.isascii() else f"{name} {year}"
                          for name, year in sorted(self.editions, key=lambda e: (e[1], e[0])))
        return named or {"next": "the next one", "previous": "an earlier one"}.get(self.anchor, "") \
            or "/".join(sorted(self.acts))


def dated(event: EventIdentity, text: str, written_on) -> EventIdentity:
    """The event with its years read against the day the text was written ("last year" in 2019 is 2018); a
    text naming no year is taken to be about the year it was written in (or the year before, in January and
    February), marked as implied: only a year a text says can set another event apart."""
    said = {written_on.year + shift for shift, pattern in _RELATIVE_YEARS if pattern.search(text)}
    if said or event.years:
        return replace(event, years=event.years | frozenset(said))
    implied = {written_on.year} | ({written_on.year - 1} if written_on.month <= 2 else set())
    return replace(event, years=frozenset(implied), years_implied=True)


def event_of(text: str) -> EventIdentity:
    editions = set()
    for m in _EDITION.finditer(text):
        name = m["latin"] or m["cyrillic"] or m["han"]
        year = int(m["y1"] or m["y2"] or m["y3"])
        words = name.split()
        while words and words[0].casefold() in _NOT_NAMES:
            words = words[1:]
        if m["latin"] and (not words or words[-1].casefold() in _NOT_NAMES or _is_month(words[-1])):
            continue
        editions.add((" ".join(words) if m["latin"] else name, year))
    anchor = next((kind for kind, pattern in _ANCHORS if pattern.search(text)), "")
    acts = frozenset(act for act, pattern in _ACT.items() if pattern.search(text))
    years = frozenset(int(m["ru"] or m["zh"] or m["en"]) for m in _YEARS.finditer(text))
    return EventIdentity(frozenset(editions), anchor, acts, years - {year for _, year in editions})


def another_event(claim: EventIdentity, passage: EventIdentity) -> str | None:
    """Why the passage is about another event than the claim, or None when nothing says so."""
    if claim.editions and passage.editions and not any(
            _same_edition(a, b) for a in claim.editions for b in passage.editions):
        return f"about another event ({passage.describe()}, not {claim.describe()})"
    if claim.anchor != passage.anchor and (claim.anchor or passage.anchor) and not (
            claim.editions and passage.editions):
        return (f"about another event ({_anchor_words(passage.anchor)}, not {_anchor_words(claim.anchor)})")
    if claim.years and passage.years and not passage.years_implied and not claim.years & passage.years \
            and not (claim.editions and passage.editions):
        return f"about another event ({'/'.join(map(str, sorted(passage.years)))}, " \
               f"not {'/'.join(map(str, sorted(claim.years)))})"
    if claim.acts and passage.acts and not claim.acts & passage.acts and _opposed(claim.acts, passage.acts):
        return f"about another event (the source's {'/'.join(sorted(passage.acts))}, " \
               f"not the claim's {'/'.join(sorted(claim.acts))})"
    return None


def same_edition(claim: EventIdentity, passage: EventIdentity) -> bool:
    """Both name the same edition of an event: the passage is about the claim's event, whatever its wording."""
    return any(_same_edition(a, b) for a in claim.editions for b in passage.editions)


def _same_edition(a: tuple[str, int], b: tuple[str, int]) -> bool:
    """Same year, and the same name when both are written in Latin script (across scripts the year decides:
    names are translated, «Взаимодействие» for Interaction)."""
    if a[1] != b[1]:
        return False
    if a[0].isascii() and b[0].isascii():
        x, y = a[0].casefold().split(), b[0].casefold().split()
        return x[-1:] == y[-1:] or set(x) <= set(y) or set(y) <= set(x)
    return True


def _opposed(claim: frozenset[str], passage: frozenset[str]) -> bool:
    pairs = ({"arrive", "leave"}, {"begin", "end"})
    return any(a in pair and b in pair for pair in pairs for a in claim for b in passage)


def _anchor_words(anchor: str) -> str:
    return {"next": "the next one", "previous": "an earlier one"}.get(anchor, "the one reported")


def _is_month(word: str) -> bool:
    from sourcecheck.claims.dates import MONTHS

    return word.casefold().rstrip(".") in MONTHS
