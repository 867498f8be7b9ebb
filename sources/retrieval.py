"""Retrieval: for each claim, the best passages of its cited outlets in the date window, and of the whole store.

Exact inner products on normalised vectors, no approximate index. Two things keep it fast at a million passages:

- The index is sorted by outlet and publication date when the warehouse loads it, so the passages of a cited
  outlet in a date window are one contiguous row range, found by binary search: the cited search scores only
  those rows.
- The store search scores a batch of claims at once, block by block of rows (one matrix product per block: the
  vectors are read once per batch of claims, not once per claim), and keeps a running top-k per claim.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from sourcecheck.model.claims import Claim
from sourcecheck.model.sources import Candidate
from sourcecheck.sources.embeddings import Embedder
from sourcecheck.sources.passages import context_rows
from sourcecheck.sources.spaces import ENGLISH, to_english_scale

DATE_WINDOW_DAYS = 3   # a report is usually published within a day or two of the day it is cited for
TOP_K_CITED = 3
TOP_K_STORE = 3
CLAIM_BATCH = 64       # claims scored against the store together
BLOCK_ROWS = 131_072    # rows of the store scored per matrix product (64 x 131k scores: 32 MB)


@dataclass
class PassageIndex:
    """Every current passage of one embedding model, loaded once per run, sorted by outlet, then publication
    date, then document, in reading order. Texts stay an Arrow array: compact (no Python object per passage),
    read only for the few passages retrieved. A passage's context is rebuilt from its neighbouring rows, not
    held: contexts are three sentences each, and holding them took 370 MB at a million passages."""

    outlets: tuple[str, ...]   # distinct outlets; the rows of outlets[i] are outlet_starts[i]:outlet_starts[i + 1]
    outlet_starts: np.ndarray  # int64, len(outlets) + 1
    published: np.ndarray      # datetime64[D], ascending within an outlet
    passage_ids: pa.Array      # string
    texts: pa.Array            # string
    documents: np.ndarray      # int32, non-decreasing: a document's passages are consecutive rows, in reading order
    vectors: np.ndarray        # float32, (n, dimension), L2-normalised
    # Passages in other languages live in the cross-lingual space (sources/spaces.py): their rows of `vectors`
    # are zero and their vectors are here, row crosslingual_slots[r] for index row r (-1: an English row), so a
    # store of mostly English passages holds no second vector for them. None when the store has none.
    languages: np.ndarray | None = None               # object (str); None: all English
    crosslingual_vectors: np.ndarray | None = None    # float32, (passages in other languages, its dimension)
    crosslingual_slots: np.ndarray | None = None      # int64, (n,)
    crosslingual_model: str | None = None

    def __len__(self) -> int:
        return len(self.published)

    def rows_of(self, outlet: str, first: np.datetime64 | None = None,
                last: np.datetime64 | None = None) -> tuple[int, int]:
        """The row range of an outlet's passages, published between first and last (inclusive) if given."""
        if outlet not in self._position:
            return 0, 0
        i = self._position[outlet]
        start, end = int(self.outlet_starts[i]), int(self.outlet_starts[i + 1])
        if first is None:
            return start, end
        assert last is not None   # a date window has both ends
        dates = self.published[start:end]
        return (start + int(np.searchsorted(dates, first, "left")),
                start + int(np.searchsorted(dates, last, "right")))

    def outlet_at(self, row: int) -> str:
        return self.outlets[int(np.searchsorted(self.outlet_starts, row, "right")) - 1]

    def context_at(self, row: int) -> str:
        """The passage at `row` with its neighbours in its document, as ingest stored it (sources/passages.py)."""
        first, last = self._document_rows(row)
        lo, hi = context_rows(row - first, last - first)
        return " ".join(self.texts[first + lo: first + hi].to_pylist())

    def document_at(self, row: int) -> str:
        """The whole text of the document the passage at `row` belongs to, its sentences joined."""
        first, last = self._document_rows(row)
        return " ".join(self.texts[first:last].to_pylist())

    def _document_rows(self, row: int) -> tuple[int, int]:
        document = self.documents[row]
        return (int(np.searchsorted(self.documents, document, "left")),
                int(np.searchsorted(self.documents, document, "right")))

    @property
    def _position(self) -> dict[str, int]:
        if not hasattr(self, "_positions"):
            self._positions = {name: i for i, name in enumerate(self.outlets)}
        return self._positions

    def scores(self, rows, vectors: np.ndarray, crosslingual: np.ndarray | None) -> np.ndarray:
        """(claims, rows) cosines of a batch of claims with the passages at `rows` (a slice or row numbers), each
        in its passage's space, on the English model's scale."""
        scores = vectors @ self.vectors[rows].T
        if self.crosslingual_vectors is not None and crosslingual is not None:
            # set together with crosslingual_vectors (sources/joined_index.py)
            assert self.crosslingual_slots is not None and self.crosslingual_model is not None
            slots = self.crosslingual_slots[rows]
            other = slots >= 0
            if other.any():
                scores[:, other] = to_english_scale(
                    self.crosslingual_model, crosslingual @ self.crosslingual_vectors[slots[other]].T)
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
    other: np.ndarray | list[None] = [None] * len(texts)
    if index.crosslingual_vectors is not None and crosslingual_embedder is not None:
        other = crosslingual_embedder.encode(texts, "embedding claims (cross-lingual)")
    queries = [ClaimQuery(c.claim_id, v, c.cited_outlets, c.date_start, c.date_end, o)
               for c, v, o in zip(checkable, vectors, other, strict=True)]
    return retrieve_all(index, queries, window_days, k_cited, k_store)


def retrieve(index: PassageIndex, query: ClaimQuery, window_days: int = DATE_WINDOW_DAYS,
             k_cited: int = TOP_K_CITED, k_store: int = TOP_K_STORE) -> list[Candidate]:
    return retrieve_all(index, [query], window_days, k_cited, k_store)


def retrieve_all(index: PassageIndex, queries: list[ClaimQuery], window_days: int = DATE_WINDOW_DAYS,
                 k_cited: int = TOP_K_CITED, k_store: int = TOP_K_STORE) -> list[Candidate]:
    """Per claim, cited candidates (cited outlets, date window) first, then the best of the rest of the store.

    The store search excludes every passage of the cited outlets in the date window (the cited source, all
    of it), so the same outlet on another date still counts as "another source": a claim cited to the wrong
    day is misattributed.
    """
    if not len(index) or not queries:
        return []
    cited_rows = [_cited_ranges(index, q, window_days) for q in queries]
    cited = [_best_in_ranges(index, q, ranges, k_cited) for q, ranges in zip(queries, cited_rows, strict=True)]
    store: list[tuple[np.ndarray, np.ndarray]] = [(np.array([], np.int64), np.array([], np.float32))] * len(queries)
    if k_store > 0:
        store = []
        for start in range(0, len(queries), CLAIM_BATCH):
            batch = queries[start: start + CLAIM_BATCH]
            store += _best_in_store(index, batch, cited_rows[start: start + CLAIM_BATCH], k_store)
    out: list[Candidate] = []
    for query, cited_best, store_best in zip(queries, cited, store, strict=True):
        out += _candidates(index, query.claim_id, *cited_best, "cited")
        out += _candidates(index, query.claim_id, *store_best, "store")
    return out


def _cited_ranges(index: PassageIndex, query: ClaimQuery, window_days: int) -> list[tuple[int, int]]:
    first = last = None
    if query.date_start:
        first = np.datetime64(query.date_start - dt.timedelta(days=window_days), "D")
        last = np.datetime64((query.date_end or query.date_start) + dt.timedelta(days=window_days), "D")
    ranges = [index.rows_of(outlet, first, last) for outlet in dict.fromkeys(query.cited_outlets)]
    return [(lo, hi) for lo, hi in ranges if hi > lo]


def _best_in_ranges(index: PassageIndex, query: ClaimQuery, ranges: list[tuple[int, int]],
                    k: int) -> tuple[np.ndarray, np.ndarray]:
    if not ranges or k <= 0:
        return np.array([], np.int64), np.array([], np.float32)
    rows = np.concatenate([np.arange(lo, hi) for lo, hi in ranges])
    scores = index.scores(rows, query.vector[None].astype(np.float32), _crosslingual([query]))[0]
    best = _top_k(scores, rows, k)
    return rows[best], scores[best]


def _top_k(scores: np.ndarray, rows: np.ndarray, k: int) -> np.ndarray:
    """Positions of the k best scores: highest first, ties by row (deterministic)."""
    if len(scores) > 4 * k:   # cut to the best few first: the full sort below is then cheap
        keep = np.argpartition(-scores, k - 1)[:k]
        keep = np.flatnonzero(scores >= scores[keep].min())
    else:
        keep = np.arange(len(scores))
    order = np.lexsort((rows[keep], -scores[keep]))
    return keep[order[:k]]


def _crosslingual(queries: list[ClaimQuery]) -> np.ndarray | None:
    vectors = [q.crosslingual_vector for q in queries if q.crosslingual_vector is not None]
    if len(vectors) < len(queries):
        return None
    return np.stack(vectors).astype(np.float32)


def _best_in_store(index: PassageIndex, queries: list[ClaimQuery], excluded: list[list[tuple[int, int]]],
                   k: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """Exact top-k of the whole store for each claim of the batch, leaving out each claim's cited ranges."""
    vectors = np.stack([q.vector for q in queries]).astype(np.float32)
    crosslingual = _crosslingual(queries)
    claims = len(vectors)
    best_rows = np.full((claims, k), -1, dtype=np.int64)
    best_scores = np.full((claims, k), -np.inf, dtype=np.float32)
    for start in range(0, len(index), BLOCK_ROWS):
        block = index.vectors[start: start + BLOCK_ROWS]
        scores = index.scores(slice(start, start + len(block)), vectors, crosslingual)  # (claims, rows of the block)
        for claim, ranges in enumerate(excluded):
            for lo, hi in ranges:
                lo, hi = max(lo, start) - start, min(hi, start + len(block)) - start
                if hi > lo:
                    scores[claim, lo:hi] = -np.inf
        # only scores that reach a claim's current k-th best can enter its top k
        claim_of, column = np.nonzero(scores >= best_scores[:, -1:])
        if len(claim_of) > claims * k * 8:   # early blocks: cut each row to its k best (ties kept: row order decides)
            take = min(k, scores.shape[1])
            kth = -np.partition(-scores, take - 1, axis=1)[:, take - 1:take]
            claim_of, column = np.nonzero(scores >= np.maximum(kth, best_scores[:, -1:]))
        _merge(best_rows, best_scores, claim_of, column + start, scores[claim_of, column])
    return [(rows[scores > -np.inf], scores[scores > -np.inf])
            for rows, scores in zip(best_rows, best_scores, strict=True)]


def _merge(best_rows: np.ndarray, best_scores: np.ndarray, claim_of: np.ndarray, rows: np.ndarray,
           scores: np.ndarray) -> None:
    """Fold new (claim, row, score) hits into each claim's running top k, in place."""
    claims, k = best_rows.shape
    all_claims = np.concatenate([np.repeat(np.arange(claims), k), claim_of])
    all_rows = np.concatenate([best_rows.ravel(), rows])
    all_scores = np.concatenate([best_scores.ravel(), scores.astype(np.float32)])
    # by claim, then score (highest first), then row; empty slots (row -1, -inf) sort last
    order = np.lexsort((np.where(all_rows < 0, np.iinfo(np.int64).max, all_rows), -all_scores, all_claims))
    sorted_claims = all_claims[order]
    rank = np.arange(len(order)) - np.searchsorted(sorted_claims, sorted_claims, "left")
    keep = order[rank < k]
    best_rows[all_claims[keep], rank[rank < k]] = all_rows[keep]
    best_scores[all_claims[keep], rank[rank < k]] = all_scores[keep]


def _candidates(index: PassageIndex, claim_id: str, rows: np.ndarray, scores: np.ndarray,
                scope: str) -> list[Candidate]:
    documents: dict[int, str] = {}  # a claim's candidates often share a document: one string for all of them

    def document(row: int) -> str:
        key = int(index.documents[row])
        if key not in documents:
            documents[key] = index.document_at(row)
        return documents[key]

    return [
        Candidate(
            claim_id=claim_id, passage_id=index.passage_ids[r].as_py(), scope=scope, rank=rank,
            similarity=float(score), outlet=index.outlet_at(r), published=index.published[r].astype(dt.date),
            text=index.texts[r].as_py(), context=index.context_at(r),
            language=str(index.languages[r]) if index.languages is not None else ENGLISH,
            document=document(r),
        )
        for rank, (r, score) in enumerate(zip(rows.tolist(), scores.tolist(), strict=True))
    ]
