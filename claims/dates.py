"""Citation dates as written in news prose: `June 18`, `June 14-19`, `June 30-July 2`, `June`, `June 18, 2012`,
`18 June`, `11-13 February 2013`."""

from __future__ import annotations

import calendar
import datetime as dt
import re

MONTHS = {name.casefold(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.casefold(): i for i, name in enumerate(calendar.month_abbr) if name}
MONTHS["sept"] = 9
_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
DATE_RE = re.compile(
    rf"\b(?P<m1>{_MONTH})(?:\s+(?P<d1>\d{{1,2}})(?:\s*[-–—]\s*(?:(?P<m2>{_MONTH})\s+)?(?P<d2>\d{{1,2}}))?)?"
    rf"(?:,?\s+(?P<year>(?:19|20)\d\d))?\b",
    re.I,
)
DAY_FIRST_RE = re.compile(  # "11 February", "11-13 February 2013"
    rf"(?P<d1>\d{{1,2}})(?:\s*[-–—]\s*(?P<d2>\d{{1,2}}))?\s+(?P<m1>{_MONTH})(?P<m2>)(?:,?\s+(?P<year>(?:19|20)\d\d))?",
    re.I,
)


def parse_citation_date(text: str, reference: dt.date | None) -> tuple[dt.date | None, dt.date | None] | None:
    """The (first, last) day a citation's date part names, or None if it names no date.

    The year comes from the text when written, else from the article's publication date; a date that would
    fall after the article was published is taken from the year before (a January article citing December).
    Without either, the text is still a date but its days are unknown, (None, None), and retrieval does
    not filter by date.
    """
    match = DATE_RE.fullmatch(text.strip()) or DAY_FIRST_RE.fullmatch(text.strip())
    if not match:
        return None
    m1 = MONTHS[match["m1"].casefold().rstrip(".")]
    m2 = MONTHS[match["m2"].casefold().rstrip(".")] if match["m2"] else m1
    if match["year"]:
        year = int(match["year"])
    elif reference:
        year = reference.year
    else:
        return None, None
    try:
        if match["d1"]:
            start = dt.date(year, m1, int(match["d1"]))
            # "December 30-January 2" ends in the next year
            end = dt.date(year + (m2 < m1), m2, int(match["d2"])) if match["d2"] else start
        else:
            start = dt.date(year, m1, 1)
            end = dt.date(year, m1, calendar.monthrange(year, m1)[1])
    except ValueError:
        return None, None  # "June 31": written as a date, so the credit stands, but its days are unknown
    if not match["year"] and reference and start > reference + dt.timedelta(days=1):
        try:
            start, end = start.replace(year=year - 1), end.replace(year=end.year - 1)
        except ValueError:  # February 29 of a leap year, cited from the next year
            return None
    if end < start:
        return None
    return start, end
