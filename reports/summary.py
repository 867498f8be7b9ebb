"""The one-screen summary of a verification run, as Markdown (Prefect artifact) and as terminal text."""

from __future__ import annotations

STATUSES = ("supported", "contradicted", "misattributed", "not_found", "uncheckable")


def summary_lines(summary) -> list[str]:
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


def summary_markdown(summary) -> str:
    counts = summary.status_counts
    rows = "\n".join(f"| {s} | {counts.get(s, 0)} |" for s in STATUSES)
    title = (summary.title or summary.article_path).replace("|", "\\|")
    return (f"# sourcecheck: {title}\n\n{summary.claims} claims checked against {summary.passages_in_store} "
            f"passages (run `{summary.run_id}`).\n\n| status | claims |\n|---|---|\n{rows}\n")
