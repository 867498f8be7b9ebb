"""An HTML article as the Markdown the rest of `claims` reads: headings and paragraphs kept, navigation, scripts,
styles, forms, headers, footers and asides dropped; title and publication date from the page's metadata."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_SKIPPED = {"script", "style", "nav", "header", "footer", "aside", "form", "noscript", "template", "svg", "button",
            "iframe", "figure", "menu"}
_BLOCKS = {"p", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "dd", "td"}
_VOID = {"br", "img", "hr", "meta", "link", "input", "source", "wbr", "area", "col", "embed", "param", "track"}
_DATE_META = {"article:published_time", "date", "dc.date", "pubdate", "publish-date", "datepublished"}


class _ArticleHTML(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.skipping = 0
        self.block: list[str] | None = None
        self.block_tag = ""
        self.blocks: list[str] = []
        self.meta: dict[str, str] = {}
        self.in_title = False
        self.title = ""

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "meta":
            key = (attributes.get("property") or attributes.get("name") or attributes.get("itemprop") or "").lower()
            if attributes.get("content"):
                self.meta[key] = attributes["content"]
        elif tag == "time" and attributes.get("datetime") and "time" not in self.meta:
            self.meta["time"] = attributes["datetime"]
        if tag in _VOID:
            return
        if tag in _SKIPPED or self.skipping:
            self.skipping += 1
        elif tag == "title":
            self.in_title = True
        elif tag in _BLOCKS:
            self._close()
            self.block, self.block_tag = [], tag

    def handle_endtag(self, tag):
        if tag in _VOID:
            return
        if self.skipping:
            self.skipping -= 1
        elif tag == "title":
            self.in_title = False
        elif tag in _BLOCKS:
            self._close()

    def handle_data(self, data):
        if self.in_title:
            self.title += data
        elif not self.skipping and self.block is not None:
            self.block.append(data)

    def _close(self):
        if self.block is not None:
            text = " ".join("".join(self.block).split())
            if text:
                level = int(self.block_tag[1]) if re.fullmatch(r"h[1-6]", self.block_tag) else 0
                self.blocks.append("#" * level + " " + text if level else text)
        self.block = None


def html_to_markdown(html: str) -> tuple[dict, str]:
    """(front matter found in the page's metadata, the article as Markdown paragraphs)."""
    parser = _ArticleHTML()
    parser.feed(html)
    parser.close()
    parser._close()
    meta = {}
    headline = next((b.lstrip("# ") for b in parser.blocks if b.startswith("# ")), None)
    title = parser.meta.get("og:title") or headline or parser.title.strip()
    if title:
        meta["title"] = title
    published = next((parser.meta[k] for k in (*_DATE_META, "time") if k in parser.meta), None)
    if published and re.match(r"\d{4}-\d\d-\d\d", published):
        meta["published"] = published[:10]
    return meta, "\n\n".join(parser.blocks) + "\n"
