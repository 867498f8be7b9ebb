"""The `Warehouse`: every job of the warehouse over one DuckDB connection (see the package docstring)."""

from __future__ import annotations

from sourcecheck.warehouse.export import ParquetExport
from sourcecheck.warehouse.index import PassageIndexes
from sourcecheck.warehouse.query import ReadOnlyQuery
from sourcecheck.warehouse.reads import RunReads
from sourcecheck.warehouse.reviews import Reviews
from sourcecheck.warehouse.runs import RunRecords
from sourcecheck.warehouse.sources import Sources
from sourcecheck.warehouse.vectors import Vectors


class Warehouse(Sources, PassageIndexes, Vectors, RunRecords, RunReads, Reviews, ParquetExport, ReadOnlyQuery):
    """Open it with `Warehouse.open(path)`; write inside `transaction()`."""
