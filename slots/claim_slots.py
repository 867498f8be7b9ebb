"""The slots of each claim as the claims stage records them (`Claim.slots`, stored in `claim_slots`).

Quantities, dates, people, places and venues are exactly what `slots_of` reads from the claim's text, the
reading its verdicts compare, so a user querying `claim_slots` sees the slots a verdict used; dates are placed
in the article's year. Two more kinds no slot reading gives are recorded for queries, compared by no verdict:
organisations (spaCy's ORG and NORP entities of the claim) and quoted words.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from sourcecheck.claims.nlp import nlp
from sourcecheck.model.claims import ClaimSlots, DateSlot, ExtractedArticle
from sourcecheck.slots.model import DateSpan
from sourcecheck.slots.reading import slots_of

_QUOTE = re.compile(r"“([^”]{2,})”|\"([^\"]{2,})\"")


def with_slots(extracted: ExtractedArticle) -> ExtractedArticle:
    """The article's claims, each with its slots filled and the article's date to read its relative dates."""
    published = extracted.article.published
    return replace(extracted, claims=[replace(c, slots=claim_slots(c.text, published), written_on=published)
                                      for c in extracted.claims])


def claim_slots(text: str, published: dt.date | None) -> ClaimSlots:
    """The slots of the claim `text` of an article published on `published`."""
    read = slots_of(text, published)
    return ClaimSlots(
        quantities=read.quantities,
        dates=tuple(_in_year(d, published) for d in read.dates),
        people=tuple(sorted(read.people)),
        organisations=_organisations(text),
        places=tuple(sorted(read.places)),
        venues=tuple(sorted(read.venues)),
        quotes=tuple(a or b for a, b in _QUOTE.findall(text)),
    )


def _in_year(span: DateSpan, published: dt.date | None) -> DateSlot:
    """The days in the year the article was published, or the year before when they would fall after it (a
    January article on December), as a citation's date is read (claims/dates.py); unknown without a date."""
    if published is None:
        return DateSlot(span.written, None, None)
    first, last = (dt.date(2000, 1, 1) + dt.timedelta(days=day - 1) for day in (span.start, span.end))
    try:
        start, end = first.replace(year=published.year), last.replace(year=published.year)
        if start > published + dt.timedelta(days=1):
            start, end = first.replace(year=published.year - 1), last.replace(year=published.year - 1)
    except ValueError:  # February 29 outside a leap year
        return DateSlot(span.written, None, None)
    return DateSlot(span.written, start, end)


def _organisations(text: str) -> tuple[str, ...]:
    seen = []
    for ent in nlp()(text).ents:
        name = re.sub(r"^the\s+", "", ent.text, flags=re.I)
        if ent.label_ in ("ORG", "NORP") and name not in seen:
            seen.append(name)
    return tuple(seen)
