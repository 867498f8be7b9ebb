"""YAML alias tables: a list of entries, each a canonical `name` with optional `aliases` (and a table's own
optional keys, such as a place's `in`).

The outlet registry, the people and the places are all such tables, bundled and extended by a user's file; one
reader checks them all the same way, so a bad file is refused in one line that names it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib.resources.abc import Traversable
from pathlib import Path

import yaml

from sourcecheck.core.errors import InputError


@dataclass(frozen=True)
class AliasEntry:
    name: str                                              # canonical
    aliases: tuple[str, ...] = ()
    keys: dict[str, str] = field(default_factory=dict)     # the table's own optional keys that the entry sets
    lists: dict[str, tuple[str, ...]] = field(default_factory=dict)   # its own optional lists (an outlet's domains)

    @property
    def names(self) -> tuple[str, ...]:
        """Every way the entry is written: its name, then its aliases."""
        return (self.name, *self.aliases)


def alias_table(bundled: Traversable, extra: str, what: str, keys: tuple[str, ...] = (),
                lists: tuple[str, ...] = ()) -> list[AliasEntry]:
    """The table bundled with a package, then the entries of a user's file `extra` ("" for none): an entry of
    the same name adds its aliases to the bundled one."""
    return read_alias_table(bundled, what, keys, lists) + \
        (read_alias_table(Path(extra), what, keys, lists) if extra else [])


def read_alias_table(path: Path | Traversable, what: str, keys: tuple[str, ...] = (),
                     lists: tuple[str, ...] = ()) -> list[AliasEntry]:
    """The entries of the table at `path` (a file, or a file bundled with a package), `what` naming the table
    in errors ("people file"). Names and aliases may be written as numbers (YAML reads `24` as one)."""
    where = str(path)
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or type(exc).__name__
        raise InputError(where, f"cannot read the {what} ({reason})") from None
    try:
        entries = yaml.safe_load(text) or []
    except yaml.YAMLError:
        raise InputError(where, f"the {what} is not valid YAML") from None
    if not isinstance(entries, list) or not all(isinstance(e, dict) and _is_name(e.get("name")) for e in entries):
        optional = "".join(f" and `{key}`" for key in (*keys, *lists))
        raise InputError(where, f"the {what} must be a list of entries with `name` and optional `aliases`{optional}")
    return [_entry(where, what, keys, lists, e) for e in entries]


def _entry(where: str, what: str, keys: tuple[str, ...], lists: tuple[str, ...], entry: dict) -> AliasEntry:
    name = str(entry["name"])
    for key in ("aliases", *lists):
        if not isinstance(entry.get(key) or [], list) or not all(_is_name(a) for a in entry.get(key) or []):
            raise InputError(where, f"{what}, entry {name!r}: `{key}` must be a list of names")
    aliases = entry.get("aliases") or []
    for key in keys:
        if entry.get(key) is not None and not _is_name(entry[key]):
            raise InputError(where, f"{what}, entry {name!r}: `{key}` must be a name")
    own = {key: str(entry[key]) for key in keys if entry.get(key) is not None}
    own_lists = {key: tuple(str(v) for v in entry[key]) for key in lists if entry.get(key)}
    return AliasEntry(name, tuple(str(a) for a in aliases), own, own_lists)


def _is_name(value: object) -> bool:
    return isinstance(value, (str, int)) and not isinstance(value, bool) and str(value) != ""
