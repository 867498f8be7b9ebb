"""People across scripts: the alias table (slots/data/people.yaml, extendable), plus transliteration.

A person missing from the table is still found when the source writes the name in a regular transliteration:
Russian names are romanised (BGN/PCGN-like, so "Сергей Шойгу" reads "Sergey Shoygu" and is matched by edit
distance), Chinese ones by pinyin (pypinyin's bundled dictionary: 程国平 -> cheng guo ping).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from rapidfuzz import fuzz

from sourcecheck.core.aliases import alias_table
from sourcecheck.core.settings import current_settings
from sourcecheck.slots.alias_matcher import AliasMatcher, is_cyrillic, is_han

_RU_LATIN = dict(zip("абвгдезийклмнопрстуфыэ", "abvgdeziyklmnoprstufye", strict=True)) | {
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


@lru_cache(maxsize=2)
def _people(extra: str) -> AliasMatcher:
    table = alias_table(resources.files("sourcecheck.slots").joinpath("data/people.yaml"), extra, "people file")
    return AliasMatcher.of({alias: entry.name for entry in table for alias in entry.names})


def people_in(text: str) -> frozenset[str]:
    """Canonical names of the people of the alias table that `text` names, in any script."""
    return _people_in(text, current_settings().people)


@lru_cache(maxsize=16_384)
def _people_in(text: str, people_file: str) -> frozenset[str]:
    """Cached: a passage is read for every claim it is retrieved for, and the alias pattern is the costly part
    of reading it (profile of 502 claims against 100k passages: 29 s of 70 s of slot reading)."""
    return frozenset(name for _, _, name, _ in _people(people_file).find(text))


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
    if is_cyrillic(text):
        # every run of two or three capitalised words (a sentence's first word may be "Генерал")
        words = [(m.start(), m.end(), romanise_russian(m.group())) for m in _CYRILLIC_WORD.finditer(text)]
        for i in range(len(words)):
            for j in (i + 2, i + 3):
                run = words[i:j]
                adjacent = len(run) == j - i and all(text[a[1]:b[0]].strip() == ""
                                                     for a, b in zip(run, run[1:], strict=False))
                if adjacent and fuzz.ratio(_folded("".join(w[2] for w in run)), folded) >= 85:
                    return True
        return False
    return False  # English text names the people of the table by their aliases (above); other names are not checked
