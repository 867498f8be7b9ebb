"""The flagged list as Markdown, for pasting into an editorial ticket; also the run's Prefect artifact.

Every piece of article and source text is escaped for Markdown (backslash before each punctuation mark that
Markdown or its inline HTML would read), so a source containing `<script>` or `**` stays text.
"""

from __future__ import annotations

import re
from collections import Counter

from sourcecheck.model.scores import STATUSES
from sourcecheck.reports.evidence import is_foreign
from sourcecheck.reports.readings import score_reading
from sourcecheck.reports.run_review import REVIEW_WORDS, ClaimReview, RunReview
from sourcecheck.reports.slot_marks import Piece, marked_pieces

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~&])")


def flagged_markdown(review: RunReview) -> str:
    run = review.run
    counts = Counter(c.claim["status"] for c in review.claims)
    states = Counter(c.review_state for c in review.flagged)
    lines = [f"# sourcecheck: {md(run['title'] or run['path'])}", "",
             f"{len(review.claims)} claims checked against {run['passages_in_store']} passages "
             f"(run `{run['run_id']}`).", "", "| status | claims |", "|---|---|"]
    lines += [f"| {s} | {counts.get(s, 0)} |" for s in STATUSES]
    lines += ["", f"## Flagged claims ({len(review.flagged)}: {states['pending']} awaiting review, "
                  f"{states['confirmed']} confirmed, {states['dismissed']} dismissed)", ""]
    lines += [line for i, c in enumerate(review.flagged, 1) for line in _flag(i, c, review.thresholds)]
    if not review.flagged:
        lines.append("No claim is flagged.")
    return "\n".join(lines) + "\n"


def _flag(number: int, c: ClaimReview, thresholds: tuple[float, float]) -> list[str]:
    r = c.claim
    cited = ", ".join(r["cited_outlets"]) or "nothing"
    if r["cited_date_start"]:
        cited += f", {r['cited_date_start']}"
    claim = _pieces(marked_pieces(r["claim_text"], c.differs_cited.in_claim + c.differs_elsewhere.in_claim))
    lines = [f"{number}. **{r['status'].replace('_', ' ')}**: {claim}  ",
             f"   claim `{c.claim_id[:8]}`, sentence {r['sentence_index'] + 1}, cited: {md(cited)}"]
    if c.source_missing:
        lines.append(f"   - **{md(c.add_source)}**")
    elsewhere = "Context only, another outlet" if c.source_missing else "Elsewhere"
    for heading, match, differs in (("Cited source", c.evidence.best_cited, c.differs_cited),
                                    (elsewhere, c.evidence.best_elsewhere, c.differs_elsewhere)):
        if match:
            reading = score_reading(match["support_score"], match["contradiction_score"], *thresholds)
            language = f" (original text, {md(match['language'])})" if is_foreign(match) else ""
            lines.append(f"   - {heading}, {md(match['outlet'])} {match['published']}{language}: "
                         f"“{_pieces(marked_pieces(match['text'], differs.in_passage))}” "
                         f"(support {match['support_score']:.2f}, contradiction {match['contradiction_score']:.2f}: "
                         f"{reading})")
    lines.append(f"   - Why: {md(r['explanation'])}")
    lines.append(f"   - Review: {_decision(c)}")
    return [*lines, ""]


def _decision(c: ClaimReview) -> str:
    if c.decision:
        d = c.decision
        note = f": “{md(d.note)}”" if d.note else ""
        return f"{REVIEW_WORDS[c.review_state]} by {md(d.reviewer)}, {d.decided_at:%Y-%m-%d}{note}"
    lapsed = " (an earlier decision was made on other evidence)" if c.lapsed else ""
    return f"awaiting review{lapsed}: `sourcecheck review {c.claim_id[:8]} --decision confirm|dismiss`"


def _pieces(pieces: list[Piece]) -> str:
    return "".join(f"**{md(p.text)}**" if p.marked else md(p.text) for p in pieces)


def md(text: str) -> str:
    """Text as Markdown that reads as exactly this text, on one line."""
    return _SPECIAL.sub(r"\\\1", re.sub(r"\s+", " ", str(text)))
