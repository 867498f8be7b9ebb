"""The outlet registry: resolve a written outlet name to its canonical name, tolerating misspellings."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml
from rapidfuzz import fuzz, process
from rapidfuzz.distance import DamerauLevenshtein

from sourcecheck.core.errors import InputError

# fuzz.ratio on case-folded names: "Intefax" -> Interfax scores 93, "Krasnaya Zvesda" 93, while unrelated
# short names ("SCO", "NATO") stay far below. WRatio's partial matching was too generous for 2-4 letter names.
MATCH_CUTOFF = 86.0


@dataclass(frozen=True)
class Outlet:
    name: str
    aliases: tuple[str, ...]


class OutletRegistry:
    def __init__(self, outlets: list[Outlet]):
        self.outlets = outlets
        self._keys: list[str] = []
        self._names: list[str] = []
        for outlet in outlets:
            for alias in (outlet.name, *outlet.aliases):
                self._keys.append(alias.casefold())
                self._names.append(outlet.name)

    def resolve(self, written: str) -> str | None:
        """The canonical name for `written`, or None when it is not a registered outlet."""
        key = " ".join(written.split()).casefold().strip(" .,;:'\"")
        if not key:
            return None
        if key in self._keys:
            return self._names[self._keys.index(key)]
        if len(key) < 5:  # too short to fuzz safely ("RIA" vs "SCO" style near misses)
            return None
        best = process.extractOne(key, self._keys, scorer=fuzz.ratio, score_cutoff=MATCH_CUTOFF)
        # one swapped, missing or wrong letter ("Xinhau") scores below the cutoff on short names: allow one edit
        best = best or process.extractOne(key, self._keys, scorer=DamerauLevenshtein.distance, score_cutoff=1)
        return self._names[best[2]] if best else None


def _load(path: Path | str, text: str) -> list[Outlet]:
    try:
        entries = yaml.safe_load(text) or []
    except yaml.YAMLError:
        raise InputError(path, "outlet registry is not valid YAML") from None
    if not isinstance(entries, list) or not all(isinstance(e, dict) and e.get("name") for e in entries):
        raise InputError(path, "outlet registry must be a list of entries with `name` and optional `aliases`")
    for entry in entries:
        aliases = entry.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, (str, int)) for a in aliases):
            raise InputError(path, f"outlet {entry['name']!r}: `aliases` must be a list of names")
    return [Outlet(str(e["name"]), tuple(str(a) for a in e.get("aliases") or ())) for e in entries]


@lru_cache(maxsize=4)
def load_registry(extra_path: str | None = None) -> OutletRegistry:
    """The bundled registry, extended by `extra_path` or $SOURCECHECK_OUTLETS when given."""
    bundled = resources.files("sourcecheck.claims").joinpath("data/outlets.yaml")
    merged: dict[str, Outlet] = {o.name: o for o in _load("claims/data/outlets.yaml", bundled.read_text("utf-8"))}
    extra = extra_path or os.environ.get("SOURCECHECK_OUTLETS")
    if extra:
        path = Path(extra)
        try:
            text = path.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(path, f"cannot read outlet registry ({exc})") from None
        for outlet in _load(path, text):
            old = merged.get(outlet.name)
            merged[outlet.name] = Outlet(outlet.name, (old.aliases if old else ()) + outlet.aliases)
    return OutletRegistry(list(merged.values()))
