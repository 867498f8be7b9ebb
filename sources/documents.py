"""Reading source documents: Markdown/text with front matter, or JSONL with one record per line."""

from __future__ import annotations

import json
import os
from pathlib import Path

from claims.outlets import OutletRegistry
from sources.records import SourceDocument
from sourcecheck.errors import InputError
from sourcecheck.ids import content_id
from sourcecheck.textfiles import parse_date, read_text, split_front_matter

TEXT_SUFFIXES = {".md", ".markdown", ".txt"}
JSONL_SUFFIXES = {".jsonl"}
LANGUAGE_CODES = {"en", "ru", "zh", "fr", "de", "es", "ar", "uk", "kk", "ky", "tg", "uz", "fa", "tr", "ja", "ko"}


def source_files(paths: list[Path]) -> list[Path]:
    """The source files named, directories walked recursively (hidden files skipped), in a stable order."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                files.extend(Path(root) / n for n in sorted(names)
                             if not n.startswith(".") and Path(n).suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES)
        elif path.exists():
            if path.suffix.lower() not in TEXT_SUFFIXES | JSONL_SUFFIXES:
                raise InputError(path, f"unknown source type {path.suffix or '(no extension)'!r}; "
                                       "expected .md, .txt or .jsonl")
            files.append(path)
        else:
            raise InputError(path, "no such file or directory")
    return files


def read_source_file(path: Path, registry: OutletRegistry) -> list[SourceDocument]:
    if path.suffix.lower() in JSONL_SUFFIXES:
        return _read_jsonl(path, registry)
    meta, body = split_front_matter(read_text(path), path)
    if not meta:
        raise InputError(path, "missing YAML front matter (needs at least `outlet` and `published`)")
    return [_document(meta, body, path, "", registry, where="")]


def _read_jsonl(path: Path, registry: OutletRegistry) -> list[SourceDocument]:
    documents, first_line = [], {}
    for number, line in enumerate(read_text(path).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(path, f"line {number}: not valid JSON ({exc.msg})") from None
        if not isinstance(record, dict):
            raise InputError(path, f"line {number}: expected a JSON object")
        key = str(record.get("url") or f"line {number}")
        if key in first_line:
            raise InputError(path, f"line {number}: duplicate record {key!r} (first at line {first_line[key]})")
        first_line[key] = number
        documents.append(_document(record, record.get("text"), path, key, registry, where=f"line {number}: "))
    return documents


def _document(meta: dict, body: object, path: Path, key: str, registry: OutletRegistry, where: str) -> SourceDocument:
    for field in ("outlet", "published"):
        if not meta.get(field):
            raise InputError(path, f"{where}missing required field `{field}`")
    if not isinstance(body, str) or not body.strip():
        raise InputError(path, f"{where}document has no text")
    language = str(meta.get("language") or "en").strip().lower()
    if language not in LANGUAGE_CODES:
        raise InputError(path, f"{where}unknown language {language!r}; expected an ISO 639-1 code such as en, ru, zh")
    written = str(meta["outlet"]).strip()
    published = parse_date(meta["published"], "published", path)
    fields = {k: meta.get(k) for k in ("title", "url")}
    identity = content_id("source", path.resolve(), key)
    return SourceDocument(
        source_id=identity, path=str(path), record_key=key,
        outlet=registry.resolve(written) or written, published=published, language=language,
        title=str(fields["title"]) if fields["title"] else None, url=str(fields["url"]) if fields["url"] else None,
        illustrative=bool(meta.get("illustrative", False)), text=body,
        content_hash=content_id(identity, written, published, language, fields["title"], fields["url"],
                                bool(meta.get("illustrative", False)), body),
    )
