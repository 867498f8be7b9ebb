"""The source store: documents and their passages in versions (a changed document retires the old version,
kept for the evidence of old runs), and the outlets seen in sources and citations."""

from __future__ import annotations

import datetime as dt

import pyarrow as pa

from sourcecheck.claims.outlets import OutletRegistry
from sourcecheck.model.sources import Passage, SourceDocument
from sourcecheck.sources.duplicates import StoredDocument
from sourcecheck.warehouse.arrow import CHARACTER_SPAN, records_to_arrow
from sourcecheck.warehouse.connection import WarehouseConnection


class Sources(WarehouseConnection):
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
        source_rows = records_to_arrow(documents, SourceDocument).append_column(
            "ingested_at", pa.array([now] * len(documents), pa.timestamp("us")))
        self._insert("sources", source_rows, ", NULL::TIMESTAMP AS retired_at")
        passage_rows = records_to_arrow(passages, Passage, renamed=CHARACTER_SPAN)
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
