"""The summary's small charts as plain geometry (rectangles and labels); the template draws them as inline
SVG, escaping every label, so the report needs no chart library and no network."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

ROW = 18          # height of one bar row
LABEL_WIDTH = 130
BAR_WIDTH = 220


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float
    css: str                       # a status or a series: the stylesheet colours it
    title: str                     # the tooltip: what the bar counts


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    text: str
    anchor: str = "start"


@dataclass(frozen=True)
class Chart:
    title: str
    width: int
    height: int
    rects: tuple[Rect, ...]
    labels: tuple[Label, ...]


def verdicts_by_outlet(by_outlet: list[tuple[str, Counter]], statuses: tuple[str, ...]) -> Chart:
    """One stacked bar per cited outlet, a segment per verdict, scaled to the outlet with most claims."""
    most = max((sum(c.values()) for _, c in by_outlet), default=1) or 1
    rects, labels = [], []
    for i, (outlet, counts) in enumerate(by_outlet):
        y, x = i * ROW, float(LABEL_WIDTH)
        labels.append(Label(LABEL_WIDTH - 6, y + ROW - 5, outlet, "end"))
        for status in statuses:
            if counts[status]:
                width = BAR_WIDTH * counts[status] / most
                rects.append(Rect(x, y + 2, width, ROW - 4, status, f"{outlet}: {counts[status]} {_words(status)}"))
                x += width
        labels.append(Label(x + 4, y + ROW - 5, str(sum(counts.values()))))
    return Chart("Verdicts by cited outlet", LABEL_WIDTH + BAR_WIDTH + 30, max(1, len(by_outlet)) * ROW,
                 tuple(rects), tuple(labels))


def score_histogram(name: str, scores: list[float], bins: int = 10) -> Chart:
    """How many claims' verdicts have a score in each tenth of [0, 1]."""
    counts = Counter(min(int(s * bins), bins - 1) for s in scores)
    most, width, height, bar = max(counts.values(), default=1), 220, 90, 20
    rects, labels = [], []
    for b in range(bins):
        if counts[b]:
            h = (height - 30) * counts[b] / most
            rects.append(Rect(b * bar + 1, height - 16 - h, bar - 2, h, name,
                              f"{counts[b]} claims with {name} {b / bins:.1f}-{(b + 1) / bins:.1f}"))
            labels.append(Label(b * bar + bar / 2, height - 19 - h, str(counts[b]), "middle"))
    labels += [Label(0, height - 3, "0"), Label(bins * bar / 2, height - 3, "0.5", "middle"),
               Label(bins * bar, height - 3, "1", "end")]
    return Chart(f"Distribution of {name} scores ({len(scores)} scored claims)", width, height,
                 tuple(rects), tuple(labels))


def status_changes(previous: Counter, current: Counter, statuses: tuple[str, ...]) -> Chart:
    """Per verdict, the previous run's count (grey) above this run's (coloured)."""
    most = max([*previous.values(), *current.values(), 1])
    rects, labels = [], []
    for i, status in enumerate(statuses):
        y = i * 2 * ROW
        labels.append(Label(LABEL_WIDTH - 6, y + ROW + 4, _words(status), "end"))
        for j, (run, counts, css) in enumerate((("previous run", previous, "previous"), ("this run", current, status))):
            width = BAR_WIDTH * counts[status] / most
            top = y + j * (ROW - 2) + 2
            rects.append(Rect(LABEL_WIDTH, top, width, ROW - 6, css, f"{run}: {counts[status]} {_words(status)}"))
            labels.append(Label(LABEL_WIDTH + width + 4, top + ROW - 8, str(counts[status])))
    return Chart("Verdicts in the previous run and in this run", LABEL_WIDTH + BAR_WIDTH + 30,
                 len(statuses) * 2 * ROW, tuple(rects), tuple(labels))


def _words(status: str) -> str:
    return status.replace("_", " ")
