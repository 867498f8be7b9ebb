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
