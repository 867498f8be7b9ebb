"""The gazetteer and the venues read from it (issue 24): places in English, Russian and Chinese, the forms that
name a venue ("off Qingdao", "у берегов", "在...以东海空域"), containment, and the names that are no venue."""

from importlib import resources

import pytest

from sourcecheck.core.aliases import alias_table
from sourcecheck.slots import slots_of
from sourcecheck.slots.compare import compare_slots
from sourcecheck.slots.places import place_parents, place_seas, places_in, same_place


def _compare(claim: str, source: str):
    return compare_slots(slots_of(claim), slots_of(source), slots_of(source))


def _verdict(claim: str, source: str) -> str:
    result = _compare(claim, source)
    if result.mismatches:
        return "mismatch"
    return "agree" if result.agreements else "missing" if result.missing else "none"


@pytest.mark.parametrize("text, venue", [
    ("The summit was held in Almaty.", "Almaty"),
    ("The summit was held in Alma-Ata.", "Almaty"),
    ("Саммит прошёл в Алма-Ате.", "Almaty"),
    ("Саммит прошёл в Алматы.", "Almaty"),
    ("峰会在阿拉木图举行。", "Almaty"),
    ("Leaders met in Nur-Sultan.", "Astana"),
    ("Лидеры встретились в Нур-Султане.", "Astana"),
    ("Ships arrived in St. Petersburg.", "Saint Petersburg"),
    ("Ships arrived in St Petersburg.", "Saint Petersburg"),
    ("Корабли прибыли в Санкт-Петербург.", "Saint Petersburg"),
    ("舰艇抵达圣彼得堡。", "Saint Petersburg"),
    ("The talks were held in Bishkek.", "Bishkek"),
    ("Переговоры прошли в Бишкеке.", "Bishkek"),
    ("The CSTO summit was held in Yerevan.", "Yerevan"),
    ("Саммит ОДКБ прошёл в Ереване.", "Yerevan"),
    ("The expo opened in Harbin.", "Harbin"),
    ("博览会在叶卡捷琳堡开幕。", "Yekaterinburg"),
    ("Выставка открылась в Екатеринбурге.", "Yekaterinburg"),
    ("Drills took place at the Chebarkul range.", "Chebarkul"),
    ("Учения прошли на полигоне Чебаркуль.", "Chebarkul"),
    ("Учения прошли на полигоне Донгуз.", "Donguz"),
    ("演习在朱日和训练基地举行。", "Zhurihe"),
    ("Aircraft landed at the Ayni airfield.", "Ayni"),
    ("Troops trained near Korla.", "Korla"),
    ("Учения прошли в Ленинградской области.", "Leningrad Oblast"),
    ("Construction began near the city of Mary.", "Mary"),
    ("Строительство началось под Ашхабадом.", "Ashgabat"),
])
def test_a_place_named_as_where_something_happened_in_any_script(text, venue):
    assert venue in places_in(text)[0]


@pytest.mark.parametrize("text, venues", [
    ("The exercise began off Qingdao.", {"Qingdao"}),
    ("The ships sailed off the coast of Vladivostok.", {"Vladivostok"}),
    ("Bombers flew over the Barents Sea.", {"Barents Sea"}),
    ("Bombers patrolled over the Sea of Japan and the East China Sea.", {"Sea of Japan", "East China Sea"}),
    ("The drill was held in the Primorye region.", {"Primorsky Krai"}),
    ("Учения начались у берегов Циндао.", {"Qingdao"}),
    ("Учения прошли в районе Владивостока.", {"Vladivostok"}),
    ("Бомбардировщики пролетели над Баренцевым морем.", {"Barents Sea"}),
    ("Корабли вошли в акваторию Японского моря и Охотского моря.", {"Sea of Japan", "Sea of Okhotsk"}),
    ("演习在广东湛江以东海空域开始。", {"Guangdong", "Zhanjiang"}),                       # 以东: east of, no sea
    ("轰炸机在日本海和东海海域上空执行巡航。", {"Sea of Japan", "East China Sea"}),
    ("演习在南海海域举行。", {"South China Sea"}),
    ("演习在俄罗斯车里雅宾斯克州切巴尔库尔训练场举行。", {"Russia", "Chelyabinsk Oblast", "Chebarkul"}),
    ("会议在山东省青岛市举行。", {"Shandong", "Qingdao"}),
])
def test_venue_forms_of_the_sea_and_the_coast(text, venues):
    assert places_in(text)[0] == venues


@pytest.mark.parametrize("text", [
    "A Moscow-based company signed the deal.",
    "The Shanghai Cooperation Organization met.",
    "The Shanghai Cooperation Organisation met in the Kazakh capital.",
    "Talks in the Astana format resumed.",
    "The Astana format talks resumed.",
    "They signed the Tashkent Declaration.",
    "Stalled talks on the Minsk agreements resumed.",
    "Troops took part in Caucasus 2020.",
    "The Black Sea Fleet sailed.",
    "上海合作组织峰会开幕。",
    "在阿斯塔纳进程框架下举行会谈。",
    "北海舰队的舰艇出港。",
    "переговоры в астанинском формате",
    "по Минским соглашениям",
    "Шанхайская организация сотрудничества",
    "с участием Марии Захаровой",
])
def test_names_after_a_place_are_no_venue(text):
    assert not places_in(text)[0]


@pytest.mark.parametrize("text", [
    "The US imposed sanctions on Russia.",
    "The drills were aimed at China.",
    "Moscow is in talks with Kazakhstan.",
    "The minister came at the invitation of China.",
    "Давление на Китай растёт.",
    "Tensions over Taiwan rose.",
    "The goal was to guarantee security in Central Asia.",                   # a topic, not where it happened
    "Обсуждалась ситуация в Афганистане.",
    "中方在与俄罗斯会谈时表示支持。",
    "他在讲话中提到中国。",
    "Moscow was represented by aircraft.",
])
def test_a_place_governed_by_another_word_is_no_venue(text):
    assert not places_in(text)[0]


@pytest.mark.parametrize("claim, source, verdict", [
    ("Leaders met in Almaty.", "Leaders met in the Kazakh capital Astana.", "mismatch"),    # one country
    ("Leaders met in Almaty.", "Лидеры встретились в Алма-Ате.", "agree"),
    ("Leaders met in Almaty.", "领导人在阿拉木图会晤。", "agree"),
    ("Leaders met in Alma-Ata.", "Лидеры встретились в Алматы.", "agree"),
    ("Leaders met in Almaty.", "Leaders met in Kazakhstan.", "agree"),                      # a city in its country
    ("Leaders met in Kazakhstan.", "Leaders met in Almaty.", "agree"),
    ("The drill was held at Matybulak.", "The drill was held in Kazakhstan.", "agree"),     # through a region
    ("Ships arrived in Saint Petersburg.", "Ships arrived in Baltiysk.", "mismatch"),
    ("Ships arrived in Saint Petersburg.", "Корабли прибыли в Санкт-Петербург.", "agree"),
    ("The drill began off Qingdao.", "演习在广东湛江以东海空域开始。", "mismatch"),
    ("The drill began off Qingdao.", "The drill began in the Yellow Sea.", "agree"),          # a port on its sea
    ("The drill began off Zhanjiang.", "The drill began in the South China Sea.", "agree"),
    ("The drill began in the Yellow Sea.", "The drill began off Zhanjiang.", "mismatch"),
    ("Bombers flew over the Barents Sea.", "Bombers flew over the Sea of Japan and the East China Sea.", "mismatch"),
    ("Bombers flew over the Sea of Japan.", "Bombers flew over the Sea of Japan and the East China Sea.", "agree"),
    ("Bombers flew over the Sea of Japan.", "Бомбардировщики пролетели над Японским морем.", "agree"),
    ("Bombers flew over the Sea of Japan.", "轰炸机在日本海上空巡航。", "agree"),
    ("The summit was held in Yerevan.", "The summit was held in Astana.", "mismatch"),
    ("The expo opened in Harbin.", "博览会在叶卡捷琳堡开幕。", "mismatch"),
    ("The expo opened in Harbin.", "Выставка открылась в Харбине.", "agree"),
    ("The expo opened in Harbin.", "The expo opened in China.", "agree"),
    ("The summit opened in Qingdao.", "The summit opened in the coastal city of Qingdao.", "agree"),
    ("The pipeline was begun near Ashgabat.", "The pipeline was begun near the city of Mary.", "mismatch"),
    ("Troops exercised in China's Xinjiang.", "Troops exercised in Tibet.", "mismatch"),       # the narrower place
    ("Troops exercised in China's Xinjiang.", "Troops exercised near Korla.", "agree"),
    ("The exercise was held in Tajikistan.", "The SCO met in Astana format talks.", "missing"),
])
def test_places_compare_by_containment_not_by_a_shared_country(claim, source, verdict):
    assert _verdict(claim, source) == verdict


def test_parents_and_seas_of_the_gazetteer():
    parents, seas = place_parents(), place_seas()
    assert same_place("Kant", "Kyrgyzstan", parents, seas)
    assert same_place("Chorukh-Dayron", "Tajikistan", parents, seas)
    assert same_place("Saint Petersburg", "Baltic Sea", parents, seas)   # on the Gulf of Finland, in the Baltic
    assert not same_place("Almaty", "Astana", parents, seas)
    assert not same_place("Qingdao", "Zhanjiang", parents, seas)
    assert not same_place("Barents Sea", "Sea of Japan", parents, seas)
    assert "in" not in {key for key in parents if key in ("Russia", "China", "Kazakhstan")}   # countries stand alone


def test_every_container_and_sea_is_a_place_of_the_gazetteer():
    table = alias_table(resources.files("sourcecheck.slots").joinpath("data/places.yaml"), "", "places file",
                        keys=("in", "sea"))
    names = [entry.name for entry in table]
    assert len(names) == len(set(names)) and len(names) > 600
    assert {e.keys[k] for e in table for k in ("in", "sea") if k in e.keys} <= set(names)
    owners = {}
    for entry in table:
        for alias in entry.names:
            assert owners.setdefault(alias, entry.name) == entry.name, alias   # an alias names one place


def test_an_extra_places_file_extends_the_gazetteer(tmp_path, monkeypatch):
    extra = tmp_path / "places.yaml"
    extra.write_text("- {name: Exampleton, aliases: [Экзамплтон, 例城], in: Kazakhstan, sea: Caspian Sea}\n",
                     encoding="utf-8")
    monkeypatch.setenv("SOURCECHECK_PLACES", str(extra))
    assert places_in("The drill was held in Экзамплтоне.")[0] == {"Exampleton"}
    assert same_place("Exampleton", "Caspian Sea", place_parents(), place_seas())
    assert same_place("Exampleton", "Kazakhstan", place_parents(), place_seas())
