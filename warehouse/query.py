"""The read-only query guard of `sourcecheck query`: one statement, and only one that reads; a query that can be
stopped (Ctrl-C, a time limit) and a result that cannot outgrow memory."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import duckdb

from sourcecheck.core.errors import SourcecheckError, Terminated
from sourcecheck.warehouse.connection import WarehouseConnection

# Defaults for a demanding user: every table of a newsroom's warehouse (a million passages) comes back whole, a
# long aggregation has five minutes, and what Python holds stays well under the memory DuckDB is left; a bigger
# result is an export (`sourcecheck export`), not something to print.
DEFAULT_TIMEOUT_SECONDS = 300.0
DEFAULT_ROW_LIMIT = 1_000_000
RESULT_BYTE_LIMIT = 256 * 1024 * 1024   # the text of the values fetched; Python holds a few times as much
_FETCH_ROWS = 1_000

_ALLOWED = {duckdb.StatementType.SELECT}
_READS = "`sourcecheck query` only reads (SELECT, WITH ... SELECT, DESCRIBE, SHOW, EXPLAIN)"
_NARROW = "narrow it (WHERE, fewer columns, an aggregate, LIMIT)"


class ReadOnlyQuery(WarehouseConnection):
    def query(self, sql: str, timeout: float = DEFAULT_TIMEOUT_SECONDS,
              row_limit: int = DEFAULT_ROW_LIMIT) -> tuple[list[str], list[tuple]]:
        """Run user SQL that only reads. Refuses anything but SELECT-like statements, EXPLAIN included; the
        connection is read-only with external access off, so no file can be read, written or attached either."""
        statement = _one_reading_statement(sql)
        with _interruptible(self.con, timeout) as stop:
            try:
                cur = self.con.execute(statement)
                names = [d[0] for d in cur.description] if cur.description else []
                return names, _fetch_capped(cur, row_limit, stop)
            except duckdb.OutOfMemoryException:
                limit = self._value("SELECT current_setting('memory_limit')")
                raise SourcecheckError(f"query: needs more than the {limit} of memory DuckDB has for user SQL; "
                                       f"{_NARROW}") from None
            except duckdb.Error as exc:
                stop.raise_reason()   # interrupted: by Ctrl-C or by the time limit
                raise SourcecheckError(f"query: {str(exc).splitlines()[0]}") from None


def _one_reading_statement(sql: str) -> str:
    """The statement to run, judged by DuckDB's parser; an EXPLAIN is judged by the statement it wraps (EXPLAIN
    ANALYZE runs it)."""
    statements = _parse(sql)
    if not statements:
        raise SourcecheckError("query: no SQL statement given")
    for statement in statements:
        _refuse_unless_reading(statement)
    if len(statements) > 1:   # one result to print; and nothing can hide behind a first harmless statement
        raise SourcecheckError(f"query: refused {len(statements)} statements; give one statement per query")
    return statements[0].query


def _parse(sql: str) -> list:
    try:
        return duckdb.extract_statements(sql)
    except duckdb.Error as exc:
        raise SourcecheckError(f"query: {str(exc).splitlines()[0]}") from None


def _refuse_unless_reading(statement, explained: bool = False) -> None:
    if statement.type == duckdb.StatementType.EXPLAIN:
        wrapped = _parse(_explained(statement.query))
        if len(wrapped) != 1:
            raise SourcecheckError("query: refused an EXPLAIN that wraps no single statement")
        _refuse_unless_reading(wrapped[0], explained=True)
    elif statement.type not in _ALLOWED:
        what = f"EXPLAIN of a {statement.type.name}" if explained else f"a {statement.type.name}"
        raise SourcecheckError(f"query: refused {what} statement; {_READS}")


def _explained(sql: str) -> str:
    """The text EXPLAIN wraps: after EXPLAIN, ANALYZE and an option list `(FORMAT json)`, by DuckDB's tokens
    (comments are tokens too). A parenthesis that opens the statement itself, `EXPLAIN (SELECT 1)`, stays; either
    reading leaves a statement that only a SELECT can be when it starts with a parenthesis."""
    found = duckdb.tokenize(sql)
    ends = [start for start, _ in found[1:]] + [len(sql)]
    tokens = [(start, sql[start:end].strip()) for (start, kind), end in zip(found, ends, strict=True)
              if kind != duckdb.token_type.comment]
    rest = tokens[1:]   # tokens[0] is EXPLAIN
    if rest and rest[0][1].upper() in ("ANALYZE", "ANALYSE"):
        rest = rest[1:]
    if rest and rest[0][1] == "(":
        depth = 0
        for i, (_, text) in enumerate(rest):
            depth += {"(": 1, ")": -1}.get(text, 0)
            if depth == 0:
                after = rest[i + 1:]
                if after and _parses(sql[after[0][0]:]):
                    return sql[after[0][0]:]
                break
    return sql[rest[0][0]:] if rest else ""


def _parses(sql: str) -> bool:
    try:
        return len(duckdb.extract_statements(sql)) == 1
    except duckdb.Error:
        return False


def _fetch_capped(cur: duckdb.DuckDBPyConnection, row_limit: int, stop: _Stop) -> list[tuple]:
    """All rows, or a one-line refusal once they pass the row limit or the byte cap (before memory runs out)."""
    rows: list[tuple] = []
    size = 0
    while chunk := cur.fetchmany(_FETCH_ROWS):
        stop.raise_reason()
        rows.extend(chunk)
        if len(rows) > row_limit:
            raise SourcecheckError(f"query: the result has more than {row_limit:,} rows (--limit); {_NARROW}, "
                                   "or raise --limit and write it to a file (--format csv > FILE)")
        size += sum(_size(value) for row in chunk for value in row)
        if size > RESULT_BYTE_LIMIT:
            raise SourcecheckError(f"query: the result passed {RESULT_BYTE_LIMIT // 2**20} MB after {len(rows):,} "
                                   f"rows; {_NARROW}, or take whole tables with `sourcecheck export`")
    return rows


def _size(value: object) -> int:
    """About what a value weighs as text: strings and blobs by length, lists and structs by their parts."""
    if isinstance(value, (str, bytes)):
        return len(value)
    if isinstance(value, (list, tuple)):
        return 8 + sum(_size(v) for v in value)
    if isinstance(value, dict):
        return 8 + sum(_size(k) + _size(v) for k, v in value.items())
    return 8


class _Stop:
    """Why a query was interrupted: Ctrl-C (exit 130) or the time limit (a one-line error)."""

    def __init__(self, timeout: float):
        self.timeout = timeout
        self.reason: str | None = None

    def raise_reason(self) -> None:
        if self.reason == "interrupt":
            raise KeyboardInterrupt
        if self.reason == "terminate":
            raise Terminated
        if self.reason == "timeout":
            raise SourcecheckError(f"query: ran past {self.timeout:g} s and was stopped; give it longer with "
                                   "--timeout SECONDS, or narrow it")


@contextmanager
def _interruptible(con: duckdb.DuckDBPyConnection, timeout: float) -> Iterator[_Stop]:
    """Ctrl-C and the time limit interrupt DuckDB itself: Python's own KeyboardInterrupt waits for a running
    query to finish, which a runaway cross join never does."""
    stop = _Stop(timeout)

    def interrupt(reason: str) -> None:
        stop.reason = stop.reason or reason
        con.interrupt()

    timer = threading.Timer(timeout, interrupt, ["timeout"])
    timer.daemon = True
    on_main_thread = threading.current_thread() is threading.main_thread()
    previous = {}
    if on_main_thread:
        previous = {signal.SIGINT: signal.signal(signal.SIGINT, lambda *_: interrupt("interrupt")),
                    signal.SIGTERM: signal.signal(signal.SIGTERM, lambda *_: interrupt("terminate"))}
    timer.start()
    try:
        yield stop
    finally:
        timer.cancel()
        for signum, handler in previous.items():
            signal.signal(signum, handler)
