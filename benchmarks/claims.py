"""The claims stage against the hand-made gold files: citation attribution accuracy, atomic-claim precision and
recall (a claim counts when its text matches a gold claim of the same sentence, rapidfuzz ratio >= 85), claim-type
accuracy on matched claims, and extraction time.

    .venv/bin/python benchmarks/claims.py
"""

from __future__ import annotations

import json
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sourcecheck.claims.articles import read_article  # noqa: E402
from sourcecheck.claims.extract import extract_claims  # noqa: E402
from sourcecheck.claims.gold import MATCH_AT, score_against_gold  # noqa: E402
from sourcecheck.claims.nlp import nlp  # noqa: E402
from sourcecheck.claims.outlets import load_registry  # noqa: E402

GOLD = {"peace-mission-2012": ROOT / "examples/peace-mission-2012/article.md",
        "kant-2013": ROOT / "tests/fixtures/articles/kant-2013.md"}


def main() -> dict:
    started = time.perf_counter()
    nlp()
    result = {"benchmark": "claims", "match": f"rapidfuzz ratio >= {MATCH_AT:g} on case-folded text",
              "spacy_load_seconds": round(time.perf_counter() - started, 2), "articles": {}}
    for name, path in GOLD.items():
        started = time.perf_counter()
        extracted = extract_claims(read_article(path), load_registry())
        seconds = time.perf_counter() - started
        score = score_against_gold(extracted, ROOT / "tests/fixtures/gold" / f"{name}.json")
        result["articles"][name] = score.figures() | {"extract_seconds": round(seconds, 2)}
    result["machine"] = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    out = ROOT / "benchmarks/results/claims.json"
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    return result


if __name__ == "__main__":
    main()
