"""Package a trained NLI cross-encoder for shipping: fp16 safetensors (the torch reference) + ONNX.

    .venv/bin/python -m training.export_nli --model build/nli-model --out scoring/models/nli-minilm-l6 \
        [--check ../shared/data/nli/eval.jsonl]

The ONNX graph is exported from the fp32 weights and stored with fp16 weights that run in fp32
(`store_weights_in_fp16`); int8 dynamic quantisation was tried first and dropped: on 1,000 evaluation pairs it
moved probabilities by 0.021 on average (0.27 at worst), agreed with fp32 on 96.1% of labels, and made a pair's
score depend on the other pairs in its batch. The fp16 safetensors keep the repository under 100 MB and load as
fp32 for the torch backend. `--check` measures both against the fp32 model on real pairs (export.json).
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
from pathlib import Path

import numpy as np
import torch

KEEP = ["config.json", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "vocab.txt",
        "training.json"]


def export_onnx(model_dir: Path, target: Path) -> None:
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    model = AutoModelForSequenceClassification.from_pretrained(model_dir, dtype=torch.float32).eval()
    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    sample = tokenizer(["a longer premise sentence", "short"], ["a hypothesis", "b"], padding=True, return_tensors="pt")
    # positional inputs must follow forward()'s order, not the tokenizer's (which puts token_type_ids second)
    names = [name for name in ("input_ids", "attention_mask", "token_type_ids") if name in sample]
    axes = {name: {0: "batch", 1: "tokens"} for name in names} | {"logits": {0: "batch"}}
    torch.onnx.export(model, tuple(sample[n] for n in names), str(target), input_names=names,
                      output_names=["logits"], dynamic_axes=axes, opset_version=17, dynamo=False)


def store_weights_in_fp16(source: Path, target: Path) -> None:
    """The fp32 graph with each large weight stored in fp16 behind a Cast to fp32. ONNX Runtime folds the casts
    when it loads the model, so it computes in fp32 on the same fp16-rounded weights as the torch reference
    (half the file, no accuracy lost to quantisation, and a pair's score never depends on its batch, which
    dynamic int8 quantisation breaks: it scales activations per batch)."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    model = onnx.load(str(source))
    graph = model.graph
    kept, casts = [], []
    for weight in graph.initializer:
        if weight.data_type != TensorProto.FLOAT or np.prod(weight.dims) < 1024:
            kept.append(weight)
            continue
        half = numpy_helper.from_array(numpy_helper.to_array(weight).astype(np.float16), weight.name + "_fp16")
        kept.append(half)
        casts.append(helper.make_node("Cast", [half.name], [weight.name], to=TensorProto.FLOAT))
    del graph.initializer[:]
    graph.initializer.extend(kept)
    nodes = casts + list(graph.node)
    del graph.node[:]
    graph.node.extend(nodes)
    onnx.checker.check_model(model)
    onnx.save(model, str(target))


def save_reference(model_dir: Path, out: Path) -> None:
    from transformers import AutoModelForSequenceClassification

    model = AutoModelForSequenceClassification.from_pretrained(model_dir, dtype=torch.float32)
    model.half().save_pretrained(out)
    config = json.loads((out / "config.json").read_text())
    config["dtype"] = "float32"  # stored in fp16 to halve the size; computed in fp32 on CPU
    (out / "config.json").write_text(json.dumps(config, indent=2) + "\n")


def parity(reference_dir: Path, shipped: Path, eval_file: Path, rows: int = 1000) -> dict:
    from sourcecheck.scoring.entailment import EntailmentModel

    pairs = [(r["premise"], r["hypothesis"]) for r in map(json.loads, eval_file.read_text().splitlines()[::20][:rows])]
    fp32 = EntailmentModel(str(reference_dir), "torch").probabilities(pairs)
    fp16 = EntailmentModel(str(shipped), "torch").probabilities(pairs)
    onnx_probs = EntailmentModel(str(shipped), "onnx").probabilities(pairs)
    out = {"pairs": len(pairs)}
    for name, probs in (("fp16_torch", fp16), ("fp16_weights_onnx", onnx_probs)):
        diff = np.abs(probs - fp32)
        out[name] = {"max_abs_diff": round(float(diff.max()), 4), "mean_abs_diff": round(float(diff.mean()), 5),
                     "argmax_agreement": round(float((probs.argmax(1) == fp32.argmax(1)).mean()), 4)}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=Path("build/nli-model"))
    parser.add_argument("--out", type=Path, default=Path("scoring/models/nli-minilm-l6"))
    parser.add_argument("--check", type=Path)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "onnx").mkdir(exist_ok=True)
    save_reference(args.model, args.out)
    for name in KEEP:
        if (args.model / name).exists():
            shutil.copy(args.model / name, args.out / name)
    config = json.loads((args.out / "config.json").read_text())
    config["dtype"] = "float32"
    (args.out / "config.json").write_text(json.dumps(config, indent=2) + "\n")
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "model-fp32.onnx"
        export_onnx(args.model, fp32)
        store_weights_in_fp16(fp32, args.out / "onnx" / "model.onnx")
    report = {"files_mb": {str(p.relative_to(args.out)): round(p.stat().st_size / 1e6, 1)
                           for p in sorted(args.out.rglob("*")) if p.is_file()}}
    if args.check:
        report["parity_vs_fp32"] = parity(args.model, args.out, args.check)
    (args.out / "export.json").write_text(json.dumps(report, indent=1) + "\n")
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
