"""The `Scorer` interface: a claim and its candidate passages in, support and contradiction scores out.

A scorer is chosen by name (`SCORERS`), recorded with every run (name and version), and the flow only ever
calls `score`: the model-based scorer slots in by registering here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from claims.records import Claim
from scoring.records import PairScore
from sources.records import Candidate
from sourcecheck.errors import SourcecheckError
from sourcecheck.progress import progress


class Scorer(Protocol):
    name: str
    version: str

    def score(self, claim: Claim, candidates: list[Candidate]) -> list[PairScore]:
        """One PairScore per candidate, in the same order; batched inside when the scorer can."""
        ...


SCORERS: dict[str, Callable[[], Scorer]] = {}
DEFAULT_SCORER = "nli-slots"  # WiCE dev odd rows: ROC-AUC 0.823 vs 0.643 for similarity-slots (README, Accuracy)


def register_scorer(name: str):
    def decorate(factory: Callable[[], Scorer]) -> Callable[[], Scorer]:
        SCORERS[name] = factory
        return factory
    return decorate


def score_all(scorer: Scorer, claims: list[Claim], candidates: list[Candidate]) -> list[PairScore]:
    """One score per candidate, in the candidates' order; the scorer sees each claim with all its candidates."""
    by_claim: dict[str, list[Candidate]] = {}
    for candidate in candidates:
        by_claim.setdefault(candidate.claim_id, []).append(candidate)
    scores = {}
    for claim in progress([c for c in claims if c.claim_id in by_claim], "scoring claims", "claim"):
        for score in scorer.score(claim, by_claim[claim.claim_id]):
            scores[(score.claim_id, score.passage_id)] = score
    return [scores[(c.claim_id, c.passage_id)] for c in candidates]


def available_scorers() -> set[str]:
    import scoring.nli_slots  # noqa: F401  (the built-in scorers register on import)
    import scoring.similarity_slots  # noqa: F401

    return set(SCORERS)


def load_scorer(name: str) -> Scorer:
    if name not in available_scorers():
        raise SourcecheckError(f"unknown scorer {name!r}; available: {', '.join(sorted(SCORERS))}")
    return SCORERS[name]()
