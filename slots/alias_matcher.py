"""One matcher for the aliases of an alias table in running text of any script (places, people).

A claim in English names "Tajikistan" and "Cheng Guoping"; a Russian source writes "в Таджикистане" and "Чэн
Гопин", a Chinese one "塔吉克斯坦" and "程国平": each alias is matched the way its script is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import cast

_ENDINGS = "аяоеийьыу"   # a Russian name's inflected last letter: Таджикистан-е, Росси-я, Москв-ы, Кита-й


def is_han(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def is_cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


def _required_piece(alias: str) -> str:
    """Lower-case text that every match of alias_regex(alias) contains: the alias itself, or for Russian the
    stem of its first word (the endings vary)."""
    if is_cyrillic(alias) and not is_han(alias):
        word = alias.split()[0]
        return (word[:-1] if len(word) > 4 and word[-1].lower() in _ENDINGS else word).lower()
    return alias.lower()


def alias_regex(alias: str) -> str:
    """The pattern that finds `alias` in running text of its script: Chinese has no word boundaries;
    Russian inflects, so each word of the name may take an ending of up to three letters."""
    if is_han(alias):
        return re.escape(alias)
    if is_cyrillic(alias):
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
            yield m.start(), m.end(), self.canonical[cast(int, m.lastindex) - 1], m.group()   # the alias's group
