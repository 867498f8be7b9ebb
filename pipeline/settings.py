"""The knobs of a verification run, in one place; every run stores them (runs.parameters)."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from sourcecheck.core.errors import SourcecheckError
from sourcecheck.core.settings import current_settings
from sourcecheck.scoring.registry import DEFAULT_SCORER, available_scorers, load_scorer
from sourcecheck.scoring.verdicts import VerdictRule
from sourcecheck.sources.embeddings import DEFAULT_MODEL, USEM3
from sourcecheck.sources.retrieval import DATE_WINDOW_DAYS, TOP_K_CITED, TOP_K_STORE
from sourcecheck.sources.spaces import EmbeddingSpaces


@dataclass(frozen=True)
class VerifySettings:
    embedding_model: str = DEFAULT_MODEL      # English passages and claims
    crosslingual_model: str = USEM3           # passages in other languages (sources/spaces.py)
    scorer: str = DEFAULT_SCORER
    date_window_days: int = DATE_WINDOW_DAYS
    top_k_cited: int = TOP_K_CITED
    top_k_store: int = TOP_K_STORE

    @classmethod
    def from_env(cls) -> VerifySettings:
        """Defaults, overridden by SOURCECHECK_EMBEDDING_MODEL, SOURCECHECK_CROSSLINGUAL_MODEL and
        SOURCECHECK_SCORER (checked here, before any work starts or any file is created)."""
        environment = current_settings()
        scorer = environment.scorer or DEFAULT_SCORER
        if scorer not in available_scorers():
            raise SourcecheckError(f"SOURCECHECK_SCORER={scorer!r} is not a scorer; available: "
                                   f"{', '.join(sorted(available_scorers()))}")
        return cls(embedding_model=environment.embedding_model or DEFAULT_MODEL,
                   crosslingual_model=environment.crosslingual_model or USEM3, scorer=scorer)

    @property
    def spaces(self) -> EmbeddingSpaces:
        return EmbeddingSpaces(self.embedding_model, self.crosslingual_model)

    @property
    def verdict_rule(self) -> VerdictRule:
        """Thresholds belong to the scorer (each scorer's scores have their own scale, calibrated on dev)."""
        return verdict_rule_for(load_scorer(self.scorer))

    def as_params(self) -> dict:
        return asdict(self) | {"verdict_rule": asdict(self.verdict_rule)}


def verdict_rule_for(scorer) -> VerdictRule:
    return VerdictRule(getattr(scorer, "support_min", VerdictRule.support_min),
                       getattr(scorer, "contradiction_min", VerdictRule.contradiction_min))
