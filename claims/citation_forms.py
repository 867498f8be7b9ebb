"""The citation forms of the genre, as a registry of recognisers users can extend.

A recogniser reads one sentence and returns the credits written in it, each a `Citation` whose `cut` marks the
characters that are the credit rather than the claim. Register a new form with `@citation_form(name)`; forms run
in registration order and the scope rules (claims/citations.py) decide which credit covers which sentence.

Built-in forms:
- parenthetical: `(Interfax, Xinhua, June 18)`, `(Interfax, June 14-19)`, `(Kommersant, Jan. 5; RIA Novosti, Jan. 6)`
- inline: `X reported that`, `according to X`, `X said`, `in an article in X`, `... told X that` (X an outlet)
- unnamed: `according to observers`, `Observers of the exercises told Jamestown that`: never matched to an outlet
A speaker quotation (`"...," he explained (Xinhua, June 14)`, `Guowei noted that ...`) is no credit of its own:
the person is part of the claim, the outlet that reported it is the credit.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from sourcecheck.claims.dates import parse_citation_date
from sourcecheck.claims.outlets import OutletRegistry
from sourcecheck.core.ids import content_id
from sourcecheck.model.claims import Citation


@dataclass(frozen=True)
class SentenceContext:
    sentence_id: str
    text: str
    registry: OutletRegistry
    reference: dt.date | None   # the article's publication date: the year of a credit's date


Recogniser = Callable[[SentenceContext], list[Citation]]
CITATION_FORMS: dict[str, Recogniser] = {}


def citation_form(name: str):
    """Register a recogniser under `name` (the `kind` of the citations it finds)."""
    def decorate(recogniser: Recogniser) -> Recogniser:
        CITATION_FORMS[name] = recogniser
        return recogniser
    return decorate


def recognise(context: SentenceContext) -> list[Citation]:
    """Every credit of the sentence, in the order they are written."""
    found = [c for recogniser in CITATION_FORMS.values() for c in recogniser(context)]
    return sorted(found, key=lambda c: c.cut or (len(context.text), len(context.text)))


def make_citation(context: SentenceContext, kind: str, raw: str, outlets: tuple[str, ...], names: tuple[str, ...],
                  dates: tuple[dt.date | None, dt.date | None] | None, cut: tuple[int, int] | None) -> Citation:
    start, end = dates or (None, None)
    return Citation(
        citation_id=content_id("citation", context.sentence_id, kind, raw, start, end),
        sentence_id=context.sentence_id, kind=kind, raw=raw, outlets=outlets, outlet_names=names,
        date_start=start, date_end=end, cut=cut,
    )


# -- parenthetical ---------------------------------------------------------------------------------------------
_PARENS = re.compile(r"\(([^()]{2,160})\)")


@citation_form("parenthetical")
def parenthetical(context: SentenceContext) -> list[Citation]:
    """Every `( ... )` that is a credit; `(SCO)`, `(KSOR)` are not, nor is a gloss after an outlet's own name
    (`Renmin Ribao (People's Daily)`). Groups separated by `;` are one credit."""
    found = []
    for match in _PARENS.finditer(context.text):
        groups = [_credit_group(g, context.registry, context.reference) for g in match.group(1).split(";")]
        if not groups or not all(groups):
            continue
        outlets = tuple(o for g in groups for o in g[0])
        names = tuple(n for g in groups for n in g[1])
        dated = [g[2] for g in groups if g[2]]
        if not dated and _follows_own_name(context.text[: match.start()], outlets, context.registry):
            continue
        starts = [d[0] for d in dated if d[0]]
        ends = [d[1] for d in dated if d[1]]
        dates = (min(starts) if starts else None, max(ends) if ends else None) if dated else None
        found.append(make_citation(context, "parenthetical", match.group(0), outlets, names, dates, match.span()))
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
    return tuple(r or name for r, name in zip(resolved, written, strict=True)), tuple(written), dates


def _follows_own_name(before: str, outlets: tuple[str, ...], registry: OutletRegistry) -> bool:
    words = before.split()
    return any(registry.resolve(" ".join(words[-n:])) in outlets for n in range(1, min(4, len(words)) + 1))


# -- inline attribution to an outlet ---------------------------------------------------------------------------
_NAME = r"(?P<name>[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,3})"
_SAYS = r"(?:reported|said|says|wrote|noted|stated|claimed|announced|published|quoted|cited)"
# (pattern, whether the matched words are the credit rather than part of the claim)
_INLINE = [
    (re.compile(rf"\b(?i:according to|in an? (?:article|report|interview|editorial) (?:in|by|with)|writing in)"
                rf"\s+(?:the\s+)?{_NAME},?\s*"), True),
    (re.compile(rf"(?:^|(?<=[,;] ))(?:the\s+)?{_NAME}(?:,\s+citing\s+[^,]{{1,80}},)?\s+(?:has\s+|had\s+)?{_SAYS}"
                rf"(?:\s+on\s+[A-Z][a-z]+\.?(?:\s+\d{{1,2}})?)?(?:(?:\s+that)?\s+|(?=[.!?]?$))"), True),  # or ends it
    (re.compile(rf"\b(?i:told|quoted by|cited by)\s+(?:the\s+)?{_NAME}"), False),  # a person told X: X reported it
]


@citation_form("inline")
def inline(context: SentenceContext) -> list[Citation]:
    """The first inline attribution to a registered outlet (`Krasnaya Zvezda reported that`)."""
    for pattern, is_frame in _INLINE:
        for match in pattern.finditer(context.text):
            name = match["name"]
            outlet = context.registry.resolve(name) or _prefix_outlet(name, context.registry)
            if outlet:
                cut = match.span() if is_frame else None
                return [make_citation(context, "inline", match.group(0).strip(" ,"), (outlet,), (name,), None, cut)]
    return []


def _prefix_outlet(name: str, registry: OutletRegistry) -> str | None:
    """`Krasnaya Zvezda Moscow` style over-capture: try the name's leading words."""
    words = name.split()
    for n in range(len(words) - 1, 0, -1):
        outlet = registry.resolve(" ".join(words[:n]))
        if outlet:
            return outlet
    return None


# -- unnamed sources -------------------------------------------------------------------------------------------
_GENERIC = r"(?:observers|sources|officials|experts|analysts|witnesses|diplomats|insiders|people|residents)"
_UNNAMED = [
    re.compile(rf"\baccording to (?:some |several |unnamed |local |military |western |Russian |Chinese )?"
               rf"{_GENERIC}\b[^,]*,\s*", re.I),
    # up to two words before the noun (`Border officials`, `Senior Kazakh officials`); whoever they told, up to
    # `that` (`told this newspaper that`, `told the author that`), is part of the credit
    re.compile(rf"^(?:[\w-]+\s+){{0,2}}?{_GENERIC}\b[^.;,]*?\b(?:told\b(?:\s+[^.;,]{{1,40}}?\s+that\b)?|said\b)"
               rf"(?:\s+that)?\s+", re.I),
]


@citation_form("unnamed")
def unnamed(context: SentenceContext) -> list[Citation]:
    """An unnamed source: recorded, never matched to an outlet (its claim is checked against the whole store)."""
    if any(c for c in inline(context)):
        return []
    for pattern in _UNNAMED:
        match = pattern.search(context.text)
        if match:
            return [make_citation(context, "unnamed", match.group(0).strip(" ,"), (), (), None, match.span())]
    return []
