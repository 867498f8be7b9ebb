"""The cross-lingual classes of issue 25 (tests/fixtures/crosslingual-challenge/): English claims against one
Russian or Chinese source each, through the real pipeline with the challenge harness of issue 24
(sourcecheck/evaluation/challenge.py), one temporary warehouse per case.

Classes: a paraphrase that supports; a different number, date (also "вчера", "в четверг", "昨天", "周四" against
the report's date), place or person (contradicted, the slot named); a passage on the same topic silent on the
claim's decisive slot, and one about another event (not_found). Prints and writes JSON: accuracy per class, in
all and per language, and the false-support and false-contradiction rates (as `challenge.py` counts them).

    .venv/bin/python benchmarks/crosslingual_classes.py [--class number ...] [--case number-ru-01] [--out FILE]
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from challenge import commit  # noqa: E402  (benchmarks/challenge.py, beside this script)

from sourcecheck.evaluation.challenge import (  # noqa: E402
    CROSSLINGUAL_CLASSES,
    CROSSLINGUAL_FIXTURE,
    case_detail,
    load_cases,
    measures,
    run_cases,
)
from sourcecheck.pipeline.settings import VerifySettings  # noqa: E402

RESULT = ROOT / "benchmarks" / "results" / "crosslingual-classes.json"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--class", dest="classes", action="append", help="run only this class (repeatable)")
    parser.add_argument("--case", help="run one case and print it in full")
    parser.add_argument("--out", type=Path, help=f"write the JSON here (default for the whole set: {RESULT})")
    args = parser.parse_args()
    cases = [c for c in load_cases(CROSSLINGUAL_FIXTURE, CROSSLINGUAL_CLASSES)
             if (not args.classes or c.case_class in args.classes) and (not args.case or c.case_id == args.case)]
    if not cases:
        sys.exit("crosslingual_classes: no case matches")
    settings = VerifySettings()
    started = time.perf_counter()
    results = run_cases(cases, settings, keep_detail=bool(args.case))
    out = {"commit": commit(), "machine": f"{platform.machine()}, {platform.python_version()}",
           "scorer": settings.scorer}
    out |= measures(results)
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
    target = args.out or (RESULT if not args.classes and not args.case else None)
    if target:
        target.write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
