"""`sourcecheck bench wice FILE`: the real pipeline on claims in WiCE's format, scored the way the field scores it.

Each row's evidence (the sentences of the page the claim cites) becomes one source document of its own outlet in
a temporary warehouse, read, split, embedded and stored by the same code as `sources add`; the claim cites that
outlet; retrieval (top k of the cited source) and the configured scorer and verdict rule run as for an article.
Measures: ROC-AUC and balanced accuracy of supported vs not (partially + not supported), F1 of the supported
class, three-way macro-F1 (supported / partially / not, with the partial band below the support threshold),
and retrieval recall@k of a gold supporting set (any alternative set wholly inside the top k).
Rows can be restricted to one fold (`even` rows calibrated the shipped model; `odd` rows are untouched).
"""

from __future__ import annotations

import json
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from sourcecheck.claims.outlets import load_registry
from sourcecheck.core.errors import InputError
from sourcecheck.core.ids import content_id
from sourcecheck.evaluation.machine import machine_description
from sourcecheck.evaluation.metrics import balanced_accuracy, best_threshold, f1, per_label, roc_auc
from sourcecheck.model.claims import Claim
from sourcecheck.scoring.scorer import Scorer, score_all
from sourcecheck.scoring.verdicts import VerdictRule
from sourcecheck.sources.documents import read_source_file
from sourcecheck.sources.embeddings import load_embedder
from sourcecheck.sources.passages import passages_of
from sourcecheck.sources.retrieval import candidates_for
from sourcecheck.warehouse import Warehouse

FOLDS = {"all": lambda i: True, "even": lambda i: i % 2 == 0, "odd": lambda i: i % 2 == 1}
WICE_LABELS = {"supported", "partially_supported", "not_supported"}


@dataclass(frozen=True)
class WiceClaim:
    row: int
    claim: str
    evidence: list[str]
    label: str
    gold_sets: list[list[int]]


@dataclass(frozen=True)
class ScoredClaim:
    item: WiceClaim
    support: float
    contradiction: float
    retrieved: set[int]         # evidence indices of the top-k passages


def read_wice(path: Path, fold: str = "all") -> list[WiceClaim]:
    """The rows of a WiCE-format JSONL file; a malformed row is an error naming the line."""
    rows = []
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            item = WiceClaim(number - 1, record["claim"], list(record["evidence"]), record["label"],
                             [list(s) for s in record.get("supporting_sentences") or []])
        except (json.JSONDecodeError, KeyError, TypeError) as error:
            raise InputError(path, f"line {number}: not a WiCE row ({type(error).__name__}: {error})") from None
        if item.label not in WICE_LABELS or not isinstance(item.claim, str) or not item.evidence:
            raise InputError(path, f"line {number}: needs a claim, evidence sentences and a label in "
                                   f"{sorted(WICE_LABELS)}")
        if FOLDS[fold](item.row):
            rows.append(item)
    if not rows:
        raise InputError(path, f"no rows in fold {fold!r}")
    return rows


def score_wice(items: list[WiceClaim], scorer: Scorer, embedding_model: str, rule: VerdictRule, k: int = 5,
               workdir: Path | None = None) -> list[ScoredClaim]:
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        source_file = Path(tmp) / "wice-pages.jsonl"
        offsets = _write_pages(items, source_file)
        registry = load_registry()
        documents = read_source_file(source_file, registry)
        passages = {d.document_id: passages_of(d) for d in documents}
        embedder = load_embedder(embedding_model)
        all_passages = [p for ps in passages.values() for p in ps]
        texts = {p.text_hash: p.text for p in all_passages}
        vectors = dict(zip(texts, embedder.encode(list(texts.values()), "embedding passages"), strict=True))
        with Warehouse.open(Path(tmp) / "wice.duckdb") as wh, wh.transaction():
            wh.sync_outlets(registry, {d.outlet for d in documents})
            wh.store_sources(documents, all_passages)
            wh.store_vectors(embedding_model, embedder.dimension, vectors)
        with Warehouse.open(Path(tmp) / "wice.duckdb", read_only=True) as wh:
            index = wh.passage_index(embedding_model, embedder.dimension)
    claims = [_claim(item, document.outlet) for item, document in zip(items, documents, strict=True)]
    candidates = candidates_for(claims, embedder, index, k_cited=k, k_store=0)
    scores = score_all(scorer, claims, candidates)
    verdicts = {v.claim_id: v for v in rule.decide_all(claims, candidates, scores)}
    starts = {p.passage_id: p.start for p in all_passages}
    retrieved: dict[str, set[int]] = {}
    for candidate in candidates:
        claim_row = int(candidate.claim_id.split(":")[1])
        position = int(np.searchsorted(offsets[claim_row], starts[candidate.passage_id], side="right")) - 1
        retrieved.setdefault(candidate.claim_id, set()).add(position)
    return [ScoredClaim(item, verdicts[claim.claim_id].support_score or 0.0,
                        verdicts[claim.claim_id].contradiction_score or 0.0, retrieved.get(claim.claim_id, set()))
            for item, claim in zip(items, claims, strict=True)]


def wice_measures(scored: list[ScoredClaim], support_min: float, partial_min: float | None) -> dict:
    """`partial_min`: the lower edge of the partially-supported band; half the support threshold for a scorer
    that has not fitted one."""
    partial_min = support_min / 2 if partial_min is None else partial_min
    support = np.array([s.support for s in scored])
    positive = np.array([s.item.label == "supported" for s in scored])
    predicted = support >= support_min
    with_gold = [s for s in scored if s.item.gold_sets]
    recall = np.mean([any(set(g) <= s.retrieved for g in s.item.gold_sets) for s in with_gold]) if with_gold else None
    measures: dict[str, object] = {
        "claims": len(scored), "supported": int(positive.sum()),
        "roc_auc": round(roc_auc(support, positive), 4),
        "balanced_accuracy": round(balanced_accuracy(predicted, positive), 4),
        "f1_supported": round(f1(predicted, positive), 4),
        "support_threshold": support_min,
        "balanced_accuracy_at_best_threshold_on_these_rows": round(
            balanced_accuracy(support >= best_threshold(support, positive), positive), 4),
        "recall_at_k_gold_set": None if recall is None else round(float(recall), 4),
        "claims_with_gold_sets": len(with_gold),
    }
    three_way = ["supported" if s >= support_min else "partially_supported" if s >= partial_min
                 else "not_supported" for s in support]
    measures["three_way"] = per_label(three_way, [s.item.label for s in scored]) | {"partial_threshold": partial_min}
    return measures


def run_wice_bench(path: Path, scorer: Scorer, embedding_model: str, rule: VerdictRule, fold: str, k: int,
                   partial_min: float | None) -> dict:
    started = time.perf_counter()
    items = read_wice(path, fold)
    scored = score_wice(items, scorer, embedding_model, rule, k)
    return {"file": str(path), "fold": fold, "scorer": scorer.name, "scorer_version": scorer.version,
            "embedding_model": embedding_model, "k": k} | wice_measures(scored, rule.support_min, partial_min) | {
            "seconds": round(time.perf_counter() - started, 1), "machine": machine_description()}


def _write_pages(items: list[WiceClaim], target: Path) -> dict[int, np.ndarray]:
    """One JSONL record per row (sentences joined by newlines); the start offset of every evidence sentence."""
    offsets = {}
    with open(target, "w", encoding="utf-8") as handle:
        for item in items:
            starts, position = [], 0
            for sentence in item.evidence:
                starts.append(position)
                position += len(sentence) + 1
            offsets[item.row] = np.array(starts)
            handle.write(json.dumps({"id": f"wice-{item.row}", "outlet": f"WiCE page {item.row}",
                                     "published": "2000-01-01", "text": "\n".join(item.evidence)}) + "\n")
    return offsets


def _claim(item: WiceClaim, outlet: str) -> Claim:
    return Claim(claim_id=f"wice:{item.row}:{content_id(item.claim)}", article_id="wice",
                 sentence_id=f"wice:{item.row}", sentence_index=item.row, claim_index=0, text=item.claim,
                 span=(0, len(item.claim)),
                 citation_id=f"wice:{item.row}", assigned_by="parenthetical", cited_outlets=(outlet,),
                 date_start=None, date_end=None, checkworthy=True)
