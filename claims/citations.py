"""Which credit covers which sentence: the scope rules (tested on two hand-made gold files).

1. A parenthetical credit covers its own sentence (assigned_by = parenthetical) and the sentences of its
   paragraph back to the previous parenthetical credit (assigned_by = inherited). Inside a sentence with
   several credits, each covers the text back to the previous one: `1,200 troops came (Interfax, June 9),
   while Kyrgyzstan sent 150 (Kabar, June 10).` is two claims, one per outlet.
2. An inline attribution (`Krasnaya Zvezda reported that`, `according to Interfax`, `TASS said`, `... told RIA
   Novosti that`) covers its own sentence only (assigned_by = inline) and does not end the scope of a later
   parenthetical; when a parenthetical credit covering the same sentence names the same outlet, its date is used.
   A parenthetical credit in the sentence itself wins over an inline one.
3. An unnamed source (`according to observers`, `Observers ... told Jamestown that`) is recorded
   (assigned_by = unnamed) and never matched to an outlet: the claim is checked against the whole store.
4. A sentence after the last parenthetical credit of its paragraph, with no credit of its own, is uncited
   (assigned_by = none).
The recognisers of each form live in claims/citation_forms.py.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sourcecheck.claims.citation_forms import SentenceContext, make_citation, recognise
from sourcecheck.claims.outlets import OutletRegistry
from sourcecheck.model.claims import Citation


@dataclass(frozen=True)
class Assignment:
    """The citation covering one sentence, how it was assigned, and every credit written in the sentence."""

    citation: Citation | None
    assigned_by: str  # parenthetical | inherited | inline | unnamed | none
    credits: tuple[Citation, ...] = ()

    @property
    def parentheticals(self) -> list[Citation]:
        return [c for c in self.credits if c.kind == "parenthetical"]

    @property
    def cuts(self) -> list[tuple[int, int]]:
        """Characters of the sentence that are credits, not claim text."""
        return [c.cut for c in self.credits if c.cut]

    def citation_for(self, span: tuple[int, int]) -> Citation | None:
        """With several parenthetical credits, a claim's own is the first written at or after its end."""
        own = self.parentheticals
        if len(own) < 2:
            return self.citation
        for c in own:
            assert c.cut is not None   # a parenthetical credit is always cut from the sentence
            if c.cut[0] >= span[1] - 1:
                return c
        return own[-1]


def attribute_citations(sentences: list[tuple[str, str]], registry: OutletRegistry,
                        reference: dt.date | None) -> list[Assignment]:
    """The covering citation of each (sentence_id, text) of one paragraph, by the scope rules above."""
    credits = [recognise(SentenceContext(sid, text, registry, reference)) for sid, text in sentences]
    parentheticals = [[c for c in found if c.kind == "parenthetical"] for found in credits]
    assignments = []
    for i, found in enumerate(credits):
        later = next((p[0] for p in parentheticals[i + 1:] if p), None)
        named = next((c for c in found if c.kind == "inline"), None)
        unnamed = next((c for c in found if c.kind == "unnamed"), None)
        if parentheticals[i]:
            assignment = Assignment(parentheticals[i][-1], "parenthetical", tuple(found))
        elif named:
            if later and set(named.outlets) & set(later.outlets):
                named = make_citation(SentenceContext(named.sentence_id, "", registry, reference), "inline",
                                      named.raw, named.outlets, named.outlet_names,
                                      (later.date_start, later.date_end), named.cut)
            assignment = Assignment(named, "inline", tuple(c if c.kind != "inline" else named for c in found))
        elif unnamed:
            assignment = Assignment(unnamed, "unnamed", tuple(found))
        elif later:
            assignment = Assignment(later, "inherited", tuple(found))
        else:
            assignment = Assignment(None, "none", tuple(found))
        assignments.append(assignment)
    return assignments
