"""The slot readers of each language (issue 24, plain number and date contradictions read wrong): a verb's
particle is no approximator, an adjective between a number and its unit does not lose the unit, the persons and
ships a military report counts are units in every language, and a year that bounds something ("until 2032",
«до 2042 года», “至2042年”) reads as one comparable date slot in English, Russian and Chinese."""

import math

import pytest

from sourcecheck.slots import slots_of
from sourcecheck.slots.compare import compare_slots
from sourcecheck.slots.years import CALENDAR_YEAR


def _compare(claim: str, sentence: str):
    return compare_slots(slots_of(claim), slots_of(sentence), slots_of(sentence))


def _only(text: str):
    quantities = slots_of(text).quantities
    assert len(quantities) == 1, quantities
    return quantities[0]


# "over" / "under" as a verb's particle: "handed over four helicopters" hands over exactly four.

@pytest.mark.parametrize("text, value, written", [
    ("Russia handed over four Mi-24 helicopters to Tajikistan.", 4, "four Mi-24 helicopters"),
    ("The army turned over 12 armoured vehicles to the police.", 12, "12 armoured vehicles"),
    ("Kazakhstan signed over two aircraft to the air force.", 2, "two aircraft"),
    ("Moscow hands over 30 tanks to Minsk.", 30, "30 tanks"),
    ("The rebels took over 3 vehicles of the convoy.", 3, "3 vehicles"),
    ("The unit was given over 20 armoured vehicles.", 20, "20 armoured vehicles"),
    ("Two villages came under 40 soldiers' control.", 40, "40 soldiers"),
])
def test_a_verbs_particle_is_no_approximator(text, value, written):
    q = _only(text)
    assert (q.low, q.high, q.approximator) == (value, value, None)
    assert q.written == written


@pytest.mark.parametrize("text, low, high", [
    ("Over 1,000 troops took part.", 1000, math.inf),
    ("The exercise drew over 500 soldiers.", 500, math.inf),
    ("They came with over 300 vehicles.", 300, math.inf),
    ("The march took over two days.", 2, math.inf),            # a duration: "over" is "more than"
    ("Under 200 servicemen remained.", 0, 200),
])
def test_over_and_under_before_a_number_still_bound_it(text, low, high):
    q = _only(text)
    assert (q.low, q.high) == (low, high)


def test_a_handed_over_count_contradicts_another_count():
    result = _compare("Russia handed over four Mi-24 helicopters to Tajikistan as military aid.",
                      "Russia handed over two Mi-24 attack helicopters to the Tajik air force.")
    assert result.mismatches and result.mismatches[0].startswith("number (aircraft)")
    assert _compare("Russia handed over two Mi-24 helicopters.", "Russia handed over two Mi-24 helicopters.").agreements


# Persons a military report counts, and an adjective between the number and its unit.

@pytest.mark.parametrize("text", [
    "About 200 Russian paratroopers took part.",
    "Some 300 marines landed.",
    "1,200 sailors of the Pacific Fleet",
    "50 border guards were sent.",
    "about 80 military cadets",
    "15 crew members were rescued.",
    "40 US service members",
    "120 peacekeepers arrived.",
    "60 airmen and 20 pilots",
    "about 90 commandos",
    "300 reservists were called up",
])
def test_english_person_words_count_personnel(text):
    assert slots_of(text).quantities[0].unit == "personnel"


@pytest.mark.parametrize("text, low, high", [
    ("Около 500 российских десантников приняли участие.", 450, 550),
    ("В учении участвовали 500 российских военнослужащих.", 500, 500),
    ("Прибыли 300 моряков Тихоокеанского флота.", 300, 300),
    ("более 200 морпехов", 200, math.inf),
    ("120 пограничников", 120, 120),
    ("около 80 курсантов военного училища", 72, 88),
    ("50 российских миротворцев", 50, 50),
    ("около 2 тысяч китайских военных", 1800, 2200),
    ("40 российских летчиков", 40, 40),
    ("12 членов экипажа", 12, 12),
])
def test_russian_personnel_with_an_adjective_between_number_and_unit(text, low, high):
    q = _only(text)
    assert q.unit == "personnel" and (q.low, q.high) == pytest.approx((low, high))


@pytest.mark.parametrize("text", [
    "约500名俄罗斯伞兵参加演习。",
    "300名海军陆战队员",
    "1000余名官兵",
    "200名俄方维和人员",
    "约2000名参演官兵",
    "50名飞行员",
    "中方派出300名。",
    "80名水兵登舰。",
])
def test_chinese_personnel_with_words_between_measure_word_and_noun(text):
    assert _only(text).unit == "personnel"


@pytest.mark.parametrize("text, value", [
    ("Three Chinese warships arrived.", 3), ("two frigates", 2), ("four destroyers and a tanker", 4),
    ("5 submarines", 5), ("12 vessels", 12), ("Thirteen surface ships took part.", 13),
    ("Прибыли три китайских корабля.", 3), ("два фрегата", 2), ("5 эсминцев", 5), ("4 подводные лодки", 4),
    ("два больших десантных корабля", 2), ("10 судов", 10),
    ("3艘中国军舰抵达。", 3), ("两艘驱逐舰", 2), ("5艘潜艇", 5), ("中俄双方共派出10艘。", 10),
])
def test_ships_are_counted_in_every_language(text, value):
    q = _only(text)
    assert (q.unit, q.value) == ("ship", value)


@pytest.mark.parametrize("claim, source, agrees", [
    ("About 200 Russian paratroopers took part in the exercise.",
     "Около 500 российских десантников приняли участие в учении.", False),
    ("About 500 Russian paratroopers took part in the exercise.",
     "Около 500 российских десантников приняли участие в учении.", True),
    ("About 500 Russian paratroopers took part.", "约500名俄罗斯伞兵参加了演习。", True),
    ("About 200 Russian paratroopers took part.", "约500名俄罗斯伞兵参加了演习。", False),
    ("Three Chinese warships arrived.", "3艘中国军舰抵达。", True),
    ("Three Chinese warships arrived.", "Прибыли два китайских корабля.", False),
])
def test_counts_compare_across_languages(claim, source, agrees):
    result = _compare(claim, source)
    assert (bool(result.agreements), bool(result.mismatches)) == (agrees, not agrees)


@pytest.mark.parametrize("text", [
    "В 2012 году российские военнослужащие прибыли.",   # a year, not 2012 servicemen
    "15 июня военнослужащие прибыли.",                  # a date
    "аренду 201-й военной базы",                          # an ordinal
    "в 5 раз больше военнослужащих",                      # a function word between: no unit of the number
    "2012年俄罗斯伞兵参加演习。",                           # a year
    "5 пилотных проектов",                                # an adjective of a person word counts no persons
    "3 снайперских винтовки",
    "5 наблюдательных пунктов",
    "20 police vehicles",
])
def test_a_number_reaches_its_unit_only_over_modifiers(text):
    assert [q for q in slots_of(text).quantities if q.unit == "personnel"] == []


# A year that bounds something: one comparable date slot in every language.

@pytest.mark.parametrize("text, year", [
    ("extend the lease of the 201st base until 2032", 2032),
    ("The agreement runs through 2032.", 2032),
    ("Russia will withdraw by 2030.", 2030),
    ("the lease till 2042", 2042),
    ("before 2025 the base will be modernised", 2025),
    ("until the end of 2032", 2032),
    ("продлить аренду 201-й военной базы до 2042 года", 2042),
    ("договор действует по 2042 год", 2042),
    ("к 2030 году база будет модернизирована", 2030),
    ("до конца 2042 года", 2042),
    ("租期延长至2042年。", 2042),
    ("协议有效期到2042年", 2042),
    ("2042年前完成", 2042),
    ("直至2032年", 2032),
])
def test_a_bounding_year_is_a_calendar_year_slot(text, year):
    q = _only(text)
    assert (q.unit, q.value, q.low, q.high) == (CALENDAR_YEAR, year, year, year)


@pytest.mark.parametrize("text", [
    "The exercise was held in 2012.",
    "Peace Mission 2012 at the 201st Military Base",
    "учение 2012 года",
    "в 2012 году",
    "2012年在哈萨克斯坦举行",
    "2012年前后",                 # around 2012: no bound
    "by 2000 troops",             # a count, not a year
])
def test_a_year_that_bounds_nothing_is_no_date_slot(text):
    assert [q for q in slots_of(text).quantities if q.unit in (CALENDAR_YEAR, "year")
            and q.value >= 1900] == []


@pytest.mark.parametrize("text, unit, value", [
    ("до 20 лет", "year", 20),            # durations stay durations
    ("около 2000 лет", "year", 2000),
    ("for 49 years", "year", 49),
    ("租期49年", "year", 49),
    ("by 2000 troops", "personnel", 2000),
])
def test_durations_and_counts_are_not_calendar_years(text, unit, value):
    q = _only(text)
    assert (q.unit, q.value) == (unit, value)


@pytest.mark.parametrize("claim, source, agrees", [
    ("Russia and Tajikistan agreed to extend the lease of the 201st base until 2032.",
     "Россия и Таджикистан договорились продлить аренду 201-й военной базы до 2042 года.", False),
    ("Russia and Tajikistan agreed to extend the lease of the 201st base until 2042.",
     "Россия и Таджикистан договорились продлить аренду 201-й военной базы до 2042 года.", True),
    ("the lease of the base until 2032", "租期延长至2042年。", False),
    ("the lease of the base until 2042", "租期延长至2042年。", True),
    ("the lease of the base until 2042", "The lease runs through 2042.", True),
    ("the lease of the base by 2032", "The lease runs until 2042.", False),
])
def test_bounding_years_compare_across_languages(claim, source, agrees):
    result = _compare(claim, source)
    assert (bool(result.agreements), bool(result.mismatches)) == (agrees, not agrees)


def test_a_differing_bounding_year_is_named_as_a_date():
    result = _compare("extend the lease of the 201st base until 2032",
                      "продлить аренду 201-й военной базы до 2042 года")
    assert "differs on date: claim “until 2032”, source “до 2042 года”" in result.explanation_parts()
    assert _compare("the lease until 2032", "the lease was extended").missing == ("date",)


# Targets fired on are counted, and a unit is reached over coordinated lower-case modifiers ("air and surface").

@pytest.mark.parametrize("text, value", [
    ("The ships fired on 16 air and surface targets.", 16),
    ("Gunners destroyed 12 ground targets.", 12),
    ("Корабли поразили 26 воздушных и морских целей.", 26),
    ("Экипажи уничтожили 12 мишеней.", 12),
    ("舰艇对26个空中和海上目标进行了射击。", 26),
])
def test_targets_are_counted_in_every_language(text, value):
    quantity = _only(text)
    assert (quantity.unit, quantity.value) == ("target", value)


def test_a_differing_target_count_is_named_across_languages():
    comparison = _compare("The ships fired on 16 air and surface targets.",
                          "Корабли поразили 26 воздушных и морских целей.")
    assert comparison.mismatches and comparison.mismatches[0].startswith("number (target)")


@pytest.mark.parametrize("text", [
    "In 2012 Russian and Chinese troops held drills.",      # capitalised names after "and": no modifier run
    "The 500 troops and 40 vehicles arrived.",             # each number keeps its own unit
])
def test_coordinated_reach_stops_at_names_and_other_numbers(text):
    assert all(q.value != 2012 for q in slots_of(text).quantities)
    if "500" in text:
        assert {(q.unit, q.value) for q in slots_of(text).quantities} == {("personnel", 500), ("vehicle", 40)}
