"""Every SQL statement of sourcecheck, behind one class.

One writer at a time: DuckDB locks the file per process, so connections open late, close early, and retry
while another process holds the lock (past LOCK_WAIT_SECONDS: `WarehouseBusy`, which tasks retry). Each stage
writes in one transaction: a failure, or a process killed midway, leaves the previous consistent state.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import getpass
import json
import os
import re
import socket
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from sourcecheck.claims.outlets import OutletRegistry
from sourcecheck.model.reviews import ReviewDecision
from sourcecheck.model.scores import PairScore
from sourcecheck.sources.duplicates import StoredDocument
from sourcecheck.model.sources import Passage, SourceDocument
from sourcecheck.sources.retrieval import PassageIndex
from sourcecheck.sources.joined_index import joined_index
from sourcecheck.model.runs import ArticleResult, PriorScores, RunContext
from sourcecheck.core.errors import InputError, SourcecheckError, WarehouseBusy
from sourcecheck.core.faults import crash_point

if TYPE_CHECKING:  # spaCy loads with claims.extract: a warehouse reader must not pay for it
    from sourcecheck.claims.extract import ExtractedArticle

SCHEMA_VERSION = 6  # the highest numbered file in warehouse/schema/ (005 was never used)
LOCK_WAIT_SECONDS = 30.0


def default_db_path() -> Path:
    return Path(os.environ.get("SOURCECHECK_DB") or "warehouse.duckdb")


def _sql(name: str) -> str:
    return resources.files("sourcecheck.warehouse").joinpath(f"schema/{name}").read_text("utf-8")


def migrations() -> list[tuple[int, str]]:
    """(version, file) of every numbered schema file `NNN_name.sql`, in order; numbers may have gaps."""
    names = [f.name for f in resources.files("sourcecheck.warehouse").joinpath("schema").iterdir()]
    return sorted((int(m.group(1)), name) for name in names if (m := re.fullmatch(r"(\d{3})_\w+\.sql", name)))


class Warehouse:
    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path):
        self.con, self.path = con, path
        self.version = 0   # the schema version found on opening (0: a new file)

    # -- opening -------------------------------------------------------------------------------------------
    @classmethod
    @contextmanager
    def open(cls, path: Path, read_only: bool = False, file_access: bool = False,
             user_sql: bool = False) -> Iterator[Warehouse]:
        """Open (creating and migrating on first write use); closes on exit so the file lock is released.
        A read-only connection reads and writes no other file unless `file_access` (export needs it)."""
        path = Path(path)
        if read_only and not path.exists():
            raise InputError(path, "no warehouse here yet (run `sourcecheck sources add` or `sourcecheck demo`)")
        if path.exists() and path.is_dir():
            raise InputError(path, "is a directory, not a DuckDB file")
        if not read_only:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise _cannot_write(path, exc, opening=True) from None
        con = _connect(path, read_only, file_access, user_sql)
        try:
            warehouse = cls(con, path)
            warehouse._check_version()
            if not read_only:
                warehouse._migrate()
            yield warehouse
        finally:
            try:
                con.close()
            except duckdb.Error:  # a checkpoint that could not be written: the committed WAL replays on next open
                pass

    def _check_version(self) -> None:
        tables = {r[0] for r in self.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        if "schema_version" not in tables:
            if tables and "runs" not in tables:
                raise InputError(self.path, "is a DuckDB file but not a sourcecheck warehouse")
            return
        self.version = self._first("SELECT max(version) FROM schema_version")[0] or 0
        if self.version > SCHEMA_VERSION:
            raise InputError(self.path, f"warehouse schema version {self.version} is newer than this sourcecheck "
                                        f"understands ({SCHEMA_VERSION}); upgrade sourcecheck")

    def _migrate(self) -> None:
        """Apply, in order, every numbered schema file this warehouse has not recorded in `schema_version`
        (so a file merged in with a lower number than one already applied is still applied)."""
        with self.transaction():
            tables = {r[0] for r in self.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
            applied = {r[0] for r in self.con.execute("SELECT version FROM schema_version").fetchall()} \
                if "schema_version" in tables else set()
            for version, name in migrations():
                if version not in applied:
                    self.con.execute(_sql(name))
                    self.con.execute("INSERT INTO schema_version (version) VALUES (?)", [version])
            self.version = max(applied | {v for v, _ in migrations()})
            self.con.execute(_sql("views.sql"))

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing; a write the disk refuses (full, read-only, over a size limit) is one clear error."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException as exc:
            try:
                self.con.execute("ROLLBACK")
            except duckdb.Error:  # a failed write already ended the transaction
                pass
            if isinstance(exc, duckdb.Error) and _write_failure(exc):
                raise _cannot_write(self.path, exc) from None
            raise
        try:
            self.con.execute("COMMIT")
        except duckdb.Error as exc:
            if _write_failure(exc):
                raise _cannot_write(self.path, exc) from None
            raise

    # -- outlets -------------------------------------------------------------------------------------------
    def sync_outlets(self, registry: OutletRegistry, seen: set[str]) -> None:
        """Registry outlets (with aliases) plus any unregistered outlet seen in a source or a citation."""
        registered = {o.name: list(o.aliases) for o in registry.outlets}
        rows = [(name, aliases, True) for name, aliases in registered.items()]
        rows += [(name, [], False) for name in sorted(seen - set(registered))]
        self.con.execute("CREATE TEMP TABLE IF NOT EXISTS new_outlets AS SELECT * FROM outlets LIMIT 0")
        self.con.execute("DELETE FROM new_outlets")
        self.con.executemany("INSERT INTO new_outlets VALUES (?, ?, ?)", rows)
        self.con.execute("""
            INSERT INTO outlets SELECT * FROM new_outlets
            ON CONFLICT (outlet) DO UPDATE SET aliases = excluded.aliases,
                registered = excluded.registered OR outlets.registered""")

    # -- sources -------------------------------------------------------------------------------------------
    def current_versions(self, document_ids: list[str]) -> dict[str, str]:
        """document id -> source id of its current (not retired) version."""
        return dict(self.con.execute("SELECT document_id, source_id FROM sources "
                                     "WHERE retired_at IS NULL AND list_contains(?, document_id)",
                                     [document_ids]).fetchall())

    def current_documents_like(self, documents: list[SourceDocument]) -> list[StoredDocument]:
        """Current documents of the outlets and days of these: the ones they could be duplicates of."""
        rows = self.con.execute(
            "SELECT document_id, path, record_key, outlet, published, language, text FROM sources "
            "WHERE retired_at IS NULL AND list_contains(?, outlet) AND list_contains(?, published)",
            [sorted({d.outlet for d in documents}), sorted({d.published for d in documents})]).fetchall()
        return [StoredDocument(*r) for r in rows]

    def missing_embeddings(self, model: str, dimension: int, text_hashes: list[str]) -> set[str]:
        table = self._embedding_table(model, dimension, create=False)
        if table is None:
            return set(text_hashes)
        have = self.con.execute(f"SELECT text_hash FROM {table} WHERE model = ? AND list_contains(?, text_hash)",
                                [model, text_hashes]).fetchall()
        return set(text_hashes) - {r[0] for r in have}

    def retire_missing_sources(self, paths: list[str], present: list[str]) -> int:
        """Documents read from these files before but no longer in them (a JSONL record removed) retire with
        their passages: kept for the evidence of old runs, never retrieved again. Returns how many."""
        gone = [r[0] for r in self.con.execute(
            "SELECT source_id FROM sources WHERE retired_at IS NULL AND list_contains(?, path) "
            "AND NOT list_contains(?, document_id)", [paths, present]).fetchall()]
        self._retire(gone)
        return len(gone)

    def store_sources(self, documents: list[SourceDocument], passages: list[Passage]) -> None:
        """New versions of documents: the current version of each retires (rows stay, so old runs keep their
        evidence); a version seen before (a file changed and changed back) comes back rather than twice."""
        current = self.current_versions([d.document_id for d in documents])
        self._retire(list(current.values()))
        known = {r[0] for r in self.con.execute("SELECT source_id FROM sources WHERE list_contains(?, source_id)",
                                                [[d.source_id for d in documents]]).fetchall()}
        self._retire([], revive=sorted(known))
        documents = [d for d in documents if d.source_id not in known]
        passages = [p for p in passages if p.source_id not in known]
        now = dt.datetime.now()
        source_rows = pa.table({
            "source_id": [d.source_id for d in documents], "document_id": [d.document_id for d in documents],
            "path": [d.path for d in documents], "record_key": [d.record_key for d in documents],
            "outlet": [d.outlet for d in documents], "published": pa.array([d.published for d in documents], pa.date32()),
            "language": [d.language for d in documents], "title": pa.array([d.title for d in documents], pa.string()),
            "url": pa.array([d.url for d in documents], pa.string()),
            "illustrative": pa.array([d.illustrative for d in documents], pa.bool_()),
            "content_hash": [d.content_hash for d in documents], "text": [d.text for d in documents],
            "ingested_at": pa.array([now] * len(documents), pa.timestamp("us")),
        })
        self._insert("sources", source_rows, ", NULL::TIMESTAMP AS retired_at")
        passage_rows = pa.table({
            "passage_id": [p.passage_id for p in passages], "source_id": [p.source_id for p in passages],
            "passage_index": pa.array([p.passage_index for p in passages], pa.int32()),
            "text": [p.text for p in passages], "context": [p.context for p in passages],
            "start_char": pa.array([p.start for p in passages], pa.int32()),
            "end_char": pa.array([p.end for p in passages], pa.int32()),
            "text_hash": [p.text_hash for p in passages],
        })
        self._insert("passages", passage_rows, ", NULL::TIMESTAMP AS retired_at")

    def _retire(self, source_ids: list[str], revive: list[str] | None = None) -> None:
        """Retire these source versions with their passages, or bring `revive` versions back."""
        if source_ids:
            now = dt.datetime.now()
            for table in ("sources", "passages"):
                self.con.execute(f"UPDATE {table} SET retired_at = ? WHERE retired_at IS NULL "
                                 "AND list_contains(?, source_id)", [now, source_ids])
        if revive:
            for table in ("sources", "passages"):
                self.con.execute(f"UPDATE {table} SET retired_at = NULL WHERE list_contains(?, source_id)", [revive])

    def texts_without_vectors(self, model: str, dimension: int, english: bool | None = None) -> dict[str, str]:
        """text hash -> text of current passages with no vector of `model` (a model switched, an old ingest);
        `english`: only the passages of English sources (True), of the others (False), or all (None)."""
        table = self._embedding_table(model, dimension, create=False)
        join = f"LEFT JOIN {table} e ON e.model = ? AND e.text_hash = p.text_hash" if table else ""
        missing = "e.text_hash IS NULL" if table else "TRUE"
        params = [model] if table else []
        return dict(self.con.execute(
            f"SELECT DISTINCT p.text_hash, p.text FROM passages p JOIN sources s USING (source_id) {join} "
            f"WHERE p.retired_at IS NULL AND {missing} AND {_language_filter(english)}", params).fetchall())

    def store_vectors(self, model: str, dimension: int, vectors: dict[str, np.ndarray]) -> None:
        if not vectors:
            return
        table = self._embedding_table(model, dimension, create=True)
        hashes = list(vectors)
        matrix = np.stack([vectors[h] for h in hashes]).astype(np.float32)
        vector_rows = pa.table({
            "model": [model] * len(hashes), "text_hash": hashes,
            "vector": pa.FixedSizeListArray.from_arrays(pa.array(matrix.ravel()), dimension),
        })
        self._insert(table, vector_rows, on_conflict="ON CONFLICT DO NOTHING")

    def _embedding_table(self, model: str, dimension: int, create: bool) -> str | None:
        row = self._first("SELECT dimension, table_name FROM embedding_models WHERE model = ?", [model])
        if row:
            if row[0] != dimension:
                raise SourcecheckError(f"{self.path}: model {model!r} is stored with dimension {row[0]}, "
                                       f"but the loaded model gives {dimension}")
            return row[1]
        if not create:
            return None
        table = f"embeddings_{int(dimension)}"
        self.con.execute(_sql("embeddings_table.sql").format(dimension=int(dimension)))
        self.con.execute("INSERT INTO embedding_models VALUES (?, ?, ?)", [model, dimension, table])
        return table

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
        table = self._embedding_table(model, dimension, create=False)
        if table is None:
            return _empty_index(dimension)
        with self._memory_capped(self._index_load_memory()):
            rows = self.con.sql(f"""
                SELECT s.outlet, s.published, p.passage_id, p.text, p.text_hash, s.language,
                       (dense_rank() OVER (ORDER BY s.outlet, s.published, p.source_id) - 1)::INTEGER AS document
                FROM passages p JOIN sources s USING (source_id)
                WHERE p.retired_at IS NULL AND {_language_filter(english)}
                  AND p.text_hash IN (SELECT text_hash FROM {table} WHERE model = $model)
                ORDER BY s.outlet, s.published, p.source_id, p.passage_index""",
                                params={"model": model}).to_arrow_table()
            if not rows.num_rows:
                return _empty_index(dimension)
        with self._memory_capped("64MB"):   # a plain scan: its batches leave the cache at once
            vectors = self._vectors_at_rows(table, model, dimension, rows.column("text_hash"))
        outlets = rows.column("outlet").combine_chunks()
        counts = pc.value_counts(outlets)
        per_name = dict(zip(counts.field("values").to_pylist(), counts.field("counts").to_pylist()))
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
        passages = self._first("SELECT count(*) FROM passages WHERE retired_at IS NULL")[0]
        return f"{max(256, passages * 384 // 2**20)}MB"

    @contextmanager
    def _memory_capped(self, cap: str) -> Iterator[None]:
        limit = self._first("SELECT current_setting('memory_limit')")[0]
        self.con.execute(f"SET memory_limit = '{_sql_string(cap)}'")
        try:
            yield
        finally:
            self.con.execute(f"SET memory_limit = '{_sql_string(limit)}'")

    def passage_index_of(self, spaces: list[tuple[str, int, bool | None]]) -> PassageIndex:
        """One index over the embedding spaces [(model, dimension, english)] of sources/spaces.py: the English
        space first, then the cross-lingual one."""
        indexes = [self.passage_index(model, dimension, english) for model, dimension, english in spaces]
        return indexes[0] if len(indexes) == 1 else joined_index(indexes[0], indexes[1], spaces[1][0])

    # -- runs ----------------------------------------------------------------------------------------------
    def record_run(self, run_id: str, result: ArticleResult, context: RunContext,
                   record_seconds: float = 0.0) -> dict[str, int]:
        """The article, its sentences, citations and claims, and the run's matches and verdicts (call it inside
        one transaction). Returns the run's count of claims per status."""
        extracted, candidates, scores, verdicts = result.extracted, result.candidates, result.scores, result.verdicts
        a = extracted.article
        now = dt.datetime.now()
        self.con.execute("""
            INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (article_id) DO UPDATE SET path = excluded.path, title = excluded.title,
                publication = excluded.publication, published = excluded.published,
                content_hash = excluded.content_hash, body = excluded.body, updated_at = excluded.updated_at""",
            [a.article_id, a.path, a.title, a.publication, a.published, a.content_hash, a.body, now])
        self._insert_new("sentences", "sentence_id", pa.table({
            "sentence_id": [s.sentence_id for s in extracted.sentences],
            "article_id": [s.article_id for s in extracted.sentences],
            "paragraph_index": pa.array([s.paragraph_index for s in extracted.sentences], pa.int32()),
            "sentence_index": pa.array([s.sentence_index for s in extracted.sentences], pa.int32()),
            "start_char": pa.array([s.start for s in extracted.sentences], pa.int32()),
            "end_char": pa.array([s.end for s in extracted.sentences], pa.int32()),
            "text": [s.text for s in extracted.sentences],
        }))
        cits = extracted.citations
        self._insert_new("citations", "citation_id", pa.table({
            "citation_id": [c.citation_id for c in cits], "sentence_id": [c.sentence_id for c in cits],
            "kind": [c.kind for c in cits], "raw": [c.raw for c in cits],
            "outlets": pa.array([list(c.outlets) for c in cits], pa.list_(pa.string())),
            "outlet_names": pa.array([list(c.outlet_names) for c in cits], pa.list_(pa.string())),
            "date_start": pa.array([c.date_start for c in cits], pa.date32()),
            "date_end": pa.array([c.date_end for c in cits], pa.date32()),
        }))
        cl = extracted.claims
        self._insert_new("claims", "claim_id", pa.table({
            "claim_id": [c.claim_id for c in cl], "article_id": [c.article_id for c in cl],
            "sentence_id": [c.sentence_id for c in cl],
            "claim_index": pa.array([c.claim_index for c in cl], pa.int32()), "text": [c.text for c in cl],
            "span_start": pa.array([c.span[0] for c in cl], pa.int32()),
            "span_end": pa.array([c.span[1] for c in cl], pa.int32()),
            "citation_id": pa.array([c.citation_id for c in cl], pa.string()),
            "assigned_by": [c.assigned_by for c in cl],
            "cited_outlets": pa.array([list(c.cited_outlets) for c in cl], pa.list_(pa.string())),
            "date_start": pa.array([c.date_start for c in cl], pa.date32()),
            "date_end": pa.array([c.date_end for c in cl], pa.date32()),
            "checkworthy": [c.checkworthy for c in cl], "checkworthy_reason": [c.checkworthy_reason for c in cl],
        }))
        self._store_claim_structure(extracted)
        counts = dict(Counter(v.status for v in verdicts))
        settings = context.parameters
        stage_seconds = {"load_store": round(context.load_seconds, 4), **result.stage_seconds,
                         "record": round(record_seconds, 4)}
        self._insert("runs", pa.table({
            "run_id": [run_id], "article_id": [a.article_id], "article_content_hash": [a.content_hash],
            "started_at": pa.array([result.started_at], pa.timestamp("us")),
            "finished_at": pa.array([now], pa.timestamp("us")), "user_name": [login_name()],
            "host": [socket.gethostname()], "flow_run_id": pa.array([context.flow_run_id], pa.string()),
            "sourcecheck_version": [_version()], "embedding_model": [settings["embedding_model"]],
            "scorer": [settings["scorer"]], "scorer_version": [context.scorer_version],
            "parameters": [json.dumps(settings | {"scorer_parameters": context.scorer_parameters},
                                      sort_keys=True)],
            "passages_in_store": pa.array([context.passages_in_store], pa.int32()),
            "claims": pa.array([len(cl)], pa.int32()), "status_counts": [json.dumps(counts, sort_keys=True)],
            "input_key": [result.input_key], "store_key": [context.store_key],
            "claims_scored": pa.array([result.claims_scored], pa.int32()),
            "claims_reused": pa.array([len(result.reused_from)], pa.int32()),
            "stage_seconds": [json.dumps(stage_seconds, sort_keys=True)], "task_runner": [context.task_runner],
        }))
        match_rows = pa.table({
            "run_id": [run_id] * len(candidates), "claim_id": [c.claim_id for c in candidates],
            "passage_id": [c.passage_id for c in candidates], "scope": [c.scope for c in candidates],
            "rank": pa.array([c.rank for c in candidates], pa.int32()),
            "similarity": pa.array([c.similarity for c in candidates], pa.float64()),
            "support_score": pa.array([s.support for s in scores], pa.float64()),
            "contradiction_score": pa.array([s.contradiction for s in scores], pa.float64()),
            "explanation": [s.explanation for s in scores],
        })
        self._insert("matches", match_rows)
        verdict_rows = pa.table({
            "run_id": [run_id] * len(verdicts), "claim_id": [v.claim_id for v in verdicts],
            "status": [v.status for v in verdicts],
            "support_score": pa.array([v.support_score for v in verdicts], pa.float64()),
            "contradiction_score": pa.array([v.contradiction_score for v in verdicts], pa.float64()),
            "evidence_passage_id": pa.array([v.evidence_passage_id for v in verdicts], pa.string()),
            "evidence_outlet": pa.array([v.evidence_outlet for v in verdicts], pa.string()),
            "explanation": [v.explanation for v in verdicts],
            "cited_source_in_store": pa.array([v.cited_source_in_store for v in verdicts], pa.bool_()),
            "score_key": pa.array([result.score_keys.get(v.claim_id) for v in verdicts], pa.string()),
            "scored_in_run": pa.array([result.reused_from.get(v.claim_id, run_id) if v.claim_id in result.score_keys
                                       else None for v in verdicts], pa.string()),
        })
        self._insert("verdicts", verdict_rows)
        crash_point("record_run")
        return counts

    def _store_claim_structure(self, extracted: ExtractedArticle) -> None:
        """Each claim's type, slots and rewritten references (content-hash ids: stored once per claim)."""
        cl = extracted.claims
        text_of = {s.sentence_id: s.text for s in extracted.sentences}
        self._insert_new("claim_details", "claim_id", pa.table({
            "claim_id": [c.claim_id for c in cl], "claim_type": [c.claim_type for c in cl],
            "source_text": [text_of[c.sentence_id][c.span[0]: c.span[1]] for c in cl],
        }))
        slots = [(c.claim_id, *slot) for c in cl for slot in enumerate(_slot_rows(c))]
        self._insert_new("claim_slots", "claim_id", pa.table({
            "claim_id": [s[0] for s in slots], "slot_index": pa.array([s[1] for s in slots], pa.int32()),
            **{name: pa.array([s[2][k] for s in slots], kind) for k, (name, kind) in enumerate(_SLOT_COLUMNS)},
        }))
        references = [(c.claim_id, i, r) for c in cl for i, r in enumerate(c.references)]
        self._insert_new("claim_references", "claim_id", pa.table({
            "claim_id": [r[0] for r in references], "reference_index": pa.array([r[1] for r in references], pa.int32()),
            "mention": [r[2].mention for r in references], "resolved": [r[2].resolved for r in references],
        }))

    def _insert_new(self, table: str, key: str, rows: pa.Table) -> None:
        """Rows whose key the table does not hold yet (content-hash ids: the same content is the same row)."""
        self._insert(table, rows, where=f"WHERE {key} NOT IN (SELECT {key} FROM {table})")

    def _insert(self, table: str, rows: pa.Table, extra_columns: str = "", where: str = "",
                on_conflict: str = "") -> None:
        """Insert an Arrow table by column name (Arrow, not executemany: 100k rows in ~10 ms)."""
        self.con.register("incoming_rows", rows)
        try:
            self.con.execute(f"INSERT INTO {table} BY NAME SELECT *{extra_columns} FROM incoming_rows {where} "
                             f"{on_conflict}")
        finally:
            self.con.unregister("incoming_rows")

    # -- reading -------------------------------------------------------------------------------------------
    def latest_run_id(self) -> str | None:
        row = self._first("SELECT run_id FROM runs ORDER BY finished_at DESC, run_id DESC LIMIT 1")
        return row[0] if row else None

    def run(self, run_id: str) -> dict:
        rows = self._dicts("""SELECT r.*, a.title, a.publication, a.published AS article_published, a.path
                              FROM runs r JOIN articles a USING (article_id) WHERE run_id = ?""", [run_id])
        if not rows:
            raise SourcecheckError(f"{self.path}: no run {run_id!r}")
        return rows[0]

    def claims_of_run(self, run_id: str) -> list[dict]:
        return self._dicts("SELECT * FROM claim_status_history WHERE run_id = ? ORDER BY sentence_index, claim_index",
                           [run_id])

    def matches_of_run(self, run_id: str) -> list[dict]:
        return self._dicts("""
            SELECT m.*, p.text, p.context, s.outlet, s.published, s.title, s.illustrative, s.language, s.url
            FROM matches m JOIN passages p USING (passage_id) JOIN sources s USING (source_id)
            WHERE m.run_id = ? ORDER BY m.claim_id, m.scope, m.rank""", [run_id])

    def previous_run_id(self, run_id: str) -> str | None:
        """The run of the same article just before this one."""
        row = self._first("""
            SELECT p.run_id FROM runs r JOIN runs p ON p.article_id = r.article_id
                AND (p.finished_at, p.run_id) < (r.finished_at, r.run_id)
            WHERE r.run_id = ? ORDER BY p.finished_at DESC, p.run_id DESC LIMIT 1""", [run_id])
        return row[0] if row else None

    def latest_run_ids(self) -> list[str]:
        """The latest run of each article, newest first."""
        return [r[0] for r in self.con.execute(
            "SELECT run_id FROM latest_runs ORDER BY finished_at DESC, run_id DESC").fetchall()]

    # -- incremental runs -----------------------------------------------------------------------------------
    def store_key(self) -> str:
        """A hash of the current source versions (content-hash ids): it changes when any source does."""
        return self._first("SELECT coalesce(md5(string_agg(source_id, ',' ORDER BY source_id)), '') "
                           "FROM sources WHERE retired_at IS NULL")[0]

    def latest_input_keys(self, article_ids: list[str]) -> dict[str, str | None]:
        """article id -> input key of its latest run (None for a run recorded before schema version 4)."""
        return dict(self.con.execute("SELECT article_id, input_key FROM latest_runs WHERE list_contains(?, article_id)",
                                     [article_ids]).fetchall())

    def prior_scores(self, article_id: str) -> PriorScores:
        """The scores of the latest run of the article, with the key each was computed for."""
        verdicts = self.con.execute("""
            SELECT v.claim_id, v.score_key, v.scored_in_run FROM verdicts v JOIN latest_runs l USING (run_id)
            WHERE l.article_id = ? AND v.score_key IS NOT NULL""", [article_id]).fetchall()
        matches = self.con.execute("""
            SELECT m.claim_id, m.passage_id, m.support_score, m.contradiction_score, m.explanation
            FROM matches m JOIN latest_runs l USING (run_id) WHERE l.article_id = ?""", [article_id]).fetchall()
        return PriorScores(score_keys={claim: key for claim, key, _ in verdicts},
                           scored_in_run={claim: run for claim, _, run in verdicts},
                           scores={(m[0], m[1]): PairScore(*m) for m in matches})

    # -- export --------------------------------------------------------------------------------------------
    def export_parquet(self, directory: Path) -> dict[str, int]:
        """Every table as Parquet under `directory/<table>/`, hive-partitioned where a table grows with runs
        (runs by run_date, matches and verdicts by run_id, vectors by model). Returns rows per table."""
        tables = [r[0] for r in self.con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' ORDER BY 1").fetchall()]
        counts = {}
        for table in tables:
            query, partition = _EXPORT_PARTITIONS.get(table.rstrip("0123456789"), ("SELECT * FROM {table}", None))
            target = directory / table
            if partition:
                options = f"FORMAT parquet, PARTITION_BY ({partition})"
            else:
                target.mkdir(parents=True)
                target, options = target / f"{table}.parquet", "FORMAT parquet"
            select = query.format(table=table)
            self.con.execute(f"COPY ({select}) TO '{_sql_string(str(target))}' ({options})")
            counts[table] = self._first(f"SELECT count(*) FROM {table}")[0]
        return counts

    def claim_spans_of_run(self, run_id: str) -> list[dict]:
        """Where each claim of the run sits in the article: its sentence (with paragraph) and its span there."""
        return self._dicts("""
            SELECT c.claim_id, c.span_start, c.span_end, s.sentence_id, s.paragraph_index, s.sentence_index, s.text
            FROM verdicts v JOIN claims c USING (claim_id) JOIN sentences s ON s.sentence_id = c.sentence_id
            WHERE v.run_id = ? ORDER BY s.sentence_index, c.claim_index""", [run_id])

    # -- review decisions ----------------------------------------------------------------------------------
    def record_decision(self, decision: ReviewDecision) -> None:
        columns = [f.name for f in dataclasses.fields(ReviewDecision)]
        self.con.execute(f"INSERT INTO review_decisions ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                         [getattr(decision, c) for c in columns])

    def decisions_of(self, claim_ids: list[str]) -> list[ReviewDecision]:
        """Every decision on these claims, oldest first (none in a version-1 warehouse opened read-only)."""
        if self.version < 2:
            return []
        rows = self._dicts("SELECT * FROM review_decisions WHERE list_contains(?, claim_id) "
                           "ORDER BY decided_at, decision_id", [claim_ids])
        return [ReviewDecision(**r) for r in rows]

    def _first(self, sql: str, params: list | None = None) -> tuple | None:
        """The first row; fetches all so the connection is free for the next statement (DuckDB 2.0)."""
        rows = self.con.execute(sql, params or []).fetchall()
        return rows[0] if rows else None

    def _dicts(self, sql: str, params: list) -> list[dict]:
        cur = self.con.execute(sql, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    # -- the read-only query guard -------------------------------------------------------------------------
    def query(self, sql: str) -> tuple[list[str], list[tuple]]:
        """Run user SQL that only reads. Refuses anything but SELECT-like statements; the connection is
        read-only with external access off, so no file can be read, written or attached either."""
        try:
            statements = duckdb.extract_statements(sql)
        except duckdb.Error as exc:
            raise SourcecheckError(f"query: {str(exc).splitlines()[0]}") from None
        if not statements:
            raise SourcecheckError("query: no SQL statement given")
        allowed = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}
        for statement in statements:
            if statement.type not in allowed:
                kind = statement.type.name
                raise SourcecheckError(f"query: refused a {kind} statement; `sourcecheck query` only reads "
                                       "(SELECT, WITH ... SELECT, DESCRIBE, SHOW, EXPLAIN)")
        if len(statements) > 1:   # one result to print; and nothing can hide behind a first harmless statement
            raise SourcecheckError(f"query: refused {len(statements)} statements; give one statement per query")
        try:
            cur = self.con.execute(statements[0].query)
            names = [d[0] for d in cur.description] if cur.description else []
            return names, cur.fetchall()
        except duckdb.Error as exc:
            raise SourcecheckError(f"query: {str(exc).splitlines()[0]}") from None


# table -> (the rows to export, the hive partition columns)
_EXPORT_PARTITIONS = {
    "runs": ("SELECT *, CAST(started_at AS DATE) AS run_date FROM {table}", "run_date"),
    "matches": ("SELECT * FROM {table}", "run_id"),
    "verdicts": ("SELECT * FROM {table}", "run_id"),
    "embeddings_": ("SELECT * FROM {table}", "model"),   # embeddings_<dimension>
}


def _sql_string(text: str) -> str:
    return text.replace("'", "''")


def _connect(path: Path, read_only: bool, file_access: bool = False,
             user_sql: bool = False) -> duckdb.DuckDBPyConnection:
    # A reading connection reaches no other file and no extension; one that runs user SQL (`sourcecheck query`)
    # also has its configuration locked, so SET cannot change that. Our own readers keep SET: loading the passage
    # index caps DuckDB's memory while the vectors stream (passage_index).
    config = {"enable_external_access": False, "autoload_known_extensions": False,
              "autoinstall_known_extensions": False} if read_only and not file_access else {}
    if config and user_sql:
        config["lock_configuration"] = True
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only, config=config)
        except duckdb.IOException as exc:
            message = str(exc)
            if "lock" in message.lower() and time.monotonic() < deadline:
                time.sleep(0.25)
                continue
            if "lock" in message.lower():
                raise WarehouseBusy(f"{path}: warehouse is in use by another process "
                                    f"(waited {LOCK_WAIT_SECONDS:.0f} s)") from None
            if _write_failure(exc):
                raise _cannot_write(path, exc, opening=True) from None
            if "not a valid DuckDB database" in message:
                raise InputError(path, "not a DuckDB database file") from None
            raise InputError(path, f"cannot open the warehouse ({message.splitlines()[0]})") from None
        except duckdb.Error as exc:
            raise InputError(path, f"cannot open warehouse ({str(exc).splitlines()[0][:160]})") from None


# what the operating system says when a write fails, and what it means to the user
_WRITE_FAILURES = {"No space left on device": "the disk is full", "Disk quota exceeded": "the disk quota is used up",
                   "File too large": "the file size limit is reached", "Read-only file system": "the file system is "
                   "read-only", "Permission denied": "no permission to write it"}


def _write_failure(exc: BaseException) -> str | None:
    return next((meaning for os_text, meaning in _WRITE_FAILURES.items() if os_text in str(exc)), None)


def _cannot_write(path: Path, exc: BaseException, opening: bool = False) -> SourcecheckError:
    meaning = _write_failure(exc) or (getattr(exc, "strerror", None) or str(exc)).splitlines()[0][:120]
    if opening:
        return SourcecheckError(f"{path}: cannot open the warehouse for writing: {meaning}; commands that only read "
                                "(query, report, review, export) still work")
    return SourcecheckError(f"{path}: cannot write the warehouse: {meaning}; nothing of this step was written")


_SLOT_COLUMNS = [("kind", pa.string()), ("text", pa.string()), ("number", pa.float64()),
                 ("approximator", pa.string()), ("unit", pa.string()), ("date_start", pa.date32()),
                 ("date_end", pa.date32())]


def _slot_rows(claim) -> list[tuple]:
    """One row per slot: (kind, text, number, approximator, unit, date_start, date_end)."""
    slots = claim.slots
    rows = [("quantity", q.text, q.value, q.approximator, q.unit, None, None) for q in slots.quantities]
    rows += [("date", d.text, None, None, None, d.start, d.end) for d in slots.dates]
    for kind, names in (("person", slots.people), ("organisation", slots.organisations), ("place", slots.places),
                        ("quote", slots.quotes)):
        rows += [(kind, name, None, None, None, None, None) for name in names]
    return rows


def _language_filter(english: bool | None) -> str:
    return {None: "TRUE", True: "s.language = 'en'", False: "s.language <> 'en'"}[english]


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


def login_name() -> str:
    """Who runs sourcecheck: recorded with each run and, by default, with each review decision."""
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "unknown"


def _version() -> str:
    from sourcecheck import __version__

    return __version__
