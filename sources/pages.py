"""Sources as newsrooms keep them: saved web pages (.html, .htm), RSS and Atom feeds (.rss, .atom, .xml) and web
archives (.warc, .warc.gz). Each becomes records of front-matter fields and a text, which sources/documents.py
checks and stores like a Markdown source.

The main text and the metadata come from trafilatura, a maintained extractor measured on news pages, which drops
navigation, ads, comments and related links; the publication date from htmldate (the page's metadata, JSON-LD,
`<time>`, its address, then its text), taking the original date over an update. The hand-written stripper that
reads HTML articles (claims/html_articles.py) keeps every paragraph outside a few tags, so it keeps comments and
link lists: benchmarks/sources_formats.py measures both on tests/fixtures/pages (docs/benchmarks.md).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import io
import re
import zlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import htmldate
import lxml.html
import trafilatura
from trafilatura.settings import Document
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from sourcecheck.claims.outlets import OutletRegistry, normal_name, registered_domain
from sourcecheck.core.errors import InputError
from sourcecheck.core.ids import content_id
from sourcecheck.core.languages import DETECTED, detect_language
from sourcecheck.core.textfiles import checked_text, decode_text, log

PAGE_SUFFIXES = (".html", ".htm", ".xhtml")
FEED_SUFFIXES = (".rss", ".atom", ".xml")
ARCHIVE_SUFFIXES = (".warc", ".warc.gz")
PAGE_BYTES = 20_000_000          # trafilatura's own ceiling (MAX_FILE_SIZE): a larger page is no article
SUMMARY_ONLY = " (feed summary only)"
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# Where a browser or an extension writes the address of a page it saved: Chrome and Internet Explorer ("Save as"),
# SingleFile. A saved copy often has no canonical link; this still tells its outlet.
# Article text has a sentence: a paragraph of 20 characters or more that ends like one (a menu or a list of links
# has none).
_SENTENCE = re.compile(r".{19,}[.!?…。！？][\"'”’»)\]]*$", re.S)
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->|<!--\s*Page saved with SingleFile\s*url: (\S+)")


@dataclass(frozen=True)
class PageRecord:
    """One document of a page, feed or archive, as documents.py stores it."""

    meta: dict                 # outlet, published, language, title, url: a source's front-matter fields
    body: str
    key: str                   # "" for a page file; a feed entry's id, else its link; an archived page's URL
    where: str                 # where in the file, for errors: "entry 3: "


def read_page(data: bytes, path: Path, registry: OutletRegistry, overrides: dict[str, str], where: str = "",
              url: str | None = None, charset: str | None = None) -> PageRecord:
    """A saved page: its main text, title, publication date, language, canonical address and outlet. `url` is
    where it was fetched (an archive's record); `charset` the server's, which the page's own declaration follows."""
    if len(data) > PAGE_BYTES:
        raise InputError(path, f"{where}a page of {len(data):,} bytes is over {PAGE_BYTES:,}: no article is this long")
    html = decode_html(data, path, charset)
    document = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                           include_tables=True)
    extracted = document.as_dict() if isinstance(document, Document) else {}
    title = (extracted.get("title") or "").strip()
    body = _paragraphs(extracted.get("text") or "", title)
    if not any(_SENTENCE.search(paragraph) for paragraph in body.split("\n\n")):
        raise InputError(path, f"{where}no article text found in the page (an index, a gallery, or a page its "
                               "scripts build in the browser?)")
    saved = _SAVED_FROM.search(html[:4096])
    address = _web_address(extracted.get("url")) or _web_address(url) or \
        (_web_address(saved.group(1) or saved.group(2)) if saved else None)
    found = _page_date(html, address)
    if not found:
        raise InputError(path, f"{where}no publication date found (none in the page's metadata, a <time> element, "
                               "its address or its text)")
    tree = trafilatura.utils.load_html(html)
    declared = _declared_language(tree) if tree is not None else None
    language = overrides.get("language") or reading_language(body, declared, path, where)
    site = _site_name(extracted.get("sitename"))
    outlet = overrides.get("outlet") or outlet_of(site, [address], registry, path, where)
    return PageRecord({"outlet": outlet, "published": found, "language": language, "title": title or None,
                       "url": address}, body, url or "", where)


def read_feed(data: bytes, path: Path, registry: OutletRegistry, overrides: dict[str, str],
              skipped: Counter) -> list[PageRecord]:
    """One record per entry of an RSS or Atom feed: its full text (`content`) when the feed carries it, else its
    summary, stored with the title marked "(feed summary only)" so a reviewer sees the evidence is a synopsis.
    An entry repeated in the feed (same id) is read once and counted."""
    parsed = feedparser.parse(io.BytesIO(data))   # a stream: feedparser fetches a string that looks like a URL
    if not parsed.get("version") and not parsed.entries:
        reason = getattr(parsed.get("bozo_exception"), "getMessage", lambda: "")() or "no channel or feed element"
        raise InputError(path, f"not an RSS or Atom feed ({reason})")
    if not parsed.entries:
        raise InputError(path, "the feed has no entries")
    channel = parsed.feed
    records: list[PageRecord] = []
    seen: set[str] = set()
    for number, entry in enumerate(parsed.entries, start=1):
        where = f"entry {number}: "
        link = _web_address(entry.get("link"))
        contents = [c.get("value", "") for c in entry.get("content", [])]
        full = max((_fragment_text(c) for c in contents), key=len, default="")
        body = full or _fragment_text(entry.get("summary", ""))
        title = normal_name(entry.get("title", "")) or None
        key = entry.get("id") or link or f"sha:{content_id(title, body)}"
        if key in seen:
            skipped["duplicate"] += 1
            continue
        seen.add(key)
        if not body:
            raise InputError(path, f"{where}no text (neither content nor summary)")
        written = entry.get("published") or entry.get("updated")
        if not written:
            raise InputError(path, f"{where}no publication date (pubDate, published or updated)")
        declared = entry.get("language") or channel.get("language")
        source = entry.get("source", {}).get("title")   # an aggregator's feed names each entry's outlet
        outlet = overrides.get("outlet") or outlet_of(
            source or channel.get("title"), [link, _web_address(channel.get("link"))], registry, path, where,
            by_domain_first_unknown=True)
        records.append(PageRecord({
            "outlet": outlet, "published": _feed_date(written, entry, path, where),
            "language": overrides.get("language") or reading_language(body, declared, path, where),
            "title": title if full else f"{title or ''}{SUMMARY_ONLY}".strip(), "url": link,
        }, body, key, where))
    return records


def read_archive(data: bytes, path: Path, registry: OutletRegistry, overrides: dict[str, str],
                 skipped: Counter) -> list[PageRecord]:
    """Every HTML page answered in a WARC archive (gzip or not), read as a saved page fetched from its target URI.
    Left out and counted: records that are no HTML page (requests, metadata, images, scripts, redirects, errors),
    duplicates (revisit records, a URL or a payload seen earlier: the first capture is kept, the one nearest to
    publication), and pages that are no article (no text, no date, a language we do not read: a crawl holds index
    pages; the first reason is shown)."""
    records: list[PageRecord] = []
    seen: set[str] = set()
    refusals: list[str] = []

    def take(record: ArcWarcRecord) -> None:
        if record.rec_type == "revisit":
            skipped["duplicate"] += 1
            return
        content_type = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
        if record.rec_type != "response" or record.http_headers is None \
                or record.http_headers.get_statuscode() != "200" \
                or content_type.split(";")[0].strip().lower() not in _HTML_TYPES:
            skipped["not an HTML page"] += 1
            return
        uri = record.rec_headers.get_header("WARC-Target-URI") or ""
        digest = record.rec_headers.get_header("WARC-Payload-Digest") or ""
        if uri in seen or (digest and digest in seen):
            skipped["duplicate"] += 1
            return
        seen.update(filter(None, (uri, digest)))
        charset = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type, re.I)
        try:
            records.append(read_page(record.content_stream().read(PAGE_BYTES + 1), path, registry, overrides,
                                     f"record {uri}: ", uri, charset.group(1) if charset else None))
        except InputError as refused:
            skipped["not an article"] += 1
            refusals.append(str(refused))

    try:
        # digests checked: a record altered after capture fails its digest instead of reading as another page
        for number, record in enumerate(ArchiveIterator(io.BytesIO(data), check_digests="raise"), start=1):
            if record.format != "warc":   # warcio reads any other text as an old ARC file
                raise InputError(path, "not a WARC archive (its first line is no WARC/1.0 header)")
            if not (record.rec_headers.get_header("Content-Length") or "").isdigit():
                raise InputError(path, f"damaged WARC archive (record {number} has no valid Content-Length)")
            take(record)
            while record.raw_stream.read(1 << 16):   # what is left of the record: a short one was cut off
                pass
            if record.raw_stream.limit:
                raise InputError(path, f"damaged WARC archive (record {number} is cut short: a truncated download?)")
    except ArchiveLoadFailed as exc:
        reason = "a digest does not match: altered or damaged" if "digest" in str(exc) else "an unreadable record"
        raise InputError(path, f"damaged WARC archive ({reason})") from None
    except (OSError, EOFError, ValueError, zlib.error) as exc:   # how gzip damage surfaces
        reason = next(iter(str(exc).splitlines()), "")[:120] or type(exc).__name__
        raise InputError(path, f"not a readable WARC archive ({reason})") from None
    if refusals:
        log.warning("%s: %d HTML page%s read as no article and left out (first: %s)", path, len(refusals),
                    "s" * (len(refusals) != 1), refusals[0].removeprefix(f"{path}: "))
    return records


def decode_html(data: bytes, path: Path, charset: str | None = None) -> str:
    """A page's text: a byte-order mark first, then the charset its server sent, then its own `<meta charset>`
    (pages from people.com.cn are GB2312, older Russian ones windows-1251), else UTF-8 by `read_text`'s rules."""
    declared = charset or (match.group(1).decode("ascii") if (match := _META_CHARSET.search(data[:4096])) else None)
    if declared and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")) \
            and declared.lower().replace("_", "-") not in ("utf-8", "utf8"):
        codec = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030"}.get(declared.lower(), declared)
        if b"\x00" in data:
            raise InputError(path, "binary file (contains NUL bytes), expected a web page")
        try:
            return checked_text(data.decode(codec), path)   # GB18030 reads GB2312 and GBK, which pages mislabel
        except LookupError:
            raise InputError(path, f"unknown character set {declared!r} declared by the page") from None
        except UnicodeDecodeError as exc:
            raise InputError(path, f"not {declared} text as the page declares (bad bytes at offset {exc.start}); "
                                   "convert it to UTF-8") from None
    return checked_text(decode_text(data, path), path)


def reading_language(text: str, declared: str | None, path: Path, where: str) -> str:
    """The language of a page we read (en, ru, zh): told by script, which is exact for these three (a Russian page
    whose template says lang="en" is Russian); a page that declares another language (uk, kk, fr, ja) is refused,
    since its script would pass for one of ours."""
    primary = re.split(r"[-_]", declared.strip().lower())[0] if declared else ""
    if primary.isalpha() and primary not in DETECTED:
        raise InputError(path, f"{where}the page is in a language we do not read ({declared!r}); sourcecheck reads "
                               "English, Russian and Chinese (set --language if the declaration is wrong)")
    return detect_language(text)


def outlet_of(site: str | None, addresses: list[str | None], registry: OutletRegistry, path: Path, where: str,
              by_domain_first_unknown: bool = False) -> str:
    """The outlet: the site's own name when it resolves to a registered outlet, else the outlet whose domain the
    address is on, else (an outlet we do not know) the site's name or the address's domain as it is: never a
    registered outlet it merely resembles. A feed's title names a section ("Xinhua | World"), so an unknown
    feed's outlet is its domain (`by_domain_first_unknown`); a page's name is its own."""
    if site and (known := registry.resolve(site)):
        return known
    hosts = [host for address in addresses if address and (host := urlsplit(address).hostname)]
    for host in hosts:
        if known := registry.by_domain(host):
            return known
    domain = registered_domain(hosts[0]) if hosts else None
    name = normal_name(site) if site else None
    if own := (domain or name) if by_domain_first_unknown else (name or domain):
        return own
    raise InputError(path, f"{where}no outlet: the page names no site and gives no address; set it with --outlet")


def _page_date(html: str, address: str | None) -> str | None:
    """htmldate's publication date: from the markup and the address, else from the text. A date found only in the
    text on the 1st of a month is taken only when the page writes that day: htmldate reads a bare "2012" or
    "June 2012" as its first day, and a wrong day moves the window of days a claim's citation is checked in."""
    today = dt.date.today().isoformat()
    found = htmldate.find_date(html, url=address, original_date=True, extensive_search=False, max_date=today)
    if found:
        return found
    found = htmldate.find_date(html, url=address, original_date=True, max_date=today)
    if found and found.endswith("-01"):
        year, month = int(found[:4]), int(found[5:7])
        written = (found, f"01.{month:02d}.{year}", f"{year}年{month}月1日", f"{year}/{month:02d}/01")
        return found if any(form in html for form in written) else None
    return found


def _paragraphs(text: str, title: str) -> str:
    """trafilatura's lines as paragraphs; a heading repeating the title is left out (it is the title)."""
    lines = [" ".join(line.split()) for line in text.split("\n")]
    lines = [line for line in lines if line]
    if lines and title and lines[0] == " ".join(title.split()):
        lines = lines[1:]
    return "\n\n".join(lines)


def _fragment_text(fragment: str) -> str:
    """A feed entry's HTML (or plain text) as paragraphs."""
    if not fragment.strip():
        return ""
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    blocks = root.xpath(".//p|.//li|.//h1|.//h2|.//h3|.//h4|.//blockquote")
    parts = [" ".join(b.text_content().split()) for b in blocks] or [" ".join(root.text_content().split())]
    return "\n\n".join(p for p in parts if p)


def _feed_date(written: str, entry: dict, path: Path, where: str) -> str:
    """The entry's day as the outlet wrote it (RFC 822 in RSS, ISO 8601 in Atom), in its own time zone: feedparser's
    parsed dates are UTC, which moves a story published after midnight in Beijing to the day before."""
    for parse in (email.utils.parsedate_to_datetime, dt.datetime.fromisoformat):
        try:
            return parse(written.strip().replace("Z", "+00:00")).date().isoformat()
        except (TypeError, ValueError, IndexError):
            continue
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed:
        return dt.date(*parsed[:3]).isoformat()
    raise InputError(path, f"{where}publication date {written[:40]!r} is not a date")


def _web_address(value: str | None) -> str | None:
    return value.strip() if value and urlsplit(value.strip()).scheme in ("http", "https") else None


def _site_name(name: str | None) -> str | None:
    """trafilatura's site name, unless it is only a host name: it falls back on one (military.people.com.cn), and
    the domain registry reads those better than name matching."""
    name = (name or "").strip()
    return None if not name or re.fullmatch(r"[\w.-]+\.[a-z]{2,}", name, re.I) else name


def _declared_language(tree: lxml.html.HtmlElement) -> str | None:
    values = [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang"),
              *tree.xpath("//meta[translate(@http-equiv,'CONTENT-LANGUAGE','content-language')='content-language']"
                          "/@content"),
              *tree.xpath("//meta[@property='og:locale']/@content")]
    return next((v for v in values if v and v.strip()), None)
