"""Content-hash keys that decide what a run must redo.

- settings key: the run's settings, every SOURCECHECK_* setting that can change a verdict (sourcecheck/core/
  settings.py: models, backends, scorer, the outlet, people and place files by their content), the scorer's
  name, version and parameters, and sourcecheck's version: anything that could change a verdict without
  changing the data.
- input key of an article: its content hash + the store key (the current source versions) + the settings
  key. A scheduled run skips an article whose latest run has the same input key.
- score key of a claim: its id (text, sentence, credit) + its candidate passages (scope and content-hash
  id, which covers the source version) + the settings key. A run reuses the claim's earlier scores when the
  key is unchanged; verdicts are always decided afresh from the scores (cheap, and the rule is in the key).
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from sourcecheck import __version__
from sourcecheck.core.ids import content_id
from sourcecheck.core.settings import current_settings
from sourcecheck.model.claims import Article, Claim
from sourcecheck.model.sources import Candidate
from sourcecheck.pipeline.settings import VerifySettings
from sourcecheck.scoring.scorer import Scorer


def scorer_parameters(scorer: Scorer) -> dict:
    return dataclasses.asdict(scorer) if dataclasses.is_dataclass(scorer) else {}


def settings_key(settings: VerifySettings, scorer: Scorer) -> str:
    environment = current_settings()
    described = {"settings": settings.as_params(), "scorer": [scorer.name, scorer.version, scorer_parameters(scorer)],
                 "environment": environment.verdict_inputs(),
                 "data_files": {name: _file_hash(path) for name, path in environment.data_files().items()},
                 "sourcecheck": __version__}
    return content_id("settings", json.dumps(described, sort_keys=True, default=str))


def input_key(article: Article, store_key: str, settings_key_: str) -> str:
    return content_id("run-inputs", article.content_hash, store_key, settings_key_)


def score_key(claim: Claim, candidates: list[Candidate], settings_key_: str) -> str:
    return content_id("scores", claim.claim_id, settings_key_, *(f"{c.scope}:{c.passage_id}" for c in candidates))


def _file_hash(path: str) -> str:
    try:
        return content_id(Path(path).read_bytes().hex())
    except OSError:
        return "unreadable"   # loading it fails later with the file's name
