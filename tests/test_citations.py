"""Citations: both gold articles sentence by sentence, the citation forms, the scope rules, the outlet registry."""

import datetime as dt
import json

import pytest
from conftest import EXAMPLE, ROOT

from sourcecheck.claims.articles import read_article
from sourcecheck.claims.citation_forms import (
    CITATION_FORMS,
    SentenceContext,
    citation_form,
    make_citation,
    parenthetical,
)
from sourcecheck.claims.citations import attribute_citations
from sourcecheck.claims.dates import parse_citation_date
from sourcecheck.claims.extract import extract_claims
from sourcecheck.claims.outlets import load_registry

REGISTRY = load_registry()
JUNE_26 = dt.date(2012, 6, 26)


def parenthetical_credits(sentence, sentence_id, registry, reference):
    return [(c.cut, c) for c in parenthetical(SentenceContext(sentence_id, sentence, registry, reference))]


@pytest.mark.model
@pytest.mark.parametrize("gold", ["peace-mission-2012.json", "kant-2013.json"])
def test_citation_of_every_sentence_of_the_gold_articles(gold):
    expected = json.loads((ROOT / "tests/fixtures/gold" / gold).read_text())
    extracted = extract_claims(read_article(ROOT / expected["article"]), REGISTRY)
    assert len(extracted.sentences) == len(expected["sentences"])
    for row in expected["sentences"]:
        sentence = extracted.sentences[row["index"]]
        assert sentence.text.startswith(row["starts"]), (row["index"], sentence.text)
        claims = [c for c in extracted.claims if c.sentence_index == row["index"]]
        assert claims, row["index"]
        for claim in claims:  # every claim of the sentence carries the sentence's citation
            got = (claim.assigned_by, list(claim.cited_outlets),
                   claim.date_start and claim.date_start.isoformat(), claim.date_end and claim.date_end.isoformat())
            assert got == (row["assigned_by"], row["outlets"], row["date_start"], row["date_end"]), \
                (row["index"], claim.text)


@pytest.mark.model
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
    assert parse_citation_date("December 30-January 2", dt.date(2013, 1, 10)) == \
        (dt.date(2012, 12, 30), dt.date(2013, 1, 2))


def test_parenthetical_credit_with_several_outlets_and_a_misspelling():
    [(span, credit)] = parenthetical_credits("It happened (Intefax, Xinhua, June 18).", "s", REGISTRY, JUNE_26)
    assert credit.outlets == ("Interfax", "Xinhua")
    assert credit.outlet_names == ("Intefax", "Xinhua")
    assert "It happened (Intefax, Xinhua, June 18).".__getitem__(slice(*span)) == "(Intefax, Xinhua, June 18)"


def test_parenthetical_credit_in_cyrillic_and_chinese():
    [(_, credit)] = parenthetical_credits("It happened (Кабар, Интерфакс, March 11-16).", "s", REGISTRY, JUNE_26)
    assert credit.outlets == ("Kabar", "Interfax")
    [(_, credit)] = parenthetical_credits("It happened (新华社, March 20).", "s", REGISTRY, JUNE_26)
    assert credit.outlets == ("Xinhua",)


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
    assert got == [("inherited", ("TASS",)), ("parenthetical", ("TASS",)), ("inherited", ("Xinhua",)),
                   ("parenthetical", ("Xinhua",)), ("none", ())]


def test_inline_attribution_covers_only_its_sentence_and_does_not_end_a_later_credits_scope():
    paragraph = [("a", "The drill began."), ("b", "TASS said the drill ended early."),
                 ("c", "Troops left (Kabar, June 9).")]
    got = [(a.assigned_by, a.citation.outlets) for a in attribute_citations(paragraph, REGISTRY, JUNE_26)]
    assert got == [("inherited", ("Kabar",)), ("inline", ("TASS",)), ("parenthetical", ("Kabar",))]


@pytest.mark.parametrize("sentence, kind, outlets", [
    ("According to RIA Novosti, the drill ended early.", "inline", ("RIA Novosti",)),
    ("Krasnaya Zvezda reported that the march took two days.", "inline", ("Krasnaya Zvezda",)),
    ("People's Daily wrote that the SCO is no alliance.", "inline", ("Renmin Ribao",)),
    ("TASS said on March 18 that the drill ended.", "inline", ("TASS",)),
    ("Xinhua said the railway would cut freight times.", "inline", ("Xinhua",)),
    ("The minister told RIA Novosti that the drill ended.", "inline", ("RIA Novosti",)),
    ("According to observers, the PLA led the drill.", "unnamed", ()),
    ("Observers of the exercises told Jamestown that the forces were China-led.", "unnamed", ()),
    ("Diplomats in Bishkek told Jamestown that Bishkek asked for more troops.", "unnamed", ()),
    ("Guowei noted that the SCO will grow.", "none", ()),
    ("Local residents complain that the base brings little money.", "none", ()),
])
def test_inline_attributions(sentence, kind, outlets):
    [assignment] = attribute_citations([("s", sentence)], REGISTRY, JUNE_26)
    assert assignment.assigned_by == kind
    assert (assignment.citation.outlets if assignment.citation else ()) == outlets


@pytest.mark.parametrize("sentence, claim", [
    ("Krasnaya Zvezda reported that the march took two days.", "The march took two days."),
    ("According to Interfax, the drill ended early.", "The drill ended early."),
    ("TASS said on March 18 that Russia will hold a drill.", "Russia will hold a drill."),
    ("Observers of the exercises told Jamestown that the forces were China-led.", "The forces were China-led."),
    ("The minister told RIA Novosti that the drill ended.", "The minister told RIA Novosti that the drill ended."),
])
@pytest.mark.model
def test_outlet_and_unnamed_frames_are_the_credit_a_persons_words_stay_in_the_claim(sentence, claim):
    assert [c.text for c in _claims_of(sentence)] == [claim]


@pytest.mark.model
def test_users_register_their_own_citation_form():
    @citation_form("newsletter")
    def newsletter(context):
        found = "per the Bishkek Brief" in context.text
        at = context.text.find("per the Bishkek Brief")
        return [make_citation(context, "inline", "per the Bishkek Brief", ("Bishkek Brief",), ("Bishkek Brief",), None,
                              (at, at + len("per the Bishkek Brief, ")))] if found else []

    try:
        [claim] = _claims_of("per the Bishkek Brief, the drill ended early.")
        assert (claim.assigned_by, claim.cited_outlets, claim.text) == ("inline", ("Bishkek Brief",),
                                                                       "The drill ended early.")
    finally:
        del CITATION_FORMS["newsletter"]


@pytest.mark.parametrize("written, canonical", [
    ("Красная звезда", "Krasnaya Zvezda"), ("Red Star", "Krasnaya Zvezda"), ("Krasnaya Zvesda", "Krasnaya Zvezda"),
    ("人民日报", "Renmin Ribao"), ("People’s Daily", "Renmin Ribao"), ("Renmin Ribau", "Renmin Ribao"),
    ("新华社", "Xinhua"), ("Xinhau", "Xinhua"), ("Интерфакс", "Interfax"), ("Intefax", "Interfax"),
    ("ТАСС", "TASS"), ("ITAR-TASS", "TASS"), ("РИА Новости", "RIA Novosti"), ("RIA Novosty", "RIA Novosti"),
    ("Komersant", "Kommersant"), ("Независимая газета", "Nezavisimaya Gazeta"), ("Известия", "Izvestiya"),
    ("Российская газета", "Rossiyskaya Gazeta"), ("Кабар", "Kabar"), ("环球时报", "Global Times"),
])
def test_registry_resolves_aliases_translations_transliterations_and_misspellings(written, canonical):
    assert REGISTRY.resolve(written) == canonical


def test_registry_refuses_near_misses():
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
    from sourcecheck.model.claims import Article

    return extract_claims(Article("a", "p", "t", None, published, body, "h"), REGISTRY).claims


@pytest.mark.model
def test_several_credits_in_one_sentence_make_one_claim_each_and_the_first_covers_what_came_before():
    claims = _claims_of("Russia sent a battalion. The contingent numbered 1,200 troops (Interfax, June 9), "
                        "while Kyrgyzstan sent 150 (Kabar, June 10).")
    assert [(c.text, c.cited_outlets, c.date_start) for c in claims] == [
        ("Russia sent a battalion.", ("Interfax",), dt.date(2012, 6, 9)),
        ("The contingent numbered 1,200 troops.", ("Interfax",), dt.date(2012, 6, 9)),
        ("Kyrgyzstan sent 150.", ("Kabar",), dt.date(2012, 6, 10)),
    ]


@pytest.mark.parametrize("credit, outlets, start, end", [
    ("(Kommersant, Jan. 5; RIA Novosti, Jan. 6)", ("Kommersant", "RIA Novosti"),
     dt.date(2013, 1, 5), dt.date(2013, 1, 6)),
    ("(Vedomosti, February 3, 2013)", ("Vedomosti",), dt.date(2013, 2, 3), dt.date(2013, 2, 3)),
    ("(Asia-Plus, 11 February)", ("Asia-Plus",), dt.date(2013, 2, 11), dt.date(2013, 2, 11)),
    ("(Interfax, Xinhua)", ("Interfax", "Xinhua"), None, None),
])
@pytest.mark.model
def test_credit_forms(credit, outlets, start, end):
    [claim] = _claims_of(f"Troops left {credit}.")
    assert (claim.text, claim.cited_outlets, claim.date_start, claim.date_end) == ("Troops left.", outlets, start, end)


@pytest.mark.parametrize("sentence", [
    "Renmin Ribao (People's Daily) praised the drill.",       # a translation after the outlet's own name
    "The drill (Peace Mission 2007, August 9-17) was big.",   # an event with dates is no outlet
])
@pytest.mark.model
def test_glosses_are_not_credits(sentence):
    [claim] = _claims_of(sentence + " Beijing sent 700 troops (Xinhua, June 15).")[:1]
    assert claim.cited_outlets == ("Xinhua",) and claim.text == sentence


@pytest.mark.model
def test_inline_attribution_with_a_citing_clause():
    [claim] = _claims_of("Interfax, citing a source in the General Staff, reported that 500 troops left.")
    assert (claim.assigned_by, claim.cited_outlets) == ("inline", ("Interfax",))


def test_registry_file_with_aliases_as_a_string_is_refused(tmp_path):
    from sourcecheck.core.errors import InputError

    extra = tmp_path / "outlets.yaml"
    extra.write_text("- name: Kabar\n  aliases: Kabar News\n")
    with pytest.raises(InputError, match="`aliases` must be a list of names"):
        load_registry(str(extra))
