"""Dates written relative to the report: "today", "yesterday", "on Tuesday", "last week", resolved against the
day the text was written (an article's publication date; a source's dateline, else its stored date).

Wire copy dates what it reports by the day it was filed ("signed the memorandum today"), so a claim "signed on
March 1" is only comparable with it once "today" is read as the report's day. A weekday is the latest such day
on or before the report, or the next one after it when the clause speaks of the future ("will arrive on
Monday"). Each expression resolves to the days it allows ("last week": Monday to Sunday of the week before)
and is rewritten in words ("on March 6") for a reader, such as the NLI model, that cannot resolve it itself.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from sourcecheck.claims.dates import MONTHS

_WEEKDAYS = {name.casefold(): i for i, name in enumerate(calendar.day_name)}
_WEEKDAY = "|".join(calendar.day_name)
_RELATIVE = re.compile(
    rf"\b(?P<on>on\s+)?(?:(?P<which>last|this|next|earlier\s+this|later\s+this)\s+)?(?P<weekday>{_WEEKDAY})\b"
    r"(?!,?\s+(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?\s*\d)"  # "Tuesday, March 6": dated
    r"|\b(?P<today>today|tonight|this\s+(?:morning|afternoon|evening))\b"
    r"|\b(?P<before>the\s+day\s+before\s+yesterday)\b|\b(?P<yesterday>yesterday)\b|\b(?P<tomorrow>tomorrow)\b"
    r"|\b(?P<week>last|this|earlier\s+this)\s+week\b",
    re.I)
_FUTURE = re.compile(r"\b(?:will|shall|is\s+to|are\s+to|is\s+due|are\s+due|plans?\s+to|scheduled|expected\s+to|"
                     r"is\s+set\s+to|are\s+set\s+to|would)\b", re.I)
_ABBREVIATED = re.compile(r"\b(?P<month>Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?(?=\s+\d)")
# "MOSCOW, March 6 (Interfax) --": the day the report was filed
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z .'-]+,\s*(?:(?P<m1>[A-Za-z]+)\.?\s+(?P<d1>\d{1,2})|(?P<d2>\d{1,2})\s+(?P<m2>[A-Za-z]+))\b")


@dataclass(frozen=True)
class RelativeDate:
    span: tuple[int, int]      # characters of the text
    written: str
    first: dt.date
    last: dt.date


def relative_dates(text: str, anchor: dt.date) -> list[RelativeDate]:
    """Each relative date expression of `text` (English) with the days it names, written on `anchor`."""
    found = []
    for m in _RELATIVE.finditer(text):
        days = _days(m, anchor, _future(text, m.start()))
        if days:
            found.append(RelativeDate(m.span(), m.group(), *days))
    return found


def resolved_text(text: str, anchor: dt.date | None) -> str:
    """The text with each date written out in full: "signed it today" -> "signed it on March 6" (given the day
    it was written), "Aug. 24" -> "August 24"."""
    text = _ABBREVIATED.sub(lambda m: calendar.month_name[MONTHS[m["month"].casefold()]], text)
    if anchor is None:
        return text
    out, at = [], 0
    for r in relative_dates(text, anchor):
        out.append(text[at:r.span[0]])
        out.append(_in_words(r))
        at = r.span[1]
    return "".join(out) + text[at:]


def report_date(text: str, published: dt.date | None) -> dt.date | None:
    """The day a report was written: its dateline's day when it opens with one, else the date it was stored with."""
    m = _DATELINE.match(text)
    if not m or published is None:
        return published
    month = MONTHS.get((m["m1"] or m["m2"]).casefold())
    if month is None:
        return published
    try:
        day = dt.date(published.year, month, int(m["d1"] or m["d2"]))
        if day > published + dt.timedelta(days=1):   # a December dateline stored in January
            day = day.replace(year=published.year - 1)
    except ValueError:
        return published
    return day


def _future(text: str, start: int) -> bool:
    """Whether the clause before a weekday speaks of the future ("will arrive on Monday")."""
    clause = re.split(r"[.;!?]\s", text[:start])[-1]
    return bool(_FUTURE.search(clause))


def _days(m: re.Match, anchor: dt.date, future: bool) -> tuple[dt.date, dt.date] | None:
    if m["today"]:
        return anchor, anchor
    if m["yesterday"]:
        return (anchor - dt.timedelta(days=1),) * 2
    if m["before"]:
        return (anchor - dt.timedelta(days=2),) * 2
    if m["tomorrow"]:
        return (anchor + dt.timedelta(days=1),) * 2
    if m["week"]:
        monday = anchor - dt.timedelta(days=anchor.weekday())
        if m["week"].casefold() == "last":
            return monday - dt.timedelta(days=7), monday - dt.timedelta(days=1)
        return monday, anchor
    which = (m["which"] or "").casefold()
    weekday = _WEEKDAYS[m["weekday"].casefold()]
    if which == "next" or (future and which not in ("last", "earlier this")):
        ahead = (weekday - anchor.weekday()) % 7 or 7
        day = anchor + dt.timedelta(days=ahead)
    else:
        back = (anchor.weekday() - weekday) % 7
        if which == "last" and back == 0:
            back = 7
        day = anchor - dt.timedelta(days=back)
    return day, day


def _in_words(r: RelativeDate) -> str:
    if r.first == r.last:
        return f"on {r.first:%B} {r.first.day}"
    if r.first.month == r.last.month:
        return f"between {r.first:%B} {r.first.day} and {r.last.day}"
    return f"between {r.first:%B} {r.first.day} and {r.last:%B} {r.last.day}"
