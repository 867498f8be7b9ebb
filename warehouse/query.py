"""The read-only query guard of `sourcecheck query`: one statement, and only one that reads."""

from __future__ import annotations

import duckdb

from sourcecheck.core.errors import SourcecheckError
from sourcecheck.warehouse.connection import WarehouseConnection


class ReadOnlyQuery(WarehouseConnection):
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
