"""Prefect flows: the table of contents of each job. The work lives in the stage packages.

The CLI makes Prefect quiet before it is imported (`set_quiet_offline_defaults`): no telemetry, and its logging
at CRITICAL (failures reach the user as sourcecheck's one-line error), so users see sourcecheck's own output and
nothing else. Without a configured server the first flow starts Prefect's temporary local API.
"""

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
    the temporary API nobody watches. With a server configured, they stay on."""
    from contextlib import nullcontext

    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    if os.environ.get("PREFECT_API_URL"):
        return nullcontext()
    return temporary_settings({PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None})
