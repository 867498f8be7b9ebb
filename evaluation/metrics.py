"""The field's measures, in numpy: ROC-AUC, balanced accuracy, F1, macro-F1, reliability, Platt scaling."""

from __future__ import annotations

import numpy as np


def roc_auc(scores: np.ndarray, positive: np.ndarray) -> float:
    """Probability that a random positive outscores a random negative (ties count half)."""
    order = np.argsort(scores, kind="mergesort")
    ranks = np.empty(len(scores))
    ranks[order] = np.arange(1, len(scores) + 1)
    for value in np.unique(scores):
        tied = scores == value
        ranks[tied] = ranks[tied].mean()
    n_pos = int(positive.sum())
    n_neg = len(positive) - n_pos
    if not n_pos or not n_neg:
        return float("nan")
    return float((ranks[positive].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def balanced_accuracy(predicted: np.ndarray, positive: np.ndarray) -> float:
    return float((predicted[positive].mean() + (~predicted[~positive]).mean()) / 2)


def best_threshold(scores: np.ndarray, positive: np.ndarray) -> float:
    """The threshold with the highest balanced accuracy (midpoint between neighbouring scores)."""
    values = np.unique(scores)
    cuts = np.concatenate([[values[0] - 1e-6], (values[:-1] + values[1:]) / 2, [values[-1] + 1e-6]])
    accuracies = [balanced_accuracy(scores >= cut, positive) for cut in cuts]
    return float(cuts[int(np.argmax(accuracies))])


def f1(predicted: np.ndarray, actual: np.ndarray) -> float:
    tp = float((predicted & actual).sum())
    return 0.0 if tp == 0 else 2 * tp / (float(predicted.sum()) + float(actual.sum()))


def per_label(predicted: list[str], actual: list[str]) -> dict:
    """Accuracy, macro-F1 over the labels that occur, and recall per label."""
    p, a = np.array(predicted), np.array(actual)
    labels = sorted(set(actual))
    return {"rows": len(actual), "accuracy": round(float((p == a).mean()), 4),
            "macro_f1": round(float(np.mean([f1(p == label, a == label) for label in labels])), 4),
            "recall": {label: round(float((p[a == label] == label).mean()), 4) for label in labels}}


def reliability(confidence: np.ndarray, correct: np.ndarray, bins: int = 5) -> list[dict]:
    """How often predictions made with a given confidence are right; calibrated means the two columns agree."""
    edges = np.linspace(0, 1, bins + 1)
    table = []
    for lo, hi in zip(edges[:-1], edges[1:], strict=True):
        inside = (confidence >= lo) & ((confidence < hi) | (hi == 1))
        if inside.any():
            table.append({"confidence": f"{lo:.1f}-{hi:.1f}", "rows": int(inside.sum()),
                          "mean_confidence": round(float(confidence[inside].mean()), 3),
                          "accuracy": round(float(correct[inside].mean()), 3)})
    return table


def platt(scores: np.ndarray, positive: np.ndarray, ridge: float = 1.0, iterations: int = 100) -> tuple[float, float]:
    """(a, b) of P(positive) = sigmoid(a * logit(score) + b): Newton's method with a backtracking line search on
    the log-loss plus a small ridge penalty (full Newton steps overshoot into saturation on scores near 0 or 1)."""
    clipped = np.clip(scores, 1e-6, 1 - 1e-6)
    x = np.log(clipped / (1 - clipped))
    y = positive.astype(float)

    def loss(theta: np.ndarray) -> float:
        z = theta[0] * x + theta[1]
        return float(np.sum(np.logaddexp(0, z) - y * z) + ridge / 2 * theta @ theta)

    theta = np.array([1.0, 0.0])
    for _ in range(iterations):
        p = 1 / (1 + np.exp(-np.clip(theta[0] * x + theta[1], -50, 50)))
        w = p * (1 - p)
        gradient = np.array([((p - y) * x).sum(), (p - y).sum()]) + ridge * theta
        hessian = np.array([[(w * x * x).sum(), (w * x).sum()], [(w * x).sum(), w.sum()]]) + ridge * np.eye(2)
        step = np.linalg.solve(hessian, gradient)
        size, current = 1.0, loss(theta)
        while loss(theta - size * step) > current and size > 1e-6:
            size /= 2
        theta = theta - size * step
        if np.abs(size * step).max() < 1e-9:
            break
    return float(theta[0]), float(theta[1])
