"""Faults around what sourcecheck writes besides the warehouse, and around the warehouse file itself: a full disk
under a report, an export or a backup, a damaged warehouse file, and `sourcecheck backup`'s copy.

Each case gives one line and exit 1, leaves no partial output, and leaves the warehouse's bytes as they were.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import EXAMPLE, SMALL_ARTICLE, SMALL_SOURCE, ctrl_c_as_at_a_terminal, warehouse_fingerprint
from test_faults import _fill, small_tmpfs  # noqa: F401  (the fixture, used by name)

from sourcecheck.cli import main

BLOCK = 256 * 1024   # DuckDB's block size; the file opens with three 4 KiB headers


@pytest.fixture(scope="module")
def filled_warehouse(tmp_path_factory) -> Path:
    """One source and one verified article (read it, don't write: each test copies it)."""
    folder = tmp_path_factory.mktemp("filled")
    (folder / "kz.md").write_text(SMALL_SOURCE)
    (folder / "article.md").write_text(SMALL_ARTICLE)
    db = folder / "warehouse.duckdb"
    assert main(["--db", str(db), "sources", "add", str(folder / "kz.md")]) == 0
    assert main(["--db", str(db), "verify", str(folder / "article.md")]) == 0
    return db


@pytest.fixture
def warehouse(filled_warehouse, tmp_path) -> Path:
    db = tmp_path / "warehouse.duckdb"
    shutil.copy(filled_warehouse, db)
    return db


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _run(db: Path, *args: str, capsys) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["--db", str(db), *args])
    return code, capsys.readouterr().err


# -- a full disk under the outputs ---------------------------------------------------------------------------
FULL = "sourcecheck: error: {out}: cannot write the {what}: the disk is full; nothing was written\n"
OUTPUTS = {"report": (["report", "--out"], "report.html"), "export": (["export"], "parquet"),
           "backup": (["backup"], "backup.duckdb")}


@pytest.mark.model
@pytest.mark.parametrize("what", OUTPUTS)
def test_output_on_a_full_disk_is_one_line_and_leaves_nothing(what, warehouse, small_tmpfs, capsys):  # noqa: F811
    command, name = OUTPUTS[what]
    out = small_tmpfs / name
    filler = _fill(small_tmpfs, 16 * 1024)
    before = warehouse_fingerprint(warehouse)
    assert _run(warehouse, *command, str(out), capsys=capsys) == (1, FULL.format(out=out, what=what))
    assert sorted(os.listdir(small_tmpfs)) == ["filler"]   # no .tmp, no partial folder or file
    assert warehouse_fingerprint(warehouse) == before
    filler.unlink()
    assert main(["--db", str(warehouse), *command, str(out)]) == 0


# -- a damaged warehouse file --------------------------------------------------------------------------------
def _truncated(db: Path) -> None:
    os.truncate(db, db.stat().st_size // 2)


def _flipped(db: Path) -> None:
    """One byte flipped in every data block: whatever a command reads fails its checksum."""
    with db.open("r+b") as data:
        for offset in range(3 * 4096 + 100, db.stat().st_size, BLOCK):
            data.seek(offset)
            byte = data.read(1)
            data.seek(offset)
            data.write(bytes([byte[0] ^ 0xFF]))


DAMAGE = {"truncated": (_truncated, "it is truncated"), "a flipped byte": (_flipped, "a block fails its checksum")}
READERS = {"report": ["report", "--out", "{folder}/report.html"], "export": ["export", "{folder}/parquet"],
           "backup": ["backup", "{folder}/backup.duckdb"]}
DAMAGED = ("sourcecheck: error: {db}: the warehouse file is damaged ({why}); restore it from a backup (made by "
           "`sourcecheck backup`), or save the tables still readable with `sourcecheck query`\n")


@pytest.mark.model
@pytest.mark.parametrize("command", READERS)
@pytest.mark.parametrize("damage", DAMAGE)
def test_damaged_warehouse_is_named_as_such(damage, command, warehouse, tmp_path, capsys):
    damage_file, why = DAMAGE[damage]
    damage_file(warehouse)
    before = _digest(warehouse)
    args = [a.format(folder=tmp_path) for a in READERS[command]]
    assert _run(warehouse, *args, capsys=capsys) == (1, DAMAGED.format(db=warehouse, why=why))
    assert _digest(warehouse) == before
    assert sorted(os.listdir(tmp_path)) == [warehouse.name]   # no report, export, backup or WAL left


# -- backups -------------------------------------------------------------------------------------------------
@pytest.mark.model
def test_backup_is_the_same_warehouse_and_restores_by_copying(warehouse, tmp_path, capsys):
    backup = tmp_path / "backups" / "monday.duckdb"
    backup.parent.mkdir()
    before = warehouse_fingerprint(warehouse)
    code = main(["--db", str(warehouse), "backup", str(backup)])
    assert code == 0 and capsys.readouterr().out.startswith(f"backup: {warehouse} copied to {backup} (")
    assert warehouse_fingerprint(backup) == warehouse_fingerprint(warehouse) == before
    assert sorted(os.listdir(backup.parent)) == [backup.name]
    _flipped(warehouse)
    shutil.copy(backup, warehouse)   # the restore
    assert main(["--db", str(warehouse), "report", "--out", str(tmp_path / "report.html")]) == 0


def test_backup_refuses_to_overwrite(tmp_path, capsys):
    db, existing = tmp_path / "warehouse.duckdb", tmp_path / "old.duckdb"
    existing.write_bytes(b"an older backup")
    assert main(["--db", str(db), "backup", str(existing)]) == 1
    assert capsys.readouterr().err == f"sourcecheck: error: {existing}: exists; back up into a new file\n"
    assert existing.read_bytes() == b"an older backup"


# -- interrupts and the temporary Prefect server -------------------------------------------------------------
def _lone_cli(db: Path, *args: str) -> subprocess.Popen:
    """The CLI as a user runs it: no Prefect server configured, so it starts Prefect's temporary one. Standard
    error goes to a file beside the warehouse (`_stderr`), not a pipe a server left behind would hold open."""
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    with (db.parent / "stderr").open("w") as err:
        return subprocess.Popen([sys.executable, "-m", "sourcecheck.cli", "--db", str(db), *args], env=env,
                                stdout=subprocess.DEVNULL, stderr=err, preexec_fn=ctrl_c_as_at_a_terminal)


def _stderr(db: Path) -> str:
    return (db.parent / "stderr").read_text()


def _server_child(process: subprocess.Popen, timeout: float = 180) -> int:
    """The pid of the process's uvicorn child (Prefect's temporary API server), once it runs."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for child in Path(f"/proc/{process.pid}/task/{process.pid}/children").read_text().split():
            if "uvicorn" in Path(f"/proc/{child}/cmdline").read_bytes().decode(errors="replace"):
                return int(child)
        assert process.poll() is None, f"the CLI ended before its server started ({process.returncode})"
        time.sleep(0.2)
    raise AssertionError("no temporary Prefect server started")


def _assert_gone(server: int, timeout: float = 15) -> None:
    """The server process ends within `timeout` (a zombie has ended); one left behind is killed after the check."""
    stat, deadline = Path(f"/proc/{server}/stat"), time.monotonic() + timeout
    while stat.exists() and stat.read_text().rsplit(")", 1)[1].split()[0] != "Z" and time.monotonic() < deadline:
        time.sleep(0.2)
    if stat.exists() and stat.read_text().rsplit(")", 1)[1].split()[0] != "Z":
        os.kill(server, signal.SIGKILL)
        raise AssertionError(f"the temporary Prefect server (pid {server}) outlived the CLI")


INTERRUPTED = "sourcecheck: interrupted; the warehouse is unchanged by the unfinished step"


@pytest.mark.model
def test_interrupted_ingest_is_one_line_and_leaves_the_warehouse_and_no_server(warehouse):
    before = warehouse_fingerprint(warehouse)
    ingest = _lone_cli(warehouse, "sources", "add", str(EXAMPLE / "sources"))
    server = _server_child(ingest)
    ingest.send_signal(signal.SIGINT)
    ingest.wait(timeout=120)
    err = _stderr(warehouse)
    # (after its line, DuckDB's binding may list objects it did not free at exit: "nanobind: leaked ...")
    assert (ingest.returncode, err.splitlines()[:1]) == (130, [INTERRUPTED]), err
    assert warehouse_fingerprint(warehouse) == before
    _assert_gone(server)



TERMINATED = "sourcecheck: terminated; the warehouse is unchanged by the unfinished step"


@pytest.mark.model
def test_terminated_ingest_is_one_line_exit_143_and_leaves_the_warehouse_and_no_server(warehouse):
    before = warehouse_fingerprint(warehouse)
    ingest = _lone_cli(warehouse, "sources", "add", str(EXAMPLE / "sources"))
    server = _server_child(ingest)
    ingest.send_signal(signal.SIGTERM)
    ingest.wait(timeout=120)
    err = _stderr(warehouse)
    assert (ingest.returncode, err.splitlines()[:1]) == (143, [TERMINATED]), err
    assert warehouse_fingerprint(warehouse) == before
    _assert_gone(server)


@pytest.mark.model
def test_killed_cli_takes_its_temporary_server_with_it(warehouse):
    """SIGKILL leaves no atexit hook to run: the kernel's parent-death signal ends the server."""
    before = warehouse_fingerprint(warehouse)
    ingest = _lone_cli(warehouse, "sources", "add", str(EXAMPLE / "sources"))
    server = _server_child(ingest)
    ingest.send_signal(signal.SIGKILL)
    ingest.wait(timeout=60)
    _assert_gone(server)
    assert warehouse_fingerprint(warehouse) == before
