"""Duplicate documents under different names: the same outlet, day, language and text in two files (a feed
saved twice, a mirror, a copy renamed) is one document. Storing it twice would fill a claim's top passages
with the same sentence, so only the first is stored and the others are named in a warning."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sourcecheck.core.ids import content_id
from sourcecheck.model.sources import SourceDocument

log = logging.getLogger("sourcecheck")


@dataclass(frozen=True)
class StoredDocument:
    """A current document of the warehouse, as far as telling duplicates apart needs it."""

    document_id: str
    path: str
    record_key: str
    outlet: str
    published: object
    language: str
    text: str


def same_text_key(outlet: str, published: object, language: str, text: str) -> str:
    """Equal for documents a reader would call the same: whitespace and line wrapping do not count."""
    return content_id("same-document", outlet, published, language, " ".join(text.split()))


def drop_duplicates(documents: list[SourceDocument], stored: list[StoredDocument]) -> list[SourceDocument]:
    """The documents that are not a copy of a stored document or of an earlier one in the batch, in order.
    A document is never a duplicate of itself (its own earlier version)."""
    first: dict[str, tuple[str, str]] = {}   # key -> (document id, where it is)
    reread = {d.document_id for d in documents}   # their stored text is being replaced by the batch's
    for old in (d for d in stored if d.document_id not in reread):
        first.setdefault(same_text_key(old.outlet, old.published, old.language, old.text),
                         (old.document_id, _where(old.path, old.record_key)))
    kept: list[SourceDocument] = []
    for doc in documents:
        key = same_text_key(doc.outlet, doc.published, doc.language, doc.text)
        original = first.setdefault(key, (doc.document_id, _where(doc.path, doc.record_key)))
        if original[0] == doc.document_id:
            kept.append(doc)
        else:
            log.warning("%s: the same document as %s (outlet, date, language and text); not stored twice",
                        _where(doc.path, doc.record_key), original[1])
    return kept


def _where(path: str, record_key: str) -> str:
    return f"{path} (record {record_key})" if record_key else path
