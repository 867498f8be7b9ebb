"""Records to Arrow tables for `INSERT ... BY NAME`: one column per dataclass field, typed from the field's
annotation, so an empty batch or an all-None column still carries the type of its warehouse column."""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from collections.abc import Mapping, Sequence

import pyarrow as pa

# Checked in this order: bool before int (a bool is an int), datetime before date (a datetime is a date). Every
# integer column of the schema is INTEGER, so an int field is stored as int32.
_ARROW_TYPES = ((bool, pa.bool_()), (int, pa.int32()), (float, pa.float64()), (dt.datetime, pa.timestamp("us")),
                (dt.date, pa.date32()), (str, pa.string()))
CHARACTER_SPAN = {"start": "start_char", "end": "end_char"}   # the schema's names of a record's span fields


def arrow_type(annotation: object) -> pa.DataType:
    """The Arrow type of a field: `X | None` as X (nullable), `tuple[X, ...]` as a list of X, a str enum as str."""
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) in (types.UnionType, typing.Union):
        present = [a for a in args if a is not type(None)]
        if len(present) == 1:
            return arrow_type(present[0])
    elif typing.get_origin(annotation) is tuple and len(args) == 2 and args[1] is Ellipsis:
        return pa.list_(arrow_type(args[0]))
    elif isinstance(annotation, type):
        for python_type, arrow in _ARROW_TYPES:
            if issubclass(annotation, python_type):
                return arrow
    raise TypeError(f"no warehouse column type for a field of type {annotation!r}")


def records_to_arrow(records: Sequence[object], record_type: type, fields: Sequence[str] | None = None,
                     renamed: Mapping[str, str] | None = None) -> pa.Table:
    """A column per field of the dataclass `record_type` (only `fields`, when given), named as the field or as
    `renamed` maps it."""
    hints = typing.get_type_hints(record_type)
    names = list(fields) if fields is not None else [f.name for f in dataclasses.fields(record_type)]
    renamed = renamed or {}
    return pa.table({renamed.get(name, name): pa.array([getattr(r, name) for r in records], arrow_type(hints[name]))
                     for name in names})


def side_by_side(*tables: pa.Table) -> pa.Table:
    """The columns of equally long tables as one table."""
    return pa.Table.from_arrays([column for t in tables for column in t.columns],
                                names=[name for t in tables for name in t.column_names])
