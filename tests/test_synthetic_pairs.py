"""The composite training pairs (training/synthetic.py) carry the label their premise earns: both facts read
means entailment, one left out means neutral, one with a changed slot means contradiction. An unstated-detail
pair reads a whole sentence against its window with that sentence's copy missing a detail: neutral."""

import os
import random

import pytest

from sourcecheck.claims.nlp import nlp
from training.synthetic import (
    composite_pairs_for_page,
    entity_pools,
    restates,
    unstated_detail_pairs_for_page,
    words_of,
)

PAGE = [
    "The Peace Mission 2012 exercise was held in Tajikistan in June.",
    "Around 2,000 personnel from five member states took part in the drills.",
    "China sent 369 soldiers and several J-10 fighter jets to the exercise.",
    "The Russian contingent arrived by train from the Central Military District.",
    "Observers from Kazakhstan and Kyrgyzstan attended the final stage of the drills.",
    "The drills ended with a parade at the Chorukh-Dayron training ground.",
]


@pytest.fixture(scope="module")
def pairs():
    docs = list(nlp().pipe(PAGE))
    return list(composite_pairs_for_page(docs, entity_pools(docs), random.Random(3), 25))


def facts_of(claim: str) -> list[str]:
    return [s for s in PAGE if restates(claim, s)]


def test_every_recipe_is_made(pairs):
    assert {p.label for p in pairs} == {"entailment", "neutral", "contradiction"}


def test_an_entailed_composite_has_both_of_its_facts_in_the_premise(pairs):
    for pair in (p for p in pairs if p.label == "entailment"):
        facts = facts_of(pair.hypothesis)
        assert len(facts) >= 2, pair
        assert all(f in pair.premise for f in facts), pair


def test_a_partial_composite_leaves_one_of_its_facts_out(pairs):
    for pair in (p for p in pairs if p.label == "neutral"):
        facts = facts_of(pair.hypothesis)
        assert any(f not in pair.premise for f in facts), pair
        assert any(f in pair.premise for f in facts), pair


def test_a_contradicted_composite_changes_its_second_fact_against_the_same_premise(pairs):
    contradicted = [(pairs[k - 2], p) for k, p in enumerate(pairs) if p.label == "contradiction"]
    assert contradicted
    for entailed, pair in contradicted:
        assert entailed.label == "entailment" and entailed.premise == pair.premise
        common = os.path.commonprefix([entailed.hypothesis, pair.hypothesis])
        first = common[:common.rfind(" ")]  # both readings share the first fact and the joiner
        changed = pair.hypothesis[len(first):].strip(" ,;").removeprefix("and ").removeprefix("while ")
        assert not any(changed.rstrip(".").lower() in s.lower() for s in PAGE), pair
        assert any(restates(changed, s) for s in PAGE), pair


@pytest.mark.model
def test_an_unstated_detail_pair_claims_a_whole_sentence_whose_detail_the_premise_lacks():
    docs = list(nlp().pipe(PAGE))
    pairs = list(unstated_detail_pairs_for_page(docs, random.Random(5), len(PAGE)))
    assert len(pairs) >= 3
    for pair in pairs:
        assert pair.label == "neutral" and pair.hypothesis in PAGE and pair.hypothesis not in pair.premise, pair
        shortened = pair.premise
        for sentence in PAGE:
            shortened = shortened.replace(sentence, "")
        assert words_of(shortened) < words_of(pair.hypothesis), pair  # the claim's own sentence, cut short
        assert len({w for w in words_of(pair.hypothesis) - words_of(pair.premise) if len(w) > 3}) >= 2, pair
