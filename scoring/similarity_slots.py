"""The first scorer: embedding similarity for "says the same thing", slot checks for "says it differently".

support       = calibrated similarity, raised when the claim's slots are found in the passage and cut when
                a slot differs or is missing;
contradiction = how clearly the passage is about the same thing (similarity) when at least one slot differs.
The calibration points are where all-MiniLM-L6-v2 cosine separates paraphrase (0.6-0.9) from same-topic
(0.35-0.6) sentences on the demo and on WiCE claims; they are parameters, stored with every run. A passage
not in English is read as scoring/pair_reading.py says (the same under every scorer).
"""

from __future__ import annotations

from dataclasses import dataclass

from sourcecheck.model.claims import Claim
from sourcecheck.model.scores import PairScore
from sourcecheck.model.sources import Candidate
from sourcecheck.scoring.pair_reading import SimilarityReading, read_crosslingual, reads_english
from sourcecheck.scoring.scorer import register_scorer
from sourcecheck.slots import slots_of


@dataclass(frozen=True)
class SimilaritySlotScorer:
    name: str = "similarity-slots"
    version: str = "3"   # 2: another event, roles, relative dates (slots/); 3: the cross-lingual entailment head
    reading: SimilarityReading = SimilarityReading()   # its parameters: the calibration points, the slot weights

    def score(self, claim: Claim, candidates: list[Candidate]) -> list[PairScore]:
        claim_slots = slots_of(claim.text, claim.written_on)
        return [self.reading.score(claim.claim_id, claim_slots, c) if reads_english(c)
                else read_crosslingual(claim.claim_id, claim_slots, c) for c in candidates]


@register_scorer("similarity-slots")
def _factory() -> SimilaritySlotScorer:
    return SimilaritySlotScorer()
