"""Slot checks: numbers with units and approximators, calendar days, places."""

from scoring.slots import compare_slots, slots_of


def _compare(claim: str, sentence: str, window: str | None = None):
    return compare_slots(slots_of(claim), slots_of(sentence), slots_of(window or sentence))


def test_different_count_of_the_same_kind_is_a_mismatch_named_by_its_unit():
    result = _compare("Around 2,000 personnel took part.", "About 1,300 servicemen took part.")
    assert result.mismatches == ("number (personnel): claim “Around 2,000 personnel”, source “About 1,300 servicemen”",)


def test_approximate_numbers_agree_within_ten_percent_exact_ones_do_not():
    assert _compare("around 2,000 troops", "some 2,100 soldiers").agreements == ("number (personnel): 2,000",)
    assert _compare("a 400-kilometer march", "a 420-kilometre march").mismatches


def test_number_words_scales_and_multiword_units():
    assert _compare("nine Peace Mission exercises", "the 9 exercises").agreements == ("number (exercise): 9",)
    assert _compare("2 thousand troops", "2,000 personnel").agreements


def test_years_ordinals_and_unitless_numbers_are_not_quantities():
    assert slots_of("Peace Mission 2012 at the 201st Military Base with 3 units").quantities == ()


def test_other_day_is_a_date_mismatch_a_range_matches_its_days():
    assert _compare("He spoke on June 7.", "He spoke on June 5.").mismatches == ("date: claim June 7, source June 5",)
    assert _compare("held from June 8 to June 14", "held June 8-14").agreements == ("date: June 8, June 14",)


def test_value_found_in_a_neighbouring_sentence_is_not_a_mismatch():
    result = _compare("about 1,300 troops", "Russia sent 600 troops.", "Russia sent 600 troops. In all 1,300 troops took part.")
    assert not result.mismatches and result.agreements


def test_other_place_is_a_mismatch_only_when_the_claims_place_is_absent():
    assert _compare("a rehearsal in southern Kazakhstan", "a rehearsal in southern Kyrgyzstan").mismatches == (
        "place: claim Kazakhstan, source Kyrgyzstan",)
    assert not _compare("troops from China and Russia", "troops from China, Russia and Tajikistan").mismatches
    assert _compare("held in Tajikistan", "the drill was held").missing == ("place",)


def test_organisation_names_are_not_places():
    assert "Shanghai" not in slots_of("The Shanghai Cooperation Organization met.").places
    assert slots_of("The summit in Beijing ended.").places == {"Beijing"}
