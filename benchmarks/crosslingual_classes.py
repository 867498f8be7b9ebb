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

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from challenge import main  # noqa: E402  (benchmarks/challenge.py, beside this script)

from sourcecheck.evaluation.challenge import CROSSLINGUAL_CLASSES, CROSSLINGUAL_FIXTURE  # noqa: E402

RESULT = ROOT / "benchmarks" / "results" / "crosslingual-classes.json"

if __name__ == "__main__":
    main(CROSSLINGUAL_FIXTURE, CROSSLINGUAL_CLASSES, RESULT, by_language=True)
