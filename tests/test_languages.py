"""Russian and Chinese text: language detection, sentence splitting, slots normalised across languages,
names across scripts."""

import pytest

from sourcecheck.core.languages import detect_language
from sourcecheck.core.sentences import split_sentences
from sourcecheck.slots import slots_of
from sourcecheck.slots.compare import compare_slots
from sourcecheck.slots.people import names_person, people_in, pinyin_of, romanise_russian


def _compare(claim: str, source: str):
    return compare_slots(slots_of(claim), slots_of(source), slots_of(source))


@pytest.mark.parametrize("text, language", [
    ("Около 1300 военнослужащих приняли участие в учениях «Мирная миссия — 2012».", "ru"),  # Latin-free
    ("В учениях Peace Mission 2012 участвовали войска пяти стран ШОС.", "ru"),   # quotes a Latin name
    ("约1000名官兵参加了“和平使命-2012”联合反恐军事演习。", "zh"),
    ("中方参演部队抵达 Chorukh-Dayron 训练场。", "zh"),
    ("About 1,300 servicemen took part; Krasnaya Zvezda (Красная звезда) reported it.", "en"),
    ("2012-06-18", "en"),                                                           # no letters: the default
])
def test_language_is_detected_by_script(text, language):
    assert detect_language(text) == language


def test_russian_abbreviations_do_not_end_sentences():
    text = "В учениях участвовало ок. 1300 чел., т. е. меньше, чем в 2010 г., сообщил ген.-майор А. С. Петров. " \
           "Марш занял два дня."
    sentences = [s[2] for s in split_sentences(text, "ru")]
    assert sentences == [
        "В учениях участвовало ок. 1300 чел., т. е. меньше, чем в 2010 г., сообщил ген.-майор А. С. Петров.",
        "Марш занял два дня."]


def test_russian_quotation_stays_with_its_sentence():
    sentences = [s[2] for s in split_sentences("Он сказал: «Учения прошли успешно». Затем войска вернулись.", "ru")]
    assert sentences == ["Он сказал: «Учения прошли успешно».", "Затем войска вернулись."]


def test_chinese_sentences_end_at_full_stops_and_keep_their_closing_quotes():
    text = "他说：“演习很成功。”各方都很满意！这是第九次演习吗？是的。\n\n没有句号的标题"
    spans = split_sentences(text, "zh")
    assert [s[2] for s in spans] == [
        "他说：“演习很成功。”", "各方都很满意！", "这是第九次演习吗？", "是的。", "没有句号的标题"]
    assert all(text[a:b] == sentence for a, b, sentence in spans)


def test_chinese_soft_line_break_does_not_end_a_sentence():
    assert [s[2] for s in split_sentences("约1000名官兵\n参加了演习。", "zh")] == ["约1000名官兵\n参加了演习。"]


@pytest.mark.parametrize("claim, source, agrees", [
    ("a march of about 600 km", "марш протяженностью около 600 километров", True),        # the examples
    ("about 1,000 people took part", "约1000人参加", True),
    ("about 1,000 people took part", "约1500人参加", False),
    ("around 2,000 personnel", "около 1300 военнослужащих", False),
    ("more than 1,000 troops", "1300余名官兵", True),             # 1300-odd: a lower bound, open a little upwards
    ("about 1,300 troops", "一千三百名官兵", True),               # Chinese numerals
    ("about 2,000 soldiers", "两千名士兵", True),
    ("13,000 servicemen", "1.3万名官兵", True),                    # 万 = ten thousand
    ("a 300-kilometre march", "300-километровый марш", True),
    ("a 300-kilometre march", "ок. 400 км", False),
    ("24 aircraft", "24架飞机", True),
    ("24 aircraft", "30架飞机", False),
    ("1.3 thousand troops", "1,3 тыс. военнослужащих", True),      # decimal comma and scale word
    ("nine exercises", "第九次演习", None),                        # an ordinal is no count: silent
])
def test_quantities_compare_across_languages(claim, source, agrees):
    result = _compare(claim, source)
    if agrees is None:
        assert not result.agreements and not result.mismatches
    else:
        assert (bool(result.agreements), bool(result.mismatches)) == (agrees, not agrees)


@pytest.mark.parametrize("claim, source, agrees", [
    ("on August 25", "8月25日", True),
    ("on August 25", "8月24日", False),
    ("from June 8 to June 14", "6月8日至14日", True),
    ("on June 10", "с 8 по 14 июня", True),
    ("on June 7", "5 июня", False),
    ("held June 8-14", "8-14 июня 2012 года", True),
])
def test_dates_compare_across_languages(claim, source, agrees):
    result = _compare(claim, source)
    assert (bool(result.agreements), bool(result.mismatches)) == (agrees, not agrees)


def test_year_and_datelines_are_not_slots():
    assert not slots_of("ДУШАНБЕ, 18 июня. /Интерфакс/ - В 2012 году учения прошли успешно.").dates
    assert not slots_of("新华社北京6月14日电 演习取得圆满成功。").dates
    assert not slots_of("учения 2012 года").quantities


@pytest.mark.parametrize("claim, source, verdict", [
    ("took place in northern Tajikistan", "прошли на севере Таджикистана", "agree"),   # case ending
    ("took place in Kyrgyzstan", "прошли в Киргизии", "agree"),                        # another name
    ("took place in Kazakhstan", "прошли в Таджикистане", "mismatch"),
    ("was held in Tajikistan", "在塔吉克斯坦举行", "agree"),
    ("was held in Kazakhstan", "在塔吉克斯坦举行", "mismatch"),
    ("flew from the Kant airbase in Kyrgyzstan", "в районе авиабазы Кант", "agree"),   # Kant is in Kyrgyzstan
])
def test_places_across_scripts(claim, source, verdict):
    result = _compare(claim, source)
    assert (bool(result.mismatches), bool(result.agreements)) == (verdict == "mismatch", verdict == "agree")


def test_the_sco_is_no_place_in_chinese():
    assert not slots_of("上海合作组织成员国领导人出席会议。").places


def test_people_across_scripts():
    assert people_in("Чэн Гопин заявил") == people_in("程国平表示") == {"Cheng Guoping"}   # the alias table
    assert pinyin_of("方振军") == "fangzhenjun"
    assert romanise_russian("Сергей Шойгу") == "Sergey Shoygu"
    assert names_person("Министр Сергей Шойгу прибыл в Душанбе.", "Sergei Shoigu")       # by the table
    assert names_person("Генерал Николай Бордюжа выступил.", "Nikolai Bordyuzha")        # by romanisation only
    assert names_person("刘亚洲将军出席。", "Liu Yazhou")                                  # by pinyin only
    assert not names_person("Генерал Николай Макаров выступил.", "Nikolai Bordyuzha")
    agreement = _compare("Cheng Guoping spoke in Beijing.", "程国平在北京发表讲话。").agreements
    assert "person: Cheng Guoping" in agreement
