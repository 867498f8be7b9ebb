"""`sourcecheck bench wice` and `bench pairs` on small hand-written files in the formats they read."""

import json

import numpy as np
import pytest
from conftest import ROOT

from sourcecheck.cli import main
from sourcecheck.evaluation.metrics import balanced_accuracy, best_threshold, platt, roc_auc

pytestmark = pytest.mark.model   # loads a model or runs the pipeline: not in `make check`

FIXTURES = ROOT / "tests" / "fixtures"


def test_metrics_match_hand_computed_values():
    scores = np.array([0.9, 0.8, 0.4, 0.3, 0.8])
    positive = np.array([True, False, True, False, True])
    assert roc_auc(scores, positive) == pytest.approx((1 + 0.5 + 1 + 1 + 0 + 1) / 6)  # 5 of 6 pairs, one tie
    assert balanced_accuracy(scores >= 0.5, positive) == pytest.approx((2 / 3 + 1 / 2) / 2)
    assert balanced_accuracy(scores >= best_threshold(scores, positive), positive) >= 2 / 3
    a, b = platt(np.array([0.2, 0.4, 0.6, 0.8] * 10), np.array([False, False, True, True] * 10))
    assert a > 1  # separable data: the fitted curve is steeper than the identity


def test_bench_wice_runs_the_pipeline_and_reports_the_fields_measures(tmp_path, capsys):
    out = tmp_path / "wice.json"
    assert main(["bench", "wice", str(FIXTURES / "wice_format.jsonl"), "-k", "2", "--out", str(out)]) == 0
    result = json.loads(out.read_text())
    assert result == json.loads(capsys.readouterr().out)
    assert (result["claims"], result["supported"], result["claims_with_gold_sets"]) == (4, 2, 3)
    # the paraphrase (row 0) lies in the top 2; row 3 needs sentence 1 only (its second gold set)
    assert result["recall_at_k_gold_set"] == 1.0
    assert 0 <= result["roc_auc"] <= 1 and 0 <= result["balanced_accuracy"] <= 1
    assert set(result["three_way"]["recall"]) == {"supported", "partially_supported", "not_supported"}


def test_bench_wice_on_one_fold_reads_only_its_rows(tmp_path):
    out = tmp_path / "odd.json"
    assert main(["bench", "wice", str(FIXTURES / "wice_format.jsonl"), "--fold", "odd", "--out", str(out)]) == 0
    assert json.loads(out.read_text())["claims"] == 2


def test_bench_pairs_reports_each_dataset_and_reliability(tmp_path):
    out = tmp_path / "pairs.json"
    assert main(["bench", "pairs", str(FIXTURES / "nli_pairs.jsonl"), "--out", str(out)]) == 0
    result = json.loads(out.read_text())
    assert set(result["datasets"]) == {"hand", "two-way"}
    assert result["datasets"]["hand"]["rows"] == 3
    assert set(result["datasets"]["two-way"]["recall"]) == {"entailment", "not_entailment"}
    assert sum(row["rows"] for row in result["reliability"]) == 4  # the three-way rows plus the entailment row
    assert result["pairs_per_second"] > 0


@pytest.mark.parametrize("command, content, message", [
    ("wice", '{"claim": "x", "evidence": ["y"], "label": "supported"}\n{"claim": "x"}\n', "line 2: not a WiCE row"),
    ("wice", '{"claim": "x", "evidence": ["y"], "label": "true"}\n', "line 1: needs a claim, evidence"),
    ("pairs", '{"premise": "a", "hypothesis": "b", "label": "yes"}\n', "line 1: label 'yes' is not one of"),
    ("pairs", "not json\n", "line 1: not a pair row"),
])
def test_bench_rejects_malformed_rows_naming_file_and_line(tmp_path, capsys, command, content, message):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(content)
    assert main(["bench", command, str(bad)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}: {message}" in err and len(err.strip().splitlines()) == 1
