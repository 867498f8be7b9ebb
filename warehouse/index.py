"""Loading the `PassageIndex` retrieval searches: every current passage with a vector, read in one sorted query
and one streamed scan of the vectors, with DuckDB's memory capped for each."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from sourcecheck.sources.joined_index import joined_index
from sourcecheck.sources.retrieval import PassageIndex
from sourcecheck.warehouse.connection import sql_string
from sourcecheck.warehouse.vectors import Vectors, language_filter


class PassageIndexes(Vectors):
    def passage_index(self, model: str, dimension: int, english: bool | None = None) -> PassageIndex:
        """Every current passage with a vector of `model` (of English sources, of the others, or all: see
        texts_without_vectors), sorted by outlet, date and document, in reading order (retrieval finds a cited
        outlet's date window by binary search; a passage's neighbours are the rows beside it and give its
        context). The passages come in one sorted query that moves no vectors and no contexts; then the model's
        vectors are streamed in Arrow batches (a plain scan: no join, no sort) into one preallocated array at
        their passages' rows, so they are held once, never as a table and a copy. DuckDB's memory is capped for
        each step: uncapped, its cache still held 1.1 GB after the sorted query of a million passages, and the
        scan needs no cache at all. With 16k-row batches the load of a million passages peaks at 2.1 GB (1.46 GB
        of it the vectors), where, holding contexts and with 64k-row batches, it peaked at 3.1 GB."""
        table = self._embedding_table(model, dimension)
        if table is None:
            return _empty_index(dimension)
        with self._memory_capped(self._index_load_memory()):
            rows = self.con.sql(f"""
                SELECT s.outlet, s.published, p.passage_id, p.text, p.text_hash, s.language,
                       (dense_rank() OVER (ORDER BY s.outlet, s.published, p.source_id) - 1)::INTEGER AS document
                FROM passages p JOIN sources s USING (source_id)
                WHERE p.retired_at IS NULL AND {language_filter(english)}
                  AND p.text_hash IN (SELECT text_hash FROM {table} WHERE model = $model)
                ORDER BY s.outlet, s.published, p.source_id, p.passage_index""",
                                params={"model": model}).to_arrow_table()
            if not rows.num_rows:
                return _empty_index(dimension)
        with self._memory_capped("64MB"):   # a plain scan: its batches leave the cache at once
            vectors = self._vectors_at_rows(table, model, dimension, rows.column("text_hash"))
        outlets = rows.column("outlet").combine_chunks()
        counts = pc.value_counts(outlets)
        per_name = dict(zip(counts.field("values").to_pylist(), counts.field("counts").to_pylist(), strict=True))
        names = pc.unique(outlets).to_pylist()   # in their sorted order
        return PassageIndex(
            outlets=tuple(names),
            outlet_starts=np.concatenate([[0], np.cumsum([per_name[n] for n in names])]).astype(np.int64),
            published=rows.column("published").to_numpy().astype("datetime64[D]"),
            passage_ids=rows.column("passage_id").combine_chunks(),
            texts=rows.column("text").combine_chunks(),
            documents=rows.column("document").to_numpy(),
            vectors=vectors,
            languages=_few_strings(rows.column("language")),
        )

    def passage_index_of(self, spaces: list[tuple[str, int, bool | None]]) -> PassageIndex:
        """One index over the embedding spaces [(model, dimension, english)] of sources/spaces.py: the English
        space first, then the cross-lingual one."""
        indexes = [self.passage_index(model, dimension, english) for model, dimension, english in spaces]
        return indexes[0] if len(indexes) == 1 else joined_index(indexes[0], indexes[1], spaces[1][0])

    def _vectors_at_rows(self, table: str, model: str, dimension: int, text_hashes: pa.ChunkedArray) -> np.ndarray:
        """(rows, dimension) float32: row r holds the vector of text_hashes[r]."""
        hashes = text_hashes.to_numpy(zero_copy_only=False).astype(bytes)   # ASCII: 1 byte a digit
        by_hash = np.argsort(hashes, kind="stable")
        sorted_hashes = hashes[by_hash]
        vectors = np.empty((len(hashes), dimension), dtype=np.float32)
        reader = self.con.sql(f"SELECT text_hash, vector FROM {table} WHERE model = $model",
                              params={"model": model}).to_arrow_reader(16_384)
        for batch in reader:
            batch_hashes = batch.column(0).to_numpy(zero_copy_only=False).astype(bytes)
            batch_vectors = batch.column(1).flatten().to_numpy().reshape(-1, dimension)
            first = np.searchsorted(sorted_hashes, batch_hashes, "left")
            last = np.searchsorted(sorted_hashes, batch_hashes, "right")
            single = last - first == 1                       # one passage has this text: the usual case
            vectors[by_hash[first[single]]] = batch_vectors[single]
            for i in np.flatnonzero(last - first > 1):       # the same sentence in several passages
                vectors[by_hash[first[i]: last[i]]] = batch_vectors[i]
        return vectors

    def _index_load_memory(self) -> str:
        """DuckDB's memory for the passage index's sorted query: a million passages ran in 256 MB (in 128 MB it
        failed when the query still carried contexts), so the cap grows with the store at 384 bytes a passage,
        about 1.5 times that."""
        passages = self._value("SELECT count(*) FROM passages WHERE retired_at IS NULL")
        return f"{max(256, passages * 384 // 2**20)}MB"

    @contextmanager
    def _memory_capped(self, cap: str) -> Iterator[None]:
        limit = self._value("SELECT current_setting('memory_limit')")
        self.con.execute(f"SET memory_limit = '{sql_string(cap)}'")
        try:
            yield
        finally:
            self.con.execute(f"SET memory_limit = '{sql_string(limit)}'")


def _empty_index(dimension: int) -> PassageIndex:
    empty = pa.array([], pa.string())
    return PassageIndex((), np.zeros(1, dtype=np.int64), np.array([], dtype="datetime64[D]"), empty, empty,
                        np.array([], dtype=np.int32),
                        np.zeros((0, dimension), dtype=np.float32), languages=np.array([], dtype=object))


def _few_strings(column: pa.ChunkedArray) -> np.ndarray:
    """An object array of a column with few distinct values, every row pointing at one shared str per value
    (not a str object per row: 50 MB at a million passages)."""
    encoded = column.combine_chunks().dictionary_encode()   # one array, one dictionary
    return np.array(encoded.dictionary.to_pylist() + [None], dtype=object)[
        encoded.indices.fill_null(-1).to_numpy(zero_copy_only=False)]
