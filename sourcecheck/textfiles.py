"""Reading the text files users hand us: strict UTF-8, YAML front matter, dates.

Articles and source documents share this format, so both `claims` and `sources` read through here.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml

from sourcecheck.errors import InputError

TEXT_SUFFIXES = {".md", ".markdown", ".txt"}  # articles and source documents alike
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)


def read_text(path: Path) -> str:
    """The file's text; refuses non-UTF-8 bytes and empty files, naming where the problem is."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot read file ({exc.strerror or exc})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(path, f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}, line {line})") from None
    if "\x00" in text:
        raise InputError(path, "binary file (contains NUL bytes), expected text")
    if not text.strip():
        raise InputError(path, "file is empty")
    return text.replace("\r\n", "\n").replace("\r", "\n")  # spans and paragraph rules assume \n


def split_front_matter(text: str, path: Path) -> tuple[dict, str]:
    """(front matter mapping, body). A file without front matter has an empty mapping."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark else ""
        raise InputError(path, f"malformed YAML front matter{where}") from None
    except ValueError as exc:  # a YAML date that is no date: 2012-02-30
        raise InputError(path, f"malformed YAML front matter ({exc})") from None
    if not isinstance(meta, dict):
        raise InputError(path, "front matter must be a mapping of `key: value` lines")
    return meta, text[match.end():]


def text_field(meta: dict, field: str, path: Path, where: str = "") -> str | None:
    """A front-matter value that must be plain text (a number is accepted and read as text)."""
    value = meta.get(field)
    if value is None:
        return None
    if isinstance(value, (list, dict, bool)):
        raise InputError(path, f"{where}`{field}` must be text, got {type(value).__name__} {str(value)[:40]!r}")
    return str(value).strip() or None


def parse_date(value: object, field: str, path: Path, where: str = "") -> dt.date:
    """A front-matter date (YAML date or ISO string) or a clear error naming the field."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise InputError(path, f"{where}`{field}` is not a date (expected YYYY-MM-DD, got {str(value)[:40]!r})") from None
