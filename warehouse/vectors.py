"""Passage vectors, one table per dimension (`embeddings_<dimension>`), keyed by model and text hash: a text is
embedded once per model, whichever passages share it."""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from sourcecheck.core.errors import SourcecheckError
from sourcecheck.warehouse.connection import WarehouseConnection
from sourcecheck.warehouse.migrations import schema_sql


class Vectors(WarehouseConnection):
    def missing_embeddings(self, model: str, dimension: int, text_hashes: list[str]) -> set[str]:
        table = self._embedding_table(model, dimension)
        if table is None:
            return set(text_hashes)
        have = self.con.execute(f"SELECT text_hash FROM {table} WHERE model = ? AND list_contains(?, text_hash)",
                                [model, text_hashes]).fetchall()
        return set(text_hashes) - {r[0] for r in have}

    def texts_without_vectors(self, model: str, dimension: int, english: bool | None = None) -> dict[str, str]:
        """text hash -> text of current passages with no vector of `model` (a model switched, an old ingest);
        `english`: only the passages of English sources (True), of the others (False), or all (None)."""
        table = self._embedding_table(model, dimension)
        join = f"LEFT JOIN {table} e ON e.model = ? AND e.text_hash = p.text_hash" if table else ""
        missing = "e.text_hash IS NULL" if table else "TRUE"
        params = [model] if table else []
        return dict(self.con.execute(
            f"SELECT DISTINCT p.text_hash, p.text FROM passages p JOIN sources s USING (source_id) {join} "
            f"WHERE p.retired_at IS NULL AND {missing} AND {language_filter(english)}", params).fetchall())

    def store_vectors(self, model: str, dimension: int, vectors: dict[str, np.ndarray]) -> None:
        if not vectors:
            return
        table = self._embedding_table(model, dimension) or self._new_embedding_table(model, dimension)
        hashes = list(vectors)
        matrix = np.stack([vectors[h] for h in hashes]).astype(np.float32)
        vector_rows = pa.table({
            "model": [model] * len(hashes), "text_hash": hashes,
            "vector": pa.FixedSizeListArray.from_arrays(pa.array(matrix.ravel()), dimension),
        })
        self._insert(table, vector_rows, on_conflict="ON CONFLICT DO NOTHING")

    def _embedding_table(self, model: str, dimension: int) -> str | None:
        """The table of the model's vectors (None: none stored yet); a model stored at another dimension is an
        error, not a second table."""
        row = self._first("SELECT dimension, table_name FROM embedding_models WHERE model = ?", [model])
        if row is None:
            return None
        if row[0] != dimension:
            raise SourcecheckError(f"{self.path}: model {model!r} is stored with dimension {row[0]}, "
                                   f"but the loaded model gives {dimension}")
        return row[1]

    def _new_embedding_table(self, model: str, dimension: int) -> str:
        """Register the model, creating its dimension's table unless another model of that dimension did."""
        table = f"embeddings_{int(dimension)}"
        self.con.execute(schema_sql("embeddings_table.sql").format(dimension=int(dimension)))
        self.con.execute("INSERT INTO embedding_models VALUES (?, ?, ?)", [model, dimension, table])
        return table


def language_filter(english: bool | None) -> str:
    """The passages of English sources (True), of the others (False), or all (None), over `sources s`."""
    return {None: "TRUE", True: "s.language = 'en'", False: "s.language <> 'en'"}[english]
