"""The installed console script, as users and other tools call it: exit codes, quiet output, one-line errors."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

SCRIPT = Path(sys.executable).parent / "sourcecheck"


def _run(*args, cwd, env=None):
    environment = {**os.environ, "PREFECT_HOME": str(Path(cwd) / "prefect"), **(env or {})}
    return subprocess.run([str(SCRIPT), *args], cwd=cwd, env=environment, capture_output=True, text=True, timeout=600)


@pytest.mark.model   # the installed script in a new process: models, Prefect's temporary API
def test_demo_from_a_fresh_directory_writes_warehouse_and_report(tmp_path):
    result = _run("demo", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "warehouse.duckdb").exists() and (tmp_path / "report.html").exists()
    assert "4 contradicted" in result.stdout and "not real reporting" in result.stdout
    assert result.stderr == ""  # piped: no progress bars, no Prefect chatter
    again = _run("query", "SELECT count(*) AS runs FROM runs", "--format", "csv", cwd=tmp_path)
    assert again.stdout.splitlines() == ["runs", "1"]


@pytest.mark.model   # a new process that starts loading spaCy before it reads the article
def test_bad_input_exits_non_zero_with_one_line(tmp_path):
    bad = tmp_path / "notes.rtf"
    bad.write_text("{\\rtf1}")
    result = _run("--db", str(tmp_path / "w.duckdb"), "verify", str(bad), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == f"sourcecheck: error: {bad}: unknown article type '.rtf'; " \
                            "expected .md, .markdown, .txt, .html or .htm\n"
    assert not (tmp_path / "w.duckdb").exists()


def test_readme_starts_with_the_two_commands():
    readme = (ROOT / "README.md").read_text()
    first_block = readme.split("```")[1]
    assert first_block.strip().splitlines() == ["make demo", "make test"]
    assert readme.index("```") < readme.index("\n## ")  # before anything else


def test_output_piped_into_a_reader_that_stops_early_ends_quietly(tmp_path):
    """`sourcecheck query ... | head`: no traceback and no "internal error" when the reader closes the pipe."""
    from sourcecheck.warehouse import Warehouse

    db = tmp_path / "w.duckdb"
    with Warehouse.open(db):
        pass
    environment = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect")}
    process = subprocess.Popen([str(SCRIPT), "--db", str(db), "query", "SELECT range FROM range(1000)", "--format",
                                "csv"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()        # the reader leaves before the first line, as `head` does after its lines
    assert process.wait(timeout=120) == 141
    assert process.stderr.read() == b""
