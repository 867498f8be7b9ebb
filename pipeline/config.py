"""`sourcecheck.toml`: what `sourcecheck serve` schedules. One file, documented in the README.

    db = "warehouse.duckdb"                 # optional; default $SOURCECHECK_DB or ./warehouse.duckdb
    dask = "tcp://10.0.0.5:8786"            # optional: verify on this Dask scheduler

    [ingest]                                # re-ingest watched source folders
    sources = ["sources/"]                  # files or folders (read recursively)
    cron = "*/15 * * * *"

    [verify]                                # verify articles that are new or whose inputs changed
    articles = ["articles/**/*.md"]         # glob patterns, matched at each run
    cron = "*/30 * * * *"

Relative paths are relative to the file's folder, so the schedule does not depend on where it is started.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from sourcecheck.core.errors import InputError

_KEYS = {"": {"db", "dask", "timezone", "ingest", "verify"}, "ingest": {"sources", "cron"},
         "verify": {"articles", "cron"}}
_PATHS = {"ingest": "sources", "verify": "articles"}


@dataclass(frozen=True)
class Schedule:
    cron: str
    paths: list[str]           # absolute: source files or folders (ingest), article glob patterns (verify)


@dataclass(frozen=True)
class ServeConfig:
    path: Path
    db: str | None
    dask: str | None
    timezone: str              # of the cron expressions
    ingest: Schedule | None
    verify: Schedule | None


def load_config(path: Path) -> ServeConfig:
    if not path.is_file():
        raise InputError(path, "no such config file (see `sourcecheck.toml` in the README)")
    try:
        raw = tomllib.loads(path.read_text("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(path, f"not valid TOML ({str(exc).splitlines()[0]})") from None
    _check_keys(path, raw, "")
    base = path.resolve().parent
    schedules = {section: _schedule(path, raw, section, base) for section in _PATHS}
    if not any(schedules.values()):
        raise InputError(path, "schedules nothing: add an [ingest] or a [verify] table")
    db = raw.get("db")
    return ServeConfig(path, str(base / db) if db else None, raw.get("dask") or None, raw.get("timezone", "UTC"),
                       schedules["ingest"], schedules["verify"])


def _schedule(path: Path, raw: dict, section: str, base: Path) -> Schedule | None:
    table = raw.get(section)
    if table is None:
        return None
    if not isinstance(table, dict):
        raise InputError(path, f"[{section}] must be a table")
    _check_keys(path, table, section)
    paths, cron = table.get(_PATHS[section]), table.get("cron")
    if not isinstance(cron, str) or not cron.strip():
        raise InputError(path, f"[{section}] needs a cron expression, e.g. cron = \"*/30 * * * *\"")
    if not isinstance(paths, list) or not paths or not all(isinstance(p, str) and p for p in paths):
        raise InputError(path, f"[{section}] needs {_PATHS[section]} = [\"...\"], a non-empty list of paths")
    return Schedule(cron.strip(), [str(base / p) for p in paths])


def _check_keys(path: Path, table: dict, section: str) -> None:
    unknown = sorted(set(table) - _KEYS[section])
    if unknown:
        where = f"[{section}]" if section else "the top level"
        raise InputError(path, f"unknown key {unknown[0]!r} in {where}; expected {', '.join(sorted(_KEYS[section]))}")
