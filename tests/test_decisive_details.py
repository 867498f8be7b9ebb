"""A source silent on the claim's decisive detail (the number it counts, the place it puts the event in) cannot
support it, in any language: similar wording about the same event is topic, not agreement (issues 24 and 25)."""

import datetime as dt

import pytest

from sourcecheck.model.claims import Claim
from sourcecheck.model.sources import Candidate
from sourcecheck.scoring.pair_reading import CROSSLINGUAL
from sourcecheck.scoring.registry import load_scorer
from sourcecheck.slots import slots_of

pytestmark = pytest.mark.model   # loads a model: not in `make check`

DAY = dt.date(2018, 11, 8)


def _claim(text: str) -> Claim:
    return Claim("c1", "a1", "s1", 0, 0, text, (0, len(text)), "cit1", "parenthetical", ("RIA Novosti",),
                 None, None, True)


def _candidate(sentence: str, document: str, language: str = "en", similarity: float = 0.8) -> Candidate:
    return Candidate("c1", "p1", "cited", 0, similarity, "RIA Novosti", DAY, sentence, sentence, document=document,
                     language=language)


@pytest.fixture(scope="module")
def scorer():
    return load_scorer("nli-slots")


@pytest.mark.parametrize(("claim", "sentence", "named"), [
    # places no gazetteer is likely to list: the rule must not depend on one
    ("The CSTO summit was held in Novotroitskoye on November 8.",
     "CSTO leaders gathered for the organisation's annual summit on November 8.", "Novotroitskoye"),
    ("The ministers met at Zarechensk to sign the protocol.",
     "The ministers signed the protocol on border security.", "Zarechensk"),
    # a count the source never gives
    ("About 4,500 troops took part in the drill.",
     "Troops from five countries took part in the drill.", "4,500"),
])
def test_a_passage_silent_on_the_claims_place_or_count_does_not_support_it(scorer, claim, sentence, named):
    [score] = scorer.score(_claim(claim), [_candidate(sentence, sentence)])
    assert score.support < scorer.support_min
    assert named in score.explanation
    assert score.contradiction == 0.0         # silence is no contradiction either


def test_the_same_detail_written_elsewhere_in_the_document_lifts_the_cap(scorer):
    claim = _claim("The CSTO summit was held in Novotroitskoye on November 8.")
    sentence = "CSTO leaders gathered for the organisation's annual summit on November 8."
    document = sentence + " The talks took place in Novotroitskoye, near the border."
    [silent] = scorer.score(claim, [_candidate(sentence, sentence)])
    [written] = scorer.score(claim, [_candidate(sentence, document)])
    assert written.support > silent.support
    assert "decisive" not in written.explanation


@pytest.mark.parametrize(("passage", "language"), [
    ("Российские десантники провели учение с киргизскими военными.", "ru"),
    ("俄罗斯伞兵与吉尔吉斯斯坦军人举行联合演习。", "zh"),
])
def test_a_russian_or_chinese_passage_silent_on_the_count_does_not_support_it(passage, language):
    claim_slots = slots_of("About 200 Russian troops took part in an exercise with Kyrgyz troops.", None)
    support, contradiction, slots = CROSSLINGUAL.read(claim_slots, _candidate(passage, passage, language, 0.95))
    assert support <= 0.3 and contradiction == 0.0
    assert any(m.startswith("number") for m in slots.missing)


def test_a_russian_passage_giving_the_same_count_still_supports():
    claim_slots = slots_of("About 200 Russian troops took part in an exercise with Kyrgyz troops.", None)
    passage = "Около 200 военнослужащих приняли участие в учении с киргизскими военными."
    support, contradiction, _ = CROSSLINGUAL.read(claim_slots, _candidate(passage, passage, "ru", 0.95))
    assert support > 0.5 and contradiction == 0.0


def test_a_place_the_gazetteer_does_not_know_cannot_be_checked_in_a_chinese_passage():
    """The claim's place is unreadable in another script: the passage cannot support it, and the reason is named."""
    from sourcecheck.scoring.pair_reading import read_crosslingual

    passage = "6月15日，博览会开幕。"
    known = read_crosslingual("c1", slots_of("The expo opened in Moscow on June 15.", None),
                              _candidate(passage, passage, "zh", 0.95))
    unknown = read_crosslingual("c1", slots_of("The expo opened in Novotroitskoye on June 15.", None),
                                _candidate(passage, passage, "zh", 0.95))
    assert unknown.support <= 0.3 and unknown.contradiction == 0.0
    assert "“Novotroitskoye” is not in the place list" in unknown.explanation
    assert known.support <= 0.3              # a known place the passage is silent on: capped too
    assert "Novotroitskoye" not in known.explanation


def test_an_editions_name_is_no_unread_place():
    from sourcecheck.scoring.decisive import unread_places

    assert unread_places("Chinese troops arrived at Tsentr-2019 in Novotroitskoye.") == ("Novotroitskoye",)


@pytest.mark.parametrize(("claim", "sentence"), [
    # an organisation after "in" is no place
    ("The PLA demonstrated network-centric capabilities lacking in the Russian Armed Forces.",
     "The PLA demonstrated network-centric capabilities during the exercise."),
    # one of the claim's places written is agreement, as the slot comparison reads it
    ("The exercise revealed differing perspectives in Moscow and Beijing.",
     "Officials in Beijing stressed that the exercise was not aimed at any third party."),
])
def test_no_decisive_detail_is_missing(scorer, claim, sentence):
    [score] = scorer.score(_claim(claim), [_candidate(sentence, sentence)])
    assert "decisive" not in score.explanation


def test_another_city_of_the_same_country_is_not_the_claims_place(scorer):
    sentence = "Leaders of the member states gathered for the annual summit."
    document = sentence + " Delegations were housed in hotels across Astana."
    [score] = scorer.score(_claim("The summit was held in Almaty."), [_candidate(sentence, document)])
    assert "silent on the claim's decisive detail: “Almaty”" in score.explanation
    assert score.support < scorer.support_min
