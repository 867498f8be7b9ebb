"""One run as a reviewer sees it: every claim with its evidence, the differing slots, the review decision that
holds for it, and the statuses of the article's previous run. The HTML report, the Markdown list and the
`review` command all read this, so they agree on what is flagged and which decision holds."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sourcecheck.model.reviews import ReviewDecision
from sourcecheck.model.scores import FLAGGED, Status
from sourcecheck.reports.evidence import Evidence, evidence_by_claim, evidence_key
from sourcecheck.reports.slot_marks import DifferingSlots, differing_slots
from sourcecheck.scoring.verdicts import VerdictRule
from sourcecheck.warehouse import Warehouse

NO_DIFFERENCE = DifferingSlots((), ())
REVIEW_WORDS = {"pending": "awaiting review", "confirmed": "flag confirmed", "dismissed": "flag dismissed",
                "not_flagged": "not flagged"}


@dataclass(frozen=True)
class ClaimReview:
    claim: dict                         # a claim_status_history row
    evidence: Evidence
    evidence_key: str
    differs_cited: DifferingSlots       # slots on which the best cited passage differs from the claim
    differs_elsewhere: DifferingSlots
    decision: ReviewDecision | None     # the latest decision on this claim and this evidence
    lapsed: ReviewDecision | None       # the latest decision made on other evidence: it no longer holds

    @property
    def claim_id(self) -> str:
        return self.claim["claim_id"]

    @property
    def flagged(self) -> bool:
        return self.claim["status"] in FLAGGED

    @property
    def source_missing(self) -> bool:
        """The flag asks for the cited source: its passages are not in the store, another outlet's are context."""
        return self.claim["status"] == Status.SOURCE_MISSING

    @property
    def add_source(self) -> str:
        """What the reviewer is asked to do about a source_missing claim, in words."""
        r = self.claim
        days = ""
        if r["cited_date_start"]:
            days = f", {r['cited_date_start']}"
            if r["cited_date_end"] and r["cited_date_end"] != r["cited_date_start"]:
                days += f" to {r['cited_date_end']}"
        return (f"Add this source: {', '.join(r['cited_outlets'])}{days} has nothing in the store for the cited "
                "days (sourcecheck sources add PATH, then verify again)")

    @property
    def review_state(self) -> str:
        """pending | confirmed | dismissed for a flag; not_flagged otherwise."""
        if not self.flagged:
            return "not_flagged"
        return {"confirm": "confirmed", "dismiss": "dismissed"}[self.decision.decision] if self.decision else "pending"


@dataclass(frozen=True)
class RunReview:
    run: dict
    claims: list[ClaimReview]
    previous_run_id: str | None
    previous_statuses: dict[str, str]   # claim id -> status in the previous run of the article
    claim_spans: list[dict]             # Warehouse.claim_spans_of_run: where each claim sits in the article

    @property
    def flagged(self) -> list[ClaimReview]:
        return [c for c in self.claims if c.flagged]

    @property
    def thresholds(self) -> tuple[float, float]:
        """(support_min, contradiction_min) the run's verdicts used: stored under `verdict_rule` since the
        thresholds became the scorer's; a run of the first release stored them at the top level."""
        parameters = json.loads(self.run["parameters"])
        rule = parameters.get("verdict_rule", parameters)
        return (rule.get("support_min", VerdictRule.support_min),
                rule.get("contradiction_min", VerdictRule.contradiction_min))


def load_run_review(wh: Warehouse, run_id: str) -> RunReview:
    run = wh.run(run_id)
    rows = wh.claims_of_run(run_id)
    evidence = evidence_by_claim(wh.matches_of_run(run_id), {r["claim_id"]: r["evidence_passage_id"] for r in rows})
    decisions = wh.decisions_of([r["claim_id"] for r in rows])
    previous = wh.previous_run_id(run_id)
    return RunReview(
        run=run,
        claims=[_claim_review(row, evidence.get(row["claim_id"], Evidence(None, None)), decisions) for row in rows],
        previous_run_id=previous,
        previous_statuses={r["claim_id"]: r["status"] for r in wh.claims_of_run(previous)} if previous else {},
        claim_spans=wh.claim_spans_of_run(run_id),
    )


def _claim_review(row: dict, evidence: Evidence, decisions: list[ReviewDecision]) -> ClaimReview:
    """Decisions concern flags: a claim that is not flagged has none; a flag's decision holds only when it was
    made on this evidence, else the latest one made on other evidence is shown as lapsed."""
    key = evidence_key(row["status"], evidence)
    flagged = row["status"] in FLAGGED
    own = [d for d in reversed(decisions) if d.claim_id == row["claim_id"]] if flagged else []
    holding = next((d for d in own if d.evidence_key == key), None)
    return ClaimReview(
        claim=row, evidence=evidence, evidence_key=key,
        differs_cited=_differs(row, evidence.best_cited) if flagged else NO_DIFFERENCE,
        differs_elsewhere=_differs(row, evidence.best_elsewhere) if flagged else NO_DIFFERENCE,
        decision=holding,
        lapsed=None if holding else next(iter(own), None),
    )


def _differs(row: dict, match: dict | None) -> DifferingSlots:
    return differing_slots(row["claim_text"], match["text"], match["context"]) if match else NO_DIFFERENCE
