"""Reading source documents: Markdown/text with front matter, JSONL with one record per line, and what newsrooms
keep (saved web pages, RSS and Atom feeds, WARC archives: sources/pages.py)."""

from __future__ import annotations

import json
import logging
import os
from collections import Counter
from pathlib import Path

from sourcecheck.claims.outlets import OutletRegistry, normal_name
from sourcecheck.core.errors import InputError
from sourcecheck.core.ids import content_id
from sourcecheck.core.languages import detect_language
from sourcecheck.core.limits import DOCUMENT_BYTES, SOURCE_FILE_BYTES, check_document_sentences
from sourcecheck.core.textfiles import (
    TEXT_SUFFIXES,
    parse_date,
    read_bytes,
    read_text,
    split_front_matter,
    text_field,
)
from sourcecheck.model.sources import SourceDocument
from sourcecheck.sources.pages import ARCHIVE_SUFFIXES, FEED_SUFFIXES, PAGE_SUFFIXES, read_archive, read_feed, read_page

JSONL_SUFFIXES = {".jsonl"}
SOURCE_SUFFIXES = (*sorted(TEXT_SUFFIXES), *JSONL_SUFFIXES, *PAGE_SUFFIXES, *FEED_SUFFIXES, *ARCHIVE_SUFFIXES)
LANGUAGE_CODES = {"en", "ru", "zh", "fr", "de", "es", "ar", "uk", "kk", "ky", "tg", "uz", "fa", "tr", "ja", "ko"}
log = logging.getLogger("sourcecheck")   # warnings: the CLI prints them as `sourcecheck: warning: ...`


def source_files(paths: list[Path], skip_unreadable: bool = False) -> tuple[list[Path], list[Path]]:
    """(source files, skipped files): the files named, directories walked recursively in a stable order.

    Inside a directory, hidden files and files of other types are skipped (and counted, so the summary can
    say so); a file named explicitly must be a source type. A folder that cannot be read is refused, or with
    `skip_unreadable` skipped with a warning: either way the user learns that sources were left out.
    """
    files: list[Path] = []
    skipped: list[Path] = []
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            _walk(path, files, skipped, skip_unreadable)
        elif path.exists() or path.is_symlink():   # a broken link is refused by name when read
            if not is_source_name(path.name):
                raise InputError(path, f"unknown source type {path.suffix or '(no extension)'!r}; expected .md, "
                                       ".txt, .jsonl, a web page (.html), a feed (.rss, .atom, .xml) or a web archive "
                                       "(.warc, .warc.gz)")
            files.append(path)
        else:
            raise InputError(path, "no such file or directory")
    unique = []
    for file in files:  # the same file named twice, or reached through a link, is read once
        real = _real_path(file)
        if real not in seen:
            seen.add(real)
            unique.append(file)
    return unique, skipped


def _walk(folder: Path, files: list[Path], skipped: list[Path], skip_unreadable: bool) -> None:
    """Adds the source files under `folder` to `files` and the others to `skipped`. Links to folders are not
    followed (os.walk's default), so a link back to a parent cannot make the walk endless."""
    unreadable: list[OSError] = []
    for root, dirs, names in os.walk(folder, onerror=unreadable.append):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            wanted = not name.startswith(".") and is_source_name(name)
            (files if wanted else skipped).append(Path(root) / name)
    for error in unreadable:
        reason = f"cannot read folder ({error.strerror or error})"
        if not skip_unreadable:
            raise InputError(error.filename, f"{reason}; leave it out with --skip-unreadable")
        log.warning(f"{error.filename}: {reason}; skipped with its files")


def _real_path(file: Path) -> Path:
    try:
        return file.resolve()
    except RuntimeError:   # Python 3.11 resolves a link loop to this, not to an OSError
        raise InputError(file, "symbolic link loop (the link leads back to itself)") from None


def is_source_name(name: str) -> bool:
    return name.lower().endswith(SOURCE_SUFFIXES)


def read_source_file(path: Path, registry: OutletRegistry, overrides: dict[str, str] | None = None,
                     skipped: Counter | None = None) -> list[SourceDocument]:
    """The documents of one source file. `overrides` (outlet, language: `sources add --outlet --language`) set
    those fields of every document over what the file says; `skipped` counts the records of feeds and archives
    left out, by reason."""
    overrides = overrides or {}
    skipped = Counter() if skipped is None else skipped
    name = path.name.lower()
    if name.endswith(tuple(JSONL_SUFFIXES)):
        return _read_jsonl(path, registry, overrides)
    if name.endswith(PAGE_SUFFIXES + FEED_SUFFIXES + ARCHIVE_SUFFIXES):
        data = read_bytes(path, SOURCE_FILE_BYTES)
        if name.endswith(PAGE_SUFFIXES):
            records = [read_page(data, path, registry, overrides)]
        elif name.endswith(FEED_SUFFIXES):
            records = read_feed(data, path, registry, overrides, skipped)
        else:
            records = read_archive(data, path, registry, overrides, skipped)
        # the outlet a page's metadata or domain gave is final: an unknown site is never fuzzed onto a registered one
        return [_document(r.meta, r.body, path, r.key, registry, r.where, resolve_outlet="outlet" in overrides)
                for r in records]
    meta, body = split_front_matter(read_text(path, SOURCE_FILE_BYTES), path)
    if not meta:
        raise InputError(path, "missing YAML front matter (needs at least `outlet` and `published`)")
    return [_document(meta | overrides, body, path, "", registry, where="")]


def _read_jsonl(path: Path, registry: OutletRegistry, overrides: dict[str, str]) -> list[SourceDocument]:
    documents: list[SourceDocument] = []
    first_line: dict[str, int] = {}
    # split on \n only: U+2028 and friends are legal inside JSON strings, and str.splitlines() breaks there
    for number, line in enumerate(read_text(path, SOURCE_FILE_BYTES).split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(path, f"line {number}: not valid JSON ({exc.msg})") from None
        except RecursionError:  # the decoder recurses once a level of [ or {
            raise InputError(path, f"line {number}: JSON nested too deeply") from None
        if not isinstance(record, dict):
            raise InputError(path, f"line {number}: expected a JSON object")
        # A record's identity: its `id`, else its `url`, else its content; never its line number, which
        # shifts when records are added above it.
        key = text_field(record, "id", path, f"line {number}: ") \
            or text_field(record, "url", path, f"line {number}: ") or f"sha:{content_id(line.strip())}"
        if key in first_line:
            raise InputError(path, f"line {number}: duplicate record {key!r} (first at line {first_line[key]})")
        first_line[key] = number
        documents.append(_document(record | overrides, record.get("text"), path, key, registry,
                                   where=f"line {number}: "))
    return documents


def _document(meta: dict, body: object, path: Path, key: str, registry: OutletRegistry, where: str,
              resolve_outlet: bool = True) -> SourceDocument:
    for field in ("outlet", "published"):
        if not meta.get(field):
            raise InputError(path, f"{where}missing required field `{field}`")
    if not isinstance(body, str) or not body.strip():
        raise InputError(path, f"{where}document has no text")
    check_document_sentences(body, path, where)
    DOCUMENT_BYTES.check(len(body.encode("utf-8", "surrogatepass")), path, where)
    written = text_field(meta, "outlet", path, where)
    if written is None:   # blank: only spaces
        raise InputError(path, f"{where}missing required field `outlet`")
    if imitation := registry.imitation(written):
        raise InputError(path, f"{where}outlet {written!r} imitates the registered outlet {imitation[0]!r} with "
                               f"look-alike letters ({imitation[1]}); write it as registered or under its own name")
    published = parse_date(meta["published"], "published", path, where)
    # language: from the front matter, else detected by script (en, ru, zh: sourcecheck/core/languages.py)
    language = (text_field(meta, "language", path, where) or detect_language(body)).lower()
    if language not in LANGUAGE_CODES:
        raise InputError(path, f"{where}unknown language {language!r}; expected an ISO 639-1 code such as en, ru, zh")
    title, url = text_field(meta, "title", path, where), text_field(meta, "url", path, where)
    illustrative = meta.get("illustrative", False) is True
    identity = content_id("document", path.resolve(), key)
    content_hash = content_id(identity, written, published, language, title, url, illustrative, body)
    return SourceDocument(
        source_id=content_id("source", identity, content_hash), document_id=identity,
        path=str(path.resolve()), record_key=key,
        outlet=(resolve_outlet and registry.resolve(written)) or normal_name(written), published=published,
        language=language,
        title=title, url=url, illustrative=illustrative, text=body, content_hash=content_hash,
    )
