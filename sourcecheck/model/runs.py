"""Typed records that cross the stages of a verification run (and the wire to Dask workers)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sourcecheck.model.claims import ExtractedArticle
from sourcecheck.model.scores import PairScore, Verdict
from sourcecheck.model.sources import Candidate


@dataclass(frozen=True)
class RunContext:
    """What every article of one verification run shares; recorded with each article's run."""

    parameters: dict           # the settings as recorded (pipeline/settings.py `as_params`)
    settings_key: str          # settings, models, scorer and its parameters, sourcecheck version (pipeline/keys.py)
    scorer_version: str
    scorer_parameters: dict
    store_key: str             # the current source versions
    passages_in_store: int
    task_runner: str           # "local" or the Dask scheduler address
    flow_run_id: str | None
    load_seconds: float        # loading the passage index, shared by every article of the run


@dataclass(frozen=True)
class PriorScores:
    """The scores of the latest run of an article, by claim: reused when a claim's score key is unchanged."""

    score_keys: dict[str, str] = field(default_factory=dict)          # claim id -> score key
    scored_in_run: dict[str, str] = field(default_factory=dict)       # claim id -> run that computed them
    scores: dict[tuple[str, str], PairScore] = field(default_factory=dict)  # (claim id, passage id) -> score


@dataclass(frozen=True)
class ArticleResult:
    """One article verified, not yet recorded: what a worker hands back to the one writer."""

    extracted: ExtractedArticle
    input_key: str
    started_at: dt.datetime
    candidates: list[Candidate]
    scores: list[PairScore]                 # one per candidate, same order
    verdicts: list[Verdict]
    score_keys: dict[str, str]              # claim id -> score key, for every claim with candidates
    reused_from: dict[str, str]             # claim id -> run whose scores were reused (absent: scored now)
    stage_seconds: dict[str, float]

    @property
    def claims_scored(self) -> int:
        return len(self.score_keys) - len(self.reused_from)


@dataclass(frozen=True)
class RunSummary:
    """What one verification run did: printed by the CLI, published as a Prefect artifact."""

    run_id: str
    article_path: str
    title: str | None
    claims: int
    status_counts: dict[str, int]
    passages_in_store: int


@dataclass(frozen=True)
class RecordedRun:
    summary: RunSummary
    claims_scored: int          # checkable claims scored afresh
    claims_reused: int          # checkable claims whose earlier scores were reused


@dataclass(frozen=True)
class VerifyOutcome:
    runs: list[RecordedRun]
    unchanged: list[str]        # article paths skipped: nothing they depend on changed since their latest run
