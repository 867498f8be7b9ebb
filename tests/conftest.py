"""Shared fixtures: one Prefect test harness per session, real DuckDB files in temp dirs, the real model."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "peace-mission-2012"

os.environ.setdefault("PREFECT_HOME", str(Path(os.environ.get("TMPDIR", "/tmp")) / "sourcecheck-test-prefect"))
from sourcecheck.flows import set_quiet_offline_defaults  # noqa: E402

set_quiet_offline_defaults()   # before Prefect is imported


# Fixtures that run the pipeline (models, Prefect flows): a test using one is in the `model` tier.
PIPELINE_FIXTURES = {"demo_db", "small_store", "chromium", "prefect_server"}


def quick_tier(config: pytest.Config) -> bool:
    """`make check` selects `-m "not model ..."`: the tests that load no model and run no flow."""
    return "not model" in (config.getoption("markexpr") or "")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if PIPELINE_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.model)


@pytest.fixture(autouse=True)
def no_model_in_the_quick_tier(request, monkeypatch):
    """In the quick tier a model load fails the test at once, so the tier stays quick: mark such a test `model`."""
    if not quick_tier(request.config):
        yield
        return
    from sourcecheck.claims import nlp
    from sourcecheck.scoring import entailment
    from sourcecheck.sources import embeddings

    def refuse(*args, **kwargs):
        raise AssertionError(f"{request.node.nodeid} loads a model: mark it `model` (pytest.mark.model)")

    for module in (nlp, entailment, embeddings):
        monkeypatch.setattr(module, "_load", refuse)
    yield


@pytest.fixture(scope="session", autouse=True)
def prefect_harness(request):
    if quick_tier(request.config):   # no flow runs there: skip the harness's ~8 s start
        yield
        return
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings
    from prefect.testing.utilities import prefect_test_harness

    # a loaded machine can take longer than the 30 s default to start the temporary API server
    with prefect_test_harness(server_startup_timeout=180), \
            temporary_settings({PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        yield


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> Path:
    """A warehouse with the demo sources ingested and the seed article verified once (read it, don't write)."""
    from sourcecheck.cli import main

    db = tmp_path_factory.mktemp("demo") / "warehouse.duckdb"
    assert main(["--db", str(db), "demo", "--out", str(db.parent / "report.html")]) == 0
    return db


@pytest.fixture(scope="session")
def chromium(tmp_path_factory):
    """Headless Chromium for the report tests: skipped, with the reason, on a machine without it; a failure in
    CI, whose set-up (.ci/run) installs it."""
    from chromium import Chromium, find_chromium

    binary = find_chromium()
    if binary is None:
        reason = "chromium is not installed (Debian: apt-get install chromium); the report's browser tests need it"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    browser = Chromium(binary, tmp_path_factory.mktemp("chromium-profile"))
    yield browser
    browser.close()


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "warehouse.duckdb"


@pytest.fixture
def sources_dir(tmp_path) -> Path:
    """A writable copy of the demo sources."""
    target = tmp_path / "sources"
    shutil.copytree(EXAMPLE / "sources", target)
    return target


def ctrl_c_as_at_a_terminal() -> None:
    """`preexec_fn` for a CLI a test interrupts: Ctrl-C as a terminal delivers it. An ignored SIGINT is inherited
    across exec, and Python then installs no KeyboardInterrupt handler; something earlier in a full test run
    leaves SIGINT ignored in pytest (the CLI then ran to the end, exit 0)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def warehouse_fingerprint(db: Path) -> str | None:
    """A digest of every row of every table (None when the file does not exist): equal means unchanged."""
    if not db.exists():
        return None
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = [r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' ORDER BY 1").fetchall()]
        digest = hashlib.sha256()
        for table in tables:
            rows = con.execute(f"SELECT * FROM {table}").fetchall()
            digest.update(table.encode())
            for row in sorted(repr(r) for r in rows):
                digest.update(row.encode())
        return digest.hexdigest()
    finally:
        con.close()


def rows(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


SMALL_SOURCE = """---
outlet: Krasnaya Zvezda
published: 2012-06-18
title: Peace Mission 2012
---
The joint anti-terrorist drill Peace Mission 2012 took place from June 8 to June 14 at the Chorukh-Dayron range \
in northern Tajikistan.

About 1,300 servicemen from China, Kazakhstan, Kyrgyzstan, Russia and Tajikistan took part in Peace Mission 2012.
"""
SMALL_ARTICLE = """---
title: Drill in Tajikistan
published: 2012-06-20
---
Peace Mission 2012 took place from June 8 to June 14 at the Chorukh-Dayron range in northern Tajikistan \
(Krasnaya Zvezda, June 18).

Around 2,000 personnel from China, Kazakhstan, Kyrgyzstan, Russia and Tajikistan took part in Peace Mission 2012 \
(Krasnaya Zvezda, June 18).
"""


@dataclass(frozen=True)
class SmallStore:
    """A warehouse with one source and one verified two-claim article: one supported, one contradicted."""

    db: Path
    source: Path
    article: Path

    def run(self, *args: str) -> int:
        from sourcecheck.cli import main

        return main(["--db", str(self.db), *args])


@pytest.fixture
def small_store(tmp_path) -> SmallStore:
    store = SmallStore(tmp_path / "warehouse.duckdb", tmp_path / "kz.md", tmp_path / "article.md")
    store.source.write_text(SMALL_SOURCE)
    store.article.write_text(SMALL_ARTICLE)
    assert store.run("sources", "add", str(store.source)) == 0
    assert store.run("verify", str(store.article)) == 0
    return store
