"""The challenge set of issue 24 (tests/fixtures/challenge/): it loads and is well formed, and the pipeline meets
the issue's targets on it: every class at least 90% of cases right, false contradictions and false support at
most 2% of the items they can happen to."""

import json

import pytest

from sourcecheck.evaluation.challenge import (
    CASE_FIELDS,
    CLASSES,
    CROSSLINGUAL_CLASSES,
    CROSSLINGUAL_FIXTURE,
    FIXTURE,
    load_cases,
    measures,
    run_cases,
)

CLASS_MIN = 0.90
RATE_MAX = 0.02
# issue 25's targets for Russian and Chinese sources (tests/fixtures/crosslingual-challenge/)
CROSSLINGUAL_RATE_MAX = {"false_contradiction": 0.02, "false_support": 0.03}


def test_every_case_has_the_fields_a_known_class_and_a_unique_id():
    cases = load_cases()
    assert len({c.case_id for c in cases}) == len(cases)
    for path in FIXTURE.glob("*.jsonl"):
        for line in filter(str.strip, path.read_text("utf-8").split("\n")):
            row = json.loads(line)
            assert set(CASE_FIELDS) <= set(row), row["id"]
            assert row["class"] == path.stem, f"{row['id']} is in {path.name}"


def test_every_class_has_at_least_twenty_cases():
    counts = {name: 0 for name in CLASSES}
    for case in load_cases():
        counts[case.case_class] += 1
    assert {name: n for name, n in counts.items() if n < 20} == {}
    assert sum(counts.values()) >= 200


def test_a_malformed_case_is_refused_by_file_and_line(tmp_path):
    good = json.loads(next(filter(str.strip, (FIXTURE / "control_supported.jsonl").read_text("utf-8").split("\n"))))
    (tmp_path / "a.jsonl").write_text(json.dumps(good) + "\n" + json.dumps(good | {"class": "rumour"}) + "\n")
    with pytest.raises(ValueError, match="a.jsonl:2: unknown class 'rumour'"):
        load_cases(tmp_path)
    (tmp_path / "a.jsonl").write_text(json.dumps(good) + "\n" + json.dumps(good) + "\n")
    with pytest.raises(ValueError, match="duplicate id"):
        load_cases(tmp_path)


@pytest.fixture(scope="module")
def figures():
    return measures(run_cases(load_cases()))


@pytest.mark.model
@pytest.mark.parametrize("name", CLASSES)
def test_class_accuracy_meets_the_target(figures, name):
    figure = figures["classes"][name]
    wrong = [f["id"] for f in figures["failures"] if f["class"] == name]
    assert figure["accuracy"] >= CLASS_MIN, f"{name}: {figure['right']}/{figure['cases']} right; wrong: {wrong}"


@pytest.mark.model
@pytest.mark.parametrize("rate", ["false_contradiction", "false_support"])
def test_headline_rate_meets_the_target(figures, rate):
    figure = figures[rate]
    assert figure["rate"] <= RATE_MAX, f"{rate}: {figure['items']} of {figure['of']} items"


@pytest.fixture(scope="module")
def crosslingual_figures():
    return measures(run_cases(load_cases(CROSSLINGUAL_FIXTURE, CROSSLINGUAL_CLASSES)))


@pytest.mark.model
def test_the_crosslingual_classes_meet_their_targets(crosslingual_figures):
    figures = crosslingual_figures
    below = {n: f"{c['right']}/{c['cases']}" for n, c in figures["classes"].items() if c["accuracy"] < CLASS_MIN}
    over = {r: figures[r]["items"] for r, most in CROSSLINGUAL_RATE_MAX.items() if figures[r]["rate"] > most}
    assert (below, over) == ({}, {}), [f["id"] for f in figures["failures"]]
    assert set(figures["classes"]) == set(CROSSLINGUAL_CLASSES)
