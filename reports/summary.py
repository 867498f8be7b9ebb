"""The one-screen summary of a verification run, as terminal text (the Markdown one is reports/markdown.py)."""

from __future__ import annotations

from sourcecheck.model.runs import RunSummary
from sourcecheck.model.scores import STATUSES


def summary_lines(summary: RunSummary) -> list[str]:
    counts = summary.status_counts
    parts = [f"{counts.get(s, 0)} {s}" for s in STATUSES]
    lines = [
        f"{summary.title or summary.article_path}: {summary.claims} claims against {summary.passages_in_store} "
        "passages",
        "  " + ", ".join(parts),
        f"  run {summary.run_id}",
    ]
    if not summary.passages_in_store:
        lines.insert(1, "  the source store is empty: every cited claim is source_missing, every other checkable "
                        "claim not_found (add sources with `sourcecheck sources add PATH`)")
    return lines

