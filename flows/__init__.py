"""Prefect flows: the table of contents of each job. The work lives in the stage packages.

The CLI makes Prefect quiet before it is imported (`set_quiet_offline_defaults`): no telemetry, and its logging
at CRITICAL (failures reach the user as sourcecheck's one-line error), so users see sourcecheck's own output and
nothing else. Without a configured server the first flow starts Prefect's temporary local API.
"""

import functools
import logging
import os

QUIET_OFFLINE_DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    "PREFECT_LOGGING_LEVEL": "CRITICAL",  # failures reach the user as sourcecheck's one-line error
    "PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW": "ignore",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
    "HF_HUB_OFFLINE": "1",  # models load from disk; set HF_HUB_OFFLINE=0 to let a Hugging Face id download
    "TRANSFORMERS_VERBOSITY": "error",
    "HF_HUB_DISABLE_PROGRESS_BARS": "1",
    "TOKENIZERS_PARALLELISM": "false",
}


def set_quiet_offline_defaults() -> None:
    """Call before Prefect is first imported (Prefect reads its settings then); a variable the user set wins.
    An explicit call, not an import side effect: importing a module must not change a host program's settings."""
    for key, value in QUIET_OFFLINE_DEFAULTS.items():
        os.environ.setdefault(key, value)
    # Prefect's background services log under their class names, outside the "prefect" logger tree; at exit
    # after a failed flow they warn about unsent events, which is noise next to our one-line error.
    for service in ("EventsWorker", "APILogWorker", "QueueService"):
        logging.getLogger(service).setLevel(logging.CRITICAL)


def local_run_settings():
    """Prefect settings for a flow run on the temporary API of a lone process (no PREFECT_API_URL): no flow
    run heartbeats. The heartbeat thread sleeps in 1 s steps and every flow run waits for it on exit (up to
    1 s a run, prefect/flow_engine.py `_send_heartbeats`); heartbeats let a server mark a crashed run, and on
    the temporary API nobody watches. With a server configured, they stay on.

    The temporary API server is started here, before Prefect would start it, so that it dies with this
    process (see `start_temporary_server`)."""
    from contextlib import nullcontext

    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    if os.environ.get("PREFECT_API_URL"):
        return nullcontext()
    start_temporary_server()
    return temporary_settings({PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None})


def start_temporary_server() -> None:
    """Start Prefect's temporary API server (uvicorn, about 230 MB) as a child that the kernel ends when this
    process dies, also by SIGKILL: Prefect stops it only from an atexit hook, so a killed CLI left it running,
    reparented to init. Prefect keeps one server per process (`SubprocessASGIServer()` is a singleton), so
    the one started here is the one every later flow run, event and log client of this process uses.

    The parent-death signal is tied to the thread that forks the child; it is started from the calling
    (main) thread, never from one of Prefect's worker threads, which end before the process does."""
    from prefect.server.api.server import SubprocessASGIServer

    ending_with_us = _server_ending_with_us()
    server = SubprocessASGIServer()
    if server.running:
        return
    if not isinstance(server, ending_with_us):
        SubprocessASGIServer._instances.pop(None, None)   # not started yet: replace it by one that dies with us
        server = ending_with_us()
    server.start()


def _end_with_parent() -> None:
    """In the forked child, before exec: ask the kernel for SIGTERM when the parent (thread) ends."""
    import ctypes
    import signal

    pr_set_pdeathsig = 1
    ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)


@functools.cache
def _server_ending_with_us():
    """The class is made on first use: Prefect is imported only after `set_quiet_offline_defaults`."""
    from prefect.server.api.server import SubprocessASGIServer

    class ServerEndingWithUs(SubprocessASGIServer):
        """Prefect's temporary server whose process carries a parent-death signal. Prefect builds the
        uvicorn command and its environment; only the process start gains `preexec_fn` (swapped in for
        the one call, from the main thread at the start of a command, before any worker thread runs)."""

        def _run_uvicorn_command(self):
            import subprocess

            popen = subprocess.Popen
            subprocess.Popen = functools.partial(popen, preexec_fn=_end_with_parent)  # type: ignore[misc,assignment]
            try:
                return super()._run_uvicorn_command()
            finally:
                subprocess.Popen = popen  # type: ignore[misc]

    return ServerEndingWithUs
