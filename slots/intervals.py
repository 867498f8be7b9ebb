"""How an approximator turns a stated number into the interval of values a reader allows, in every language."""

from __future__ import annotations

import math


def widen(low: float, high: float, approximator: str, above: str, below: str) -> tuple[float, float]:
    """`above` and `below` are the language's |-separated bounds ("more than|over", "up to|under"); any other
    approximator ("about", "около", "约") allows ten percent either way; none leaves the numbers exact."""
    if approximator in above.split("|"):
        return low, math.inf
    if approximator in below.split("|"):
        return 0.0, high
    if approximator:
        return low * 0.9, high * 1.1
    return low, high
