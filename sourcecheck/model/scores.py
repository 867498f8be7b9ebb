"""The scoring stage's records: a passage's scores against a claim, and the claim's verdict."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Status(StrEnum):
    """A claim's verdict. A str, so it is stored, printed and compared as its value ("not_found")."""

    SUPPORTED = "supported"
    CONTRADICTED = "contradicted"
    MISATTRIBUTED = "misattributed"
    NOT_FOUND = "not_found"
    SOURCE_MISSING = "source_missing"   # the cited outlet has nothing in the store for the cited days
    UNCHECKABLE = "uncheckable"


STATUSES = tuple(Status)   # in the order reports list them
# what a reviewer is shown; source_missing asks for the cited source to be added
FLAGGED = (Status.CONTRADICTED, Status.MISATTRIBUTED, Status.NOT_FOUND, Status.SOURCE_MISSING)


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
    status: Status
    support_score: float | None
    contradiction_score: float | None
    evidence_passage_id: str | None
    evidence_outlet: str | None
    explanation: str
    cited_source_in_store: bool | None = None   # None: nothing was cited (or not checked)
