"""The schema: the numbered files under warehouse/schema/, which of them a warehouse has applied, and applying
the rest. A file merged in with a lower number than one already applied is still applied."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import duckdb

from sourcecheck.core.errors import InputError

SCHEMA_VERSION = 8  # the highest numbered file in warehouse/schema/ (005 was never used)


def schema_sql(name: str) -> str:
    return resources.files("sourcecheck.warehouse").joinpath(f"schema/{name}").read_text("utf-8")


def migrations() -> list[tuple[int, str]]:
    """(version, file) of every numbered schema file `NNN_name.sql`, in order; numbers may have gaps."""
    names = [f.name for f in resources.files("sourcecheck.warehouse").joinpath("schema").iterdir()]
    return sorted((int(m.group(1)), name) for name in names if (m := re.fullmatch(r"(\d{3})_\w+\.sql", name)))


def _tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}


def schema_version_of(con: duckdb.DuckDBPyConnection, path: Path) -> int:
    """The schema version of an opened file (0: a new file); refuses another application's DuckDB file and a
    schema newer than this sourcecheck understands."""
    tables = _tables(con)
    if "schema_version" not in tables:
        if tables and "runs" not in tables:
            raise InputError(path, "is a DuckDB file but not a sourcecheck warehouse")
        return 0
    version = con.execute("SELECT max(version) FROM schema_version").fetchall()[0][0] or 0
    if version > SCHEMA_VERSION:
        raise InputError(path, f"warehouse schema version {version} is newer than this sourcecheck "
                               f"understands ({SCHEMA_VERSION}); upgrade sourcecheck")
    return version


def migrate(con: duckdb.DuckDBPyConnection) -> int:
    """Apply, in order, every numbered schema file this warehouse has not recorded in `schema_version`, then
    the views (call it inside a transaction). Returns the schema version now."""
    applied = {r[0] for r in con.execute("SELECT version FROM schema_version").fetchall()} \
        if "schema_version" in _tables(con) else set()
    for version, name in migrations():
        if version not in applied:
            con.execute(schema_sql(name))
            con.execute("INSERT INTO schema_version (version) VALUES (?)", [version])
    con.execute(schema_sql("views.sql"))
    return max(applied | {v for v, _ in migrations()})
