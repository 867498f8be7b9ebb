"""Slot checks: quantities as intervals (approximators, bounds, ranges, units), dates, places of events; the
event a passage is about, roles and their holders, dates relative to the report."""

import datetime as dt

import pytest

from sourcecheck.slots import slots_of
from sourcecheck.slots.compare import compare_slots
from sourcecheck.slots.relative import report_date, resolved_text


def _compare(claim: str, sentence: str, window: str | None = None):
    return compare_slots(slots_of(claim), slots_of(sentence), slots_of(window or sentence))


def test_different_count_of_the_same_kind_is_a_mismatch_named_by_its_unit():
    result = _compare("Around 2,000 personnel took part.", "About 1,300 servicemen took part.")
    assert result.mismatches == ("number (personnel): claim “Around 2,000 personnel”, source “About 1,300 servicemen”",)


@pytest.mark.parametrize("claim, source, agrees", [
    ("around 2,000 troops", "some 2,100 soldiers", True),        # approximate: ten percent either way
    ("a 400-kilometer march", "a 420-kilometre march", False),   # exact numbers must be equal
    ("more than 1,000 servicemen", "about 1,300 troops", True),  # a lower bound
    ("more than 1,000 servicemen", "900 troops", False),
    ("up to 1,500 troops", "1,000 troops", True),                # an upper bound
    ("between 1,200 and 1,500 troops", "1,300 troops", True),    # ranges
    ("1,000-1,500 troops", "1,600 soldiers", False),
    ("nine Peace Mission exercises", "the 9 exercises", True),   # number words, unit three words on
    ("2 thousand troops", "2,000 personnel", True),              # scales
    ("a 400-kilometer march", "a 250-mile march", True),         # converted units
    ("rose 12 percent", "rose 15%", False),                      # percentages
    ("$12.5 million", "$20 million", False),                     # money
    ("four Su-25 aircraft", "six Su-25 jets", False),            # a model number is not the count
])
def test_quantities_compare_as_the_intervals_they_allow(claim, source, agrees):
    result = _compare(claim, source)
    assert (bool(result.agreements), bool(result.mismatches)) == (agrees, not agrees)


def test_approximator_survives_a_year_before_it():
    assert _compare("Peace Mission 2012 involved about 2,000 troops", "some 1,900 troops").agreements


@pytest.mark.parametrize("text", [
    "Peace Mission 2012 at the 201st Military Base",   # years and ordinals
    "they often sent troops",                          # "ten" inside a word
    "500 in the drills",                               # a unit only after a function word
    "the T-72 tanks",                                  # a model number
])
def test_names_years_and_words_are_not_quantities(text):
    assert slots_of(text).quantities == ()


@pytest.mark.parametrize("claim, source, agrees", [
    ("He spoke on June 7.", "He spoke on June 5.", False),
    ("held from June 8 to June 14", "held June 8-14", True),
    ("On June 10 troops practiced", "held from June 8 to June 14", True),     # a day within the range
    ("held from June 8 to June 14", "began on June 8", True),                 # one day of the claim's range
    ("held from June 8 to June 14", "held June 9 to June 14", False),
    ("on 14 June", "on June 14", True),                                       # day first
    ("from June 30 to July 2", "on July 1", True),                            # across months
])
def test_dates(claim, source, agrees):
    result = _compare(claim, source)
    assert (bool(result.agreements), bool(result.mismatches)) == (agrees, not agrees)


def test_a_dateline_is_not_a_date_the_report_is_about():
    result = _compare("The drill began on June 8.", "DUSHANBE, June 9 (Interfax) - The drill began on Friday.")
    assert not result.mismatches and result.missing == ("date",)


def test_the_sentence_decides_over_its_neighbours():
    result = _compare("Russia sent 2,000 troops", "Russia sent 1,300 troops.",
                      "Russia sent 1,300 troops. In 2010 it sent 2,000 troops.")
    assert result.mismatches and not result.agreements
    # the neighbours count when the sentence is silent on the kind
    window = "Russia sent its forces. In all 1,300 troops came."
    assert _compare("about 1,300 troops", "Russia sent its forces.", window).agreements


@pytest.mark.parametrize("claim, source, verdict", [
    ("a rehearsal in southern Kazakhstan", "a rehearsal in southern Kyrgyzstan", "mismatch"),
    ("held in northern Tajikistan", "held at the Chorukh-Dayron range", "agree"),   # a range inside the country
    ("aircraft at the Kant airbase", "aircraft in Kyrgyzstan", "agree"),
    ("Troops from Kazakhstan joined the exercise in Tajikistan",
     "The exercise in Tajikistan involved troops from China", "agree"),            # origins are not venues
    ("Moscow was represented by aircraft", "Russia was represented by aircraft", "none"),  # actors, not venues
    ("held in Tajikistan", "the drill was held", "missing"),
])
def test_places_where_things_happened(claim, source, verdict):
    result = _compare(claim, source)
    got = "mismatch" if result.mismatches else "agree" if result.agreements else "missing" if result.missing else "none"
    assert got == verdict


def test_organisation_names_are_not_places():
    assert "Shanghai" not in slots_of("The Shanghai Cooperation Organization met.").places
    assert slots_of("The summit in Beijing ended.").venues == {"Beijing"}


# Another event (issue 24, class 2): a slot contradicts only a passage about the same event.

@pytest.mark.parametrize("claim, source, about", [
    ("Around 300,000 servicemen took part in Vostok-2018.", "About 100,000 servicemen took part in Vostok-2014.",
     "Vostok 2014, not Vostok 2018"),
    ("Some 2,000 personnel took part in Peace Mission 2012.", "The Peace Mission 2010 exercise involved 5,000 troops.",
     "Peace Mission 2010"),
    ("About 3,000 servicemen took part in Interaction-2013.",
     "В учении «Взаимодействие-2012» участвовали около 1 тысячи военнослужащих.", "Взаимодействие-2012"),
    ("About 7,000 troops took part in Peace Mission 2014.", "“和平使命-2010”联合反恐军事演习约有5000名官兵参加。",
     "和平使命-2010"),
    ("The next SCO summit will be held in Dushanbe.", "The SCO summit opened in Bishkek.", "not the next one"),
    ("Shoigu arrived in Beijing on April 28.", "Shoigu will leave Beijing on April 30.", "leave"),
])
def test_a_passage_about_another_event_contradicts_nothing_and_says_so(claim, source, about):
    result = _compare(claim, source)
    assert not result.mismatches and not result.agreements
    assert about in result.another_event and result.explanation_parts()[0].startswith("about another event")


def test_the_same_edition_in_another_script_is_the_same_event_and_its_number_differs():
    result = _compare("About 3,000 servicemen took part in Interaction-2013.",
                      "В учении «Взаимодействие-2013» приняли участие около 1,5 тысячи военнослужащих.")
    assert result.same_event and result.mismatches[0].startswith("number (personnel)")


@pytest.mark.parametrize(("claim", "sentence", "same"), [
    ("The Expo opened in Harbin on June 15.", "6月15日，中俄博览会在叶卡捷琳堡开幕。", True),
    ("Leaders met in Almaty on June 8.", "The heads of state met in Astana on June 8.", True),
    ("Leaders met in Almaty on June 8.", "The heads of state met in Astana on June 9.", False),
    ("Leaders met in Almaty on June 8.", "The heads of state met in Astana.", False),
])
def test_the_claims_day_in_the_differing_sentence_is_the_same_occasion(claim, sentence, same):
    result = _compare(claim, sentence)
    assert result.same_event is same and any(m.startswith("place") for m in result.mismatches)


def test_an_edition_named_only_in_the_window_decides_for_a_sentence_that_names_none():
    window = "Peace Mission 2010 was held in Kazakhstan. It involved more than 5,000 troops."
    result = _compare("Some 2,000 troops took part in Peace Mission 2012.", "It involved more than 5,000 troops.",
                      window)
    assert result.another_event and not result.mismatches


def test_a_year_naming_an_edition_is_not_a_count():
    assert slots_of("The Peace Mission 2012 exercise lasted 14 days.").quantities[0].written == "14 days"
    assert len(slots_of("The 2014 drills involved about 2000 troops.").quantities) == 1


# People and roles (class 3).

@pytest.mark.parametrize("claim, source, names", [
    ("First Deputy Prime Minister Igor Shuvalov will chair the commission.",
     "First Vice Premier Anton Siluanov will chair the commission.", ("Igor Shuvalov", "Anton Siluanov")),
    ("Chinese Vice Foreign Minister Gao Xiang held talks in Bishkek.", "中国外交部副部长程国平在比什凯克举行会谈。",
     ("Gao Xiang", "Cheng Guoping")),
    ("Foreign Ministry spokesman Geng Shuang said so.", "外交部发言人华春莹表示。", ("Geng Shuang", "Hua Chunying")),
    ("Deputy Defense Minister Alexander Fomin led the delegation.",
     "Делегацию возглавил заместитель министра обороны России Николай Панков.", ("Alexander Fomin", "Nikolay Pankov")),
    ("Defense Minister Sergei Shoigu opened the forum.", "Форум открыл министр обороны России Анатолий Сердюков.",
     ("Sergei Shoigu", "Anatoly Serdyukov")),
])
def test_the_same_role_held_by_another_named_person_differs_on_person(claim, source, names):
    assert _compare(claim, source).mismatches == (f"person: claim {names[0]}, source {names[1]}",)


@pytest.mark.parametrize("claim, source", [
    ("First Deputy Prime Minister Anton Siluanov will chair it.", "First Vice Premier Anton Siluanov will chair it."),
    ("Vice Foreign Minister Gao Xiang held talks.",
     "Заместитель министра иностранных дел КНР Гао Сян провел переговоры."),
    ("Vice Foreign Minister Gao Xiang held talks.", "中国外交部副部长高翔举行会谈。"),
    ("Defense Minister Sergey Shoygu inspected the troops.", "Defence Minister Sergei Shoigu inspected the troops."),
    ("Defense Minister Sergei Shoigu met his counterpart.",
     "Министр обороны России Сергей Шойгу встретился с коллегой."),
    ("Russian Defense Minister Sergei Shoigu met Chinese Defense Minister Wei Fenghe.",
     "Chinese Defense Minister Wei Fenghe met his Russian counterpart Sergei Shoigu."),
    ("Defense Minister Sergei Shoigu met the delegation.", "Foreign Minister Sergei Lavrov met the delegation."),
])
def test_the_same_person_across_spellings_scripts_and_countries_roles_is_no_mismatch(claim, source):
    assert not _compare(claim, source).mismatches


@pytest.mark.parametrize("claim, source, names", [
    # the role's unit, then the holder set off by a comma with a rank
    ("The deputy commander of the Pacific Fleet, Rear Admiral Eduard Mikhailov, led the contingent.",
     "The contingent is led by the deputy commander of the Pacific Fleet, Rear Admiral Vadim Kulit.",
     ("Eduard Mikhailov", "Vadim Kulit")),
    ("The Northern Fleet commander, Admiral Nikolai Yevmenov, watched the drill.",
     "The commander of the Northern Fleet, Vice Admiral Alexander Moiseyev, watched the drill.",
     ("Nikolai Yevmenov", "Alexander Moiseyev")),
])
def test_a_commander_of_the_same_unit_held_by_another_person_differs_on_person(claim, source, names):
    assert _compare(claim, source).mismatches == (f"person: claim {names[0]}, source {names[1]}",)


@pytest.mark.parametrize("claim, source", [
    # a deputy commander is not the commander
    ("The deputy commander of the Pacific Fleet, Rear Admiral Vadim Kulit, led the contingent.",
     "The Pacific Fleet commander, Admiral Sergei Avakyants, led the contingent."),
    # commanders of two fleets are two roles
    ("The commander of the Northern Fleet, Admiral Nikolai Yevmenov, watched the drill.",
     "The commander of the Pacific Fleet, Admiral Sergei Avakyants, watched the drill."),
    # after a comma only a ranked name is a holder
    ("The commander, Admiral Sergei Avakyants, watched the drill.", "The commander, Moscow said, watched the drill."),
])
def test_another_role_or_unit_or_no_ranked_holder_is_no_mismatch(claim, source):
    assert not _compare(claim, source).mismatches


# Dates relative to the report (class 4).

@pytest.mark.parametrize("text, written_on, days", [
    ("signed the memorandum today", dt.date(2018, 3, 6), "March 6"),
    ("signed the memorandum on Tuesday", dt.date(2018, 3, 8), "March 6"),
    ("held a drill yesterday", dt.date(2019, 5, 15), "May 14"),
    ("will arrive on Monday", dt.date(2019, 6, 14), "June 17"),           # the future counts forward
    ("met in Dushanbe last week", dt.date(2019, 5, 20), "May 13 and 19"),   # Monday to Sunday before
    ("began on Aug. 24", None, "August 24"),
])
def test_relative_dates_and_abbreviated_months_are_read_as_days_of_the_report(text, written_on, days):
    assert days in resolved_text(text, written_on)
    assert days in " ".join(d.written for d in slots_of(text, written_on).dates)


def test_a_dateline_dates_the_report_before_its_stored_date():
    assert report_date("MOSCOW, March 6 (Interfax) -- Signed today.", dt.date(2018, 3, 7)) == dt.date(2018, 3, 6)
    assert report_date("BISHKEK, Dec. 30 (Kabar) -- x", dt.date(2020, 1, 2)) == dt.date(2019, 12, 30)
    assert report_date("Signed today.", dt.date(2018, 3, 7)) == dt.date(2018, 3, 7)


def test_a_resolved_relative_date_is_compared_like_a_written_one():
    claim, source = slots_of("They signed it on March 1."), slots_of("They signed it today.", dt.date(2018, 3, 6))
    assert compare_slots(claim, source, source).mismatches == ("date: claim March 1, source March 6",)
    dated = slots_of("They signed it on Tuesday, March 6.", dt.date(2018, 3, 8))
    assert [d.written for d in dated.dates] == ["March 6"]   # a weekday with its date is no relative date
