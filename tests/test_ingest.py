"""Ingesting source documents: idempotent, replacing changed files, refusing bad input without a trace."""

import json

import pytest

from conftest import rows, warehouse_fingerprint
from sourcecheck.cli import main

COUNTS = "SELECT (SELECT count(*) FROM sources), (SELECT count(*) FROM passages), (SELECT count(*) FROM embeddings_384)"


def test_reingesting_the_same_files_adds_nothing(db, sources_dir, capsys):
    assert main(["--db", str(db), "sources", "add", str(sources_dir)]) == 0
    first = rows(db, COUNTS)
    fingerprint = warehouse_fingerprint(db)
    assert main(["--db", str(db), "sources", "add", str(sources_dir)]) == 0
    assert rows(db, COUNTS) == first
    assert warehouse_fingerprint(db) == fingerprint
    assert "0 stored" in capsys.readouterr().out.splitlines()[-1]


def test_vectors_are_normalised_and_fixed_width(db, sources_dir):
    assert main(["--db", str(db), "sources", "add", str(sources_dir)]) == 0
    [(dtype, low, high)] = rows(db, "SELECT any_value(typeof(vector)), min(norm), max(norm) FROM "
                                    "(SELECT vector, sqrt(array_inner_product(vector, vector)) AS norm FROM embeddings_384)")
    assert dtype == "FLOAT[384]"
    assert 0.999 < low <= high < 1.001


def test_changed_file_replaces_its_passages(db, sources_dir):
    path = sources_dir / "tass-2012-06-15-arctic-shipping.md"
    assert main(["--db", str(db), "sources", "add", str(path)]) == 0
    old = rows(db, "SELECT count(*) FROM passages WHERE retired_at IS NULL")[0][0]
    path.write_text(path.read_text() + "\nThe icebreaker Yamal will lead the first convoy of the season.\n")
    assert main(["--db", str(db), "sources", "add", str(path)]) == 0
    assert rows(db, "SELECT count(*) FROM sources") == [(1,)]
    assert rows(db, "SELECT count(*) FROM passages WHERE retired_at IS NULL")[0][0] == old + 1
    assert rows(db, "SELECT count(*) FROM passages WHERE retired_at IS NOT NULL")[0][0] == old
    # unchanged sentences reuse their cached vectors: only the new sentence was embedded
    assert rows(db, "SELECT count(*) FROM embeddings_384")[0][0] == old + 1


def test_jsonl_records_and_outlet_aliases(db, tmp_path):
    path = tmp_path / "feed.jsonl"
    records = [
        {"outlet": "Красная звезда", "published": "2012-06-18", "url": "https://example.invalid/1",
         "text": "The exercise ended on June 14. About 1,300 servicemen took part."},
        {"outlet": "Vecherniy Bishkek", "published": "2012-06-19", "language": "en",
         "text": "Kyrgyz troops returned to their bases."},
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n")
    assert main(["--db", str(db), "sources", "add", str(path)]) == 0
    assert rows(db, "SELECT outlet, record_key FROM sources ORDER BY outlet") == [
        ("Krasnaya Zvezda", "https://example.invalid/1"), ("Vecherniy Bishkek", "line 2")]
    assert rows(db, "SELECT outlet, registered FROM outlets WHERE outlet = 'Vecherniy Bishkek'") == [
        ("Vecherniy Bishkek", False)]


BAD_SOURCES = {
    "missing-outlet.md": ("---\npublished: 2012-06-18\n---\nText.\n", "missing required field `outlet`"),
    "missing-front-matter.md": ("Just text.\n", "missing YAML front matter"),
    "bad-date.md": ("---\noutlet: TASS\npublished: June 18th\n---\nText.\n", "`published` is not a date"),
    "malformed.md": ("---\noutlet: [TASS\npublished: 2012-06-18\n---\nText.\n", "malformed YAML front matter"),
    "empty.md": ("", "file is empty"),
    "whitespace.md": ("  \n\n \t\n", "file is empty"),
    "unknown-language.md": ("---\noutlet: TASS\npublished: 2012-06-18\nlanguage: xx\n---\nText.\n", "unknown language 'xx'"),
    "source.pdf": ("%PDF-1.4", "unknown source type '.pdf'"),
    "bad.jsonl": ('{"outlet": "TASS", "published": "2012-06-18", "text": "ok"}\n{not json}\n', "line 2: not valid JSON"),
}


@pytest.mark.parametrize("name", sorted(BAD_SOURCES))
def test_bad_source_gives_one_line_error_and_leaves_the_warehouse_unchanged(name, db, sources_dir, tmp_path, capsys):
    assert main(["--db", str(db), "sources", "add", str(sources_dir / "tass-2012-06-15-arctic-shipping.md")]) == 0
    before = warehouse_fingerprint(db)
    content, message = BAD_SOURCES[name]
    bad = tmp_path / name
    bad.write_text(content)
    capsys.readouterr()
    # the bad file comes after a good one: nothing of the batch may be written
    assert main(["--db", str(db), "sources", "add", str(sources_dir / "xinhua-2012-06-16-shenzhou-9.md"), str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(bad) in err and message in err
    assert warehouse_fingerprint(db) == before


def test_non_utf8_source_names_the_offset(db, tmp_path, capsys):
    bad = tmp_path / "latin1.md"
    bad.write_bytes("---\noutlet: TASS\npublished: 2012-06-18\n---\nCaf\xe9 talks.\n".encode("latin-1"))
    assert main(["--db", str(db), "sources", "add", str(bad)]) == 1
    assert "not UTF-8 text (byte 0xe9 at offset" in capsys.readouterr().err
    assert warehouse_fingerprint(db) is None  # nothing created either


def test_missing_path(db, tmp_path, capsys):
    assert main(["--db", str(db), "sources", "add", str(tmp_path / "nope")]) == 1
    assert "no such file or directory" in capsys.readouterr().err
