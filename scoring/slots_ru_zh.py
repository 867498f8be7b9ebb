"""Russian and Chinese readings of the slots an English claim is checked on: quantities and dates.

Each reading is normalised to what scoring/slots.py compares, so "около 600 километров" reads as about 600 km,
"约1000人" as about 1,000 personnel and "8月25日" as August 25, whatever language the claim is in. Values are
intervals, as in English: approximators widen them ("около", "约": ten percent either way), "более"/"超过"
open them upwards, "до"/"不到" downwards, and "1000余人" / "1000多人" (a thousand-odd) allows up to a fifth more.
"""

from __future__ import annotations

import math
import re

# -- Russian -------------------------------------------------------------------------------------------------
_RU_ABOUT = r"около|ок\.|примерно|приблизительно|порядка|почти|ориентировочно"
_RU_ABOVE = "более|свыше|больше|не менее|по меньшей мере|как минимум"
_RU_BELOW = "менее|меньше|до|не более|не свыше|максимум"
_RU_WORDS = {"два": 2, "две": 2, "двух": 2, "три": 3, "трех": 3, "трёх": 3, "четыре": 4, "четырех": 4,
             "четырёх": 4, "пять": 5, "пяти": 5, "шесть": 6, "шести": 6, "семь": 7, "семи": 7, "восемь": 8,
             "восьми": 8, "девять": 9, "девяти": 9, "десять": 10, "десяти": 10, "двадцать": 20, "тридцать": 30}
_RU_NUM = r"\d{1,3}(?:[\u00a0\u202f ]\d{3})+(?:,\d+)?|\d+(?:,\d+)?|" + "|".join(sorted(_RU_WORDS, key=len, reverse=True))
_RU_SCALES = {"тыс": 1e3, "тысяч": 1e3, "тысячи": 1e3, "тысяча": 1e3, "млн": 1e6, "миллион": 1e6,
              "миллиона": 1e6, "миллионов": 1e6, "млрд": 1e9, "миллиард": 1e9, "миллиарда": 1e9, "миллиардов": 1e9}
_RU_SCALE = r"\s+(?:тыс\.?|тысяч[аи]?|млн\.?|миллион(?:а|ов)?|млрд\.?|миллиард(?:а|ов)?)(?!\w)"
# the stem of each unit word: Russian inflects them (военнослужащих, военнослужащие; километров, километра)
_RU_UNITS = [
    ("personnel", r"военнослужащ|человек|солдат|военн(?:ых|ые)|участник|боец|бойц|офицер|ракетчик|десантник|"
                  r"миротвор|специалист|мотострелк|чел\."),
    ("km", r"километр|км(?![\w/])"),
    ("exercise", r"учени[йяе]|маневр"),
    ("aircraft", r"самол[её]т|вертол[её]т|истребител|бомбардировщ|штурмовик|летательн"),
    ("vehicle", r"танк|бронетранспорт[её]р|БТР|боев(?:ых|ые) машин|единиц(?:ы)? (?:военной )?техники|машин"),
    ("day", r"дн(?:я|ей)|день|сут(?:ок|ки)"),
    ("year", r"лет(?!\w)|год(?:а|ов)?(?!\w)"),
    ("country", r"стран|государств"),
    ("usd", r"доллар"), ("rub", r"рубл"), ("cny", r"юан"), ("eur", r"евро"),
]
_RU_QUANTITY = re.compile(
    rf"(?<![\w,.-])(?:(?P<approx>{_RU_ABOUT}|{_RU_ABOVE}|{_RU_BELOW})\s+)?(?P<between>от\s+)?"
    rf"(?P<num>{_RU_NUM})(?P<scale>{_RU_SCALE})?"
    rf"(?:\s*(?:-|–|—|(?(between)до|(?!)))\s*(?P<num2>{_RU_NUM})(?P<scale2>{_RU_SCALE})?)?"
    rf"(?P<percent>\s*%|\s+процент\w*)?(?P<gap>(?:\s*-\s*|\s+)(?:[\w-]+\s+){{0,2}}?)"
    rf"(?P<unit>(?:{'|'.join(f'(?P<u{i}>{p})' for i, (_, p) in enumerate(_RU_UNITS))})\w*)?",
    re.I,
)
_RU_MONTHS = {"январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
              "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12}
_RU_MONTH = r"(?:январ|феврал|марта?|апрел|ма[яйе]|июн|июл|августа?|сентябр|октябр|ноябр|декабр)[ьяею]?"
_RU_DATE = re.compile(
    rf"(?<!\d)(?:(?<!\w)с\s+)?(?P<d1>\d{{1,2}})(?:\s+(?P<m1>{_RU_MONTH}))?(?:\s*(?:-|–|—|по|до)\s*(?P<d2>\d{{1,2}}))?"
    rf"\s+(?P<m2>{_RU_MONTH})(?!\w)", re.I)

# -- Chinese -------------------------------------------------------------------------------------------------
_ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ZH_UNITS = {"十": 10, "百": 100, "千": 1000}
_ZH_BIG = {"万": 1e4, "亿": 1e8}
_ZH_NUMERAL = r"[零〇一二两三四五六七八九十百千万亿]+"
_ZH_NUM = rf"\d+(?:[,，]\d{{3}})*(?:\.\d+)?[万亿]?|{_ZH_NUMERAL}"
_ZH_ABOUT = "大约|大概|将近|接近|约|近"
_ZH_ABOVE = "超过|多于|至少|不少于|逾"
_ZH_BELOW = "不到|不足|少于|最多|至多|不超过"
_ZH_UNIT_WORDS = [
    ("personnel", r"(?:名|位)?(?:官兵|军人|士兵|人员|战士|参演人员|兵力|维和人员|官员)|(?:名)?人(?!民)"),
    ("km", r"公里|千米|km"),
    ("exercise", r"次(?:联合)?(?:军事)?(?:演习|军演|演练)|场(?:演习|军演)"),
    ("aircraft", r"架(?:\w{0,3}?)(?:飞机|战机|直升机|轰炸机|歼击机|运输机)?"),
    ("vehicle", r"辆(?:\w{0,3}?)(?:坦克|装甲车|战车|车辆|汽车)?|台(?:\w{0,2}?)(?:装备|车辆)"),
    ("day", r"天|日(?!本)"),
    ("year", r"年(?!\d)"),
    ("country", r"个(?:成员)?(?:国家|国)"),
    ("usd", r"美元"), ("rub", r"卢布"), ("cny", r"(?:元|人民币)(?!首)"), ("eur", r"欧元"),
]
_ZH_QUANTITY = re.compile(
    rf"(?P<approx>{_ZH_ABOUT}|{_ZH_ABOVE}|{_ZH_BELOW})?(?P<num>{_ZH_NUM})"
    rf"(?:\s*(?:-|–|—|至|到|~)\s*(?P<num2>{_ZH_NUM}))?(?P<odd>余|多)?"
    rf"(?P<percent>%|％)?"
    rf"(?P<unit>{'|'.join(f'(?P<u{i}>{p})' for i, (_, p) in enumerate(_ZH_UNIT_WORDS))})?"
    rf"(?P<after>以上|以下|左右)?")
_ZH_DATE = re.compile(
    r"(?:(?P<year>\d{4})年)?(?P<m1>\d{1,2})月(?P<d1>\d{1,2})[日号]"
    r"(?:\s*(?:至|到|-|–|—|~)\s*(?:(?P<m2>\d{1,2})月)?(?P<d2>\d{1,2})[日号])?")


def russian_quantities(text: str) -> list[tuple[int, float, float, str, str]]:
    """(start of the number, low, high, unit kind, words as written) for each Russian quantity."""
    found = []
    for m in _RU_QUANTITY.finditer(text):
        if m["percent"]:
            kind = "percent"
        elif m["unit"]:
            kind = next(_RU_UNITS[i][0] for i in range(len(_RU_UNITS)) if m[f"u{i}"])
        else:
            continue
        if kind == "year" and not m["approx"] and len(m["num"]) == 4:
            continue  # "2012 года": a year, not a duration
        low = _ru_number(m["num"], m["scale"])
        high = _ru_number(m["num2"], m["scale2"] or m["scale"]) if m["num2"] else low
        low, high = _widen(low, high, (m["approx"] or "").lower().replace("ок.", "около"), _RU_ABOVE, _RU_BELOW)
        found.append((m.start("num"), low, high, kind, " ".join(m.group().split())))
    return found


def russian_dates(text: str) -> list[tuple[int, int, int, int, str, tuple[int, int]]]:
    """(month1, day1, month2, day2, as written, span) for each Russian day or day range."""
    found = []
    for m in _RU_DATE.finditer(text):
        m2 = _ru_month(m["m2"])
        m1 = _ru_month(m["m1"]) if m["m1"] else m2
        d1 = int(m["d1"])
        d2 = int(m["d2"]) if m["d2"] else d1
        found.append((m1, d1, m2, d2, " ".join(m.group().split()), m.span()))
    return found


def chinese_quantities(text: str) -> list[tuple[int, float, float, str, str]]:
    found = []
    for m in _ZH_QUANTITY.finditer(text):
        if m["percent"]:
            kind = "percent"
        elif m["unit"]:
            kind = next(_ZH_UNIT_WORDS[i][0] for i in range(len(_ZH_UNIT_WORDS)) if m[f"u{i}"])
        else:
            continue
        if text[max(0, m.start() - 1): m.start()] == "第":
            continue  # 第九次: an ordinal
        if kind in ("year", "day") and (text[m.end(): m.end() + 1].isdigit() or "月" in text[m.end(): m.end() + 1]):
            continue  # part of a date
        low = _zh_number(m["num"])
        high = _zh_number(m["num2"]) if m["num2"] else low
        approx = m["approx"] or ""
        if m["odd"]:
            high = high * 1.2
        if m["after"] == "以上":
            approx = "超过"
        elif m["after"] == "以下":
            approx = "不到"
        elif m["after"] == "左右":
            approx = "约"
        low, high = _widen(low, high, approx, _ZH_ABOVE, _ZH_BELOW)
        found.append((m.start("num"), low, high, kind, m.group()))
    return found


def chinese_dates(text: str) -> list[tuple[int, int, int, int, str, tuple[int, int]]]:
    found = []
    for m in _ZH_DATE.finditer(text):
        m1, d1 = int(m["m1"]), int(m["d1"])
        m2 = int(m["m2"]) if m["m2"] else m1
        d2 = int(m["d2"]) if m["d2"] else d1
        found.append((m1, d1, m2, d2, m.group(), m.span()))
    return found


def _widen(low: float, high: float, approx: str, above: str, below: str) -> tuple[float, float]:
    if approx in above.split("|"):
        return low, math.inf
    if approx in below.split("|"):
        return 0.0, high
    if approx:
        return low * 0.9, high * 1.1
    return low, high


def _ru_number(raw: str, scale: str | None) -> float:
    word = raw.lower()
    value = float(_RU_WORDS[word]) if word in _RU_WORDS else float(re.sub(r"[\s\u00a0\u202f]", "", raw).replace(",", "."))
    return value * (_RU_SCALES[scale.strip().rstrip(".").lower()] if scale else 1.0)


def _ru_month(word: str) -> int:
    word = word.lower()
    for stem, month in sorted(_RU_MONTHS.items(), key=lambda kv: -len(kv[0])):
        if word.startswith(stem):
            return month
    raise ValueError(word)


def _zh_number(raw: str) -> float:
    """Arabic digits (with 万/亿) or Chinese numerals: 两千 = 2000, 一千三百 = 1300, 1.3万 = 13000, 十五 = 15."""
    raw = raw.replace(",", "").replace("，", "")
    if raw[0].isdigit():
        scale = _ZH_BIG.get(raw[-1], 1.0)
        return float(raw.rstrip("万亿")) * scale
    total, section, digit = 0.0, 0.0, None
    for ch in raw:
        if ch in _ZH_DIGITS:
            digit = _ZH_DIGITS[ch]
        elif ch in _ZH_UNITS:
            section += (digit if digit is not None else 1) * _ZH_UNITS[ch]
            digit = None
        elif ch in _ZH_BIG:
            total += (section + (digit or 0)) * _ZH_BIG[ch]
            section, digit = 0.0, None
    return total + section + (digit or 0)
