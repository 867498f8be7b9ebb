"""Where a benchmark ran: every result file says so, since its figures only mean something for that machine."""

from __future__ import annotations

import os
import platform


def machine_description() -> str:
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
