"""Soak test (not in the default suite): 200 articles and 5,000 sources verified on a schedule-like loop while
another process queries the warehouse in a loop.

    .venv/bin/python -m pytest -m soak tests/test_soak.py -s      # ~15-30 min on 2 busy cores

Each tick is what the scheduled deployments do, in one long-lived process (like `sourcecheck serve`): ingest
the feed folder (1,000 new source files a tick, every file read again) and `verify_changed` over the article
folder (40 new articles a tick; every article whose sources changed runs again). Two more ticks follow with
nothing new. The query process checks, on every read, that no run is half-written and that no count ever
goes down. Figures go to benchmarks/results/soak.json.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from conftest import ROOT, rows
from test_concurrency import INCONSISTENT

pytestmark = pytest.mark.soak

TICKS, SOURCES_PER_TICK, ARTICLES_PER_TICK, IDLE_TICKS = 5, 1_000, 40, 2
OUTLETS = ["TASS", "Interfax", "Xinhua", "Krasnaya Zvezda", "RIA Novosti", "Kommersant", "Renmin Ribao", "Kabar"]
PLACES = ["Tajikistan", "Kazakhstan", "Kyrgyzstan", "Uzbekistan", "Russia", "China"]
COUNTS = "SELECT (SELECT count(*) FROM sources), (SELECT count(*) FROM passages), (SELECT count(*) FROM runs), " \
         "(SELECT count(*) FROM verdicts)"

QUERY_LOOP = textwrap.dedent("""
    import json, sys, time
    from pathlib import Path
    from sourcecheck.cli import main
    import io, contextlib
    db, stop, inconsistent, counts = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], sys.argv[4]
    reads = errors = bad = lost = 0
    last = None
    messages = []
    while not stop.exists():
        for sql in (inconsistent, counts):
            out, err = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = main(["--db", str(db), "query", sql, "--format", "json"])
            reads += 1
            if code != 0:
                errors += 1
                messages.append(err.getvalue().strip())
                continue
            [row] = json.loads(out.getvalue())
            values = list(row.values())
            if sql == inconsistent:
                bad += values[0] != 0
            else:
                if last is not None and any(v < w for v, w in zip(values, last)):
                    lost += 1
                last = values
        time.sleep(0.5)
    print(json.dumps({"reads": reads, "errors": errors, "inconsistent_reads": bad, "decreases": lost,
                      "messages": messages[:5]}))
""")


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _write_sources(feed: Path, tick: int) -> None:
    folder = feed / f"tick-{tick}"
    folder.mkdir(parents=True)
    for n in range(SOURCES_PER_TICK):
        i = tick * SOURCES_PER_TICK + n
        outlet, place = OUTLETS[i % len(OUTLETS)], PLACES[i % len(PLACES)]
        day = i % 28 + 1
        (folder / f"{i:05d}.md").write_text(
            f"---\noutlet: {outlet}\npublished: 2012-06-{day:02d}\ntitle: Report {i}\n---\n"
            f"Exercise {i} took place in {place} on June {day}. About {100 + i} servicemen took part in exercise {i}. "
            f"The convoy of exercise {i} covered {20 + i % 400} km.\n")


def _write_articles(folder: Path, tick: int) -> None:
    folder.mkdir(exist_ok=True)
    for n in range(ARTICLES_PER_TICK):
        i = tick * ARTICLES_PER_TICK + n
        source = i * 25   # an exercise whose source exists by the time the article does
        outlet, place, day = OUTLETS[source % len(OUTLETS)], PLACES[source % len(PLACES)], source % 28 + 1
        (folder / f"article-{i:03d}.md").write_text(
            f"---\ntitle: Article {i}\npublished: 2012-07-01\n---\n"
            f"Exercise {source} took place in {place} ({outlet}, June {day}). Around {100 + source + (i % 3) * 500} "
            f"servicemen took part in exercise {source} ({outlet}, June {day}).\n\n"
            f"Observers said the drill was a show of strength.\n")


def test_soak(tmp_path):
    from sourcecheck.flows.ingest import ingest_sources
    from sourcecheck.flows.verify import verify_changed
    from sourcecheck.pipeline.settings import VerifySettings

    db, feed, articles = tmp_path / "warehouse.duckdb", tmp_path / "feed", tmp_path / "articles"
    model = VerifySettings.from_env().embedding_model
    stop = tmp_path / "stop"
    ticks, recorded, errors = [], 0, []
    reader = None
    started = time.monotonic()
    try:
        for tick in range(TICKS + IDLE_TICKS):
            if tick < TICKS:
                _write_sources(feed, tick)
                _write_articles(articles, tick)
            t0 = time.monotonic()
            try:
                ingested = ingest_sources([str(feed)], str(db), model)
                outcome = verify_changed([str(articles / "*.md")], str(db))
            except Exception as exc:   # counted and reported, not hidden: the soak goes on like a schedule
                errors.append(f"tick {tick}: {type(exc).__name__}: {exc}")
                continue
            recorded += len(outcome.runs)
            ticks.append({"tick": tick, "seconds": round(time.monotonic() - t0, 1), "stored": ingested.stored,
                          "runs": len(outcome.runs), "skipped": len(outcome.unchanged), "rss_mb": round(_rss_mb(), 1)})
            print(ticks[-1], flush=True)
            if reader is None:   # from the first tick on, queries run alongside
                reader = subprocess.Popen([sys.executable, "-c", QUERY_LOOP, str(db), str(stop), INCONSISTENT, COUNTS],
                                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                          env={**os.environ})
    finally:
        stop.touch()
        queries = json.loads(reader.communicate(timeout=300)[0].strip().splitlines()[-1]) if reader else {}
    [(sources, passages, runs, verdicts)] = rows(db, COUNTS)
    current_articles = rows(db, "SELECT count(DISTINCT article_id) FROM claim_status")[0][0]
    expected_sources = TICKS * SOURCES_PER_TICK
    figures = {
        "ticks": ticks, "seconds": round(time.monotonic() - started, 1),
        "sources_expected": expected_sources,
        "sources_current": rows(db, "SELECT count(*) FROM sources WHERE retired_at IS NULL")[0][0],
        "articles_expected": TICKS * ARTICLES_PER_TICK, "articles_with_status": current_articles,
        "runs_recorded_by_flows": recorded, "runs_in_warehouse": runs, "passages": passages, "verdicts": verdicts,
        "rows_lost": (expected_sources - sources) + (TICKS * ARTICLES_PER_TICK - current_articles) + (recorded - runs),
        "inconsistent": rows(db, INCONSISTENT)[0][0], "errors": errors, "queries": queries,
        "rss_growth_mb_after_first_tick": round(ticks[-1]["rss_mb"] - ticks[0]["rss_mb"], 1) if ticks else None,
    }
    out = ROOT / "benchmarks" / "results" / "soak.json"
    out.write_text(json.dumps(figures, indent=1) + "\n")
    print(json.dumps(figures, indent=1))
    assert figures["rows_lost"] == 0 and figures["inconsistent"] == 0 and not errors
    assert queries["errors"] == 0 and queries["inconsistent_reads"] == 0 and queries["decreases"] == 0
    assert [t["runs"] for t in ticks[TICKS:]] == [0] * IDLE_TICKS   # nothing new: nothing verified again
