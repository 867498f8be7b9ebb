"""The verdict of a claim from its scored candidates. The rule, in order:

1. `uncheckable`  - the claim is opinion or analysis (claims/checkworthiness.py); it is not scored.
2. `supported`    - the best support among cited candidates >= support_min and >= the best contradiction
                    among them (for a claim without a named citation: any candidate in the store).
3. `contradicted` - the best contradiction among cited candidates >= contradiction_min and above the best
                    support (a passage silent on the differing slot does not outweigh one that contradicts
                    it: silence costs support, see scoring/similarity_slots.py); also when the cited source is
                    silent, no source supports the claim and another source contradicts it (the flag matters
                    more than whose flag it is; the evidence outlet says who).
4. `misattributed`- the cited source does not support it, a candidate from elsewhere in the store does.
5. `not_found`    - nothing in the store supports or contradicts it.
Thresholds are stored with every run (runs.parameters).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from claims.records import Claim
from scoring.records import PairScore, Verdict
from sources.records import Candidate


@dataclass(frozen=True)
class VerdictRule:
    support_min: float = 0.5
    contradiction_min: float = 0.5

    def as_params(self) -> dict:
        return asdict(self)

    def decide(self, claim: Claim, candidates: list[Candidate], scores: list[PairScore]) -> Verdict:
        if not claim.checkworthy:
            return Verdict(claim.claim_id, "uncheckable", None, None, None, None, claim.checkworthy_reason)
        pairs = list(zip(candidates, scores))
        cited = [p for p in pairs if p[0].scope == "cited"]
        store = [p for p in pairs if p[0].scope == "store"]
        if not claim.cited_outlets:  # nothing named: the whole store is the cited source
            cited, store = cited + store, []
        best_support = max(cited, key=lambda p: (p[1].support, -p[1].contradiction), default=None)
        best_contra = max(cited, key=lambda p: p[1].contradiction, default=None)
        elsewhere = max(store, key=lambda p: p[1].support, default=None)
        elsewhere_contra = max(store, key=lambda p: p[1].contradiction, default=None)

        top_contra = best_contra[1].contradiction if best_contra else 0.0
        if best_support and best_support[1].support >= self.support_min and best_support[1].support >= top_contra:
            return self._verdict(claim, "supported", best_support, best_contra)
        if best_contra and best_contra[1].contradiction >= self.contradiction_min:
            return self._verdict(claim, "contradicted", best_contra, best_contra)
        if elsewhere and elsewhere[1].support >= self.support_min:
            return self._verdict(claim, "misattributed", elsewhere, best_contra, prefix=self._silent(claim))
        if elsewhere_contra and elsewhere_contra[1].contradiction >= self.contradiction_min:
            return self._verdict(claim, "contradicted", elsewhere_contra, elsewhere_contra, prefix=self._silent(claim))
        shown = best_support or elsewhere
        explanation = "no passage in the store supports or contradicts the claim"
        if shown:
            explanation += f" (closest: {shown[0].outlet}, {shown[1].explanation})"
        return Verdict(claim.claim_id, "not_found",
                       shown[1].support if shown else None,
                       best_contra[1].contradiction if best_contra else None,
                       shown[0].passage_id if shown else None, shown[0].outlet if shown else None, explanation)

    @staticmethod
    def _silent(claim: Claim) -> str:
        return f"the cited source ({', '.join(claim.cited_outlets)}) does not support it; "

    @staticmethod
    def _verdict(claim: Claim, status: str, evidence, contra, prefix: str = "") -> Verdict:
        candidate, score = evidence
        contradiction = max(score.contradiction, contra[1].contradiction if contra else 0.0)
        return Verdict(claim.claim_id, status, score.support, contradiction, candidate.passage_id, candidate.outlet,
                       f"{prefix}{candidate.outlet} ({candidate.published:%Y-%m-%d}): {score.explanation}")
