"""Slot checks: quantities as intervals (approximators, bounds, ranges, units), dates, places of events."""

import pytest

from sourcecheck.slots import slots_of
from sourcecheck.slots.compare import compare_slots


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
