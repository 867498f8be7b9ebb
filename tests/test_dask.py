"""Verification on a real Dask cluster (a scheduler and two worker processes on 127.0.0.1) gives the same
verdicts as a local run, and only this process writes the warehouse."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SMALL_ARTICLE, rows

VERDICTS = """SELECT c.text, v.status, round(v.support_score, 6), round(v.contradiction_score, 6), v.evidence_passage_id
              FROM verdicts v JOIN claims c USING (claim_id) ORDER BY 1"""


@pytest.fixture
def dask_cluster(tmp_path):
    from distributed import Client
    from prefect.settings import PREFECT_API_URL

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    address = f"tcp://127.0.0.1:{port}"
    dask = str(Path(sys.executable).parent / "dask")
    env = {**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value()}
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "env": env, "cwd": tmp_path}
    processes = [subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
                                  **quiet)]
    processes.append(subprocess.Popen([dask, "worker", address, "--nworkers", "2", "--nthreads", "1",
                                       "--host", "127.0.0.1", "--no-dashboard"], **quiet))
    try:
        with Client(address, timeout="60s") as client:
            client.wait_for_workers(2, timeout=120)
            yield address, client
    finally:
        for process in reversed(processes):
            process.terminate()
            process.wait(timeout=30)


def test_dask_run_equals_a_local_run(small_store, dask_cluster, tmp_path):
    from sourcecheck.flows.verify import run_verification
    from sourcecheck.pipeline.settings import VerifySettings

    address, client = dask_cluster
    articles = [small_store.article]
    for n, number in enumerate(["1,300", "2,500", "900"]):
        article = tmp_path / f"article-{n}.md"
        article.write_text(SMALL_ARTICLE.replace("Drill in Tajikistan", f"Drill {n}").replace("2,000", number))
        articles.append(article)
    local_db = tmp_path / "local.duckdb"
    shutil.copy(small_store.db, local_db)
    paths = [str(a) for a in articles]

    on_dask = run_verification(paths, str(small_store.db), VerifySettings(), dask_address=address)
    local = run_verification(paths, str(local_db), VerifySettings())

    assert len(on_dask.runs) == len(local.runs) == 4
    assert rows(small_store.db, VERDICTS) == rows(local_db, VERDICTS)
    assert rows(small_store.db, "SELECT DISTINCT task_runner FROM runs WHERE task_runner <> 'local'") == [(address,)]
    ran_here = client.run(lambda: "sourcecheck.pipeline.article" in sys.modules)      # the workers did the verification
    assert len(ran_here) == 2 and any(ran_here.values())
