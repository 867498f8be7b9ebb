"""Accuracy of retrieval and of a scorer on WiCE dev (real Wikipedia claims against the pages they cite).

Each claim's cited page is the store: WiCE's own sentences as passages, with one neighbour of context as ingest
gives them; the claim is retrieved against it (top k, the code the flow runs) and scored with the configured
scorer. Reports:
- retrieval recall@k: share of claims with gold supporting sentences whose gold set (any alternative) lies
  wholly in the top k;
- ROC-AUC of the best support score, supported vs not (partially + not supported: the field's binary protocol),
  and balanced accuracy at the verdict threshold and at the best threshold on this split (tuned on dev:
  an optimistic number, said so in the output).

    .venv/bin/python benchmarks/wice_scorer.py [--wice ../shared/data/wice/dev.jsonl] [--scorer similarity-slots]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import flows  # noqa: E402,F401  (quiet, offline settings)
from claims.records import Claim  # noqa: E402
from scoring.scorer import load_scorer, score_all  # noqa: E402
from scoring.verdicts import VerdictRule  # noqa: E402
from sources.embeddings import DEFAULT_MODEL, load_embedder  # noqa: E402
from sources.retrieval import PassageIndex, candidates_for  # noqa: E402


def page_index(sentences: list[str], vectors: np.ndarray) -> PassageIndex:
    n = len(sentences)
    contexts = [" ".join(sentences[max(0, i - 1): i + 2]) for i in range(n)]
    return PassageIndex(
        passage_ids=np.array([str(i) for i in range(n)], dtype=object), outlets=np.array(["page"] * n, dtype=object),
        published=np.array(["2000-01-01"] * n, dtype="datetime64[D]"), texts=np.array(sentences, dtype=object),
        contexts=np.array(contexts, dtype=object), vectors=vectors)


def roc_auc(scores: np.ndarray, labels: np.ndarray) -> float:
    order = np.argsort(scores, kind="mergesort")
    ranks = np.empty(len(scores))
    ranks[order] = np.arange(1, len(scores) + 1)
    for value in np.unique(scores):  # average ranks of ties
        tied = scores == value
        ranks[tied] = ranks[tied].mean()
    pos = labels.sum()
    return float((ranks[labels].sum() - pos * (pos + 1) / 2) / (pos * (len(labels) - pos)))


def balanced_accuracy(scores: np.ndarray, labels: np.ndarray, threshold: float) -> float:
    predicted = scores >= threshold
    return float((predicted[labels].mean() + (~predicted[~labels]).mean()) / 2)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--wice", type=Path, default=ROOT.parent / "shared/data/wice/dev.jsonl")
    parser.add_argument("--scorer", default="similarity-slots")
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--k", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks/results/wice_scorer.json")
    args = parser.parse_args()
    if not args.wice.exists():
        print(f"{args.wice}: WiCE dev split not found (it lives in ../shared/data/wice/)", file=sys.stderr)
        return 1
    rows = [json.loads(line) for line in args.wice.open()]
    embedder, scorer = load_embedder(args.model), load_scorer(args.scorer)
    started = time.perf_counter()
    best_support, labels, hits, with_gold = [], [], 0, 0
    for row in rows:
        sentences = [s for s in row["evidence"] if s.strip()] or ["(empty page)"]
        index = page_index(sentences, embedder.encode(sentences))
        claim = Claim(claim_id=row["meta"]["id"], article_id="wice", sentence_id="s", sentence_index=0,
                      claim_index=0, text=row["claim"], span=(0, len(row["claim"])), citation_id=None,
                      assigned_by="parenthetical", cited_outlets=("page",), date_start=None, date_end=None,
                      checkworthy=True)
        candidates = candidates_for([claim], embedder, index, k_cited=args.k, k_store=0)
        scores = score_all(scorer, [claim], candidates)
        best_support.append(max(s.support for s in scores))
        labels.append(row["label"] == "supported")
        gold = [set(g) for g in row["supporting_sentences"] if g]
        if gold:
            with_gold += 1
            kept = {i for i, s in enumerate(row["evidence"]) if s.strip()}
            top = {int(c.passage_id) for c in candidates}
            # passage ids index the non-empty sentences; map gold indices the same way
            remap = {old: new for new, old in enumerate(sorted(kept))}
            hits += any(all(remap.get(i, -1) in top for i in g) for g in gold)
    elapsed = time.perf_counter() - started
    scores, truth = np.array(best_support), np.array(labels)
    thresholds = np.unique(scores)
    tuned = max(thresholds, key=lambda t: balanced_accuracy(scores, truth, t))
    result = {
        "benchmark": "wice_dev_claims", "scorer": args.scorer, "embedding_model": args.model, "k": args.k,
        "claims": len(rows), "supported": int(truth.sum()),
        "retrieval_recall_at_k": round(hits / with_gold, 4), "claims_with_gold_sets": with_gold,
        "roc_auc_supported_vs_not": round(roc_auc(scores, truth), 4),
        "balanced_accuracy_at_verdict_threshold": round(balanced_accuracy(scores, truth, VerdictRule.support_min), 4),
        "verdict_threshold": VerdictRule.support_min,
        "balanced_accuracy_at_threshold_tuned_on_dev": round(balanced_accuracy(scores, truth, tuned), 4),
        "tuned_threshold": round(float(tuned), 4),
        "seconds": round(elapsed, 1), "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
