"""Named crash points: the hook that proves a run killed at any stage leaves the warehouse consistent.

With SOURCECHECK_CRASH_AT=name[#n] the process kills itself with SIGKILL at the n-th time (default the
first) it reaches `crash_point(name)`: no cleanup, no rollback, as a power cut or `kill -9` would. Only the
fault tests (tests/test_faults.py, tests/test_concurrency.py) set it. The points, in the order a job meets them:

ingest:  ingest:read (files read, nothing written), ingest:embed (vectors computed, nothing written),
         ingest:store (every row inserted, transaction not committed)
verify:  verify:plan (keys read, nothing written), verify:score (an article scored, nothing written),
         record_run (an article's rows inserted, transaction not committed)
"""

from __future__ import annotations

import os
import signal
from collections import Counter

from sourcecheck.core.settings import current_settings

CRASH_POINTS = ("ingest:read", "ingest:embed", "ingest:store", "verify:plan", "verify:score", "record_run")
_counts: Counter = Counter()


def crash_point(name: str) -> None:
    assert name in CRASH_POINTS, name
    wanted, _, nth = current_settings().crash_at.partition("#")
    if wanted != name:
        return
    _counts[name] += 1
    if _counts[name] >= int(nth or 1):
        os.kill(os.getpid(), signal.SIGKILL)
