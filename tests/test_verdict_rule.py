"""The verdict rule on scored candidates (no model): `source_missing` when the cited outlets have nothing in the
store for the cited days, and the cited source deciding whenever it is there."""

import datetime as dt

import pytest

from sourcecheck.model.claims import Claim
from sourcecheck.model.scores import FLAGGED, STATUSES, PairScore, Status
from sourcecheck.model.sources import Candidate
from sourcecheck.scoring.verdicts import VerdictRule

RULE = VerdictRule(support_min=0.45, contradiction_min=0.5)
DAY = dt.date(2017, 4, 19)


def claim(*outlets: str, checkworthy: bool = True) -> Claim:
    return Claim("c1", "a1", "s1", 0, 0, "The parliament ratified the air defense agreement on April 18.", (0, 60),
                 "cit1" if outlets else None, "parenthetical" if outlets else "none", outlets,
                 DAY if outlets else None, DAY if outlets else None, checkworthy,
                 "" if checkworthy else "an opinion cue")


def scored(passage: str, scope: str, outlet: str, support: float, contradiction: float = 0.0,
           explanation: str = "similarity 0.90") -> tuple[Candidate, PairScore]:
    return (Candidate("c1", passage, scope, 0, 0.9, outlet, DAY, "text", "text"),
            PairScore("c1", passage, support, contradiction, explanation))


def decide(c: Claim, *pairs):
    return RULE.decide(c, [p[0] for p in pairs], [p[1] for p in pairs])


def test_cited_outlet_absent_while_another_supports_is_source_missing_with_that_passage_as_context():
    v = decide(claim("Kazinform"), scored("p1", "store", "Tengrinews", 0.97))
    assert v.status == Status.SOURCE_MISSING and v.cited_source_in_store is False
    assert (v.evidence_outlet, v.evidence_passage_id, v.support_score) == ("Tengrinews", "p1", 0.97)
    assert v.explanation.startswith("the cited source (Kazinform, 2017-04-19) has nothing in the store for those "
                                    "days: add it to check the claim. Context only, not the cited source: another "
                                    "source supports it: Tengrinews (2017-04-19): similarity 0.90")


def test_cited_outlet_absent_while_another_contradicts_is_source_missing_not_contradicted():
    v = decide(claim("Kyodo"), scored("p1", "store", "Xinhua", 0.1, 0.95, "differs on date: claim June 9"))
    assert v.status == Status.SOURCE_MISSING
    assert "another source contradicts it: Xinhua (2017-04-19): differs on date" in v.explanation


def test_cited_outlet_absent_and_nothing_else_is_source_missing_not_not_found():
    assert decide(claim("Jiji Press")).status == Status.SOURCE_MISSING
    v = decide(claim("Sputnik"), scored("p1", "store", "Kommersant", 0.05))
    assert v.status == Status.SOURCE_MISSING
    assert "Context only, not the cited source: no passage in the store supports" in v.explanation


@pytest.mark.parametrize("support, contradiction, status", [
    (0.47, 0.0, Status.SUPPORTED),        # above 0.45, below 0.5: the rule's threshold, not a default
    (0.1, 0.9, Status.CONTRADICTED),
])
def test_one_of_two_cited_outlets_present_decides(support, contradiction, status):
    v = decide(claim("Tengrinews", "Kazinform"), scored("p1", "cited", "Kazinform", support, contradiction),
               scored("p2", "store", "Trend", 0.99))
    assert v.status == status and v.cited_source_in_store is True and v.evidence_outlet == "Kazinform"


def test_cited_outlet_present_but_silent_while_another_supports_stays_misattributed():
    v = decide(claim("Asia-Plus"), scored("p1", "cited", "Asia-Plus", 0.05), scored("p2", "store", "Kommersant", 0.9))
    assert v.status == Status.MISATTRIBUTED


def test_uncited_claim_is_judged_against_the_store():
    v = decide(claim(), scored("p1", "store", "Trend", 0.9))
    assert (v.status, v.cited_source_in_store) == (Status.SUPPORTED, None)


def test_opinion_stays_uncheckable_whatever_the_store_holds():
    assert decide(claim("Kazinform", checkworthy=False)).status == Status.UNCHECKABLE


def test_source_missing_is_a_flag_listed_after_not_found():
    assert Status.SOURCE_MISSING in FLAGGED and Status.SUPPORTED not in FLAGGED
    assert STATUSES.index(Status.SOURCE_MISSING) == STATUSES.index(Status.NOT_FOUND) + 1
