"""Reading the text files users hand us: UTF-8 (damaged bytes replaced and reported), YAML front matter, dates.

Articles and source documents share this format, so both `claims` and `sources` read through here.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import stat
from pathlib import Path

import yaml

from sourcecheck.core.errors import InputError
from sourcecheck.core.limits import Limit

TEXT_SUFFIXES = {".md", ".markdown", ".txt"}  # articles and source documents alike
log = logging.getLogger("sourcecheck")   # warnings: the CLI prints them as `sourcecheck: warning: ...`
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)


def read_text(path: Path, limit: Limit | None = None) -> str:
    """The file's text, with \n line ends. Refuses what is not a regular text file (a pipe, a device, a broken
    link, a binary file, a file over `limit`), decodes UTF-8 (with BOM), UTF-16 and UTF-32 with a BOM, and
    a UTF-8 file with some damaged bytes (replaced with U+FFFD, and a warning says how many and where).
    A file in another encoding is refused: replacing every accented letter would lose the text, and a
    conversion (`iconv`) keeps it."""
    return checked_text(decode_text(read_bytes(path, limit), path), path)


def checked_text(text: str, path: Path) -> str:
    """Decoded text with \n line ends, refused when empty."""
    if not text.strip():
        raise InputError(path, "file is empty")
    return text.replace("\r\n", "\n").replace("\r", "\n")  # spans and paragraph rules assume \n


def read_bytes(path: Path, limit: Limit | None = None) -> bytes:
    """The bytes of a regular file within `limit`, for formats that decode themselves (a web page declares its
    charset, a web archive is binary); refused by `read_text`'s rules for what is not a regular file."""
    try:
        info = path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            raise InputError(path, f"broken symbolic link (to {os.readlink(path)})") from None
        raise InputError(path, "no such file") from None
    except OSError as exc:
        raise InputError(path, f"cannot read file ({exc.strerror or exc})") from None
    if not stat.S_ISREG(info.st_mode):
        raise InputError(path, f"not a regular file ({_file_kind(info.st_mode)})")
    if limit is not None:
        limit.check(info.st_size, path)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot read file ({exc.strerror or exc})") from None


def decode_text(data: bytes, path: Path) -> str:
    """Bytes to text by the rules of `read_text`."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(path, f"not {codec.upper()} text after its byte-order mark "
                                       f"(bad bytes at offset {exc.start + len(bom)})") from None
            if "\x00" in text:
                raise InputError(path, "binary file (contains NUL characters), expected text")
            return text
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise InputError(path, f"binary file ({kind}), expected text")
    if b"\x00" in data:
        raise InputError(path, "binary file (contains NUL bytes), expected text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text, bad = _decode_replacing(data)
    first, replaced = bad[0][0], sum(length for _, length in bad)
    line = data[:first].count(b"\n") + 1
    where = f"byte 0x{data[first]:02x} at offset {first}, line {line}"
    valid = len(_UTF8_MULTIBYTE.findall(data))
    if valid < len(bad):  # hardly any real UTF-8: the whole file is in another encoding
        raise InputError(path, f"not UTF-8 text ({where}; {replaced:,} such bytes): convert it to UTF-8, e.g. "
                               "`iconv -f WINDOWS-1251 -t UTF-8` (or -f LATIN1)")
    log.warning("%s: %s not UTF-8 replaced with U+FFFD in %d place%s (first: %s)", path,
                f"{replaced:,} byte{'s' * (replaced != 1)}", len(bad), "s" * (len(bad) != 1), where)
    return text


def _decode_replacing(data: bytes) -> tuple[str, list[tuple[int, int]]]:
    """UTF-8 with each invalid byte sequence replaced by U+FFFD, and the (offset, length) of each."""
    parts: list[str] = []
    bad: list[tuple[int, int]] = []
    position = 0
    while True:
        try:
            parts.append(data[position:].decode("utf-8"))
            return "".join(parts), bad
        except UnicodeDecodeError as exc:
            parts.append(data[position: position + exc.start].decode("utf-8") + "\ufffd")
            bad.append((position + exc.start, exc.end - exc.start))
            position += exc.end


def _file_kind(mode: int) -> str:
    for test, kind in ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a device"),
                       (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return kind
    return "not a file"


_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
         (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
# what a binary file handed over as text usually is, so the refusal can say so
_MAGIC = ((b"%PDF-", "a PDF document"), (b"PK\x03\x04", "a ZIP archive: .docx, .odt and .epub are ZIP too"),
          (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
          (b"\x1f\x8b", "gzip-compressed"), (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
          (b"SQLite format 3", "an SQLite database"), (b"\x7fELF", "an executable"), (b"PAR1", "a Parquet file"))
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
                             rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
                             rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}")


# Front matter is a few `key: value` lines; these bound what a hostile file can make the YAML parser do.
FRONT_MATTER_CHARS = 65_536
FRONT_MATTER_DEPTH = 20


class _FrontMatterRefused(Exception):
    """Front matter that is valid YAML but refused: the message says why."""


class _FrontMatterLoader(yaml.SafeLoader):
    """SafeLoader without anchors and aliases (an alias bomb expands a few lines into gigabytes, and front matter
    never needs them) and without nesting deeper than FRONT_MATTER_DEPTH (the composer recurses once a level)."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.depth = 0

    def compose_node(self, parent, index):
        event = self.peek_event()
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            sign = "*" if isinstance(event, yaml.AliasEvent) else "&"
            raise _FrontMatterRefused(f"YAML anchors and aliases are not allowed in front matter "
                                      f"(`{sign}{anchor}` at line {event.start_mark.line + 2})")
        if self.depth == FRONT_MATTER_DEPTH:
            raise _FrontMatterRefused(f"front matter is nested more than {FRONT_MATTER_DEPTH} levels deep "
                                      f"(line {event.start_mark.line + 2})")
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def split_front_matter(text: str, path: Path) -> tuple[dict, str]:
    """(front matter mapping, body). A file without front matter has an empty mapping."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    if len(match.group(1)) > FRONT_MATTER_CHARS:
        raise InputError(path, f"front matter of {len(match.group(1)):,} characters is over the limit of "
                               f"{FRONT_MATTER_CHARS:,} (it is a few `key: value` lines)")
    try:
        meta = yaml.load(match.group(1), Loader=_FrontMatterLoader) or {}
    except _FrontMatterRefused as exc:
        raise InputError(path, str(exc)) from None
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
        date = value.date()
    elif isinstance(value, dt.date):
        date = value
    else:
        try:
            date = dt.date.fromisoformat(str(value).strip())
        except ValueError:
            raise InputError(path, f"{where}`{field}` is not a date (expected YYYY-MM-DD, got {str(value)[:40]!r})") \
                from None
    if date > dt.date.today() + dt.timedelta(days=1):  # a day of slack for time zones
        raise InputError(path, f"{where}`{field}` {date.isoformat()} is in the future")
    return date
