"""Chinese quantities and dates, normalised to what English ones are (english.py): "约1000人" reads as about
1,000 personnel, "8月25日" as August 25. "约"/"左右" widen the interval (ten percent either way), "超过"/"以上"
open it upwards, "不到"/"以下" downwards, and "1000余人" / "1000多人" (a thousand-odd) allows up to a fifth more."""

from __future__ import annotations

import re

from sourcecheck.model.claims import Quantity
from sourcecheck.slots.intervals import widen

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG = {"万": 1e4, "亿": 1e8, "万亿": 1e12}
_NUMERAL = r"[零〇一二两三四五六七八九十百千万亿]+"
_NUM = rf"\d+(?:[,，]\d{{3}})*(?:\.\d+)?(?:万亿|[万亿])?|{_NUMERAL}"
_ABOUT = "大约|大概|将近|接近|约|近"
_ABOVE = "超过|多于|至少|不少于|逾"
_BELOW = "不到|不足|少于|最多|至多|不超过"
# Persons: 名/位 is the measure word of people, so it counts them whatever stands between it and the noun
# ("500名俄罗斯伞兵"); without it the noun must follow the number.
_PEOPLE = (r"官兵|军人|士兵|人员|战士|兵力|官员|伞兵|空降兵|水兵|海军陆战队员|陆战队员|特种兵|学员|飞行员|专家|教官|"
           r"船员|舰员|士官|军官|边防军人|边防战士|维和人员|参演人员|机组人员|救援人员|警察")
_SHIPS = r"舰艇|军舰|战舰|舰船|船只|潜艇|护卫舰|驱逐舰|登陆舰|补给舰|巡洋舰|扫雷舰|舰|船|艇"
_UNIT_WORDS = [
    ("personnel", rf"(?:名|位(?![于置数]))(?:[^\d\s，。、；：！？]{{0,8}}?(?:{_PEOPLE}|兵|人(?!民)))?|(?:{_PEOPLE})"
                  r"|人(?!民)"),
    ("km", r"公里|千米|km"),
    ("exercise", r"次(?:联合)?(?:军事)?(?:演习|军演|演练)|场(?:演习|军演)"),
    ("aircraft", r"架(?:\w{0,3}?(?:飞机|战机|直升机|轰炸机|歼击机|运输机))?"),
    ("ship", rf"艘(?:[^\d\s，。、；：！？]{{0,6}}?(?:{_SHIPS}))?|(?:舰艇|军舰|战舰|舰船|潜艇|护卫舰|驱逐舰)"),
    ("vehicle", r"辆(?:\w{0,3}?(?:坦克|装甲车|战车|车辆|汽车))?|台\w{0,2}?(?:装备|车辆)"),
    ("day", r"天|日(?!本)"),
    ("year", r"年(?!\d)"),
    ("country", r"个(?:成员)?(?:国家|国)"),
    ("target", r"个[^\d\s，。、；：！？]{0,8}?目标|目标"),
    ("usd", r"美元"), ("rub", r"卢布"), ("cny", r"(?:元|人民币)(?!首)"), ("eur", r"欧元"),
    ("m3", r"立方米|方(?=天然气)"), ("tonne", r"吨|公吨"), ("barrel", r"桶"),
]
_QUANTITY = re.compile(
    rf"(?P<approx>{_ABOUT}|{_ABOVE}|{_BELOW})?(?P<num>{_NUM})"
    rf"(?:\s*(?:-|–|—|至|到|~)\s*(?P<num2>{_NUM}))?(?P<odd>余|多)?"
    rf"(?P<percent>%|％)?"
    rf"(?P<unit>{'|'.join(f'(?P<u{i}>{p})' for i, (_, p) in enumerate(_UNIT_WORDS))})?"
    rf"(?P<after>以上|以下|左右)?")
_AFTER = {"以上": "超过", "以下": "不到", "左右": "约"}   # an approximator written after the number
_DATE = re.compile(
    r"(?:(?P<year>\d{4})年)?(?P<m1>\d{1,2})月(?P<d1>\d{1,2})[日号]"
    r"(?:\s*(?:至|到|-|–|—|~)\s*(?:(?P<m2>\d{1,2})月)?(?P<d2>\d{1,2})[日号])?")
# "新华社北京6月14日电": the day a report was filed, not a day it reports on
DATELINE = re.compile(r"^\s*[^，。\s]{0,12}?\d{1,2}月\d{1,2}日电")


def quantities(text: str) -> list[tuple[int, Quantity]]:
    """(start of the number, quantity) for each Chinese quantity with a unit we can compare."""
    found = []
    for m in _QUANTITY.finditer(text):
        if m["percent"]:
            kind = "percent"
        elif m["unit"]:
            kind = next(_UNIT_WORDS[i][0] for i in range(len(_UNIT_WORDS)) if m[f"u{i}"])
        else:
            continue
        if text[max(0, m.start() - 1): m.start()] == "第":
            continue  # 第九次: an ordinal
        if kind in ("year", "day") and (text[m.end(): m.end() + 1].isdigit() or "月" in text[m.end(): m.end() + 1]):
            continue  # part of a date
        if kind == "year" and not (m["approx"] or m["odd"] or m["after"]) and all(
                re.fullmatch(r"(?:19|20)\d\d", n) for n in (m["num"], m["num2"] or m["num"])):
            continue  # "2012年", “至2042年”: a year, not a duration (a bound is read by years.py)
        value = _number(m["num"])
        high = _number(m["num2"]) if m["num2"] else value
        if m["odd"]:
            high = high * 1.2
        low, high = widen(value, high, _AFTER.get(m["after"]) or m["approx"] or "", _ABOVE, _BELOW)
        approximator = m["approx"] or m["after"] or m["odd"]
        found.append((m.start("num"), Quantity(m.group(), value, approximator, kind, low, high)))
    return found


def dates(text: str) -> list[tuple[int, int, int, int, str, tuple[int, int]]]:
    """(month1, day1, month2, day2, as written, span) for each Chinese day or day range."""
    found = []
    for m in _DATE.finditer(text):
        m1, d1 = int(m["m1"]), int(m["d1"])
        m2 = int(m["m2"]) if m["m2"] else m1
        d2 = int(m["d2"]) if m["d2"] else d1
        found.append((m1, d1, m2, d2, m.group(), m.span()))
    return found


def _number(raw: str) -> float:
    """Arabic digits (with 万/亿) or Chinese numerals: 两千 = 2000, 一千三百 = 1300, 1.3万 = 13000, 十五 = 15."""
    raw = raw.replace(",", "").replace("，", "")
    if raw[0].isdigit():
        digits = raw.rstrip("万亿")
        return float(digits) * _BIG.get(raw[len(digits):], 1.0)
    total, section, digit = 0.0, 0.0, None
    for ch in raw:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _UNITS:
            section += (digit if digit is not None else 1) * _UNITS[ch]
            digit = None
        elif ch in _BIG:
            total += (section + (digit or 0)) * _BIG[ch]
            section, digit = 0.0, None
    return total + section + (digit or 0)
