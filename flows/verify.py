"""The `verify_article` and `verify_all` flows: claims, candidates, scores, verdicts, one recorded run."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from pathlib import Path

from prefect import flow, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run

from claims.articles import read_article
from claims.extract import ExtractedArticle, extract_claims
from claims.outlets import load_registry
from reports.markdown import flagged_markdown
from reports.run_review import load_run_review
from reports.summary import RunSummary
from scoring.records import PairScore, Verdict
from scoring.scorer import load_scorer, score_all
from sources.embeddings import load_embedder
from sources.records import Candidate
from sources.retrieval import PassageIndex, candidates_for
from sourcecheck.errors import SourcecheckError
from sourcecheck.settings import VerifySettings
from warehouse import Warehouse


@task(cache_policy=NO_CACHE)
def read_claims(article_path: str) -> ExtractedArticle:
    return extract_claims(read_article(Path(article_path)), load_registry())


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
    return candidates_for(extracted.claims, load_embedder(settings.embedding_model), index,
                          settings.date_window_days, settings.top_k_cited, settings.top_k_store)


@task(cache_policy=NO_CACHE)
def score_candidates(extracted: ExtractedArticle, candidates: list[Candidate],
                     settings: VerifySettings) -> list[PairScore]:
    return score_all(load_scorer(settings.scorer), extracted.claims, candidates)


@task(cache_policy=NO_CACHE)
def decide_verdicts(extracted: ExtractedArticle, candidates: list[Candidate], scores: list[PairScore],
                    settings: VerifySettings) -> list[Verdict]:
    return settings.verdict_rule.decide_all(extracted.claims, candidates, scores)


@task(cache_policy=NO_CACHE)
def record_run(db: str, extracted: ExtractedArticle, started_at: dt.datetime, settings: VerifySettings,
               passages_in_store: int, candidates: list[Candidate], scores: list[PairScore],
               verdicts: list[Verdict]) -> RunSummary:
    scorer = load_scorer(settings.scorer)
    run_id = str(uuid.uuid4())
    parameters = settings.as_params() | {"scorer_parameters": dataclasses.asdict(scorer)
                                         if dataclasses.is_dataclass(scorer) else {}}
    with Warehouse.open(Path(db)) as wh, wh.transaction():
        wh.sync_outlets(load_registry(), {o for c in extracted.citations for o in c.outlets})
        counts = wh.record_run(run_id, extracted, started_at, flow_run.get_id(), settings.embedding_model,
                               scorer.name, scorer.version, parameters, passages_in_store, candidates, scores,
                               verdicts)
    return RunSummary(run_id, extracted.article.path, extracted.article.title, len(extracted.claims), counts,
                      passages_in_store)


@task(cache_policy=NO_CACHE)
def flagged_list(db: str, run_id: str) -> str:
    with Warehouse.open(Path(db), read_only=True) as wh:
        return flagged_markdown(load_run_review(wh, run_id))


@flow(name="verify_article")
def verify_article(article_path: str, db: str, settings: VerifySettings) -> RunSummary:
    started_at = dt.datetime.now()
    extracted = read_claims(article_path)
    index = load_passage_index(db, settings.embedding_model)
    candidates = find_candidates(extracted, index, settings)
    scores = score_candidates(extracted, candidates, settings)
    verdicts = decide_verdicts(extracted, candidates, scores, settings)
    summary = record_run(db, extracted, started_at, settings, len(index), candidates, scores, verdicts)
    create_markdown_artifact(key="verification-summary", markdown=flagged_list(db, summary.run_id),
                             description=f"sourcecheck verdicts for {summary.title or article_path}")
    return summary


@flow(name="verify_all")
def verify_all(article_paths: list[str], db: str, settings: VerifySettings) -> list[RunSummary]:
    """Every article, each as its own `verify_article` run; all articles are read first, so one bad file
    stops the job before anything is written."""
    for path in article_paths:
        read_article(Path(path))
    return [verify_article(path, db, settings) for path in article_paths]
