"""Writing a report file whole or not at all, with one-line errors for a path that cannot be one."""

from __future__ import annotations

from pathlib import Path

from sourcecheck.core.errors import InputError
from sourcecheck.warehouse.connection import cannot_write_output


def write_atomically(out: Path, text: str) -> Path:
    if out.is_dir():
        raise InputError(out, "is a directory; give the report file's path, e.g. report.html")
    if not out.parent.is_dir():
        raise InputError(out, f"folder {out.parent} does not exist")
    tmp = out.with_name(out.name + ".tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(out)  # never a half-written report
    except BaseException as exc:   # a full disk, or Ctrl-C midway: no .tmp left behind
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError) and (refused := cannot_write_output(out, "report", exc)):
            raise refused from None
        raise
    return out
