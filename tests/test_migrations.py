"""Schema migrations: numbered files applied in order, gaps skipped, a version-1 warehouse upgraded in place."""

import json
from pathlib import Path

import duckdb
import pytest
from conftest import rows

from sourcecheck.warehouse import SCHEMA_VERSION, Warehouse
from sourcecheck.warehouse import migrations as schema


def _version_1_warehouse(path):
    con = duckdb.connect(str(path))
    con.execute(schema.schema_sql("001_initial.sql"))
    con.execute("INSERT INTO schema_version (version) VALUES (1)")
    con.execute("INSERT INTO claims VALUES ('c1', 'a1', 's1', 0, 'An old claim.', 0, 13, NULL, 'none', [], NULL, NULL, "
                "true, '')")
    con.close()


def test_version_1_warehouse_is_upgraded_in_place(db):
    _version_1_warehouse(db)
    with Warehouse.open(db):
        pass
    assert rows(db, "SELECT version FROM schema_version ORDER BY version") == [(v,) for v, _ in schema.migrations()]
    assert rows(db, "SELECT claim_id, text FROM claims") == [("c1", "An old claim.")]
    assert rows(db, "SELECT count(*) FROM claim_details") == rows(db, "SELECT count(*) FROM claim_slots") == [(0,)]
    with Warehouse.open(db):  # opening again applies nothing twice
        pass
    assert rows(db, "SELECT count(*) FROM schema_version") == [(len(schema.migrations()),)]


def test_a_lower_numbered_file_merged_later_is_still_applied(db, monkeypatch):
    """A warehouse made by a branch that lacked 002 (it has 001, 003, 004) still gets 002 when 002 arrives."""
    every = schema.migrations()
    monkeypatch.setattr(schema, "migrations", lambda: [m for m in every if m[0] != 2])
    with Warehouse.open(db):
        pass
    assert (2,) not in rows(db, "SELECT version FROM schema_version")
    monkeypatch.setattr(schema, "migrations", lambda: every)
    with Warehouse.open(db):
        pass
    assert rows(db, "SELECT version FROM schema_version ORDER BY version") == [(v,) for v, _ in every]
    assert rows(db, "SELECT count(*) FROM review_decisions") == [(0,)]


def test_migration_files_are_numbered_in_order():
    assert [v for v, _ in schema.migrations()] == sorted(v for v, _ in schema.migrations())
    assert max(v for v, _ in schema.migrations()) == SCHEMA_VERSION


def test_claim_structure_is_stored(demo_db):
    types = dict(rows(demo_db, "SELECT claim_type, count(*) FROM claim_details GROUP BY 1"))
    assert set(types) == {"factual", "quote", "opinion", "prediction"}
    assert rows(demo_db, """SELECT number, approximator, unit FROM claim_slots JOIN claims USING (claim_id)
                            WHERE kind = 'quantity' AND claims.text LIKE 'Around 2,000%'""") == \
        [(2000.0, "around", "personnel")]
    assert ("he", "Ci Guowei") in rows(demo_db, "SELECT mention, resolved FROM claim_references")
    uncheckable = rows(demo_db, """SELECT DISTINCT d.claim_type
                                   FROM claim_status s JOIN claim_details d USING (claim_id)
                                   WHERE s.status = 'uncheckable'""")
    assert uncheckable == [("opinion",)]


V1_FIXTURE = Path(__file__).parent / "fixtures" / "warehouse-v1"   # EXPORT DATABASE of a schema-1 warehouse


@pytest.mark.model
def test_warehouse_made_by_sourcecheck_at_schema_1_upgrades_in_place(db, tmp_path, capsys):
    """The fixture was made by sourcecheck at commit a84f3e2 (schema 1): two sources ingested, one article
    verified; exported with EXPORT DATABASE (Parquet) so it stays small and readable by any DuckDB."""
    from conftest import EXAMPLE

    from sourcecheck.cli import main

    _import_fixture(db, V1_FIXTURE)
    old = {t: rows(db, f"SELECT count(*) FROM {t}")[0][0]
           for t in ("sources", "passages", "runs", "verdicts", "claims")}
    assert rows(db, "SELECT version FROM schema_version") == [(1,)] and old["runs"] == 1
    assert main(["--db", str(db), "query", "SELECT count(*) AS n FROM claim_status", "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines() == ["n", str(old["verdicts"])]   # read as it is, not migrated
    assert rows(db, "SELECT version FROM schema_version") == [(1,)]
    article = tmp_path / "article.md"
    article.write_text((V1_FIXTURE.parent / "warehouse-v1-article.md").read_text())
    assert main(["--db", str(db), "verify", str(article)]) == 0   # the first writing command upgrades it
    assert rows(db, "SELECT version FROM schema_version ORDER BY version") == [(v,) for v, _ in schema.migrations()]
    assert {t: rows(db, f"SELECT count(*) FROM {t}")[0][0] for t in ("sources", "passages")} == \
        {t: old[t] for t in ("sources", "passages")}
    assert rows(db, "SELECT count(*) FROM runs") == [(2,)]
    assert rows(db, "SELECT count(*), count(DISTINCT article_id) FROM claim_status") == [(2, 1)]   # same article
    from sourcecheck.core.ids import content_id  # 006 gave the old sources the document ids ingest computes

    assert all(document_id == content_id("document", path, key) for document_id, path, key in
               rows(db, "SELECT document_id, path, record_key FROM sources"))
    assert main(["--db", str(db), "sources", "add", str(EXAMPLE / "sources")]) == 0


def _import_fixture(db, folder: Path) -> None:
    """IMPORT DATABASE, with the data files named from wherever the fixture is, and views created once the
    views they read exist (EXPORT DATABASE writes them in name order)."""
    con = duckdb.connect(str(db))
    pending = duckdb.extract_statements((folder / "schema.sql").read_text())
    while pending:
        failed = []
        for statement in pending:
            try:
                con.execute(statement.query)
            except duckdb.CatalogException:
                failed.append(statement)
        assert len(failed) < len(pending), failed[0].query
        pending = failed
    con.execute((folder / "load.sql").read_text().replace("FROM '", f"FROM '{folder}/"))
    con.close()


def test_version_7_verdicts_judged_without_their_cited_source_become_source_missing(db, monkeypatch):
    """008: a verdict whose cited outlets had nothing in the store was another outlet's; it is now the flag."""
    every = schema.migrations()
    monkeypatch.setattr(schema, "migrations", lambda: [m for m in every if m[0] <= 7])
    with Warehouse.open(db):
        pass
    con = duckdb.connect(str(db))
    con.execute("""INSERT INTO runs (run_id, article_id, article_content_hash, started_at, finished_at,
                       sourcecheck_version, embedding_model, scorer, scorer_version, parameters, passages_in_store,
                       claims, status_counts)
                   VALUES ('r1', 'a1', 'h', now(), now(), '0', 'm', 'nli-slots', '1', '{}', 3, 3,
                           '{"not_found": 1, "supported": 2}')""")
    con.execute("""INSERT INTO verdicts (run_id, claim_id, status, evidence_outlet, explanation, cited_source_in_store)
                   VALUES ('r1', 'c1', 'supported', 'Xinhua', 'the cited source (Kommersant, 2012-06-08) has no '
                           || 'passage in the store; judged against the whole store: Xinhua (2012-06-08): x', false),
                          ('r1', 'c2', 'supported', 'Interfax', 'Interfax (2012-06-08): y', true),
                          ('r1', 'c3', 'not_found', NULL, 'the cited source (TASS) has no passage in the store; '
                           || 'judged against the whole store: no passage in the store supports', false)""")
    con.close()
    monkeypatch.setattr(schema, "migrations", lambda: every)
    with Warehouse.open(db):
        pass
    assert rows(db, "SELECT claim_id, status, evidence_outlet FROM verdicts ORDER BY claim_id") == [
        ("c1", "source_missing", "Xinhua"), ("c2", "supported", "Interfax"), ("c3", "source_missing", None)]
    [(explanation,)] = rows(db, "SELECT explanation FROM verdicts WHERE claim_id = 'c1'")
    assert explanation == ("the cited source (Kommersant, 2012-06-08) has no passage in the store: add it to check "
                           "the claim. Context only, not the cited source: Xinhua (2012-06-08): x")
    [(counts,)] = rows(db, "SELECT status_counts FROM runs")
    assert json.loads(counts) == {"source_missing": 2, "supported": 1}
    assert rows(db, "SELECT max(version) FROM schema_version") == [(SCHEMA_VERSION,)] == [(8,)]
