"""Retrieval: for each claim, the best passages of its cited outlets in the date window, and of the whole store.

Exact inner products on normalised vectors (numpy): ~4 ms per claim at 100k passages on 2 cores, so no
approximate index is needed at this size.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from claims.records import Claim
from sources.embeddings import Embedder
from sources.records import Candidate
from sources.spaces import ENGLISH, to_english_scale

DATE_WINDOW_DAYS = 3   # a report is usually published within a day or two of the day it is cited for
TOP_K_CITED = 3
TOP_K_STORE = 3


@dataclass
class PassageIndex:
    """Every passage of one embedding model, loaded once per run."""

    passage_ids: np.ndarray    # object (str)
    outlets: np.ndarray        # object (str)
    published: np.ndarray      # datetime64[D]
    texts: np.ndarray
    contexts: np.ndarray
    vectors: np.ndarray        # float32, (n, dimension), L2-normalised
    # Passages in other languages live in the cross-lingual space (sources/spaces.py): their rows of `vectors`
    # are zero and their vectors are here; None when the store has none.
    languages: np.ndarray | None = None               # object (str); None: all English
    crosslingual_vectors: np.ndarray | None = None    # float32, (n, dimension of the cross-lingual model)
    crosslingual_model: str | None = None

    def __len__(self) -> int:
        return len(self.passage_ids)

    def similarities(self, query: ClaimQuery) -> np.ndarray:
        """Cosine of the claim with every passage, each in its passage's space, on the English model's scale."""
        scores = self.vectors @ query.vector
        if self.crosslingual_vectors is not None and query.crosslingual_vector is not None:
            other = self.languages != ENGLISH
            scores[other] = to_english_scale(self.crosslingual_model,
                                             self.crosslingual_vectors[other] @ query.crosslingual_vector)
        return scores


@dataclass(frozen=True)
class ClaimQuery:
    claim_id: str
    vector: np.ndarray
    cited_outlets: tuple[str, ...]
    date_start: dt.date | None
    date_end: dt.date | None
    crosslingual_vector: np.ndarray | None = None


def candidates_for(claims: list[Claim], embedder: Embedder, index: PassageIndex, window_days: int = DATE_WINDOW_DAYS,
                   k_cited: int = TOP_K_CITED, k_store: int = TOP_K_STORE,
                   crosslingual_embedder: Embedder | None = None) -> list[Candidate]:
    """The candidates of every checkable claim (opinion is not retrieved for), embedded in one batch (in
    both spaces when the store has passages in the cross-lingual one)."""
    checkable = [c for c in claims if c.checkworthy]
    if not checkable or not len(index):
        return []
    texts = [c.text for c in checkable]
    vectors = embedder.encode(texts, "embedding claims")
    other = [None] * len(texts)
    if index.crosslingual_vectors is not None and crosslingual_embedder is not None:
        other = crosslingual_embedder.encode(texts, "embedding claims (cross-lingual)")
    return [
        candidate
        for claim, vector, other_vector in zip(checkable, vectors, other)
        for candidate in retrieve(index, ClaimQuery(claim.claim_id, vector, claim.cited_outlets, claim.date_start,
                                                    claim.date_end, other_vector), window_days, k_cited, k_store)
    ]


def retrieve(index: PassageIndex, query: ClaimQuery, window_days: int = DATE_WINDOW_DAYS,
             k_cited: int = TOP_K_CITED, k_store: int = TOP_K_STORE) -> list[Candidate]:
    """Cited candidates (cited outlets, date window) first, then the best of the rest of the store.

    The store search excludes every passage of the cited outlets in the date window (the cited source, all
    of it), so the same outlet on another date still counts as "another source": a claim cited to the wrong
    day is misattributed.
    """
    if not len(index):
        return []
    scores = index.similarities(query)
    candidates: list[Candidate] = []
    rest = np.ones(len(index), dtype=bool)
    if query.cited_outlets:
        mask = np.isin(index.outlets, list(query.cited_outlets))
        if query.date_start:
            lo = np.datetime64(query.date_start - dt.timedelta(days=window_days), "D")
            hi = np.datetime64((query.date_end or query.date_start) + dt.timedelta(days=window_days), "D")
            mask &= (index.published >= lo) & (index.published <= hi)
        candidates += _top(index, query.claim_id, scores, mask, k_cited, "cited")
        rest &= ~mask
    candidates += _top(index, query.claim_id, scores, rest, k_store, "store")
    return candidates


def _top(index: PassageIndex, claim_id: str, scores: np.ndarray, mask: np.ndarray, k: int,
         scope: str) -> list[Candidate]:
    rows = np.flatnonzero(mask)
    if not len(rows) or k <= 0:
        return []
    local = scores[rows]
    take = min(k, len(rows))
    best = np.argpartition(-local, take - 1)[:take]
    best = best[np.argsort(-local[best], kind="stable")]
    return [
        Candidate(
            claim_id=claim_id, passage_id=str(index.passage_ids[r]), scope=scope, rank=rank,
            similarity=float(scores[r]), outlet=str(index.outlets[r]),
            published=index.published[r].astype(dt.date), text=str(index.texts[r]), context=str(index.contexts[r]),
            language=str(index.languages[r]) if index.languages is not None else ENGLISH,
        )
        for rank, r in enumerate(rows[best])
    ]
