"""The reviewer report: one self-contained HTML file an editor can mail.

The summary with inline-SVG charts, filters that work in the static file, the article with each claim
highlighted by verdict, then flagged claims beside their evidence with the differing slots marked.
Jinja2 autoescapes every value: article and source text are only ever rendered as escaped pieces. The only
markup not from the template is the report's own stylesheet and script, whose hash the page's
Content-Security-Policy names, so a script that got into the page anyway would not run.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from functools import partial
from importlib import resources
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from sourcecheck.model.scores import STATUSES
from sourcecheck.reports.article_view import article_paragraphs
from sourcecheck.reports.charts import score_histogram, status_changes, verdicts_by_outlet
from sourcecheck.reports.evidence import is_foreign
from sourcecheck.reports.files import write_atomically
from sourcecheck.reports.readings import score_reading
from sourcecheck.reports.run_review import RunReview, load_run_review
from sourcecheck.reports.slot_marks import marked_pieces
from sourcecheck.warehouse import Warehouse

UNCITED = "(uncited)"


def render_report(review: RunReview) -> str:
    claims = review.claims
    by_outlet: dict[str, Counter] = {}
    for c in claims:
        for outlet in c.claim["cited_outlets"] or [UNCITED]:
            by_outlet.setdefault(outlet, Counter())[c.claim["status"]] += 1
    scored = [c.claim for c in claims if c.claim["support_score"] is not None]
    current = Counter(c.claim["status"] for c in claims)
    previous = Counter(review.previous_statuses.values())
    script = _asset("report.js")
    env = Environment(loader=PackageLoader("sourcecheck.reports", "templates"),
                      autoescape=select_autoescape(default=True))
    env.globals.update(reading=partial(_reading, review.thresholds), marked=marked_pieces, around=_around,
                       foreign=is_foreign)
    return env.get_template("report.html.j2").render(
        review=review, run=review.run, claims=claims, statuses=STATUSES, counts=current,
        flagged=review.flagged, others=[c for c in claims if not c.flagged],
        review_counts=Counter(c.review_state for c in review.flagged),
        by_outlet=sorted(by_outlet.items()), outlets=sorted(by_outlet), uncited=UNCITED,
        outlet_chart=verdicts_by_outlet(sorted(by_outlet.items()), STATUSES),
        support_chart=score_histogram("support", [r["support_score"] for r in scored]),
        contradiction_chart=score_histogram("contradiction", [r["contradiction_score"] or 0.0 for r in scored]),
        changes_chart=status_changes(previous, current, STATUSES) if review.previous_run_id else None,
        changed=[(c, review.previous_statuses.get(c.claim_id)) for c in claims
                 if review.previous_run_id and review.previous_statuses.get(c.claim_id) != c.claim["status"]],
        gone=len(set(review.previous_statuses) - {c.claim_id for c in claims}),
        paragraphs=article_paragraphs(review),
        illustrative=any(m.get("illustrative") for c in claims
                         for m in (c.evidence.best_cited, c.evidence.best_elsewhere) if m),
        style=Markup(_asset("report.css")), script=Markup(script),
        script_hash=base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii"),
    )


def write_report(wh: Warehouse, run_id: str, out: Path) -> Path:
    return write_atomically(out, render_report(load_run_review(wh, run_id)))


def _reading(thresholds: tuple[float, float], match: dict) -> str:
    return score_reading(match["support_score"], match["contradiction_score"], *thresholds)


def _around(match: dict) -> tuple[str, str]:
    """The passage's neighbouring text before and after its sentence (empty when not found in the context)."""
    at = match["context"].find(match["text"])
    if at < 0:
        return "", ""
    return match["context"][:at], match["context"][at + len(match["text"]):]


def _asset(name: str) -> str:
    """The report's own stylesheet or script (never source text), inlined so the report is one file."""
    return resources.files("sourcecheck.reports").joinpath(f"templates/{name}").read_text("utf-8")
