"""Every `SOURCECHECK_*` variable, read in one place into one typed `Settings` object.

It lives on the core floor, not in the pipeline, because the stages need its values (the people file, the NLI
model) and may only import downwards. `current_settings()` reads the environment at each call, so a variable
changed between two runs of one process (a test, a long-lived `serve`) takes effect at the next run, as before.
The pipeline hashes the whole object and every data file it names into the run's settings key
(pipeline/keys.py), so a changed setting re-verifies what it could change.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path

PREFIX = "SOURCECHECK_"
# Where and how a run works, never what it concludes: left out of the settings key. Every other field (a new
# one too, by default) is in it.
OPERATIONAL = ("db", "dask", "debug", "cache_dir", "max_article_bytes", "max_source_file_bytes",
               "max_document_sentences", "max_document_bytes", "crash_at")


@dataclass(frozen=True)
class Settings:
    """Each field is the variable SOURCECHECK_<FIELD NAME IN CAPITALS>; "" means unset (the stage's default)."""

    db: str = ""                        # the warehouse file; default ./warehouse.duckdb
    dask: str = ""                      # verify on this Dask scheduler
    debug: str = ""                     # print tracebacks of internal errors
    embedding_model: str = ""           # English passages and claims (sources/embeddings.py)
    crosslingual_model: str = ""        # passages in other languages (sources/spaces.py)
    embedding_backend: str = ""         # auto | onnx | torch
    cache_dir: str = ""                 # SOURCECHECK_CACHE: exported ONNX graphs; default ~/.cache/sourcecheck
    scorer: str = ""                    # scoring/registry.py
    nli_model: str = ""                 # any Hugging Face cross-encoder, by name or path
    nli_backend: str = ""               # auto | onnx | torch
    crosslingual_nli_model: str = ""    # the head that reads Russian and Chinese passages (scoring/xnli_head.py)
    outlets: str = ""                   # YAML files extending the bundled tables
    people: str = ""
    places: str = ""
    analysis_cues: str = ""             # a file of extra opinion/analysis cues (claims/checkworthiness.py)
    max_article_bytes: str = ""         # limits (sourcecheck/core/limits.py parses and checks them)
    max_source_file_bytes: str = ""
    max_document_sentences: str = ""
    max_document_bytes: str = ""
    crash_at: str = ""                  # fault injection for the crash tests (sourcecheck/core/faults.py)

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> Settings:
        environ = os.environ if environ is None else environ
        return cls(**{f.name: environ.get(variable_name(f.name), "") for f in fields(cls)})

    def data_files(self) -> dict[str, str]:
        """The data files in force: each changes what a verdict can be without changing an article or a source."""
        return {name: getattr(self, name) for name in ("outlets", "people", "places", "analysis_cues")
                if getattr(self, name)}

    def verdict_inputs(self) -> dict[str, str]:
        """The fields that can change a verdict (all but OPERATIONAL), for the settings key."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name not in OPERATIONAL}

    def cache_path(self) -> Path:
        return Path(self.cache_dir) if self.cache_dir else Path.home() / ".cache" / "sourcecheck"


def variable_name(field_name: str) -> str:
    return PREFIX + ("CACHE" if field_name == "cache_dir" else field_name.upper())


def current_settings() -> Settings:
    return Settings.from_environment()
