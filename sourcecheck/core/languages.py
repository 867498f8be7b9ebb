"""Which language a text is in, when its front matter does not say: a light offline detector by script.

sourcecheck's sources are English, Russian or Chinese, and those three are told apart by their scripts alone:
Han characters mean Chinese, Cyrillic letters Russian, Latin letters English. Counting letters of each script
needs no model, no download and is exact on real copy; it cannot tell languages that share a script (Ukrainian
from Russian, French from English): such a source must say `language:` in its front matter.
"""

from __future__ import annotations

import unicodedata

DETECTED = ("en", "ru", "zh")
_HAN_SHARE = 0.2        # Chinese copy quotes Latin names; a fifth of its letters being Han is plenty
_CYRILLIC_SHARE = 0.3   # Russian copy quotes Latin names ("Peace Mission 2012"), English copy rarely Cyrillic


def script_counts(text: str) -> dict[str, int]:
    """Letters of each script in `text`: han, cyrillic, latin."""
    counts = {"han": 0, "cyrillic": 0, "latin": 0}
    for ch in text:
        if not ch.isalpha():
            continue
        if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff":
            counts["han"] += 1
            continue
        name = unicodedata.name(ch, "")
        if name.startswith("CYRILLIC"):
            counts["cyrillic"] += 1
        elif name.startswith("LATIN"):
            counts["latin"] += 1
    return counts


def detect_language(text: str) -> str:
    """"zh", "ru" or "en" by script; text with no letters of these scripts reads as English (the default)."""
    counts = script_counts(text)
    letters = sum(counts.values())
    if not letters:
        return "en"
    # a Han character carries a word's worth of meaning: compare shares, not raw counts
    if counts["han"] / letters >= _HAN_SHARE:
        return "zh"
    return "ru" if counts["cyrillic"] / letters >= _CYRILLIC_SHARE else "en"
