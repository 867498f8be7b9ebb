"""Train the cross-lingual entailment head (scoring/xnli_head.py) and fit its fusion with the similarity reading.

    .venv/bin/python -m training.train_xnli_head --shared ../shared --out scoring/models/xnli-usem3-head

Data: the three-way public pairs of `../shared/data/nli/train.jsonl` (SNLI dev, counterfactual SNLI, the MultiNLI
subsets released with TaxiNLI; FEVER-RTE left out: two-way) and the cross-lingual pairs of training/xnli_pairs.py
(English claims against Russian and Chinese report sentences written for sourcecheck), split by template.
Every text is embedded once by usem3 (cached in build/xnli/). The head: [u, v, |u - v|, u * v] -> 256 ReLU -> 3,
AdamW, the cross-lingual pairs weighted up, the epoch kept by accuracy on the dev templates. The fusion weights
support = sigmoid(a * logit(P(entailment)) + s * similarity reading + b) are a logistic regression of
"entailment" on the dev templates' Russian and Chinese pairs, read through scoring/pair_reading.py's cross-lingual
similarity reading (slot checks included). The held-out templates and MultiNLI mismatched are measured once, at
the end, and written to training.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
import torch

from sourcecheck.model.sources import Candidate
from sourcecheck.scoring.pair_reading import CROSSLINGUAL
from sourcecheck.scoring.xnli_head import LABELS, features, forward
from sourcecheck.slots import slots_of
from sourcecheck.slots.compare import SlotComparison
from sourcecheck.sources.embeddings import USEM3, load_embedder
from sourcecheck.sources.spaces import to_english_scale
from training.xnli_pairs import split_pairs

PUBLIC = ("snli", "cad_snli", "mnli_taxinli")   # three-way, licences that allow a derived model (model card)
WRITTEN_ON = dt.date(2012, 6, 18)


def public_pairs(shared: Path) -> list[dict]:
    rows = [json.loads(line) for line in (shared / "data" / "nli" / "train.jsonl").open(encoding="utf-8")]
    return [r | {"language": "en", "recipe": r["dataset"]} for r in rows if r["dataset"] in PUBLIC]


def mnli_mismatched(shared: Path, limit: int = 1500) -> list[dict]:
    rows = [json.loads(line) for line in (shared / "data" / "nli" / "eval.jsonl").open(encoding="utf-8")]
    return [r | {"language": "en", "recipe": "mnli mismatched"}
            for r in rows if r["dataset"] == "mnli_taxinli" and r["split"] == "dev_mismatched"][:limit]


def embed(rows_by_split: dict[str, list[dict]], cache: Path) -> dict[str, np.ndarray]:
    """usem3 vectors of every premise and hypothesis, cached by text across runs."""
    known: dict[str, np.ndarray] = {}
    if cache.is_file():
        with np.load(cache, allow_pickle=False) as data:
            known = dict(zip(data["texts"].tolist(), data["vectors"], strict=True))
    texts = list(dict.fromkeys(t for rows in rows_by_split.values() for r in rows
                               for t in (r["premise"], r["hypothesis"]) if t not in known))
    if texts:
        known.update(zip(texts, load_embedder(USEM3).encode(texts, "embedding NLI pairs (usem3)"), strict=True))
        cache.parent.mkdir(parents=True, exist_ok=True)
        np.savez(cache, texts=np.array(list(known)), vectors=np.stack(list(known.values())).astype(np.float32))
    return known


def design(rows: list[dict], vectors: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    u = np.stack([vectors[r["premise"]] for r in rows])
    v = np.stack([vectors[r["hypothesis"]] for r in rows])
    return features(u, v).astype(np.float32), np.array([LABELS.index(r["label"]) for r in rows])


def train(x: np.ndarray, y: np.ndarray, weight: np.ndarray, dev: tuple[np.ndarray, np.ndarray], epochs: int,
          hidden: int, seed: int, smoothing: float) -> tuple[dict[str, np.ndarray], list[dict]]:
    """The head, kept at its best epoch on dev. Label smoothing keeps its probabilities off 0 and 1: on wordings
    unlike the templates it is often wrong, and a saturated logit would outweigh the similarity in the fusion."""
    torch.manual_seed(seed)
    model = torch.nn.Sequential(torch.nn.Linear(x.shape[1], hidden), torch.nn.ReLU(), torch.nn.Dropout(0.1),
                                torch.nn.Linear(hidden, 3))
    optimiser = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-2)
    xt, yt, wt = torch.from_numpy(x), torch.from_numpy(y), torch.from_numpy(weight.astype(np.float32))
    best, log, generator = (-1.0, None), [], torch.Generator().manual_seed(seed)
    for epoch in range(epochs):
        model.train()
        for batch in torch.randperm(len(xt), generator=generator).split(128):
            loss = (torch.nn.functional.cross_entropy(model(xt[batch]), yt[batch], reduction="none",
                                                      label_smoothing=smoothing) * wt[batch]).sum() / wt[batch].sum()
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
        weights = _numpy(model)
        accuracy = float((forward(weights, dev[0]).argmax(1) == dev[1]).mean())
        log.append({"epoch": epoch + 1, "dev_accuracy": round(accuracy, 4)})
        if accuracy > best[0]:
            best = (accuracy, weights)
    assert best[1] is not None
    return best[1], log


def _numpy(model: torch.nn.Sequential) -> dict[str, np.ndarray]:
    first, last = model[0], model[3]
    return {"w1": first.weight.detach().numpy().T.copy(), "b1": first.bias.detach().numpy().copy(),
            "w2": last.weight.detach().numpy().T.copy(), "b2": last.bias.detach().numpy().copy()}


def measures(rows: list[dict], probabilities: np.ndarray) -> dict:
    """Accuracy overall, per premise language and per recipe; entailment precision and recall."""
    predicted = probabilities.argmax(1)
    gold = np.array([LABELS.index(r["label"]) for r in rows])
    groups: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        groups[f"language {r['language']}"].append(i)
        groups[f"recipe {r['recipe']}"].append(i)
    entailed = predicted == 0
    return {"pairs": len(rows), "accuracy": round(float((predicted == gold).mean()), 4),
            "entailment_precision": round(float((gold[entailed] == 0).mean()), 4) if entailed.any() else None,
            "entailment_recall": round(float(entailed[gold == 0].mean()), 4),
            "by": {k: {"pairs": len(ix), "accuracy": round(float((predicted[ix] == gold[ix]).mean()), 4)}
                   for k, ix in sorted(groups.items())}}


def similarity_readings(rows: list[dict], vectors: dict[str, np.ndarray]) -> list[tuple[float, float, SlotComparison]]:
    """(the cross-lingual similarity reading's support, the similarity, the slot comparison) of each pair, as the
    scorer computes them."""
    out = []
    for r in rows:
        cosine = float(vectors[r["premise"]] @ vectors[r["hypothesis"]])
        similarity = float(to_english_scale(USEM3, np.array([cosine]))[0])
        candidate = Candidate("c", "p", "store", 1, similarity, "x", WRITTEN_ON, r["premise"], r["premise"],
                              r["language"], r["premise"])
        support, _, slots = CROSSLINGUAL.read(slots_of(r["hypothesis"], WRITTEN_ON), candidate)
        out.append((support, similarity, slots))
    return out


def fit_fusion(entailment: np.ndarray, similarity: np.ndarray, y: np.ndarray, l2: float = 1e-3) -> dict[str, float]:
    """Logistic regression (Newton's method) of y on [logit(P(entailment)), similarity reading, 1]."""
    p = entailment.clip(1e-6, 1 - 1e-6)
    x = np.stack([np.log(p / (1 - p)), similarity, np.ones_like(p)], axis=1)
    w = np.zeros(3)
    for _ in range(50):
        q = 1 / (1 + np.exp(-x @ w))
        gradient = x.T @ (q - y) + l2 * w
        hessian = (x * (q * (1 - q))[:, None]).T @ x + l2 * np.eye(3)
        w -= np.linalg.solve(hessian, gradient)
    return {"a": round(float(w[0]), 4), "s": round(float(w[1]), 4), "b": round(float(w[2]), 4)}


def fusion_measures(rows: list[dict], entailment: np.ndarray, readings: list[tuple[float, float, SlotComparison]],
                    fusion: dict[str, float], threshold: float = 0.5) -> dict:
    """How the similarity reading alone, the fused support and the fused support the slots have capped (what
    the scorer reads) separate entailed pairs, at 0.5."""
    y = np.array([r["label"] == "entailment" for r in rows])
    p = entailment.clip(1e-6, 1 - 1e-6)
    similarity = np.array([support for support, _, _ in readings])
    fused = 1 / (1 + np.exp(-(fusion["a"] * np.log(p / (1 - p)) + fusion["s"] * similarity + fusion["b"])))
    held = np.array([CROSSLINGUAL.held(float(f), sim, slots)[0] for f, (_, sim, slots) in zip(fused, readings,
                                                                                               strict=True)])

    def read(score: np.ndarray) -> dict:
        said = score >= threshold
        return {"accuracy": round(float((said == y).mean()), 4),
                "false_support": round(float(said[~y].mean()), 4), "recall": round(float(said[y].mean()), 4)}
    return {"pairs": len(rows), "similarity_reading": read(similarity), "fused": read(fused),
            "fused_slots_capped": read(held)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--out", type=Path, default=Path("scoring/models/xnli-usem3-head"))
    parser.add_argument("--cache", type=Path, default=Path("build/xnli/vectors.npz"))
    parser.add_argument("--epochs", type=int, default=12)
    parser.add_argument("--hidden", type=int, default=256)
    parser.add_argument("--crosslingual-weight", type=float, default=3.0)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--smoothing", type=float, default=0.2)
    args = parser.parse_args()
    started = time.perf_counter()
    torch.set_num_threads(2)
    written = split_pairs()
    public = public_pairs(args.shared)
    mismatched = mnli_mismatched(args.shared)
    vectors = embed(written | {"public": public, "mnli": mismatched}, args.cache)
    train_rows = public + written["train"]
    x, y = design(train_rows, vectors)
    weight = np.concatenate([np.ones(len(public)), np.full(len(written["train"]), args.crosslingual_weight)])
    dev = design(written["dev"], vectors)
    head, log = train(x, y, weight, dev, args.epochs, args.hidden, args.seed, args.smoothing)
    foreign_dev = [r for r in written["dev"] if r["language"] != "en"]
    foreign_test = [r for r in written["test"] if r["language"] != "en"]
    entailment = {name: forward(head, design(rows, vectors)[0])[:, 0]
                  for name, rows in (("dev", foreign_dev), ("test", foreign_test))}
    similarity = {name: similarity_readings(rows, vectors) for name, rows in (("dev", foreign_dev),
                                                                                ("test", foreign_test))}
    fusion = fit_fusion(entailment["dev"], np.array([support for support, _, _ in similarity["dev"]]),
                        np.array([r["label"] == "entailment" for r in foreign_dev], dtype=float))
    args.out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out / "head.npz", **{k: v.astype(np.float16) for k, v in head.items()})
    shipped = {k: v.astype(np.float16).astype(np.float32) for k, v in head.items()}   # measure what ships
    (args.out / "config.json").write_text(json.dumps({
        "embedding_model": USEM3, "features": "[u, v, |u - v|, u * v]", "labels": list(LABELS),
        "hidden": args.hidden, "fusion": fusion}, indent=2) + "\n", encoding="utf-8")
    report = {
        "data": {"public": len(public), "crosslingual_train": len(written["train"]),
                 "crosslingual_dev": len(written["dev"]), "crosslingual_test": len(written["test"])},
        "args": {k: str(v) for k, v in vars(args).items()}, "epochs": log, "fusion": fusion,
        "test_templates": measures(written["test"], forward(shipped, design(written["test"], vectors)[0])),
        "dev_templates": measures(written["dev"], forward(shipped, dev[0])),
        "mnli_mismatched": measures(mismatched, forward(shipped, design(mismatched, vectors)[0])),
        "fusion_dev_ru_zh": fusion_measures(foreign_dev, entailment["dev"], similarity["dev"], fusion),
        "fusion_test_ru_zh": fusion_measures(foreign_test, entailment["test"], similarity["test"], fusion),
        "minutes": round((time.perf_counter() - started) / 60, 1),
    }
    (args.out / "training.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({k: report[k] for k in ("fusion", "fusion_dev_ru_zh", "fusion_test_ru_zh")}, indent=1))
    print(json.dumps({k: {kk: report[k][kk] for kk in ("accuracy", "entailment_precision", "entailment_recall")}
                      for k in ("test_templates", "dev_templates", "mnli_mismatched")}, indent=1))


if __name__ == "__main__":
    main()
