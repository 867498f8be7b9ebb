"""Shared fixtures: one Prefect test harness per session, real DuckDB files in temp dirs, the real model."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "peace-mission-2012"

os.environ.setdefault("PREFECT_HOME", str(Path(os.environ.get("TMPDIR", "/tmp")) / "sourcecheck-test-prefect"))
import flows  # noqa: E402,F401  (sets Prefect's quiet settings before Prefect is imported)


@pytest.fixture(scope="session", autouse=True)
def prefect_harness():
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings
    from prefect.testing.utilities import prefect_test_harness

    # a loaded machine can take longer than the 30 s default to start the temporary API server
    with prefect_test_harness(server_startup_timeout=180), temporary_settings({PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        yield


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> Path:
    """A warehouse with the demo sources ingested and the seed article verified once (read it, don't write)."""
    from sourcecheck.cli import main

    db = tmp_path_factory.mktemp("demo") / "warehouse.duckdb"
    assert main(["--db", str(db), "demo", "--out", str(db.parent / "report.html")]) == 0
    return db


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "warehouse.duckdb"


@pytest.fixture
def sources_dir(tmp_path) -> Path:
    """A writable copy of the demo sources."""
    target = tmp_path / "sources"
    shutil.copytree(EXAMPLE / "sources", target)
    return target


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
