"""`sourcecheck query`: read-only SQL, three output formats, and everything it refuses."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ctrl_c_as_at_a_terminal, warehouse_fingerprint

from sourcecheck.cli import main


def test_select_in_three_formats(demo_db, capsys):
    sql = "SELECT status, count(*) AS n FROM claim_status GROUP BY status ORDER BY status"
    assert main(["--db", str(demo_db), "query", sql, "--format", "json"]) == 0
    as_json = {r["status"]: r["n"] for r in json.loads(capsys.readouterr().out)}
    assert as_json["contradicted"] == 4
    assert main(["--db", str(demo_db), "query", sql, "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "status,n"
    assert main(["--db", str(demo_db), "query", sql]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split() == ["status", "n"] and table[-1] == f"({len(as_json)} rows)"


READS = "`sourcecheck query` only reads (SELECT, WITH ... SELECT, DESCRIBE, SHOW, EXPLAIN)\n"


@pytest.mark.parametrize("sql, refusal", [
    ("INSERT INTO outlets VALUES ('X', [], true)", "refused a INSERT statement"),
    ("DELETE FROM verdicts", "refused a DELETE statement"),
    ("UPDATE verdicts SET status = 'supported'", "refused a UPDATE statement"),
    ("DROP TABLE runs", "refused a DROP statement"),
    ("CREATE TABLE x AS SELECT 1", "refused a CREATE statement"),
    ("SELECT 1; DELETE FROM runs", "refused a DELETE statement"),
    ("ATTACH '/tmp/other.duckdb' AS other", "refused a ATTACH statement"),
    ("COPY runs TO '/tmp/runs.csv'", "refused a COPY statement"),
    ("SET enable_external_access = true", "refused a SET statement"),
    ("INSTALL httpfs", "refused a"),
    ("SELECT * FROM read_csv('/etc/passwd')", "Permission Error"),
    ("SELECT * FROM read_text('/etc/hostname')", "Permission Error"),
    ("SELEC 1", "query: Parser Error"),
    ("SELECT 1; SELECT 2", "query: refused 2 statements; give one statement per query"),
    ("LOAD httpfs", "refused a LOAD statement"),
    ("PRAGMA database_list", "refused a PRAGMA statement"),
    ("EXPORT DATABASE '/tmp/sourcecheck-export'", "refused a EXPORT statement"),
    ("IMPORT DATABASE '/tmp/sourcecheck-export'", "refused a PRAGMA statement"),
    ("CALL pragma_version()", "refused a CALL statement"),
    ("CHECKPOINT", "refused a CALL statement"),
    ("DETACH warehouse", "refused a DETACH statement"),
    ("USE memory", "refused a SET statement"),
    ("SET lock_configuration = false", "refused a SET statement"),
    ("BEGIN TRANSACTION", "refused a TRANSACTION statement"),
    ("VACUUM", "refused a VACUUM statement"),
    ("CREATE SECRET s (TYPE s3)", "refused a CREATE statement"),
    ("EXPLAIN ANALYZE COPY runs TO '/tmp/sourcecheck-runs.csv'", "query: refused EXPLAIN of a COPY statement"),
    ("SELECT * FROM read_parquet('/tmp/x.parquet')", "file system operations are disabled"),
    ("SELECT * FROM read_json('/etc/hostname')", "file system operations are disabled"),
    ("SELECT * FROM read_blob('/etc/hostname')", "file system operations are disabled"),
    ("SELECT * FROM glob('/etc/*')", "file system operations are disabled"),
    ("SELECT * FROM duckdb_extensions()", "file system operations are disabled"),
    # EXPLAIN ANALYZE runs the statement it wraps: that statement is judged
    ("EXPLAIN ANALYZE CREATE TEMP TABLE t AS SELECT 1", f"query: refused EXPLAIN of a CREATE statement; {READS}"),
    ("EXPLAIN ANALYZE CHECKPOINT", f"query: refused EXPLAIN of a CALL statement; {READS}"),
    ("EXPLAIN ANALYZE CALL pragma_version()", f"query: refused EXPLAIN of a CALL statement; {READS}"),
    ("explain /* a comment */ analyse\n(FORMAT json) VACUUM", f"query: refused EXPLAIN of a VACUUM statement; {READS}"),
    ("EXPLAIN (FORMAT json) DELETE FROM runs", f"query: refused EXPLAIN of a DELETE statement; {READS}"),
    ("EXPLAIN ANALYZE SET threads = 1", f"query: refused EXPLAIN of a SET statement; {READS}"),
    ("EXPLAIN ANALYZE PRAGMA version", f"query: refused EXPLAIN of a PRAGMA statement; {READS}"),
    ("EXPLAIN ANALYZE INSERT INTO outlets VALUES ('X', [], true)",
     f"query: refused EXPLAIN of a INSERT statement; {READS}"),
])
def test_query_refuses_anything_that_writes_or_reaches_outside(demo_db, sql, refusal, capsys):
    before = warehouse_fingerprint(demo_db)
    assert main(["--db", str(demo_db), "query", sql]) == 1
    err = capsys.readouterr().err
    assert refusal in err and err.count("\n") == 1
    assert warehouse_fingerprint(demo_db) == before


def test_query_without_a_warehouse(tmp_path, capsys):
    assert main(["--db", str(tmp_path / "none.duckdb"), "query", "SELECT 1"]) == 1
    assert "no warehouse here yet" in capsys.readouterr().err
    assert not (tmp_path / "none.duckdb").exists()


# a file that is not DuckDB, or from a newer schema: tests/test_bad_input.py


def test_env_var_selects_the_warehouse(demo_db, monkeypatch, capsys):
    monkeypatch.setenv("SOURCECHECK_DB", str(demo_db))
    assert main(["query", "SELECT count(*) AS n FROM runs", "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines() == ["n", "1"]


def test_json_output_is_valid_json_even_for_nan(demo_db, capsys):
    sql = "SELECT 'nan'::DOUBLE AS x, [1.5, 'inf'::DOUBLE] AS y"
    assert main(["--db", str(demo_db), "query", sql, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == [{"x": None, "y": [1.5, None]}]


def test_everyday_sql_in_the_readme_runs(demo_db, capsys):
    from conftest import ROOT, rows

    readme = (ROOT / "README.md").read_text()
    block = readme.split("Everyday SQL:\n\n```sql\n")[1].split("```")[0]
    claim_id = rows(demo_db, "SELECT claim_id FROM claim_status WHERE status = 'contradicted' LIMIT 1")[0][0]
    statements = [s.strip() for s in block.replace("'...'", f"'{claim_id}'").split(";") if s.strip()]
    results = []
    for statement in statements:
        assert main(["--db", str(demo_db), "query", statement, "--format", "json"]) == 0
        results.append(json.loads(capsys.readouterr().out))
    contradicted, krasnaya, history = results
    assert len(contradicted) == 4
    assert {r["status"] for r in krasnaya} >= {"contradicted", "misattributed", "not_found"}
    assert [r["status"] for r in history] == ["contradicted"]


def test_table_output_does_not_pass_terminal_escape_codes(demo_db, capsys):
    assert main(["--db", str(demo_db), "query", "SELECT 'red' || chr(27) || '[2J' AS x"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "red\\x1b[2J" in out


@pytest.fixture
def empty_db(tmp_path) -> Path:
    """A warehouse with its tables and no rows: enough for queries that judge the guard, not the data."""
    from sourcecheck.warehouse import Warehouse

    db = tmp_path / "warehouse.duckdb"
    with Warehouse.open(db):
        pass
    return db


@pytest.mark.parametrize("sql", [
    "EXPLAIN SELECT * FROM runs", "EXPLAIN ANALYZE SELECT count(*) FROM runs", "EXPLAIN (FORMAT json) SELECT 1",
    "EXPLAIN (SELECT 1)", "EXPLAIN (FORMAT json) (SELECT 1)", "EXPLAIN ANALYZE WITH t AS (SELECT 1 AS x) TABLE t",
    "DESCRIBE runs", "SUMMARIZE runs", "SHOW TABLES",
])
def test_explain_of_a_reading_statement_runs(empty_db, sql, capsys):
    assert main(["--db", str(empty_db), "query", sql, "--format", "csv"]) == 0
    assert capsys.readouterr().err == ""


RUNAWAY = "SELECT count(*) FROM range(1000000000) a, range(1000000000) b"


def _query_process(db: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "sourcecheck.cli", "--db", str(db), "query", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=ctrl_c_as_at_a_terminal)


STOPPED = {signal.SIGINT: (130, "interrupted"), signal.SIGTERM: (143, "terminated")}


@pytest.mark.parametrize("signum", STOPPED, ids=["ctrl-c", "sigterm"])
def test_a_signal_interrupts_a_runaway_query(empty_db, signum):
    before = warehouse_fingerprint(empty_db)
    process = _query_process(empty_db, RUNAWAY)
    deadline = time.monotonic() + 60
    while not any(os.readlink(fd) == str(empty_db) for fd in Path(f"/proc/{process.pid}/fd").iterdir()
                  if fd.is_symlink()):   # the warehouse is open: the query starts now
        assert process.poll() is None and time.monotonic() < deadline
        time.sleep(0.05)
    time.sleep(1)
    process.send_signal(signum)
    interrupted = time.monotonic()
    out, err = process.communicate(timeout=60)
    assert time.monotonic() - interrupted < 5
    code, word = STOPPED[signum]
    assert process.returncode == code and out == ""
    assert err == f"sourcecheck: {word}; the warehouse is unchanged by the unfinished step\n"
    assert warehouse_fingerprint(empty_db) == before


def test_timeout_stops_a_runaway_query(empty_db):
    before = warehouse_fingerprint(empty_db)
    started = time.monotonic()
    process = _query_process(empty_db, RUNAWAY, "--timeout", "1")
    out, err = process.communicate(timeout=60)
    assert time.monotonic() - started < 15   # the start of Python and the CLI, then one second of query
    assert process.returncode == 1 and out == ""
    assert err == ("sourcecheck: error: query: ran past 1 s and was stopped; give it longer with --timeout SECONDS, "
                   "or narrow it\n")
    assert warehouse_fingerprint(empty_db) == before


NARROW = "narrow it (WHERE, fewer columns, an aggregate, LIMIT)"


@pytest.mark.parametrize("args, message", [
    (["SELECT range FROM range(11)", "--limit", "10"],
     f"query: the result has more than 10 rows (--limit); {NARROW}, or raise --limit and write it to a file "
     "(--format csv > FILE)"),
    (["SELECT range FROM range(1000001)"],
     f"query: the result has more than 1,000,000 rows (--limit); {NARROW}, or raise --limit and write it to a file "
     "(--format csv > FILE)"),
    (["SELECT repeat('x', 1000000) FROM range(300)"],
     f"query: the result passed 256 MB after 300 rows; {NARROW}, or take whole tables with `sourcecheck export`"),
    (["SELECT list(range) FROM range(500000000)"],
     f"query: needs more than the 2.0 GiB of memory DuckDB has for user SQL; {NARROW}"),
    (["SELECT 1", "--timeout", "0"], "query: --timeout and --limit must be above 0"),
    (["SELECT 1", "--limit", "-1"], "query: --timeout and --limit must be above 0"),
])
def test_a_result_too_big_for_memory_is_refused_in_one_line(empty_db, args, message, capsys):
    before = warehouse_fingerprint(empty_db)
    assert main(["--db", str(empty_db), "query", *args]) == 1
    assert capsys.readouterr() == ("", f"sourcecheck: error: {message}\n")
    assert warehouse_fingerprint(empty_db) == before
