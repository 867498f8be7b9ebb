"""Russian quantities and dates, normalised to what English ones are (english.py): "около 600 километров" reads
as about 600 km, "с 8 по 14 июня" as June 8-14. Approximators widen the interval ("около": ten percent either
way), "более" opens it upwards, "до" downwards."""

from __future__ import annotations

import re

from sourcecheck.model.claims import Quantity
from sourcecheck.slots.intervals import widen

_ABOUT = r"около|ок\.|примерно|приблизительно|порядка|почти|ориентировочно"
_ABOVE = "более|свыше|больше|не менее|по меньшей мере|как минимум"
_BELOW = "менее|меньше|до|не более|не свыше|максимум"
_WORDS = {"два": 2, "две": 2, "двух": 2, "три": 3, "трех": 3, "трёх": 3, "четыре": 4, "четырех": 4,
          "четырёх": 4, "пять": 5, "пяти": 5, "шесть": 6, "шести": 6, "семь": 7, "семи": 7, "восемь": 8,
          "восьми": 8, "девять": 9, "девяти": 9, "десять": 10, "десяти": 10, "двадцать": 20, "тридцать": 30}
_NUM = r"\d{1,3}(?:[\u00a0\u202f ]\d{3})+(?:,\d+)?|\d+(?:,\d+)?|" + "|".join(sorted(_WORDS, key=len, reverse=True))
_SCALES = {"тыс": 1e3, "тысяч": 1e3, "тысячи": 1e3, "тысяча": 1e3, "млн": 1e6, "миллион": 1e6,
           "миллиона": 1e6, "миллионов": 1e6, "млрд": 1e9, "миллиард": 1e9, "миллиарда": 1e9, "миллиардов": 1e9,
           "трлн": 1e12, "триллион": 1e12, "триллиона": 1e12, "триллионов": 1e12}
_SCALE = r"\s+(?:тыс\.?|тысяч[аи]?|млн\.?|миллион(?:а|ов)?|млрд\.?|миллиард(?:а|ов)?|трлн\.?|триллион(?:а|ов)?)(?!\w)"
# the stem of each unit word: Russian inflects them (военнослужащих, военнослужащие; километров, километра)
_UNITS = [
    ("personnel", r"военнослужащ|человек|солдат|военн(?:ых|ые)|участник|боец|бойц|офицер|ракетчик|десантник|"
                  r"миротвор|специалист|мотострелк|чел\.|моряк|морпех|морск(?:их|ие) пехотинц|пехотинц|"
                  r"пограничник|курсант|л[её]тчик|пилот(?:а|ов|ы)?(?!\w)|спецназовц|сап[её]р|артиллерист|танкист|"
                  r"разведчик|снайпер(?:а|ов|ы)?(?!\w)|инструктор|наблюдател(?:ей|и|я|ь)(?!\w)|гвардейц|резервист|"
                  r"призывник|новобранц|член\w* экипаж|спасател(?:ей|и|я|ь)(?!\w)|сотрудник|матрос"),
    ("km", r"километр|км(?![\w/])"),
    ("exercise", r"учени[йяе]|маневр"),
    ("aircraft", r"самол[её]т|вертол[её]т|истребител|бомбардировщ|штурмовик|летательн"),
    ("ship", r"корабл|суд(?:ов|на)(?!\w)|фрегат|эсминц|эсмин|подлод|подводн(?:ых|ые|ая) лодк|корвет|крейсер|"
             r"катер|тральщик|ледокол|танкер"),
    ("vehicle", r"танк|бронетранспорт[её]р|БТР|боев(?:ых|ые) машин|единиц(?:ы)? (?:военной )?техники|машин"),
    ("target", r"цел(?:ей|и|ь)(?!\w)|мишен"),
    ("day", r"дн(?:я|ей)|день|сут(?:ок|ки)"),
    ("year", r"лет(?!\w)|год(?:а|ов|у|ом)?(?!\w)"),
    ("country", r"стран|государств"),
    ("usd", r"доллар"), ("rub", r"рубл"), ("cny", r"юан"), ("eur", r"евро"),
    ("m3", r"кубометр|куб\.\s*м(?!\w)|кубическ\w+\s+метр"), ("tonne", r"тонн"), ("barrel", r"баррел"),
]
# «увеличить транзит до 3 млн тонн»: after a verb of change «до» gives the new level (raised to), not a bound
_CHANGED_TO = re.compile(r"(?<!\w)(?:увелич|повы[сш]|сократ|сокращ|сниз|сниж|довест|довед|довод|дове[лс]|вырос|выраст|"
                         r"возрос|возраст|нарасти|нараст|подня|уменьш)\w*(?:\s+[^\s\d.;]+){0,8}\s+$", re.I)
_GAP_STOP = "в|во|на|из|и|с|со|по|до|от|для|за|к|ко|у|о|об|при|над|под|а|но|или|раз|чем|как|не|лет|года?|году"
_QUANTITY = re.compile(
    rf"(?<![\w,.-])(?:(?P<approx>{_ABOUT}|{_ABOVE}|{_BELOW})\s+)?(?P<between>от\s+)?"
    rf"(?P<num>{_NUM})(?P<scale>{_SCALE})?"
    rf"(?:\s*(?:-|–|—|(?(between)до|(?!)))\s*(?P<num2>{_NUM})(?P<scale2>{_SCALE})?)?"
    rf"(?P<percent>\s*%|\s+процент\w*)?"
    # up to two modifiers between the number and its unit ("500 российских десантников", "26 воздушных и морских
    # целей"), never another function word or a number: gap and unit are optional together, so the gap reaches
    # as far as the unit
    rf"(?:(?P<gap>(?:\s*-\s*|\s+)(?:(?!(?:{_GAP_STOP})\s)[^\W\d][\w-]*\s+(?:(?:и|или)\s+(?=[^\W\d]))?){{0,2}}?)"
    rf"(?P<unit>(?:{'|'.join(f'(?P<u{i}>{p})' for i, (_, p) in enumerate(_UNITS))})\w*))?",
    re.I,
)
_MONTHS = {"январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
           "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12}
_MONTH = r"(?:январ|феврал|марта?|апрел|ма[яйе]|июн|июл|августа?|сентябр|октябр|ноябр|декабр)[ьяею]?"
_DATE = re.compile(
    rf"(?<!\d)(?:(?<!\w)с\s+)?(?P<d1>\d{{1,2}})(?:\s+(?P<m1>{_MONTH}))?(?:\s*(?:-|–|—|по|до)\s*(?P<d2>\d{{1,2}}))?"
    rf"\s+(?P<m2>{_MONTH})(?!\w)", re.I)
# "ДУШАНБЕ, 9 июня. /Интерфакс/ -": the day a report was filed, not a day it reports on
DATELINE = re.compile(r"^\s*[А-ЯЁ][А-ЯЁ .'-]+,\s*\d{1,2}\s+[а-я]+[^–—-]{0,40}?[-–—]")


def quantities(text: str) -> list[tuple[int, Quantity]]:
    """(start of the number, quantity) for each Russian quantity with a unit we can compare."""
    found = []
    for m in _QUANTITY.finditer(text):
        if m["percent"]:
            kind = "percent"
        elif m["unit"]:
            kind = next(_UNITS[i][0] for i in range(len(_UNITS)) if m[f"u{i}"])
        else:
            continue
        if kind == "year" and len(m["num"]) == 4 and (not m["approx"] or (
                m["unit"].lower().startswith("год") and re.fullmatch(r"(?:19|20)\d\d", m["num"]))):
            continue  # "2012 года", «до 2042 года»: a year, not a duration (a bound is read by years.py)
        value = _number(m["num"], m["scale"] or m["scale2"])   # "от 5 до 7 млрд": both in billions
        high = _number(m["num2"], m["scale2"] or m["scale"]) if m["num2"] else value
        approx = (m["approx"] or "").lower()
        if approx == "до" and _CHANGED_TO.search(text[max(0, m.start() - 80):m.start()]):
            approx = ""
        low, high = widen(value, high, approx.replace("ок.", "около"), _ABOVE, _BELOW)
        found.append((m.start("num"), Quantity(" ".join(m.group().split()), value, approx or None, kind, low, high)))
    return found


def dates(text: str) -> list[tuple[int, int, int, int, str, tuple[int, int]]]:
    """(month1, day1, month2, day2, as written, span) for each Russian day or day range."""
    found = []
    for m in _DATE.finditer(text):
        m2 = _month(m["m2"])
        m1 = _month(m["m1"]) if m["m1"] else m2
        d1 = int(m["d1"])
        d2 = int(m["d2"]) if m["d2"] else d1
        found.append((m1, d1, m2, d2, " ".join(m.group().split()), m.span()))
    return found


def _number(raw: str, scale: str | None) -> float:
    word = raw.lower()
    value = float(_WORDS[word]) if word in _WORDS else float(re.sub(r"[\s\u00a0\u202f]", "", raw).replace(",", "."))
    return value * (_SCALES[scale.strip().rstrip(".").lower()] if scale else 1.0)


def _month(word: str) -> int:
    word = word.lower()
    for stem, month in sorted(_MONTHS.items(), key=lambda kv: -len(kv[0])):
        if word.startswith(stem):
            return month
    raise ValueError(word)
