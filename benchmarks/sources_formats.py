"""Saved web pages as sources (issue 29), on the fixture pages of tests/fixtures/pages: main-text F1 against the text
marked by hand in tests/fixtures/pages-marked (bag of words; each Han character a word), publication date and outlet
accuracy against its expected.json, and pages per second (reading whole pages: decoding, extraction, date, language,
outlet; the best of several passes after a warm-up). The hand-written stripper of HTML articles
(claims/html_articles.py) is measured on the same pages: sources/pages.py uses trafilatura unless the stripper does
better.

    .venv/bin/python benchmarks/sources_formats.py
"""

from __future__ import annotations

import json
import platform
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sourcecheck.claims.html_articles import html_to_markdown  # noqa: E402
from sourcecheck.claims.outlets import load_registry  # noqa: E402
from sourcecheck.sources.documents import read_source_file  # noqa: E402
from sourcecheck.sources.pages import decode_html  # noqa: E402

PAGES = ROOT / "tests/fixtures/pages"
MARKED = ROOT / "tests/fixtures/pages-marked"
PASSES = 5
TARGETS = {"text_f1": 0.95, "date_accuracy": 1.0, "outlet_accuracy": 1.0, "pages_per_second": 50}


def tokens(text: str) -> Counter:
    return Counter(re.findall(r"[\u4e00-\u9fff]|[^\W\u4e00-\u9fff]+", text.lower()))


def f1(got: str, want: str) -> float:
    common = sum((tokens(got) & tokens(want)).values())
    return 0.0 if not common else 2 * common / (sum(tokens(got).values()) + sum(tokens(want).values()))


def main() -> dict:
    expected = json.loads((MARKED / "expected.json").read_text("utf-8"))
    registry = load_registry()
    pages = sorted(expected)
    per_page, stripper = {}, {}
    for name in pages:
        [document] = read_source_file(PAGES / name, registry)
        marked = (MARKED / name.replace(".html", ".txt")).read_text("utf-8")
        per_page[name] = {"text_f1": round(f1(document.text, marked), 4),
                          "date": document.published.isoformat() == expected[name]["published"],
                          "outlet": document.outlet == expected[name]["outlet"]}
        _, markdown = html_to_markdown(decode_html((PAGES / name).read_bytes(), PAGES / name))
        body = "\n".join(line for line in markdown.splitlines() if not line.startswith("#"))   # its title apart
        stripper[name] = round(f1(body, marked), 4)
    timings = []
    for _ in range(PASSES + 1):   # the first pass warms imports and caches, and is not counted
        started = time.perf_counter()
        for name in pages:
            read_source_file(PAGES / name, registry)
        timings.append(time.perf_counter() - started)
    best = min(timings[1:])
    figures = {
        "text_f1": round(sum(p["text_f1"] for p in per_page.values()) / len(pages), 4),
        "text_f1_lowest": min(p["text_f1"] for p in per_page.values()),
        "date_accuracy": sum(p["date"] for p in per_page.values()) / len(pages),
        "outlet_accuracy": sum(p["outlet"] for p in per_page.values()) / len(pages),
        "pages_per_second": round(len(pages) / best, 1),
        "stripper_text_f1": round(sum(stripper.values()) / len(pages), 4),
        "stripper_text_f1_lowest": min(stripper.values()),
    }
    result = {"benchmark": "sources_formats", "pages": len(pages), "passes": PASSES, "figures": figures,
              "targets": TARGETS, "met": {k: figures[k] >= v for k, v in TARGETS.items()},
              "per_page": {name: per_page[name] | {"stripper_text_f1": stripper[name]} for name in pages},
              "machine": {"python": platform.python_version(), "processor": platform.machine()}}
    out = ROOT / "benchmarks/results/sources_formats.json"
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    return result


if __name__ == "__main__":
    main()
