"""`sourcecheck bench pairs FILE`: the configured NLI model on labelled (premise, hypothesis) rows.

Rows carry `premise`, `hypothesis`, `label` (entailment / neutral / contradiction, or entailment /
not_entailment) and optionally `dataset`; each dataset is measured on its own (accuracy, macro-F1, recall per
label). A two-way row counts as predicted entailment when entailment is the most probable of the three labels.
The reliability table (confidence of the predicted label against how often it is right, three-way rows) is what
the model card reports as calibration.
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

from sourcecheck.core.errors import InputError
from sourcecheck.evaluation.machine import machine_description
from sourcecheck.evaluation.metrics import per_label, reliability
from sourcecheck.scoring.entailment import BATCH, EntailmentModel

THREE_WAY = ["entailment", "neutral", "contradiction"]
LABELS = set(THREE_WAY) | {"not_entailment"}


def read_pairs(path: Path, datasets: set[str] | None = None, every: int = 1) -> list[dict]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            premise, hypothesis, label = row["premise"], row["hypothesis"], row["label"]
        except (json.JSONDecodeError, KeyError, TypeError) as error:
            raise InputError(path, f"line {number}: not a pair row ({type(error).__name__}: {error})") from None
        if label not in LABELS or not isinstance(premise, str) or not isinstance(hypothesis, str):
            raise InputError(path, f"line {number}: label {label!r} is not one of {sorted(LABELS)}")
        dataset = f"{row.get('dataset', 'rows')}/{row['split']}" if row.get("split") else row.get("dataset", "rows")
        if datasets is None or row.get("dataset") in datasets:
            rows.append({"premise": premise, "hypothesis": hypothesis, "label": label, "dataset": dataset})
    rows = rows[::every]
    if not rows:
        raise InputError(path, "no rows to score")
    return rows


def pair_measures(rows: list[dict], probabilities: np.ndarray) -> dict:
    by_dataset: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        by_dataset[row["dataset"]].append(i)
    results = {}
    for dataset, indices in sorted(by_dataset.items()):
        actual = [rows[i]["label"] for i in indices]
        two_way = "not_entailment" in actual
        predicted = [THREE_WAY[int(probabilities[i].argmax())] for i in indices]
        if two_way:
            predicted = ["entailment" if p == "entailment" else "not_entailment" for p in predicted]
        results[dataset] = per_label(predicted, actual)
    three = [i for i, row in enumerate(rows) if row["label"] != "not_entailment"]
    confidence = probabilities[three].max(axis=1)
    correct = np.array([THREE_WAY[int(probabilities[i].argmax())] == rows[i]["label"] for i in three])
    return {"datasets": results, "reliability": reliability(confidence, correct) if three else []}


def run_pairs_bench(path: Path, model: EntailmentModel, datasets: set[str] | None, every: int) -> dict:
    rows = read_pairs(path, datasets, every)
    started = time.perf_counter()
    probabilities = model.probabilities([(r["premise"], r["hypothesis"]) for r in rows])
    seconds = time.perf_counter() - started
    return {"file": str(path), "model": model.name, "backend": model.backend, "rows": len(rows), "every": every,
            "batch": BATCH, "pairs_per_second": round(len(rows) / seconds, 1),
            "machine": machine_description()} | pair_measures(rows, probabilities)
