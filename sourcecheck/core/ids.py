"""Stable content-hash ids: the same content always gets the same id, so re-runs are idempotent."""

from __future__ import annotations

import hashlib


def content_id(*parts: object) -> str:
    """16 hex digits of SHA-256 over the parts (unit-separator joined, so ("ab", "c") != ("a", "bc"))."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]
