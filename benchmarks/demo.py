"""Time of the demo: from a cold process (`sourcecheck demo` in a fresh directory with a fresh PREFECT_HOME:
Python start, imports, model loads, Prefect's temporary API start, ingest, verify, report) and warm (the same
verification again in a process that has already run it once). Best of --repeat attempts each, with the load
average of each attempt and peak memory; one cold run with an empty model cache (`SOURCECHECK_CACHE`) adds the
one-off ONNX export of the embedding model, what a machine's very first run pays.

    .venv/bin/python benchmarks/demo.py [--repeat 3] [--profile]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from measure import ROOT, best_of, load_average, peak_memory_mb, profiled, write_result

EXAMPLE = ROOT / "examples" / "peace-mission-2012"


def cold(profile: bool, cache: str | None = None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "PREFECT_HOME": str(Path(tmp) / "prefect")} \
            | ({"SOURCECHECK_CACHE": cache} if cache else {})
        command = [sys.executable, __file__, "--cold-child"] + (["--profile"] if profile else [])
        done = subprocess.run(command, cwd=tmp, env=env, capture_output=True, text=True)
        if done.returncode:   # say why: the child's own last words, not a bare exit status
            raise SystemExit(f"cold demo run failed (exit {done.returncode}): "
                             f"{(done.stderr.strip().splitlines() or ['no output'])[-1]}")


def cold_child(profile: bool) -> int:
    """`sourcecheck demo`, as its console script runs it (profiled with --profile)."""
    from sourcecheck.cli import main

    with profiled("demo-cold" if profile else None):
        return main(["demo"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="pyinstrument profiles to results/profile-demo-*.txt")
    parser.add_argument("--cold-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.cold_child:
        return cold_child(args.profile)
    start_load = load_average()
    with tempfile.TemporaryDirectory() as empty_cache:
        first_ever, first_ever_attempts, _ = best_of(1, lambda: cold(False, empty_cache))
    cold_seconds, cold_attempts, _ = best_of(args.repeat, lambda: cold(False))
    if args.profile:
        cold(True)
    cold_memory = peak_memory_mb(children=True)

    from sourcecheck.flows import set_quiet_offline_defaults

    set_quiet_offline_defaults()   # before Prefect is imported
    from sourcecheck.flows.ingest import ingest_sources
    from sourcecheck.flows.verify import run_verification
    from sourcecheck.pipeline.settings import VerifySettings

    settings = VerifySettings.from_env()
    article = [str(EXAMPLE / "article.md")]
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["PREFECT_HOME"] = str(Path(tmp) / "prefect")
        db = str(Path(tmp) / "warehouse.duckdb")
        ingest_sources([str(EXAMPLE / "sources")], db, settings.embedding_model)
        first, _, _ = best_of(1, lambda: run_verification(article, db, settings))
        warm, warm_attempts, _ = best_of(args.repeat, lambda: run_verification(article, db, settings))
        if args.profile:
            with profiled("demo-warm"):
                run_verification(article, db, settings)
    write_result("demo", {
        "cold_process_demo_seconds": cold_seconds, "cold_attempts": cold_attempts,
        "cold_process_demo_first_run_on_machine_seconds": first_ever, "first_run_attempts": first_ever_attempts,
        "cold_peak_memory_mb": cold_memory,
        "verify_in_new_process_first_seconds": first,
        "verify_warm_seconds": warm, "warm_attempts": warm_attempts, "warm_process_peak_memory_mb": peak_memory_mb(),
        "load_average_at_start": start_load, "load_average_at_end": load_average(),
    })
    return 0


if __name__ == "__main__":
    sys.exit(main())
