"""Scores in plain words, so an editor need not know what 0.62 means.

The readings follow the run's own verdict thresholds (runs.parameters): a passage "supports" a claim exactly
when its support would make the claim supported.
"""

from __future__ import annotations

CLEAR = 0.8   # from here a reading says "clearly"


def score_reading(support: float, contradiction: float, support_min: float, contradiction_min: float) -> str:
    if contradiction >= contradiction_min and contradiction > support:
        return "clearly contradicts the claim" if contradiction >= CLEAR else "contradicts the claim"
    if support >= support_min:
        return "clearly supports the claim" if support >= CLEAR else "supports the claim"
    if max(support, contradiction) >= support_min / 2:
        return "is related, but neither confirms nor contradicts the claim"
    return "says nothing that bears on the claim"
