"""Atomic claims, their spans, and check-worthiness."""

from claims.atomic import claim_spans, claim_text
from claims.checkworthiness import checkworthiness
from claims.citations import parenthetical_credits
from claims.outlets import load_registry


def _claims(sentence: str) -> list[str]:
    holes = [span for span, _ in parenthetical_credits(sentence, "s", load_registry(), None)]
    return [claim_text(sentence, span, holes) for span in claim_spans(sentence, holes)]


def test_credit_is_cut_out_of_the_claim_but_inside_its_span():
    sentence = "Peace Mission 2010 refuelled aircraft over Kazakhstan (Interfax, June 14-19)."
    holes = [span for span, _ in parenthetical_credits(sentence, "s", load_registry(), None)]
    [span] = claim_spans(sentence, holes)
    assert sentence[span[0]: span[1]] == sentence
    assert claim_text(sentence, span, holes) == "Peace Mission 2010 refuelled aircraft over Kazakhstan."


def test_semicolon_joined_clauses_become_two_claims_but_quoted_semicolons_do_not():
    assert _claims("The drill tested airlift in the mountains; Beijing wanted to show its air power.") == [
        "The drill tested airlift in the mountains.", "Beijing wanted to show its air power."]
    assert _claims("“There is no best; just better,” he explained (Xinhua, June 14).") == [
        "“There is no best; just better,” he explained."]


def test_second_clause_loses_its_leading_conjunction():
    assert _claims("This is the main feature of the drill; and China will shape its future.")[1] == \
        "China will shape its future."


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
