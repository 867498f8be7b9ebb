"""Reading an article file (Markdown, plain text or HTML) into an `Article` and its paragraphs.

The publication date comes from the front matter (`published`), the page's metadata for HTML, or a dateline
opening the body (`BISHKEK, March 28, 2013 -`, `March 28, 2013 --`); a dateline is not part of any claim.
"""

from __future__ import annotations

import re
from pathlib import Path

from sourcecheck.claims.dates import DATE_RE, parse_citation_date
from sourcecheck.claims.html_articles import html_to_markdown
from sourcecheck.core.errors import InputError
from sourcecheck.core.ids import content_id
from sourcecheck.core.limits import ARTICLE_BYTES
from sourcecheck.core.textfiles import TEXT_SUFFIXES, parse_date, read_text, split_front_matter, text_field
from sourcecheck.model.claims import Article

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_HTML_SUFFIXES = {".html", ".htm"}
_DATELINE = re.compile(rf"\A\s*(?:(?-i:[A-Z][A-Z .'’-]+),\s+)?(?P<date>{DATE_RE.pattern})\s*(?:\([^)]*\)\s*)?[-–—]+\s*",
                       re.I)


def read_article(path: Path) -> Article:
    """An article from Markdown, plain text or HTML with optional front matter (`title`, `publication`,
    `published`)."""
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES | _HTML_SUFFIXES:
        raise InputError(path, f"unknown article type {path.suffix or '(no extension)'!r}; "
                               "expected .md, .markdown, .txt, .html or .htm")
    text = read_text(path, ARTICLE_BYTES)
    meta, body = html_to_markdown(text) if suffix in _HTML_SUFFIXES else split_front_matter(text, path)
    published = parse_date(meta["published"], "published", path) if meta.get("published") else None
    dateline = _DATELINE.match(body)
    if dateline and dateline["year"]:
        if published is None:
            days = parse_citation_date(dateline["date"], None)
            assert days is not None   # the dateline's date matched DATE_RE with a year: it parses
            published = days[0]
        body = body[dateline.end():]
    if not paragraphs(body):
        raise InputError(path, "article has no text after its front matter")
    title = text_field(meta, "title", path)
    publication = text_field(meta, "publication", path)
    # An article keeps its identity across edits: its own `id`, else publication + title, else where it lives.
    key = text_field(meta, "id", path) or (f"{publication}|{title}" if title else str(path.resolve()))
    return Article(
        article_id=content_id("article", key),
        path=str(path),
        title=title,
        publication=publication,
        published=published,
        body=body,
        content_hash=content_id(text),
    )


def paragraphs(body: str) -> list[tuple[int, str]]:
    """(offset, text) of each prose paragraph.

    Paragraphs are blank-line separated; a body without blank lines (the seed's plain text) has one per line.
    Markdown headings, HTML comments and image lines are not prose and yield no claims.
    """
    masked = _COMMENT.sub(lambda m: " " * len(m.group()), body)
    separator = _BLANK_LINE if _BLANK_LINE.search(masked.strip()) else re.compile(r"\n")
    found, start = [], 0
    for block in [*separator.finditer(masked), None]:
        end = block.start() if block else len(masked)
        chunk = masked[start:end]
        stripped = chunk.strip()
        if stripped and not stripped.startswith(("#", "![")):
            offset = start + (len(chunk) - len(chunk.lstrip()))
            found.append((offset, body[offset: offset + len(stripped)]))
        start = block.end() if block else end
    return found
