"""Typed records that leave `scoring/`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PairScore:
    claim_id: str
    passage_id: str
    support: float          # [0, 1]: how strongly the passage supports the claim
    contradiction: float    # [0, 1]: how strongly it contradicts it
    explanation: str        # plain words: similarity, slots that agree, slots that differ


@dataclass(frozen=True)
class Verdict:
    claim_id: str
    status: str             # supported | contradicted | misattributed | not_found | uncheckable
    support_score: float | None
    contradiction_score: float | None
    evidence_passage_id: str | None
    evidence_outlet: str | None
    explanation: str
    cited_source_in_store: bool | None = None   # None: nothing was cited (or not checked)
