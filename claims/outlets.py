"""The outlet registry: resolve a written outlet name to its canonical name, tolerating misspellings, and a web
address to the outlet whose domain it is."""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from importlib import resources

import tldextract
from rapidfuzz import fuzz, process
from rapidfuzz.distance import DamerauLevenshtein

from sourcecheck.core.aliases import AliasEntry, alias_table
from sourcecheck.core.settings import current_settings

# fuzz.ratio on case-folded names: "Intefax" -> Interfax scores 93, "Krasnaya Zvesda" 93, while unrelated
# short names ("SCO", "NATO") stay far below. WRatio's partial matching was too generous for 2-4 letter names.
MATCH_CUTOFF = 86.0
_TABLE = "outlet registry"   # how errors name it

# Cyrillic and Greek letters drawn like Latin ones: "Intеrfаx" with Cyrillic е and а displays as Interfax.
_LOOKALIKES = str.maketrans(
    "аеорсухіјѕԁһԛԝӏАВЕКМНОРСТХУІЈЅ" "αονιυχΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
    "aeopcyxijsdhqwlABEKMHOPCTXYIJS" "aoviuxABEZHIKMNOPTYX")


def normal_name(written: str) -> str:
    """The name as matched and stored: compatibility forms folded (NFKC), format characters (bidi overrides,
    zero-width joiners, category Cf) dropped, since they change how a name displays but not which name it is."""
    folded = unicodedata.normalize("NFKC", written)
    return " ".join("".join(ch for ch in folded if unicodedata.category(ch) != "Cf").split())


# The Public Suffix List snapshot bundled with tldextract, never fetched: nothing is downloaded at run time.
_SUFFIXES = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def registered_domain(host: str) -> str:
    """The domain a host belongs to, by the public suffix list: www.interfax.ru -> interfax.ru, news.bbc.co.uk ->
    bbc.co.uk (a suffix such as co.uk or com.cn is no outlet's); an IP address or a bare name as given."""
    host = host.lower().strip(".")
    parts = _SUFFIXES(host)
    return parts.top_domain_under_public_suffix or host


def _script(letter: str) -> str:
    return unicodedata.name(letter, "").split(" ")[0]


class OutletRegistry:
    def __init__(self, outlets: list[AliasEntry]):
        self.outlets = outlets
        self._keys: list[str] = []
        self._names: list[str] = []
        self._domains: dict[str, str] = {}
        for outlet in outlets:
            for alias in outlet.names:
                self._keys.append(alias.casefold())
                self._names.append(outlet.name)
            for domain in outlet.lists.get("domains", ()):
                self._domains[domain.lower().strip(".")] = outlet.name

    def by_domain(self, host: str) -> str | None:
        """The outlet whose registered domains include `host` or a domain above it (english.news.cn, then news.cn),
        the most specific first; never above the host's registered domain, so a registered `news.cn` says nothing
        of `fakenews.cn`, and never fuzzy: a look-alike domain is another site."""
        labels = host.lower().strip(".").split(".")
        floor = len(registered_domain(host).split("."))
        for start in range(0, len(labels) - floor + 1):
            if outlet := self._domains.get(".".join(labels[start:])):
                return outlet
        return None

    def resolve(self, written: str) -> str | None:
        """The canonical name for `written`, or None when it is not a registered outlet."""
        key = normal_name(written).casefold().strip(" .,;:'\"")
        if not key:
            return None
        if key in self._keys:
            return self._names[self._keys.index(key)]
        if len(key) < 5:  # too short to fuzz safely ("RIA" vs "SCO" style near misses)
            return None
        best = process.extractOne(key, self._keys, scorer=fuzz.ratio, score_cutoff=MATCH_CUTOFF)
        # one swapped, missing or wrong letter ("Xinhau") scores below the cutoff on short names: allow one edit
        best = best or process.extractOne(  # type: ignore[call-overload]  # rapidfuzz's stubs type no distance scorer
            key, self._keys, scorer=DamerauLevenshtein.distance, score_cutoff=1)
        return self._names[best[2]] if best else None

    def imitation(self, written: str) -> tuple[str, str] | None:
        """(the registered outlet, its foreign letters) when `written` mixes Latin with Cyrillic or Greek look-alikes
        to display as a registered outlet it does not resolve to; a misspelling that resolves to it stores that."""
        name = normal_name(written)
        letters = [ch for ch in name if ch.isalpha()]
        scripts = {_script(ch) for ch in letters}
        if "LATIN" not in scripts or not scripts & {"CYRILLIC", "GREEK"}:
            return None
        imitated = self.resolve(name.translate(_LOOKALIKES))
        if imitated is None or self.resolve(name) == imitated:
            return None
        foreign = [ch for ch in dict.fromkeys(letters) if _script(ch) in {"CYRILLIC", "GREEK"}]
        return imitated, ", ".join(f"{_script(ch).title()} {ch} U+{ord(ch):04X}" for ch in foreign)


def load_registry(extra_path: str | None = None) -> OutletRegistry:
    """The bundled registry, extended by `extra_path` or the settings' outlets file when given."""
    return _registry(extra_path or current_settings().outlets)


@lru_cache(maxsize=4)
def _registry(extra: str) -> OutletRegistry:
    """Cached by the file in force, so a changed setting takes effect at the next call."""
    merged: dict[str, AliasEntry] = {}
    for entry in alias_table(resources.files("sourcecheck.claims").joinpath("data/outlets.yaml"), extra, _TABLE,
                             lists=("domains",)):
        old = merged.get(entry.name)
        domains = (old.lists.get("domains", ()) if old else ()) + entry.lists.get("domains", ())
        merged[entry.name] = AliasEntry(entry.name, (old.aliases if old else ()) + entry.aliases,
                                        lists={"domains": domains})
    return OutletRegistry(list(merged.values()))
