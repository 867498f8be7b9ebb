#!/usr/bin/env bash
# Rebuild the shipped NLI model from ../shared (training/README.md). About 100 minutes on 2 cores:
# data 6 min, training 65 min (wall-clock budget), export 2 min, calibration 13 min, benchmarks 15 min.
# CI never runs this.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${SHARED:-../shared}"
PY=.venv/bin/python
MODEL=scoring/models/nli-minilm-l6
make install
$PY -m pip install -q -c constraints.txt -e '.[train]'
$PY -m training.build_nli_data --shared "$SHARED" --out build/nli
$PY -m training.train_nli --data build/nli --out build/nli-model --minutes "${MINUTES:-65}" \
    --eval-nli "$SHARED/data/nli/eval.jsonl"
$PY -m training.export_nli --model build/nli-model --out "$MODEL" --check "$SHARED/data/nli/eval.jsonl"
$PY -m training.calibrate_nli --wice "$SHARED/data/wice/dev.jsonl" --model "$MODEL" --weights 8 --unconfirmed 1.5,2,3
.venv/bin/sourcecheck bench wice "$SHARED/data/wice/dev.jsonl" --fold odd --out benchmarks/results/wice-odd.json
.venv/bin/sourcecheck bench pairs "$SHARED/data/nli/eval.jsonl" --every 2 --out benchmarks/results/nli-eval.json
