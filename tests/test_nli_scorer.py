"""The default scorer: NLI support and contradiction, the slot checks that name what differs, topic gating."""

import datetime as dt

import pytest

from sourcecheck.model.claims import Claim
from sourcecheck.model.sources import Candidate
from sourcecheck.scoring.registry import load_scorer

pytestmark = pytest.mark.model   # loads a model or runs the pipeline: not in `make check`

CLAIM = Claim("c1", "a1", "s1", 0, 0, "Around 2,000 personnel took part in Peace Mission 2012 in Tajikistan.", (0, 70),
              "cit1", "parenthetical", ("Krasnaya Zvezda",), dt.date(2012, 6, 18), dt.date(2012, 6, 18), True)


def candidate(passage_id: str, text: str, similarity: float, context: str | None = None) -> Candidate:
    return Candidate("c1", passage_id, "cited", 1, similarity, "Krasnaya Zvezda", dt.date(2012, 6, 18), text,
                     context or text)


@pytest.fixture(scope="module")
def scorer():
    return load_scorer("nli-slots")


def test_the_nli_scorer_reads_the_shipped_calibration(scorer):
    assert scorer.name == "nli-slots"
    assert scorer.calibration_s > 0 and scorer.calibration_a != 1.0  # the shipped calibration was read
    assert 0 < scorer.support_min < 1
    calibrated = [scorer.calibrated(p, 0.5) for p in (0.1, 0.5, 0.9)]
    assert calibrated == sorted(scorer.calibrated(p, 0.5) for p in (0.1, 0.5, 0.9))


def test_paraphrase_supports_and_a_different_number_contradicts_naming_the_slot(scorer):
    same, differs = scorer.score(CLAIM, [
        candidate("p1", "Some 2,000 servicemen took part in the Peace Mission 2012 exercise in Tajikistan.", 0.8),
        candidate("p2", "About 1,300 servicemen took part in the Peace Mission 2012 exercise in Tajikistan.", 0.8),
    ])
    assert same.support >= scorer.support_min > same.contradiction
    assert differs.contradiction >= scorer.contradiction_min and differs.support <= scorer.slot_support_cap
    assert "differs on number (personnel)" in differs.explanation


def test_a_passage_about_something_else_never_contradicts(scorer):
    """An earlier exercise of the same series gives other numbers: not the same thing, so no contradiction."""
    [other] = scorer.score(CLAIM, [candidate("p3", "Peace Mission 2007 in Chelyabinsk involved 6,500 troops.", 0.3)])
    assert other.contradiction == 0.0
    assert other.support < scorer.support_min


def test_the_window_supports_what_its_sentence_alone_does_not(scorer):
    claim = Claim("c2", "a1", "s2", 1, 0, "The battalion marched 300 kilometers to the training ground.", (0, 59),
                  None, "none", (), None, None, True)
    sentence = "It covered 300 kilometers before reaching the training ground."
    window = "The battalion began its march on Monday. " + sentence + " The troops then rested."
    [score] = scorer.score(claim, [Candidate("c2", "p4", "store", 1, 0.7, "Xinhua", dt.date(2012, 6, 18), sentence,
                                             window)])
    assert "(window)" in score.explanation and score.support >= scorer.support_min


def _interfax_claim(text: str) -> Claim:
    return Claim("c1", "a1", "s1", 0, 0, text, (0, len(text)), "cit1", "parenthetical", ("Interfax",), None, None, True)


def test_a_contradiction_no_slot_or_negation_explains_is_not_counted(scorer):
    """The model reads this near-verbatim sentence (the demo's, with its Russian gloss) as a contradiction
    (0.95): a flag nobody could explain."""
    claim = _interfax_claim("The battalion in the 201st Military Base in Tajikistan is also assigned to the CSTO’s "
                            "Collective Rapid Reaction Forces (Kollektivnyye Sily Operativnogo Reagirovaniya – KSOR).")
    [score] = scorer.score(claim, [candidate(
        "p5", "The battalion of the 201st Military Base in Tajikistan that supplied the Russian motorized rifle "
              "company for Peace Mission 2012 is also assigned to the CSTO Collective Rapid Reaction Forces (KSOR).",
        0.88)])
    assert score.contradiction == 0.0
    assert "not counted: no slot or negation differs" in score.explanation


def test_a_negated_source_contradicts_naming_the_negation(scorer):
    claim = _interfax_claim("The PLA showcased new military equipment at Peace Mission 2012.")
    [score] = scorer.score(claim, [candidate(
        "p6", "The People's Liberation Army did not showcase new military equipment at Peace Mission 2012.", 0.85)])
    assert score.contradiction >= scorer.contradiction_min > score.support
    assert "differs on negation: only the source is negated (“not”)" in score.explanation


def test_two_cited_passages_read_together_support_what_neither_does_alone(scorer):
    claim = _interfax_claim("The Peace Mission 2012 exercise was held in Tajikistan and involved Chinese and "
                            "Russian troops.")
    venue = candidate("p7", "Peace Mission 2012 was held at the Chorukh-Dayron range in Tajikistan.", 0.7)
    troops = candidate("p8", "Chinese and Russian troops took part in the drill.", 0.6)
    together, _ = scorer.score(claim, [venue, troops])
    [alone] = scorer.score(claim, [venue])
    assert "(the top passages together)" in together.explanation
    assert together.support >= scorer.support_min > alone.support
