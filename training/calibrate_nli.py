"""Fit the shipped model's calibration and verdict thresholds on WiCE dev fold 0 (the even rows).

    .venv/bin/python -m training.calibrate_nli [--wice ../shared/data/wice/dev.jsonl] [--model DIR]

Runs the real pipeline (evaluation/wice.py) with the raw P(entailment) as support, then fits
support = sigmoid(a * logit(p) + b) to "supported" vs not (Platt scaling), and picks on the same rows
the support threshold with the best balanced accuracy and the partial band's threshold with the best three-way
macro-F1. Writes `sourcecheck-calibration.json` into the model folder, which the `nli-slots` scorer reads.
The odd rows are never looked at here: they are the held-out fold every reported figure uses.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from pathlib import Path

import numpy as np

import flows  # noqa: F401  (quiet, offline settings)
from evaluation.metrics import best_threshold, per_label, platt
from evaluation.wice import read_wice, score_wice
from scoring.entailment import DEFAULT_NLI_MODEL
from scoring.nli_slots import CALIBRATION_FILE, NliSlotScorer
from scoring.verdicts import VerdictRule
from sources.embeddings import DEFAULT_MODEL


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wice", type=Path, default=Path(__file__).resolve().parents[2] / "shared/data/wice/dev.jsonl")
    parser.add_argument("--model", type=Path, default=DEFAULT_NLI_MODEL)
    parser.add_argument("--backend", default="onnx")
    args = parser.parse_args()
    raw = NliSlotScorer(model=str(args.model), backend=args.backend)
    items = read_wice(args.wice, "even")
    scored = score_wice(items, raw, DEFAULT_MODEL, VerdictRule(0.5, 0.5))
    support = np.array([s.support for s in scored])
    positive = np.array([s.item.label == "supported" for s in scored])
    a, b = platt(support, positive)
    calibrated = np.array([dataclasses.replace(raw, calibration_a=a, calibration_b=b).calibrated(s) for s in support])
    support_min = best_threshold(calibrated, positive)
    labels = [s.item.label for s in scored]
    bands = [t for t in np.unique(calibrated) if t < support_min]
    partial_min = max(bands, key=lambda t: per_label(
        ["supported" if s >= support_min else "partially_supported" if s >= t else "not_supported"
         for s in calibrated], labels)["macro_f1"], default=support_min)
    fitted = {"calibration_a": round(a, 4), "calibration_b": round(b, 4), "support_min": round(support_min, 4),
              "contradiction_min": 0.5, "partial_min": round(float(partial_min), 4),
              "fitted_on": f"{args.wice.name}, even rows ({len(items)} claims), {args.backend} backend",
              "contradiction_min_reason": "P(contradiction) of the model; no contradiction labels in WiCE"}
    (args.model / CALIBRATION_FILE).write_text(json.dumps(fitted, indent=1) + "\n")
    print(json.dumps(fitted, indent=1))


if __name__ == "__main__":
    main()
