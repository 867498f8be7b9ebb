"""References resolved so each claim reads on its own (claims/coreference.py): an event's definite description
takes an event of its kind, named whole; a flashback's mentions stay in the flashback; a noun phrase takes an
antecedent in its number, and a plural with two different earlier sets is left as written."""

import datetime as dt

import pytest

from sourcecheck.claims.coreference import is_event_name
from sourcecheck.claims.extract import extract_claims
from sourcecheck.claims.outlets import load_registry
from sourcecheck.model.claims import Article

pytestmark = pytest.mark.model   # parses with spaCy


def _claims(body: str):
    return extract_claims(Article("a", "p", "t", None, dt.date(2019, 5, 6), body, "h"), load_registry()).claims


def _texts(body: str) -> list[str]:
    return [c.text for c in _claims(body)]


@pytest.mark.parametrize("body, expected", [
    ("The navies held the Joint Sea-2019 exercise off Qingdao. The drills ended on May 4.",
     "Joint Sea-2019 ended on May 4."),
    ("Russia staged the Vostok-2018 maneuvers in Siberia. China sent troops to the exercise.",
     "China sent troops to Vostok-2018."),
    ("During Peace Mission 2012, the battalion crossed two passes. Uzbekistan avoided the event.",
     "Uzbekistan avoided Peace Mission 2012."),
])
def test_an_events_name_is_kept_whole(body, expected):
    assert _texts(body)[-1] == expected


def test_the_exercise_is_not_an_event_of_another_kind():
    texts = _texts("Russia held the Kavkaz-2016 exercise in the south. Officers met at the Army-2016 forum. "
                   "The exercise ended on September 10. The event drew 1,000 guests.")
    assert texts[2:] == ["Kavkaz-2016 ended on September 10.", "Army-2016 drew 1,000 guests."]


@pytest.mark.parametrize("body, expected", [
    # the main line after a flashback: the article's exercise, not the earlier edition
    ("The navies held the Joint Sea-2019 exercise off Qingdao. Two years earlier, Joint Sea-2017 had taken "
     "Chinese warships into the Baltic. The exercise ended with a parade.", "Joint Sea-2019 ended with a parade."),
    ("Russia held the Zapad-2021 exercise in Belarus. A decade ago, Moscow staged Zapad-2009 in Belarus too. "
     "The drill involved 200,000 troops.", "Zapad-2021 involved 200,000 troops."),
    # a flashback that goes on may still name its own event
    ("The navies held the Joint Sea-2019 exercise off Qingdao. Two years earlier, Joint Sea-2017 had taken "
     "Chinese warships into the Baltic. The exercise had ended in Baltiysk.", "Joint Sea-2017 had ended in Baltiysk."),
    # and with nothing on the main line, the flashback's event is the one meant
    ("Two years earlier, Joint Sea-2017 had taken Chinese warships into the Baltic. The exercise ended in "
     "Baltiysk.", "Joint Sea-2017 ended in Baltiysk."),
])
def test_a_flashback_names_antecedents_only_for_itself_and_later_flashbacks(body, expected):
    assert _texts(body)[-1] == expected


def test_a_flashbacks_noun_phrase_is_not_the_main_lines_antecedent():
    texts = _texts("The navies held the Joint Sea-2019 exercise with Russian warships. Two years earlier, "
                   "Joint Sea-2017 had taken Chinese warships into the Baltic. The warships fired on 26 targets.")
    assert texts[-1] == "The Russian warships fired on 26 targets."


@pytest.mark.parametrize("body, expected", [
    # a plural does not take a singular antecedent, nor a singular a plural
    ("The Chinese navy sent a frigate. The navies will meet again in 2021.", "The navies will meet again in 2021."),
    ("Two Russian corvettes docked. The corvette left on May 5.", "The corvette left on May 5."),
    # a plural with one earlier set takes it
    ("Russia sent four Pacific Fleet warships to Qingdao. The warships docked on April 27.",
     "The four Pacific Fleet warships docked on April 27."),
    # two different earlier sets: the plural may mean them all, kept as written
    ("Thirteen surface ships took part. The Chinese navy sent seven warships. The ships fired on 26 targets.",
     "The ships fired on 26 targets."),
])
def test_a_noun_phrase_takes_an_antecedent_in_its_number_and_only_one_set(body, expected):
    assert _texts(body)[-1] == expected


def test_one_of_the_plural_is_a_singular_antecedent():
    texts = _texts("Fang Zhenjun wrote about one of the battalions in the 201st Military Base. "
                   "This battalion is assigned to the CSTO.")
    assert texts[-1] == "The battalion in the 201st Military Base is assigned to the CSTO."


@pytest.mark.parametrize("text, event", [
    ("Joint Sea-2019", True), ("the Vostok-2018", True), ("Peace Mission 2012", True),
    ("the Russian Navy", False), ("Xinhua", False), ("May 2019", False),
    ("Sept. 2019", False),
])
def test_is_event_name(text, event):
    assert is_event_name(text) is event
