"""The evidence a reviewer judges a claim on, and the key a review decision is tied to.

Per claim, the best passage of the cited source and the best passage elsewhere in the store: the verdict's own
evidence passage when it is in that scope, else the passage that most strongly supports or contradicts the
claim. The evidence key hashes the verdict with what those passages say, so a decision survives re-runs that
find the same evidence and lapses when a source's text, the passages found or the verdict change.
"""

from __future__ import annotations

from dataclasses import dataclass

from sourcecheck.core.ids import content_id


@dataclass(frozen=True)
class Evidence:
    best_cited: dict | None        # a row of Warehouse.matches_of_run
    best_elsewhere: dict | None


def evidence_by_claim(matches: list[dict], verdict_passages: dict[str, str | None]) -> dict[str, Evidence]:
    """claim id -> its evidence, from the run's matches and each claim's verdict evidence passage id."""
    by_claim: dict[str, list[dict]] = {}
    for m in matches:
        by_claim.setdefault(m["claim_id"], []).append(m)
    return {claim_id: Evidence(_best(found, "cited", verdict_passages.get(claim_id)),
                               _best(found, "store", verdict_passages.get(claim_id)))
            for claim_id, found in by_claim.items()}


def _best(matches: list[dict], scope: str, verdict_passage: str | None) -> dict | None:
    in_scope = [m for m in matches if m["scope"] == scope]
    return max(in_scope, default=None, key=lambda m: (m["passage_id"] == verdict_passage,
                                                       max(m["support_score"], m["contradiction_score"]),
                                                       m["similarity"]))


def evidence_key(status: str, evidence: Evidence | None) -> str:
    parts: list[object] = [status]
    for m in (evidence.best_cited, evidence.best_elsewhere) if evidence else (None, None):
        parts += [m["outlet"], m["published"], m["text"], m["context"]] if m else [None] * 4
    return content_id("evidence", *parts)


def is_foreign(match: dict) -> bool:
    """A passage not in English: reports label its text as the original (no translation is stored)."""
    return not (match.get("language") or "en").lower().startswith("en")
