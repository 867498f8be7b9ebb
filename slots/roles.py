"""Who holds a role, as a text says it: "First Vice Premier Anton Siluanov", "заместитель министра обороны России
Николай Панков", "外交部发言人华春莹", "commanded by Colonel General Alexander Zhuravlyov".

A role has one name in every language (deputy minister ~ vice minister, first vice premier ~ first deputy prime
minister, spokesman ~ spokeswoman ~ 发言人), and a country when the text gives one ("Chinese Defense Minister",
"министр обороны России"). The same role of the same country held by another named person is a contradiction
the NLI model sees but cannot explain ("differs on person: claim A, source B"); names are compared across
spellings and scripts (people.py). A deputy commander is not the commander, and a commander commands a unit
("the deputy commander of the Pacific Fleet, Rear Admiral X", "the Northern Fleet commander"): the commanders of
two named units are two roles, so only the same unit's (or an unnamed one's) other holder differs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from sourcecheck.slots.people import TRANSCRIPTION, palladius, people_in, pinyin_of, romanise_russian, skeleton

_EN_MINISTRY = r"(?:(?P<m>foreign|defen[cs]e|interior|finance|economic\s+development|emergency|emergencies)\s+)"
# (role, English, Russian, Chinese): each pattern names the role, longest first where one contains another.
_ROLES = [
    ("first deputy prime minister",
     r"first\s+(?:deputy\s+prime\s+minister|vice[\s-]+premier|vice[\s-]+prime\s+minister)",
     r"перв\w+\s+вице-премьер\w*|перв\w+\s+заместител\w+\s+председател\w+\s+правительства", r"第一副总理"),
    ("deputy prime minister", r"(?:deputy\s+prime\s+minister|vice[\s-]+premier|vice[\s-]+prime\s+minister)",
     r"вице-премьер\w*|заместител\w+\s+председател\w+\s+правительства", r"副总理"),
    ("prime minister", r"(?:prime\s+minister|premier)", r"премьер-министр\w*|председател\w+\s+правительства",
     r"总理"),
    ("deputy foreign minister",
     r"(?:deputy|vice)\s+foreign\s+minister|(?:deputy|vice)\s+minister\s+of\s+foreign\s+affairs",
     r"(?:заместител\w+\s+министра|замминистра|замглав\w+\s+МИД\w*)\s+иностранных\s+дел|замглав\w+\s+МИД\w*",
     r"外交部副部长|副外长"),
    ("foreign minister", r"foreign\s+minister|minister\s+of\s+foreign\s+affairs",
     r"министр(?!\w)\s+иностранных\s+дел|глав\w+\s+МИД\w*", r"外交部长|外长"),
    ("deputy defense minister",
     r"(?:deputy|vice)\s+defen[cs]e\s+minister|(?:deputy|vice)\s+minister\s+of\s+defen[cs]e",
     r"(?:заместител\w+\s+министра|замминистра|замглав\w+\s+Минобороны)\s+обороны|замглав\w+\s+Минобороны",
     r"国防部副部长"),
    ("defense minister", r"defen[cs]e\s+minister|minister\s+of\s+defen[cs]e",
     r"министр(?!\w)\s+обороны|глав\w+\s+Минобороны", r"国防部长|防长"),
    ("chief of the general staff", r"chief\s+of\s+(?:the\s+)?general\s+staff",
     r"начальник\w*\s+Генерального\s+штаба|начальник\w*\s+Генштаба", r"总参谋长"),
    ("spokesperson", rf"{_EN_MINISTRY}?(?:ministry\s+)?(?:spokes(?:man|woman|person)|press\s+secretary)",
     r"официальн\w+\s+представител\w+|пресс-секретар\w+", r"发言人"),
    ("deputy commander", r"deputy\s+commander", r"заместител\w+\s+командующ\w+", r"副司令员"),
    ("commander", r"command(?:ed)?\s+by|commander",
     r"командующ\w+|под\s+командованием", r"指挥员|总导演|司令员"),
]
_COUNTRIES = {
    "russia": r"russian|russia['’]s|российск\w+|россии|рф|俄罗斯|俄",
    "china": r"chinese|china['’]s|китайск\w+|кнр|китая|中国|中方",
    "kazakhstan": r"kazakh|kazakhstan['’]s|казахстанск\w+|казахстана|哈萨克斯坦",
    "kyrgyzstan": r"kyrgyz|kyrgyzstan['’]s|киргизск\w+|кыргызск\w+|киргизии|кыргызстана|吉尔吉斯斯坦",
    "tajikistan": r"tajik|tajikistan['’]s|таджикск\w+|таджикистана|塔吉克斯坦",
    "uzbekistan": r"uzbek|uzbekistan['’]s|узбекск\w+|узбекистана|乌兹别克斯坦",
    "belarus": r"belarusian|belarus['’]s|белорусск\w+|белоруссии|беларуси|白俄罗斯",
    "united states": r"u\.s\.|american|америк\w+|сша|美国",
}
_TITLES = (r"(?:(?:Colonel|Lieutenant|Major|Army|Senior|Rear|Vice)\s+)*(?:General|Admiral|Colonel|Lieutenant|Major|"
           r"Captain|Mr\.?|Ms\.?|Mrs\.?)\s+")
_LATIN_HOLDER = re.compile(rf"\s+(?:{_TITLES})?(?P<name>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){{0,2}})")
_CYRILLIC_HOLDER = re.compile(
    r"\s+(?:(?:России|РФ|КНР|Китая|Казахстана|Киргизии|Кыргызстана|Таджикистана|Узбекистана|Белоруссии|"
    r"Беларуси)\s+)?(?:(?:генерал-полковник|генерал-лейтенант|генерал армии|генерал)\s+)?"
    r"(?P<name>[А-ЯЁ][а-яё]+(?:\s+[А-ЯЁ][а-яё]+){1,2})")
# "the deputy commander of the Pacific Fleet, Rear Admiral X": the unit, then the holder set off by a comma, who
# then needs a rank (", Moscow said" names no holder); "the Pacific Fleet commander, Admiral X": the unit before
_UNIT_AFTER = re.compile(r"\s+of\s+(?:the\s+)?(?P<unit>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)")
_UNIT_BEFORE = re.compile(r"(?:^|[^\w’'])(?P<unit>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)+)\s+$")
_RANKED_HOLDER = re.compile(rf",\s+(?:{_TITLES})(?P<name>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){{0,2}})")
_HAN_STOP = set("将在于与和对表示说率会见出席称指出同时就是的了并也已曾抵访举")
_ROLE_PATTERNS = [(role, re.compile(rf"\b(?:{en})\b|(?<!\w)(?:{ru})|(?:{zh})", re.I)) for role, en, ru, zh in _ROLES]


@dataclass(frozen=True)
class RoleHolder:
    role: str
    country: str | None
    holder: str          # the name as a reader writes it in Latin script
    unit: str | None = None   # whose commander: "Pacific Fleet" (English readings only)


def role_holders(text: str) -> tuple[RoleHolder, ...]:
    """Each role the text names with the person who holds it (a role without a name is left out)."""
    taken: list[tuple[int, int]] = []
    found = []
    for role, pattern in _ROLE_PATTERNS:
        for m in pattern.finditer(text):
            if any(a <= m.start() < b for a, b in taken):
                continue   # "deputy foreign minister" already read, not also "foreign minister"
            taken.append(m.span())
            unit, end = _unit(text, m.start(), m.end()) if "commander" in role else (None, m.end())
            holder = _holder(text, end)
            if holder:
                found.append(RoleHolder(_ministry_role(role, text, m), _country(text, m.start(), m.end()), holder,
                                        unit))
    return tuple(found)


def differing_holders(claim: tuple[RoleHolder, ...], passage: tuple[RoleHolder, ...],
                      passage_text: str) -> list[str]:
    """'person: claim A, source B' for each role of the claim that the passage gives to someone else (of the
    same country where both say it), unless the passage also names the claim's person."""
    out = []
    for c in claim:
        others = [p for p in passage if p.role == c.role and _same_unit(c.unit, p.unit)
                  and (c.country is None or p.country is None or c.country == p.country)]
        if others and not any(same_person(c.holder, p.holder) for p in others) \
                and not names_in(passage_text, c.holder):
            out.append(f"person: claim {c.holder}, source {others[0].holder}")
    return out


def same_person(a: str, b: str) -> bool:
    """The same person across spellings: "Sergey Shoygu" ~ "Sergei Shoigu", "Fomin" ~ "Alexander Fomin"."""
    x, y = _folded_words(a), _folded_words(b)
    if not x or not y:
        return False
    if x[-1] == y[-1] or fuzz.ratio(x[-1], y[-1]) >= 85:
        return len(x) == 1 or len(y) == 1 or x[0][:1] == y[0][:1] or _palladius_of(a, y) or _palladius_of(b, x)
    if _palladius_of(a, y) or _palladius_of(b, x):
        return True
    # a Russian surname as Chinese transcribes it: 莫尔古洛夫 (read "Moerguluofu") is Morgulov
    if any(len(skeleton(n[-1])) >= 3 and skeleton(n[-1]) == skeleton("".join(o)) for n, o in ((x, y), (y, x))):
        return True
    return fuzz.ratio("".join(x), "".join(y)) >= 78   # a Chinese name romanised from Russian: "Gao Syan"


def _palladius_of(name: str, other: list[str]) -> bool:
    """Whether the folded words `other` spell the pinyin `name` as Russian's Palladius system does: "Chzhan Min"
    (romanised from Чжан Мин) is Zhang Ming."""
    written = palladius(name)
    return written is not None and fuzz.ratio("".join(_folded_words(written)), "".join(other)) >= 85


def names_in(text: str, person: str) -> bool:
    """Whether the text names the person anywhere, in any script."""
    from sourcecheck.slots.people import names_person

    if names_person(text, person):
        return True
    surname = _folded_words(person)[-1:]
    return bool(surname) and any(_folded_words(w)[-1:] == surname
                                 for w in re.findall(r"[A-Z][a-z]+", text))


def _unit(text: str, start: int, end: int) -> tuple[str | None, int]:
    """Whose commander the text says (`of the Pacific Fleet` after the role, `Pacific Fleet` before it), and
    where the holder's name may begin."""
    if m := _UNIT_AFTER.match(text, end):
        return m["unit"], m.end()
    before = _UNIT_BEFORE.search(text[max(0, start - 60):start])
    unit = re.sub(r"^The\s+", "", before["unit"]) if before else None
    return (unit if unit and " " in unit else None), end


def _same_unit(a: str | None, b: str | None) -> bool:
    """Commanders of two named units are two roles; a unit not given, or given in another script, may be either."""
    if not a or not b or any("\u0400" <= ch <= "\u04ff" for ch in a + b):
        return True
    return fuzz.ratio(a.casefold(), b.casefold()) >= 85


def _holder(text: str, end: int) -> str | None:
    rest = text[end:end + 80]
    if m := _LATIN_HOLDER.match(rest) or _RANKED_HOLDER.match(rest):
        return m["name"]
    if m := _CYRILLIC_HOLDER.match(rest):
        written = m["name"]
        canonical = people_in(written)
        return next(iter(canonical)) if canonical else romanise_russian(written)
    if m := re.match(f"[{TRANSCRIPTION}]{{2,}}(?:[·・][{TRANSCRIPTION}]{{2,}})*", rest):
        if len(m.group()) > 3:   # a foreign name transcribed (安东诺夫, 伊戈尔·莫尔古洛夫): one word per part
            return " ".join(pinyin_of(part).capitalize() for part in re.split("[·・]", m.group()))
    han = ""
    for ch in rest:
        if not "\u4e00" <= ch <= "\u9fff" or ch in _HAN_STOP or len(han) == 3:
            break
        han += ch
    if len(han) >= 2:
        canonical = people_in(han)
        if canonical:
            return next(iter(canonical))
        syllables = [pinyin_of(ch) for ch in han]
        return syllables[0].capitalize() + " " + "".join(syllables[1:]).capitalize()
    return None


def _ministry_role(role: str, text: str, m: re.Match) -> str:
    """A spokesperson is the spokesperson of a ministry: the foreign ministry's is not the defense ministry's."""
    if role != "spokesperson":
        return role
    written = text[max(0, m.start() - 6):m.end()].casefold()
    for ministry, marker in (("foreign", r"foreign|外交部|мид"), ("defense", r"defen|国防部|минобороны")):
        if re.search(marker, written):
            return f"{ministry} ministry spokesperson"
    return role


def _country(text: str, start: int, end: int) -> str | None:
    """The country written just before the role ("Chinese Defense Minister") or just after it in Russian
    ("министр обороны России") or before it in Chinese (中国外交部副部长)."""
    before = text[max(0, start - 25):start].casefold()
    after = text[end:end + 12].casefold()
    for country, pattern in _COUNTRIES.items():
        if re.search(rf"(?:^|[^\w])(?:{pattern})[\s-]*(?:foreign\s+ministry\s+|defen[cs]e\s+ministry\s+)?$", before) \
                or re.search(rf"(?:{pattern})(?:外交部|国防部|国务院)?$", before) \
                or re.match(rf"\s+(?:{pattern})(?!\w)", after):
            return country
    return None


def _folded_words(name: str) -> list[str]:
    """Latin (romanised) words of a name, spelling variants folded: y/i, kh/h, ie/e."""
    if any("\u0400" <= ch <= "\u04ff" for ch in name):
        name = romanise_russian(name)
    words = re.findall(r"[a-z]+", name.casefold())
    return [re.sub(r"ii+", "i", w.replace("y", "i").replace("kh", "h").replace("ks", "x").replace("j", "i"))
            for w in words]
