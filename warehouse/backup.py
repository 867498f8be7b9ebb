"""`sourcecheck backup DEST`: a consistent copy of the warehouse, a DuckDB file that restores by copying it back.

The copy is made through the warehouse's read-only connection (`COPY FROM DATABASE` into a file attached for
writing), so it waits for a writer as any reader does and sees one committed state, never a half-written step.
It is written under a hidden name beside DEST and renamed into place: a failure leaves no partial backup.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

from sourcecheck.core.errors import InputError
from sourcecheck.warehouse.connection import WarehouseConnection, cannot_write_output, sql_string


def backup_warehouse(db: Path, dest: Path) -> int:
    """Copy the warehouse at `db` to the new file `dest`; returns the backup's size in bytes."""
    if dest.exists():
        raise InputError(dest, "exists; back up into a new file")
    if not dest.parent.is_dir():
        raise InputError(dest, f"folder {dest.parent} does not exist")
    staging = dest.with_name(f".{dest.name}.partial-{os.getpid()}")
    try:
        with WarehouseConnection.open(db, read_only=True, file_access=True) as wh:
            source = wh._value("SELECT current_database()").replace('"', '""')
            wh.con.execute(f"ATTACH '{sql_string(str(staging))}' AS sourcecheck_backup (READ_WRITE)")
            wh.con.execute(f'COPY FROM DATABASE "{source}" TO sourcecheck_backup')
            wh.con.execute("DETACH sourcecheck_backup")   # checkpoints: the backup is one self-contained file
        staging.rename(dest)
    except BaseException as exc:
        for leftover in (staging, staging.with_name(staging.name + ".wal")):
            leftover.unlink(missing_ok=True)
        if isinstance(exc, OSError | duckdb.Error) and (refused := cannot_write_output(dest, "backup", exc)):
            raise refused from None
        raise
    return dest.stat().st_size
