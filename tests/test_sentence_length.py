"""A "sentence" of megabytes (a scraped page or a transcript without stops) is cut into passages of at most
CHUNK_CHARS characters in every language, quickly, and the pieces still index the text exactly."""

from __future__ import annotations

import time

import pytest

from sourcecheck.core.sentences import CHUNK_CHARS, split_sentences

RUN_ON = {"en": "troops moved north " * 10_000, "ru": "войска двинулись на север " * 40_000,
          "zh": "部队向北移动" * 200_000, "fr": "les troupes avancent " * 10_000}


@pytest.mark.parametrize("language", RUN_ON)
def test_a_megabyte_without_sentence_ends_is_cut_into_bounded_pieces(language):
    text = RUN_ON[language]
    started = time.perf_counter()
    spans = split_sentences(text, language)
    assert time.perf_counter() - started < 10
    assert max(end - start for start, end, _ in spans) <= CHUNK_CHARS
    assert all(text[start:end] == sentence for start, end, sentence in spans)
    assert "".join(text[a:b] for a, b, _ in spans).replace(" ", "") == text.replace(" ", "")


def test_sentences_of_ordinary_length_are_not_cut():
    text = "Войска двинулись на север. Учения прошли в Таджикистане."
    assert [s for _, _, s in split_sentences(text, "ru")] == ["Войска двинулись на север.",
                                                              "Учения прошли в Таджикистане."]
