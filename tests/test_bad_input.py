"""The catalogue of bad input: each case is the input, the one line it must give on standard error, the exit
code, and a warehouse left exactly as it was (a digest of every row of every table, before and after).

Cases run the real CLI (`main`) on a real DuckDB file that already holds one ingested source, and the bad file
comes after a good one: nothing of the batch may be written. Input that is odd but valid (a damaged byte, a
duplicate, no citations, hostile HTML) is in tests/test_hostile_input.py.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import duckdb
import pytest
from conftest import EXAMPLE, warehouse_fingerprint

from sourcecheck.cli import main
from sourcecheck.warehouse import migrations as schema

GOOD_SOURCE = EXAMPLE / "sources" / "xinhua-2012-06-16-shenzhou-9.md"
FRONT = "---\noutlet: TASS\npublished: 2012-06-18\n---\n"
RUSSIAN = "Учения «Мирная миссия-2012» прошли в Таджикистане. В них участвовали около 1300 военнослужащих.\n"


@dataclass(frozen=True)
class Case:
    command: str                          # "sources add" | "verify" | "query"
    make: Callable[[Path], Path]          # builds the bad input in a folder, returns its path
    error: str                            # the stderr line after "sourcecheck: error: ", {path} = the input
    env: tuple[tuple[str, str], ...] = ()
    exit_code: int = 1


def _file(name: str, content: bytes | str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(content.encode() if isinstance(content, str) else content)
        return path
    return make


def _link(name: str, target: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        (folder / name).symlink_to(target)
        return folder / name
    return make


def _fifo(name: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        os.mkfifo(folder / name)   # reading it would block the job for ever
        return folder / name
    return make


def _large_article(folder: Path) -> Path:
    path = folder / "huge.md"
    paragraph = "Around 2,000 personnel took part in the drill (Interfax, June 18). " * 40 + "\n\n"
    with path.open("w") as out:
        for _ in range(50_000_000 // len(paragraph) + 1):
            out.write(paragraph)
    return path


def _many_sentences(folder: Path) -> Path:
    path = folder / "book.md"
    path.write_text(FRONT + " ".join(f"Convoy {i} left Murmansk with {i % 90 + 10} ships." for i in range(100_000)))
    return path


# billion laughs: nine lines of YAML that expand to 10^8 strings
ALIAS_BOMB = "---\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{b}: &{b} [{', '.join([f'*{a}'] * 10)}]\n" for a, b in pairwise("abcdefgh")) + "title: *h\n---\nText.\n"
DEEP_YAML = "---\ntitle: " + "[" * 10_000 + "]" * 10_000 + "\n---\nText.\n"


def _link_loop(folder: Path) -> Path:
    feed = folder / "feed"
    feed.mkdir()
    (feed / "loop.md").symlink_to("loop.md")
    (feed / "back").symlink_to("..")   # a link to a parent folder: not followed, so the walk ends
    return feed


def _folder_named_like_a_file(name: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        (folder / name).mkdir()
        return folder / name
    return make


_MENU = "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><ul><li><a href='/a'>One</a></li></ul>"
_DATED = "<meta property='article:published_time' content='2012-06-18'>"
PAGE_TEXT = "The Peace Mission 2012 exercise ended in Tajikistan with a live-fire phase in the mountains. " * 6


def _page(lang: str, head: str, text: str) -> str:
    return f"<html lang='{lang}'><head>{head}<title>Drill</title></head><body><article><p>{text}</p></article></body>"


SOURCE_CASES = {
    "empty": Case("sources add", _file("empty.md", ""), "{path}: file is empty"),
    "whitespace only": Case("sources add", _file("blank.md", " \n\t\n  \n"), "{path}: file is empty"),
    "binary with NUL bytes": Case("sources add", _file("data.md", b"abc\x00\x01\x02def"),
                                  "{path}: binary file (contains NUL bytes), expected text"),
    "PNG named .md": Case("sources add", _file("photo.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
                          "{path}: binary file (a PNG image), expected text"),
    "PDF named .txt": Case("sources add", _file("report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"),
                           "{path}: binary file (a PDF document), expected text"),
    "Windows-1251 text": Case("sources add", _file("cp1251.md", (FRONT + RUSSIAN).encode("cp1251")),
                              "{path}: not UTF-8 text (byte 0xd3 at offset 43, line 5; 73 such bytes): convert it "
                              "to UTF-8, e.g. `iconv -f WINDOWS-1251 -t UTF-8` (or -f LATIN1)"),
    "UTF-16 BOM with bad bytes": Case(
        "sources add", _file("utf16.md", b"\xff\xfe" + FRONT.encode("utf-16-le") + b"\x00\xd8"),
        "{path}: not UTF-16-LE text after its byte-order mark (bad bytes at offset 88)"),
    "100,000 sentences": Case("sources add", _many_sentences,
                              "{path}: a source document of about 100,000 sentences is over the limit of 20,000 "
                              "sentences (raise it with SOURCECHECK_MAX_DOCUMENT_SENTENCES)"),
    "source file over its size limit": Case("sources add", _file("feed.jsonl", '{"outlet": "TASS"}\n' * 100),
                                            "{path}: a source file of 1,900 bytes is over the limit of 1,000 bytes "
                                            "(raise it with SOURCECHECK_MAX_SOURCE_FILE_BYTES)",
                                            env=(("SOURCECHECK_MAX_SOURCE_FILE_BYTES", "1000"),)),
    "no front matter": Case("sources add", _file("bare.md", "Just text.\n"),
                            "{path}: missing YAML front matter (needs at least `outlet` and `published`)"),
    "front matter not closed": Case(
        "sources add", _file("open.md", "---\noutlet: TASS\npublished: 2012-06-18\nText.\n"),
        "{path}: missing YAML front matter (needs at least `outlet` and `published`)"),
    "malformed front matter": Case(
        "sources add", _file("malformed.md", "---\noutlet: [TASS\npublished: 2012-06-18\n---\nText.\n"),
        "{path}: malformed YAML front matter at line 3"),
    "front matter a list": Case("sources add", _file("list.md", "---\n- TASS\n- 2012-06-18\n---\nText.\n"),
                                "{path}: front matter must be a mapping of `key: value` lines"),
    "date in words": Case("sources add", _file("words.md", "---\noutlet: TASS\npublished: June 18th\n---\nText.\n"),
                          "{path}: `published` is not a date (expected YYYY-MM-DD, got 'June 18th')"),
    "impossible date": Case("sources add", _file("feb30.md", "---\noutlet: TASS\npublished: 2012-02-30\n---\nText.\n"),
                            "{path}: malformed YAML front matter (day is out of range for month)"),
    "date in the future": Case(
        "sources add", _file("future.md", "---\noutlet: TASS\npublished: 2102-06-18\n---\nText.\n"),
        "{path}: `published` 2102-06-18 is in the future"),
    "missing outlet": Case("sources add", _file("nooutlet.md", "---\npublished: 2012-06-18\n---\nText.\n"),
                           "{path}: missing required field `outlet`"),
    "blank outlet": Case("sources add", _file("blank.md", '---\noutlet: "  "\npublished: 2012-06-18\n---\nText.\n'),
                         "{path}: missing required field `outlet`"),
    "unknown language": Case(
        "sources add", _file("klingon.md", "---\noutlet: TASS\npublished: 2012-06-18\nlanguage: tlh\n---\nText.\n"),
        "{path}: unknown language 'tlh'; expected an ISO 639-1 code such as en, ru, zh"),
    "JSONL record without text": Case(
        "sources add", _file("feed.jsonl", '{"outlet": "TASS", "published": "2012-06-18"}\n'),
        "{path}: line 1: document has no text"),
    "JSONL record with a future date": Case(
        "sources add", _file("feed.jsonl", '{"outlet": "TASS", "published": "2999-01-01", "text": "Text."}\n'),
        "{path}: line 1: `published` 2999-01-01 is in the future"),
    "broken symbolic link": Case("sources add", _link("gone.md", "/nonexistent/gone.md"),
                                 "{path}: broken symbolic link (to /nonexistent/gone.md)"),
    "link to a device": Case("sources add", _link("zero.md", "/dev/zero"), "{path}: not a regular file (a device)"),
    "named pipe": Case("sources add", _fifo("pipe.md"), "{path}: not a regular file (a named pipe)"),
    "unknown type": Case("sources add", _file("scan.pdf", b"%PDF-1.4"),
                         "{path}: unknown source type '.pdf'; expected .md, .txt, .jsonl, a web page (.html), a feed "
                         "(.rss, .atom, .xml) or a web archive (.warc, .warc.gz)"),
    "symbolic link loop in a folder": Case("sources add", _link_loop,
                                           "{path}/loop.md: symbolic link loop (the link leads back to itself)"),
    "file name with a newline": Case("sources add", _file("two\nlines.md", ""),
                                     "{path.parent}/two\\x0alines.md: file is empty"),
    "terminal escapes in a file name": Case("sources add", _file("\x1b]0;owned\x07\x9b2J.md", ""),
                                            "{path.parent}/\\x1b]0;owned\\x07\\x9b2J.md: file is empty"),
    "Cyrillic and Chinese file name kept as written": Case("sources add", _file("пустой-空.md", ""),
                                                           "{path}: file is empty"),
    "outlet with Cyrillic look-alikes": Case(
        "sources add", _file("lookalike.md", "---\noutlet: Int\u0435rf\u0430x\npublished: 2012-06-18\n---\nText.\n"),
        "{path}: outlet 'Int\u0435rf\u0430x' imitates the registered outlet 'Interfax' with look-alike letters "
        "(Cyrillic \u0435 U+0435, Cyrillic \u0430 U+0430); write it as registered or under its own name"),
    "outlet with a bidi override and a Greek look-alike": Case(
        "sources add", _file("bidi.md", "---\noutlet: \"\u202e\u03a4ASS\"\npublished: 2012-06-18\n---\nText.\n"),
        "{path}: outlet '\\u202e\u03a4ASS' imitates the registered outlet 'TASS' with look-alike letters "
        "(Greek \u03a4 U+03A4); write it as registered or under its own name"),
    "YAML alias bomb in front matter": Case(
        "sources add", _file("laughs.md", ALIAS_BOMB.replace("---\n", FRONT.removesuffix("---\n"), 1)),
        "{path}: YAML anchors and aliases are not allowed in front matter (`&a` at line 4)"),
    "JSONL record nested 100,000 deep": Case(
        "sources add", _file("feed.jsonl", '{"outlet": "TASS", "published": "2012-06-18", "text": "Text."}\n'
                                           + "[" * 100_000 + "]" * 100_000 + "\n"),
        "{path}: line 2: JSON nested too deeply"),
    "JSONL record over the document size limit": Case(
        "sources add", _file("feed.jsonl", '{"outlet": "TASS", "published": "2012-06-18", "text": "%s"}\n'
                                           % ("word " * 400)),
        "{path}: line 1: a source document of 2,000 bytes is over the limit of 1,000 bytes "
        "(raise it with SOURCECHECK_MAX_DOCUMENT_BYTES)", env=(("SOURCECHECK_MAX_DOCUMENT_BYTES", "1000"),)),
    # saved pages, feeds and web archives (sources/pages.py)
    "saved page without article text": Case(
        "sources add", _file("index.html", f"<html lang='en'><head><title>TASS</title></head><body>{_MENU}</body>"),
        "{path}: no article text found in the page (an index, a gallery, or a page its scripts build in the "
        "browser?)"),
    "saved page without a date": Case(
        "sources add", _file("undated.html", _page("en", "", PAGE_TEXT)),
        "{path}: no publication date found (none in the page's metadata, a <time> element, its address or its text)"),
    "saved page in a language we do not read": Case(
        "sources add", _file("uk.html", _page("uk", _DATED, "Навчання «Мирна місія» пройшли в Таджикистані. " * 6)),
        "{path}: the page is in a language we do not read ('uk'); sourcecheck reads English, Russian and "
        "Chinese (set --language if the declaration is wrong)"),
    "saved page in an unknown character set": Case(
        "sources add", _file("odd.html", "<html><head><meta charset='x-klingon'></head><body></body></html>"),
        "{path}: unknown character set 'x-klingon' declared by the page"),
    "saved page not in its declared character set": Case(
        "sources add", _file("cp.html", b"<html><head><meta charset='utf-16-le'></head><body>\xd8\x00</body></html>"),
        "{path}: binary file (contains NUL bytes), expected a web page"),
    "XML file that is no feed": Case(
        "sources add", _file("sitemap.xml", "<?xml version='1.0'?><urlset><url><loc>https://tass.ru/</loc></url>"
                                            "</urlset>"),
        "{path}: not an RSS or Atom feed (no channel or feed element)"),
    "feed entry without a date": Case(
        "sources add", _file("feed.rss", "<rss version='2.0'><channel><title>TASS</title><item><title>T</title>"
                                         "<description>The convoy left Murmansk.</description></item></channel></rss>"),
        "{path}: entry 1: no publication date (pubDate, published or updated)"),
    "damaged web archive": Case(
        "sources add", _file("crawl.warc", "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: x\r\n\r\n"),
        "{path}: damaged WARC archive (record 1 has no valid Content-Length)"),
    "file named .warc that is no web archive": Case(
        "sources add", _file("crawl.warc", "hello, this is a text file\n"),
        "{path}: not a WARC archive (its first line is no WARC/1.0 header)"),
}

ARTICLE_CASES = {
    "empty article": Case("verify", _file("empty.md", ""), "{path}: file is empty"),
    "whitespace-only article": Case("verify", _file("blank.md", "\n \n\t"), "{path}: file is empty"),
    "50 MB article": Case("verify", _large_article,
                          "{path}: an article file of 50.0 MB is over the limit of 1.0 MB "
                          "(raise it with SOURCECHECK_MAX_ARTICLE_BYTES)"),
    "binary article": Case("verify", _file("article.md", b"\x1f\x8b\x08\x00\x00\x00"),
                           "{path}: binary file (gzip-compressed), expected text"),
    "Latin-1 article": Case("verify", _file("latin1.md", "Caf\xe9 talks ended (TASS, June 3).\n".encode("latin-1")),
                            "{path}: not UTF-8 text (byte 0xe9 at offset 3, line 1; 1 such bytes): convert it to "
                            "UTF-8, e.g. `iconv -f WINDOWS-1251 -t UTF-8` (or -f LATIN1)"),
    "front matter only": Case("verify", _file("only.md", "---\ntitle: Nothing\n---\n"),
                              "{path}: article has no text after its front matter"),
    "malformed article front matter": Case(
        "verify", _file("bad.md", "---\ntitle: \"unclosed\n---\nText (TASS, June 3).\n"),
        "{path}: malformed YAML front matter at line 2"),
    "article date not a date": Case("verify", _file("date.md", "---\npublished: yesterday\n---\nText.\n"),
                                    "{path}: `published` is not a date (expected YYYY-MM-DD, got 'yesterday')"),
    "article dated in the future": Case("verify", _file("future.md", "---\npublished: 2112-06-20\n---\nText.\n"),
                                        "{path}: `published` 2112-06-20 is in the future"),
    "HTML of scripts and styles only": Case(
        "verify", _file("page.html", "<html><head><style>p{}</style></head><body><script>alert(1)</script>"
                                     "<nav><p>Home</p></nav></body></html>"),
        "{path}: article has no text after its front matter"),
    "article through a broken link": Case("verify", _link("moved.md", "/nonexistent/article.md"),
                                          "{path}: no such file"),
    "article is a named pipe": Case("verify", _fifo("pipe.md"), "{path}: not a regular file (a named pipe)"),
    "folder named .md": Case("verify", _folder_named_like_a_file("notes.md"),
                             "{path}: not a regular file (a directory)"),
    "unknown article type": Case("verify", _file("notes.rtf", "{\\rtf1}"),
                                 "{path}: unknown article type '.rtf'; expected .md, .markdown, .txt, .html or .htm"),
    "YAML alias bomb in article front matter": Case(
        "verify", _file("laughs.md", ALIAS_BOMB),
        "{path}: YAML anchors and aliases are not allowed in front matter (`&a` at line 2)"),
    "YAML nested 10,000 deep": Case(
        "verify", _file("deep.md", DEEP_YAML), "{path}: front matter is nested more than 20 levels deep (line 2)"),
    "front matter over 64 kB": Case(
        "verify", _file("long.md", "---\n" + "tag: value\n" * 7_000 + "---\nText.\n"),
        "{path}: front matter of 76,999 characters is over the limit of 65,536 (it is a few `key: value` lines)"),
}


@pytest.fixture(scope="module")
def base_warehouse(tmp_path_factory) -> Path:
    """A warehouse holding one ingested source; each case works on a copy."""
    db = tmp_path_factory.mktemp("base") / "warehouse.duckdb"
    assert main(["--db", str(db), "sources", "add", str(EXAMPLE / "sources" / "xinhua-2012-06-14-ci-guowei.md")]) == 0
    return db


@pytest.fixture
def warehouse_copy(base_warehouse, tmp_path) -> Path:
    db = tmp_path / "warehouse.duckdb"
    shutil.copy(base_warehouse, db)
    return db


def _run_case(case: Case, db: Path, folder: Path, monkeypatch, capsys) -> None:
    for name, value in case.env:
        monkeypatch.setenv(name, value)
    bad = case.make(folder)
    good = GOOD_SOURCE if case.command == "sources add" else EXAMPLE / "article.md"
    before = warehouse_fingerprint(db)
    capsys.readouterr()
    code = main(["--db", str(db), *case.command.split(), str(good), str(bad)])
    err = capsys.readouterr().err
    assert (code, err) == (case.exit_code, f"sourcecheck: error: {case.error.format(path=bad)}\n")
    assert warehouse_fingerprint(db) == before


@pytest.mark.model   # its warehouse has an ingested, embedded source
@pytest.mark.parametrize("name", SOURCE_CASES)
def test_bad_source(name, warehouse_copy, tmp_path, monkeypatch, capsys):
    _run_case(SOURCE_CASES[name], warehouse_copy, tmp_path, monkeypatch, capsys)


@pytest.mark.parametrize("name", ARTICLE_CASES)
def test_bad_article(name, warehouse_copy, tmp_path, monkeypatch, capsys):
    _run_case(ARTICLE_CASES[name], warehouse_copy, tmp_path, monkeypatch, capsys)


def test_bad_file_among_thousands_is_named_and_nothing_is_written(warehouse_copy, tmp_path, capsys):
    folder = tmp_path / "feed"
    for i in range(3_000):
        sub = folder / f"{i // 500:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"tass-{i:05d}.md").write_text(f"---\noutlet: TASS\npublished: 2012-06-{i % 28 + 1:02d}\n---\n"
                                              f"Report {i}: the convoy left Murmansk.\n")
    bad = folder / "03" / "tass-01717.md"
    bad.write_text("---\noutlet: TASS\npublished: 2012-06-18\n")
    before = warehouse_fingerprint(warehouse_copy)
    capsys.readouterr()
    assert main(["--db", str(warehouse_copy), "sources", "add", str(folder)]) == 1
    assert capsys.readouterr().err == (f"sourcecheck: error: {bad}: missing YAML front matter (needs at least "
                                       "`outlet` and `published`)\n")
    assert warehouse_fingerprint(warehouse_copy) == before


@pytest.mark.model   # verify loads the models
def test_sentence_repeating_a_claim_stores_it_once(warehouse_copy, tmp_path, capsys):
    """The two objects read as one claim twice, with one id: it is kept once, and the run is recorded."""
    article = tmp_path / "repeat.md"
    article.write_text("---\npublished: 2012-06-20\n---\nThe drill involved 2,000 troops and 2,000 troops "
                       "(Interfax, June 18).\n")
    assert main(["--db", str(warehouse_copy), "verify", str(article)]) == 0
    assert "error" not in capsys.readouterr().err
    con = duckdb.connect(str(warehouse_copy), read_only=True)
    assert con.execute("SELECT text, claim_index FROM claims").fetchall() == [("The drill involved 2,000 troops.", 0)]
    assert con.execute("SELECT count(*) FROM verdicts").fetchall() == [(1,)]
    con.close()


@pytest.mark.model
def test_unreadable_file(warehouse_copy, tmp_path):
    """Permission bits do not stop root: as root the CLI runs without the capabilities that bypass them."""
    from test_faults import unprivileged_cli

    bad = tmp_path / "secret.md"
    bad.write_text(FRONT + "Text.\n")
    bad.chmod(0)
    before = warehouse_fingerprint(warehouse_copy)
    result = unprivileged_cli(warehouse_copy, "sources", "add", str(GOOD_SOURCE), str(bad))
    assert (result.returncode, result.stderr) == \
        (1, f"sourcecheck: error: {bad}: cannot read file (Permission denied)\n")
    assert warehouse_fingerprint(warehouse_copy) == before


@pytest.mark.model
def test_unreadable_subfolder_is_refused_or_skipped_when_asked(warehouse_copy, tmp_path):
    """A folder the walk cannot list held sources the user expected: refused by name, or with --skip-unreadable
    left out with a warning each and the rest stored. As root, run without the capabilities that bypass it."""
    from test_faults import unprivileged_cli

    feed = tmp_path / "feed"
    (feed / "locked").mkdir(parents=True)
    (feed / "locked" / "tass.md").write_text(FRONT + "Text.\n")
    shutil.copy(GOOD_SOURCE, feed / GOOD_SOURCE.name)
    (feed / "locked").chmod(0)
    before = warehouse_fingerprint(warehouse_copy)
    refused = unprivileged_cli(warehouse_copy, "sources", "add", str(feed))
    assert (refused.returncode, refused.stderr) == (1, f"sourcecheck: error: {feed}/locked: cannot read folder "
                                                       "(Permission denied); leave it out with --skip-unreadable\n")
    assert warehouse_fingerprint(warehouse_copy) == before
    skipped = unprivileged_cli(warehouse_copy, "sources", "add", "--skip-unreadable", str(feed))
    assert (skipped.returncode, skipped.stderr) == (0, f"sourcecheck: warning: {feed}/locked: cannot read folder "
                                                       "(Permission denied); skipped with its files\n")
    assert skipped.stdout.startswith("sources: 1 documents from 1 files; 1 stored")


def test_summaries_escape_control_characters(warehouse_copy, tmp_path, capsys):
    """A summary names what the user gave (here a folder): its escape codes are written out, not sent."""
    out = tmp_path / "parquet\x1b[2J\x07-пакет"
    assert main(["--db", str(warehouse_copy), "export", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "\x1b" not in printed and "\x07" not in printed
    assert f" as Parquet in {tmp_path}/parquet\\x1b[2J\\x07-пакет [" in printed


# -- the warehouse itself --------------------------------------------------------------------------------------
def _not_duckdb(db: Path) -> None:
    db.write_text("this is not a database\n" * 100)


def _empty_file(db: Path) -> None:
    db.write_bytes(b"")


def _other_duckdb(db: Path) -> None:
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE customers (id INTEGER, name VARCHAR)")
    con.execute("INSERT INTO customers VALUES (1, 'Ada')")
    con.close()


NEWER = max(v for v, _ in schema.migrations()) + 1


def _newer_schema(db: Path) -> None:
    """A warehouse made by a later sourcecheck: every migration this one knows, and one more."""
    con = duckdb.connect(str(db))
    for version, name in schema.migrations():
        con.execute(schema.schema_sql(name))
        con.execute("INSERT INTO schema_version (version) VALUES (?)", [version])
    con.execute("INSERT INTO schema_version (version) VALUES (?)", [NEWER])
    con.close()


def _directory(db: Path) -> None:
    db.mkdir()


WAREHOUSE_CASES = {
    "text file": (_not_duckdb, "{db}: not a DuckDB database file"),
    "empty file": (_empty_file, "{db}: not a DuckDB database file"),
    "another application's DuckDB file": (_other_duckdb, "{db}: is a DuckDB file but not a sourcecheck warehouse"),
    "newer schema": (_newer_schema, f"{{db}}: warehouse schema version {NEWER} is newer than this sourcecheck "
                                    f"understands \\({schema.SCHEMA_VERSION}\\); upgrade sourcecheck"),
    "a directory": (_directory, "{db}: is a directory, not a DuckDB file"),
}
COMMANDS = {
    "sources add": ["sources", "add", str(GOOD_SOURCE)],
    "verify": ["verify", str(EXAMPLE / "article.md")],
    "query": ["query", "SELECT 1"],
    "report": ["report", "--format", "markdown"],
}


def _state(path: Path):
    if path.is_dir():
        return sorted(os.listdir(path))
    if path.stat().st_size and path.read_bytes()[8:12] == b"DUCK":
        return warehouse_fingerprint(path)
    return path.read_bytes()


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("kind", WAREHOUSE_CASES)
def test_bad_warehouse(kind, command, tmp_path, capsys):
    import re

    make, pattern = WAREHOUSE_CASES[kind]
    db = tmp_path / "warehouse.duckdb"
    make(db)
    before = _state(db)
    assert main(["--db", str(db), *COMMANDS[command]]) == 1
    err = capsys.readouterr().err
    assert re.fullmatch("sourcecheck: error: " + pattern.format(db=re.escape(str(db))) + "\n", err), err
    assert _state(db) == before and sorted(os.listdir(tmp_path)) == [db.name]   # no WAL or other file left
