"""Names and numbers a claim gives that its source's document never writes: named, and they cost support."""

import datetime as dt

import pytest

from sourcecheck.model.claims import Claim
from sourcecheck.model.sources import Candidate
from sourcecheck.scoring.coverage import unconfirmed_terms, unwritten_editions
from sourcecheck.scoring.registry import load_scorer
from sourcecheck.slots.relative import resolved_text

pytestmark = pytest.mark.model   # loads a model or runs the pipeline: not in `make check`

PAGE = ("Daktronics was founded in 1968 by Aelred Kurtenbach, a professor of electrical engineering at South Dakota "
        "State University in Brookings. The company makes scoreboards.")


def test_a_name_or_number_the_document_never_writes_is_named_in_the_claims_order():
    claim = "Daktronics was founded in 1969 by Aelred Kurtenbach and Duane Sander in Brookings."
    assert unconfirmed_terms(claim, PAGE) == ("1969", "Duane Sander")    # a name counts once, as a whole
    assert unconfirmed_terms("Daktronics was founded in 1968 in Brookings.", PAGE) == ()
    assert unconfirmed_terms("It was founded by Roman Kurtenbach.", PAGE) == ("Roman Kurtenbach",)  # not Aelred


def test_a_name_is_found_spelt_out_or_by_its_initials():
    page = "Aircraft of the CSTO base at Kant took part, with the Collective Rapid Reaction Forces."
    assert unconfirmed_terms("Aircraft came from the Collective Security Treaty Organization (CSTO) base.", page) == ()
    assert unconfirmed_terms("The CRRF took part.", page) == ()
    assert unconfirmed_terms("The Collective Security Council took part.", page) == ("Collective Security Council",)


def test_accents_case_and_number_words_do_not_count_as_missing():
    page = "The contract was signed by Lisandra Lafitta Hernandez, one of the three founders, in 2001."
    assert unconfirmed_terms("In 2001, LISANDRA Lafitta Hernández was one of three founders.", page) == ()
    # a number written in words is not counted: sources write "3" and "three" alike
    assert unconfirmed_terms("She was one of four founders.", page) == ()


@pytest.fixture(scope="module")
def scorer():
    return load_scorer("nli-slots")


def test_the_shipped_scorer_costs_support_per_unconfirmed_name_and_explains_it(scorer):
    text = "Daktronics was founded in 1968 by Aelred Kurtenbach and Duane Sander."
    claim = Claim("c1", "a1", "s1", 0, 0, text, (0, len(text)), "cit1", "parenthetical", ("Brookings Register",),
                  None, None, True)
    sentence = PAGE.split(". ")[0] + "."

    def read(document: str):
        [score] = scorer.score(claim, [Candidate("c1", "p1", "cited", 0, 0.8, "Brookings Register",
                                                 dt.date(2012, 6, 18), sentence, sentence, document=document)])
        return score

    silent, named = read(PAGE), read(PAGE + " Duane Sander co-founded it.")
    assert scorer.calibration_v > 0
    assert silent.support < named.support
    assert "not in the source's document: “Duane Sander”" in silent.explanation
    assert "not in the source's document" not in named.explanation


def test_an_edition_the_document_never_writes_is_another_event_not_a_missing_detail():
    page = "The Peace Mission 2010 exercise in Kazakhstan involved more than 5,000 servicemen."
    claim = "Some 2,000 personnel took part in Peace Mission 2012."
    assert unwritten_editions(claim, page) == ("Peace Mission 2012",)
    assert unconfirmed_terms(claim, page) == ("2,000",)        # the year is not counted as a missing detail
    assert unwritten_editions("Peace Mission 2010 involved 5,000 troops.", page) == ()


def test_an_abbreviated_month_written_out_is_found_in_a_document_that_spells_it_in_full():
    page = resolved_text("The drills began on Aug. 24 in Inner Mongolia.", None)
    assert unconfirmed_terms("The drills began on August 24.", page) == ()


def test_the_scorer_reads_today_in_a_wire_report_as_its_datelines_day(scorer):
    """The article says March 1; the report filed on March 6 says "today": a contradiction on the date, and
    on the right day ("March 6") a support."""
    document = ("MOSCOW, March 6 (Interfax) -- Russia and Belarus signed a memorandum on joint air defense training "
                "today, the Defense Ministry said.")

    def read(text: str):
        claim = Claim("c1", "a1", "s1", 0, 0, text, (0, len(text)), "cit1", "parenthetical", ("Interfax",),
                      None, None, True, written_on=dt.date(2018, 3, 8))
        [score] = scorer.score(claim, [Candidate("c1", "p1", "cited", 0, 0.8, "Interfax", dt.date(2018, 3, 7),
                                                 document, document, document=document)])
        return score

    wrong, right = read("Russia and Belarus signed the memorandum on March 1."), read(
        "Russia and Belarus signed the memorandum on Tuesday.")          # Tuesday before March 8 is March 6
    assert wrong.contradiction >= 0.5 and "differs on date: claim March 1, source March 6" in wrong.explanation
    assert right.support >= scorer.support_min and right.contradiction == 0
