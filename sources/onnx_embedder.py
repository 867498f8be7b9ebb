"""A sentence-transformers model (Transformer, mean pooling, normalisation) run by ONNX Runtime.

Faster than torch on CPU for short texts (benchmarks/throughput.py measures both), and a process that embeds
with it never imports torch (3-5 s). The ONNX graph is exported once from the model's own weights with torch's
exporter and cached by the weights file's path, size and time (`$SOURCECHECK_CACHE`, default
`~/.cache/sourcecheck`); nothing is downloaded. Its vectors match sentence-transformers' within 1e-5 per
element (tests/test_onnx_embedder.py), so it shares the model id and the stored vectors of the torch backend.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import numpy as np

from sourcecheck.core.errors import SourcecheckError
from sourcecheck.core.ids import content_id
from sourcecheck.core.settings import current_settings
from sourcecheck.sources.batching import encode_by_length

WEIGHTS = "model.safetensors"


def onnx_compatible(folder: Path) -> bool:
    """A BERT sentence-transformers folder this backend reproduces exactly: Transformer, mean pooling,
    Normalize (others, and Hugging Face ids, stay on sentence-transformers)."""
    try:
        if json.loads((folder / "config.json").read_text("utf-8")).get("model_type") != "bert":
            return False
        modules = [m["type"].rsplit(".", 1)[-1] for m in json.loads((folder / "modules.json").read_text("utf-8"))]
        pooling = json.loads((folder / "1_Pooling" / "config.json").read_text("utf-8"))
    except (OSError, ValueError, KeyError):
        return False
    mean_only = pooling.get("pooling_mode_mean_tokens") and not any(
        pooling.get(k)
        for k in ("pooling_mode_cls_token", "pooling_mode_max_tokens", "pooling_mode_mean_sqrt_len_tokens"))
    return (modules == ["Transformer", "Pooling", "Normalize"] and bool(mean_only)
            and (folder / WEIGHTS).is_file() and (folder / "tokenizer.json").is_file())


class OnnxEmbedder:
    """The same vectors as `SentenceTransformerEmbedder` for an `onnx_compatible` folder."""

    def __init__(self, model_id: str, folder: Path):
        import onnxruntime
        from tokenizers import Tokenizer

        self.model_id = model_id
        config = json.loads((folder / "sentence_bert_config.json").read_text("utf-8"))
        self.max_length = int(config.get("max_seq_length", 256))
        self._tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self._tokenizer.enable_truncation(self.max_length)
        self._tokenizer.enable_padding(pad_id=self._tokenizer.token_to_id("[PAD]") or 0)
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = os.cpu_count() or 1
        # no busy-waiting between operators: on a shared machine spinning threads take the cores from the work
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self._session = onnxruntime.InferenceSession(str(exported_graph(folder)), options,
                                                     providers=["CPUExecutionProvider"])
        self.dimension = int(json.loads((folder / "config.json").read_text("utf-8"))["hidden_size"])

    def encode(self, texts: list[str], label: str = "embedding") -> np.ndarray:
        return encode_by_length(texts, self._encode_batch, self.dimension, label)

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        encoded = self._tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encoded], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
        types = np.array([e.type_ids for e in encoded], dtype=np.int64)
        hidden = self._session.run(["last_hidden_state"],
                                   {"input_ids": ids, "attention_mask": mask, "token_type_ids": types})[0]
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        return pooled / np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)


def exported_graph(folder: Path) -> Path:
    """The ONNX graph of the folder's transformer, exported on first use (written aside, then renamed, so two
    processes exporting at once never read half a file)."""
    weights = (folder / WEIGHTS).stat()
    weights_id = content_id(folder.resolve(), weights.st_size, weights.st_mtime_ns)
    target = current_settings().cache_path() / "onnx" / weights_id / "model.onnx"
    if target.is_file():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent) as tmp:
        partial = Path(tmp) / "model.onnx"
        try:
            _export(folder, partial)
        except Exception as exc:  # say which model; the torch backend still works
            raise SourcecheckError(f"embedding model {folder}: ONNX export failed ({str(exc).splitlines()[0][:160]}); "
                                   "set SOURCECHECK_EMBEDDING_BACKEND=torch") from None
        os.replace(partial, target)
    return target


def _export(folder: Path, target: Path) -> None:
    import torch
    from transformers import AutoModel

    class Hidden(torch.nn.Module):
        """The transformer's last hidden state, by keyword (BertModel's positional order varies by version)."""

        def __init__(self):
            super().__init__()
            self.model = AutoModel.from_pretrained(str(folder), dtype=torch.float32).eval()

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.model(input_ids=input_ids, attention_mask=attention_mask,
                              token_type_ids=token_type_ids).last_hidden_state

    sample = (torch.tensor([[101, 7592, 2088, 102], [101, 7592, 102, 0]]),
              torch.tensor([[1, 1, 1, 1], [1, 1, 1, 0]]), torch.zeros((2, 4), dtype=torch.long))
    names = ["input_ids", "attention_mask", "token_type_ids"]
    axes = {name: {0: "batch", 1: "tokens"} for name in names + ["last_hidden_state"]}
    with torch.no_grad():
        torch.onnx.export(Hidden(), sample, str(target), input_names=names, output_names=["last_hidden_state"],
                          dynamic_axes=axes, opset_version=17, dynamo=False)
