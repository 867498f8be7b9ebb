"""Places a text names, and those it names as where something happened (venues), in any script: the
gazetteer (slots/data/places.yaml, extendable) with each place's `in`, so "at the Kant airbase" agrees with
"in Kyrgyzstan", and a port's `sea`, so "off Qingdao" agrees with "in the Yellow Sea".

The gazetteer holds some 2,700 names; one alternation of them all, tried at every position of a text, read a
passage's places in 0.2 s (the challenge set's texts), the lookup here in 0.12 ms: each alias is filed under
the first letters of its first word (a Chinese one under its first character), and only the aliases filed
under a word's first letters are tried where that word starts."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from sourcecheck.core.aliases import alias_table
from sourcecheck.core.settings import current_settings
from sourcecheck.slots.alias_matcher import is_cyrillic, is_han

_VENUE_BEFORE = re.compile(
    r"\b(?:in|at|near|outside|inside|over|across|on|off|around|throughout|within)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$"
    r"|(?<!\w)(?:в|во|на|под|над|близ|вблизи|возле|около|у|недалеко\s+от|неподал[её]ку\s+от|в\s+окрестностях)"
    r"\s+(?:[\w-]+\s+){0,3}$"
    r"|(?:(?<![存现所实])在|(?<![关由对至属等鉴基])于|赴|(?<![受得达提谈涉感看听遇想])到|抵达|飞抵|前往|访问|停靠|驶入)"
    r"[^，。、；\s]{0,8}$", re.I)
# Words between the preposition and the place that make the place no venue: "in talks with Kazakhstan", "on
# behalf of Russia", "at the invitation of China", "в переговорах с Китаем", "在与俄罗斯会谈时".
_NOT_VENUE_BETWEEN = re.compile(r"\b(?:with|by|from|to|for|against|between|behalf|invitation|request|"
                                r"relations|talks|ties|cooperation|support|sanctions)\b"
                                r"|(?<!\w)(?:с|со|от|из|для|против|между|переговор\w*|отношени\w*|сотрудничеств\w*)"
                                r"(?!\w)|[与同跟对向就]|提到|谈到|讲话|表示|指出|认为|声称", re.I)
# A preposition another word governs: "sanctions on Russia", "aimed at China", "talks on Afghanistan", "tensions
# over Taiwan", "security in Central Asia" (what is talked about, not where), "давление на Китай".
_GOVERNED = re.compile(r"\b(?:sanctions|talks|pressure|focus|position|stance|views?|report|statement|consultations|"
                       r"attacks?|strikes?|tariffs|influence|dependence|reliance|embargo|ban|emphasis|war|agreement|"
                       r"deal|remarks|comments?|briefing)\s+on$|\b(?:aimed|directed|targeted|look|looked|looking|"
                       r"jab|swipe|angry)\s+at$|\b(?:tensions?|disputes?|row|talks|clash(?:es)?|conflict|concerns?|worries|"
                       r"standoff|war|fight|spat|quarrel)\s+over$|\b(?:security|stability|situation|perspectives?|views?|"
                       r"opinions?|attitudes?|interests?|influence|peace|terrorism|extremism|separatism|debate)\s+in$|"
                       r"(?<!\w)(?:безопасност\w*|стабильност\w*|ситуаци\w*|обстановк\w*|интерес\w*)\s+в$|(?<!\w)(?:давлени\w*|влияни\w*|нападени\w*|атак\w*|удар\w*|"
                       r"санкци\w*|ответ\w*|взгляд\w*|ставк\w*)\s+на$", re.I)
# A venue coordinated with the one before it ("over the Sea of Japan and the East China Sea", "в Москве и Пекине"),
# or in Chinese the narrower place right after it (在俄罗斯车里雅宾斯克州切巴尔库尔, 在山东省青岛市).
_COORDINATED = re.compile(r"\s*(?:,|and|or|и|или|и\s+в|и\s+на|和|及|与|、|以及)\s*(?:the\s+)?(?:в|во|на)?\s*$"
                          r"|(?:省|市|州|县|区|自治区|地区|的)?$", re.I)
# Organisations and agreements named after a place: "Shanghai Cooperation Organization" is no place. In
# English the rule is a capitalised word after the name (unless it names a kind of place: "Kant Air Base") or
# one of these words; Russian writes the adjective (Шанхайская, астанинский формат: not matched), Chinese these.
_ORGANISATIONS_ZH = re.compile(r"上海合作组织|上合组织|上合|上海精神|上海五国")
_PLACE_KIND = frozenset(
    "air airbase airfield base naval range training testing test proving port harbour harbor region oblast "
    "province krai kray district airport pass city prefecture autonomous bay island islands peninsula valley "
    "mountains gorge lake river strait sea gulf ocean county republic territory".split())
_NOT_PLACE_AFTER = re.compile(r"\s*(?:format|process|agreements?|accords?|declaration|protocol|treaty|formula|"
                              r"communiqu[eé]|charter|consensus|initiative|platform|-based|-born|-made)\b", re.I)
_NOT_PLACE_BEFORE = re.compile(r"(?:\b(?:format|process)\s+(?:of\s+)?|(?<!\w)(?:формат\w*|процесс\w*)\s+)[«\"“]?$",
                               re.I)
_NOT_PLACE_AFTER_ZH = re.compile(r"进程|模式|格式|宣言|协议|公约|条约|精神|舰队|机制|合作组织|五国|时间")
_EDITION = re.compile(r"\s*[-–—]?\s*(?:19|20)\d\d(?!\d)")   # an exercise's edition: Caucasus 2020, Vostok-2018
_DIRECTIONS_ZH = "以东西南北"

# Russian declension: each word of a name may lose its nominative ending and take one of a closed list
# (Москв-а, -ы, -е, -у, -ой; Японск-ое, -ого, -им; мор-е, -я, -ем), not "any three letters": Балтийск (the
# port) must not match Балтийского флота (the fleet).
_ADJECTIVE_ENDINGS = ("ий|ый|ой|ая|яя|ое|ее|ого|его|ому|ему|ом|ем|ую|юю|им|ым|ей|ие|ые|их|ых|ими|ыми")
_GENERIC_RU = {"море": "мор(?:е|я|ю|ем|ях)", "озеро": "озер(?:о|а|у|е|ом)"}
_ADJECTIVE_NOMINATIVE = ("ий", "ый", "ой", "ая", "яя", "ое", "ее", "ые", "ие")


def _russian_word(word: str) -> str:
    """A word of a Russian name with its case endings: an adjective's (Японское: Японского, Японским), a noun's
    by its nominative (Москва: Москвы; Пермь: Перми; Казахстан: Казахстане; Барановичи: Барановичах). Names in
    -е, -о, -у, -э are not declined (в Душанбе, в Баку), nor the plural -ы of Мары (not Марии)."""
    lower = word.lower()
    if lower in _GENERIC_RU:
        return _GENERIC_RU[lower]
    if len(word) > 4 and lower.endswith(_ADJECTIVE_NOMINATIVE):
        stem, endings = word[:-2], _ADJECTIVE_ENDINGS
    elif len(word) > 4 and lower.endswith(("ево", "ово")):
        stem, endings = word[:-1], "о|а|у|ом|ым|ой|ы|ых"
    elif lower.endswith("ье"):
        stem, endings = word[:-1], "е|я|ю|ем|и"
    elif len(word) > 2 and lower[-1] in "ая":
        stem, endings = word[:-1], "а|я|ы|и|е|у|ю|ой|ей|ою|ею|ии|ию|ией"
    elif len(word) > 2 and lower[-1] in "ьй":
        stem, endings = word[:-1], "ь|й|я|ю|е|и|ем|ём|ью|ей"
    elif len(word) > 2 and lower[-1] in "ыи":
        stem, endings = word[:-1], "ы|и|ах|ях|ам|ям|ами|ями|ов|ев|ей"
    elif lower[-1] in "еоуэюё":
        stem, endings = word, ""
    else:
        stem, endings = word, "а|у|е|ом|ы|ов|ах|ам|ами|и"
    pattern = re.sub(r"[её]", "[её]", re.escape(stem))
    return pattern + f"(?:{endings})?" if endings else pattern


def place_regex(alias: str) -> re.Pattern:
    """The pattern that matches `alias` where a word starts: Chinese as written; Russian with each word's
    case endings (и в Ленинградской области, над Японским морем), ё written or not; others as written."""
    if is_han(alias):
        return re.compile(re.escape(alias))
    if is_cyrillic(alias):
        words = [_russian_word(w) for w in alias.split()]
        return re.compile(r"\s+".join(words) + r"(?![\w-])", re.I)
    return re.compile(r"\s+".join(re.escape(w) for w in alias.split()) + r"(?![\w-])", re.I)


def _key(text: str) -> str:
    """Where an alias is filed, and where a word of running text looks: its first character if Chinese, else
    its first three letters, lower-case, ё as е."""
    if is_han(text[:1]):
        return text[:1]
    return text[:3].lower().replace("ё", "е")


@dataclass(frozen=True)
class PlaceMatcher:
    """Finds any alias of the gazetteer; `find` yields (start, end, canonical name, alias as written)."""

    filed: dict[str, list[tuple[re.Pattern, str]]]   # key -> (pattern, canonical), longest alias first

    @classmethod
    def of(cls, aliases: dict[str, str]) -> PlaceMatcher:
        filed: dict[str, list[tuple[re.Pattern, str]]] = defaultdict(list)
        for alias in sorted(aliases, key=len, reverse=True):
            first = alias.split()[0] if not is_han(alias) else alias
            stem = re.sub(r"(?:ий|ый|ая|ое|[аяоеийьыу])$", "", first) if is_cyrillic(first) else first
            filed[_key(stem if len(stem) >= 2 else first)].append((place_regex(alias), aliases[alias]))
        return cls(dict(filed))

    def find(self, text: str) -> Iterator[tuple[int, int, str, str]]:
        position = 0
        for start in _starts(text):
            if start < position:
                continue
            best = None
            head = _key(text[start:])
            for key in {head, head[:2], head[:1]}:
                for pattern, place in self.filed.get(key, ()):
                    m = pattern.match(text, start)
                    if m and (best is None or m.end() > best[1]):
                        best = (start, m.end(), place, m.group())
            if best:
                position = best[1]
                yield best


def _starts(text: str) -> Iterator[int]:
    """Every Chinese character and the start of every other word."""
    for m in re.finditer(r"[\u4e00-\u9fff]|(?<![\w-])\w", text):
        yield m.start()


@dataclass(frozen=True)
class Gazetteer:
    matcher: PlaceMatcher
    names: frozenset[str]                 # every alias, case-folded
    parents: dict[str, str]               # place -> its container (`in`)
    seas: dict[str, str]                  # port or coast -> the sea it lies on (`sea`)


@lru_cache(maxsize=2)
def _gazetteer(extra: str) -> Gazetteer:
    table = alias_table(resources.files("sourcecheck.slots").joinpath("data/places.yaml"), extra, "places file",
                        keys=("in", "sea"))
    names = {alias: entry.name for entry in table for alias in entry.names}
    parents = {entry.name: entry.keys["in"] for entry in table if entry.keys.get("in")}
    seas = {entry.name: entry.keys["sea"] for entry in table if entry.keys.get("sea")}
    return Gazetteer(PlaceMatcher.of(names), frozenset(n.casefold() for n in names), parents, seas)


def places_in(text: str) -> tuple[set[str], set[str]]:
    """(venues, places): the gazetteer's places `text` names, and those it names after "in", "at", "off", "в",
    "у берегов", "在"..., or coordinated with such a venue ("over the Sea of Japan and the East China Sea")."""
    gazetteer = _gazetteer(current_settings().places)
    text = _ORGANISATIONS_ZH.sub(lambda m: "·" * len(m.group()), text)
    venues, places = set(), set()
    last_venue_end = -1
    for start, end, place, written in gazetteer.matcher.find(text):
        if not _names_a_place(text, start, end, written, gazetteer.names):
            continue
        places.add(place)
        if _after_venue_preposition(text[max(0, start - 60): start]):
            venues.add(place)
            last_venue_end = end
        elif last_venue_end >= 0 and _COORDINATED.fullmatch(text[last_venue_end:start]):
            venues.add(place)
            last_venue_end = end
    return venues, places


def _after_venue_preposition(before: str) -> bool:
    """Whether `before` ends in a preposition of place and at most three words (in the Kazakh capital, у
    берегов, 在广东) none of which tells another relation (in talks with, at the invitation of)."""
    at = 0
    while (venue := _VENUE_BEFORE.search(before, at)) is not None:
        found = venue.group()
        words = [found[:1], found[1:]] if is_han(found[:1]) else found.split(maxsplit=1)
        if (len(words) < 2 or not _NOT_VENUE_BETWEEN.search(words[1])) \
                and not _GOVERNED.search(before, 0, venue.start() + len(words[0])):
            return True
        at = venue.start() + 1
    return False


def _names_a_place(text: str, start: int, end: int, written: str, names: frozenset[str]) -> bool:
    """Whether the name found at text[start:end] is the place, not an organisation, agreement or format named
    after it (the Shanghai Cooperation Organization, the Astana format, 阿斯塔纳进程, 北海舰队) nor a
    direction word (以东海空域: "the sea and air east of", not the East China Sea)."""
    if _NOT_PLACE_BEFORE.search(text[max(0, start - 20): start]) or _EDITION.match(text, end):
        return False
    if is_han(written):
        if _NOT_PLACE_AFTER_ZH.match(text, end):
            return False
        sea = len(written) == 2 and written.endswith("海")
        return not (sea and (text[end:end + 1] == "域" or (start and text[start - 1] in _DIRECTIONS_ZH)))
    if not any(word[:1].isupper() for word in written.split()) or _NOT_PLACE_AFTER.match(text, end):
        return False
    following = re.match(r"\s+([A-Z][\w-]*)", text[end:])
    return not following or following.group(1).casefold() in names or following.group(1).casefold() in _PLACE_KIND


def place_parents() -> dict[str, str]:
    """Each place's container from the gazetteer's `in` (Kant -> Kyrgyzstan). Read once per comparison: reading
    the settings for each place made a comparison of a few places 2.6 times slower (152 against 58 us)."""
    return _gazetteer(current_settings().places).parents


def place_seas() -> dict[str, str]:
    """Each port's or coast's sea from the gazetteer's `sea` (Qingdao -> Yellow Sea)."""
    return _gazetteer(current_settings().places).seas


def with_parents(place: str, parents: dict[str, str]) -> set[str]:
    """A place and the places that contain it (Kant -> Kyrgyzstan)."""
    found = {place}
    while place in parents and parents[place] not in found:
        place = parents[place]
        found.add(place)
    return found


def same_place(one: str, other: str, parents: dict[str, str], seas: dict[str, str]) -> bool:
    """One place contains the other (Kant and Kyrgyzstan), or one is a port or coast on the other sea or on a
    sea inside it (off Qingdao and the Yellow Sea, Saint Petersburg and the Baltic). Two places in the same
    country are not the same place (Almaty and Astana)."""
    return one in _around(other, parents, seas) or other in _around(one, parents, seas)


def _around(place: str, parents: dict[str, str], seas: dict[str, str]) -> set[str]:
    """The place, its containers, and the seas it or a container lies on with theirs."""
    found = with_parents(place, parents)
    return found.union(*(with_parents(seas[p], parents) for p in found if p in seas))
