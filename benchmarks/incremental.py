"""Cost of an unchanged re-run against the first run of the same data.

Eight articles (the seed article under eight identities: 8 x 42 claims) against the demo sources. In one
process, after a warm-up run on another warehouse (Prefect started, model loaded), it times:
first run (every claim scored), the scheduled re-run over unchanged data (`verify --changed`: every article
skipped), a forced re-run (`verify` without --changed: new runs recorded, every score reused), and a re-run
after one source document changed (only the claims it is a candidate of are scored). It also times the
unchanged re-run's own work without Prefect (reading and hashing the articles, one warehouse query). Then the
same first run and unchanged re-run as cold `sourcecheck` processes (Python, imports, Prefect's temporary API
server).

    .venv/bin/python benchmarks/incremental.py [--repeat 3]

Best of --repeat attempts for each figure (the first run: each attempt on a fresh warehouse), with the load
average of every attempt.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from functools import partial
from pathlib import Path

from measure import ROOT, best_of, load_average, peak_memory_mb, write_result

EXAMPLE = ROOT / "examples" / "peace-mission-2012"
ARTICLES = 8


def make_articles(folder: Path) -> list[str]:
    text = (EXAMPLE / "article.md").read_text()
    folder.mkdir()
    paths = []
    for n in range(ARTICLES):
        path = folder / f"article-{n}.md"
        path.write_text(f"---\nid: benchmark-{n}\n" + text.removeprefix("---\n") if text.startswith("---\n")
                        else f"---\nid: benchmark-{n}\n---\n{text}")
        paths.append(str(path))
    return paths


def timed(call, repeats: int = 1) -> tuple[float, object]:
    seconds, attempts, result = best_of(repeats, call)
    ATTEMPTS.append(attempts)
    return seconds, result


ATTEMPTS: list[list[dict]] = []


def in_process(work: Path, repeats: int) -> dict:
    from sourcecheck.flows import set_quiet_offline_defaults
    set_quiet_offline_defaults()   # before Prefect is imported
    from sourcecheck.flows.ingest import ingest_sources
    from sourcecheck.flows.verify import plan_run, read_articles, run_verification
    from sourcecheck.pipeline.settings import VerifySettings

    settings = VerifySettings.from_env()
    sources = work / "sources"
    shutil.copytree(EXAMPLE / "sources", sources)
    articles = make_articles(work / "articles")
    warm_db = str(work / "warm.duckdb")
    ingest_sources([str(sources)], warm_db, settings.embedding_model)
    run_verification(articles[:1], warm_db, settings)                       # warm-up: Prefect, model, imports
    first = float("inf")
    for attempt in range(repeats):   # each on a new warehouse holding the sources and no run yet (ingest untimed)
        db = str(work / f"warehouse-{attempt}.duckdb")
        ingest_sources([str(sources)], db, settings.embedding_model)
        seconds, _ = timed(partial(run_verification, articles, db, settings))   # this attempt's warehouse
        first = min(first, seconds)
    unchanged, skipped = timed(lambda: run_verification(articles, db, settings, only_changed=True), repeats)
    forced, reused = timed(lambda: run_verification(articles, db, settings), min(repeats, 2))
    plan_only, _ = timed(lambda: plan_run.fn(db, read_articles.fn(articles), settings, True), repeats)
    changed_source = sources / "interfax-2012-06-16-pla-airpower.md"
    changed_source.write_text(changed_source.read_text().replace("southern Kyrgyzstan", "southern Uzbekistan"))
    ingest_sources([str(sources)], db, settings.embedding_model)
    one_source, after = timed(lambda: run_verification(articles, db, settings, only_changed=True))
    return {
        "first_run_seconds": first,
        "unchanged_rerun_changed_only_seconds": unchanged,
        "unchanged_rerun_articles_skipped": len(skipped.unchanged),
        "unchanged_rerun_work_outside_prefect_seconds": plan_only,   # read, hash, one warehouse query
        "forced_rerun_all_scores_reused_seconds": forced,
        "forced_rerun_claims_scored": sum(r.claims_scored for r in reused.runs),
        "forced_rerun_claims_reused": sum(r.claims_reused for r in reused.runs),
        "one_source_changed_rerun_seconds": one_source,
        "one_source_changed_claims_scored": sum(r.claims_scored for r in after.runs),
        "one_source_changed_claims_reused": sum(r.claims_reused for r in after.runs),
    }


def cold(work: Path, repeats: int) -> dict:
    script = str(Path(sys.executable).parent / "sourcecheck")
    env = {**os.environ, "PREFECT_HOME": str(work / "prefect-cold")}
    articles = make_articles(work / "cold-articles")
    db = str(work / "cold.duckdb")
    subprocess.run([script, "--db", db, "sources", "add", str(EXAMPLE / "sources")], env=env, check=True,
                   capture_output=True)
    first, _ = timed(lambda: subprocess.run([script, "--db", db, "verify", *articles], env=env, check=True,
                                            capture_output=True))
    unchanged, _ = timed(lambda: subprocess.run([script, "--db", db, "verify", "--changed", *articles], env=env,
                                                check=True, capture_output=True), repeats)
    return {"cold_process_first_run_seconds": first, "cold_process_unchanged_rerun_seconds": unchanged,
            "cold_process_unchanged_share_of_first_run": round(unchanged / first, 4),
            "cold_peak_memory_mb": peak_memory_mb(children=True)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    start_load = load_average()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        os.environ["PREFECT_HOME"] = str(work / "prefect")
        result = {"articles": ARTICLES, "claims_per_article": 42, **cold(work, args.repeat),
                  **in_process(work, args.repeat)}
    result["unchanged_rerun_share_of_first_run"] = round(
        result["unchanged_rerun_changed_only_seconds"] / result["first_run_seconds"], 4)
    result |= {"peak_memory_mb": peak_memory_mb(), "attempts": ATTEMPTS, "load_average_at_start": start_load,
               "load_average_at_end": load_average()}
    write_result("incremental", result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
