"""Finding the credits in a paragraph and deciding which sentences each one covers.

Scope rules (tested on the seed article, sentence by sentence):
1. A parenthetical credit `(Outlet[, Outlet...][, date])` covers the sentences of its paragraph back to the
   previous credit (assigned_by = parenthetical).
2. An inline attribution (`Krasnaya Zvezda reported that`, `according to Interfax`, `in an article in Renmin
   Ribao`) covers its own sentence (assigned_by = inline); when a parenthetical credit covering the same sentence
   names the same outlet, its date is used.
3. An unnamed source (`according to observers`, `Observers ... told Jamestown`) is recorded as such
   (assigned_by = unnamed) and never matched to an outlet: the claim is checked against the whole store.
4. A sentence after the last credit of its paragraph is uncited (assigned_by = none).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from claims.dates import parse_citation_date
from claims.outlets import OutletRegistry
from claims.records import Citation
from sourcecheck.ids import content_id

_PARENS = re.compile(r"\(([^()]{2,160})\)")
_NAME = r"(?P<name>[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,3})"
_INLINE = [
    re.compile(rf"\b(?i:according to|in an? (?:article|report|interview|editorial) (?:in|by|with)|writing in|"
               rf"quoted by|cited by|told)\s+(?:the\s+)?{_NAME}"),
    re.compile(rf"{_NAME}\s+(?:has\s+|had\s+)?(?:reported|said|wrote|noted|stated|claimed|quoted|cited|announced|"
               rf"published|told)\b"),
]
_GENERIC = r"(?:observers|sources|officials|experts|analysts|witnesses|diplomats|insiders|people|residents)"
_UNNAMED = [
    re.compile(rf"\baccording to (?:some |several |unnamed |local |military |western |Russian |Chinese )?"
               rf"{_GENERIC}\b", re.I),
    re.compile(rf"^(?:(?:some|several|unnamed|local|military|western|the)\s+)?{_GENERIC}\b[^.;]*?\b(?:told|said)\b",
               re.I),
]


@dataclass(frozen=True)
class Assignment:
    """The citation that covers one sentence, how it was assigned, and the credits written in the sentence."""

    citation: Citation | None
    assigned_by: str  # parenthetical | inline | unnamed | none
    credits: tuple[tuple[tuple[int, int], Citation], ...] = ()


def parenthetical_credits(sentence: str, sentence_id: str, registry: OutletRegistry,
                          reference: dt.date | None) -> list[tuple[tuple[int, int], Citation]]:
    """Every `( ... )` in the sentence that is a credit, with its span; `(SCO)` or `(KSOR)` are not credits."""
    found = []
    for match in _PARENS.finditer(sentence):
        parts = [p.strip() for p in match.group(1).split(",") if p.strip()]
        dates = parse_citation_date(parts[-1], reference) if parts else None
        written = parts[:-1] if dates else parts
        if not written:
            continue
        resolved = [registry.resolve(name) for name in written]
        looks_like_names = all(name[:1].isupper() and len(name.split()) <= 5 for name in written)
        # A credit is either all registered outlets, or outlet-like names followed by a date
        # (an unregistered outlet is kept under its own name, never forced onto a registered one).
        if all(resolved) or (dates and looks_like_names):
            outlets = tuple(r or name for r, name in zip(resolved, written))
            found.append((match.span(), _citation(sentence_id, "parenthetical", match.group(0), outlets,
                                                   tuple(written), dates)))
    return found


def inline_attribution(sentence: str, sentence_id: str, registry: OutletRegistry) -> Citation | None:
    """`X reported that ...` or `according to X`, when X is a registered outlet; unnamed sources too."""
    for pattern in _INLINE:
        for match in pattern.finditer(sentence):
            name = match["name"]
            outlet = registry.resolve(name) or _prefix_outlet(name, registry)
            if outlet:
                return _citation(sentence_id, "inline", match.group(0), (outlet,), (name,), None)
    for pattern in _UNNAMED:
        match = pattern.search(sentence)
        if match:
            return _citation(sentence_id, "unnamed", match.group(0), (), (), None)
    return None


def attribute_citations(sentences: list[tuple[str, str]], registry: OutletRegistry,
                        reference: dt.date | None) -> list[Assignment]:
    """The covering citation of each (sentence_id, text) of one paragraph, by the scope rules above."""
    credits = [parenthetical_credits(text, sid, registry, reference) for sid, text in sentences]
    inline = [inline_attribution(text, sid, registry) for sid, text in sentences]
    assignments = []
    for i, (_sid, _text) in enumerate(sentences):
        covering = next((credits[j][-1][1] for j in range(i, len(sentences)) if credits[j]), None)
        own = inline[i]
        if credits[i]:
            citation, assigned_by = covering, "parenthetical"
        elif own and own.kind == "inline":
            date_from = covering if covering and set(own.outlets) & set(covering.outlets) else None
            if date_from:
                own = _citation(own.sentence_id, "inline", own.raw, own.outlets, own.outlet_names,
                                (date_from.date_start, date_from.date_end))
            citation, assigned_by = own, "inline"
        elif own:
            citation, assigned_by = own, "unnamed"
        elif covering:
            citation, assigned_by = covering, "parenthetical"
        else:
            citation, assigned_by = None, "none"
        assignments.append(Assignment(citation, assigned_by, tuple(credits[i])))
    return assignments


def _prefix_outlet(name: str, registry: OutletRegistry) -> str | None:
    """`Krasnaya Zvezda Moscow` style over-capture: try the name's leading words."""
    words = name.split()
    for n in range(len(words) - 1, 0, -1):
        outlet = registry.resolve(" ".join(words[:n]))
        if outlet:
            return outlet
    return None


def _citation(sentence_id: str, kind: str, raw: str, outlets: tuple[str, ...], names: tuple[str, ...],
              dates: tuple[dt.date | None, dt.date | None] | None) -> Citation:
    start, end = dates or (None, None)
    return Citation(
        citation_id=content_id("citation", sentence_id, kind, raw, start, end),
        sentence_id=sentence_id, kind=kind, raw=raw, outlets=outlets, outlet_names=names,
        date_start=start, date_end=end,
    )
