"""What a verification run must do: which articles to verify (their input keys against their latest runs) and
the scores each may reuse. A plain function, so a run that finds nothing changed can stop before any flow
run, model or Prefect server starts."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sourcecheck.claims.articles import read_article
from sourcecheck.core.errors import WarehouseBusy
from sourcecheck.model.claims import Article
from sourcecheck.model.runs import PriorScores, VerifyOutcome
from sourcecheck.pipeline.keys import input_key, settings_key
from sourcecheck.pipeline.settings import VerifySettings
from sourcecheck.scoring.registry import load_scorer
from sourcecheck.warehouse import Warehouse


@dataclass(frozen=True)
class RunPlan:
    """Which articles this run verifies, with the keys that decided it and the scores it may reuse."""

    settings_key: str
    store_key: str
    to_verify: list[Article]
    unchanged: list[Article]
    input_keys: dict[str, str]          # article id -> input key
    prior: dict[str, PriorScores]       # article id -> the scores of its latest run


def read_articles(article_paths: list[str]) -> list[Article]:
    """Every article is read first, so one bad file stops the job before anything is written."""
    return [read_article(Path(p)) for p in article_paths]


def plan_run(db: str, articles: list[Article], settings: VerifySettings, only_changed: bool) -> RunPlan:
    key = settings_key(settings, load_scorer(settings.scorer))
    with Warehouse.open(Path(db)) as wh:
        store_key = wh.store_key()
        input_keys = {a.article_id: input_key(a, store_key, key) for a in articles}
        latest = wh.latest_input_keys(list(input_keys)) if only_changed else {}
        to_verify = [a for a in articles if latest.get(a.article_id) != input_keys[a.article_id]]
        prior = {a.article_id: wh.prior_scores(a.article_id) for a in to_verify}
    unchanged = [a for a in articles if a not in to_verify]
    return RunPlan(key, store_key, to_verify, unchanged, input_keys, prior)


def unchanged_outcome(article_paths: list[str], db: str, settings: VerifySettings) -> VerifyOutcome | None:
    """The outcome of a `--changed` run when no article needs verifying (None when one does): reading and
    hashing the articles and one warehouse query, where a flow run would add Prefect's ~1 s floor per run
    (and, in a new process, its temporary API server's start)."""
    articles = read_articles(article_paths)
    try:
        plan = plan_run(db, articles, settings, only_changed=True)
    except WarehouseBusy:   # cannot tell now: the flow plans again, with its retries
        return None
    return None if plan.to_verify else VerifyOutcome([], [a.path for a in plan.unchanged])
