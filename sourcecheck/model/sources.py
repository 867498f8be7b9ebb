"""Typed records that leave `sources/`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class SourceDocument:
    source_id: str             # this version of the document: its identity and its content
    document_id: str           # the document's identity across versions: its path (and JSONL record key)
    path: str
    record_key: str            # "" for a file; for a JSONL record its `id`, else `url`, else content hash
    outlet: str                # canonical when the registry knows it, else as written
    published: dt.date
    language: str
    title: str | None
    url: str | None
    illustrative: bool
    text: str
    content_hash: str          # changes when the text or any field changes: a new version replaces the old


@dataclass(frozen=True)
class SourceBatch:
    """What one `sources add` read: the documents, and how many files they came from or were skipped."""

    files: int
    skipped: int               # files of other types inside the directories given
    documents: list[SourceDocument]
    skipped_records: dict[str, int] = field(default_factory=dict)   # feed and archive records left out, by reason


@dataclass(frozen=True)
class Passage:
    passage_id: str
    source_id: str
    passage_index: int
    text: str                  # one sentence: what is embedded and scored
    context: str               # the sentence with its neighbours, for reading and for slot checks
    start: int                 # character span of the sentence in the document text
    end: int
    text_hash: str             # embedding cache key: same text, same vector


@dataclass(frozen=True)
class Candidate:
    """A passage retrieved for a claim, with the facts scoring and the verdict need."""

    claim_id: str
    passage_id: str
    scope: str                 # cited: from a cited outlet in the date window; store: from anywhere
    rank: int
    similarity: float
    outlet: str
    published: dt.date
    text: str
    context: str
    language: str = "en"       # of the passage's source; similarity is on the English model's scale either way
    document: str = ""         # the whole text of the passage's document: what the source says anywhere
