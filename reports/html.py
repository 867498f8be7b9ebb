"""The reviewer report: summary, flagged claims first with their evidence side by side, then the rest.

Jinja2 with autoescape on: every piece of article or source text is escaped, so a source containing
`<script>` renders as text.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from reports.summary import STATUSES
from sourcecheck.errors import InputError
from warehouse import Warehouse

FLAGGED = ("contradicted", "misattributed", "not_found")


def render_report(wh: Warehouse, run_id: str) -> str:
    run = wh.run(run_id)
    claims = wh.claims_of_run(run_id)
    matches: dict[str, list[dict]] = {}
    for m in wh.matches_of_run(run_id):
        matches.setdefault(m["claim_id"], []).append(m)
    for claim in claims:
        found = matches.get(claim["claim_id"], [])
        claim["best_cited"] = max((m for m in found if m["scope"] == "cited"),
                                  key=lambda m: m["support_score"] + m["contradiction_score"], default=None)
        claim["best_elsewhere"] = max((m for m in found if m["scope"] == "store"),
                                      key=lambda m: m["support_score"], default=None)
    by_outlet: dict[str, Counter] = {}
    for claim in claims:
        for outlet in claim["cited_outlets"] or ["(uncited)"]:
            by_outlet.setdefault(outlet, Counter())[claim["status"]] += 1
    env = Environment(loader=PackageLoader("reports", "templates"), autoescape=select_autoescape(default=True))
    return env.get_template("report.html.j2").render(
        run=run, claims=claims, statuses=STATUSES, flagged=[c for c in claims if c["status"] in FLAGGED],
        others=[c for c in claims if c["status"] not in FLAGGED],
        counts=Counter(c["status"] for c in claims), by_outlet=sorted(by_outlet.items()),
        illustrative=any(m.get("illustrative") for ms in matches.values() for m in ms),
    )


def write_report(wh: Warehouse, run_id: str, out: Path) -> Path:
    if out.is_dir():
        raise InputError(out, "is a directory; give the report file's path, e.g. report.html")
    if not out.parent.is_dir():
        raise InputError(out, f"folder {out.parent} does not exist")
    html = render_report(wh, run_id)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(html, encoding="utf-8")
    tmp.replace(out)  # never a half-written report
    return out
