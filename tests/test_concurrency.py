"""Real processes on one warehouse: two runs at once while `sourcecheck query` reads, and a run killed mid-write.

The subprocesses use the test harness's Prefect server, so none starts its own.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

from conftest import SMALL_ARTICLE, rows

from sourcecheck.cli import main

# Rows that would betray a half-written run: a run with fewer verdicts than claims, or verdicts without a run.
INCONSISTENT = """
    SELECT (SELECT count(*) FROM runs r WHERE claims <> (SELECT count(*) FROM verdicts v WHERE v.run_id = r.run_id))
         + (SELECT count(*) FROM verdicts WHERE run_id NOT IN (SELECT run_id FROM runs))
         + (SELECT count(*) FROM matches WHERE run_id NOT IN (SELECT run_id FROM runs)) AS bad,
           (SELECT count(*) FROM runs) AS runs"""


def _sourcecheck(db, *args: str, env: dict | None = None) -> subprocess.Popen:
    from prefect.settings import PREFECT_API_URL

    environment = {**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value(), **(env or {})}
    return subprocess.Popen([sys.executable, "-m", "sourcecheck.cli", "--db", str(db), *args], env=environment,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _second_article(small_store):
    second = small_store.article.parent / "second.md"
    second.write_text(SMALL_ARTICLE.replace("Drill in Tajikistan", "Second drill")
                      .replace("Around 2,000", "About 1,300"))
    return second


def test_two_runs_at_once_both_finish_while_queries_see_only_whole_runs(small_store, capsys):
    second = _second_article(small_store)
    articles = [str(small_store.article), str(second)]
    runs = [_sourcecheck(small_store.db, "verify", *articles) for _ in range(2)]
    seen = []
    while any(r.poll() is None for r in runs):
        assert main(["--db", str(small_store.db), "query", INCONSISTENT, "--format", "json"]) == 0
        [result] = json.loads(capsys.readouterr().out)
        seen.append(result)
        time.sleep(0.2)   # a reader's pace, not a wait for anything: writers get the lock between queries
    outputs = [r.communicate() for r in runs]
    assert [r.returncode for r in runs] == [0, 0], outputs
    assert seen and all(s["bad"] == 0 for s in seen)
    assert {s["runs"] for s in seen} <= {1, 2, 3, 4, 5}
    assert rows(small_store.db, INCONSISTENT) == [(0, 5)]
    assert rows(small_store.db, "SELECT count(*), count(DISTINCT article_id) FROM claim_status") == [(4, 2)]


def test_run_killed_mid_write_leaves_no_partial_run_and_the_next_run_completes_it(small_store, capsys):
    second = _second_article(small_store)
    small_store.article.write_text(SMALL_ARTICLE.replace("Around 2,000", "About 1,300"))   # both need a run
    killed = _sourcecheck(small_store.db, "verify", "--changed", str(small_store.article), str(second),
                          env={"SOURCECHECK_CRASH_AT": "record_run#2"})   # SIGKILL before the 2nd commit
    _, err = killed.communicate()
    assert killed.returncode == -signal.SIGKILL, err
    assert rows(small_store.db, INCONSISTENT) == [(0, 2)]          # the fixture's run and the first article's
    assert rows(small_store.db, "SELECT count(*) FROM claim_status") == [(2,)]
    capsys.readouterr()
    assert small_store.run("verify", "--changed", str(small_store.article), str(second)) == 0
    out = capsys.readouterr().out
    assert f"{small_store.article}: unchanged since its latest run" in out and "Second drill: 2 claims" in out
    assert rows(small_store.db, INCONSISTENT) == [(0, 3)]
    assert rows(small_store.db, "SELECT count(*), count(DISTINCT article_id) FROM claim_status") == [(4, 2)]


def test_locked_warehouse_is_retried_by_prefect_until_the_lock_is_gone(small_store, monkeypatch):
    """Another process holds the write lock past the wait: the task fails with WarehouseBusy, Prefect retries
    it, and the run completes once the holder lets go."""
    import threading

    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import (
        TaskRunFilter,
        TaskRunFilterName,
        TaskRunFilterState,
        TaskRunFilterStateName,
    )

    import sourcecheck.warehouse.connection
    from sourcecheck.flows.verify import run_verification
    from sourcecheck.pipeline.settings import VerifySettings

    monkeypatch.setattr(sourcecheck.warehouse.connection, "LOCK_WAIT_SECONDS", 0.2)
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys; con = duckdb.connect(sys.argv[1]); "
                               "print('locked', flush=True); sys.stdin.read()", str(small_store.db)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline() == "locked\n"
    outcome = {}
    worker = threading.Thread(target=lambda: outcome.setdefault("value", run_verification(
        [str(small_store.article)], str(small_store.db), VerifySettings())), daemon=True)
    retrying = TaskRunFilter(name=TaskRunFilterName(like_="plan_run"),
                             state=TaskRunFilterState(name=TaskRunFilterStateName(any_=["AwaitingRetry", "Retrying"])))
    try:
        worker.start()
        with get_client(sync_client=True) as client:
            while worker.is_alive() and not (retried := client.read_task_runs(task_run_filter=retrying)):
                time.sleep(0.1)   # polling the API for the retry, not waiting for a scheduler
    finally:
        holder.stdin.close()
        holder.wait()
    worker.join(timeout=120)
    assert retried and not worker.is_alive()
    [run] = outcome["value"].runs
    assert rows(small_store.db, "SELECT count(*) FROM runs WHERE run_id = ?", [run.summary.run_id]) == [(1,)]
