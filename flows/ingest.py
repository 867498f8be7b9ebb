"""The `ingest_sources` flow: source files into passages and vectors in the warehouse."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from sourcecheck.claims.outlets import load_registry
from sourcecheck.core.faults import crash_point
from sourcecheck.core.progress import progress
from sourcecheck.model.sources import Passage, SourceBatch, SourceDocument
from sourcecheck.sources.documents import read_source_file, source_files
from sourcecheck.sources.duplicates import drop_duplicates
from sourcecheck.sources.embeddings import USEM3, load_embedder
from sourcecheck.sources.passages import passages_of
from sourcecheck.sources.spaces import ENGLISH, EmbeddingSpaces
from sourcecheck.warehouse import Warehouse


@dataclass(frozen=True)
class IngestSummary:
    files: int
    skipped: int               # files of other types inside the directories given
    documents: int
    unchanged: int
    stored: int
    removed: int               # records gone from files read again
    duplicates: int            # documents equal to another one (sources/duplicates.py), not stored twice
    passages: int
    embedded: int
    skipped_records: dict[str, int] = field(default_factory=dict)   # of feeds and archives, by reason


@task(cache_policy=NO_CACHE)
def read_sources(paths: list[str], skip_unreadable: bool = False,
                 overrides: dict[str, str] | None = None) -> SourceBatch:
    registry = load_registry()
    files, skipped = source_files([Path(p) for p in paths], skip_unreadable)
    records_skipped: Counter = Counter()
    documents = [doc for f in progress(files, "reading sources", "file")
                 for doc in read_source_file(f, registry, overrides, records_skipped)]
    crash_point("ingest:read")
    return SourceBatch(len(files), len(skipped), documents, dict(records_skipped))


@task(cache_policy=NO_CACHE)
def drop_duplicate_documents(db: str, documents: list[SourceDocument]) -> list[SourceDocument]:
    with Warehouse.open(Path(db)) as wh:
        stored = wh.current_documents_like(documents)
    return drop_duplicates(documents, stored)


@task(cache_policy=NO_CACHE)
def changed_documents(db: str, documents: list[SourceDocument]) -> list[SourceDocument]:
    with Warehouse.open(Path(db)) as wh:
        current = wh.current_versions([d.document_id for d in documents])
    return [d for d in documents if current.get(d.document_id) != d.source_id]


@task(cache_policy=NO_CACHE)
def embed_missing(db: str, passages: list[Passage], model: str, english: bool | None) -> dict[str, np.ndarray]:
    """Vectors for every text of this model's space (sources/spaces.py) that has none: the new passages, and
    stored passages never embedded with it (the model was switched). Vectors are cached by (model, text hash)."""
    embedder = load_embedder(model)
    texts = {p.text_hash: p.text for p in passages}
    with Warehouse.open(Path(db)) as wh:
        missing = wh.missing_embeddings(model, embedder.dimension, list(texts))
        texts = {h: texts[h] for h in missing} | wh.texts_without_vectors(model, embedder.dimension, english)
    hashes = sorted(texts)
    vectors: np.ndarray | list[np.ndarray] = \
        embedder.encode([texts[h] for h in hashes], f"embedding passages ({model})") if hashes else []
    crash_point("ingest:embed")
    return dict(zip(hashes, vectors, strict=True))


@task(cache_policy=NO_CACHE)
def store_sources(db: str, paths: list[str], documents: list[SourceDocument], changed: list[SourceDocument],
                  passages: list[Passage], vectors: dict[str, dict[str, np.ndarray]]) -> int:
    """One transaction: retire records gone from the files read (a duplicate counts as gone), store changed
    documents, add vectors (per model)."""
    with Warehouse.open(Path(db)) as wh, wh.transaction():
        removed = wh.retire_missing_sources(paths, [d.document_id for d in documents])
        wh.sync_outlets(load_registry(), {d.outlet for d in documents})
        wh.store_sources(changed, passages)
        for model, model_vectors in vectors.items():
            wh.store_vectors(model, load_embedder(model).dimension, model_vectors)
        crash_point("ingest:store")
    return removed


@flow(name="ingest_sources", log_prints=False)
def ingest_sources(paths: list[str], db: str, model: str, crosslingual_model: str = USEM3,
                   skip_unreadable: bool = False, overrides: dict[str, str] | None = None) -> IngestSummary:
    """`overrides`: outlet and language set on every document read (`sources add --outlet --language`)."""
    batch = read_sources(paths, skip_unreadable, overrides)
    documents = drop_duplicate_documents(db, batch.documents)
    changed = changed_documents(db, documents)
    passages: dict[str, list[Passage]] = {doc.language: [] for doc in changed}
    for doc in changed:
        passages[doc.language] += passages_of(doc)
    every = [p for group in passages.values() for p in group]
    vectors = {space_model: embed_missing(db, [p for language, group in passages.items() for p in group
                                                if english is None or (language == ENGLISH) == english],
                                          space_model, english)
               for space_model, english in EmbeddingSpaces(model, crosslingual_model).spaces()}
    removed = store_sources(db, sorted({d.path for d in batch.documents}), documents, changed, every, vectors)
    return IngestSummary(files=batch.files, skipped=batch.skipped, documents=len(batch.documents),
                         unchanged=len(documents) - len(changed), stored=len(changed), removed=removed,
                         duplicates=len(batch.documents) - len(documents), passages=len(every),
                         embedded=sum(len(v) for v in vectors.values()), skipped_records=batch.skipped_records)
