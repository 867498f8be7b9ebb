"""Fit the shipped model's calibration and verdict thresholds on WiCE dev fold 0 (the even rows).

    .venv/bin/python -m training.calibrate_nli [--wice ../shared/data/wice/dev.jsonl] [--model DIR]

Runs the real pipeline (evaluation/wice.py) once per pair of fusion weights (w, v) with support =
sigmoid(logit(p) + w * s - v * n) (p: P(entailment) of the best premise, s: the similarity reading's support,
n: the claim's names and numbers the passage's document never writes), keeps the pair whose claim scores rank
the even rows best (ROC-AUC), then fits support = sigmoid(a * z + b) to "supported" vs not (Platt scaling) and
picks on the same rows
the support threshold with the best balanced accuracy and the partial band's threshold with the best three-way
macro-F1. Writes `sourcecheck-calibration.json` into the model folder, which the `nli-slots` scorer reads.
The odd rows are never looked at here: they are the held-out fold every reported figure uses.
"""

from __future__ import annotations

import argparse
import itertools
import json
from pathlib import Path

import numpy as np

from sourcecheck.flows import set_quiet_offline_defaults

set_quiet_offline_defaults()   # before Prefect is imported
from sourcecheck.evaluation.metrics import best_threshold, per_label, platt, roc_auc  # noqa: E402
from sourcecheck.evaluation.wice import read_wice, score_wice  # noqa: E402
from sourcecheck.scoring.entailment import DEFAULT_NLI_MODEL, load_entailment_model  # noqa: E402
from sourcecheck.scoring.nli_slots import CALIBRATION_FILE, NliSlotScorer  # noqa: E402
from sourcecheck.scoring.verdicts import VerdictRule  # noqa: E402
from sourcecheck.sources.embeddings import DEFAULT_MODEL  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wice", type=Path, default=Path(__file__).resolve().parents[2] / "shared/data/wice/dev.jsonl")
    parser.add_argument("--model", type=Path, default=DEFAULT_NLI_MODEL)
    parser.add_argument("--backend", default="onnx")
    parser.add_argument("--weights", default="6,8", help="similarity weights w to try")
    parser.add_argument("--unconfirmed", default="0,1.5,2,3",
                        help="weights v per unconfirmed name or number to try (each (w, v) a pipeline run)")
    args = parser.parse_args()
    items = read_wice(args.wice, "even")
    positive = np.array([item.label == "supported" for item in items])
    _remember_pairs(load_entailment_model(str(args.model), args.backend))
    runs = {}
    for weight, unconfirmed in itertools.product(_floats(args.weights), _floats(args.unconfirmed)):
        raw = NliSlotScorer(model=str(args.model), backend=args.backend, calibration_s=weight,
                            calibration_v=unconfirmed)
        support = np.array([s.support for s in score_wice(items, raw, DEFAULT_MODEL, VerdictRule(0.5, 0.5))])
        runs[weight, unconfirmed] = support
        print(f"w {weight}, v {unconfirmed}: ROC-AUC {roc_auc(support, positive):.4f} on the even rows", flush=True)
    (weight, unconfirmed) = best = max(runs, key=lambda pair: roc_auc(runs[pair], positive))
    a, b = platt(runs[best], positive)
    fused = NliSlotScorer(model=str(args.model), backend=args.backend)
    clipped = np.clip(runs[best], 1e-6, 1 - 1e-6)
    calibrated = 1 / (1 + np.exp(-(a * np.log(clipped / (1 - clipped)) + b)))  # what the fitted scorer gives
    support_min = best_threshold(calibrated, positive)
    labels = [item.label for item in items]
    bands = [t for t in np.unique(calibrated) if t < support_min]
    partial_min = max(bands, key=lambda t: per_label(
        ["supported" if s >= support_min else "partially_supported" if s >= t else "not_supported"
         for s in calibrated], labels)["macro_f1"], default=support_min)
    fitted = {"calibration_a": round(a, 4), "calibration_s": round(a * weight, 4),
              "calibration_v": round(a * unconfirmed, 4), "calibration_b": round(b, 4),
              "support_min": round(support_min, 4),
              "contradiction_min": 0.5, "partial_min": round(float(partial_min), 4),
              "fitted_on": f"{args.wice.name}, even rows ({len(items)} claims), {args.backend} backend; premises: "
                           f"sentence, window, the top {fused.set_size} cited passages together, best first; "
                           f"fusion weights (w, v) = {best} chosen on the even rows by ROC-AUC: "
                           + ", ".join(f"{pair}: {roc_auc(runs[pair], positive):.4f}" for pair in sorted(runs)),
              "contradiction_min_reason": "P(contradiction) of the model, counted only when a slot or the negation "
                                          "differs; no contradiction labels in WiCE"}
    (args.model / CALIBRATION_FILE).write_text(json.dumps(fitted, indent=1) + "\n")
    print(json.dumps(fitted, indent=1))


def _floats(text: str) -> list[float]:
    return [float(x) for x in text.split(",")]


def _remember_pairs(model) -> None:
    """Each weight reads the same pairs: the model answers each pair once, the other runs reuse its answer
    (a sweep of 4 weights took 20 min, one model pass and three cheap ones now)."""
    answers: dict[tuple[str, str], np.ndarray] = {}
    read = model.probabilities

    def probabilities(pairs: list[tuple[str, str]]) -> np.ndarray:
        new = [pair for pair in dict.fromkeys(pairs) if pair not in answers]
        answers.update(zip(new, read(new), strict=True))
        return np.array([answers[pair] for pair in pairs], dtype=np.float32).reshape(len(pairs), 3)

    model.probabilities = probabilities


if __name__ == "__main__":
    main()
