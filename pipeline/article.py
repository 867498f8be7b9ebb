"""One article verified, as a plain function: it runs on a thread of the flow or on a Dask worker, reads no
file and writes nothing (the article and the passage index come in, an `ArticleResult` goes back)."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from contextlib import contextmanager

from sourcecheck.claims.extract import extract_claims
from sourcecheck.claims.outlets import load_registry
from sourcecheck.model.claims import Article
from sourcecheck.model.runs import ArticleResult, PriorScores
from sourcecheck.model.scores import PairScore
from sourcecheck.model.sources import Candidate
from sourcecheck.pipeline.keys import score_key
from sourcecheck.pipeline.settings import VerifySettings
from sourcecheck.scoring.registry import load_scorer
from sourcecheck.scoring.scorer import score_all
from sourcecheck.slots.claim_slots import with_slots
from sourcecheck.sources.embeddings import load_embedder
from sourcecheck.sources.retrieval import PassageIndex, candidates_for


def verify_article_claims(article: Article, input_key: str, index: PassageIndex, settings: VerifySettings,
                          settings_key: str, prior: PriorScores) -> ArticleResult:
    """Claims, candidates, scores (reused for claims whose score key is unchanged), verdicts."""
    started_at = dt.datetime.now()
    seconds: dict[str, float] = {}
    with _timed(seconds, "claims"):
        extracted = with_slots(extract_claims(article, load_registry()))
    with _timed(seconds, "retrieve"):
        candidates = candidates_for(extracted.claims, load_embedder(settings.embedding_model), index,
                                    settings.date_window_days, settings.top_k_cited, settings.top_k_store,
                                    load_embedder(settings.crosslingual_model)
                                    if index.crosslingual_vectors is not None else None)
    by_claim = _by_claim(candidates)
    keys = {c.claim_id: score_key(c, by_claim[c.claim_id], settings_key)
            for c in extracted.claims if c.claim_id in by_claim}
    reused_from = {claim_id: prior.scored_in_run[claim_id] for claim_id, key in keys.items()
                   if prior.score_keys.get(claim_id) == key}
    with _timed(seconds, "score"):
        fresh_claims = [c for c in extracted.claims if c.claim_id in keys and c.claim_id not in reused_from]
        fresh = score_all(load_scorer(settings.scorer), fresh_claims,
                          [c for c in candidates if c.claim_id in keys and c.claim_id not in reused_from])
        scores = _in_candidate_order(candidates, fresh, prior, reused_from)
    with _timed(seconds, "decide"):
        verdicts = settings.verdict_rule.decide_all(extracted.claims, candidates, scores)
    return ArticleResult(extracted, input_key, started_at, candidates, scores, verdicts, keys, reused_from, seconds)


def _by_claim(candidates: list[Candidate]) -> dict[str, list[Candidate]]:
    grouped: dict[str, list[Candidate]] = {}
    for candidate in candidates:
        grouped.setdefault(candidate.claim_id, []).append(candidate)
    return grouped


def _in_candidate_order(candidates: list[Candidate], fresh: list[PairScore], prior: PriorScores,
                        reused_from: dict[str, str]) -> list[PairScore]:
    scored = {(s.claim_id, s.passage_id): s for s in fresh}
    return [prior.scores[(c.claim_id, c.passage_id)] if c.claim_id in reused_from
            else scored[(c.claim_id, c.passage_id)] for c in candidates]


@contextmanager
def _timed(seconds: dict[str, float], stage: str) -> Iterator[None]:
    start = time.perf_counter()
    yield
    seconds[stage] = round(time.perf_counter() - start, 4)
