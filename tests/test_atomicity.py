"""A stage that fails halfway leaves the warehouse exactly as it was: one transaction per stage."""

import pytest
from conftest import EXAMPLE, warehouse_fingerprint

from sourcecheck.cli import main
from sourcecheck.warehouse import Warehouse

pytestmark = pytest.mark.model   # loads a model or runs the pipeline: not in `make check`


class Boom(RuntimeError):
    pass


def test_verify_failing_after_some_inserts_rolls_back(db, monkeypatch, capsys):
    assert main(["--db", str(db), "sources", "add", str(EXAMPLE / "sources")]) == 0
    before = warehouse_fingerprint(db)
    original = Warehouse._insert_new

    def fail_on_claims(self, table, key, rows):
        if table == "claims":  # articles, sentences and citations are already inserted by now
            raise Boom("disk vanished")
        return original(self, table, key, rows)

    monkeypatch.setattr(Warehouse, "_insert_new", fail_on_claims)
    assert main(["--db", str(db), "verify", str(EXAMPLE / "article.md")]) == 70
    assert "internal error: Boom: disk vanished" in capsys.readouterr().err
    assert warehouse_fingerprint(db) == before


def test_ingest_failing_while_storing_vectors_rolls_back(db, sources_dir, monkeypatch):
    assert main(["--db", str(db), "sources", "add", str(sources_dir / "tass-2012-06-15-arctic-shipping.md")]) == 0
    before = warehouse_fingerprint(db)

    def fail(self, *args, **kwargs):
        raise Boom("out of space")

    monkeypatch.setattr(Warehouse, "store_vectors", fail)
    assert main(["--db", str(db), "sources", "add", str(sources_dir)]) == 70
    assert warehouse_fingerprint(db) == before


@pytest.mark.parametrize("table", ["citations", "verdicts"])
def test_verification_interrupted_while_writing_leaves_nothing(db, monkeypatch, table, capsys):
    assert main(["--db", str(db), "sources", "add", str(EXAMPLE / "sources")]) == 0
    before = warehouse_fingerprint(db)
    original = Warehouse._insert

    def interrupt_at(self, name, *args, **kwargs):
        if name == table:  # Ctrl-C with part of the run already inserted
            raise KeyboardInterrupt
        return original(self, name, *args, **kwargs)

    monkeypatch.setattr(Warehouse, "_insert", interrupt_at)
    assert main(["--db", str(db), "verify", str(EXAMPLE / "article.md")]) == 130
    assert "interrupted" in capsys.readouterr().err
    assert warehouse_fingerprint(db) == before
