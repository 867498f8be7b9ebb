"""Sources as newsrooms keep them (sources/pages.py): saved web pages, RSS and Atom feeds and WARC archives read with
their text, date, outlet and language. The pages under tests/fixtures/pages are shaped like each outlet's article
pages (written for these tests, not copied); tests/fixtures/pages-marked holds their main text marked by hand and
what each must read as."""

from __future__ import annotations

import datetime as dt
import gzip
import html
import io
import json
import re
from collections import Counter
from pathlib import Path

import duckdb
import pytest
import yaml
from conftest import EXAMPLE, ROOT
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sourcecheck.claims.outlets import load_registry
from sourcecheck.cli import main
from sourcecheck.core.errors import InputError
from sourcecheck.sources.documents import read_source_file

PAGES = ROOT / "tests" / "fixtures" / "pages"
MARKED = ROOT / "tests" / "fixtures" / "pages-marked"
FEED = ROOT / "tests" / "fixtures" / "feeds" / "xinhua-english-world.xml"
EXPECTED = json.loads((MARKED / "expected.json").read_text("utf-8"))
# What each page carries besides its article (navigation, ads, comments, related links, footers): none of it may
# reach the stored text.
BOILERPLATE = {
    "xinhua-en-2012-06-14-troops-arrive.html": ["Discover Xinjiang", "defense chiefs meet", "Most Viewed",
                                                "Copyright", "Editor: Liu Wei", "Share to"],
    "xinhua-zh-url-date.html": ["相关新闻", "新华社客户端", "版权所有", "我要打印"],
    "interfax-ru-comments.html": ["Опять учения", "Китайцы привезли", "Узбекистан правильно", "Читайте также",
                                  "Вклад", "USD"],
    "interfax-en-top-story.html": ["Subscribe", "Gazprom and CNPC to resume", "Privacy"],
    "redstar-ru-time-only.html": ["Подписной индекс", "Танкисты ЦВО", "Архив номеров"],
    "people-zh-gb2312.html": ["人民网首页", "上合组织防长会议举行", "人民网版权所有"],
    "people-en-comments.html": ["Good to see cooperation", "proud of them", "Related reading", "Leave your comment"],
    "tass-ru-print.html": ["Адрес материала", "Информационное агентство России"],
    "tass-en-jsonld.html": ["Read also", "Putin to attend", "Certificate of registration"],
    "unknown-domain.html": ["Sign up", "Newsletter", "Donate", "By Aigerim"],
}


def _tokens(text: str) -> Counter:
    """Words, and each Han character as a word: Chinese is written without spaces."""
    return Counter(re.findall(r"[\u4e00-\u9fff]|[^\W\u4e00-\u9fff]+", text.lower()))


def _f1(got: str, want: str) -> float:
    common = sum((_tokens(got) & _tokens(want)).values())
    return 0.0 if not common else 2 * common / (sum(_tokens(got).values()) + sum(_tokens(want).values()))


def test_every_fixture_page_has_its_expectations():
    assert sorted(p.name for p in PAGES.iterdir()) == sorted(EXPECTED) == sorted(BOILERPLATE)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_saved_page_reads_with_its_text_date_outlet_and_language(name):
    """Including a print view (tass-ru-print), pages with comments, a date only in a <time> element
    (redstar-ru-time-only), one only in the address (xinhua-zh-url-date), a GB2312 page and an unknown site."""
    [document] = read_source_file(PAGES / name, load_registry())
    expected = EXPECTED[name]
    assert (document.outlet, document.published.isoformat(), document.language, document.title, document.url) == \
        (expected["outlet"], expected["published"], expected["language"], expected["title"], expected["url"])
    assert _f1(document.text, (MARKED / name.replace(".html", ".txt")).read_text("utf-8")) >= 0.95
    assert [phrase for phrase in BOILERPLATE[name] if phrase in document.text] == []
    assert document.text.count("\n\n") >= 2   # paragraphs kept


def test_a_feed_gives_one_document_per_entry_and_marks_a_summary_only_entry():
    documents = read_source_file(FEED, load_registry())
    assert [(d.record_key, d.outlet, d.published, d.language) for d in documents] == [
        ("xinhua-20120607-131638211", "Xinhua", dt.date(2012, 6, 7), "en"),
        ("xinhua-20120618-131660154", "Xinhua", dt.date(2012, 6, 18), "en"),
        ("xinhua-20120616-131655902", "Xinhua", dt.date(2012, 6, 16), "en"),   # 00:42 in Beijing: June 15 in UTC
    ]
    full, _, summary = documents
    assert full.text.startswith("BEIJING, June 7 (Xinhua) -- Leaders of the Shanghai Cooperation Organization")
    assert full.text.count("\n\n") == 2 and "<p>" not in full.text
    assert full.title == "SCO members pledge closer security cooperation at Beijing summit"
    assert summary.title == "Chinese, Kazakh border troops hold joint patrol (feed summary only)"
    assert summary.text.startswith("Border troops of China and Kazakhstan held a joint patrol")
    assert summary.url == "https://english.news.cn/20120616/2a7f5d3c9e1b4c22/c.html"


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ru">
<title>ТАСС</title><link href="https://tass.ru/"/><id>https://tass.ru/rss</id><updated>2012-06-15T15:00:00+04:00</updated>
<entry><id>tass-1234567</id><title>Судоходство по Севморпути выросло</title>
<link href="https://tass.ru/ekonomika/1234567"/><published>2012-06-15T01:20:00+04:00</published>
<content type="html">&lt;p&gt;Объём транзитных перевозок по Северному морскому пути может вырасти
в пять раз.&lt;/p&gt;</content>
</entry>
<entry><id>tass-1234567</id><title>Судоходство по Севморпути выросло</title>
<link href="https://tass.ru/ekonomika/1234567"/><published>2012-06-15T01:20:00+04:00</published>
<content type="html">&lt;p&gt;Объём транзитных перевозок по Северному морскому пути может вырасти
в пять раз.&lt;/p&gt;</content>
</entry>
</feed>
"""


def test_an_atom_feed_reads_its_outlet_local_day_and_reads_a_repeated_entry_once(tmp_path):
    feed = tmp_path / "tass.atom"
    feed.write_text(ATOM, "utf-8")
    skipped: Counter = Counter()
    [document] = read_source_file(feed, load_registry(), skipped=skipped)
    assert (document.outlet, document.published, document.language, document.record_key) == \
        ("TASS", dt.date(2012, 6, 15), "ru", "tass-1234567")
    assert document.text == "Объём транзитных перевозок по Северному морскому пути может вырасти в пять раз."
    assert skipped == {"duplicate": 1}


@pytest.mark.parametrize("host, outlet", [
    ("english.news.cn", "Xinhua"), ("www.news.cn", "Xinhua"), ("news.xinhuanet.com", "Xinhua"),
    ("www.interfax.ru", "Interfax"), ("interfax.com", "Interfax"), ("redstar.ru", "Krasnaya Zvezda"),
    ("military.people.com.cn", "Renmin Ribao"), ("en.people.cn", "Renmin Ribao"), ("tass.com", "TASS"),
    ("fakenews.cn", None), ("tass.ru.example.org", None), ("people.com.cn.example.com", None), ("com.cn", None),
    ("intefax.ru", None),   # a look-alike domain is another site
])
def test_a_domain_and_its_subdomains_resolve_to_their_outlet(host, outlet):
    assert load_registry().by_domain(host) == outlet


def _page(tmp_path: Path, head: str, text: str, lang: str = "en", name: str = "page.html") -> Path:
    page = tmp_path / name
    page.write_text(f"<html lang='{lang}'><head><title>Drill ends</title>{head}"
                    "<meta property='article:published_time' content='2012-06-18'></head><body><nav><a href='/'>Home"
                    f"</a></nav><article><h1>Drill ends</h1><p>{text}</p><p>{text}</p></article></body></html>",
                    "utf-8")
    return page


TEXT = "The Peace Mission 2012 exercise ended in Tajikistan with a live-fire phase in the mountains of Sughd."


def test_an_unknown_site_keeps_its_own_name_and_is_never_forced_onto_a_registered_outlet(tmp_path):
    lookalike = _page(tmp_path, "<link rel='canonical' href='https://www.intefax.ru/russia/1'>", TEXT)
    assert read_source_file(lookalike, load_registry())[0].outlet == "intefax.ru"
    named = _page(tmp_path, "<meta property='og:site_name' content='Steppe Observer'>"
                            "<link rel='canonical' href='https://steppe-observer.kz/a/1'>", TEXT, name="named.html")
    assert read_source_file(named, load_registry())[0].outlet == "Steppe Observer"


def test_a_users_outlet_file_adds_domains(tmp_path, monkeypatch):
    outlets = tmp_path / "outlets.yaml"
    outlets.write_text("- name: Steppe Observer\n  domains: [steppe-observer.kz]\n- name: TASS\n  domains: [tass.de]\n")
    monkeypatch.setenv("SOURCECHECK_OUTLETS", str(outlets))
    registry = load_registry()
    assert [registry.by_domain(host) for host in ("www.steppe-observer.kz", "tass.de", "tass.ru")] == \
        ["Steppe Observer", "TASS", "TASS"]
    assert read_source_file(PAGES / "unknown-domain.html", registry)[0].outlet == "Steppe Observer"


def test_overrides_set_the_outlet_and_language_of_a_folder_of_pages(tmp_path):
    bare = _page(tmp_path, "", "Учения «Мирная миссия-2012» завершились в Таджикистане боевой стрельбой.", lang="")
    with pytest.raises(InputError, match="no outlet: the page names no site and gives no address; set it with "
                                         "--outlet"):
        read_source_file(bare, load_registry())
    [document] = read_source_file(bare, load_registry(), {"outlet": "Red Star", "language": "ru"})
    assert (document.outlet, document.language) == ("Krasnaya Zvezda", "ru")   # an override resolves as written
    declared = _page(tmp_path, "", TEXT, lang="uz", name="declared.html")   # a wrong declaration, corrected
    assert read_source_file(declared, load_registry(), {"language": "en", "outlet": "Kabar"})[0].language == "en"


def test_sources_add_passes_the_overrides_and_refuses_a_blank_outlet(tmp_path, monkeypatch, capsys):
    seen = {}

    def ingest(paths, db, skip_unreadable=False, overrides=None):
        seen.update(overrides)
        raise SystemExit(0)

    monkeypatch.setattr("sourcecheck.cli._ingest", ingest)
    with pytest.raises(SystemExit):
        main(["--db", str(tmp_path / "w.duckdb"), "sources", "add", str(tmp_path), "--outlet", "TASS", "--language",
              "ru"])
    assert seen == {"outlet": "TASS", "language": "ru"}
    assert main(["--db", str(tmp_path / "w.duckdb"), "sources", "add", str(tmp_path), "--outlet", " "]) == 1
    assert capsys.readouterr().err == "sourcecheck: error: --outlet: expected an outlet name, got only spaces\n"


def _archive(path: Path) -> Path:
    """A gzip WARC as a crawler writes one: warcinfo, a request, three article pages (one in GB2312, its charset
    only in the page), the same page again under another address and as a revisit, an image, a 404 and an index
    page."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)

        def response(uri: str, body: bytes, content_type: str = "text/html; charset=utf-8",
                     status: str = "200 OK") -> None:
            http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                          http_headers=http))

        xinhua = "https://english.news.cn/20120614/8f3c2a1b9d4e4c6a/c.html"
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "sourcecheck tests"}))
        writer.write_record(writer.create_warc_record(
            xinhua, "request", payload=io.BytesIO(b""),
            http_headers=StatusAndHeaders("GET /20120614/8f3c2a1b9d4e4c6a/c.html HTTP/1.1",
                                          [("Host", "english.news.cn")], is_http_request=True)))
        page = (PAGES / "xinhua-en-2012-06-14-troops-arrive.html").read_bytes()
        response(xinhua, page)
        response("https://www.interfax.ru/russia/250123", (PAGES / "interfax-ru-comments.html").read_bytes())
        response("http://military.people.com.cn/GB/172467/18190112.html",
                 (PAGES / "people-zh-gb2312.html").read_bytes(), "text/html")
        response(xinhua.replace("https://", "http://"), page)   # the same payload: a duplicate
        writer.write_record(writer.create_revisit_record(xinhua, "sha1:AAAA", xinhua, "2012-06-14T16:10:00Z"))
        response("https://english.news.cn/images/logo.png", b"\x89PNG\r\n\x1a\n", "image/png")
        response("https://tass.ru/missing", b"<html><body><p>Not found.</p></body></html>", status="404 Not Found")
        response("https://tass.ru/", b"<html><body><nav><a href='/a'>Politics</a> <a href='/b'>World</a></nav>"
                                     b"</body></html>")
    return path


def test_a_web_archive_reads_every_article_page_and_counts_what_it_leaves_out(tmp_path, caplog):
    skipped: Counter = Counter()
    documents = read_source_file(_archive(tmp_path / "crawl.warc.gz"), load_registry(), skipped=skipped)
    assert [(d.record_key, d.outlet, d.published.isoformat(), d.language) for d in documents] == [
        ("https://english.news.cn/20120614/8f3c2a1b9d4e4c6a/c.html", "Xinhua", "2012-06-14", "en"),
        ("https://www.interfax.ru/russia/250123", "Interfax", "2012-06-18", "ru"),
        ("http://military.people.com.cn/GB/172467/18190112.html", "Renmin Ribao", "2012-06-14", "zh"),
    ]
    assert documents[2].text.startswith("本报杜尚别6月13日电")
    assert skipped == {"duplicate": 2, "not an HTML page": 4, "not an article": 1}
    assert "crawl.warc.gz: 1 HTML page read as no article and left out (first: record https://tass.ru/: no article " \
           "text found" in caplog.text


@pytest.mark.parametrize("damage, problem", [
    (lambda warc: warc[: len(warc) // 3], "record 4 is cut short: a truncated download?"),
    (lambda warc: warc[:-7], "record 10 is cut short: a truncated download?"),
    (lambda warc: warc.replace("Шахристан".encode(), "Шахрисдан".encode()),   # one letter, same length
     "a digest does not match: altered or damaged"),
])
def test_a_truncated_or_altered_archive_is_refused_not_read_in_part(damage, problem, tmp_path):
    plain = tmp_path / "crawl.warc"
    plain.write_bytes(damage(gzip.decompress(_archive(tmp_path / "crawl.warc.gz").read_bytes())))
    with pytest.raises(InputError) as refused:
        read_source_file(plain, load_registry())
    assert str(refused.value) == f"{plain}: damaged WARC archive ({problem})"


@pytest.mark.model   # ingests: embeds the passages
def test_adding_the_same_archive_again_stores_nothing_new(tmp_path, capsys):
    archive, db = _archive(tmp_path / "crawl.warc.gz"), tmp_path / "w.duckdb"
    assert main(["--db", str(db), "sources", "add", str(archive)]) == 0
    first = capsys.readouterr().out
    assert "sources: 3 documents from 1 files; 3 stored" in first
    assert "left out of feeds and archives: 2 duplicates, 4 records other than HTML pages, 1 page with no article" \
        in first
    assert main(["--db", str(db), "sources", "add", str(archive)]) == 0
    assert "3 documents from 1 files; 0 stored (0 passages, 0 new vectors), 3 unchanged" in capsys.readouterr().out
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM sources").fetchall() == [(3,)]
    con.close()


def _as_saved_page(source: Path, folder: Path) -> None:
    """A demo source as its outlet's site would serve it: metadata in the head, the text among site furniture."""
    meta, body = source.read_text("utf-8").split("---\n", 2)[1:]
    fields = yaml.safe_load(meta)
    paragraphs = "".join(f"<p>{html.escape(p.strip())}</p>\n" for p in body.split("\n\n") if p.strip())
    title = html.escape(fields["title"])
    (folder / source.name.replace(".md", ".html")).write_text(
        f"<!DOCTYPE html><html lang='{fields['language']}'><head><meta charset='utf-8'><title>{title}</title>"
        f"<meta property='og:site_name' content='{fields['outlet']}'>"
        f"<meta property='article:published_time' content='{fields['published']}'>"
        f"<link rel='canonical' href='{fields['url']}'></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/military'>Military</a></nav>"
        f"<article><h1>{title}</h1>\n{paragraphs}</article>"
        "<aside><h3>Most read</h3><ul><li><a href='/1'>Markets close higher</a></li></ul></aside>"
        "<footer>All rights reserved.</footer></body></html>", "utf-8")


@pytest.mark.model   # the whole demo: ingest and verify
def test_the_demo_runs_from_an_html_copy_of_its_sources(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    for source in sorted((EXAMPLE / "sources").glob("*.md")):
        _as_saved_page(source, pages)
    db = tmp_path / "w.duckdb"
    assert main(["--db", str(db), "sources", "add", str(pages)]) == 0
    assert main(["--db", str(db), "verify", str(EXAMPLE / "article.md")]) == 0
    con = duckdb.connect(str(db), read_only=True)
    counts = dict(con.execute("SELECT status, count(*) FROM claim_status GROUP BY status").fetchall())
    con.close()
    assert counts == {"supported": 35, "contradicted": 4, "misattributed": 3, "not_found": 10, "uncheckable": 13}
