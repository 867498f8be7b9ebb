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
    """Whether `text` (any script) names `person`: by the alias table, by pinyin (a Chinese name, or a foreign
    one as Chinese transcribes it: 莫尔古洛夫 for Morgulov), or by romanising Russian (a Russian name, or a Chinese
    one in the Palladius system: Гао Сян for Gao Xiang)."""
    if person in people_in(text):
        return True
    folded = _folded(person)
    if is_han(text) and len(folded) >= 6 and folded in pinyin_of(text):
        return True
    if is_han(text):
        surname = skeleton(person.split()[-1])
        return len(surname) >= 3 and any(skeleton(pinyin_of(run)) == surname
                                         for run in re.findall(f"[{TRANSCRIPTION}]{{2,}}", text))
    if is_cyrillic(text):
        targets = [folded] + ([_folded(romanise_russian(palladius_of))] if (palladius_of := palladius(person)) else [])
        # every run of two or three capitalised words (a sentence's first word may be "Генерал")
        words = [(m.start(), m.end(), romanise_russian(m.group())) for m in _CYRILLIC_WORD.finditer(text)]
        for i in range(len(words)):
            for j in (i + 2, i + 3):
                run = words[i:j]
                adjacent = len(run) == j - i and all(text[a[1]:b[0]].strip() == ""
                                                     for a, b in zip(run, run[1:], strict=False))
                if adjacent and any(fuzz.ratio(_folded("".join(w[2] for w in run)), t) >= 85 for t in targets):
                    return True
        return False
    return False  # English text names the people of the table by their aliases (above); other names are not checked


# Characters Chinese uses to transcribe foreign names (莫尔古洛夫, 安东诺夫, 谢尔久科夫): a run of them is one name.
TRANSCRIPTION = ("阿埃艾安昂奥巴拜邦包鲍贝本比彼毕别宾波伯博布查采策楚茨达丹道德登迪蒂丁东杜敦多厄恩尔法菲费芬丰"
                 "佛夫福弗盖甘戈哥格根古瓜圭果哈海汉豪赫亨洪胡华怀霍基吉加贾杰金久卡凯坎康考科克肯库夸奎拉莱"
                 "兰朗劳勒雷里理利连列林琳留柳卢鲁伦罗洛吕马迈曼梅门米缅明莫姆穆纳内尼涅宁纽努诺帕潘佩彭皮珀"
                 "普齐奇契恰切琴丘萨塞赛桑瑟森沙舍什施斯松苏索塔泰坦特提廷托图瓦万旺威韦维温沃乌武西希谢辛休"
                 "雅亚扬耶叶伊因尤约扎泽兹佐久卓")
_INITIALS = [("zh", "чж"), ("ch", "ч"), ("sh", "ш"), ("b", "б"), ("p", "п"), ("m", "м"), ("f", "ф"), ("d", "д"),
             ("t", "т"), ("n", "н"), ("l", "л"), ("g", "г"), ("k", "к"), ("h", "х"), ("j", "цз"), ("q", "ц"),
             ("x", "с"), ("r", "ж"), ("z", "цз"), ("c", "ц"), ("s", "с")]
_FINALS = {"a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу", "an": "ань", "en": "энь",
           "ang": "ан", "eng": "эн", "ong": "ун", "i": "и", "ia": "я", "ie": "е", "iao": "яо", "iu": "ю",
           "ian": "янь", "in": "инь", "iang": "ян", "ing": "ин", "iong": "юн", "u": "у", "ua": "уа", "uo": "о",
           "uai": "уай", "ui": "уй", "uan": "уань", "un": "унь", "uang": "уан", "ue": "юэ", "v": "юй"}
_ZERO = {"a": "а", "ai": "ай", "an": "ань", "ang": "ан", "ao": "ао", "e": "э", "ei": "эй", "en": "энь",
         "eng": "эн", "er": "эр", "o": "о", "ou": "оу", "ya": "я", "yao": "яо", "ye": "е", "you": "ю", "yan": "янь",
         "yin": "инь", "yang": "ян", "ying": "ин", "yong": "юн", "yi": "и", "yu": "юй", "yue": "юэ",
         "yuan": "юань", "yun": "юнь", "wa": "ва", "wo": "во", "wai": "вай", "wei": "вэй", "wan": "вань",
         "wen": "вэнь", "wang": "ван", "weng": "вэн", "wu": "у"}
_AFTER_JQX = {"u": "юй", "ue": "юэ", "uan": "юань", "un": "юнь"}


def _syllable(pinyin: str) -> str | None:
    """One pinyin syllable in the Palladius system (xiang -> сян, zhang -> чжан, hui -> хуэй), None if it is none."""
    if pinyin in _ZERO:
        return _ZERO[pinyin]
    for initial, cyrillic in _INITIALS:
        if pinyin.startswith(initial) and (final := pinyin[len(initial):]) in _FINALS:
            if initial in "jqx" and final in _AFTER_JQX:
                return cyrillic + _AFTER_JQX[final]
            if initial in ("z", "c", "s") and final == "i":
                return cyrillic + "ы"
            return cyrillic + ("уэй" if pinyin == "hui" else _FINALS[final])
    return None


def _segments(word: str) -> list[str] | None:
    """A pinyin word cut into syllables, the longest first that leaves a valid rest: zeguang -> ze guang."""
    if not word:
        return []
    for end in range(min(6, len(word)), 0, -1):
        if _syllable(word[:end]) is not None and (rest := _segments(word[end:])) is not None:
            return [word[:end], *rest]
    return None


def palladius(name: str) -> str | None:
    """A Chinese name written in pinyin as Russian copy writes it (Palladius): Gao Xiang -> Гао Сян, Zheng Zeguang
    -> Чжэн Цзэгуан; None when a word is no pinyin (a Russian or English name)."""
    words = []
    for word in re.findall(r"[A-Za-z]+", name):
        syllables = _segments(word.casefold())
        if syllables is None:
            return None
        words.append("".join(_syllable(s) or "" for s in syllables).capitalize())
    return " ".join(words) or None


_SOUNDS = [("shch", "s"), ("zh", "j"), ("ch", "c"), ("sh", "s"), ("kh", "h"), ("ts", "c"), ("ng", "n"), ("q", "c"),
           ("x", "s"), ("z", "s"), ("r", "l"), ("v", "f"), ("w", "f"), ("t", "d"), ("k", "g"), ("p", "b")]


def skeleton(word: str) -> str:
    """A name's consonants as Chinese transcription keeps them (r as l, v as f, voicing lost, vowels and h
    dropped): Morgulov and 莫尔古洛夫 (mo er gu luo fu) both read mlglf, Rudenko and 鲁登科 ldng."""
    word = romanise_russian(word).casefold()
    for written, sound in _SOUNDS:
        word = word.replace(written, sound)
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[^a-z]|[aeiouyh]", "", word))
