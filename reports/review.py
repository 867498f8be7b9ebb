"""The `review` workflow: find a flagged claim by (a prefix of) its id in the latest runs, record a
reviewer's decision on it, and describe flags for the terminal."""

from __future__ import annotations

import datetime as dt
import re

from sourcecheck.core.errors import SourcecheckError
from sourcecheck.core.ids import content_id
from sourcecheck.model.reviews import ReviewDecision
from sourcecheck.model.scores import FLAGGED
from sourcecheck.reports.readings import score_reading
from sourcecheck.reports.run_review import REVIEW_WORDS, ClaimReview, RunReview, load_run_review
from sourcecheck.warehouse import Warehouse


def latest_reviews(wh: Warehouse) -> list[RunReview]:
    """The latest run of each article, newest first: the runs whose flags await decisions."""
    reviews = [load_run_review(wh, run_id) for run_id in wh.latest_run_ids()]
    if not reviews:
        raise SourcecheckError(f"{wh.path}: no verification run yet (run `sourcecheck verify ARTICLE`)")
    return reviews


def find_claim(reviews: list[RunReview], prefix: str) -> tuple[RunReview, ClaimReview]:
    """The one claim of the latest runs whose id starts with `prefix` (the report shows 8 characters)."""
    prefix = prefix.strip().lower()
    if not re.fullmatch(r"[0-9a-f]{1,16}", prefix):
        raise SourcecheckError(f"{prefix!r} is not a claim id (up to 16 hexadecimal digits, e.g. 16c0f463)")
    found = [(review, c) for review in reviews for c in review.claims if c.claim_id.startswith(prefix)]
    if not found:
        raise SourcecheckError(f"no claim {prefix} in the latest run of any article "
                               "(`sourcecheck review` lists the flags)")
    if len(found) > 1:
        raise SourcecheckError(f"claim id {prefix} is ambiguous: {len(found)} claims start with it; give more of it")
    return found[0]


def decide(wh: Warehouse, review: RunReview, claim: ClaimReview, decision: str, note: str,
           reviewer: str) -> ReviewDecision:
    """Record the decision on this claim's flag and the evidence it stands on now (call it in a transaction)."""
    if not claim.flagged:
        raise SourcecheckError(f"claim {claim.claim_id[:8]} is {claim.claim['status']}, not flagged: only "
                               f"{', '.join(FLAGGED[:-1])} and {FLAGGED[-1]} claims are reviewed")
    now = dt.datetime.now()
    record = ReviewDecision(
        decision_id=content_id("decision", claim.claim_id, claim.evidence_key, decision, note, reviewer,
                               now.isoformat()),
        claim_id=claim.claim_id, evidence_key=claim.evidence_key, run_id=review.run["run_id"],
        status=claim.claim["status"], decision=decision, note=note, reviewer=reviewer, decided_at=now)
    wh.record_decision(record)
    return record


def flag_lines(review: RunReview, claim: ClaimReview, history: list[ReviewDecision]) -> list[str]:
    """A claim, its evidence with the scores read out, and every decision on it, for the terminal."""
    r = claim.claim
    cited = ", ".join(r["cited_outlets"]) or "nothing"
    if r["cited_date_start"]:
        cited += f" ({r['cited_date_start']})"
    lines = [f"claim {claim.claim_id} · {r['status']} · sentence {r['sentence_index'] + 1} · cited: {cited} · "
             f"{review.run['title'] or review.run['path']}", f"  {r['claim_text']}"]
    if claim.source_missing:
        lines.append(f"  {claim.add_source}")
    elsewhere = "context only, another outlet" if claim.source_missing else "elsewhere"
    for heading, m in (("cited source", claim.evidence.best_cited), (elsewhere, claim.evidence.best_elsewhere)):
        if m:
            lines.append(f"  {heading}: {m['outlet']} {m['published']}: {m['text']} (support {m['support_score']:.2f}, "
                         f"contradiction {m['contradiction_score']:.2f}: "
                         f"{score_reading(m['support_score'], m['contradiction_score'], *review.thresholds)})")
    lines.append(f"  why: {r['explanation']}")
    lines.append(f"  review: {REVIEW_WORDS[claim.review_state]}")
    for d in history:
        standing = "holds" if d == claim.decision else \
            "superseded" if d.evidence_key == claim.evidence_key else "made on other evidence"
        note = f": {d.note}" if d.note else ""
        lines.append(f"  {d.decided_at:%Y-%m-%d %H:%M} {d.decision} by {d.reviewer}{note} ({standing})")
    return lines
