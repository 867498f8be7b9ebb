"""One Settings object holds every SOURCECHECK_* variable, and only sourcecheck/core/settings.py reads them."""

from __future__ import annotations

import re

from test_layers import ROOT, modules

from sourcecheck.core.settings import OPERATIONAL, Settings, current_settings, variable_name

PACKAGE_FILES = list(modules().values())


def test_every_variable_the_code_names_is_a_setting():
    named = {m for path in PACKAGE_FILES for m in re.findall(r"SOURCECHECK_[A-Z_]*[A-Z]", path.read_text("utf-8"))}
    settings = {variable_name(f) for f in Settings.__dataclass_fields__}
    assert named - settings == set()


def test_only_the_settings_module_reads_the_environment_for_sourcecheck():
    readers = [str(path.relative_to(ROOT)) for path in PACKAGE_FILES
               if re.search(r"environ(\.get)?[\[(]\s*f?[\"']SOURCECHECK_", path.read_text("utf-8"))]
    assert readers == []


def test_settings_are_read_at_each_call(monkeypatch, tmp_path):
    monkeypatch.setenv("SOURCECHECK_PEOPLE", str(tmp_path / "people.yaml"))
    monkeypatch.setenv("SOURCECHECK_DB", str(tmp_path / "w.duckdb"))
    settings = current_settings()
    assert settings.people == str(tmp_path / "people.yaml") and settings.db == str(tmp_path / "w.duckdb")
    assert settings.data_files() == {"people": str(tmp_path / "people.yaml")}
    monkeypatch.delenv("SOURCECHECK_PEOPLE")
    assert current_settings().data_files() == {}


def test_operational_settings_stay_out_of_what_can_change_a_verdict():
    inputs = Settings(db="a.duckdb", dask="tcp://x:1", nli_model="m", people="p.yaml").verdict_inputs()
    assert not set(OPERATIONAL) & set(inputs)
    assert inputs["nli_model"] == "m" and inputs["people"] == "p.yaml"
