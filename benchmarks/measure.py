"""What every benchmark records with its figures: the machine, how busy it was, peak memory; best-of timing;
an optional pyinstrument profile (`pip install -e .[bench]`)."""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
CACHE = Path(os.environ.get("SOURCECHECK_BENCH_CACHE") or Path.home() / ".cache" / "sourcecheck-bench")
sys.path.insert(0, str(ROOT))

from sourcecheck.evaluation.machine import machine_description  # noqa: E402


def load_average() -> list[float]:
    """1, 5 and 15 minute load averages: on a shared 2-core machine, the context every timing needs."""
    return [round(x, 2) for x in os.getloadavg()]


def peak_memory_mb(children: bool = False) -> float:
    """Peak resident memory of this process (or of its largest finished child), in MB."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF)
    return round(usage.ru_maxrss / 1024, 1)


def best_of(repeats: int, call: Callable[[], object]) -> tuple[float, list[dict], object]:
    """(best seconds, every attempt with the load average when it ended, the best attempt's result)."""
    attempts, best, best_result = [], float("inf"), None
    for _ in range(repeats):
        started = time.perf_counter()
        result = call()
        seconds = time.perf_counter() - started
        attempts.append({"seconds": round(seconds, 3), "load_average": load_average()})
        if seconds < best:
            best, best_result = seconds, result
    return round(best, 3), attempts, best_result


@contextmanager
def profiled(name: str | None) -> Iterator[None]:
    """With a name, profile the block with pyinstrument and write its text summary to results/profile-NAME.txt."""
    if name is None:
        yield
        return
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.005)
    profiler.start()
    try:
        yield
    finally:
        profiler.stop()
        RESULTS.mkdir(parents=True, exist_ok=True)
        text = profiler.output_text(unicode=True, color=False, show_all=False)
        (RESULTS / f"profile-{name}.txt").write_text(text, encoding="utf-8")


def write_result(name: str, result: dict) -> Path:
    result = {"benchmark": name, **result, "machine": machine_description(), "cpu_count": os.cpu_count()}
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"{name}.json"
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))
    return out
