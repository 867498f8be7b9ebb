"""Whether a claim and a passage differ in polarity: one negates what the other asserts.

The NLI model's contradiction alone is a weak flag on news claims (it calls a near-verbatim sentence a
contradiction now and then; see the model card), so an NLI contradiction that no slot explains is only
counted when the polarity differs: then the flag can say why ("claim negated: 'did not take part'").
Counting explicit negators is crude but explainable; antonyms ("rose" / "fell") are left to the model.
"""

from __future__ import annotations

import re

_NEGATOR = re.compile(
    r"\b(?:not|never|no|none|nobody|nothing|neither|nor|without|cannot)\b|n['’]t\b", re.I)


def negators(text: str) -> list[str]:
    """The negating words of a text, as written."""
    return [m.group() for m in _NEGATOR.finditer(text)]


def polarity_differs(claim: str, passage: str) -> str | None:
    """A short explanation when exactly one of the two is negated, else None."""
    in_claim, in_passage = negators(claim), negators(passage)
    if bool(in_claim) == bool(in_passage):
        return None
    side, words = ("claim", in_claim) if in_claim else ("source", in_passage)
    return f"negation: only the {side} is negated (“{words[0]}”)"
