"""The `Scorer` interface: a claim and its candidate passages in, support and contradiction scores out.

A scorer is chosen by name (`SCORERS`), recorded with every run (name and version), and the flow only ever
calls `score`: a new scorer slots in by registering here (scoring/registry.py lists the built-in ones).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from sourcecheck.core.progress import progress
from sourcecheck.model.claims import Claim
from sourcecheck.model.scores import PairScore
from sourcecheck.model.sources import Candidate


class Scorer(Protocol):
    name: str
    version: str

    def score(self, claim: Claim, candidates: list[Candidate]) -> list[PairScore]:
        """One PairScore per candidate, in the same order; batched inside when the scorer can."""
        ...


SCORERS: dict[str, Callable[[], Scorer]] = {}


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
