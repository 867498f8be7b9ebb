"""The one error type users see: a single line naming the file and the problem."""

from __future__ import annotations

from pathlib import Path


class SourcecheckError(Exception):
    """A failure the user can act on; the CLI prints it as one line and exits non-zero."""


class InputError(SourcecheckError):
    """Bad input in a named file (an article, a source document, a warehouse)."""

    def __init__(self, path: str | Path, problem: str):
        super().__init__(f"{path}: {problem}")


class WarehouseBusy(SourcecheckError):
    """Another process held the warehouse's lock past the wait: transient, so tasks retry it (flows/retry.py)."""


class Terminated(KeyboardInterrupt):
    """SIGTERM (a `kill`, a service manager stopping us), raised where the process is, as Ctrl-C is: every
    open transaction rolls back and Prefect records the run as crashed, exactly as for an interrupt."""
