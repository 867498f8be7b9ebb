"""The reviewers' decisions on flagged claims: appended, never changed, read back per claim."""

from __future__ import annotations

from sourcecheck.model.reviews import ReviewDecision
from sourcecheck.warehouse.arrow import records_to_arrow
from sourcecheck.warehouse.connection import WarehouseConnection


class Reviews(WarehouseConnection):
    def record_decision(self, decision: ReviewDecision) -> None:
        self._insert("review_decisions", records_to_arrow([decision], ReviewDecision))

    def decisions_of(self, claim_ids: list[str]) -> list[ReviewDecision]:
        """Every decision on these claims, oldest first (none in a version-1 warehouse opened read-only)."""
        if self.version < 2:
            return []
        rows = self._dicts("SELECT * FROM review_decisions WHERE list_contains(?, claim_id) "
                           "ORDER BY decided_at, decision_id", [claim_ids])
        return [ReviewDecision(**r) for r in rows]
