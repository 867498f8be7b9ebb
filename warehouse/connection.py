"""The one DuckDB connection every job of the warehouse shares: opening the file, the all-or-nothing
transaction, what a refused write means to the user, and the few statements every job runs through it.

One writer at a time: DuckDB locks the file per process, so connections open late, close early, and retry
while another process holds the lock (past LOCK_WAIT_SECONDS: `WarehouseBusy`, which tasks retry). Each stage
writes in one transaction: a failure, or a process killed midway, leaves the previous consistent state.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Self

import duckdb
import pyarrow as pa

from sourcecheck.core.errors import InputError, SourcecheckError, WarehouseBusy
from sourcecheck.core.settings import current_settings
from sourcecheck.warehouse.migrations import migrate, schema_version_of

LOCK_WAIT_SECONDS = 30.0


def default_db_path() -> Path:
    return Path(current_settings().db or "warehouse.duckdb")


class WarehouseConnection:
    """The shared connection and the file it is open on; every job of the warehouse builds on it."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path):
        self.con, self.path = con, path
        self.version = 0   # the schema version found on opening (0: a new file)

    @classmethod
    @contextmanager
    def open(cls, path: Path, read_only: bool = False, file_access: bool = False,
             user_sql: bool = False) -> Iterator[Self]:
        """Open (creating and migrating on first write use); closes on exit so the file lock is released.
        A read-only connection reads and writes no other file unless `file_access` (export needs it)."""
        path = Path(path)
        if read_only and not path.exists():
            raise InputError(path, "no warehouse here yet (run `sourcecheck sources add` or `sourcecheck demo`)")
        if path.exists() and path.is_dir():
            raise InputError(path, "is a directory, not a DuckDB file")
        if not read_only:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise _cannot_write(path, exc, opening=True) from None
        con = _connect(path, read_only, file_access, user_sql)
        try:
            warehouse = cls(con, path)
            warehouse.version = schema_version_of(con, path)
            if not read_only:
                with warehouse.transaction():
                    warehouse.version = migrate(con)
            yield warehouse
        except duckdb.Error as exc:
            if _damage(exc):
                raise _damaged(path, exc) from None
            raise
        finally:
            try:
                con.close()
            except duckdb.Error:  # a checkpoint that could not be written: the committed WAL replays on next open
                pass

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing; a write the disk refuses (full, read-only, over a size limit) is one clear error."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException as exc:
            try:
                self.con.execute("ROLLBACK")
            except duckdb.Error:  # a failed write already ended the transaction
                pass
            if isinstance(exc, duckdb.Error) and _write_failure(exc):
                raise _cannot_write(self.path, exc) from None
            raise
        try:
            self.con.execute("COMMIT")
        except duckdb.Error as exc:
            if _write_failure(exc):
                raise _cannot_write(self.path, exc) from None
            raise

    def _first(self, sql: str, params: list | None = None) -> tuple | None:
        """The first row; fetches all so the connection is free for the next statement (DuckDB 2.0)."""
        rows = self.con.execute(sql, params or []).fetchall()
        return rows[0] if rows else None

    def _value(self, sql: str, params: list | None = None) -> Any:
        """The one value of a query that always returns one row (a count, an aggregate, a setting)."""
        return self.con.execute(sql, params or []).fetchall()[0][0]

    def _dicts(self, sql: str, params: list) -> list[dict]:
        cur = self.con.execute(sql, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def _insert_new(self, table: str, key: str, rows: pa.Table) -> None:
        """Rows whose key the table does not hold yet (content-hash ids: the same content is the same row)."""
        self._insert(table, rows, where=f"WHERE {key} NOT IN (SELECT {key} FROM {table})")

    def _insert(self, table: str, rows: pa.Table, extra_columns: str = "", where: str = "",
                on_conflict: str = "") -> None:
        """Insert an Arrow table by column name (Arrow, not executemany: 100k rows in ~10 ms)."""
        self.con.register("incoming_rows", rows)
        try:
            self.con.execute(f"INSERT INTO {table} BY NAME SELECT *{extra_columns} FROM incoming_rows {where} "
                             f"{on_conflict}")
        finally:
            self.con.unregister("incoming_rows")


def sql_string(text: str) -> str:
    """Text quoted for a SQL string literal, where a statement takes no parameter (COPY's target, SET)."""
    return text.replace("'", "''")


def _connect(path: Path, read_only: bool, file_access: bool = False,
             user_sql: bool = False) -> duckdb.DuckDBPyConnection:
    # A reading connection reaches no other file and no extension; one that runs user SQL (`sourcecheck query`)
    # also has its configuration locked, so SET cannot change that. Our own readers keep SET: loading the passage
    # index caps DuckDB's memory while the vectors stream (warehouse/index.py).
    config: dict[str, str | bool | int | float | list[str]] = {
        "enable_external_access": False, "autoload_known_extensions": False, "autoinstall_known_extensions": False,
    } if read_only and not file_access else {}
    if config and user_sql:   # 2 GiB: any aggregation of a newsroom's warehouse, and room left for the result
        config.update(lock_configuration=True, memory_limit="2GiB")
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only, config=config)
        except duckdb.IOException as exc:
            message = str(exc)
            if "lock" in message.lower() and time.monotonic() < deadline:
                time.sleep(0.25)
                continue
            if "lock" in message.lower():
                raise WarehouseBusy(f"{path}: warehouse is in use by another process "
                                    f"(waited {LOCK_WAIT_SECONDS:.0f} s)") from None
            if _write_failure(exc):
                raise _cannot_write(path, exc, opening=True) from None
            if _damage(exc):
                raise _damaged(path, exc) from None
            if "not a valid DuckDB database" in message:
                raise InputError(path, "not a DuckDB database file") from None
            raise InputError(path, f"cannot open the warehouse ({message.splitlines()[0]})") from None
        except duckdb.Error as exc:
            if _damage(exc):
                raise _damaged(path, exc) from None
            raise InputError(path, f"cannot open warehouse ({str(exc).splitlines()[0][:160]})") from None


# what the operating system says when a write fails, and what it means to the user
_WRITE_FAILURES = {"No space left on device": "the disk is full", "Disk quota exceeded": "the disk quota is used up",
                   "File too large": "the file size limit is reached", "Read-only file system": "the file system is "
                   "read-only", "Permission denied": "no permission to write it"}


def _write_failure(exc: BaseException) -> str | None:
    return next((meaning for os_text, meaning in _WRITE_FAILURES.items() if os_text in str(exc)), None)


def _cannot_write(path: Path, exc: BaseException, opening: bool = False) -> SourcecheckError:
    meaning = _write_failure(exc) or (getattr(exc, "strerror", None) or str(exc)).splitlines()[0][:120]
    if opening:
        return SourcecheckError(f"{path}: cannot open the warehouse for writing: {meaning}; commands that only read "
                                "(query, report, review, export) still work")
    return SourcecheckError(f"{path}: cannot write the warehouse: {meaning}; nothing of this step was written")


# what DuckDB says when the file's bytes are not what it wrote: a block whose checksum fails, a truncated file
_DAMAGE = {"Corrupt database file": "a block fails its checksum", "Could not read enough bytes": "it is truncated"}


def _damage(exc: BaseException) -> str | None:
    return next((meaning for duckdb_text, meaning in _DAMAGE.items() if duckdb_text in str(exc)), None)


def _damaged(path: Path, exc: BaseException) -> InputError:
    return InputError(path, f"the warehouse file is damaged ({_damage(exc)}); restore it from a backup (made by "
                            "`sourcecheck backup`), or save the tables still readable with `sourcecheck query`")


def cannot_write_output(path: Path, what: str, exc: BaseException) -> SourcecheckError | None:
    """A report or an export the disk refused (full, read-only, over a size limit), worded as the warehouse's own
    writes are; None for any other failure."""
    meaning = _write_failure(exc)
    return SourcecheckError(f"{path}: cannot write the {what}: {meaning}; nothing was written") if meaning else None
