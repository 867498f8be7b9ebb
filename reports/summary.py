"""The one-screen summary of a verification run, as terminal text (the Markdown one is reports/markdown.py)."""

from __future__ import annotations

from dataclasses import dataclass

STATUSES = ("supported", "contradicted", "misattributed", "not_found", "uncheckable")


@dataclass(frozen=True)
class RunSummary:
    """What one verification run did: printed by the CLI, published as a Prefect artifact."""

    run_id: str
    article_path: str
    title: str | None
    claims: int
    status_counts: dict[str, int]
    passages_in_store: int


def summary_lines(summary: RunSummary) -> list[str]:
    counts = summary.status_counts
    parts = [f"{counts.get(s, 0)} {s}" for s in STATUSES]
    lines = [
        f"{summary.title or summary.article_path}: {summary.claims} claims against {summary.passages_in_store} passages",
        "  " + ", ".join(parts),
        f"  run {summary.run_id}",
    ]
    if not summary.passages_in_store:
        lines.insert(1, "  the source store is empty: every checkable claim is not_found "
                        "(add sources with `sourcecheck sources add PATH`)")
    return lines

