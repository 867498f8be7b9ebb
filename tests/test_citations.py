"""Citations: the seed article sentence by sentence, and the forms of credit the first version parses."""

import datetime as dt
import json

import pytest

from claims.articles import read_article
from claims.citations import attribute_citations, parenthetical_credits
from claims.dates import parse_citation_date
from claims.extract import extract_claims
from claims.outlets import load_registry
from conftest import EXAMPLE, ROOT

REGISTRY = load_registry()
JUNE_26 = dt.date(2012, 6, 26)


def test_seed_article_citation_of_every_sentence():
    expected = json.loads((ROOT / "tests/fixtures/seed_citations.json").read_text())["sentences"]
    extracted = extract_claims(read_article(EXAMPLE / "article.md"), REGISTRY)
    assert len(extracted.sentences) == len(expected)
    for index, starts, assigned, outlets, start, end in expected:
        sentence = extracted.sentences[index]
        assert sentence.text.startswith(starts), (index, sentence.text)
        claims = [c for c in extracted.claims if c.sentence_index == index]
        assert claims, index
        for claim in claims:  # every claim of the sentence carries the sentence's citation
            got = (claim.assigned_by, list(claim.cited_outlets),
                   claim.date_start and claim.date_start.isoformat(), claim.date_end and claim.date_end.isoformat())
            assert got == (assigned, outlets, start, end), (index, claim.text)


def test_sentence_spans_index_the_article_body():
    article = read_article(EXAMPLE / "article.md")
    for sentence in extract_claims(article, REGISTRY).sentences:
        assert article.body[sentence.start: sentence.end] == sentence.text


@pytest.mark.parametrize("text, expected", [
    ("June 18", (dt.date(2012, 6, 18), dt.date(2012, 6, 18))),
    ("June 14-19", (dt.date(2012, 6, 14), dt.date(2012, 6, 19))),
    ("June 20-July 2", (dt.date(2012, 6, 20), dt.date(2012, 7, 2))),
    ("June", (dt.date(2012, 6, 1), dt.date(2012, 6, 30))),
    ("Dec. 30", (dt.date(2011, 12, 30), dt.date(2011, 12, 30))),  # after the article: the year before
    ("June 18, 2010", (dt.date(2010, 6, 18), dt.date(2010, 6, 18))),
    ("June 31", (None, None)),  # written as a date: still a credit, days unknown
    ("Xinhua", None),
])
def test_citation_dates_take_the_year_from_the_article(text, expected):
    assert parse_citation_date(text, JUNE_26) == expected


def test_date_range_across_new_year_cited_in_january():
    assert parse_citation_date("December 30-January 2", dt.date(2013, 1, 10)) == (dt.date(2012, 12, 30), dt.date(2013, 1, 2))


def test_parenthetical_credit_with_several_outlets_and_a_misspelling():
    [(span, credit)] = parenthetical_credits("It happened (Intefax, Xinhua, June 18).", "s", REGISTRY, JUNE_26)
    assert credit.outlets == ("Interfax", "Xinhua")
    assert credit.outlet_names == ("Intefax", "Xinhua")
    assert "It happened (Intefax, Xinhua, June 18).".__getitem__(slice(*span)) == "(Intefax, Xinhua, June 18)"


def test_acronyms_and_glosses_in_parentheses_are_not_credits():
    text = "The Collective Security Treaty Organization (CSTO) and the SCO (Shanghai Cooperation Organization) met."
    assert parenthetical_credits(text, "s", REGISTRY, JUNE_26) == []


def test_unknown_outlet_with_a_date_is_kept_under_its_own_name():
    [(_, credit)] = parenthetical_credits("Troops arrived (Vecherniy Bishkek, June 12).", "s", REGISTRY, JUNE_26)
    assert credit.outlets == ("Vecherniy Bishkek",)


def test_credit_scope_stops_at_the_previous_credit_and_leaves_trailing_sentences_uncited():
    paragraph = [("a", "First fact."), ("b", "Second fact (TASS, June 3)."), ("c", "Third fact."),
                 ("d", "Fourth fact (Xinhua, June 4)."), ("e", "An afterthought.")]
    got = [(a.assigned_by, a.citation.outlets if a.citation else ())
           for a in attribute_citations(paragraph, REGISTRY, JUNE_26)]
    assert got == [("parenthetical", ("TASS",)), ("parenthetical", ("TASS",)), ("parenthetical", ("Xinhua",)),
                   ("parenthetical", ("Xinhua",)), ("none", ())]


@pytest.mark.parametrize("sentence, kind, outlets", [
    ("According to RIA Novosti, the drill ended early.", "inline", ("RIA Novosti",)),
    ("Krasnaya Zvezda reported that the march took two days.", "inline", ("Krasnaya Zvezda",)),
    ("People's Daily wrote that the SCO is no alliance.", "inline", ("Renmin Ribao",)),
    ("According to observers, the PLA led the drill.", "unnamed", ()),
    ("Guowei noted that the SCO will grow.", "none", ()),
])
def test_inline_attributions(sentence, kind, outlets):
    [assignment] = attribute_citations([("s", sentence)], REGISTRY, JUNE_26)
    assert assignment.assigned_by == kind
    assert (assignment.citation.outlets if assignment.citation else ()) == outlets


def test_registry_resolves_aliases_translations_and_refuses_near_misses():
    assert REGISTRY.resolve("Красная звезда") == "Krasnaya Zvezda"
    assert REGISTRY.resolve("Red Star") == "Krasnaya Zvezda"
    assert REGISTRY.resolve("新华社") == "Xinhua"
    assert REGISTRY.resolve("Krasnaya Zvesda") == "Krasnaya Zvezda"
    assert REGISTRY.resolve("SCO") is None
    assert REGISTRY.resolve("Jamestown") is None


def test_users_extend_the_registry_with_a_file(tmp_path, monkeypatch):
    extra = tmp_path / "outlets.yaml"
    extra.write_text("- name: Vecherniy Bishkek\n  aliases: [Вечерний Бишкек]\n- name: TASS\n  aliases: [TASS-DV]\n")
    registry = load_registry(str(extra))
    assert registry.resolve("Вечерний Бишкек") == "Vecherniy Bishkek"
    assert registry.resolve("TASS-DV") == "TASS"
    assert registry.resolve("ИТАР-ТАСС") == "TASS"  # bundled aliases are kept


def _claims_of(body: str, published=dt.date(2013, 3, 1)):
    from claims.records import Article

    return extract_claims(Article("a", "p", "t", None, published, body, "h"), REGISTRY).claims


def test_several_credits_in_one_sentence_make_one_claim_each_and_the_first_covers_what_came_before():
    claims = _claims_of("Russia sent a battalion. The contingent numbered 1,200 troops (Interfax, June 9), "
                        "while Kyrgyzstan sent 150 (Kabar, June 10).")
    assert [(c.text, c.cited_outlets, c.date_start) for c in claims] == [
        ("Russia sent a battalion.", ("Interfax",), dt.date(2012, 6, 9)),
        ("The contingent numbered 1,200 troops.", ("Interfax",), dt.date(2012, 6, 9)),
        ("Kyrgyzstan sent 150.", ("Kabar",), dt.date(2012, 6, 10)),
    ]


@pytest.mark.parametrize("credit, outlets, start, end", [
    ("(Kommersant, Jan. 5; RIA Novosti, Jan. 6)", ("Kommersant", "RIA Novosti"), dt.date(2013, 1, 5), dt.date(2013, 1, 6)),
    ("(Vedomosti, February 3, 2013)", ("Vedomosti",), dt.date(2013, 2, 3), dt.date(2013, 2, 3)),
    ("(Asia-Plus, 11 February)", ("Asia-Plus",), dt.date(2013, 2, 11), dt.date(2013, 2, 11)),
    ("(Interfax, Xinhua)", ("Interfax", "Xinhua"), None, None),
])
def test_credit_forms(credit, outlets, start, end):
    [claim] = _claims_of(f"Troops left {credit}.")
    assert (claim.text, claim.cited_outlets, claim.date_start, claim.date_end) == ("Troops left.", outlets, start, end)


@pytest.mark.parametrize("sentence", [
    "Renmin Ribao (People's Daily) praised the drill.",       # a translation after the outlet's own name
    "The drill (Peace Mission 2007, August 9-17) was big.",   # an event with dates is no outlet
])
def test_glosses_are_not_credits(sentence):
    [claim] = _claims_of(sentence + " Beijing sent 700 troops (Xinhua, June 15).")[:1]
    assert claim.cited_outlets == ("Xinhua",) and claim.text == sentence


def test_inline_attribution_with_a_citing_clause():
    [claim] = _claims_of("Interfax, citing a source in the General Staff, reported that 500 troops left.")
    assert (claim.assigned_by, claim.cited_outlets) == ("inline", ("Interfax",))


def test_registry_file_with_aliases_as_a_string_is_refused(tmp_path):
    from sourcecheck.errors import InputError

    extra = tmp_path / "outlets.yaml"
    extra.write_text("- name: Kabar\n  aliases: Kabar News\n")
    with pytest.raises(InputError, match="`aliases` must be a list of names"):
        load_registry(str(extra))
