"""The `verify_article` and `verify_all` flows: claims, candidates, scores, verdicts, one recorded run."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from prefect import flow, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run

from claims.articles import read_article
from claims.extract import ExtractedArticle, extract_claims
from claims.outlets import load_registry
from reports.summary import summary_markdown
from scoring.records import PairScore, Verdict
from scoring.scorer import load_scorer
from sources.embeddings import load_embedder
from sources.records import Candidate
from sources.retrieval import ClaimQuery, PassageIndex, retrieve
from sourcecheck.progress import progress
from sourcecheck.settings import VerifySettings
from sourcecheck.errors import SourcecheckError
from warehouse import Warehouse


@dataclass(frozen=True)
class RunSummary:
    run_id: str
    article_path: str
    title: str | None
    claims: int
    status_counts: dict[str, int]
    passages_in_store: int


@task(cache_policy=NO_CACHE)
def read_claims(article_path: str) -> ExtractedArticle:
    article = read_article(Path(article_path))
    return extract_claims(article, load_registry())


@task(cache_policy=NO_CACHE)
def load_passage_index(db: str, model: str) -> PassageIndex:
    embedder = load_embedder(model)
    with Warehouse.open(Path(db)) as wh:
        unembedded = len(wh.texts_without_vectors(model, embedder.dimension))
        if unembedded:
            raise SourcecheckError(f"{db}: {unembedded} passages have no vectors of the embedding model {model!r}; "
                                   "run `sourcecheck sources add` with this model first")
        return wh.passage_index(model, embedder.dimension)


@task(cache_policy=NO_CACHE)
def find_candidates(extracted: ExtractedArticle, index: PassageIndex, settings: VerifySettings) -> list[Candidate]:
    checkable = [c for c in extracted.claims if c.checkworthy]
    if not checkable or not len(index):
        return []
    vectors = load_embedder(settings.embedding_model).encode([c.text for c in checkable], "embedding claims")
    candidates = []
    for claim, vector in zip(checkable, vectors):
        query = ClaimQuery(claim.claim_id, vector, claim.cited_outlets, claim.date_start, claim.date_end)
        candidates += retrieve(index, query, settings.date_window_days, settings.top_k_cited, settings.top_k_store)
    return candidates


@task(cache_policy=NO_CACHE)
def score_candidates(extracted: ExtractedArticle, candidates: list[Candidate],
                     settings: VerifySettings) -> list[PairScore]:
    scorer = load_scorer(settings.scorer)
    by_claim = _group(candidates)
    scores: dict[tuple[str, str], PairScore] = {}
    for claim in progress(extracted.claims, "scoring claims", "claim"):
        for score in scorer.score(claim, by_claim.get(claim.claim_id, [])):
            scores[(score.claim_id, score.passage_id)] = score
    return [scores[(c.claim_id, c.passage_id)] for c in candidates]


@task(cache_policy=NO_CACHE)
def decide_verdicts(extracted: ExtractedArticle, candidates: list[Candidate], scores: list[PairScore],
                    settings: VerifySettings) -> list[Verdict]:
    rule = settings.verdict_rule
    by_claim = _group(list(zip(candidates, scores)), key=lambda pair: pair[0].claim_id)
    verdicts = []
    for claim in extracted.claims:
        pairs = by_claim.get(claim.claim_id, [])
        verdicts.append(rule.decide(claim, [p[0] for p in pairs], [p[1] for p in pairs]))
    return verdicts


@task(cache_policy=NO_CACHE)
def record_run(db: str, extracted: ExtractedArticle, started_at: dt.datetime, settings: VerifySettings,
               passages_in_store: int, candidates: list[Candidate], scores: list[PairScore],
               verdicts: list[Verdict]) -> str:
    scorer = load_scorer(settings.scorer)
    run_id = str(uuid.uuid4())
    with Warehouse.open(Path(db)) as wh, wh.transaction():
        wh.sync_outlets(load_registry(), {o for c in extracted.citations for o in c.outlets})
        parameters = settings.as_params() | {"scorer_parameters": _parameters_of(scorer)}
        wh.record_run(run_id, extracted, started_at, flow_run.get_id(), settings.embedding_model,
                      (scorer.name, scorer.version), parameters, passages_in_store,
                      candidates, scores, verdicts)
    return run_id


@flow(name="verify_article")
def verify_article(article_path: str, db: str, settings: VerifySettings) -> RunSummary:
    started_at = dt.datetime.now()
    extracted = read_claims(article_path)
    index = load_passage_index(db, settings.embedding_model)
    candidates = find_candidates(extracted, index, settings)
    scores = score_candidates(extracted, candidates, settings)
    verdicts = decide_verdicts(extracted, candidates, scores, settings)
    run_id = record_run(db, extracted, started_at, settings, len(index), candidates, scores, verdicts)
    summary = RunSummary(run_id, article_path, extracted.article.title, len(extracted.claims),
                         dict(Counter(v.status for v in verdicts)), len(index))
    create_markdown_artifact(key="verification-summary", markdown=summary_markdown(summary),
                             description=f"sourcecheck verdicts for {extracted.article.title or article_path}")
    return summary


@flow(name="verify_all")
def verify_all(article_paths: list[str], db: str, settings: VerifySettings) -> list[RunSummary]:
    """Every article, each as its own `verify_article` run; all articles are read first, so one bad file
    stops the job before anything is written."""
    for path in article_paths:
        read_article(Path(path))
    return [verify_article(path, db, settings) for path in article_paths]


def _parameters_of(scorer) -> dict:
    """A scorer's calibration, stored with the run (dataclass scorers expose it as fields)."""
    return dataclasses.asdict(scorer) if dataclasses.is_dataclass(scorer) else {}


def _group(items, key=lambda c: c.claim_id) -> dict:
    grouped: dict = {}
    for item in items:
        grouped.setdefault(key(item), []).append(item)
    return grouped
