"""Typed records that leave `reports/`: the reviewer's decisions, which the warehouse stores."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

DECISIONS = ("confirm", "dismiss")


@dataclass(frozen=True)
class ReviewDecision:
    """A reviewer's call on one flag. It holds for the claim and the evidence it was made on: when either
    changes (a new claim id, another evidence key), the flag is open again."""

    decision_id: str
    claim_id: str
    evidence_key: str          # reports.evidence.evidence_key of the flag the reviewer saw
    run_id: str                # the run whose flag was reviewed
    status: str                # the verdict reviewed: contradicted | misattributed | not_found | source_missing
    decision: str              # confirm | dismiss
    note: str
    reviewer: str
    decided_at: dt.datetime
