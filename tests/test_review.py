"""`sourcecheck review`: decisions on flags are stored, kept by later runs, shown by the report, and lapse
when the claim or its evidence changes."""

import re
import shutil

import duckdb
import pytest
from conftest import rows

from sourcecheck.warehouse import SCHEMA_VERSION
from sourcecheck.warehouse.migrations import migrations


def flag_id(db) -> str:
    [(claim_id,)] = rows(db, "SELECT claim_id FROM claim_status WHERE status = 'contradicted'")
    return claim_id


def markdown(store, capsys) -> str:
    capsys.readouterr()
    assert store.run("report", "--format", "markdown") == 0
    return capsys.readouterr().out


def test_review_lists_pending_flags_and_records_a_decision_by_id_prefix(small_store, capsys):
    claim = flag_id(small_store.db)
    assert small_store.run("review") == 0
    listed = capsys.readouterr().out
    assert claim[:8] in listed and "contradicted" in listed and "1 of 1 flags await review" in listed
    assert small_store.run("review", claim[:6], "--decision", "dismiss", "--note", "KZ corrected to 2,000",
                           "--reviewer", "editor") == 0
    assert "dismissed on claim" in capsys.readouterr().out
    assert rows(small_store.db, "SELECT claim_id, decision, note, reviewer FROM review_decisions") == [
        (claim, "dismiss", "KZ corrected to 2,000", "editor")]
    assert small_store.run("review") == 0
    assert claim[:8] not in capsys.readouterr().out
    assert small_store.run("review", "--all") == 0
    assert "flag dismissed" in capsys.readouterr().out
    out = small_store.db.parent / "report.html"
    assert small_store.run("report", "--out", str(out)) == 0
    html = out.read_text()
    assert "Flag dismissed</strong> by editor" in html and "KZ corrected to 2,000" in html
    assert 'data-review="dismissed"' in html


def test_dismissal_survives_reruns_and_lapses_when_the_evidence_changes(small_store, capsys):
    claim = flag_id(small_store.db)
    assert small_store.run("review", claim[:8], "--decision", "dismiss", "--note", "fine") == 0
    assert small_store.run("verify", str(small_store.article)) == 0            # same claim, same evidence
    assert flag_id(small_store.db) == claim
    assert "Review: flag dismissed by" in markdown(small_store, capsys)

    small_store.source.write_text(small_store.source.read_text().replace("About 1,300", "About 1,200"))
    assert small_store.run("sources", "add", str(small_store.source)) == 0
    assert small_store.run("verify", str(small_store.article)) == 0            # same claim, new evidence
    assert flag_id(small_store.db) == claim
    listed = markdown(small_store, capsys)
    assert "Review: awaiting review (an earlier decision was made on other evidence)" in listed
    assert "**About 1,200 servicemen**" in listed
    assert small_store.run("review", claim[:8]) == 0
    shown = capsys.readouterr().out
    assert "review: awaiting review" in shown and "dismiss by" in shown and "(made on other evidence)" in shown


def test_a_changed_claim_is_a_new_flag(small_store, capsys):
    claim = flag_id(small_store.db)
    assert small_store.run("review", claim[:8], "--decision", "confirm") == 0
    small_store.article.write_text(small_store.article.read_text().replace("Around 2,000", "Around 2,500"))
    assert small_store.run("verify", str(small_store.article)) == 0
    assert flag_id(small_store.db) != claim
    assert "1 of 1 flags await review" in (small_store.run("review"), capsys.readouterr().out)[1]


def test_review_refuses_what_it_cannot_decide(demo_db, tmp_path, capsys):
    db = tmp_path / "warehouse.duckdb"
    shutil.copy(demo_db, db)
    ids = [r[0] for r in rows(db, "SELECT claim_id FROM claim_status")]
    shared = next(c[:1] for c in ids if sum(i.startswith(c[:1]) for i in ids) > 1)
    [(supported,)] = rows(db, "SELECT claim_id FROM claim_status WHERE status = 'supported' LIMIT 1")
    from sourcecheck.cli import main

    for args, message in [((shared, "--decision", "confirm"), "is ambiguous"),
                          (("ffffffffffffffff", "--decision", "confirm"), "no claim ffffffffffffffff"),
                          (("not-an-id", "--decision", "confirm"), "is not a claim id"),
                          ((supported[:8], "--decision", "dismiss"), "is supported, not flagged"),
                          (("--decision", "dismiss"), "give the CLAIM_ID")]:
        assert main(["--db", str(db), "review", *args]) == 1
        err = capsys.readouterr().err
        assert message in err and err.count("\n") == 1
    with pytest.raises(SystemExit) as exit_:
        main(["--db", str(db), "review", supported[:8], "--decision", "maybe"])
    assert exit_.value.code == 2
    assert rows(db, "SELECT count(*) FROM review_decisions") == [(0,)]


def test_a_version_1_warehouse_is_upgraded_in_place(demo_db, tmp_path, capsys):
    db = tmp_path / "warehouse.duckdb"
    shutil.copy(demo_db, db)
    con = duckdb.connect(str(db))
    con.execute("DROP TABLE review_decisions")
    con.execute("DELETE FROM schema_version WHERE version > 1")
    con.close()
    runs = rows(db, "SELECT run_id FROM runs")
    from sourcecheck.cli import main

    assert main(["--db", str(db), "report", "--out", str(tmp_path / "r.html")]) == 0   # read-only: no upgrade
    assert rows(db, "SELECT max(version) FROM schema_version") == [(1,)]
    contradicted = rows(db, "SELECT claim_id FROM claim_status WHERE status = 'contradicted'")[0][0]
    assert main(["--db", str(db), "review", contradicted, "--decision", "confirm"]) == 0
    assert rows(db, "SELECT version FROM schema_version ORDER BY version") == [(n,) for n, _ in migrations()]
    assert rows(db, "SELECT run_id FROM runs") == runs
    assert rows(db, "SELECT decision FROM review_decisions") == [("confirm",)]


def test_schema_version_is_the_last_migration():
    numbers = [number for number, _ in migrations()]
    assert numbers == sorted(set(numbers)) and numbers[0] == 1 and numbers[-1] == SCHEMA_VERSION   # 003: another branch


def test_source_missing_is_a_flag_asking_for_the_source_in_report_markdown_and_review(small_store, capsys):
    small_store.article.write_text(small_store.article.read_text() + "\nAbout 1,300 servicemen from five states "
                                   "took part in Peace Mission 2012 (Kommersant, June 19).\n")
    assert small_store.run("verify", str(small_store.article)) == 0
    [(claim, outlet)] = rows(small_store.db, "SELECT claim_id, evidence_outlet FROM claim_status "
                                             "WHERE status = 'source_missing' AND flagged")
    assert outlet == "Krasnaya Zvezda"        # says the same, shown as context only, never the verdict
    listed = markdown(small_store, capsys)
    assert "| source_missing | 1 |" in listed and "**source missing**" in listed
    assert "**Add this source: Kommersant, 2012-06-19 has nothing in the store for the cited days" in listed
    assert "- Context only, another outlet, Krasnaya Zvezda 2012-06-18" in listed
    out = small_store.db.parent / "report.html"
    assert small_store.run("report", "--out", str(out)) == 0
    flagged = out.read_text().split('<h2 id="flagged">')[1].split('<h2 id="others">')[0]
    card = re.search(rf'<article class="claim source_missing" id="claim-{claim}".*?</article>', flagged, re.S)
    assert card and "<strong>Add this source.</strong> Kommersant has nothing in the store" in card.group(0)
    assert "Context only, another outlet (not the cited source): <strong>Krasnaya Zvezda</strong>" in card.group(0)
    capsys.readouterr()
    assert small_store.run("review") == 0
    assert claim[:8] in capsys.readouterr().out
    assert small_store.run("review", claim[:8], "--decision", "confirm", "--note", "Kommersant archive ordered") == 0
    assert rows(small_store.db, "SELECT status, decision FROM review_decisions") == [("source_missing", "confirm")]
