"""The slot readers of issue 25 (Russian and Chinese sources judged as strictly as English ones): magnitudes and
units in every language (bcm, млрд кубометров, 亿立方米, тонн, 吨, баррелей, 桶), ranges and approximators,
relative dates in Russian and Chinese resolved against the report's day, names across scripts (Palladius,
Chinese transcription of Russian names), the year a Russian or Chinese passage puts its event in, and the most
specific venue of a sentence."""

import datetime as dt

import pytest

from sourcecheck.slots import slots_of
from sourcecheck.slots.compare import compare_slots
from sourcecheck.slots.people import names_person, palladius, skeleton
from sourcecheck.slots.relative import report_date, resolved_text
from sourcecheck.slots.roles import differing_holders, same_person


def _only(text: str):
    quantities = slots_of(text).quantities
    assert len(quantities) == 1, quantities
    return quantities[0]


def _compare(claim: str, passage: str, claim_day: dt.date | None = None, passage_day: dt.date | None = None):
    read = slots_of(passage, passage_day)
    return compare_slots(slots_of(claim, claim_day), read, read)


@pytest.mark.parametrize("text, unit, low, high", [
    ("38 billion cubic meters of gas a year", "m3", 38e9, 38e9),
    ("38 bcm of gas", "m3", 38e9, 38e9),
    ("about 2.5 tcm of reserves", "m3", 2.25e12, 2.75e12),
    ("between 5 and 7 billion cubic meters", "m3", 5e9, 7e9),
    ("3 mln tonnes of oil", "tonne", 3e6, 3e6),
    ("1.2 million bpd", "barrel", 1.2e6, 1.2e6),
    ("38 млрд кубометров газа", "m3", 38e9, 38e9),
    ("38 млрд куб. м газа", "m3", 38e9, 38e9),
    ("от 5 до 7 млрд кубометров", "m3", 5e9, 7e9),
    ("около 2,5 трлн кубометров", "m3", 2.25e12, 2.75e12),
    ("4 тыс. тонн пшеницы", "tonne", 4e3, 4e3),
    ("1,2 млн баррелей нефти", "barrel", 1.2e6, 1.2e6),
    ("свыше 24 млн тонн угля", "tonne", 24e6, float("inf")),
    ("380亿立方米天然气", "m3", 38e9, 38e9),
    ("50亿至70亿立方米", "m3", 5e9, 7e9),
    ("约2.5万亿立方米", "m3", 2.25e12, 2.75e12),
    ("2400万吨煤炭", "tonne", 24e6, 24e6),
    ("超过300万吨", "tonne", 3e6, float("inf")),
    ("原油120万桶", "barrel", 1.2e6, 1.2e6),
])
def test_magnitudes_and_units_in_every_language(text, unit, low, high):
    q = _only(text)
    assert (q.unit, q.low, q.high) == (unit, pytest.approx(low), pytest.approx(high))


@pytest.mark.parametrize("claim, passage, agrees", [
    ("supply 38 billion cubic meters of gas", "поставки 38 млрд кубометров газа", True),
    ("supply 38 bcm of gas", "供应380亿立方米天然气", True),
    ("supply 38 billion cubic meters of gas", "поставки 30 млрд кубометров газа", False),
    ("supply 38 bcm of gas", "供应300亿立方米天然气", False),
    ("exported 24 million tonnes of coal", "экспортировала 32 млн тонн угля", False),
    ("between 5 and 7 billion cubic meters", "от 5 до 7 млрд кубометров", True),
    ("about 2.5 trillion cubic meters", "约2.5万亿立方米", True),
])
def test_volumes_compare_across_languages(claim, passage, agrees):
    compared = _compare(claim, passage)
    assert bool(compared.agreements) == agrees and bool(compared.mismatches) == (not agrees)


@pytest.mark.parametrize("text, low, high", [
    ("договорились увеличить транзит нефти по трубопроводу до 5 млн тонн в год", 5e6, 5e6),   # raised to
    ("сократить контингент до 500 военнослужащих", 500, 500),
    ("в учениях примут участие до 700 военнослужащих", 0, 700),                              # up to
])
def test_russian_do_after_a_verb_of_change_is_the_new_level(text, low, high):
    q = _only(text)
    assert (q.low, q.high) == (low, high)


FRIDAY = dt.date(2014, 5, 23)


@pytest.mark.parametrize("text, resolved", [
    ("«Газпром» и CNPC вчера подписали контракт", "«Газпром» и CNPC 22 мая подписали контракт"),
    ("Вчера в Пекине подписали", "22 мая в Пекине подписали"),
    ("подписали в четверг в Шанхае", "подписали 22 мая в Шанхае"),
    ("подписали сегодня", "подписали 23 мая"),
    ("позавчера прибыли", "21 мая прибыли"),
    ("делегация будет в Москве во вторник", "делегация будет в Москве 27 мая"),
    ("на прошлой неделе", "с 12 по 18 мая"),
    ("昨天，中俄在上海签署", "5月22日，中俄在上海签署"),
    ("周四在北京签署", "5月22日在北京签署"),
    ("星期一抵达", "5月19日抵达"),
    ("上周四签署", "5月15日签署"),
    ("将于周二抵达", "将于5月27日抵达"),
    ("本周举行", "5月19日至23日举行"),
    ("今日俄罗斯报道", "今日俄罗斯报道"),          # RT's name, not "today"
])
def test_russian_and_chinese_relative_dates_resolve_against_the_report(text, resolved):
    assert resolved_text(text, FRIDAY) == resolved


@pytest.mark.parametrize("passage, day, differs", [
    ("«Газпром» и CNPC вчера подписали в Шанхае контракт.", dt.date(2014, 5, 22), False),
    ("«Газпром» и CNPC вчера подписали в Шанхае контракт.", dt.date(2014, 5, 24), True),
    ("周三，中俄在上海签署合同。", dt.date(2014, 5, 23), False),
    ("周五，中俄在上海签署合同。", dt.date(2014, 5, 25), True),
])
def test_a_relative_day_is_compared_with_the_claims_day(passage, day, differs):
    compared = _compare("Gazprom and CNPC signed the contract in Shanghai on May 21", passage, FRIDAY, day)
    assert any(m.startswith("date") for m in compared.mismatches) == differs


def test_russian_and_chinese_datelines_date_the_report():
    stored = dt.date(2014, 5, 22)
    assert report_date("ПЕКИН, 21 мая. /ТАСС/. Вчера подписали", stored) == dt.date(2014, 5, 21)
    assert report_date("新华社上海5月21日电 昨天签署", stored) == dt.date(2014, 5, 21)
    assert report_date("Вчера подписали", stored) == stored


@pytest.mark.parametrize("pinyin, cyrillic", [
    ("Gao Xiang", "Гао Сян"), ("Zhang Ming", "Чжан Мин"), ("Zheng Zeguang", "Чжэн Цзэгуан"),
    ("Li Hui", "Ли Хуэй"), ("Sun Weidong", "Сунь Вэйдун"), ("Ma Zhaoxu", "Ма Чжаосюй"),
    ("Liu Zhenmin", "Лю Чжэньминь"), ("Zhang Yesui", "Чжан Есуй"), ("Ci Guowei", "Цы Говэй"),
])
def test_palladius_writes_a_chinese_name_as_russian_copy_does(pinyin, cyrillic):
    assert palladius(pinyin) == cyrillic


def test_a_russian_name_is_no_pinyin():
    assert palladius("Igor Morgulov") is None
    assert palladius("Sergei Shoigu") is None


@pytest.mark.parametrize("latin, han, same", [
    ("Morgulov", "莫尔古洛夫", True), ("Rudenko", "鲁登科", True), ("Antonov", "安东诺夫", True),
    ("Pankov", "潘科夫", True), ("Morgulov", "瑟罗莫洛托夫", False), ("Rudenko", "里亚布科夫", False),
])
def test_a_russian_surname_keeps_its_consonants_in_chinese(latin, han, same):
    from sourcecheck.slots.people import pinyin_of

    assert (skeleton(latin) == skeleton(pinyin_of(han))) == same


@pytest.mark.parametrize("text, person, named", [
    ("Заместитель министра иностранных дел КНР Гао Сян провел переговоры.", "Gao Xiang", True),
    ("Заместитель министра иностранных дел КНР Ли Хуэй провел переговоры.", "Gao Xiang", False),
    ("俄罗斯外交部副部长莫尔古洛夫在北京举行会谈。", "Igor Morgulov", True),
    ("俄罗斯外交部副部长瑟罗莫洛托夫在北京举行会谈。", "Igor Morgulov", False),
])
def test_people_are_named_across_scripts(text, person, named):
    assert names_person(text, person) == named


@pytest.mark.parametrize("claim, passage, differs", [
    ("Chinese Deputy Foreign Minister Zhang Ming visited Tashkent",
     "Заместитель министра иностранных дел КНР Чжан Мин посетил Ташкент.", []),
    ("Chinese Deputy Foreign Minister Zhang Ming visited Tashkent",
     "Заместитель министра иностранных дел КНР Ли Баодун посетил Ташкент.", ["claim Zhang Ming, source Li Baodun"]),
    ("Russian Deputy Foreign Minister Igor Morgulov held talks", "俄罗斯外交部副部长莫尔古洛夫在北京举行会谈。", []),
    ("Russian Deputy Foreign Minister Igor Morgulov held talks",
     "俄罗斯外交部副部长伊戈尔·莫尔古洛夫在北京举行会谈。", []),
    ("Russian Deputy Defense Minister Alexander Fomin held talks", "俄罗斯国防部副部长潘科夫在北京举行会谈。",
     ["claim Alexander Fomin, source Pan Kefu"]),
    ("Chinese Deputy Foreign Minister Kong Xuanyou arrived", "中国外交部副部长王超抵达阿斯塔纳。",
     ["claim Kong Xuanyou, source Wang Chao"]),
])
def test_a_role_held_by_another_person_across_scripts(claim, passage, differs):
    found = differing_holders(slots_of(claim).roles, slots_of(passage).roles, passage)
    assert found == [f"person: {d}" for d in differs]


def test_a_palladius_spelling_is_the_same_person():
    assert same_person("Zhang Hanhui", "Chzhan Khankhuey")
    assert not same_person("Zhang Hanhui", "Lo Chzhaokhuey")


CLAIM_2014 = "Gazprom and CNPC signed a contract in Shanghai on May 21 for 38 billion cubic meters of gas a year"


@pytest.mark.parametrize("passage, another", [
    ("В 2009 году «Газпром» и CNPC подписали соглашение о поставках 68 млрд кубометров газа.", True),
    ("2009年，中俄两国能源企业签署框架协议，每年供应680亿立方米天然气。", True),
    ("«Газпром» и CNPC 21 мая подписали в Шанхае контракт на 38 млрд кубометров газа в год.", False),
    ("В мае 2014 года «Газпром» и CNPC подписали контракт на 38 млрд кубометров газа.", False),
    ("至2042年，俄方每年供应380亿立方米天然气。", False),     # a bound, not the year of the event
])
def test_a_russian_or_chinese_passage_in_another_year_is_another_event(passage, another):
    compared = _compare(CLAIM_2014, passage, dt.date(2014, 5, 22), dt.date(2014, 5, 21))
    assert bool(compared.another_event) == another
    assert not compared.mismatches if another else True


def test_last_year_is_the_year_before_the_report():
    claim = "Russia exported 24 million tonnes of coal to China last year"
    same = _compare(claim, "Россия в прошлом году экспортировала в Китай 24 млн тонн угля.",
                    dt.date(2019, 2, 15), dt.date(2019, 2, 14))
    other = _compare(claim, "В 2014 году Россия экспортировала в Китай 17 млн тонн угля.",
                     dt.date(2019, 2, 15), dt.date(2019, 2, 14))
    assert not same.another_event and other.another_event == "about another event (2014, not 2018)"


def test_an_english_passages_year_sets_nothing_apart():
    compared = _compare(CLAIM_2014, "In 2009 Gazprom and CNPC signed a deal for 68 billion cubic meters of gas.",
                        dt.date(2014, 5, 22), dt.date(2014, 5, 21))
    assert not compared.another_event


@pytest.mark.parametrize("passage, differs", [
    ("«Газпром» и CNPC подписали в Пекине контракт на поставку в Китай газа.", True),
    ("«Газпром» и CNPC подписали в Шанхае контракт на поставку в Китай газа.", False),
    ("Россия доставила в Киргизию партию пшеницы, сообщило министерство в Оше.", True),
])
def test_the_sentences_most_specific_venue_decides(passage, differs):
    claim = ("Gazprom and CNPC signed a contract in Shanghai" if "Газпром" in passage
             else "Russia delivered wheat to Kyrgyzstan, the ministry said in Bishkek")
    assert any(m.startswith("place") for m in _compare(claim, passage).mismatches) == differs


def test_a_russian_sentence_giving_the_claims_count_is_the_same_occasion():
    claim = "About 25 warships took part in the drills that began near Qingdao on April 29"
    assert _compare(claim, "4月27日，演习在青岛附近开始，约25艘舰艇参演。").same_event
    assert not _compare(claim, "4月27日，演习在青岛附近开始，约40艘舰艇参演。").same_event
    assert not _compare(claim.replace("About 25", "Some 25"), "About 25 warships joined on April 27.").same_event
