"""The checkable slots of a claim, normalised: numbers with approximators and units, dates and date ranges,
people, organisations, places, and quoted text (stored in `claim_slots`)."""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc

from sourcecheck.claims.dates import DATE_RE, parse_citation_date
from sourcecheck.model.claims import ClaimSlots, DateSlot, Quantity

_WORD_NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
_APPROXIMATORS = re.compile(r"(?:about|around|approximately|roughly|some|nearly|almost|up to|more than|over|"
                            r"at least|fewer than|less than|under|as many as)\s*$", re.I)
_DATE_PART = re.sub(r"\(\?P<\w+>", "(?:", DATE_RE.pattern)
_FROM_TO = re.compile(rf"\bfrom\s+({_DATE_PART})\s+(?:to|until|through)\s+({_DATE_PART})", re.I)
_QUOTE = re.compile(r"“([^”]{2,})”|\"([^\"]{2,})\"")


def claim_slots(text: str, doc: Doc, reference: dt.date | None) -> ClaimSlots:
    """Slots of the claim `text`; `doc` is the claim text parsed (for its entities and number heads)."""
    dates = _dates(text, reference)
    date_chars = {i for d in dates for m in re.finditer(re.escape(d.text), text) for i in range(*m.span())}
    return ClaimSlots(
        quantities=tuple(_quantities(doc, date_chars)),
        dates=tuple(dates),
        people=_entities(doc, {"PERSON"}),
        organisations=_entities(doc, {"ORG", "NORP"}),
        places=_entities(doc, {"GPE", "LOC", "FAC"}),
        quotes=tuple(a or b for a, b in _QUOTE.findall(text)),
    )


def _quantities(doc: Doc, date_chars: set[int]) -> list[Quantity]:
    found = []
    for token in doc:
        if not token.like_num or token.idx in date_chars or token.ent_type_ in ("DATE", "TIME", "ORDINAL"):
            continue
        value = _value(token.text)
        if value is None:
            continue
        following = token.nbor(1) if token.i + 1 < len(doc) else None
        if following is not None and following.lower_ in _SCALES:
            value *= _SCALES[following.lower_]
        unit = None
        if token.i > 0 and doc[token.i - 1].text in "$€£":
            unit = {"$": "USD", "€": "EUR", "£": "GBP"}[doc[token.i - 1].text]
        elif token.head.pos_ in ("NOUN", "PROPN") and token.head.i > token.i:
            unit = token.head.lemma_.lower()
        elif following is not None and following.lower_ == "%":
            unit = "percent"
        before = doc[max(0, token.i - 3): token.i].text
        approx = _APPROXIMATORS.search(before)
        found.append(Quantity(token.text, value, approx.group(0).strip().lower() if approx else None, unit))
    return found


def _value(text: str) -> float | None:
    if text.lower() in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[text.lower()])
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def _dates(text: str, reference: dt.date | None) -> list[DateSlot]:
    found, covered = [], set()
    for match in _FROM_TO.finditer(text):
        first, last = parse_citation_date(match.group(1), reference), parse_citation_date(match.group(2), reference)
        if first and last:
            found.append(DateSlot(match.group(0), first[0], last[1]))
            covered |= set(range(*match.span()))
    for match in DATE_RE.finditer(text):
        if match.start() in covered or not (match["d1"] or match["year"]):
            continue
        parsed = parse_citation_date(match.group(0), reference)
        if parsed:
            found.append(DateSlot(match.group(0), *parsed))
    for match in re.finditer(r"\b(?:in|since|until|by)\s+((?:19|20)\d\d)\b", text):
        if match.start(1) not in covered and not any(match.group(1) in d.text for d in found):
            year = int(match.group(1))
            found.append(DateSlot(match.group(1), dt.date(year, 1, 1), dt.date(year, 12, 31)))
    return found


def _entities(doc: Doc, labels: set[str]) -> tuple[str, ...]:
    seen = []
    for ent in doc.ents:
        name = re.sub(r"^the\s+", "", ent.text, flags=re.I)
        if ent.label_ in labels and name not in seen:
            seen.append(name)
    return tuple(seen)
