"""The DuckDB warehouse: the only module that holds SQL."""

from sourcecheck.warehouse.store import SCHEMA_VERSION, Warehouse, default_db_path

__all__ = ["SCHEMA_VERSION", "Warehouse", "default_db_path"]
