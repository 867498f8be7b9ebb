"""Progress bars on a terminal, silence when piped or redirected."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

from tqdm import tqdm

T = TypeVar("T")


def progress(items: Iterable[T], label: str, unit: str = "it", total: int | None = None) -> Iterator[T]:
    return iter(tqdm(items, desc=label, unit=unit, total=total, leave=False, disable=not sys.stderr.isatty()))
