"""Atomic claims from the dependency parse, references resolved, slots, claim types, check-worthiness."""

import datetime as dt

import pytest

from sourcecheck.claims.checkworthiness import checkworthiness
from sourcecheck.claims.extract import extract_claims
from sourcecheck.claims.outlets import load_registry
from sourcecheck.model.claims import Article
from sourcecheck.slots.claim_slots import with_slots

pytestmark = pytest.mark.model   # loads a model or runs the pipeline: not in `make check`


def _claims(body: str, published=dt.date(2012, 6, 26)):
    return with_slots(extract_claims(Article("a", "p", "t", None, published, body, "h"), load_registry())).claims


def _texts(body: str) -> list[str]:
    return [c.text for c in _claims(body)]


def test_a_measure_in_the_subject_is_a_claim_of_its_own():
    assert sorted(_texts("The Chinese contingent of about 1,600 personnel arrived by rail on August 12.")) == [
        "The Chinese contingent arrived by rail on August 12.",
        "The Chinese contingent numbered about 1,600 personnel."]


@pytest.mark.parametrize("sentence, expected", [
    ("Armenia and Belarus sent only staff officers, while Uzbekistan stayed away.",
     ["Armenia and Belarus sent only staff officers.", "Uzbekistan stayed away."]),
    ("The drill tested airlift in the mountains; Beijing wanted to show its air power.",
     ["The drill tested airlift in the mountains.", "Beijing wanted to show its air power."]),
    ("The battalion carried out a long march and set up a field camp on the shore.",
     ["The battalion carried out a long march.", "The battalion set up a field camp on the shore."]),
    ("Shoigu emphasized that the CSTO will not become an alliance or fill a vacuum in Central Asia.",
     ["Shoigu emphasized that the CSTO will not become an alliance.",
      "Shoigu emphasized that the CSTO will not fill a vacuum in Central Asia."]),
])
def test_coordinated_clauses_and_predicates_split(sentence, expected):
    assert _texts(sentence) == expected


def test_appositive_and_relative_clause_become_claims_about_their_antecedent():
    texts = _texts("Ci Guowei, the Deputy Director of the Foreign Affairs Office, who was involved in planning "
                   "the drill, emphasized that the SCO will not become a “NATO of the East.”")
    assert texts == ["Ci Guowei is the Deputy Director of the Foreign Affairs Office.",
                     "Ci Guowei was involved in planning the drill.",
                     "Ci Guowei emphasized that the SCO will not become a “NATO of the East.”"]


def test_object_relative_clause_puts_the_antecedent_after_its_verb():
    assert _texts("The agreement, which the Kyrgyz parliament ratified on March 5, allows Russia to station "
                  "more aircraft at Kant.")[0] == "The Kyrgyz parliament ratified the agreement on March 5."


def test_quoted_semicolons_do_not_split_and_the_speaker_is_resolved():
    texts = _texts("Ci Guowei spoke to cadets. “There is no best; just better,” he explained (Xinhua, June 14).")
    assert texts[-1] == "“There is no best; just better,” Ci Guowei explained."


def test_references_resolve_to_the_entity_named_earlier_and_are_recorded():
    claims = _claims("Peace Mission 2012 was held in Tajikistan. Uzbekistan chose to avoid the event. "
                     "Russian and Tajikistani forces scouted the route. The results of their findings were used "
                     "in the course of the exercise.")
    assert [c.text for c in claims][1:] == [
        "Uzbekistan chose to avoid Peace Mission 2012.",
        "Russian and Tajikistani forces scouted the route.",
        "The results of Russian and Tajikistani forces’ findings were used in the course of Peace Mission 2012."]
    assert [(r.mention, r.resolved) for r in claims[3].references] == [
        ("their", "Russian and Tajikistani forces’"), ("the exercise", "Peace Mission 2012")]


def test_short_reference_takes_the_modifiers_of_its_antecedent_and_surnames_the_full_name():
    texts = _texts("Fang Zhenjun wrote about one of the battalions in the 201st Military Base in Tajikistan. "
                   "This battalion is assigned to the CSTO. Zhenjun praised it.")
    assert texts[1:] == ["The battalion in the 201st Military Base in Tajikistan is assigned to the CSTO.",
                         "Fang Zhenjun praised it."]


def test_former_and_latter():
    assert _texts("Differences exist between Moscow and Beijing. The former stresses the military dimension, "
                  "and the latter emphasizes cooperation.")[1:] == [
        "Moscow stresses the military dimension.", "Beijing emphasizes cooperation."]


def test_its_is_resolved_only_when_the_claim_has_no_singular_subject_of_its_own():
    texts = _texts("Xinhua said the railway would cut freight times, though Kyrgyz officials remain divided on "
                   "its route.")
    assert texts == ["The railway would cut freight times.", "Kyrgyz officials remain divided on the railway’s route."]
    assert _texts("Russia is consolidating its presence in Kyrgyzstan.") == [
        "Russia is consolidating its presence in Kyrgyzstan."]


def test_claim_span_is_the_source_text_it_came_from():
    sentence = "Around 2,000 personnel took part (Krasnaya Zvezda, June 18), while Uzbekistan stayed away."
    claims = _claims(sentence)
    assert [sentence[a:b] for a, b in (c.span for c in claims)] == [
        "Around 2,000 personnel took part", "Uzbekistan stayed away."]


def test_slots_numbers_units_approximators_dates_names_and_quotes():
    [claim] = _claims("Around 2,000 personnel from Russia took part in the drill led by Ci Guowei from June 8 to "
                      "June 14 to test “new methods” of the CSTO.")
    slots = claim.slots
    assert [(q.value, q.approximator, q.unit) for q in slots.quantities] == [(2000.0, "around", "personnel")]
    assert [(d.start, d.end) for d in slots.dates] == [(dt.date(2012, 6, 8), dt.date(2012, 6, 14))]
    assert "Ci Guowei" in slots.people and "Russia" in slots.places and "CSTO" in slots.organisations
    assert slots.quotes == ("new methods",)


@pytest.mark.parametrize("text, value, unit, approximator", [
    ("The company carried out a 400-kilometer mounted road march.", 400.0, "km", None),   # the kinds verdicts compare
    ("The SCO has held nine exercises since 2003.", 9.0, "exercise", None),
    ("Moscow pledged to write off $489 million of debt.", 489e6, "usd", None),
    ("The deal allows up to 20 additional aircraft at Kant.", 20.0, "aircraft", "up to"),
])
def test_quantity_slots(text, value, unit, approximator):
    [quantity] = _claims(text)[0].slots.quantities
    assert (quantity.value, quantity.unit, quantity.approximator) == (value, unit, approximator)


@pytest.mark.parametrize("sentence, kind", [
    ("Around 2,000 personnel took part in the exercises.", "factual"),
    ("Guowei noted that the SCO had ensured regular meetings.", "quote"),
    ("“There is no best; just better,” he explained.", "quote"),
    ("The SCO will develop a partnership network.", "prediction"),
    ("It appears that the Russian top brass were interested in the drill.", "opinion"),
    ("In other words Moscow was testing its contribution to the CSTO.", "opinion"),
    ("Whether Bishkek will keep its side of the bargain remains to be seen.", "opinion"),
])
def test_claim_types(sentence, kind):
    [claim] = _claims(sentence)
    assert claim.claim_type == kind
    assert claim.checkworthy is (kind != "opinion")


def test_analysis_and_hedges_are_uncheckable_facts_are_not():
    assert checkworthiness("It appears that the Russian top brass were interested.")[0] is False
    assert "clearly" in checkworthiness("Differences clearly exist between Moscow and Beijing.")[1]
    assert checkworthiness("Will the SCO grow?")[0] is False
    assert checkworthiness("Around 2,000 personnel took part in the exercises.") == (True, "")
    assert checkworthiness("The battalion is unlikely to move.")[0] is False
    assert checkworthiness("The soldier hurt his shoulder in the drill.")[0] is True  # "should" only as a word


def test_hedges_inside_reported_speech_are_checkable():
    assert checkworthiness("Shoigu said the CSTO should hold its next drill in Armenia.") == (True, "")
    assert checkworthiness("The CSTO should hold its next drill in Armenia.")[0] is False


def test_claim_ids_are_stable_across_runs():
    body = "Around 2,000 personnel took part (Krasnaya Zvezda, June 18), while Uzbekistan stayed away."
    assert [c.claim_id for c in _claims(body)] == [c.claim_id for c in _claims(body)]
