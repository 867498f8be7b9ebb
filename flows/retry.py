"""The bounded retry policy of tasks that touch the warehouse: a transient failure (the file locked by another
process past the wait, a dropped connection) is retried up to RETRIES times; anything else, above all bad input,
fails at once and is reported."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypedDict

from sourcecheck.core.errors import WarehouseBusy

RETRIES = 3
RETRY_DELAY_SECONDS: list[float] = [1, 2, 4]


def is_transient(exc: BaseException | None) -> bool:
    return isinstance(exc, (WarehouseBusy, ConnectionError, TimeoutError))


def retry_on_transient(task, task_run, state) -> bool:
    """Prefect's `retry_condition_fn`: continue to the retry policy only for a transient failure."""
    return is_transient(state.result(raise_on_failure=False))


class RetryOptions(TypedDict):
    """The keyword arguments of `@task` that set its retries (typed, so `@task(**TRANSIENT_RETRIES)` is checked)."""

    retries: int
    retry_delay_seconds: list[float]
    retry_condition_fn: Callable[[Any, Any, Any], bool]


TRANSIENT_RETRIES: RetryOptions = {"retries": RETRIES, "retry_delay_seconds": RETRY_DELAY_SECONDS,
                                   "retry_condition_fn": retry_on_transient}
