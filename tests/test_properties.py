"""Property tests (Hypothesis) on the parsers that read untrusted text: the citation parser, the sentence
splitter, and the number and date normalisers. Whatever the text, they raise nothing but sourcecheck's own
error type, and every span they return indexes the text it came from.

Profiles: `default` (150 examples a test, derandomised so CI is repeatable) and `thorough` (2,000 random ones):
HYPOTHESIS_PROFILE=thorough .venv/bin/python -m pytest tests/test_properties.py
"""

from __future__ import annotations

import datetime as dt
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sourcecheck.claims.citation_forms import SentenceContext, recognise
from sourcecheck.claims.citations import attribute_citations
from sourcecheck.claims.dates import parse_citation_date
from sourcecheck.claims.outlets import load_registry
from sourcecheck.core.errors import SourcecheckError
from sourcecheck.core.sentences import CHUNK_CHARS, split_sentences
from sourcecheck.slots import slots_of
from sourcecheck.slots.compare import compare_slots

settings.register_profile("default", max_examples=150, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=2_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

# The pieces the parsers look for, so examples reach deep into them, and anything else Unicode has.
TOKENS = ["(", ")", "((", "))", "Interfax", "TASS", "Xinhua", "Krasnaya Zvezda", "Red Star", "RIA Novosti",
          "Красная звезда", "新华社", "Kabar", "June", "Jan.", "Sept", "December", "Feb", "18", "29", "30", "31", "0",
          "99", "2012", "1899", "2024", "-", "–", "—", ",", ";", ":", ".", "?", "!", "…", "。", "”", "“", "\"", "'",
          "reported that", "according to", "said", "told", "observers", "about", "around", "more than", "up to",
          "between", "and", "to", "2,000", "1,300", "1.5", "million", "bn", "k", "$", "€", "%", "per cent", "troops",
          "servicemen", "km", "miles", "aircraft", "in", "at", "near", "Tajikistan", "Kant", "DUSHANBE", " ", "  ",
          "\n", "\n\n", "\t", "\u2028", "\x00", "\ufffd", "U.S.", "Gen.", "Mr.", "No."]
text_of_tokens = st.lists(st.sampled_from(TOKENS), max_size=60).map(" ".join)
texts = st.one_of(text_of_tokens, st.text(max_size=300),
                  st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=5)), max_size=40).map("".join))
references = st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 2), max_value=dt.date(9999, 12, 30)))
REGISTRY = load_registry()


def _own_errors_only(call):
    try:
        return call()
    except SourcecheckError:
        return None


@given(texts, references)
def test_citation_parser_cuts_index_the_sentence(text, reference):
    citations = _own_errors_only(lambda: recognise(SentenceContext("s", text, REGISTRY, reference)))
    for c in citations or []:
        if c.cut is not None:
            start, end = c.cut
            assert 0 <= start <= end <= len(text)
        assert c.raw in text
        assert c.date_start is None or c.date_end is None or c.date_start <= c.date_end


@given(st.lists(texts, min_size=1, max_size=5), references)
def test_credit_scope_assigns_every_sentence_of_a_paragraph(sentences, reference):
    pairs = [(f"s{i}", t) for i, t in enumerate(sentences)]
    assignments = _own_errors_only(lambda: attribute_citations(pairs, REGISTRY, reference))
    if assignments is not None:
        assert len(assignments) == len(pairs)
        for (_, text), a in zip(pairs, assignments, strict=True):
            assert all(0 <= s <= e <= len(text) for s, e in a.cuts)


@given(st.one_of(texts, st.lists(text_of_tokens, min_size=1, max_size=400).map(". ".join)))
def test_sentence_spans_index_the_text_in_order(text):
    spans = split_sentences(text)
    previous_end = 0
    for start, end, sentence in spans:
        assert previous_end <= start < end <= len(text)
        assert text[start:end] == sentence == sentence.strip()
        previous_end = end


def test_sentence_spans_hold_across_the_pieces_of_a_long_text():
    """Longer than one pysbd piece: the offsets of later pieces are shifted back into the whole text."""
    text = " ".join(f"Convoy {i} left Murmansk with {i % 90 + 10} ships." for i in range(4 * CHUNK_CHARS // 40))
    spans = split_sentences(text)
    assert len(text) > 3 * CHUNK_CHARS and len(spans) == 4 * CHUNK_CHARS // 40
    assert all(text[s:e] == sentence for s, e, sentence in spans)


@given(texts, references)
def test_citation_dates_are_none_or_an_ordered_pair(text, reference):
    parsed = _own_errors_only(lambda: parse_citation_date(text, reference))
    if parsed is not None:
        start, end = parsed
        assert (start is None) == (end is None)
        assert start is None or start <= end


@given(texts, texts)
def test_slots_are_ordered_intervals_written_in_the_text(claim, passage):
    slots = slots_of(claim)
    for q in slots.quantities:
        assert q.low <= q.high
        assert all(word in claim for word in q.written.split())
    for d in slots.dates:
        assert 1 <= d.start <= d.end <= 366
        assert all(word in claim for word in d.written.split())
    assert slots.venues <= slots.places
    other = slots_of(passage)
    comparison = compare_slots(slots, other, other)
    assert len(comparison.agreements) + len(comparison.mismatches) + len(comparison.missing) >= len(slots.quantities)


@pytest.mark.parametrize("text", ["(", ")", "((Interfax, June 18)", "(Interfax, June 18", "Interfax, June 18))",
                                  "(Interfax, June 31)", "(TASS, February 29)", "(Xinhua, December 30-January 2)"])
def test_unbalanced_parentheses_and_impossible_dates(text):
    for c in recognise(SentenceContext("s", text, REGISTRY, dt.date(2013, 1, 5))):
        assert c.raw in text and (c.cut is None or text[c.cut[0]: c.cut[1]])
