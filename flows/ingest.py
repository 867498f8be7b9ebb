"""The `ingest_sources` flow: source files into passages and vectors in the warehouse."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from claims.outlets import load_registry
from sources.documents import read_source_file, source_files
from sources.embeddings import load_embedder
from sources.passages import passages_of
from sources.records import Passage, SourceDocument
from sourcecheck.progress import progress
from warehouse import Warehouse


@dataclass(frozen=True)
class IngestSummary:
    files: int
    documents: int
    unchanged: int
    stored: int
    passages: int
    embedded: int


@task(cache_policy=NO_CACHE)
def read_sources(paths: list[str]) -> tuple[int, list[SourceDocument]]:
    registry = load_registry()
    files = source_files([Path(p) for p in paths])
    return len(files), [doc for f in progress(files, "reading sources", "file") for doc in read_source_file(f, registry)]


@task(cache_policy=NO_CACHE)
def changed_documents(db: str, documents: list[SourceDocument]) -> list[SourceDocument]:
    with Warehouse.open(Path(db)) as wh:
        stored = wh.stored_source_hashes([d.source_id for d in documents])
    return [d for d in documents if stored.get(d.source_id) != d.content_hash]


@task(cache_policy=NO_CACHE)
def embed_new_passages(db: str, passages: list[Passage], model: str) -> tuple[dict[str, np.ndarray], int]:
    """Vectors for passage texts the warehouse has no vector for yet (cache by text hash and model)."""
    embedder = load_embedder(model)
    texts = {p.text_hash: p.text for p in passages}
    with Warehouse.open(Path(db)) as wh:
        missing = sorted(wh.missing_embeddings(model, embedder.dimension, list(texts)))
    vectors = embedder.encode([texts[h] for h in missing], "embedding passages") if missing else []
    return dict(zip(missing, vectors)), embedder.dimension


@task(cache_policy=NO_CACHE)
def store_sources(db: str, documents: list[SourceDocument], passages: list[Passage], model: str,
                  vectors: dict[str, np.ndarray], dimension: int) -> None:
    with Warehouse.open(Path(db)) as wh, wh.transaction():
        wh.sync_outlets(load_registry(), {d.outlet for d in documents})
        wh.store_sources(documents, passages, model, vectors, dimension)


@flow(name="ingest_sources", log_prints=False)
def ingest_sources(paths: list[str], db: str, model: str) -> IngestSummary:
    files, documents = read_sources(paths)
    changed = changed_documents(db, documents)
    passages = [p for doc in changed for p in passages_of(doc)]
    vectors, dimension = embed_new_passages(db, passages, model)
    if changed:
        store_sources(db, changed, passages, model, vectors, dimension)
    return IngestSummary(files=files, documents=len(documents), unchanged=len(documents) - len(changed),
                         stored=len(changed), passages=len(passages), embedded=len(vectors))
