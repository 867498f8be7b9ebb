"""The challenge set of issue 24 (tests/fixtures/challenge/) through the real pipeline, one temporary warehouse
per case (sourcecheck/evaluation/challenge.py).

Prints JSON: accuracy per class (cases right / cases), per expect item, the false-contradiction rate (items
expected not contradicted that came out contradicted) and the false-support rate (items expected contradicted,
not_found, source_missing, misattributed or uncheckable that came out supported), every failure explained, and
the time taken. The whole set is written to benchmarks/results/challenge.json; a run of one class or one case
is only printed unless --out names a file.

    .venv/bin/python benchmarks/challenge.py [--class negation ...] [--case negation-07] [--out FILE]
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sourcecheck.evaluation.challenge import CLASSES, FIXTURE, case_detail, load_cases, measures, run_cases  # noqa: E402
from sourcecheck.pipeline.settings import VerifySettings  # noqa: E402

RESULT = ROOT / "benchmarks" / "results" / "challenge.json"


def commit() -> str:
    """HEAD, and whether the working tree differed from it (the figures are of what ran)."""
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                           capture_output=True, text=True)
    return head.stdout.strip() + (" (with uncommitted changes)" if dirty.stdout.strip() else "")


def main(fixture: Path = FIXTURE, classes: tuple[str, ...] = CLASSES, result: Path = RESULT,
         by_language: bool = False) -> None:
    """Run a case set in the challenge format; `by_language` adds figures per source language (ru, zh)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--class", dest="classes", action="append", help="run only this class (repeatable)")
    parser.add_argument("--case", help="run one case and print it in full")
    parser.add_argument("--out", type=Path, help=f"write the JSON here (default for the whole set: {result})")
    args = parser.parse_args()
    cases = [c for c in load_cases(fixture, classes)
             if (not args.classes or c.case_class in args.classes) and (not args.case or c.case_id == args.case)]
    if not cases:
        sys.exit(f"{Path(sys.argv[0]).stem}: no case matches")
    settings = VerifySettings()
    started = time.perf_counter()
    results = run_cases(cases, settings, keep_detail=bool(args.case))
    out = {"commit": commit(), "machine": f"{platform.machine()}, {platform.python_version()}",
           "scorer": settings.scorer, "verdict_rule": settings.as_params()["verdict_rule"]}
    out |= measures(results)
    if by_language:
        out["by_language"] = {}
        for language in ("ru", "zh"):
            part = measures([r for r in results if r.case.sources[0]["language"] == language])
            out["by_language"][language] = {k: part[k] for k in ("cases", "accuracy", "false_contradiction",
                                                                 "false_support")} | {
                "classes": {name: c["accuracy"] for name, c in part["classes"].items()}}
    out["seconds"]["total_with_model_loading"] = round(time.perf_counter() - started, 1)
    if args.case:
        out["case"] = case_detail(results[0])
    text = json.dumps(out, ensure_ascii=False, indent=2)
    target = args.out or (result if not args.classes and not args.case else None)
    if target:
        target.write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
