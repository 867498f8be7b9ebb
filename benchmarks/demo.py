"""Time of the demo: from a cold process (`sourcecheck demo` in a fresh directory: Python start, model load,
Prefect's temporary API start, ingest, verify, report) and warm (the same verification again in a process
that has already run it once).

    .venv/bin/python benchmarks/demo.py
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
EXAMPLE = ROOT / "examples" / "peace-mission-2012"


def cold(workdir: Path) -> float:
    script = Path(sys.executable).parent / "sourcecheck"
    env = {**os.environ, "PREFECT_HOME": str(workdir / "prefect")}
    started = time.perf_counter()
    subprocess.run([str(script), "demo"], cwd=workdir, env=env, check=True, capture_output=True)
    return time.perf_counter() - started


def warm(db: Path) -> tuple[float, float]:
    import flows  # noqa: F401
    from flows.verify import run_verification
    from sourcecheck.settings import VerifySettings

    settings = VerifySettings.from_env()
    started = time.perf_counter()
    run_verification([str(EXAMPLE / "article.md")], str(db), settings)
    first = time.perf_counter() - started
    started = time.perf_counter()
    run_verification([str(EXAMPLE / "article.md")], str(db), settings)
    return first, time.perf_counter() - started


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        os.environ["PREFECT_HOME"] = str(workdir / "prefect")
        cold_seconds = cold(workdir)
        first, second = warm(workdir / "warehouse.duckdb")
    result = {
        "benchmark": "demo",
        "cold_process_demo_seconds": round(cold_seconds, 2),
        "verify_in_new_process_first_seconds": round(first, 2),
        "verify_warm_seconds": round(second, 2),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
    }
    out = ROOT / "benchmarks/results/demo.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
