"""Names across scripts: one matcher for aliases in Latin, Cyrillic and Han, plus transliteration for people.

A claim in English names "Tajikistan" and "Cheng Guoping"; a Russian source writes "в Таджикистане" and "Чэн
Гопин", a Chinese one "塔吉克斯坦" and "程国平". Places come from the gazetteer (scoring/data/places.yaml) and
people from an alias table (scoring/data/people.yaml), both extendable. A person missing from the table is still
found when the source writes the name in a regular transliteration: Russian names are romanised (BGN/PCGN-like,
so "Сергей Шойгу" reads "Sergey Shoygu" and is matched by edit distance), Chinese ones by pinyin (pypinyin's
bundled dictionary: 程国平 -> cheng guo ping).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml
from rapidfuzz import fuzz

from sourcecheck.core.errors import InputError

_ENDINGS = "аяоеийьыу"   # a Russian name's inflected last letter: Таджикистан-е, Росси-я, Москв-ы, Кита-й


def is_han(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _is_cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


def _required_piece(alias: str) -> str:
    """Lower-case text that every match of alias_regex(alias) contains: the alias itself, or for Russian the
    stem of its first word (the endings vary)."""
    if _is_cyrillic(alias) and not is_han(alias):
        word = alias.split()[0]
        return (word[:-1] if len(word) > 4 and word[-1].lower() in _ENDINGS else word).lower()
    return alias.lower()


def alias_regex(alias: str) -> str:
    """The pattern that finds `alias` in running text of its script: Chinese has no word boundaries;
    Russian inflects, so each word of the name may take an ending of up to three letters."""
    if is_han(alias):
        return re.escape(alias)
    if _is_cyrillic(alias):
        words = []
        for word in alias.split():
            stem = word[:-1] if len(word) > 4 and word[-1].lower() in _ENDINGS else word
            words.append(re.escape(stem) + r"\w{0,3}")
        return r"(?<![\w-])" + r"\s+".join(words) + r"(?![\w-])"
    return r"(?<![\w-])" + re.escape(alias) + r"(?![\w-])"


@dataclass(frozen=True)
class AliasMatcher:
    """Finds any alias of any entry; `find` yields (start, end, canonical name, alias as written)."""

    pattern: re.Pattern
    canonical: tuple[str, ...]      # the entry of each group of the pattern
    pieces: frozenset[str] = frozenset()  # lower-case text every match of some alias contains

    @classmethod
    def of(cls, aliases: dict[str, str]) -> AliasMatcher:
        ordered = sorted(aliases, key=len, reverse=True)
        pattern = re.compile("|".join(f"({alias_regex(a)})" for a in ordered), re.I)
        return cls(pattern, tuple(aliases[a] for a in ordered), frozenset(_required_piece(a) for a in ordered))

    def find(self, text: str):
        """The alternation of every alias is tried at every position of the text, the costly part of reading
        slots (20 of 22 s for 502 claims against 100k passages), so a text that contains no alias's required
        piece is not searched at all: most passages name none of the table's places or people."""
        folded = text.lower()
        if not any(piece in folded for piece in self.pieces):
            return
        for m in self.pattern.finditer(text):
            yield m.start(), m.end(), self.canonical[m.lastindex - 1], m.group()


# -- people --------------------------------------------------------------------------------------------------
_RU_LATIN = dict(zip("абвгдезийклмнопрстуфыэ", "abvgdeziyklmnoprstufye")) | {
    "ё": "yo", "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ю": "yu", "я": "ya",
    "ь": "", "ъ": ""}
_LATIN_NAME = re.compile(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2}\b")
_CYRILLIC_WORD = re.compile(r"(?<![\w-])[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?![\w-])")


def romanise_russian(text: str) -> str:
    return "".join(_RU_LATIN.get(ch.lower(), ch).capitalize() if ch.isupper() else _RU_LATIN.get(ch, ch)
                   for ch in text)


def pinyin_of(text: str) -> str:
    """The pinyin of Chinese text, syllables joined, case-folded (其他字符 kept): 程国平 -> chengguoping."""
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(text)).casefold()


def _folded(name: str) -> str:
    return re.sub(r"[\s'-]", "", name).casefold()


def alias_entries(table: str, extra: str | None, what: str, optional: str = "") -> list[dict]:
    """The entries of a built-in alias table (scoring/data/<table>.yaml) plus a user's file of more (`name`,
    optional `aliases`, a list of strings, and the table's own optional keys, named in `optional`)."""
    entries = yaml.safe_load(resources.files("sourcecheck.scoring").joinpath(f"data/{table}.yaml").read_text("utf-8"))
    if not extra:
        return entries
    try:
        with open(extra, encoding="utf-8") as fh:
            added = yaml.safe_load(fh) or []
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise InputError(extra, f"cannot read the {what} file ({type(exc).__name__})") from None
    valid = isinstance(added, list) and all(
        isinstance(e, dict) and isinstance(e.get("name"), str) and isinstance(e.get("aliases") or [], list)
        and all(isinstance(a, str) for a in e.get("aliases") or []) for e in added)
    if not valid:
        raise InputError(extra, f"{what} file must be a list of entries with `name` and optional `aliases` "
                                f"(a list){optional}")
    return entries + added


@lru_cache(maxsize=2)
def _people(extra: str | None) -> tuple[AliasMatcher, dict[str, str]]:
    aliases = {}
    for entry in alias_entries("people", extra, "people"):
        for alias in (entry["name"], *(entry.get("aliases") or ())):
            aliases[alias] = entry["name"]
    return AliasMatcher.of(aliases), aliases


def people_in(text: str) -> frozenset[str]:
    """Canonical names of the people of the alias table that `text` names, in any script."""
    return _people_in(text, os.environ.get("SOURCECHECK_PEOPLE"))


@lru_cache(maxsize=16_384)
def _people_in(text: str, people_file: str | None) -> frozenset[str]:
    """Cached: a passage is read for every claim it is retrieved for, and the alias pattern is the costly part
    of reading it (profile of 502 claims against 100k passages: 29 s of 70 s of slot reading)."""
    matcher, _ = _people(people_file)
    return frozenset(name for _, _, name, _ in matcher.find(text))


def claim_people(text: str) -> frozenset[str]:
    """People a text names: those of the table, and any other two- or three-word capitalised name in Latin
    script (looked for in Russian and Chinese sources by transliteration only: in English it may be a title)."""
    return people_in(text) | frozenset(m.group() for m in _LATIN_NAME.finditer(text))


def names_person(text: str, person: str) -> bool:
    """Whether `text` (any script) names `person`: by the alias table, by pinyin, or by romanising Russian."""
    if person in people_in(text):
        return True
    folded = _folded(person)
    if is_han(text) and len(folded) >= 6 and folded in pinyin_of(text):
        return True
    if _is_cyrillic(text):
        # every run of two or three capitalised words (a sentence's first word may be "Генерал")
        words = [(m.start(), m.end(), romanise_russian(m.group())) for m in _CYRILLIC_WORD.finditer(text)]
        for i in range(len(words)):
            for j in (i + 2, i + 3):
                run = words[i:j]
                adjacent = len(run) == j - i and all(text[a[1]:b[0]].strip() == "" for a, b in zip(run, run[1:]))
                if adjacent and fuzz.ratio(_folded("".join(w[2] for w in run)), folded) >= 85:
                    return True
        return False
    return False  # English text names the people of the table by their aliases (above); other names are not checked
