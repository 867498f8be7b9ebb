"""Dates written relative to the report: "today", "yesterday", "on Tuesday", "last week", resolved against the
day the text was written (an article's publication date; a source's dateline, else its stored date).

Wire copy dates what it reports by the day it was filed ("signed the memorandum today"), so a claim "signed on
March 1" is only comparable with it once "today" is read as the report's day. A weekday is the latest such day
on or before the report, or the next one after it when the clause speaks of the future ("will arrive on
Monday"). Each expression resolves to the days it allows ("last week": Monday to Sunday of the week before)
and is rewritten in words ("on March 6") for a reader, such as the NLI model, that cannot resolve it itself.
Russian and Chinese copy does the same ("подписали вчера", "在北京周四签署", "上周四" the Thursday of the week
before): those are rewritten in their own language ("21 мая", "5月21日"), so the slot readers see a day.
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


_RU_WEEKDAYS = {"понедельник": 0, "вторник": 1, "среду": 2, "четверг": 3, "пятницу": 4, "субботу": 5,
                "воскресенье": 6}
_RU_RELATIVE = re.compile(
    r"(?<!\w)(?:во?\s+(?:(?P<which>прошл\w+|эт\w+|следующ\w+|ближайш\w+)\s+)?"
    rf"(?P<weekday>{'|'.join(_RU_WEEKDAYS)})"
    r"|(?P<today>сегодня)|(?P<before>позавчера)|(?P<yesterday>вчера)|(?<!после)(?P<tomorrow>завтра)"
    r"|на\s+(?P<week>прошлой|этой|текущей)\s+неделе)(?!\w)", re.I)
_RU_WHICH = {"прошл": "last", "эт": "this", "следующ": "next", "ближайш": "next"}
_RU_FUTURE = re.compile(r"(?<!\w)(?:будет|будут|намерен\w*|планиру\w+|собира\w+|состоится|пройд[её]т|пройдут|"
                        r"предстоит|ожида\w+)(?!\w)", re.I)
_ZH_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_ZH_RELATIVE = re.compile(
    r"(?P<which>上|下|本|这)?(?:周|星期|礼拜)(?P<weekday>[一二三四五六日天])(?!\d)"
    r"|(?P<today>今天)|(?P<before>前天)|(?P<yesterday>昨天|昨日)|(?P<tomorrow>明天)|(?P<week>上|本|这)周(?![一二三四五六日天])")
_ZH_WHICH = {"上": "last week", "下": "next week", "本": "this week", "这": "this week"}
_ZH_FUTURE = re.compile(r"将|拟|计划|即将|预计|准备")
_RU_MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
              "ноября", "декабря"]
# "ПЕКИН, 21 мая. /ТАСС/." and "新华社上海5月21日电": the day a Russian or Chinese report was filed
_RU_DATELINE = re.compile(r"^\s*[А-ЯЁ][А-ЯЁ .'-]+,\s*(?P<d>\d{1,2})\s+(?P<m>[а-яё]+)")
_ZH_DATELINE = re.compile(r"^\s*[^，。\s]{0,12}?(?P<m>\d{1,2})月(?P<d>\d{1,2})日电")


@dataclass(frozen=True)
class RelativeDate:
    span: tuple[int, int]      # characters of the text
    written: str
    first: dt.date
    last: dt.date
    language: str = "en"       # how the resolved days are written back: "on June 8", "8 июня", "6月8日"


def relative_dates(text: str, anchor: dt.date) -> list[RelativeDate]:
    """Each relative date expression of `text` (English, Russian or Chinese) with the days it names, written on
    `anchor`."""
    found = []
    for m in _RELATIVE.finditer(text):
        which = re.sub(r"\s+", " ", (m["which"] or "").casefold())
        weekday = _WEEKDAYS[m["weekday"].casefold()] if m["weekday"] else None
        days = _days(_kind(m), which, weekday, m["week"], anchor, _future(text, m.start(), _FUTURE))
        found.append(RelativeDate(m.span(), m.group(), *days))
    for m in _RU_RELATIVE.finditer(text):
        which = next((w for stem, w in _RU_WHICH.items() if (m["which"] or "").casefold().startswith(stem)), "")
        weekday = _RU_WEEKDAYS[m["weekday"].casefold()] if m["weekday"] else None
        week = {"прошлой": "last"}.get((m["week"] or "").casefold(), "this") if m["week"] else None
        days = _days(_kind(m), which, weekday, week, anchor, _future(text, m.start(), _RU_FUTURE))
        found.append(RelativeDate(m.span(), m.group(), *days, "ru"))
    for m in _ZH_RELATIVE.finditer(text):
        which = _ZH_WHICH.get(m["which"] or "", "")
        weekday = _ZH_WEEKDAYS[m["weekday"]] if m["weekday"] else None
        week = ("last" if m["week"] == "上" else "this") if m["week"] else None
        days = _days(_kind(m), which, weekday, week, anchor, _future(text, m.start(), _ZH_FUTURE))
        found.append(RelativeDate(m.span(), m.group(), *days, "zh"))
    return sorted(found, key=lambda r: r.span)


def resolved_text(text: str, anchor: dt.date | None) -> str:
    """The text with each date written out in full: "signed it today" -> "signed it on March 6" (given the day
    it was written), «подписали вчера» -> «подписали 5 марта», "周四签署" -> "3月1日签署", "Aug. 24" -> "August 24"."""
    text = _ABBREVIATED.sub(lambda m: calendar.month_name[MONTHS[m["month"].casefold()]], text)
    if anchor is None:
        return text
    out, at = [], 0
    for r in relative_dates(text, anchor):
        if r.span[0] < at:
            continue
        out.append(text[at:r.span[0]])
        out.append(_in_words(r))
        at = r.span[1]
    return "".join(out) + text[at:]


def report_date(text: str, published: dt.date | None) -> dt.date | None:
    """The day a report was written: its dateline's day (English, Russian or Chinese) when it opens with one,
    else the date it was stored with."""
    if published is None:
        return None
    if m := _DATELINE.match(text):
        month, day = MONTHS.get((m["m1"] or m["m2"]).casefold()), m["d1"] or m["d2"]
    elif m := _RU_DATELINE.match(text):
        month, day = next((i + 1 for i, name in enumerate(_RU_MONTHS) if name == m["m"].casefold()), None), m["d"]
    elif m := _ZH_DATELINE.match(text):
        month, day = int(m["m"]), m["d"]
    else:
        return published
    if month is None:
        return published
    try:
        written = dt.date(published.year, month, int(day))
        if written > published + dt.timedelta(days=1):   # a December dateline stored in January
            written = written.replace(year=published.year - 1)
    except ValueError:
        return published
    return written


def _kind(m: re.Match) -> str:
    return next(k for k in ("today", "before", "yesterday", "tomorrow", "week", "weekday") if m[k])


def _future(text: str, start: int, pattern: re.Pattern) -> bool:
    """Whether the clause before a weekday speaks of the future ("will arrive on Monday", «будет во вторник»,
    "将于周二"); a Russian perfective verb's future («прибудет во вторник») is not read, so it counts as past."""
    clause = re.split(r"[.;!?。；！？]\s*", text[:start])[-1]
    return bool(pattern.search(clause))


def _days(kind: str, which: str, weekday: int | None, week: str | None, anchor: dt.date,
          future: bool) -> tuple[dt.date, dt.date]:
    """The days an expression names. `which`: last / this / next (a weekday), or last week / this week / next
    week (Chinese 上周四: the Thursday of the week before); `week`: last or this (the whole week)."""
    if kind == "today":
        return anchor, anchor
    if kind == "yesterday":
        return (anchor - dt.timedelta(days=1),) * 2
    if kind == "before":
        return (anchor - dt.timedelta(days=2),) * 2
    if kind == "tomorrow":
        return (anchor + dt.timedelta(days=1),) * 2
    monday = anchor - dt.timedelta(days=anchor.weekday())
    if kind == "week":
        if week and week.casefold() == "last":
            return monday - dt.timedelta(days=7), monday - dt.timedelta(days=1)
        return monday, anchor
    assert weekday is not None
    if which.endswith("week"):
        shift = {"last week": -7, "next week": 7}.get(which, 0)
        day = monday + dt.timedelta(days=shift + weekday)
    elif which == "next" or (future and which not in ("last", "earlier this")):
        ahead = (weekday - anchor.weekday()) % 7 or 7
        day = anchor + dt.timedelta(days=ahead)
    else:
        back = (anchor.weekday() - weekday) % 7
        if which == "last" and back == 0:
            back = 7
        day = anchor - dt.timedelta(days=back)
    return day, day


def _in_words(r: RelativeDate) -> str:
    if r.language == "ru":
        last = f"{r.last.day} {_RU_MONTHS[r.last.month - 1]}"
        if r.first == r.last:
            return last
        first = f"{r.first.day}" if r.first.month == r.last.month else f"{r.first.day} {_RU_MONTHS[r.first.month - 1]}"
        return f"с {first} по {last}"
    if r.language == "zh":
        last = f"{r.last.day}日" if r.first.month == r.last.month else f"{r.last.month}月{r.last.day}日"
        return f"{r.first.month}月{r.first.day}日" + ("" if r.first == r.last else f"至{last}")
    if r.first == r.last:
        return f"on {r.first:%B} {r.first.day}"
    if r.first.month == r.last.month:
        return f"between {r.first:%B} {r.first.day} and {r.last.day}"
    return f"between {r.first:%B} {r.first.day} and {r.last:%B} {r.last.day}"
