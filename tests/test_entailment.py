"""The NLI model slot: label orders of other models, the shipped model's behaviour, ONNX parity with torch."""

import json

import numpy as np
import pytest

from sourcecheck.core.errors import SourcecheckError
from sourcecheck.scoring.entailment import DEFAULT_NLI_MODEL, LabelOrder, configured_model, load_entailment_model

PAIRS = [  # premise, hypothesis, expected label
    ("About 1,600 Chinese personnel arrived in Kazakhstan by rail on June 8.",
     "About 1,600 Chinese personnel arrived in Kazakhstan.", "entailment"),
    ("Some 2,000 servicemen from five states took part in the exercise, the ministry said.",
     "Around 2,000 servicemen took part in the exercise.", "entailment"),
    ("About 1,300 servicemen took part in the Peace Mission 2012 exercise in Tajikistan.",
     "About 5,000 servicemen took part in the Peace Mission 2012 exercise in Tajikistan.", "contradiction"),
    ("The exercise was held in Tajikistan from June 8 to June 14.",
     "The exercise was held in Kyrgyzstan from June 8 to June 14.", "contradiction"),
    ("The battalion was not deployed to the exercise.", "The battalion was deployed to the exercise.", "contradiction"),
    ("The defence ministers met in Beijing to discuss the budget.",
     "The exercise included a 300-kilometer march by armoured vehicles.", "neutral"),
]
LABELS = ["entailment", "neutral", "contradiction"]


def test_label_order_is_read_from_the_models_config():
    deberta = LabelOrder.from_config({"0": "contradiction", "1": "entailment", "2": "neutral"})
    probs = np.array([[0.7, 0.2, 0.1]])
    assert deberta.three_way(probs).tolist() == [[pytest.approx(0.2), pytest.approx(0.1), pytest.approx(0.7)]]
    two_way = LabelOrder.from_config({0: "entailment", 1: "not_entailment"})
    assert two_way.three_way(np.array([[0.3, 0.7]])).tolist() == [[pytest.approx(0.3), pytest.approx(0.7), 0.0]]
    with pytest.raises(SourcecheckError, match="no 'entailment'"):
        LabelOrder.from_config({0: "LABEL_0", 1: "LABEL_1"})


def test_model_and_backend_come_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("SOURCECHECK_NLI_MODEL", raising=False)
    monkeypatch.delenv("SOURCECHECK_NLI_BACKEND", raising=False)
    assert configured_model() == (str(DEFAULT_NLI_MODEL), "onnx")
    monkeypatch.setenv("SOURCECHECK_NLI_BACKEND", "torch")
    assert configured_model() == (str(DEFAULT_NLI_MODEL), "torch")
    monkeypatch.setenv("SOURCECHECK_NLI_MODEL", "cross-encoder/nli-deberta-v3-base")
    monkeypatch.setenv("SOURCECHECK_NLI_BACKEND", "auto")
    assert configured_model() == ("cross-encoder/nli-deberta-v3-base", "torch")  # a hub name: torch
    monkeypatch.setenv("SOURCECHECK_NLI_MODEL", str(tmp_path))
    monkeypatch.setenv("SOURCECHECK_NLI_BACKEND", "onnx")
    with pytest.raises(SourcecheckError, match="onnx/model.onnx does not exist"):
        configured_model()
    monkeypatch.setenv("SOURCECHECK_NLI_BACKEND", "gpu")
    with pytest.raises(SourcecheckError, match="use auto, onnx or torch"):
        configured_model()


@pytest.mark.model
def test_a_model_that_cannot_be_loaded_is_a_clear_error(tmp_path):
    with pytest.raises(SourcecheckError, match="cannot load NLI model"):
        load_entailment_model(str(tmp_path / "nowhere"), "torch")


@pytest.mark.model
@pytest.mark.parametrize("backend", ["onnx", "torch"])
def test_shipped_model_reads_support_contradiction_and_unrelated_text(backend):
    probabilities = load_entailment_model(str(DEFAULT_NLI_MODEL), backend).probabilities(
        [(p, h) for p, h, _ in PAIRS])
    assert probabilities.shape == (len(PAIRS), 3)
    assert np.allclose(probabilities.sum(axis=1), 1, atol=1e-4)
    assert [LABELS[i] for i in probabilities.argmax(axis=1)] == [label for _, _, label in PAIRS]


@pytest.mark.model
def test_onnx_matches_the_torch_reference():
    """Both run the same fp16-stored weights in fp32 (training/export_nli.py): they agree to 5e-3 (measured
    0.002), and on 1,000 evaluation pairs each stays within 0.002 of the fp32 model it came from (export.json)."""
    measured = json.loads((DEFAULT_NLI_MODEL / "export.json").read_text())["parity_vs_fp32"]
    assert measured["fp16_weights_onnx"]["max_abs_diff"] <= 0.01 and measured["fp16_torch"]["max_abs_diff"] <= 0.01
    pairs = [(p, h) for p, h, _ in PAIRS] + [(h, p) for p, h, _ in PAIRS]  # mixed lengths in one batch
    onnx = load_entailment_model(str(DEFAULT_NLI_MODEL), "onnx").probabilities(pairs)
    torch = load_entailment_model(str(DEFAULT_NLI_MODEL), "torch").probabilities(pairs)
    assert np.abs(onnx - torch).max() <= 5e-3
    assert (onnx.argmax(1) == torch.argmax(1)).all()


@pytest.mark.model
def test_a_pairs_score_does_not_depend_on_its_batch():
    model = load_entailment_model(str(DEFAULT_NLI_MODEL), "onnx")
    pairs = [(p, h) for p, h, _ in PAIRS]
    one_by_one = np.concatenate([model.probabilities([pair]) for pair in pairs])
    assert np.allclose(model.probabilities(pairs), one_by_one, atol=1e-4)  # in input order, whatever the padding
    assert model.probabilities([]).shape == (0, 3)


def test_pairs_of_very_different_lengths_are_never_padded_together():
    from sourcecheck.scoring.entailment import BATCH, _batches

    lengths = np.array([60, 900, 65, 70, 300, 280, 62, 61] * 10)   # one claim's sentences, windows and groups
    order = np.argsort(lengths, kind="stable")
    batches = _batches(order, lengths)
    assert np.array_equal(np.concatenate(batches), order)          # every pair once, in length order
    assert all(len(b) <= BATCH and lengths[b].max() <= 1.5 * lengths[b].min() for b in batches)
    assert [len(b) for b in batches] == [32, 18, 20, 10]           # 50 sentences, 20 windows, 10 groups
