"""Finding the credits in a paragraph and deciding which sentences each one covers.

Scope rules (tested on the seed article, sentence by sentence):
1. A parenthetical credit `(Outlet[, Outlet...][, date])` covers the sentences of its paragraph back to the
   previous credit (assigned_by = parenthetical). Inside a sentence with several credits, each covers the
   text back to the previous one, and the sentence splits there into claims: `1,200 troops came (Interfax,
   June 9), while Kyrgyzstan sent 150 (Kabar, June 10).` is two claims, one per outlet.
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
    re.compile(rf"{_NAME}(?:,\s+citing\s+[^,]{{1,80}},)?\s+(?:has\s+|had\s+)?(?:reported|said|wrote|noted|stated|"
               rf"claimed|quoted|cited|announced|published|told)\b"),
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
    """Every `( ... )` in the sentence that is a credit, with its span; `(SCO)`, `(KSOR)` are not credits, nor
    is a gloss after an outlet's own name (`Renmin Ribao (People's Daily)`). Groups separated by `;` are one
    credit: `(Kommersant, Jan. 5; RIA Novosti, Jan. 6)`."""
    found = []
    for match in _PARENS.finditer(sentence):
        groups = [_credit_group(g, registry, reference) for g in match.group(1).split(";")]
        if not groups or not all(groups):
            continue
        outlets = tuple(o for g in groups for o in g[0])
        names = tuple(n for g in groups for n in g[1])
        dated = [g[2] for g in groups if g[2]]
        if not dated and _follows_own_name(sentence[: match.start()], outlets, registry):
            continue
        starts = [d[0] for d in dated if d[0]]
        ends = [d[1] for d in dated if d[1]]
        dates = (min(starts) if starts else None, max(ends) if ends else None) if dated else None
        found.append((match.span(), _citation(sentence_id, "parenthetical", match.group(0), outlets, names, dates)))
    return found


def _credit_group(text: str, registry: OutletRegistry, reference: dt.date | None):
    """(outlets, names as written, dates or None) when `Outlet[, Outlet...][, date]` is a credit, else None."""
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if len(parts) >= 2 and re.fullmatch(r"(?:19|20)\d\d", parts[-1]):
        parts[-2:] = [f"{parts[-2]}, {parts[-1]}"]  # "February 3, 2013" was split at its comma
    dates = parse_citation_date(parts[-1], reference) if parts else None
    written = parts[:-1] if dates else parts
    if not written:
        return None
    resolved = [registry.resolve(name) for name in written]
    looks_like_names = all(name[:1].isupper() and len(name.split()) <= 5 and not re.search(r"\d", name)
                           for name in written)
    # A credit is either all registered outlets, or outlet-like names followed by a date
    # (an unregistered outlet is kept under its own name, never forced onto a registered one).
    if not (all(resolved) or (dates and looks_like_names)):
        return None
    return tuple(r or name for r, name in zip(resolved, written)), tuple(written), dates


def _follows_own_name(before: str, outlets: tuple[str, ...], registry: OutletRegistry) -> bool:
    words = before.split()
    return any(registry.resolve(" ".join(words[-n:])) in outlets for n in range(1, min(4, len(words)) + 1))


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
        # a sentence's own credits cover it (the last one, claim by claim in claims/extract.py); an uncredited
        # sentence is covered by the first credit that follows it in the paragraph
        covering = credits[i][-1][1] if credits[i] else next(
            (credits[j][0][1] for j in range(i + 1, len(sentences)) if credits[j]), None)
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
