"""The default scorer: NLI support and contradiction, the slot checks that name what differs, topic gating."""

import datetime as dt

import pytest

from claims.records import Claim
from scoring.scorer import load_scorer
from sources.records import Candidate

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
    assert scorer.calibration_a != 1.0 or scorer.calibration_b != 0.0  # the shipped calibration was read
    assert 0 < scorer.support_min < 1
    assert [scorer.calibrated(p) for p in (0.1, 0.5, 0.9)] == sorted(scorer.calibrated(p) for p in (0.1, 0.5, 0.9))


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
