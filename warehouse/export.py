"""Every table of the warehouse as Parquet, hive-partitioned where a table grows with runs."""

from __future__ import annotations

from pathlib import Path

from sourcecheck.warehouse.connection import WarehouseConnection, sql_string

# table -> (the rows to export, the hive partition columns)
_EXPORT_PARTITIONS = {
    "runs": ("SELECT *, CAST(started_at AS DATE) AS run_date FROM {table}", "run_date"),
    "matches": ("SELECT * FROM {table}", "run_id"),
    "verdicts": ("SELECT * FROM {table}", "run_id"),
    "embeddings_": ("SELECT * FROM {table}", "model"),   # embeddings_<dimension>
}


class ParquetExport(WarehouseConnection):
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
            self.con.execute(f"COPY ({select}) TO '{sql_string(str(target))}' ({options})")
            counts[table] = self._value(f"SELECT count(*) FROM {table}")
        return counts
