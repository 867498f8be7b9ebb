"""Content-hash keys that decide what a run must redo.

- settings key: the run's settings, embedding model, scorer name, version and parameters, the extra outlet and
  place files, and sourcecheck's version: anything that could change a verdict without changing the data.
- input key of an article: its content hash + the store key (the current source versions) + the settings
  key. A scheduled run skips an article whose latest run has the same input key.
- score key of a claim: its id (text, sentence, credit) + its candidate passages (scope and content-hash
  id, which covers the source version) + the settings key. A run reuses the claim's earlier scores when the
  key is unchanged; verdicts are always decided afresh from the scores (cheap, and the rule is in the key).
"""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

from sourcecheck.model.claims import Article, Claim
from sourcecheck.scoring.scorer import Scorer
from sourcecheck.model.sources import Candidate
from sourcecheck import __version__
from sourcecheck.core.ids import content_id
from sourcecheck.pipeline.settings import VerifySettings

EXTRA_DATA_FILES = ("SOURCECHECK_OUTLETS", "SOURCECHECK_PLACES")


def scorer_parameters(scorer: Scorer) -> dict:
    return dataclasses.asdict(scorer) if dataclasses.is_dataclass(scorer) else {}


def settings_key(settings: VerifySettings, scorer: Scorer) -> str:
    extra = {name: _file_hash(os.environ.get(name)) for name in EXTRA_DATA_FILES}
    described = {"settings": settings.as_params(), "scorer": [scorer.name, scorer.version, scorer_parameters(scorer)],
                 "extra_data": extra, "sourcecheck": __version__}
    return content_id("settings", json.dumps(described, sort_keys=True, default=str))


def input_key(article: Article, store_key: str, settings_key_: str) -> str:
    return content_id("run-inputs", article.content_hash, store_key, settings_key_)


def score_key(claim: Claim, candidates: list[Candidate], settings_key_: str) -> str:
    return content_id("scores", claim.claim_id, settings_key_, *(f"{c.scope}:{c.passage_id}" for c in candidates))


def _file_hash(path: str | None) -> str | None:
    if not path:
        return None
    try:
        return content_id(Path(path).read_bytes().hex())
    except OSError:
        return "unreadable"   # loading it fails later with the file's name
