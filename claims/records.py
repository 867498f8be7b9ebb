"""Typed records that leave `claims/`: what the warehouse stores and retrieval reads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Article:
    article_id: str            # stable across edits: front-matter `id`, else publication + title, else its resolved path
    path: str
    title: str | None
    publication: str | None
    published: dt.date | None
    body: str
    content_hash: str          # changes whenever the body or front matter changes


@dataclass(frozen=True)
class Sentence:
    sentence_id: str
    article_id: str
    paragraph_index: int
    sentence_index: int        # position in the article, 0-based
    start: int                 # character offsets in Article.body
    end: int
    text: str


@dataclass(frozen=True)
class Citation:
    """One credit as written: `(Interfax, Xinhua, June 18)`, `Krasnaya Zvezda reported that`, `observers told`."""

    citation_id: str
    sentence_id: str
    kind: str                  # parenthetical | inline | unnamed
    raw: str
    outlets: tuple[str, ...]   # canonical names (unregistered outlets keep their written name)
    outlet_names: tuple[str, ...]  # as written
    date_start: dt.date | None
    date_end: dt.date | None


@dataclass(frozen=True)
class Claim:
    claim_id: str
    article_id: str
    sentence_id: str
    sentence_index: int
    claim_index: int           # position within its sentence
    text: str
    span: tuple[int, int]      # character span of the claim in its sentence
    citation_id: str | None
    assigned_by: str           # parenthetical | inline | unnamed | none
    cited_outlets: tuple[str, ...]
    date_start: dt.date | None
    date_end: dt.date | None
    checkworthy: bool
    checkworthy_reason: str = ""
