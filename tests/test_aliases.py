"""The alias tables (outlets, people, places) read by one reader: a user's file extends the bundled table, and a
bad one is refused in one line naming it."""

import pytest

from sourcecheck.claims.outlets import load_registry
from sourcecheck.core.errors import InputError
from sourcecheck.slots import slots_of
from sourcecheck.slots.compare import compare_slots


def test_a_places_file_extends_the_gazetteer_with_its_parents(tmp_path, monkeypatch):
    places = tmp_path / "places.yaml"
    places.write_text("- name: Exampleton\n  aliases: [Exampleville, Экзамплтон]\n  in: Tajikistan\n", "utf-8")
    monkeypatch.setenv("SOURCECHECK_PLACES", str(places))
    claim, source = slots_of("The drill was held in Exampleville."), slots_of("Учения прошли в Таджикистане.")
    assert claim.venues == {"Exampleton"}
    assert compare_slots(claim, source, source).agreements == ("place: Exampleton",)


def test_a_people_file_extends_the_table(tmp_path, monkeypatch):
    people = tmp_path / "people.yaml"
    people.write_text("- name: Jane Example\n  aliases: [Джейн Экзампл]\n", "utf-8")
    monkeypatch.setenv("SOURCECHECK_PEOPLE", str(people))
    assert "Jane Example" in slots_of("Джейн Экзампл выступила.").people


@pytest.mark.parametrize("variable, content, problem", [
    ("SOURCECHECK_PEOPLE", "name: Jane Example\n", "the people file must be a list of entries with `name` and "
                                                   "optional `aliases`"),
    ("SOURCECHECK_PEOPLE", "- name: Jane Example\n  aliases: Jane\n", "people file, entry 'Jane Example': "
                                                                      "`aliases` must be a list of names"),
    ("SOURCECHECK_PLACES", "- name: Exampleton\n  in: [Tajikistan]\n", "places file, entry 'Exampleton': "
                                                                       "`in` must be a name"),
    ("SOURCECHECK_PLACES", "- [unclosed\n", "the places file is not valid YAML"),
    ("SOURCECHECK_OUTLETS", "- aliases: [ExWire]\n", "the outlet registry must be a list of entries with `name` and "
                                                     "optional `aliases` and `domains`"),
    ("SOURCECHECK_OUTLETS", "- name: ExWire\n  domains: exwire.example\n", "outlet registry, entry 'ExWire': "
                                                                          "`domains` must be a list of names"),
])
def test_a_bad_file_is_refused_in_one_line_naming_it(variable, content, problem, tmp_path, monkeypatch):
    table = tmp_path / "table.yaml"
    table.write_text(content, "utf-8")
    monkeypatch.setenv(variable, str(table))
    with pytest.raises(InputError) as refused:
        load_registry() if variable == "SOURCECHECK_OUTLETS" else slots_of("Jane Example spoke in Exampleton.")
    assert str(refused.value) == f"{table}: {problem}"


def test_a_missing_file_is_refused_naming_it(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCECHECK_PLACES", str(tmp_path / "none.yaml"))
    with pytest.raises(InputError, match=r"none\.yaml: cannot read the places file \(No such file or directory\)"):
        slots_of("The drill was held in Exampleville.")
