"""The DuckDB warehouse: the only package that holds SQL (the schema in schema/*.sql, the statements here).

One module per job, each a class over the one shared connection of connection.py: sources.py (documents,
passages, outlets), vectors.py (embeddings), index.py (loading the passage index), runs.py (recording a run),
reads.py (reading runs back), reviews.py (review decisions), export.py (Parquet), query.py (the read-only query
guard); migrations.py holds the schema's versions, arrow.py turns records into the Arrow tables the jobs insert.
`Warehouse` (store.py) is those jobs as mixins of one class rather than parts of a composed object: every job
needs the same connection and the same transaction, callers keep one flat `wh.method(...)` surface, and a test
or fault injection that patches a method of `Warehouse` (`_insert`, `store_vectors`) reaches every job that calls
it, which forwarding methods of a composed object would either copy out or miss.
"""

from sourcecheck.warehouse.connection import default_db_path
from sourcecheck.warehouse.migrations import SCHEMA_VERSION
from sourcecheck.warehouse.store import Warehouse

__all__ = ["SCHEMA_VERSION", "Warehouse", "default_db_path"]
