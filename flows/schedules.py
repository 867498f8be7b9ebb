"""The deployments `sourcecheck serve` runs: the config file's crons over the ingest and verify flows."""

from __future__ import annotations

from prefect.client.schemas.schedules import CronSchedule
from prefect.deployments.runner import RunnerDeployment
from prefect.schedules import Cron, Schedule

from sourcecheck.core.errors import InputError
from sourcecheck.flows.ingest import ingest_sources
from sourcecheck.flows.verify import verify_changed
from sourcecheck.pipeline.config import ServeConfig
from sourcecheck.pipeline.settings import VerifySettings

INGEST_DEPLOYMENT = "sourcecheck-ingest"
VERIFY_DEPLOYMENT = "sourcecheck-verify"


def deployments(config: ServeConfig, db: str) -> list[RunnerDeployment]:
    built = []
    if config.ingest:
        built.append(ingest_sources.to_deployment(
            name=INGEST_DEPLOYMENT, schedule=_cron(config, config.ingest.cron),
            parameters={"paths": config.ingest.paths, "db": db,
                        "model": VerifySettings.from_env().embedding_model,
                        "crosslingual_model": VerifySettings.from_env().crosslingual_model},
            description="Re-ingest the watched source folders (sourcecheck.toml [ingest])."))
    if config.verify:
        built.append(verify_changed.to_deployment(
            name=VERIFY_DEPLOYMENT, schedule=_cron(config, config.verify.cron),
            parameters={"article_patterns": config.verify.paths, "db": db, "dask_address": config.dask},
            description="Verify every article that is new or whose inputs changed (sourcecheck.toml [verify])."))
    return built  # type: ignore[return-value]  # Prefect's async_dispatch: called from sync code, a deployment


def cron_of(deployment: RunnerDeployment) -> str:
    """The cron of a deployment built above (each has one cron schedule)."""
    assert deployment.schedules is not None
    schedule = deployment.schedules[0].schedule
    assert isinstance(schedule, CronSchedule)
    return schedule.cron


def _cron(config: ServeConfig, cron: str) -> Schedule:
    try:
        return Cron(cron, timezone=config.timezone)
    except ValueError as exc:
        raise InputError(config.path, f"bad schedule {cron!r} ({str(exc).splitlines()[-1].strip()[:120]})") from None
