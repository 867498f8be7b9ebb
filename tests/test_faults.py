"""Faults: a process killed at each stage of ingest and verify, a full disk, a read-only warehouse.

Every fault is real: SIGKILL at a named crash point (sourcecheck/core/faults.py), a full tmpfs (as root) or the
kernel's file-size limit (anyone), a read-only file system or file permissions (as root, the CLI runs without
the capabilities that bypass them). After each, the warehouse is exactly as before, and the next run finishes
the work.
"""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLE, SMALL_ARTICLE, rows, warehouse_fingerprint
from test_concurrency import INCONSISTENT

from sourcecheck.cli import main

NEW_SOURCES = ["interfax-2012-06-18-sco-security.md", "krasnaya-zvezda-2012-06-18-peace-mission.md"]
# every passage has its vector, every vector table row belongs to a known model
VECTORLESS = """SELECT count(*) FROM passages p WHERE retired_at IS NULL
                AND text_hash NOT IN (SELECT text_hash FROM embeddings_384)"""


def _environment(env: dict | None = None) -> dict:
    from prefect.settings import PREFECT_API_URL

    return {**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value(), **(env or {})}


def cli(db: Path, *args: str, env: dict | None = None, preexec=None) -> subprocess.CompletedProcess:
    """The CLI in its own process, against the test harness's Prefect server."""
    return subprocess.run([sys.executable, "-m", "sourcecheck.cli", "--db", str(db), *args], env=_environment(env),
                          capture_output=True, text=True, timeout=600, preexec_fn=preexec)


def unprivileged_cli(db: Path, *args: str) -> subprocess.CompletedProcess:
    """The CLI as a process that file permissions apply to: as root, without CAP_DAC_OVERRIDE/READ_SEARCH."""
    command = [sys.executable, "-m", "sourcecheck.cli", "--db", str(db), *args]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without util-linux setpriv: permission bits do not apply to root")
        command = [setpriv, "--bounding-set=-dac_override,-dac_read_search", *command]
    return subprocess.run(command, env=_environment(), capture_output=True, text=True, timeout=600)


def _new_sources(folder: Path) -> Path:
    target = folder / "new-sources"
    target.mkdir()
    for name in NEW_SOURCES:
        shutil.copy(EXAMPLE / "sources" / name, target / name)
    return target


@pytest.mark.parametrize("point", ["ingest:read", "ingest:embed", "ingest:store"])
def test_ingest_killed_at_each_stage_leaves_the_warehouse_as_it_was_and_the_next_run_finishes(point, small_store,
                                                                                           tmp_path, capsys):
    folder = _new_sources(tmp_path)
    before = warehouse_fingerprint(small_store.db)
    killed = cli(small_store.db, "sources", "add", str(folder), env={"SOURCECHECK_CRASH_AT": point})
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert warehouse_fingerprint(small_store.db) == before
    capsys.readouterr()
    assert small_store.run("sources", "add", str(folder)) == 0
    assert "2 documents from 2 files; 2 stored" in capsys.readouterr().out
    assert rows(small_store.db, "SELECT count(*) FROM sources WHERE retired_at IS NULL") == [(3,)]
    assert rows(small_store.db, VECTORLESS) == [(0,)]


@pytest.mark.parametrize("point", ["verify:plan", "verify:score", "record_run"])
def test_verify_killed_at_each_stage_leaves_the_warehouse_as_it_was_and_the_next_run_finishes(point, small_store,
                                                                                           capsys):
    second = small_store.article.parent / "second.md"
    second.write_text(SMALL_ARTICLE.replace("Drill in Tajikistan", "Second drill"))
    before = warehouse_fingerprint(small_store.db)
    killed = cli(small_store.db, "verify", "--changed", str(small_store.article), str(second),
                 env={"SOURCECHECK_CRASH_AT": point})
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert warehouse_fingerprint(small_store.db) == before
    capsys.readouterr()
    assert small_store.run("verify", "--changed", str(small_store.article), str(second)) == 0
    assert "Second drill: 2 claims" in capsys.readouterr().out
    assert rows(small_store.db, INCONSISTENT) == [(0, 2)]


# -- a full disk ---------------------------------------------------------------------------------------------
@pytest.fixture
def small_tmpfs(tmp_path):
    """A 16 MB tmpfs (needs root and CAP_SYS_ADMIN): a disk that really fills up."""
    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(mount)], capture_output=True,
                          text=True) if os.geteuid() == 0 and shutil.which("mount") else None
    if made is None or made.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN); "
                    "test_file_size_limit_gives_a_clear_error covers the same path")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=True)


def _fill(disk: Path, leave_bytes: int) -> Path:
    filler = disk / "filler"
    free = shutil.disk_usage(disk).free
    with filler.open("wb") as out:
        out.write(b"\0" * max(0, free - leave_bytes))
    return filler


def test_full_disk_gives_a_clear_error_and_the_warehouse_is_unchanged(small_store, small_tmpfs, tmp_path, capsys):
    db = small_tmpfs / "warehouse.duckdb"
    shutil.copy(small_store.db, db)
    filler = _fill(small_tmpfs, 64 * 1024)
    before = warehouse_fingerprint(db)
    capsys.readouterr()
    assert main(["--db", str(db), "sources", "add", str(EXAMPLE / "sources")]) == 1
    assert capsys.readouterr().err == (f"sourcecheck: error: {db}: cannot write the warehouse: the disk is full; "
                                       "nothing of this step was written\n")
    assert warehouse_fingerprint(db) == before
    filler.unlink()
    assert main(["--db", str(db), "sources", "add", str(EXAMPLE / "sources")]) == 0
    demo_sources = len(list((EXAMPLE / "sources").glob("*.md")))   # and the small store's own source
    assert rows(db, "SELECT count(*) FROM sources WHERE retired_at IS NULL") == [(demo_sources + 1,)]


def test_file_size_limit_gives_a_clear_error(small_store, capsys):
    """The kernel refuses writes past RLIMIT_FSIZE (EFBIG), as a full disk refuses them (ENOSPC)."""
    def limit_file_size():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)   # else the kernel kills the process instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))

    before = warehouse_fingerprint(small_store.db)
    result = cli(small_store.db, "sources", "add", str(EXAMPLE / "sources"), preexec=limit_file_size)
    # (after its line, DuckDB's binding may list objects it did not free at exit: "nanobind: leaked ...")
    assert (result.returncode, result.stderr.splitlines()[0]) == (1, f"sourcecheck: error: {small_store.db}: cannot "
                                                                     "write the warehouse: the file size limit is "
                                                                     "reached; nothing of this step was written")
    assert warehouse_fingerprint(small_store.db) == before
    assert small_store.run("sources", "add", str(EXAMPLE / "sources")) == 0


# -- a read-only warehouse -----------------------------------------------------------------------------------
READ_ONLY_ERROR = ("sourcecheck: error: {db}: cannot open the warehouse for writing: {why}; commands that only read "
                   "(query, report, review, export) still work\n")


def test_read_only_file_system(small_store, small_tmpfs, capsys):
    db = small_tmpfs / "warehouse.duckdb"
    shutil.copy(small_store.db, db)
    subprocess.run(["mount", "-o", "remount,ro", str(small_tmpfs)], check=True)
    before = warehouse_fingerprint(db)
    capsys.readouterr()
    assert main(["--db", str(db), "verify", str(small_store.article)]) == 1
    assert capsys.readouterr().err == READ_ONLY_ERROR.format(db=db, why="the file system is read-only")
    assert main(["--db", str(db), "query", "SELECT count(*) AS runs FROM runs", "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines() == ["runs", "1"]
    assert warehouse_fingerprint(db) == before


def test_warehouse_without_write_permission(small_store, capsys):
    folder = small_store.db.parent
    before = warehouse_fingerprint(small_store.db)
    small_store.db.chmod(0o444)
    folder.chmod(0o555)
    try:
        refused = unprivileged_cli(small_store.db, "sources", "add", str(EXAMPLE / "sources"))
        read = unprivileged_cli(small_store.db, "query", "SELECT count(*) AS runs FROM runs", "--format", "csv")
    finally:
        folder.chmod(0o755)
        small_store.db.chmod(0o644)
    assert (refused.returncode, refused.stderr) == (1, READ_ONLY_ERROR.format(db=small_store.db,
                                                                              why="no permission to write it"))
    assert (read.returncode, read.stdout.splitlines()) == (0, ["runs", "1"]), read.stderr
    assert warehouse_fingerprint(small_store.db) == before
