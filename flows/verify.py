"""The `verify_articles` and `verify_changed` flows: claims, candidates, scores, verdicts, one recorded run per
article.

Articles are verified by `verify_article` tasks on the flow's task runner (a thread, or Dask workers with
`--dask`); the tasks read and write no file. The flow process is the one writer: it records each article's
run in one transaction as its result arrives.
"""

from __future__ import annotations

import time
import uuid
from pathlib import Path

from prefect import flow, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run
from prefect.task_runners import ThreadPoolTaskRunner

from sourcecheck.claims.outlets import load_registry
from sourcecheck.core.errors import SourcecheckError
from sourcecheck.core.faults import crash_point
from sourcecheck.flows import local_run_settings
from sourcecheck.flows.retry import TRANSIENT_RETRIES
from sourcecheck.model.claims import Article
from sourcecheck.model.runs import ArticleResult, PriorScores, RecordedRun, RunContext, RunSummary, VerifyOutcome
from sourcecheck.pipeline import plan as planning
from sourcecheck.pipeline.article import verify_article_claims
from sourcecheck.pipeline.articles import article_files
from sourcecheck.pipeline.keys import scorer_parameters
from sourcecheck.pipeline.plan import RunPlan
from sourcecheck.pipeline.settings import VerifySettings
from sourcecheck.reports.markdown import flagged_markdown
from sourcecheck.reports.run_review import load_run_review
from sourcecheck.scoring.registry import load_scorer
from sourcecheck.sources.embeddings import load_embedder
from sourcecheck.sources.retrieval import PassageIndex
from sourcecheck.warehouse import Warehouse


@task(cache_policy=NO_CACHE)
def read_articles(article_paths: list[str]) -> list[Article]:
    return planning.read_articles(article_paths)


@task(cache_policy=NO_CACHE, **TRANSIENT_RETRIES)
def plan_run(db: str, articles: list[Article], settings: VerifySettings, only_changed: bool) -> RunPlan:
    plan = planning.plan_run(db, articles, settings, only_changed)
    crash_point("verify:plan")
    return plan


@task(cache_policy=NO_CACHE, **TRANSIENT_RETRIES)
def load_passage_index(db: str, plan: RunPlan, settings: VerifySettings,
                       task_runner: str) -> tuple[PassageIndex, RunContext]:
    started = time.perf_counter()
    # sources/spaces.py: which passages each model embeds
    spaces = [(model, load_embedder(model).dimension, english) for model, english in settings.spaces.spaces()]
    with Warehouse.open(Path(db), read_only=True) as wh:
        for model, dimension, english in spaces:
            unembedded = len(wh.texts_without_vectors(model, dimension, english))
            if unembedded:
                raise SourcecheckError(f"{db}: {unembedded} passages have no vectors of the embedding model "
                                       f"{model!r}; run `sourcecheck sources add` with this model first")
        index = wh.passage_index_of(spaces)
    scorer = load_scorer(settings.scorer)
    return index, RunContext(settings.as_params(), plan.settings_key, scorer.version, scorer_parameters(scorer),
                             plan.store_key, len(index), task_runner, flow_run.get_id(), time.perf_counter() - started)


@task(cache_policy=NO_CACHE)
def verify_article(article: Article, key: str, index: PassageIndex, settings: VerifySettings,
                   context: RunContext, prior: PriorScores) -> ArticleResult:
    result = verify_article_claims(article, key, index, settings, context.settings_key, prior)
    crash_point("verify:score")
    return result


@task(cache_policy=NO_CACHE, **TRANSIENT_RETRIES)
def record_run(db: str, result: ArticleResult, context: RunContext) -> RecordedRun:
    """One transaction per article: a run is visible whole or not at all."""
    started = time.perf_counter()
    run_id = str(uuid.uuid4())
    extracted = result.extracted
    with Warehouse.open(Path(db)) as wh, wh.transaction():
        wh.sync_outlets(load_registry(), {o for c in extracted.citations for o in c.outlets})
        counts = wh.record_run(run_id, result, context, time.perf_counter() - started)
    summary = RunSummary(run_id, extracted.article.path, extracted.article.title, len(extracted.claims), counts,
                         context.passages_in_store)
    return RecordedRun(summary, result.claims_scored, len(result.reused_from))


@task(cache_policy=NO_CACHE, **TRANSIENT_RETRIES)
def publish_flagged_list(db: str, summary: RunSummary) -> None:
    with Warehouse.open(Path(db), read_only=True) as wh:
        markdown = flagged_markdown(load_run_review(wh, summary.run_id))
    create_markdown_artifact(key="verification-summary", markdown=markdown,
                             description=f"sourcecheck verdicts for {summary.title or summary.article_path}")


@flow(name="verify_articles")
def verify_articles(article_paths: list[str], db: str, settings: VerifySettings, only_changed: bool = False,
                    task_runner: str = "local") -> VerifyOutcome:
    articles = read_articles(article_paths)
    plan = plan_run(db, articles, settings, only_changed)
    if not plan.to_verify:
        return VerifyOutcome([], [a.path for a in plan.unchanged])
    index, context = load_passage_index(db, plan, settings, task_runner)
    results = [verify_article.submit(a, plan.input_keys[a.article_id], index, settings, context,
                                     plan.prior[a.article_id])
               for a in plan.to_verify]
    recorded = [record_run(db, result.result(), context) for result in results]
    for run in recorded:
        publish_flagged_list(db, run.summary)
    return VerifyOutcome(recorded, [a.path for a in plan.unchanged])


@flow(name="verify_changed")
def verify_changed(article_patterns: list[str], db: str, dask_address: str | None = None) -> VerifyOutcome:
    """The scheduled job: every article matching the patterns that is new or whose inputs changed."""
    return run_verification(article_files(article_patterns), db, VerifySettings.from_env(), True, dask_address)


def run_verification(article_paths: list[str], db: str, settings: VerifySettings, only_changed: bool = False,
                     dask_address: str | None = None) -> VerifyOutcome:
    """`verify_articles` on local threads, or on the Dask cluster at `dask_address`; with `only_changed` and
    nothing changed, no flow run at all."""
    if only_changed and (outcome := planning.unchanged_outcome(article_paths, db, settings)):
        return outcome
    # Prefect's TaskRunner is invariant in its future type, so no runner is the TaskRunner[PrefectFuture[Any]]
    # that with_options asks for: hence the ignores below
    if dask_address:
        from prefect_dask import DaskTaskRunner

        runner = verify_articles.with_options(task_runner=DaskTaskRunner(address=dask_address))  # type: ignore[arg-type]
        with local_run_settings():
            return runner(article_paths, db, settings, only_changed, dask_address)
    local = verify_articles.with_options(task_runner=ThreadPoolTaskRunner(max_workers=1))  # type: ignore[arg-type]
    with local_run_settings():
        return local(article_paths, db, settings, only_changed, "local")
