"""Package a trained NLI cross-encoder for shipping: fp16 safetensors (the torch reference) + int8 ONNX.

    .venv/bin/python -m training.export_nli --model build/nli-model --out scoring/models/nli-minilm-l6 \
        [--check ../shared/data/nli/eval.jsonl]

The ONNX graph is exported from the fp32 weights, then quantised to int8 per channel with ONNX Runtime's dynamic
quantisation (the stack notes measured per-channel as the int8 variant that loses least). The fp16 safetensors keep
the repository under 100 MB and load as fp32 for the torch backend. `--check` measures how far the int8 model is
from the fp32 one on real pairs and writes it to export.json (the tolerance the parity test uses comes from it).
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
    sample = tokenizer(["a premise sentence"], ["a hypothesis"], return_tensors="pt")
    names = list(sample.keys())
    axes = {name: {0: "batch", 1: "tokens"} for name in names} | {"logits": {0: "batch"}}
    torch.onnx.export(model, tuple(sample[n] for n in names), str(target), input_names=names,
                      output_names=["logits"], dynamic_axes=axes, opset_version=17, dynamo=False)


def quantize(source: Path, target: Path) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(str(source), str(target), per_channel=True, weight_type=QuantType.QInt8)


def save_reference(model_dir: Path, out: Path) -> None:
    from transformers import AutoModelForSequenceClassification

    model = AutoModelForSequenceClassification.from_pretrained(model_dir, dtype=torch.float32)
    model.half().save_pretrained(out)
    config = json.loads((out / "config.json").read_text())
    config["dtype"] = "float32"  # stored in fp16 to halve the size; computed in fp32 on CPU
    (out / "config.json").write_text(json.dumps(config, indent=2) + "\n")


def parity(reference_dir: Path, shipped: Path, eval_file: Path, rows: int = 1000) -> dict:
    from scoring.entailment import EntailmentModel

    pairs = [(r["premise"], r["hypothesis"]) for r in map(json.loads, eval_file.read_text().splitlines()[::20][:rows])]
    fp32 = EntailmentModel(str(reference_dir), "torch").probabilities(pairs)
    fp16 = EntailmentModel(str(shipped), "torch").probabilities(pairs)
    int8 = EntailmentModel(str(shipped), "onnx").probabilities(pairs)
    out = {"pairs": len(pairs)}
    for name, probs in (("fp16_torch", fp16), ("int8_onnx", int8)):
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
        quantize(fp32, args.out / "onnx" / "model.onnx")
    report = {"files_mb": {str(p.relative_to(args.out)): round(p.stat().st_size / 1e6, 1)
                           for p in sorted(args.out.rglob("*")) if p.is_file()}}
    if args.check:
        report["parity_vs_fp32"] = parity(args.model, args.out, args.check)
    (args.out / "export.json").write_text(json.dumps(report, indent=1) + "\n")
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
