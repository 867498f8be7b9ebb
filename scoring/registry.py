"""The scorers a run can be configured with, by name: the built-in ones register when this module imports them."""

from __future__ import annotations

from sourcecheck.core.errors import SourcecheckError
from sourcecheck.scoring import nli_slots, similarity_slots
from sourcecheck.scoring.scorer import SCORERS, Scorer

# WiCE dev odd rows: ROC-AUC 0.823 vs 0.643 for similarity-slots (docs/benchmarks.md, Accuracy)
DEFAULT_SCORER = "nli-slots"
BUILT_IN = (nli_slots, similarity_slots)   # imported for their registrations


def available_scorers() -> set[str]:
    return set(SCORERS)


def load_scorer(name: str) -> Scorer:
    if name not in available_scorers():
        raise SourcecheckError(f"unknown scorer {name!r}; available: {', '.join(sorted(SCORERS))}")
    return SCORERS[name]()
