"""Polarity from the dependency parse: only negation on the passage's predicate aligned with the claim's counts."""

import pytest

from sourcecheck.scoring.polarity import polarity_differs

pytestmark = pytest.mark.model   # parses with spaCy


@pytest.mark.parametrize("claim, passage", [
    ("Nepal refused to send observers to the drills.", "Kathmandu declined to send observers to the drills."),
    ("Georgia did not take part in the naval parade.", "Georgia stayed away from the naval parade."),
    ("The envoy was absent from the signing.", "The envoy did not attend the signing."),
    ("The fleet no longer patrols the strait.", "The fleet has stopped patrolling the strait."),
    ("The parliament failed to ratify the treaty.", "The parliament did not ratify the treaty."),
    ("The talks ended without a deal.", "The talks failed to produce a deal."),
    ("The envoy dismissed the assertion that the bloc is a military alliance.",
     "The envoy rejected the idea that the bloc is a military alliance."),
    ("The ministry ruled out a second base.", "The ministry refused to allow a second base."),
    ("Minsk refuted reports of a troop build-up.", "Minsk denied reports of a troop build-up."),
])
def test_lexical_negatives_on_both_sides_agree(claim, passage):
    assert polarity_differs(claim, passage) is None


@pytest.mark.parametrize("claim, passage", [
    ("The company laid a cable to the island.",
     "The company laid a cable to the island, although several villages are still not connected to it."),
    ("Mongolia sent a medical team to the exercise.",
     "Mongolia sent a medical team to the exercise but did not send any combat units."),
    ("The frigate entered the port.", "The frigate entered the port; no sailors went ashore."),
    ("The minister opened the new checkpoint.",
     "The minister opened the new checkpoint, which had not been used since the war."),
])
def test_a_negation_of_another_clause_or_object_is_not_the_claims(claim, passage):
    assert polarity_differs(claim, passage) is None


@pytest.mark.parametrize("claim, passage, side, word", [
    ("Georgia took part in the naval parade.", "Georgia did not take part in the naval parade.", "source", "not"),
    ("Armenia joined the air defense drills.", "Armenia declined to join the air defense drills.", "source",
     "declined"),
    ("The envoy attended the signing.", "The envoy stayed away from the signing.", "source", "stayed away"),
    ("The fleet patrols the strait.", "The fleet no longer patrols the strait.", "source", "no longer"),
    ("The company repaid the loan.", "The company failed to repay the loan.", "source", "failed"),
    ("Minsk never recognized the republic.", "Minsk recognized the republic in 2009.", "claim", "never"),
    ("Mongolia did not send a medical team.", "Mongolia sent a medical team but did not send combat units.",
     "claim", "not"),
])
def test_a_negated_aligned_predicate_differs_and_is_named(claim, passage, side, word):
    assert polarity_differs(claim, passage) == f"negation: only the {side} is negated (“{word}”)"


def test_texts_without_any_negator_are_not_parsed():
    assert polarity_differs("The drill began on Monday.", "The drill began on Monday in the hills.") is None


@pytest.mark.parametrize("claim, passage, lexical", [
    ("Georgia attended the naval parade.", "Georgia stayed away from the naval parade.", True),
    ("The talks produced an agreement.", "The talks ended without an agreement.", True),
    ("Georgia signed the memorandum.", "Georgia did not sign the memorandum.", False),
])
def test_a_lexical_negative_is_told_from_not(claim, passage, lexical):
    from sourcecheck.scoring.polarity import polarity_difference

    difference = polarity_difference(claim, passage)
    assert difference is not None and difference.lexical is lexical


def test_a_lexical_negative_leaves_the_models_entailment_no_support():
    """The model entails "attended" from "stayed away from" (0.93 on the challenge case): the parse overrules it."""
    import datetime as dt

    from sourcecheck.model.claims import Claim
    from sourcecheck.model.sources import Candidate
    from sourcecheck.scoring.registry import load_scorer

    scorer = load_scorer("nli-slots")
    text, passage = "Georgia attended the naval parade.", "Georgia stayed away from the naval parade, though invited."
    claim = Claim("c1", "a1", "s1", 0, 0, text, (0, len(text)), "cit1", "parenthetical", ("Interfax",), None, None,
                  True)
    [score] = scorer.score(claim, [Candidate("c1", "p1", "cited", 0, 0.8, "Interfax", dt.date(2019, 5, 9), passage,
                                             passage, document=passage)])
    assert score.support < scorer.support_min
    assert "stayed away" in score.explanation
