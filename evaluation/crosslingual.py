"""The cross-lingual evidence fixture through the real pipeline: English claims against a store of Russian,
Chinese and English passages (tests/fixtures/crosslingual/).

Each claim of claims.jsonl comes with the Russian or Chinese passage that states it; distractors.jsonl holds
passages in the three languages about other SCO, CSTO, military and diplomatic events. Every passage becomes a
source document (JSONL), read, split, embedded in its language's space and stored by the same code as
`sources add`, in a temporary warehouse; the claims are retrieved against the whole store and scored and
judged by the configured scorer and verdict rule. Claims marked `altered` are also checked in their altered
form (a number, a date or a place changed): those should come out contradicted, with the slot named.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sourcecheck.claims.outlets import load_registry
from sourcecheck.core.ids import content_id
from sourcecheck.model.claims import Claim
from sourcecheck.model.scores import Status
from sourcecheck.scoring.scorer import Scorer, score_all
from sourcecheck.scoring.verdicts import VerdictRule
from sourcecheck.sources.documents import read_source_file
from sourcecheck.sources.embeddings import load_embedder
from sourcecheck.sources.passages import passages_of
from sourcecheck.sources.retrieval import PassageIndex, candidates_for
from sourcecheck.sources.spaces import EmbeddingSpaces
from sourcecheck.warehouse import Warehouse

FIXTURE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "crosslingual"
PUBLISHED = dt.date(2012, 6, 18)
DEFAULT_SPACES = EmbeddingSpaces()   # the default model of each space


@dataclass(frozen=True)
class FixtureClaim:
    claim_id: str
    text: str
    passage_id: str            # the fixture id of the passage that states it
    slot: str | None = None    # for an altered claim: the slot that was changed


@dataclass(frozen=True)
class ClaimResult:
    claim: FixtureClaim
    retrieved: tuple[str, ...]     # fixture ids of the top passages, best first
    status: str
    explanation: str


def load_fixture(directory: Path = FIXTURE) -> tuple[list[FixtureClaim], list[FixtureClaim], list[dict]]:
    """(claims as stated, altered claims, passages as source records)."""
    rows = [json.loads(line) for line in (directory / "claims.jsonl").read_text("utf-8").splitlines() if line.strip()]
    distractors = [json.loads(line) for line in (directory / "distractors.jsonl").read_text("utf-8").splitlines()
                   if line.strip()]
    stated = [FixtureClaim(r["id"], r["claim"], f"p-{r['id']}") for r in rows]
    altered = [FixtureClaim(f"{r['id']}-altered", r["altered"]["claim"], f"p-{r['id']}", r["altered"]["slot"])
               for r in rows if r.get("altered")]
    passages = [{"id": f"p-{r['id']}", "language": r["language"], "text": r["passage"]} for r in rows]
    passages += [{"id": d["id"], "language": d["language"], "text": d["text"]} for d in distractors]
    return stated, altered, passages


def build_index(passages: list[dict], spaces: EmbeddingSpaces, workdir: Path) -> tuple[PassageIndex, dict[str, str]]:
    """The passages stored and loaded as `sources add` and `verify` do; returns the index and passage id ->
    fixture id. Outlets alternate (a different outlet per language) so nothing is a cited source."""
    outlets = {"en": "Interfax", "ru": "Krasnaya Zvezda", "zh": "Renmin Ribao"}
    source_file = workdir / "crosslingual.jsonl"
    source_file.write_text("".join(json.dumps({
        "id": p["id"], "outlet": outlets[p["language"]], "published": PUBLISHED.isoformat(),
        "language": p["language"], "text": p["text"]}, ensure_ascii=False) + "\n" for p in passages), "utf-8")
    registry = load_registry()
    documents = read_source_file(source_file, registry)
    by_document = {d.source_id: d for d in documents}
    all_passages = [p for d in documents for p in passages_of(d)]
    fixture_id = {p.passage_id: by_document[p.source_id].record_key for p in all_passages}
    db = workdir / "crosslingual.duckdb"
    space_rows = []
    with Warehouse.open(db) as wh, wh.transaction():
        wh.sync_outlets(registry, {d.outlet for d in documents})
        wh.store_sources(documents, all_passages)
        for model, english in spaces.spaces():
            embedder = load_embedder(model)
            texts = {p.text_hash: p.text for p in all_passages
                     if english is None or (by_document[p.source_id].language == "en") == english}
            vectors = embedder.encode(list(texts.values()), f"embedding passages ({model})")
            wh.store_vectors(model, embedder.dimension, dict(zip(texts, vectors, strict=True)))
            space_rows.append((model, embedder.dimension, english))
    with Warehouse.open(db, read_only=True) as wh:
        return wh.passage_index_of(space_rows), fixture_id


def run_fixture(scorer: Scorer, rule: VerdictRule, spaces: EmbeddingSpaces = DEFAULT_SPACES, k: int = 3,
                directory: Path = FIXTURE) -> dict[str, list[ClaimResult]]:
    stated, altered, passages = load_fixture(directory)
    with tempfile.TemporaryDirectory() as tmp:
        index, fixture_id = build_index(passages, spaces, Path(tmp))
    results = {}
    for name, items in (("stated", stated), ("altered", altered)):
        claims = [_claim(item) for item in items]
        candidates = candidates_for(claims, load_embedder(spaces.english_model), index, k_cited=0, k_store=k,
                                    crosslingual_embedder=load_embedder(spaces.crosslingual_model))
        scores = score_all(scorer, claims, candidates)
        verdicts = {v.claim_id: v for v in rule.decide_all(claims, candidates, scores)}
        retrieved: dict[str, list[str]] = {}
        for candidate in candidates:
            retrieved.setdefault(candidate.claim_id, []).append(fixture_id[candidate.passage_id])
        results[name] = [ClaimResult(item, tuple(retrieved.get(claim.claim_id, ())), verdicts[claim.claim_id].status,
                                     verdicts[claim.claim_id].explanation)
                         for item, claim in zip(items, claims, strict=True)]
    return results


def fixture_measures(results: dict[str, list[ClaimResult]], k: int = 3) -> dict:
    stated, altered = results["stated"], results["altered"]
    flagged = [r for r in altered if r.status == Status.CONTRADICTED and f"differs on {r.claim.slot}" in r.explanation]
    return {
        "claims": len(stated),
        f"recall_at_{k}": round(sum(r.claim.passage_id in r.retrieved[:k] for r in stated) / len(stated), 4),
        "recall_at_1": round(sum(r.retrieved[:1] == (r.claim.passage_id,) for r in stated) / len(stated), 4),
        "stated_supported": sum(r.status == Status.SUPPORTED for r in stated),
        "stated_contradicted": sum(r.status == Status.CONTRADICTED for r in stated),
        "altered": len(altered),
        "altered_contradicted_slot_named": len(flagged),
        "altered_contradicted": sum(r.status == Status.CONTRADICTED for r in altered),
        "missed": [{"claim": r.claim.text, "status": r.status, "retrieved": list(r.retrieved)}
                   for r in stated if r.claim.passage_id not in r.retrieved[:k]],
        "altered_not_flagged": [{"claim": r.claim.text, "slot": r.claim.slot, "status": r.status,
                                 "explanation": r.explanation} for r in altered if r not in flagged],
    }


def _claim(item: FixtureClaim) -> Claim:
    return Claim(claim_id=f"xl:{item.claim_id}:{content_id(item.text)}", article_id="crosslingual",
                 sentence_id=f"xl:{item.claim_id}", sentence_index=0, claim_index=0, text=item.text,
                 span=(0, len(item.text)), citation_id=None, assigned_by="none", cited_outlets=(),
                 date_start=None, date_end=None, checkworthy=True)
