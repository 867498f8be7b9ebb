"""`sourcecheck export DIR`: the warehouse's tables as Parquet other engines read, written whole or not at all."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb

from sourcecheck.core.errors import InputError
from sourcecheck.warehouse import Warehouse
from sourcecheck.warehouse.connection import cannot_write_output


def export_warehouse(db: Path, directory: Path) -> dict[str, int]:
    """Rows per table. Written into a hidden sibling folder first and renamed into place, so a failure or an
    interruption leaves no half-written export."""
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise InputError(directory, "exists and is not an empty folder; export into a new or empty one")
    directory.parent.mkdir(parents=True, exist_ok=True)
    staging = directory.parent / f".{directory.name}.partial-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        with Warehouse.open(db, read_only=True, file_access=True) as wh:
            counts = wh.export_parquet(staging)
        if directory.exists():
            directory.rmdir()
        staging.rename(directory)
    except BaseException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(exc, OSError | duckdb.IOException) and (refused := cannot_write_output(directory, "export", exc)):
            raise refused from None
        raise
    return counts
