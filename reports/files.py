"""Writing a report file whole or not at all, with one-line errors for a path that cannot be one."""

from __future__ import annotations

from pathlib import Path

from sourcecheck.core.errors import InputError


def write_atomically(out: Path, text: str) -> Path:
    if out.is_dir():
        raise InputError(out, "is a directory; give the report file's path, e.g. report.html")
    if not out.parent.is_dir():
        raise InputError(out, f"folder {out.parent} does not exist")
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(out)  # never a half-written report
    return out
