"""The checkable slots of a text (quantities, dates, places, people) in English, Russian and Chinese, one
reading for both the claims stage, which stores a claim's slots (`claim_slots`), and the verdicts, which
compare a claim's with a passage's (compare.py): what a user queries is what was compared."""

from sourcecheck.slots.reading import slots_of

__all__ = ["slots_of"]
