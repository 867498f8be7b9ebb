"""Outlet names that display like a registered outlet: format characters are dropped before matching, and a
name mixing scripts to imitate a registered outlet is named as an imitation (sources refuse it: test_bad_input)."""

from __future__ import annotations

import pytest

from sourcecheck.claims.outlets import load_registry, normal_name

REGISTRY = load_registry()


@pytest.mark.parametrize("written", ["Inter\u202efax", "Interfax\u200b", "\u2066TASS\u2069", "Ｉｎｔｅｒｆａｘ"])
def test_format_characters_and_compatibility_forms_do_not_hide_a_registered_outlet(written):
    assert REGISTRY.resolve(written) in {"Interfax", "TASS"}


def test_a_name_is_stored_without_its_format_characters():
    assert normal_name(" Jamestown\u200d  Foundation\u202c ") == "Jamestown Foundation"


@pytest.mark.parametrize(("written", "imitated", "letters"), [
    ("Int\u0435rf\u0430x", "Interfax", "Cyrillic \u0435 U+0435, Cyrillic \u0430 U+0430"),
    ("\u03a4ASS", "TASS", "Greek \u03a4 U+03A4"),
    ("X\u0456nhu\u0430", "Xinhua", "Cyrillic \u0456 U+0456, Cyrillic \u0430 U+0430"),
])
def test_a_mixed_script_look_alike_names_the_outlet_it_imitates(written, imitated, letters):
    assert REGISTRY.resolve(written) != imitated
    assert REGISTRY.imitation(written) == (imitated, letters)


@pytest.mark.parametrize("written", ["Interfax", "Интерфакс", "ИТАР-ТАСС", "Jamestown", "Вечерний Бишкек",
                                     "Interf\u0430x"])   # one foreign letter: the misspelling resolves to Interfax
def test_registered_single_script_and_resolving_names_are_no_imitation(written):
    assert REGISTRY.imitation(written) is None
