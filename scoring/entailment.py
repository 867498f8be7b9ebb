"""The NLI model slot: (premise, hypothesis) pairs in, P(entailment), P(neutral), P(contradiction) out.

The default is the model trained for sourcecheck and shipped in `scoring/models/nli-minilm-l6/` (model card
there). Any Hugging Face cross-encoder can take its place by name or path (`SOURCECHECK_NLI_MODEL`); its label
order is read from its config (`id2label`), so `cross-encoder/nli-deberta-v3-base` (contradiction, entailment,
neutral) and two-way models (entailment, not_entailment) both work. Backend: ONNX Runtime when the model folder
has `onnx/model.onnx` (2-3x faster on CPU; parity with torch tested), else torch through sentence-transformers'
`CrossEncoder`; `SOURCECHECK_NLI_BACKEND=torch|onnx` forces one.
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from sourcecheck.core.errors import SourcecheckError
from sourcecheck.core.settings import current_settings

DEFAULT_NLI_MODEL = Path(__file__).resolve().parent / "models" / "nli-minilm-l6"
ONNX_FILE = Path("onnx") / "model.onnx"
BATCH = 32
MAX_LENGTH = 256
_LOCK = threading.Lock()


@dataclass(frozen=True)
class LabelOrder:
    """Column of each label in the model's output; `neutral`/`contradiction` are None for a two-way model."""

    entailment: int
    neutral: int | None
    contradiction: int | None

    @classmethod
    def from_config(cls, id2label: dict) -> LabelOrder:
        names = {str(label).lower().replace("-", "_"): int(index) for index, label in id2label.items()}
        if "entailment" not in names:
            raise SourcecheckError(f"NLI model labels {sorted(names)} have no 'entailment'")
        not_entailed = names.get("not_entailment")
        return cls(names["entailment"], names.get("neutral", not_entailed), names.get("contradiction"))

    def three_way(self, probabilities: np.ndarray) -> np.ndarray:
        """Columns entailment, neutral, contradiction (contradiction 0 for a two-way model)."""
        zeros = np.zeros(len(probabilities), dtype=np.float32)
        pick = lambda i: probabilities[:, i] if i is not None else zeros  # noqa: E731
        return np.stack([pick(self.entailment), pick(self.neutral), pick(self.contradiction)], axis=1)


class EntailmentModel:
    """Batched NLI over either backend; rows come back in input order as [entailment, neutral, contradiction]."""

    def __init__(self, name: str, backend: str):
        self.name, self.backend = name, backend
        if backend == "onnx":
            import onnxruntime
            from transformers import AutoTokenizer

            options = onnxruntime.SessionOptions()
            options.intra_op_num_threads = min(4, os.cpu_count() or 1)
            self._session = onnxruntime.InferenceSession(str(Path(name) / ONNX_FILE), options,
                                                         providers=["CPUExecutionProvider"])
            self._inputs = {i.name for i in self._session.get_inputs()}
            self._tokenizer = AutoTokenizer.from_pretrained(name)
            config = json.loads((Path(name) / "config.json").read_text(encoding="utf-8"))
            self.labels = LabelOrder.from_config(config["id2label"])
        else:
            from sentence_transformers import CrossEncoder

            self._encoder = CrossEncoder(name, device="cpu", max_length=MAX_LENGTH)
            self.labels = LabelOrder.from_config(self._encoder.model.config.id2label)

    def probabilities(self, pairs: list[tuple[str, str]]) -> np.ndarray:
        if not pairs:
            return np.zeros((0, 3), dtype=np.float32)
        lengths = np.array([len(p) + len(h) for p, h in pairs])
        order = np.argsort(lengths, kind="stable")
        in_order = np.concatenate([self._logits([pairs[i] for i in batch]) for batch in _batches(order, lengths)])
        logits = np.empty_like(in_order)
        logits[order] = in_order
        shifted = np.exp(logits - logits.max(axis=1, keepdims=True))
        return self.labels.three_way(shifted / shifted.sum(axis=1, keepdims=True))

    def _logits(self, pairs: list[tuple[str, str]]) -> np.ndarray:
        if self.backend == "onnx":
            encoded = self._tokenizer([p for p, _ in pairs], [h for _, h in pairs], padding=True,
                                      truncation="longest_first", max_length=MAX_LENGTH, return_tensors="np")
            feed = {k: v.astype(np.int64) for k, v in encoded.items() if k in self._inputs}
            return self._session.run(None, feed)[0]
        return np.asarray(self._encoder.predict(pairs, batch_size=BATCH, show_progress_bar=False,
                                                convert_to_numpy=True), dtype=np.float32).reshape(len(pairs), -1)


def _batches(order: np.ndarray, lengths: np.ndarray) -> list[np.ndarray]:
    """Pairs in length order, cut into batches of at most BATCH whose longest pair is at most 1.5 times the
    shortest (in characters): a batch is padded to its longest pair, and one claim's pairs mix 40-token
    sentences with 250-token passage groups, which padded together cost as much as that many groups."""
    batches, start = [], 0
    for end in range(1, len(order) + 1):
        if end == len(order) or end - start == BATCH or lengths[order[end]] > 1.5 * max(lengths[order[start]], 1):
            batches.append(order[start:end])
            start = end
    return batches


def configured_model() -> tuple[str, str]:
    """(model name or path, backend) from the environment; the shipped model and the fastest backend by default."""
    settings = current_settings()
    name = settings.nli_model or str(DEFAULT_NLI_MODEL)
    backend = settings.nli_backend or "auto"
    if backend not in {"auto", "onnx", "torch"}:
        raise SourcecheckError(f"SOURCECHECK_NLI_BACKEND={backend!r}: use auto, onnx or torch")
    has_onnx = (Path(name) / ONNX_FILE).is_file()
    if backend == "onnx" and not has_onnx:
        raise SourcecheckError(f"SOURCECHECK_NLI_BACKEND=onnx but {Path(name) / ONNX_FILE} does not exist")
    return name, ("onnx" if has_onnx else "torch") if backend == "auto" else backend


def load_entailment_model(name: str, backend: str) -> EntailmentModel:
    with _LOCK:  # one load per process even when a preload thread and the flow ask at once
        return _load(name, backend)


@cache
def _load(name: str, backend: str) -> EntailmentModel:
    try:
        return EntailmentModel(name, backend)
    except (OSError, ValueError) as error:
        raise SourcecheckError(f"cannot load NLI model {name!r} ({backend}): {error}") from error
